import Foundation
import DossierTime

/// A saved web page (`.html`, `.htm`) read as the article it carries: its text in paragraphs without the page's
/// scripts, navigation, headers, footers, asides, forms and comment sections, and its title, date, source, url and
/// author from the page's own markup. The rules are fixed and written in README ("Your own documents and
/// lexicon") so that a user can predict what is kept.
struct WebPage {
    static let extensions: Set<String> = ["html", "htm"]

    var title: String?
    var date: Period?
    /// `date` as written, when it has slashes (`03/04/2021`).
    var writtenSlashDate: SlashDate?
    /// Each paragraph on one line, whitespace collapsed, in page order.
    var paragraphs: [[UInt8]] = []
    /// `source` (og:site_name), `url` (the canonical link, else og:url) and `author`, when the page says them.
    var fields: [DocumentField] = []

    static func isPage(_ path: String) -> Bool {
        extensions.contains(DocumentRecords.fileExtension(path))
    }

    // MARK: Rules

    /// Elements whose content is never article text. `<head>` itself is not one: libxml2, an HTML 4 parser, leaves
    /// an `<article>` there when a page omits `<body>`, and the head's own elements are all dropped or empty.
    static let droppedElements: Set<String> = [
        "script", "style", "noscript", "template", "iframe", "svg", "canvas", "object", "embed", "form", "button",
        "select", "textarea", "input", "nav", "header", "footer", "aside", "menu", "dialog", "title",
    ]

    /// Words of a class or id that mark page furniture (`class="comment-list"`, `id="cookieBanner"`).
    static let furnitureWords: Set<String> = [
        "comment", "comments", "share", "sharing", "social", "related", "newsletter", "subscribe", "cookie", "cookies",
        "consent", "footer", "nav", "navbar", "navigation", "menu", "sidebar", "advert", "advertisement", "ad", "ads",
        "sponsored", "promo", "breadcrumb", "breadcrumbs", "popup", "modal", "disqus", "links", "tag", "tags", "topic", "topics",
    ]

    /// First words of a class that state a layout, not a part (`has-sidebar`, `no-comments`): not furniture.
    static let stateWords: Set<String> = ["has", "with", "no", "without", "is", "show", "hide", "open"]

    /// Elements never dropped for their class or id: the page's frame and its marked article.
    static let frameElements: Set<String> = ["html", "body", "article", "main"]

    /// Elements that end the paragraph before them and start a new one.
    static let blockElements: Set<String> = [
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "li", "ul", "ol", "dl",
        "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "figure",
        "figcaption", "address", "hr", "details", "summary", "center", "body", "html", "fieldset", "legend",
    ]

    /// Meta tags (`name`, `property` or `itemprop`) that give the publication date, most trusted first.
    static let dateKeys = [
        "article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate", "publish-date",
        "publish_date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "dcterms.created",
        "sailthru.date", "parsely-pub-date", "citation_publication_date",
    ]

    /// Whether an element's content is left out of the article: a dropped element, furniture by class, id or
    /// `data-component` (BBC's `links-block`, tester17 #8), or hidden (`hidden`, `aria-hidden="true"`, `display:none`).
    static func isDropped(_ element: HTMLNode, name: String) -> Bool {
        if droppedElements.contains(name) { return true }
        if element.attribute("hidden") != nil || element.attribute("aria-hidden")?.lowercased() == "true" { return true }
        if let style = element.attribute("style")?.lowercased().filter({ !$0.isWhitespace }),
           style.contains("display:none") || style.contains("visibility:hidden") { return true }
        guard !frameElements.contains(name) else { return false }
        return isFurniture(element.attribute("class")) || isFurniture(element.attribute("id"))
            || isFurniture(element.attribute("data-component"))
    }

    /// Whether a class or id value names furniture: one of its names holds a furniture word, split at anything but
    /// letters and digits and at lower-to-upper case changes (`shareButtons`), unless that name starts with a state word.
    static func isFurniture(_ value: String?) -> Bool {
        guard let value else { return false }
        for name in value.split(whereSeparator: \.isWhitespace) {
            let words = Self.words(name)
            guard let first = words.first, !stateWords.contains(first) else { continue }
            if words.contains(where: furnitureWords.contains) { return true }
        }
        return false
    }

    static func words(_ name: Substring) -> [String] {
        var words: [String] = []
        var word = ""
        var lastWasLower = false
        for c in name {
            guard c.isLetter || c.isNumber else {
                if !word.isEmpty { words.append(word.lowercased()) }
                word = ""
                lastWasLower = false
                continue
            }
            if c.isUppercase, lastWasLower, !word.isEmpty {
                words.append(word.lowercased())
                word = ""
            }
            word.append(c)
            lastWasLower = c.isLowercase
        }
        if !word.isEmpty { words.append(word.lowercased()) }
        return words
    }

    // MARK: Reading

    /// Why a page gives no document.
    enum Problem: Error, Equatable {
        case binary(offset: Int)
        case notHTML
        case noArticle
    }

    /// Reads a page's bytes (any character set, see `HTMLDocument.encoding(of:)`).
    static func read(_ bytes: [UInt8]) -> Result<WebPage, Problem> {
        let wide = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        if !wide, let nul = bytes.firstIndex(of: 0) { return .failure(.binary(offset: nul)) }
        if bytes.allSatisfy({ $0 == 0x20 || (0x09...0x0D).contains($0) }) { return .failure(.noArticle) }
        guard let document = HTMLDocument(bytes: bytes, encoding: HTMLDocument.encoding(of: bytes)),
              let html = document.root else { return .failure(.notHTML) }
        let meta = Metadata(html)
        var found = Landmarks()
        found.search(html, inArticle: false)
        var page = WebPage()
        var marked = false
        for candidate in [found.article, found.main, found.roleMain].compactMap({ $0 }) {
            page.paragraphs = candidate.pointer == found.article?.pointer ? found.articleParagraphs : paragraphs(of: candidate)
            if !page.paragraphs.isEmpty {
                marked = true
                found = Landmarks()
                found.search(candidate, inArticle: true)
                break
            }
        }
        if !marked { page.paragraphs = paragraphs(of: html) }
        guard !page.paragraphs.isEmpty else { return .failure(.noArticle) }
        page.describe(meta, found, marked: marked)
        return .success(page)
    }

    /// Title, date and fields from the page's markup, in the order README ("Your own documents and lexicon")
    /// gives; the text then starts with the title unless a paragraph is the title already.
    private mutating func describe(_ meta: Metadata, _ found: Landmarks, marked: Bool) {
        let plain = Self.plain as ([UInt8]) -> String
        let headline = found.firstHeading.map { plain(Array(Self.paragraphs(of: $0).joined(separator: [0x20]))) }
            .flatMap { $0.isEmpty ? nil : $0 }
        let titles = marked ? [headline, meta["og:title"], meta["twitter:title"], meta.title]
                            : [meta["og:title"], meta["twitter:title"], headline, meta.title]
        title = titles.compactMap { $0 }.first { !$0.isEmpty }
        let written = Self.dateKeys.lazy.compactMap { meta[$0] }.first { Self.date($0) != nil }
        date = written.flatMap(Self.date)
            ?? meta.linkedDataDates.lazy.compactMap(Self.date).first
            ?? found.firstTime.flatMap(Self.date)
            ?? found.header.flatMap(Self.headerDate)
        writtenSlashDate = written.flatMap { SlashDate($0, key: "date") }
        if let site = meta["og:site_name"] ?? meta["application-name"], !site.isEmpty {
            fields.append(DocumentField(key: "source", value: site))
        }
        if let url = meta.canonical ?? meta["og:url"], !url.isEmpty { fields.append(DocumentField(key: "url", value: url)) }
        if let author = meta["author"] ?? meta["article:author"].flatMap({ $0.hasPrefix("http") ? nil : $0 }), !author.isEmpty {
            fields.append(DocumentField(key: "author", value: author))
        }
        if let title, !paragraphs.contains(where: { plain($0) == title }) {
            paragraphs.insert(Array(title.utf8), at: 0)
        }
    }

    /// A date as pages write it: ISO 8601 (`2021-09-20`, `2021-09-20T23:47:00+02:00`, taken as the day written),
    /// `2021/09/20`, or words the time rules read as a day or month ("Sep 20, 2021").
    static func date(_ value: String) -> Period? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let period = DocumentRecords.date(trimmed) ?? DocumentRecords.date(trimmed.replacingOccurrences(of: "/", with: "-")) {
            return period
        }
        return TimeExpressionExtractor().extract(trimmed, documentDate: nil, context: nil)
            .first { !$0.isCitation && !$0.isAnchored && $0.period.granularity <= .month }?.period
    }

    /// The date of a line of an article's own `<header>` that is only a date, as it would date a `.txt` ("Tue Apr 29
    /// 2025 - 18:45", "INQUIRER.net / 05:12 PM March 14, 2018"; tester19 #15: the header is dropped, and its date was lost).
    static func headerDate(_ header: HTMLNode) -> Period? {
        let extractor = TimeExpressionExtractor()
        return paragraphs(of: header).lazy.compactMap { line in
            line.count > PublicationDate.dateLineLength ? nil
                : line.withUnsafeBufferPointer { PublicationDate.dateLine($0, extractor: extractor) ?? PublicationDate.bylineDate($0, extractor: extractor) }
        }.first
    }

    /// Text as one line: control characters and runs of white space become one space, trimmed.
    static func plain(_ text: String) -> String { plain(Array(text.utf8)) }

    static func plain(_ bytes: [UInt8]) -> String {
        var out = Paragraphs()
        bytes.withUnsafeBufferPointer { out.append($0) }
        return String(decoding: out.current, as: UTF8.self)
    }

    /// The paragraphs under `root`: text of the elements not dropped, a paragraph break at each block element and at
    /// two `<br>` in a row, one space for a single `<br>`.
    static func paragraphs(of root: HTMLNode) -> [[UInt8]] {
        var out = Paragraphs()
        // Walked with a stack, never recursion: a page may nest elements a hundred thousand deep.
        enum Step { case enter(HTMLNode), leave }
        var steps: [Step] = [.enter(root)]
        while let step = steps.popLast() {
            guard case .enter(let node) = step else {
                out.breakParagraph()
                continue
            }
            if node.isText {
                out.append(node.textBytes)
                continue
            }
            guard node.isElement else { continue }
            let name = node.name
            if name == "br" {
                out.lineBreak()
                continue
            }
            if node.pointer != root.pointer, isDropped(node, name: name) { continue }
            let block = blockElements.contains(name)
            if block {
                out.breakParagraph()
                steps.append(.leave)
            }
            for child in node.children.reversed() { steps.append(.enter(child)) }
        }
        out.breakParagraph()
        return out.paragraphs
    }
}

/// Paragraphs being built from text nodes: white space collapsed, control characters (C0, DEL, C1) read as spaces.
struct Paragraphs {
    var paragraphs: [[UInt8]] = []
    var current: [UInt8] = []
    private var space = false
    private var breaks = 0

    mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        var previous: UInt8 = 0
        var i = 0
        while i < text.count {
            // A run of ordinary bytes (no white space, control or C2 lead byte) is copied in one go.
            if previous != 0xC2 {
                var run = i
                while run < text.count, text[run] > 0x20, text[run] != 0x7F, text[run] != 0xC2 { run += 1 }
                if run > i {
                    add(UnsafeBufferPointer(rebasing: text[i..<run]))
                    previous = text[run - 1]
                    i = run
                    continue
                }
            }
            let byte = text[i]
            i += 1
            defer { previous = byte }
            // C1 controls are C2 80...C2 9F in UTF-8: the C2 is held back until the next byte says which.
            if previous == 0xC2, byte < 0xA0, byte >= 0x80 {
                space = true
                continue
            }
            if byte == 0xC2 { continue }
            if previous == 0xC2 { add(0xC2) }
            if byte <= 0x20 || byte == 0x7F {
                space = true
                continue
            }
            add(byte)
        }
        if previous == 0xC2 { add(0xC2) }
    }

    private mutating func add(_ byte: UInt8) {
        add(CollectionOfOne(byte))
    }

    private mutating func add(_ bytes: some Collection<UInt8>) {
        if space, !current.isEmpty { current.append(0x20) }
        space = false
        breaks = 0
        current.append(contentsOf: bytes)
    }

    /// A `<br>`: a space, and a paragraph break when it is the second in a row.
    mutating func lineBreak() {
        breaks += 1
        if breaks >= 2 { breakParagraph() } else { space = true }
    }

    mutating func breakParagraph() {
        if !current.isEmpty { paragraphs.append(current) }
        current = []
        space = false
        breaks = 0
    }
}

/// Where a page's article is: its `<article>` holding the most text, its `<main>`, its `role="main"` element, and
/// its first `<h1>` and `<time datetime>`, all found outside dropped parts of the page. Inside a marked article
/// its own `<header>` is searched too and kept (it holds the headline and the date), though its text is dropped.
struct Landmarks {
    var article: HTMLNode?
    var main: HTMLNode?
    var roleMain: HTMLNode?
    var firstHeading: HTMLNode?
    var firstTime: String?
    /// The marked article's own first `<header>`, whose lines may date it.
    var header: HTMLNode?
    /// The paragraphs of `article`, kept from the comparison of sizes.
    private(set) var articleParagraphs: [[UInt8]] = []
    private var articleSize = -1

    mutating func search(_ root: HTMLNode, inArticle: Bool) {
        var stack = [root]
        while let node = stack.popLast() {
            guard node.isElement else { continue }
            let name = node.name
            if node.pointer != root.pointer, !(inArticle && name == "header"), WebPage.isDropped(node, name: name) { continue }
            switch name {
            case "time": if firstTime == nil, let value = node.attribute("datetime") { firstTime = value }
            case "article" where !inArticle:
                let paragraphs = WebPage.paragraphs(of: node)
                let size = paragraphs.reduce(0) { $0 + $1.count }
                if size > articleSize { (article, articleParagraphs, articleSize) = (node, paragraphs, size) }
            case "main": if main == nil { main = node }
            case "h1": if firstHeading == nil { firstHeading = node }
            case "header" where inArticle: if header == nil { header = node }
            default: break
            }
            if roleMain == nil, node.attribute("role")?.lowercased() == "main" { roleMain = node }
            stack += node.children.reversed()
        }
    }
}

/// What a page's `<head>` says of it: meta tags by name, the canonical link, the `<title>`, and the dates of
/// JSON-LD blocks (`"datePublished"`).
struct Metadata {
    private var values: [String: String] = [:]
    var title: String?
    var canonical: String?
    var linkedDataDates: [String] = []

    init(_ html: HTMLNode) {
        var stack = [html]
        var siteTitle: String?
        while let node = stack.popLast() {
            guard node.isElement else { continue }
            switch node.name {
            case "meta":
                if let key = node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop"),
                   let content = node.attribute("content") {
                    let key = key.lowercased()
                    if values[key] == nil { values[key] = WebPage.plain(content) }
                }
            case "title":
                if siteTitle == nil { siteTitle = WebPage.plain(node.allText) }
            case "link":
                if canonical == nil, node.attribute("rel")?.lowercased() == "canonical" {
                    canonical = node.attribute("href").map(WebPage.plain)
                }
            case "script":
                if node.attribute("type")?.lowercased().contains("ld+json") == true {
                    linkedDataDates += Self.published(in: node.allText)
                }
                continue
            default: break
            }
            stack += node.children.reversed()
        }
        title = siteTitle.map { Self.withoutSiteName($0, site: values["og:site_name"] ?? values["application-name"]) }
    }

    subscript(key: String) -> String? { values[key] }

    /// A `<title>` without the site's name after a separator ("Talks resume - Example News" → "Talks resume").
    static func withoutSiteName(_ title: String, site: String?) -> String {
        guard let site, !site.isEmpty else { return title }
        for separator in [" - ", " | ", " – ", " — ", " · ", " :: "] where title.hasSuffix(separator + site) {
            return String(title.dropLast(separator.count + site.count))
        }
        return title
    }

    /// Every `datePublished` in a JSON-LD block, depth first (it may sit in an `@graph` list).
    static func published(in json: [UInt8]) -> [String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json), options: [.fragmentsAllowed]) else { return [] }
        var found: [String] = []
        var stack: [Any] = [object]
        while let value = stack.popLast() {
            if let dictionary = value as? [String: Any] {
                if let date = dictionary["datePublished"] as? String { found.append(date) }
                stack += dictionary.keys.sorted().reversed().compactMap { dictionary[$0] }
            } else if let list = value as? [Any] {
                stack += list.reversed()
            }
        }
        return found
    }
}

extension WebPage {
    /// The document a page gives, as a file to analyse, or the warning that says why it gives none. What the
    /// manifest says of the file wins over what the page says of itself.
    static func source(_ bytes: [UInt8], path: String, manifest: Manifest.Entry?) -> Result<SourceFile, Diagnostic> {
        let display = FileSystem.display(path)
        func warn(_ message: String) -> Result<SourceFile, Diagnostic> {
            .failure(Diagnostic(.warning, at: SourceLocation(file: display, line: 1, column: 1), message))
        }
        switch read(bytes) {
        case .failure(.binary(let offset)):
            return warn("binary data, not an HTML page (a NUL byte at byte \(offset + 1)); not loaded")
        case .failure(.notHTML):
            return warn("cannot be read as HTML; not loaded")
        case .failure(.noArticle):
            return warn("no article text in this page (nothing is left once scripts, navigation, headers, footers, asides, "
                        + "forms and comments are dropped); not loaded")
        case .success(let page):
            var own = Manifest.Entry(title: page.title, date: page.date, dateSource: .page, fields: page.fields)
            own.writtenSlashDate = page.writtenSlashDate
            own.kind = page.fields.first { $0.key == "source" }?.value
            let entry = own.under(manifest)
            var text: [UInt8] = []
            text.reserveCapacity(page.paragraphs.reduce(0) { $0 + $1.count + 2 })
            for paragraph in page.paragraphs {
                text += paragraph
                text += [0x0A, 0x0A]
            }
            return .success(SourceFile(path: path, displayPath: display, bytes: text, manifest: entry))
        }
    }
}

extension DocumentAnalyzer {
    /// Analyses a web page as one document, or returns why it is not one.
    mutating func analyzePage(_ bytes: [UInt8], path: String, manifest: Manifest.Entry?) -> [Diagnostic] {
        switch WebPage.source(bytes, path: path, manifest: manifest) {
        case .success(let file):
            analyze(file)
            return []
        case .failure(let diagnostic):
            return [diagnostic]
        }
    }
}

/// A collection's text written as HTML (WordPress `content.rendered`, RSS `content:encoded`, scrapers' exports): read
/// as a page's paragraphs are, so tags and entities are not words and each `<p>` is a paragraph of its own.
enum MarkupText {
    /// Elements whose tag marks a text as HTML: a page's block elements and the inline ones articles hold.
    static let elements = WebPage.blockElements.union(["br", "b", "i", "em", "strong", "a", "span", "img", "sup", "sub", "u",
                                                        "small", "script", "style", "iframe", "figure", "picture", "source"])

    /// The text's paragraphs separated by blank lines when it holds a tag of an HTML element or an entity
    /// (`&amp;`, `&#8217;`); nil when it holds neither, so plain text (`a < b`, `R&D`) is read as it is. In a text with
    /// entities and no tag, a line break stays one (as `<br>`).
    static func paragraphs(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        let (tagged, escaped) = markup(in: bytes)
        guard tagged || escaped else { return nil }
        let html = tagged ? bytes : Array(text.replacingOccurrences(of: "\n", with: "<br>").utf8)
        guard let document = HTMLDocument(bytes: html, encoding: "UTF-8"), let root = document.root else { return nil }
        return WebPage.paragraphs(of: root).map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n\n")
    }

    /// A title or field written as HTML (WordPress escapes "&" as "&#038;" in every title) as the one line of text it
    /// shows; nil when it holds no markup.
    static func line(_ text: String) -> String? {
        paragraphs(text).map { $0.replacingOccurrences(of: "\n\n", with: " ") }
    }

    /// Elements with no closing tag, which mark a text as HTML when glued to its words ("one<br>two").
    static let voidElements: Set<String> = ["br", "img", "hr", "source"]

    /// Whether the bytes are written as HTML and hold a named or numeric character reference. A tag of one of
    /// `elements` makes HTML only when it is structure: the text opens with it, it is closed later (`<p>...</p>`), or it
    /// is a void tag glued to a word ("one<br>two"); a tag named in a sentence ("the <title> tag matters", "Use <br>
    /// sparingly") is text (tester16 #17: all that followed "<title>" was lost).
    static func markup(in bytes: [UInt8]) -> (tagged: Bool, escaped: Bool) {
        var tagged = false, escaped = false
        var opened: Set<String> = []
        let firstText = bytes.firstIndex { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D }
        var i = 0
        while i < bytes.count, !(tagged && escaped) {
            let b = bytes[i]
            i += 1
            if b == UInt8(ascii: "<") {
                let closing = i < bytes.count && bytes[i] == UInt8(ascii: "/")
                var k = closing ? i + 1 : i
                let start = k
                while k < bytes.count, k - start <= 10, isLetterOrDigit(bytes[k]) { k += 1 }
                guard k > start, k < bytes.count, [UInt8(ascii: ">"), UInt8(ascii: " "), UInt8(ascii: "/"), 0x0A, 0x09].contains(bytes[k]) else { continue }
                let name = String(decoding: bytes[start..<k], as: UTF8.self).lowercased()
                guard elements.contains(name) else { continue }
                if closing {
                    if opened.contains(name) { tagged = true }
                } else if i - 1 == firstText {
                    tagged = true
                } else if voidElements.contains(name) {
                    let end = bytes[k...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? bytes.count
                    let before = bytes[i - 2], after = end < bytes.count ? bytes[end] : 0x0A
                    if before != 0x20 || after != 0x20 { tagged = true }
                } else {
                    opened.insert(name)
                }
            } else if b == UInt8(ascii: "&") {
                var k = i
                if k < bytes.count, bytes[k] == UInt8(ascii: "#") { k += 1 }
                let start = k
                while k < bytes.count, k - start <= 10, isLetterOrDigit(bytes[k]) { k += 1 }
                if k > start + 1, k < bytes.count, bytes[k] == UInt8(ascii: ";") { escaped = true }
            }
        }
        return (tagged, escaped)
    }

    private static func isLetterOrDigit(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
    }
}
