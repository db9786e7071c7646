/// Folds text for matching: lower case, diacritics removed, typographic quotes and dashes made plain, in every
/// script with case (Latin, Greek, Cyrillic, Armenian...). Works on UTF-8 bytes so the loader never builds a
/// `String` per word; ASCII and Latin-1 take the first two branches, other letters a table generated from Unicode
/// (FoldingTable.swift, by scripts/gen-folding-table).
public enum Folding {
    /// Appends the folded form of some bytes to `out`: folded into room on the stack (for a word), then appended at once
    /// (room for twice the bytes appended as zeros, one at a time, then cut, was most of the sentence splitter's and the
    /// towns' folding).
    public static func fold(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count * 2) { buffer in
            let written = fold(bytes, into: buffer)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<written]))
        }
    }

    /// An ASCII byte folded: upper-case letters lowered, everything else as it is. Folding keeps ASCII bytes in
    /// place, so ASCII text can be compared with folded words byte by byte.
    @inline(__always)
    static func foldASCII(_ b: UInt8) -> UInt8 { b &+ ((b &- 65) < 26 ? 32 : 0) }

    /// Folds bytes into a fixed buffer (no allocation, for the loader's hot loop); returns the bytes written:
    /// lower case, diacritics removed, typographic quotes and dashes made plain. Folding at most doubles the
    /// length ("ß" → "ss"), so `out` must hold twice the input; longer input is cut.
    @inline(__always)
    public static func fold(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var i = 0
        var n = 0
        let count = min(bytes.count, out.count / 2)
        // Eight ASCII bytes at a time, their capitals lowered at once, while the word is ASCII (it mostly is).
        if let from = bytes.baseAddress, let to = out.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101
            while i &+ 8 <= count {
                let word = UnsafeRawPointer(from + i).loadUnaligned(as: UInt64.self)
                guard word & (ones &* 0x80) == 0 else { break }
                // Per byte, the high bit of (b + 0x3F) says b >= "A", of (b + 0x25) b > "Z"; no byte carries into the next.
                let capitals = (word &+ ones &* 0x3F) & ~(word &+ ones &* 0x25) & (ones &* 0x80)
                UnsafeMutableRawPointer(to + i).storeBytes(of: word | capitals >> 2, as: UInt64.self)
                i &+= 8
            }
            n = i
        }
        while i < count {
            let b = bytes[i]
            if b < 0x80 {
                out[n] = foldASCII(b)
                n += 1
                i += 1
            } else if (b == 0xC3 || b == 0xC4 || b == 0xC5), i + 1 < count {
                let scalar = (Int(b & 0x1F) << 6) | Int(bytes[i + 1] & 0x3F)
                let folded = latinTable[scalar - 0xC0]
                if folded.0 != 0 {
                    out[n] = folded.0
                    n += 1
                    if folded.1 != 0 {
                        out[n] = folded.1
                        n += 1
                    }
                } else {
                    out[n] = b
                    out[n + 1] = bytes[i + 1]
                    n += 2
                }
                i += 2
            } else if b >= 0xC6, b <= 0xDF, i + 1 < count {
                let scalar = (Int(b & 0x1F) << 6) | Int(bytes[i + 1] & 0x3F)
                n += copy(scalarTable[scalar - 0x180], or: bytes, at: i, length: 2, to: out, at: n)
                i += 2
            } else if b == 0xE1, i + 2 < count, bytes[i + 1] >= 0xB8 {
                let scalar = (Int(bytes[i + 1] & 0x3F) << 6) | Int(bytes[i + 2] & 0x3F)
                n += copy(scalarTable[scalar - 0xE00 + 0x680], or: bytes, at: i, length: 3, to: out, at: n)
                i += 3
            } else if b == 0xE2, i + 2 < count, bytes[i + 1] == 0x80, (0x90...0x99).contains(bytes[i + 2]) {
                out[n] = bytes[i + 2] >= 0x98 ? UInt8(ascii: "'") : UInt8(ascii: "-")
                n += 1
                i += 3
            } else {
                out[n] = b
                n += 1
                i += 1
            }
        }
        return n
    }

    /// Writes a scalar's folded bytes from `scalarTable` (or, for 0, the scalar as it is); returns the bytes written.
    @inline(__always)
    private static func copy(_ entry: UInt32, or bytes: UnsafeBufferPointer<UInt8>, at i: Int, length: Int,
                             to out: UnsafeMutableBufferPointer<UInt8>, at n: Int) -> Int {
        guard entry != 0 else {
            for k in 0..<length { out[n + k] = bytes[i + k] }
            return length
        }
        var packed = entry
        var count = 0
        while packed != 0 {
            out[n + count] = UInt8(truncatingIfNeeded: packed)
            packed >>= 8
            count += 1
        }
        return count
    }

    /// The folded form of a string (for names typed in queries and aliases read from a lexicon).
    public static func fold(_ text: String) -> String {
        var utf8 = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        utf8.withUnsafeBufferPointer { fold($0, into: &out) }
        utf8 = out
        return String(decoding: utf8, as: UTF8.self)
    }

    /// The key a discovered name is known by: its folded form with a hyphen read as a space, so that one name written two
    /// ways is one entity ("Kim Jong Il" and "Kim Jong-il", "Jean Marie" and "Jean-Marie").
    public static func nameKey(_ name: String) -> String {
        let folded = fold(name)
        guard folded.utf8.contains(UInt8(ascii: "-")) else { return folded }
        return String(decoding: folded.utf8.map { $0 == UInt8(ascii: "-") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    }

    /// Whether the scalar starting at `bytes[i]` is an upper-case letter (ASCII or Latin-1/Extended-A).
    @inline(__always)
    static func isUpper(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let b = bytes[i]
        if b < 0x80 { return b >= 65 && b <= 90 }
        guard i + 1 < bytes.count else { return false }
        if b == 0xC3 { let c = bytes[i + 1]; return c >= 0x80 && c <= 0x9E && c != 0x97 }
        if b == 0xC4 || b == 0xC5 {
            let scalar = (Int(b & 0x1F) << 6) | Int(bytes[i + 1] & 0x3F)
            return scalar & 1 == 0 && scalar != 0x138
        }
        if b == 0xD0 { return bytes[i + 1] < 0xB0 }
        return false
    }

    @inline(__always)
    static func isLower(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let b = bytes[i]
        if b < 0x80 { return b >= 97 && b <= 122 }
        if b == 0xC3, i + 1 < bytes.count { return bytes[i + 1] >= 0x9F }
        if b == 0xC4 || b == 0xC5, i + 1 < bytes.count {
            let scalar = (Int(b & 0x1F) << 6) | Int(bytes[i + 1] & 0x3F)
            return scalar & 1 == 1
        }
        return false
    }

    /// U+00C0 ... U+017F folded to one or two ASCII letters (0 where the character is kept as it is).
    static let latinTable: [(UInt8, UInt8)] = {
        let map: [(ClosedRange<Int>, String)] = [
            (0xC0...0xC5, "a"), (0xC6...0xC6, "ae"), (0xC7...0xC7, "c"), (0xC8...0xCB, "e"), (0xCC...0xCF, "i"),
            (0xD0...0xD0, "d"), (0xD1...0xD1, "n"), (0xD2...0xD6, "o"), (0xD8...0xD8, "o"), (0xD9...0xDC, "u"),
            (0xDD...0xDD, "y"), (0xDE...0xDE, "th"), (0xDF...0xDF, "ss"), (0xE0...0xE5, "a"), (0xE6...0xE6, "ae"),
            (0xE7...0xE7, "c"), (0xE8...0xEB, "e"), (0xEC...0xEF, "i"), (0xF0...0xF0, "d"), (0xF1...0xF1, "n"),
            (0xF2...0xF6, "o"), (0xF8...0xF8, "o"), (0xF9...0xFC, "u"), (0xFD...0xFD, "y"), (0xFE...0xFE, "th"),
            (0xFF...0xFF, "y"), (0x100...0x105, "a"), (0x106...0x10D, "c"), (0x10E...0x111, "d"), (0x112...0x11B, "e"),
            (0x11C...0x123, "g"), (0x124...0x127, "h"), (0x128...0x131, "i"), (0x132...0x133, "ij"), (0x134...0x135, "j"),
            (0x136...0x138, "k"), (0x139...0x142, "l"), (0x143...0x14B, "n"), (0x14C...0x151, "o"), (0x152...0x153, "oe"),
            (0x154...0x159, "r"), (0x15A...0x161, "s"), (0x162...0x167, "t"), (0x168...0x173, "u"), (0x174...0x175, "w"),
            (0x176...0x178, "y"), (0x179...0x17E, "z"), (0x17F...0x17F, "s"),
        ]
        var table = [(UInt8, UInt8)](repeating: (0, 0), count: 0x180 - 0xC0)
        for (range, letters) in map {
            let u = Array(letters.utf8)
            for scalar in range { table[scalar - 0xC0] = (u[0], u.count > 1 ? u[1] : 0) }
        }
        return table
    }()
}
