/// Up to sixteen lowercase ASCII letters packed into two integers, so words compare without allocating.
struct WordKey: Hashable, Sendable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    init() {}

    init(lowercase bytes: [UInt8]) {
        for (index, byte) in bytes.enumerated() {
            append(byte, at: index)
        }
    }

    /// Stores `byte` (ASCII letter, lowercased) as the `index`-th letter; letters past sixteen are ignored.
    mutating func append(_ byte: UInt8, at index: Int) {
        let lower = UInt64(byte | 0x20)
        if index < 8 {
            low |= lower << UInt64(index * 8)
        } else if index < 16 {
            high |= lower << UInt64((index - 8) * 8)
        }
    }
}

/// Words packed as `WordKey`s and what each stands for, in an open-addressing table of at least four slots a word: asked
/// for every word of a sentence, a `Dictionary` spent more on hashing the key than the rest of the word's reading.
struct WordKeyTable<Value>: Sendable where Value: Sendable {
    private var keys: [WordKey]
    private var values: [Value?]
    private let shift: UInt64

    init(_ entries: [WordKey: Value]) {
        var bits = 4
        while 1 << bits < 4 * entries.count { bits += 1 }
        shift = UInt64(64 - bits)
        keys = [WordKey](repeating: WordKey(), count: 1 << bits)
        values = [Value?](repeating: nil, count: 1 << bits)
        for (key, value) in entries {
            var slot = slot(of: key)
            while keys[slot] != WordKey() { slot = (slot + 1) & (keys.count - 1) }
            keys[slot] = key
            values[slot] = value
        }
    }

    private func slot(of key: WordKey) -> Int {
        Int(truncatingIfNeeded: ((key.low ^ (key.high &* 0xFF51_AFD7_ED55_8CCD)) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The value of `key`, nil for a word the table lacks.
    subscript(key: WordKey) -> Value? {
        var slot = slot(of: key)
        while true {
            let found = keys[slot]
            if found == key { return values[slot] }
            if found == WordKey() { return nil }
            slot = (slot + 1) & (keys.count - 1)
        }
    }
}
