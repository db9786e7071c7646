import Foundation
import Testing
@testable import DossierCore

/// Issue 12 item 9: Ctrl-C stops any command. The interrupt flag is driven directly: `shouldStop` answers no at
/// the command's first check and yes from the second, so a command passes only if it checks again inside its
/// long loops (every 1,024 sentences), which is what stops it within milliseconds on a large corpus.
@Suite("Ctrl-C inside commands")
struct InterruptTests {
    /// 40 documents of 100 sentences each: loops over thousands of sentences.
    static let corpus: Corpus = {
        let dir = TempDir()
        defer { dir.remove() }
        for d in 0..<40 {
            var text = "Report \(d)\n\n"
            for s in 0..<100 {
                text += "Russia met Mali officials in Bamako in \(2000 + s % 20) while France watched. "
                if s % 10 == 9 { text += "\n\n" }
            }
            dir.write("report-\(d).txt", text)
        }
        var loader = CorpusLoader()
        _ = loader.addResources(from: Paths.seeds)
        return loader.load([dir.path]).0
    }()

    /// A flag that turns true after `answers` checks, and counts them.
    final class Flag: @unchecked Sendable {
        let lock = NSLock()
        var checks = 0
        let answers: Int
        init(answers: Int) { self.answers = answers }
        func check() -> Bool {
            lock.lock()
            defer { lock.unlock() }
            checks += 1
            return checks > answers
        }
    }

    func run(_ command: String, stopAfter answers: Int) -> (ok: Bool, err: String, checks: Int) {
        let output = Collect()
        let session = Session(corpus: Self.corpus, loader: CorpusLoader(), corpusPaths: [], output: output)
        let flag = Flag(answers: answers)
        session.shouldStop = { flag.check() }
        let ok = session.run(command, file: "<command>")
        return (ok, output.err, flag.checks)
    }

    static let commands = [
        "find \"Mali officials\"", "find actor Russia in 2005", "find actor Russia between 2003 and 2007",
        "timeline actor Russia", "count actor Russia by doc", "count \"Bamako\" by year",
        "count \"France\" by actor", "kwic \"Bamako\"", "find matching /Bam.ko in 20[01]/", "top actors 5 \"France watched\"",
    ]

    @Test(arguments: commands)
    func aCommandStopsWhenAskedInsideItsLoops(command: String) {
        #expect(Self.corpus.sentences.count >= 4000)
        let whole = run(command, stopAfter: .max)
        #expect(whole.ok, "\(command): \(whole.err)")
        let stopped = run(command, stopAfter: 1)
        #expect(!stopped.ok, "\(command) ran to the end after Ctrl-C (\(whole.checks) checks in a whole run)")
        #expect(stopped.err.contains("interrupted"), "\(stopped.err)")
    }

    /// A poll asks once per 1,024 steps, from the first step on.
    @Test func aPollAsksEvery1024Steps() {
        let flag = Flag(answers: .max)
        var poll = StopPoll { flag.check() }
        for _ in 0..<4096 { _ = poll.step() }
        #expect(flag.checks == 4)
    }
}
