import DossierTime
import Testing

@Suite("Day")
struct DayTests {
    @Test(arguments: [
        (1970, 1, 1, 0),
        (1969, 12, 31, -1),
        (2000, 2, 29, 11_016),
        (2021, 9, 20, 18_890),
        (1, 1, 1, -719_162),
        (9999, 12, 31, 2_932_896),
    ])
    func ordinalsMatchTheCalendar(year: Int, month: Int, day: Int, ordinal: Int) throws {
        let date = try #require(Day(year: year, month: month, day: day))
        #expect(date.ordinal == Int32(ordinal))
        #expect(date.year == year && date.month == month && date.day == day)
    }

    @Test(arguments: [(2019, 2, 29), (2021, 2, 30), (2021, 13, 1), (2021, 0, 1), (2021, 4, 31), (0, 1, 1), (10_000, 1, 1), (1900, 2, 29)])
    func impossibleDatesAreRejected(year: Int, month: Int, day: Int) {
        #expect(Day(year: year, month: month, day: day) == nil)
    }

    @Test(arguments: [("2021-09-20", 1), ("2021-09-18", 6), ("2021-09-19", 7), ("1970-01-01", 4), ("2013-12-06", 5)])
    func weekdaysStartOnMonday(iso: String, weekday: Int) throws {
        let day = try #require(Period.parse(iso)).start
        #expect(day.weekday == weekday)
    }

    @Test func everyDayRoundTripsThroughItsParts() throws {
        for ordinal in stride(from: -719_162, through: 2_932_896, by: 997) {
            let day = Day(ordinal: Int32(ordinal))
            let rebuilt = try #require(Day(year: day.year, month: day.month, day: day.day))
            #expect(rebuilt == day)
        }
    }

    @Test func isoIsZeroPadded() throws {
        #expect(try #require(Day(year: 2019, month: 2, day: 5)).iso == "2019-02-05")
        #expect(try #require(Day(year: 7, month: 10, day: 11)).iso == "0007-10-11")
    }

    @Test func addingCrossesMonthsAndYears() throws {
        let newYearsEve = try #require(Day(year: 2020, month: 12, day: 31))
        #expect(newYearsEve.adding(days: 1).iso == "2021-01-01")
        #expect(newYearsEve.adding(days: -366).iso == "2019-12-31")
        #expect(newYearsEve < newYearsEve.adding(days: 1))
    }
}
