/// Gregorian days of dates of other calendars, from the generated tables (`HijriCalendar.swift`, `LunarNewYear.swift`,
/// `IndianFeast.swift`).
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

    /// The whole Islamic `month` that begins first in Gregorian `year` (Ramadan 2050: 22 May - 20 June).
    static func firstMonth(_ month: Int, inGregorianYear year: Int) -> Period? {
        let islamic = (year - 622) * 33 / 32
        for candidate in (islamic - 1)...(islamic + 2) {
            let index = (candidate - firstYear) * 12 + month - 1
            guard index >= 0, index + 1 < monthStarts.count else { continue }
            let start = Day(ordinal: monthStarts[index])
            if start.year == year {
                return Period(start: start, end: Day(ordinal: monthStarts[index + 1] - 1), granularity: .day)
            }
        }
        return nil
    }
}

extension IndianFeast {
    /// Its day in Gregorian `year`, from the generated table; nil outside the years the table has.
    func day(in year: Int) -> Day? {
        let table = Self.days[rawValue].utf8
        let offset = (year - Self.firstYears[rawValue]) * 3
        guard offset >= 0, offset + 3 <= table.count, let january = Day(year: year, month: 1, day: 1) else { return nil }
        let digits = table.dropFirst(offset).prefix(3).reduce(0) { $0 * 10 + Int($1) - Int(UInt8(ascii: "0")) }
        return digits == 0 ? nil : january.adding(days: digits - 1)
    }
}

extension LunarNewYear {
    /// The Chinese New Year of Gregorian `year` (1900-2100), from the generated table.
    static func day(in year: Int) -> Day? {
        let index = year - firstYear
        guard index >= 0, index < days.utf8.count, let start = Day(year: year, month: 1, day: 21) else { return nil }
        let letter = Int(days.utf8[days.utf8.index(days.utf8.startIndex, offsetBy: index)])
        let offset = letter >= Int(UInt8(ascii: "a")) ? letter - Int(UInt8(ascii: "a")) + 26 : letter - Int(UInt8(ascii: "A"))
        return start.adding(days: offset)
    }
}
