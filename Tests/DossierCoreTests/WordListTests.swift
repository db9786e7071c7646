import Testing
@testable import DossierCore

/// The common words of the name lists, kept as one sorted block and searched by halves.
@Suite("Word lists")
struct WordListTests {
    static let list = WordList([Array("virgin".utf8), Array("blue".utf8), Array("gale".utf8), Array("é".utf8), Array("a".utf8)])

    @Test(arguments: [("virgin", true), ("blue", true), ("a", true), ("é", true), ("gale", true),
                      ("virgins", false), ("blu", false), ("", false), ("zz", false), ("b", false)])
    func findsExactlyItsWords(_ word: String, _ found: Bool) {
        #expect(Self.list.contains(Array(word.utf8)) == found)
    }

    @Test func keepsWordsSortedAndOnce() {
        let more = Self.list.adding([Array("blue".utf8), Array("lesser".utf8)])
        #expect(more.words.map { String(decoding: $0, as: UTF8.self) } == ["a", "blue", "gale", "lesser", "virgin", "é"])
        #expect(WordList(bytes: more.bytes, ends: more.ends) == more)
    }

    /// A block read back from a file is used only if its ends rise inside the bytes and its words are in order.
    @Test(arguments: [
        (Array("ab".utf8), [Int32(2), 1]),
        (Array("ab".utf8), [Int32(3)]),
        (Array("ab".utf8), [Int32(1)]),
        (Array("ba".utf8), [Int32(1), 2]),
        (Array("aa".utf8), [Int32(1), 2]),
    ])
    func refusesABlockThatIsNotAList(_ bytes: [UInt8], _ ends: [Int32]) {
        #expect(WordList(bytes: bytes, ends: ends) == nil)
    }
}
