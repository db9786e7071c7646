import Synchronization
import DossierCore
import Foundation
import LineEditing

/// Writes a session's output to stdout and stderr through `StandardStream`: a failed write ends the program
/// with a message and status 1; a Ctrl-C stops a long output within a few kilobytes.
final class StandardStreams: SessionOutput {
    /// Polled between pieces of a long output; true stops writing the rest (the REPL passes Ctrl-C).
    var shouldStop: () -> Bool = { false }

    func write(_ text: String) {
        StandardStream.output.write(text, shouldStop: shouldStop)
    }

    func writeError(_ text: String) {
        StandardStream.error.write(text)
    }
}

/// Standard output or error written with write(2) until every byte is out. Foundation's `FileHandle.write`
/// traps on a full disk, a closed stream or a broken pipe; here each of those is a message and exit status 1.
struct StandardStream {
    let descriptor: Int32
    let name: String

    static let output = StandardStream(descriptor: 1, name: "standard output")
    static let error = StandardStream(descriptor: 2, name: "standard error")

    /// Long output goes out in pieces this large, so a Ctrl-C is seen between two of them.
    static let piece = 4096

    /// The standard streams that were closed when the program started. Each is held open on /dev/null, so no
    /// file opened later (a document, an export) takes its descriptor and receives output meant for it.
    nonisolated(unsafe) private static var closedAtStart: Set<Int32> = []

    /// Opens /dev/null on any of descriptors 0, 1 and 2 that is closed; call before opening anything else.
    static func holdClosedDescriptors() {
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) < 0 {
            closedAtStart.insert(fd)
            let null = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
            if null >= 0 && null != fd {
                dup2(null, fd)
                close(null)
            }
        }
    }

    /// Writes all of `text` unless `shouldStop` turns true between two pieces: then the line being written is
    /// finished and the rest dropped, so no half row is left on the screen. On failure, exits with status 1.
    func write(_ text: String, shouldStop: () -> Bool = { false }) {
        if Self.closedAtStart.contains(descriptor) { fail(EBADF) }
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { raw in
            var offset = 0
            var end = raw.count
            while offset < end {
                if offset > 0, end == raw.count, shouldStop() {
                    guard raw[offset - 1] != 0x0A, let newline = raw[offset...].firstIndex(of: 0x0A) else { return }
                    end = newline + 1
                }
                let n = Glibc.write(descriptor, raw.baseAddress! + offset, min(end - offset, Self.piece))
                if n < 0 {
                    if errno == EINTR { continue }
                    fail(errno)
                }
                offset += n
            }
        }
    }

    private func fail(_ code: Int32) -> Never {
        if descriptor != 2 {
            StandardStream.error.write("dossier: cannot write to \(name): \(String(cString: strerror(code)))\n")
        }
        exit(1)
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

    /// The bar `load` draws on standard error while it analyses documents, on a terminal only.
    static func progressBar() -> ProgressBar? {
        isTerminal(2) ? ProgressBar() : nil
    }

    /// While a large tree is searched for documents (`load "/"`): `searching folders: 12000 documents found`,
    /// rewritten in place; the document progress bar (or the first line after it) writes over it.
    static func scanReport() -> (@Sendable (Int) -> Void)? {
        guard isTerminal(2) else { return nil }
        return { found in StandardStream.error.write("\rsearching folders: \(found) documents found\u{1B}[K\r") }
    }
}

/// `loading ████      17%  2/12 MB`, rewritten in place from the loader's threads once a load has taken a second (or
/// at once above 32 MB), and erased when the load ends, finished or stopped by Ctrl-C, so what is printed next starts
/// its own line. One bar serves every load of a session: each starts its clock afresh.
final class ProgressBar: Sendable {
    private let state = Mutex<(percent: Int, started: ContinuousClock.Instant?, drawn: Bool)>((-1, nil, false))

    func report(_ done: Int, _ total: Int) {
        let percent = total > 0 ? done * 100 / total : 100
        let draw: Bool = state.withLock { state in
            let now = ContinuousClock.now
            let started = state.started ?? now
            state.started = started
            guard total > 32 << 20 || now - started > .seconds(1), state.percent != percent else { return false }
            state.percent = percent
            state.drawn = true
            return true
        }
        guard draw else { return }
        let filled = percent / 4
        let bar = String(repeating: "█", count: filled) + String(repeating: " ", count: 25 - filled)
        StandardStream.error.write("\rloading \(bar) \(String(percent).leftPad(3))%  \(done >> 20)/\(total >> 20) MB")
    }

    /// `report` as the loader takes it.
    var reporter: @Sendable (Int, Int) -> Void { { [self] done, total in report(done, total) } }
    /// `end` as the interpreter takes it.
    var ender: @Sendable () -> Void { { [self] in end() } }

    /// Erases the bar if it was drawn, and readies it for the next load.
    func end() {
        let drawn = state.withLock { state in
            defer { state = (-1, nil, false) }
            return state.drawn
        }
        if drawn { StandardStream.error.write("\r\u{1B}[K") }
    }
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
