import Testing
@testable import DossierCore
import DossierTime

/// Saved web pages read as their article: title, date and paragraphs from the page, navigation, comments, cookie
/// banners and footers gone, so a name that appears only there is not found; pages without an article, binary
/// files and hostile text named or made harmless while the rest loads.
@Suite struct WebPageTests {
    static let folder = Paths.package + "/Tests/DossierCoreTests/WebPages"

    static let loaded: (corpus: Corpus, diagnostics: [Diagnostic]) = {
        var loader = CorpusLoader()
        _ = loader.addResources(from: Paths.seeds)
        return loader.load([folder])
    }()

    static func document(_ id: String) -> Document? { loaded.corpus.documents.first { $0.id == id } }

    static func paragraphs(_ document: Document) -> [String] {
        String(decoding: document.text, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// The paragraphs `WebPage.read` makes of some HTML, or the problem it reports.
    static func read(_ html: String) -> Result<[String], WebPage.Problem> {
        read(Array(html.utf8))
    }

    static func read(_ bytes: [UInt8]) -> Result<[String], WebPage.Problem> {
        WebPage.read(bytes).map { $0.paragraphs.map { String(decoding: $0, as: UTF8.self) } }
    }

    // MARK: Realistic pages

    @Test(arguments: [
        ("wire-story", "Mali junta hosts Russian delegation as Wagner presence grows", "2022-01-14",
         ["Mali junta hosts Russian delegation", "BAMAKO, 14 January 2022 — Mali’s transitional government", "Colonel Assimi Goïta met",
          "“We are working with Russian instructors", "Diplomats in Bamako said", "Protesters in Bamako", "Sanctions",
          "The Economic Community of West African States"],
         ["Share on", "Related", "Macron", "Advertisement", "World", "pageview", "Putin", "Blinken", "color", "By Aminata"]),
        ("blog-with-comments", "Notes from Bangui", "2021-09-20",
         ["Notes from Bangui", "I arrived in Bangui on a Tuesday. The streets near the airport were quiet, and Russian instructors",
          "Faustin-Archange Touadéra spoke", "Prices at the market"],
         ["Lavrov", "thoughts on", "Post Comment", "Prigozhin", "Home", "Archives", "Thanks"]),
        ("nav-footer-cookie", "Bamako talks: UN envoy urges calm", "2023-05-31",
         ["Bamako talks: UN envoy urges calm", "The United Nations envoy to Mali, El-Ghassim Wane",
          "Wane said the mission would continue to report on human rights abuses – including", "The Malian foreign ministry"],
         ["cookies", "Guterres", "Accept", "Sections", "newsletter", "Copyright"]),
    ])
    func aPageIsReadAsItsArticle(id: String, title: String, date: String, paragraphs: [String], dropped: [String]) throws {
        let document = try #require(Self.document(id))
        #expect(document.title == title)
        #expect(document.date?.label == date)
        let text = Self.paragraphs(document)
        #expect(text.count == paragraphs.count, "\(text)")
        for (paragraph, start) in zip(text, paragraphs) { #expect(paragraph.hasPrefix(start), "\(paragraph)") }
        for word in dropped { #expect(!text.joined().contains(word), "'\(word)' should be gone: \(text)") }
    }

    @Test func theArticlesMetaTagsGiveItsFieldsAndOutrankItsOtherDates() throws {
        let story = try #require(Self.document("wire-story"))
        // article:published_time (2022-01-14) wins over the JSON-LD datePublished (2021-12-01).
        #expect(story.date == Period.day(2022, 1, 14))
        #expect(story.kind == "Sahel Wire")
        #expect(story.fields == [DocumentField(key: "source", value: "Sahel Wire"),
                                 DocumentField(key: "url", value: "https://sahelwire.example/2022/01/14/mali-russia-delegation"),
                                 DocumentField(key: "author", value: "Aminata Diallo")])
        #expect(story.path.hasSuffix("wire-story.html"))
    }

    @Test(arguments: [
        ("find actor Goïta", ["wire-story"]),
        ("find actor Touadéra", ["blog-with-comments"]),
        ("find actor \"United Nations\"", ["nav-footer-cookie"]),
        // Names that appear only in comments, navigation, asides, footers, sidebars and cookie banners.
        ("find actor Lavrov", []),
        ("find actor Putin", []),
        ("find actor Macron", []),
        ("find actor Blinken", []),
        ("find actor Guterres", []),
        ("find actor Prigozhin", []),
    ])
    func findSeesTheArticleAndNotTheFurniture(query: String, documents: [String]) {
        let found = rows(json(query, corpus: Self.loaded.corpus)).compactMap { $0["doc"] as? String }
        #expect(Array(Set(found)).sorted() == documents, "\(found)")
    }

    @Test func aPageWithoutAnArticleIsAWarningAndTheRestLoads() {
        #expect(Self.loaded.corpus.documents.map(\.id).sorted() == ["blog-with-comments", "nav-footer-cookie", "wire-story"])
        let said = CollectionInputTests.located(Self.loaded.diagnostics.filter { $0.severity != .note })
        #expect(said == ["no-article.html:1:1 no article text in this page (nothing is left once scripts, navigation, headers, footers, asides, forms and comments are dropped); not loaded"])
    }

    // MARK: Bad input

    @Test(arguments: [
        ("junk.html", [0x3C, 0x70, 0x3E, 0x00, 0xFF, 0xD8, 0x00] as [UInt8], "junk.html:1:1 binary data, not an HTML page (a NUL byte at byte 4)"),
        ("photo.htm", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], "photo.htm:1:1 binary data, not an HTML page (a NUL byte at byte 9)"),
        ("empty.html", [], "empty.html:1:1 no article text in this page"),
        ("blank.html", Array(" \n\t\n".utf8), "blank.html:1:1 no article text in this page"),
        ("menu.html", Array("<html><body><nav><p>Russia</p></nav><script>Mali()</script><div class=\"cookie-notice\">France</div></body></html>".utf8),
         "menu.html:1:1 no article text in this page"),
    ])
    func aPageThatIsNotAnArticleIsNamedAndTheRestLoads(name: String, bytes: [UInt8], expected: String) {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write(name, bytes: bytes)
        dir.write("good.html", "<html><body><article><p>Russia and France met in Paris in May 2021.</p></article></body></html>")
        var loader = CorpusLoader()
        _ = loader.addResources(from: Paths.seeds)
        let (corpus, diagnostics) = loader.load([dir.path])
        #expect(corpus.documents.map(\.id) == ["good"])
        let said = CollectionInputTests.located(diagnostics)
        #expect(said.count == 1 && said[0].hasPrefix(expected), "\(said)")
    }

    @Test func aSinglePageLoadsByItsPath() {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.write("story.htm", "<title>Talks</title><p>Russia and Mali met in Bamako.")
        let (corpus, diagnostics) = CorpusLoader().load([path])
        #expect(diagnostics.isEmpty)
        #expect(corpus.documents.map(\.title) == ["Talks"])
        #expect(Self.paragraphs(corpus.documents[0]) == ["Talks", "Russia and Mali met in Bamako."])
    }

    @Test func theManifestOutranksWhatThePageSaysOfItself() throws {
        let html = #"<head><title>Page title</title><meta name="date" content="2020-01-01"></head><body><p>Russia spoke.</p></body>"#
        let (corpus, _) = loadCorpus([("page.html", html)], manifest: "doc page.html\n  title: Manifest title\n  date: 2021-02-03\n")
        let document = try #require(corpus.documents.first)
        #expect(document.title == "Manifest title")
        #expect(document.date == Period.day(2021, 2, 3))
    }

    @Test func hostileTextInAPageReachesNoOneAsControlCharacters() throws {
        let html = "<title>Evil &#27;]52;c;ZXZpbA==&#7; &#x9B;31m \u{1B}[2J</title><article><p>Moscow &#x1b;]52;c;ZXZpbA==&#7; backed \u{1B}[31mthe Wagner Group&#155;0m in 2021.</p></article>"
        let page = try WebPage.read(Array(html.utf8)).get()
        let text = ([page.title ?? ""] + page.paragraphs.map { String(decoding: $0, as: UTF8.self) }).joined()
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "\(text.debugDescription)")
        #expect(page.title == "Evil ]52;c;ZXZpbA== 31m [2J")
        #expect(text.contains("backed [31mthe Wagner Group 0m in 2021."))
    }

    @Test func anArticleBeforeAnyBodyTagIsFound() throws {
        #expect(try Self.read("<title>T</title><article><p>Russia spoke.</p></article><p>Loose.</p>").get() == ["T", "Russia spoke."])
    }

    @Test func aPageNestedAHundredThousandDeepIsReadWhole() throws {
        let html = "<body>" + String(repeating: "<div>", count: 100_000) + "<p>Russia spoke in 2021.</p>"
            + String(repeating: "</div>", count: 100_000) + "<p>Mali answered.</p></body>"
        #expect(try Self.read(html).get() == ["Russia spoke in 2021.", "Mali answered."])
    }

    // MARK: Rules

    @Test(arguments: [
        ("<p>one<p>two", ["one", "two"]),
        ("<div>a<br>b<br> <br>c</div>", ["a b", "c"]),
        ("<p>a <b>bold</b>\n   word</p>", ["a bold word"]),
        ("<p>caf&eacute; &amp; &#233;t&eacute; &#x1F600; &nbsp;x</p>", ["café & été 😀 \u{A0}x"]),
        ("<script>if (a < b && c) { document.write('<p>x</p>') }</script><p>kept</p>", ["kept"]),
        ("<ul><li>one<li>two</ul><h2>Head</h2><table><tr><td>c1<td>c2</table>", ["one", "two", "Head", "c1", "c2"]),
        ("<div class=\"has-sidebar\"><p>kept</p></div><div class=\"commentList\"><p>gone</p></div><div id=\"share_tools\">gone</div>", ["kept"]),
        ("<p hidden>gone</p><p style=\"display: none\">gone</p><p aria-hidden=\"true\">gone</p><p>kept</p>", ["kept"]),
        ("<p>before</p><form><p>gone</p></form><aside>gone</aside><footer>gone</footer><noscript>gone</noscript><p>after</p>", ["before", "after"]),
        ("<p>unclosed <i>italic <b>bold</p><p>next", ["unclosed italic bold", "next"]),
        // BBC marks its blocks with data-component: the related topics' links are furniture (tester17 #8).
        ("<div data-component=\"text-block\"><p>kept</p></div><div data-component=\"links-block\"><p>Related Topics</p><ul><li>Andrea Leadsom</li></ul></div>",
         ["kept"]),
    ])
    func blockElementsMakeParagraphsAndFurnitureIsDropped(html: String, paragraphs: [String]) throws {
        #expect(try Self.read(html).get() == paragraphs)
    }

    @Test(arguments: [
        ("<article class=\"teaser\"><p>Short.</p></article><article><p>The long article text is here.</p></article>", "The long article text is here."),
        ("<div><p>Outside.</p></div><main><p>In main.</p></main>", "In main."),
        ("<div><p>Outside.</p></div><div role=\"main\"><p>In the main role.</p></div>", "In the main role."),
        ("<article><figure><img src=x></figure></article><div><p>Body text.</p></div>", "Body text."),
        ("<div class=\"comments\"><article><p>A long comment that is longer than the post.</p></article></div><article><p>Post.</p></article>", "Post."),
    ])
    func theArticleIsTheMarkedPartThatHoldsText(html: String, text: String) throws {
        #expect(try Self.read(html).get() == [text])
    }

    @Test(arguments: [
        // A marked article's own h1 (even in its header) first...
        (#"<head><meta property="og:title" content="Social title"><title>Tab</title></head><body><h1>Site</h1><article><header><h1>Headline</h1></header><p>Text.</p></article>"#, "Headline"),
        // ...else og:title, which beats a loose h1 that may be the site's name...
        (#"<head><meta property="og:title" content="Social title"></head><body><h1>Site</h1><p>Text.</p>"#, "Social title"),
        (#"<head><title>Tab</title></head><body><h1>Loose headline</h1><p>Text.</p>"#, "Loose headline"),
        // ...and <title> last, without the site's name when the page gives it.
        (#"<head><title>Talks resume | Example News</title><meta property="og:site_name" content="Example News"></head><body><p>Text.</p>"#, "Talks resume"),
        (#"<head><title>Talks resume - Example News</title></head><body><p>Text.</p>"#, "Talks resume - Example News"),
    ])
    func theTitle(html: String, title: String) throws {
        #expect(try WebPage.read(Array(html.utf8)).get().title == title)
    }

    @Test(arguments: [
        (#"<meta property="article:published_time" content="2021-09-20T23:47:00+02:00"><p>Text.</p>"#, "2021-09-20"),
        (#"<meta name="pubdate" content="20 September 2021"><p>Text.</p>"#, "2021-09-20"),
        (#"<meta name="DC.date.issued" content="2021/09"><p>Text.</p>"#, "2021-09"),
        (#"<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle", "datePublished": "2020-02-29"}]}</script><p>Text.</p>"#, "2020-02-29"),
        (#"<header><time datetime="2024-01-01">Today</time></header><article><header><time datetime="2019-05-04">4 May</time></header><p>Text.</p></article>"#, "2019-05-04"),
        (#"<meta name="date" content="soon"><p>Text.</p>"#, nil),
        // A line of the article's own header that is only a date, as in a text file (tester19 #15: The Irish Times, the
        // Inquirer); a headline's date is none.
        (#"<article><header><h1>Taoiseach says housing tsar salary is justified</h1><p class="byline">Jack Horgan-Jones</p><p>Tue Apr 29 2025 - 18:45</p></header><p>The Taoiseach defended the salary on Tuesday.</p></article>"#, "2025-04-29"),
        (#"<article><header><h1>Duterte at it again</h1><div>By: <a href="/byline/nestor">Nestor Corrales</a> - Reporter / <a>@NCorralesINQ</a><br>INQUIRER.net / 05:12 PM March 14, 2018</div></header><p>Text.</p></article>"#, "2018-03-14"),
        (#"<article><header><h1>Mali vote set for 4 June 2024</h1><p>Elections in May 2024</p></header><p>Text.</p></article>"#, nil),
    ] as [(String, String?)])
    func theDate(html: String, date: String?) throws {
        #expect(try WebPage.read(Array(html.utf8)).get().date?.label == date)
    }

    static let utf16: [UInt8] = [0xFF, 0xFE] + "<p>Touadéra</p>".utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    static let declaredLatin1: [UInt8] = Array(#"<meta charset="iso-8859-1"><p>"#.utf8) + [0x93, 0x6F, 0x6B, 0x94, 0x20, 0x96, 0x20, 0xE9]
    static let bomAndLatin1: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(#"<meta charset="iso-8859-1"><p>Touadéra</p>"#.utf8)
    static let cyrillic: [UInt8] = Array(#"<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>"#.utf8)
        + [0xCC, 0xEE, 0xF1, 0xEA, 0xE2, 0xE0]

    @Test(arguments: [
        ("UTF-8, undeclared", Array("<p>Touadéra – “quoted”</p>".utf8), "Touadéra – “quoted”"),
        ("Latin-1, undeclared", [0x3C, 0x70, 0x3E, 0x63, 0x61, 0x66, 0xE9, 0x3C, 0x2F, 0x70, 0x3E], "café"),
        ("windows-1252 bytes declared ISO-8859-1", declaredLatin1, "“ok” – é"),
        ("a byte-order mark outranks the meta tag", bomAndLatin1, "Touadéra"),
        ("UTF-16 with a byte-order mark", utf16, "Touadéra"),
        ("windows-1251 declared in http-equiv", cyrillic, "Москва"),
        ("windows-1251, undeclared", Array("<p>".utf8) + [0xCC, 0xEE, 0xF1, 0xEA, 0xE2, 0xE0] + Array("</p>".utf8), "Москва"),
        ("UTF-32 declared in ASCII bytes", Array(#"<meta charset="utf-32"><p>Touadéra</p>"#.utf8), "Touadéra"),
        ("a label iconv does not know", [UInt8](#"<meta charset="no-such-set"><p>caf"#.utf8) + [0xE9, 0x3C, 0x2F, 0x70, 0x3E], "café"),
    ] as [(String, [UInt8], String)])
    func theCharacterSetIsTheOneBrowsersWouldUse(_ name: String, bytes: [UInt8], text: String) throws {
        #expect(try Self.read(bytes).get() == [text], "\(name)")
    }
}
