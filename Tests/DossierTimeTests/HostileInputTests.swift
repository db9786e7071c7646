@testable import DossierTime
import Testing

/// Inputs meant to crash, hang or slow the extractor down.
@Suite("Hostile input")
struct HostileInputTests {
    @Test(arguments: [
        [UInt8](),
        Array("2019".utf8),
        Array(repeating: UInt8(ascii: "7"), count: 10_000),
        [0xFF, 0xFE, 0x32, 0x30, 0x31, 0x39, 0xE2, 0x80],
        [0xE2, 0x80, 0x93, 0x32, 0x30, 0x31, 0x39, 0xE2],
        [0xC2],
        Array("(((((2019".utf8),
        Array("2019)))))".utf8),
        Array("May".utf8),
        Array("On February".utf8),
        Array("2019-".utf8),
        Array("20.09.".utf8),
        Array("the late".utf8),
    ])
    func neverCrashes(bytes: [UInt8]) {
        let found = bytes.withUnsafeBufferPointer {
            TimeExpressionExtractor().extract($0, documentDate: Period.parse("2021-09-20"), context: nil)
        }
        for expression in found {
            #expect(expression.range.lowerBound >= 0 && expression.range.upperBound <= bytes.count)
            #expect(expression.period.start <= expression.period.end)
        }
    }

    @Test func bufferOfOnlyDigitsFindsNothing() {
        #expect(Rendering.expressions(in: String(repeating: "1234567890", count: 1000)).isEmpty)
    }

    @Test func bareParenthesisedYearIsStillAYear() {
        #expect(Rendering.expressions(in: "(((((2019") == ["2019 = 2019 year"])
    }

    @Test func invalidUTF8AroundAYearStillFindsIt() {
        let bytes: [UInt8] = [0xFF, 0x20] + Array("in 2019".utf8) + [0x20, 0xC3]
        let found = bytes.withUnsafeBufferPointer { TimeExpressionExtractor().extract($0, documentDate: nil, context: nil) }
        #expect(found.map(\.range) == [5..<9])
    }

    /// A long line costs time in proportion to its length: the scanner hands each byte to the tokenizer at most once
    /// (its zones are disjoint, ascending and inside the text), and the rules look a bounded number of tokens ahead.
    /// How long these lines take is measured by `scripts/bench-long-lines`, not here.
    @Test(arguments: [
        String(repeating: "a", count: 1 << 20),
        String(repeating: "2019-", count: 1 << 18),
        String(repeating: "(Smith 2019;", count: 1 << 16),
        String(repeating: "May ", count: 1 << 18),
        String(repeating: "year", count: 1 << 18),
        String(repeating: "x1999", count: 1 << 18),
    ])
    func longLinesAreTokenizedOnce(text: String) {
        var text = text
        text.withUTF8 { bytes in
            let zones = TriggerScanner().zones(in: bytes)
            #expect(zones.allSatisfy { !$0.isEmpty && $0.lowerBound >= 0 && $0.upperBound <= bytes.count })
            #expect(zip(zones, zones.dropFirst()).allSatisfy { $0.upperBound < $1.lowerBound })
            let found = TimeExpressionExtractor().extract(bytes, documentDate: Period.parse("2021-09-20"), context: nil)
            #expect(zip(found, found.dropFirst()).allSatisfy { $0.range.upperBound <= $1.range.lowerBound })
        }
    }

    @Test func offsetsPointIntoTheBuffer() {
        let text = "Élysée said on 5 February 2019 – “yesterday” – that…"
        let found = TimeExpressionExtractor().extract(text, documentDate: Period.parse("2019-02-06"), context: nil)
        let bytes = Array(text.utf8)
        #expect(found.map { String(decoding: bytes[$0.range], as: UTF8.self) } == ["5 February 2019", "yesterday"])
    }
}
