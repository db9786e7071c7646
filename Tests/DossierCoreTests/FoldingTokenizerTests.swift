import Testing
@testable import DossierCore

@Suite("Folding")
struct FoldingTests {
    @Test(arguments: [
        ("Touadéra", "touadera"), ("Maïga", "maiga"), ("Goïta", "goita"), ("BOZIZÉ", "bozize"),
        ("Russia’s", "russia's"), ("Russia's", "russia's"), ("Lemay–Hebert", "lemay-hebert"),
        ("République Centrafricaine", "republique centrafricaine"), ("Ærø", "aero"), ("Straße", "strasse"),
        ("Łódź", "lodz"), ("ÇAĞLAYAN", "caglayan"), ("N’Djamena", "n'djamena"), ("WAGNER", "wagner"),
        ("Москва", "москва"), ("", ""),
        // Every script with case: Cyrillic, Greek (accents and final sigma), Latin Extended-B and Additional.
        ("Путин", "путин"), ("ПУТИН", "путин"), ("Ёлкин", "елкин"), ("Зеленський", "зеленськии"), ("ЇЖАК", "іжак"),
        ("Ştefan", "stefan"), ("ștefan", "stefan"), ("ŢARA", "tara"), ("Nguyễn", "nguyen"), ("ĐỨC", "duc"),
        ("Μητσοτάκης", "μητσοτακησ"), ("ΜΗΤΣΟΤΆΚΗΣ", "μητσοτακησ"), ("Ἀθῆναι", "αθηναι"), ("Ǆ", "ǆ"),
        ("Հայաստան", "հայաստան"),
        // ASCII is folded eight bytes at a time: capitals lowered, the bytes beside them ("@", "[", "`", "{") kept.
        ("WASHINGTON", "washington"), ("Secretary-General GUTERRES", "secretary-general guterres"),
        ("@ABCDEFGHIJKLMNOPQRSTUVWXYZ[`{", "@abcdefghijklmnopqrstuvwxyz[`{"), ("Interim Prime Minister Maïga", "interim prime minister maiga"),
    ])
    func folds(_ input: String, _ expected: String) {
        #expect(Folding.fold(input) == expected)
    }

    /// Every letter the table folds: the fold is shorter than twice the letter (the buffer rule), folds to itself,
    /// and the generated table agrees with Swift's own lower case for letters without marks.
    @Test func theTableFoldsEachLetterOnce() {
        let ranges = [0x180...0x7FF, 0x1E00...0x1FFF]
        for value in ranges.joined() {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { continue }
            let letter = String(Character(scalar))
            let folded = Folding.fold(letter)
            #expect(folded.utf8.count <= 2 * letter.utf8.count, "U+\(String(value, radix: 16))")
            #expect(Folding.fold(folded) == folded, "U+\(String(value, radix: 16)) \(letter) → \(folded)")
            if scalar.properties.changesWhenLowercased, letter.lowercased().unicodeScalars.count == 1,
               let lower = letter.lowercased().unicodeScalars.first, lower.properties.canonicalCombiningClass == .notReordered,
               Folding.fold(letter.lowercased()) == letter.lowercased() {
                #expect(folded == letter.lowercased(), "U+\(String(value, radix: 16)) \(letter)")
            }
        }
    }

    @Test func foldingIsIdempotent() {
        for word in ["Touadéra", "Maïga", "Œuvre", "Ĳssel", "São Tomé", "Côte d’Ivoire"] {
            let once = Folding.fold(word)
            #expect(Folding.fold(once) == once, "\(word)")
        }
    }

    @Test func truncatedMultibyteAtEndIsNotDropped() {
        // A lone lead byte of a two-byte sequence at the end must not crash or read past the buffer.
        let bytes: [UInt8] = [0x41, 0xC3]
        var out: [UInt8] = []
        bytes.withUnsafeBufferPointer { Folding.fold($0, into: &out) }
        #expect(out == [0x61, 0xC3])
    }
}

@Suite("Tokenizer")
struct TokenizerTests {
    struct Tok: CustomStringConvertible, Equatable {
        var text: String
        var kind: WordToken.Kind
        var possessive = false
        var description: String { "\(text)/\(kind)\(possessive ? "/'s" : "")" }
    }

    static func tokens(_ s: String) -> [WordToken] {
        let bytes = Array(s.utf8)
        var out: [WordToken] = []
        bytes.withUnsafeBufferPointer { Tokenizer.tokenize($0, 0..<$0.count, into: &out) }
        return out
    }

    static func words(_ s: String) -> [String] {
        let bytes = Array(s.utf8)
        return tokens(s).filter { $0.kind != .punctuation }.map { String(decoding: bytes[Int($0.start)..<Int($0.end)], as: UTF8.self) }
    }

    @Test(arguments: [
        ("Russia's army", ["Russia", "army"]),
        ("Russia’s army", ["Russia", "army"]),
        ("in N'Djamena today", ["in", "N'Djamena", "today"]),
        ("in N’Djamena today", ["in", "N’Djamena", "today"]),
        ("the U.S. and the U.N. said", ["the", "U.S.", "and", "the", "U.N.", "said"]),
        ("more than 1,000 troops", ["more", "than", "1,000", "troops"]),
        ("on 20.09.2021 at", ["on", "20.09.2021", "at"]),
        ("the Russia-CAR alliance", ["the", "Russia", "CAR", "alliance"]),
        ("AK47s and D-30s", ["AK47s", "and", "D", "30s"]),
        ("a 2.5% rise", ["a", "2.5", "rise"]),
        ("Touadéra, Maïga.", ["Touadéra", "Maïga"]),
        ("the states' interests", ["the", "states", "interests"]),
        ("coup d’état", ["coup", "d’état"]),
        ("end.", ["end"]),
        // CJK punctuation ends a word, as a full stop or a quotation mark does.
        ("会见了马里。Russia met", ["会见了马里", "Russia", "met"]),
        ("「Russia」met", ["Russia", "met"]),
        ("ロシア、マリ", ["ロシア", "マリ"]),
        // The scripts of India and South-East Asia, their vowel signs inside the word; a danda ends it (tester17 #19).
        ("Modi said “अबकी बार 400 पार” in Varanasi", ["Modi", "said", "अबकी", "बार", "400", "पार", "in", "Varanasi"]),
        ("ঢাকা and தமிழ் and กรุงเทพ", ["ঢাকা", "and", "தமிழ்", "and", "กรุงเทพ"]),
        ("बार। पार", ["बार", "पार"]),
        ("کہا۔ دیا؟ ཀ་ཁ།", ["کہا", "دیا", "ཀ", "ཁ"]),
    ])
    func words(_ text: String, _ expected: [String]) {
        #expect(Self.words(text) == expected)
    }

    @Test func possessiveIsFlaggedAndNotAToken() {
        let t = Self.tokens("Russia's army").filter { $0.kind == .word }
        #expect(t.count == 2)
        #expect(t[0].isPossessive)
        #expect(!t[1].isPossessive)
    }

    @Test(arguments: [
        ("U.S.", true, true), ("US", true, true), ("Us", true, false), ("us", false, false), ("CAR", true, true),
        ("A", true, false), ("Élysée", true, false), ("ÉLYSÉE", true, true),
    ])
    func capitalisation(_ word: String, _ capitalized: Bool, _ allCaps: Bool) {
        let t = Self.tokens(word).first { $0.kind == .word }!
        #expect(t.isCapitalized == capitalized, "\(word) capitalised")
        #expect(t.isAllCaps == allCaps, "\(word) all caps")
    }

    /// The common word and number, read in the tokenizer's own loop, are the tokens `scanWord` makes of them: the same
    /// bytes and the same flags, where a word meets a full stop, a comma, an apostrophe, a digit or the end.
    @Test(arguments: [
        "Wagner left Mali in 2022.",
        "NATO and the EU met; I. M. Pei did not.",
        "In 1990, 1,000 troops and 2.5 million people left AK47 behind.",
        "The states' army, Russia's army and N'Djamena's mayor",
        "OK. A. B. Smith met the U.S. envoy",
        "Touadéra met MAÏGA in Bamako",
        "x",
        "1990",
        "1990s and '90s",
    ])
    func wordsReadInTheLoopAreScanWordsTokens(_ sentence: String) {
        let bytes = Array(sentence.utf8)
        bytes.withUnsafeBufferPointer { text in
            var tokens: [WordToken] = []
            Tokenizer.tokenize(text, 0..<text.count, into: &tokens)
            for token in tokens where token.kind != .punctuation {
                let (scanned, _) = Tokenizer.scanWord(text, from: Int(token.start), end: text.count)
                let word = String(decoding: text[Int(token.start)..<Int(token.end)], as: UTF8.self)
                #expect(scanned.start == token.start && scanned.end == token.end && scanned.kind == token.kind, "\(word)")
                #expect(scanned.isCapitalized == token.isCapitalized && scanned.isAllCaps == token.isAllCaps
                        && scanned.isPossessive == token.isPossessive && scanned.isPlain == token.isPlain, "\(word)")
            }
        }
    }

    /// A sentence of more tokens than the tokenizer writes at once (64) keeps them all, in order.
    @Test func aLongListKeepsEveryToken() {
        let countries = ["Mali", "Niger", "Chad", "Sudan", "Libya", "Algeria", "Morocco", "Tunisia", "Egypt", "Senegal",
                         "Guinea", "Ghana", "Togo", "Benin", "Nigeria", "Cameroon", "Gabon", "Congo", "Angola", "Zambia"]
        let sentence = "Troops from " + (countries + countries).joined(separator: ", ") + " met in 2021."
        #expect(Self.words(sentence) == ["Troops", "from"] + countries + countries + ["met", "in", "2021"])
        #expect(Self.tokens(sentence).count == 2 + 40 + 39 + 3 + 1)
    }

    @Test func numbersAreNumbers() {
        let kinds = Self.tokens("1,000 20.09.2021 2021 AK47").filter { $0.kind != .punctuation }.map(\.kind)
        #expect(kinds == [.number, .number, .number, .word])
    }

    @Test func punctuationTokensCoverMultibyteMarks() {
        let s = "“Wagner” – group"
        let bytes = Array(s.utf8)
        let toks = Self.tokens(s)
        let punct = toks.filter { $0.kind == .punctuation }.map { String(decoding: bytes[Int($0.start)..<Int($0.end)], as: UTF8.self) }
        #expect(punct == ["“", "”", "–"])
    }

    @Test func tokenizingHostileBytesDoesNotCrash() {
        for s in ["'", "’s", "'s'", ".", "U.", "U.S", "1,", ",1", "\u{FFFD}\u{FFFD}", String(repeating: "a'", count: 1000)] {
            _ = Self.tokens(s)
        }
    }
}

/// The loader finds a word met lately from its bytes in the text (`RecentWords`): two words share a key exactly when they
/// fold alike, or the loader would give a word another's id.
@Suite("Recent words")
struct RecentWordsTests {
    /// The key of `word` read from a text that goes on after it, as a sentence does.
    static func longKey(_ word: String) -> (first: UInt64, rest: UInt64)? {
        let text = Array((word + " and the rest of the sentence.").utf8)
        return text.withUnsafeBufferPointer { RecentWords.longKey($0, 0..<word.utf8.count) }
    }

    static func folded(_ word: String) -> [UInt8] {
        var out: [UInt8] = []
        Array(word.utf8).withUnsafeBufferPointer { Folding.fold($0, into: &out) }
        return out
    }

    @Test(arguments: [
        ("Parliament", "parliament"), ("PARLIAMENT", "parliament"), ("Parliament", "Parliaments"), ("Eisenhower", "Eisenhowers"),
        ("Jean-Yves", "jean-yves"), ("Jean-Yves", "Jean Yves"), ("Wilkinsons'", "wilkinsons'"), ("appropriations", "appropriation"),
        ("Appropriations", "appropriationsX"), ("McNamara's", "mcnamara's"), ("Commonwealth", "CommonWealth"), ("Washington", "Washingtom"),
        ("[Bracketed]", "{bracketed}"), ("@Mentioned", "`mentioned"),
    ])
    func wordsShareAKeyExactlyWhenTheyFoldAlike(_ a: String, _ b: String) throws {
        let (keyA, keyB) = (try #require(Self.longKey(a)), try #require(Self.longKey(b)))
        #expect((keyA.first == keyB.first && keyA.rest == keyB.rest) == (Self.folded(a) == Self.folded(b)))
    }

    @Test(arguments: ["Réunionnais", "Ελευθερίου", "Seven77", "United", "Internationalisation", "Counterintelligence"])
    func wordsOfOtherLengthsOrNotASCIIHaveNoLongKey(_ word: String) {
        #expect(Self.longKey(word) == nil)
    }

    @Test func aWordAtTheTextsEndHasNoKeyRatherThanReadingPastIt() {
        let text = Array("the Parliament".utf8)
        #expect(text.withUnsafeBufferPointer { RecentWords.longKey($0, 4..<14) } == nil)
    }
}

/// The per-word flags of a sentence are cleared for each sentence, whatever the sentence before left in them.
@Suite("Cleared flags")
struct ClearedFlagsTests {
    @Test(arguments: [([], 0), ([true], 0), ([], 3), ([true, false, true], 2), ([true, true], 5), ([Bool](repeating: true, count: 40), 40),
                      ([true], 600), ([Bool](repeating: true, count: 700), 1_300)] as [([Bool], Int)])
    func anArrayBecomesThatManyFalses(_ before: [Bool], _ count: Int) {
        var flags = before
        flags.setAllFalse(count: count)
        #expect(flags == [Bool](repeating: false, count: count))
    }
}
