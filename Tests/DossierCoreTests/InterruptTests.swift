import Foundation
import Testing
@testable import DossierCore

/// Issue 12 item 9: Ctrl-C stops any command. The interrupt flag is driven directly: `shouldStop` answers no at
/// the command's first check and yes from the second, so a command passes only if it checks again inside its
/// long loops (every 1,024 sentences), which is what stops it within milliseconds on a large corpus.
@Suite("Ctrl-C inside commands")
struct InterruptTests {
    /// 40 documents of 100 sentences each: loops over thousands of sentences. Its word positions and sentences' word ids
    /// are built here: the first phrase, kwic or word statistic would build them and ask more often while it does, so a count of checks would depend on
    /// which test ran first.
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
        let corpus = loader.load([dir.path]).0
        _ = try? corpus.wordPositions.get(corpus, shouldStop: { false })
        corpus.buildAhead(ids: true, positions: false, run: { $0() })
        return corpus
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

/// Issue 12 item 9 past the queries: drawing a huge result, sorting a big listing and counting words stop at
/// Ctrl-C too. The flag is raised after a given number of checks, never by a clock.
@Suite("Ctrl-C while sorting and drawing")
struct DrawingInterruptTests {
    typealias Flag = InterruptTests.Flag

    /// The result of one command over the generated corpus.
    func result(_ command: String) throws -> CommandResult {
        let statement = try #require(try Parser.parse(command, file: "<command>").first)
        let interpreter = Interpreter(corpus: InterruptTests.corpus, loader: CorpusLoader(), corpusPaths: [], files: LocalFiles())
        return try interpreter.execute(statement.command, at: Interpreter.Place(file: "<command>", statement: statement, directory: nil))
    }

    /// Every row of `command` drawn in `format`, or the interruption once `flag` says stop.
    func draw(_ command: String, _ format: OutputFormat, _ flag: Flag) throws -> Result<String, Diagnostic> {
        let renderer = Renderer(corpus: InterruptTests.corpus, format: format, width: 100, page: nil, shouldStop: { flag.check() })
        let whole = try result(command)
        do throws(Diagnostic) {
            return .success(try renderer.render(whole, command: command))
        } catch {
            return .failure(error)
        }
    }

    static let listings = ["find \"Mali officials\"", "kwic \"Bamako\"", "count \"France\" by doc", "timeline actor Russia"]

    @Test(arguments: OutputFormat.allCases, listings)
    func drawingAsksEvery64RowsAndStopsAtTheFirstYes(format: OutputFormat, command: String) throws {
        let all = Flag(answers: .max)
        guard case .success(let text) = try draw(command, format, all) else {
            Issue.record("\(command) was stopped without being asked")
            return
        }
        let rows = try #require(try result(command).rowCount)
        #expect(rows >= 40, "\(command) has \(rows) rows: too few to test drawing")
        // Each pass over the rows asks at least once per 64 of them.
        #expect(all.checks >= rows / 64, "\(command) as \(format): \(all.checks) checks for \(rows) rows")
        #expect(!text.isEmpty)
        let stopped = Flag(answers: 1)
        guard case .failure(let error) = try draw(command, format, stopped) else {
            Issue.record("\(command) as \(format) was drawn to the end after Ctrl-C")
            return
        }
        #expect(error.kind == .interrupted)
        #expect(stopped.checks == 2, "drawing went on asking after the stop: \(stopped.checks) checks")
    }

    /// A stop asked at the last check of a whole run (which is in the drawing, after the command's own work) prints
    /// no row, says `interrupted` once, and the session goes on.
    @Test(arguments: OutputFormat.allCases, listings)
    func aStopWhileDrawingPrintsNoRowAndTheSessionGoesOn(format: OutputFormat, command: String) {
        let whole = session(format, stopAfter: .max)
        #expect(whole.session.run(command, file: "<command>"), "\(whole.output.err)")
        let total = whole.flag.checks
        let stopped = session(format, stopAfter: total - 1)
        #expect(!stopped.session.run(command, file: "<command>"))
        // JSON output says what went wrong in a line of its own; no other format prints anything.
        let said = format == .json ? "{\"command\": \"\(command.replacingOccurrences(of: "\"", with: "\\\""))\", \"error\": {\"message\": \"interrupted\", \"line\": 1, \"column\": 1, \"suggestion\": null}}\n" : ""
        #expect(stopped.output.out == said, "printed part of the result: \(stopped.output.out.prefix(200))")
        let before = stopped.output.out
        #expect(stopped.output.err == "interrupted\n")
        // The prompt lowers the flag before the next command.
        stopped.session.shouldStop = { false }
        #expect(stopped.session.run("echo after", file: "<command>"))
        #expect(stopped.output.out.dropFirst(before.count).contains("after"))
    }

    func session(_ format: OutputFormat, stopAfter answers: Int) -> (session: Session, output: Collect, flag: Flag) {
        let output = Collect()
        let session = Session(corpus: InterruptTests.corpus, loader: CorpusLoader(), corpusPaths: [], output: output)
        session.settings.format = format
        session.settings.limit = nil
        let flag = Flag(answers: answers)
        session.shouldStop = { flag.check() }
        return (session, output, flag)
    }

    /// Sorting asks every 1,024 comparisons: sorting 100,000 numbers stops after a few thousand comparisons.
    @Test func aSortStopsWhenAsked() {
        let flag = Flag(answers: 3)
        var compared = 0
        let evaluator = Evaluator(corpus: InterruptTests.corpus, variables: [:], fail: { span, message, _ in
            Diagnostic(.error, at: SourceLocation(file: "<command>", line: span.line, column: span.column), message)
        }, shouldStop: { flag.check() })
        var items = (0..<100_000).map { ($0 &* 7919) % 100_003 }
        do throws(Diagnostic) {
            try evaluator.sort(&items) { a, b in
                compared += 1
                return a < b
            }
            Issue.record("the sort ran to the end after Ctrl-C")
        } catch {
            #expect(error.kind == .interrupted)
        }
        #expect(flag.checks == 4)
        #expect(compared == 3 * 1024)
    }

    /// Sorts, word counts and exports of big listings ask as they go: a run with the sort asks more often than
    /// one without, and a stop at any of those checks ends the command with `interrupted`.
    static let sorted = [("find actor Russia | sort by time", "find actor Russia"),
                         ("find actor Russia | sort by doc desc", "find actor Russia"),
                         ("kwic \"Bamako\" | sort by right 1", "kwic \"Bamako\"")]

    @Test(arguments: sorted)
    func aSortOfABigListingAsks(sortedCommand: String, plain: String) {
        let withSort = session(.text, stopAfter: .max)
        #expect(withSort.session.run(sortedCommand, file: "<command>"), "\(withSort.output.err)")
        let without = session(.text, stopAfter: .max)
        #expect(without.session.run(plain, file: "<command>"), "\(without.output.err)")
        #expect(withSort.flag.checks > without.flag.checks, "\(sortedCommand): \(withSort.flag.checks) checks, \(without.flag.checks) without the sort")
    }

    static let stoppable = ["find actor Russia | sort by time", "kwic \"Bamako\" | sort by left 1", "count words", "count words actor Russia",
                            "count ngrams 2", "collocates \"Bamako\" actor Russia", "keywords actor Russia", "network",
                            "timeline actor Russia"]

    @Test(arguments: stoppable)
    func aStopAtAnyCheckEndsTheCommand(command: String) {
        let whole = session(.text, stopAfter: .max)
        #expect(whole.session.run(command, file: "<command>"), "\(whole.output.err)")
        let total = whole.flag.checks
        #expect(total >= 3, "\(command) asks only \(total) times")
        for answers in Set([1, total / 2, total - 1]) {
            let stopped = session(.text, stopAfter: answers)
            #expect(!stopped.session.run(command, file: "<command>"), "\(command) ran to the end after a stop at check \(answers + 1) of \(total)")
            #expect(stopped.output.err == "interrupted\n", "\(stopped.output.err)")
        }
    }
}

extension DrawingInterruptTests {
    /// An export stopped while its rows are drawn leaves the file it would replace as it was.
    @Test(arguments: ["csv", "json", "md", "tsv", "txt"])
    func aStoppedExportLeavesTheFileAsItWas(ext: String) throws {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("found.\(ext)", "the user's own file\n")
        let whole = session(.text, stopAfter: .max)
        #expect(whole.session.run("export find actor Russia to \"\(dir.path)/whole.\(ext)\"", file: "<command>"), "\(whole.output.err)")
        let stopped = session(.text, stopAfter: whole.flag.checks - 1)
        #expect(!stopped.session.run("export find actor Russia to \"\(dir.path)/found.\(ext)\" force", file: "<command>"),
                "the export ran to the end after Ctrl-C")
        #expect(stopped.output.err == "interrupted\n", "\(stopped.output.err)")
        #expect(try String(contentsOfFile: dir.path + "/found.\(ext)", encoding: .utf8) == "the user's own file\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["found.\(ext)", "whole.\(ext)"])
    }
}

extension DrawingInterruptTests {
    /// `export model` builds and writes tables of every sentence, mention and word: it stops at Ctrl-C, writing nothing.
    @Test func aStoppedModelExportWritesNothing() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let whole = session(.text, stopAfter: .max)
        #expect(whole.session.run("export model to \"\(dir.path)/whole\"", file: "<command>"), "\(whole.output.err)")
        #expect(whole.flag.checks >= InterruptTests.corpus.sentences.count / 64)
        for answers in [whole.flag.checks / 2, whole.flag.checks - 1] {
            let stopped = session(.text, stopAfter: answers)
            #expect(!stopped.session.run("export model to \"\(dir.path)/stopped\"", file: "<command>"))
            #expect(stopped.output.err == "interrupted\n", "\(stopped.output.err)")
            #expect(!FileManager.default.fileExists(atPath: dir.path + "/stopped"))
        }
    }
}
