import Foundation

/// The text a Markdown document says, as a reader sees it rendered: a link is its words (its address would date a
/// sentence by the "2019/05" in it), an image, a code block and a link definition are no text, and the marks of
/// headings, emphasis, quotes and lists are dropped; paragraphs stay where they are.
enum MarkdownText {
    /// The text and the lines (1-based, in the text) that start a block: a heading (and the line after it), a list
    /// item, a table row, the first line of a quote. Between blank lines, any other line goes on the paragraph above it,
    /// as CommonMark reads a line break inside a paragraph: a space.
    /// A line ending in two spaces, a backslash or `<br>` is a hard line break: the next line starts a block (an
    /// address's lines, a poem's). A line indented by four spaces or a tab after a blank line, outside a list, is an
    /// indented code block: no text, as a fenced one.
    static func plain(_ bytes: [UInt8]) -> (text: [UInt8], blockStarts: Set<Int>) {
        var lines: [[UInt8]] = []
        var blockStarts: Set<Int> = []
        var previousWasQuote = false
        var previousBlank = true
        var inList = false
        var fence: [UInt8]?
        let uncommented = withoutComments(bytes)
        var all = uncommented.split(separator: 0x0A, omittingEmptySubsequences: false)
        // Front matter is the page's settings, not its text (its title, date and keys are read by `frontMatter`).
        if let end = frontMatterEnd(all) {
            for k in 0...end { all[k] = [] }
        }
        for line in all {
            var body = line[...]
            if body.last == 0x0D { body = body.dropLast() }
            let indent = body.prefix { $0 == 0x20 }.count
            var trimmed = body.dropFirst(indent)
            let blank = trimmed.allSatisfy { $0 == 0x20 || $0 == 0x09 }
            defer { previousBlank = blank }
            let hardBreak = body.reversed().starts(with: [0x20, 0x20]) || body.last == 0x5C
                || trimmed.reversed().starts(with: Array("<br>".utf8.reversed())) || trimmed.reversed().starts(with: Array("<br/>".utf8.reversed()))
                || trimmed.reversed().starts(with: Array("<br />".utf8.reversed()))
            if body.last == 0x5C { trimmed = trimmed.dropLast() }
            if hardBreak, !blank { blockStarts.insert(lines.count + 2) }
            // A fenced code block (``` or ~~~) is no text, nor its fences.
            if fence == nil, !blank, (indent >= 4 || body.first == 0x09), previousBlank || lines.last?.isEmpty == true, !inList {
                lines.append([])
            } else if indent < 4, let mark = fenceMark(trimmed) {
                if fence == nil { fence = mark } else if trimmed.starts(with: fence!) { fence = nil }
                lines.append([])
            } else if fence == nil, trimmed.starts(with: [0x5B, 0x5E]), let close = trimmed.firstIndex(of: 0x5D),
                      close + 1 < trimmed.endIndex, trimmed[close + 1] == 0x3A {
                // A footnote's definition ("[^1]: Source: Kenya National Archives") is text of its own, without its label.
                blockStarts.insert(lines.count + 1)
                lines.append(inline(trimmed[(close + 2)...].drop { $0 == 0x20 }))
            } else if fence != nil || isRule(trimmed) || isLinkDefinition(trimmed) || isTableDelimiter(trimmed) {
                lines.append([])
            } else if trimmed.first == 0x7C {
                // A table row is a paragraph of its own, its cells parted by " | ": not one sentence with the next rows.
                blockStarts.insert(lines.count + 1)
                lines.append(inline(tableRow(trimmed)))
                lines.append([])
            } else {
                let content = blockContent(trimmed)
                let quote = trimmed.first == 0x3E
                if indent < 4, !blank { inList = isListItem(trimmed) || (inList && !previousBlank) || (inList && indent >= 2) }
                if content.count != trimmed.count, !quote || !previousWasQuote { blockStarts.insert(lines.count + 1) }
                if trimmed.first == 0x23, content.count != trimmed.count { blockStarts.insert(lines.count + 2) }
                previousWasQuote = quote
                lines.append(inline(content))
                continue
            }
            previousWasQuote = false
        }
        return (Array(lines.joined(separator: [0x0A])), blockStarts)
    }

    /// The text with each HTML comment (`<!-- ... -->`, maybe over several lines) made spaces, its line breaks kept: a
    /// comment is not shown, so it names no one (tester18 #17). One not closed runs to the end.
    static func withoutComments(_ bytes: [UInt8]) -> [UInt8] {
        let open: [UInt8] = Array("<!--".utf8), close: [UInt8] = Array("-->".utf8)
        guard bytes.count >= 4, bytes.indices.dropLast(3).contains(where: { bytes[$0] == 0x3C && bytes[$0 + 1] == 0x21 }) else { return bytes }
        var out = bytes
        var i = 0
        while i + 4 <= out.count {
            guard out[i] == 0x3C, out[i..<(i + 4)].elementsEqual(open) else {
                i += 1
                continue
            }
            var j = i + 4
            while j + 3 <= out.count, !out[j..<(j + 3)].elementsEqual(close) { j += 1 }
            let end = min(j + 3, out.count)
            for k in i..<end where out[k] != 0x0A { out[k] = 0x20 }
            i = end
        }
        return out
    }

    /// What a note's front matter says of it, as Hugo, Jekyll, Obsidian and pandoc write it: YAML between "---" lines
    /// or TOML between "+++" lines, at the very top. `title` and `date` (or a key of `DocumentRecords.dateKeys`) are
    /// the document's; other keys with a plain value or a list of them (`tags: [a, b]`, or "- a" lines under the
    /// key) are fields, one for each value; nested tables are left out. Nil when there is no front matter.
    static func frontMatter(_ bytes: [UInt8]) -> Manifest.Entry? {
        let all = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        guard let end = frontMatterEnd(all) else { return nil }
        let toml = all[0].first == 0x2B
        var entry = Manifest.Entry()
        entry.dateSource = .frontMatter
        var pairs: [(key: String, values: [String])] = []
        // The pair that took no value on its line: the "- item" lines under it are its values.
        var openList: Int?
        for line in all[1..<end] {
            let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if text.hasPrefix("- ") {
                if let k = openList { pairs[k].values.append(scalar(String(text.dropFirst(2)))) }
                continue
            }
            // A nested table's lines are not read.
            if line.first == 0x20 || line.first == 0x09 { continue }
            openList = nil
            guard !text.isEmpty, !text.hasPrefix("#"), !text.hasPrefix("["),
                  let separator = text.firstIndex(of: toml ? "=" : ":") else { continue }
            let key = text[..<separator].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'")).lowercased()
            let value = text[text.index(after: separator)...].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { continue }
            if value.hasPrefix("[") && value.hasSuffix("]") {
                pairs.append((key, splitList(String(value.dropFirst().dropLast()))))
            } else if value.hasPrefix("{") || value == "|" || value == ">" {
                continue
            } else {
                if value.isEmpty { openList = pairs.count }
                pairs.append((key, value.isEmpty ? [] : [scalar(value)]))
            }
        }
        for (key, given) in pairs {
            let values = given.filter { !$0.isEmpty }
            guard let first = values.first else { continue }
            if key == "title" {
                entry.title = entry.title ?? first
            } else if key == "date" || (DocumentRecords.dateKeys.contains(key) && entry.date == nil),
                      let period = DocumentRecords.date(first) ?? WebPage.date(first) {
                entry.date = period
                entry.writtenSlashDate = SlashDate(first, key: key)
            } else if key != "date" {
                if key == "source", entry.kind == nil { entry.kind = first }
                entry.fields += values.map { DocumentField(key: key, value: $0) }
            }
        }
        return entry
    }

    /// The index of the line closing the front matter ("---" or "..." after "---", "+++" after "+++"), nil when the
    /// text does not open with one.
    private static func frontMatterEnd(_ lines: [ArraySlice<UInt8>]) -> Int? {
        func bare(_ line: ArraySlice<UInt8>) -> String { String(decoding: line.filter { $0 != 0x0D }, as: UTF8.self) }
        guard let first = lines.first.map(bare), first == "---" || first == "+++" else { return nil }
        let closers = first == "---" ? ["---", "..."] : ["+++"]
        return lines.indices.dropFirst().first { closers.contains(bare(lines[$0])) }
    }

    /// A YAML or TOML scalar without its quotes.
    private static func scalar(_ value: String) -> String {
        var v = value.trimmingCharacters(in: .whitespaces)
        if v.count >= 2, let q = v.first, q == "\"" || q == "'", v.last == q { v = String(v.dropFirst().dropLast()) }
        return v
    }

    /// The items of an inline list "a, 'b, c', \"d\"": commas inside quotes do not part items.
    private static func splitList(_ text: String) -> [String] {
        var items: [String] = [], current = "", quote: Character?
        for c in text {
            if let q = quote {
                current.append(c)
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
                current.append(c)
            } else if c == "," {
                items.append(scalar(current))
                current = ""
            } else {
                current.append(c)
            }
        }
        items.append(scalar(current))
        return items
    }

    /// The line under a table's header row: cells of dashes with colons for alignment ("|---|:--:|").
    private static func isTableDelimiter(_ line: ArraySlice<UInt8>) -> Bool {
        line.first == 0x7C && line.contains(0x2D) && line.allSatisfy { [0x7C, 0x2D, 0x3A, 0x20, 0x09].contains($0) }
    }

    /// A table row's cells parted by " | ", without the pipes at either end.
    private static func tableRow(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var row = line.dropFirst()
        while row.last == 0x20 || row.last == 0x09 { row = row.dropLast() }
        if row.last == 0x7C { row = row.dropLast() }
        while row.last == 0x20 || row.last == 0x09 { row = row.dropLast() }
        return row.drop { $0 == 0x20 || $0 == 0x09 }
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

    /// A list item's line: "- ", "* ", "+ " or "1. " first.
    private static func isListItem(_ line: ArraySlice<UInt8>) -> Bool {
        guard let first = line.first else { return false }
        if [0x2D, 0x2A, 0x2B].contains(first) { return line.dropFirst().first == 0x20 }
        let digits = line.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
        return (1...9).contains(digits) && line.dropFirst(digits).first.map { $0 == 0x2E || $0 == 0x29 } == true
            && line.dropFirst(digits + 1).first == 0x20
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
    /// `<https://...>` dropped, `code` its text, raw HTML tags of `MarkupText.elements` dropped (`<br>` a space), and
    /// `*`, `**`, `_`, `__` around words dropped (inside a word, as in snake_case, they stay). Linear in the line's
    /// length whatever its brackets and marks (tester16 #13: 100,000 nested brackets took seconds).
    private static func inline(_ line: ArraySlice<UInt8>) -> [UInt8] {
        let links = LinkBrackets(line)
        var out: [UInt8] = []
        out.reserveCapacity(line.count)
        // Where the link texts being read close, and where their links end, innermost last.
        var open: [(close: Int, after: Int)] = []
        var i = line.startIndex
        while i < line.endIndex {
            if let last = open.last, i == last.close {
                i = last.after
                open.removeLast()
                continue
            }
            let c = line[i]
            if c == 0x21, i + 1 < line.endIndex, line[i + 1] == 0x5B, let end = links.link(at: i + 1) {
                i = end.after
                continue
            }
            if c == 0x5B, let end = links.link(at: i), open.last.map({ end.after <= $0.close }) ?? true {
                open.append(end)
                i += 1
                continue
            }
            if c == 0x3C, let close = line[i...].prefix(200).firstIndex(of: 0x3E) {
                let inside = line[(i + 1)..<close]
                if inside.starts(with: Array("http".utf8)) {
                    i = close + 1
                    continue
                }
                let name = inside.drop { $0 == 0x2F }.prefix { Tokenizer.isAsciiLetter($0) || Tokenizer.isDigit($0) }
                if !name.isEmpty, MarkupText.elements.contains(String(decoding: name, as: UTF8.self).lowercased()) {
                    if !out.isEmpty, out.last != 0x20 { out.append(0x20) }
                    i = close + 1
                    continue
                }
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
                out.append(contentsOf: line[i..<j])
                i = j
                continue
            }
            out.append(c)
            i += 1
        }
        while out.last == 0x20 { out.removeLast() }
        return out
    }

    /// A line's brackets paired in one pass, and where the next ")" and "]" are after each place: which brackets are
    /// links, found without reading the line again for each one.
    private struct LinkBrackets {
        let line: ArraySlice<UInt8>
        /// For each "[", its matching "]" (nesting counted), by offset in the line; -1 when none.
        var closing: [Int]
        /// For each offset, the next ")" and the next "]" at or after it; the line's length when none.
        var nextParen: [Int]
        var nextBracket: [Int]

        init(_ line: ArraySlice<UInt8>) {
            self.line = line
            let n = line.count
            closing = [Int](repeating: -1, count: n)
            nextParen = [Int](repeating: n, count: n + 1)
            nextBracket = [Int](repeating: n, count: n + 1)
            var openers: [Int] = []
            for (k, b) in line.enumerated() {
                if b == 0x5B { openers.append(k) } else if b == 0x5D, let o = openers.popLast() { closing[o] = k }
            }
            for k in stride(from: n - 1, through: 0, by: -1) {
                let b = line[line.startIndex + k]
                nextParen[k] = b == 0x29 ? k : nextParen[k + 1]
                nextBracket[k] = b == 0x5D ? k : nextBracket[k + 1]
            }
        }

        /// Where the bracketed link text opening at `open` closes, and where the link ends after its "(address)" or
        /// "[label]"; nil when the brackets are no link.
        func link(at open: Int) -> (close: Int, after: Int)? {
            let base = line.startIndex
            let k = closing[open - base]
            guard k >= 0, k + 2 < line.count else { return nil }
            let next = line[base + k + 1]
            guard next == 0x28 || next == 0x5B else { return nil }
            let end = next == 0x28 ? nextParen[k + 2] : nextBracket[k + 2]
            guard end < line.count else { return nil }
            return (base + k, base + end + 1)
        }
    }

    /// A byte of a word: a letter or a digit, or part of a letter outside ASCII.
    private static func isWordByte(_ b: UInt8) -> Bool {
        b >= 0x80 || Tokenizer.isDigit(b) || Tokenizer.isAsciiLetter(b)
    }
}
