import Foundation
import Testing

/// `dossier check` replays a transcript without touching the user's files, from any folder, and transcripts
/// saved in the shell check clean (INTERFACE.md "Transcripts").
@Suite("Replay")
struct ReplayTests {
    /// A transcript whose commands write files: what `check` must leave alone.
    static let writing = """
    dossier> echo a lesson
    a lesson
    dossier> save transcript "notes.md"
    saved 1 command to notes.md
    dossier> export find actor Wagner to "wagner.csv"
    wrote wagner.csv (13 rows) as csv

    """

    @Test func checkNeverWritesTheUsersFiles() throws {
        let temp = TempDir()
        let transcript = temp.write("lesson.transcript", Self.writing)
        let notes = temp.write("notes.md", "my own notes, not a transcript\n")
        let export = temp.write("wagner.csv", "kept,as,is\n")
        let r = dossier(["check", transcript], temp: temp, directory: temp.path)
        #expect(r.status == 0, "\(r)")
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == "my own notes, not a transcript\n")
        #expect(try String(contentsOfFile: export, encoding: .utf8) == "kept,as,is\n")
        #expect(temp.list().filter { $0 != "home" }.sorted() == ["lesson.transcript", "notes.md", "wagner.csv"], "\(temp.list())")
    }

    @Test func checkFromAnotherFolderTakesPathsFromTheTranscript() throws {
        let temp = TempDir()
        temp.write("lessons/part.dossier", "echo from the included script\n")
        let transcript = temp.write("lessons/lesson.transcript", """
        dossier> run "part.dossier"
        from the included script

        """)
        let r = dossier(["check", transcript], temp: temp, directory: temp.path)
        #expect(r.status == 0, "\(r)")
    }

    /// A transcript recorded on one corpus and replayed on another fails saying so, besides its diff (tester15 #31).
    @Test func aReplayOnAnotherCorpusSaysSo() {
        let temp = TempDir()
        temp.write("lesson/corpus/a.txt", "Russia sent advisers to Bangui in 2018.\n")
        temp.write("lesson/l.transcript", "# recorded on: --corpus corpus\ndossier> count\n1 sentence\n")
        let other = dossier(["--no-cache", "check", "lesson/l.transcript"], temp: temp, directory: temp.path)
        #expect(other.status == 1 && other.stderr.contains("note: lesson/l.transcript was recorded on --corpus corpus and replayed on --corpus seeds"),
                "\(other)")
        let own = dossier(["--no-cache", "check", "--corpus", "lesson/corpus", "lesson/l.transcript"], temp: temp, directory: temp.path)
        #expect(own.status == 0 && !own.stderr.contains("recorded on"), "\(own)")
    }

    /// A transcript updated on a corpus says which, so a later plain check names it (tester19 #18b); updating it on
    /// another corpus replaces the note.
    @Test func anUpdateNotesItsCorpus() throws {
        let temp = TempDir()
        temp.write("lesson/corpus/a.txt", "Russia sent advisers to Bangui in 2018.\n")
        temp.write("lesson/other/b.txt", "Mali met Chad. Chad met Niger.\n")
        let path = temp.write("lesson/l.transcript", "dossier> count\n5 sentences\n")
        let updated = dossier(["--no-cache", "check", "--update", "--corpus", "lesson/corpus", "lesson/l.transcript"], temp: temp, directory: temp.path)
        #expect(updated.status == 0, "\(updated)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "# recorded on: --corpus corpus\ndossier> count\n1 sentence\n")
        _ = dossier(["--no-cache", "check", "--update", "--corpus", "lesson/other", "lesson/l.transcript"], temp: temp, directory: temp.path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "# recorded on: --corpus other\ndossier> count\n2 sentences\n")
    }

    /// Only the prompt records a transcript: from -e or a script, `save transcript` is an error and writes nothing
    /// (it wrote an empty file, which `check` then passed).
    @Test func saveTranscriptOutsideThePromptIsAnError() throws {
        let temp = TempDir()
        let r = dossier(["-e", "count actor Mali", "-e", "save transcript \"q.transcript\""], temp: temp, directory: temp.path)
        #expect(r.status == 1)
        #expect(r.stderr.contains("<command>:1:17: error: a transcript is recorded only at the prompt"), "\(r)")
        #expect(!FileManager.default.fileExists(atPath: temp.path + "/q.transcript"))
    }

    /// A transcript with nothing to replay fails: it would pass whatever the program does.
    @Test(arguments: [("empty.transcript", ""), ("prose.transcript", "notes, no command\n"), ("page.md", "# Title\n\ntext\n")])
    func checkFailsATranscriptWithoutCommands(name: String, text: String) {
        let temp = TempDir()
        let path = temp.write(name, text)
        let r = dossier(["check", path], temp: temp, directory: temp.path)
        #expect(r.status == 1, "\(r)")
        #expect(r.stderr.contains("\(name):1:1: error: no commands to check"), "\(r)")
        #expect(!r.stdout.contains("ok "), "\(r)")
    }

    /// An `expect` that does not hold fails the check though its failure is what the transcript recorded, and
    /// `--update` leaves such a transcript as it was: a demonstration that checks nothing would pass.
    @Test(arguments: [
        ("lesson.transcript", "dossier> count actor Wagner\n13 sentences\ndossier> expect count 99\n", "lesson.transcript:3:1"),
        ("page.md", "# Lesson\n\n```dossier\ndossier> docs | limit 0\n5 documents, showing the first 0\ndossier> expect contains \"Mali\"\n```\n", "page.md:6:1"),
    ])
    func aFailedExpectFailsTheCheckAndIsNotRecorded(name: String, text: String, place: String) throws {
        let temp = TempDir()
        let path = temp.write(name, text)
        for arguments in [["check", "--update", path], ["check", path]] {
            let r = dossier(arguments, temp: temp, directory: temp.path)
            #expect(r.status == 1, "\(r)")
            #expect(r.stderr.contains("\(place): error: expect failed"), "\(r)")
        }
        let replayed = dossier(["check", "--update", path], temp: temp, directory: temp.path)
        #expect(replayed.status == 1)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text, "not updated")
    }

    /// Notes holding a line that starts with the prompt but is no command, followed by prose, are no transcript Dossier
    /// recorded: `--update` leaves them as they are (tester20 #15: the prose was replaced by an error message); a
    /// mistyped command with nothing after it (a lesson being written) gets its error recorded.
    @Test func updateLeavesProseThatStartsWithThePrompt() throws {
        let temp = TempDir()
        let text = "My notes on Kenya\n\ndossier> is how the prompt looks.\n\nMore notes here that matter.\n"
        let path = temp.write("notes.txt", text)
        let r = dossier(["check", "--update", path], temp: temp, directory: temp.path)
        #expect(r.status == 1, "\(r)")
        #expect(r.stderr.contains("notes.txt:3:1: error: 'dossier> is how the prompt looks.' is no command"), "\(r)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text, "not updated")
        let typo = temp.write("typo.transcript", "dossier> fnd actor Wagner\ndossier> count actor Wagner\n12 sentences\n")
        let updated = dossier(["check", "--update", typo], temp: temp, directory: temp.path)
        #expect(updated.status == 0, "\(updated)")
        let recorded = try String(contentsOfFile: typo, encoding: .utf8)
        #expect(recorded.contains("error: unknown command 'fnd'") && recorded.hasSuffix("13 sentences\n"), "\(recorded)")
    }

    /// A transcript or page whose last line has no newline (an editor that adds none) checks as the same text with
    /// it: it said FAILED with an empty diff (tester13 #18).
    @Test(arguments: [("nonl.transcript", "dossier> count actor Wagner\n13 sentences"),
                      ("nonl.md", "```dossier\ndossier> count actor Wagner\n13 sentences\n```")])
    func aLastLineWithoutItsNewlineChecks(name: String, text: String) {
        let temp = TempDir()
        let path = temp.write(name, text)
        let r = dossier(["check", path], temp: temp, directory: temp.path)
        #expect(r.status == 0 && r.stdout.hasPrefix("ok "), "\(r)")
    }

    /// When an `expect` fails, the other outputs that changed are shown as a diff too: a teacher whose corpus changed
    /// needs to see what moved exactly when an expectation broke.
    @Test func aFailedExpectStillShowsWhatElseChanged() {
        let temp = TempDir()
        let path = temp.write("lesson.transcript", "dossier> count actor Wagner\n12 sentences\ndossier> expect count 99\n")
        let r = dossier(["check", path], temp: temp, directory: temp.path)
        #expect(r.status == 1, "\(r)")
        #expect(r.stderr.contains("lesson.transcript:3:1: error: expect failed"), "\(r)")
        #expect(r.stdout.contains("-12 sentences\n+13 sentences\n"), "\(r)")
    }

    /// `--corpus` after `check` replays on that corpus, as before it: a transcript of one's own documents checks
    /// against them, not the bundled corpus.
    @Test(arguments: [["check", "--corpus", "CORPUS", "T"], ["--corpus", "CORPUS", "check", "T"],
                      ["check", "--no-cache", "--corpus", "CORPUS", "T"], ["--no-cache", "--corpus", "CORPUS", "check", "T"]])
    func checkReplaysOnTheCorpusItIsGiven(_ arguments: [String]) {
        let temp = TempDir()
        temp.write("news/a.txt", "Chancellor Olaf Scholz met Emmanuel Macron in Paris in 2023.\n")
        let transcript = temp.write("mine.transcript", "dossier> docs | limit 0\n1 document, showing the first 0\n")
        let r = dossier(arguments.map { $0 == "CORPUS" ? temp.path + "/news" : $0 == "T" ? transcript : $0 }, temp: temp)
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.contains("ok "), "\(r)")
    }
}
