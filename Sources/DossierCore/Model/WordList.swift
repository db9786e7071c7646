import Glibc

/// A sorted list of folded words in one block of bytes, searched by halves. The 16,000 common English words and the
/// 28,000 towns of the name lists are read from the compiled lexicon at every start: as two arrays they are two copies,
/// where a set of arrays made a quarter of the start-up's instructions (one allocation and one hash per word). Words
/// are compared with `memcmp`, which orders bytes as `lexicographicallyPrecedes` does: checking the order of a list
/// read back, and sorting one, took a tenth of the start-up and a sixth of the lexicons' parsing compared generically.
public struct WordList: Sendable, Equatable {
    /// The words one after another, in byte order.
    private(set) var bytes: [UInt8] = []
    /// Where each word ends in `bytes`; word i starts where word i - 1 ends.
    private(set) var ends: [Int32] = []

    public init() {}

    /// The words of `words`, sorted, each once.
    init(_ words: some Sequence<[UInt8]>) {
        var pending = Pending()
        for word in words { pending.append(word) }
        self = WordList().adding(pending)
    }

    /// A list as written by `write`; nil when its ends are not ascending inside the bytes or its words not sorted.
    init?(bytes: [UInt8], ends: [Int32]) {
        (self.bytes, self.ends) = (bytes, ends)
        var start: Int32 = 0
        for end in ends {
            guard end >= start, Int(end) <= bytes.count else { return nil }
            start = end
        }
        guard start == Int32(bytes.count) else { return nil }
        let sorted = bytes.withUnsafeBufferPointer { text in
            ends.indices.dropFirst().allSatisfy { Self.order(Self.word($0 - 1, text, ends), Self.word($0, text, ends)) < 0 }
        }
        guard sorted else { return nil }
    }

    public var count: Int { ends.count }

    /// The words, in byte order.
    public var words: [[UInt8]] {
        bytes.withUnsafeBufferPointer { text in ends.indices.map { Array(Self.word($0, text, ends)) } }
    }

    /// Word `i` of a block of words and their ends.
    @inline(__always)
    private static func word(_ i: Int, _ text: UnsafeBufferPointer<UInt8>, _ ends: [Int32]) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: text[Int(i == 0 ? 0 : ends[i - 1])..<Int(ends[i])])
    }

    /// Negative when `a` comes before `b` in byte order (a word before the longer words it starts), 0 when they are equal.
    @inline(__always)
    private static func order(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(a.count, b.count)
        if common > 0 {
            let byBytes = memcmp(a.baseAddress!, b.baseAddress!, common)
            if byBytes != 0 { return Int(byBytes) }
        }
        return a.count - b.count
    }

    public func contains(_ word: some Collection<UInt8>) -> Bool {
        word.withContiguousStorageIfAvailable { contains(buffer: $0) } ?? Array(word).withUnsafeBufferPointer { contains(buffer: $0) }
    }

    private func contains(buffer word: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { text in
            var (low, high) = (0, ends.count)
            while low < high {
                let middle = (low + high) / 2
                let order = Self.order(Self.word(middle, text, ends), word)
                if order == 0 { return true }
                if order < 0 { low = middle + 1 } else { high = middle }
            }
            return false
        }
    }

    /// Words gathered in one block, in any order and maybe more than once, for `adding`: a name list's thousands of
    /// lines make no array each.
    struct Pending {
        var bytes: [UInt8] = []
        var ends: [Int32] = []

        var isEmpty: Bool { ends.isEmpty }

        mutating func append(_ word: some Collection<UInt8>) {
            bytes.append(contentsOf: word)
            ends.append(Int32(bytes.count))
        }
    }

    /// This list with the words of `more`, sorted, each once.
    func adding(_ more: Pending) -> WordList {
        var all = Pending(bytes: bytes, ends: ends)
        let shift = Int32(bytes.count)
        all.bytes += more.bytes
        all.ends += more.ends.lazy.map { $0 + shift }
        var list = WordList()
        all.bytes.withUnsafeBufferPointer { text in
            let ends = all.ends
            // Sorted by each word's first eight bytes as a number, which orders most pairs without reading the words.
            let keyed = ends.indices.map { i in
                let head = Self.word(i, text, ends).prefix(8)
                return (prefix: head.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } << (8 * UInt64(8 - head.count)), index: i)
            }
            let order = keyed.sorted { a, b in
                a.prefix != b.prefix ? a.prefix < b.prefix : Self.order(Self.word(a.index, text, ends), Self.word(b.index, text, ends)) < 0
            }.map(\.index)
            list.bytes.reserveCapacity(text.count)
            list.ends.reserveCapacity(ends.count)
            var last: UnsafeBufferPointer<UInt8>?
            for i in order {
                let word = Self.word(i, text, ends)
                if let last, Self.order(last, word) == 0 { continue }
                list.bytes.append(contentsOf: word)
                list.ends.append(Int32(list.bytes.count))
                last = word
            }
        }
        return list
    }

    /// This list with `more` words.
    func adding(_ more: some Sequence<[UInt8]>) -> WordList {
        var pending = Pending()
        for word in more { pending.append(word) }
        return adding(pending)
    }
}
