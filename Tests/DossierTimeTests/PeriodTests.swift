import DossierTime
import Testing

@Suite("Period")
struct PeriodTests {
    @Test(arguments: [
        ("2017", "2017-01-01", "2017-12-31", Granularity.year),
        ("2019-02", "2019-02-01", "2019-02-28", .month),
        ("2020-02", "2020-02-01", "2020-02-29", .month),
        ("2019-02-05", "2019-02-05", "2019-02-05", .day),
        ("0001", "0001-01-01", "0001-12-31", .year),
    ])
    func parsesQueryDates(text: String, start: String, end: String, granularity: Granularity) throws {
        let period = try #require(Period.parse(text))
        #expect(period.start.iso == start)
        #expect(period.end.iso == end)
        #expect(period.granularity == granularity)
        #expect(period.label == text)
    }

    @Test(arguments: ["", "17", "20170", "0000", "2019-13", "2019-00", "2019-02-30", "2019-2-5", "2019/02/05",
                      "abcd", "２０１９", "2019-02-05 ", "-2019", "2014..2019", "99999"])
    func rejectsAnythingElse(text: String) {
        #expect(Period.parse(text) == nil)
    }

    @Test func labelsOtherSpansWithTwoDots() throws {
        let years = try #require(Period.year(2014).map { Period(start: $0.start, end: Period.year(2019)!.end, granularity: .year) })
        #expect(years.label == "2014..2019")
        let months = Period(start: Period.month(2019, 1)!.start, end: Period.month(2019, 4)!.end, granularity: .season)
        #expect(months.label == "2019-01..2019-04")
        let days = Period(start: Period.day(2021, 1, 1)!.start, end: Period.day(2021, 9, 20)!.end, granularity: .month)
        #expect(days.label == "2021-01-01..2021-09-20")
    }

    @Test func constructorsRejectImpossibleDates() {
        #expect(Period.day(2021, 2, 29) == nil)
        #expect(Period.month(2021, 13) == nil)
        #expect(Period.year(0) == nil)
        #expect(Period.year(10_000) == nil)
    }

    @Test func overlapAndContainmentAreClosed() throws {
        let year = try #require(Period.year(2019))
        let december = try #require(Period.month(2019, 12))
        let newYear = try #require(Period.day(2020, 1, 1))
        #expect(year.overlaps(december) && december.overlaps(year))
        #expect(!year.overlaps(newYear))
        #expect(year.contains(december.end))
        #expect(!year.contains(newYear.start))
    }

    @Test func granularitiesAreOrderedFromFineToCoarse() {
        #expect(Granularity.allCases.map(\.name) == ["day", "week", "month", "season", "quarter", "year", "decade", "century"])
        #expect(Granularity.allCases == Granularity.allCases.sorted())
    }
}
