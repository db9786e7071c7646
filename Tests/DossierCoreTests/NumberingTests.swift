import Testing
@testable import DossierCore
import DossierTime

/// A batch numbers the periods its sentences are dated by, remembering the last one asked for (most sentences are
/// dated as the one before): a period must get its first number whenever it comes back, after others or none.
@Suite("Numbering of periods")
struct NumberingTests {
    @Test(arguments: [
        // The years of a speech's sentences as they come: one period, another, back to the first, then none.
        (["1990", "1990", "1991", "1990", "", "1991", "1991", "1992"], [1, 1, 2, 1, 0, 2, 2, 3] as [UInt32]),
        (["1990-03", "1990", "1990-03", "1990-03-02", "1990"], [1, 2, 1, 3, 2]),
        (["", "", "2001"], [0, 0, 1]),
    ])
    func periodsKeepTheirNumbers(_ periods: [String], _ expected: [UInt32]) {
        var numbering = Numbering<Period>()
        let numbers = periods.map { numbering.number($0.isEmpty ? nil : Period.parse($0)) }
        #expect(numbers == expected)
        #expect(numbering.count == expected.max().map(Int.init))
        for (text, number) in zip(periods, numbers) where number > 0 {
            #expect(numbering[number] == Period.parse(text))
        }
    }
}
