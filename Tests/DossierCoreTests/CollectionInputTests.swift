import Foundation
import Glibc
import Testing
@testable import DossierCore
import DossierTime

/// News collections as JSON Lines and CSV: one document per line or row, metadata as document fields, and every
/// bad line named (file, line, column) while the rest loads.
@Suite struct CollectionInputTests {
    /// What a warning says and where: "file:line:column message-fragment".
    static func located(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.location.file.split(separator: "/").last ?? ""):\($0.location.line):\($0.location.column) \($0.message)" }
    }

    @Test func jsonLinesGiveOneDocumentPerLineWithTheirFields() {
        let lines = [
            #"{"id": "afp-1", "title": "Treaty signed", "date": "2021-09-20T23:47:00Z", "source": "agency", "url": "https://example.org/1", "words": 12, "paywall": false, "tags": ["treaty", "Russia"], "text": "Russia signed a treaty with France in March 2020.\n\nMoscow welcomed it."}"#,
            #"{"text": "The Wagner Group left Mali in 2023.", "author": null}"#,
        ]
        let (corpus, diagnostics) = loadCorpus([("news.jsonl", lines.joined(separator: "\n") + "\n")])
        #expect(diagnostics.filter { $0.severity != .note }.isEmpty)
        #expect(corpus.documents.map(\.id) == ["afp-1", "news-2"])
        let first = corpus.documents[0]
        #expect(first.title == "Treaty signed")
        #expect(first.date == Period.day(2021, 9, 20))
        #expect(first.kind == "agency")
        #expect(first.paragraphCount == 2)
        #expect(first.fields == [DocumentField(key: "paywall", value: "false"), DocumentField(key: "source", value: "agency"),
                                 DocumentField(key: "tags", value: "treaty"), DocumentField(key: "tags", value: "Russia"),
                                 DocumentField(key: "url", value: "https://example.org/1"),
                                 DocumentField(key: "words", value: "12")])
        #expect(first.path.hasSuffix("news.jsonl:1"))
        #expect(corpus.documents[1].fields.isEmpty)
        #expect(corpus.names(in: "treaty", .actor) == ["Russia", "France"])
        #expect(corpus.names(in: "left Mali", .actor) == ["Wagner Group", "Mali"])
    }

    /// A list of authors or tags is a field with several values: each finds the document, and a count by the field
    /// counts it under each, saying why the rows add up to more (as jq's `.authors | index("Bo Kim")` finds it).
    @Test func aListIsAFieldWithSeveralValues() {
        let lines = [#"{"id": "p1", "authors": ["Ann Lee", "Bo Kim"], "text": "Russia spoke in 2020."}"#,
                     #"{"id": "p2", "authors": ["Bo Kim"], "text": "Mali spoke in 2021. Chad spoke too."}"#]
        let (corpus, _) = loadCorpus([("papers.jsonl", lines.joined(separator: "\n"))])
        #expect(corpus.documents[0].fieldValues("authors") == ["Ann Lee", "Bo Kim"])
        #expect(corpus.documents[0].field("authors") == "Ann Lee; Bo Kim")
        #expect(run(#"count field authors "bo kim""#, corpus: corpus).out == "3 sentences\n")
        #expect(run(#"count field authors "Ann Lee""#, corpus: corpus).out == "1 sentence\n")
        let counts = run("count by field authors", corpus: corpus).out
        #expect(counts.contains("a document with several values of authors counts under each"))
        #expect(counts.contains("Bo Kim   3\nAnn Lee  1"), "\(counts)")
        // Exports and `dossier annotate` give the list as a list.
        #expect(corpus.documents[0].fieldsValue.json == #"{"authors": ["Ann Lee", "Bo Kim"]}"#)
        #expect(corpus.documents[1].fieldsValue.json == #"{"authors": "Bo Kim"}"#)
    }

    /// Feeds and scrapers name the text and the date their own way: `content`, `body`, `maintext`; `publish_date`,
    /// `pubDate`, in RFC 2822, in words, or as seconds since 1970.
    @Test(arguments: [
        (#"{"title": "A", "content": "Russia spoke.", "publish_date": "2021-09-20 10:00:00"}"#, "2021-09-20"),
        (#"{"title": "B", "text": "Niger spoke.", "date": "Mon, 20 Sep 2021 10:00:00 GMT"}"#, "2021-09-20"),
        (#"{"title": "C", "text": "Sudan spoke.", "date": 1632132000}"#, "2021-09-20"),
        (#"{"title": "D", "body": "Chad spoke.", "pubDate": "Sep 21, 2021"}"#, "2021-09-21"),
        (#"{"title": "E", "maintext": "Mali spoke.", "date_publish": "1632132000000"}"#, "2021-09-20"),
    ])
    func feedKeysGiveTheTextAndTheDate(_ line: String, _ date: String) {
        let (corpus, diagnostics) = loadCorpus([("feed.jsonl", line + "\n")])
        #expect(diagnostics.filter { $0.severity == .warning }.isEmpty, "\(Self.located(diagnostics))")
        #expect(corpus.documents.first?.date?.label == date)
        #expect(corpus.documents.first?.fields.isEmpty == true, "the date's key is not kept as a field as well")
        #expect(corpus.sentenceTexts.count == 1)
    }

    /// A text written as HTML (WordPress `content.rendered`, RSS `content:encoded`) is read as a page's paragraphs are:
    /// tags and entities are no words, each `<p>` its own paragraph (tester14 #27); text holding a `<` or `&` that is no
    /// markup is read as it is.
    @Test(arguments: [
        (#"{"text": "<p>Russia met <b>Mali</b> on Monday.</p><p>Chad &amp; Niger agreed.</p>"}"#,
         ["Russia met Mali on Monday.", "Chad & Niger agreed."], [1, 2]),
        (#"{"text": "<div class=\"share-buttons\">Share this</div><p>Sudan&#8217;s army left.</p><script>var x = 1;</script>"}"#,
         ["Sudan’s army left."], [1]),
        (#"{"text": "Chad &amp; Niger agreed.\n\nThe talks ended."}"#, ["Chad & Niger agreed.", "The talks ended."], [1, 2]),
        (#"{"text": "R&D spending rose in Chad, where 3 < 4 and <Niger> is a word."}"#,
         ["R&D spending rose in Chad, where 3 < 4 and <Niger> is a word."], [1]),
        // A tag named in a sentence is text, not markup (tester16 #17: all after "<title>" was lost); a void tag glued to
        // words is markup.
        (#"{"text": "Google said the <title> tag matters. Developers wrap text in <p> elements, Mali said.\n\nChad disagreed."}"#,
         ["Google said the <title> tag matters.", "Developers wrap text in <p> elements, Mali said.", "Chad disagreed."], [1, 1, 2]),
        (#"{"text": "Use <br> sparingly, Chad said."}"#, ["Use <br> sparingly, Chad said."], [1]),
        (#"{"text": "Russia met Mali.<br>Chad met <b>Niger</b>."}"#, ["Russia met Mali.", "Chad met Niger."], [1, 1]),
        // As APIs wrap it (tester16 #10): WordPress's {"rendered": ...}, feedparser's [{"type": ..., "value": ...}].
        (#"{"id": 101, "title": {"rendered": "Talks"}, "content": {"rendered": "<p>Russia met <b>Mali</b> on Monday.</p>\n<p>Chad agreed.</p>", "protected": false}}"#,
         ["Russia met Mali on Monday.", "Chad agreed."], [1, 2]),
        (#"{"content": [{"type": "text/html", "language": null, "value": "<p>Russia met Mali on Monday.</p><p>Chad agreed.</p>"}]}"#,
         ["Russia met Mali on Monday.", "Chad agreed."], [1, 2]),
        // A list of strings is the text's paragraphs (tester17 #26: one sentence "Kenya met Uganda.; Ghana met Togo.").
        (#"{"id": "c", "text": ["Kenya met Uganda.", "Ghana met Togo."]}"#, ["Kenya met Uganda.", "Ghana met Togo."], [1, 2]),
        (#"{"body": ["Kenya met Uganda on Monday", "and Ghana met Togo."]}"#, ["Kenya met Uganda on Monday", "and Ghana met Togo."], [1, 2]),
    ])
    func aTextWrittenAsHTMLIsReadAsAPage(_ line: String, _ sentences: [String], _ paragraphs: [Int]) {
        let (corpus, diagnostics) = loadCorpus([("feed.jsonl", line + "\n")])
        #expect(diagnostics.filter { $0.severity == .warning }.isEmpty, "\(Self.located(diagnostics))")
        #expect(corpus.sentenceTexts == sentences)
        #expect(corpus.sentences.map { Int($0.paragraph) + 1 } == paragraphs)
    }

    /// A title and fields written as HTML are their text too (tester17 #7: WordPress's "Mali &#038; Chad&#8217;s pact"
    /// stayed so in `docs`, exports and counts by field).
    @Test func aTitleAndFieldsWrittenAsHTMLAreTheirText() throws {
        let line = #"{"id": 8, "title": {"rendered": "Mali &#038; Chad&#8217;s pact &amp; more"}, "content": {"rendered": "<p>Russia met Mali.</p>"}, "#
            + #""excerpt": {"rendered": "<p>Short &amp; sweet</p>"}, "tag": "R&D <Niger>"}"#
        let (corpus, _) = loadCorpus([("wp.jsonl", line + "\n")])
        let document = try #require(corpus.documents.first)
        #expect(document.title == "Mali & Chad’s pact & more")
        #expect(document.fields.map { "\($0.key)=\($0.value)" } == ["excerpt=Short & sweet", "tag=R&D <Niger>"])
    }

    /// Dates written `A/B/YYYY` are read one way for the whole file: day first when a first number is above 12 (a
    /// European export), month first otherwise, said when nothing in the file decides (tester15 #30: each row was read
    /// month first, so 03/04 was March beside 25/04 in April).
    @Test(arguments: [
        (["03/04/2021", "25/04/2021", "11/04/2021"], ["2021-04-03", "2021-04-25", "2021-04-11"], ""),
        (["03/04/2021", "04/25/2021"], ["2021-03-04", "2021-04-25"], ""),
        (["03/04/2021", "04/05/2021"], ["2021-03-04", "2021-04-05"], "are read month first, as no number of this file says which comes first"),
        (["13/04/2021", "04/25/2021"], ["", "2021-04-25"], "written both day first and month first in this file"),
        // With a time after it, or a year of two digits, as spreadsheets export them (tester16 #6).
        (["03/04/2021 10:00", "25/04/2021 09:30", "3/4/21"], ["2021-04-03", "2021-04-25", "2021-04-03"], ""),
    ])
    func slashDatesAreReadOneWayPerFile(_ dates: [String], _ days: [String], _ said: String) {
        let csv = "id,date,text\n" + dates.enumerated().map { "r\($0.offset),\($0.element),Mali met Chad." }.joined(separator: "\n") + "\n"
        let (corpus, diagnostics) = loadCorpus([("d.csv", csv)])
        #expect(corpus.documents.map { $0.date?.label ?? "" } == days)
        let notes = diagnostics.filter { $0.message.contains("slashes") }
        #expect(said.isEmpty ? notes.isEmpty : notes.count == 1 && notes[0].message.contains(said), "\(notes.map(\.message))")
        #expect(corpus.documents.allSatisfy { $0.fields.isEmpty }, "the date is no field")
    }

    /// A date with slashes that both orders read, in a document's text or as its date line, page or front matter date,
    /// follows the order the document shows: its collection file's, else its own dates that read one way only (tester16
    /// #12 and #14: "Niger met Sudan on 05/04/2021." in a story dated 26/04/2021 was 4 May, after its publication).
    /// With nothing to say the order, it is read month first, as before.
    @Test(arguments: [
        ("t.csv", "id,date,text\na,25/04/2021,Mali met Chad on 03/04/2021.\nb,26/04/2021,Niger met Sudan on 05/04/2021.\n",
         ["2021-04-25", "2021-04-26"], ["2021-04-03", "2021-04-05"]),
        ("d.txt", "Published: 25/04/2021\n\nMali met Chad on 03/04/2021. Peru met Chile on 20/04/2021.\n",
         ["2021-04-25"], ["2021-04-25", "2021-04-03", "2021-04-20"]),
        ("d.txt", "Published: 03/04/2021\n\nMali met Chad on 20/03/2021 in Bamako.\n", ["2021-04-03"], ["2021-04-03", "2021-03-20"]),
        ("a.html", #"<html><head><meta name="date" content="03/04/2021"></head><body><article><p>Mali met Chad on 20/04/2021 in Bamako, officials said.</p></article></body></html>"#,
         ["2021-04-03"], ["2021-04-20"]),
        ("c.md", "---\ntitle: Talks\ndate: 03/04/2021\n---\n\nMali met Chad on 20/04/2021 in Bamako.\n", ["2021-04-03"], ["2021-04-20"]),
        ("e.txt", "Published: 03/04/2021\n\nMali met Chad on 02/03/2021 in Bamako.\n", ["2021-03-04"], ["2021-03-04", "2021-02-03"]),
        ("f.txt", "Published: 04/25/2021\n\nMali met Chad on 03/04/2021 in Bamako.\n", ["2021-04-25"], ["2021-04-25", "2021-03-04"]),
    ])
    func slashDatesFollowTheDocumentsOrder(_ name: String, _ content: String, _ documents: [String], _ sentences: [String]) {
        let corpus = loadCorpus([(name, content)]).0
        #expect(corpus.documents.map { $0.date?.label ?? "" } == documents)
        #expect((0..<corpus.sentences.count).map { corpus.time(of: corpus.sentences[$0])?.label ?? "" } == sentences)
    }

    /// A document's own date with slashes that both orders read, with nothing in it to say which, is read month first
    /// and said so (tester16 #12: it was said for a collection file only).
    @Test(arguments: [
        ("g.txt", "Published: 03/04/2021\n\nMali met Chad in Bamako.\n", true),
        ("h.html", #"<html><head><meta name="date" content="03/04/2021"></head><body><article><p>Mali met Chad in Bamako, officials said.</p></article></body></html>"#, true),
        ("d.txt", "Published: 03/04/2021\n\nMali met Chad on 20/03/2021 in Bamako.\n", false),
        ("e.txt", "Published: 25/04/2021\n\nMali met Chad in Bamako.\n", false),
    ])
    func anUnsureSlashDateIsSaid(_ name: String, _ content: String, _ said: Bool) {
        let notes = loadCorpus([(name, content)]).1.filter { $0.message.contains("is read month first") }
        #expect(notes.count == (said ? 1 : 0), "\(notes.map(\.message))")
    }

    /// A key or column given twice keeps its last value, as JSON readers do, and says so: the first text or date was
    /// lost without a word (tester14 #14). Keys inside a nested object or a list are not the record's.
    @Test(arguments: [
        ("dup.jsonl", #"{"id": "d1", "text": "Chad met Niger.", "text": "Sudan met Egypt.", "date": "2021", "date": "2019"}"#,
         ["dup.jsonl:1:1 'text' is given more than once in this line; its last value is used",
          "dup.jsonl:1:1 'date' is given more than once in this line; its last value is used"]),
        ("dup.jsonl", #"{"id": "d1", "text": "Sudan met Egypt.", "meta": {"text": "x", "id": "y"}, "tags": ["text", "text"]}"#, []),
        ("dup.csv", "id,text,text\nd1,Chad met Niger.,Sudan met Egypt.", ["dup.csv:1:1 the column 'text' is given 2 times (columns 2, 3); its last is used"]),
    ])
    func aKeyGivenTwiceIsSaid(_ name: String, _ content: String, _ expected: [String]) {
        let (corpus, diagnostics) = loadCorpus([(name, content + "\n")])
        #expect(Self.located(diagnostics.filter { $0.severity == .warning }) == expected)
        #expect(corpus.sentenceTexts == ["Sudan met Egypt."])
    }

    /// A line with no text under any key says which keys it has.
    @Test func aLineWithoutTextNamesItsKeys() {
        let (_, diagnostics) = loadCorpus([("feed.jsonl", #"{"title": "A", "lede": "Russia spoke."}"# + "\n" + #"{"text": "Mali spoke."}"# + "\n")])
        #expect(Self.located(diagnostics.filter { $0.severity == .warning })
                == ["feed.jsonl:1:1 no 'text' (its keys: lede, title); this line is not loaded"])
    }

    /// feedparser's entries as `json.dumps` writes them (tester19 #14), and scraped datasets' columns (tester19 #5): an
    /// entry with only a `summary` or a `description` is read, the fuller `content` first when there is one; a list of
    /// objects that each carry one string (`tags`, `authors`, `links`) is a field of several values; `headline` or
    /// `heading` is the title when there is no `title`.
    @Test(arguments: [
        ("feed.jsonl", #"{"title": "Space Exploration", "link": "http://liftoff.msfc.nasa.gov/", "published": "Fri, 30 May 2003 11:06:42 GMT", "summary": "Sky watchers in Europe will see a partial eclipse of the Sun on Saturday, May 31st.", "tags": [{"term": "Eclipse", "scheme": null, "label": null}], "id": "item572"}"#,
         "Space Exploration", ["Sky watchers in Europe will see a partial eclipse of the Sun on Saturday, May 31st."],
         ["link: http://liftoff.msfc.nasa.gov/", "tags: Eclipse"]),
        ("feed.jsonl", #"{"title": "Star City", "summary": "How do Americans get ready?", "content": [{"type": "text/html", "value": "<p>How do Americans get ready? They train at Russia&#8217;s Star City.</p>"}], "tags": [{"term": "Space", "scheme": null, "label": null}, {"term": "Russia", "scheme": null, "label": null}], "authors": [{"name": "Ann Lee", "email": "ann@example.org"}], "id": "item573"}"#,
         "Star City", ["How do Americans get ready?", "They train at Russia’s Star City."],
         ["authors: Ann Lee", "summary: How do Americans get ready?", "tags: Space", "tags: Russia"]),
        ("newsapi.jsonl", #"{"source": {"id": null, "name": "Reuters"}, "title": "Mali votes", "description": "Mali voted on Sunday.", "content": "", "links": [{"rel": "alternate", "href": "https://example.org/mali"}]}"#,
         "Mali votes", ["Mali voted on Sunday."], [#"links: https://example.org/mali"#, #"source: {"id":null,"name":"Reuters"}"#]),
        ("credible.csv", "Headline,Content,Authors,Date\n\"Duterte at it again, questions God’s fairness\",\"President Duterte questioned God’s fairness on Monday.\",Inquirer,2018-03-14\n",
         "Duterte at it again, questions God’s fairness", ["President Duterte questioned God’s fairness on Monday."], ["authors: Inquirer"]),
        ("scraped.jsonl", #"{"heading": "Chad closes border", "article": "Chad closed its border with Sudan."}"#,
         "Chad closes border", ["Chad closed its border with Sudan."], []),
    ])
    func feedparserAndDatasetKeysGiveTheTextTitleAndFields(_ name: String, _ record: String, _ title: String, _ sentences: [String],
                                                           _ fields: [String]) {
        let (corpus, diagnostics) = loadCorpus([(name, record + "\n")])
        #expect(diagnostics.filter { $0.severity == .warning }.isEmpty, "\(Self.located(diagnostics))")
        #expect(corpus.documents.first?.title == title)
        #expect(corpus.sentenceTexts == sentences)
        #expect(corpus.documents.first?.fields.map { "\($0.key): \($0.value)" } == fields)
    }

    /// A `.json` file is read as the JSON it is (tester20 #13: an array of articles was skipped in a folder, and read as
    /// prose titled "[" when named): an array of objects, numbered by their place, or a news API's answer holding one
    /// list, with a note; `desc` is the text and `publishedAt` or a `time` that is a date the date. A `.json` of no
    /// documents says what keys it has.
    @Test func aJSONFileIsItsArrayOfArticles() {
        let array = """
        [
          {"title": "Kenya protests grow", "desc": "Protesters marched in Nairobi as President William Ruto faced pressure.", "time": "2024-06-25", "src": "TOI"},
          {"title": "Court rules", "desc": "A court in Islamabad granted Imran Khan bail.", "time": "10:30", "src": "Hindu"}
        ]
        """
        let api = #"{"status": "ok", "totalResults": 1, "articles": [{"title": "Mali junta", "content": "Mali's junta met officials in Bamako.", "publishedAt": "2022-01-03T10:00:00Z"}]}"#
        let (corpus, diagnostics) = loadCorpus([("toi.json", array), ("api.json", api), ("package.json", #"{"name": "app", "version": "1.0.0"}"#)])
        #expect(Self.located(diagnostics).sorted() == [
            "api.json:1:1 the objects of its list 'articles' are read as records, numbered by their place in it",
            "package.json:1:1 item 1: no 'text' (its keys: name, version); it is not loaded",
        ])
        #expect(corpus.documents.map(\.id).sorted() == ["api-1", "toi-1", "toi-2"])
        #expect(corpus.documents.map { $0.date?.label ?? "-" }.sorted() == ["-", "2022-01-03", "2024-06-25"])
        #expect(corpus.names(in: "Protesters marched", .actor).contains("William Ruto"))
        #expect(corpus.documents.first { $0.id == "toi-2" }?.fields.map { "\($0.key): \($0.value)" } == ["src: Hindu", "time: 10:30"])
    }

    /// A `text` that is a number or a list is loaded as written, with a warning naming its line: most likely a mistake.
    @Test func aTextThatIsNotAStringIsSaid() {
        let (corpus, diagnostics) = loadCorpus([("n.jsonl", #"{"id": "a", "text": "Mali voted."}"# + "\n" + #"{"id": "b", "text": 5}"# + "\n")])
        #expect(corpus.documents.map(\.id) == ["a", "b"])
        #expect(Self.located(diagnostics.filter { $0.severity != .note }) == ["n.jsonl:2:1 'text' is not a string but 5; it is read as written"])
    }

    /// Two records with one id: both load, and the second is named with a warning, since `doc ID` finds only the first.
    @Test(arguments: [("n.jsonl", #"{"id": "a", "text": "Mali voted."}"# + "\n" + #"{"id": "b", "text": "Chad voted."}"# + "\n"
                           + #"{"id": "a", "text": "Niger voted."}"# + "\n", "n.jsonl:3:1"),
                      ("n.csv", "id,text\na,Mali voted.\nb,Chad voted.\na,Niger voted.\n", "n.csv:4:1")])
    func aRepeatedIdIsSaid(_ name: String, _ content: String, _ place: String) {
        let (corpus, diagnostics) = loadCorpus([(name, content)])
        #expect(corpus.documents.count == 3)
        #expect(Set(corpus.documents.map(\.id)).count == 3)
        let line = name.hasSuffix(".csv") ? 2 : 1
        #expect(Self.located(diagnostics.filter { $0.severity != .note })
                    == ["\(place) id 'a' is already the id of line \(line); this record gets an id made from its place in the file (`docs` lists it)"])
    }

    /// Records of two files with the same ids keep their own ids after the later file's folder and name (tester17 #26:
    /// "b/feed.jsonl:1" was the record's line, so a result could not be joined back to its record by id).
    @Test func recordsOfTwoFilesWithOneIdKeepTheirOwnIds() {
        let (corpus, _) = loadCorpus([("a/feed.jsonl", #"{"id": "1", "text": "Kenya met Uganda."}"# + "\n"),
                                      ("b/feed.jsonl", #"{"id": "7", "text": "Chad met Niger."}"# + "\n" + #"{"id": "1", "text": "India met Nepal."}"# + "\n"),
                                      ("b/other.csv", "id,text\n1,Peru met Chile.\n")])
        #expect(corpus.documents.map(\.id).sorted() == ["1", "7", "b/feed/1", "b/other/1"])
    }

    /// The same article saved in several formats in one folder: the later files are named by their file names
    /// (tester19 #18i: "./report", "./report#2"); a file of another folder by its folder.
    @Test func filesOfOneNameAreToldApartByWhatTellsThemApart() {
        let (corpus, _) = loadCorpus([("report.html", "<html><body><p>Togo met Ghana.</p></body></html>"), ("report.md", "Mali met Chad.\n"),
                                      ("report.txt", "Niger met Benin.\n"), ("copy/report.txt", "Peru met Chile.\n")])
        let ids = corpus.documents.map(\.id)
        #expect(Set(ids).count == 4 && ids.contains("report") && ids.contains("report.md") && ids.contains("report.txt"), "\(ids)")
    }

    /// A collection saved as UTF-16 or UTF-32 with its byte-order mark (Excel's "Unicode Text", PowerShell's default)
    /// loads as the same text in UTF-8 does: its header was read as bytes and nothing in the file loaded.
    @Test(arguments: [("news.csv", "text,date\nNiger's army took power.,2023-07-26\n"),
                      ("news.jsonl", #"{"text": "Niger's army took power.", "date": "2023-07-26"}"# + "\n")])
    func wideEncodingsOfACollectionAreRead(_ name: String, _ text: String) throws {
        let units: [UInt16] = Array(text.utf16), scalars: [UInt32] = text.unicodeScalars.map(\.value)
        let littleEndian: [UInt8] = units.flatMap { (u: UInt16) -> [UInt8] in [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let bigEndian: [UInt8] = units.flatMap { (u: UInt16) -> [UInt8] in [UInt8(u >> 8), UInt8(u & 0xFF)] }
        let wide: [UInt8] = scalars.flatMap { (v: UInt32) -> [UInt8] in [0, 8, 16, 24].map { UInt8((v >> UInt32($0)) & 0xFF) } }
        let encodings: [[UInt8]] = [[0xFF, 0xFE] + littleEndian, [0xFE, 0xFF] + bigEndian, [0xFF, 0xFE, 0, 0] + wide]
        for bytes in encodings {
            let dir = TempDir()
            defer { dir.remove() }
            #expect(FileManager.default.createFile(atPath: dir.path + "/" + name, contents: Data(bytes)))
            var loader = CorpusLoader()
            _ = loader.addResources(from: Paths.seeds)
            let (corpus, diagnostics) = loader.load([dir.path])
            #expect(diagnostics.filter { $0.severity != .note }.isEmpty, "\(Self.located(diagnostics))")
            #expect(corpus.documents.map(\.date) == [Period.day(2023, 7, 26)])
            #expect(corpus.names(in: "army", .actor) == ["Niger"])
        }
    }

    /// A lone UTF-16 surrogate escape, half an emoji a scraper cut, is U+FFFD with a warning, and the record is kept
    /// (tester18 #11: it was lost); a whole pair is the character.
    @Test func aLoneSurrogateEscapeKeepsItsRecord() {
        let lines = #"{"text": "Mali met \ud800 Chad on 3 May 2021."}"# + "\n" + #"{"text": "Niger met Benin \ud83d\ude00 in 2020."}"# + "\n"
        let (corpus, diagnostics) = loadCorpus([("sur.jsonl", lines)])
        #expect(corpus.sentenceTexts == ["Mali met \u{FFFD} Chad on 3 May 2021.", "Niger met Benin 😀 in 2020."])
        #expect(Self.located(diagnostics) == ["sur.jsonl:1:20 a lone UTF-16 surrogate escape (half of a character) read as U+FFFD"], "\(Self.located(diagnostics))")
    }

    /// A CSV whose header is parted by semicolons, as Excel writes "CSV" in most of continental Europe, is read so;
    /// a comma inside its cells is text (tester18 #23: it was refused).
    @Test func aSemicolonSpreadsheetIsRead() {
        let (corpus, diagnostics) = loadCorpus([("semi.csv", "title;date;text\nA;2021-05-03;Mali met Chad, and Niger.\nB;2021-05-04;\"Chad; Niger met.\"\n")])
        #expect(corpus.sentenceTexts == ["Mali met Chad, and Niger.", "Chad; Niger met."], "\(Self.located(diagnostics))")
        #expect(corpus.documents.map { $0.date?.label } == ["2021-05-03", "2021-05-04"])
    }

    /// A CSV saved in Windows-1252 (Excel's "CSV" on a European Windows) is read as such, with the warning a document
    /// gets: its £, é and curly quotes were U+FFFD without a word (tester17 #9).
    @Test func aWindows1252SpreadsheetIsReadWithAWarning() {
        let bytes: [UInt8] = Array("title,date,text\r\nA,2021-02-01,Caf".utf8) + [0xE9] + Array(" owners in Montr".utf8) + [0xE9]
            + Array("al paid ".utf8) + [0xA3] + Array("3bn said ".utf8) + [0x93] + Array("Ma".utf8) + [0xEF] + Array("ga".utf8) + [0x94]
            + Array(".\r\n".utf8)
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("news.csv", bytes: bytes)
        var loader = CorpusLoader()
        _ = loader.addResources(from: Paths.seeds)
        let (corpus, diagnostics) = loader.load([dir.path])
        #expect(corpus.sentenceTexts == ["Café owners in Montréal paid £3bn said “Maïga”."])
        #expect(Self.located(diagnostics).contains { $0.contains("news.csv:2:17 not valid UTF-8; read as Windows-1252 (Latin-1)") },
                "\(Self.located(diagnostics))")
    }

    /// A row whose id another document has is named by its file and line (`news.jsonl:2`); its sentences are named as
    /// any others, the number after the last colon, so the ids `find` prints can be pasted into `show sentence`.
    @Test func aSentenceOfARowNamedByItsLineCanBeShown() {
        let (corpus, _) = loadCorpus([("news.jsonl", #"{"id": "a", "text": "France spoke."}"# + "\n" + #"{"id": "a", "text": "Mali spoke in 2010."}"#)])
        let id = corpus.documents.map(\.id).first { $0.contains(":") } ?? "none"
        let r = run("show sentence \"\(id):1\"", corpus: corpus)
        #expect(r.ok && r.out.contains("Mali spoke in 2010."), "\(corpus.documents.map(\.id)): \(r.err)")
        #expect(!run("show sentence \":1\"", corpus: corpus).ok)
    }

    @Test func aYearInTheCollectionsFileNameDoesNotDateItsRecords() {
        let (corpus, _) = loadCorpus([("news-2019.jsonl", #"{"text": "France spoke."}"# + "\n" + #"{"text": "Paris, 3 May 2021 - Mali spoke."}"#)])
        #expect(corpus.documents.map { $0.date?.label } == [nil, "2021-05-03"])
    }

    @Test(arguments: [
        (#"{"text": broken}"#, "news.jsonl:2:10 not valid JSON"),
        (#"{"title": "no text here"}"#, "news.jsonl:2:1 no 'text'"),
        (#"{"text": "   "}"#, "news.jsonl:2:1 'text' is empty"),
        (#"["Russia", "France"]"#, "news.jsonl:2:1 not a JSON object"),
        (#"{"text": "Russia", "#, "news.jsonl:2:"),
    ])
    func aBadJsonLineIsNamedAndTheRestLoads(bad: String, expected: String) {
        let good = #"{"id": "ok", "text": "France and Russia met in 2021."}"#
        let (corpus, diagnostics) = loadCorpus([("news.jsonl", [good, bad, good.replacingOccurrences(of: "\"ok\"", with: "\"ok2\"")].joined(separator: "\n"))])
        #expect(corpus.documents.map(\.id) == ["ok", "ok2"])
        let said = Self.located(diagnostics)
        #expect(said.count == 1)
        #expect(said.first?.hasPrefix(expected) == true, "\(said)")
        #expect(said.first?.hasSuffix("this line is not loaded") == true)
    }

    /// One unreadable cell does not cost a document its text: it loads undated, and the warning says so.
    @Test(arguments: [
        ("news.jsonl", #"{"id": "a", "text": "Russia sent troops.", "date": "last week"}"# + "\n" + #"{"id": "b", "text": "Mali spoke.", "date": "2021-13-45"}"#,
         ["news.jsonl:1:1 date 'last week' is not", "news.jsonl:2:1 date '2021-13-45' is not"]),
        ("wire.csv", "id,date,text\na,yesterday,Russia sent troops.\nb,2021,Mali spoke.\n", ["wire.csv:2:1 date 'yesterday' is not"]),
    ])
    func aBadDateLoadsTheDocumentUndated(file: String, content: String, expected: [String]) {
        let (corpus, diagnostics) = loadCorpus([(file, content)])
        #expect(corpus.documents.map(\.id) == ["a", "b"])
        #expect(corpus.documents[0].date == nil)
        #expect(corpus.sentenceTexts.contains("Russia sent troops."))
        let said = Self.located(diagnostics)
        #expect(said.count == expected.count, "\(said)")
        for (line, prefix) in zip(said, expected) {
            #expect(line.hasPrefix(prefix), "\(said)")
            #expect(line.hasSuffix("the document is loaded without a date"), "\(line)")
        }
    }

    @Test func csvWithQuotedCellsAcrossLines() {
        let csv = "id,Title,date,source,text\r\n"
            + "c1,\"Talks, at last\",2022-05-01,wire,\"Russia said \"\"no\"\".\nMali answered in June 2022.\"\r\n"
            + "c2,Plain,2022,wire,France spoke.\r\n"
        let (corpus, diagnostics) = loadCorpus([("wire.csv", csv)])
        #expect(diagnostics.filter { $0.severity != .note }.isEmpty)
        #expect(corpus.documents.map(\.id) == ["c1", "c2"])
        #expect(corpus.documents[0].title == "Talks, at last")
        #expect(corpus.documents[0].paragraphCount == 2)
        #expect(corpus.sentenceTexts.contains("Russia said \"no\"."))
        #expect(corpus.documents[1].date == Period.year(2022))
        #expect(corpus.documents[1].path.hasSuffix("wire.csv:4"))
        #expect(corpus.documents[0].field("source") == "wire")
    }

    @Test(arguments: [
        ("title,lede\nx,Russia\n", [String](), ["wire.csv:1:1 no 'text' column in the header"]),
        ("id,text\na,Russia met France.\nb,\"Mali\" and more\nc,Chad spoke.\n", ["a", "c"], ["wire.csv:3:9 text after a closing quote"]),
        ("id,text\na,Russia met France.\nb,one,two\nc,Chad spoke.\n", ["a", "c"], ["wire.csv:3:1 3 cells where the header has 2"]),
        ("id,text\na,Russia met France.\nb,\"never closed\nc,Chad spoke.\n", ["a"], ["wire.csv:3:3 quoted cell never closed"]),
        ("id,text\n", [String](), ["wire.csv:1:1 no documents in this file"]),
    ])
    func aBadCsvRowIsNamedWithItsColumn(csv: String, ids: [String], expected: [String]) {
        let (corpus, diagnostics) = loadCorpus([("wire.csv", csv)])
        #expect(corpus.documents.map(\.id) == ids)
        let said = Self.located(diagnostics)
        #expect(said.count == expected.count)
        for (line, prefix) in zip(said, expected) { #expect(line.hasPrefix(prefix), "\(line)") }
    }

    @Test func aCollectionFileThatIsNotARegularFileIsRefusedLikeAnyDocument() throws {
        let dir = TempDir()
        defer { dir.remove() }
        #expect(mkfifo(dir.path + "/feed.jsonl", 0o600) == 0)
        let (corpus, diagnostics) = CorpusLoader().load([dir.path])
        #expect(corpus.documents.isEmpty)
        #expect(Self.located(diagnostics).contains { $0.contains("FIFO") })
    }
}
