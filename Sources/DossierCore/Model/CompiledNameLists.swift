/// The name lists of a compiled lexicon file as the bytes they were saved as, read the first time a document is
/// analysed: a start that reads a saved model never needs them, and building their sets of first names and titles
/// and checking the order of their 44,000 words and towns was a tenth of the start-up's instructions.
final class CompiledNameLists: Sendable {
    /// The lists as `NameLists.write(to:)` wrote them.
    private let bytes: SectionBytes
    /// The lists made again from their text, for bytes that are not those written or do not decode: the files the
    /// lists were compiled from give the same lists.
    private let rebuild: @Sendable () -> NameLists
    private let decoded = Locked<NameLists?>(nil)

    init(bytes: SectionBytes, rebuild: @escaping @Sendable () -> NameLists) {
        (self.bytes, self.rebuild) = (bytes, rebuild)
    }

    /// The lists, decoded once.
    var lists: NameLists {
        decoded.withLock { decoded in
            if let decoded { return decoded }
            let lists = decode() ?? rebuild()
            decoded = lists
            return lists
        }
    }

    /// The lists the bytes hold; nil when they are not the ones written or hold anything else (a length past their
    /// end, words out of order).
    private func decode() -> NameLists? {
        bytes.verified?.withUnsafeBytes { bytes in
            var input = ArchiveReader(bytes)
            func set() throws(ArchiveError) -> Set<[UInt8]> {
                var set = Set<[UInt8]>()
                for _ in 0..<(try input.readCount()) { set.insert(try input.readArray(of: UInt8.self)) }
                return set
            }
            do throws(ArchiveError) {
                let (firstNames, titles, diseases, familyFirst) = (try set(), try set(), try set(), try set())
                guard let words = WordList(bytes: try input.readArray(of: UInt8.self), ends: try input.readArray(of: Int32.self)),
                      let towns = WordList(bytes: try input.readArray(of: UInt8.self), ends: try input.readArray(of: Int32.self)),
                      input.left == 0 else { return nil }
                return NameLists(firstNames: firstNames, titles: titles, diseases: diseases, familyFirst: familyFirst, words: words, towns: towns)
            } catch {
                return nil
            }
        }
    }
}
