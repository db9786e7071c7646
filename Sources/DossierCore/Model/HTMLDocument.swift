import CLibXML2
import Glibc

/// A web page parsed by libxml2's HTML parser, which recovers from what real pages hold (unclosed `<p>`, `<` inside
/// scripts, unquoted attributes, named and numeric entities) without printing anything. Its tree is read through
/// `HTMLNode`s, valid while the document lives.
final class HTMLDocument {
    private let document: htmlDocPtr

    /// libxml2 sets up its tables once, before any thread parses (its own set-up is not thread-safe).
    static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses a page in `encoding` (a name iconv knows); nil when libxml2 makes no document of it at all.
    /// `XML_PARSE_HUGE` lifts libxml2's limits of 256 nested elements and 10 MB per text node, past which it silently
    /// drops the rest of the page; the loader's own size cap bounds the input instead.
    init?(bytes: [UInt8], encoding: String) {
        _ = Self.initialised
        dossier_xml_silence_this_thread()
        guard bytes.count < Int(Int32.max) else { return nil }
        let options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_NODEFDTD.rawValue | HTML_PARSE_COMPACT.rawValue
            | HTML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_HUGE.rawValue
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                htmlReadMemory($0.baseAddress, Int32($0.count), nil, encoding, Int32(options))
            }
        }
        guard let parsed else { return nil }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    /// The `<html>` element (libxml2 supplies it when the page has none).
    var root: HTMLNode? { xmlDocGetRootElement(document).map(HTMLNode.init) }

    // MARK: Character set

    /// The character set of a page's bytes, as browsers choose it (WHATWG "encoding sniffing", simplified): a
    /// byte-order mark; else a `charset` in a `<meta>` tag within the first 1024 bytes, where ISO-8859-1 and ASCII
    /// mean windows-1252 (as in every browser) and a UTF-16 label in ASCII text means UTF-8; else UTF-8 when the
    /// bytes are valid UTF-8, else windows-1251 when most letters are Cyrillic, else windows-1252.
    static func encoding(of bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        if let label = declaredCharset(bytes.prefix(1024)) {
            switch label {
            case "utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be": return "UTF-8"
            case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "windows-1252",
                 "cp1252", "x-cp1252", "ansi_x3.4-1968", "x-user-defined": return "WINDOWS-1252"
            // Browsers do not know these labels, or never take them from a page's own bytes, which such a tag shows
            // are ASCII-compatible: the tag is passed over.
            case _ where label.hasPrefix("utf-32") || label.hasPrefix("ucs") || label.hasPrefix("utf-7") || !converts(label): break
            default: return label.uppercased()
            }
        }
        if String(validating: bytes, as: UTF8.self) != nil { return "UTF-8" }
        return WindowsEncoding(guessing: bytes) == .windows1251 ? "WINDOWS-1251" : "WINDOWS-1252"
    }

    /// Whether iconv (which libxml2 converts with) knows the character set `label`.
    static func converts(_ label: String) -> Bool {
        let converter = iconv_open("UTF-8", label.uppercased())
        guard converter != iconv_t(bitPattern: -1) else { return false }
        iconv_close(converter)
        return true
    }

    /// The label after `charset=` in the first `<meta` tag that has one (`<meta charset="utf-8">`,
    /// `<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">`), lowercased.
    static func declaredCharset(_ head: ArraySlice<UInt8>) -> String? {
        let lower = head.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        var i = 0
        while let meta = find(Array("<meta".utf8), in: lower[...], from: i) {
            let end = lower[meta...].firstIndex(of: UInt8(ascii: ">")) ?? lower.count
            if let at = find(Array("charset".utf8), in: lower[..<end], from: meta) {
                var k = at + 7
                func skipSpaces() { while k < end, lower[k] == 0x20 || lower[k] == 0x09 || lower[k] == 0x0A || lower[k] == 0x0D { k += 1 } }
                skipSpaces()
                if k < end, lower[k] == UInt8(ascii: "=") {
                    k += 1
                    skipSpaces()
                    if k < end, lower[k] == UInt8(ascii: "\"") || lower[k] == UInt8(ascii: "'") { k += 1 }
                    let start = k
                    while k < end, isLabelByte(lower[k]) { k += 1 }
                    if k > start { return String(decoding: lower[start..<k], as: UTF8.self) }
                }
            }
            i = end
        }
        return nil
    }

    private static func isLabelByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
            || b == UInt8(ascii: ".") || b == UInt8(ascii: ":")
    }

    /// Where `needle` first occurs in `bytes` at or after `from`.
    private static func find(_ needle: [UInt8], in bytes: ArraySlice<UInt8>, from: Int) -> Int? {
        var i = max(from, bytes.startIndex)
        while i + needle.count <= bytes.endIndex {
            if bytes[i] == needle[0], bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}

/// One node of a parsed page: an element, or a run of text (entities decoded, in UTF-8).
struct HTMLNode {
    let pointer: xmlNodePtr

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// The element's name in lower case ("p", "article"); libxml2's HTML parser lowercases names already.
    var name: String { pointer.pointee.name.map { String(cString: $0).lowercased() } ?? "" }

    var firstChild: HTMLNode? { pointer.pointee.children.map(HTMLNode.init) }
    var next: HTMLNode? { pointer.pointee.next.map(HTMLNode.init) }

    var children: [HTMLNode] {
        var all: [HTMLNode] = []
        var child = firstChild
        while let c = child {
            all.append(c)
            child = c.next
        }
        return all
    }

    /// A text node's bytes (UTF-8); empty for an element.
    var textBytes: UnsafeBufferPointer<UInt8> {
        guard isText, let content = pointer.pointee.content else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: content, count: strlen(content))
    }

    /// An attribute's value (names compared without case), nil when absent; "" for a bare attribute (`hidden`).
    func attribute(_ wanted: String) -> String? {
        var property = pointer.pointee.properties
        while let p = property {
            if let name = p.pointee.name, String(cString: name).lowercased() == wanted {
                var value: [UInt8] = []
                var child = p.pointee.children
                while let c = child {
                    if let content = c.pointee.content { value += UnsafeBufferPointer(start: content, count: strlen(content)) }
                    child = c.pointee.next
                }
                return String(decoding: value, as: UTF8.self)
            }
            property = p.pointee.next
        }
        return nil
    }

    /// The text of every text node under this one, in order, concatenated as written (scripts included).
    var allText: [UInt8] {
        var out: [UInt8] = []
        var stack = [self]
        while let node = stack.popLast() {
            if node.isText { out += node.textBytes }
            stack += node.children.reversed()
        }
        return out
    }
}
