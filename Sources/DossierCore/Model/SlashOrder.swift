import DossierTime

/// Which number a document's dates written with slashes put first (`05/04/2021`: 5 April in most of the world, May 4 in
/// the United States), as the document shows it: the order its collection file shows, else the order of its own
/// slash dates that can be read one way only (its text's, its date line's, its page's or front matter's date). Read
/// once, and only for a document that has a date both orders can read.
struct SlashOrder {
    /// The order of the collection file the document is a record of, when the file shows one.
    let fileDayFirst: Bool?
    /// The document's date as its page, front matter or record wrote it, when it has slashes.
    let writtenDate: SlashDate?
    private var shown: Bool??

    init(fileDayFirst: Bool?, writtenDate: SlashDate?) {
        (self.fileDayFirst, self.writtenDate) = (fileDayFirst, writtenDate)
    }

    /// True when the document writes the day first, false when it writes the month first, nil when nothing says.
    mutating func dayFirst(_ text: UnsafeBufferPointer<UInt8>) -> Bool? {
        if let shown { return shown }
        let found = fileDayFirst ?? SlashDate.dayFirst(SlashDate.all(in: text) + (writtenDate.map { [$0] } ?? []))
        shown = .some(found)
        return found
    }

    /// `expression` re-read in the document's order when it is a date with slashes both orders read (the time rules
    /// read such a date month first): "Niger met Sudan on 05/04/2021." in a story dated 26/04/2021 is 5 April.
    mutating func reread(_ expression: inout TimeExpression, in sentence: UnsafeBufferPointer<UInt8>, document text: UnsafeBufferPointer<UInt8>) {
        guard expression.rule == "slashed-date",
              let written = SlashDate(String(decoding: sentence[expression.range], as: UTF8.self), key: ""), written.isAmbiguous,
              dayFirst(text) == true, let period = written.day(dayFirst: true) else { return }
        expression.period = period
    }

    /// The date of `period` read from `written` in the document's order, when `written` is how the date was written.
    mutating func reread(_ period: Period?, written: SlashDate?, text: UnsafeBufferPointer<UInt8>) -> Period? {
        guard let period, let written, written.isAmbiguous, written.day(dayFirst: false) == period,
              dayFirst(text) == true else { return period }
        return written.day(dayFirst: true) ?? period
    }
}

extension SlashDate {
    /// Whether both numbers may be the month and they differ (`03/04/2021`): only an order read elsewhere says which is
    /// the day.
    var isAmbiguous: Bool { first <= 12 && second <= 12 && first != second }

    /// Day first (true) when some of `dates` has a first number above 12 and none a second one (`25/04/2021`), month
    /// first (false) the other way round, nil when none says or they disagree.
    static func dayFirst(_ dates: [SlashDate]) -> Bool? {
        let dayFirst = dates.contains { $0.first > 12 }, monthFirst = dates.contains { $0.second > 12 }
        return dayFirst == monthFirst ? nil : dayFirst
    }

    /// The dates `A/B/YYYY` or `A/B/YY` written in `text`, each a run of digits and two slashes between other
    /// characters.
    static func all(in text: UnsafeBufferPointer<UInt8>) -> [SlashDate] {
        var found: [SlashDate] = []
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        var at = 0
        while at < text.count {
            guard text[at] == UInt8(ascii: "/") else { at += 1; continue }
            var start = at
            while start > 0, isDigit(text[start - 1]) || text[start - 1] == UInt8(ascii: "/") { start -= 1 }
            var end = at
            while end < text.count, isDigit(text[end]) || text[end] == UInt8(ascii: "/") { end += 1 }
            if let date = SlashDate(String(decoding: text[start..<end], as: UTF8.self), key: "") { found.append(date) }
            at = end
        }
        return found
    }
}
