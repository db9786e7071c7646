/// Feasts and holidays that news dates events by ("on Christmas Eve", "over Easter", "Thanksgiving 2016",
/// "Yom Kippur", "Diwali 2019"), each a rule that gives its days in a year: fixed days, days counted from Easter,
/// weekdays of a month, and days of the Islamic, Hebrew, Parsi and Indian calendars. Their names are in
/// `FeastNames.swift`.
enum Holiday: Sendable {
    case newYearsDay, valentinesDay, halloween, christmasEve, christmas, boxingDay, newYearsEve
    case palmSunday, maundyThursday, goodFriday, easter, easterMonday, whitMonday
    /// Mothering Sunday, Britain's and Ireland's Mother's Day: the fourth Sunday of Lent, three weeks before Easter.
    case motheringSunday
    case thanksgiving, blackFriday
    case orthodoxEaster, cleanMonday
    /// Islamic feasts by the Umm al-Qura calendar (1924-2077): 1 Muharram, 10 Muharram, 12 Rabi' al-awwal,
    /// 1 Shawwal, 10 Dhu al-Hijjah.
    case islamicNewYear, ashura, mawlid, eidAlFitr, eidAlAdha
    /// The Chinese (lunar) New Year, 1900-2100.
    case lunarNewYear
    /// Lent runs from Ash Wednesday to Holy Saturday.
    case shroveTuesday, ashWednesday, lent, holySaturday, ascension, pentecost
    case epiphany, orthodoxChristmas, stPatricksDay, allSaintsDay, allSoulsDay
    /// Fixed and weekday-bound days of national calendars (United States unless named).
    case martinLutherKingDay, presidentsDay, memorialDay, laborDay, columbusDay, veteransDay
    case mothersDay, fathersDay, bossDay, earthDay, groundhogDay, aprilFoolsDay, womensDay
    case kingsDay, bastilleDay, anzacDay, australiaDay, canadaDay, remembranceDay, guyFawkesNight
    case juneteenth, flagDay, patriotDay, arborDay, inaugurationDay, kwanzaa, assumption, environmentDay
    /// Lincoln's Birthday (12 February); Administrative Professionals' Day (the Wednesday of April's last full
    /// week, Sunday to Saturday); National Grandparents Day (the Sunday after Labor Day); Military Spouse Day (the
    /// Friday before Mother's Day).
    case lincolnsBirthday, administrativeProfessionalsDay, grandparentsDay, militarySpouseDay
    /// Canada's Victoria Day (the Monday before 25 May) and the February holiday of some provinces (Islander Day,
    /// Louis Riel Day, Nova Scotia Heritage Day: the third Monday); Shivaji Jayanti of Maharashtra (19 February).
    case victoriaDay, canadianFebruaryHoliday, shivajiJayanti
    /// Ramadan is the month; Laylat al-Qadr its 27th night, Jumu'atul-Wida its last Friday; Isra and Mi'raj
    /// 27 Rajab; the day of Arafat 9 Dhu al-Hijjah.
    case ramadan, laylatAlQadr, jumuatulWida, israMiraj, arafat
    /// Jewish feasts by the Hebrew calendar, each from its eve (it begins at sundown, as news and calendars date it:
    /// "Passover begins at sundown on March 30") to its last day, as kept outside Israel (Passover eight days,
    /// Shavuot two).
    case roshHashanah, yomKippur, sukkot, sheminiAtzeret, simchatTorah, hanukkah, tuBishvat, purim, passover
    case yomHashoah, yomHaatzmaut, yomYerushalayim, lagBaomer, shavuot, tishaBav
    /// The Parsi (Shahenshahi) New Year: a year of 365 days with no leap day.
    case parsiNewYear
    /// A feast of the Indian table, or days counted from it (`first`...`last`): Dhanteras is two days before
    /// Diwali, Navratri the nine days before Dussehra.
    case indian(IndianFeast, first: Int, last: Int)
    /// Days counted from a feast: "three days after Easter", "two weeks before Christmas".
    indirect case shifted(Holiday, days: Int)

    /// Its day in `year` (Gregorian): the first of its days.
    func day(in year: Int) -> Day? { period(in: year)?.start }

    /// Its days in `year` (Gregorian).
    func period(in year: Int) -> Period? {
        switch self {
        case .lent:
            guard let easter = Self.easter(year) else { return nil }
            return Period(start: easter.adding(days: -46), end: easter.adding(days: -1), granularity: .day)
        case .ramadan:
            return HijriCalendar.firstMonth(9, inGregorianYear: year)
        case .roshHashanah: return Self.hebrew(year, month: 7, day: 1, days: 2)
        case .sukkot: return Self.hebrew(year, month: 7, day: 15, days: 7)
        case .hanukkah: return Self.hebrew(year, month: 9, day: 25, days: 8)
        case .passover: return Self.hebrew(year, month: 1, day: 15, days: 8)
        case .shavuot: return Self.hebrew(year, month: 3, day: 6, days: 2)
        case .kwanzaa:
            // 26 December to 1 January: the one that begins in `year`.
            guard let first = Day(year: year, month: 12, day: 26) else { return nil }
            return Period(start: first, end: first.adding(days: 6), granularity: .day)
        case .indian(let feast, let first, let last):
            guard let day = feast.day(in: year) else { return nil }
            return Period(start: day.adding(days: first), end: day.adding(days: last), granularity: .day)
        case .shifted(let holiday, let days):
            guard let period = holiday.period(in: year) else { return nil }
            return Period(start: period.start.adding(days: days), end: period.end.adding(days: days), granularity: .day)
        default:
            return singleDay(in: year).map { Period(start: isJewish ? $0.adding(days: -1) : $0, end: $0, granularity: .day) }
        }
    }

    /// A feast of the Hebrew calendar, which begins at sundown on the eve of its day.
    private var isJewish: Bool {
        switch self {
        case .roshHashanah, .yomKippur, .sukkot, .sheminiAtzeret, .simchatTorah, .hanukkah, .tuBishvat, .purim, .passover,
             .yomHashoah, .yomHaatzmaut, .yomYerushalayim, .lagBaomer, .shavuot, .tishaBav: true
        default: false
        }
    }

    private func singleDay(in year: Int) -> Day? {
        switch self {
        case .newYearsDay: Day(year: year, month: 1, day: 1)
        case .valentinesDay: Day(year: year, month: 2, day: 14)
        case .halloween: Day(year: year, month: 10, day: 31)
        case .christmasEve: Day(year: year, month: 12, day: 24)
        case .christmas: Day(year: year, month: 12, day: 25)
        case .boxingDay: Day(year: year, month: 12, day: 26)
        case .newYearsEve: Day(year: year, month: 12, day: 31)
        case .palmSunday: Self.easter(year)?.adding(days: -7)
        case .motheringSunday: Self.easter(year)?.adding(days: -21)
        case .maundyThursday: Self.easter(year)?.adding(days: -3)
        case .goodFriday: Self.easter(year)?.adding(days: -2)
        case .easter: Self.easter(year)
        case .easterMonday: Self.easter(year)?.adding(days: 1)
        case .whitMonday: Self.easter(year)?.adding(days: 50)
        case .shroveTuesday: Self.easter(year)?.adding(days: -47)
        case .ashWednesday: Self.easter(year)?.adding(days: -46)
        case .holySaturday: Self.easter(year)?.adding(days: -1)
        case .ascension: Self.easter(year)?.adding(days: 39)
        case .pentecost: Self.easter(year)?.adding(days: 49)
        case .thanksgiving: Self.thanksgiving(year)
        case .blackFriday: Self.thanksgiving(year)?.adding(days: 1)
        case .orthodoxEaster: Self.orthodoxEaster(year)
        case .cleanMonday: Self.orthodoxEaster(year)?.adding(days: -48)
        case .epiphany: Day(year: year, month: 1, day: 6)
        case .orthodoxChristmas: Day(year: year, month: 1, day: 7)
        case .stPatricksDay: Day(year: year, month: 3, day: 17)
        case .allSaintsDay: Day(year: year, month: 11, day: 1)
        case .allSoulsDay: Day(year: year, month: 11, day: 2)
        case .martinLutherKingDay: AnchorResolver.nthWeekday(3, 1, month: 1, year: year)
        case .presidentsDay: AnchorResolver.nthWeekday(3, 1, month: 2, year: year)
        // 30 May until the Uniform Monday Holiday Act took effect in 1971.
        case .memorialDay: year < 1971 ? Day(year: year, month: 5, day: 30) : AnchorResolver.nthWeekday(-1, 1, month: 5, year: year)
        case .laborDay: AnchorResolver.nthWeekday(1, 1, month: 9, year: year)
        case .columbusDay: AnchorResolver.nthWeekday(2, 1, month: 10, year: year)
        case .veteransDay, .remembranceDay: Day(year: year, month: 11, day: 11)
        case .mothersDay: AnchorResolver.nthWeekday(2, 7, month: 5, year: year)
        case .fathersDay: AnchorResolver.nthWeekday(3, 7, month: 6, year: year)
        case .bossDay: Day(year: year, month: 10, day: 16).map(Self.nearestWeekday)
        case .earthDay: Day(year: year, month: 4, day: 22)
        case .groundhogDay: Day(year: year, month: 2, day: 2)
        case .lincolnsBirthday: Day(year: year, month: 2, day: 12)
        case .administrativeProfessionalsDay:
            Day(year: year, month: 4, day: 30).map { last in last.adding(days: -((last.weekday - 6 + 7) % 7) - 3) }
        case .grandparentsDay: AnchorResolver.nthWeekday(1, 1, month: 9, year: year)?.adding(days: 6)
        case .militarySpouseDay: AnchorResolver.nthWeekday(2, 7, month: 5, year: year)?.adding(days: -2)
        case .victoriaDay: Day(year: year, month: 5, day: 24).map { day in day.adding(days: -((day.weekday - 1 + 7) % 7)) }
        case .canadianFebruaryHoliday: AnchorResolver.nthWeekday(3, 1, month: 2, year: year)
        case .shivajiJayanti: Day(year: year, month: 2, day: 19)
        case .aprilFoolsDay: Day(year: year, month: 4, day: 1)
        case .womensDay: Day(year: year, month: 3, day: 8)
        case .kingsDay: Self.kingsDay(year)
        case .bastilleDay: Day(year: year, month: 7, day: 14)
        case .anzacDay: Day(year: year, month: 4, day: 25)
        case .australiaDay: Day(year: year, month: 1, day: 26)
        case .canadaDay: Day(year: year, month: 7, day: 1)
        case .guyFawkesNight: Day(year: year, month: 11, day: 5)
        case .juneteenth: Day(year: year, month: 6, day: 19)
        case .flagDay: Day(year: year, month: 6, day: 14)
        case .patriotDay: year >= 2002 ? Day(year: year, month: 9, day: 11) : nil
        case .arborDay: AnchorResolver.nthWeekday(-1, 5, month: 4, year: year)
        case .inaugurationDay: year >= 1937 && year % 4 == 1 ? Day(year: year, month: 1, day: 20) : nil
        case .assumption: Day(year: year, month: 8, day: 15)
        case .environmentDay: Day(year: year, month: 6, day: 5)
        case .islamicNewYear: HijriCalendar.first(month: 1, day: 1, inGregorianYear: year)
        case .ashura: HijriCalendar.first(month: 1, day: 10, inGregorianYear: year)
        case .mawlid: HijriCalendar.first(month: 3, day: 12, inGregorianYear: year)
        case .eidAlFitr: HijriCalendar.first(month: 10, day: 1, inGregorianYear: year)
        case .eidAlAdha: HijriCalendar.first(month: 12, day: 10, inGregorianYear: year)
        case .laylatAlQadr: HijriCalendar.first(month: 9, day: 27, inGregorianYear: year)
        case .israMiraj: HijriCalendar.first(month: 7, day: 27, inGregorianYear: year)
        case .arafat: HijriCalendar.first(month: 12, day: 9, inGregorianYear: year)
        case .jumuatulWida:
            // The last Friday before 1 Shawwal.
            HijriCalendar.first(month: 10, day: 1, inGregorianYear: year).map { eid in
                eid.adding(days: -((eid.weekday - 5 + 6) % 7 + 1))
            }
        case .lunarNewYear: LunarNewYear.day(in: year)
        case .yomKippur: HebrewCalendar.first(month: 7, day: 10, inGregorianYear: year)
        case .sheminiAtzeret: HebrewCalendar.first(month: 7, day: 22, inGregorianYear: year)
        case .simchatTorah: HebrewCalendar.first(month: 7, day: 23, inGregorianYear: year)
        case .tuBishvat: HebrewCalendar.first(month: 11, day: 15, inGregorianYear: year)
        case .purim: HebrewCalendar.first(month: 12, day: 14, inGregorianYear: year)
        case .lagBaomer: HebrewCalendar.first(month: 2, day: 18, inGregorianYear: year)
        case .yomYerushalayim: HebrewCalendar.first(month: 2, day: 28, inGregorianYear: year)
        case .yomHashoah:
            // 27 Nisan, kept on Thursday when it falls on a Friday and on Monday when it falls on a Sunday.
            HebrewCalendar.first(month: 1, day: 27, inGregorianYear: year).map { day in
                day.weekday == 5 ? day.adding(days: -1) : day.weekday == 7 ? day.adding(days: 1) : day
            }
        case .yomHaatzmaut:
            // 5 Iyar, brought forward to Thursday from a Friday or Saturday and put off to Tuesday from a Monday.
            HebrewCalendar.first(month: 2, day: 5, inGregorianYear: year).map { day in
                switch day.weekday {
                case 5: day.adding(days: -1)
                case 6: day.adding(days: -2)
                case 1: day.adding(days: 1)
                default: day
                }
            }
        case .tishaBav:
            // 9 Av, put off to Sunday when it falls on the Sabbath.
            HebrewCalendar.first(month: 5, day: 9, inGregorianYear: year).map { $0.weekday == 6 ? $0.adding(days: 1) : $0 }
        case .parsiNewYear:
            // 365-day years from Navroz on 17 August 2018 (it falls in July or August from 1700 to 2300).
            Day(year: 2018, month: 8, day: 17).map { $0.adding(days: 365 * (year - 2018)) }.flatMap { $0.year == year ? $0 : nil }
        case .lent, .ramadan, .roshHashanah, .sukkot, .hanukkah, .passover, .shavuot, .kwanzaa, .indian, .shifted: nil
        }
    }

    /// The `days` days of a Jewish feast from `day` `month` (Hebrew) in Gregorian `year`, from the eve of the first.
    private static func hebrew(_ year: Int, month: Int, day: Int, days: Int) -> Period? {
        HebrewCalendar.first(month: month, day: day, inGregorianYear: year).map {
            Period(start: $0.adding(days: -1), end: $0.adding(days: days - 1), granularity: .day)
        }
    }

    /// A Saturday moves to the Friday before it, a Sunday to the Monday after it.
    private static func nearestWeekday(_ day: Day) -> Day {
        day.weekday == 6 ? day.adding(days: -1) : day.weekday == 7 ? day.adding(days: 1) : day
    }

    /// The Netherlands' King's Day: 27 April (26 April when the 27th is a Sunday), from 2014; Queen's Day
    /// before it was on 30 April (29 April when the 30th was a Sunday).
    private static func kingsDay(_ year: Int) -> Day? {
        guard let day = Day(year: year, month: 4, day: year >= 2014 ? 27 : 30) else { return nil }
        return day.weekday == 7 ? day.adding(days: -1) : day
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
