import Foundation
import Testing
@testable import DossierCore

/// Every manifest key but title, date and note is a document field that filters, counts and listings reach.
@Suite("Document fields")
struct DocumentFieldTests {
    static let manifest = """
    doc a.txt
      title: First
      source: wire
      author: Ann Lee
      desk: Africa; Europe
    doc b.txt
      source: Blog
      author: Bo Ek
    """

    static let corpus: Corpus = {
        let (corpus, diagnostics) = loadCorpus([("a.txt", "Russia sent advisers to Bangui. France left Mali."),
                                                ("b.txt", "Wagner arrived in 2018."), ("c.txt", "Nothing here.")],
                                               manifest: manifest)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        return corpus
    }()

    @Test func manifestKeysBecomeFields() throws {
        let a = try #require(Self.corpus.documents.first { $0.id == "a" })
        #expect(a.fields == [DocumentField(key: "source", value: "wire"), DocumentField(key: "author", value: "Ann Lee"),
                             DocumentField(key: "desk", value: "Africa"), DocumentField(key: "desk", value: "Europe")])
        #expect(a.field("desk") == "Africa; Europe")
        #expect(a.title == "First")
    }

    @Test(arguments: [
        ("find source wire", 2), ("find source blog", 1), ("find field author \"bo ek\"", 1), ("find field author Ann Lee", 2),
        ("find not source wire", 2), ("find source wire and text \"France\"", 1),
        // Values a manifest separates with ";" are each a value.
        ("find field desk Europe", 2), ("find field desk africa", 2),
    ])
    func sourceAndFieldFilter(_ command: String, _ count: Int) {
        #expect(json(command, corpus: Self.corpus)["count"] as? Int == count, "\(command)")
    }

    @Test func countBySourceAndByField() {
        let bySource = rows(json("count by source", corpus: Self.corpus)).map { "\($0["key"]!)=\($0["count"]!)" }
        #expect(bySource == ["wire=2", "(none)=1", "Blog=1"])
        let byAuthor = rows(json("count by field author", corpus: Self.corpus)).map { "\($0["key"]!)=\($0["count"]!)" }
        #expect(byAuthor == ["Ann Lee=2", "(none)=1", "Bo Ek=1"])
    }

    /// Values spelt differently ("Le Monde", "le monde", "Zoé", "Zoe") are one value, as the filter finds them: the count
    /// groups them under the spelling most documents give, and agrees with `source VALUE`.
    @Test func aCountByFieldGroupsValuesAsTheFilterFindsThem() {
        let (corpus, _) = loadCorpus([("a.txt", "France sent troops to Mali."), ("b.txt", "Russia sent advisers."), ("c.txt", "Mali left.")],
                                     manifest: "doc a.txt\n  source: Le Monde\ndoc b.txt\n  source: le monde\ndoc c.txt\n  source: Le Monde\n")
        let bySource = rows(json("count by source", corpus: corpus)).map { "\($0["key"]!)=\($0["count"]!)" }
        #expect(bySource == ["Le Monde=3"])
        #expect(json("count source \"le monde\"", corpus: corpus)["count"] as? Int == 3)
    }

    /// A count by a field cut by `| limit` says how many values there were (3 authors, not the 3 documents), in
    /// JSON's "keys" and in the header; `| sort by` orders the values, ties as counted.
    @Test func aCountByFieldSaysWhatItsLimitLeftOut() {
        let cut = json("count by field author | limit 1", corpus: Self.corpus)
        #expect(cut["keys"] as? Int == 3 && cut["shown"] as? Int == 1, "\(cut)")
        #expect(run("count by field author | limit 1", corpus: Self.corpus).out.hasPrefix("4 sentences by author, showing the first 1 of 3 values\n"))
        let byName = rows(json("count by field author | sort by author desc", corpus: Self.corpus)).map { "\($0["key"]!)" }
        #expect(byName == ["Bo Ek", "Ann Lee", "(none)"])
        let fewest = rows(json("count by source | sort by count | limit 2", corpus: Self.corpus)).map { "\($0["key"]!)=\($0["count"]!)" }
        #expect(fewest == ["(none)=1", "Blog=1"])
    }

    @Test func docsShowsAColumnPerField() {
        let r = rows(json("docs", corpus: Self.corpus))
        #expect(r.first?["author"] as? String == "Ann Lee")
        #expect(r.first?["source"] as? String == "wire")
        #expect(r.last?["source"] is NSNull)
        #expect(run("docs", corpus: Self.corpus).out.contains("source  author"))
    }

    @Test(arguments: [
        ("find source wyre", "no document has source 'wyre'", "wire"),
        ("find field autor Ann", "no document has a field 'autor'", "author"),
        ("count by field desks", "no document has a field 'desks'", "desk"),
    ])
    func unknownKeysAndValuesAreErrorsWithTheNearest(_ command: String, _ message: String, _ suggestion: String) {
        let r = run(command, corpus: Self.corpus)
        #expect(!r.ok)
        #expect(r.err.contains(message) && r.err.contains("did you mean '\(suggestion)'"), "\(r.err)")
    }

    @Test func aKeyThatIsNotOneWordIsAManifestError() {
        let (_, diagnostics) = loadCorpus([("a.txt", "Text.")], manifest: "doc a.txt\n  news desk: Africa\n")
        #expect(diagnostics.contains { $0.message.contains("a key is one word") && $0.location.line == 2 }, "\(diagnostics)")
    }
}
