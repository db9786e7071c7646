/// Places partial and deictic readings on the calendar: partial ones ("In May") on the latest explicit time,
/// falling back to the document date; deictic ones ("yesterday") on the document date only.
struct AnchorResolver {
    let documentDate: Period?
    /// The latest explicit time seen so far; updated by the extractor as it reads.
    var context: Period?

    /// Where the reading lies, or nil when nothing anchors it or it is counted out of the calendar a filter can name
    /// ("the next day" after 9999-12-31, a placeholder date in exported metadata), as `Day` refuses such a date.
    func period(for reading: Reading) -> Period? {
        resolved(reading).flatMap { $0.start.year >= 1 && $0.end.year <= 9999 ? $0 : nil }
    }

    private func resolved(_ reading: Reading) -> Period? {
        switch reading {
        case .stated(let period), .citation(let period):
            return period
        case .partialMonth(let month, let part, let tense):
            guard let year = anchorYear(month: month, day: nil, tense: tense) else { return nil }
            guard let period = Period.month(year, month) else { return nil }
            return part.map { period.part($0) } ?? period
        case .partialDay(let month, let days, let tense, let weekday):
            let named = weekday.flatMap { yearNaming(weekday: $0, month: month, day: days.lowerBound) }
            guard let year = named ?? anchorYear(month: month, day: days.lowerBound, tense: tense) else { return nil }
            guard let first = Day(year: year, month: month, day: days.lowerBound),
                  let last = Day(year: year, month: month, day: days.upperBound) else { return nil }
            return Period(start: first, end: last, granularity: .day)
        case .deictic(let deixis):
            return documentDate.flatMap { resolve(deixis, on: $0) }
        case .partialYear(let first, let last, let offset, let granularity):
            let year: Int?
            if offset == nil, let context, context.start.year == context.end.year {
                year = context.start.year
            } else if let document = documentDate, document.start.year == document.end.year {
                year = document.start.year + (offset ?? 0)
            } else {
                year = nil
            }
            return year.flatMap { Period.months($0, first, $0, last, granularity: granularity) }
        case .partialWeekOfMonth(let month, let week, let forward):
            guard let year = anchorYear(month: month, day: nil, tense: forward ? .future : .past),
                  let period = Period.month(year, month) else { return nil }
            return period.week(week)
        case .nthWeekday(let nth, let weekday, let month, let tense):
            guard let year = anchorYear(month: month, day: nil, tense: tense == .future ? .future : .past),
                  var day = Self.nthWeekday(nth, weekday, month: month, year: year) else { return nil }
            // Unmarked, the coming one when it is at most four months ahead, as for a day without a year.
            if tense == .unmarked, context == nil, let document = documentDate, document.granularity == .day,
               let next = [year, year + 1].lazy.compactMap({ Self.nthWeekday(nth, weekday, month: month, year: $0) })
                   .first(where: { $0 > document.end }),
               next.ordinal - document.end.ordinal <= Self.comingDays {
                day = next
            }
            return Period(start: day, end: day, granularity: .day)
        case .holiday(let holiday, let offset, let tense):
            return self.holiday(holiday, offset: offset, tense: tense)
        case .moved(let reading, let days, let months):
            return resolved(reading)?.moved(days: days, months: months)
        case .weekAround(let reading):
            guard let day = resolved(reading), day.granularity == .day, day.start == day.end else { return nil }
            let monday = day.start.adding(days: 1 - day.start.weekday)
            return Period(start: monday, end: monday.adding(days: 6), granularity: .week)
        case .weekdayFrom(let reading, let weekday, let nth):
            return resolved(reading).map { $0.weekday(weekday, nth: nth) }
        case .throughWeekday(let reading, let weekday):
            guard let first = resolved(reading), first.granularity == .day, first.start == first.end else { return nil }
            let last = first.start.adding(days: (weekday - first.start.weekday + 7) % 7)
            return Period(start: first.start, end: last, granularity: .week)
        case .holidayOfYear(let holiday, let yearOffset):
            guard let document = documentDate, document.start.year == document.end.year else { return nil }
            return holiday.period(in: document.start.year + yearOffset)
        case .following(let unit):
            guard let context else { return nil }
            switch unit {
            case .week:
                guard context.granularity <= .week, let week = week(0, of: context), week.contains(context.end) else { return nil }
                return Period(start: week.start.adding(days: 7), end: week.end.adding(days: 7), granularity: .week)
            case .month, .year:
                // "the following month" is the month one later than the story's.
                return period(for: .later(1, unit))
            case .day, .decade:
                return nil
            }
        case .nextToStory(let offset, let unit, let deixis):
            guard let context else { return documentDate.flatMap { resolve(deixis, on: $0) } }
            guard unit == .week else { return period(for: .later(offset, unit)) }
            guard context.granularity <= .week, let week = week(0, of: context), week.contains(context.end) else { return nil }
            return Period(start: week.start.adding(days: 7 * offset), end: week.end.adding(days: 7 * offset), granularity: .week)
        case .partialQuarter(let quarter, let forward):
            let last = quarter * 3
            guard let year = anchorYear(month: last, day: last == 3 || last == 12 ? 31 : 30, tense: forward ? .future : .past) else { return nil }
            return Period.months(year, last - 2, year, last, granularity: .quarter)
        case .later(let count, let unit):
            guard let context else { return nil }
            let (year, month, _) = context.start.civil
            switch unit {
            case .day:
                guard context.granularity == .day, context.start == context.end else { return nil }
                let day = context.start.adding(days: count)
                return Period(start: day, end: day, granularity: .day)
            case .month:
                guard context.granularity <= .month, let whole = Period.month(year, month), whole.contains(context.end) else { return nil }
                let index = year * 12 + month - 1 + count
                return Period.month(index / 12, index % 12 + 1)
            case .year:
                guard context.start.year == context.end.year, context.granularity <= .year else { return nil }
                return Period.year(year + count)
            case .week, .decade:
                return nil
            }
        case .yearAhead(let point, let months):
            guard let document = documentDate, document.start.year == document.end.year else { return nil }
            let (year, month, _) = document.start.civil
            if document.granularity <= .month { return point.period(in: (year * 12 + month - 1 + months) / 12) }
            return months % 12 == 0 ? point.period(in: year + months / 12) : nil
        case .present, .unread:
            return nil
        }
    }

    /// The `nth` (1...5, or -1 for the last) `weekday` of a month; nil when the month has no fifth one.
    static func nthWeekday(_ nth: Int, _ weekday: Int, month: Int, year: Int) -> Day? {
        if nth < 0 {
            guard let last = Day(year: year, month: month, day: Day.length(ofMonth: month, year: year)) else { return nil }
            return last.adding(days: -((last.weekday - weekday + 7) % 7))
        }
        guard let first = Day(year: year, month: month, day: 1) else { return nil }
        let day = first.adding(days: (weekday - first.weekday + 7) % 7 + 7 * (nth - 1))
        return day.month == month ? day : nil
    }

    /// The feast's day: in the context's year when unqualified; else from the document date, placed as a day without
    /// a year is (`anchorYear`): the most recent on or before it, the next on or after it when the sentence speaks of
    /// the future, and when the words say neither the next if it is at most four months ahead ("Easter" in a paper of
    /// 12 February 2013 is 31 March 2013); "last" strictly before, "next" strictly after, "this" in its year. A
    /// document dated only by its year places only "this" and future ones.
    private func holiday(_ holiday: Holiday, offset: Int?, tense: Tense) -> Period? {
        let forward = tense == .future
        if offset == nil, !forward, let context, context.start.year == context.end.year {
            return holiday.period(in: context.start.year)
        }
        guard let document = documentDate, document.start.year == document.end.year else { return nil }
        let year = document.start.year
        if offset == 0 || (offset == nil && forward && document.granularity > .day) { return holiday.period(in: year) }
        guard document.granularity == .day else { return nil }
        let today = document.start
        let periods = ((year - 1)...(year + 1)).compactMap { holiday.period(in: $0) }
        switch offset {
        case -1: return periods.last { $0.start < today }
        case 1: return periods.first { $0.start > today }
        default:
            if forward { return periods.first { $0.start >= today } }
            let recent = periods.last { $0.start <= today }
            guard tense == .unmarked, let next = periods.first(where: { $0.start > today }),
                  next.start.ordinal - today.ordinal <= Self.comingDays else { return recent }
            return next
        }
    }

    /// The year, next to the context's or the document's, in which the day falls on the weekday named with it:
    /// "Monday, Feb 18" in a paper of 12 February 2013 is 2013 (18 February 2012 was a Saturday).
    private func yearNaming(weekday: Int, month: Int, day: Int) -> Int? {
        guard let anchor = context ?? documentDate else { return nil }
        let middle = anchor.end.year
        return [middle, middle - 1, middle + 1].first { Day(year: $0, month: month, day: day)?.weekday == weekday }
    }

    /// How far ahead (four months) a day without a year, or a feast, is still read as the coming one when the words say
    /// neither past nor future.
    private static let comingDays = 122

    /// The year a month (and day) without a year most likely belongs to: the context's, else from the document date:
    /// the next occurrence on or after it when the sentence speaks of the future, the most recent on or before it when
    /// it speaks of the past, and when the words say neither the most recent, unless a day (not a month alone) lies at
    /// most four months ahead ("Congress reconvenes Jan. 24" in a paper of 13 January 2000 is 2000, "The record date
    /// is Nov. 9" in one of 27 October is that November: news gives the year of a day so far back; but "in January"
    /// in a paper of December is as often the January past, "Following the launch of Operation Serval in Mali in
    /// January, the US launched ...", as the one to come). A document dated only by its year
    /// cannot tell which: "September the 11th" in a speech of 2002 may be of 2001, and "the Congress will meet in
    /// March" in an address of December is the year after, so such a day or month is dropped, past or future.
    private func anchorYear(month: Int, day: Int?, tense: Tense) -> Int? {
        // "In 2018 he won the seat. The Dec. 4 runoff will decide who succeeds him": what is to come lies after the
        // publication date, not in a year the story told of before it.
        if let context, !(tense == .future && documentDate.map({ context.end < $0.start }) == true) {
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
        let forward = tense == .future
        switch document.granularity {
        case .day:
            let target = (month, day ?? (forward ? Day.length(ofMonth: month, year: year) : 1))
            if forward { return target < (documentMonth, documentDay) ? year + 1 : year }
            let recent = target > (documentMonth, documentDay) ? year - 1 : year
            guard tense == .unmarked, let day, let next = Day(year: recent + 1, month: month, day: day) else { return recent }
            return next.ordinal - document.end.ordinal <= Self.comingDays ? recent + 1 : recent
        case .week, .month:
            if forward { return month < documentMonth ? year + 1 : year }
            return month > documentMonth ? year - 1 : year
        default:
            return nil
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
        case .weekday(let weekday, let direction):
            guard let today else { return nil }
            let day = Self.weekday(weekday, direction, from: today)
            return Period(start: day, end: day, granularity: .day)
        case .closestFeast(let holiday, let rank):
            guard let today else { return nil }
            let distance = { (period: Period) in abs(Int(period.start.ordinal) - Int(today.ordinal)) }
            let periods = ((today.year - rank - 1)...(today.year + rank + 1)).compactMap { holiday.period(in: $0) }
                .sorted { distance($0) < distance($1) }
            return rank <= periods.count ? periods[rank - 1] : nil
        case .weekdayLater(let weekday, let weeks):
            guard let today else { return nil }
            let day = weeks < 0
                ? Self.weekday(weekday, .last, from: today).adding(days: 7 * (weeks + 1))
                : Self.weekday(weekday, .next, from: today).adding(days: 7 * weeks)
            return Period(start: day, end: day, granularity: .day)
        case .lastDayOfMonth(let offset):
            guard let month = resolve(.months(offset), on: document) else { return nil }
            return Period(start: month.end, end: month.end, granularity: .day)
        case .weekdayOfWeek(let weekday, let offset):
            guard let today else { return nil }
            let day = today.adding(days: weekday - today.weekday + 7 * offset)
            return Period(start: day, end: day, granularity: .day)
        case .weekend(let direction):
            guard let today else { return nil }
            var saturday = Self.weekday(6, direction == .recent && today.weekday == 7 ? .last : direction, from: today)
            // On a weekend, "last weekend" is the one before it.
            if direction == .last, today.weekday >= 6 { saturday = saturday.adding(days: today.weekday == 7 ? -7 : 0) }
            return Period(start: saturday, end: saturday.adding(days: 1), granularity: .week)
        case .ago(let count, let unit):
            return ago(count, unit, document: document, today: today, month: month, year: year)
        case .units(let count, let unit):
            let (first, last) = count < 0 ? (count, -1) : (1, count)
            switch unit {
            case .day:
                guard let today else { return nil }
                return Period(start: today.adding(days: first), end: today.adding(days: last), granularity: .day)
            case .week:
                guard let from = week(first, of: document), let to = week(last, of: document) else { return nil }
                return Period(start: from.start, end: to.end, granularity: .week)
            case .month:
                guard let month else { return nil }
                let index = month.year * 12 + month.month - 1
                return Period.months((index + first) / 12, (index + first) % 12 + 1, (index + last) / 12, (index + last) % 12 + 1,
                                     granularity: .month)
            case .year:
                return year.flatMap { Period.years($0 + first, $0 + last, granularity: .year) }
            case .decade:
                return nil
            }
        case .weeks(let offset):
            return week(offset, of: document)
        case .partOfWeek(let part, let offset):
            guard let week = week(offset, of: document) else { return nil }
            let start = part == .early ? week.start : week.start.adding(days: 4)
            return Period(start: start, end: start.adding(days: 2), granularity: .week)
        case .months(let offset):
            guard let month else { return nil }
            let index = month.year * 12 + month.month - 1 + offset
            return Period.month(index / 12, index % 12 + 1)
        case .quarters(let offset):
            guard let month else { return nil }
            let index = month.year * 4 + (month.month - 1) / 3 + offset
            return Period.months(index / 4, index % 4 * 3 + 1, index / 4, index % 4 * 3 + 3, granularity: .quarter)
        case .weekdayDay(let weekday, let day, let forward):
            guard let today else { return nil }
            let (year, month, _) = today.civil
            // Within three months either side: further away, a writer names the month.
            let days = (-3...3).compactMap { step -> Day? in
                let index = year * 12 + month - 1 + step
                return Day(year: index / 12, month: index % 12 + 1, day: day)
            }.filter { $0.weekday == weekday }
            let found = forward ? days.first { $0 >= today } : days.last { $0 <= today } ?? days.first { $0 >= today }
            return found.map { Period(start: $0, end: $0, granularity: .day) }
        case .nthWeekdayOfMonth(let nth, let weekday, let offset):
            guard let month = resolve(.months(offset), on: document),
                  let day = Self.nthWeekday(nth, weekday, month: month.start.month, year: month.start.year) else { return nil }
            return Period(start: day, end: day, granularity: .day)
        case .partOfMonth(let part, let offset):
            return resolve(.months(offset), on: document)?.third(part)
        case .daysOfMonth(let days, let offset):
            guard let whole = resolve(.months(offset), on: document),
                  let first = Day(year: whole.start.year, month: whole.start.month, day: days.lowerBound),
                  let last = Day(year: whole.start.year, month: whole.start.month, day: days.upperBound) else { return nil }
            return Period(start: first, end: last, granularity: .day)
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
        case .seasonSoFar(let start):
            // A document dated only by its year: the same season from its first day and from its last, or the winter
            // its first day falls in (an address of January or February speaks of the winter it is delivered in, one
            // of December of the coming one as much as of the past), or none.
            let first = Period(start: document.start, end: document.start, granularity: .day)
            let last = Period(start: document.end, end: document.end, granularity: .day)
            let seasons = [first, last].map { day in
                ((day.start.year - 1)...day.start.year).compactMap { Period.season(startMonth: start, year: $0) }.last { $0.start <= day.start }
            }
            if seasons[0]?.contains(document.start) == true { return seasons[0] }
            return seasons[0] == seasons[1] ? seasons[0] : nil
        case .namedMonth(let named, let offset):
            return nearest(offset: offset, document: document, coarse: year) { Period.month($0, named) }
        case .daysOfNamedMonth(let named, let days, let offset):
            return nearest(offset: offset, document: document, coarse: year) { year in
                Period.month(year, named).flatMap { month in
                    guard let first = Day(year: year, month: named, day: days.lowerBound),
                          let last = Day(year: year, month: named, day: days.upperBound) else { return nil }
                    return month.contains(last) ? Period(start: first, end: last, granularity: .day) : nil
                }
            }
        }
    }

    /// Monday to Sunday of the week before (-1), of (0) or after (+1) a document dated to the day or week.
    private func week(_ offset: Int, of document: Period) -> Period? {
        guard document.granularity <= .week, document.end.ordinal - document.start.ordinal < 7 else { return nil }
        let monday = document.start.adding(days: 1 - document.start.weekday + 7 * offset)
        return Period(start: monday, end: monday.adding(days: 6), granularity: .week)
    }

    /// The day of the week `weekday` (1 = Monday) in `direction` from `today`.
    private static func weekday(_ weekday: Int, _ direction: Direction, from today: Day) -> Day {
        let ahead = (weekday - today.weekday + 7) % 7
        let back = (today.weekday - weekday + 7) % 7
        switch direction {
        case .recent: return today.adding(days: -back)
        case .last: return today.adding(days: -(back == 0 ? 7 : back))
        case .this: return today.adding(days: weekday - today.weekday)
        case .next: return today.adding(days: ahead == 0 ? 7 : ahead)
        case .coming: return today.adding(days: ahead)
        }
    }

    /// "three days ago" is a day, "two weeks ago" the day two weeks back, "11 months ago" a month,
    /// "two years ago" a year, "two decades ago" a year: each as precise as the document date allows.
    private func ago(_ count: Int, _ unit: CalendarUnit, document: Period, today: Day?,
                     month: (year: Int, month: Int)?, year: Int?) -> Period? {
        switch unit {
        case .day, .week:
            guard let today else { return nil }
            let day = today.adding(days: -count * (unit == .week ? 7 : 1))
            return Period(start: day, end: day, granularity: .day)
        case .month:
            guard let month else { return nil }
            let index = month.year * 12 + month.month - 1 - count
            return Period.month(index / 12, index % 12 + 1)
        case .year, .decade:
            return year.flatMap { Period.year($0 - count * (unit == .decade ? 10 : 1)) }
        }
    }

    /// The recurring period (a season or named month) before (-1), around (0) or after (+1, +2 the one after that) the
    /// document date.
    private func nearest(offset: Int, document: Period, coarse year: Int?, _ instance: (Int) -> Period?) -> Period? {
        if offset == 0 {
            guard let year else { return nil }
            let candidates = [year - 1, year].compactMap(instance)
            return candidates.first { $0.contains(document.start) } ?? instance(year)
        }
        // A document dated only by its year ("1797"): the one before or after whichever day of that year it was
        // written, or none ("December last" is always the year before's; "August last" may be either).
        if document.granularity > .month {
            guard document.start.year == document.end.year,
                  let first = nearest(offset: offset, document: Period(start: document.start, end: document.start, granularity: .day),
                                      coarse: year, instance),
                  let last = nearest(offset: offset, document: Period(start: document.end, end: document.end, granularity: .day),
                                     coarse: year, instance),
                  first == last else { return nil }
            return first
        }
        let (documentYear, _, _) = document.start.civil
        let candidates = ((documentYear - 2)...(documentYear + 2)).compactMap(instance)
        if offset < 0 { return candidates.last { $0.end < document.start } }
        let ahead = candidates.filter { $0.start > document.end }
        return offset <= ahead.count ? ahead[offset - 1] : nil
    }
}
