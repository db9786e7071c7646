@testable import DossierTime
import Testing

/// The table the time rules read words from (`WordKeyTable`) answers as the dictionary it was built from, for words it
/// holds and words it lacks, at any number of words (its room grows with them).
@Suite("Word key table")
struct WordKeyTableTests {
    static let verbs = "was were had did went saw wrote said told explained announced is are will shall must should can has have"
        .split(separator: " ").map(String.init)

    static func key(_ word: String) -> WordKey { WordKey(lowercase: Array(word.lowercased().utf8)) }

    @Test(arguments: [1, 3, 10, verbs.count])
    func answersAsTheDictionary(_ count: Int) {
        let entries = Dictionary(uniqueKeysWithValues: Self.verbs.prefix(count).enumerated().map { (Self.key($1), $0) })
        let table = WordKeyTable(entries)
        for word in Self.verbs + ["wa", "wass", "sai", "saidd", "the", "congress", "nevertheless", "internationalisations"] {
            #expect(table[Self.key(word)] == entries[Self.key(word)], "\(word)")
        }
    }
}
