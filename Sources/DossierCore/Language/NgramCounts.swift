/// The vocabulary ids of an n-gram of up to five words, packed into three numbers: the key n-grams are counted under,
/// hashed and compared without an array for each of the millions of windows a corpus has.
struct WordGram: Hashable {
    private var first: UInt64 = 0
    private var second: UInt64 = 0
    private var fifth: UInt32 = 0

    /// `ids`: two to five ids, none negative.
    init(_ ids: some Collection<Int32>) {
        precondition(ids.count <= 5 && ids.allSatisfy { $0 >= 0 })
        for (i, id) in ids.enumerated() {
            let word = UInt64(UInt32(id))
            switch i {
            case 0: first = word << 32
            case 1: first |= word
            case 2: second = word << 32
            case 3: second |= word
            default: fifth = UInt32(word)
            }
        }
    }

    /// The three numbers mixed by multiplying and shifting (SplitMix64's finaliser): a table index after masking.
    var mixed: Int {
        var h = (first ^ (second &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(fifth) << 7) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (h >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: h ^ (h >> 31))
    }

    /// The first `n` ids, in order.
    func words(_ n: Int) -> [Int32] {
        let all = [Int32(first >> 32), Int32(truncatingIfNeeded: first), Int32(second >> 32), Int32(truncatingIfNeeded: second),
                   Int32(fifth)]
        return Array(all.prefix(n))
    }
}

/// The n-grams of a scope with how often each occurs, numbered in the order they first appear (which breaks ties in
/// the ranking). An open-addressing table hashed by multiplying: SipHash and a dictionary's regrowth were most of
/// `count ngrams` on a corpus of millions of windows.
struct NgramCounts {
    /// Each distinct n-gram, in order of first appearance.
    private(set) var grams: [WordGram] = []
    /// How often each of `grams` occurs.
    private(set) var counts: [Int32] = []
    /// A gram's number + 1 at the slot its hash leads to, or after it; 0 for an empty slot. Never over half full.
    private var slots = [Int32](repeating: 0, count: 1 << 12)

    mutating func add(_ gram: WordGram) {
        let mask = slots.count - 1
        var slot = gram.mixed & mask
        while slots[slot] != 0 {
            let number = Int(slots[slot] - 1)
            if grams[number] == gram {
                counts[number] += 1
                return
            }
            slot = (slot + 1) & mask
        }
        grams.append(gram)
        counts.append(1)
        slots[slot] = Int32(grams.count)
        if grams.count * 2 > slots.count { grow() }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (number, gram) in grams.enumerated() {
            var slot = gram.mixed & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number + 1)
        }
    }
}
