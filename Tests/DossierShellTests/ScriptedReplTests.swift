@testable import DossierCore
@testable import DossierShell
import Foundation
import LineEditing
import Testing

/// Lines and Ctrl-C given in advance, for the prompt without a terminal: records the prompts shown and what
/// went into history.
final class ScriptedLines: LineSource {
    private var inputs: [LineInput]
    private(set) var prompts: [String] = []
    private(set) var history: [String] = []
    /// The commands given to history that did not parse (kept for the session, never saved).
    private(set) var unparsed: [String] = []

    init(_ inputs: [LineInput]) { self.inputs = inputs }

    var isInteractive: Bool { true }

    func readLine(prompt: String) -> LineInput {
        prompts.append(prompt)
        return inputs.isEmpty ? .endOfInput : inputs.removeFirst()
    }

    func addHistory(_ line: String, parsed: Bool) {
        if parsed { history.append(line) } else { unparsed.append(line) }
    }
}

/// Output of a session, both streams apart.
final class Captured: SessionOutput {
    var out = ""
    var err = ""
    func write(_ text: String) { out += text }
    func writeError(_ text: String) { err += text }
}

/// The seeds, loaded once for every in-process test of the prompt.
enum SeedCorpus {
    static let seeds = packageRoot.appendingPathComponent("seeds").path
    static let loaded: (corpus: Corpus, loader: CorpusLoader) = {
        var loader = CorpusLoader()
        _ = loader.addResources(from: seeds)
        let (corpus, _) = loader.load([seeds])
        return (corpus, loader)
    }()

    static func session(_ output: SessionOutput) -> Session {
        Session(corpus: loaded.corpus, loader: loaded.loader, corpusPaths: [seeds], output: output)
    }
}

/// The prompt fed scripted lines and interrupts (no terminal, no waiting): continuation, Ctrl-C, history, width.
@Suite("REPL, scripted")
struct ScriptedReplTests {
    /// Runs the prompt over these inputs; the terminal is `widths` columns wide, one value per command (nil: not a terminal).
    func run(_ inputs: [LineInput], widths: [Int?] = [nil]) -> (lines: ScriptedLines, output: Captured, session: Session, status: Int32) {
        let lines = ScriptedLines(inputs)
        let output = Captured()
        let session = SeedCorpus.session(output)
        var remaining = widths
        let repl = Repl(session: session, source: lines, terminalWidth: {
            remaining.count > 1 ? remaining.removeFirst() : remaining.first ?? nil
        })
        let status = repl.run()
        return (lines, output, session, status)
    }

    @Test func anOpenQuoteContinuesTheCommandAndClosingItRunsIt() {
        let r = run([.line("kwic \"tactical"), .line("alliance\" | limit 1"), .line("echo after")])
        #expect(r.lines.prompts == ["dossier> ", "...> ", "dossier> ", "dossier> "])
        #expect(r.output.out.contains("occurrences of \"tactical alliance\""), "\(r.output.out)")
        #expect(r.output.out.hasSuffix("after\n"))
        #expect(r.output.err.components(separatedBy: "error").count == 1, "\(r.output.err)")
        #expect(r.lines.history == ["kwic \"tactical alliance\" | limit 1", "echo after"])
    }

    @Test(arguments: [
        ["find (actor Mali or", "actor France) | limit 1"],
        ["find actor Wagner and \\", "actor Russia | limit 1"],
        ["find text \"Wagner", "Group\" | limit 1"],
    ])
    func continuedCommandsRunOnce(_ typed: [String]) {
        let r = run(typed.map(LineInput.line))
        #expect(r.lines.prompts == ["dossier> ", "...> ", "dossier> "])
        #expect(r.output.out.range(of: #"^\d+ sentences?, showing the first 1\n"#, options: .regularExpression) != nil, "\(r.output)")
        #expect(!r.output.err.contains("error"), "\(r.output.err)")
    }

    @Test func ctrlCAbandonsAContinuedCommand() {
        let r = run([.line("find text \"open"), .interrupted, .line("echo fresh")])
        #expect(r.lines.prompts == ["dossier> ", "...> ", "dossier> ", "dossier> "])
        #expect(r.output.out == "fresh\n")
        #expect(!r.output.err.contains("error"), "\(r.output.err)")
        #expect(r.lines.history == ["echo fresh"])
    }

    /// INTERFACE.md: only commands that parsed are added to history. One that ran and failed parsed; one that did
    /// not parse is offered for fixing but not saved.
    @Test func historySavesCommandsThatParsed() {
        let r = run([.line("find actr Mali"), .line("find actor Wagnr"), .line("echo ok")])
        #expect(r.lines.history == ["find actor Wagnr", "echo ok"])
        #expect(r.lines.unparsed == ["find actr Mali"])
        #expect(r.output.err.contains("<stdin>:1:"), "errors name the line typed: \(r.output.err)")
        #expect(r.output.err.contains("<stdin>:2:12: error: unknown actor 'Wagnr'"), "\(r.output.err)")
        #expect(r.status == 0)
    }

    @Test func saveTranscriptRefusesAnExistingFile() throws {
        let temp = TempDir()
        let notes = temp.write("notes.md", "mine\n")
        let r = run([.line("docs | limit 1"), .line("save transcript \"\(notes)\"")])
        #expect(r.output.err.contains("exists; add 'force' to replace it"), "\(r.output.err)")
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == "mine\n")
    }

    /// `#` notes typed at the prompt are kept in a saved transcript before the command they precede (a teacher
    /// annotating a live session), and notes typed last end it; the transcript still replays.
    @Test func notesTypedAtThePromptAreSavedInTheTranscript() throws {
        let temp = TempDir()
        let path = temp.path + "/lesson.transcript"
        let r = run([.line("# Lesson: who is Wagner?"), .line("count actor Wagner"), .line("  # the end"), .line("save transcript \"\(path)\"")])
        #expect(r.output.err.isEmpty, "\(r.output.err)")
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        #expect(saved.hasPrefix("# recorded on: --corpus ") && saved.hasSuffix("seeds\n# Lesson: who is Wagner?\ndossier> count actor Wagner\n13 sentences\n# the end\n"),
                "\(saved)")
        let check = dossier(["check", path], temp: temp, directory: temp.path)
        #expect(check.status == 0, "\(check)")
    }

    /// A `run` at the prompt is saved as the `run` line with its script's output under it (its commands were saved as
    /// if typed too, so the replay ran them twice), and a note about saving the model is not saved (it depends on the
    /// machine): the transcript checks at once (tester13 #15).
    @Test func aTranscriptWithRunAndLoadChecksAtOnce() throws {
        let temp = TempDir()
        temp.write("sub.dossier", "count actor Wagner\nfind actor Wagner | limit 1\n")
        temp.write("more/a.txt", String(repeating: "Russia sent troops to Mali in 2021. ", count: 1000))
        let path = temp.path + "/lesson.transcript"
        let cache = CorpusCache(directory: temp.path + "/cache", minimumBytes: 1)
        let lines = ScriptedLines([.line("run \"\(temp.path)/sub.dossier\""), .line("load \"\(temp.path)/more\""), .line("count"),
                                   .line("save transcript \"\(path)\"")])
        let output = Captured()
        var loader = SeedCorpus.loaded.loader
        loader.cache = cache
        let session = Session(corpus: SeedCorpus.loaded.corpus, loader: loader, corpusPaths: [SeedCorpus.seeds], output: output)
        _ = Repl(session: session, source: lines, terminalWidth: { nil }).run()
        #expect(output.err.contains("saved the model"), "the load saved a model: \(output.err)")
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        let commands = saved.drop { $0 != "\n" }.dropFirst()
        #expect(saved.hasPrefix("# recorded on: --corpus ") && !saved.hasPrefix("# recorded on: --corpus more"), "the corpus it started on: \(saved)")
        #expect(commands.hasPrefix("dossier> run \"\(temp.path)/sub.dossier\"\n13 sentences\n13 sentences, showing the first 1\n"), "\(saved)")
        #expect(!saved.contains("dossier> count actor Wagner") && !saved.contains("saved the model"), "\(saved)")
        let check = dossier(["check", path], temp: temp, directory: temp.path)
        #expect(check.status == 0, "\(check)")
    }

    /// Ctrl-D at the `...>` prompt runs what was typed, so its error says what is left open, instead of the command
    /// vanishing without a word; the prompt comes back with the session's names kept, and Ctrl-D again leaves.
    @Test func endOfInputAfterAnUnfinishedCommandSaysWhatIsOpen() {
        let r = run([.line("let w = find actor Wagner"), .line("kwic \"tactical"), .endOfInput, .line("count $w")])
        #expect(r.status == 0)
        #expect(r.lines.prompts.map { $0.contains("...>") } == [false, false, true, false, false], "\(r.lines.prompts)")
        #expect(r.output.err.contains("<stdin>:2:6: error: "), "\(r.output.err)")
        #expect(r.output.out.hasSuffix("13 sentences\n"), "\(r.output.out)")
    }

    @Test func endOfInputAndQuitLeaveWithStatusZero() {
        #expect(run([]).status == 0)
        let r = run([.line("quit"), .line("echo never")])
        #expect(r.status == 0)
        #expect(!r.output.out.contains("never"))
    }

    @Test func widthFollowsTheTerminalUntilSetWidth() {
        let command = LineInput.line("find actor Wagner | limit 3")
        let r = run([command, command, .line("set width 70"), command], widths: [60, 160, 160, 160])
        let results = r.output.out.components(separatedBy: "width: 70\n")
        let narrow = results[0].components(separatedBy: "3 sentences").dropFirst().first ?? ""
        #expect(narrow.split(separator: "\n").allSatisfy { $0.count <= 60 }, "\(narrow)")
        #expect(results[0].split(separator: "\n").contains { $0.count > 100 }, "a 160-column terminal gives long lines")
        #expect(results[1].split(separator: "\n").allSatisfy { $0.count <= 70 }, "set width holds: \(results[1])")
        #expect(r.session.settings.width == 70)
    }

    @Test func setAloneListsEverySettingAndItsValue() {
        let r = run([.line("set timer on"), .line("set pager off"), .line("set")])
        let listed = r.output.out.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }.filter { $0.count == 2 }
        let values = Dictionary(listed.map { ($0[0], $0[1]) }, uniquingKeysWith: { a, _ in a })
        for setting in Setting.allCases { #expect(values[setting.rawValue] != nil, "\(setting) not listed: \(r.output.out)") }
        #expect(values["timer"] == "on" && values["pager"] == "off" && values["format"] == "text", "\(values)")
    }

    @Test func theBannerGoesToStandardError() throws {
        let output = Captured()
        Repl.banner(SeedCorpus.session(output))
        #expect(output.err.contains("5 documents") && output.err.contains("Ctrl-D"), "\(output.err)")
        #expect(output.out.isEmpty)
        // The counts `actors` and `actors discovered` list, together.
        let session = SeedCorpus.session(Captured())
        #expect(session.run("actors | limit 0\nactors discovered | limit 0", file: "<command>"))
        let listed = (session.output as! Captured).out.split(separator: "\n").compactMap { Int($0.split(separator: " ")[0]) }
        try #require(listed.count == 2)
        #expect(output.err.contains("\(listed[0] + listed[1]) actors (\(listed[1]) discovered)"), "\(output.err) \(listed)")
    }

    /// On a narrow terminal the banner is cut between words, not mid-word by the terminal.
    @Test func theBannerFitsANarrowTerminal() {
        let wide = Captured(), narrow = Captured()
        Repl.banner(SeedCorpus.session(wide))
        let session = SeedCorpus.session(narrow)
        session.settings.width = 40
        Repl.banner(session)
        let lines = narrow.err.split(separator: "\n")
        #expect(lines.count > 2 && lines.allSatisfy { $0.displayWidth <= 40 }, "\(narrow.err)")
        #expect(narrow.err.split(whereSeparator: \.isWhitespace) == wide.err.split(whereSeparator: \.isWhitespace))
    }
}

/// Tab completion: which text is replaced, and by what, as the editor shows it.
@Suite("Completion")
struct CompletionTests {
    static let model = CompletionModel(session: SeedCorpus.session(Captured()))

    /// What the line becomes after one Tab (nil: nothing inserted).
    static func tab(_ line: String) -> String? {
        let offer = model.offer(lineBeforeCursor: line)
        let word = CompletionWord(text: offer.typed, isQuoted: offer.quoted, start: offer.start)
        guard let replacement = CompletionResult(word: word, candidates: offer.candidates).replacement else { return nil }
        return String(String.UnicodeScalarView(line.unicodeScalars.prefix(offer.start))) + replacement
    }

    @Test(arguments: [
        ("show actor Faustin-Archange Tou", "show actor \"Faustin-Archange Touadéra\" "),
        ("show actor faustin-archange touad", "show actor \"Faustin-Archange Touadéra\" "),
        ("show actor Central Af", "show actor Central African "),
        ("find actor Wagn", "find actor Wagner"),
        ("find actor Wagner G", "find actor \"Wagner Group\" "),
        ("find actor \"Wagner G", "find actor \"Wagner Group\" "),
        ("find actor Touad", "find actor Touadéra "),
        ("find actor \"touad", "find actor \"Touadéra\" "),
        ("find place Bang", "find place Bangui "),
        // A discovered person's last name, which `actor` takes alone when one person bears it.
        ("find actor Stron", "find actor Stronski "),
        ("find actor Mali and act", "find actor Mali and actor "),
        ("fi", "find "),
        ("set pa", "set pager "),
        ("find actor Russia since 2017 | so", "find actor Russia since 2017 | sort "),
        ("count actor Russia by year | sort by y", "count actor Russia by year | sort by year "),
        ("count by place | sort by c", "count by place | sort by count "),
        ("find actor Russia | sort by t", "find actor Russia | sort by time "),
        // Punctuation inside a name need not be typed.
        ("find place ndj", "find place N'Djamena "),
        ("find place n’dj", "find place N'Djamena "),
        // Field keys and values where the grammar wants them, never filter words.
        ("find source ac", "find source academic "),
        ("count by field so", "count by field source "),
        ("find field source op", "find field source opinion "),
    ])
    func tabCompletes(_ typed: String, _ expected: String) {
        #expect(Self.tab(typed) == expected)
    }

    @Test func aNameThatStartsLongerNamesIsCompletedWithoutAnOpenQuote() {
        let offer = Self.model.offer(lineBeforeCursor: "find actor Wagn")
        #expect(offer.candidates.contains("Wagner") && offer.candidates.contains("Wagner Group"))
        let completed = Self.tab("find actor Wagn")!
        #expect(!Lexer.needsContinuation(completed), "Enter after Tab must run the command, not wait for a quote")
        #expect(Self.tab(completed) == completed, "a second Tab adds nothing (and lists the candidates)")
    }

    @Test func pathsInsideQuotesCompleteIntoFolders() {
        let temp = TempDir()
        temp.write("scripts/tour.dossier", "echo hi\n")
        temp.write("scripts/more/other.dossier", "echo hi\n")
        #expect(Self.tab("run \"\(temp.path)/scr") == "run \"\(temp.path)/scripts/")
        #expect(Self.tab("run \(temp.path)/scr") == "run \"\(temp.path)/scripts/", "a path is always quoted")
        #expect(Self.tab("run \"\(temp.path)/scripts/t") == "run \"\(temp.path)/scripts/tour.dossier\" ")
        #expect(Self.tab("load \"\(temp.path)/scripts/m") == "load \"\(temp.path)/scripts/more/")
    }

    /// A path holding a quote or a backslash is completed with them escaped, so the command reads the path back, and
    /// completing again after an escaped quote goes on from it.
    @Test func aPathWithAQuoteIsCompletedEscaped() throws {
        let temp = TempDir()
        let name = "my \"quoted\" \\ file.dossier"
        temp.write(name, "echo hi\n")
        let completed = try #require(Self.tab("run \"\(temp.path)/my"))
        #expect(completed == "run \"\(temp.path)/my \\\"quoted\\\" \\\\ file.dossier\" ")
        let statements = try Parser.parse(completed, file: "<tab>")
        guard case .run(let path, _, _) = statements.first?.command else { Issue.record("\(statements)"); return }
        #expect(path == temp.path + "/" + name)
        #expect(Self.tab("run \"\(temp.path)/my \\\"q") == completed)
    }
}

/// Commands piped in are run as each arrives: a program driving dossier through a pipe reads an answer before it sends
/// the next command (tester14 #7: nothing ran until the input ended). Driven by lines given one at a time, each read
/// recording what had been answered by then.
@Suite("Commands piped in")
struct PipedCommandTests {
    /// Lines read one at a time; at each read, what the session had written so far.
    final class WatchedLines: LineSource {
        private var lines: [String]
        let output: Captured
        private(set) var answeredBeforeRead: [String] = []

        init(_ lines: [String], output: Captured) {
            self.lines = lines
            self.output = output
        }

        var isInteractive: Bool { false }

        func readLine(prompt: String) -> LineInput {
            answeredBeforeRead.append(output.out)
            return lines.isEmpty ? .endOfInput : .line(lines.removeFirst())
        }

        func addHistory(_ line: String, parsed: Bool) {}
    }

    @Test(arguments: [
        // lines, what was answered when each line (and the end) was asked for, exit status
        (["count actor Mali", "count actor Chad"], ["", "18 sentences\n", "18 sentences\n2 sentences\n"], Int32(0)),
        // A command over two lines (a parenthesis left open) runs when its second line arrives.
        (["count (actor Mali or", "actor Chad)", "count actor Chad"], ["", "", "20 sentences\n", "20 sentences\n2 sentences\n"], 0),
        // The first error ends a script piped in, as it ends a script file, and so does quit: nothing more is read.
        (["count actor Mali", "find bogus", "count actor Chad"], ["", "18 sentences\n"], 1),
        (["#!/usr/bin/env dossier", "count actor Chad", "quit", "count actor Mali"], ["", "", "2 sentences\n"], 0),
    ] as [([String], [String], Int32)])
    func eachCommandIsAnsweredBeforeTheNextIsRead(_ lines: [String], _ answered: [String], _ status: Int32) {
        let output = Captured()
        let source = WatchedLines(lines, output: output)
        #expect(Shell.runStandardInput(SeedCorpus.session(output), source: source, keepGoing: false) == status, "\(output.err)")
        #expect(source.answeredBeforeRead == answered)
    }
}
