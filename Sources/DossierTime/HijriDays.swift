/// Gregorian days of Islamic dates, from the generated Umm al-Qura table (`HijriCalendar.swift`).
extension HijriCalendar {
    /// Days since 1970-01-01 of the first day of each month from 1 Muharram `firstYear`, and one past the last.
    private static let monthStarts: [Int32] = {
        var starts = [firstDay]
        for digit in monthLengths.utf8 {
            let lastDigit = Int32(digit) - Int32(UInt8(ascii: "0"))
            starts.append(starts[starts.count - 1] + (lastDigit >= 8 ? 20 : 30) + lastDigit)
        }
        return starts
    }()

    /// The Gregorian day of `day` `month` `year` AH; nil outside the table or past the month's end.
    static func day(year: Int, month: Int, day: Int) -> Day? {
        let index = (year - firstYear) * 12 + month - 1
        guard (1...12).contains(month), index >= 0, index + 1 < monthStarts.count, day >= 1 else { return nil }
        let ordinal = monthStarts[index] + Int32(day - 1)
        return ordinal < monthStarts[index + 1] ? Day(ordinal: ordinal) : nil
    }

    /// The first day in Gregorian `year` that is `day` `month` of some Islamic year (a feast can fall twice in
    /// one Gregorian year: Eid al-Adha 1974 was on 3 January and 24 December).
    static func first(month: Int, day: Int, inGregorianYear year: Int) -> Day? {
        let islamic = (year - 622) * 33 / 32
        return ((islamic - 1)...(islamic + 2)).lazy.compactMap { Self.day(year: $0, month: month, day: day) }
            .first { $0.year == year }
    }
}
