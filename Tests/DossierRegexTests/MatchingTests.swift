import DossierRegex
import Testing

/// Feature-by-feature correctness of `firstMatch`, with byte-exact expected ranges.
@Suite struct MatchingTests {
    static let cases: [MatchCase] = [
        // Literals, including non-ASCII characters as single units.
        MatchCase("abc", "xx⟦abc⟧abc"),
        MatchCase("abc", "ab c"),
        MatchCase("Touadéra", "President ⟦Touadéra⟧ said"),
        MatchCase("Maïga", "Prime Minister ⟦Maïga⟧."),
        MatchCase("Bozizé", "François ⟦Bozizé⟧"),
        MatchCase("é+", "caf⟦éé⟧s"),
        MatchCase("é{2}", "⟦éé⟧é"),
        MatchCase("", "⟦⟧abc"),
        // Dot: one whole character, never a newline.
        MatchCase("a.c", "⟦abc⟧"),
        MatchCase("a.c", "a\nc"),
        MatchCase("Boziz.$", "⟦Bozizé⟧"),
        MatchCase("^.$", "⟦é⟧"),
        MatchCase("^..$", "é"),
        MatchCase("Ma.ga", "⟦Maïga⟧"),
        // Classes.
        MatchCase("[abc]+", "xx⟦cab⟧d"),
        MatchCase("[a-z]+", "ABC⟦def⟧"),
        MatchCase("[^a-z ]+", "abc ⟦DEF⟧"),
        MatchCase("[éè]", "pr⟦è⟧s"),
        MatchCase("[^é]+", "⟦abc⟧é"),
        MatchCase("[à-ÿ]", "Ma⟦ï⟧ga"),
        MatchCase("[-a]+", "x⟦a-a⟧"),
        MatchCase("[a-]+", "x⟦-a⟧"),
        MatchCase("[]a]+", "x⟦]a⟧"),
        MatchCase("[a\\]]+", "x⟦a]⟧"),
        MatchCase("[\\d.]+", "v⟦1.5⟧"),
        MatchCase("[^\\s]+", "  ⟦ab⟧ "),
        // Escapes.
        MatchCase("\\d+", "abc ⟦123⟧"),
        MatchCase("\\D+", "⟦abc ⟧123"),
        MatchCase("\\w+", "⟦Touadéra⟧ 1"),
        MatchCase("\\W+", "abc⟦, ⟧def"),
        MatchCase("\\s+", "a⟦ \t ⟧b"),
        MatchCase("\\s", "a⟦\u{A0}⟧b"),
        MatchCase("\\S+", "  ⟦ab⟧ "),
        MatchCase("\\bcat\\b", "concat ⟦cat⟧"),
        MatchCase("\\bcat\\b", "concatenate"),
        MatchCase("\\Bcat", "con⟦cat⟧"),
        MatchCase("\\bWagner\\b", "“⟦Wagner⟧”"),
        MatchCase("\\bété\\b", "l’⟦été⟧ dernier"),
        MatchCase("Touad\\b", "Touadéra"),
        MatchCase("\\.", "a⟦.⟧b"),
        MatchCase("\\\\", "a⟦\\⟧b"),
        MatchCase("\\/", "a⟦/⟧b"),
        MatchCase("\\(\\)", "f⟦()⟧"),
        MatchCase("\\[\\]", "⟦[]⟧"),
        MatchCase("\\{\\}", "⟦{}⟧"),
        MatchCase("\\*\\+\\?", "⟦*+?⟧"),
        MatchCase("\\|", "a⟦|⟧b"),
        MatchCase("\\^\\$", "⟦^$⟧"),
        MatchCase("a\\nb", "⟦a\nb⟧"),
        MatchCase("a\\tb", "⟦a\tb⟧"),
        MatchCase("\\x41\\x{e9}", "⟦Aé⟧"),
        // Anchors: start and end of the whole text given.
        MatchCase("^abc", "⟦abc⟧abc"),
        MatchCase("^abc", "xabc"),
        MatchCase("abc$", "abc⟦abc⟧"),
        MatchCase("abc$", "abcx"),
        MatchCase("abc$", "abc\n"),
        MatchCase("^$", "⟦⟧"),
        MatchCase("^$", "a"),
        MatchCase("a^b", "ab"),
        MatchCase("\\Aab\\z", "⟦ab⟧"),
        // Groups and alternation (leftmost-first).
        MatchCase("(ab)+", "x⟦abab⟧a"),
        MatchCase("(?:ab)+c", "⟦ababc⟧"),
        MatchCase("(?<name>ab)", "⟦ab⟧"),
        MatchCase("cat|dog", "hot⟦dog⟧"),
        MatchCase("a|ab", "⟦a⟧b"),
        MatchCase("ab|a", "⟦ab⟧"),
        MatchCase("(a|b)*c", "⟦abac⟧"),
        MatchCase("x(a|)y", "⟦xy⟧"),
        MatchCase("(Touadéra|Bozizé) said", "as ⟦Bozizé said⟧"),
        MatchCase("^(a|b)$", "ab"),
        // Quantifiers, greedy and lazy.
        MatchCase("a*", "⟦aaa⟧b"),
        MatchCase("a*", "⟦⟧baaa"),
        MatchCase("ba+", "⟦baa⟧"),
        MatchCase("colou?r", "⟦color⟧"),
        MatchCase("colou?r", "⟦colour⟧"),
        MatchCase("a{3}", "⟦aaa⟧aa"),
        MatchCase("a{2,}", "b⟦aaaa⟧"),
        MatchCase("a{2,3}", "⟦aaa⟧a"),
        MatchCase("a{2,3}", "ab"),
        MatchCase("a{0}b", "a⟦b⟧"),
        MatchCase("(ab){1,2}c", "a⟦ababc⟧"),
        MatchCase("a+?", "⟦a⟧aa"),
        MatchCase("a*?b", "⟦aab⟧"),
        MatchCase("<.+?>", "⟦<a>⟧<b>"),
        MatchCase("<.+>", "⟦<a><b>⟧"),
        MatchCase("a??b", "⟦ab⟧"),
        MatchCase("a{2,3}?", "⟦aa⟧a"),
        MatchCase("(a{2}){2}", "⟦aaaa⟧a"),
        // Braces that are not a repetition are literal, as in PCRE.
        MatchCase("x{,3}", "⟦x{,3}⟧"),
        MatchCase("a{x}", "⟦a{x}⟧"),
        MatchCase("a{", "⟦a{⟧"),
        MatchCase("}", "⟦}⟧"),
        // Sentence-level patterns.
        MatchCase("Wagner\\s+Group", "the ⟦Wagner  Group⟧ and"),
        MatchCase("\\b[A-Z][a-z]+ [A-Z][a-z]+\\b", "said ⟦Vladimir Putin⟧."),
        MatchCase("\\b[A-Z][a-z]+ [A-Z][a-z]+\\b", "by Faustin Touadéra"),
        MatchCase("(a+)+$", "⟦aaaa⟧"),
        MatchCase("(a+)+$", "aaaa!"),
    ]

    static let caseInsensitiveCases: [MatchCase] = [
        MatchCase("touadéra", "⟦TOUADÉRA⟧", caseInsensitive: true),
        MatchCase("TOUADÉRA", "le ⟦touadéra⟧", caseInsensitive: true),
        MatchCase("touadéra", "TOUADÉRA"),
        MatchCase("maïga", "⟦MAÏGA⟧", caseInsensitive: true),
        MatchCase("bozizé", "⟦BoZiZÉ⟧", caseInsensitive: true),
        MatchCase("łukasz", "⟦ŁUKASZ⟧", caseInsensitive: true),
        MatchCase("ÿ", "⟦Ÿ⟧", caseInsensitive: true),
        MatchCase("[a-z]+", "⟦ABC⟧", caseInsensitive: true),
        MatchCase("[é]", "⟦É⟧", caseInsensitive: true),
        MatchCase("[^a]", "A", caseInsensitive: true),
        MatchCase("\\bwagner\\s+group\\b", "the ⟦WAGNER  Group⟧ is", caseInsensitive: true),
        MatchCase("×", "⟦×⟧", caseInsensitive: true),
    ]

    @Test(arguments: cases + caseInsensitiveCases)
    func firstMatchTable(_ row: MatchCase) throws {
        let regex = try ByteRegex(row.pattern, caseInsensitive: row.caseInsensitive)
        #expect(withBytes(row.text) { regex.firstMatch(in: $0) } == row.expected)
        #expect(withBytes(row.text) { regex.matches($0) } == (row.expected != nil))
    }

    @Test func stringConvenience() throws {
        let text = "Le président Touadéra a reçu"
        let range = try #require(try ByteRegex("Touad\\w+").firstMatch(in: text))
        #expect(text[range] == "Touadéra")
        #expect(try ByteRegex("absent").firstMatch(in: text) == nil)
    }

    @Test func allMatchesNonOverlapping() throws {
        #expect(withBytes("aa b aaa") { try! ByteRegex("a+").allMatches(in: $0) } == [0..<2, 5..<8])
        #expect(withBytes("ab") { try! ByteRegex("x*").allMatches(in: $0) } == [0..<0, 1..<1, 2..<2])
        #expect(withBytes("Touadéra et Bozizé") { try! ByteRegex("\\w+").allMatches(in: $0) } == [0..<9, 10..<12, 13..<20])
        #expect(withBytes("éé") { try! ByteRegex("").allMatches(in: $0) } == [0..<0, 2..<2, 4..<4])
        #expect(withBytes("abcabc") { try! ByteRegex("^abc").allMatches(in: $0) } == [0..<3])
    }

    @Test func invalidUTF8InText() throws {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x61, 0xC3, 0x80, 0x80, 0xE2]
        #expect(firstMatch(try ByteRegex("a"), bytes) == 2..<3)
        #expect(firstMatch(try ByteRegex("^."), bytes) == nil)
        #expect(firstMatch(try ByteRegex("a."), bytes) == 2..<5)
        #expect(firstMatch(try ByteRegex("\\w+"), bytes) == 2..<5)
        #expect(firstMatch(try ByteRegex("[^a]+$"), bytes) == nil)
        for pattern in ["\\b", "\\B", ".*", "\\W+", "(a|\\xff)+", "$"] {
            let regex = try ByteRegex(pattern)
            _ = firstMatch(regex, bytes)
            _ = bytes.withUnsafeBufferPointer { regex.allMatches(in: $0) }
        }
    }

    @Test(arguments: [("a", nil), ("", 0..<0), ("^$", 0..<0), ("\\b", nil), ("\\B", 0..<0), ("a*", 0..<0), ("$", 0..<0)]
        as [(String, Range<Int>?)])
    func emptyText(_ pattern: String, _ expected: Range<Int>?) throws {
        let regex = try ByteRegex(pattern)
        #expect(firstMatch(regex, []) == expected)
        #expect(UnsafeBufferPointer<UInt8>(start: nil, count: 0).withMemoryRebound(to: UInt8.self) {
            regex.firstMatch(in: $0)
        } == expected)
    }

    @Test func sharedAcrossTasks() async throws {
        let regex = try ByteRegex("\\b[A-Z][a-z]+ [A-Z][a-z]+\\b")
        let text = String(repeating: "the meeting with Vladimir Putin and Faustin Archange went on. ", count: 200)
        let expected = withBytes(text) { regex.allMatches(in: $0) }
        #expect(expected.count == 400)
        await withTaskGroup(of: [Range<Int>].self) { group in
            for _ in 0..<8 { group.addTask { withBytes(text) { regex.allMatches(in: $0) } } }
            for await result in group { #expect(result == expected) }
        }
    }
}

/// A test that searches many texts with one set of caches answers for each as `matches` does, with no limit, and
/// with limits that run out before, at and after the texts' work: the same texts answered true, the same steps spent.
@Suite struct MatchTestTests {
    static let texts = [
        "Economic growth returned.", "The economy grew.", "", "economic  growth", "socioeconomic growth and economic growth",
        String(repeating: "economic ", count: 2000) + "growth", "Touadéra économie growth", "no match here at all", "econom growth",
    ]

    @Test(arguments: ["econom[a-z]+ growth", "Economic growth|ECONOMIC", "^econom", "growth$", "\\bgrowth\\b", ".{40}", "é", "[a-z]+ (and|here)"])
    func answersAsMatchesDoesTextByText(_ pattern: String) throws {
        let regex = try ByteRegex(pattern)
        let bytes = Self.texts.map { Array($0.utf8) }
        let unbounded = RegexWorkLimit(steps: .max)
        let expected = bytes.map { text in text.withUnsafeBufferPointer { regex.matches($0, shouldStop: { false }, limit: unbounded) } }
        for steps in [Int.max, unbounded.spent, unbounded.spent - 1, unbounded.spent / 2, 10, 0] {
            let (one, many) = (RegexWorkLimit(steps: steps), RegexWorkLimit(steps: steps))
            let apart = bytes.map { text in text.withUnsafeBufferPointer { regex.matches($0, shouldStop: { false }, limit: one) } }
            let together = regex.withMatchTest(shouldStop: { false }, limit: many) { test in
                bytes.map { text in text.withUnsafeBufferPointer { test($0) } }
            }
            #expect(together == apart && many.spent == one.spent, "/\(pattern)/ with \(steps) steps")
            if steps >= unbounded.spent { #expect(together == expected, "/\(pattern)/") }
        }
        #expect(expected.contains(true), "/\(pattern)/ matches one of the texts")
    }
}
