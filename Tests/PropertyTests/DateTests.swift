import Testing
import PropertyBased
@testable import DossierTime

/// Invariants of normalised periods, and the extractor on the plainest date forms.
@Suite("Dates")
struct DateTests {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]

    enum Form: Sendable { case year, month, day }

    /// (form, year, month, day) with a valid day for the month.
    static let dates = generator { rng -> (Form, Int, Int, Int) in
        let form = rng.pick([Form.year, .month, .day])
        let year = Int.random(in: 1...9999, using: &rng)
        let month = Int.random(in: 1...12, using: &rng)
        return (form, year, month, Int.random(in: 1...Day.length(ofMonth: month, year: year), using: &rng))
    }

    static func period(_ form: Form, _ y: Int, _ m: Int, _ d: Int) -> Period? {
        switch form {
        case .year: Period.year(y)
        case .month: Period.month(y, m)
        case .day: Period.day(y, m, d)
        }
    }

    @Test func periodsAreOrderedAndKeepTheirGranularity() async {
        await propertyCheck(count: 1000, input: Self.dates) { (form, y, m, d) in
            let p = try #require(Self.period(form, y, m, d))
            #expect(p.start <= p.end)
            #expect(p.start.year == y && p.end.year == y)
            switch form {
            case .year:
                #expect(p.granularity == .year)
                #expect((p.start.month, p.start.day, p.end.month, p.end.day) == (1, 1, 12, 31))
            case .month:
                #expect(p.granularity == .month)
                #expect(p.start.month == m && p.end.month == m && p.start.day == 1)
                #expect(p.end.day == Day.length(ofMonth: m, year: y))
                #expect(p.end.adding(days: 1).month != m)
            case .day:
                #expect(p.granularity == .day)
                #expect(p.start == p.end && p.start.month == m && p.start.day == d)
            }
            // Every day of the period is inside it, the days around it are not.
            #expect(p.contains(p.start) && p.contains(p.end))
            #expect(!p.contains(p.start.adding(days: -1)) || p.start.ordinal == Int32.min)
            #expect(!p.contains(p.end.adding(days: 1)))
            // The label reads back as the same period (the query language's date syntax).
            #expect(Period.parse(p.label) == p, "label \(p.label)")
        }
    }

    @Test func daysRoundTripThroughTheirCivilDate() async {
        await propertyCheck(count: 1000, input: Self.dates) { (_, y, m, d) in
            let day = try #require(Day(year: y, month: m, day: d))
            #expect((day.year, day.month, day.day) == (y, m, d))
            #expect(Day(ordinal: day.ordinal) == day)
            let next = day.adding(days: 1)
            #expect(next > day && next.adding(days: -1) == day)
        }
    }

    @Test func invalidDaysAreRejected() async {
        await propertyCheck(count: 300, input: Self.dates) { (_, y, m, _) in
            #expect(Day(year: y, month: m, day: Day.length(ofMonth: m, year: y) + 1) == nil)
            #expect(Day(year: y, month: 13, day: 1) == nil)
            #expect(Day(year: y, month: m, day: 0) == nil)
        }
    }

    /// "5 February 2019", "February 2019" and "2019" in a plain sentence give exactly that period.
    static let written = generator { rng -> (Form, Int, Int, Int, String) in
        let form = rng.pick([Form.year, .month, .day])
        let year = Int.random(in: 1900...2099, using: &rng)
        let month = Int.random(in: 1...12, using: &rng)
        let day = Int.random(in: 1...Day.length(ofMonth: month, year: year), using: &rng)
        let frame = rng.pick(["The mission was announced on %@.", "In %@, the troops arrived.", "It was signed in %@ by both sides.",
                              "Reports from %@ describe the fighting."])
        return (form, year, month, day, frame)
    }

    @Test func extractorFindsPlainDates() async {
        let extractor = TimeExpressionExtractor()
        await propertyCheck(count: 600, input: Self.written) { (form, y, m, d, frame) in
            let text: String
            switch form {
            case .year: text = String(y)
            case .month: text = "\(Self.months[m - 1]) \(y)"
            case .day: text = "\(d) \(Self.months[m - 1]) \(y)"
            }
            var sentence = frame.replacingOccurrences(of: "%@", with: text)
            if form == .day, frame.hasPrefix("In ") { sentence = "On " + sentence.dropFirst(3) }
            let expected = try #require(Self.period(form, y, m, d))
            let found = extractor.extract(sentence, documentDate: nil, context: nil).filter { !$0.isCitation }
            #expect(found.map(\.period) == [expected], "\(sentence.debugDescription): \(found.map { "\($0.period.label) \($0.rule)" })")
        }
    }
}
