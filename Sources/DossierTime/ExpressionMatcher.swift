/// The careful second pass: reads time expressions off the tokens of one stretch of text.
struct ExpressionMatcher {
    let text: UnsafeBufferPointer<UInt8>
    let tokens: [Token]

    /// The longest expression starting at token `index`, if any; earlier rules win ties.
    func longestMatch(at index: Int) -> RuleMatch? {
        let single = longestSingle(at: index)
        guard let match = span(at: index, single: single) ?? single else { return nil }
        return placesUnreadDay(index) ? RuleMatch(end: match.end, reading: .unread, rule: "unread") : match
    }

    /// Whether the expression at `index` only places another day the rules do not read: "the closest Monday to Oct
    /// 5th", "the 2nd Super Tuesday after next year", "3rd thursday this september", "4th day last week", "the 3rd
    /// month next year", "the third Sunday of 2015". Its own interval would be an answer for a part of the phrase.
    private func placesUnreadDay(_ index: Int) -> Bool {
        let nearest = { (range: Range<Int>) in range.contains { self.word($0) == .closest || self.word($0) == .nearest } }
        if nearest(max(0, index - 3)..<index) || isWord(index - 1, .to) && nearest(max(0, index - 7)..<(index - 1)) { return true }
        if isWord(index - 1, .after) || isWord(index - 1, .before) {
            let day = isSymbol(index - 2, ".") ? index - 3 : index - 2
            if word(day)?.weekday != nil || word(day)?.abbreviatedWeekday != nil, namesDay(day) { return true }
            // "3 mondays after May 25", "two Fridays before Christmas": weekdays counted from the date.
            if word(index - 2)?.pluralWeekday != nil { return true }
        }
        let ordinalEndsAt = { (end: Int) in [end - 1, end - 2].contains { self.ordinal($0)?.1 == end } }
        if word(index)?.weekday != nil, ordinalEndsAt(index) { return true }
        // "the third Sunday of 2015": the year of such a weekday.
        if isWord(index - 1, .of) || isWord(index - 1, .inWord), word(index - 2)?.weekday != nil, ordinalEndsAt(index - 2) { return true }
        // "1 year ago tomorrow": a day counted from another.
        if isWord(index - 1, .ago), let day = word(index), day == .tomorrow || day == .yesterday || day == .today { return true }
        guard let unit = word(index - 1), unit.weekday != nil || unit.unit != nil else { return false }
        return ordinalEndsAt(index - 1)
    }

    /// "from May 2019 to June 2020", "between March 2010 and May 2012", "June 2019 until March 2020": one interval
    /// from the start of the first date to the end of the second, when both are stated in full and in that order.
    /// `single` is the longest expression at `index` on its own.
    private func span(at index: Int, single: RuleMatch?) -> RuleMatch? {
        let between = isWord(index, .between)
        let introduced = (between || isWord(index, .from)) && index + 1 < tokens.count
        guard introduced || single != nil, let first = introduced ? longestSingle(at: index + 1) : single else { return nil }
        if case .deictic(.weekday) = first.reading { return weekdaySpan(first, between: between) }
        guard case .stated(let from) = first.reading else { return nil }
        let joined = between
            ? isWord(first.end, .and)
            : isWord(first.end, .until) || isWord(first.end, .till) || isWord(first.end, .through)
                || introduced && (isWord(first.end, .to) || isSymbol(first.end, "-"))
        guard joined, first.end + 1 < tokens.count, let last = longestSingle(at: first.end + 1), case .stated(let to) = last.reading,
              from.start < to.start, from.end < to.end, last.end > single?.end ?? index else { return nil }
        return stated(Period(start: from.start, end: to.end, granularity: max(from.granularity, to.granularity)), last.end, "date-span")
    }

    /// "from Monday to Friday", "between Monday and Wednesday", "Monday through Friday", "Monday-Friday": the first
    /// weekday, placed as it is alone, through the next of the second (a weekday bare after "to", "through" or "and").
    private func weekdaySpan(_ first: RuleMatch, between: Bool) -> RuleMatch? {
        let joined = between
            ? isWord(first.end, .and)
            : isWord(first.end, .through) || isWord(first.end, .to) || isSymbol(first.end, "-")
        guard joined, let (weekday, after) = weekdayName(first.end + 1), after == first.end + 2,
              token(first.end + 1)?.word.weekday != nil, case .deictic(.weekday(let start, _)) = first.reading, start != weekday
        else { return nil }
        // "from Monday to Friday last week": the days of that week.
        if let modifier = word(after), let offset = modifier.offset, modifier != .previous, isWord(after + 1, .week) {
            return RuleMatch(end: after + 2, reading: .throughWeekday(.deictic(.weekdayOfWeek(start, offset: offset)), weekday: weekday),
                             rule: "weekday-span")
        }
        return RuleMatch(end: after, reading: .throughWeekday(first.reading, weekday: weekday), rule: "weekday-span")
    }

    private func longestSingle(at index: Int) -> RuleMatch? {
        // A rule may ask what follows its words at the end of a paragraph ("the week of" and nothing after it).
        guard index < tokens.count else { return nil }
        let token = tokens[index]
        var best: RuleMatch?
        func consider(_ match: RuleMatch?) {
            if let match, match.end > (best?.end ?? index) { best = match }
        }
        switch token.kind {
        case .number:
            if let citation = citation(at: index) { return citation }
            consider(isoDate(index))
            consider(numericDate(index))
            consider(spacedDate(index))
            consider(nineEleven(index))
            consider(namedMonthDate(index))
            consider(numberedMonthYear(index))
            consider(yearFirstNamedMonthDate(index))
            consider(yearMonth(index))
            consider(dayFirst(index))
            consider(yearRange(index))
            consider(decade(index))
            consider(century(index))
            consider(bareYear(index))
            consider(ago(index))
            consider(later(index))
            consider(fromNow(index))
            consider(countedFromDate(index))
            consider(inCount(index))
            consider(countedSpan(index))
            consider(nthWeekday(index))
            consider(yearPart(index))
        case .word where (token.startsFeast || mayBeFeastSpelling(index)) && (token.word == .other || token.word.isContextOnly):
            consider(holiday(index))
        case .word where token.word != .other && !token.word.isContextOnly:
            consider(dayFirst(index))
            consider(monthFirstNamedDate(index))
            consider(monthFirst(index))
            consider(monthYear(index))
            consider(monthsOfAYear(index))
            consider(monthAlone(index))
            consider(yearRange(index))
            consider(decade(index))
            consider(spelledDecade(index))
            consider(century(index))
            consider(yearPart(index))
            consider(season(index))
            consider(relative(index))
            consider(weekday(index))
            consider(weekend(index))
            consider(nthWeekday(index))
            consider(holiday(index))
            consider(ago(index))
            consider(present(index))
            // The rarer rules only where their first word can start them: most tokens are none of these.
            switch token.word {
            case .the:
                consider(numberedMonthOfYear(index))
                consider(unitAfterNext(index))
                consider(closestFeast(index))
                consider(following(index))
                consider(partOfMonthOrWeek(index))
                consider(weekOfMonth(index))
                consider(weekOf(index))
                consider(lastDayOfMonth(index))
                consider(dayBeside(index))
                consider(countedFromDate(index))
            case .beginning, .start, .middle, .end: consider(partOfMonthOrWeek(index))
            case .first:
                consider(partOfMonthOrWeek(index))
                consider(weekOfMonth(index))
                consider(countedFromDate(index))
                consider(lastDayOfMonth(index))
            case .last:
                consider(weekOfMonth(index))
                consider(lastDayOfMonth(index))
                consider(countedSpan(index))
            case .past, .previous, .next, .coming, .upcoming: consider(countedSpan(index))
            case .twenty: consider(spelledYear(index))
            case let word where word.ordinal != nil:
                consider(partOfMonthOrWeek(index))
                consider(countedFromDate(index))
                consider(weekOfMonth(index))
            case let word where word.cardinal != nil:
                consider(later(index))
                consider(countedSpan(index))
                consider(fromNow(index))
                consider(spelledYear(index))
                consider(countedFromDate(index))
                consider(inCount(index))
            default: break
            }
        default:
            break
        }
        // "tax day 2011", "labour day of last year": the year of a day the rules do not know.
        if let best, best.reading.isYearOnly, followsUnknownDay(index) { return nil }
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

    /// Whether `suffix` after the number `value` makes an ordinal: "22nd", "19th", and "2d", "3d", "22d" as American
    /// English wrote them until about 1900 and its courts and armies still do ("April 22d, 1861"; tester19 #3).
    private func isOrdinal(_ value: Int, _ suffix: Word) -> Bool {
        suffix.isOrdinalSuffix || suffix == .d && (value % 10 == 2 || value % 10 == 3) && value % 100 / 10 != 1
    }

    /// The token after an era written before a year, "A.D." or "AD" ("the 12th day of March, A.D. 1901", "in A.D.
    /// 1066"; tester17 #1, tester19 #17), or `index` itself when there is none.
    private func afterEra(_ index: Int) -> Int {
        guard let first = token(index), first.kind == .word else { return index }
        let bytes = text[first.start..<first.end]
        if bytes.elementsEqual("AD".utf8), token(index + 1)?.kind == .number { return index + 1 }
        if bytes.elementsEqual("A".utf8), isSymbol(index + 1, ".", glued: true), isGlued(index + 2),
           let d = token(index + 2), text[d.start..<d.end].elementsEqual("D".utf8), isSymbol(index + 3, ".", glued: true) {
            return index + 4
        }
        return index
    }

    /// Whether an era ("A.D.", "AD") ends right before token `index`.
    private func followsEra(_ index: Int) -> Bool {
        (1...4).contains { index - $0 >= 0 && afterEra(index - $0) == index }
    }

    /// A day of the month ("5", "05", "5th"), returning the token index after it.
    private func dayOfMonth(_ index: Int) -> (day: Int, next: Int)? {
        guard let day = number(index, digits: 1...2), (1...31).contains(day) else { return nil }
        // "$12 December 27", "$ 12 December 27", "6,107.31 August 2019": an amount, or the digits after a number's point,
        // is no day.
        if isSymbol(index - 1, "$")
            || isGlued(index) && (isSymbol(index - 1, ".") || isSymbol(index - 1, ",")) && isGlued(index - 1) && token(index - 2)?.kind == .number {
            return nil
        }
        // Glued to a word only when it is a month ("Feb13", "14april 2015"): "AK47", "G7" are names.
        if isGlued(index), let previous = token(index - 1), previous.kind != .symbol, previous.word.month == nil { return nil }
        guard isGlued(index + 1) else { return (day, index + 1) }
        if let suffix = word(index + 1) {
            return isOrdinal(day, suffix) ? (day, index + 2) : suffix.month != nil ? (day, index + 1) : nil
        }
        if isSymbol(index + 1, "%") { return nil }
        // "10:30", "3.5", "2,000" are no days; "on Monday, Oct. 26:" ending a line is.
        if isSymbol(index + 1, ":") || isSymbol(index + 1, ".") || isSymbol(index + 1, ","),
           isGlued(index + 2), token(index + 2)?.kind == .number { return nil }
        return (day, index + 1)
    }

    /// A month name or abbreviation ("Dec."), returning the token index after it. Abbreviations, "May" and "March"
    /// must be capitalised; other full names may be written in lower case ("on the 15th of february"), and so may
    /// "may" and "march" after a day and "of" (`afterDayOf`: "the first of march"), after a part of a month and "of"
    /// ("the end of march", "the first week of may") or after "mid" ("mid-march"), where no verb stands.
    private func monthName(_ index: Int, fullOnly: Bool = false, afterDayOf: Bool = false) -> (month: Int, next: Int)? {
        guard let token = token(index), token.kind == .word, let month = token.word.month,
              token.isCapitalised || (token.word.isFullMonth && (afterDayOf || token.word != .may && token.word != .march
                  || isWord(index - 1, .of) && word(index - 2).map(Self.partsOfAMonth.contains) == true
                  || isWord(index - 1, .mid) || isSymbol(index - 1, "-") && isWord(index - 2, .mid)))
        else { return nil }
        if token.word == .august, isDignity(index + 1) { return nil }
        if token.word.isFullMonth { return (month, index + 1) }
        if fullOnly { return nil }
        return (month, isSymbol(index + 1, ".", glued: true) ? index + 2 : index + 1)
    }

    /// Whether the word at `index` is a noun "august" qualifies as an adjective: "this August chamber", "an August body"
    /// (tester19 #3: a hearing was dated in August).
    private func isDignity(_ index: Int) -> Bool {
        guard let next = token(index), next.kind == .word, next.spaced, !next.isCapitalised, next.length <= 11 else { return false }
        var word: [UInt8] = []
        for byte in text[next.start..<next.end] { word.append(byte | 0x20) }
        return Self.dignities.contains(word)
    }

    /// Nouns of dignity after the adjective "august".
    private static let dignities: Set<[UInt8]> = Set(["chamber", "body", "bodies", "house", "assembly", "institution", "presence",
                                                      "company", "gathering", "personage", "tribunal", "court", "halls", "hall",
                                                      "audience", "office"].map { Array($0.utf8) })

    /// Words of a part of a month before "of" and its name.
    private static let partsOfAMonth: Set<Word> = [.end, .beginning, .start, .middle, .week, .half, .weekend, .month]

    private func skipThe(_ index: Int) -> Int { isWord(index, .the) ? index + 1 : index }

    /// "'87", "'14" at `index`: a two-digit year after an apostrophe, 20xx up to 49 and 19xx from 50.
    private func shortYear(_ index: Int) -> Int? {
        guard isSymbol(index, "'"), isGlued(index + 1), let short = number(index + 1, digits: 2...2) else { return nil }
        return short <= 49 ? 2000 + short : 1900 + short
    }

    /// "3 Aug 96", "Aug 9, 96", "3rd Feb 82": a two-digit year at `index` after a day and a month, 20xx up to 49 and 19xx
    /// from 50, when nothing but a space and punctuation follows it in the text ("On Aug 9, 96 people were killed" and
    /// "on March 3, 45 soldiers" count, "Aug 9, 96.5" is a figure). It was left out, and the day put in the
    /// publication's year.
    private func closingShortYear(_ index: Int) -> Int? {
        guard let number = token(index), number.spaced, let short = self.number(index, digits: 2...2) else { return nil }
        var at = number.end
        while at < text.count, text[at] == UInt8(ascii: " ") || text[at] == UInt8(ascii: "\t") { at += 1 }
        if at < text.count, text[at] != UInt8(ascii: "\n"), text[at] != UInt8(ascii: "\r") {
            guard Self.closingPunctuation.contains(text[at]) else { return nil }
            if at + 1 < text.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[at + 1]) { return nil }
        }
        return short <= 49 ? 2000 + short : 1900 + short
    }

    /// Marks that may end a clause after a date: `. , ; ) ! ?` and quotation marks.
    private static let closingPunctuation: Set<UInt8> = Set(".,;)!?\"'".utf8)

    /// "third", "3rd": an ordinal in words or digits, and the token after it.
    private func ordinal(_ index: Int) -> (Int, Int)? {
        if let value = word(index)?.ordinal { return (value, index + 1) }
        guard let (value, next) = dayOfMonth(index), next == index + 2 else { return nil }
        return (value, next)
    }

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

    /// "2019-02-05", "2015-3-3", "2015/03/03", "2014.12.28", "2022-11-08T23:40:00Z" (ISO 8601 with the time of day).
    private func isoDate(_ index: Int) -> RuleMatch? {
        let separator: Unicode.Scalar = isSymbol(index + 1, "/") ? "/" : isSymbol(index + 1, ".") ? "." : "-"
        guard let y = year(index), isSymbol(index + 1, separator, glued: true),
              let m = number(index + 2, digits: 1...2), isGlued(index + 2),
              isSymbol(index + 3, separator, glued: true),
              let d = number(index + 4, digits: 1...2), isGlued(index + 4) else { return nil }
        let clock = separator == "-" && isGlued(index + 5) && token(index + 5).map { $0.kind == .word && $0.length == 1
            && text[$0.start] | 0x20 == UInt8(ascii: "t") } == true && token(index + 6)?.kind == .number && isGlued(index + 6)
        if !clock, isGlued(index + 5), token(index + 5)?.kind == .number || isGlued(index + 6) && token(index + 6)?.kind == .number {
            return nil
        }
        return stated(Period.day(y, m, d), index + 5, "iso-date")
    }

    /// "20.09.2021", "02/22/2016", "10-31-74": day and month in the order their values allow; when both could be
    /// a month, slashes and dashes are read month first (as in American writing) and dots day first (as in
    /// European datelines). A two-digit year (slashes and dashes only) is 20xx up to 49, else 19xx.
    private func numericDate(_ index: Int) -> RuleMatch? {
        guard let a = number(index, digits: 1...2), let separator = token(index + 1), separator.kind == .symbol,
              isGlued(index + 1), let b = number(index + 2, digits: 1...2), isGlued(index + 2),
              isSymbol(index + 3, Unicode.Scalar(separator.symbol), glued: true), isGlued(index + 4) else { return nil }
        let dots = separator.symbol == UInt8(ascii: ".")
        guard dots || separator.symbol == UInt8(ascii: "/") || separator.symbol == UInt8(ascii: "-") else { return nil }
        let y: Int
        if let full = year(index + 4) {
            y = full
        } else if !dots, let short = number(index + 4, digits: 2...2) {
            y = short <= 49 ? 2000 + short : 1900 + short
        } else {
            return nil
        }
        // Not part of a longer run of numbers: "1.2.10.2019", "3/4/5/2019".
        if isGlued(index), token(index - 1)?.kind == .number || isSymbol(index - 1, ".") || isSymbol(index - 1, "/")
            || isSymbol(index - 1, "-") { return nil }
        if isGlued(index + 5), token(index + 5)?.kind != .symbol || isGlued(index + 6) && token(index + 6)?.kind == .number {
            return nil
        }
        let dayFirst = a > 12 || (b <= 12 && dots)
        let rule = dots ? "dotted-date" : separator.symbol == UInt8(ascii: "/") ? "slashed-date" : "dashed-date"
        return stated(dayFirst ? Period.day(y, b, a) : Period.day(y, a, b), index + 5, rule)
    }

    /// "31 10 1974", "10 31 1974": a day, a month and a year apart by spaces, read only when one of the first two numbers
    /// can only be the day (13-31); "10 11 1974" does not say which is the month, and its year is not read either.
    private func spacedDate(_ index: Int) -> RuleMatch? {
        guard let a = number(index, digits: 1...2), let b = number(index + 1, digits: 1...2), let y = year(index + 2),
              token(index + 1)?.spaced == true, token(index + 2)?.spaced == true, !isGlued(index + 3),
              token(index - 1)?.kind != .number else { return nil }
        switch (a, b) {
        case (13...31, 1...12): return stated(Period.day(y, b, a), index + 3, "spaced-date")
        case (1...12, 13...31): return stated(Period.day(y, a, b), index + 3, "spaced-date")
        default: return nil
        }
    }

    /// Whether the year at `index` ends three numbers apart by spaces ("10 11 1974"): a date whose order is unknown
    /// (`spacedDate`), or a row of figures.
    private func endsNumberRow(_ index: Int) -> Bool {
        token(index)?.spaced == true && token(index - 1)?.spaced == true && number(index - 1, digits: 1...2) != nil
            && number(index - 2, digits: 1...2) != nil
    }

    /// "9/11" on its own, written so, is the day of the attacks of 11 September 2001 (as "Boxing Day" is a day): never
    /// a day of the publication's year, nor part of "9/11/2016", "19/11" or "9/11-12".
    private func nineEleven(_ index: Int) -> RuleMatch? {
        guard number(index, digits: 1...1) == 9, isSymbol(index + 1, "/", glued: true), isGlued(index + 2),
              number(index + 2, digits: 2...2) == 11 else { return nil }
        if isGlued(index), token(index - 1)?.kind == .number || isSymbol(index - 1, "/") { return nil }
        if isGlued(index + 3), token(index + 3)?.kind == .number || isSymbol(index + 3, "/") || isSymbol(index + 3, "-") {
            return nil
        }
        return stated(Period.day(2001, 9, 11), index + 3, "nine-eleven")
    }

    /// "31-Oct-1974", "31/Oct/74", "05-Feb-2019": a day, a month's name and a year joined by dashes or slashes.
    private func namedMonthDate(_ index: Int) -> RuleMatch? {
        guard let d = number(index, digits: 1...2), let separator = token(index + 1), separator.kind == .symbol,
              separator.symbol == UInt8(ascii: "-") || separator.symbol == UInt8(ascii: "/"), isGlued(index + 1),
              isGlued(index + 2), let (m, afterMonth) = monthName(index + 2), afterMonth == index + 3 else { return nil }
        if isGlued(index), token(index - 1)?.kind != .symbol { return nil }
        // "10-August 2012", "10/August 2012": the year apart by a space (four digits then).
        let joined = isSymbol(index + 3, Unicode.Scalar(separator.symbol), glued: true) && isGlued(index + 4)
        guard joined || token(index + 3)?.spaced == true else { return nil }
        let yearIndex = joined ? index + 4 : index + 3
        let y: Int
        if let full = year(yearIndex) {
            y = full
        } else if joined, let short = number(yearIndex, digits: 2...2) {
            y = short <= 49 ? 2000 + short : 1900 + short
        } else {
            return nil
        }
        if isGlued(yearIndex + 1), token(yearIndex + 1)?.kind != .symbol { return nil }
        return stated(Period.day(y, m, d), yearIndex + 1, "named-month-date")
    }

    /// A month's name joined by `separator` to the tokens on both sides ("2019-sep-1", "Sep-23-2020"): written so, in any
    /// case, it is no word of the sentence.
    private func joinedMonth(_ index: Int, _ separator: UInt8) -> Int? {
        guard let token = token(index), token.kind == .word, let month = token.word.month, isGlued(index),
              isSymbol(index - 1, Unicode.Scalar(separator)), isSymbol(index + 1, Unicode.Scalar(separator), glued: true),
              isGlued(index + 2) else { return nil }
        return month
    }

    /// Whether nothing but punctuation is glued after token `index`: "2019-Sep-01." ends there, "2019-Sep-01-7" does not.
    private func endsJoinedDate(_ index: Int) -> Bool {
        guard isGlued(index + 1), let next = token(index + 1) else { return true }
        return next.kind == .symbol && next.symbol != UInt8(ascii: "-") && next.symbol != UInt8(ascii: "/") && !isGlued(index + 2)
    }

    /// "2019-Sep-01", "2019/aug/1": a year, a month's name and a day joined by dashes or slashes.
    private func yearFirstNamedMonthDate(_ index: Int) -> RuleMatch? {
        // "2020 Mar 28", "2019 Dec 30" as PubMed and MEDLINE write a date (tester19 #9: the year alone was read).
        if let y = year(index), token(index + 1)?.spaced == true, token(index + 1)?.isCapitalised == true,
           let (m, afterMonth) = monthName(index + 1), token(afterMonth)?.spaced == true, let (d, afterDay) = dayOfMonth(afterMonth),
           token(afterDay)?.kind != .number, word(afterDay)?.countsThings != true, let day = Period.day(y, m, d) {
            return stated(day, afterDay, "year-month-day")
        }
        guard let y = year(index), let separator = token(index + 1), separator.kind == .symbol, isGlued(index + 1),
              separator.symbol == UInt8(ascii: "-") || separator.symbol == UInt8(ascii: "/"),
              let m = joinedMonth(index + 2, separator.symbol), let d = number(index + 4, digits: 1...2),
              endsJoinedDate(index + 4), !isGlued(index) || isSymbol(index - 1, "(") else { return nil }
        return stated(Period.day(y, m, d), index + 5, "named-month-date")
    }

    /// "Sep-23-2020", "sep/23/2020": a month's name, a day and a year joined by dashes or slashes.
    private func monthFirstNamedDate(_ index: Int) -> RuleMatch? {
        guard let separator = token(index + 1), separator.kind == .symbol,
              separator.symbol == UInt8(ascii: "-") || separator.symbol == UInt8(ascii: "/"), let month = token(index),
              month.kind == .word, let m = month.word.month, isGlued(index + 1), isGlued(index + 2),
              let d = number(index + 2, digits: 1...2), isSymbol(index + 3, Unicode.Scalar(separator.symbol), glued: true),
              isGlued(index + 4), let y = year(index + 4), endsJoinedDate(index + 4), !isGlued(index) else { return nil }
        return stated(Period.day(y, m, d), index + 5, "named-month-date")
    }

    /// A word that joins the two days of a range ("13 to 15 July", "4-22 January"), returning the index after it.
    private func dayJoiner(_ index: Int) -> Int? {
        if isSymbol(index, "-") { return index + 1 }
        guard let word = word(index) else { return nil }
        return [Word.to, .until, .till, .through, .and].contains(word) ? index + 1 : nil
    }

    /// The days of a month or a range of them, then the token index after them: "5", "13th to the 15th", "4-22".
    private func days(_ index: Int) -> (days: ClosedRange<Int>, next: Int)? {
        guard let (first, afterFirst) = dayOfMonth(index) else { return nil }
        if let joined = dayJoiner(afterFirst), let (last, afterLast) = dayOfMonth(skipThe(joined)), last > first {
            return (first...last, afterLast)
        }
        return (first...first, afterFirst)
    }

    /// A day of the month as an ordinal in words, and the token after it: "fifth", "twentieth", "twenty-second",
    /// "thirty first".
    private func ordinalWords(_ index: Int) -> (day: Int, next: Int)? {
        if let tens = word(index)?.tens, tens <= 30 {
            let unitIndex = isSymbol(index + 1, "-", glued: true) && isGlued(index + 2) ? index + 2 : index + 1
            if let unit = word(unitIndex)?.ordinal, unit <= 9, tens + unit <= 31 { return (tens + unit, unitIndex + 1) }
            return nil
        }
        return word(index)?.ordinal.map { ($0, index + 1) }
    }

    /// A day written as an ordinal word before "of": "the first of March", "the twenty-second of June", "the first day of".
    private func ordinalDay(_ index: Int) -> (days: ClosedRange<Int>, next: Int)? {
        guard let (day, next) = ordinalWords(skipThe(index)) else { return nil }
        if isWord(next, .of) { return (day...day, next) }
        return isWord(next, .day) && isWord(next + 1, .of) ? (day...day, next + 1) : nil
    }

    /// Days then a month, with or without a year: "5 February 2019", "5th of February, 2019", "28 June in 2020",
    /// "from 4 to 22 January 1995", "the 15th of February", "11 January" (a year from the context).
    private func dayFirst(_ index: Int) -> RuleMatch? {
        let introduced = isWord(index, .from) || isWord(index, .between)
        let dayIndex = introduced ? skipThe(index + 1) : index
        guard let (span, afterSpan) = days(dayIndex) ?? ordinalDay(dayIndex) else { return nil }
        var afterDays = afterSpan
        if introduced, span.count == 1 { return nil }
        // "the 4th instant", "the 30th ult.": a day of this month, the last or the next.
        if afterSpan == dayIndex + 2, let offset = word(afterSpan)?.monthOfLetter {
            let abbreviated = [Word.inst, .ult, .prox].contains(word(afterSpan)) && isSymbol(afterSpan + 1, ".", glued: true)
            return RuleMatch(end: abbreviated ? afterSpan + 2 : afterSpan + 1,
                             reading: .deictic(.daysOfMonth(span, offset: offset)), rule: "day-of-letter-month")
        }
        // "the 20th day of next month".
        if span.count == 1, isWord(afterDays, .day), isWord(afterDays + 1, .of), token(dayIndex)?.kind == .number,
           isGlued(dayIndex + 1), let suffix = word(dayIndex + 1), isOrdinal(number(dayIndex, digits: 1...2) ?? 0, suffix) { afterDays += 1 }
        var monthIndex = isWord(afterDays, .of) ? afterDays + 1 : afterDays
        if monthIndex > afterDays, let relative = daysOfRelativeMonth(span, at: monthIndex) { return relative }
        // "16. Nov. 2016": a day with a full stop, as German and Nordic English writes it, when a year follows; not a
        // number that a label or a name leads to ("Chapter 16. May 2016 was dry", "Figure 3. June 2019 rainfall").
        if span.count == 1, afterDays == dayIndex + 1, isSymbol(afterDays, ".", glued: true), let (_, afterMonth) = monthName(afterDays + 1),
           year(yearIndex(after: afterMonth)) != nil, !numberIsLabelled(dayIndex) {
            monthIndex = afterDays + 1
        }
        guard let (m, afterMonth) = monthName(monthIndex, afterDayOf: monthIndex > afterDays) ?? lowerCaseMonthBeforeYear(monthIndex)
        else { return nil }
        let yearIndex = yearIndex(after: afterMonth)
        if let y = year(yearIndex) {
            return stated(dayPeriod(y, m, span), yearIndex + 1, span.count > 1 ? "day-range" : "day-month-year")
        }
        // "the thirty-first of December '80", "1st Oct '89".
        if let y = shortYear(yearIndex) {
            return stated(dayPeriod(y, m, span), yearIndex + 2, span.count > 1 ? "day-range" : "day-month-year")
        }
        if let y = closingShortYear(yearIndex) {
            return stated(dayPeriod(y, m, span), yearIndex + 1, span.count > 1 ? "day-range" : "day-month-year")
        }
        // "the fifth of May nineteen ninety-one".
        if let spelled = spelledYear(yearIndex), case .stated(let year) = spelled.reading {
            return stated(dayPeriod(year.start.year, m, span), spelled.end, span.count > 1 ? "day-range" : "day-month-year")
        }
        if let offset = monthAfterLastOrNext(afterMonth) {
            return RuleMatch(end: afterMonth + 1, reading: .deictic(.daysOfNamedMonth(m, days: span, offset: offset)),
                             rule: "day-month-last-next")
        }
        return RuleMatch(end: afterMonth, reading: .partialDay(month: m, days: span, tense: tense(index, afterMonth)),
                         rule: span.count > 1 ? "day-range" : "day-month")
    }

    /// "the 20th of this month", "the 15th of next month", "the 3rd of the current month", "the 1st of last month".
    private func daysOfRelativeMonth(_ days: ClosedRange<Int>, at index: Int) -> RuleMatch? {
        let modifier = skipThe(index)
        guard let offset = word(modifier)?.offset, isWord(modifier + 1, .month), !isSymbol(modifier + 2, "'", glued: true) else { return nil }
        return RuleMatch(end: modifier + 2, reading: .deictic(.daysOfMonth(days, offset: offset)), rule: "day-of-relative-month")
    }

    /// A month then days, with or without a year: "February 5, 2019", "Dec. 5 2019", "January 4-22, 1995",
    /// "September the 11th", "Aug 8 - Aug 12", "Oct. 2" (a year from the context).
    private func monthFirst(_ index: Int) -> RuleMatch? {
        guard let (m, afterMonth) = monthName(index, afterDayOf: true) ?? lowerCaseMonthBeforeYear(index) else { return nil }
        // "may" and "march" in lower case are verbs unless a day and a year follow ("march 3 2015").
        let strict = token(index)?.isCapitalised == true || word(index) != .may && word(index) != .march
        var dayIndex = isWord(afterMonth, .the) ? afterMonth + 1 : afterMonth
        // "Sunday, March, 6th 2016": a comma after the month, before an ordinal day and a year ("In March, 6 people").
        if isSymbol(afterMonth, ","), let (_, next) = dayOfMonth(afterMonth + 1), next == afterMonth + 3,
           year(isSymbol(next, ",") ? next + 1 : next) != nil { dayIndex = afterMonth + 1 }
        guard let (first, afterFirst) = dayOfMonth(dayIndex) ?? ordinalWordDay(dayIndex) else { return nil }
        if dayIndex > afterMonth, afterFirst - dayIndex < 2, token(dayIndex)?.kind == .number { return nil }
        var span = first...first
        var afterDays = afterFirst
        if let joined = dayJoiner(afterFirst) {
            var lastIndex = skipThe(joined)
            if let (again, next) = monthName(lastIndex), again == m { lastIndex = next }
            if let (last, afterLast) = dayOfMonth(lastIndex), last > first {
                span = first...last
                afterDays = afterLast
            }
        }
        let yearIndex = yearIndex(after: afterDays)
        if let y = year(yearIndex) {
            return stated(dayPeriod(y, m, span), yearIndex + 1, span.count > 1 ? "day-range" : "month-day-year")
        }
        // "Jan 10 '00", "jan 10, '00".
        if let y = shortYear(afterDays) ?? (isSymbol(afterDays, ",") ? shortYear(afterDays + 1) : nil) {
            let end = isSymbol(afterDays, ",") && shortYear(afterDays) == nil ? afterDays + 3 : afterDays + 2
            return stated(dayPeriod(y, m, span), end, span.count > 1 ? "day-range" : "month-day-year")
        }
        if let y = closingShortYear(yearIndex) {
            return stated(dayPeriod(y, m, span), yearIndex + 1, span.count > 1 ? "day-range" : "month-day-year")
        }
        // "September the twenty-first nineteen seventy-eight".
        if let spelled = spelledYear(yearIndex), case .stated(let year) = spelled.reading {
            return stated(dayPeriod(year.start.year, m, span), spelled.end, span.count > 1 ? "day-range" : "month-day-year")
        }
        if word(afterDays)?.countsThings == true || !strict { return nil }
        // "the act approved September 22 last", "the 1st of July next".
        if let offset = monthAfterLastOrNext(afterDays) {
            return RuleMatch(end: afterDays + 1, reading: .deictic(.daysOfNamedMonth(m, days: span, offset: offset)),
                             rule: "day-month-last-next")
        }
        // "Theresa May 12", "Prime Minister May 3 times": a capitalised "May" or "March" after a name is no month;
        // after a comma or a lower-case word it is ("WASHINGTON, March 12 (Xinhua) --", "left March 12").
        if word(index) == .may || word(index) == .march, word(index - 1)?.introducesMonth != true,
           token(index - 1)?.isCapitalised == true { return nil }
        // "Jul 18, Fri": a weekday after the date picks the year as one before it does.
        if span.count == 1, isSymbol(afterDays, ","), let weekday = weekdayName(afterDays + 1) {
            return RuleMatch(end: weekday.next, reading: .partialDay(month: m, days: span, tense: .past, weekday: weekday.day),
                             rule: "month-day")
        }
        return RuleMatch(end: afterDays, reading: .partialDay(month: m, days: span, tense: tense(index, afterDays)),
                         rule: span.count > 1 ? "day-range" : "month-day")
    }

    /// An ordinal word as the day after a month ("March first", "June the fifth", "May twenty-first"), unless a noun
    /// follows it ("the March first round", "May first quarter", "October first-quarter results").
    private func ordinalWordDay(_ index: Int) -> (day: Int, next: Int)? {
        guard let (day, after) = ordinalWords(index), !isSymbol(after, "-", glued: true) else { return nil }
        if let next = token(after), next.kind == .word,
           next.word == .other || next.word == .half || next.word == .quarter || next.word.marksPast {
            return nil
        }
        return (day, after)
    }

    /// "next mon", "last Thurs", "this coming fri": an abbreviated weekday after "next", "last", "past", "coming" or "this",
    /// in either case, and the index after it; not "sat", "sun" or "wed", which are also words ("he last sat in 2019"),
    /// nor one before a capitalised word ("the next Mon State election": the Mon people of Myanmar).
    private func modifiedAbbreviatedWeekday(_ index: Int) -> (day: Int, next: Int)? {
        guard let token = token(index), token.kind == .word, let day = token.word.abbreviatedWeekday,
              token.word != .sat, token.word != .sun, token.word != .wed else { return nil }
        let next = isSymbol(index + 1, ".", glued: true) ? index + 2 : index + 1
        if let after = self.token(next), after.kind == .word, after.isCapitalised { return nil }
        return (day, next)
    }

    /// A weekday written in full or abbreviated and capitalised ("Monday", "Thu.", "Fri"), and the index after it.
    private func weekdayName(_ index: Int) -> (day: Int, next: Int)? {
        guard let token = token(index), token.kind == .word else { return nil }
        if let day = token.word.weekday { return (day, index + 1) }
        guard token.isCapitalised, let day = token.word.abbreviatedWeekday else { return nil }
        return (day, isSymbol(index + 1, ".", glued: true) ? index + 2 : index + 1)
    }

    private func dayPeriod(_ y: Int, _ m: Int, _ days: ClosedRange<Int>) -> Period? {
        guard let first = Day(year: y, month: m, day: days.lowerBound),
              let last = Day(year: y, month: m, day: days.upperBound) else { return nil }
        return Period(start: first, end: last, granularity: .day)
    }

    /// Whether the words around tokens `start..<end` put it in the future: "will meet on Saturday", "is due on Sept. 2".
    /// Looks at the eight tokens before and the six after. The ones before may lie before the stretch scanned around
    /// the expression ("Officials will meet again to review security ahead of Hanukkah"): they are read from the text.
    /// "The events of September the 11th will not ..." speaks of a past day: the future verb is the sentence's, not the day's.
    private func speaksOfFuture(_ start: Int, _ end: Int) -> Bool {
        if isWord(start - 1, .of), word(start - 2)?.namesPastEvent == true { return false }
        // "as soon as Tuesday": the earliest of days to come.
        if isWord(start - 1, .asWord), spells(start - 2, Self.soon), isWord(start - 3, .asWord) { return true }
        if putsOff(start) || isScheduledByBe(start) || isArrangedByToBe(start) || isDelivery(start) { return true }
        let from = max(0, start - 8)
        let outside = start < 8 ? tokens.first.map { Array(tokens(before: $0.start, count: 8 - start)) } ?? [] : []
        let window = outside + tokens[from..<start]
        let forward = window.indices.last { at in
            guard at >= outside.count else { return window[at].word.pointsForward }
            let index = from + at - outside.count
            return window[at].word.pointsForward || schedules(index) || plans(index)
        }
        // A verb in the past tense between the word and the date has a clause of its own: "will release the prisoners
        // who were captured in March".
        if let forward, !hasPastVerb(window[(forward + 1)...]) { return true }
        // After the date, not a word that modifies a noun of its own: "asked for a visa Thursday for the expected visit".
        // Nor after a verb in the past tense that the date belongs to: "In September, it announced plans to acquire".
        guard let after = (end..<min(tokens.count, end + 6)).first(where: { at in
            ((tokens[at].word.pointsForward && !isPastPlan(at)) || plans(at))
                && ![Word.the, .a, .an, .his, .her, .its, .their, .our].contains(word(at - 1))
        }) else { return false }
        // Nor the verb of a clause that "that" opens after the date: "a statement in July that the decision would be
        // taken in October" (tester19 #2: July went to the next year).
        if tokens[end..<after].contains(where: { $0.word == .that }) { return false }
        return !hasPastVerb(tokens[end..<after])
    }

    /// Whether `words` hold a verb in the past tense, listed or ending in "ed", other than a participle after "be"
    /// ("will be held on ...", "will be named commander").
    private func hasPastVerb(_ words: ArraySlice<Token>) -> Bool {
        words.indices.contains { at in
            guard at == words.startIndex || words[at - 1].word != .be else { return false }
            return words[at].word.marksPast || words[at].word.reportsPastSpeech
                || endsInPastTense(words[at], before: at + 1 < words.endIndex ? words[at + 1] : nil)
        }
    }

    /// The tense of a day or month without a year at tokens `start..<end`: past right after a verb in the past tense
    /// ("decided on Feb. 11 that a ground war would be necessary"); future as `speaksOfFuture` says; unmarked
    /// when the date ends a span or a deadline ("extended to Nov. 20", "until March 6", "by Dec. 15"); past with a
    /// listed verb in the past tense among the six tokens around, other than one of reported speech ("said", "told":
    /// the saying is past, not what is said), or a verb ending in "ed" among the six before or the three after
    /// ("rained in March", "On February 5 the talks ended"); else unmarked.
    private func tense(_ start: Int, _ end: Int) -> Tense {
        if isWord(start - 1, .since) || followsPastVerb(start) { return .past }
        if token(end - 1)?.kind == .number, isArrangementToldInThePast(start) || isRequested(start) { return .unmarked }
        if speaksOfFuture(start, end) { return .future }
        // "gave no reason for the Jan. 14 deadline": a deadline is as often ahead as behind, whatever the verb's tense.
        if spells(end, Self.deadlines) { return clauseIsFuture(start) ? .future : .unmarked }
        // "On Friday, the Kenyan government planned to pay": the planning's day ("planned to leave on Thursday" is the leaving's).
        if (end..<min(tokens.count, end + 6)).contains(where: isPastPlan) { return .past }
        let before = isWord(start - 1, .on) || isWord(start - 1, .inWord) ? start - 2 : start - 1
        if let word = word(before), word.endsSpan { return clauseIsFuture(start) ? .future : .unmarked }
        // The six tokens before may lie before the stretch scanned around the date: they are read from the text.
        var preceding = Array(tokens[max(0, start - 6)..<start])
        if start < 6, let first = tokens.first { preceding = Array(tokens(before: first.start, count: 6 - start)) + preceding }
        let following = Array(tokens[end..<min(tokens.count, end + 6)])
        let listed = { (token: Token) in token.word.marksPast && !token.word.reportsPastSpeech }
        if preceding.contains(where: listed) || following.contains(where: listed) { return .past }
        let near = preceding + following.prefix(3)
        // "has called for early elections on April 24": a verb of the present perfect tells of no day of its own.
        let perfect = { (at: Int) in at > 0 && near[at - 1].kind == .word && near[at - 1].word == .other && near[at - 1].length <= 4
            && Self.perfectAuxiliaries.contains(String(decoding: self.text[near[at - 1].start..<near[at - 1].end], as: UTF8.self).lowercased()) }
        if near.indices.contains(where: { !perfect($0) && endsInPastTense(near[$0], before: near.indices.contains($0 + 1) ? near[$0 + 1] : nil) }) {
            return .past
        }
        return clauseIsFuture(start) ? .future : .unmarked
    }

    /// Whether "since" stands right before token `index` ("ever since") and no "had" of the past perfect among the eight
    /// tokens before it: "has fallen since 2016", "has had a presence since 2002", "Since 1985, nearly 200 soldiers have
    /// been killed" run up to now; "had been arrested in several states since 1990" up to a time of the story, which the
    /// words do not say.
    func followsSinceInThePresent(_ index: Int) -> Bool {
        guard isWord(index - 1, .since), let since = token(index - 1) else { return false }
        let before = tokens(before: since.start, count: 8)
        return !before.indices.contains { at in
            before[at].word == .had && !(at > before.startIndex && spelling(before[at - 1]).map(Self.perfectAuxiliaries.contains) == true)
        }
    }

    /// The word `token` spells, in lower case, when it is a short word no list of `Word` knows.
    private func spelling(_ token: Token) -> String? {
        guard token.kind == .word, token.word == .other, token.length <= 12 else { return nil }
        return String(decoding: text[token.start..<token.end], as: UTF8.self).lowercased()
    }

    private static let perfectAuxiliaries: Set<String> = ["has", "have"]

    /// Verbs of asking for something, before "for": what is asked for is still to come when it is asked. A user adds
    /// another here.
    private static let requesting: Set<String> = ["called", "asked", "pressed", "pushed", "appealed", "petitioned", "lobbied",
                                                  "campaigned", "clamoured", "clamored"]

    /// Whether a verb of asking and "for" stand among the six tokens before token `start`, with no other verb in the
    /// past tense between them and the day: "The opposition asked for a vote on April 24", "has called for early
    /// elections on April 24". The day is the vote's, which the asking does not place: the nearer one is meant.
    private func isRequested(_ start: Int) -> Bool {
        guard start > 1, let asking = (max(1, start - 6)..<start).last(where: { isWord($0, .forWord) && spells($0 - 1, Self.requesting) })
        else { return false }
        return !((asking + 1)..<start).contains { at in
            tokens[at].word.marksPast || endsInPastTense(tokens[at], before: at + 1 < tokens.count ? tokens[at + 1] : nil)
        }
    }

    /// Whether the last word that looks ahead among the eight tokens before token `start` is an arrangement told in the
    /// past tense: "Brexit was due on March 29", "were scheduled for May 2 but collapsed", "had planned to leave on
    /// March 29", "had been expected on Friday". What was arranged may be over or still to come, so a day is placed
    /// as one the words do not mark (the nearer of the two), neither forward from "due" nor back from "was"; a month
    /// ("was planned for early March") is still read ahead.
    private func isArrangementToldInThePast(_ start: Int) -> Bool {
        var window = Array(tokens[max(0, start - 8)..<start])
        if start < 8, let first = tokens.first { window = Array(tokens(before: first.start, count: 8 - start)) + window }
        guard let arranged = window.lastIndex(where: { $0.word.pointsForward }),
              [Word.due, .expected, .scheduled, .planned].contains(window[arranged].word), arranged > 0 else { return false }
        var verb = arranged - 1
        let spelled = { (token: Token) in String(decoding: self.text[token.start..<token.end], as: UTF8.self).lowercased() }
        if window[verb].kind == .word, window[verb].word == .other, spelled(window[verb]) == "been", verb > 0 { verb -= 1 }
        return [Word.was, .were, .had].contains(window[verb].word)
    }

    /// Whether "will" or "shall" farther back in the sentence (up to 24 tokens) governs token `start`: no verb in the
    /// past tense, listed or ending in "ed", stands between them ("Collins will be named commander of the Space
    /// Shuttle Columbia for a mission in December", "Qantas will almost double its flights between Australia and
    /// India by August"; not "will release prisoners who were captured in March").
    private func clauseIsFuture(_ start: Int) -> Bool {
        var words = Array(tokens[max(0, start - 24)..<start])
        if start < 24, let first = tokens.first { words = Array(tokens(before: first.start, count: 24 - start)) + words }
        guard let will = words.lastIndex(where: { $0.word == .will || $0.word == .shall || $0.word == .ll }) else { return false }
        return !hasPastVerb(words[(will + 1)...])
    }

    /// Whether the day at token `index` closes a span under a modal verb, with no verb in the past tense between them:
    /// "it could take until at least Friday to tally all votes", "the count may last until Tuesday" (said on a Thursday,
    /// the coming Friday and Tuesday); not "the polls stayed open until Friday".
    private func isDeadlineAhead(_ index: Int) -> Bool {
        var before = index - 1
        if spells(before, Self.least), isWord(before - 1, .at) { before -= 2 }
        guard let closing = word(before), closing.endsSpan, closing != .to, before > 0 else { return false }
        var window = Array(tokens[max(0, before - 8)..<before])
        if before < 8, let first = tokens.first { window = Array(tokens(before: first.start, count: 8 - before)) + window }
        guard let modal = window.lastIndex(where: { token in
            token.kind == .word && (token.word == .may ? !token.isCapitalised
                : token.word == .other && token.length <= 6
                    && Self.modals.contains(String(decoding: text[token.start..<token.end], as: UTF8.self).lowercased()))
        }) else { return false }
        return !hasPastVerb(window[(modal + 1)...])
    }

    /// Modal verbs of what may yet happen ("may" in lower case is one too); "will" and "would" point forward of themselves.
    private static let modals: Set<String> = ["could", "might", "can", "must", "should"]

    private static let least: Set<String> = ["least"]

    /// Whether a verb in the past tense stands right before token `index`, or before an "on" there: "said on Tuesday
    /// that Iraq would retaliate", "was announced Wednesday, they have said they will appeal". The verb dates the day,
    /// whatever a later clause says of the future; not a participle after "be" ("will be held on the first Monday").
    private func followsPastVerb(_ index: Int) -> Bool {
        let verb = isWord(index - 1, .on) ? index - 2 : index - 1
        let token: Token
        if verb >= 0 {
            if isWord(verb - 1, .be) { return false }
            token = tokens[verb]
        } else if let first = tokens.first, let before = tokens(before: first.start, count: -verb).first {
            token = before
        } else {
            return false
        }
        return token.word.marksPast || token.word.reportsPastSpeech || endsInPastTense(token, before: nil)
    }

    /// Words after a verb rather than after an adjective: "redeemed its shares", "stepped down".
    private static let afterVerb: Set<String> = ["its", "his", "her", "their", "our", "my", "your", "it", "him", "them",
                                                 "us", "me", "down", "up", "out", "off", "over", "back", "away"]

    /// Whether `token` is a verb in the past tense by its ending: a lower-case word of five letters or more ending in
    /// "ed" but not "eed" ("rained", "resigned", "ended"), not "hundred", and not before another lower-case word the
    /// list does not know, where it is mostly an adjective ("preferred shares", "limited edition"), unless that word
    /// is a pronoun or a particle (`afterVerb`).
    private func endsInPastTense(_ token: Token, before next: Token?) -> Bool {
        guard token.kind == .word, token.word == .other, !token.isCapitalised, token.length >= 5 else { return false }
        let letter = { (back: Int) in self.text[token.end - back] | 0x20 }
        guard letter(2) == UInt8(ascii: "e"), letter(1) == UInt8(ascii: "d"), letter(3) != UInt8(ascii: "e"),
              !(token.length == 7 && letter(7) == UInt8(ascii: "h") && letter(3) == UInt8(ascii: "r")) else { return false }
        guard let next, next.kind == .word, next.word == .other, !next.isCapitalised else { return true }
        return Self.afterVerb.contains(String(decoding: text[next.start..<next.end], as: UTF8.self))
    }

    /// Whether a verb in the past tense ("spoke", "was") stands among the six tokens before or after tokens `start..<end`.
    private func speaksOfPast(_ start: Int, _ end: Int) -> Bool {
        tokens[max(0, start - 6)..<min(tokens.count, end + 6)].contains { $0.word.marksPast }
    }

    /// Up to `count` tokens of the text just before byte `offset`, within its sentence: not past a line break, nor
    /// a full stop, question or exclamation mark followed by a space, and at most 160 bytes back.
    private func tokens(before offset: Int, count: Int) -> ArraySlice<Token> {
        var from = offset
        let limit = max(0, offset - 160)
        while from > limit {
            let byte = text[from - 1]
            if byte == UInt8(ascii: "\n") { break }
            if from < offset, text[from] == UInt8(ascii: " "),
               byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") { break }
            from -= 1
        }
        var found: [Token] = []
        Tokenizer.tokens(in: text, from..<offset, into: &found)
        return found.suffix(count)
    }

    /// "December 2020", "Dec. 2020", "May of 2021", "January nineteen ninety-seven"; "June last year", "April next
    /// year", "February this year" (the month of the publication year, or the one before or after).
    private func monthYear(_ index: Int) -> RuleMatch? {
        guard let (m, afterMonth) = monthName(index) ?? lowerCaseMonthBeforeYear(index) else { return nil }
        // "Dec-2018", "Dec/2018" as forms and tables write them.
        let joined = (isSymbol(afterMonth, "-", glued: true) || isSymbol(afterMonth, "/", glued: true)) && isGlued(afterMonth + 1)
        let yearIndex = isSymbol(afterMonth, ",") || isWord(afterMonth, .of) || joined ? afterMonth + 1 : afterMonth
        if let y = year(yearIndex), !joined || !isGlued(yearIndex + 1) || token(yearIndex + 1)?.kind == .symbol && !isGlued(yearIndex + 2) {
            return stated(Period.month(y, m), yearIndex + 1, "month-year")
        }
        // "Jan '80", "in March '03"; "April of 87" where nothing but punctuation follows ("in May of 45 people" counts).
        if !joined, let y = shortYear(yearIndex) { return stated(Period.month(y, m), yearIndex + 2, "month-year") }
        if isWord(afterMonth, .of), let y = closingShortYear(yearIndex) { return stated(Period.month(y, m), yearIndex + 1, "month-year") }
        if let spelled = spelledYear(yearIndex), case .stated(let year) = spelled.reading {
            return stated(Period.month(year.start.year, m), spelled.end, "month-year")
        }
        guard monthName(index, fullOnly: true) != nil, let offset = word(yearIndex)?.offset, isWord(yearIndex + 1, .year),
              !isSymbol(yearIndex + 2, "'", glued: true) else { return nil }
        return RuleMatch(end: yearIndex + 2, reading: .partialYear(firstMonth: m, lastMonth: m, offset: offset, granularity: .month),
                         rule: "month-of-relative-year")
    }

    /// "11/2016", "3-2015": a month's number and a year joined by a slash or a hyphen; not part of a longer run of
    /// numbers ("3/4/2019", "1-3-2015-7") nor a numbered document's ("Law No. 11/2016").
    private func numberedMonthYear(_ index: Int) -> RuleMatch? {
        guard let m = number(index, digits: 1...2), (1...12).contains(m), let separator = token(index + 1),
              separator.kind == .symbol, separator.symbol == UInt8(ascii: "/") || separator.symbol == UInt8(ascii: "-"),
              isGlued(index + 1), isGlued(index + 2), let y = year(index + 2) else { return nil }
        if isGlued(index), !isSymbol(index - 1, "(") { return nil }
        if isGlued(index + 3), !isSymbol(index + 3, ".") && !isSymbol(index + 3, ",") && !isSymbol(index + 3, ")")
            || isGlued(index + 4) && token(index + 4)?.kind == .number { return nil }
        var labelIndex = index - 1
        while isSymbol(labelIndex, ".") || isSymbol(labelIndex, "#") { labelIndex -= 1 }
        if word(labelIndex)?.labelsNumber == true { return nil }
        return stated(Period.month(y, m), index + 3, "month-year")
    }

    /// "2016 November", "in 2017 April": a year, then a month's full name (not "May" or "March", which may begin a
    /// clause: "In 2016 May said") with no day after it ("2016 November 8" is read from the month). "2024 Aug", "2023
    /// Sept" abbreviated (capitalised) only where the clause ends after it: "In 2016 Jan said" names someone.
    private func yearMonth(_ index: Int) -> RuleMatch? {
        guard let y = year(index), let month = token(index + 1), month.spaced, month.kind == .word,
              month.word != .may, month.word != .march, let (m, afterMonth) = monthName(index + 1),
              monthName(index + 1, fullOnly: true) != nil || endsClause(afterMonth),
              dayOfMonth(afterMonth) == nil, word(afterMonth)?.ordinal == nil, bareYear(index) != nil else { return nil }
        return stated(Period.month(y, m), afterMonth, "year-month")
    }

    /// "feb 1979", "oct 1, 1980", "jan '80", "sun, nov 21 2010": a month's abbreviation in lower case, and the token
    /// after it, where a year follows it, alone or after a day, as typed notes and forms write dates. Elsewhere a
    /// lower-case "jan" or "dec" is left alone, and "mar" always (a verb: "to mar 2019's celebrations").
    private func lowerCaseMonthBeforeYear(_ index: Int) -> (month: Int, next: Int)? {
        guard let token = token(index), token.kind == .word, !token.isCapitalised, !token.word.isFullMonth, token.word != .mar,
              let month = token.word.month else { return nil }
        let next = isSymbol(index + 1, ".", glued: true) ? index + 2 : index + 1
        var yearIndex = next
        if let (_, afterDay) = dayOfMonth(next) { yearIndex = isSymbol(afterDay, ",") ? afterDay + 1 : afterDay }
        guard year(yearIndex) != nil || shortYear(yearIndex) != nil else { return nil }
        return (month, next)
    }

    /// The token of the year after a day and month at `index`: there, after a comma, "in" or "of" ("July 4th of 1995"),
    /// after "in the year" or "of the year" ("the first of December in the year 1980"), and after an era ("A.D.").
    private func yearIndex(after index: Int) -> Int {
        let joined = isSymbol(index, ",") || isWord(index, .inWord) || isWord(index, .of) ? index + 1 : index
        if joined > index, isWord(joined, .the), isWord(joined + 1, .year), year(joined + 2) != nil { return joined + 2 }
        return afterEra(joined)
    }

    /// Whether a word that labels numbers ("No.", "Chapter") or a capitalised name ("Figure", "Table") stands before the
    /// number at `index`.
    private func numberIsLabelled(_ index: Int) -> Bool {
        var labelIndex = index - 1
        while isSymbol(labelIndex, ".") || isSymbol(labelIndex, "#") { labelIndex -= 1 }
        guard let label = token(labelIndex), label.kind == .word else { return false }
        return label.word.labelsNumber || label.word == .other && label.isCapitalised
    }

    /// "the third month of 2021", "the 9th month of next year": a month by its number in a year (the year alone was read,
    /// an answer of the wrong size).
    private func numberedMonthOfYear(_ index: Int) -> RuleMatch? {
        guard let (n, afterOrdinal) = ordinal(index + 1), (1...12).contains(n), isWord(afterOrdinal, .month), isWord(afterOrdinal + 1, .of)
        else { return nil }
        let yearIndex = afterOrdinal + 2
        if let y = year(yearIndex) { return stated(Period.month(y, n), yearIndex + 1, "numbered-month") }
        guard let offset = word(yearIndex)?.offset, isWord(yearIndex + 1, .year) else { return nil }
        return RuleMatch(end: yearIndex + 2, reading: .partialYear(firstMonth: n, lastMonth: n, offset: offset, granularity: .month),
                         rule: "numbered-month")
    }

    /// Whether the text ends at token `index`, or a mark that ends a clause stands there (`.`, `,`, `;`, `)`, `!`, `?`).
    private func endsClause(_ index: Int) -> Bool {
        guard let next = token(index) else { return true }
        return next.kind == .symbol && Self.closingPunctuation.contains(next.symbol) && next.symbol != UInt8(ascii: "\"")
            && next.symbol != UInt8(ascii: "'")
    }

    /// Two months sharing the year written after the second: "between January and March 2020", "from January to
    /// March 2020", "January-March 2020" (the months from the first to the second; "December to February 2020"
    /// starts in 2019), "in March and April 2019" (one span, as "2019 and 2020" is), "in April and July, 1844" (April
    /// of 1844; "July, 1844" is read after it). Without it the first month was placed from the publication date.
    private func monthsOfAYear(_ index: Int) -> RuleMatch? {
        let between = isWord(index, .between)
        let introduced = between || isWord(index, .from)
        let firstIndex = introduced ? index + 1 : index
        guard let (first, joiner) = monthName(firstIndex) else { return nil }
        // "Theresa May and March 2019": a capitalised "May" or "March" after a name is no month.
        if word(firstIndex) == .may || word(firstIndex) == .march, word(firstIndex - 1)?.introducesMonth != true,
           token(firstIndex - 1)?.isCapitalised == true { return nil }
        let isRange: Bool
        if isSymbol(joiner, "-") || isWord(joiner, .to) || isWord(joiner, .through) || isWord(joiner, .until) || isWord(joiner, .till) {
            isRange = !between
        } else if isWord(joiner, .and) || isWord(joiner, .or) {
            guard !isWord(index, .from) else { return nil }
            isRange = between
        } else {
            return nil
        }
        guard let (last, afterLast) = monthName(joiner + 1, afterDayOf: true), last != first else { return nil }
        let yearIndex = isSymbol(afterLast, ",") || isWord(afterLast, .of) ? afterLast + 1 : afterLast
        guard let year = year(yearIndex), isPlainYear(yearIndex) else { return nil }
        if isRange || last == first + 1 {
            return stated(Period.months(first <= last ? year : year - 1, first, year, last, granularity: .month), yearIndex + 1,
                          "month-range")
        }
        return introduced ? nil : stated(Period.month(year, first), joiner, "month-sharing-year")
    }

    /// "In May", "that August", "last May", "early May", "mid-May 2021".
    private func monthAlone(_ index: Int) -> RuleMatch? {
        if let (part, monthIndex) = third(index), let match = monthThird(.third(part), at: monthIndex, from: index) { return match }
        if let modifier = word(index), let (m, afterMonth) = monthName(index + 1, fullOnly: true) {
            switch modifier {
            case .that:
                return RuleMatch(end: afterMonth, reading: .partialMonth(month: m, part: nil, tense: .past), rule: "that-month")
            case .last, .this, .next:
                let offset = modifier == .last ? -1 : modifier == .next ? 1 : 0
                // "the fiscal year which ended last June 30".
                if offset != 0, let (day, afterDay) = dayOfMonth(afterMonth) {
                    return RuleMatch(end: afterDay, reading: .deictic(.daysOfNamedMonth(m, days: day...day, offset: offset)),
                                     rule: "day-month-last-next")
                }
                return RuleMatch(end: afterMonth, reading: .deictic(.namedMonth(m, offset: offset)), rule: "relative-month-name")
            default:
                break
            }
        }
        // "March after next": the one after next March.
        if let (m, afterMonth) = monthName(index, fullOnly: true), isWord(afterMonth, .after), isWord(afterMonth + 1, .next) {
            return RuleMatch(end: afterMonth + 2, reading: .deictic(.namedMonth(m, offset: 2)), rule: "relative-month-name")
        }
        guard let (m, afterMonth) = monthName(index, fullOnly: true) else { return nil }
        if let offset = monthAfterLastOrNext(afterMonth) {
            return RuleMatch(end: afterMonth + 1, reading: .deictic(.namedMonth(m, offset: offset)), rule: "month-last-next")
        }
        if let (months, end) = timeAhead(afterMonth) {
            return RuleMatch(end: end, reading: .yearAhead(.month(m), months: months), rule: "month-ahead")
        }
        // "a June agreement", "the March accession": a capitalised month before a noun, after an article.
        let modifies = [Word.a, .an, .the].contains(word(index - 1)) && token(index)?.isCapitalised == true
            && token(afterMonth).map { $0.kind == .word && $0.word == .other && !$0.isCapitalised } == true
        guard modifies || word(index - 1)?.introducesMonth == true else { return nil }
        return RuleMatch(end: afterMonth, reading: .partialMonth(month: m, part: nil, tense: tense(index, afterMonth)),
                         rule: "month")
    }

    /// -1 or +1 when "last" or "next" at `index` follows a month as older speeches write it ("in June last", "the 1st
    /// of January next"): the one before or after the document's month. Not before a unit ("June last year" is
    /// another rule's), "next to" or a noun "last" describes ("in June last time"); "in May last to examine" is read.
    private func monthAfterLastOrNext(_ index: Int) -> Int? {
        guard let word = word(index), word == .last || word == .next, token(index)?.isCapitalised == false else { return nil }
        if let after = token(index + 1), after.kind == .word,
           spells(index + 1, Self.afterLastOrNext) || after.word.unit != nil || word == .next && after.word == .to
            || after.word.weekday != nil || after.word.seasonStart != nil { return nil }
        return word == .last ? -1 : 1
    }

    /// Nouns "last" or "next" describe after a month: "in June last time", "in May next session". A user adds
    /// another here.
    private static let afterLastOrNext: Set<String> = ["time", "times", "night", "season", "term", "session", "round",
                                                       "one", "ones", "stage", "phase", "meeting"]

    /// "2014-19", "2021–2022", "2015/16", "between 2015 and 2017", "from 2015 to 2017"; also "2019-02".
    private func yearRange(_ index: Int) -> RuleMatch? {
        if word(index) == .between || word(index) == .from, let first = year(index + 1) {
            let joined = word(index) == .between
                ? isWord(index + 2, .and)
                : word(index + 2).map { [Word.to, .until, .till, .through].contains($0) } == true || isSymbol(index + 2, "-")
            guard joined, let last = year(index + 3) else { return nil }
            return yearSpan(first, last, end: index + 4)
        }
        // "In 2019 and 2020" is one span; "in 2012, 2020 and 2021" a list of separate years.
        if let first = year(index), isWord(index + 1, .and), let last = year(index + 2), last == first + 1,
           !isSymbol(index - 1, ",") {
            return yearSpan(first, last, end: index + 3)
        }
        guard let first = year(index), isSymbol(index + 1, "-") || isSymbol(index + 1, "/", glued: true) else { return nil }
        if let last = year(index + 2), isSymbol(index + 1, "-") || isGlued(index + 2) {
            return yearSpan(first, last, end: index + 3)
        }
        guard isGlued(index + 1), isGlued(index + 2), let short = number(index + 2, digits: 2...2) else { return nil }
        if isGlued(index + 3), token(index + 3)?.kind != .symbol || isSymbol(index + 3, "-") || isSymbol(index + 3, "/") { return nil }
        // "September-2020-23", "2020/23/Sep": a date joined in an order the rules do not read, not a span of years.
        if isGlued(index), isSymbol(index - 1, "-") || isSymbol(index - 1, "/"), isGlued(index - 1), token(index - 2)?.kind == .word {
            return nil
        }
        let last = first / 100 * 100 + short
        if last > first { return yearSpan(first, last, end: index + 3) }
        guard (1...12).contains(short) else { return nil }
        return stated(Period.month(first, short), index + 3, "iso-month")
    }

    private func yearSpan(_ first: Int, _ last: Int, end: Int) -> RuleMatch? {
        guard first < last, last - first <= 100, word(end)?.countsThings != true else { return nil }
        return stated(Period.years(first, last, granularity: .year), end, "year-range")
    }

    /// Skips "the" and reads the part of a decade or century named before it: "early", "mid", "late", "the end of
    /// the", "the beginning of the", "the middle of the" (a third), "the first half of the", "the second half of the";
    /// where the decade or century starts, and the part.
    private func partAfterThe(_ index: Int) -> (Int, SpanPart?) {
        let next = skipThe(index)
        if isWord(next + 1, .of), isWord(next + 2, .the) {
            switch word(next) {
            case .beginning, .start: return (next + 3, .third(.early))
            case .middle: return (next + 3, .third(.middle))
            case .end: return (next + 3, .third(.late))
            default: break
            }
        }
        if let ordinal = word(next)?.ordinal, ordinal <= 2, isWord(next + 1, .half), isWord(next + 2, .of), isWord(next + 3, .the) {
            return (next + 4, .half(ordinal))
        }
        if let (part, after) = third(next) { return (after, .third(part)) }
        return (next, nil)
    }

    /// "the 1960s", "the early 2000s", "1960's"; "the 1800s" is a century.
    private func decade(_ index: Int) -> RuleMatch? {
        var (next, part) = partAfterThe(index)
        let apostrophe = isSymbol(next, "'") && isGlued(next + 1)
        if apostrophe { next += 1 }
        let value: Int
        if let full = year(next), !apostrophe {
            value = full
        } else if let short = number(next, digits: 2...2), next > index || apostrophe {
            // "the 70s", "'90s": 1900s, but "the 00s" and "the 10s" are of this century.
            value = short <= 10 ? 2000 + short : 1900 + short
        } else {
            return nil
        }
        guard value % 10 == 0 else { return nil }
        let end: Int
        if isWord(next + 1, .s), isGlued(next + 1) {
            end = next + 2
        } else if isSymbol(next + 1, "'", glued: true), isWord(next + 2, .s), isGlued(next + 2) {
            end = next + 3
        } else {
            return nil
        }
        // "Highs will be in the 70s", "temperatures climbed into the mid-80s": degrees, not a decade.
        if token(next)?.length == 2, speaksOfWeather(index, end) { return nil }
        let isHundreds = value % 100 == 0 && value < 2000 && token(next)?.length == 4
        let span = isHundreds
            ? Period.years(value, value + 99, granularity: .century)
            : Period.years(value, value + 9, granularity: .decade)
        return stated(part.flatMap { span?.part($0) } ?? span, end, isHundreds ? "hundreds" : "decade")
    }

    /// Words of the weather, which give a number of two digits in "the 70s" to degrees. A user adds another here.
    private static let weather: Set<String> = ["temperature", "temperatures", "temps", "highs", "lows", "degrees",
                                               "fahrenheit", "celsius", "weather", "mercury", "thermometer", "humidity",
                                               "forecast", "forecasts", "heat", "warm", "cool", "hot", "cold", "chilly"]

    /// Whether a word of the weather stands among the eight tokens before tokens `start..<end` (read from the text when
    /// they lie before the stretch scanned) or the six after.
    private func speaksOfWeather(_ start: Int, _ end: Int) -> Bool {
        var around = Array(tokens[max(0, start - 8)..<start])
        if start < 8, let first = tokens.first { around = Array(tokens(before: first.start, count: 8 - start)) + around }
        around += tokens[end..<min(tokens.count, end + 6)]
        return around.contains { token in
            token.kind == .word && token.word == .other && token.length <= 12
                && Self.weather.contains(String(decoding: text[token.start..<token.end], as: UTF8.self).lowercased())
        }
    }

    /// "the seventies", "the nineteen seventies", "the late eighties" (of the 1900s).
    private func spelledDecade(_ index: Int) -> RuleMatch? {
        let (start, part) = partAfterThe(index)
        guard start > index else { return nil }
        // "the nineteen seventies", "the nineteen-seventies".
        let next = isWord(start, .nineteen) ? (isSymbol(start + 1, "-", glued: true) ? start + 2 : start + 1) : start
        guard let offset = word(next)?.decadeOfCentury,
              let span = Period.years(1900 + offset, 1909 + offset, granularity: .decade) else { return nil }
        return stated(part.map { span.part($0) } ?? span, next + 1, "decade")
    }

    /// "the 19th century", "the late 19th century", "the twentieth century", "the twenty-first century"; not a
    /// century counted from something else ("the first century of our national existence", "of the Republic")
    /// unless that is the era ("of the Christian era"), nor one that belongs to someone ("our third century"), nor one
    /// before the era ("the first century BC").
    private func century(_ index: Int) -> RuleMatch? {
        var (next, part) = partAfterThe(index)
        let ordinal: Int
        if let value = number(next, digits: 1...2), let suffix = word(next + 1), isOrdinal(value, suffix), isGlued(next + 1) {
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
        let adjective = isSymbol(next, "-", glued: true)
        if adjective { next += 1 }
        guard (1...21).contains(ordinal), isWord(next, .century), !isWord(next + 1, .bc), !isWord(next + 1, .bce) else { return nil }
        // "a second century", "our third century": a nation's or a person's, not the calendar's ("a 19th-century house" is).
        if !adjective, let before = word(index - 1), [.a, .an, .our, .their, .its, .his, .her].contains(before) { return nil }
        if isWord(next + 1, .of), !(next + 2...next + 4).contains(where: { isWord($0, .era) }) { return nil }
        // "the third century we are beginning": a century someone lives through is the nation's, not the calendar's.
        if let after = word(next + 1), after == .we || after == .you || after == .they { return nil }
        let span = Period.years((ordinal - 1) * 100, ordinal * 100 - 1, granularity: .century)
        return stated(part.flatMap { span?.part($0) } ?? span, next + 1, "century")
    }

    /// "early 2019", "mid-2019", "the end of 2019", "the first half of 2019", "Q3 2020", "the third quarter of 2020".
    private func yearPart(_ index: Int) -> RuleMatch? {
        let next = skipThe(index)
        if let (part, yearIndex) = third(next), let y = year(yearIndex) {
            guard !isGlued(yearIndex + 1) || token(yearIndex + 1)?.kind == .symbol else { return nil }
            let first = part == .early ? 1 : part == .middle ? 5 : 9
            return stated(Period.months(y, first, y, first + 3, granularity: .season), yearIndex + 1, "year-part")
        }
        // "early this month", "late next month": a third of the month before, of or after the document's.
        if let (part, modifierIndex) = third(next), let offset = word(modifierIndex)?.offset, isWord(modifierIndex + 1, .month) {
            return RuleMatch(end: modifierIndex + 2, reading: .deictic(.partOfMonth(part, offset: offset)), rule: "month-part")
        }
        // "late last year", "early next year", "mid this year".
        if let (part, modifierIndex) = third(next), let offset = word(modifierIndex)?.offset, isWord(modifierIndex + 1, .year) {
            let first = part == .early ? 1 : part == .middle ? 5 : 9
            return RuleMatch(end: modifierIndex + 2, reading: .partialYear(firstMonth: first, lastMonth: first + 3, offset: offset,
                                                                           granularity: .season), rule: "year-part")
        }
        if let edge = word(next), isWord(next + 1, .of) {
            let months: (Int, Int, Granularity)
            switch edge {
            case .beginning, .start: months = (1, 3, .quarter)
            case .end: months = (9, 12, .season)
            case .middle: months = (5, 8, .season)
            default: return nil
            }
            if let y = year(next + 2) {
                return stated(Period.months(y, months.0, y, months.1, granularity: months.2), next + 3, "year-part")
            }
            // "the end of the year", "the beginning of next year".
            let (offset, unitIndex): (Int??, Int) = switch word(next + 2) {
            case .the: (.some(nil), next + 3)
            case .year: (.some(nil), next + 2)
            case let modifier?: (modifier.offset.map { .some($0) }, next + 3)
            case nil: (nil, next + 3)
            }
            guard let offset, isWord(unitIndex, .year) else { return nil }
            return RuleMatch(end: unitIndex + 1, reading: .partialYear(firstMonth: months.0, lastMonth: months.1, offset: offset,
                                                                       granularity: months.2), rule: "year-part")
        }
        // "4th quarter 2018", "the second half 2019": without "of" before a year.
        if let (ordinal, afterOrdinal) = ordinal(next), isWord(afterOrdinal, .quarter) || isWord(afterOrdinal, .half),
           let y = year(afterOrdinal + 1) {
            let half = isWord(afterOrdinal, .half)
            guard ordinal <= (half ? 2 : 4) else { return nil }
            let (first, last) = half ? (ordinal * 6 - 5, ordinal * 6) : (ordinal * 3 - 2, ordinal * 3)
            return stated(Period.months(y, first, y, last, granularity: .quarter), afterOrdinal + 2, half ? "half-year" : "quarter")
        }
        // "the first half of 2019", "the third quarter of next year".
        if let ordinal = word(next)?.ordinal, isWord(next + 2, .of) {
            let (months, rule): ((Int, Int)?, String) = isWord(next + 1, .half)
                ? (ordinal <= 2 ? (ordinal * 6 - 5, ordinal * 6) : nil, "half-year")
                : (isWord(next + 1, .quarter) && ordinal <= 4 ? (ordinal * 3 - 2, ordinal * 3) : nil, "quarter")
            guard let (first, last) = months else { return nil }
            if let y = year(next + 3) { return stated(Period.months(y, first, y, last, granularity: .quarter), next + 4, rule) }
            // "the second half of the year": of the story's year, else the publication's, as "the end of the year".
            let offset: Int?? = isWord(next + 3, .the) ? .some(nil) : word(next + 3)?.offset.map { .some($0) }
            guard let offset, isWord(next + 4, .year) else { return nil }
            return RuleMatch(end: next + 5, reading: .partialYear(firstMonth: first, lastMonth: last, offset: offset, granularity: .quarter),
                             rule: rule)
        }
        // "in the third quarter" of a measure reported by quarter ("Revenue fell ..."), not of a game.
        if next > index, let ordinal = word(next)?.ordinal, ordinal <= 4, isWord(next + 1, .quarter), !isWord(next + 2, .of),
           !isSymbol(next + 2, "-"), Tokenizer.containsWord(in: text, where: \.isReportedByQuarter) {
            return RuleMatch(end: next + 2, reading: .partialQuarter(ordinal, forward: speaksOfFuture(index, next + 2)),
                             rule: "quarter")
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
            // "This summer the Congress acted." in January: the summer past.
            if offset == 0, !speaksOfFuture(index, index + 2), tense(index, index + 2) == .past || StoryTense.of(text) == .past {
                return RuleMatch(end: index + 2, reading: .deictic(.seasonSoFar(startMonth: start)), rule: "relative-season")
            }
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
        case .tonight:
            // Not a name: "The Tonight Show".
            if let next = token(index + 1), next.kind == .word, next.isCapitalised { return nil }
            return RuleMatch(end: index + 1, reading: .deictic(.days(0)), rule: "relative-tonight")
        case .last, .this, .next, .current, .previous:
            guard let offset = first.offset else { return nil }
            // "last week's Sunday".
            if isWord(index + 1, .week), isSymbol(index + 2, "'", glued: true), isWord(index + 3, .s),
               let weekday = word(index + 4)?.weekday {
                return RuleMatch(end: index + 5, reading: .deictic(.weekdayOfWeek(weekday, offset: offset)), rule: "relative-weekday")
            }
            // "next week Wednesday", "last week on Sunday", "previous week - Monday": that weekday of that week; not "the
            // previous week", counted from the story's time.
            if isWord(index + 1, .week), !isWord(index - 1, .the) {
                let dayIndex = isWord(index + 2, .on) || isSymbol(index + 2, "-") ? index + 3 : index + 2
                if let (weekday, afterWeekday) = weekdayName(dayIndex), !namesDay(dayIndex) {
                    return RuleMatch(end: afterWeekday, reading: .deictic(.weekdayOfWeek(weekday, offset: offset)), rule: "relative-weekday")
                }
            }
            // "this morning", "this evening" are of the publication's day, "last night" of the day before; not "This
            // Morning" (a programme's name).
            if let part = token(index + 1), part.kind == .word, !part.isCapitalised,
               first == .this && [Word.morning, .afternoon, .evening].contains(part.word)
                || first == .last && [Word.night, .evening].contains(part.word) {
                return RuleMatch(end: index + 2, reading: .deictic(.days(first == .this ? 0 : -1)), rule: "relative-\(first.rawValue)-\(part.word.rawValue)")
            }
            let deixis: Deixis
            switch word(index + 1) {
            case .week: deixis = .weeks(offset)
            case .month: deixis = .months(offset)
            case .year: deixis = .years(offset)
            case .quarter: deixis = .quarters(offset)
            default: return nil
            }
            let rule = "relative-\(first.rawValue)-\(word(index + 1)?.rawValue ?? "")"
            // "the next year", "the previous month": from the story's time when there is one ("In 1990 she married. The
            // next year she divorced."), as "the following year"; "next year" alone is the publication's.
            if first == .next || first == .previous, isWord(index - 1, .the), let unit = word(index + 1)?.unit, !compares(before: index - 1) {
                return RuleMatch(end: index + 2, reading: .nextToStory(offset, unit, else: deixis), rule: rule)
            }
            return RuleMatch(end: index + 2, reading: .deictic(deixis), rule: rule)
        case .eoy, .eom:
            // "EOY", "by EOM": the end of this year or month, written in capitals only.
            guard let token = token(index), text[token.start + 1] < 0x61, text[token.start + 2] < 0x61, token.isCapitalised
            else { return nil }
            let reading: Reading = first == .eoy
                ? .partialYear(firstMonth: 9, lastMonth: 12, offset: 0, granularity: .season)
                : .deictic(.partOfMonth(.late, offset: 0))
            return RuleMatch(end: index + 1, reading: reading, rule: "relative-\(first.rawValue)")
        case .earlier, .later:
            guard isWord(index + 1, .this), let unit = word(index + 2), unit == .year || unit == .month else { return nil }
            let earlier = first == .earlier
            let deixis: Deixis = unit == .year ? .restOfYear(earlier: earlier) : .restOfMonth(earlier: earlier)
            return RuleMatch(end: index + 3, reading: .deictic(deixis), rule: "relative-\(first.rawValue)-this-\(unit.rawValue)")
        default:
            return nil
        }
    }

    /// Whether one of the six words before token `index` (figures between them aside) compares or says what figures
    /// are for ("less than at the same time in the previous year", "as against $36,394,976.92 for the previous year",
    /// "below those of the previous year", "The deficiency for the previous year was"): a report's figures set against
    /// the year before its own, not a story's next step.
    private func compares(before index: Int) -> Bool {
        guard let first = token(index) else { return false }
        return tokens(before: first.start, count: 24).filter { $0.kind == .word }.suffix(6).contains { token in
            token.length <= 8 && Self.comparing.contains(String(decoding: text[token.start..<token.end], as: UTF8.self).lowercased())
        }
    }

    /// Words that set a figure against another's time. A user adds another here.
    private static let comparing: Set<String> = ["than", "against", "compared", "versus", "vs", "over", "those", "that", "of", "for"]

    /// "on Saturday", "last Friday", "next Monday", "this coming Monday", "Monday, Feb 18" (the date wins).
    private func weekday(_ index: Int) -> RuleMatch? {
        let modifier = word(index)
        var dayIndex = index
        var direction = Direction.recent
        switch modifier {
        case .last, .past: (dayIndex, direction) = (index + 1, .last)
        case .next, .coming: (dayIndex, direction) = (index + 1, .next)
        case .this: (dayIndex, direction) = isWord(index + 1, .coming) ? (index + 2, .next) : (index + 1, .this)
        default: break
        }
        let modified = dayIndex > index ? modifiedAbbreviatedWeekday(dayIndex) : nil
        guard let (weekday, afterWeekday) = modified ?? weekdayName(dayIndex), !namesDay(dayIndex) else { return nil }
        // "Palm Sunday 2013", "Super Tuesday 2020", "lazarus saturday 2018": a weekday right before a year is a day's
        // name; a year alone cannot place a weekday.
        if afterWeekday == dayIndex + 1, isPlainYear(afterWeekday) { return nil }
        let abbreviated = afterWeekday > dayIndex + 1 || token(dayIndex)?.word.weekday == nil
        if dayIndex == index {
            // "Monday, Feb 18", "Monday (Feb. 13)": the weekday and its date are one day.
            let bracketed = isSymbol(afterWeekday, "(")
            let dateIndex = isSymbol(afterWeekday, ",") || bracketed ? afterWeekday + 1 : afterWeekday
            if var date = [monthFirst(dateIndex), dayFirst(dateIndex)].compactMap({ $0 }).max(by: { $0.end < $1.end }),
               !bracketed || isSymbol(date.end, ")") {
                if case .partialDay(let month, let days, let tense, _) = date.reading, days.count == 1 {
                    date.reading = .partialDay(month: month, days: days, tense: tense, weekday: weekday)
                }
                if bracketed { date.end += 1 }
                return date
            }
        }
        // "Sun", "Sat" and "Wed" are also words: an abbreviation is a weekday only before a date, or after "next", "last"...
        if abbreviated, modified == nil { return nil }
        if dayIndex == index, namesRecurringDay(index) { return nil }
        // "Tuesday the 19th", "on Friday 13th", "Wednesday the thirty-first": the nearest month where that day falls on
        // that weekday.
        let dayStart = skipThe(index + 1)
        let numbered = dayOfMonth(dayStart).flatMap { $0.next - dayStart == 2 ? $0 : nil }
        if dayIndex == index, let (day, afterDay) = numbered ?? (dayStart > index + 1 ? ordinalWordDay(dayStart) : nil),
           word(afterDay)?.month == nil, !isWord(afterDay, .of) {
            return RuleMatch(end: afterDay, reading: .deictic(.weekdayDay(weekday, day: day, forward: speaksOfFuture(index, afterDay))),
                             rule: "weekday-day")
        }
        // "Wednesday of next week", "Friday last week", "Sunday from last week".
        let weekIndex = isWord(dayIndex + 1, .of) || isWord(dayIndex + 1, .from) ? dayIndex + 2 : dayIndex + 1
        if dayIndex == index, let modifier = word(weekIndex), modifier == .last || modifier == .this || modifier == .next,
           isWord(weekIndex + 1, .week) {
            let offset = modifier == .last ? -1 : modifier == .next ? 1 : 0
            return RuleMatch(end: weekIndex + 2, reading: .deictic(.weekdayOfWeek(weekday, offset: offset)), rule: "relative-weekday")
        }
        // "Wednesday after next": the one after next Wednesday; "Monday before last" the one before last Monday.
        if direction == .recent, isWord(dayIndex + 1, .after), isWord(dayIndex + 2, .next) {
            return RuleMatch(end: dayIndex + 3, reading: .deictic(.weekdayLater(weekday, weeks: 1)), rule: "relative-weekday")
        }
        if direction == .recent, isWord(dayIndex + 1, .before), isWord(dayIndex + 2, .last) {
            return RuleMatch(end: dayIndex + 3, reading: .deictic(.weekdayLater(weekday, weeks: -2)), rule: "relative-weekday")
        }
        // "the following Monday", "the previous Monday": counted from the story's day, which a weekday alone cannot say.
        if dayIndex == index, let before = word(index - 1), before == .following || before == .previous { return nil }
        let bare = direction == .recent && !followsPastVerb(index) && !isWord(index - 1, .since)
        if bare || direction == .this, speaksOfFuture(index, dayIndex + 1) || isDeadlineAhead(index) {
            direction = .next
        } else if bare, !isSymbol(dayIndex + 1, "'", glued: true), !modifiesNoun(index),
                  StoryTense.speaksOnlyOfPresent(UnsafeBufferPointer(rebasing: text[reportedClause(before: index)...])) {
            // "The vote is Friday.", "The talks begin Monday.", "Officials said the talks begin Monday.": news tells what
            // is to come in the present tense, and reports it so ("over Thursday's closing price", "to blame for the
            // outage on Monday" are days past, whatever the tense).
            direction = .coming
        } else if direction == .this, speaksOfPast(index, dayIndex + 1) {
            direction = .recent
        }
        return RuleMatch(end: dayIndex + 1, reading: .deictic(.weekday(weekday, direction)), rule: "relative-weekday")
    }

    /// Where the words reported by the last verb of saying before token `index` start ("Officials said | the talks
    /// begin Monday"), or the sentence's start when none is there.
    private func reportedClause(before index: Int) -> Int {
        guard let day = token(index) else { return 0 }
        return tokens(before: day.start, count: 24).last(where: { $0.word.reportsPastSpeech })?.end ?? 0
    }

    /// Things done or sold on the same weekday every week: a weekday before one of them names that custom, not a day
    /// ("Saturday grass cutting crews", "The Sunday edition", "the Friday prayers", "The Sunday Times"). A user adds
    /// another here.
    private static let weeklyThings: Set<String> = [
        "edition", "editions", "paper", "papers", "newspaper", "newspapers", "times", "telegraph", "magazine", "supplement",
        "prayer", "prayers", "service", "services", "worship", "school", "schools",
        "crew", "crews", "shift", "shifts", "class", "classes", "market", "markets", "bazaar", "schedule", "schedules",
        "hours", "opening", "openings", "closing", "closings", "club", "clubs", "league", "leagues",
    ]

    /// Whether the weekday at token `index`, not after "on", "since" or a word of direction, stands before a thing done
    /// on that weekday every week, with at most two lower-case words between them: the weekday names the custom.
    private func namesRecurringDay(_ index: Int) -> Bool {
        if let before = word(index - 1), [.on, .since, .by, .until, .till, .from, .to, .through].contains(before) { return false }
        if isSymbol(index + 1, "'", glued: true) { return false }
        for next in (index + 1)...(index + 3) {
            guard let token = token(next), token.kind == .word, token.word == .other else { return false }
            if spells(next, Self.weeklyThings) { return true }
            if token.isCapitalised { return false }
        }
        return false
    }

    /// Whether the day at token `index` (after "on" or not) says when a thing named just before it happened: "the
    /// outage on Monday", "a vote Friday".
    private func modifiesNoun(_ index: Int) -> Bool {
        let noun = isWord(index - 1, .on) ? index - 2 : index - 1
        guard let determiner = word(noun - 1), token(noun)?.kind == .word else { return false }
        return [Word.the, .a, .an, .his, .her, .its, .their, .our].contains(determiner)
    }

    /// "the first Monday of October", "the last Friday in June 2019", "the second Tuesday of May".
    private func nthWeekday(_ index: Int) -> RuleMatch? {
        let first = skipThe(index)
        guard let (nth, afterOrdinal) = isWord(first, .last) ? (-1, first + 1) : ordinal(first), nth <= 5,
              let weekday = word(afterOrdinal)?.weekday, isWord(afterOrdinal + 1, .of) || isWord(afterOrdinal + 1, .inWord) else { return nil }
        // The ordinal's last token ("third", or "rd" of "3rd").
        let next = afterOrdinal - 1
        // "the first Monday of next month", "the last Friday of this month".
        if let offset = word(next + 3) == .the ? 0 : word(next + 3)?.offset, isWord(next + 4, .month) {
            return RuleMatch(end: next + 5, reading: .deictic(.nthWeekdayOfMonth(nth: nth, weekday: weekday, offset: offset)),
                             rule: "nth-weekday")
        }
        guard let (month, afterMonth) = monthName(next + 3, fullOnly: true) else { return nil }
        let yearIndex = isSymbol(afterMonth, ",") ? afterMonth + 1 : afterMonth
        if let y = year(yearIndex) {
            let day = AnchorResolver.nthWeekday(nth, weekday, month: month, year: y)
            return stated(day.map { Period(start: $0, end: $0, granularity: .day) }, yearIndex + 1, "nth-weekday")
        }
        return RuleMatch(end: afterMonth, reading: .nthWeekday(nth: nth, weekday: weekday, month: month, tense: tense(index, afterMonth)),
                         rule: "nth-weekday")
    }

    /// "the week of October 6th", "the week of Christmas": Monday to Sunday around that day. "the week after
    /// Thanksgiving", "the week before Oct. 2" are passed over whole, not read as the day.
    private func weekOf(_ index: Int) -> RuleMatch? {
        let week = skipThe(index)
        guard week > index, isWord(week, .week), let relation = word(week + 1), relation == .of || relation == .after || relation == .before,
              let day = longestSingle(at: week + 2) else { return nil }
        switch day.reading {
        case .stated(let period) where period.granularity == .day && period.start == period.end: break
        case .partialDay(_, let days, _, _) where days.count == 1: break
        case .holiday: break
        default: return nil
        }
        guard relation == .of else { return RuleMatch(end: day.end, reading: .unread, rule: "unread") }
        return RuleMatch(end: day.end, reading: .weekAround(day.reading), rule: "week-of")
    }

    /// "the weekend", "over the weekend", "last weekend", "this weekend", "next weekend", "the weekend after next",
    /// "the weekend before last".
    private func weekend(_ index: Int) -> RuleMatch? {
        guard let modifier = word(index), isWord(index + 1, .weekend) else { return nil }
        // "the last weekend of October", "the weekend of October 5th": a weekend of a month or around a date, not read,
        // and passed over whole rather than read as the month or the day.
        if isWord(index + 2, .of) || isWord(index + 2, .inWord) && monthName(index + 3) != nil {
            let date = [monthFirst(index + 3), dayFirst(index + 3), monthYear(index + 3), monthAlone(index + 3)].compactMap { $0?.end }.max()
            return date.map { RuleMatch(end: $0, reading: .unread, rule: "unread") }
        }
        if modifier == .the, isWord(index + 2, .after) && isWord(index + 3, .next) || isWord(index + 2, .before) && isWord(index + 3, .last) {
            let after = isWord(index + 2, .after)
            return RuleMatch(end: index + 4, reading: .moved(.deictic(.weekend(after ? .next : .last)), days: after ? 7 : -7, months: 0),
                             rule: "relative-weekend")
        }
        var direction: Direction
        switch modifier {
        case .the: direction = .recent
        case .last, .past: direction = .last
        case .next, .coming: direction = .next
        case .this: direction = .this
        default: return nil
        }
        if direction == .recent || direction == .this, speaksOfFuture(index, index + 2) { direction = .next }
        return RuleMatch(end: index + 2, reading: .deictic(.weekend(direction)), rule: "relative-weekend")
    }

    /// "Christmas Eve", "Easter 2010", "Thanksgiving Day, 2016", "last Thanksgiving", "Christmas '87".
    private func holiday(_ index: Int) -> RuleMatch? {
        // "last year's Passover", "this year's Christmas", "next year's Easter": the feast of that year.
        if let yearOffset = word(index)?.offset, isWord(index + 1, .year), isSymbol(index + 2, "'", glued: true),
           isWord(index + 3, .s), isGlued(index + 3), let (holiday, after) = holidayName(index + 4, qualified: true) {
            return RuleMatch(end: after, reading: .holidayOfYear(holiday, yearOffset: yearOffset), rule: "holiday")
        }
        let offset: Int? = switch word(index) {
        case .last: -1
        case .this: 0
        case .next: 1
        default: nil
        }
        let nameIndex = offset == nil ? index : index + 1
        guard let (holiday, after) = holidayName(nameIndex, qualified: offset != nil) else { return nil }
        // "Black Friday of this year", "Christmas of the current year".
        if offset == nil, isWord(after, .of), word(after + 1)?.offset == 0, isWord(after + 2, .year) {
            return RuleMatch(end: after + 3, reading: .holiday(holiday, offset: 0, tense: .unmarked), rule: "holiday")
        }
        if offset == nil {
            let yearIndex = isSymbol(after, ",") || isWord(after, .of) || isWord(after, .inWord) ? after + 1 : after
            var stated = year(yearIndex).map { ($0, yearIndex + 1) }
            if stated == nil, let spelled = spelledYear(yearIndex), case .stated(let period) = spelled.reading {
                stated = (period.start.year, spelled.end)
            }
            if let short = shortYear(after) { stated = (short, after + 2) }
            if let (y, end) = stated, let period = holiday.period(in: y) {
                return self.stated(period, end, "holiday")
            }
        }
        // "Christmas last year", "Memorial Day of last year", "Easter two years ago": the feast of that year.
        if offset == nil, let (yearOffset, end) = yearCountedFromPublication(isWord(after, .of) ? after + 1 : after) {
            return RuleMatch(end: end, reading: .holidayOfYear(holiday, yearOffset: yearOffset), rule: "holiday")
        }
        if offset == nil, let (months, end) = timeAhead(after) {
            return RuleMatch(end: end, reading: .yearAhead(.feast(holiday), months: months), rule: "holiday-ahead")
        }
        return RuleMatch(end: after, reading: .holiday(holiday, offset: offset, tense: offset == nil ? tense(index, after) : .unmarked),
                         rule: "holiday")
    }

    /// "last year", "this year", "next year", "two years ago" at `index`: how many years after the publication's, and
    /// the token index after the phrase.
    private func yearCountedFromPublication(_ index: Int) -> (Int, Int)? {
        if let offset = word(index)?.offset, isWord(index + 1, .year), !isSymbol(index + 2, "'", glued: true) {
            return (offset, index + 2)
        }
        guard let count = number(index, digits: 1...2) ?? word(index)?.cardinal, count > 0,
              isWord(index + 1, count == 1 ? .year : .years), isWord(index + 2, .ago) else { return nil }
        return (-count, index + 3)
    }

    /// "in 9 months", "in a year", "3 years from now", "two years hence" after a feast or a month: how many months
    /// ahead of the document date its year lies, and the token index after the phrase.
    private func timeAhead(_ index: Int) -> (months: Int, end: Int)? {
        let countIndex = isWord(index, .inWord) ? index + 1 : index
        guard let count = number(countIndex, digits: 1...2) ?? word(countIndex)?.cardinal, count > 0,
              let unit = word(countIndex + 1)?.unit, unit == .month || unit == .year else { return nil }
        let months = unit == .year ? 12 * count : count
        // "in March in a year of drought" counts no time ahead.
        if countIndex > index { return isWord(countIndex + 2, .of) ? nil : (months, countIndex + 2) }
        if isWord(countIndex + 2, .hence) { return (months, countIndex + 3) }
        return isWord(countIndex + 2, .from) && isWord(countIndex + 3, .now) ? (months, countIndex + 4) : nil
    }

    /// The feast named at `index` and the token index after its name: the longer of the rules' and the list's.
    /// After "last", "next" or "this" (`qualified`) a name that is also an ordinary phrase needs no capital.
    private func holidayName(_ index: Int, qualified: Bool) -> (Holiday, Int)? {
        let ruled = ruledHolidayName(index)
        guard token(index)?.startsFeast == true || mayBeFeastSpelling(index),
              let listed = listedHolidayName(index, qualified: qualified) else { return ruled }
        return listed.1 > (ruled?.1 ?? index) ? listed : ruled
    }

    /// Whether the word at `index` may be another spelling of a feast's first word ("Hannukkah", "Succos"): a word of
    /// five letters or more that is no time word, after "last", "this", "next" or "during" or before a number in the
    /// next three tokens ("Succos 2018", "Simchas Torah 2018", "Hannukkah of 2018"). The others are not looked up: most
    /// words near a time are ordinary ones, and the names of people and places are many.
    private func mayBeFeastSpelling(_ index: Int) -> Bool {
        guard let token = token(index), token.kind == .word, token.word == .other, token.length >= 5 else { return false }
        if let before = word(index - 1), before == .last || before == .this || before == .next || before == .during { return true }
        return (index + 1...index + 3).contains { self.token($0)?.kind == .number }
    }

    /// The longest name of `FeastName.written` written at `index`, and the token index after it.
    /// Not after a capitalised word inside a sentence: "Tariq Ramadan" is a man.
    private func listedHolidayName(_ index: Int, qualified: Bool) -> (Holiday, Int)? {
        guard let first = token(index), first.length <= 16 else { return nil }
        if let previous = token(index - 1), previous.kind == .word, previous.word == .other, previous.isCapitalised,
           token(index - 2)?.kind == .word { return nil }
        var best: (Holiday, Int)?
        for position in FeastName.byFirstWord[FeastName.key(of: text[first.start..<first.end])] ?? [] {
            let name = FeastName.written[position]
            guard let end = matchEnd(of: name, at: index), end > (best?.1 ?? index) else { continue }
            if name.capitalised, !first.isCapitalised, !qualified {
                let yearIndex = isSymbol(end, ",") ? end + 1 : end
                guard year(yearIndex) != nil else { continue }
            }
            best = (name.holiday, end)
        }
        return best
    }

    /// The token index after `name` written from `index` (each word by its `FeastName.key(of:)`); a hyphen or full
    /// stop may come between two words.
    private func matchEnd(of name: FeastName, at index: Int) -> Int? {
        var position = index
        var afterWord = false
        for (part, key) in zip(name.parts, name.keys) {
            let isWordPart = key != nil
            if isWordPart, afterWord, isSymbol(position, "-") || isSymbol(position, ".", glued: true) { position += 1 }
            guard let token = token(position) else { return nil }
            if let key {
                guard token.kind == .word, token.length <= 16 else { return nil }
                let word = text[token.start..<token.end]
                let asListed = token.length == part.count && zip(word, part).allSatisfy { $0 | 0x20 == $1 }
                guard asListed || FeastName.key(of: word) == key else { return nil }
            } else if token.kind != .symbol || token.symbol != part[0] {
                return nil
            }
            afterWord = isWordPart
            position += 1
        }
        return position
    }

    /// The feast the matcher's rules read at `index` and the token index after its name.
    private func ruledHolidayName(_ index: Int) -> (Holiday, Int)? {
        guard let first = word(index), let token = token(index) else { return nil }
        let next = word(index + 1)
        /// "Valentine's Day", "New Year's Eve": the index after a possessive "'s" at `index`, else `index`.
        func skipPossessive(_ index: Int) -> Int {
            isSymbol(index, "'", glued: true) && isWord(index + 1, .s) && isGlued(index + 1) ? index + 2 : index
        }
        switch first {
        case .christmas, .xmas:
            if next == .eve { return (.christmasEve, index + 2) }
            return (.christmas, next == .day ? index + 2 : index + 1)
        case .boxing where next == .day && token.isCapitalised:
            return (.boxingDay, index + 2)
        // "New Year's Eve"; in lower case only beside a year ("new year's day 2014"), as other feasts' ordinary words.
        case .new where next == .year || next == .years:
            // "new year's eve", "new year's day" in lower case are no ordinary phrase either.
            let after = skipPossessive(index + 2)
            switch word(after) {
            case .day: return (.newYearsDay, after + 1)
            case .eve: return (.newYearsEve, after + 1)
            default: return nil
            }
        case .halloween:
            return (.halloween, index + 1)
        case .valentine, .valentines:
            let after = first == .valentine ? skipPossessive(index + 1) : index + 1
            return isWord(after, .day) ? (.valentinesDay, after + 1) : nil
        case .thanksgiving:
            return (.thanksgiving, next == .day ? index + 2 : index + 1)
        case .eid, .id:
            // "Eid al-Fitr", "Eid ul-Adha", "id ul-adha", "Eid-el-Fitr", "Eid Fitr".
            var feast = index + 1
            if isSymbol(feast, "-") { feast += 1 }
            if let joiner = word(feast), joiner == .al || joiner == .ul || joiner == .el { feast += 1 }
            if isSymbol(feast, "-") { feast += 1 }
            switch word(feast) {
            case .fitr: return (.eidAlFitr, feast + 1)
            case .adha: return (.eidAlAdha, feast + 1)
            default: return nil
            }
        case .bakr where next == .id, .bakr where next == .eid:
            return (.eidAlAdha, index + 2)
        case .bakrid:
            return (.eidAlAdha, index + 1)
        case .sacrifice where next == .feast:
            return (.eidAlAdha, index + 2)
        case .ashura:
            return (.ashura, index + 1)
        case .mawlid:
            // "Mawlid", "Mawlid al-Nabi", "mawlid al-nabawi".
            var after = index + 1
            if isWord(after, .al) || isWord(after, .an) { after += 1 }
            if isSymbol(after, "-") { after += 1 }
            return (.mawlid, word(after) == .nabi || word(after) == .nabawi ? after + 1 : index + 1)
        case .chinese, .lunar:
            // "Chinese New Year", "Lunar New Year", "Chinese lunar new year's day", "last Chinese New Years".
            var new = index + 1
            if first == .chinese, isWord(new, .lunar) { new += 1 }
            guard isWord(new, .new), isWord(new + 1, .year) || isWord(new + 1, .years) else { return nil }
            let after = skipPossessive(new + 2)
            return (.lunarNewYear, isWord(after, .day) ? after + 1 : after)
        case .islamic where next == .new, .hijri where next == .new:
            return isWord(index + 2, .year) ? (.islamicNewYear, index + 3) : nil
        case .orthodox where next == .easter:
            return (.orthodoxEaster, word(index + 2) == .sunday ? index + 3 : index + 2)
        case .clean where next == .monday && token.isCapitalised:
            return (.cleanMonday, index + 2)
        case .easter:
            if next == .monday { return (.easterMonday, index + 2) }
            return (.easter, next == .sunday ? index + 2 : index + 1)
        case .good where token.isCapitalised && next == .friday:
            return (.goodFriday, index + 2)
        case .black where next == .friday:
            return (.blackFriday, index + 2)
        case .palm where next == .sunday:
            return (.palmSunday, index + 2)
        case .maundy where next == .thursday:
            return (.maundyThursday, index + 2)
        case .whit where next == .monday:
            return (.whitMonday, index + 2)
        default:
            return nil
        }
    }

    /// "the last two days", "the next three months", "the past 10 years", "two upcoming months": whole days, weeks,
    /// months or years before or after the document date's own (which is not yet whole); "the coming year", "the
    /// upcoming month" are the next one ("the next year" is as often the story's; "over the past year" the last twelve
    /// months, which no calendar year is). Not a span of something
    /// else: "the last two years of the war", "his last two years", "the last two days before the vote".
    private func countedSpan(_ index: Int) -> RuleMatch? {
        func sign(_ index: Int) -> Int? {
            switch word(index) {
            case .last, .past, .previous: -1
            case .next, .coming, .upcoming: 1
            default: nil
            }
        }
        func count(_ index: Int) -> Int? {
            word(index) == .a || word(index) == .an ? nil : number(index, digits: 1...2) ?? word(index)?.cardinal
        }
        var (direction, amount): (Int?, Int?) = sign(index) != nil ? (sign(index), count(index + 1)) : (sign(index + 1), count(index))
        var unitIndex = index + 2
        if amount == nil, isWord(index - 1, .the), let one = word(index + 1), one == .week || one == .month || one == .year,
           let word = word(index), word == .coming || word == .upcoming {
            (amount, unitIndex) = (1, index + 1)
        }
        guard let direction, let amount, amount > 0, let unit = word(unitIndex)?.unit, unit != .decade else { return nil }
        if let after = word(unitIndex + 1), after == .of || after == .before || after == .after { return nil }
        if isSymbol(unitIndex + 1, "'", glued: true) { return nil }
        let before = skipBackThe(index - 1)
        // "over the upcoming two years" is a span; "the upcoming two months" alone may be the month two ahead (as
        // Duckling reads it): "coming" and "upcoming" with a count are read only after a word that makes a span.
        if unitIndex == index + 2, [.coming, .upcoming].contains(word(index)) || [.coming, .upcoming].contains(word(index + 1)),
           word(before)?.makesSpan != true {
            return nil
        }
        if let owner = word(before), [.our, .their, .its, .his, .her].contains(owner) { return nil }
        if isWord(before, .s), isSymbol(before - 1, "'", glued: true) { return nil }
        return RuleMatch(end: unitIndex + 1, reading: .deictic(.units(direction * amount, unit)), rule: "counted-span")
    }

    /// The index before an optional "the" that ends at `index`.
    private func skipBackThe(_ index: Int) -> Int { isWord(index, .the) ? index - 1 : index }

    /// "three days ago", "11 months ago", "a year ago", "two decades ago", "two years back", "twenty years ago",
    /// "twenty-five years ago" (read at "five", its tens before the hyphen; a number word after a hyphen and no tens,
    /// "four score and seven", is not read: its last word alone was decades off).
    private func ago(_ index: Int) -> RuleMatch? {
        if let compound = compoundAgo(index) { return compound }
        var count = number(index, digits: 1...2) ?? word(index)?.cardinal ?? word(index)?.tens
        if let units = count, word(index)?.cardinal != nil, units < 10, isSymbol(index - 1, "-", glued: true) {
            count = word(index - 2)?.tens.map { $0 + units }
        }
        if word(index)?.cardinal != nil, isWord(index - 1, .and) { return nil }
        guard let count, count > 0, let (times, unit) = countedUnit(index + 1), isWord(index + 2, .ago) || isWord(index + 2, .back)
        else { return nil }
        // "1 year ago tomorrow": a day counted from another day, not read (the year alone would be of the wrong size).
        if let day = word(index + 3), day == .tomorrow || day == .yesterday || day == .today { return nil }
        return RuleMatch(end: index + 3, reading: .deictic(.ago(times * count, unit)), rule: "ago")
    }

    /// The unit a count is of, and how many of it one counts: "weeks" (1, week), "a fortnight" (2, week).
    private func countedUnit(_ index: Int) -> (Int, CalendarUnit)? {
        guard let word = word(index) else { return nil }
        return word.isFortnight ? (2, .week) : word.unit.map { (1, $0) }
    }

    /// "1 month 21 days ago", "two years and three months ago", "1 month, 21 days ago": counted back by each part, a
    /// day, month or year as the smallest part is (the last part alone, "21 days ago", was a month off).
    private func compoundAgo(_ index: Int) -> RuleMatch? {
        func part(_ at: Int) -> (count: Int, unit: CalendarUnit)? {
            guard let count = number(at, digits: 1...2) ?? word(at)?.cardinal, count > 0, let unit = word(at + 1)?.unit,
                  unit != .decade else { return nil }
            return (count, unit)
        }
        var (next, days, months, parts) = (index, 0, 0, 0)
        var (dayParts, monthParts) = (0, 0)
        while let (count, unit) = part(next) {
            switch unit {
            case .day: (days, dayParts) = (days + count, dayParts + 1)
            case .week: (days, dayParts) = (days + 7 * count, dayParts + 1)
            case .month: (months, monthParts) = (months + count, monthParts + 1)
            default: months += 12 * count
            }
            parts += 1
            next += 2
            let joined = isSymbol(next, ",") || isWord(next, .and) ? next + 1 : next
            if part(joined) != nil { next = joined }
        }
        guard parts >= 2, isWord(next, .ago) else { return nil }
        let now: Deixis = dayParts > 0 ? .days(0) : monthParts > 0 ? .months(0) : .years(0)
        return RuleMatch(end: next + 1, reading: .moved(.deictic(now), days: -days, months: -months), rule: "ago")
    }

    /// "two years later", "three days earlier", "a month later": counted from the story's time (the context), not the
    /// publication date.
    private func later(_ index: Int) -> RuleMatch? {
        let count = number(index, digits: 1...2) ?? word(index)?.cardinal
        guard let count, count > 0, let unit = word(index + 1)?.unit, unit != .week, unit != .decade,
              let sign = isWord(index + 2, .later) ? 1 : isWord(index + 2, .earlier) ? -1 : nil else { return nil }
        return RuleMatch(end: index + 3, reading: .later(sign * count, unit), rule: "later")
    }

    /// "three weeks from now", "a week hence", "two years hence": the future counterpart of "ago" ("in two years" is
    /// read only after a verb in the future: `inCount`).
    private func fromNow(_ index: Int) -> RuleMatch? {
        let count = number(index, digits: 1...2) ?? word(index)?.cardinal
        // "three Fridays from now": the third Friday after the document date.
        if let count, count > 0, let weekday = word(index + 1)?.pluralWeekday, isWord(index + 2, .from), isWord(index + 3, .now) {
            return RuleMatch(end: index + 4, reading: .deictic(.weekdayLater(weekday, weeks: count - 1)), rule: "from-now")
        }
        // "two Thursdays back", "three Fridays ago": the second Thursday before the document date.
        if let count, count > 0, let weekday = word(index + 1)?.pluralWeekday, isWord(index + 2, .back) || isWord(index + 2, .ago) {
            return RuleMatch(end: index + 3, reading: .deictic(.weekdayLater(weekday, weeks: -count)), rule: "ago")
        }
        guard let count, count > 0, let (times, unit) = countedUnit(index + 1) else { return nil }
        if isWord(index + 2, .hence) { return RuleMatch(end: index + 3, reading: .deictic(.ago(-times * count, unit)), rule: "hence") }
        guard isWord(index + 2, .from), isWord(index + 3, .now) else { return nil }
        return RuleMatch(end: index + 4, reading: .deictic(.ago(-times * count, unit)), rule: "from-now")
    }

    /// "in a week", "in two years" after a verb in the future ("will open in two years"), in a sentence of the present
    /// ("The vote is in a week.") or standing alone ("Election in 3 days"): that far ahead. Not after a superlative or
    /// "first" ("the lowest in 30 years", "will be the first in a decade"), where it counts how long, nor in a sentence
    /// that counts times or denies ("the second time in a week", "has not seen such a storm in 30 years").
    private func inCount(_ index: Int) -> RuleMatch? {
        let count = number(index, digits: 1...2) ?? word(index)?.cardinal
        guard let count, count > 0, isWord(index - 1, .inWord), let (times, unit) = countedUnit(index + 1) else { return nil }
        let ahead = (max(0, index - 7)..<(index - 1)).contains(where: { tokens[$0].word.pointsForward })
        // "up 5 percent in a year": a change measured over the span.
        let measured = (max(0, index - 8)..<(index - 1)).contains { tokens[$0].kind == .number }
        guard ahead || !measured && !measuresHowLong() && (StoryTense.speaksOnlyOfPresent(text) || standsAlone(index - 1, index + 2))
        else { return nil }
        let before = max(0, index - 8)..<(index - 1)
        let measuresSpan = before.contains { position in
            guard let token = token(position), token.kind == .word else { return false }
            let word = self.word(position)
            if word == .first || word == .last || word == .since || word == .within { return true }
            return token.length > 4 && text[token.end - 3] | 0x20 == UInt8(ascii: "e") && text[token.end - 2] | 0x20 == UInt8(ascii: "s")
                && text[token.end - 1] | 0x20 == UInt8(ascii: "t")
        }
        guard !measuresSpan else { return nil }
        return RuleMatch(end: index + 2, reading: .deictic(.ago(-times * count, unit)), rule: "in-count")
    }

    /// Whether the sentence denies, counts times, compares, ranks or speaks in the perfect ("not", "n't", "the second
    /// time", "more ... than", "the lowest", "the first", "have seen", "has gone"): "in a week" there says how long, not
    /// when ("We produce more oil than we have in 15 years", "In 2 years, America has gone from ...").
    private func measuresHowLong() -> Bool {
        var words: [Token] = []
        Tokenizer.tokens(in: text, 0..<text.count, into: &words)
        return words.contains { token in
            guard token.kind == .word, token.length <= 12 else { return false }
            let spelled = String(decoding: text[token.start..<token.end], as: UTF8.self).lowercased()
            return Self.spanWords.contains(spelled) || spelled.count > 4 && spelled.hasSuffix("est") && !spelled.hasSuffix("west")
        }
    }

    /// Words that make "in N years" a span, not a date. A user adds another here.
    private static let spanWords: Set<String> = ["not", "never", "no", "t", "time", "times", "once", "twice", "ever", "than",
                                                 "more", "most", "less", "least", "first", "last", "only", "have", "has",
                                                 "had", "ve", "since", "within", "record"]

    /// Whether tokens `start..<end` are the whole sentence but for a few capitalised words before them and punctuation:
    /// a headline's or a schedule's line ("Election in 3 days", "in six months").
    private func standsAlone(_ start: Int, _ end: Int) -> Bool {
        var words: [Token] = []
        Tokenizer.tokens(in: text, 0..<text.count, into: &words)
        guard let first = token(start), let last = token(end - 1) else { return false }
        let before = words.filter { $0.end <= first.start && $0.kind == .word }
        let after = words.filter { $0.start >= last.end && $0.kind == .word }
        return after.isEmpty && before.count <= 2 && before.allSatisfy(\.isCapitalised)
    }

    /// "three days after Easter", "two weeks before Christmas 2019", "the day after Thanksgiving", "a year after
    /// Christmas", "two months after May 2019", "three days after Oct. 2": a time counted from a feast or a date.
    /// "the third Tuesday after Christmas 2014", "the first Sunday before Oct. 2": a weekday counted from one.
    private func countedFromDate(_ index: Int) -> RuleMatch? {
        if let (nth, next) = ordinal(skipThe(index)), nth <= 5, let weekday = word(next)?.weekday {
            return counted(from: next + 1) { reading, sign in
                switch reading {
                case .stated(let period) where period.granularity == .day: .stated(period.weekday(weekday, nth: sign * nth))
                case .holiday, .partialDay: .weekdayFrom(reading, weekday: weekday, nth: sign * nth)
                default: nil
                }
            }
        }
        let count = isWord(index, .the) ? 1 : number(index, digits: 1...2) ?? word(index)?.cardinal
        guard let count, count > 0, let unit = word(index + 1)?.unit, unit != .decade,
              !isWord(index, .the) || word(index + 1) == .day else { return nil }
        let (days, months): (Int, Int) = switch unit {
        case .day: (count, 0)
        case .week: (7 * count, 0)
        case .month: (0, count)
        default: (0, 12 * count)
        }
        return counted(from: index + 2) { reading, sign in
            switch reading {
            case .stated(let period) where period.granularity <= .year:
                period.moved(days: sign * days, months: sign * months).map { .stated($0) }
            // A feast keeps its own placing: "three days after Easter" is after the Easter the sentence means.
            case .holiday(let holiday, let offset, let tense) where months == 0:
                .holiday(.shifted(holiday, days: sign * days), offset: offset, tense: tense)
            case .holiday, .partialDay, .partialMonth: .moved(reading, days: sign * days, months: sign * months)
            // "two days before yesterday", "two weeks from next Tuesday", "a year from today".
            case .deictic: .moved(reading, days: sign * days, months: sign * months)
            default: nil
            }
        }
    }

    /// The feast or date after "after", "from" or "before" at `index`, read by `reading` with its direction (+1 after,
    /// -1 before). After "from" only a day named from the publication date ("a year from today", "two weeks from next
    /// Tuesday"): "ten years from 1881 to 1890", "limited to two years from October 1, 1822", "two years from July 1
    /// next" count how long, from a start.
    private func counted(from index: Int, _ reading: (Reading, Int) -> Reading?) -> RuleMatch? {
        let sign: Int
        switch word(index) {
        case .after, .from: sign = 1
        case .before: sign = -1
        default: return nil
        }
        guard index + 1 < tokens.count, let date = longestSingle(at: index + 1) else { return nil }
        if isWord(index, .from) {
            guard case .deictic = date.reading, !(word(date.end)?.endsSpan ?? false), !isSymbol(date.end, "-") else { return nil }
        }
        guard let counted = reading(date.reading, sign) else { return nil }
        return RuleMatch(end: date.end, reading: counted, rule: "counted-from-date")
    }

    /// "the closest Christmas to today", "the second nearest Easter to today", "the 3rd closest xmas to today".
    private func closestFeast(_ index: Int) -> RuleMatch? {
        let (rank, next) = ordinal(index + 1) ?? (1, index + 1)
        guard isWord(next, .closest) || isWord(next, .nearest), let (holiday, after) = holidayName(next + 1, qualified: true),
              isWord(after, .to), isWord(after + 1, .today) else { return nil }
        return RuleMatch(end: after + 2, reading: .deictic(.closestFeast(holiday, rank: rank)), rule: "closest-holiday")
    }

    /// The early, middle or late third of the month named at `monthIndex`, with its year if one follows ("early May",
    /// "the end of March 2019"); `start` is where the phrase begins.
    private func monthThird(_ part: SpanPart, at monthIndex: Int, from start: Int) -> RuleMatch? {
        guard let (m, afterMonth) = monthName(monthIndex, fullOnly: true) else { return nil }
        let yearIndex = isSymbol(afterMonth, ",") ? afterMonth + 1 : afterMonth
        if let y = year(yearIndex), let month = Period.month(y, m) {
            return stated(month.part(part), yearIndex + 1, "month-part")
        }
        return RuleMatch(end: afterMonth, reading: .partialMonth(month: m, part: part, tense: tense(start, afterMonth)), rule: "month-part")
    }

    /// "the week after next", "the month after next", "the year before last": two weeks, months or years on or back.
    private func unitAfterNext(_ index: Int) -> RuleMatch? {
        guard let unit = word(index + 1), unit == .week || unit == .month || unit == .year else { return nil }
        let offset: Int
        if isWord(index + 2, .after), isWord(index + 3, .next) {
            offset = 2
        } else if isWord(index + 2, .before), isWord(index + 3, .last) {
            offset = -2
        } else {
            return nil
        }
        let deixis: Deixis = unit == .week ? .weeks(offset) : unit == .month ? .months(offset) : .years(offset)
        return RuleMatch(end: index + 4, reading: .deictic(deixis), rule: "relative-\(unit.rawValue)-\(offset > 0 ? "after-next" : "before-last")")
    }

    /// "the following week", "the following month", "the following year": counted from the story's time.
    private func following(_ index: Int) -> RuleMatch? {
        guard isWord(index + 1, .following), let unit = word(index + 2)?.unit, unit == .week || unit == .month || unit == .year,
              word(index + 2) != .weeks, word(index + 2) != .months, word(index + 2) != .years else { return nil }
        return RuleMatch(end: index + 3, reading: .following(unit), rule: "following")
    }

    /// "the day after tomorrow", "the day before yesterday".
    private func dayBeside(_ index: Int) -> RuleMatch? {
        guard isWord(index + 1, .day) else { return nil }
        switch (word(index + 2), word(index + 3)) {
        case (.after, .tomorrow): return RuleMatch(end: index + 4, reading: .deictic(.days(2)), rule: "relative-day-after-tomorrow")
        case (.before, .yesterday): return RuleMatch(end: index + 4, reading: .deictic(.days(-2)), rule: "relative-day-before-yesterday")
        default: return nil
        }
    }

    /// "the last day of October", "the last day of February 2020", "the last day of next month", "the first day of 2016".
    private func lastDayOfMonth(_ index: Int) -> RuleMatch? {
        let last = skipThe(index)
        guard isWord(last, .last) || isWord(last, .first), isWord(last + 1, .day), isWord(last + 2, .of) else { return nil }
        // "the first day of 2016", "the last day of 2019".
        if isPlainYear(last + 3), let y = year(last + 3) {
            return stated(isWord(last, .first) ? Period.day(y, 1, 1) : Period.day(y, 12, 31), last + 4, "day-of-year")
        }
        guard isWord(last, .last) else { return nil }
        let monthIndex = skipThe(last + 3)
        if let offset = word(monthIndex)?.offset, isWord(monthIndex + 1, .month) {
            return RuleMatch(end: monthIndex + 2, reading: .deictic(.lastDayOfMonth(offset: offset)), rule: "last-day-of-month")
        }
        guard let (m, afterMonth) = monthName(monthIndex, afterDayOf: true) else { return nil }
        let yearIndex = isSymbol(afterMonth, ",") ? afterMonth + 1 : afterMonth
        if let y = year(yearIndex) {
            return stated(Period.day(y, m, Day.length(ofMonth: m, year: y)), yearIndex + 1, "last-day-of-month")
        }
        // February's last day depends on the year, which is not known here.
        guard m != 2 else { return nil }
        let day = Day.length(ofMonth: m, year: 2001)
        return RuleMatch(end: afterMonth, reading: .partialDay(month: m, days: day...day, tense: tense(index, afterMonth)),
                         rule: "last-day-of-month")
    }

    /// "the beginning of the month", "the end of last week", "the middle of next month", "at the end of this week":
    /// the first, middle or last ten days of a month, Monday to Wednesday or Friday to Sunday of a week.
    private func partOfMonthOrWeek(_ index: Int) -> RuleMatch? {
        let edge = skipThe(index)
        // "the first half of March", "the second half of June 2019": days 1-15 or 16 to the end.
        if let ordinal = word(edge)?.ordinal, ordinal <= 2, isWord(edge + 1, .half), isWord(edge + 2, .of) {
            return monthThird(.half(ordinal), at: edge + 3, from: index)
        }
        let part: SpanThird
        switch word(edge) {
        case .beginning, .start: part = .early
        case .middle: part = .middle
        case .end: part = .late
        default: return nil
        }
        guard isWord(edge + 1, .of) else { return nil }
        // "the end of March", "the middle of May 2019": that third of the month, as "late March" is.
        if let match = monthThird(.third(part), at: edge + 2, from: index) { return match }
        let modifier = skipThe(edge + 2)
        let (offset, unitIndex): (Int?, Int) = switch word(modifier) {
        case .week, .month: (0, modifier)
        case .coming: (1, modifier + 1)
        case .past: (-1, modifier + 1)
        case let word?: (word.offset, modifier + 1)
        case nil: (nil, modifier)
        }
        guard let offset else { return nil }
        switch word(unitIndex) {
        case .month: return RuleMatch(end: unitIndex + 1, reading: .deictic(.partOfMonth(part, offset: offset)), rule: "month-part")
        case .week where part != .middle:
            return RuleMatch(end: unitIndex + 1, reading: .deictic(.partOfWeek(part, offset: offset)), rule: "week-part")
        default: return nil
        }
    }

    /// "the first week of March", "the last week of June 2019": the seven days starting on the first of the month or
    /// ending on its last day.
    private func weekOfMonth(_ index: Int) -> RuleMatch? {
        let next = skipThe(index)
        guard let (week, afterOrdinal) = isWord(next, .last) ? (-1, next + 1) : ordinal(next), week <= 4 else { return nil }
        // "the first two weeks of March", "the last three weeks in June": days the rules do not read, passed over whole
        // rather than read as the month.
        if let count = word(afterOrdinal)?.cardinal, count > 1, isWord(afterOrdinal + 1, .weeks),
           isWord(afterOrdinal + 2, .of) || isWord(afterOrdinal + 2, .inWord), let (_, afterMonth) = monthName(afterOrdinal + 3, fullOnly: true) {
            let yearIndex = isSymbol(afterMonth, ",") ? afterMonth + 1 : afterMonth
            return RuleMatch(end: year(yearIndex) != nil ? yearIndex + 1 : afterMonth, reading: .unread, rule: "unread")
        }
        guard isWord(afterOrdinal, .week), isWord(afterOrdinal + 1, .of) || isWord(afterOrdinal + 1, .inWord),
              let (m, afterMonth) = monthName(afterOrdinal + 2, fullOnly: true) else { return nil }
        let yearIndex = isSymbol(afterMonth, ",") ? afterMonth + 1 : afterMonth
        if let y = year(yearIndex), let month = Period.month(y, m) {
            return stated(month.week(week), yearIndex + 1, "week-of-month")
        }
        return RuleMatch(end: afterMonth, reading: .partialWeekOfMonth(month: m, week: week, forward: speaksOfFuture(index, afterMonth)),
                         rule: "week-of-month")
    }

    /// A year in words: "nineteen ninety-one", "nineteen eighty four", "two thousand ten", "two-thousand and five",
    /// "twenty twenty", "the year two thousand". "two thousand ..." not before a noun ("two thousand ten soldiers"
    /// counts people); "nineteen ninety-seven" counts nothing, so "a nineteen ninety-seven attack" is of that year.
    /// Never glued to a dash ("twenty ten-year-olds").
    private func spelledYear(_ index: Int) -> RuleMatch? {
        var next = index
        func skipDash() { if isSymbol(next, "-") { next += 1 } }
        let value: Int
        if isWord(index, .two) {
            next += 1
            skipDash()
            guard isWord(next, .thousand) else { return nil }
            next += 1
            let named = isWord(index - 1, .year) && isWord(index - 2, .the)
            if isWord(next, .and) { next += 1 }
            if let rest = spelledNumber(below: 100, at: &next) {
                value = 2000 + rest
            } else if named {
                value = 2000
            } else {
                return nil
            }
            if !named, let after = token(next), after.kind == .word,
               after.word == .other || after.word.countsThings || after.word.marksPast {
                return nil
            }
        } else {
            guard let hundreds = word(index)?.cardinal ?? word(index)?.tens, (13...20).contains(hundreds) else { return nil }
            next += 1
            guard let rest = spelledNumber(below: 100, at: &next), rest >= 10 else { return nil }
            value = hundreds * 100 + rest
        }
        if isSymbol(next, "-", glued: true) { return nil }
        return stated(Period.year(value), next, "spelled-year")
    }

    /// A number below `limit` in words ("ten", "ninety-one", "eighty four"), advancing `index` past it.
    private func spelledNumber(below limit: Int, at index: inout Int) -> Int? {
        if let tens = word(index)?.tens {
            var next = index + 1
            if isSymbol(next, "-") { next += 1 }
            if let unit = word(next)?.cardinal, (1...9).contains(unit), word(next) != .a, word(next) != .an {
                index = next + 1
                return tens + unit
            }
            index += 1
            return tens
        }
        guard let value = word(index)?.cardinal, value < limit, word(index) != .a, word(index) != .an else { return nil }
        index += 1
        return value
    }

    /// "now", "currently", "nowadays", "at present": the sentence speaks of the document's own time, unless it
    /// reports what someone said ("Harf said the US currently favoured ..." speaks of when she said it).
    private func present(_ index: Int) -> RuleMatch? {
        let end: Int
        switch word(index) {
        case .now, .currently, .nowadays, .presently: end = index + 1
        case .at where isWord(index + 1, .present): end = index + 2
        default: return nil
        }
        if Tokenizer.containsWord(in: text, where: \.reportsPastSpeech) { return nil }
        return RuleMatch(end: end, reading: .present, rule: "present")
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
        if isSymbol(index - 1, "-", glued: true) || isSymbol(index - 1, "/", glued: true), isGlued(index), isSerialPart(index - 2) {
            return nil
        }
        if isSymbol(index + 1, "-", glued: true) || isSymbol(index + 1, "/", glued: true), isGlued(index + 2), isSerialPart(index + 2) {
            return nil
        }
        if let next = token(index + 1), !next.spaced {
            if next.kind == .word || isSymbol(index + 1, "%") { return nil }
            if isSymbol(index + 1, ".") || isSymbol(index + 1, ",") || isSymbol(index + 1, ":"),
               isGlued(index + 2), token(index + 2)?.kind == .number { return nil }
        }
        if word(index + 1)?.countsThings == true, word(index - 1)?.introducesYear != true { return nil }
        if isPartOfName(index) || endsNumberRow(index) || isApproximateCount(index) || isHouseNumber(index) { return nil }
        // Before 1700 a bare number is far more often a quantity ("near 1000 vessels", "planning advances for 1600
        // public works projects") than a year: it needs "in", "since", "the year", "of" ... in front of it.
        if value < 1700, !(word(index - 1)?.introducesYear == true || word(index - 1) == .year || word(index - 1) == .of || followsEra(index)) {
            return nil
        }
        return stated(Period.year(value), index + 1, "year")
    }

    /// Words that make a number after them an amount ("buying about 1700 new fighter and attack aircraft") when a
    /// word of what is counted follows it; "around 2010 the company", "over 1980 levels" stay years. A user adds
    /// another here.
    private static let approximating: Set<String> = ["nearly", "almost", "approximately", "roughly", "about", "some",
                                                     "additional", "another", "over", "than", "least"]

    /// Whether the number at `index` is a house number: capitalised words and a street's kind follow it ("2007 Minnesota
    /// avenue", "1600 Pennsylvania Avenue"; tester20 #8: addresses of 1916 papers dated their sentences 2007).
    private func isHouseNumber(_ index: Int) -> Bool {
        var k = index + 1
        while k <= index + 4, let t = token(k), t.kind == .word {
            let spelt = String(decoding: text[t.start..<t.end], as: UTF8.self).lowercased()
            if k > index + 1, Self.streets.contains(spelt) { return true }
            guard t.isCapitalised else { return false }
            k += 1
        }
        return false
    }

    /// The kinds of street a house number and a name come before. A user adds another here.
    private static let streets: Set<String> = ["avenue", "ave", "street", "st", "road", "rd", "boulevard", "blvd", "lane",
                                               "drive", "terrace", "highway", "parkway"]

    /// Whether the number at `index` follows an approximating word and comes before a lower-case word that is not
    /// one the time rules know, or is "new" (a noun or an adjective, not "the", "and", "when"): a count, not a year.
    private func isApproximateCount(_ index: Int) -> Bool {
        guard let before = token(index - 1), before.kind == .word, before.length <= 13,
              let after = token(index + 1), after.kind == .word, after.word == .other || after.word == .new, !after.isCapitalised,
              Self.approximating.contains(String(decoding: text[before.start..<before.end], as: UTF8.self).lowercased())
        else { return false }
        return !Self.notCounted.contains(String(decoding: text[after.start..<after.end], as: UTF8.self))
    }

    /// Lower-case words after a year that begin a clause or say what of the year is meant, rather than name what is
    /// counted: "about 1990 it changed", "some 1980 levels".
    private static let notCounted: Set<String> = ["which", "who", "where", "is", "has", "have", "it", "he", "she", "there",
                                                  "onwards", "onward", "levels", "prices", "figures"]

    /// A year standing alone at `index`, not the first part of a numeric date ("2013-03-24", "2013.05.02").
    private func isPlainYear(_ index: Int) -> Bool {
        guard year(index) != nil else { return false }
        if isSymbol(index + 1, "-", glued: true) || isSymbol(index + 1, "/", glued: true) { return false }
        return !(isSymbol(index + 1, ".", glued: true) && isGlued(index + 2) && token(index + 2)?.kind == .number)
    }

    /// A year that ends a name: "Windows 2000", "Goals 2000", "Vision 2030", "Durga Puja 2019", "Independence Day 2018",
    /// "Lazarus Saturday 2018". After a weekday, or after a capitalised word that is neither a time word nor one that
    /// leads to a year ("Around 2010", "For 2019": words `Word` knows), the number names a product, a plan, an event or
    /// a feast that is not listed: it does not say when the sentence happens, and the event's own day is unknown.
    private func isPartOfName(_ index: Int) -> Bool {
        guard let previous = token(index - 1), previous.kind == .word, token(index)?.spaced == true, !followsEra(index) else { return false }
        if previous.word.weekday != nil { return true }
        if !previous.isCapitalised, previous.word == .other { return linesUpAName(index) }
        return previous.isCapitalised && (previous.word == .other || previous.word == .day)
    }

    /// Whether the year at `index` ends a line of at most four lower-case words and no verb the lists know ("rakhi
    /// 2018", "ascension to heaven 2019"): a name written in lower case, as a list or a tag writes an event.
    private func linesUpAName(_ index: Int) -> Bool {
        guard let year = token(index) else { return false }
        var words: [Token] = []
        Tokenizer.tokens(in: text, 0..<text.count, into: &words)
        let named = words.filter { $0.kind == .word }
        guard named.count <= 4, named.allSatisfy({ !$0.isCapitalised && $0.end <= year.start }),
              !words.contains(where: { $0.start > year.start && $0.kind != .symbol }) else { return false }
        return StoryTense.of(text) == .unmarked
    }

    /// Whether a day or week the rules do not know ends right before token `index`, or before an "of" there: "tax day
    /// 2011", "discovery day 2018", "NAIDOC week 2018", "national patriots' day 2017", "labour day of last year", "tax
    /// day two years ago". The year is that day's, whose date is unknown: the year alone would be an answer of the
    /// wrong size, as for a capitalised name (`isPartOfName`). "one day last year", "the first day of 2016" are not
    /// names.
    private func followsUnknownDay(_ index: Int) -> Bool {
        let head = isWord(index - 1, .of) || isWord(index - 1, .inWord) ? index - 2 : index - 1
        // "super tuesday last year", "Tsunami Tuesday in 2008": a day named by its weekday ("Super Tuesday").
        if word(head)?.weekday != nil { return namesDay(head) }
        guard !isWord(index - 1, .inWord), let name = token(head - 1) else { return false }
        // "daylight saving start 2017", "daylight savings end 2017": the day the clocks change, which differs by country.
        if isWord(head, .start) || isWord(head, .end) { return spells(head - 1, Self.clockChange) }
        guard isWord(head, .day) || isWord(head, .week) || spells(head, Self.daysOfNames) else { return false }
        if name.kind == .symbol { return name.symbol == UInt8(ascii: "'") && isGlued(head - 1) }
        // "daylight saving start day 2017".
        if name.word == .start || name.word == .end { return isWord(head, .day) }
        return name.kind == .word && (name.word == .other || name.word == .s && isSymbol(head - 2, "'", glued: true))
    }

    /// Nouns that end the name of a day as "day" does: "August bank holiday 2018", "Sovereign's birthday 2018",
    /// "basava jayanti 2013". A user adds another here.
    private static let daysOfNames: Set<String> = ["holiday", "holidays", "birthday", "jayanti", "festival"]

    private static let clockChange: Set<String> = ["saving", "savings"]

    private static let soon: Set<String> = ["soon"]

    private static let set: Set<String> = ["set"]

    /// Verbs that put something off to a later day: "postponed until Tuesday morning", "adjourned the hearing until
    /// March 3". A user adds another here.
    private static let postponing: Set<String> = ["postponed", "postpone", "postpones", "delayed", "deferred", "defer",
                                                  "adjourned", "adjourn", "rescheduled", "reschedule", "suspended"]

    /// Whether "until" or "till" before token `index` follows a verb of putting off among the four tokens before it:
    /// the day is after the putting off, so to come when the story was written.
    private func putsOff(_ index: Int) -> Bool {
        guard isWord(index - 1, .until) || isWord(index - 1, .till) else { return false }
        return (max(0, index - 6)..<(index - 1)).contains { spells($0, Self.postponing) }
    }

    private static let beingScheduled: Set<String> = ["is", "are"]

    /// Whether "is to" or "are to" and a verb stand among the eight tokens before token `index`, with no verb in the
    /// past tense after them: "is to resume trading in Paris Tuesday", "are to meet on Oct. 2" (what is arranged is to
    /// come); not "is to blame", nor "the aim is to cut costs, which rose in March".
    private func isScheduledByBe(_ index: Int) -> Bool {
        guard let to = (max(1, index - 8)..<max(1, index - 1)).last(where: { isWord($0, .to) && spells($0 - 1, Self.beingScheduled) }),
              let verb = token(to + 1), verb.kind == .word, verb.word == .other, !verb.isCapitalised, !spells(to + 1, Self.blame)
        else { return false }
        return !((to + 2)..<index).contains { at in
            tokens[at].word.marksPast || endsInPastTense(tokens[at], before: at + 1 < index ? tokens[at + 1] : nil)
        }
    }

    private static let blame: Set<String> = ["blame"]

    private static let irregularParticiples: Set<String> = ["held", "sent", "made", "set", "put", "shown", "built", "paid",
                                                            "sold", "run", "sworn", "given", "taken", "seen", "known"]

    /// Whether "to be" and a participle stand right before token `index` (or before an "on" there): "an interview to
    /// be published on Wednesday", "elections to be held in March" are arranged, so to come.
    private func isArrangedByToBe(_ index: Int) -> Bool {
        let participle = isWord(index - 1, .on) || isWord(index - 1, .inWord) ? index - 2 : index - 1
        guard isWord(participle - 1, .be), isWord(participle - 2, .to), let token = token(participle), token.kind == .word,
              token.word == .other || token.word.marksPast, !token.isCapitalised else { return false }
        let spelled = String(decoding: text[token.start..<token.end], as: UTF8.self).lowercased()
        return spelled.hasSuffix("ed") || spelled.hasSuffix("en") || Self.irregularParticiples.contains(spelled)
    }

    private static let delivery: Set<String> = ["delivery"]

    /// "light sweet crude for delivery in December": a contract's month of delivery is to come.
    private func isDelivery(_ index: Int) -> Bool {
        isWord(index - 1, .inWord) && spells(index - 2, Self.delivery)
    }

    private static let planning: Set<String> = ["plan", "plans", "planning"]

    /// "plans to meet on Monday", "did not plan to remove Elian on Thursday morning", "planning for the NATO summit in
    /// April": a plan before "to" or "for" is of something to come.
    private func plans(_ index: Int) -> Bool {
        guard spells(index, Self.planning) else { return false }
        return isWord(index + 1, .to) || isWord(index + 1, .forWord) || (token(index + 1) == nil && isFollowedByTo(tokens[index]))
    }

    private static let being: Set<String> = ["is", "are", "been", "being"]

    /// "On Friday, the Kenyan government planned to pay the first death claims": "planned" before "to" and after no form
    /// of "be" is a verb in the past tense, so a date before it is the planning's, past; "is planned to open", "was
    /// planned for early March" still look ahead, as does a date after it ("planned to leave Nairobi on Thursday").
    private func isPastPlan(_ index: Int) -> Bool {
        guard word(index) == .planned, !isWord(index - 1, .was), !isWord(index - 1, .were), !isWord(index - 1, .be),
              !spells(index - 1, Self.being) else { return false }
        if let next = token(index + 1) { return next.word == .to }
        return isFollowedByTo(tokens[index])
    }

    /// Whether the word "to" follows `token` in the text, past the stretch scanned around the date.
    private func isFollowedByTo(_ token: Token) -> Bool {
        var at = token.end
        while at < text.count, text[at] == UInt8(ascii: " ") { at += 1 }
        guard at > token.end, at + 2 <= text.count, text[at] | 0x20 == UInt8(ascii: "t"), text[at + 1] | 0x20 == UInt8(ascii: "o")
        else { return false }
        return at + 2 == text.count || !(text[at + 2] | 0x20 >= UInt8(ascii: "a") && text[at + 2] | 0x20 <= UInt8(ascii: "z"))
    }

    /// Nouns a date before them makes a deadline: "the Jan. 14 deadline". A user adds another here.
    private static let deadlines: Set<String> = ["deadline", "deadlines", "cutoff"]

    /// "a summit set for Washington in April", "an offer set to expire Nov. 6": "set" (or "slated") before "for" or "to" schedules;
    /// not after "was" or "were" ("The offer was set to expire Nov. 6" in a March story may tell of the November past).
    private func schedules(_ index: Int) -> Bool {
        guard isWord(index + 1, .forWord) || isWord(index + 1, .to) else { return false }
        if spells(index, Self.slated) { return true }
        return spells(index, Self.set) && !isWord(index - 1, .was) && !isWord(index - 1, .were)
    }

    /// "the Doha Asian Games slated for Dec. 1-15", "was slated to open in March": scheduled, whatever the tense.
    private static let slated: Set<String> = ["slated"]

    /// Whether the word at `index` is one of `words` (in lower case), in any case.
    private func spells(_ index: Int, _ words: Set<String>) -> Bool {
        guard let token = token(index), token.kind == .word, token.word == .other, token.length <= 12 else { return false }
        return words.contains(String(decoding: text[token.start..<token.end], as: UTF8.self).lowercased())
    }

    /// Whether the weekday at `index` is part of a day's name: "Black Friday", "Super Tuesday", "Mini-Tuesday".
    private func namesDay(_ index: Int) -> Bool {
        let before = isSymbol(index - 1, "-") ? index - 2 : index - 1
        return word(before)?.namesADay == true
    }

    /// A group of three or more digits, which next to a year suggests a phone or serial number ("020 7946 0958").
    private func isDigitGroup(_ index: Int) -> Bool {
        guard let token = token(index), token.kind == .number else { return false }
        return token.length >= 3
    }

    /// A digit group, or a code of two or more capitals: joined to a year by a hyphen or a slash, either makes a phone,
    /// serial, case or report number ("555-1984", "2019-XK-2003", "REF-2021", "2014/1999"), not a date.
    private func isSerialPart(_ index: Int) -> Bool {
        if isDigitGroup(index) { return true }
        guard let token = token(index), token.kind == .word, token.length >= 2 else { return false }
        return text[token.start..<token.end].allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
    }
}
