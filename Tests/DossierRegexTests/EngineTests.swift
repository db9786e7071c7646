@testable import DossierRegex
import Testing

/// Properties of the engine as a whole: linear time on patterns that hang
/// backtracking engines, cancellation, literal extraction, and agreement of
/// `firstMatch` and `allMatches` with Swift's backtracking `Regex` on random
/// small patterns (ASCII, Latin-1, and case-insensitive), by the DFAs and by
/// the simulation they fall back on.
@Suite struct EngineTests {
    static let hostile: [(String, Range<Int>?)] = [
        ("(a+)+$", 0..<100_000),
        ("(a*)*b", nil),
        ("(a|aa)*c", nil),
        ("(.*a){20}", 0..<100_000),
        ("(x+x+)+y", nil),
        ("^(a|a?)+$", 0..<100_000),
        ("(\\w+\\s?)*$", 0..<100_000),
        ("(a|b|ab)*bc", nil),
    ]

    @Test(arguments: hostile)
    func catastrophicPatternsRunLinearly(_ pattern: String, _ expected: Range<Int>?) throws {
        let regex = try ByteRegex(pattern)
        let text = [UInt8](repeating: UInt8(ascii: "a"), count: 100_000)
        #expect(firstMatch(regex, text) == expected)
        #expect(text.withUnsafeBufferPointer { regex.matches($0) } == (expected != nil))
    }

    @Test func boundedCacheStillCorrect() throws {
        // (a|b)*a(a|b){12} needs ~2^13 DFA states: forces cache flushes mid-scan.
        let regex = try ByteRegex("(a|b)*a(a|b){12}$")
        var generator = SplitMix(seed: 7)
        var text = (0..<200_000).map { _ in generator.next() & 1 == 0 ? UInt8(ascii: "a") : UInt8(ascii: "b") }
        text[text.count - 13] = UInt8(ascii: "a")
        #expect(firstMatch(regex, text) == 0..<text.count)
        text[text.count - 13] = UInt8(ascii: "b")
        #expect(firstMatch(regex, text) == nil)
    }

    @Test func shouldStopAbandonsSearch() throws {
        let regex = try ByteRegex("(a|b)*c")
        var text = [UInt8](repeating: UInt8(ascii: "a"), count: 4_000_000)
        text[text.count - 1] = UInt8(ascii: "c")
        #expect(firstMatch(regex, text) == 0..<text.count)
        var polls = 0
        #expect(firstMatch(regex, text, shouldStop: { polls += 1; return polls >= 3 }) == nil)
        #expect(polls == 3)
        #expect(firstMatch(regex, text, shouldStop: { true }) == nil)
        #expect(text.withUnsafeBufferPointer { regex.allMatches(in: $0, shouldStop: { true }) } == [])
        let literal = try ByteRegex("needle")
        #expect(firstMatch(literal, text, shouldStop: { true }) == nil)
    }

    static let literals: [(String, Bool, [String])] = [
        ("wagner\\s+group", false, ["wagner", "group"]),
        ("Wagner\\s+Group", true, ["wagner", "group"]),
        ("a|b", false, []),
        ("x*", false, []),
        ("(foo|foo)bar", false, ["foobar"]),
        ("foo(bar)?baz", false, ["foo", "baz"]),
        ("(ab){2}", false, ["abab"]),
        ("TOUADÉRA", true, ["touadéra"]),
        ("[Ww]agner", false, ["agner"]),
        ("[Ww]agner", true, ["wagner"]),
        ("\\bFaustin\\b", false, ["Faustin"]),
        ("(Wagner)+ PMC", false, ["Wagner", " PMC"]),
        ("Σίγμα", true, []),
        ("", false, []),
    ]

    @Test(arguments: literals)
    func requiredLiterals(_ pattern: String, _ caseInsensitive: Bool, _ expected: [String]) throws {
        let regex = try ByteRegex(pattern, caseInsensitive: caseInsensitive)
        #expect(regex.requiredLiterals == expected.map { Array($0.utf8) })
    }

    /// Loops over subpatterns that can match empty are left out: there a
    /// backtracking engine stops at the empty iteration while a Thompson NFA
    /// merges it away, so the two legitimately prefer different matches.
    @Test(arguments: [
        (["a", "b", " "], ["a", "b", " ", ".", "[ab]", "[^a]", "\\w", "\\s", "a", "b"], false),
        (["a", "é", "É", " ", "–"], ["a", "é", "É", ".", "[é-ê]", "[^é]", "\\w", "\\W", "É", "é"], false),
        (["a", "A", "é", "É", "ï", " "], ["a", "A", "é", "É", "[a-z]", "[^é]", "\\w", "ï", "[ÀÏ]", "."], true),
    ])
    func agreesWithBacktrackingRegexOnRandomPatterns(alphabet: [String], atoms: [String], caseInsensitive: Bool) throws {
        var generator = SplitMix(seed: 2024)
        var checked = 0
        for _ in 0..<2000 {
            let pattern = randomPattern(&generator, atoms: atoms, depth: 3).text
            let text = String((0..<Int(generator.next() % 10)).map { _ in
                alphabet[Int(generator.next() % UInt64(alphabet.count))]
            }.joined())
            guard let reference = try? Regex(pattern).wordBoundaryKind(.simple).ignoresCase(caseInsensitive) else {
                continue
            }
            let expected = text.firstMatch(of: reference).map {
                text.utf8.distance(from: text.startIndex, to: $0.range.lowerBound)
                    ..< text.utf8.distance(from: text.startIndex, to: $0.range.upperBound)
            }
            let expectedAll = text.matches(of: reference).map {
                text.utf8.distance(from: text.startIndex, to: $0.range.lowerBound)
                    ..< text.utf8.distance(from: text.startIndex, to: $0.range.upperBound)
            }
            for simulate in [false, true] {
                let regex = try #require(try? ByteRegex(pattern, caseInsensitive: caseInsensitive,
                                                        cacheBudget: RegexEngine.defaultCacheBudget, simulate: simulate),
                                         "/\(pattern)/ rejected")
                let how = simulate ? "simulated" : "by DFA"
                #expect(withBytes(text) { regex.firstMatch(in: $0) } == expected, "/\(pattern)/ on \(text.debugDescription) \(how)")
                #expect(withBytes(text) { regex.matches($0) } == (expected != nil), "/\(pattern)/ on \(text.debugDescription) \(how)")
                #expect(withBytes(text) { regex.allMatches(in: $0) } == expectedAll, "all /\(pattern)/ on \(text.debugDescription) \(how)")
            }
            checked += 1
        }
        #expect(checked == 2000)
    }

    private func randomPattern(
        _ generator: inout SplitMix, atoms baseAtoms: [String], depth: Int
    ) -> (text: String, nullable: Bool) {
        let atoms = baseAtoms + ["\\b", "\\B", "^", "$"]
        let anchors: Set = ["\\b", "\\B", "^", "$"]
        var pattern = ""
        var nullable = true
        for _ in 0..<(1 + Int(generator.next() % 3)) {
            var piece: String
            var pieceNullable: Bool
            if depth > 0 && generator.next() % 3 == 0 {
                let first = randomPattern(&generator, atoms: baseAtoms, depth: depth - 1)
                piece = "(" + first.text
                pieceNullable = first.nullable
                if generator.next() % 2 == 0 {
                    let second = randomPattern(&generator, atoms: baseAtoms, depth: depth - 1)
                    piece += "|" + second.text
                    pieceNullable = pieceNullable || second.nullable
                }
                piece += ")"
            } else {
                piece = atoms[Int(generator.next() % UInt64(atoms.count))]
                pieceNullable = anchors.contains(piece)
            }
            if !anchors.contains(piece) {
                let safe = ["", "", "?", "??", "{1,2}", "{2}"]
                let loops = ["*", "+", "*?", "+?"]
                let choice = Int(generator.next() % 10)
                let quantifier = choice < safe.count ? safe[choice] : (pieceNullable ? "" : loops[choice - safe.count])
                piece += quantifier
                if ["?", "??", "*", "*?"].contains(quantifier) { pieceNullable = true }
            }
            pattern += piece
            nullable = nullable && pieceNullable
        }
        return (pattern, nullable)
    }
}

/// A tiny deterministic random generator so failures reproduce.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
