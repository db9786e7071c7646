import Foundation
import Testing
@testable import DossierCore

/// Each command is declared once in `CommandTable`; these tests fail when a declaration lacks what users are
/// promised: help with an example that runs, completion of its first argument, a row in docs/LANGUAGE.md.
@Suite("Command table")
struct CommandTableTests {
    /// Commands whose first argument is free text the user makes up, so Tab has nothing to offer there.
    static let freeText: Set<String> = ["kwic", "let", "echo", "quit", "names"]

    @Test(arguments: CommandTable.all.map(\.name))
    func declaredWhole(_ name: String) throws {
        let spec = try #require(CommandTable.spec(name))
        #expect(!spec.summary.isEmpty && !spec.explanation.isEmpty, "\(name) needs a summary and an explanation")
        #expect(spec.usage.hasPrefix(name), "the usage line of \(name) starts with its name: \(spec.usage)")
        let statements = try Parser.parse(spec.example, file: "<example>")
        #expect(statements.count == 1, "the example of \(name) is one command")
        let first = spec.example.split(separator: " ").first.map(String.init)
        #expect(first.map { CommandTable.spec($0)?.name } == name, "the example of \(name) runs \(name)")
        #expect(CommandTable.help(name) == spec.help)
        #expect(spec.help.contains("example: " + spec.example))
    }

    /// A topic of several words, as the command table writes the forms of a command, gives that command's help (it
    /// was read as a filter: "unexpected 'sentence': a name follows actor or place"; tester14 #23).
    @Test(arguments: [("help show sentence", "show"), ("help count words", "count"), ("help kwic", "kwic")])
    func helpOnAFormOfACommand(_ command: String, _ name: String) throws {
        let statements = try Parser.parse(command, file: "<command>")
        guard case .help(let topic) = statements.first?.command else { Issue.record("\(statements)"); return }
        #expect(CommandTable.help(topic) == CommandTable.spec(name)?.help)
    }

    @Test(arguments: CommandTable.all.map(\.name))
    func firstArgumentCompletes(_ name: String) throws {
        let spec = try #require(CommandTable.spec(name))
        let session = Session(corpus: Seeds.corpus, loader: Seeds.loaded.loader, corpusPaths: [Paths.seeds], output: Collect())
        // A named result, so that commands taking a $name have one to offer.
        #expect(session.run("let wagner = find actor Wagner", file: "<command>"))
        let model = CompletionModel(session: session)
        let offered = model.candidates(lineBeforeCursor: name + " ")
        if Self.freeText.contains(name) {
            if case .nothing = spec.firstArgument {} else { Issue.record("\(name) is listed as free text but declares a completion") }
        } else {
            #expect(!offered.isEmpty, "Tab after '\(name) ' offers nothing")
        }
    }

    @Test func everyCommandWordCompletesAtTheStart() {
        let model = CompletionModel(session: Session(corpus: Seeds.corpus, loader: Seeds.loaded.loader, corpusPaths: [Paths.seeds], output: Collect()))
        #expect(Set(model.candidates(lineBeforeCursor: "")) == Set(CommandTable.words))
        #expect(model.candidates(lineBeforeCursor: "sh") == ["show"])
        #expect(model.candidates(lineBeforeCursor: "set for") == ["format"])
        #expect(model.candidates(lineBeforeCursor: "set format ") == OutputFormat.allCases.map(\.rawValue))
        #expect(model.candidates(lineBeforeCursor: "export fi") == ["find"])
        #expect(model.candidates(lineBeforeCursor: "help ti") == ["timeline", "time"])
        #expect(model.candidates(lineBeforeCursor: "help pip") == ["pipeline"])
    }

    @Test func unknownCommandSuggestsTheNearest() throws {
        let error = try #require(parseError("fnd actor Wagner"))
        #expect(error.message == "unknown command 'fnd'")
        #expect(error.suggestion == "find")
    }

    @Test func overviewListsEveryCommand() {
        let overview = CommandTable.overview
        for spec in CommandTable.all { #expect(overview.contains("  " + spec.name + " "), "help omits \(spec.name)") }
    }

    /// docs/LANGUAGE.md holds the summary the table gives, between two markers.
    @Test func languageDocCarriesTheSummary() throws {
        let doc = try String(contentsOfFile: Paths.package + "/docs/LANGUAGE.md", encoding: .utf8)
        let begin = "<!-- command summary: generated from CommandTable; CommandTableTests checks it -->\n"
        let end = "\n<!-- end of command summary -->"
        let start = try #require(doc.range(of: begin), "docs/LANGUAGE.md has no command summary")
        let stop = try #require(doc.range(of: end, range: start.upperBound..<doc.endIndex))
        let section = String(doc[start.upperBound..<stop.lowerBound])
        #expect(section == CommandTable.markdownSummary, "replace the summary in docs/LANGUAGE.md with:\n\(CommandTable.markdownSummary)")
    }
}

/// A file system in memory: what commands read and write, with nothing on disk.
final class FakeFiles: FileAccess {
    var files: [String: String] = [:]
    var folders: Set<String> = []

    func resolve(_ path: String, from directory: String?) -> String {
        path.hasPrefix("/") ? path : (directory ?? "/work") + "/" + path
    }

    func readText(_ path: String) throws -> (text: String, warnings: [Diagnostic]) {
        guard let text = files[path] else { throw FileWriteError("no such file") }
        return (text, [])
    }

    func exists(_ path: String) -> Bool { files[path] != nil || folders.contains(path) }

    func write(_ text: String, to path: String, force: Bool) throws(FileWriteError) {
        if !force, files[path] != nil { throw FileWriteError("'\(path)' exists; add 'force' to replace it") }
        files[path] = text
    }

    var savesModels: Bool { false }

    func write(_ files: [(name: String, text: String)], into folder: String, force: Bool) throws(FileWriteError) {
        if !force, let taken = files.first(where: { self.files[folder + "/" + $0.name] != nil }) {
            throw FileWriteError("'\(folder)' already holds \(taken.name); add 'force' to replace them")
        }
        folders.insert(folder)
        for file in files { self.files[folder + "/" + file.name] = file.text }
    }
}

/// The interpreter and its runner in process, with a fake file system: what scripts read and write.
@Suite("Interpreter")
struct InterpreterTests {
    static func session(_ files: FakeFiles) -> (Session, Collect) {
        let output = Collect()
        let session = Session(corpus: Seeds.corpus, loader: Seeds.loaded.loader, corpusPaths: [Paths.seeds], output: output, files: files)
        session.recordsTranscript = true
        return (session, output)
    }

    /// A saved transcript opens with the corpus it was recorded on, so that a replay on another one can say so
    /// (tester15 #31).
    @Test func aSavedTranscriptSaysItsCorpus() throws {
        let files = FakeFiles()
        let (session, _) = Self.session(files)
        #expect(session.run("count actor Mali", file: "<stdin>"))
        #expect(session.run("save transcript \"lesson.transcript\"", file: "<stdin>"))
        let written = try #require(files.files["/work/lesson.transcript"])
        let first = written.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("# recorded on: --corpus ") && first.hasSuffix("seeds"), "\(written)")
        #expect(Transcript.recordedCorpus(written) == String(first.dropFirst(Transcript.corpusNotePrefix.count)))
    }

    @Test func exportWritesEveryRowAndSaysHowMany() throws {
        let files = FakeFiles()
        let (session, output) = Self.session(files)
        #expect(session.run("export count actor Russia by year to \"russia.csv\"", file: "<command>"))
        let written = try #require(files.files["/work/russia.csv"])
        let rows = written.split(separator: "\n").count - 1
        #expect(output.out == "wrote russia.csv (\(rows) rows) as csv\n")
        #expect(rows > 20, "no display page in an export: \(rows) rows")
    }

    /// `.jsonl` and `.ndjson` are JSON Lines, one row object a line as the loader reads them and `export model`
    /// writes them (tester14 #15: the whole result was one line); `.json` stays the one object.
    @Test(arguments: ["f.jsonl", "f.ndjson", "f.json"])
    func exportToJsonLinesWritesARowALine(_ name: String) throws {
        let files = FakeFiles()
        let (session, output) = Self.session(files)
        #expect(session.run("export find actor Mali to \"\(name)\"", file: "<command>"))
        let lines = try #require(files.files["/work/" + name]).split(separator: "\n")
        let objects = lines.compactMap { jsonObject(String($0)) }
        #expect(objects.count == lines.count)
        if name.hasSuffix(".json") {
            #expect(objects.count == 1 && objects[0]["count"] as? Int == 18)
        } else {
            #expect(objects.count == 18 && objects.allSatisfy { $0["doc"] is String && $0["text"] is String })
            #expect(output.out == "wrote \(name) (18 rows) as JSON Lines\n")
        }
    }

    @Test(arguments: ["out.xlsx", "out.parquet", "out"])
    func exportToAnUnknownFormatIsAnError(_ name: String) {
        let files = FakeFiles()
        let (session, output) = Self.session(files)
        #expect(!session.run("export find actor Wagner to \"\(name)\"", file: "<command>"))
        #expect(output.err.contains("cannot export to"), "\(output.err)")
        #expect(output.err.contains(".csv"), "names the formats: \(output.err)")
        #expect(files.files.isEmpty)
    }

    @Test func saveTranscriptRefusesAnExistingFileWithoutForce() throws {
        let files = FakeFiles()
        files.files["/work/notes.md"] = "my notes"
        let (session, output) = Self.session(files)
        #expect(!session.run("docs\nsave transcript \"notes.md\"", file: "<command>"))
        #expect(output.err.contains("exists; add 'force'"), "\(output.err)")
        #expect(files.files["/work/notes.md"] == "my notes")
        #expect(session.run("save transcript \"notes.md\" force", file: "<command>"))
        #expect(files.files["/work/notes.md"]?.contains("dossier> docs") == true)
    }

    @Test func runReadsScriptsThroughTheFiles() {
        let files = FakeFiles()
        files.files["/work/lesson.dossier"] = "echo from the script\n"
        let (session, output) = Self.session(files)
        #expect(session.run("run \"lesson.dossier\"", file: "<command>"))
        #expect(output.out == "from the script\n")
    }

    /// `$N` is a token: inside quotes it is text.
    @Test(arguments: [
        ("find actor $1 | limit 1\nexpect contains \"Wagner\"", ["Wagner"], true),
        ("echo who: $1 and $2", ["Wagner", "Mali"], true),
        ("find \"$5 bill\"", [], true),
        ("find actor $1 | limit $2", ["Wagner", "2"], true),
        ("find actor $3", ["Wagner"], false),
    ])
    func scriptArgumentsAreTokens(_ source: String, _ arguments: [String], _ ok: Bool) {
        let (session, output) = Self.session(FakeFiles())
        #expect(session.run(source, file: "s.dossier", arguments: arguments) == ok, "\(output.err)")
        if source.hasPrefix("echo") { #expect(output.out == "who: Wagner and Mali\n") }
        if !ok { #expect(output.err.contains("s.dossier:1:12: error: script argument $3 was not given (1 given)"), "\(output.err)") }
    }

    /// `$N` in quotes, as a shell script writes it, is the argument when the script was given it; a price in a phrase
    /// ("$1 million") stays as written when the script was given no such argument.
    @Test(arguments: [
        ("count text \"$1\"", ["Wagner"], "count text \"Wagner\""),
        ("count text \"$1 Group\"", ["Wagner"], "count text \"Wagner Group\""),
        ("count text \"$1 million\"", [], "count text \"$1 million\""),
        ("count text \"$2 million\"", ["Wagner"], "count text \"$2 million\""),
    ] as [(String, [String], String)])
    func quotedScriptArgumentsAreExpanded(_ source: String, _ arguments: [String], _ meant: String) throws {
        func phrase(_ statements: [Statement]) -> String? {
            guard case .count(let filter, _, _)? = statements.first?.command, case .phrase(let text, _)? = filter else { return nil }
            return text
        }
        let given = phrase(try Parser.parse(source, file: "s.dossier", arguments: arguments))
        let written = phrase(try Parser.parse(meant, file: "s.dossier"))
        #expect(given != nil && given == written)
    }

    /// An indented command's error shows the line where it stood, so the caret is under the whole word it names.
    @Test(arguments: [("\tfind actor Wagnr", " find actor Wagnr\n            ^^^^^"), ("  find actor Wagnr", "  find actor Wagnr\n             ^^^^^")])
    func anIndentedCommandsCaretIsUnderTheWord(_ source: String, _ shown: String) {
        let (session, output) = Self.session(FakeFiles())
        #expect(!session.run(source, file: "s.dossier"))
        #expect(output.err.contains("did you mean 'Wagner'?\n" + shown + "\n"), "\(output.err)")
    }

    /// A session on the seeds, and a folder holding one more document to load.
    static func seedsAndAFolderToLoad() -> (session: Session, output: Collect, folder: TempDir) {
        let dir = TempDir()
        dir.write("extra.txt", "Russia sent instructors to Bangui in 2018.\n")
        let output = Collect()
        return (Session(corpus: Seeds.corpus, loader: Seeds.loaded.loader, corpusPaths: [Paths.seeds], output: output), output, dir)
    }

    /// A collection file loaded on its own brings its records: they are the load's, not documents that "appeared in the
    /// folders loaded before" (tester15 #19); loaded again, it says they are loaded already.
    @Test(arguments: ["news.csv", "feed.jsonl"])
    func aLoadedCollectionCountsItsRecords(_ name: String) {
        let (session, output, dir) = Self.seedsAndAFolderToLoad()
        defer { dir.remove() }
        dir.write(name, name.hasSuffix(".csv") ? "id,text\nm1,Mali voted.\nm2,Chad voted.\n"
                  : #"{"id": "m1", "text": "Mali voted."}"# + "\n" + #"{"id": "m2", "text": "Chad voted."}"# + "\n")
        let path = dir.path + "/" + name
        #expect(session.run("set width 1000\nload \"\(path)\"\nload \"\(path)\"", file: "<command>"), "\(output.err)")
        #expect(output.out.contains("loaded 2 documents from \(path); the corpus has"), "\(output.out)")
        #expect(output.out.contains("loaded no new document from \(path) (its 2 documents are loaded already)"), "\(output.out)")
        #expect(!output.out.contains("appeared"), "\(output.out)")
    }

    /// Ctrl-C during `load` leaves the corpus as it was.
    @Test func aStoppedLoadKeepsTheCorpus() {
        let (session, output, dir) = Self.seedsAndAFolderToLoad()
        defer { dir.remove() }
        let folder = dir.path
        let before = session.corpus.documents.count
        session.shouldStop = { true }
        #expect(!session.run("load \"\(folder)\"", file: "<command>"))
        #expect(output.err.contains("stopped; the corpus is as it was"), "\(output.err)")
        #expect(session.corpus.documents.count == before)
        session.shouldStop = { false }
        #expect(session.run("load \"\(folder)\"", file: "<command>"), "\(output.err)")
        #expect(session.corpus.documents.count == before + 1)
    }

    /// A path that cannot be read at all fails the command, as a missing one does, so a script stops there.
    @Test(arguments: [
        ("/proc", "cannot load '/proc': a system folder, not a corpus: refused"),
        ("/no/such/folder", "cannot load '/no/such/folder': no such file or folder"),
    ])
    func aLoadOfAnUnreadablePathFails(_ path: String, _ message: String) {
        let (session, output, dir) = Self.seedsAndAFolderToLoad()
        defer { dir.remove() }
        let before = session.corpus.documents.count
        #expect(!session.run("load \"\(path)\"\ncount docs", file: "s.dossier"))
        #expect(output.err.contains("s.dossier:1:6: error: \(message)"), "\(output.err)")
        #expect(!output.out.contains("loaded"), "\(output.out)")
        #expect(session.corpus.documents.count == before)
    }

    /// A load that adds nothing (the folder is loaded already) keeps the named results; one that adds documents clears them.
    @Test func aLoadThatAddsNothingKeepsNamedResults() {
        let (session, output, dir) = Self.seedsAndAFolderToLoad()
        defer { dir.remove() }
        let folder = dir.path
        #expect(session.run("let w = find actor Wagner\nload \"\(Paths.seeds)\"\ncount $w", file: "<command>"), "\(output.err)")
        #expect(output.out.contains("loaded no new document") && output.out.hasSuffix("13 sentences\n"), "\(output.out)")
        #expect(session.run("load \"\(folder)\"", file: "<command>"))
        #expect(!session.run("count $w", file: "<command>"), "a load that adds documents clears the named results")
        #expect(output.err.contains("'$w' was cleared by a load that changed the corpus; name it again with let"), "\(output.err)")
    }

    /// Copies of loaded texts change no answer: the load says the corpus's size as `count` counts it, and keeps the
    /// named results; with every copy counted (`set duplicates all`) the copies count and the names are cleared.
    @Test(arguments: [
        ("once", "the corpus has 7 documents (2 repeat another's text, counted once), 350 sentences (named results are kept: no answer changes)", true),
        ("all", "the corpus has 7 documents (2 repeat another's text), 383 sentences (named results were cleared)", false),
    ])
    func aLoadOfCopiesSaysTheSizeAsCountsCountIt(_ duplicates: String, _ said: String, _ keeps: Bool) throws {
        let (session, output, dir) = Self.seedsAndAFolderToLoad()
        defer { dir.remove() }
        let copies = TempDir()
        defer { copies.remove() }
        for name in ["000_78954da3f6bf4c48.txt", "003_b3513e65fd226f7c.txt"] {
            copies.write("copy-" + name, try String(contentsOfFile: Paths.seeds + "/" + name, encoding: .utf8))
        }
        #expect(session.run("set width 1000\nset duplicates \(duplicates)\nlet w = find actor Wagner\nload \"\(copies.path)\"", file: "<command>"), "\(output.err)")
        #expect(output.out.contains("loaded 2 documents from \(copies.path)"), "\(output.out)")
        #expect(output.out.contains(said), "\(output.out)")
        #expect(session.run("count $w", file: "<command>") == keeps, "\(output.err)")
    }

    /// Word statistics count a copy of another document's text once, as every other answer does: with two seed
    /// articles loaded again under other names they answer as on the seeds alone (keywords once put a source's own
    /// copies in its reference); with every copy counted they do not.
    @Test(arguments: ["count words | limit 5", "count ngrams 2 | limit 5", "collocates actor Wagner | limit 5",
                      "keywords source news | limit 5", "count words actor Russia | limit 5"])
    func wordStatisticsCountACopyOnce(_ command: String) throws {
        let (alone, aloneOutput, dir) = Self.seedsAndAFolderToLoad()
        defer { dir.remove() }
        let (copied, copiedOutput, _) = Self.seedsAndAFolderToLoad()
        let copies = TempDir()
        defer { copies.remove() }
        for name in ["000_78954da3f6bf4c48.txt", "002_99669bebb9f528e7.txt"] {
            copies.write("copy-" + name, try String(contentsOfFile: Paths.seeds + "/" + name, encoding: .utf8))
        }
        #expect(alone.run(command, file: "<command>"), "\(aloneOutput.err)")
        #expect(copied.run("load \"\(copies.path)\"", file: "<command>"), "\(copiedOutput.err)")
        let loaded = copiedOutput.out
        #expect(copied.run(command, file: "<command>"), "\(copiedOutput.err)")
        // A filter that matched sentences of the copies says how many under the header (tester14 #20).
        let answer = Self.unwrapped(String(copiedOutput.out.dropFirst(loaded.count)))
            .split(separator: "\n", omittingEmptySubsequences: false)
        let noted = answer.filter { $0.contains("documents repeating an earlier one's text") }
        #expect(noted.count == (command.contains("source news") ? 0 : 1), "\(answer)")
        #expect(answer.filter { !noted.contains($0) }.joined(separator: "\n") == Self.unwrapped(aloneOutput.out))
        #expect(copied.run("set duplicates all\n" + command, file: "<command>"))
        #expect(!copiedOutput.out.hasSuffix(aloneOutput.out), "every copy counted changes the answer")
    }

    /// An export written into a folder of the corpus in a form the loader reads says that the next load will read it;
    /// one the loader skips (a chart) or one written elsewhere says nothing more.
    @Test(arguments: [("w.csv", true), ("w.md", true), ("w.svg", false), ("elsewhere", false)])
    func anExportIntoTheCorpusSaysTheNextLoadReadsIt(_ name: String, _ warned: Bool) {
        let (session, output, dir) = Self.seedsAndAFolderToLoad()
        defer { dir.remove() }
        let outside = TempDir()
        defer { outside.remove() }
        let target = name == "elsewhere" ? outside.path + "/w.csv" : dir.path + "/" + name
        #expect(session.run("set width 1000\nload \"\(dir.path)\"\nexport count actor Russia by year to \"\(target)\"", file: "<command>"), "\(output.err)")
        #expect(output.out.contains("so the next load reads it as documents") == warned, "\(output.out)")
    }

    /// A corpus folder loaded through a link (or as ".") holds an export written to its real path all the same.
    @Test func anExportIntoTheCorpusThroughALinkSaysSoToo() {
        let (session, output, dir) = Self.seedsAndAFolderToLoad()
        defer { dir.remove() }
        let outside = TempDir()
        defer { outside.remove() }
        #expect(symlink(dir.path, outside.path + "/news") == 0)
        #expect(session.run("set width 1000\nload \"\(outside.path)/news\"\nexport count actor Russia by year to \"\(dir.path)/w.csv\"",
                            file: "<command>"), "\(output.err)")
        #expect(output.out.contains("so the next load reads it as documents"), "\(output.out)")
    }

    /// A load reads every folder again: a loaded document that changed on disk, or went, is said by id, and the count
    /// of new documents is not the difference of the totals (tester13 #7: "loaded -1 documents").
    @Test func aLoadSaysWhichLoadedDocumentsChangedOrWent() {
        let (session, output, dir) = Self.seedsAndAFolderToLoad()
        defer { dir.remove() }
        dir.write("gone.txt", "Mali voted in 2020.\n")
        #expect(session.run("load \"\(dir.path)\"", file: "<command>"), "\(output.err)")
        dir.write("extra.txt", "Russia sent many more instructors to Bangui in 2018 and 2019.\n")
        #expect(unlink(dir.path + "/gone.txt") == 0)
        dir.write("new.txt", "Chad voted in 2021.\n")
        #expect(session.run("set width 1000\nload \"\(dir.path)\"", file: "<command>"), "\(output.err)")
        #expect(output.out.contains("loaded 1 new document from \(dir.path); 1 loaded document changed on disk and read again (extra); "
                                    + "1 loaded document is gone from disk and left out (gone); the corpus has"), "\(output.out)")
        // A document new in a folder loaded before is not counted as the load's (tester14 #9).
        let other = TempDir()
        defer { other.remove() }
        other.write("c.txt", "Niger voted in 2022.\n")
        dir.write("later.txt", "Sudan voted in 2018.\n")
        #expect(session.run("load \"\(other.path)\"", file: "<command>"), "\(output.err)")
        #expect(output.out.contains("loaded 1 new document from \(other.path); 1 new document appeared in the folders loaded before (later); "
                                    + "the corpus has"), "\(output.out)")
    }

    /// One wire story run by two sources: the second's copy counts once, under the first.
    static let syndicated: Corpus = {
        let story = "Rescuers raced on Tuesday to find survivors in Turkey."
        return loadCorpus([("wire.jsonl", #"{"id": "nyt1", "source": "NYT", "text": "\#(story)"}"# + "\n"
                            + #"{"id": "wapo1", "source": "WaPo", "text": "\#(story)"}"# + "\n")]).0
    }()

    /// Text output with the notes cut to the width read as one line each (a continuation line starts with two spaces).
    static func unwrapped(_ text: String) -> String { text.replacingOccurrences(of: "\n  ", with: " ") }

    /// The same wire story in two sources counts once, under the first: any command whose filter matched the second's
    /// copy says how many of its matches count there, instead of a bare 0 (tester13 #14, tester14 #20); with every copy
    /// counted, or a filter that matched no copy, there is nothing to say.
    @Test(arguments: [("count source WaPo", "0 sentences\n"),
                      ("count source WaPo by year", "0 sentences by year\n"),
                      ("top actors source WaPo", "0 sentences by actor\n"),
                      ("count source WaPo by source", "0 sentences by source\n"),
                      ("keywords source WaPo | limit 2", "0 keywords (0 tokens in 0 sentences against the rest of the corpus: "),
                      ("count words source WaPo", "0 words (0 tokens in 0 sentences, stop words left out)\n"),
                      ("count ngrams 2 source WaPo", "0 2-grams (in 0 sentences, "),
                      ("collocates \"Turkey\" source WaPo", "0 collocates of 'Turkey' "),
                      ("kwic \"Turkey\" source WaPo", "0 occurrences of \"Turkey\"\n"),
                      ("network source WaPo", "0 pairs of actors named in the same sentences"),
                      ("cooccur actor Turkey source WaPo", "0 actors co-mentioned with Turkey (0 sentences)"),
                      ("set duplicates all\ncount source WaPo", "duplicates: all\n1 sentence\n"),
                      ("set duplicates all\nkwic \"Turkey\" source WaPo", "duplicates: all\n1 occurrence of \"Turkey\"\n"),
                      ("count source NYT", "1 sentence\n"),
                      ("kwic \"Turkey\" source NYT", "1 occurrence of \"Turkey\"\n")])
    func aFilterThatMatchesCopiesSaysSo(_ command: String, _ start: String) {
        let corpus = Self.syndicated
        let r = run(command, corpus: corpus)
        let note = "1 more match in documents repeating an earlier one's text, counted once there: 'set duplicates all' counts every copy\n"
        let out = Self.unwrapped(r.out)
        #expect(r.ok && out.hasPrefix(start), "\(r.out)")
        #expect(out.contains(note) == (command.contains("WaPo") && !command.contains("duplicates all")), "\(r.out)")
    }

    /// Over the whole corpus too: `count by source` lost the source that only reprinted the story without a word
    /// (tester16 #2); a listing of documents or actors says nothing, and with every copy counted nothing is said.
    @Test(arguments: [("count by source", true), ("top actors 2", true), ("count words | limit 2", true), ("collocates \"Turkey\"", true),
                      ("network", true), ("count by year | limit 1", true), ("docs", false), ("actors", false), ("count", false),
                      ("set duplicates all\ncount by source", false)])
    func anAnswerOverTheWholeCorpusSaysWhatCopiesItLeftOut(_ command: String, _ noted: Bool) {
        let corpus = Self.syndicated
        let r = run(command, corpus: corpus)
        let note = "1 sentence of documents repeating an earlier one's text is left out (the text counts once, under the first): "
            + "'set duplicates all' counts every copy"
        #expect(r.ok && Self.unwrapped(r.out).contains(note) == noted, "\(r.out)")
    }

    /// The note reaches a program too: a JSON answer's "note", standard error beside CSV.
    @Test func aNoteOnCopiesReachesPrograms() {
        let corpus = Self.syndicated
        let json = run("kwic \"Turkey\" source WaPo", format: .json, corpus: corpus)
        #expect(json.out.contains(#""rows": [], "note": "1 more match in documents repeating"#), "\(json.out)")
        let csv = run("count words source WaPo", format: .csv, corpus: corpus)
        #expect(csv.out == "key,count\n" && csv.err.hasPrefix("note: 1 more match in documents repeating"), "\(csv.out)\(csv.err)")
    }

    /// CSV, TSV and Markdown have no header to carry what an answer left out: it goes to standard error, as a page cut does.
    @Test(arguments: [OutputFormat.csv, .tsv, .markdown])
    func whatAnAnswerLeftOutIsSaidBesideAMachineFormat(_ format: OutputFormat) {
        let r = run("timeline doc 001", format: format)
        #expect(r.ok && r.err == "note: 26 more sentences match but are not on the timeline (26 undated): 'find' lists them\n", "\(r.err)")
    }

    /// A timeline keeps the sentences dated by what they say, and says how many others the filter matched and why they
    /// are not on it (tester13 #23: "65 sentences" where find said 125; "0 sentences" for an undated document).
    @Test(arguments: [("timeline actor Russia | limit 1", "44 sentences, showing the first 1\n81 more sentences match but are not on the "
                           + "timeline (74 dated only by their document, 7 undated): 'find' lists them\n"),
                      ("timeline doc 001", "0 sentences\n26 more sentences match but are not on the timeline (26 undated): 'find' lists them\n"),
                      ("timeline actor France until 2013 | limit 1", "14 sentences, showing the first 1\n2 more sentences match but are not "
                           + "on the timeline (2 dated only by their document): 'find' lists them\n004_")])
    func aTimelineSaysWhatItLeavesOut(_ command: String, _ start: String) {
        let r = run(command)
        #expect(r.ok && Self.unwrapped(r.out).hasPrefix(start), "\(r.out)")
    }

    /// `| where G` is `and G`: a timeline's note counts what the whole pipeline matched, not its first filter's
    /// (tester14 #29).
    @Test(arguments: [("timeline actor Wagner | where in 2021", "timeline actor Wagner and in 2021"),
                      ("timeline actor Russia | where place Mali | where since 2015", "timeline actor Russia and place Mali and since 2015"),
                      ("timeline actor France | limit 3 | where until 2013", "timeline actor France and until 2013 | limit 3")])
    func aTimelineWithWhereSaysWhatAndWouldSay(_ piped: String, _ joined: String) {
        let a = run(piped), b = run(joined)
        let note: (String) -> String? = { $0.split(separator: "\n").first { $0.contains("not on the timeline") }.map(String.init) }
        #expect(a.ok && b.ok && note(b.out) != nil && note(a.out) == note(b.out), "\(a.out)\n\(b.out)")
    }

    /// A folder holding only a manifest that dates a loaded document again: the date holds (the warning said the entry
    /// replaces the first), and the load says what it did. An empty folder is not said to hold loaded documents.
    @Test func aLoadedManifestRedescribesLoadedDocuments() {
        let (session, output, dir) = Self.seedsAndAFolderToLoad()
        defer { dir.remove() }
        let manifest = TempDir()
        defer { manifest.remove() }
        manifest.write("again.manifest", "doc 000_78954da3f6bf4c48.txt\n  date: 1999\n")
        let empty = TempDir()
        defer { empty.remove() }
        #expect(session.run("set width 1000\nload \"\(empty.path)\"\nload \"\(manifest.path)\"\ncount doc 000 in 1999", file: "<command>"), "\(output.err)")
        #expect(output.out.contains("(it holds no document that is not loaded already)"), "\(output.out)")
        #expect(output.out.contains("no new document, but what it says of the loaded ones (a manifest, a lexicon) now holds"), "\(output.out)")
        #expect(output.out.hasSuffix("\n16 sentences\n"), "the document's undated sentences are of 1999 now: \(output.out)")
    }

    /// `--limit N` gives N rows in every format, counts by year included, and CSV, TSV and Markdown, which have no
    /// header to say it, say on standard error how many rows there were; a query's own `| limit` needs no note.
    @Test(arguments: [
        ("csv", "count actor Russia by year", 3, "note: showing 3 of 158 rows"),
        ("tsv", "find actor Wagner", 3, "note: showing 3 of 13 rows"),
        ("markdown", "count actor Russia by doc", 3, "note: showing 3 of 4 rows"),
        ("csv", "find actor Wagner | limit 2", 2, nil),
        ("json", "count actor Russia by year", 3, nil),
    ] as [(String, String, Int, String?)])
    func aPageCutSaysSoInEveryFormat(_ format: String, _ command: String, _ rows: Int, _ note: String?) {
        let output = Collect()
        let session = Session(corpus: Seeds.corpus, loader: Seeds.loaded.loader, corpusPaths: [Paths.seeds], output: output)
        (session.settings.limit, session.settings.limitIsExplicit) = (3, true)
        #expect(session.run("set format \(format)\n\(command)", file: "<command>"), "\(output.err)")
        let lines = output.out.split(separator: "\n")
        switch format {
        case "json": #expect(output.out.contains("\"shown\": \(rows)"), "\(output.out)")
        case "markdown": #expect(lines.count == rows + 2, "\(output.out)")
        default: #expect(lines.count == rows + 1, "\(lines.prefix(2))")
        }
        if let note { #expect(output.err.contains(note), "\(output.err)") } else { #expect(output.err.isEmpty, "\(output.err)") }
    }

    /// `set limit N` in a script or a start-up file pages text on a terminal only: a machine format, and text sent to a
    /// pipe or a file, stay whole (INTERFACE.md; tester13 #44: `set limit 1` cut a script's JSON to one row).
    @Test(arguments: [(OutputFormat.json, true), (.csv, true), (.text, false)])
    func setLimitPagesOnlyTheTerminalsText(_ format: OutputFormat, _ terminal: Bool) {
        let output = Collect()
        let session = Session(corpus: Seeds.corpus, loader: Seeds.loaded.loader, corpusPaths: [Paths.seeds], output: output)
        (session.settings.format, session.settings.terminal) = (format, terminal)
        #expect(session.run("set limit 1\nfind actor Wagner", file: "<command>"), "\(output.err)")
        let lines = output.out.split(separator: "\n")
        switch format {
        case .json: #expect(output.out.contains("\"count\": 13") && !output.out.contains("\"shown\""), "\(output.out)")
        case .csv: #expect(lines.count == 1 + 13, "the header and 13 rows: \(output.out)")
        default:
            #expect(lines.dropFirst().first == "13 sentences", "a title with no page: \(lines.prefix(2))")
            #expect(lines.filter { $0.contains(":") && !$0.hasPrefix(" ") }.count == 1 + 13, "the limit's echo and 13 rows")
        }
        #expect(!output.err.contains("showing"), "\(output.err)")
    }
}
