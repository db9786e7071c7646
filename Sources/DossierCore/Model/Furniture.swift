import Glibc

/// Phrases that mark web-page furniture, read from a data file (`seeds/dossier.furniture`) the user can extend:
/// plain lines start a furniture line, `end:` lines start the page footer (all that follows is dropped),
/// `credit:` lines start a photo credit (dropped up to the caption it is glued to).
public struct Furniture: Sendable {
    var lineStarts: [[UInt8]] = []
    var footerStarts: [[UInt8]] = []
    var creditMarkers: [[UInt8]] = []

    public init() {}

    public mutating func add(text: String) {
        for raw in text.split(separator: "\n") {
            let line = raw.trimmingSpaces()
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("end:") {
                footerStarts.append(Array(Folding.fold(line.dropFirst(4).trimmingSpaces()).utf8))
            } else if line.hasPrefix("credit:") {
                creditMarkers.append(Array(line.dropFirst(7).trimmingSpaces().utf8))
            } else {
                lineStarts.append(Array(Folding.fold(line).utf8))
            }
        }
        lineStarts.sort { $0.count > $1.count }
    }

    static func startsWith(_ folded: ArraySlice<UInt8>, _ phrases: [[UInt8]]) -> Bool {
        for phrase in phrases where folded.count >= phrase.count {
            if folded.prefix(phrase.count).elementsEqual(phrase) {
                let next = folded.dropFirst(phrase.count).first
                let lastIsLetter = phrase.last.map { Tokenizer.isAsciiLetter($0) } ?? false
                if next == nil || !lastIsLetter || !Tokenizer.isAsciiLetter(next!) { return true }
            }
        }
        return false
    }

    /// Lines longer than this (in bytes) are content, never furniture.
    static let longestLine = 160

    func isFurniture(folded line: ArraySlice<UInt8>) -> Bool {
        line.count <= Self.longestLine && Self.startsWith(line, lineStarts)
    }

    func startsFooter(folded line: ArraySlice<UInt8>) -> Bool {
        line.count <= Self.longestLine && Self.startsWith(line, footerStarts)
    }

    /// The byte range of a photo credit in `line` ("© REUTERS / PAUL LORGERIE", "IMAGE: AFP 2018 / ISSOUF SANOGO"):
    /// from the marker over capitals, digits and slashes, up to a caption glued to it ("LORGERIEMalian").
    func creditRange(in line: ArraySlice<UInt8>) -> Range<Int>? {
        // Markers are "©" or end in a colon: most lines have neither and are not searched.
        guard !creditMarkers.isEmpty, line.withUnsafeBytes({ bytes in
            bytes.count > 0 && (memchr(bytes.baseAddress!, 0xC2, bytes.count) != nil || memchr(bytes.baseAddress!, 0x3A, bytes.count) != nil)
        }) else { return nil }
        for marker in creditMarkers {
            guard let start = Self.find(marker, in: line) else { continue }
            if start > line.startIndex, line[start - 1] != 0x20 { continue }
            var i = start + marker.count
            var lastWordStart = i
            while i < line.endIndex {
                let b = line[i]
                if b >= 0x61 && b <= 0x7A {
                    // A lower-case letter: either a glued caption (…LORGERIEMalian) or ordinary text.
                    if i - 1 > lastWordStart, line[i - 1] >= 0x41 && line[i - 1] <= 0x5A, i >= 2, line[i - 2] >= 0x41 && line[i - 2] <= 0x5A {
                        return start..<(i - 1)
                    }
                    return start..<lastWordStart
                }
                if b == 0x20 { lastWordStart = i + 1 }
                i += 1
            }
            return start..<line.endIndex
        }
        return nil
    }

    static func find(_ needle: [UInt8], in hay: ArraySlice<UInt8>) -> Int? {
        guard !needle.isEmpty, hay.count >= needle.count else { return nil }
        // memchr to each candidate first byte, then compare the rest.
        return hay.withUnsafeBytes { h in
            needle.withUnsafeBytes { n in
                var offset = 0
                let last = h.count - n.count
                while offset <= last {
                    guard let hit = memchr(h.baseAddress! + offset, Int32(n[0]), last - offset + 1) else { return nil }
                    let at = UnsafeRawPointer(hit) - h.baseAddress!
                    if memcmp(h.baseAddress! + at, n.baseAddress!, n.count) == 0 { return hay.startIndex + at }
                    offset = at + 1
                }
                return nil
            }
        }
    }
}
