import DossierTime

/// When a document says it was published, and where in its text it says so: the date of its header or dateline, never a
/// date of its running text (a headline's "by May 2024", a lede's "on Saturday, May 20, 2023", a last line's "in
/// August 2022"), which is an event of a sentence. Undated is better than dated wrongly.
struct PublicationDate {
    var period: Period
    var source: DateSource
    /// The paragraph that is only the date (a date line), which is no title.
    var line: Int?
    /// Bytes of the clean text whose times are the document's date and not events of their sentence: a date line
    /// whole, or the date of a dateline.
    var statement: Range<Int>?

    /// The document's date from its text: the first of its first five paragraphs that opens with a dateline or is a date
    /// line; else a year in the file name (`1963-Kennedy-1.txt`). `fileName` is empty when it says nothing of the date
    /// (a record of a collection).
    static func read(_ clean: CleanText, fileName: String, extractor: TimeExpressionExtractor) -> PublicationDate? {
        let named = fileNameDate(fileName)
        for (p, paragraph) in clean.paragraphs.prefix(5).enumerated() {
            let found: PublicationDate? = clean.bytes.withUnsafeBufferPointer { bytes in
                let text = UnsafeBufferPointer(rebasing: bytes[paragraph])
                if let date = dateline(text, extractor: extractor, year: named) {
                    return PublicationDate(period: date.period, source: .dateline,
                                           statement: (paragraph.lowerBound + date.range.lowerBound)..<(paragraph.lowerBound + date.range.upperBound))
                }
                guard paragraph.count <= dateLineLength,
                      let period = dateLine(text, extractor: extractor) ?? bylineDate(text, extractor: extractor) else { return nil }
                return PublicationDate(period: period, source: .header, line: p, statement: paragraph)
            }
            if let found { return found }
        }
        return named.map { PublicationDate(period: $0, source: .fileName) }
    }

    /// Years a file name may give a document: "top-1000-list" or "sputnik-1005" (a month and a day) are no years.
    static let fileNameYears = 1500...2099

    /// The date a file name gives: its first run of digits that is a year (`1963-Kennedy-1.txt`), with the month and
    /// day that follow it (`2023-10-05-niger.txt`, `2023_10`), or a year, month and day written together
    /// (`niger_20231005.txt`).
    static func fileNameDate(_ fileName: String) -> Period? {
        let bytes = Array(fileName.utf8)
        // Each run of digits: where it starts and its value.
        var runs: [(start: Int, end: Int, value: Int)] = []
        var i = 0
        while i < bytes.count {
            guard Tokenizer.isDigit(bytes[i]) else { i += 1; continue }
            var j = i, value = 0
            while j < bytes.count, Tokenizer.isDigit(bytes[j]) {
                if j - i < 9 { value = value * 10 + Int(bytes[j] - 48) }
                j += 1
            }
            runs.append((i, j, value))
            i = j
        }
        for (k, run) in runs.enumerated() {
            switch run.end - run.start {
            case 8:
                let (year, month, day) = (run.value / 10_000, run.value / 100 % 100, run.value % 100)
                if fileNameYears.contains(year), let period = Period.day(year, month, day) { return period }
            case 4 where fileNameYears.contains(run.value):
                // The next runs, each after one separator, two digits long: the month, then the day.
                func next(_ n: Int) -> Int? {
                    guard k + n < runs.count else { return nil }
                    let (before, part) = (runs[k + n - 1], runs[k + n])
                    guard part.start == before.end + 1, "-_.".utf8.contains(bytes[before.end]), part.end - part.start == 2 else { return nil }
                    return part.value
                }
                guard let month = next(1), let monthPeriod = Period.month(run.value, month) else { return Period.year(run.value) }
                return next(2).flatMap { Period.day(run.value, month, $0) } ?? monthPeriod
            default: continue
            }
        }
        return nil
    }

    /// A date that can date a document: a day or a month with its year stated ("2019" alone is too vague, "Aug 23"
    /// has no year of its own).
    static func isFull(_ expression: TimeExpression) -> Bool {
        !expression.isCitation && !expression.isAnchored && !expression.guessesYear && expression.period.granularity <= .month
    }

    /// How far into a paragraph a dateline may reach.
    static let datelineReach = 100

    /// The date of a dateline opening a paragraph, as wires write them: a place, maybe a region and the agency, a comma,
    /// the date, maybe the agency, and a dash: "BAMAKO, March 14, 2023 (Reuters) - ", "N'DJAMENA, April 20, 2021 (AFP) -",
    /// "WASHINGTON, 11/11/2019 — ", "LONDON (Reuters), 14 March 2023 - ", "SÃO PAULO, Brazil, 2 May 2022 /PRNewswire/ --".
    /// The place is in capitals, or in any case when an agency or a capitalised word follows ("Berlin, 22.11.2022 (dpa)
    /// - ", "Paris, 3 May 2021 - Mali ..."): "Mali, 2 May 2022 — the government ..." is a sentence. A dateline without
    /// a date ("KYIV, Ukraine (AP) — ") dates nothing. As Indian and African papers and wires write them (tester17 #5):
    /// a colon ends it ("New Delhi, November 14, 2024: The ..."), an agency in capitals stands between commas ("Lagos,
    /// Nigeria, 14th November 2024, ZEX PR WIRE, Nigeria's ..."), and the story may follow the agency with no dash
    /// ("Mumbai, Nov 14, 2024 (PTI) The Reserve Bank ..."), the date may stand between dashes ("Abuja, Nigeria –
    /// November 14th, 2024 – ..."), and a day without its year followed by the agency ("Mumbai, Nov 14 (PTI) The ...")
    /// takes the `year` a file name gives (tester18 #1).
    static func dateline(_ text: UnsafeBufferPointer<UInt8>, extractor: TimeExpressionExtractor, year: Period? = nil) -> TimeExpression? {
        let head = UnsafeBufferPointer(rebasing: text[0..<min(text.count, datelineReach)])
        var tokens: [WordToken] = []
        Tokenizer.tokenize(head, 0..<head.count, into: &tokens)
        var t = 0
        var inCapitals = true
        // The place: capitalised words, joined by spaces, hyphens or dots ("PORT-AU-PRINCE", "ST. PETERSBURG").
        while t < tokens.count, tokens[t].kind == .word, tokens[t].isCapitalized, t < 8 {
            inCapitals = inCapitals && (tokens[t].isAllCaps || tokens[t].end - tokens[t].start == 1)
            t += 1
            if t + 1 < tokens.count, tokens[t].kind == .punctuation, tokens[t].mark == UInt8(ascii: "-") || tokens[t].mark == UInt8(ascii: "."),
               tokens[t].start == tokens[t - 1].end, tokens[t + 1].kind == .word {
                t += 1
            }
        }
        guard t > 0 else { return nil }
        // With a file name's year, "Nov 14" is read as a day of that year (as if the document were of its last day).
        let lastDay = year.flatMap { $0.granularity == .year ? Period.parse($0.label + "-12-31") : $0 }
        var read: [TimeExpression]?
        /// The head's time expressions, read when a rule first asks: most paragraphs open with no dateline.
        func expressions() -> [TimeExpression] {
            if let read { return read }
            let found = extractor.extract(head, documentDate: lastDay, context: nil)
            read = found
            return found
        }
        /// Whether a date found in the head starts at token `k`.
        func opensDate(_ k: Int) -> Bool {
            k < tokens.count && expressions().contains { $0.range.lowerBound == Int(tokens[k].start) }
        }
        /// Whether token `k` is a hyphen, an en or an em dash.
        func isDashMark(_ k: Int) -> Bool {
            tokens[k].mark == UInt8(ascii: "-") || tokens[k].mark == 0xE2 && isDash(head, at: Int(tokens[k].start))
        }
        var date: TimeExpression?
        var agency = false
        while t < tokens.count {
            let token = tokens[t]
            guard token.kind == .punctuation else { return nil }
            switch token.mark {
            case UInt8(ascii: "("), UInt8(ascii: "/"):
                // The agency: "(Reuters)", "(AP)", "(AFP/Reuters)", "(dpa-AFX)", "/PRNewswire/".
                let close = token.mark == UInt8(ascii: "(") ? UInt8(ascii: ")") : token.mark
                var end = t + 1
                while end < tokens.count, end <= t + 6, tokens[end].kind == .word
                        || (tokens[end].mark != close && [UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "&")].contains(tokens[end].mark)) {
                    end += 1
                }
                guard end > t + 1, end < tokens.count, tokens[end].kind == .punctuation, tokens[end].mark == close else { return nil }
                agency = true
                t = end + 1
                if let date, t < tokens.count, tokens[t].kind == .word, tokens[t].isCapitalized { return date }
                guard date.map(isFull) != false else { return nil }
            case _ where token.mark == UInt8(ascii: ",") || isDashMark(t) && date == nil && opensDate(t + 1):
                guard date == nil, t + 1 < tokens.count else { return nil }
                let start = Int(tokens[t + 1].start)
                if let found = expressions().first(where: { $0.range.lowerBound == start }) {
                    guard isFull(found) || isDayOfTheYear(found, year: year) else { return nil }
                    date = found
                    t += 1
                    while t < tokens.count, Int(tokens[t].start) < found.range.upperBound { t += 1 }
                    // An agency in capitals between commas after the date: "14th November 2024, ZEX PR WIRE, ".
                    var end = t + 1
                    while end < tokens.count, end <= t + 5, tokens[end].kind == .word, tokens[end].isAllCaps { end += 1 }
                    if t < tokens.count, tokens[t].mark == UInt8(ascii: ","), end > t + 1, end < tokens.count, tokens[end].mark == UInt8(ascii: ",") {
                        return isFull(found) ? found : nil
                    }
                } else if date != nil {
                    return nil
                } else {
                    // A region: "KYIV, Ukraine (AP)", "SÃO PAULO, Brazil, 2 May 2022".
                    var end = t + 1
                    while end < tokens.count, end <= t + 3, tokens[end].kind == .word, tokens[end].isCapitalized { end += 1 }
                    guard end > t + 1 else { return nil }
                    t = end
                }
            // A hyphen (or two), an en or an em dash, or a colon right after the date ends the dateline.
            case _ where isDashMark(t) || token.mark == UInt8(ascii: ":") && date != nil:
                var next = t + 1
                while next < tokens.count, tokens[next].kind == .punctuation, tokens[next].mark == UInt8(ascii: "-") { next += 1 }
                let story = next < tokens.count && tokens[next].isCapitalized
                guard date.map(isFull) != false || agency else { return nil }
                return inCapitals || agency || story ? date : nil
            default:
                return nil
            }
        }
        return nil
    }

    /// A day and month whose year came from the file name's (`year`), not from the text: a dateline's only with its
    /// agency after it.
    static func isDayOfTheYear(_ expression: TimeExpression, year: Period?) -> Bool {
        guard let year, !expression.isCitation, expression.period.granularity == .day else { return false }
        return expression.period.start >= year.start && expression.period.end <= year.end
    }

    /// An en or em dash at `i`.
    static func isDash(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        i + 2 < text.count && text[i] == 0xE2 && text[i + 1] == 0x80 && (text[i + 2] == 0x93 || text[i + 2] == 0x94)
    }

    /// The longest paragraph read as a date line.
    static let dateLineLength = 120

    /// Words that label a date on a date line, the only lower-case words it may hold ("Last updated 22 November 2022",
    /// "Press release 25 February 2023", "Posted on 3 June 2022 at 10:45 am").
    /// "Posted on 2022-11-08 by Jane Roe" names the writer after "by"; "8 November 2022 · 5 min read" gives the reading time.
    static let labels: Set<String> = ["published", "posted", "updated", "modified", "issued", "released", "release", "dated",
                                      "filed", "created", "written", "first", "last", "on", "at", "am", "pm", "a.m", "p.m",
                                      "a.m.", "p.m.", "by", "min", "read"]

    /// Labels that say the line is the document's date, after which "on" may stand right before it ("UPDATED at 15:00 on
    /// 9 November 2022", "Posted on 2022-11-08"), where in running text it puts the date in a sentence ("Elections on 9 May").
    static let publishing: Set<String> = ["published", "posted", "updated", "modified", "issued", "released", "dated", "filed",
                                          "created", "written"]

    /// Words that give a newspaper's or a firm's founding on its masthead, whose date is not the page's ("Est." is
    /// also the time zone EST, and stays out).
    static let founding: Set<String> = ["commenced", "established", "founded", "estd", "incorporated", "started", "begun",
                                        "inaugurated"]

    /// Words of running text that put a date in a sentence, whatever their case: "Troops To Stay Until May 2024".
    static let prepositions: Set<String> = ["in", "by", "for", "from", "until", "till", "since", "before", "after", "to", "of",
                                            "during", "through", "between", "than", "around", "about", "within"]

    /// The date of a short paragraph that is only a date, with labels and at most four other words: a place,
    /// a time zone, a byline ("Published: 2023-05-31", "Berlin, 22.11.2022", "NIAMEY, Niger - 28 July 2023", "23:47 GMT
    /// 20.09.2021 (Updated: 17:06 GMT 20.04.2023)", "By a staff correspondent, 18/05/2021"). Lower-case words other
    /// than labels (a byline's before its comma aside) make it running text, as does a preposition right before the
    /// date: "The previous budget was passed in March 2019", "Elections in May 2024", "- 2021-12: Wagner arrives in Mali".
    static func dateLine(_ text: UnsafeBufferPointer<UInt8>, extractor: TimeExpressionExtractor) -> Period? {
        let found = extractor.extract(text, documentDate: nil, context: nil)
        // A masthead's year misread by OCR ("WEDNESDAY, JANUARY 12, 1010") dates no page (tester20 #4).
        guard let date = found.first(where: isFull), fileNameYears.contains(date.period.start.year) else { return nil }
        var tokens: [WordToken] = []
        Tokenizer.tokenize(text, 0..<text.count, into: &tokens)
        let isByline = tokens.first.map { $0.kind == .word && word($0, in: text) == "by" } ?? false
        var bylineEnds = false
        var words = 0
        var labelled = false
        for token in tokens where !found.contains(where: { $0.range.contains(Int(token.start)) }) {
            if token.kind == .punctuation, token.mark == UInt8(ascii: ",") { bylineEnds = true }
            // A clock time glued to its zone ("15:00UTC", "23:40:00Z") is no word.
            guard token.kind == .word, !Tokenizer.isDigit(text[Int(token.start)]) else { continue }
            let folded = word(token, in: text)
            // "COMMENCED AUGUST 8, 1837.", "Established 1901": a masthead's founding, not the page's date (tester20 #4).
            if founding.contains(folded) { return nil }
            if !labels.contains(folded) { words += 1 }
            guard token.isCapitalized || labels.contains(folded) || (isByline && !bylineEnds) else { return nil }
            // Right before the date, with nothing but a space between.
            if Int(token.end) < date.range.lowerBound, text[Int(token.end)..<date.range.lowerBound].allSatisfy({ $0 == 0x20 }) {
                if prepositions.contains(folded) || (folded == "on" && !labelled) { return nil }
            }
            if publishing.contains(folded) { labelled = true }
        }
        return words <= 4 ? date.period : nil
    }

    /// The date at the end of a byline after its last " / ": "INQUIRER.net / 05:12 PM March 14, 2018", "By: Nestor
    /// Corrales - Reporter / @NCorralesINQ INQUIRER.net / 05:12 PM March 14, 2018" (tester19 #15), when that part
    /// is a date line.
    static func bylineDate(_ text: UnsafeBufferPointer<UInt8>, extractor: TimeExpressionExtractor) -> Period? {
        var slash = text.count - 2
        while slash > 0, !(text[slash] == UInt8(ascii: "/") && text[slash - 1] == 0x20 && text[slash + 1] == 0x20) { slash -= 1 }
        guard slash > 0 else { return nil }
        return dateLine(UnsafeBufferPointer(rebasing: text[(slash + 2)...]), extractor: extractor)
    }

    /// A word of `text` in lower case (ASCII letters folded; others as written).
    static func word(_ token: WordToken, in text: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: text[Int(token.start)..<Int(token.end)].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
