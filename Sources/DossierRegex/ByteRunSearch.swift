/// Finds positions where a run of bytes could occur, given for each offset
/// from the position the set of bytes allowed there. The two estimated rarest
/// offsets are tested sixteen positions at a time, and the positions that pass
/// are checked against all of them one by one.
struct ByteRunSearch: Sendable {
    /// A test on the byte at one offset from a candidate start, cheap to run on
    /// sixteen bytes at once: it accepts `byte` when `(byte | fold) &- low <= span`.
    /// `fold` 0x20 lets one range cover both cases of ASCII letters.
    struct ByteTest: Sendable {
        var offset: Int
        var fold: UInt8
        var low: UInt8
        var span: UInt8
        /// Estimated share of text positions whose byte this test accepts.
        var share: Double

        func accepts(_ byte: UInt8) -> Bool { (byte | fold) &- low <= span }

        /// Sixteen copies of `fold`, `low` and `span`, for testing sixteen bytes at once.
        var vectors: (fold: SIMD16<UInt8>, low: SIMD16<UInt8>, span: SIMD16<UInt8>) {
            (SIMD16(repeating: fold), SIMD16(repeating: low), SIMD16(repeating: span))
        }

        /// The narrower of a plain and an ASCII-case-folded range around `allowed`, by estimated share of text.
        init(offset: Int, allowed: [Bool]) {
            let members = (0..<256).filter { allowed[$0] }.map { UInt8($0) }
            let plain = ByteTest(offset: offset, fold: 0, members: members)
            let folded = ByteTest(offset: offset, fold: 0x20, members: members)
            self = folded.share < plain.share ? folded : plain
        }

        private init(offset: Int, fold: UInt8, members: [UInt8]) {
            let values = members.map { $0 | fold }
            let low = values.min() ?? 0
            self.init(offset: offset, fold: fold, low: low, span: (values.max() ?? 0) - low)
        }

        private init(offset: Int, fold: UInt8, low: UInt8, span: UInt8) {
            self.offset = offset
            self.fold = fold
            self.low = low
            self.span = span
            let sums = fold == 0 ? ByteShares.plainSums : ByteShares.foldedSums
            share = sums[Int(low) + Int(span) + 1] - sums[Int(low)]
        }
    }

    /// Above this estimated share of candidate positions, restarting a DFA at
    /// each one would cost more than letting it read every byte.
    static let maxCandidateShare = 1.0 / 64

    private let first: ByteTest
    private let second: ByteTest
    /// `allowed[offset << 8 | byte]`: whether `byte` may occur at `offset` from the position.
    private let allowed: [Bool]
    /// How many offsets `allowed` describes (at least one).
    let length: Int
    /// Estimated share of text positions that pass the two offsets tested sixteen at a time.
    let candidateShare: Double

    init(allowed: [Bool]) {
        length = allowed.count >> 8
        let tests = (0..<length)
            .map { ByteTest(offset: $0, allowed: Array(allowed[$0 << 8 ..< ($0 + 1) << 8])) }
            .sorted { $0.share < $1.share }
        first = tests[0]
        second = tests.count > 1 ? tests[1] : tests[0]
        candidateShare = tests.count > 1 ? tests[0].share * tests[1].share : tests[0].share
        self.allowed = allowed
    }

    /// Whether candidates are estimated rare enough for searching for them to pay.
    var isSelective: Bool { candidateShare <= ByteRunSearch.maxCandidateShare }

    /// The first position in `from..<to` where the run could occur, or `to`.
    func next(in text: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        let end = min(to, text.count - length + 1)
        var position = from
        if let base = text.baseAddress {
            let raw = UnsafeRawPointer(base)
            let lastBlock = text.count - 16 - max(first.offset, second.offset)
            // Built once here: built inside the loop, the tests compiled to a loop over the lanes.
            let a = first.vectors, b = second.vectors
            while position < end && position <= lastBlock {
                let x = raw.loadUnaligned(fromByteOffset: position + first.offset, as: SIMD16<UInt8>.self)
                let y = raw.loadUnaligned(fromByteOffset: position + second.offset, as: SIMD16<UInt8>.self)
                let hits = (((x | a.fold) &- a.low) .<= a.span) .& (((y | b.fold) &- b.low) .<= b.span)
                if ByteRunSearch.anyLane(hits) {
                    for lane in 0..<16 where hits[lane] {
                        let candidate = position + lane
                        if candidate >= end { return to }
                        if isCandidate(candidate, in: text) { return candidate }
                    }
                }
                position += 16
            }
        }
        while position < end {
            if isCandidate(position, in: text) { return position }
            position += 1
        }
        return to
    }

    /// Whether the `length` bytes at `position` are all allowed; `position + length` must not pass the end.
    private func isCandidate(_ position: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        for offset in 0..<length where !allowed[offset << 8 | Int(text[position + offset])] { return false }
        return true
    }

    /// Whether any lane of `mask` is set. The standard `any(_:)` compiles to a
    /// call per block here; two 64-bit words compile to a couple of instructions.
    @inline(__always) private static func anyLane(_ mask: SIMDMask<SIMD16<Int8>>) -> Bool {
        let words = unsafeBitCast(SIMD16<UInt8>(repeating: 0).replacing(with: .max, where: mask), to: SIMD2<UInt64>.self)
        return words[0] | words[1] != 0
    }
}

/// Rough share of each byte value in English prose, to pick the rarest bytes to search for.
enum ByteShares {
    /// Percent of all bytes for each of a…z.
    private static let lowercase: [Double] = [
        6.5, 1.2, 2.3, 3.5, 10.0, 1.8, 1.6, 5.0, 5.5, 0.1, 0.6, 3.3, 2.0,
        5.5, 6.0, 1.5, 0.1, 5.0, 5.2, 7.5, 2.3, 0.8, 1.9, 0.15, 1.6, 0.07,
    ]

    /// `plainSums[v]`: the estimated share of the bytes below v, so that a range's share is a difference of two.
    static let plainSums: [Double] = sums { estimate(UInt8($0)) }
    /// The same for bytes read with the ASCII case bit set (`byte | 0x20`): v counts the two bytes that read as v.
    static let foldedSums: [Double] = sums { $0 & 0x20 == 0 ? 0 : estimate(UInt8($0)) + estimate(UInt8($0 ^ 0x20)) }

    private static func sums(_ share: (Int) -> Double) -> [Double] {
        var result = [0.0]
        for value in 0...255 { result.append(result[value] + share(value)) }
        return result
    }

    static func estimate(_ byte: UInt8) -> Double {
        switch byte {
        case 0x61...0x7A: return lowercase[Int(byte - 0x61)] / 100
        case 0x20: return 0.16
        case 0x0A, 0x2C, 0x2E: return 0.01
        case 0x30...0x39, 0x41...0x5A: return 0.002
        default: return 0.0005
        }
    }
}
