/// The Hebrew calendar by its published arithmetic rules (the molad of Tishrei and its postponements), so Jewish
/// feasts ("Yom Kippur 2018", "Hanukkah") get their Gregorian days in any year, with no table.
///
/// Months are numbered from Nisan (1) to Adar (12), with Adar II (13) in leap years; the year begins on
/// 1 Tishrei (month 7). A day here is the daytime of the Hebrew date: the feast that begins at sundown on
/// 18 September 2018 is Yom Kippur, 19 September 2018.
enum HebrewCalendar {
    /// Days since 1970-01-01 of 1 Tishrei AM 1 (7 October 3761 BCE, Julian).
    private static let epoch = -1_373_427 - 719_163

    /// Seven leap years (a thirteenth month) in each cycle of nineteen.
    static func isLeap(_ year: Int) -> Bool { (7 * year + 1) % 19 < 7 }

    /// Days from the epoch to the molad of Tishrei of `year`, postponed a day when it falls on a Sunday,
    /// Wednesday or Friday.
    private static func elapsedDays(_ year: Int) -> Int {
        let months = (235 * year - 234) / 19
        let parts = 12_084 + 13_753 * months
        let days = 29 * months + parts / 25_920
        return (3 * (days + 1)) % 7 < 3 ? days + 1 : days
    }

    /// 1 Tishrei of `year` as days since 1970-01-01: a further postponement keeps every year 353-355 or
    /// 383-385 days long.
    static func newYear(_ year: Int) -> Int {
        let (previous, this, next) = (elapsedDays(year - 1), elapsedDays(year), elapsedDays(year + 1))
        let correction = next - this == 356 ? 2 : this - previous == 382 ? 1 : 0
        return epoch + this + correction
    }

    static func length(ofYear year: Int) -> Int { newYear(year + 1) - newYear(year) }

    static func length(ofMonth month: Int, year: Int) -> Int {
        switch month {
        case 2, 4, 6, 10, 13: return 29
        case 12: return isLeap(year) ? 30 : 29
        case 8: return length(ofYear: year) % 10 == 5 ? 30 : 29
        case 9: return length(ofYear: year) % 10 == 3 ? 29 : 30
        default: return 30
        }
    }

    /// The Gregorian day of `day` `month` `year` (AM); nil for a month the year does not have or past its end.
    static func day(year: Int, month: Int, day: Int) -> Day? {
        let lastMonth = isLeap(year) ? 13 : 12
        guard (1...lastMonth).contains(month), (1...length(ofMonth: month, year: year)).contains(day) else { return nil }
        let monthsBefore = month < 7 ? Array(7...lastMonth) + Array(1..<month) : Array(7..<month)
        let offset = monthsBefore.reduce(day - 1) { $0 + length(ofMonth: $1, year: year) }
        return Day(ordinal: Int32(newYear(year) + offset))
    }

    /// The day in Gregorian `year` that is `day` `month` of some Hebrew year. Adar (12) means Adar II in a leap
    /// year, where its feasts (Purim) are kept.
    static func first(month: Int, day: Int, inGregorianYear year: Int) -> Day? {
        guard (1...9998).contains(year) else { return nil }
        return [year + 3760, year + 3761].lazy.compactMap { hebrewYear in
            Self.day(year: hebrewYear, month: month == 12 && isLeap(hebrewYear) ? 13 : month, day: day)
        }.first { $0.year == year }
    }
}
