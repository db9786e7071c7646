/// Lowers scalar ranges to sequences of byte ranges that match exactly their
/// UTF-8 encodings, so the automata can run on raw bytes without decoding.
enum UTF8Sequences {
    typealias ByteSequence = [ClosedRange<UInt8>]

    static func sequences(for set: ScalarSet) -> [ByteSequence] {
        var result: [ByteSequence] = []
        for range in set.ranges {
            var pending = [range]
            while let next = pending.popLast() {
                if let (first, second) = split(next) {
                    pending.append(second)
                    pending.append(first)
                } else {
                    let low = encode(next.lowerBound), high = encode(next.upperBound)
                    result.append(zip(low, high).map { $0...$1 })
                }
            }
        }
        return result
    }

    /// Splits a range that cannot be written as one sequence of byte ranges.
    private static func split(_ range: ClosedRange<UInt32>) -> (ClosedRange<UInt32>, ClosedRange<UInt32>)? {
        let low = range.lowerBound, high = range.upperBound
        for boundary: UInt32 in [0x7F, 0x7FF, 0xFFFF] where low <= boundary && high > boundary {
            return (low...boundary, (boundary + 1)...high)
        }
        let length = encodedLength(low)
        for step in 1..<max(length, 1) {
            let mask: UInt32 = (1 << (6 * UInt32(step))) - 1
            if low & ~mask != high & ~mask {
                if low & mask != 0 { return (low...(low | mask), ((low | mask) + 1)...high) }
                if high & mask != mask { return (low...((high & ~mask) - 1), (high & ~mask)...high) }
            }
        }
        return nil
    }

    private static func encodedLength(_ value: UInt32) -> Int {
        value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
    }

    /// UTF-8 bytes of a scalar value (callers never pass surrogates).
    static func encode(_ value: UInt32) -> [UInt8] {
        switch value {
        case ..<0x80:
            return [UInt8(value)]
        case ..<0x800:
            return [UInt8(0xC0 | value >> 6), UInt8(0x80 | value & 0x3F)]
        case ..<0x10000:
            return [UInt8(0xE0 | value >> 12), UInt8(0x80 | value >> 6 & 0x3F), UInt8(0x80 | value & 0x3F)]
        default:
            return [
                UInt8(0xF0 | value >> 18), UInt8(0x80 | value >> 12 & 0x3F),
                UInt8(0x80 | value >> 6 & 0x3F), UInt8(0x80 | value & 0x3F),
            ]
        }
    }
}
