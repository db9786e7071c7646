@testable import DossierRegex
import Foundation
import Testing

/// Large counted repeats (`.{1000}`, `\w{2,500}`) on real and hostile texts: the same answers as ICU's
/// NSRegularExpression, whether the lazy DFA or the simulation it falls back on finds them, with work linear
/// in the text; and the limit on work, driven by counting steps (no clock).
@Suite struct CountedRepeatTests {
    /// Our `\w`, written out for ICU (whose own `\w` is Unicode's).
    static let word = "[0-9A-Z_a-z\\x{C0}-\\x{1FFF}\\x{3000}-\\x{EFFF}]"

    /// (pattern, the same for ICU). ICU's `.` also stops at \r, U+0085, U+2028 and U+2029, which no text here has.
    static let patterns: [(String, String)] = [
        (".{300}", ".{300}"),
        (".{400}", ".{400}"),
        (".{1000}", ".{1000}"),
        ("[a-z]{12}", "[a-z]{12}"),
        ("(ab|cd){40}", "(?:ab|cd){40}"),
        ("\\w{2,500}", word + "{2,500}"),
        ("\\w{30,}", word + "{30,}"),
        ("[A-Z][^.]{200,600}\\.", "[A-Z][^.]{200,600}\\."),
        ("Wagner.{0,300}Russia", "Wagner.{0,300}Russia"),
        ("(?:\\w+\\W+){40}", "(?:" + word + "+[^0-9A-Z_a-z\\x{C0}-\\x{1FFF}\\x{3000}-\\x{EFFF}]+){40}"),
    ]

    /// The bundled articles' paragraphs (curly quotes, dashes, accented names).
    static let seeds: String = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("seeds")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".txt") }.sorted()
            .compactMap { try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
            .joined(separator: "\n")
    }()

    /// Texts no regex test should trip on: one line of a megabyte, 100,000 short sentences, non-ASCII throughout,
    /// and lines one character short of a 1000-character match.
    static let hostile: [(String, String)] = {
        var generator = SplitMix(seed: 23)
        let words = ["Bozizé", "Touadéra", "Wagner", "mercenaries", "’s", "—", "CAR", "Москва", "東京", "𝔸", "and", "the"]
        func prose(_ count: Int) -> String {
            (0..<count).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ")
        }
        let line = String(String(repeating: prose(200) + " ", count: 1000).prefix(1 << 20))
        let sentences = (0..<100_000).map { _ in prose(Int(1 + generator.next() % 4)) + "." }.joined(separator: "\n")
        return [("1 MB line", line), ("100,000 sentences", sentences), ("999-character lines", nearMisses)]
    }()

    /// Lines one character short of a 1000-character match, where a search keeps a thread for every start.
    static let nearMisses = (0..<12).map { _ in String(repeating: "é", count: 999) }.joined(separator: "\n")

    @Test(arguments: patterns)
    func sameMatchesAsICUOnTheSeeds(_ pattern: String, _ icu: String) throws {
        try expectSameMatches(pattern, icu, in: CountedRepeatTests.seeds)
    }

    @Test(arguments: patterns.prefix(4), hostile)
    func sameFirstMatchAsICUOnHostileTexts(_ pattern: (String, String), _ text: (String, String)) throws {
        let expected = try icuMatches(pattern.1, in: text.1, first: true).first
        let regex = try ByteRegex(pattern.0)
        #expect(withBytes(text.1) { regex.firstMatch(in: $0) } == expected, "/\(pattern.0)/ on \(text.0)")
        #expect(withBytes(text.1) { regex.matches($0) } == (expected != nil), "/\(pattern.0)/ on \(text.0)")
    }

    @Test(arguments: [(".{1000}", nil), (".{999}", 0..<1998), ("é{500}\n", 998..<1999)] as [(String, Range<Int>?)])
    func simulationOnNearMisses(_ pattern: String, _ expected: Range<Int>?) throws {
        for simulate in [false, true] {
            let regex = try ByteRegex(pattern, caseInsensitive: false, cacheBudget: RegexEngine.defaultCacheBudget,
                                      simulate: simulate)
            #expect(withBytes(CountedRepeatTests.nearMisses) { regex.firstMatch(in: $0) } == expected)
        }
    }

    /// A DFA cache too small for the states of `.{400}` thrashes: the search goes on by simulation, same answers.
    @Test func thrashingCacheFallsBackToTheSameAnswers() throws {
        let text = CountedRepeatTests.seeds
        let expected = try icuMatches(".{400}", in: text, first: false)
        let small = try ByteRegex(".{400}", caseInsensitive: false, cacheBudget: 64 << 10, simulate: false)
        #expect(withBytes(text) { small.allMatches(in: $0) } == expected)
    }

    /// The work on a text twice as long is about twice the work (the engine is linear), and a byte costs at
    /// most a visit of each instruction of the program.
    @Test(arguments: [".{1000}", "(ab|cd){200}", "\\w{2,500}", "[ab]*a[ab]{20}"], [false, true])
    func workIsLinearInTheText(_ pattern: String, _ simulate: Bool) throws {
        let regex = try ByteRegex(pattern, caseInsensitive: false, cacheBudget: RegexEngine.defaultCacheBudget,
                                  simulate: simulate)
        var generator = SplitMix(seed: 5)
        let pieces = ["ab", "cd", "a", "é", "b", "’", "\n"]
        let text = Array((0..<400_000).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined().utf8)
        func steps(_ bytes: ArraySlice<UInt8>) -> Int {
            let limit = RegexWorkLimit(steps: .max)
            _ = Array(bytes).withUnsafeBufferPointer { regex.allMatches(in: $0, limit: limit) }
            return limit.spent
        }
        let half = steps(text[..<(text.count / 2)]), whole = steps(text[...])
        #expect(Double(whole) < 2.3 * Double(half), "/\(pattern)/: \(half) steps on half the text, \(whole) on all")
        #expect(whole < text.count * 4 * regex.programSize, "/\(pattern)/: \(whole) steps on \(text.count) bytes")
    }

    /// A search stops where its work passes the limit, the same on every run: given exactly the steps an unbounded
    /// search took it finishes, given one fewer it gives up and says the limit is spent.
    @Test(arguments: [(".{400}", false), (".{400}", true), ("Wagner\\s+Group", false)])
    func limitIsOnWorkNotTime(_ pattern: String, _ simulate: Bool) throws {
        // A fresh regex each time, as each query compiles its own: a warm cache would take fewer steps.
        func search(_ limit: RegexWorkLimit) throws -> [Range<Int>] {
            let regex = try ByteRegex(pattern, caseInsensitive: false, cacheBudget: RegexEngine.defaultCacheBudget,
                                      simulate: simulate)
            return withBytes(String(CountedRepeatTests.seeds.prefix(20_000))) { regex.allMatches(in: $0, limit: limit) }
        }
        let unbounded = RegexWorkLimit(steps: .max)
        let all = try search(unbounded)
        #expect(!all.isEmpty)
        for _ in 0..<2 {
            let enough = RegexWorkLimit(steps: unbounded.spent)
            #expect(try search(enough) == all)
            #expect(!enough.isExhausted && enough.spent == unbounded.spent)
            let short = RegexWorkLimit(steps: unbounded.spent - 1)
            #expect(try search(short) == [])
            #expect(short.isExhausted)
        }
    }

    /// Ctrl-C still stops a simulated search, at its next poll.
    @Test func shouldStopEndsASimulation() throws {
        let regex = try ByteRegex(".{1000}x", caseInsensitive: false, cacheBudget: RegexEngine.defaultCacheBudget,
                                  simulate: true)
        let text = [UInt8](repeating: UInt8(ascii: "a"), count: 200_000)
        var polls = 0
        #expect(firstMatch(regex, text, shouldStop: { polls += 1; return polls >= 2 }) == nil)
        #expect(polls == 2)
    }

    @Test(arguments: [(".{1000}", 1000), ("é{3}", 6), ("(ab|c){2,}", 2), ("x*", 0), ("a\\b", 1), ("[^\\x00-\\x{10FFFF}]", Int.max)])
    func minimumLength(_ pattern: String, _ bytes: Int) throws {
        #expect(try ByteRegex(pattern).minimumLength == bytes)
    }

    private func expectSameMatches(_ pattern: String, _ icu: String, in text: String) throws {
        let expected = try icuMatches(icu, in: text, first: false)
        for simulate in [false, true] {
            let regex = try ByteRegex(pattern, caseInsensitive: false, cacheBudget: RegexEngine.defaultCacheBudget,
                                      simulate: simulate)
            #expect(withBytes(text) { regex.allMatches(in: $0) } == expected, "/\(pattern)/ simulated: \(simulate)")
        }
    }

    /// ICU's matches as UTF-8 byte ranges of `text`.
    private func icuMatches(_ pattern: String, in text: String, first: Bool) throws -> [Range<Int>] {
        let regex = try NSRegularExpression(pattern: pattern)
        let whole = NSRange(text.startIndex..., in: text)
        let found = first ? [regex.firstMatch(in: text, range: whole)].compactMap { $0 } : regex.matches(in: text, range: whole)
        return found.map { match in
            let range = Range(match.range, in: text)!
            return text.utf8.distance(from: text.startIndex, to: range.lowerBound)
                ..< text.utf8.distance(from: text.startIndex, to: range.upperBound)
        }
    }
}
