/// A set of Unicode scalar values kept as sorted, disjoint, non-adjacent closed
/// ranges; character classes, `.` and the class escapes are all built from it
/// before being lowered to UTF-8 byte automata.
struct ScalarSet: Equatable {
    private(set) var ranges: [ClosedRange<UInt32>]

    static let maxScalar: UInt32 = 0x10FFFF
    static let surrogates: ClosedRange<UInt32> = 0xD800...0xDFFF

    init() { ranges = [] }

    init(_ ranges: [ClosedRange<UInt32>]) {
        self.ranges = ranges
        normalize()
    }

    static func single(_ scalar: UInt32) -> ScalarSet { ScalarSet([scalar...scalar]) }

    var isEmpty: Bool { ranges.isEmpty }

    /// The only scalar in the set, if it has exactly one.
    var singleScalar: UInt32? {
        ranges.count == 1 && ranges[0].lowerBound == ranges[0].upperBound ? ranges[0].lowerBound : nil
    }

    /// All scalar values not in the set (surrogates are never members).
    func inverted() -> ScalarSet {
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in ranges {
            if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
            next = range.upperBound + 1
        }
        if next <= ScalarSet.maxScalar { result.append(next...ScalarSet.maxScalar) }
        return ScalarSet(result)
    }

    /// Adds the other-case partners of every member (see `CaseFolding`).
    func caseFolded() -> ScalarSet {
        var extra: [ClosedRange<UInt32>] = []
        for range in ranges where range.lowerBound <= CaseFolding.lastFoldable {
            let upper = min(range.upperBound, CaseFolding.lastFoldable)
            for value in range.lowerBound...upper {
                for partner in CaseFolding.partners(of: value) { extra.append(partner...partner) }
            }
        }
        var result = self
        result.ranges.append(contentsOf: extra)
        result.normalize()
        return result
    }

    private mutating func normalize() {
        var pieces: [ClosedRange<UInt32>] = []
        for range in ranges {
            let low = range.lowerBound, high = min(range.upperBound, ScalarSet.maxScalar)
            guard low <= high else { continue }
            if high < ScalarSet.surrogates.lowerBound || low > ScalarSet.surrogates.upperBound {
                pieces.append(low...high)
            } else {
                if low < ScalarSet.surrogates.lowerBound { pieces.append(low...(ScalarSet.surrogates.lowerBound - 1)) }
                if high > ScalarSet.surrogates.upperBound { pieces.append((ScalarSet.surrogates.upperBound + 1)...high) }
            }
        }
        pieces.sort { $0.lowerBound < $1.lowerBound }
        var merged: [ClosedRange<UInt32>] = []
        for piece in pieces {
            if let last = merged.last, piece.lowerBound <= last.upperBound &+ 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, piece.upperBound)
            } else {
                merged.append(piece)
            }
        }
        ranges = merged
    }
}

/// The class escapes and `.`, defined once so `\w` and the `\b` word test agree.
enum ClassEscapes {
    /// `\d`: ASCII digits only.
    static let digit = ScalarSet([0x30...0x39])
    /// `\s`: ASCII whitespace plus the Unicode spaces common in scraped prose (NBSP, U+2000–U+200A, …).
    static let space = ScalarSet([
        0x09...0x0D, 0x20...0x20, 0x85...0x85, 0xA0...0xA0, 0x1680...0x1680,
        0x2000...0x200A, 0x2028...0x2029, 0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000,
    ])
    /// `\w`: ASCII letters, digits, `_`, and every scalar whose UTF-8 lead byte is a
    /// "letter script" lead (U+00C0–U+1FFF and U+3000–U+EFFF); see `WordBytes`.
    static let word = ScalarSet([0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A, 0xC0...0x1FFF, 0x3000...0xEFFF])
    /// `.`: every scalar except newline.
    static let dot = ScalarSet.single(0x0A).inverted()
}

/// Byte-level word test used by `\b` and `\B`, consistent with `ClassEscapes.word`:
/// a non-ASCII character's word-ness is decided by its UTF-8 lead byte, so curly
/// quotes, dashes and other U+2000–U+2FFF punctuation are not word characters.
/// Inside a multi-byte character neither `\b` nor `\B` holds.
enum WordBytes {
    static let table: [Bool] = (0...255).map { (value: Int) -> Bool in
        switch value {
        case 0x30...0x39, 0x41...0x5A, 0x5F, 0x61...0x7A: return true
        case 0xC3...0xDF, 0xE0, 0xE1, 0xE3...0xEE: return true
        default: return false
        }
    }

    @inline(__always) static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// Word-ness of the position after `byte`, given the word-ness before it:
    /// continuation bytes keep the word-ness their lead byte decided.
    @inline(__always) static func after(_ byte: UInt8, previous: Bool) -> Bool {
        isContinuation(byte) ? previous : table[Int(byte)]
    }

    /// Word-ness of the character that ends at `position` (false at the start).
    static func before(_ position: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard position > 0 else { return false }
        var index = position - 1
        var steps = 0
        while index > 0 && isContinuation(text[index]) && steps < 3 {
            index -= 1
            steps += 1
        }
        return table[Int(text[index])]
    }
}

/// Simple one-to-one case pairs for ASCII, Latin-1 and Latin Extended-A, the
/// letters that occur in the corpus' names (Touadéra, Maïga, Bozizé, Łukasz…).
enum CaseFolding {
    static let lastFoldable: UInt32 = 0x17F

    /// The other-case forms of `value` (empty when it has none in our table).
    static func partners(of value: UInt32) -> [UInt32] {
        switch value {
        case 0xD7, 0xF7: return []
        case 0x41...0x5A, 0xC0...0xDE: return [value + 0x20]
        case 0x61...0x7A, 0xE0...0xFE: return [value - 0x20]
        case 0xFF: return [0x178]
        case 0x178: return [0xFF]
        case 0x100...0x12F, 0x132...0x137, 0x14A...0x177: return [value ^ 1]
        case 0x139...0x148, 0x179...0x17E: return [value & 1 == 1 ? value + 1 : value - 1]
        default: return []
        }
    }

    /// Lowercase form under the same table.
    static func lowercase(_ value: UInt32) -> UInt32 {
        switch value {
        case 0xD7: return value
        case 0x41...0x5A, 0xC0...0xDE: return value + 0x20
        case 0x178: return 0xFF
        case 0x100...0x12F, 0x132...0x137, 0x14A...0x177: return value & ~1
        case 0x139...0x148, 0x179...0x17E: return value & 1 == 1 ? value + 1 : value
        default: return value
        }
    }

    /// Whether the scalar has case variants that our table does not know about,
    /// so a lowercased literal containing it could not be trusted for prefiltering.
    static func hasUnknownCase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value > lastFoldable && scalar.properties.changesWhenCaseMapped
    }
}
