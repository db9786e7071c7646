/// Places partial and deictic readings on the calendar: partial ones ("In May") on the latest explicit time,
/// falling back to the document date; deictic ones ("yesterday") on the document date only.
struct AnchorResolver {
    let documentDate: Period?
    /// The latest explicit time seen so far; updated by the extractor as it reads.
    var context: Period?

    func period(for reading: Reading) -> Period? {
        switch reading {
        case .stated(let period), .citation(let period):
            return period
        case .partialMonth(let month, let part):
            guard let year = anchorYear(month: month, day: nil), let period = Period.month(year, month) else { return nil }
            return part.map { period.third($0) } ?? period
        case .partialDay(let month, let day):
            guard let year = anchorYear(month: month, day: day) else { return nil }
            return Period.day(year, month, day)
        case .deictic(let deixis):
            return documentDate.flatMap { resolve(deixis, on: $0) }
        }
    }

    /// The year a month (and day) without a year most likely belongs to.
    private func anchorYear(month: Int, day: Int?) -> Int? {
        if let context {
            let (first, last) = (context.start.year, context.end.year)
            if first == last { return first }
            guard last - first == 1 else { return nil }
            let inside = (first...last).filter { year in
                Period.month(year, month).map { context.start <= $0.start && $0.end <= context.end } ?? false
            }
            return inside.count == 1 ? inside[0] : nil
        }
        guard let document = documentDate, document.start.year == document.end.year else { return nil }
        let year = document.start.year
        let (_, documentMonth, documentDay) = document.end.civil
        switch document.granularity {
        case .day:
            let isLater = month > documentMonth || (month == documentMonth && (day ?? 1) > documentDay)
            return isLater ? year - 1 : year
        case .week, .month:
            return month > documentMonth ? year - 1 : year
        default:
            return year
        }
    }

    private func resolve(_ deixis: Deixis, on document: Period) -> Period? {
        let today: Day? = document.granularity == .day && document.start == document.end ? document.start : nil
        let (startYear, startMonth, _) = document.start.civil
        let (endYear, endMonth, _) = document.end.civil
        let year: Int? = startYear == endYear && document.granularity <= .year ? startYear : nil
        let month: (year: Int, month: Int)? =
            startYear == endYear && startMonth == endMonth && document.granularity <= .month ? (startYear, startMonth) : nil
        switch deixis {
        case .days(let offset):
            if let today {
                let day = today.adding(days: offset)
                return Period(start: day, end: day, granularity: .day)
            }
            return offset == 0 && month != nil ? document : nil
        case .weekday(let weekday, let forward):
            guard let today else { return nil }
            let ahead = (weekday - today.weekday + 7) % 7
            let back = (today.weekday - weekday + 7) % 7
            let day = forward ? today.adding(days: ahead == 0 ? 7 : ahead) : today.adding(days: -(back == 0 ? 7 : back))
            return Period(start: day, end: day, granularity: .day)
        case .weeks(let offset):
            guard document.granularity <= .week, document.end.ordinal - document.start.ordinal < 7 else { return nil }
            let monday = document.start.adding(days: 1 - document.start.weekday + 7 * offset)
            return Period(start: monday, end: monday.adding(days: 6), granularity: .week)
        case .months(let offset):
            guard let month else { return nil }
            let index = month.year * 12 + month.month - 1 + offset
            return Period.month(index / 12, index % 12 + 1)
        case .years(let offset):
            return year.flatMap { Period.year($0 + offset) }
        case .restOfYear(let earlier):
            guard let year, let whole = Period.year(year) else { return nil }
            guard document.granularity <= .month else { return whole }
            return earlier
                ? Period(start: whole.start, end: document.end, granularity: .month)
                : Period(start: document.start, end: whole.end, granularity: .month)
        case .restOfMonth(let earlier):
            guard let month, let whole = Period.month(month.year, month.month) else { return nil }
            guard let today else { return whole }
            return earlier
                ? Period(start: whole.start, end: today, granularity: .week)
                : Period(start: today, end: whole.end, granularity: .week)
        case .season(let start, let offset):
            return nearest(offset: offset, document: document, coarse: year) { Period.season(startMonth: start, year: $0) }
        case .namedMonth(let named, let offset):
            return nearest(offset: offset, document: document, coarse: year) { Period.month($0, named) }
        }
    }

    /// The recurring period (a season or named month) before (-1), around (0) or after (+1) the document date.
    private func nearest(offset: Int, document: Period, coarse year: Int?, _ instance: (Int) -> Period?) -> Period? {
        if offset == 0 {
            guard let year else { return nil }
            let candidates = [year - 1, year].compactMap(instance)
            return candidates.first { $0.contains(document.start) } ?? instance(year)
        }
        guard document.granularity <= .month else { return nil }
        let (documentYear, _, _) = document.start.civil
        let candidates = ((documentYear - 2)...(documentYear + 2)).compactMap(instance)
        return offset < 0
            ? candidates.last { $0.end < document.start }
            : candidates.first { $0.start > document.end }
    }
}
