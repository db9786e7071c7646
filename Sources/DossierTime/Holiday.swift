/// Feasts and holidays that news dates events by ("on Christmas Eve", "over Easter", "Thanksgiving 2016"),
/// each a rule that gives its day in a year: fixed days, days counted from Easter, Thanksgiving, and days of the
/// Islamic calendar.
enum Holiday: Sendable {
    case newYearsDay, valentinesDay, halloween, christmasEve, christmas, boxingDay, newYearsEve
    case palmSunday, maundyThursday, goodFriday, easter, easterMonday, whitMonday
    case thanksgiving, blackFriday
    case orthodoxEaster, cleanMonday
    /// Islamic feasts by the Umm al-Qura calendar (1924-2077): 1 Muharram, 10 Muharram, 12 Rabi' al-awwal,
    /// 1 Shawwal, 10 Dhu al-Hijjah.
    case islamicNewYear, ashura, mawlid, eidAlFitr, eidAlAdha
    /// The Chinese (lunar) New Year, 1900-2100.
    case lunarNewYear

    /// Its day in `year` (Gregorian).
    func day(in year: Int) -> Day? {
        switch self {
        case .newYearsDay: Day(year: year, month: 1, day: 1)
        case .valentinesDay: Day(year: year, month: 2, day: 14)
        case .halloween: Day(year: year, month: 10, day: 31)
        case .christmasEve: Day(year: year, month: 12, day: 24)
        case .christmas: Day(year: year, month: 12, day: 25)
        case .boxingDay: Day(year: year, month: 12, day: 26)
        case .newYearsEve: Day(year: year, month: 12, day: 31)
        case .palmSunday: Self.easter(year)?.adding(days: -7)
        case .maundyThursday: Self.easter(year)?.adding(days: -3)
        case .goodFriday: Self.easter(year)?.adding(days: -2)
        case .easter: Self.easter(year)
        case .easterMonday: Self.easter(year)?.adding(days: 1)
        case .whitMonday: Self.easter(year)?.adding(days: 50)
        case .thanksgiving: Self.thanksgiving(year)
        case .blackFriday: Self.thanksgiving(year)?.adding(days: 1)
        case .orthodoxEaster: Self.orthodoxEaster(year)
        case .cleanMonday: Self.orthodoxEaster(year)?.adding(days: -48)
        case .islamicNewYear: HijriCalendar.first(month: 1, day: 1, inGregorianYear: year)
        case .ashura: HijriCalendar.first(month: 1, day: 10, inGregorianYear: year)
        case .mawlid: HijriCalendar.first(month: 3, day: 12, inGregorianYear: year)
        case .eidAlFitr: HijriCalendar.first(month: 10, day: 1, inGregorianYear: year)
        case .eidAlAdha: HijriCalendar.first(month: 12, day: 10, inGregorianYear: year)
        case .lunarNewYear: LunarNewYear.day(in: year)
        }
    }

    /// Easter Sunday by the Gregorian computus (Meeus/Jones/Butcher).
    static func easter(_ year: Int) -> Day? {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return Day(year: year, month: month, day: day)
    }

    /// Orthodox Easter: the Julian computus (Meeus), moved to the Gregorian calendar.
    static func orthodoxEaster(_ year: Int) -> Day? {
        let a = year % 4, b = year % 7, c = year % 19
        let d = (19 * c + 15) % 30
        let e = (2 * a + 4 * b - d + 34) % 7
        let julianOffset = year / 100 - year / 400 - 2
        return Day(year: year, month: (d + e + 114) / 31, day: (d + e + 114) % 31 + 1)?.adding(days: julianOffset)
    }

    /// The fourth Thursday of November (the United States' Thanksgiving).
    static func thanksgiving(_ year: Int) -> Day? {
        guard let first = Day(year: year, month: 11, day: 1) else { return nil }
        return first.adding(days: (4 - first.weekday + 7) % 7 + 21)
    }
}
