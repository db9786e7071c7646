/// A saved REPL session: `dossier> ` lines are commands (`...> ` lines continue them), the lines after each are
/// its expected output, `#` lines are notes. Checking replays the commands and diffs the output. An output line that
/// would read as a command, a continuation or a note (`echo # Part 1`) is written with a backslash before it, as mbox
/// quotes "From ": one more backslash for each, so every output reads back as it was printed.
public enum Transcript {
    public static let prompt = "dossier> "
    public static let continuation = "...> "
    /// The note a saved transcript opens with: the corpus it was recorded on, so that a replay on another one says so
    /// (tester15 #31: a lesson recorded on the SOTU addresses failed on the seeds with a long diff and no word why).
    public static let corpusNotePrefix = "# recorded on: "

    /// The corpus note for corpus folders or files, shown from the transcript's `folder` (the bundled corpus as `seeds`).
    public static func corpusNote(_ paths: [String], from folder: String?) -> String {
        corpusNotePrefix + paths.map { "--corpus " + FileSystem.display($0, from: folder) }.joined(separator: " ")
    }

    /// What a transcript's corpus note says, if it has one before its first command.
    public static func recordedCorpus(_ text: String) -> String? {
        for line in text.split(separator: "\n").prefix(50) {
            if line.hasPrefix(prompt) { return nil }
            if line.hasPrefix(corpusNotePrefix) { return String(line.dropFirst(corpusNotePrefix.count)) }
        }
        return nil
    }

    /// One command of a transcript with the output it expects, and the notes before it.
    public struct Entry: Equatable, Sendable {
        public var notes: [String]
        public var command: String
        public var expected: String
        /// The line of the text its `dossier> ` line is on (1-based; 0 for an entry made, not read).
        public var line: Int

        public init(notes: [String], command: String, expected: String, line: Int = 0) {
            self.notes = notes
            self.command = command
            self.expected = expected
            self.line = line
        }
    }

    public static func parse(_ text: String) -> (entries: [Entry], trailingNotes: [String]) {
        var entries: [Entry] = []
        var notes: [String] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if line.hasPrefix(prompt) {
                let commandLine = i + 1
                var command = String(line.dropFirst(prompt.count))
                i += 1
                while i < lines.count, lines[i].hasPrefix(continuation) {
                    command += "\n" + lines[i].dropFirst(continuation.count)
                    i += 1
                }
                var output: [String] = []
                while i < lines.count, !lines[i].hasPrefix(prompt), !lines[i].hasPrefix("#") {
                    output.append(unquoted(lines[i]))
                    i += 1
                }
                entries.append(Entry(notes: notes, command: command, expected: output.map { $0 + "\n" }.joined(), line: commandLine))
                notes = []
            } else {
                notes.append(line)
                i += 1
            }
        }
        return (entries, notes)
    }

    /// The text of a transcript: notes, commands with their prompts, outputs.
    public static func render(_ entries: [Entry], trailingNotes: [String] = []) -> String {
        var out = ""
        for e in entries {
            for n in e.notes { out += n + "\n" }
            out += prompt + e.command.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + continuation) + "\n"
            out += e.expected.split(separator: "\n", omittingEmptySubsequences: false).dropLast(e.expected.hasSuffix("\n") || e.expected.isEmpty ? 1 : 0)
                .map { quoted($0) + "\n" }.joined()
        }
        for n in trailingNotes { out += n + "\n" }
        return out
    }

    /// Whether an output line, its quoting backslashes aside, starts as a command, a continuation or a note does.
    private static func readsAsMarkup(_ line: Substring) -> Bool {
        let rest = line.drop { $0 == "\\" }
        return rest.hasPrefix(prompt) || rest.hasPrefix(continuation) || rest.hasPrefix("#")
    }

    /// An output line as the transcript holds it.
    static func quoted(_ line: Substring) -> String {
        readsAsMarkup(line) ? "\\" + line : String(line)
    }

    /// An output line as it was printed. A backslash before other text was printed, and stays.
    static func unquoted(_ line: String) -> String {
        line.hasPrefix("\\") && readsAsMarkup(line.dropFirst()) ? String(line.dropFirst()) : line
    }

    /// A unified diff of two texts by lines (longest common subsequence), with 3 lines of context.
    public static func diff(_ a: String, _ b: String, from: String, to: String) -> String {
        func lines(_ text: String) -> [String] {
            var all = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if text.hasSuffix("\n") { all.removeLast() }
            return all
        }
        let x = lines(a), y = lines(b)
        // The lines both texts start and end with are left out of the table below, which grows with the product of
        // the rest: a long transcript whose output changed in one place costs what that place costs.
        var head = 0
        while head < x.count, head < y.count, x[head] == y[head] { head += 1 }
        var tail = 0
        while tail < x.count - head, tail < y.count - head, x[x.count - 1 - tail] == y[y.count - 1 - tail] { tail += 1 }
        let n = x.count - tail, m = y.count - tail
        var lcs = [[Int32]](repeating: [Int32](repeating: 0, count: m - head + 1), count: n - head + 1)
        for i in stride(from: n - 1, through: head, by: -1) {
            for j in stride(from: m - 1, through: head, by: -1) {
                lcs[i - head][j - head] = x[i] == y[j] ? lcs[i - head + 1][j - head + 1] + 1
                    : max(lcs[i - head + 1][j - head], lcs[i - head][j - head + 1])
            }
        }
        /// One line of the edit script from the old text to the new.
        enum Op { case same(String), removed(String), added(String) }
        var ops: [(Op, Int, Int)] = (0..<head).map { (.same(x[$0]), $0, $0) }
        var i = head, j = head
        while i < n || j < m {
            if i < n, j < m, x[i] == y[j] { ops.append((.same(x[i]), i, j)); i += 1; j += 1 }
            else if i < n, j == m || lcs[i - head + 1][j - head] >= lcs[i - head][j - head + 1] { ops.append((.removed(x[i]), i, j)); i += 1 }
            else { ops.append((.added(y[j]), i, j)); j += 1 }
        }
        ops += (0..<tail).map { (.same(x[n + $0]), n + $0, m + $0) }
        let changed = ops.indices.filter { if case .same = ops[$0].0 { return false } else { return true } }
        guard !changed.isEmpty else { return "" }
        var out = "--- \(TerminalSafe.clean(from))\n+++ \(TerminalSafe.clean(to))\n"
        var k = 0
        while k < changed.count {
            var lo = max(0, changed[k] - 3)
            var hi = min(ops.count - 1, changed[k] + 3)
            while k + 1 < changed.count, changed[k + 1] - 3 <= hi + 1 {
                k += 1
                hi = min(ops.count - 1, changed[k] + 3)
            }
            lo = max(0, lo)
            let oldStart = ops[lo].1, newStart = ops[lo].2
            var oldCount = 0, newCount = 0
            var body = ""
            for (op, _, _) in ops[lo...hi] {
                switch op {
                // A transcript comes from someone else: its lines are shown, never obeyed, by the terminal.
                case .same(let s): body += " " + TerminalSafe.clean(s) + "\n"; oldCount += 1; newCount += 1
                case .removed(let s): body += "-" + TerminalSafe.clean(s) + "\n"; oldCount += 1
                case .added(let s): body += "+" + TerminalSafe.clean(s) + "\n"; newCount += 1
                }
            }
            out += "@@ -\(oldStart + 1),\(oldCount) +\(newStart + 1),\(newCount) @@\n" + body
            k += 1
        }
        return out
    }
}

/// The line ending a text file uses, so a transcript saved on Windows (CRLF) or with lone CRs is read like any other
/// and rewritten with the ending it had.
public enum LineEnding: String, Sendable {
    case lf = "\n", crlf = "\r\n", cr = "\r"

    public init(of text: String) {
        let bytes = text.utf8
        guard let first = bytes.firstIndex(of: 0x0D) else {
            self = .lf
            return
        }
        self = bytes.index(after: first) < bytes.endIndex && bytes[bytes.index(after: first)] == 0x0A ? .crlf : .cr
    }

    /// The text with every line ending (CRLF, CR or LF) made LF.
    public static func normalised(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var afterCR = false
        for byte in text.utf8 {
            if byte == 0x0A && afterCR {
                afterCR = false
                continue
            }
            afterCR = byte == 0x0D
            bytes.append(afterCR ? 0x0A : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// LF-ended text with this ending instead.
    public func applied(to text: String) -> String {
        self == .lf ? text : text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: rawValue)
    }
}
