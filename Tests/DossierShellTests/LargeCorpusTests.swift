import Foundation
import Testing

/// Generated corpora: loading more than one 4 MB chunk, and interrupting a long command with Ctrl-C.
enum GeneratedCorpus {
    /// Writes `files` documents of about `paragraphs` × 700 bytes each, deterministic (a fixed LCG).
    static func write(into temp: TempDir, folder: String, files: Int, paragraphs: Int) -> String {
        let words = ["the", "of", "and", "to", "in", "a", "militia", "troops", "Wagner", "Group", "Russia", "France",
                     "Mali", "Bangui", "government", "forces", "attacked", "town", "village", "said", "report", "officials"]
        var state: UInt64 = 42
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(words.count))
        }
        for f in 0..<files {
            var text = "Report number \(f)\n\n"
            for p in 0..<paragraphs {
                var sentences: [String] = []
                for _ in 0..<5 {
                    let sentence = (0..<18).map { _ in words[next()] }.joined(separator: " ")
                    sentences.append(sentence.prefix(1).uppercased() + sentence.dropFirst() + ".")
                }
                text += "In \(2000 + p % 20), " + sentences.joined(separator: " ") + "\n\n"
            }
            temp.write("\(folder)/doc\(String(format: "%03d", f)).txt", text)
        }
        return temp.path + "/" + folder
    }
}

@Suite("Large corpora")
struct LargeCorpusTests {
    @Test func corpusOfMoreThanOneChunkLoads() {
        // Regression: a corpus over about 4.4 MB (more than one analysis chunk) crashed while loading
        // (`Array index is out of range` in Corpus.indexYears).
        let temp = TempDir()
        let corpus = GeneratedCorpus.write(into: temp, folder: "big", files: 30, paragraphs: 300)
        let r = dossier(["--corpus", corpus, "-e", "docs"], temp: temp, timeout: 300)
        #expect(!r.timedOut)
        #expect(r.status == 0, "status \(r.status); stderr starts: \(r.stderr.prefix(300))")
        #expect(r.stdout.contains("30 documents"))
    }

    @Test func corpusJustUnderOneChunkLoads() {
        let temp = TempDir()
        let corpus = GeneratedCorpus.write(into: temp, folder: "mid", files: 20, paragraphs: 300)
        let r = dossier(["--corpus", corpus, "-e", "docs", "-e", "count matching /Wagner Group/ by year"], temp: temp, timeout: 300)
        #expect(r.status == 0, "status \(r.status); stderr starts: \(r.stderr.prefix(300))")
        #expect(r.stdout.contains("20 documents"))
    }
}

@Suite("Interrupting a long command", .serialized, .enabled(if: tmuxPath != nil))
struct InterruptTests {
    /// Ctrl-C while a regex scan runs: `interrupted`, the prompt comes back and the shell goes on. Ctrl-C is pressed
    /// once dossier has spent a tenth of a second of processor time on the command (read from /proc), so it lands
    /// inside the scan. How fast the prompt comes back is measured by `scripts/bench-interrupt`, not here.
    @Test func ctrlCDuringALongCommandReturnsToThePrompt() throws {
        let temp = TempDir()
        // About 1 MB; `[a-z].{25}[xq]` takes the regex engine minutes on it (debug build), so it is still running at Ctrl-C:
        // no word holds x or q, and a class is not a literal that would rule sentences out before the scan.
        let corpus = GeneratedCorpus.write(into: temp, folder: "slow", files: 6, paragraphs: 300)
        let tmux = try ReplTests.start(temp, ["--corpus", corpus])
        defer { tmux.kill() }
        let pid = try #require(tmux.childPid(), "no dossier process in the pane")
        let before = try #require(Self.processorTicks(pid))
        tmux.line("count matching /[a-z].{25}[xq]/ by year")
        #expect(eventually(timeout: 60, interval: 0.01) { (Self.processorTicks(pid) ?? .max) >= before + 10 })
        let running = tmux.screen()
        try #require(running.split(separator: "\n").last != "dossier>", "the command finished before Ctrl-C; find a slower one: \(running)")
        tmux.keys("C-c")
        #expect(ReplTests.waitForPrompt(tmux, count: 2, timeout: 120), "no prompt after Ctrl-C: \(tmux.screen())")
        #expect(tmux.screen().contains("interrupted"), "\(tmux.screen())")
        tmux.line("echo still alive")
        #expect(tmux.waitFor("\nstill alive\n"), "\(tmux.screen())")
        tmux.keys("C-d")
        #expect(tmux.exitStatus(temp) == 0)
    }

    /// Ctrl-C while a result of 18,000 sentences is drawn and printed (`set limit none`): `interrupted` is said once,
    /// the prompt comes back and the shell goes on; Ctrl-D then leaves with 0. Ctrl-C is pressed once dossier has
    /// spent a tenth of a second of processor time on the command (read from /proc), so it lands while the rows are
    /// drawn or printed, not before the command starts.
    @Test func ctrlCWhilePrintingAHugeResultReturnsToThePrompt() throws {
        let temp = TempDir()
        let corpus = GeneratedCorpus.write(into: temp, folder: "wide", files: 12, paragraphs: 300)
        let tmux = try ReplTests.start(temp, ["--corpus", corpus])
        defer { tmux.kill() }
        tmux.line("set limit none")
        #expect(ReplTests.waitForPrompt(tmux, count: 2), "\(tmux.screen())")
        let pid = try #require(tmux.childPid(), "no dossier process in the pane")
        let before = try #require(Self.processorTicks(pid))
        tmux.line("find \"the\"")
        #expect(eventually(timeout: 60, interval: 0.01) { (Self.processorTicks(pid) ?? .max) >= before + 10 })
        tmux.keys("C-c")
        // Earlier prompts have scrolled away: the next one is the last line.
        #expect(ReplTests.waitForPrompt(tmux, count: 1, timeout: 60), "no prompt after Ctrl-C: \(tmux.screen())")
        let screen = tmux.screen()
        // The terminal echoes Ctrl-C as ^C where the cursor is: at the start of a line, as no half row is left.
        let said = screen.split(separator: "\n").filter { $0.contains("interrupted") }
        #expect(said == ["^Cinterrupted"] || said == ["interrupted"], "\(screen.suffix(2000))")
        tmux.line("echo still alive")
        #expect(tmux.waitFor("\nstill alive\n"), "\(tmux.screen())")
        tmux.keys("C-d")
        #expect(tmux.exitStatus(temp) == 0)
    }

    /// Ctrl-C (SIGINT) while `-e` or a script prints a long answer: the line being written is finished, the rest of
    /// the answer and the commands after it are dropped even with --keep-going, "interrupted" is said once, and the
    /// status is 130. The signal is sent once 64 KB of the answer (about 2 MB) have been read.
    @Test(arguments: [false, true])
    func ctrlCWithoutAPromptStopsAtALineAndSaysSo(fromScript: Bool) throws {
        let temp = TempDir()
        let corpus = GeneratedCorpus.write(into: temp, folder: "wide", files: 12, paragraphs: 300)
        let commands = ["set limit none", "find \"the\"", "echo second"]
        let arguments = fromScript ? [temp.write("long.dossier", commands.joined(separator: "\n") + "\n")]
            : commands.flatMap { ["-e", $0] }
        let r = dossier(["--corpus", corpus, "--keep-going"] + arguments, temp: temp, timeout: 300, interruptAfter: 65536)
        #expect(r.status == 130, "stderr: \(r.stderr.suffix(500))")
        #expect(r.stdout.utf8.count >= 65536 && r.stdout.utf8.count < 1_000_000)
        #expect(r.stdout.hasSuffix("\n"))
        #expect(!r.stdout.contains("second"))
        #expect(r.stderr.components(separatedBy: "interrupted").count == 2, "\(r.stderr.suffix(500))")
    }

    /// Processor time a process has used (user and system), in clock ticks, from /proc/PID/stat.
    static func processorTicks(_ pid: String) -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let end = stat.range(of: ") ", options: .backwards) else { return nil }
        let fields = stat[end.upperBound...].split(separator: " ")
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        return user + system
    }
}
