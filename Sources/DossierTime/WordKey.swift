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
