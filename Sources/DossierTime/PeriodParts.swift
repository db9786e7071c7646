/// Sub-spans that phrases like "the late 19th century", "early May" and "the winter of 2020" pick out.
extension Period {
    /// The early, middle or late third of this span, by years for long spans and by days otherwise.
    func third(_ part: SpanThird) -> Period {
        if granularity >= .year {
            let (first, last) = (start.year, end.year)
            let length = last - first + 1
            let (cut1, cut2) = (length / 3, 2 * length / 3)
            let span: Period?
            switch part {
            case .early: span = Period.years(first, first + cut1 - 1, granularity: granularity)
            case .middle: span = Period.years(first + cut1, first + cut2 - 1, granularity: granularity)
            case .late: span = Period.years(first + cut2, last, granularity: granularity)
            }
            return span ?? self
        }
        let (first, last) = (Int(start.ordinal), Int(end.ordinal))
        let length = last - first + 1
        // A whole month splits at its 10th and 20th: "early May" is 1-10 May, "late February" 21-28 February.
        let wholeMonth = granularity == .month && start.day == 1 && end.adding(days: 1).day == 1 && length >= 28
        let (cut1, cut2) = wholeMonth ? (10, 20) : (length / 3, 2 * length / 3)
        let bounds: (Int, Int)
        switch part {
        case .early: bounds = (first, first + cut1 - 1)
        case .middle: bounds = (first + cut1, first + cut2 - 1)
        case .late: bounds = (first + cut2, last)
        }
        return Period(start: Day(ordinal: Int32(bounds.0)), end: Day(ordinal: Int32(bounds.1)), granularity: .week)
    }

    /// The part of this span a phrase picks out: a third, or a half, by years for long spans ("the second half of the
    /// 1800s" is 1850-1899) and by days otherwise ("the first half of March" is 1-15 March).
    func part(_ part: SpanPart) -> Period {
        switch part {
        case .third(let third): return self.third(third)
        case .half(let nth) where granularity < .year:
            let (first, last) = (Int(start.ordinal), Int(end.ordinal))
            let middle = first + (last - first + 1) / 2
            let bounds = nth == 1 ? (first, middle - 1) : (middle, last)
            return Period(start: Day(ordinal: Int32(bounds.0)), end: Day(ordinal: Int32(bounds.1)), granularity: .week)
        case .half(let nth):
            let (first, last) = (start.year, end.year)
            let middle = first + (last - first + 1) / 2
            let span = nth == 1 ? Period.years(first, middle - 1, granularity: granularity)
                : Period.years(middle, last, granularity: granularity)
            return span ?? self
        }
    }

    /// The `nth` seven days of this span (1 for the first), or its last seven (-1): "the first week of March", "the
    /// third week of June" (15-21), "the last week of June".
    func week(_ nth: Int) -> Period {
        let start = nth < 0 ? end.adding(days: -6) : self.start.adding(days: 7 * (nth - 1))
        return Period(start: start, end: start.adding(days: 6), granularity: .week)
    }

    /// This span moved by whole days, then by whole months at its own granularity: "a year after Christmas 2012" is
    /// Christmas 2013, "two months after May 2019" July 2019; a day past the end of a shorter month falls on its last
    /// day, and a span longer than a day that ends a month still does ("a month after January 2020" is all of February;
    /// "2 years 4 months 5 days ago" from 28 February 2011 is 23 October 2008, one day). Nil outside the calendar.
    func moved(days: Int, months: Int) -> Period? {
        func move(_ day: Day, endsMonth: Bool) -> Day? {
            let (year, month, date) = day.adding(days: days).civil
            let index = year * 12 + month - 1 + months
            guard index >= 12 else { return nil }
            let (y, m) = (index / 12, index % 12 + 1)
            let length = Day.length(ofMonth: m, year: y)
            return Day(year: y, month: m, day: endsMonth ? length : min(date, length))
        }
        let endsMonth = months != 0 && start != end && end.adding(days: 1).day == 1
        guard let first = move(start, endsMonth: false), let last = move(end, endsMonth: endsMonth) else { return nil }
        return Period(start: first, end: last, granularity: granularity)
    }

    /// The `nth` day `weekday` (1 = Monday) after this span (before it, when `nth` is negative): "the third Tuesday
    /// after Christmas 2014" is 13 January 2015.
    func weekday(_ weekday: Int, nth: Int) -> Period {
        let ahead = (weekday - end.weekday + 7) % 7
        let back = (start.weekday - weekday + 7) % 7
        let day = nth > 0
            ? end.adding(days: (ahead == 0 ? 7 : ahead) + 7 * (nth - 1))
            : start.adding(days: -(back == 0 ? 7 : back) + 7 * (nth + 1))
        return Period(start: day, end: day, granularity: .day)
    }

    /// A season starting in `year`: spring March-May, summer June-August, autumn September-November,
    /// winter December of `year` to February of the next.
    static func season(startMonth: Int, year: Int) -> Period? {
        startMonth == 12
            ? months(year, 12, year + 1, 2, granularity: .season)
            : months(year, startMonth, year, startMonth + 2, granularity: .season)
    }
}
