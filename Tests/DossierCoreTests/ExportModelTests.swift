import Foundation
import Testing
@testable import DossierCore

/// `export model to "DIR"`: every table written through FileAccess, ranges that point at their words, and a
/// folder that already holds an export kept unless `force` is given.
@Suite struct ExportModelTests {
    static func rows(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    @Test func theTablesHoldTheModelAndTheirRangesPointAtTheirWords() throws {
        let files = FakeFiles()
        let (session, output) = InterpreterTests.session(files)
        #expect(session.run("export model to \"out\"", file: "<command>"))
        #expect(output.out.hasPrefix("wrote the model to out as JSON Lines and CSV with schema.json: 5 documents, 350 sentences"))
        let schema = try #require(files.files["/work/out/schema.json"])
        let tables = (try JSONSerialization.jsonObject(with: Data(schema.utf8)) as! [String: Any])["tables"] as! [[String: Any]]
        #expect(tables.map { $0["table"] as! String } == ["documents", "sentences", "sentence_periods", "mentions", "entities",
                                                           "entity_aliases", "entity_affiliations", "time_expressions", "word_counts"])
        for table in tables {
            let name = table["table"] as! String
            let jsonl = try #require(files.files["/work/out/\(name).jsonl"])
            let csv = try #require(files.files["/work/out/\(name).csv"])
            #expect(Self.rows(jsonl).count == table["rows"] as! Int, "\(name)")
            #expect(csv.hasPrefix((table["columns"] as! [[String: Any]]).map { $0["name"] as! String }.joined(separator: ",") + "\n"))
        }
        let documents = Self.rows(files.files["/work/out/documents.jsonl"]!).map { Array(($0["text"] as! String).unicodeScalars) }
        let mentions = Self.rows(files.files["/work/out/mentions.jsonl"]!)
        #expect(mentions.count == Seeds.corpus.mentions.count)
        let misplaced = mentions.filter { m in
            let text = documents[m["doc_id"] as! Int]
            return String(String.UnicodeScalarView(text[(m["start"] as! Int)..<(m["end"] as! Int)])) != m["text"] as! String
        }
        #expect(misplaced.isEmpty, "\(misplaced.prefix(3))")
        let citations = mentions.filter { $0["citation"] as! Bool }.count
        #expect(citations == Seeds.corpus.mentions.filter(\.isCitation).count)
    }

    @Test func aFolderThatHoldsAnExportIsKeptWithoutForce() {
        let files = FakeFiles()
        let (session, output) = InterpreterTests.session(files)
        #expect(session.run("export model to \"out\"", file: "<command>"))
        files.files["/work/out/documents.csv"] = "mine"
        #expect(!session.run("export model to \"out\"", file: "<command>"))
        #expect(output.err.contains("already holds"))
        #expect(files.files["/work/out/documents.csv"] == "mine")
        #expect(session.run("export model to \"out\" force", file: "<command>"))
        #expect(files.files["/work/out/documents.csv"] != "mine")
    }

    @Test func anExportInsideACorpusFolderIsNotReadAsDocuments() throws {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("note.txt", "Russia and France met in 2021.")
        let model = ModelTables(corpus: Seeds.corpus)
        try AtomicFile.write(try model.files(try model.tables()), into: dir.path + "/model", force: false)
        dir.write("model/beside.txt", "Mali and Russia signed in 2022.")
        let (corpus, diagnostics) = CorpusLoader().load([dir.path])
        #expect(corpus.documents.map(\.id).sorted() == ["beside", "note"], "the tables are skipped, a document beside them is not")
        #expect(diagnostics.contains { $0.message.contains("files of an 'export model'") })
    }

    /// `force` replaces an earlier export, never the corpus: a document, a folder holding documents, or a lexicon,
    /// list or manifest the corpus was read with (tester13 #29: `save transcript` replaced a manifest) is refused.
    @Test(arguments: [
        ("export model to \"corp\" force", "holds 2 documents of the loaded corpus"),
        ("export find actor Russia to \"corp/a.txt\" force", "a document of the loaded corpus"),
        ("export find actor Russia to \"link.txt\" force", "a document of the loaded corpus"),
        ("export count to \"corp/my.lexicon\" force", "a file the loaded corpus was read with"),
        ("export count to \"corp/news.manifest\" force", "a file the loaded corpus was read with"),
        ("export count to \"corp/extra.stopwords\" force", "a file the loaded corpus was read with"),
    ])
    func anExportNeverReplacesTheCorpus(_ command: String, _ message: String) throws {
        let dir = TempDir()
        defer { dir.remove() }
        let text = "Russia and France met in 2021."
        dir.write("corp/a.txt", text)
        dir.write("corp/b.txt", "Mali and Russia signed in 2022.")
        let inputs = ["my.lexicon": "actor Foo Bar\n  type: company\n", "news.manifest": "doc a\n  date: 2021-05-01\n",
                      "extra.stopwords": "met\n"]
        for (name, content) in inputs { dir.write("corp/" + name, content) }
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/link.txt", withDestinationPath: dir.path + "/corp/a.txt")
        let (corpus, _) = CorpusLoader().load([dir.path + "/corp"])
        let output = Collect()
        let session = Session(corpus: corpus, loader: CorpusLoader(), corpusPaths: [dir.path + "/corp"], output: output)
        #expect(!session.run(command.replacingOccurrences(of: "\"corp", with: "\"\(dir.path)/corp")
                                    .replacingOccurrences(of: "\"link", with: "\"\(dir.path)/link"), file: "<command>"))
        #expect(output.err.contains(message), "\(output.err)")
        #expect(try String(contentsOfFile: dir.path + "/corp/a.txt", encoding: .utf8) == text)
        for (name, content) in inputs { #expect(try String(contentsOfFile: dir.path + "/corp/" + name, encoding: .utf8) == content) }
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/corp/schema.json"))
    }

    @Test func aRealFolderIsMadeAndAFileInItsPlaceIsAnError() throws {
        let dir = TempDir()
        defer { dir.remove() }
        try AtomicFile.write([("a.csv", "x\n")], into: dir.path + "/new/model", force: false)
        #expect(try String(contentsOfFile: dir.path + "/new/model/a.csv", encoding: .utf8) == "x\n")
        let file = dir.write("plain", "text")
        #expect(throws: FileWriteError.self) { try AtomicFile.write([("a.csv", "x\n")], into: file, force: true) }
    }
}
