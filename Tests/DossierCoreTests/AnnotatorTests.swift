import Foundation
import Testing
@testable import DossierCore

/// `dossier annotate`: one JSON object per document, ranges that point at the words found, bad lines named
/// while the stream goes on.
@Suite struct AnnotatorTests {
    static let annotator: Annotator = {
        var loader = CorpusLoader()
        _ = loader.addResources(from: Paths.seeds)
        return Annotator(loader: loader)
    }()

    /// Runs the annotator on files (name, text) and returns its parsed output, its warnings and its status.
    func annotate(_ files: [(String, String)]) -> (documents: [[String: Any]], warnings: [String], ok: Bool) {
        let dir = TempDir()
        defer { dir.remove() }
        let paths = files.map { dir.write($0.0, $0.1) }
        var lines: [String] = []
        var warnings: [String] = []
        let ok = Self.annotator.run(paths: paths, write: { lines.append($0) },
                                    warn: { warnings.append("\($0.location.file.split(separator: "/").last ?? ""):\($0.location.line):\($0.location.column) \($0.message)") })
        let documents = lines.map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        return (documents, warnings, ok)
    }

    @Test func eachDocumentIsOneObjectWithSentencesMentionsAndTimes() throws {
        let line = #"{"id": "rfi-7", "date": "2022-05-02", "source": "radio", "text": "Les soldats de Wagner sont arrivés à Bamako. Moscow denied it in March 2021 (Roger 2019).\n\nEarlier, Russia denied it."}"#
        let (documents, warnings, ok) = annotate([("feed.jsonl", line + "\n")])
        #expect(ok && warnings.isEmpty)
        let document = try #require(documents.first)
        #expect(document["id"] as? String == "rfi-7")
        #expect(document["date"] as? String == "2022-05-02")
        #expect((document["fields"] as? [String: String]) == ["source": "radio"])
        let text = Array((document["text"] as! String).unicodeScalars)
        func slice(_ item: [String: Any]) -> String {
            String(String.UnicodeScalarView(text[(item["start"] as! Int)..<(item["end"] as! Int)]))
        }
        let sentences = document["sentences"] as! [[String: Any]]
        #expect(sentences.count == 3)
        #expect(sentences.map { slice($0) == $0["text"] as? String } == [true, true, true])
        #expect(sentences.map { $0["basis"] as? String } == ["document", "explicit", "document"])
        #expect(sentences[1]["time"] as? String == "2021-03")
        let mentions = document["mentions"] as! [[String: Any]]
        #expect(mentions.allSatisfy { slice($0) == $0["text"] as? String })
        let actors = mentions.filter { $0["kind"] as? String == "actor" }.map { "\($0["text"]!)=\($0["entity"]!)/\($0["rule"]!)" }
        #expect(actors.contains("Wagner=Wagner Group/alias"))
        #expect(actors.contains("Russia=Russia/alias"))
        let times = document["times"] as! [[String: Any]]
        #expect(times.map { "\($0["text"]!) \($0["period"]!) \($0["citation"]!)" } == ["March 2021 2021-03 0", "2019 2019 1"])
    }

    @Test func aBadLineIsNamedAndTheStreamGoesOn() {
        let lines = [#"{"text": "France and Mali met in 2020."}"#, #"{"text": "#, #"{"note": "no text"}"#, #"{"text": "Chad too."}"#]
        let (documents, warnings, ok) = annotate([("feed.jsonl", lines.joined(separator: "\n"))])
        #expect(ok)
        #expect(documents.map { $0["id"] as? String } == ["feed-1", "feed-4"])
        #expect(warnings.count == 2)
        #expect(warnings.first?.hasPrefix("feed.jsonl:2:") == true)
        #expect(warnings.last?.hasPrefix("feed.jsonl:3:1 no 'text'") == true)
    }

    /// Every line refused and nothing written fails the run, so a job runner does not record an empty success
    /// (tester13 #39: plain text piped in printed nothing and exited 0).
    @Test func noDocumentAtAllFailsTheRun() {
        let (documents, warnings, ok) = annotate([("feed.jsonl", "Russia sent troops to Mali.\nChad too.\n")])
        #expect(!ok && documents.isEmpty)
        #expect(warnings.count == 3 && warnings.last?.hasSuffix("no document read (see the warnings above)") == true, "\(warnings)")
        #expect(annotate([("feed.jsonl", "")]).ok, "an empty input is no failure")
    }

    @Test func textAndCsvFilesToo() {
        let (documents, warnings, ok) = annotate([("note.txt", "Russia and France met in Paris on 3 May 2019.\n"),
                                                  ("wire.csv", "text,source\n\"Mali, Chad\",afp\n")])
        #expect(ok && warnings.isEmpty)
        #expect(documents.map { $0["id"] as? String } == ["note", "wire-2"])
        #expect((documents[0]["sentences"] as! [[String: Any]]).first?["time"] as? String == "2019-05-03")
    }

    @Test func aWebPageIsAnnotatedAsItsArticle() throws {
        let page = """
            <html><head><title>Talks in Bamako - Wire</title><meta property="og:site_name" content="Wire">
            <meta property="article:published_time" content="2022-05-02T08:00:00Z"></head>
            <body><nav>Russia | Mali</nav><article><h1>Talks in Bamako</h1><p>France met Mali in Bamako on Monday.</p></article>
            <section class="comments"><p>Lavrov was right.</p></section></body></html>
            """
        let (documents, warnings, ok) = annotate([("story.html", page), ("menu.htm", "<nav>Russia</nav>")])
        #expect(ok)
        #expect(warnings == ["menu.htm:1:1 no article text in this page (nothing is left once scripts, navigation, headers, footers, asides, forms and comments are dropped); not loaded"])
        let document = try #require(documents.first)
        #expect(documents.count == 1)
        #expect(document["id"] as? String == "story")
        #expect(document["title"] as? String == "Talks in Bamako")
        #expect(document["date"] as? String == "2022-05-02")
        #expect((document["fields"] as? [String: String]) == ["source": "Wire"])
        #expect(document["text"] as? String == "Talks in Bamako\nFrance met Mali in Bamako on Monday.\n")
        let entities = Set((document["mentions"] as! [[String: Any]]).compactMap { $0["entity"] as? String })
        #expect(entities.isSuperset(of: ["France", "Mali", "Bamako"]) && !entities.contains("Sergei Lavrov"), "\(entities)")
    }

    @Test func anInputThatCannotBeReadFailsTheRun() {
        var warnings: [Diagnostic] = []
        let ok = Self.annotator.run(paths: ["/nonexistent/feed.jsonl", "/nonexistent/a.txt"], write: { _ in }, warn: { warnings.append($0) })
        #expect(!ok)
        #expect(warnings.count == 2)
        #expect(warnings.allSatisfy { $0.severity == .error })
    }
}
