/// Where a problem is: a file (or `<command>`, `<stdin>`), a 1-based line and a 1-based column counted in characters.
public struct SourceLocation: Hashable, Sendable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// How bad a diagnostic is.
public enum Severity: String, Sendable {
    case error, warning, note
}

/// A problem reported to the user as a value: what, where, and the nearest valid alternative.
public struct Diagnostic: Error, Hashable, Sendable {
    /// What kind of problem it is, for the code that reacts to it (the message is for people).
    public enum Kind: Hashable, Sendable {
        /// The input is wrong, or a name or file is unknown.
        case invalid
        /// The input ends before the command does (an open quote): more lines may complete it.
        case incomplete
        /// The user pressed Ctrl-C while the command ran.
        case interrupted
        /// `expect` found another result than the one it names: `dossier check` fails on it even when the transcript
        /// recorded the failure, and `--update` does not record it.
        case failedExpectation
        /// What the folder of saved models did (saved, could not save, could not use one): it depends on the machine
        /// and on earlier runs, not on the corpus, so a transcript does not record it.
        case savedModel
    }

    public var severity: Severity
    public var kind: Kind = .invalid
    public var location: SourceLocation
    /// How many characters the caret underline spans (at least 1).
    public var length: Int
    public var message: String
    public var suggestion: String?
    /// The text of the offending line, shown under the message with a caret.
    public var sourceLine: String?

    public init(
        _ severity: Severity, at location: SourceLocation, length: Int = 1, _ message: String,
        suggestion: String? = nil, sourceLine: String? = nil, kind: Kind = .invalid
    ) {
        self.severity = severity
        self.kind = kind
        self.location = location
        self.length = max(1, length)
        self.message = message
        self.suggestion = suggestion
        self.sourceLine = sourceLine
    }

    /// The same diagnostic offering `suggestion` (when there is one) instead of its own.
    func with(suggestion other: String?) -> Diagnostic {
        guard let other else { return self }
        var offered = self
        offered.suggestion = other
        return offered
    }

    /// The message with its suggestion, as one sentence: `unknown actor 'Wagnr' — did you mean 'Wagner'?`.
    public var fullMessage: String {
        guard let suggestion else { return message }
        return "\(message) — did you mean '\(suggestion)'?"
    }
}

/// Prints diagnostics as `file:line:col: error: message`, the line, and a caret under the column.
public enum DiagnosticRenderer {
    public static func render(_ diagnostic: Diagnostic) -> String {
        let loc = diagnostic.location
        var out = "\(TerminalSafe.clean(loc.file)):\(loc.line):\(loc.column): \(diagnostic.severity.rawValue): "
        out += TerminalSafe.clean(diagnostic.fullMessage)
        if let line = diagnostic.sourceLine {
            let shown = TerminalSafe.clean(line)
            // Control characters are shown as two or more characters: the caret moves with them.
            let before = TerminalSafe.clean(String(line.prefix(max(0, loc.column - 1)))).count
            let clipped = Clip.window(shown, around: before, width: 160)
            out += "\n" + clipped.text + "\n"
            // The caret goes under the characters on screen: wide ones (CJK, emoji) take two columns.
            let characters = Array(clipped.text)
            let caretColumn = min(max(0, clipped.caretColumn), characters.count)
            let underlined = characters[caretColumn...].prefix(max(1, diagnostic.length))
            out += String(repeating: " ", count: String(characters[..<caretColumn]).displayWidth)
            out += String(repeating: "^", count: max(1, String(underlined).displayWidth))
        }
        return out
    }
}

/// Makes user-supplied text safe to print on a terminal: control characters and escape sequences are shown, not
/// obeyed, and bidirectional overrides, which can make text read differently from what it is, are shown as codes.
public enum TerminalSafe {
    public static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar == "\t" {
                out.append(" ")
            } else if isControl(scalar) {
                out += scalar.value < 0x20 ? "^" + String(UnicodeScalar(UInt8(scalar.value + 64))) : "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A table cell: line breaks and tabs become spaces, other controls are shown as in `clean`.
    public static func cell(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var spaced = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" { spaced.append(" ") } else { spaced.unicodeScalars.append(scalar) }
        }
        return clean(spaced)
    }

    static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || s.value == 0x7F || (s.value >= 0x80 && s.value < 0xA0) || isBidiControl(s)
    }

    /// Marks and overrides that reorder text (U+061C, U+200E–F, U+202A–E, U+2066–9).
    static func isBidiControl(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}

/// Keeps a spreadsheet from running a cell as a formula: a cell starting with =, +, -, @ (that is not a number)
/// gets a leading apostrophe, as OWASP advises for CSV exports.
enum Spreadsheet {
    static func safe(_ cell: String) -> String {
        guard let first = cell.first, "=+-@".contains(first), Double(cell) == nil else { return cell }
        return "'" + cell
    }

    /// Said beside CSV or TSV whose cells got the apostrophe: the data differs from the text by it.
    static func note(_ cells: Int) -> String {
        "\(cells) cell\(cells == 1 ? "" : "s") starting with =, +, - or @ got a ' before \(cells == 1 ? "it" : "them") so that a "
            + "spreadsheet does not run \(cells == 1 ? "it" : "them") as a formula; --format json gives every cell as written"
    }
}

/// How many cells a rendering gave the apostrophe of `Spreadsheet.safe`, so that the session can say so.
final class GuardedCells: @unchecked Sendable {
    var count = 0
}

/// Cuts a long line to a window around a column so a caret can still point into it.
enum Clip {
    static func window(_ line: String, around column: Int, width: Int) -> (text: String, caretColumn: Int) {
        let chars = Array(line)
        guard chars.count > width else { return (line, min(max(0, column), chars.count)) }
        let start = max(0, min(column - width / 2, chars.count - width))
        let end = min(chars.count, start + width)
        let prefix = start > 0 ? "…" : ""
        let suffix = end < chars.count ? "…" : ""
        return (prefix + String(chars[start..<end]) + suffix, column - start + prefix.count)
    }
}
