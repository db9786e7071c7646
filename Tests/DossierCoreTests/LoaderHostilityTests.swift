import Foundation
import Testing
@testable import DossierCore

@Suite("Loader hostility")
struct LoaderHostilityTests {
    static let good = "Russia signed a deal with Mali in 2021. The French troops left."

    func load(_ dir: TempDir) -> (Corpus, [Diagnostic]) {
        var loader = CorpusLoader()
        _ = loader.addResources(from: Paths.seeds)
        return loader.load([dir.path])
    }

    /// Files named alike in folders named in other scripts than English's, loaded once.
    static let alike: Corpus = {
        let dir = TempDir()
        defer { dir.remove() }
        for path in ["Zürich/report.txt", "Genève/report.txt", "a/ß/résumé.txt", "b/ß/résumé.txt", "été/notes.md"] {
            dir.write(path, good)
        }
        dir.write("été/notes.html", "<html><body><p>\(good)</p></body></html>")
        var loader = CorpusLoader()
        _ = loader.addResources(from: Paths.seeds)
        return loader.load([dir.path]).0
    }()

    /// Documents named alike are told apart by their folders, or by their file name beside another of their name,
    /// whatever script the folders and files are named in (their paths are searched for '/', '.' and ':' byte by byte).
    @Test(arguments: [("Genève/report.txt", "report"), ("Zürich/report.txt", "Zürich/report"), ("a/ß/résumé.txt", "résumé"),
                      ("b/ß/résumé.txt", "ß/résumé"), ("été/notes.html", "notes"), ("été/notes.md", "notes.md")])
    func documentsNamedAlikeAreToldApart(_ path: String, _ id: String) {
        #expect(Self.alike.documents.filter { $0.path.hasSuffix("/" + path) }.map(\.id) == [id])
    }

    @Test func emptyAndFurnitureOnlyFilesWarn() {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("good.txt", Self.good)
        dir.write("empty.txt", "")
        dir.write("furniture.txt", "Skip to content\nSubscribe\nLeave a comment\n")
        let (c, d) = load(dir)
        #expect(c.documents.first { $0.id == "good" }?.sentences.count == 2)
        for name in ["empty.txt", "furniture.txt"] {
            #expect(d.contains { $0.location.file.hasSuffix(name) && $0.message.contains("no text") }, "\(name)")
        }
    }

    /// A paragraph that stops where a rule expects more words (a page cut in the middle of a phrase, a heading, an OCR
    /// column break) is read as far as it goes (tester20 #1: "the week of" at a paragraph's end stopped a whole folder).
    @Test(arguments: [
        "field Inspection later in the week of",
        "- Ruto returns the week after\n- Odinga stays",
        "Nothing happened in the week before\n\nJune 3 was quiet.",
        "The minister, who had spent the whole of the morning in talks with officials in Nairobi and Mombasa, said he hopes the Foreign Of-",
        "He met the Secretary of",
    ])
    func aParagraphCutShortIsRead(_ text: String) {
        let corpus = analyze(text)
        #expect(corpus.sentences.count >= 1)
        #expect(corpus.sentenceTexts.joined(separator: " ").contains(text.split(separator: "\n").last!.suffix(8)))
    }

    /// Every paragraph that stops after any word of the date benchmark's development phrases, each prefix its own
    /// paragraph: the rules that read on past a word ("the week of" and a day) meet the paragraph's end everywhere.
    @Test func everyPrefixOfADatePhraseIsRead() throws {
        struct Item: Decodable { let text: String }
        let lines = try String(contentsOfFile: Paths.package + "/bench/dates/dev.jsonl", encoding: .utf8).split(separator: "\n")
        var paragraphs: [String] = []
        for line in lines {
            let words = try JSONDecoder().decode(Item.self, from: Data(line.utf8)).text.split(separator: " ")
            for n in 1...words.count { paragraphs.append(words.prefix(n).joined(separator: " ")) }
        }
        #expect(paragraphs.count > 2000)
        let corpus = analyze(paragraphs.joined(separator: "\n\n"))
        #expect(corpus.sentences.count > paragraphs.count / 2)
    }

    @Test func binaryFileWarnsAndDoesNotCrash() {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("good.txt", Self.good)
        var bytes: [UInt8] = []
        var x: UInt32 = 12345
        for _ in 0..<100_000 {
            x = x &* 1_103_515_245 &+ 12345
            bytes.append(UInt8(truncatingIfNeeded: x >> 16))
        }
        dir.write("blob.txt", bytes: bytes)
        let (c, d) = load(dir)
        #expect(c.documents.contains { $0.id == "good" })
        #expect(d.contains { $0.location.file.hasSuffix("blob.txt") })
    }

    @Test func tenMegabyteSingleLine() {
        let dir = TempDir()
        defer { dir.remove() }
        let line = String(repeating: "Russia and Mali signed a deal in 2021 ", count: 10 * 1024 * 1024 / 38)
        dir.write("huge.txt", line)
        dir.write("good.txt", Self.good)
        let (c, _) = load(dir)
        #expect(c.documents.count == 2)
        let huge = c.documents.first { $0.id == "huge" }
        #expect(huge != nil && huge!.sentences.count >= 1)
    }

    @Test func deeplyNestedBrackets() {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("nest.txt", String(repeating: "(", count: 50_000) + "Russia." + String(repeating: ")", count: 50_000) + " Mali.")
        let (c, _) = load(dir)
        #expect(c.documents.count == 1)
    }

    @Test func symlinkLoopAndDanglingLinkAreReported() throws {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("sub/good.txt", Self.good)
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/sub/loop", withDestinationPath: dir.path)
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/dangling.txt", withDestinationPath: dir.path + "/nowhere.txt")
        let (c, d) = load(dir)
        #expect(c.documents.map(\.id) == ["good"])
        #expect(d.contains { $0.message.contains("loop") })
        #expect(d.contains { $0.location.file.hasSuffix("dangling.txt") && $0.message.contains("dangling") })
    }

    @Test func unreadableFileIsReported() throws {
        // Tests run as root in this environment: chmod 000 does not stop root from reading, so only
        // check that an unreadable file, if it is one, is reported and the good file still loads.
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("good.txt", Self.good)
        let locked = dir.write("locked.txt", "Secret text about Mali.")
        chmod(locked, 0)
        let (c, d) = load(dir)
        #expect(c.documents.contains { $0.id == "good" })
        if geteuid() != 0 {
            #expect(d.contains { $0.location.file.hasSuffix("locked.txt") && $0.message.contains("cannot read") })
        }
    }

    @Test func nonTextFilesAreSkippedWithAWarning() {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("good.txt", Self.good)
        dir.write("notes.md", "Mali and Russia met in 2020.")
        dir.write("image.png", "not a document")
        dir.write("data.xlsx", "a,b\n1,2\n")
        dir.write("data.csv", "a,b\n1,2\n")
        let (c, d) = load(dir)
        #expect(Set(c.documents.map(\.id)) == ["good", "notes"])
        for name in ["image.png", "data.xlsx"] {
            #expect(d.contains { $0.location.file.hasSuffix(name) && $0.message.contains("skipped") }, "\(name)")
        }
        // A CSV is a collection of documents now: one without a text column says so.
        #expect(d.contains { $0.location.file.hasSuffix("data.csv") && $0.message.contains("no 'text' column") })
    }

    /// A file given by name is read whatever its name, as plain text with a note; one holding binary data is an error,
    /// not a skip that leaves an empty corpus and a run that passes.
    @Test(arguments: [
        ("interview-notes", Array(good.utf8), Severity.note, "read as plain text", 2),
        ("notes.rtf", Array(good.utf8), .note, "read as plain text", 2),
        ("report.pdf", Array("%PDF-1.4\n".utf8) + [0, 0, 1, 2], .error, "not a document: it holds binary data", 0),
    ])
    func aFileGivenByNameIsReadOrRefused(_ name: String, _ bytes: [UInt8], _ severity: Severity, _ message: String, _ sentences: Int) {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.write(name, bytes: bytes)
        var loader = CorpusLoader()
        _ = loader.addResources(from: Paths.seeds)
        let (c, d) = loader.load([path])
        #expect(c.sentences.count == sentences)
        #expect(d.contains { $0.severity == severity && $0.message.hasPrefix(message) && $0.location.file.hasSuffix(name) }, "\(d)")
    }

    /// A run of short lines of common words is left out as a menu, with a note naming its first line; a run of names (an
    /// infobox's commanders) is kept (tester20 #2); past five documents, one note says how many more had such lines.
    @Test func shortLinesAreKeptAsNamesOrSaidLeftOut() {
        let dir = TempDir()
        defer { dir.remove() }
        let menu = "Home\nNews\nSport\nContact Us\nThe minister spoke on Monday.\n"
        for i in 0..<7 { dir.write("menu\(i).txt", menu) }
        dir.write("war.txt", "Commanders and leaders\nZimbabwe Robert Mugabe\nRwanda Paul Kagame\nUganda Yoweri Museveni\nChad Idriss Déby\nThe war ended in 2003.\n")
        let (c, d) = load(dir)
        let notes = d.filter { $0.message.contains("left out as") }
        #expect(notes.count == 6, "\(notes.map(\.message))")
        #expect(notes.first.map { $0.location.line == 1 && $0.message.hasPrefix("4 short lines left out as a menu") } == true)
        #expect(notes.last?.message == "and in 2 more documents, short lines left out as menus or lists of tags")
        #expect(c.sentenceTexts.filter { $0.hasPrefix("Home") }.isEmpty)
        #expect(c.sentenceTexts.contains { $0.contains("Robert Mugabe") })
    }

    @Test func manySkippedFilesAreSummarised() {
        let dir = TempDir()
        defer { dir.remove() }
        for i in 0..<15 { dir.write("f\(i).dat", "x") }
        dir.write("good.txt", Self.good)
        let (_, d) = load(dir)
        let skipped = d.filter { $0.message.contains("skipped") }
        #expect(skipped.count == 11)
        #expect(skipped.contains { $0.message.contains("5 more") })
    }

    @Test func missingFolderIsAnError() {
        var loader = CorpusLoader()
        let (c, d) = loader.load(["/nonexistent/dossier/folder"])
        #expect(c.documents.isEmpty)
        #expect(d.first?.severity == .error)
        _ = loader.addResources(from: "/nonexistent")
    }

    @Test func loadIsDeterministicAcrossRuns() {
        let a = Seeds.corpus
        var loader = CorpusLoader()
        _ = loader.addResources(from: Paths.seeds)
        let (b, _) = loader.load([Paths.seeds])
        #expect(a.sentenceTexts == b.sentenceTexts)
        #expect(a.entities.map(\.name) == b.entities.map(\.name))
        #expect(a.mentions.count == b.mentions.count)
    }

    @Test func docIdsAreFileNamesWithoutExtension() {
        #expect(Seeds.corpus.documents.map(\.id) == ["000_78954da3f6bf4c48", "001_cfd13964b1ea40f2", "002_99669bebb9f528e7",
                                                     "003_b3513e65fd226f7c", "004_71a4b6a7ceee6045"])
    }
}
