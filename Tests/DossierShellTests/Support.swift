import Foundation
import Testing

/// End-to-end helpers: run the real `dossier` binary (from `DOSSIER_BIN`, else `<package>/.build/debug/dossier`),
/// make throw-away folders, and drive the REPL inside tmux.

/// The package root, from this file's path (`<root>/Tests/DossierShellTests/Support.swift`).
let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The binary under test.
let dossierBinary: String = {
    if let path = ProcessInfo.processInfo.environment["DOSSIER_BIN"], !path.isEmpty { return path }
    return packageRoot.appendingPathComponent(".build/debug/dossier").path
}()

let fixtures: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// `--corpus` and `--lexicon` for the fixture corpus (two small documents) and its lexicon (adds "Harmattan").
let fixtureCorpus = ["--corpus", fixtures.appendingPathComponent("corpus").path,
                     "--lexicon", fixtures.appendingPathComponent("extra.lexicon").path]

/// What a finished process left behind.
struct Outcome: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String
    var timedOut: Bool

    var stdoutLines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLastEmpty() }
    var stderrLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLastEmpty() }

    var description: String {
        "status \(status)\(timedOut ? " (TIMED OUT)" : "")\n--- stdout ---\n\(stdout)\n--- stderr ---\n\(stderr)"
    }
}

extension Array where Element == String {
    func dropLastEmpty() -> [String] { last == "" ? Array(dropLast()) : self }
}

/// A temporary folder removed on deinit. Holds a `home` (for HOME and history) for each test.
final class TempDir: @unchecked Sendable {
    let url: URL
    var path: String { url.path }

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-shelltests-\(UUID().uuidString.prefix(12))")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try! FileManager.default.createDirectory(at: url.appendingPathComponent("home"), withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    var home: String { path + "/home" }
    var history: String { home + "/history" }

    /// Writes a file (creating folders) and returns its full path.
    @discardableResult
    func write(_ relative: String, _ text: String, executable: Bool = false) -> String {
        let file = url.appendingPathComponent(relative)
        try! FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: file)
        if executable { chmod(file.path, 0o755) }
        return file.path
    }

    func read(_ relative: String) -> String? {
        (try? Data(contentsOf: url.appendingPathComponent(relative))).map { String(decoding: $0, as: UTF8.self) }
    }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: url.appendingPathComponent(relative).path) }

    func list(_ relative: String = "") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: relative.isEmpty ? path : path + "/" + relative)) ?? []).sorted()
    }

    /// A small two-document corpus (one file in a subfolder).
    func smallCorpus(_ name: String = "corpus") -> String {
        write("\(name)/alpha.txt", """
        Harmattan Patrol Report

        In 2019, the Harmattan met officials in Mali.

        Later the Harmattan left the town of Bangui.
        """)
        write("\(name)/deep/beta.txt", """
        Second Story

        In 2020, France sent troops to Mali. The soldiers stayed in Bamako.
        """)
        return path + "/" + name
    }
}

/// The environment for a child: the test's own, with HOME and DOSSIER_HISTORY in `temp`, no NO_COLOR unless asked.
func childEnvironment(_ temp: TempDir, extra: [String: String] = [:], removing: [String] = ["NO_COLOR"]) -> [String: String] {
    var env = ProcessInfo.processInfo.environment
    for key in removing + ["FORCE_COLOR", "COLUMNS", "PAGER"] { env.removeValue(forKey: key) }
    env["HOME"] = temp.home
    // The start-up file is looked up under the temporary home, never the user's.
    env["XDG_CONFIG_HOME"] = temp.home + "/config"
    env["DOSSIER_HISTORY"] = temp.history
    // Saved models go under the temporary home, never in the user's cache.
    env.removeValue(forKey: "DOSSIER_CACHE")
    env.removeValue(forKey: "XDG_CACHE_HOME")
    for (k, v) in extra { env[k] = v }
    return env
}

/// Runs an executable with arguments, optional standard input, environment and working folder, and a timeout.
///
/// Uses posix_spawn and poll(2) on one thread, not Foundation's `Process`: `Process.waitUntilExit` needs a free
/// dispatch thread to notice the exit, and with tests blocking the (2-core) pool it deadlocked. The child gets a
/// default signal mask and dispositions (the test runner blocks some signals), its own process group (killed
/// whole on timeout), and a folder through `env -C` when `directory` is given.
/// `interruptAfter` sends SIGINT to the child once that many bytes of its standard output have been read.
/// `timeout` only stops a hang, which fails the test: it is generous because healthy runs took over 60 s while
/// other builds loaded this 2-core machine.
func runProcess(_ executable: String, _ arguments: [String], stdin: String? = nil, environment: [String: String]? = nil,
                directory: String? = nil, timeout: TimeInterval = processTimeout, interruptAfter: Int? = nil) -> Outcome {
    var argv = [executable] + arguments
    var path = executable
    if let directory {
        argv = ["/usr/bin/env", "-C", directory] + argv
        path = "/usr/bin/env"
    }
    let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }

    var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0], inPipe: [Int32] = [0, 0]
    guard pipe(&outPipe) == 0, pipe(&errPipe) == 0, pipe(&inPipe) == 0 else {
        return Outcome(status: -1, stdout: "", stderr: "pipe failed", timedOut: false)
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if stdin != nil {
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
    } else {
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    }
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
    for fd in inPipe + outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var allSignals = sigset_t()
    sigemptyset(&allSignals)
    for signal in 1..<32 where signal != SIGKILL && signal != SIGSTOP { sigaddset(&allSignals, Int32(signal)) }
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setpgroup(&attributes, 0)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

    let cArgs = argv.map { strdup($0) } + [nil]
    let cEnv = env.map { strdup($0) } + [nil]
    defer { for p in cArgs + cEnv { free(p) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, path, &actions, &attributes, cArgs, cEnv)
    close(outPipe[1]); close(errPipe[1]); close(inPipe[0])
    guard spawned == 0 else {
        close(outPipe[0]); close(errPipe[0]); close(inPipe[1])
        return Outcome(status: -1, stdout: "", stderr: "cannot start \(path): \(String(cString: strerror(spawned)))", timedOut: false)
    }

    var input = Array((stdin ?? "").utf8)[...]
    var inFd: Int32 = inPipe[1]
    if stdin == nil || input.isEmpty { close(inFd); inFd = -1 } else { _ = fcntl(inFd, F_SETFL, O_NONBLOCK) }
    var out = [UInt8](), err = [UInt8]()
    var openOut = true, openErr = true
    var status: Int32?
    var exitedAt: Date?
    var timedOut = false
    let deadline = Date().addingTimeInterval(timeout)
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        if status == nil {
            var raw: Int32 = 0
            if waitpid(pid, &raw, WNOHANG) == pid {
                status = (raw & 0x7f) == 0 ? (raw >> 8) & 0xff : 128 + (raw & 0x7f)
                exitedAt = Date()
            }
        }
        // Done when the child has exited and its pipes are closed (or, if a grandchild such as a tmux server
        // holds them open, a moment after it exited).
        if let exitedAt, (!openOut && !openErr) || Date().timeIntervalSince(exitedAt) > 1 { break }
        if status == nil, Date() > deadline {
            timedOut = true
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
        }
        var fds: [pollfd] = []
        if openOut { fds.append(pollfd(fd: outPipe[0], events: Int16(POLLIN), revents: 0)) }
        if openErr { fds.append(pollfd(fd: errPipe[0], events: Int16(POLLIN), revents: 0)) }
        if inFd >= 0 { fds.append(pollfd(fd: inFd, events: Int16(POLLOUT), revents: 0)) }
        _ = poll(&fds, nfds_t(fds.count), 20)
        for f in fds where f.revents != 0 {
            if f.fd == inFd {
                let n = input.withUnsafeBufferPointer { write(inFd, $0.baseAddress, $0.count) }
                if n > 0 { input = input.dropFirst(n) }
                if n < 0 && errno != EAGAIN || input.isEmpty { close(inFd); inFd = -1 }
                continue
            }
            let n = read(f.fd, &buffer, buffer.count)
            if n > 0 {
                if f.fd == outPipe[0] { out += buffer[0..<n] } else { err += buffer[0..<n] }
                if let limit = interruptAfter, out.count >= limit, out.count - n < limit { kill(pid, SIGINT) }
            } else if n == 0 || errno != EINTR && errno != EAGAIN {
                if f.fd == outPipe[0] { openOut = false } else { openErr = false }
            }
        }
    }
    close(outPipe[0]); close(errPipe[0])
    if inFd >= 0 { close(inFd) }
    return Outcome(status: status ?? -1, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self),
                   timedOut: timedOut)
}

/// How long a test lets a process run before it counts as hung and is killed.
let processTimeout: TimeInterval = 180

/// Runs `dossier` with a private HOME and history.
func dossier(_ arguments: [String], stdin: String? = nil, temp: TempDir? = nil, env: [String: String] = [:],
             directory: String? = nil, timeout: TimeInterval = processTimeout, interruptAfter: Int? = nil) -> Outcome {
    let t = temp ?? TempDir()
    return withExtendedLifetime(t) {
        runProcess(dossierBinary, arguments, stdin: stdin, environment: childEnvironment(t, extra: env),
                   directory: directory, timeout: timeout, interruptAfter: interruptAfter)
    }
}

/// `FILE:LINE:COLUMN: error: MESSAGE`, the source line, and a caret line whose first `^` is under COLUMN
/// (counted in characters). Returns the three lines of the first diagnostic in `stderr`, or nil.
struct RenderedError {
    var file: String
    var line: Int
    var column: Int
    var message: String
    var sourceLine: String
    var caretLine: String

    init?(_ stderr: String) {
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let index = lines.firstIndex(where: { $0.contains(": error: ") }), index + 2 < lines.count else { return nil }
        let head = lines[index]
        guard let errRange = head.range(of: ": error: ") else { return nil }
        let location = head[..<errRange.lowerBound]
        message = String(head[errRange.upperBound...])
        let parts = location.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 3, let l = Int(parts[parts.count - 2]), let c = Int(parts[parts.count - 1]) else { return nil }
        file = parts.dropLast(2).joined(separator: ":")
        line = l
        column = c
        sourceLine = lines[index + 1]
        caretLine = lines[index + 2]
    }

    /// The column (1-based, in characters) of the first caret.
    var caretColumn: Int? { caretLine.firstIndex(of: "^").map { caretLine.distance(from: caretLine.startIndex, to: $0) + 1 } }

    /// The text of the source line under the carets.
    var underlined: String {
        let chars = Array(sourceLine)
        let carets = Array(caretLine)
        return String(chars.indices.filter { $0 < carets.count && carets[$0] == "^" }.map { chars[$0] })
    }
}

/// Polls `condition` until it holds or `timeout` passes.
func eventually(timeout: TimeInterval = 15, interval: TimeInterval = 0.1, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if condition() { return true }
        Thread.sleep(forTimeInterval: interval)
    }
    return condition()
}

let tmuxPath: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }

/// One private tmux server with one pane running a command. Kill it with `kill()` (use `defer`).
final class TmuxSession: @unchecked Sendable {
    let socket = "dossier-test-\(getpid())-\(UUID().uuidString.prefix(8))"
    let tmux: String

    /// Starts `command` (a shell command line) in a new pane of `width` × `height`, kept after exit (remain-on-exit).
    init(command: String, width: Int = 120, height: Int = 40, directory: String? = nil) throws {
        guard let tmuxPath else { throw TmuxMissing() }
        tmux = tmuxPath
        var args = ["-u", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)"]
        if let directory { args += ["-c", directory] }
        args += [command, ";", "set-option", "-g", "remain-on-exit", "on"]
        let result = runProcess(tmux, args, environment: Self.environment, timeout: 20)
        guard result.status == 0 else { throw TmuxFailed(message: result.description) }
    }

    struct TmuxMissing: Error {}
    struct TmuxFailed: Error { var message: String }

    static var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "TMUX")
        env["LANG"] = env["LANG"].flatMap { $0.isEmpty ? nil : $0 } ?? "C.UTF-8"
        return env
    }

    @discardableResult
    func tmuxCommand(_ args: [String]) -> Outcome {
        runProcess(tmux, ["-L", socket] + args, environment: Self.environment, timeout: 20)
    }

    /// Sends key names (`Enter`, `Tab`, `Up`, `C-c`, `C-d`).
    func keys(_ names: String...) { tmuxCommand(["send-keys", "-t", "0"] + names) }

    /// Types text literally.
    func type(_ text: String) { tmuxCommand(["send-keys", "-t", "0", "-l", text]) }

    /// Types a line and presses Enter.
    func line(_ text: String) {
        type(text)
        keys("Enter")
    }

    /// The visible screen (plus scrollback), without trailing blank lines.
    func screen() -> String {
        let out = tmuxCommand(["capture-pane", "-p", "-J", "-S", "-500", "-t", "0"]).stdout
        var lines = out.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line.reversed().drop(while: { $0 == " " }).reversed())
        }
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// The last non-blank line on screen.
    func lastLine() -> String { screen().split(separator: "\n").last.map(String.init) ?? "" }

    /// Waits until the screen satisfies `predicate`.
    @discardableResult
    func waitFor(timeout: TimeInterval = 15, _ predicate: (String) -> Bool) -> Bool {
        eventually(timeout: timeout) { predicate(self.screen()) }
    }

    /// Waits until `text` is on the screen.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 15) -> Bool { waitFor(timeout: timeout) { $0.contains(text) } }

    /// Waits until the screen holds `count` occurrences of `text`.
    @discardableResult
    func waitFor(_ text: String, count: Int, timeout: TimeInterval = 15) -> Bool {
        waitFor(timeout: timeout) { $0.components(separatedBy: text).count - 1 >= count }
    }

    /// Waits for dossier to end and returns its exit status, as written by the wrapper of `dossierCommandLine`
    /// (tmux's own `pane_dead_status` is sometimes left empty when the pty closes before the child is reaped).
    func exitStatus(_ temp: TempDir, timeout: TimeInterval = 15) -> Int32? {
        var status: Int32?
        _ = eventually(timeout: timeout) {
            guard let text = temp.read("exit-status"), text.hasSuffix("\n") else { return false }
            status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
            return true
        }
        return status
    }

    /// The process id of the pane's program (dossier, started by the pane's shell).
    func childPid() -> String? {
        let panePid = tmuxCommand(["list-panes", "-t", "0", "-F", "#{pane_pid}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let children = (try? String(contentsOfFile: "/proc/\(panePid)/task/\(panePid)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.map(String.init)
    }

    /// Ends the server and waits for the pane's processes (the shell and dossier, which saves its history on hangup)
    /// to be gone, so the test's temporary folder is not recreated after it is removed; then removes the socket.
    func kill() {
        let panePid = tmuxCommand(["list-panes", "-t", "0", "-F", "#{pane_pid}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        var pids: [String] = []
        if !panePid.isEmpty {
            pids.append(panePid)
            let children = (try? String(contentsOfFile: "/proc/\(panePid)/task/\(panePid)/children", encoding: .utf8)) ?? ""
            pids += children.split(separator: " ").map(String.init)
        }
        tmuxCommand(["kill-server"])
        _ = eventually(timeout: 10) {
            pids.allSatisfy { pid in
                guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
                return stat.contains(") Z ")
            }
        }
        let directory = ProcessInfo.processInfo.environment["TMUX_TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        unlink("\(directory)/tmux-\(getuid())/\(socket)")
    }
}

/// A shell command line running dossier with a private HOME and history (and no NO_COLOR unless `extra` sets it).
/// The shell writes dossier's exit status to `<temp>/exit-status`; it traps SIGINT (with a no-op, so dossier still
/// gets the default disposition) so that Ctrl-C in the pane does not end the shell.
func dossierCommandLine(_ temp: TempDir, _ arguments: [String] = [], env: [String: String] = [:]) -> String {
    // No pager unless a test asks for one: `less` would wait for a key.
    var assignments = ["HOME": temp.home, "DOSSIER_HISTORY": temp.history, "TERM": "xterm-256color", "XDG_CONFIG_HOME": temp.home + "/config",
                       "PAGER": ""]
    for (k, v) in env { assignments[k] = v }
    let envPart = assignments.keys.sorted().map { "\($0)=\(shellQuote(assignments[$0]!))" }.joined(separator: " ")
    let unset = env["NO_COLOR"] == nil ? "-u NO_COLOR " : ""
    return "trap : INT; env \(unset)\(envPart) \(shellQuote(dossierBinary)) " + arguments.map(shellQuote).joined(separator: " ")
        + "; echo $? > \(shellQuote(temp.path + "/exit-status"))"
}

func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

/// Parses JSON Lines: each line must be one JSON object.
func jsonObjects(_ text: String) throws -> [[String: Any]] {
    try text.split(separator: "\n").map { line in
        let value = try JSONSerialization.jsonObject(with: Data(line.utf8))
        guard let object = value as? [String: Any] else { throw NotAnObject(line: String(line)) }
        return object
    }
}

struct NotAnObject: Error { var line: String }

/// Whether the binary exists; tests are disabled with a clear message otherwise.
let binaryExists = FileManager.default.isExecutableFile(atPath: dossierBinary)
