/// When the words around a day or month without a year put it: news writes a day of the coming weeks without its
/// year as readily as one just past ("extended to Nov. 20", "The record date is Nov. 9" in a paper of 2 November).
enum Tense: Sendable {
    /// A verb in the past tense beside it: "The meeting was held on Nov. 20".
    case past
    /// Neither: the most recent occurrence, or for a day (a feast's too) the coming one when it is at most four months ahead.
    case unmarked
    /// "will", "due", "scheduled" ... beside it.
    case future
}

/// What a matched phrase says before it is placed on the calendar.
enum Reading: Sendable {
    /// Stated in full: "5 February 2019", "the 1960s".
    case stated(Period)
    /// An academic citation year: "(Hedenskog 2019)".
    case citation(Period)
    /// A month without a year, placed by the context: "In May", "that August", "early May".
    case partialMonth(month: Int, part: SpanPart?, tense: Tense)
    /// Days of a month without a year, placed by the context or the document date: "On February 5",
    /// "from 13 to 15 July"; `tense` as the words around say ("will meet on Sept. 2" is future);
    /// `weekday` when one is named with it ("Monday, Feb 18"), which picks the year.
    case partialDay(month: Int, days: ClosedRange<Int>, tense: Tense, weekday: Int? = nil)
    /// Placed by the document date: "yesterday", "last week".
    case deictic(Deixis)
    /// Months of a year named by its place: "the end of the year" (the context's year, else the document's),
    /// "the beginning of next year" (`offset` +1 from the document's).
    case partialYear(firstMonth: Int, lastMonth: Int, offset: Int?, granularity: Granularity)
    /// "the first Monday of October", "the last Friday in June": the `nth` (-1 for the last) weekday of a month,
    /// placed like a day without a year.
    case nthWeekday(nth: Int, weekday: Int, month: Int, tense: Tense)
    /// "the last week of March", "the second week of June": the first, second, third or fourth seven days of a month
    /// (`week` 1...4), or its last seven (-1), the month placed like a month without a year.
    case partialWeekOfMonth(month: Int, week: Int, forward: Bool)
    /// A feast without a year ("on Christmas Eve", "last Thanksgiving"): `offset` -1 for last, 0 for this,
    /// +1 for next, nil when unqualified (then placed as a day without a year is, by `tense`).
    case holiday(Holiday, offset: Int?, tense: Tense)
    /// A feast of the document's year moved by `yearOffset`: "last year's Passover" (-1), "this year's Christmas" (0).
    case holidayOfYear(Holiday, yearOffset: Int)
    /// "the following week", "the following year": the week, month or year after the context's (the story's time,
    /// not the publication date's); nothing without a context that fine.
    case following(CalendarUnit)
    /// "the next year", "the previous month", "the next week": one unit after (before) the context's, the story's time,
    /// or read as `deixis` from the document date when there is no context.
    case nextToStory(Int, CalendarUnit, else: Deixis)
    /// "the week of October 6th": Monday to Sunday of the week holding the day `reading` gives.
    indirect case weekAround(Reading)
    /// "Revenue fell in the third quarter": a quarter without a year, placed like a month without one (the most recent
    /// completed such quarter; the next one when the sentence speaks of the future).
    case partialQuarter(Int, forward: Bool)
    /// "two years later", "three days earlier", "a month later": that many days, months or years after (before, when
    /// negative) the context's day, month or year; nothing without a context that fine.
    case later(Int, CalendarUnit)
    /// "Thanksgiving in 9 months", "March in a year", "Christmas two years from now": the feast or month of the year
    /// the document date reaches `months` months later.
    case yearAhead(YearPoint, months: Int)
    /// "a year after Christmas", "two months after May", "three days after Oct. 2": a time whose year the words do
    /// not say, moved by whole days or months once it is placed.
    indirect case moved(Reading, days: Int, months: Int)
    /// "the third Tuesday after Christmas", "the first Sunday before Oct. 2": the `nth` day `weekday` after (before,
    /// when `nth` is negative) a day whose year the words do not say.
    indirect case weekdayFrom(Reading, weekday: Int, nth: Int)
    /// "from Monday to Friday", "Monday through Wednesday": the first day placed as it is alone, through the next
    /// `weekday` on or after it.
    indirect case throughWeekday(Reading, weekday: Int)
    /// Not a time of its own but a sign the sentence speaks of the present: "Now, ...", "currently".
    case present
    /// Words that only place another day the rules cannot read ("the closest Monday to Oct 5th", "4th day last week"):
    /// passed over whole, with no time, since a time of theirs would be an answer for a part of the phrase.
    case unread

    var isCitation: Bool {
        if case .citation = self { return true }
        return false
    }

    /// A year and nothing finer: "2011", "last year", "two years ago".
    var isYearOnly: Bool {
        switch self {
        case .stated(let period): period.granularity == .year && period.start.year == period.end.year
        case .deictic(.years), .deictic(.ago(_, .year)), .nextToStory(_, .year, _): true
        default: false
        }
    }

    /// A month or day whose year is not said, or a year, month or week counted from the story's ("the previous year"):
    /// what it gives does not place the times after it (reports that compare "the year" with "the previous year" in
    /// sentence after sentence would step a year back at each).
    var guessesYear: Bool {
        switch self {
        case .partialMonth, .partialDay, .nthWeekday, .partialWeekOfMonth, .partialQuarter, .nextToStory: true
        case .holiday(_, let offset, _): offset == nil
        case .moved(let reading, _, _), .weekdayFrom(let reading, _, _), .weekAround(let reading), .throughWeekday(let reading, _):
            reading.guessesYear
        default: false
        }
    }

    /// "the last three years", "the next five years": whole units counted from the publication date.
    var countsFromPublication: Bool {
        if case .deictic(.units) = self { return true }
        return false
    }

    var isAnchored: Bool {
        switch self {
        case .stated, .citation, .unread: false
        case .weekAround(let reading): reading.isAnchored
        case .partialMonth, .partialDay, .partialYear, .nthWeekday, .partialWeekOfMonth, .deictic, .holiday, .holidayOfYear, .following,
             .nextToStory, .later, .partialQuarter, .yearAhead, .moved, .weekdayFrom, .throughWeekday, .present: true
        }
    }
}

/// A feast or a month, placed once its year is known.
enum YearPoint: Sendable {
    case feast(Holiday)
    case month(Int)

    func period(in year: Int) -> Period? {
        switch self {
        case .feast(let holiday): holiday.period(in: year)
        case .month(let month): Period.month(year, month)
        }
    }
}

/// Expressions whose meaning depends on when the document was written.
enum Deixis: Sendable {
    /// yesterday (-1), today (0), tomorrow (+1).
    case days(Int)
    /// "on Saturday" (the most recent one on or before the document date, or the next one when the sentence
    /// speaks of the future), "last Saturday", "next Saturday", "this Saturday" (the one of the same week).
    case weekday(Int, Direction)
    /// "Wednesday of next week", "Friday last week": a day of the week before (-1), of (0) or after (+1) the document's.
    case weekdayOfWeek(Int, offset: Int)
    /// "the weekend", "last weekend", "this weekend", "next weekend": a Saturday and Sunday.
    case weekend(Direction)
    /// "three days ago", "11 months ago", "two years ago": the day, week, month, year or decade that many back;
    /// a negative count goes forward ("three weeks from now", "two years hence").
    case ago(Int, CalendarUnit)
    /// "the 20th of this month", "the 15th of next month": days of the month before (-1), of (0) or after (+1) the
    /// document's.
    case daysOfMonth(ClosedRange<Int>, offset: Int)
    /// "Tuesday the 19th": the most recent day `day` on or before the document date that falls on `weekday`, else
    /// the next (only the next when `forward`), within three months of it.
    case weekdayDay(Int, day: Int, forward: Bool)
    /// "the first Monday of next month": the `nth` (-1 for the last) weekday of the month before, of or after the
    /// document's.
    case nthWeekdayOfMonth(nth: Int, weekday: Int, offset: Int)
    /// "Wednesday after next" (`weeks` 1), "three Fridays from now" (2): the first such weekday after the document date,
    /// `weeks` weeks later; "two Thursdays back" (-2): the second such weekday before it.
    case weekdayLater(Int, weeks: Int)
    /// "the last day of next month": of the month before (-1), of (0) or after (+1) the document's.
    case lastDayOfMonth(offset: Int)
    /// "the beginning of the month", "the end of next month": a third of the month before, of or after the document's.
    case partOfMonth(SpanThird, offset: Int)
    /// "the end of last week", "the beginning of the coming week": Monday to Wednesday or Friday to Sunday.
    case partOfWeek(SpanThird, offset: Int)
    /// last (-1), this (0) or next (+1) week, month, year.
    case weeks(Int)
    case months(Int)
    case years(Int)
    /// last (-1), this (0) or next (+1) quarter of the calendar year: "profits this quarter", "sales fell last quarter".
    case quarters(Int)
    /// "the last two days", "the next three months", "the past 10 years": `count` whole units before (`count` < 0) or
    /// after (`count` > 0) the document date's own, which is not yet whole.
    case units(Int, CalendarUnit)
    /// "the closest Christmas to today" (`rank` 1), "the 3rd closest xmas to today" (3): the feast's days ordered by
    /// their distance from the document date.
    case closestFeast(Holiday, rank: Int)
    /// "earlier this year" / "later this year".
    case restOfYear(earlier: Bool)
    /// "earlier this month" / "later this month".
    case restOfMonth(earlier: Bool)
    /// "last summer", "this winter".
    case season(startMonth: Int, offset: Int)
    /// "this summer" in a sentence of the past: the season around the document date, else the last one before it.
    case seasonSoFar(startMonth: Int)
    /// "last May", "next March", "March after next" (`offset` 2), "June last", "January next".
    case namedMonth(Int, offset: Int)
    /// "the 7th of August last", "the 1st of January next": days of the named month before (-1) or after (+1) the
    /// document's month, as older letters and speeches write them.
    case daysOfNamedMonth(Int, days: ClosedRange<Int>, offset: Int)
}

/// Where a weekday or weekend lies from the document date.
enum Direction: Sendable {
    /// The most recent one on or before the document date ("on Saturday").
    case recent
    /// The most recent one strictly before ("last Saturday").
    case last
    /// The one of the document date's week, Monday to Sunday ("this Saturday").
    case this
    /// The first one after the document date ("next Saturday", "will meet on Saturday").
    case next
    /// The first one on or after the document date ("The vote is Friday." written on a Friday is that day).
    case coming
}

/// A rule's answer at one token: the reading and the token index just past the phrase.
struct RuleMatch: Sendable {
    var end: Int
    var reading: Reading
    var rule: String
}
