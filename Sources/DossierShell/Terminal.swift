import Synchronization
import DossierCore
import Foundation
import LineEditing

/// Writes a session's output to stdout and stderr (unbuffered enough for interleaving, buffered for speed).
final class StandardStreams: SessionOutput {
    func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Collects both streams in order, as a transcript shows them.
final class CollectedStreams: SessionOutput {
    private(set) var text = ""
    func write(_ t: String) { text += t }
    func writeError(_ t: String) { text += t }
    func take() -> String {
        defer { text = "" }
        return text
    }
}

/// Colour and window size: colour where the stream is a terminal, as no-color.org and FORCE_COLOR say.
enum Terminal {
    /// `--color always|never` decide; else a non-empty FORCE_COLOR (not `0`) turns colour on, a non-empty
    /// NO_COLOR (an empty one does not count) or TERM=dumb turns it off, and a terminal turns it on.
    static func wantsColor(terminal: Bool, choice: ColorChoice, environment: [String: String]) -> Bool {
        switch choice {
        case .always: return true
        case .never: return false
        case .auto:
            if let force = environment["FORCE_COLOR"], !force.isEmpty, force != "0" { return true }
            if let no = environment["NO_COLOR"], !no.isEmpty { return false }
            return terminal && environment["TERM"] != "dumb"
        }
    }

    /// `$COLUMNS`, for the width of text output that does not go to a terminal.
    static func columns(_ environment: [String: String]) -> Int? {
        guard let value = environment["COLUMNS"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), value > 0 else { return nil }
        return min(max(value, 40), 1000)
    }

    static let ansi = Styling(highlight: { "\u{1B}[1;33m" + $0 + "\u{1B}[0m" }, dim: { "\u{1B}[2m" + $0 + "\u{1B}[0m" },
                              bold: { "\u{1B}[1m" + $0 + "\u{1B}[0m" })

    static func width(_ fd: Int32) -> Int? {
        var size = winsize()
        guard isTerminal(fd), ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// A progress bar on stderr for large loads: `loading ████▌     45%  120/266 MB`.
    static func progressBar(total: Int) -> (@Sendable (Int, Int) -> Void)? {
        guard isTerminal(2), total > 32 << 20 else { return nil }
        let last = Counter()
        return { done, total in
            let percent = total > 0 ? done * 100 / total : 100
            guard last.exchange(percent) != percent else { return }
            let filled = percent / 4
            let bar = String(repeating: "█", count: filled) + String(repeating: " ", count: 25 - filled)
            let line = "\rloading \(bar) \(String(percent).leftPad(3))%  \(done >> 20)/\(total >> 20) MB" + (done >= total ? "\r\u{1B}[K" : "")
            FileHandle.standardError.write(Data(line.utf8))
        }
    }
}

/// The last value shown by the progress bar, shared by loader threads.
final class Counter: Sendable {
    private let value = Mutex(-1)
    func exchange(_ new: Int) -> Int {
        value.withLock { current in
            let old = current
            current = new
            return old
        }
    }
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
