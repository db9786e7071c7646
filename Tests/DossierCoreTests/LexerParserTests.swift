import Testing
@testable import DossierCore
import DossierTime

@Suite("Lexer")
struct LexerTests {
    static func lex(_ s: String) throws(Diagnostic) -> [Token] {
        var lexer = Lexer(s, file: "<command>")
        return try lexer.tokens()
    }

    static func describe(_ t: Token) -> String {
        let kind: String
        switch t.kind {
        case .word(let w): kind = "word(\(w))"
        case .string(let s): kind = "string(\(s))"
        case .regex(let p, let i): kind = "regex(\(p)\(i ? ",i" : ""))"
        case .number(let n): kind = "number(\(n))"
        case .date(let d): kind = "date(\(d))"
        case .variable(let v): kind = "var(\(v))"
        case .argument(let n): kind = "arg(\(n))"
        case .text(let t): kind = "text(\(t))"
        case .leftParen: kind = "("
        case .rightParen: kind = ")"
        case .pipe: kind = "|"
        case .equals: kind = "="
        case .comma: kind = ","
        case .newline: kind = "nl"
        case .end: kind = "end"
        }
        return "\(kind)@\(t.line):\(t.column)+\(t.length)"
    }

    @Test(arguments: [
        ("find actor Wagner", ["word(find)@1:1+4", "word(actor)@1:6+5", "word(Wagner)@1:12+6", "end@1:18+1"]),
        ("find text \"Touadéra\" since 2017", ["word(find)@1:1+4", "word(text)@1:6+4", "string(Touadéra)@1:11+10", "word(since)@1:22+5", "number(2017)@1:28+4", "end@1:32+1"]),
        ("find actor Touadéra since 2017", ["word(find)@1:1+4", "word(actor)@1:6+5", "word(Touadéra)@1:12+8", "word(since)@1:21+5", "number(2017)@1:27+4", "end@1:31+1"]),
        ("find \"a \\\"b\\\" \\\\ c\\n\"", ["word(find)@1:1+4", "string(a \"b\" \\ c\n)@1:6+16", "end@1:22+1"]),
        ("find “curly quoted” x", ["word(find)@1:1+4", "string(curly quoted)@1:6+14", "word(x)@1:21+1", "end@1:22+1"]),
        ("find \"the message “reads” now\"", ["word(find)@1:1+4", "string(the message “reads” now)@1:6+25", "end@1:31+1"]),
        ("find “he said \"no\" today”", ["word(find)@1:1+4", "string(he said \"no\" today)@1:6+20", "end@1:26+1"]),
        ("find \"would” x", ["word(find)@1:1+4", "string(would)@1:6+7", "word(x)@1:14+1", "end@1:15+1"]),
        ("find matching /Wagner\\s+Group/i", ["word(find)@1:1+4", "word(matching)@1:6+8", "regex(Wagner\\s+Group,i)@1:15+17", "end@1:32+1"]),
        ("find matching /a\\/b/", ["word(find)@1:1+4", "word(matching)@1:6+8", "regex(a/b)@1:15+6", "end@1:21+1"]),
        ("find matching /x/in 2017", ["word(find)@1:1+4", "word(matching)@1:6+8", "regex(x)@1:15+3", "word(in)@1:18+2", "number(2017)@1:21+4", "end@1:25+1"]),
        ("find in 2019-02 or in 2019-02-05", ["word(find)@1:1+4", "word(in)@1:6+2", "date(2019-02)@1:9+7", "word(or)@1:17+2", "word(in)@1:20+2", "date(2019-02-05)@1:23+10", "end@1:33+1"]),
        ("find $wagner_2", ["word(find)@1:1+4", "var(wagner_2)@1:6+9", "end@1:15+1"]),
        ("find # a comment\ncount", ["word(find)@1:1+4", "nl@1:17+1", "word(count)@2:1+5", "end@2:6+1"]),
        ("find actor \\\n  Wagner", ["word(find)@1:1+4", "word(actor)@1:6+5", "word(Wagner)@2:3+6", "end@2:9+1"]),
        ("find (actor X\nor actor Y)", ["word(find)@1:1+4", "(@1:6+1", "word(actor)@1:7+5", "word(X)@1:13+1", "word(or)@2:1+2", "word(actor)@2:4+5", "word(Y)@2:10+1", ")@2:11+1", "end@2:12+1"]),
        ("echo  hello   world  ", ["word(echo)@1:1+4", "text(hello   world)@1:7+13", "end@1:22+1"]),
        ("let w = find | limit 3", ["word(let)@1:1+3", "word(w)@1:5+1", "=@1:7+1", "word(find)@1:9+4", "|@1:14+1", "word(limit)@1:16+5", "number(3)@1:22+1", "end@1:23+1"]),
        ("find actor D-30s", ["word(find)@1:1+4", "word(actor)@1:6+5", "word(D-30s)@1:12+5", "end@1:17+1"]),
        ("find actor 614th", ["word(find)@1:1+4", "word(actor)@1:6+5", "word(614th)@1:12+5", "end@1:17+1"]),
        // An id copied from `docs` whose folder is digits (tester20 #16: a regular expression, left open).
        ("show doc 19161109/sn82014086-ed-1_seq-1", ["word(show)@1:1+4", "word(doc)@1:6+3", "word(19161109/sn82014086-ed-1_seq-1)@1:10+30", "end@1:40+1"]),
        ("show sentence 19161109/sn82014682:304", ["word(show)@1:1+4", "word(sentence)@1:6+8", "word(19161109/sn82014682:304)@1:15+23", "end@1:38+1"]),
        // A no-break or narrow space pasted from a web page is a space (tester19 #18e).
        ("count\u{00A0}actor\u{202F}Wagner", ["word(count)@1:1+5", "word(actor)@1:7+5", "word(Wagner)@1:13+6", "end@1:19+1"]),
    ])
    func tokens(_ source: String, _ expected: [String]) throws {
        #expect(try Self.lex(source).map(Self.describe) == expected)
    }

    @Test(arguments: [
        ("find \"abc", 1, 6, "unterminated string"),
        ("find actor X\nfind \"Maïga", 2, 6, "unterminated string"),
        ("find \"Touadéra\" \"x", 1, 17, "unterminated string"),
        ("find matching /abc", 1, 15, "unterminated regular expression"),
        ("find matching /ab\nc/", 1, 15, "unterminated regular expression"),
        ("find $ x", 1, 6, "'$' must be followed by a name"),
        ("find 99999999999999999999", 1, 6, "too large"),
        ("find é ; x", 1, 8, "unexpected character ';'"),
        ("find \u{7}", 1, 6, "unexpected character '^G'"),
    ])
    func errors(_ source: String, _ line: Int, _ column: Int, _ message: String) {
        do {
            _ = try Self.lex(source)
            Issue.record("no error for \(source)")
        } catch {
            #expect(error.location.line == line)
            #expect(error.location.column == column)
            #expect(error.message.contains(message), "\(error.message)")
            #expect(!error.message.unicodeScalars.contains { $0.value < 0x20 }, "control characters escaped")
        }
    }

    @Test(arguments: [
        ("find (actor X", true), ("find \"abc", true), ("find actor X \\", true), ("find actor X", false),
        ("find (actor X)", false), ("find matching /abc", false), ("find \"a\" # (", false),
    ])
    func continuation(_ source: String, _ needs: Bool) {
        #expect(Lexer.needsContinuation(source) == needs)
    }
}

@Suite("Parser")
struct ParserTests {
    static let commands = [
        "find", "find actor Wagner", "find actor \"Wagner Group\"", "find actor Wagner Group since 2017", "find place Mali",
        "find type state", "find doc 004", "find text \"tactical alliance\"", "find \"tactical alliance\"",
        "find matching /Wagner\\s+Group/", "find matching /wagner/i", "find since 2017", "find until 2019-02",
        "find before 2019-02-05", "find after 2017", "find in 2021", "find between 2015 and 2017", "find $w",
        "find actor Russia and not place Mali", "find (actor Russia or actor France) and in 2021", "find not not actor X",
        "find actor Wagner | where place Mali | sort by time desc | limit 5", "find | sort by doc asc", "find | limit 0",
        "count", "count by year", "count by month", "count by doc", "count by actor", "count by place", "count by type",
        "count actor Wagner by year", "top actors", "top actors 5", "top places 3 actor Russia", "actors", "actors type state",
        "actors discovered", "places", "docs", "show actor Wagner", "show place Mali", "show doc 004",
        "timeline", "timeline actor Wagner | limit 3", "kwic \"Wagner\"", "kwic \"Wagner\" width 30 doc 002",
        "cooccur actor Russia", "cooccur actor Russia in 2021", "let w = find actor Wagner", "$w", "set format json",
        "set limit 5", "set limit none", "set color off", "set timer on", "export find actor Wagner to \"x.csv\" force",
        "export count by year to \"y.json\"", "run \"script.dossier\"", "load \"dir\"", "echo hello world", "echo",
        "expect count 3", "expect contains \"x\"", "help", "help find", "quit", "exit", "save transcript \"t.txt\"",
        "FIND actor Wagner",
    ]

    @Test(arguments: commands)
    func parses(_ source: String) throws {
        let statements = try Parser.parse(source, file: "<command>")
        #expect(statements.count == 1)
        #expect(statements.first?.text == source)
    }

    /// A statement's text is all of it, also when a quoted phrase runs onto the next line: a saved transcript
    /// holds that text, and cut at the line's end it no longer parses when checked.
    @Test(arguments: [
        "count text \"Wagner\nGroup\"",
        "count text \"Wagner\nGroup\" and actor Russia",
        "find text \"the\nWagner\nGroup\" | limit 2",
        "count text \"Wagner\r\nGroup\"",
    ])
    func aPhraseAcrossLinesStaysInTheStatementsText(_ source: String) throws {
        let statements = try Parser.parse(source + "\ndocs", file: "<stdin>")
        #expect(statements.map(\.text) == [source.replacingOccurrences(of: "\r\n", with: "\n"), "docs"])
    }

    /// `export` takes the listing stages a command takes at the prompt: a sorted concordance is the usual thing to save.
    @Test(arguments: ["export kwic \"Russia\" | sort by left to \"k.csv\"", "export count words | limit 3 to \"w.csv\"",
                      "export $k | limit 1 to \"k.csv\" force"])
    func exportTakesListingStages(_ source: String) throws {
        switch try Parser.parse(source, file: "<command>").first?.command {
        case .export(.limited, _, _, _)?, .export(.piped, _, _, _)?: break
        case let other: Issue.record("\(String(describing: other))")
        }
    }

    @Test func multiLineSourceGivesStatementsWithLines() throws {
        let s = try Parser.parse("find actor Wagner\n\n# note\ncount by year\nfind (actor X\n  or actor Y)\n", file: "s.dossier")
        #expect(s.map(\.line) == [1, 4, 5])
        #expect(s.map(\.text) == ["find actor Wagner", "count by year", "find (actor X\n  or actor Y)"])
    }

    @Test func filterStructure() throws {
        let s = try Parser.parse("find actor Wagner Group since 2017 or not place Mali", file: "<command>")
        guard case .find(let f?, let stages) = s.first?.command, stages.isEmpty else { Issue.record("not a find"); return }
        guard case .or(.and(.actor(let name), .date(.since, let p, _)), .not(.place(let place))) = f else {
            Issue.record("wrong structure: \(f)")
            return
        }
        #expect(name.text == "Wagner Group")
        #expect(name.span == SourceSpan(line: 1, column: 12, length: 12))
        #expect(p == Period.year(2017))
        #expect(place.text == "Mali")
    }

    @Test func implicitAnd() throws {
        let s = try Parser.parse("find actor Wagner in 2021", file: "<command>")
        guard case .find(.and(.actor, .date(.within, _, _))?, _) = s.first?.command else {
            Issue.record("\(String(describing: s.first?.command))")
            return
        }
    }

    struct Case: Sendable, CustomStringConvertible {
        var source: String
        var line: Int
        var column: Int
        var length: Int
        var message: String
        var description: String { source }
    }

    /// `AND`, `OR` and `NOT` in capitals are the operators, as search engines write them; a name still ends before them.
    @Test(arguments: [
        ("find actor Wagner AND place Mali", "find actor Wagner and place Mali"),
        ("find actor Wagner Group OR NOT text \"Putin\"", "find actor Wagner Group or not text \"Putin\""),
    ])
    func operatorsInCapitals(_ capitals: String, _ lower: String) throws {
        let a = try Parser.parse(capitals, file: "<command>").map(\.command)
        let b = try Parser.parse(lower, file: "<command>").map(\.command)
        #expect(a == b)
    }

    @Test(arguments: [
        Case(source: "find actor Wagner sinse 2017", line: 1, column: 19, length: 5, message: "unexpected 'sinse' — did you mean 'since'?"),
        Case(source: "find \"Wagner\" sinse 2017", line: 1, column: 15, length: 5, message: "unexpected 'sinse' — did you mean 'since'?"),
        Case(source: "fnd actor X", line: 1, column: 1, length: 3, message: "unknown command 'fnd' — did you mean 'find'?"),
        Case(source: "count by yaer", line: 1, column: 10, length: 4, message: "unexpected 'yaer': expected what to count by (year, month, doc, actor, place, type, source, field KEY) — did you mean 'year'?"),
        Case(source: "find | limit -1", line: 1, column: 14, length: 2, message: "limit must be a whole number from 0 to 1000000000, not negative"),
        Case(source: "find between 2020 and 2010", line: 1, column: 14, length: 13, message: "'between 2020 and 2010' is empty: the first date is after the second"),
        Case(source: "find (actor Wagner", line: 1, column: 19, length: 1, message: "expected ')' to close the '(' at column 6, but the command ends here"),
        Case(source: "find actor Wagner)", line: 1, column: 18, length: 1, message: "unexpected ')': expected the end of the command"),
        Case(source: "find actor", line: 1, column: 11, length: 1, message: "expected an actor name, but the command ends here"),
        // A name `$NAME` could never reach (tester14 #6).
        Case(source: "let a-b = find actor Wagner", line: 1, column: 5, length: 3,
             message: "'a-b' cannot name a result: a name is letters, digits and _ (as $NAME reads it) — did you mean 'a_b'?"),
        // A stage written without its '|'.
        Case(source: "find actor Wagner sort by time", line: 1, column: 19, length: 4, message: "'sort' is a stage: write it after '|' (| sort ...)"),
        // A name that is a word of the language, in any case, is read as that word: the error says to quote it.
        Case(source: "find type OR", line: 1, column: 11, length: 2,
             message: "unexpected 'OR': expected a type (a name that is a word of the language is written in quotes: \"OR\")"),
        Case(source: "find in 2019-13", line: 1, column: 9, length: 7, message: "'2019-13' is not a date: write 2017, 2019-02 or 2019-02-05 (a year has four digits, 0001 to 9999)"),
        Case(source: "find actor W\u{200B}agner", line: 1, column: 13, length: 1, message: "unexpected character U+200B"),
        // A new user's first queries: a name without actor or place, a span written "from ... to", other languages'
        // operators, keywords in capitals. The error says how to write it, and never offers the word it rejects.
        Case(source: "find Wagner", line: 1, column: 6, length: 6,
             message: "unexpected 'Wagner': a name follows actor or place (actor Wagner, place Wagner), words of the text go in quotes (\"Wagner\")"),
        Case(source: "find Mali 2021", line: 1, column: 6, length: 4,
             message: "unexpected 'Mali': a name follows actor or place (actor Mali, place Mali), words of the text go in quotes (\"Mali\")"),
        Case(source: "find actor Putin or Prigozhin", line: 1, column: 21, length: 9,
             message: "unexpected 'Prigozhin': after 'or' comes a filter: a name follows actor or place (actor Prigozhin, place Prigozhin), words of the text go in quotes (\"Prigozhin\")"),
        Case(source: "find actor Wagner from 2017 to 2019", line: 1, column: 19, length: 4,
             message: "unexpected 'from': a span of time is written 'between 2017 and 2019' (or 'since 2017', 'until 2019') — did you mean 'between'?"),
        Case(source: "find actor Wagner since March 2021", line: 1, column: 25, length: 5,
             message: "unexpected 'March': expected a date: 2017, 2019-02 or 2019-02-05 — did you mean '2021-03'?"),
        Case(source: "find in Sept. 11 2001", line: 1, column: 9, length: 5,
             message: "unexpected 'Sept.': expected a date: 2017, 2019-02 or 2019-02-05 — did you mean '2001-09-11'?"),
        Case(source: "find actor Wagner & actor Russia", line: 1, column: 19, length: 1,
             message: "unexpected character '&': filters are joined by 'and' — did you mean 'and'?"),
        Case(source: "find !actor Wagner", line: 1, column: 6, length: 1, message: "unexpected character '!': a filter is negated by 'not' — did you mean 'not'?"),
        Case(source: "find Actor Wagner", line: 1, column: 6, length: 5, message: "unexpected 'Actor': keywords are written in lower case — did you mean 'actor'?"),
        Case(source: "find actor Wagner AND NOT", line: 1, column: 26, length: 1, message: "expected a filter (actor, place, type, doc, text, matching, since, until, before, after, in, between, basis, not, a \"phrase\" or $name), but the command ends here"),
        // Commands that act rather than give rows are refused as `export` or `let` parses them: nothing runs, no file is written.
        Case(source: "export let a = find actor Lacroix to \"la.csv\" force", line: 1, column: 8, length: 3,
             message: "'let' gives no result to be exported: only searches, counts, listings and word statistics give one"),
        Case(source: "export quit to \"q.txt\" force", line: 1, column: 8, length: 4,
             message: "'quit' gives no result to be exported: only searches, counts, listings and word statistics give one"),
        Case(source: "let a = export find to \"a.csv\"", line: 1, column: 9, length: 6,
             message: "'export' gives no result to be named: only searches, counts, listings and word statistics give one"),
        Case(source: "let b = load \"corpus\"", line: 1, column: 9, length: 4,
             message: "'load' gives no result to be named: only searches, counts, listings and word statistics give one"),
        Case(source: "find | sort by tiem", line: 1, column: 16, length: 4, message: "unexpected 'tiem': expected 'time' or 'doc' — did you mean 'time'?"),
        Case(source: "find | limt 3", line: 1, column: 8, length: 4, message: "unexpected 'limt': expected 'where', 'sort by', 'limit' or 'sample' after '|' — did you mean 'limit'?"),
        Case(source: "top actors 0", line: 1, column: 12, length: 1, message: "top must be a whole number from 1 to 1000000000"),
        Case(source: "show acter Wagner", line: 1, column: 6, length: 5, message: "unexpected 'acter': expected 'actor', 'place', 'doc' or 'sentence' — did you mean 'actor'?"),
        Case(source: "kwic \"\"", line: 1, column: 6, length: 2, message: "the phrase is empty"),
        Case(source: "find text \"  \"", line: 1, column: 11, length: 4, message: "the phrase is empty"),
        Case(source: "find actor X\nfind plase Mali", line: 2, column: 6, length: 5, message: "unexpected 'plase' — did you mean 'place'?"),
        Case(source: "find actor Wagner\n  and actor", line: 2, column: 3, length: 3, message: "unknown command 'and' — did you mean 'find'?"),
    ])
    func errors(_ c: Case) {
        guard let d = parseError(c.source) else {
            Issue.record("no error for \(c.source)")
            return
        }
        #expect(d.fullMessage == c.message)
        #expect(d.location.line == c.line)
        #expect(d.location.column == c.column)
        #expect(d.length == c.length)
        #expect(d.location.file == "<command>")
        #expect(d.sourceLine == c.source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[c.line - 1])
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let source = "find " + String(repeating: "(", count: 10_000) + "actor X" + String(repeating: ")", count: 10_000)
        let d = parseError(source)
        #expect(d?.message.contains("nested too deeply") == true)
        let nots = "find " + String(repeating: "not ", count: 10_000) + "actor X"
        #expect(parseError(nots)?.message.contains("nested too deeply") == true)
    }

    @Test func moderateNestingParses() throws {
        let source = "find " + String(repeating: "(", count: 50) + "actor X" + String(repeating: ")", count: 50)
        _ = try Parser.parse(source, file: "<command>")
    }

    @Test func hostileSourcesNeverCrash() {
        for s in ["", "\n\n", "(", ")", "|", "=", ",", "let", "let =", "let x =", "export", "export find to", "find |", "find | where",
                  "between", "find between 2017 and", "$", "\"", "/", "\\", "find \u{0}", "find ((((", "count by", "set", "set format",
                  String(repeating: "find ", count: 1000), "help \u{1B}[2J"] {
            _ = parseError(s)
        }
    }
}

@Suite("Diagnostic renderer")
struct DiagnosticRendererTests {
    @Test func formatWithSuggestionAndCaret() {
        let d = Diagnostic(.error, at: SourceLocation(file: "<command>", line: 1, column: 12), length: 5, "unknown actor 'Wagnr'",
                           suggestion: "Wagner", sourceLine: "find actor Wagnr")
        #expect(DiagnosticRenderer.render(d) == """
        <command>:1:12: error: unknown actor 'Wagnr' — did you mean 'Wagner'?
        find actor Wagnr
                   ^^^^^
        """)
    }

    @Test func caretCountsCharactersNotBytes() throws {
        let source = "find \"Touadéra\" sinse 2017"
        let d = try #require(parseError(source))
        let lines = DiagnosticRenderer.render(d).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        try #require(lines.count >= 3)
        #expect(lines[0] == "<command>:1:17: error: unexpected 'sinse' — did you mean 'since'?")
        #expect(lines[1] == source)
        #expect(lines[2] == String(repeating: " ", count: 16) + "^^^^^")
    }

    /// On a terminal Chinese, Japanese and Korean characters and emoji take two columns: the caret is placed in columns,
    /// while the message's column counts characters.
    @Test(arguments: [("find actor 中国人民解放军 sinse 2017", 20, 26), ("find text \"😀😀😀\" sinse 2017", 17, 19),
                      ("find actor 한국 sinse 2017", 15, 16)])
    func caretUnderWideCharacters(_ source: String, _ column: Int, _ columns: Int) throws {
        let d = try #require(parseError(source))
        let lines = DiagnosticRenderer.render(d).split(separator: "\n").map(String.init)
        try #require(lines.count >= 3)
        #expect(lines[0].hasPrefix("<command>:1:\(column): error: unexpected 'sinse'"), "\(lines[0])")
        #expect(lines[2] == String(repeating: " ", count: columns) + "^^^^^")
    }

    @Test func caretUnderDecomposedAccent() throws {
        let source = "find \"Touade\u{301}ra\" sinse 2017"
        let d = try #require(parseError(source))
        let lines = DiagnosticRenderer.render(d).split(separator: "\n").map(String.init)
        try #require(lines.count >= 3)
        let caret = lines[2].firstIndex(of: "^").map { lines[2].distance(from: lines[2].startIndex, to: $0) }
        let sinse = lines[1].range(of: "sinse").map { lines[1].distance(from: lines[1].startIndex, to: $0.lowerBound) }
        #expect(caret == sinse)
    }

    @Test func controlCharactersAreVisibleAndCaretStillAligned() throws {
        let source = "find \"\u{1B}[2J\" sinse 2017"
        let d = try #require(parseError(source))
        let rendered = DiagnosticRenderer.render(d)
        #expect(!rendered.unicodeScalars.contains { $0.value == 0x1B }, "no raw escape")
        let lines = rendered.split(separator: "\n").map(String.init)
        try #require(lines.count >= 3)
        let caret = lines[2].firstIndex(of: "^").map { lines[2].distance(from: lines[2].startIndex, to: $0) }
        let sinse = lines[1].range(of: "sinse").map { lines[1].distance(from: lines[1].startIndex, to: $0.lowerBound) }
        #expect(caret == sinse, "caret under 'sinse' in the shown line:\n\(rendered)")
    }

    @Test func messageControlCharactersAreMadeVisible() {
        let d = Diagnostic(.warning, at: SourceLocation(file: "a\u{7}.txt", line: 2, column: 1), "bad \u{1B}[31m text")
        let r = DiagnosticRenderer.render(d)
        #expect(!r.unicodeScalars.contains { $0.value == 0x1B })
        #expect(r.hasPrefix("a"))
        #expect(!r.unicodeScalars.contains { $0.value == 0x07 }, "file name is shown safely too: \(r)")
    }

    @Test func tabInLineKeepsCaretAligned() throws {
        let d = Diagnostic(.error, at: SourceLocation(file: "s", line: 1, column: 7), length: 1, "x", sourceLine: "find\t\tzz")
        let lines = DiagnosticRenderer.render(d).split(separator: "\n").map(String.init)
        try #require(lines.count >= 3)
        #expect(lines[1] == "find  zz")
        #expect(lines[2] == "      ^")
    }

    @Test func longLinesAreClippedAroundTheCaret() throws {
        let line = String(repeating: "a", count: 500) + "XYZ" + String(repeating: "b", count: 500)
        let d = Diagnostic(.error, at: SourceLocation(file: "s", line: 1, column: 501), length: 3, "here", sourceLine: line)
        let lines = DiagnosticRenderer.render(d).split(separator: "\n").map(String.init)
        try #require(lines.count >= 3)
        #expect(lines[1].count <= 162)
        let caret = lines[2].firstIndex(of: "^").map { lines[2].distance(from: lines[2].startIndex, to: $0) }
        let xyz = lines[1].range(of: "XYZ").map { lines[1].distance(from: lines[1].startIndex, to: $0.lowerBound) }
        #expect(caret == xyz)
        #expect(lines[2].hasSuffix("^^^"))
    }

    @Test func noSourceLineMeansOneLine() {
        let d = Diagnostic(.warning, at: SourceLocation(file: "f.txt", line: 3, column: 9), "invalid UTF-8 replaced with U+FFFD")
        #expect(DiagnosticRenderer.render(d) == "f.txt:3:9: warning: invalid UTF-8 replaced with U+FFFD")
    }
}
