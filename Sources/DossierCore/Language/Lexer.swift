/// Turns command text into tokens with line and character-column positions. Newlines separate commands
/// except inside parentheses or after a trailing backslash; `#` starts a comment.
public struct Lexer {
    private let chars: [Character]
    private let file: String
    private var i = 0
    private var line = 1
    private var column = 1
    private var depth = 0
    /// True at the start of a command, where `echo` takes the rest of the line as it is.
    private var atCommandStart = true
    private let lines: [Substring]

    private let firstLine: Int

    /// `firstLine` is the line the source starts on in its file (a command in the middle of a script).
    /// The source is read in Unicode NFC, so a name typed with a combining accent is the name typed precomposed.
    public init(_ source: String, file: String, firstLine: Int = 1) {
        let source = Normalization.nfc(source)
        chars = Array(source)
        self.file = file
        self.firstLine = firstLine
        line = firstLine
        lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The source text of a 1-based line of the file, for diagnostics.
    public func sourceLine(_ n: Int) -> String {
        let k = n - firstLine
        return k >= 0 && k < lines.count ? String(lines[k]).trimmingTrailingCR() : ""
    }

    public mutating func tokens() throws(Diagnostic) -> [Token] {
        var out: [Token] = []
        while true {
            let token = try next()
            atCommandStart = token.kind == .newline
            if token.kind == .newline, out.last?.kind == .newline || out.isEmpty { continue }
            out.append(token)
            if token.kind == .end { return out }
        }
    }

    private func error(_ message: String, line: Int, column: Int, length: Int = 1, suggestion: String? = nil) -> Diagnostic {
        Diagnostic(.error, at: SourceLocation(file: file, line: line, column: column), length: length, message,
                   suggestion: suggestion, sourceLine: sourceLine(line))
    }

    private mutating func advance() -> Character {
        let c = chars[i]
        i += 1
        if c == "\n" || c == "\r\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        return c
    }

    /// The raw text after `echo` and the column it starts at, returned as the next token.
    private var echoText: (String, Int)?

    private mutating func next() throws(Diagnostic) -> Token {
        if let (text, at) = echoText {
            echoText = nil
            return Token(kind: .text(text), line: line, column: at, length: text.count, text: text)
        }
        while i < chars.count {
            let c = chars[i]
            // A no-break or other Unicode space, pasted from a web page or typed with Option-Space, is a space
            // (tester19 #18e: "unexpected character U+00A0" under what looked like a space).
            if c == " " || c == "\t" || c == "\r" || c.unicodeScalars.first?.properties.generalCategory == .spaceSeparator {
                _ = advance()
            } else if c == "\\", i + 1 < chars.count, chars[i + 1] == "\n" || chars[i + 1] == "\r\n" {
                _ = advance()
                _ = advance()
            } else if c == "#" {
                while i < chars.count, chars[i] != "\n", chars[i] != "\r\n" { _ = advance() }
            } else if (c == "\n" || c == "\r\n") && depth > 0 {
                _ = advance()
            } else {
                break
            }
        }
        let startLine = line, startColumn = column, start = i
        func make(_ kind: Token.Kind) -> Token {
            Token(kind: kind, line: startLine, column: startColumn, length: i - start, text: String(chars[start..<i]))
        }
        guard i < chars.count else { return Token(kind: .end, line: line, column: column, length: 1, text: "") }
        let c = advance()
        switch c {
        case "\n", "\r\n": return make(.newline)
        case "(":
            depth += 1
            return make(.leftParen)
        case ")":
            depth = max(0, depth - 1)
            return make(.rightParen)
        case "|": return make(.pipe)
        case "=": return make(.equals)
        case ",": return make(.comma)
        case "\"", "“", "”":
            return make(.string(try readString(closing: c == "“" ? "”" : c, line: startLine, column: startColumn)))
        case "/":
            let (pattern, flag) = try readRegex(line: startLine, column: startColumn)
            return make(.regex(pattern: pattern, caseInsensitive: flag))
        case "$":
            if i < chars.count, chars[i].isASCII, chars[i].isNumber {
                let digits = readWhile { $0.isASCII && $0.isNumber }
                return make(.argument(Int(digits.prefix(9)) ?? 0))
            }
            let name = readWhile { $0.isLetter || $0.isNumber || $0 == "_" }
            guard !name.isEmpty else { throw error("'$' must be followed by a name, like $wagner", line: startLine, column: startColumn) }
            return make(.variable(name))
        default:
            if c.isASCII && c.isNumber {
                let rest = readWhile { ($0.isASCII && $0.isNumber) || $0 == "-" }
                // A folder of digits before a document's name is an id too (`19161109/sn82014086-ed-1_seq-1`; tester20 #16).
                if i < chars.count, chars[i].isLetter || chars[i] == "_" || isSentenceReference() || isFolderSlash() {
                    let tail = readWord { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
                    return make(.word(String(c) + rest + tail))
                }
                let text = String(c) + rest
                if text.contains("-") { return make(.date(text)) }
                guard let value = Int(text), text.count <= 18 else {
                    throw error("number '\(text)' is too large", line: startLine, column: startColumn, length: text.count)
                }
                return make(.number(value))
            }
            if c.isLetter || c == "_" || c == "-" || c == "." || c == "'" || c == "’" || c.isNumber {
                let rest = readWord { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." || $0 == "'" || $0 == "’" }
                let word = String(c) + rest
                if atCommandStart, word == "echo" {
                    let token = make(.word(word))
                    _ = readWhile { $0 == " " || $0 == "\t" }
                    let at = column
                    echoText = (readEchoText(), at)
                    return token
                }
                return make(.word(word))
            }
            // An invisible character (a zero-width space pasted with a name) is named by its code, or the message shows nothing.
            let invisible = c.unicodeScalars.allSatisfy { $0.properties.generalCategory == .format || $0.properties.isWhitespace }
            let code = { (scalar: Unicode.Scalar) in
                let hex = String(scalar.value, radix: 16, uppercase: true)
                return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            }
            let shown = invisible ? c.unicodeScalars.map(code).joined(separator: " ") : "'" + TerminalSafe.clean(String(c)) + "'"
            // Other query languages' operators: the words this one uses.
            let word = ["&": "and", "!": "not"][c]
            throw error("unexpected character \(shown)\(word.map { $0 == "not" ? ": a filter is negated by 'not'" : ": filters are joined by 'and'" } ?? "")",
                        line: startLine, column: startColumn, suggestion: word)
        }
    }

    /// The rest of the line after `echo`, as it is; a line ending in `\` goes on on the next one.
    private mutating func readEchoText() -> String {
        var text = readWhile { $0 != "\n" && $0 != "\r\n" }
        while text.hasSuffix("\\"), i < chars.count {
            text.removeLast()
            _ = advance()
            text += readWhile { $0 != "\n" && $0 != "\r\n" }
        }
        return text.trimmingSpaces()
    }

    /// A colon followed by a digit continues a word: `004:12` names sentence 12 of document 004.
    private func isSentenceReference() -> Bool {
        i + 1 < chars.count && chars[i] == ":" && chars[i + 1].isASCII && chars[i + 1].isNumber
    }

    /// The rest of a word: characters `accept` takes, colons before a digit (`004:12`), and slashes between
    /// letters or digits (`copy-002/1963-Kennedy-1`, a document id with its folder).
    private mutating func readWord(_ accept: (Character) -> Bool) -> String {
        var s = ""
        while i < chars.count, accept(chars[i]) || isSentenceReference() || isFolderSlash() { s.append(advance()) }
        return s
    }

    private func isFolderSlash() -> Bool {
        i + 1 < chars.count && chars[i] == "/" && (chars[i + 1].isLetter || chars[i + 1].isNumber)
    }

    private mutating func readWhile(_ accept: (Character) -> Bool) -> String {
        var s = ""
        while i < chars.count, accept(chars[i]) { s.append(advance()) }
        return s
    }

    /// A string opened with `"` closes with `"`, one opened with `“` with `”`; the other kind closes it only when the
    /// line holds no closing quote of its own kind, so a quotation pasted inside a phrase (`"the message “reads” now"`)
    /// stays in it while `"would”`, mixed by an editor, still closes.
    private mutating func readString(closing: Character, line: Int, column: Int) throws(Diagnostic) -> String {
        var s = ""
        let other: Character = closing == "\"" ? "”" : "\""
        var ownCloses = false
        var k = i
        while k < chars.count, chars[k] != "\n", chars[k] != "\r\n" {
            if chars[k] == "\\" { k += 2; continue }
            if chars[k] == closing { ownCloses = true; break }
            k += 1
        }
        while i < chars.count {
            let c = advance()
            if c == closing || (!ownCloses && c == other) { return s }
            if c == "\\", i < chars.count {
                let e = advance()
                switch e {
                case "n": s.append("\n")
                case "t": s.append("\t")
                default: s.append(e)
                }
                continue
            }
            // A string may hold a line break (typed over two lines, or a script argument holding one).
            s.append(c == "\r\n" ? "\n" : c)
        }
        var unterminated = error("unterminated string: missing closing quote", line: line, column: column)
        unterminated.kind = .incomplete
        throw unterminated
    }

    private mutating func readRegex(line: Int, column: Int) throws(Diagnostic) -> (String, Bool) {
        var s = ""
        while i < chars.count {
            let c = advance()
            if c == "/" {
                var caseInsensitive = false
                if i < chars.count, chars[i] == "i", i + 1 >= chars.count || !chars[i + 1].isLetter {
                    _ = advance()
                    caseInsensitive = true
                }
                return (s, caseInsensitive)
            }
            if c == "\\", i < chars.count, chars[i] == "/" {
                s.append(advance())
                continue
            }
            if c == "\\", i < chars.count {
                s.append(c)
                s.append(advance())
                continue
            }
            if c == "\n" || c == "\r\n" { break }
            s.append(c)
        }
        throw error("unterminated regular expression: missing closing '/'", line: line, column: column)
    }

    /// Whether `source` still needs more lines: an open parenthesis or quote, or a trailing backslash.
    public static func needsContinuation(_ source: String) -> Bool {
        if source.hasSuffix("\\") { return true }
        var lexer = Lexer(source, file: "")
        do {
            _ = try lexer.tokens()
            return lexer.depth > 0
        } catch {
            return error.kind == .incomplete
        }
    }
}

extension String {
    func trimmingTrailingCR() -> String { hasSuffix("\r") ? String(dropLast()) : self }
}
