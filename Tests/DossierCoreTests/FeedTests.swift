import Testing
@testable import DossierCore
import DossierTime

/// News feeds (RSS 2.0, RSS 1.0, Atom) read as collections: one document per item, with its own title, date, text
/// and fields, whatever the file's name ends with (tester19 #4: a feed saved as a page dated each story with the
/// date of the story before it).
@Suite struct FeedTests {
    /// The sample feed of the RSS 2.0 specification (Liftoff News), three of its items.
    static let liftoff = """
        <?xml version="1.0"?>
        <rss version="2.0">
          <channel>
            <title>Liftoff News</title>
            <link>http://liftoff.msfc.nasa.gov/</link>
            <description>Liftoff to Space Exploration.</description>
            <pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate>
            <item>
              <title>Star City</title>
              <link>http://liftoff.msfc.nasa.gov/news/2003/news-starcity.asp</link>
              <description>How do Americans get ready to work with Russians aboard the
                International Space Station? They take a crash course in culture, language
                and protocol at Russia's &lt;a href="http://howe.iki.rssi.ru/GCTC/gctc_e.htm"&gt;Star City&lt;/a&gt;.</description>
              <pubDate>Tue, 03 Jun 2003 09:39:21 GMT</pubDate>
              <guid>http://liftoff.msfc.nasa.gov/2003/06/03.html#item573</guid>
            </item>
            <item>
              <description>Sky watchers in Europe, Asia, and parts of Alaska and Canada will experience a
                &lt;a href="http://science.nasa.gov/headlines/y2003/30may_solareclipse.htm"&gt;partial eclipse of the Sun&lt;/a&gt; on Saturday, May 31st.</description>
              <pubDate>Fri, 30 May 2003 11:06:42 GMT</pubDate>
            </item>
            <item>
              <title>The Engine That Does More</title>
              <link>http://liftoff.msfc.nasa.gov/news/2003/news-VASIMR.asp</link>
              <description>Before man travels to Mars, NASA hopes to design new engines that will let
                us fly through the Solar System more quickly.  The proposed VASIMR engine would do that.</description>
              <pubDate>Tue, 27 May 2003 08:37:32 GMT</pubDate>
            </item>
          </channel>
        </rss>
        """

    /// A feed is a feed by its root element: saved by a browser as `.html`, or named `.xml`, `.rss` or `.atom`, it gives
    /// the same three documents, each with its own date, title and link, and no date or address among the words.
    @Test(arguments: ["liftoff.xml", "liftoff.rss", "liftoff.atom", "liftoff.html", "liftoff.htm"])
    func eachItemIsADocumentWithItsOwnDate(_ name: String) {
        let (corpus, diagnostics) = loadCorpus([(name, Self.liftoff)])
        #expect(diagnostics.filter { $0.severity == .warning }.isEmpty, "\(CollectionInputTests.located(diagnostics))")
        #expect(corpus.documents.map(\.id) == ["liftoff-8", "liftoff-17", "liftoff-22"])
        // An item without a title is known by its first words, as a record without one.
        #expect(corpus.documents.map(\.title) == ["Star City", "Sky watchers in Europe, Asia, and parts of Alaska and Canada will experience a partial eclipse of …", "The Engine That Does More"])
        #expect(corpus.documents.map { $0.date?.label } == ["2003-06-03", "2003-05-30", "2003-05-27"])
        #expect(corpus.documents.map { $0.field("url") } == ["http://liftoff.msfc.nasa.gov/news/2003/news-starcity.asp", nil,
                                                            "http://liftoff.msfc.nasa.gov/news/2003/news-VASIMR.asp"])
        #expect(corpus.documents.allSatisfy { $0.field("source") == "Liftoff News" && $0.kind == "Liftoff News" })
        #expect(corpus.sentenceTexts == [
            "How do Americans get ready to work with Russians aboard the International Space Station?",
            "They take a crash course in culture, language and protocol at Russia's Star City.",
            "Sky watchers in Europe, Asia, and parts of Alaska and Canada will experience a partial eclipse of the Sun on Saturday, May 31st.",
            "Before man travels to Mars, NASA hopes to design new engines that will let us fly through the Solar System more quickly.",
            "The proposed VASIMR engine would do that.",
        ])
        #expect(PublicationDateTests.times(corpus, "partial eclipse") == ["2003-05-31"])
        #expect(corpus.documents[2].path.hasSuffix(name + ":22"))
    }

    /// Each format's own elements: RSS 1.0's items beside its channel and `dc:date`; Atom's `published` before
    /// `updated`, its `link rel="alternate"`, `author/name`, `category term/label`, XHTML and escaped HTML content;
    /// WordPress's `content:encoded` (the whole story) before its `description` (a teaser), `dc:creator`,
    /// `category`; an item's own `<source>` before the feed's title; RSS 0.91's items beside its channel (greek.ru),
    /// undated when the item gives no date.
    @Test(arguments: [
        ("xmlcom.rdf.xml", """
         <?xml version="1.0"?>
         <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                  xmlns:dc="http://purl.org/dc/elements/1.1/">
           <channel rdf:about="http://www.xml.com/xml/news.rss">
             <title>XML.com</title>
             <link>http://xml.com/pub</link>
             <description>XML.com features a rich mix of information and services for the XML community.</description>
             <items><rdf:Seq><rdf:li resource="http://xml.com/pub/2000/08/09/xslt/xslt.html"/></rdf:Seq></items>
           </channel>
           <item rdf:about="http://xml.com/pub/2000/08/09/xslt/xslt.html">
             <title>Processing Inclusions with XSLT</title>
             <link>http://xml.com/pub/2000/08/09/xslt/xslt.html</link>
             <description>Processing document inclusions with general XML tools can be problematic. This article
               proposes a way of preserving inclusion information through SAX-based processing.</description>
             <dc:date>2000-08-09</dc:date>
             <dc:subject>XSLT</dc:subject>
           </item>
         </rdf:RDF>
         """, "Processing Inclusions with XSLT", "2000-08-09",
         ["Processing document inclusions with general XML tools can be problematic.",
          "This article proposes a way of preserving inclusion information through SAX-based processing."],
         ["source: XML.com", "url: http://xml.com/pub/2000/08/09/xslt/xslt.html", "category: XSLT"]),
        ("wire.atom", """
         <?xml version="1.0" encoding="utf-8"?>
         <feed xmlns="http://www.w3.org/2005/Atom">
           <title type="text">Example Wire</title>
           <updated>2024-03-02T10:00:00Z</updated>
           <entry>
             <title type="html">Talks in Geneva &amp;amp; Vienna</title>
             <link rel="edit" href="https://example.org/edit/1"/>
             <link rel="alternate" type="text/html" href="https://example.org/2024/03/01/talks"/>
             <id>tag:example.org,2024:1</id>
             <updated>2024-03-02T09:00:00Z</updated>
             <published>2024-03-01T09:00:00+01:00</published>
             <author><name>Ann Lee</name><email>ann@example.org</email></author>
             <category term="diplomacy" label="Diplomacy"/>
             <category term="iran"/>
             <summary>Iran and France talked.</summary>
             <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Iran met <b>France</b> in Geneva on Monday.</p><p>Talks go on.</p></div></content>
           </entry>
         </feed>
         """, "Talks in Geneva & Vienna", "2024-03-01", ["Iran met France in Geneva on Monday.", "Talks go on."],
         ["source: Example Wire", "url: https://example.org/2024/03/01/talks", "author: Ann Lee", "category: Diplomacy", "category: iran"]),
        ("updated.atom", """
         <feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>
         <entry><title>Mali</title><updated>2024-02-28T09:00:00Z</updated>
         <content type="html">&lt;p&gt;Mali left the talks.&lt;/p&gt;&lt;p&gt;Chad &amp;amp; Niger stayed.&lt;/p&gt;</content></entry></feed>
         """, "Mali", "2024-02-28", ["Mali left the talks.", "Chad & Niger stayed."], ["source: Desk"]),
        ("wordpress.xml", """
         <?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
         xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Rappler</title>
         <item><title>Senate approves budget</title><link>https://example.ph/nation/budget</link>
         <dc:creator><![CDATA[Bea Cupin]]></dc:creator><pubDate>Mon, 04 Mar 2024 10:00:00 +0000</pubDate>
         <category><![CDATA[Nation]]></category><category><![CDATA[Senate]]></category>
         <description><![CDATA[The Senate approved the budget [&#8230;]]]></description>
         <content:encoded><![CDATA[<p>The Senate approved the budget on Monday.</p>
         <p>Senator Risa Hontiveros voted against it.</p><div class="sharedaddy">Share this:</div>]]></content:encoded>
         <source url="https://pna.gov.ph/rss">Philippine News Agency</source></item></channel></rss>
         """, "Senate approves budget", "2024-03-04", ["The Senate approved the budget on Monday.", "Senator Risa Hontiveros voted against it."],
         ["source: Philippine News Agency", "url: https://example.ph/nation/budget", "author: Bea Cupin", "category: Nation", "category: Senate"]),
        ("greek.ru.xml", """
         <?xml version="1.0" encoding="windows-1251"?>
         <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
         <rss version="0.91">
             <channel>
                 <title>Greek.Ru</title>
                 <link>http://www.greek.ru</link>
             </channel>
             <item>
                 <title>Cyprus votes</title>
                 <link>http://www.greek.ru/news/1</link>
                 <description>Cyprus held a referendum on Saturday, 24 April 2004.</description>
             </item>
         </rss>
         """, "Cyprus votes", nil, ["Cyprus held a referendum on Saturday, 24 April 2004."],
         ["source: Greek.Ru", "url: http://www.greek.ru/news/1"]),
    ] as [(String, String, String, String?, [String], [String])])
    func eachFormatsElementsGiveTheDocumentsParts(_ name: String, _ feed: String, _ title: String, _ date: String?,
                                                  _ sentences: [String], _ fields: [String]) {
        let (corpus, diagnostics) = loadCorpus([(name, feed)])
        #expect(diagnostics.filter { $0.severity == .warning }.isEmpty, "\(CollectionInputTests.located(diagnostics))")
        #expect(corpus.documents.count == 1)
        #expect(corpus.documents.first?.title == title)
        #expect(corpus.documents.first?.date?.label == date)
        #expect(corpus.documents.first?.dateSource == (date == nil ? .unknown : .record))
        #expect(corpus.sentenceTexts == sentences)
        #expect(corpus.documents.first?.fields.map { "\($0.key): \($0.value)" } == fields)
    }

    /// A feed that is not well-formed XML (an HTML entity RSS does not define, a bare "&") is read as far as libxml2
    /// recovers, with a warning at the fault's line and column; a date that cannot be read is said at its item.
    @Test func aFaultyFeedIsReadAndItsFaultIsSaidWhereItIs() {
        let feed = """
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>Gazette</title>
            <item><title>One</title><pubDate>Tue, 05 Mar 2024 10:00:00 +0000</pubDate>
            <description>Senegal&nbsp;voted on Tuesday.</description></item>
            <item><title>Two</title><pubDate>last week</pubDate><description>Kenya spoke.</description></item>
            </channel></rss>
            """
        let (corpus, diagnostics) = loadCorpus([("gazette.rss", feed)])
        #expect(CollectionInputTests.located(diagnostics.filter { $0.severity == .warning }) == [
            "gazette.rss:4:27 this feed is not well-formed XML (Entity 'nbsp' not defined); it is read as far as libxml2 recovers, so an item from here on may be cut or missing",
            "gazette.rss:5:1 date 'last week' is not a date (YYYY, YYYY-MM-DD, an ISO 8601 or RFC 2822 time, \"Sep 20, 2021\", seconds since 1970); the item is loaded without a date",
        ])
        #expect(corpus.documents.map(\.title) == ["One", "Two"])
        #expect(corpus.documents.map { $0.date?.label } == ["2024-03-05", nil])
        #expect(corpus.sentenceTexts.last == "Kenya spoke.")
    }

    /// A feed that declares entities of its own (a billion laughs: nine levels of ten references) is refused with a
    /// warning at the declaration, at once; reading its text hung.
    @Test func aFeedDeclaringEntitiesIsRefused() {
        var declarations = "<!ENTITY l0 \"lol\">"
        for level in 1...9 { declarations += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">" }
        let feed = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [" + declarations + "]>\n"
            + "<rss version=\"2.0\"><channel><title>B</title><item><description>Mali &l9;</description></item></channel></rss>\n"
        let (corpus, diagnostics) = loadCorpus([("bomb.xml", feed)])
        #expect(corpus.documents.isEmpty)
        #expect(diagnostics.contains { $0.location.file.hasSuffix("bomb.xml") && $0.location.line == 2 && $0.message.contains("declares entities") },
                "\(CollectionInputTests.located(diagnostics))")
    }

    /// Only a feed is read of an XML file: a sitemap or any other XML keeps the warning that it is no document, and a
    /// page whose root is `<html>` is still a page.
    @Test(arguments: [
        ("sitemap.xml", #"<?xml version="1.0"?><urlset><url><loc>https://example.org/</loc></url></urlset>"#, 0),
        ("tei.xml", "<TEI><text><body><p>Russia spoke.</p></body></text></TEI>", 0),
        ("page.html", "<!DOCTYPE html><html><body><article><p>Russia spoke in 2020.</p></article></body></html>", 1),
        ("feed-comment.xml", "<?xml version=\"1.0\"?><!-- saved 2024 --><?xml-stylesheet href=\"s.xsl\"?><rss><channel><title>T</title><item><description>Mali spoke.</description></item></channel></rss>", 1),
    ])
    func onlyAFeedIsReadOfAnXMLFile(_ name: String, _ text: String, _ documents: Int) {
        let (corpus, diagnostics) = loadCorpus([(name, text)])
        #expect(corpus.documents.count == documents)
        let skipped = diagnostics.contains { $0.message.hasPrefix("skipped: not a document") && $0.location.file.hasSuffix(name) }
        #expect(skipped == (documents == 0), "\(CollectionInputTests.located(diagnostics))")
    }

    /// A folder of XML that holds no feed (a TEI corpus) says so for ten files and counts the rest, as for other files.
    @Test func aFolderOfOtherXMLIsSaidOnceForTenFiles() {
        let files = (1...12).map { ("tei-\($0).xml", "<TEI><text><body><p>Russia spoke.</p></body></text></TEI>") }
        let (corpus, diagnostics) = loadCorpus(files + [("feed.rss", Self.liftoff)])
        #expect(corpus.documents.count == 3)
        #expect(diagnostics.filter { $0.message.hasPrefix("skipped: not a document") }.count == 10)
        #expect(diagnostics.contains { $0.message == "skipped 2 more files that are not documents" })
    }
}
