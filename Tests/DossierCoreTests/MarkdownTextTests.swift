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
    ])
    func plainText(_ markdown: String, _ text: String) {
        #expect(String(decoding: MarkdownText.plain(Array(markdown.utf8)), as: UTF8.self) == text)
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
}
