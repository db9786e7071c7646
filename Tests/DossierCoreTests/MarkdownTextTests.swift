import Testing
@testable import DossierCore

/// A `.md` document is read as the text a reader sees rendered: a link's address, an image and a code block are no
/// text (they dated sentences and named places), the marks of headings, emphasis, quotes and lists are dropped.
@Suite("Markdown documents")
struct MarkdownTextTests {
    @Test(arguments: [
        ("# Wagner in Mali", "Wagner in Mali"),
        ("## Background ##", "Background"),
        ("The [Wagner Group](https://example.com/2019/05/wagner-russia) arrived in **Mali**.", "The Wagner Group arrived in Mali."),
        ("![photo of Bamako](img/2015-bamako.jpg)", ""),
        ("See [the report][un] and <https://un.org/2020/report>.", "See the report and ."),
        ("[un]: https://un.org/2020/report", ""),
        ("> Russia *denied* it, said __Lavrov__.", "Russia denied it, said Lavrov."),
        ("- France left in 2022", "France left in 2022"),
        ("12. Mali asked Russia", "Mali asked Russia"),
        ("The `snake_case` name and a * b stay.", "The snake_case name and a * b stay."),
        ("```\nlet year = 2015\n```\nMali voted.", "\n\n\nMali voted."),
        ("---\ntitle: Notes 2019\n---\nMali voted.", "\n\n\nMali voted."),
        ("Title\n=====\n\nText.", "Title\n\n\nText."),
        ("+++\ntitle = \"Notes\"\n+++\nMali voted.", "\n\n\nMali voted."),
        // A table's rows are paragraphs of their own, the delimiter row no text.
        ("| Year | Event |\n|:-----|------:|\n| 2021 | Wagner arrives |", "Year | Event\n\n\n2021 | Wagner arrives\n"),
        // Raw HTML is rendered, not shown; an indented code block is code (tester16 #8).
        ("<div>Raw HTML about Mali</div>", "Raw HTML about Mali"),
        // A comment is not shown; a footnote's definition is text (tester18 #17).
        ("Mali met Chad.<!-- a note\nnaming Niger -->\n\n[^1]: Source: Kenya National Archives, 1979.", "Mali met Chad.\n\n\nSource: Kenya National Archives, 1979."),
        ("Mali met Chad.\n\n    let year = 2015\n\nNiger voted.", "Mali met Chad.\n\n\n\nNiger voted."),
        ("- Mali met Chad\n\n    and Niger voted.", "Mali met Chad\n\nand Niger voted."),
        ("a < b and <Niger> is a word", "a < b and <Niger> is a word"),
        // Pathological lines are read in one pass: nested brackets, runs of marks, links never closed.
        (String(repeating: "[", count: 50_000) + "Mali met Chad." + String(repeating: "]", count: 50_000) + "(x)",
         String(repeating: "[", count: 49_999) + "Mali met Chad." + String(repeating: "]", count: 49_999)),
        (String(repeating: "*", count: 1_000) + " Mali", String(repeating: "*", count: 1_000) + " Mali"),
        (String(repeating: "[a](", count: 1_000) + " Mali", String(repeating: "[a](", count: 1_000) + " Mali"),
        ("[outer [inner](x) text](y) end", "outer inner text end"),
    ])
    func plainText(_ markdown: String, _ text: String) {
        #expect(String(decoding: MarkdownText.plain(Array(markdown.utf8)).text, as: UTF8.self) == text)
    }

    /// A hard line break (two spaces, a backslash or `<br>` at a line's end) keeps the next line apart, as an address's
    /// or a poem's lines are (tester16 #8: "Springfield, Illinois\\ Tom Hill" was one sentence with no name).
    @Test func hardLineBreaksKeepLinesApart() {
        let note = "Office of the Mayor  \nCity Hall<br>\nSpringfield, Illinois\\\nTom Hill\n\nMali met Chad\nin Bamako.\n"
        let markdown = MarkdownText.plain(Array(note.utf8))
        let clean = Cleaning.clean(markdown.text, furniture: Seeds.furniture, blockStarts: markdown.blockStarts)
        #expect(clean.paragraphs.map { String(decoding: clean.bytes[$0], as: UTF8.self) } == [
            "Office of the Mayor", "City Hall", "Springfield, Illinois", "Tom Hill", "Mali met Chad in Bamako.",
        ])
    }

    @Test func aMarkdownDocumentIsReadAsItsText() throws {
        let page = "# Wagner in Mali\n\n*Published 2021-09-20*\n\nThe [Wagner Group](https://example.com/2019/05/wagner-russia) arrived "
            + "in **Mali** after talks.\n\n![photo of Bamako](img/2015-bamako.jpg)\n\n```\ncode 1999\n```\n"
        let (corpus, _) = loadCorpus([("a.md", page)])
        let document = try #require(corpus.documents.first)
        #expect(document.title == "Wagner in Mali")
        let texts = corpus.sentenceTexts
        #expect(texts.contains("The Wagner Group arrived in Mali after talks."), "\(texts)")
        #expect(!texts.joined().contains("http") && !texts.joined().contains("1999") && !texts.joined().contains("Bamako"), "\(texts)")
        #expect(corpus.names(in: "arrived", .place) == ["Mali"])
    }

    /// Front matter gives the note's title, date and fields, as a web page's meta tags do: YAML or TOML, plain
    /// values, inline lists and "- item" lists; a manifest entry for the file outranks it.
    @Test(arguments: [
        ("---\ntitle: \"Wagner arrives\"\ndate: 2021-12-24T10:00:00Z\nauthor: Jane Roe\ntags:\n  - sahel\n  - \"russia, wagner\"\n"
         + "categories: [news, 'africa, west']\nparams:\n  weight: 3\n---\n\nRussian instructors arrived on Thursday.\n",
         "Wagner arrives", "2021-12-24", "author=Jane Roe tags=sahel tags=russia, wagner categories=news categories=africa, west"),
        ("+++\ntitle = \"Toml note\"\ndate = 2020-03-01\ntags = [\"a\", \"b\"]\n+++\nMali spoke on Monday.\n",
         "Toml note", "2020-03-01", "tags=a tags=b"),
        ("---\npublished: Sep 20, 2021\n---\nMali spoke on Monday.\n", "Mali spoke on Monday.", "2021-09-20", ""),
        // Not closed: no front matter, and its lines are text (one paragraph, as CommonMark reads them).
        ("---\ntitle: Unclosed\nMali spoke on Monday.\n", "title: Unclosed Mali spoke on Monday.", nil, ""),
    ] as [(String, String, String?, String)])
    func frontMatterDescribesTheNote(_ markdown: String, _ title: String, _ date: String?, _ fields: String) throws {
        let (corpus, _) = loadCorpus([("note.md", markdown)])
        let document = try #require(corpus.documents.first)
        #expect(document.title == title)
        #expect(document.date?.label == date)
        #expect(document.dateSource == (date == nil ? .unknown : .frontMatter))
        #expect(document.fields.map { "\($0.key)=\($0.value)" }.joined(separator: " ") == fields)
    }

    @Test func aManifestOutranksFrontMatter() throws {
        let (corpus, _) = loadCorpus([("note.md", "---\ntitle: Mine\ndate: 2020-01-01\nauthor: A\n---\nMali spoke.\n")],
                                     manifest: "doc note.md\n  date: 2019\n  author: B\n")
        let document = try #require(corpus.documents.first)
        #expect(document.title == "Mine")
        #expect(document.date?.label == "2019")
        #expect(document.dateSource == .manifest)
        #expect(document.fieldValues("author") == ["B"])
    }
}
