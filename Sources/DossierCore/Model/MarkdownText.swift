/// The text a Markdown document says, as a reader sees it rendered: a link is its words (its address would date a
/// sentence by the "2019/05" in it), an image, a code block and a link definition are no text, and the marks of
/// headings, emphasis, quotes and lists are dropped; paragraphs stay where they are.
enum MarkdownText {
    static func plain(_ bytes: [UInt8]) -> [UInt8] {
        var lines: [[UInt8]] = []
        var fence: [UInt8]?
        var all = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        // YAML front matter ("---", keys, "---") is the page's settings, not its text.
        if let first = all.first, first.starts(with: Array("---".utf8)), first.allSatisfy({ $0 == 0x2D || $0 == 0x0D }),
           let end = all.dropFirst().firstIndex(where: { ["---", "..."].contains(String(decoding: $0.filter { $0 != 0x0D }, as: UTF8.self)) }) {
            for k in 0...end { all[k] = [] }
        }
        for line in all {
            var body = line[...]
            if body.last == 0x0D { body = body.dropLast() }
            let indent = body.prefix { $0 == 0x20 }.count
            let trimmed = body.dropFirst(indent)
            // A fenced code block (``` or ~~~) is no text, nor its fences.
            if indent < 4, let mark = fenceMark(trimmed) {
                if fence == nil { fence = mark } else if trimmed.starts(with: fence!) { fence = nil }
                lines.append([])
            } else if fence != nil || isRule(trimmed) || isLinkDefinition(trimmed) {
                lines.append([])
            } else {
                lines.append(inline(blockContent(trimmed)))
            }
        }
        return Array(lines.joined(separator: [0x0A]))
    }

    /// "```" or "~~~" (three or more) opening a line.
    private static func fenceMark(_ line: ArraySlice<UInt8>) -> [UInt8]? {
        guard let first = line.first, first == 0x60 || first == 0x7E else { return nil }
        let run = line.prefix { $0 == first }.count
        return run >= 3 ? Array(repeating: first, count: 3) : nil
    }

    /// A thematic break or a heading's underline: "---", "***", "===", "___" alone on a line.
    private static func isRule(_ line: ArraySlice<UInt8>) -> Bool {
        let marks = line.filter { $0 != 0x20 && $0 != 0x09 }
        guard marks.count >= 3, let first = marks.first, [0x2D, 0x2A, 0x3D, 0x5F].contains(first) else { return false }
        return marks.allSatisfy { $0 == first }
    }

    /// "[label]: https://..." lines, which give a reference link its address.
    private static func isLinkDefinition(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.first == 0x5B, let close = line.firstIndex(of: 0x5D), close + 1 < line.endIndex else { return false }
        return line[close + 1] == 0x3A
    }

    /// A line without its block marks: "# " of a heading (and closing #s), "> " of a quote, "- ", "* ", "+ " or "1. "
    /// of a list item.
    private static func blockContent(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var rest = line
        while true {
            if rest.first == 0x3E {
                rest = rest.dropFirst().drop { $0 == 0x20 }
                continue
            }
            let hashes = rest.prefix { $0 == 0x23 }.count
            if (1...6).contains(hashes), rest.count == hashes || rest[rest.startIndex + hashes] == 0x20 {
                rest = rest.dropFirst(hashes).drop { $0 == 0x20 }
                while rest.last == 0x23 || rest.last == 0x20 { rest = rest.dropLast() }
                return rest
            }
            if let first = rest.first, [0x2D, 0x2A, 0x2B].contains(first), rest.dropFirst().first == 0x20 {
                return rest.dropFirst(2).drop { $0 == 0x20 }
            }
            let digits = rest.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
            if (1...9).contains(digits), rest.count > digits + 1, [0x2E, 0x29].contains(rest[rest.startIndex + digits]),
               rest[rest.startIndex + digits + 1] == 0x20 {
                return rest.dropFirst(digits + 2).drop { $0 == 0x20 }
            }
            return rest
        }
    }

    /// A line's inline marks resolved: `![alt](src)` dropped, `[words](address)` and `[words][label]` their words,
    /// `<https://...>` dropped, `code` its text, and `*`, `**`, `_`, `__` around words dropped (inside a word, as in
    /// snake_case, they stay).
    private static func inline(_ line: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if c == 0x21, i + 1 < line.endIndex, line[i + 1] == 0x5B, let end = linkEnd(line, from: i + 1) {
                i = end.after
                continue
            }
            if c == 0x5B, let end = linkEnd(line, from: i) {
                out += inline(line[(i + 1)..<end.close])
                i = end.after
                continue
            }
            if c == 0x3C, let close = line[i...].firstIndex(of: 0x3E), line[(i + 1)..<close].starts(with: Array("http".utf8)) {
                i = close + 1
                continue
            }
            if c == 0x60 {
                i += 1
                continue
            }
            if c == 0x2A || c == 0x5F {
                let before = i > line.startIndex ? line[i - 1] : 0x20
                var j = i
                while j < line.endIndex, line[j] == c { j += 1 }
                let after = j < line.endIndex ? line[j] : 0x20
                // Emphasis opens before a word or closes after one; a mark between two letters or two spaces stays.
                if j - i <= 3, isWordByte(before) != isWordByte(after) {
                    i = j
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        return out
    }

    /// Where a bracketed link text that starts at `open` closes, and where the link ends after its "(address)" or
    /// "[label]"; nil when the brackets are no link.
    private static func linkEnd(_ line: ArraySlice<UInt8>, from open: Int) -> (close: Int, after: Int)? {
        var depth = 0
        var k = open
        while k < line.endIndex {
            if line[k] == 0x5B { depth += 1 } else if line[k] == 0x5D {
                depth -= 1
                if depth == 0 { break }
            }
            k += 1
        }
        guard k < line.endIndex, k + 1 < line.endIndex else { return nil }
        let (opening, closing): (UInt8, UInt8) = line[k + 1] == 0x28 ? (0x28, 0x29) : line[k + 1] == 0x5B ? (0x5B, 0x5D) : (0, 0)
        guard opening != 0, let end = line[(k + 2)...].firstIndex(of: closing) else { return nil }
        return (k, end + 1)
    }

    /// A byte of a word: a letter or a digit, or part of a letter outside ASCII.
    private static func isWordByte(_ b: UInt8) -> Bool {
        b >= 0x80 || Tokenizer.isDigit(b) || Tokenizer.isAsciiLetter(b)
    }
}
