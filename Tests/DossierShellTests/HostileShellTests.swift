import Foundation
import Testing
@testable import DossierShell

/// Issue 12 items 3, 4, 6 and 7 end to end: output that cannot be written, special files given as scripts or
/// standard input, script arguments holding line breaks, a corpus given twice, and the history file.
@Suite("Hostile streams and files")
struct HostileShellTests {
    /// Runs `dossier ARGS` under bash with the redirection or pipe `plumbing` around it; reports dossier's status.
    func shell(_ arguments: [String], _ plumbing: String, ignorePipe: Bool = false) -> Outcome {
        let command = (ignorePipe ? "trap '' PIPE; " : "") + "\"$0\" " + arguments.map(shellQuote).joined(separator: " ") + " " + plumbing
            + "; exit ${PIPESTATUS[0]}"
        let temp = TempDir()
        return withExtendedLifetime(temp) {
            runProcess("/bin/bash", ["-c", command, dossierBinary], environment: childEnvironment(temp))
        }
    }

    static let bigOutput = ["--no-cache", "-e", "set limit none", "-e", "find \"the\"", "-e", "find \"the\"", "-e", "find \"the\""]

    /// A full disk, a closed stream, or a reader gone while SIGPIPE is ignored: a message and status 1, no crash.
    @Test(arguments: [
        (">/dev/full", "No space left on device"),
        (">&-", "Bad file descriptor"),
        ("| head -c 1 >/dev/null", "Broken pipe"),
    ])
    func standardOutputThatCannotBeWritten(plumbing: String, reason: String) {
        let r = shell(Self.bigOutput, plumbing, ignorePipe: true)
        #expect(r.status == 1, "\(r)")
        #expect(r.stderr.contains("dossier: cannot write to standard output: \(reason)"), "\(r)")
        #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("crashed"), "\(r)")
    }

    @Test func standardErrorThatCannotBeWritten() {
        let r = shell(["--no-cache", "-e", "find actor Wagnr"], "2>/dev/full")
        #expect(r.status == 1, "\(r)")
        #expect(!r.stdout.contains("Fatal error"), "\(r)")
    }

    @Test func helpOnAFullDiskFails() {
        #expect(shell(["--help"], ">/dev/full").status == 1)
        #expect(shell(["--help"], ">/dev/null").status == 0)
    }

    /// A line of standard input is capped: /dev/zero (no line ending ever) is refused, not read until memory runs out.
    @Test func endlessStandardInputIsRefused() {
        let r = shell(["--no-cache"], "</dev/zero")
        #expect(r.status == 1, "\(r)")
        #expect(r.stderr.contains("<stdin>:1:1: error: cannot read script 'standard input': a line larger than 64 MB; nothing more is read"), "\(r)")
    }

    @Test func aFIFOAsAScriptIsRefusedWithoutWaiting() throws {
        let temp = TempDir()
        let fifo = temp.path + "/commands.dossier"
        #expect(mkfifo(fifo, 0o600) == 0)
        let direct = dossier(["--no-cache", fifo], temp: temp, timeout: 30)
        #expect(direct.status == 1 && direct.stderr.contains("is a FIFO, not a regular file"), "\(direct)")
        let viaRun = dossier(["--no-cache", "-e", "run \"\(fifo)\""], temp: temp, timeout: 30)
        #expect(viaRun.status == 1 && viaRun.stderr.contains("is a FIFO, not a regular file"), "\(viaRun)")
    }

    /// `$1` holding a line break is one argument (a phrase, a name), never a second command.
    @Test(arguments: [("find $1\n", "0 sentences\n", 0), ("find actor $1\n", "", 1)])
    func aScriptArgumentWithALineBreakStaysOneArgument(script text: String, stdout: String, status: Int32) {
        let temp = TempDir()
        let script = temp.write("phrase.dossier", text)
        let r = dossier(["--no-cache", script, "Wagner\ncount by doc"], temp: temp)
        #expect(r.status == status && r.stdout == stdout, "\(r)")
        #expect(!r.stdout.contains(" by doc"), "the second line ran as a command: \(r)")
    }

    /// The same corpus given twice, or a folder and its subfolder, is read once: the same documents as once.
    @Test func aCorpusGivenTwiceIsReadOnce() {
        let temp = TempDir()
        let corpus = temp.smallCorpus()
        let once = dossier(["--no-cache", "--corpus", corpus, "-e", "docs"], temp: temp)
        let twice = dossier(["--no-cache", "--corpus", corpus, "--corpus", corpus, "--corpus", corpus + "/deep", "-e", "docs"], temp: temp)
        #expect(once.stdout == twice.stdout, "\(twice)")
        #expect(twice.stderr.contains("already read"), "\(twice)")
    }
}

/// History written after each command (nothing lost to a hang-up or a crash), and a history path that is a
/// folder or a device left alone.
@Suite("History under hostile conditions", .serialized, .enabled(if: tmuxPath != nil, "tmux is not installed"))
struct HostileHistoryTests {
    @Test func historyIsOnDiskAfterEachCommand() throws {
        let temp = TempDir()
        let tmux = try ReplTests.start(temp)
        defer { tmux.kill() }
        tmux.line("echo written at once")
        #expect(ReplTests.waitForPrompt(tmux, count: 2))
        #expect(eventually { temp.read("home/history")?.contains("written") == true },
                "the running shell has written it: \(temp.read("home/history") ?? "nothing")")
    }

    /// Two terminals on one history file: each save adds the session's own commands to what the file holds, so the
    /// one that writes last keeps the other's commands (it replaced the file with its own list), in the order typed.
    @Test func twoSessionsKeepEachOthersCommands() throws {
        let temp = TempDir()
        let shared = ["DOSSIER_HISTORY": temp.path + "/shared-history"]
        let a = try ReplTests.start(temp, env: shared)
        defer { a.kill() }
        let b = try ReplTests.start(temp, env: shared)
        defer { b.kill() }
        for (n, (session, line)) in [(a, "echo from-a-1"), (b, "echo from-b-1"), (a, "echo from-a-2"), (b, "echo from-b-2")].enumerated() {
            session.line(line)
            #expect(ReplTests.waitForPrompt(session, count: n / 2 + 2))
            #expect(eventually { temp.read("shared-history")?.contains(line.replacingOccurrences(of: " ", with: "\\040")) == true })
        }
        let saved = temp.read("shared-history")?.split(separator: "\n").dropFirst().map(String.init)
        #expect(saved == ["echo\\040from-a-1", "echo\\040from-b-1", "echo\\040from-a-2", "echo\\040from-b-2"], "\(saved ?? [])")
    }

    /// History in a folder that does not exist yet: it is made (with its parents), and the user is told once.
    @Test func aMissingHistoryFolderIsMadeAndSaid() throws {
        let temp = TempDir()
        let folder = temp.path + "/made/here"
        let tmux = try ReplTests.start(temp, env: ["DOSSIER_HISTORY": folder + "/history"])
        defer { tmux.kill() }
        tmux.line("echo one")
        #expect(tmux.waitFor("note: made the folder \(folder) to keep the history in"), "\(tmux.screen())")
        tmux.line("echo two")
        #expect(tmux.waitFor("\ntwo\n"), "\(tmux.screen())")
        #expect(tmux.screen().components(separatedBy: "made the folder").count == 2, "said once: \(tmux.screen())")
        #expect(temp.read("made/here/history")?.contains("two") == true)
    }

    @Test(arguments: ["folder", "device"])
    func aHistoryPathThatIsNotAFileIsLeftAlone(kind: String) throws {
        let temp = TempDir()
        let path: String
        if kind == "folder" {
            path = temp.path + "/history-folder"
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } else {
            path = "/dev/null"
        }
        let tmux = try ReplTests.start(temp, env: ["DOSSIER_HISTORY": path])
        defer { tmux.kill() }
        #expect(tmux.waitFor("left alone"), "\(tmux.screen())")
        tmux.line("echo still works")
        #expect(tmux.waitFor("\nstill works\n"), "\(tmux.screen())")
        tmux.keys("C-d")
        #expect(tmux.exitStatus(temp) == 0)
        var info = stat()
        #expect(stat(path, &info) == 0 && (info.st_mode & S_IFMT) == (kind == "folder" ? S_IFDIR : S_IFCHR))
        #expect(try FileManager.default.contentsOfDirectory(atPath: temp.path).filter { $0.contains("corrupt") }.isEmpty)
    }
}

/// Printing many rows stops at Ctrl-C: output goes out in 4 KB pieces and the flag is read between two of them.
@Suite("Ctrl-C while printing")
struct PrintingInterruptTests {
    @Test func longOutputStopsAfterThePieceBeingWritten() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]) }
        let text = String(repeating: "a row of output\n", count: 100_000)
        var asked = 0
        StandardStream(descriptor: fds[1], name: "a pipe").write(text) {
            asked += 1
            return asked >= 3
        }
        close(fds[1])
        var received = 0
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fds[0], &buffer, buffer.count)
            if n <= 0 { break }
            received += n
        }
        #expect(received == 3 * StandardStream.piece)
    }

    /// A stop between two pieces finishes the line the last piece cut, so no half row is left before `interrupted`.
    @Test(arguments: [7, 100, 4095, 5000])
    func aStoppedOutputEndsWithAWholeLine(lineLength: Int) throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]) }
        // Written from another thread: the pipe holds 64 KB and the reader here empties it.
        let line = String(repeating: "x", count: lineLength - 1) + "\n"
        let text = String(repeating: line, count: 200_000 / lineLength + 10)
        let writeEnd = fds[1]
        let writer = Thread {
            var asked = 0
            StandardStream(descriptor: writeEnd, name: "a pipe").write(text) {
                asked += 1
                return asked >= 3
            }
            close(writeEnd)
        }
        writer.start()
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fds[0], &buffer, buffer.count)
            if n <= 0 { break }
            received += buffer[0..<n]
        }
        #expect(received.last == 0x0A)
        #expect(received.count % lineLength == 0, "\(received.count) bytes is not a whole number of \(lineLength)-byte lines")
        #expect(received.count >= 3 * StandardStream.piece && received.count < 3 * StandardStream.piece + lineLength)
    }
}
