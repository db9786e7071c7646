import DossierRegex
import Testing

/// Searches that skip ahead to likely match starts, sixteen bytes at a time:
/// a match is found wherever it sits in a block or in the bytes after the last
/// block, near misses are passed over, and long texts agree with Swift's `Regex`.
@Suite struct PrefilterTests {
    /// Patterns whose matches begin with rare bytes, each with a text it matches in full.
    static let matched: [(String, Bool, String)] = [
        ("econom[a-z]+ growth", false, "economic growth"),
        ("econom[a-z]+ growth", true, "ECONOMIC Growth"),
        ("ECONOM[a-z]+", true, "Economy"),
        ("[0-9]{4}s", false, "1990s"),
        ("(?:tax|tariff)es", false, "tariffes"),
        ("touadéra", true, "TOUADÉRA"),
        ("\\bwagner\\b", false, "wagner"),
        ("économ\\w*", false, "économie"),
        ("zz|qq", false, "qq"),
        ("q", false, "q"),
    ]

    /// Text around the match: no filler can extend a match or start one.
    static let fillers = [" -", "– ", "«»"]

    @Test(arguments: matched)
    func findsTheMatchAtEveryOffset(_ pattern: String, _ caseInsensitive: Bool, _ match: String) throws {
        let regex = try ByteRegex(pattern, caseInsensitive: caseInsensitive)
        for filler in Self.fillers {
            for before in 0..<40 {
                for after in [0, 1, 2, 17] {
                    let prefix = Self.pad(filler, before), text = prefix + match + Self.pad(filler, after)
                    let expected = prefix.utf8.count ..< prefix.utf8.count + match.utf8.count
                    #expect(withBytes(text) { regex.firstMatch(in: $0) } == expected, "/\(pattern)/ on \(text.debugDescription)")
                    #expect(withBytes(text) { regex.allMatches(in: $0) } == [expected], "/\(pattern)/ on \(text.debugDescription)")
                    #expect(withBytes(text) { regex.matches($0) }, "/\(pattern)/ on \(text.debugDescription)")
                }
            }
        }
    }

    @Test func nearMissesBeforeAMatchInTheSameBlock() throws {
        let regex = try ByteRegex("econom[a-z]+ growth")
        for decoy in ["ecxxxm ", "xcoxom ", "econo ", "econom growth ", "economic grow ", "ECONOMIC growth "] {
            let text = decoy + "economic growth"
            #expect(withBytes(text) { regex.firstMatch(in: $0) } == decoy.utf8.count ..< text.utf8.count, "\(text)")
            #expect(!withBytes(decoy) { regex.matches($0) }, "\(decoy)")
        }
    }

    @Test func textShorterThanEveryMatch() throws {
        let regex = try ByteRegex("econom[a-z]+ growth")
        for length in 0..<15 {
            let text = String("economic growth".prefix(length))
            #expect(withBytes(text) { regex.firstMatch(in: $0) } == nil, "\(text)")
        }
    }

    /// Pieces for random texts: parts and near misses of the patterns' matches,
    /// other-case and accented letters, word and non-word bytes.
    static let pieces = [
        "econom", "Econom", "ECONOM", "ic", "y", " growth", " Growth", " ", "x", "é", "É", "–", "1999", "s", "tax",
        "tariff", "es", "wagner", "Wagner", "_", "touadéra", "TOUADÉRA", "q",
    ]

    @Test(arguments: [false, true])
    func agreesWithBacktrackingRegexOnLongTexts(caseInsensitive: Bool) throws {
        let patterns = [
            "econom[a-z]+ growth", "econom(ic|y)", "[0-9]{4}s", "(?:tax|tariff)es", "\\bwagner\\b", "touadéra\\w*",
            "économ", "q[^q]", "y growth|ic growth",
        ]
        var generator = SplitMix(seed: 5)
        for pattern in patterns {
            let regex = try ByteRegex(pattern, caseInsensitive: caseInsensitive)
            let reference = try Regex(pattern).wordBoundaryKind(.simple).ignoresCase(caseInsensitive)
            for _ in 0..<300 {
                let text = (0..<Int(generator.next() % 40)).map { _ in
                    Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))]
                }.joined()
                let expected = text.matches(of: reference).map {
                    text.utf8.distance(from: text.startIndex, to: $0.range.lowerBound)
                        ..< text.utf8.distance(from: text.startIndex, to: $0.range.upperBound)
                }
                #expect(withBytes(text) { regex.allMatches(in: $0) } == expected, "/\(pattern)/ on \(text.debugDescription)")
                #expect(withBytes(text) { regex.firstMatch(in: $0) } == expected.first, "/\(pattern)/ on \(text.debugDescription)")
            }
        }
    }

    /// `count` characters of `filler` repeated.
    private static func pad(_ filler: String, _ count: Int) -> String {
        String(String(repeating: filler, count: count).prefix(count))
    }
}

/// Finding a required literal on its own, as callers that split texts into parts use it.
@Suite struct LiteralFinderTests {
    @Test func findsEveryOccurrenceUpToTheVeryEnd() throws {
        let finder = try #require(try ByteRegex("[a-z]+ growth").literalFinder)
        #expect(finder.length == " growth".utf8.count)
        for before in 0..<40 {
            let text = String(repeating: "é", count: before) + " growth"
            let at = String(repeating: "é", count: before).utf8.count
            #expect(withBytes(text) { finder.next(in: $0, from: 0) } == at, "\(text)")
            #expect(withBytes(text) { finder.next(in: $0, from: at) } == at, "\(text)")
            #expect(withBytes(text) { finder.next(in: $0, from: at + 1) } == nil, "\(text)")
            #expect(withBytes(String(text.dropLast())) { finder.next(in: $0, from: 0) } == nil, "\(text)")
        }
    }

    @Test func ignoringCaseMatchesASCIILettersInEitherCase() throws {
        let finder = try #require(try ByteRegex("[a-z]+ GROWTH", caseInsensitive: true).literalFinder)
        #expect(withBytes("no Growt, then economic gRoWtH") { finder.next(in: $0, from: 0) } == 23)
        let exact = try #require(try ByteRegex("[a-z]+ GROWTH").literalFinder)
        #expect(withBytes("economic growth") { exact.next(in: $0, from: 0) } == nil)
    }

    @Test func ignoringCaseSearchesOnlyTheASCIIPartsOfALiteral() throws {
        let finder = try #require(try ByteRegex("[a-z]+ touadéra", caseInsensitive: true).literalFinder)
        #expect(withBytes("president TOUADÉRA") { finder.next(in: $0, from: 0) } != nil)
        #expect(withBytes("president Touadera") { finder.next(in: $0, from: 0) } != nil, "a candidate; the regex decides")
    }
}
