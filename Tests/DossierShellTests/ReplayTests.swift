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

    @Test func saveTranscriptRefusesAnExistingFile() throws {
        let temp = TempDir()
        let notes = temp.write("notes.md", "mine\n")
        let r = dossier(["-e", "docs", "-e", "save transcript \"notes.md\""], temp: temp, directory: temp.path)
        #expect(r.status == 1)
        #expect(r.stderr.contains("'notes.md' exists; add 'force' to replace it"), "\(r)")
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == "mine\n")
    }
}
