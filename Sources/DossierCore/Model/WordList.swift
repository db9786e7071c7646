/// A sorted list of folded words in one block of bytes, searched by halves. The 16,000 common English words of the
/// name lists are read from the compiled lexicon at every start: as two arrays they are two copies, where a set of
/// arrays made a quarter of the start-up's instructions (one allocation and one hash per word).
public struct WordList: Sendable, Equatable {
    /// The words one after another, in byte order.
    private(set) var bytes: [UInt8] = []
    /// Where each word ends in `bytes`; word i starts where word i - 1 ends.
    private(set) var ends: [Int32] = []

    public init() {}

    /// The words of `words`, sorted.
    init(_ words: some Sequence<[UInt8]>) {
        for word in Set(words).sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            bytes += word
            ends.append(Int32(bytes.count))
        }
    }

    /// A list as written by `write`; nil when its ends are not ascending inside the bytes or its words not sorted.
    init?(bytes: [UInt8], ends: [Int32]) {
        (self.bytes, self.ends) = (bytes, ends)
        var start: Int32 = 0
        for end in ends {
            guard end >= start, Int(end) <= bytes.count else { return nil }
            start = end
        }
        guard start == Int32(bytes.count),
              ends.indices.dropFirst().allSatisfy({ word($0 - 1).lexicographicallyPrecedes(word($0)) }) else { return nil }
    }

    public var count: Int { ends.count }

    /// The words, in byte order.
    public var words: [[UInt8]] { ends.indices.map { Array(word($0)) } }

    private func word(_ i: Int) -> ArraySlice<UInt8> {
        bytes[Int(i == 0 ? 0 : ends[i - 1])..<Int(ends[i])]
    }

    public func contains(_ word: some Collection<UInt8>) -> Bool {
        var (low, high) = (0, ends.count)
        while low < high {
            let middle = (low + high) / 2
            let candidate = self.word(middle)
            if candidate.elementsEqual(word) { return true }
            if candidate.lexicographicallyPrecedes(word) { low = middle + 1 } else { high = middle }
        }
        return false
    }

    /// This list with `more` words.
    func adding(_ more: some Sequence<[UInt8]>) -> WordList {
        WordList(words + Array(more))
    }
}
