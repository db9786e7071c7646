import DossierTime

/// Recursive-descent parser from tokens to statements, with positioned errors and "did you mean" suggestions.
public struct Parser {
    private var tokens: [Token]
    private var position = 0
    private let lexer: Lexer
    private let file: String
    private var nesting = 0
    static let maximumNesting = 200

    public static let filterWords = ["actor", "place", "type", "doc", "text", "matching", "since", "until", "before",
                                     "after", "in", "between", "basis", "not", "source", "field", "member"]
    public static let otherWords = ["and", "or", "by", "to", "force", "width", "where", "sort", "limit", "desc", "asc",
                                    "with", "stopwords", "against", "window"]
    static let keywords = Set(CommandTable.words + filterWords + otherWords)

    /// Parses a whole source (one or more commands, one per line).
    /// `arguments` are a script's `$1`, `$2`, ...: each `$N` token stands for its value, as one word, number or date.
    public static func parse(_ source: String, file: String, firstLine: Int = 1, arguments: [String] = []) throws(Diagnostic) -> [Statement] {
        var lexer = Lexer(source, file: file, firstLine: firstLine)
        let tokens = try lexer.tokens().map { (token: Token) throws(Diagnostic) -> Token in
            operatorInCapitals(try substitute(arguments, in: token, file: file, lexer: lexer))
        }
        var parser = Parser(tokens: tokens, lexer: lexer, file: file)
        return try parser.statements(source, firstLine: firstLine)
    }

    /// `AND`, `OR` and `NOT` in capitals, as search engines write them, are the operators: else "actor Wagner AND place
    /// Mali" reads the name "Wagner AND".
    static func operatorInCapitals(_ token: Token) -> Token {
        guard case .word(let w) = token.kind, w == "AND" || w == "OR" || w == "NOT" else { return token }
        var lowered = token
        lowered.kind = .word(w.lowercased())
        return lowered
    }

    /// A `$N` token as the value of argument N; `$N` in the text after `echo` replaced in place.
    static func substitute(_ arguments: [String], in token: Token, file: String, lexer: Lexer) throws(Diagnostic) -> Token {
        func missing(_ n: Int, column: Int, length: Int) -> Diagnostic {
            Diagnostic(.error, at: SourceLocation(file: file, line: token.line, column: column), length: length,
                       "script argument $\(n) was not given (\(arguments.count) given)", sourceLine: lexer.sourceLine(token.line))
        }
        switch token.kind {
        case .argument(let n):
            guard n >= 1, n <= arguments.count else { throw missing(n, column: token.column, length: token.length) }
            var value = token
            let text = arguments[n - 1]
            value.text = text
            if !text.isEmpty, text.count <= 18, text.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(text) {
                value.kind = .number(number)
            } else if Period.parse(text) != nil, text.contains("-") {
                value.kind = .date(text)
            } else {
                value.kind = .string(text)
            }
            return value
        case .text(let text) where text.contains("$"):
            var value = token
            value.kind = .text(try expanded(text, arguments, column: token.column) { (n: Int, column: Int, length: Int) throws(Diagnostic) in
                throw missing(n, column: column, length: length)
            })
            return value
        // In quotes as a shell writes them ("$1"): the argument, when the script was given that many; else the text
        // as written, a price ("$1 million") in a phrase.
        case .string(let text) where text.contains("$") && !arguments.isEmpty:
            var value = token
            value.kind = .string(try expanded(text, arguments, column: token.column, missing: nil))
            return value
        default:
            return token
        }
    }

    /// `text` with each `$N` replaced by argument N. An argument not given calls `missing` (N, its column, its
    /// length); without `missing` the `$N` stays as written.
    static func expanded(_ text: String, _ arguments: [String], column start: Int,
                         missing: ((Int, Int, Int) throws(Diagnostic) -> Void)?) throws(Diagnostic) -> String {
        var out = ""
        var chars = Array(text)[...]
        var column = start
        while let c = chars.first {
            chars = chars.dropFirst()
            guard c == "$", let d = chars.first, d.isASCII, d.isNumber else {
                out.append(c)
                column += 1
                continue
            }
            let digits = String(chars.prefix { $0.isASCII && $0.isNumber })
            chars = chars.dropFirst(digits.count)
            let n = Int(digits.prefix(9)) ?? 0
            if n >= 1, n <= arguments.count {
                out += arguments[n - 1]
            } else if let missing {
                try missing(n, column, digits.count + 1)
            } else {
                out += "$" + digits
            }
            column += digits.count + 1
        }
        return out
    }

    init(tokens: [Token], lexer: Lexer, file: String) {
        self.tokens = tokens
        self.lexer = lexer
        self.file = file
    }

    private var current: Token { tokens[position] }

    private mutating func advance() -> Token {
        let t = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return t
    }

    private func error(_ message: String, at token: Token, suggestion: String? = nil) -> Diagnostic {
        Diagnostic(.error, at: SourceLocation(file: file, line: token.line, column: token.column), length: token.length,
                   message, suggestion: suggestion, sourceLine: lexer.sourceLine(token.line))
    }

    private func describe(_ token: Token) -> String {
        switch token.kind {
        case .end: return "end of input"
        case .newline: return "end of line"
        default: return "'\(TerminalSafe.clean(token.text))'"
        }
    }

    private func unexpected(_ token: Token, expecting: String, candidates: [String] = []) -> Diagnostic {
        let suggestion = token.word.flatMap { w in Suggest.nearest(w, in: candidates).flatMap { $0 == w ? nil : $0 } }
        if case .end = token.kind {
            // Just after the last token, on its line: the end of a script's text is after its last line break, on a
            // line that holds nothing to point at.
            var place = token
            if let last = tokens.last(where: { $0.kind != .newline && $0.kind != .end }) {
                place = Token(kind: .end, line: last.line, column: last.column + last.length, length: 1, text: "")
            }
            return error("\(expecting), but the command ends here", at: place)
        }
        if case .newline = token.kind { return error("\(expecting), but the line ends here", at: token) }
        return error("unexpected \(describe(token)): \(expecting)", at: token, suggestion: suggestion)
    }

    private mutating func statements(_ source: String, firstLine offset: Int) throws(Diagnostic) -> [Statement] {
        var result: [Statement] = []
        // Split at every line feed, also one after a carriage return (which with it is one Character).
        let sourceLines = source.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
        while current.kind != .end {
            if current.kind == .newline {
                _ = advance()
                continue
            }
            let first = current
            var command = try parseCommand()
            if current.kind == .pipe {
                if let what = Self.rowless(command) {
                    throw error("'|' picks or orders rows, and this command gives \(what)", at: current)
                }
                command = try limitStage(command)
            }
            guard current.kind == .newline || current.kind == .end else {
                if let w = current.word, !Parser.keywords.contains(w) { throw notAFilter(current, w) }
                // "find actor Wagner sort by time": a stage without its '|'.
                if let w = current.word, ["where", "sort", "limit", "sample", "offset"].contains(w) {
                    throw error("'\(current.text)' is a stage: write it after '|' (| \(w) ...)", at: current)
                }
                throw unexpected(current, expecting: "expected the end of the command", candidates: Parser.filterWords + Parser.otherWords)
            }
            let last = tokens[max(0, position - 1)]
            let text = sourceText(sourceLines, from: first, to: last, offset: offset)
            result.append(Statement(command: command, text: text, line: first.line, column: first.column))
        }
        return result
    }

    /// The command as written from `first` to the end of `last`, which may itself span lines (a quoted phrase).
    private func sourceText(_ lines: [String], from first: Token, to last: Token, offset: Int) -> String {
        let lastLines = last.text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        let endLine = last.line + lastLines.count - 1
        let a = first.line - offset, b = endLine - offset
        guard a >= 0, b < lines.count, a <= b else { return first.text }
        let chunk = lines[a...b].map { $0.trimmingTrailingCR() }
        var joined = chunk.joined(separator: "\n")
        let lastLineLength = chunk.last!.count
        let endColumn = lastLines.count == 1 ? last.column + last.length - 1 : String(String.UnicodeScalarView(lastLines.last!)).count
        if first.line == endLine {
            let chars = Array(chunk[0])
            let lo = max(0, first.column - 1), hi = min(chars.count, max(lo, endColumn))
            return String(chars[lo..<hi])
        }
        joined = String(joined.dropFirst(first.column - 1))
        return String(joined.dropLast(max(0, lastLineLength - endColumn)))
    }

    private mutating func expectWord(_ word: String) throws(Diagnostic) {
        guard current.word == word else { throw unexpected(current, expecting: "expected '\(word)'", candidates: [word]) }
        _ = advance()
    }

    /// One command: `$name` alone, or a command word and what its declaration in `CommandTable` reads after it.
    mutating func parseCommand() throws(Diagnostic) -> Command {
        let token = current
        if case .variable(let name) = token.kind {
            _ = advance()
            return .variable(name, SourceSpan(token))
        }
        guard let word = token.word else {
            throw unexpected(token, expecting: "expected a command such as 'find' or 'help'", candidates: CommandTable.words)
        }
        guard let spec = CommandTable.spec(word) else {
            throw error("unknown command '\(TerminalSafe.clean(word))'", at: token, suggestion: Suggest.nearest(word.lowercased(), in: CommandTable.words))
        }
        _ = advance()
        return try spec.parse(&self)
    }

    mutating func countCommand() throws(Diagnostic) -> Command {
        if current.word == "words" {
            _ = advance()
            let filter = try optionalFilter()
            return .countWords(filter, withStopWords: try withStopWords())
        }
        if current.word == "ngrams" {
            _ = advance()
            let n = try count("ngrams", minimum: 2, maximum: 5)
            let filter = try optionalFilter()
            return .countNgrams(n, filter, withStopWords: try withStopWords())
        }
        let filter = try optionalFilter()
        var key: CountKey?
        if current.word == "by" {
            _ = advance()
            let keyToken = current
            if keyToken.word == "source" || keyToken.word == "field" {
                _ = advance()
                var field = "source"
                var span = SourceSpan(keyToken)
                if keyToken.word == "field" {
                    let name = current
                    guard let w = name.word ?? { if case .string(let s) = name.kind { return s } else { return nil } }() else {
                        throw unexpected(name, expecting: "expected a field name, like count by field author")
                    }
                    _ = advance()
                    field = w.lowercased()
                    span = SourceSpan(name)
                }
                return .countByField(filter, field, span, try stages(.countRows(keyToken.word == "field" ? field : "source")))
            }
            guard let w = keyToken.word, let k = CountKey(rawValue: w) else {
                throw unexpected(keyToken, expecting: "expected what to count by (\((CountKey.allCases.map(\.rawValue) + ["source", "field KEY"]).joined(separator: ", ")))",
                                 candidates: CountKey.allCases.map(\.rawValue) + ["source", "field"])
            }
            _ = advance()
            key = k
        }
        return .count(filter, key, try stages(key.map { .countRows($0.rawValue) } ?? .total))
    }

    mutating func topCommand() throws(Diagnostic) -> Command {
        let kindToken = current
        guard let w = kindToken.word, w == "actors" || w == "places" else {
            throw unexpected(kindToken, expecting: "expected 'actors' or 'places'", candidates: ["actors", "places"])
        }
        _ = advance()
        var n: Int?
        if case .number = current.kind { n = try count("top", minimum: 1) }
        return .top(w == "actors" ? .actor : .place, n, try optionalFilter())
    }

    mutating func listCommand(_ kind: EntityKind) throws(Diagnostic) -> Command {
        if current.word == "type" {
            _ = advance()
            return .list(kind, type: try name("a type"), discovered: false)
        }
        if current.word == "discovered" {
            _ = advance()
            return .list(kind, type: nil, discovered: true)
        }
        return .list(kind, type: nil, discovered: false)
    }

    mutating func docsCommand() -> Command {
        guard current.word == "duplicates" else { return .documents }
        _ = advance()
        return .duplicateDocuments
    }

    mutating func showCommand() throws(Diagnostic) -> Command {
        let what = current
        switch what.word {
        case "actor":
            _ = advance()
            return .showEntity(.actor, try name("an actor name"))
        case "place":
            _ = advance()
            return .showEntity(.place, try name("a place name"))
        case "doc":
            _ = advance()
            return .showDocument(try name("a document id"))
        case "sentence":
            _ = advance()
            return .showSentence(try name("a sentence, like 004:12"))
        default:
            throw unexpected(what, expecting: "expected 'actor', 'place', 'doc' or 'sentence'", candidates: ["actor", "place", "doc", "sentence"])
        }
    }

    mutating func kwicCommand() throws(Diagnostic) -> Command {
        let first = current
        let node: Filter
        if case .string(let phrase) = first.kind {
            _ = advance()
            guard !phrase.trimmingSpaces().isEmpty else { throw error("the phrase is empty", at: first) }
            node = .phrase(phrase, SourceSpan(first))
        } else {
            guard let f = try optionalFilter() else {
                throw unexpected(first, expecting: "expected a phrase in quotes or a filter, like kwic \"Wagner Group\" or kwic actor Wagner")
            }
            node = f
        }
        var width: ContextWidth?
        if current.word == "width" {
            _ = advance()
            let n = current
            let value = try count("width", minimum: 1, maximum: 400)
            if current.word == "words" {
                _ = advance()
                guard value <= 50 else { throw error("width in words must be a whole number from 1 to 50", at: n) }
                width = .words(value)
            } else {
                guard value >= 10 else { throw error("width must be a whole number from 10 to 400 (or 'width N words')", at: n) }
                width = .characters(value)
            }
        }
        return .kwic(node, width: width, try optionalFilter(), SourceSpan(first))
    }

    mutating func cooccurCommand() throws(Diagnostic) -> Command {
        let what = current
        guard what.word == "actor" else { throw unexpected(what, expecting: "expected 'actor'", candidates: ["actor"]) }
        _ = advance()
        return .cooccur(try name("an actor name"), try optionalFilter())
    }

    /// `collocates WORD|"PHRASE"|actor NAME [window N] [FILTER] [with stopwords]`.
    mutating func collocatesCommand() throws(Diagnostic) -> Command {
        let token = current
        let node: CollocateNode
        switch token.kind {
        case .word("actor"):
            _ = advance()
            node = .actor(try name("an actor name"))
        case .string(let phrase):
            _ = advance()
            guard !phrase.trimmingSpaces().isEmpty else { throw error("the phrase is empty", at: token) }
            node = .words(phrase, SourceSpan(token))
        case .word(let w) where !Parser.keywords.contains(w):
            _ = advance()
            node = .words(w, SourceSpan(token))
        case .number:
            _ = advance()
            node = .words(token.text, SourceSpan(token))
        default:
            throw unexpected(token, expecting: "expected a word, a \"phrase\" or 'actor NAME', like collocates actor Wagner")
        }
        var window: Int?
        if current.word == "window" {
            _ = advance()
            window = try count("window", minimum: 1, maximum: 50)
        }
        let filter = try optionalFilter()
        return .collocates(node, window: window, filter, withStopWords: try withStopWords())
    }

    /// `keywords FILTER [against FILTER] [with stopwords]`.
    mutating func keywordsCommand() throws(Diagnostic) -> Command {
        guard let target = try optionalFilter() else {
            throw unexpected(current, expecting: "expected a filter naming the sentences to study, like keywords doc 002")
        }
        var reference: Filter?
        if current.word == "against" {
            _ = advance()
            guard let f = try optionalFilter() else { throw unexpected(current, expecting: "expected a filter after 'against'") }
            reference = f
        }
        return .keywords(target, against: reference, withStopWords: try withStopWords())
    }

    /// An optional `with stopwords` at the end of a word statistic.
    private mutating func withStopWords() throws(Diagnostic) -> Bool {
        guard current.word == "with" else { return false }
        _ = advance()
        try expectWord("stopwords")
        return true
    }

    mutating func dropCommand() throws(Diagnostic) -> Command {
        let token = current
        guard case .variable(let name) = token.kind else { throw unexpected(token, expecting: "expected a $name to forget, like drop $wagner") }
        _ = advance()
        return .drop(name, SourceSpan(token))
    }

    mutating func letCommand() throws(Diagnostic) -> Command {
        let nameToken = current
        guard let n = nameToken.word, n.first?.isLetter == true else {
            throw unexpected(nameToken, expecting: "expected a name for the result, like let wagner = find actor Wagner")
        }
        // Only a name `$NAME` can be written with: `let a-b` made a result nothing could use, show or drop.
        guard n.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            throw error("'\(n)' cannot name a result: a name is letters, digits and _ (as $NAME reads it)", at: nameToken,
                        suggestion: String(n.map { $0.isLetter || $0.isNumber ? $0 : "_" }))
        }
        _ = advance()
        guard current.kind == .equals else { throw unexpected(current, expecting: "expected '='") }
        _ = advance()
        return .assign(n, try resultCommand(toBe: "named"), SourceSpan(nameToken))
    }

    /// The command `let` names or `export` writes, with the listing stages it takes at the prompt (`let x = actors |
    /// limit 5` names five rows, `export kwic "tax" | sort by left to "k.csv"`); one that gives no result is refused.
    private mutating func resultCommand(toBe what: String) throws(Diagnostic) -> Command {
        let start = current
        var inner = try parseCommand()
        if current.kind == .pipe { inner = try limitStage(inner) }
        guard Self.givesResult(inner) else {
            throw error("'\(TerminalSafe.clean(start.text))' gives no result to be \(what): only searches, counts, listings and word statistics give one",
                        at: start)
        }
        return inner
    }

    /// Whether a command gives a result (sentences, counts, rows) rather than acting on settings, files or the session:
    /// `let` and `export` refuse the others as they parse, so an error means nothing ran and no file was written.
    static func givesResult(_ command: Command) -> Bool {
        switch command {
        case .assign, .drop, .set, .settings, .export, .exportModel, .run, .load, .echo, .expectCount, .expectContains, .help,
             .saveTranscript, .quit:
            false
        case .limited(let inner, _), .piped(let inner, _):
            givesResult(inner)
        default:
            true
        }
    }

    mutating func setCommand() throws(Diagnostic) -> Command {
        let option = current
        if option.kind == .newline || option.kind == .end || option.kind == .pipe { return .settings }
        guard let o = option.word else {
            throw unexpected(option, expecting: "expected an option (\(Setting.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        _ = advance()
        let value = current
        switch value.kind {
        case .word(let v), .string(let v): _ = advance(); return .set(o, v, SourceSpan(option))
        case .number(let v): _ = advance(); return .set(o, String(v), SourceSpan(option))
        default: throw unexpected(value, expecting: "expected a value for '\(o)'")
        }
    }

    mutating func exportCommand() throws(Diagnostic) -> Command {
        if current.word == "model" {
            _ = advance()
            guard current.word == "to" else { throw unexpected(current, expecting: "expected 'to \"DIR\"'", candidates: ["to"]) }
            _ = advance()
            let (path, span) = try quotedPath()
            return .exportModel(path: path, force: forceWord(), span)
        }
        let inner = try resultCommand(toBe: "exported")
        guard current.word == "to" else { throw unexpected(current, expecting: "expected 'to \"FILE\"'", candidates: ["to"]) }
        _ = advance()
        let (path, span) = try quotedPath()
        return .export(inner, path: path, force: forceWord(), span)
    }

    mutating func saveCommand() throws(Diagnostic) -> Command {
        guard current.word == "transcript" else { throw unexpected(current, expecting: "expected 'transcript'", candidates: ["transcript"]) }
        _ = advance()
        let (path, span) = try quotedPath()
        return .saveTranscript(path, force: forceWord(), span)
    }

    /// An optional `force` after a file name: replace the file if it exists.
    private mutating func forceWord() -> Bool {
        guard current.word == "force" else { return false }
        _ = advance()
        return true
    }

    mutating func quotedPath() throws(Diagnostic) -> (String, SourceSpan) {
        let pathToken = current
        guard case .string(let path) = pathToken.kind else { throw unexpected(pathToken, expecting: "expected a file name in quotes") }
        _ = advance()
        return (path, SourceSpan(pathToken))
    }

    mutating func echoCommand() -> Command {
        guard case .text(let text) = current.kind else { return .echo("") }
        _ = advance()
        return .echo(text)
    }

    mutating func expectCommand() throws(Diagnostic) -> Command {
        let what = current
        if what.word == "count" {
            _ = advance()
            return .expectCount(try count("expect count", minimum: 0))
        }
        if what.word == "contains" {
            _ = advance()
            guard case .string(let text) = current.kind else { throw unexpected(current, expecting: "expected text in quotes") }
            _ = advance()
            return .expectContains(text)
        }
        throw unexpected(what, expecting: "expected 'count N' or 'contains \"TEXT\"'", candidates: ["count", "contains"])
    }

    /// The words after `run "FILE"`, as the script's `$1`, `$2`, ...: words, quoted strings, numbers and dates.
    mutating func scriptArguments() -> [String] {
        var arguments: [String] = []
        while true {
            switch current.kind {
            case .word(let w), .string(let w): arguments.append(w)
            case .number, .date: arguments.append(current.text)
            default: return arguments
            }
            _ = advance()
        }
    }

    /// `help [TOPIC ...]`: the topic may be several words, as the command table writes them (`help show sentence`,
    /// `help count words`).
    mutating func helpCommand() -> Command {
        var words: [String] = []
        while let word = current.word {
            words.append(word)
            _ = advance()
        }
        return .help(words.isEmpty ? nil : words.joined(separator: " "))
    }

    /// `| limit N [offset M]`, `| sample N [seed S]` and `| sort by left|right [N]` after a listing, ranking, count
    /// or concordance; `where` and `sort by time|doc` only apply to sentence results. A lone `| limit N` stays `.limited`.
    private mutating func limitStage(_ command: Command) throws(Diagnostic) -> Command {
        var stages: [ListingStage] = []
        while current.kind == .pipe {
            _ = advance()
            let token = current
            switch token.word {
            case "limit":
                _ = advance()
                let n = try count("limit", minimum: 0)
                stages.append(.limit(n, offset: try offsetWords() ?? 0))
            case "sample":
                _ = advance()
                let (n, seed) = try sampleWords()
                stages.append(.sample(n, seed: seed))
            case "sort":
                _ = advance()
                try expectWord("by")
                let side = current
                guard let w = side.word else {
                    throw unexpected(side, expecting: "expected a column to sort by ('left' or 'right' for kwic lines, a column of the listing otherwise)")
                }
                _ = advance()
                guard let which = ContextSide(rawValue: w) else {
                    var descending = false
                    if let order = current.word, order == "desc" || order == "asc" {
                        descending = order == "desc"
                        _ = advance()
                    }
                    stages.append(.sortByColumn(w, descending: descending, SourceSpan(side)))
                    continue
                }
                var n = 1
                if case .number = current.kind { n = try count("sort by \(w)", minimum: 1, maximum: 50) }
                stages.append(.sortByContext(which, n, SourceSpan(side)))
            default:
                let hint = token.word == "where" ? "'| where' applies to sentences (find, timeline); here '| limit', '| sample' or '| sort by COLUMN'"
                    : "expected 'limit', 'sample' or 'sort by COLUMN' after '|'"
                throw error(hint, at: token, suggestion: token.word.flatMap { Suggest.nearest($0, in: ["limit", "sample", "sort"]) }.flatMap { $0 == token.word ? nil : $0 })
            }
        }
        if stages.count == 1, case .limit(let n, offset: 0) = stages[0] { return .limited(command, n) }
        return .piped(command, stages)
    }

    /// An optional `offset M` after `limit N`.
    private mutating func offsetWords() throws(Diagnostic) -> Int? {
        guard current.word == "offset" else { return nil }
        _ = advance()
        return try count("offset", minimum: 0)
    }

    /// `N [seed S]` after `sample`; without a seed the sample is the same every time (seed 1).
    private mutating func sampleWords() throws(Diagnostic) -> (Int, UInt64) {
        let n = try count("sample", minimum: 0)
        guard current.word == "seed" else { return (n, 1) }
        _ = advance()
        return (n, UInt64(try count("seed", minimum: 0)))
    }

    mutating func count(_ what: String, minimum: Int, maximum: Int = 1_000_000_000) throws(Diagnostic) -> Int {
        let token = current
        switch token.kind {
        case .number(let n):
            _ = advance()
            guard n >= minimum, n <= maximum else {
                throw error("\(what) must be a whole number from \(minimum) to \(maximum)", at: token)
            }
            return n
        case .word(let w) where w.hasPrefix("-"):
            throw error("\(what) must be a whole number from \(minimum) to \(maximum), not negative", at: token)
        default:
            throw unexpected(token, expecting: "expected a number")
        }
    }

    /// What a command without rows gives, for the error when a `|` follows it; nil for a command with rows.
    static func rowless(_ command: Command) -> String? {
        switch command {
        case .showEntity, .showDocument, .showSentence: "a profile"
        case .help: "help text"
        case .set, .echo, .expectCount, .expectContains, .run, .load, .drop, .quit, .export, .exportModel, .saveTranscript:
            "no rows"
        default: nil
        }
    }

    /// What the stages after a command pick from: the sentences of `find` and `timeline`, the rows of a count by the
    /// key named (sorted by count or by that key), or the one number of `count` without `by`.
    enum StageTarget: Equatable { case sentences, countRows(String), total }

    mutating func stages(_ target: StageTarget = .sentences) throws(Diagnostic) -> [Stage] {
        var result: [Stage] = []
        while current.kind == .pipe {
            _ = advance()
            let token = current
            if target == .total, token.word == "limit" || token.word == "sample" || token.word == "sort" {
                throw error("'| \(token.word!)' picks or orders rows, and a count without 'by' is one number (count ... by year, by actor, ...)", at: token)
            }
            if case .countRows(let key) = target, token.word == "sort" {
                _ = advance()
                try expectWord("by")
                let orderToken = current
                // A field's name as `count by field` read it: a word or a quoted string, in lower case.
                let named: String? = { if case .string(let s) = orderToken.kind { s.lowercased() } else { orderToken.word } }()
                guard let w = named, let order = w == "count" ? RowOrder.count
                          : w == key || w.lowercased() == key || w == "key" || w == "time" && (key == "year" || key == "month") ? RowOrder.key : nil else {
                    throw unexpected(orderToken, expecting: "expected 'count' or '\(key)': a count's rows sort by their counts or their keys",
                                     candidates: ["count", key])
                }
                _ = advance()
                var descending = false
                if current.word == "desc" || current.word == "asc" {
                    descending = advance().word == "desc"
                }
                result.append(.sortRows(order, descending: descending))
                continue
            }
            switch token.word {
            case "where":
                _ = advance()
                guard let f = try optionalFilter() else { throw unexpected(current, expecting: "expected a filter after 'where'") }
                result.append(.filter(f))
            case "sort":
                _ = advance()
                try expectWord("by")
                let keyToken = current
                guard let w = keyToken.word, let key = SortKey(rawValue: w) else {
                    throw unexpected(keyToken, expecting: "expected 'time' or 'doc'", candidates: SortKey.allCases.map(\.rawValue))
                }
                _ = advance()
                var descending = false
                if current.word == "desc" || current.word == "asc" {
                    descending = advance().word == "desc"
                }
                result.append(.sort(key, descending: descending))
            case "limit":
                _ = advance()
                let n = current
                let limit = try count("limit", minimum: 0)
                if let offset = try offsetWords() { result.append(.offset(offset)) }
                result.append(.limit(limit, SourceSpan(n)))
            case "sample":
                _ = advance()
                let (n, seed) = try sampleWords()
                result.append(.sample(n, seed: seed))
            default:
                throw unexpected(token, expecting: "expected 'where', 'sort by', 'limit' or 'sample' after '|'", candidates: ["where", "sort", "limit", "sample"])
            }
        }
        return result
    }

    /// A word where a filter or the end of the command should be. A misspelt keyword gets the keyword; a name or a
    /// word of the text (the usual case: "find Wagner") gets how to write it, and "from" how to write a span of time.
    private func notAFilter(_ token: Token, _ word: String, near others: [String] = [], after previous: String? = nil) -> Diagnostic {
        let shown = TerminalSafe.clean(word)
        if word.lowercased() == "from" {
            return error("unexpected '\(shown)': a span of time is written 'between 2017 and 2019' (or 'since 2017', 'until 2019')", at: token, suggestion: "between")
        }
        if Parser.keywords.contains(word.lowercased()) {
            return error("unexpected '\(shown)': keywords are written in lower case", at: token, suggestion: word.lowercased())
        }
        if word == word.lowercased(), let keyword = Suggest.nearest(word, in: Parser.filterWords + others), keyword != word {
            return error("unexpected '\(shown)'", at: token, suggestion: keyword)
        }
        let lead = previous.map { "after '\($0)' comes a filter: " } ?? ""
        return error("unexpected '\(shown)': \(lead)a name follows actor or place (actor \(shown), place \(shown)), words of the text go in quotes (\"\(shown)\")", at: token)
    }

    private func startsPrimary(_ token: Token) -> Bool {
        switch token.kind {
        case .leftParen, .string, .regex, .variable: return true
        case .word(let w): return Parser.filterWords.contains(w)
        default: return false
        }
    }

    mutating func optionalFilter() throws(Diagnostic) -> Filter? {
        guard startsPrimary(current) else {
            if let w = current.word, !Parser.keywords.contains(w) { throw notAFilter(current, w, near: ["by", "to"]) }
            return nil
        }
        return try orExpression()
    }

    private mutating func orExpression() throws(Diagnostic) -> Filter {
        var terms = [try andExpression()]
        while current.word == "or" {
            _ = advance()
            terms.append(try andExpression())
        }
        return Self.balanced(terms[...], Filter.or)
    }

    private mutating func andExpression() throws(Diagnostic) -> Filter {
        var terms = [try unary()]
        while true {
            if current.word == "and" {
                _ = advance()
                terms.append(try unary())
            } else if startsPrimary(current) {
                terms.append(try unary())
            } else if let w = current.word, !Parser.keywords.contains(w) {
                throw notAFilter(current, w, near: ["and", "or", "by", "to"])
            } else {
                return Self.balanced(terms[...], Filter.and)
            }
        }
    }

    /// A chain of terms joined by one operator, as a tree of depth log2(n): `a or b or c or d` is
    /// `(a or b) or (c or d)`, the same sentences as reading it from the left, so a chain of any length is
    /// evaluated, compared and freed without deep recursion. Up to three terms it is the tree read from the left.
    static func balanced(_ terms: ArraySlice<Filter>, _ join: (Filter, Filter) -> Filter) -> Filter {
        if terms.count == 1 { return terms.first! }
        let middle = terms.startIndex + (terms.count + 1) / 2
        return join(balanced(terms[..<middle], join), balanced(terms[middle...], join))
    }

    private mutating func unary() throws(Diagnostic) -> Filter {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Parser.maximumNesting else { throw error("filter nested too deeply (more than \(Parser.maximumNesting) levels)", at: current) }
        if current.word == "not" {
            _ = advance()
            return .not(try unary())
        }
        return try primary()
    }

    private mutating func primary() throws(Diagnostic) -> Filter {
        let token = current
        switch token.kind {
        case .leftParen:
            _ = advance()
            let inner = try orExpression()
            guard current.kind == .rightParen else { throw unexpected(current, expecting: "expected ')' to close the '(' at column \(token.column)") }
            _ = advance()
            return inner
        case .string(let phrase):
            _ = advance()
            return try phraseFilter(phrase, token)
        case .regex(let pattern, let ci):
            _ = advance()
            return .regex(pattern: pattern, caseInsensitive: ci, SourceSpan(token))
        case .variable(let name):
            _ = advance()
            return .variable(name, SourceSpan(token))
        case .word(let w):
            _ = advance()
            switch w {
            case "actor": return .actor(try name("an actor name"))
            case "place": return .place(try name("a place name"))
            case "type": return .type(try name("a type"))
            case "doc": return .document(try name("a document id"))
            case "source": return .field("source", try name("a source, like source academic"))
            case "member":
                try expectWord("of")
                return .member(try name("an actor name, like member of Wagner Group"))
            case "field":
                let keyToken = current
                guard let key = keyToken.word ?? { if case .string(let s) = keyToken.kind { return s } else { return nil } }() else {
                    throw unexpected(keyToken, expecting: "expected a field name, like field author Smith")
                }
                _ = advance()
                return .field(key.lowercased(), try name("a value for field \(key)"))
            case "text":
                let phraseToken = current
                guard case .string(let phrase) = phraseToken.kind else { throw unexpected(phraseToken, expecting: "expected a phrase in quotes") }
                _ = advance()
                return try phraseFilter(phrase, phraseToken)
            case "matching":
                let r = current
                guard case .regex(let pattern, let ci) = r.kind else { throw unexpected(r, expecting: "expected a regular expression between slashes, like /Wagner\\s+Group/") }
                _ = advance()
                return .regex(pattern: pattern, caseInsensitive: ci, SourceSpan(r))
            case "since", "until", "before", "after", "in":
                let (period, span) = try date()
                if w == "in", current.text.hasPrefix("..") { return try yearRange(from: period, fromSpan: span) }
                return .date(DateRelation(rawValue: w)!, period, span)
            case "basis":
                let value = current
                guard let w = value.word, let basis = TimeBasis(rawValue: w.lowercased()) else {
                    throw unexpected(value, expecting: "expected how the time is known: explicit, context or document",
                                     candidates: ["explicit", "context", "document"])
                }
                _ = advance()
                return .basis(basis, SourceSpan(value))
            case "between":
                let (from, fromSpan) = try date()
                try expectWord("and")
                let (to, toSpan) = try date()
                let span = SourceSpan(line: fromSpan.line, column: fromSpan.column,
                                      length: toSpan.line == fromSpan.line ? toSpan.column + toSpan.length - fromSpan.column : fromSpan.length)
                guard from.start <= to.end else { throw Diagnostic(.error, at: SourceLocation(file: file, line: span.line, column: span.column), length: span.length, "'between \(from.label) and \(to.label)' is empty: the first date is after the second", sourceLine: lexer.sourceLine(span.line)) }
                return .between(from, to, span)
            default:
                let before = position >= 2 ? tokens[position - 2].word.flatMap { ["and", "or", "not"].contains($0) ? $0 : nil } : nil
                throw notAFilter(token, w, after: before)
            }
        default:
            throw unexpected(token, expecting: "expected a filter (actor, place, type, doc, text, matching, since, until, before, after, in, between, basis, not, a \"phrase\" or $name)")
        }
    }

    private func phraseFilter(_ phrase: String, _ token: Token) throws(Diagnostic) -> Filter {
        guard !phrase.trimmingSpaces().isEmpty else { throw error("the phrase is empty", at: token) }
        return .phrase(phrase, SourceSpan(token))
    }

    /// `in 1861..1865`, as a chart's row names a run of years (months): `between 1861 and 1865`.
    private mutating func yearRange(from: Period, fromSpan: SourceSpan) throws(Diagnostic) -> Filter {
        let token = current
        let text = String(token.text.dropFirst(2))
        _ = advance()
        guard let to = Period.parse(text) else {
            throw error("'\(text)' is not a date: write 'in 1861..1865' or 'between 1861 and 1865' (a year has four digits)", at: token)
        }
        let span = SourceSpan(line: fromSpan.line, column: fromSpan.column,
                              length: token.line == fromSpan.line ? token.column + token.text.count - fromSpan.column : fromSpan.length)
        guard from.start <= to.end else {
            throw Diagnostic(.error, at: SourceLocation(file: file, line: span.line, column: span.column), length: span.length,
                             "'\(from.label)..\(to.label)' is empty: the first date is after the second", sourceLine: lexer.sourceLine(span.line))
        }
        return .between(from, to, span)
    }

    private mutating func date() throws(Diagnostic) -> (Period, SourceSpan) {
        let token = current
        let text: String
        switch token.kind {
        case .number: text = token.text
        case .date(let d): text = d
        default: throw unexpected(token, expecting: "expected a date: 2017, 2019-02 or 2019-02-05")
                .with(suggestion: writtenDate(at: token))
        }
        _ = advance()
        guard let period = Period.parse(text) else {
            throw error("'\(text)' is not a date: write 2017, 2019-02 or 2019-02-05 (a year has four digits, 0001 to 9999)", at: token)
        }
        return (period, SourceSpan(token))
    }

    /// A date written in words where the language wants its own form ("March 2021", "Sept. 11 2001"), read by the
    /// time reader that reads the documents and offered as the language writes it: 2021-03, 2001-09-11.
    private func writtenDate(at token: Token) -> String? {
        guard token.word != nil else { return nil }
        let rest = String(lexer.sourceLine(token.line).dropFirst(token.column - 1))
        guard let found = TimeExpressionExtractor().extract(rest, documentDate: nil, context: nil).first,
              found.range.lowerBound == 0, !found.period.label.contains("..") else { return nil }
        return found.period.label
    }

    /// A lower-case word one edit away from a filter keyword ("sinse", "untill") ends a name, so the error
    /// points at it with a suggestion instead of reporting an unknown multi-word name.
    static func looksLikeMisspeltKeyword(_ word: String) -> Bool {
        guard word.count >= 4, word == word.lowercased() else { return false }
        let long = ["since", "until", "before", "after", "between", "actor", "place", "matching", "where"]
        return long.contains { Suggest.distance(Array($0), Array(word), limit: 1) <= 1 }
    }

    static func isTime(_ token: Token) -> Bool {
        switch token.kind {
        case .number, .date: true
        default: false
        }
    }

    /// A name: a quoted string, or words up to the next keyword ("find actor Wagner Group since 2017").
    mutating func name(_ what: String) throws(Diagnostic) -> NameReference {
        let first = current
        if case .string(let s) = first.kind {
            _ = advance()
            guard !s.trimmingSpaces().isEmpty else { throw error("\(what) cannot be empty", at: first) }
            return NameReference(text: s, span: SourceSpan(first))
        }
        var words: [String] = []
        var last = first
        while true {
            let t = current
            var piece: String?
            switch t.kind {
            case .word(let w):
                let stops = words.isEmpty ? ["and", "or", "not"].contains(w) || Parser.filterWords.contains(w)
                    : Parser.keywords.contains(w) || Parser.looksLikeMisspeltKeyword(w) || (w == "from" && Self.isTime(tokens[position + 1]))
                piece = stops ? nil : w
            case .number, .date: piece = t.text
            default: piece = nil
            }
            guard let p = piece, t.line == first.line else { break }
            words.append(p)
            last = advance()
        }
        guard !words.isEmpty else {
            // "OR", "and", "from" as a name: a word of the language is read as that word unless quoted.
            let quoting = first.word.map { _ in " (a name that is a word of the language is written in quotes: \"\(first.text)\")" } ?? ""
            throw unexpected(first, expecting: "expected \(what)\(quoting)")
        }
        let length = last.column + last.length - first.column
        return NameReference(text: words.joined(separator: " "), span: SourceSpan(line: first.line, column: first.column, length: length))
    }
}
