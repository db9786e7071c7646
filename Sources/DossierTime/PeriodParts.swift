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

    /// The first or last seven days of this span: "the first week of March", "the last week of June".
    func week(first: Bool) -> Period {
        let start = first ? self.start : end.adding(days: -6)
        return Period(start: start, end: start.adding(days: 6), granularity: .week)
    }

    /// A season starting in `year`: spring March-May, summer June-August, autumn September-November,
    /// winter December of `year` to February of the next.
    static func season(startMonth: Int, year: Int) -> Period? {
        startMonth == 12
            ? months(year, 12, year + 1, 2, granularity: .season)
            : months(year, startMonth, year, startMonth + 2, granularity: .season)
    }
}
