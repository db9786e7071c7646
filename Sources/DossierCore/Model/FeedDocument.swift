import CLibXML2
import Foundation

/// A news feed — RSS 2.0 (and 0.9x), RSS 1.0 (`<rdf:RDF>`) or Atom — read as a collection: one document per `<item>` or
/// `<entry>`, with its title, its date, its text (HTML inside read as a page's text is) and `url`, `category`,
/// `author` and `source` fields. A file is a feed by its root element, whatever its name ends with: `.xml`, `.rss`,
/// `.atom`, or `.html` as a browser's "Save page" gives a feed (tester19 #4: such a page was one document whose items
/// were each dated with the item before's date). The tree is libxml2's XML parse; a feed that is not well-formed XML
/// is read as far as libxml2 recovers, with a warning at the first fault's line and column.
enum NewsFeed {
    /// Endings of files that may hold a feed, besides web pages; one that holds none is skipped with a warning.
    static let extensions: Set<String> = ["xml", "rss", "atom"]

    /// Whether a file is looked into for a feed: a feed's own endings and a web page's.
    static func mayHoldFeed(_ path: String) -> Bool {
        let ending = DocumentRecords.fileExtension(path)
        return extensions.contains(ending) || WebPage.extensions.contains(ending)
    }

    /// The item elements' text keys, fullest first: RSS `content:encoded`, Atom `content`, then the summaries RSS
    /// `description` and Atom `summary`.
    static let textKeys = ["content:encoded", "content", "description", "summary"]
    /// The date keys, the publication first: RSS `pubDate`, Atom `published`, Dublin Core's `dc:date` (RSS 1.0),
    /// then Atom's `updated` and Atom 0.3's `issued` and `modified`.
    static let dateKeys = ["pubdate", "published", "dc:date", "updated", "issued", "modified"]

    /// Whether the bytes are a feed: their first element, after an XML declaration, comments, processing instructions
    /// and a doctype, is `<rss>`, `<feed>` or `<rdf:RDF>`. UTF-16 with a byte-order mark is looked at through its
    /// ASCII characters.
    static func isFeed(_ bytes: [UInt8]) -> Bool {
        rootName(bytes).map { ["rss", "feed", "rdf"].contains(localName($0).lowercased()) } ?? false
    }

    /// The name of the first element, as written ("rss", "rdf:RDF", "html"); nil when the bytes open with no element.
    static func rootName(_ bytes: [UInt8]) -> String? {
        var head: [UInt8]
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let low = bytes[0] == 0xFF ? 2 : 3
            head = stride(from: low, to: min(bytes.count, 16_384), by: 2).map { bytes[$0] }
        } else {
            head = Array(bytes.prefix(8192).dropFirst(bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0))
        }
        head.append(0)
        var i = 0
        func skip(past end: String) -> Bool {
            let needle = Array(end.utf8)
            while i + needle.count < head.count {
                if head[i..<(i + needle.count)].elementsEqual(needle) {
                    i += needle.count
                    return true
                }
                i += 1
            }
            return false
        }
        while i < head.count - 1 {
            let b = head[i]
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 {
                i += 1
                continue
            }
            guard b == UInt8(ascii: "<") else { return nil }
            let next = head[i + 1]
            if next == UInt8(ascii: "?") {
                guard skip(past: "?>") else { return nil }
            } else if head[i...].starts(with: Array("<!--".utf8)) {
                guard skip(past: "-->") else { return nil }
            } else if next == UInt8(ascii: "!") {
                // A doctype, with an internal subset in brackets.
                var depth = 0
                while i < head.count - 1, !(head[i] == UInt8(ascii: ">") && depth == 0) {
                    if head[i] == UInt8(ascii: "[") { depth += 1 }
                    if head[i] == UInt8(ascii: "]") { depth -= 1 }
                    i += 1
                }
                i += 1
            } else {
                let start = i + 1
                var end = start
                while end < head.count - 1, ![0x20, 0x0A, 0x0D, 0x09, UInt8(ascii: ">"), UInt8(ascii: "/")].contains(head[end]) { end += 1 }
                return end > start ? String(decoding: head[start..<end], as: UTF8.self) : nil
            }
        }
        return nil
    }

    private static func localName(_ name: String) -> Substring {
        name.split(separator: ":").last ?? Substring(name)
    }

    // MARK: Reading

    /// A feed's items as records, with the warnings of the file: a fault in its XML, an item with no text, a date
    /// that cannot be read. Nil when the file is no feed (its root element is none of a feed's); no records and a warning
    /// when it declares entities of its own (an entity bomb: nine levels of ten references each are 10^9 words).
    static func read(_ bytes: [UInt8], path: String) -> ([DocumentRecord], [Diagnostic])? {
        guard bytes.count < Int(Int32.max) else { return nil }
        if let declaration = entityDeclaration(in: bytes) {
            let line = bytes[..<declaration].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            let column = bytes[..<declaration].reversed().prefix { $0 != 0x0A }.count + 1
            return ([], [Diagnostic(.warning, at: SourceLocation(file: path, line: line, column: column),
                                    "this XML declares entities of its own (<!ENTITY ...>), which no feed needs and which can make a "
                                    + "small file expand a billion times when read; it is not read")])
        }
        let parsed = XMLTree(bytes)
        guard let tree = parsed.document, let root = xmlDocGetRootElement(tree).map(HTMLNode.init) else { return nil }
        defer { xmlFreeDoc(tree) }
        var diagnostics: [Diagnostic] = []
        if let fault = parsed.fault {
            diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: path, line: fault.line, column: fault.column),
                                          "this feed is not well-formed XML (\(fault.message)); it is read as far as libxml2 recovers, "
                                          + "so an item from here on may be cut or missing"))
        }
        let items: [HTMLNode]
        var feedTitle: String?
        switch localName(qualifiedName(root)).lowercased() {
        case "rss":
            guard let channel = root.children.first(where: { qualifiedName($0).lowercased() == "channel" }) else { return nil }
            feedTitle = child("title", of: channel).map(line)
            // RSS 0.9x feeds may hold their items beside the channel rather than in it.
            items = (channel.children + root.children).filter { qualifiedName($0).lowercased() == "item" }
        case "rdf":
            guard let channel = root.children.first(where: { localName(qualifiedName($0)).lowercased() == "channel" }) else { return nil }
            feedTitle = child("title", of: channel).map(line)
            items = root.children.filter { localName(qualifiedName($0)).lowercased() == "item" }
        case "feed":
            feedTitle = child("title", of: root).map(line)
            items = root.children.filter { qualifiedName($0).lowercased() == "entry" }
        default:
            return nil
        }
        var records: [DocumentRecord] = []
        for item in items {
            let number = Int(xmlGetLineNo(item.pointer))
            let at = SourceLocation(file: path, line: number, column: 1)
            var record = DocumentRecord(line: number, id: nil, text: "", entry: Manifest.Entry())
            record.entry.title = child("title", of: item).map(line).flatMap { $0.isEmpty ? nil : $0 }
            if let written = dateKeys.lazy.compactMap({ child($0, of: item) }).map(line).first(where: { !$0.isEmpty }) {
                if let date = DocumentRecords.writtenDate(written) {
                    (record.entry.date, record.entry.dateSource) = (date, .record)
                } else {
                    diagnostics.append(Diagnostic(.warning, at: at, "date '\(written)' is not a date (\(DocumentRecords.writtenDateForms)); "
                                                  + "the item is loaded without a date"))
                }
            }
            record.entry.fields = fields(of: item, feedTitle: feedTitle)
            record.entry.kind = record.entry.fields.first { $0.key == "source" }?.value
            let text = textKeys.lazy.compactMap { child($0, of: item) }.map(Self.text).first { !$0.isEmpty }
            guard let body = text ?? record.entry.title else {
                diagnostics.append(Diagnostic(.warning, at: at, "an item with no text and no title (no \(textKeys.joined(separator: ", ")) "
                                              + "or title element); it is not loaded"))
                continue
            }
            record.text = body
            records.append(record)
        }
        if records.isEmpty, diagnostics.isEmpty {
            diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: path, line: 1, column: 1), "a feed with no items; nothing in it is loaded"))
        }
        return (records, diagnostics)
    }

    /// An item's fields: `url` (RSS `link`, Atom's alternate `link href`), a `category` for each category (RSS text,
    /// Atom `term` or `label`, Dublin Core `dc:subject`), an `author` for each author (RSS `author`, `dc:creator`,
    /// Atom `author/name`), and `source`: the item's own `<source>` (the feed it was taken from), else the feed's title.
    static func fields(of item: HTMLNode, feedTitle: String?) -> [DocumentField] {
        var fields: [DocumentField] = []
        var source: String?
        func add(_ key: String, _ value: String?) {
            guard let value, !value.isEmpty, !fields.contains(DocumentField(key: key, value: value)) else { return }
            fields.append(DocumentField(key: key, value: value))
        }
        for element in item.children where element.isElement {
            switch qualifiedName(element).lowercased() {
            case "link":
                let relation = element.attribute("rel") ?? "alternate"
                if relation == "alternate", !fields.contains(where: { $0.key == "url" }) { add("url", element.attribute("href") ?? line(element)) }
            case "category":
                add("category", element.attribute("label") ?? element.attribute("term") ?? line(element))
            case "dc:subject":
                add("category", line(element))
            case "author":
                add("author", child("name", of: element).map(line) ?? line(element))
            case "dc:creator":
                add("author", line(element))
            case "source":
                source = child("title", of: element).map(line) ?? line(element)
            default: break
            }
        }
        if let name = [source, feedTitle].compactMap({ $0 }).first(where: { !$0.isEmpty }) {
            fields.insert(DocumentField(key: "source", value: name), at: 0)
        }
        return fields
    }

    /// An element's name with its namespace prefix, as feeds write it (`content:encoded`, `dc:date`, `pubDate`).
    static func qualifiedName(_ node: HTMLNode) -> String {
        guard node.isElement, let name = node.pointer.pointee.name else { return "" }
        let local = String(cString: name)
        guard let prefix = node.pointer.pointee.ns?.pointee.prefix else { return local }
        return String(cString: prefix) + ":" + local
    }

    /// The first child element named `name` (compared without case).
    static func child(_ name: String, of node: HTMLNode) -> HTMLNode? {
        node.children.first { $0.isElement && qualifiedName($0).lowercased() == name }
    }

    /// An element's text on one line: a title or a field, markup read as the one line it shows.
    static func line(_ node: HTMLNode) -> String {
        let plain = WebPage.plain(node.allText)
        return MarkupText.line(plain) ?? plain
    }

    /// An item's text as paragraphs separated by blank lines: Atom's XHTML content read as the page it is; any other
    /// content read as HTML, which RSS allows in a description and Atom says with `type="html"`, so that its tags
    /// and entities are no words and its line breaks are spaces; Atom's `type="text"` split at blank lines.
    static func text(_ node: HTMLNode) -> String {
        let paragraphs: [[UInt8]]
        switch node.attribute("type")?.lowercased() {
        case "xhtml":
            paragraphs = WebPage.paragraphs(of: node)
        case "text":
            let all = String(decoding: node.allText, as: UTF8.self)
            paragraphs = all.components(separatedBy: "\n").split { $0.allSatisfy(\.isWhitespace) }
                .map { Array(WebPage.plain($0.joined(separator: " ")).utf8) }
        default:
            guard let page = HTMLDocument(bytes: node.allText, encoding: "UTF-8"), let root = page.root else { return "" }
            paragraphs = WebPage.paragraphs(of: root)
        }
        return paragraphs.filter { !$0.isEmpty }.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n\n")
    }
}

/// Where an XML file's document type declares an entity ("<!ENTITY"), in the prolog before its root element.
private func entityDeclaration(in bytes: [UInt8]) -> Int? {
    let mark = Array("<!ENTITY".utf8)
    let prolog = bytes.prefix(1 << 20)
    var i = 0
    while i + mark.count <= prolog.count {
        if prolog[i] == 0x3C {
            if prolog[i..<(i + mark.count)].elementsEqual(mark) { return i }
            // The root element's start tag ends the prolog.
            if i + 1 < prolog.count, Tokenizer.isAsciiLetter(prolog[i + 1]) { return nil }
        }
        i += 1
    }
    return nil
}

/// A file parsed by libxml2's XML parser without fetching anything and without expanding entities (a feed has no
/// need of them, and they are how an XML file reads other files or makes itself a billion times larger). A file
/// that is not well-formed is parsed again in libxml2's recovery mode, and `fault` says where the first fault is.
struct XMLTree {
    /// The parsed tree, freed by its taker; nil when libxml2 makes none.
    var document: xmlDocPtr?
    var fault: (line: Int, column: Int, message: String)?

    init(_ bytes: [UInt8]) {
        _ = HTMLDocument.initialised
        dossier_xml_silence_this_thread()
        guard let context = xmlNewParserCtxt() else { return }
        defer { xmlFreeParserCtxt(context) }
        let options = XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_COMPACT.rawValue | XML_PARSE_BIG_LINES.rawValue
        func parse(_ options: UInt32) -> xmlDocPtr? {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) {
                    xmlCtxtReadMemory(context, $0.baseAddress, Int32($0.count), nil, nil, Int32(options))
                }
            }
        }
        document = parse(options)
        guard context.pointee.wellFormed == 0 else { return }
        let error = context.pointee.lastError
        let message = error.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "a fault in its XML"
        fault = (max(1, Int(error.line)), max(1, Int(error.int2)), message)
        if let document { xmlFreeDoc(document) }
        document = parse(options | XML_PARSE_RECOVER.rawValue)
    }
}

extension DocumentAnalyzer {
    /// Analyses every item of a feed as its own document (its id the file's name and the item's line, as a
    /// collection's record without an id), and returns the file's warnings; nil when the file is no feed.
    mutating func analyzeFeed(_ bytes: [UInt8], path: String) -> [Diagnostic]? {
        let display = FileSystem.display(path)
        guard let (records, diagnostics) = NewsFeed.read(bytes, path: display) else { return nil }
        analyzeRecords(records, path: path)
        return diagnostics
    }
}
