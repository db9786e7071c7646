/// The careful second pass: reads time expressions off the tokens of one stretch of text.
struct ExpressionMatcher {
    let text: UnsafeBufferPointer<UInt8>
    let tokens: [Token]

    /// The longest expression starting at token `index`, if any; earlier rules win ties.
    func longestMatch(at index: Int) -> RuleMatch? {
        let token = tokens[index]
        var best: RuleMatch?
        func consider(_ match: RuleMatch?) {
            if let match, match.end > (best?.end ?? index) { best = match }
        }
        switch token.kind {
        case .number:
            if let citation = citation(at: index) { return citation }
            consider(isoDate(index))
            consider(dottedDate(index))
            consider(dayMonthYear(index))
            consider(dayMonth(index))
            consider(yearRange(index))
            consider(decade(index))
            consider(century(index))
            consider(bareYear(index))
        case .word where token.word != .other:
            consider(monthDayYear(index))
            consider(monthYear(index))
            consider(monthDay(index))
            consider(monthAlone(index))
            consider(yearRange(index))
            consider(decade(index))
            consider(century(index))
            consider(yearPart(index))
            consider(season(index))
            consider(relative(index))
            consider(weekday(index))
        default:
            break
        }
        return best
    }

    // MARK: Token helpers

    private func token(_ index: Int) -> Token? {
        index >= 0 && index < tokens.count ? tokens[index] : nil
    }

    private func word(_ index: Int) -> Word? {
        guard let token = token(index), token.kind == .word else { return nil }
        return token.word
    }

    private func isWord(_ index: Int, _ word: Word) -> Bool { self.word(index) == word }

    /// A symbol token, optionally required to touch the token before it.
    private func isSymbol(_ index: Int, _ ascii: Unicode.Scalar, glued: Bool = false) -> Bool {
        guard let token = token(index), token.kind == .symbol, token.symbol == UInt8(ascii: ascii) else { return false }
        return !glued || !token.spaced
    }

    private func isGlued(_ index: Int) -> Bool { token(index).map { !$0.spaced } ?? false }

    private func number(_ index: Int, digits: ClosedRange<Int>) -> Int? {
        guard let token = token(index), token.kind == .number, digits.contains(token.length) else { return nil }
        return token.value
    }

    /// A plausible four-digit year (1000-2099) that is not glued to a preceding word ("AK2019").
    private func year(_ index: Int) -> Int? {
        guard let value = number(index, digits: 4...4), (1000...2099).contains(value) else { return nil }
        if isGlued(index), token(index - 1)?.kind == .word { return nil }
        return value
    }

    /// A day of the month ("5", "05", "5th"), returning the token index after it.
    private func dayOfMonth(_ index: Int) -> (day: Int, next: Int)? {
        guard let day = number(index, digits: 1...2), (1...31).contains(day) else { return nil }
        if isGlued(index), let previous = token(index - 1), previous.kind != .symbol { return nil }
        guard isGlued(index + 1) else { return (day, index + 1) }
        if let suffix = word(index + 1) { return suffix.isOrdinalSuffix ? (day, index + 2) : nil }
        if isSymbol(index + 1, ":") || isSymbol(index + 1, "%") { return nil }
        if (isSymbol(index + 1, ".") || isSymbol(index + 1, ",")) && isGlued(index + 2)
            && token(index + 2)?.kind == .number { return nil }
        return (day, index + 1)
    }

    /// A capitalised month name or abbreviation ("Dec."), returning the token index after it.
    private func monthName(_ index: Int, fullOnly: Bool = false) -> (month: Int, next: Int)? {
        guard let token = token(index), token.kind == .word, token.isCapitalised,
              let month = token.word.month else { return nil }
        if token.word.isFullMonth { return (month, index + 1) }
        if fullOnly { return nil }
        return (month, isSymbol(index + 1, ".", glued: true) ? index + 2 : index + 1)
    }

    private func skipThe(_ index: Int) -> Int { isWord(index, .the) ? index + 1 : index }

    /// "early", "mid", "mid-", "late": the third and the token index after it.
    private func third(_ index: Int) -> (SpanThird, Int)? {
        guard let word = word(index), word != .middle, let third = word.third else { return nil }
        return (third, isSymbol(index + 1, "-", glued: true) && isGlued(index + 2) ? index + 2 : index + 1)
    }

    private func stated(_ period: Period?, _ end: Int, _ rule: String) -> RuleMatch? {
        period.map { RuleMatch(end: end, reading: .stated($0), rule: rule) }
    }

    // MARK: Rules

    private func citation(at index: Int) -> RuleMatch? {
        guard let token = token(index), let value = year(index),
              CitationDetector(text: text).isCitation(yearAt: token.start..<token.end),
              let period = Period.year(value) else { return nil }
        return RuleMatch(end: index + 1, reading: .citation(period), rule: "citation")
    }

    /// "2019-02-05".
    private func isoDate(_ index: Int) -> RuleMatch? {
        guard let y = year(index), isSymbol(index + 1, "-", glued: true),
              let m = number(index + 2, digits: 2...2), isGlued(index + 2),
              isSymbol(index + 3, "-", glued: true),
              let d = number(index + 4, digits: 2...2), isGlued(index + 4) else { return nil }
        return stated(Period.day(y, m, d), index + 5, "iso-date")
    }

    /// "20.09.2021" (day first, as in European and wire-service datelines).
    private func dottedDate(_ index: Int) -> RuleMatch? {
        guard let d = number(index, digits: 1...2), isSymbol(index + 1, ".", glued: true),
              let m = number(index + 2, digits: 1...2), isGlued(index + 2),
              isSymbol(index + 3, ".", glued: true), isGlued(index + 4), let y = year(index + 4) else { return nil }
        if isGlued(index), token(index - 1)?.kind == .number || isSymbol(index - 1, ".") { return nil }
        return stated(Period.day(y, m, d), index + 5, "dotted-date")
    }

    /// "5 February 2019", "5th of February, 2019".
    private func dayMonthYear(_ index: Int) -> RuleMatch? {
        guard let (d, afterDay) = dayOfMonth(index) else { return nil }
        let monthIndex = isWord(afterDay, .of) ? afterDay + 1 : afterDay
        guard let (m, afterMonth) = monthName(monthIndex) else { return nil }
        let yearIndex = isSymbol(afterMonth, ",") ? afterMonth + 1 : afterMonth
        guard let y = year(yearIndex) else { return nil }
        return stated(Period.day(y, m, d), yearIndex + 1, "day-month-year")
    }

    /// "February 5, 2019", "Dec. 5 2019".
    private func monthDayYear(_ index: Int) -> RuleMatch? {
        guard let (m, afterMonth) = monthName(index), let (d, afterDay) = dayOfMonth(afterMonth) else { return nil }
        let yearIndex = isSymbol(afterDay, ",") ? afterDay + 1 : afterDay
        guard let y = year(yearIndex) else { return nil }
        return stated(Period.day(y, m, d), yearIndex + 1, "month-day-year")
    }

    /// "December 2020", "Dec. 2020", "May of 2021".
    private func monthYear(_ index: Int) -> RuleMatch? {
        guard let (m, afterMonth) = monthName(index) else { return nil }
        let yearIndex = isSymbol(afterMonth, ",") || isWord(afterMonth, .of) ? afterMonth + 1 : afterMonth
        guard let y = year(yearIndex) else { return nil }
        return stated(Period.month(y, m), yearIndex + 1, "month-year")
    }

    /// "11 January" (year from the context).
    private func dayMonth(_ index: Int) -> RuleMatch? {
        guard let (d, afterDay) = dayOfMonth(index) else { return nil }
        let monthIndex = isWord(afterDay, .of) ? afterDay + 1 : afterDay
        guard let (m, afterMonth) = monthName(monthIndex) else { return nil }
        return RuleMatch(end: afterMonth, reading: .partialDay(month: m, day: d), rule: "day-month")
    }

    /// "February 5", "on January 11" (year from the context).
    private func monthDay(_ index: Int) -> RuleMatch? {
        guard let (m, afterMonth) = monthName(index), let (d, afterDay) = dayOfMonth(afterMonth) else { return nil }
        if word(afterDay)?.countsThings == true { return nil }
        if word(index) == .may || word(index) == .march, word(index - 1)?.introducesMonth != true { return nil }
        return RuleMatch(end: afterDay, reading: .partialDay(month: m, day: d), rule: "month-day")
    }

    /// "In May", "that August", "last May", "early May", "mid-May 2021".
    private func monthAlone(_ index: Int) -> RuleMatch? {
        if let (part, monthIndex) = third(index), let (m, afterMonth) = monthName(monthIndex, fullOnly: true) {
            let yearIndex = isSymbol(afterMonth, ",") ? afterMonth + 1 : afterMonth
            if let y = year(yearIndex), let month = Period.month(y, m) {
                return stated(month.third(part), yearIndex + 1, "month-part")
            }
            return RuleMatch(end: afterMonth, reading: .partialMonth(month: m, third: part), rule: "month-part")
        }
        if let modifier = word(index), let (m, afterMonth) = monthName(index + 1, fullOnly: true) {
            switch modifier {
            case .that:
                return RuleMatch(end: afterMonth, reading: .partialMonth(month: m, third: nil), rule: "that-month")
            case .last, .this, .next:
                let offset = modifier == .last ? -1 : modifier == .next ? 1 : 0
                return RuleMatch(end: afterMonth, reading: .deictic(.namedMonth(m, offset: offset)), rule: "relative-month-name")
            default:
                break
            }
        }
        guard let (m, afterMonth) = monthName(index, fullOnly: true),
              word(index - 1)?.introducesMonth == true else { return nil }
        return RuleMatch(end: afterMonth, reading: .partialMonth(month: m, third: nil), rule: "month")
    }

    /// "2014-19", "2021–2022", "2015/16", "between 2015 and 2017", "from 2015 to 2017"; also "2019-02".
    private func yearRange(_ index: Int) -> RuleMatch? {
        if word(index) == .between || word(index) == .from, let first = year(index + 1) {
            let joined = word(index) == .between
                ? isWord(index + 2, .and)
                : word(index + 2).map { [Word.to, .until, .till, .through].contains($0) } == true || isSymbol(index + 2, "-")
            guard joined, let last = year(index + 3) else { return nil }
            return yearSpan(first, last, end: index + 4)
        }
        guard let first = year(index), isSymbol(index + 1, "-") || isSymbol(index + 1, "/", glued: true) else { return nil }
        if let last = year(index + 2), isSymbol(index + 1, "-") || isGlued(index + 2) {
            return yearSpan(first, last, end: index + 3)
        }
        guard isGlued(index + 1), isGlued(index + 2), let short = number(index + 2, digits: 2...2) else { return nil }
        if isGlued(index + 3), token(index + 3)?.kind != .symbol || isSymbol(index + 3, "-") { return nil }
        let last = first / 100 * 100 + short
        if last > first { return yearSpan(first, last, end: index + 3) }
        guard isSymbol(index + 1, "-"), (1...12).contains(short) else { return nil }
        return stated(Period.month(first, short), index + 3, "iso-month")
    }

    private func yearSpan(_ first: Int, _ last: Int, end: Int) -> RuleMatch? {
        guard first < last, last - first <= 100, word(end)?.countsThings != true else { return nil }
        return stated(Period.years(first, last, granularity: .year), end, "year-range")
    }

    /// Skips "the" and reads an optional "early", "mid" or "late": where the decade or century starts, and the part.
    private func thirdAfterThe(_ index: Int) -> (Int, SpanThird?) {
        let next = skipThe(index)
        if let (part, after) = third(next) { return (after, part) }
        return (next, nil)
    }

    /// "the 1960s", "the early 2000s", "1960's"; "the 1800s" is a century.
    private func decade(_ index: Int) -> RuleMatch? {
        let (next, part) = thirdAfterThe(index)
        guard let value = year(next), value % 10 == 0 else { return nil }
        let end: Int
        if isWord(next + 1, .s), isGlued(next + 1) {
            end = next + 2
        } else if isSymbol(next + 1, "'", glued: true), isWord(next + 2, .s), isGlued(next + 2) {
            end = next + 3
        } else {
            return nil
        }
        let isHundreds = value % 100 == 0 && value < 2000
        let span = isHundreds
            ? Period.years(value, value + 99, granularity: .century)
            : Period.years(value, value + 9, granularity: .decade)
        return stated(part.flatMap { span?.third($0) } ?? span, end, isHundreds ? "hundreds" : "decade")
    }

    /// "the 19th century", "the late 19th century", "the twentieth century", "the twenty-first century".
    private func century(_ index: Int) -> RuleMatch? {
        var (next, part) = thirdAfterThe(index)
        let ordinal: Int
        if let value = number(next, digits: 1...2), word(next + 1)?.isOrdinalSuffix == true, isGlued(next + 1) {
            ordinal = value
            next += 2
        } else if isWord(next, .twenty), let first = word(isSymbol(next + 1, "-") ? next + 2 : next + 1), first == .first {
            ordinal = 21
            next += isSymbol(next + 1, "-") ? 3 : 2
        } else if let value = word(next)?.ordinal {
            ordinal = value
            next += 1
        } else {
            return nil
        }
        if isSymbol(next, "-", glued: true) { next += 1 }
        guard (1...21).contains(ordinal), isWord(next, .century) else { return nil }
        let span = Period.years((ordinal - 1) * 100 + 1, ordinal * 100, granularity: .century)
        return stated(part.flatMap { span?.third($0) } ?? span, next + 1, "century")
    }

    /// "early 2019", "mid-2019", "the end of 2019", "the first half of 2019", "Q3 2020", "the third quarter of 2020".
    private func yearPart(_ index: Int) -> RuleMatch? {
        let next = skipThe(index)
        if let (part, yearIndex) = third(next), let y = year(yearIndex) {
            guard !isGlued(yearIndex + 1) || token(yearIndex + 1)?.kind == .symbol else { return nil }
            let first = part == .early ? 1 : part == .middle ? 5 : 9
            return stated(Period.months(y, first, y, first + 3, granularity: .season), yearIndex + 1, "year-part")
        }
        if let edge = word(next), isWord(next + 1, .of), let y = year(next + 2) {
            switch edge {
            case .beginning, .start:
                return stated(Period.months(y, 1, y, 3, granularity: .quarter), next + 3, "year-part")
            case .end:
                return stated(Period.months(y, 10, y, 12, granularity: .quarter), next + 3, "year-part")
            case .middle:
                return stated(Period.months(y, 5, y, 8, granularity: .season), next + 3, "year-part")
            default:
                return nil
            }
        }
        if let ordinal = word(next)?.ordinal, isWord(next + 2, .of), let y = year(next + 3) {
            if isWord(next + 1, .half), ordinal <= 2 {
                let first = ordinal == 1 ? 1 : 7
                return stated(Period.months(y, first, y, first + 5, granularity: .quarter), next + 4, "half-year")
            }
            if isWord(next + 1, .quarter), ordinal <= 4 {
                return stated(quarter(ordinal, of: y), next + 4, "quarter")
            }
            return nil
        }
        guard isWord(next, .q), token(next)?.isCapitalised == true, isGlued(next + 1),
              let ordinal = number(next + 1, digits: 1...1), (1...4).contains(ordinal) else { return nil }
        let yearIndex = isWord(next + 2, .of) ? next + 3 : next + 2
        guard let y = year(yearIndex) else { return nil }
        return stated(quarter(ordinal, of: y), yearIndex + 1, "quarter")
    }

    private func quarter(_ ordinal: Int, of year: Int) -> Period? {
        Period.months(year, ordinal * 3 - 2, year, ordinal * 3, granularity: .quarter)
    }

    /// "the summer of 2020", "winter 2019" (December to February), "last summer".
    private func season(_ index: Int) -> RuleMatch? {
        if let modifier = word(index), modifier == .last || modifier == .this || modifier == .next,
           let start = word(index + 1)?.seasonStart {
            let offset = modifier == .last ? -1 : modifier == .next ? 1 : 0
            return RuleMatch(end: index + 2, reading: .deictic(.season(startMonth: start, offset: offset)), rule: "relative-season")
        }
        let next = skipThe(index)
        guard let start = word(next)?.seasonStart else { return nil }
        let yearIndex = isWord(next + 1, .of) ? next + 2 : next + 1
        guard let y = year(yearIndex) else { return nil }
        return stated(Period.season(startMonth: start, year: y), yearIndex + 1, "season")
    }

    /// yesterday, today, tomorrow; last/this/next week, month, year; earlier/later this year or month.
    private func relative(_ index: Int) -> RuleMatch? {
        guard let first = word(index) else { return nil }
        switch first {
        case .yesterday:
            return RuleMatch(end: index + 1, reading: .deictic(.days(-1)), rule: "relative-yesterday")
        case .today:
            return RuleMatch(end: index + 1, reading: .deictic(.days(0)), rule: "relative-today")
        case .tomorrow:
            return RuleMatch(end: index + 1, reading: .deictic(.days(1)), rule: "relative-tomorrow")
        case .last, .this, .next:
            let offset = first == .last ? -1 : first == .next ? 1 : 0
            let deixis: Deixis
            switch word(index + 1) {
            case .week: deixis = .weeks(offset)
            case .month: deixis = .months(offset)
            case .year: deixis = .years(offset)
            default: return nil
            }
            return RuleMatch(end: index + 2, reading: .deictic(deixis),
                             rule: "relative-\(first.rawValue)-\(word(index + 1)?.rawValue ?? "")")
        case .earlier, .later:
            guard isWord(index + 1, .this), let unit = word(index + 2), unit == .year || unit == .month else { return nil }
            let earlier = first == .earlier
            let deixis: Deixis = unit == .year ? .restOfYear(earlier: earlier) : .restOfMonth(earlier: earlier)
            return RuleMatch(end: index + 3, reading: .deictic(deixis), rule: "relative-\(first.rawValue)-this-\(unit.rawValue)")
        default:
            return nil
        }
    }

    /// "on Saturday", "last Friday", "next Monday".
    private func weekday(_ index: Int) -> RuleMatch? {
        let modifier = word(index)
        let dayIndex = modifier == .last || modifier == .next ? index + 1 : index
        guard let token = token(dayIndex), token.kind == .word, token.isCapitalised,
              let weekday = token.word.weekday else { return nil }
        return RuleMatch(end: dayIndex + 1, reading: .deictic(.weekday(weekday, forward: modifier == .next)),
                         rule: "relative-weekday")
    }

    /// "in 2017", "since 2015"; not "Resolution 2127", "2,000 troops", "2019.5", "555 2019".
    private func bareYear(_ index: Int) -> RuleMatch? {
        guard let value = year(index) else { return nil }
        if isGlued(index), let previous = token(index - 1), previous.kind == .symbol {
            if "$#+".utf8.contains(previous.symbol) { return nil }
            if ",.:".utf8.contains(previous.symbol), isGlued(index - 1), token(index - 2)?.kind == .number { return nil }
        }
        var labelIndex = index - 1
        while isSymbol(labelIndex, ".") || isSymbol(labelIndex, "#") { labelIndex -= 1 }
        if word(labelIndex)?.labelsNumber == true { return nil }
        if isDigitGroup(index - 1) || isDigitGroup(index + 1) { return nil }
        if isSymbol(index - 1, "-", glued: true), isGlued(index), isDigitGroup(index - 2) { return nil }
        if isSymbol(index + 1, "-", glued: true), isGlued(index + 2), isDigitGroup(index + 2) { return nil }
        if let next = token(index + 1), !next.spaced {
            if next.kind == .word || isSymbol(index + 1, "%") { return nil }
            if isSymbol(index + 1, ".") || isSymbol(index + 1, ",") || isSymbol(index + 1, ":"),
               isGlued(index + 2), token(index + 2)?.kind == .number { return nil }
        }
        if word(index + 1)?.countsThings == true, word(index - 1)?.introducesYear != true { return nil }
        // Before 1600 a bare number is far more often a quantity ("near 1000 vessels") than a year:
        // it needs "in", "since", "the year", "of" ... in front of it.
        if value < 1600, !(word(index - 1)?.introducesYear == true || word(index - 1) == .year || word(index - 1) == .of) {
            return nil
        }
        return stated(Period.year(value), index + 1, "year")
    }

    /// A group of three or more digits, which next to a year suggests a phone or serial number ("020 7946 0958").
    private func isDigitGroup(_ index: Int) -> Bool {
        guard let token = token(index), token.kind == .number else { return false }
        return token.length >= 3
    }
}
