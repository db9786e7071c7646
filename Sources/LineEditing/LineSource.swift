import Glibc

/// What a line source gave back.
public enum LineInput: Equatable, Sendable {
    /// A line, without its line ending (`\n` or `\r\n`).
    case line(String)
    /// Ctrl-C at the prompt: the line being typed was abandoned; prompt again.
    case interrupted
    /// Ctrl-D on an empty line, or the end of the stream.
    case endOfInput
    /// A line longer than the source's limit (bytes without a line ending, such as /dev/zero): nothing more is read.
    case tooLong
}

/// Where the shell's lines come from: an interactive editor or a plain stream.
public protocol LineSource: AnyObject {
    /// Reads one line (without its newline), showing `prompt` when interactive.
    func readLine(prompt: String) -> LineInput
    /// Records a command in history (no-op for non-interactive sources). A command that did not parse is there
    /// for this session only, until the next command, so Up brings it back to fix; it is never saved.
    func addHistory(_ line: String, parsed: Bool)
    /// Whether this source is an interactive terminal.
    var isInteractive: Bool { get }
}

/// Tab completion: given the text of the line before the cursor, the word being typed and the whole candidates for it.
///
/// The word is usually `CompletionWord(lineBeforeCursor:)` (after the last space, tab, `(`, `)`, `"`, `|` or `=`, or,
/// inside an unclosed double quote, just after that quote), but a completer may start it earlier (a name typed over
/// several words) or mark it quoted (text the language wants in quotes). Return whole words (`"Wagner Group"`, not
/// `"ner Group"`), unquoted; `EditlineLineSource` adds the quotes a candidate needs.
public typealias Completer = @Sendable (_ lineBeforeCursor: String) -> (word: CompletionWord, candidates: [String])

/// Whether a file descriptor is a terminal (used to choose the line source and colour).
public func isTerminal(_ fd: Int32) -> Bool {
    isatty(fd) == 1
}

/// An error from line editing (today: saving history), with a message fit to print.
public struct LineEditingError: Error, CustomStringConvertible, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Writes text to standard error without going through C's `stderr` global.
func writeToStandardError(_ text: String) {
    writeAll(2, text)
}

func writeAll(_ fd: Int32, _ text: String) {
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBytes { raw in
        var offset = 0
        while offset < raw.count {
            let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += n
        }
    }
}

func closeDescriptor(_ fd: Int32) {
    _ = close(fd)
}
