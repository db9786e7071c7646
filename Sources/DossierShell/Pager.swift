import DossierCore
import Foundation
import LineEditing

/// Text output that would scroll off the terminal goes through a pager (`$PAGER`, else `less -FRX`), as psql
/// and CQP do; shorter output, errors, and everything when `set pager off` or not on a terminal, go straight out.
final class PagedOutput: SessionOutput {
    /// Where text goes when it is not paged (standard output and error).
    let streams: SessionOutput
    /// The terminal's size now, nil when standard output is not a terminal (then nothing is paged).
    let screen: () -> (rows: Int, columns: Int)?
    /// Whether the session wants paging now (`set pager on`).
    var enabled: () -> Bool = { true }
    /// The shell command that pages, or nil when `$PAGER` is set empty (psql's way to turn paging off).
    let command: String?

    init(_ streams: SessionOutput, environment: [String: String], screen: @escaping () -> (rows: Int, columns: Int)? = Terminal.size) {
        self.streams = streams
        self.screen = screen
        switch environment["PAGER"] {
        case .none: command = "less -FRX"
        case .some(let pager): command = pager.trimmingCharacters(in: .whitespaces).isEmpty ? nil : pager
        }
    }

    /// Whether the user was told that the pager fails (once a session).
    private var toldPagerFails = false

    func write(_ text: String) {
        if let command, enabled(), let size = screen(), Self.rows(text, columns: size.columns) >= size.rows - 1 {
            guard let failure = Self.page(text, through: command) else { return }
            // A pager that cannot run (a typo in $PAGER, no less in a container) must not swallow results.
            if !toldPagerFails {
                streams.writeError("dossier: the pager '\(TerminalSafe.clean(command))' \(failure); the output is shown here instead ('set pager off' or $PAGER)\n")
                toldPagerFails = true
            }
        }
        streams.write(text)
    }

    func writeError(_ text: String) { streams.writeError(text) }

    /// How many terminal rows the text takes at this width (escape sequences take none; a long line wraps; Chinese,
    /// Japanese, Korean and emoji take two columns, as tables count them).
    static func rows(_ text: String, columns: Int) -> Int {
        var rows = 0
        guard !text.isEmpty else { return 0 }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0) {
            let width = line.contains("\u{1B}") ? withoutEscapes(line).displayWidth : line.displayWidth
            rows += max(1, (width + columns - 1) / max(1, columns))
        }
        return rows
    }

    /// A line without its escape sequences (colours), which take no column.
    private static func withoutEscapes(_ line: Substring) -> String {
        var kept = String.UnicodeScalarView()
        var inEscape = false
        for scalar in line.unicodeScalars {
            if inEscape {
                if (0x40...0x7E).contains(scalar.value) && scalar != "[" { inEscape = false }
            } else if scalar == "\u{1B}" {
                inEscape = true
            } else {
                kept.append(scalar)
            }
        }
        return String(kept)
    }

    /// Runs the pager with the text on its input and waits for it. Nil when it showed the text; else why it did not:
    /// it could not start, or it exited with a status other than 0 (the shell's 127 for a command not found), and
    /// the text is then written as usual. Quitting the pager early is fine: the rest of the text is dropped.
    ///
    /// The pager runs in the shell's own process group, as git and psql run theirs: it must be in the terminal's
    /// foreground group to read keys and set the terminal's modes. (Foundation's `Process` gives a child a group
    /// of its own, where `less` is stopped by SIGTTOU the moment it touches the terminal, and the shell waits
    /// for it forever.)
    static func page(_ text: String, through command: String) -> String? {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return "could not start (no pipe)" }
        let (readEnd, writeEnd) = (ends[0], ends[1])
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, readEnd, 0)
        posix_spawn_file_actions_addclose(&actions, readEnd)
        posix_spawn_file_actions_addclose(&actions, writeEnd)
        let words: [String] = ["/bin/sh", "-c", command]
        let arguments = words.map { strdup($0) }
        defer { arguments.forEach { free($0) } }
        var pid: pid_t = 0
        let started = posix_spawn(&pid, "/bin/sh", &actions, nil, arguments + [nil], environ)
        close(readEnd)
        guard started == 0 else {
            close(writeEnd)
            return "could not start (\(String(cString: strerror(started))))"
        }
        let previous = signal(SIGPIPE, SIG_IGN)
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(writeEnd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                offset += n
            }
        }
        close(writeEnd)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        signal(SIGPIPE, previous)
        // Exited (not killed by a signal) with a status other than 0.
        let code = (status >> 8) & 0xFF
        guard status & 0x7F == 0, code != 0 else { return nil }
        return code == 127 ? "was not found (status 127)" : "failed (status \(code))"
    }
}

extension Terminal {
    /// Rows and columns of the terminal on standard output, or nil when it is not one.
    static func size() -> (rows: Int, columns: Int)? {
        var size = winsize()
        guard isTerminal(1), ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return nil }
        return (Int(size.ws_row), Int(size.ws_col))
    }
}

/// The prompt's start-up file: `$XDG_CONFIG_HOME/dossier/init.dossier`, else `~/.config/dossier/init.dossier`,
/// when it exists.
enum StartupFile {
    static func path(environment: [String: String]) -> String? {
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["HOME"].map { $0 + "/.config" }
        guard let config else { return nil }
        let path = config + "/dossier/init.dossier"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }
}
