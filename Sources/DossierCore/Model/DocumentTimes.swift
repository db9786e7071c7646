import DossierTime

/// A sentence's times: the expressions read in it (sentence offsets) and the period it is dated by, with why.
struct SentenceTimes: Sendable {
    var expressions: [TimeExpression] = []
    var time: Period?
    var basis: TimeBasis?
}

/// Dates a document's sentences in text order: reads each one's time expressions and carries a time from sentence to
/// sentence within a paragraph. It needs nothing of the batch, so a core reading ahead does it for the files it
/// prepares (`DocumentAnalyzer.prepare`), and the batch's core for the others, with the same answers.
struct DocumentTimes {
    let extractor: TimeExpressionExtractor
    /// The publication date, which anchors "yesterday" and dates a sentence that states no time.
    let documentDate: Period?
    /// The bytes of the text that state the publication date (`PublicationDate.statement`): their times are the
    /// document's, not events of their sentence.
    let publicationStatement: Range<Int>?
    /// Which number the document's dates with slashes put first, read once when a date asks.
    private var slashOrder: SlashOrder
    /// The latest time the story moved to, and the latest one with a stated year; nil at each new paragraph.
    private var context: Period?
    private var anchor: Period?
    private var paragraph: Int32 = -1

    init(extractor: TimeExpressionExtractor, documentDate: Period?, publicationStatement: Range<Int>?, slashOrder: SlashOrder) {
        self.extractor = extractor
        self.documentDate = documentDate
        self.publicationStatement = publicationStatement
        self.slashOrder = slashOrder
    }

    /// The times of the next sentence, `text[range]` in paragraph `paragraph`, whose time triggers are `triggers`
    /// (sentence offsets, as `TimeTriggers` finds them).
    mutating func read(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, paragraph: Int32, triggers: [Range<Int>]) -> SentenceTimes {
        // A time carried from sentence to sentence stays in its paragraph.
        if paragraph != self.paragraph { (context, anchor, self.paragraph) = (nil, nil, paragraph) }
        let sentenceText = UnsafeBufferPointer(rebasing: text[range])
        // Partial dates ("Feb. 3") take their year from the latest time that has one, never from a date whose year was
        // itself guessed: "On Sept. 11 ..." placed in 2015 by the publication date does not put a later "Feb. 3" in 2015.
        // A time carried from earlier sentences holds only in one that goes on with their story, in the past tense: not in
        // "It must enjoy the confidence ..." after "This Department was created--just 40 years ago", nor "The vote is
        // Nov. 8." after "last year" (its day is placed from the publication date).
        let tense = context == nil && anchor == nil ? StoryTense.unmarked : StoryTense.of(sentenceText)
        var read = extractor.read(sentenceText, triggers: triggers, documentDate: documentDate,
                                  context: tense == .past ? anchor : nil)
        for k in read.expressions.indices { slashOrder.reread(&read.expressions[k], in: sentenceText, document: text) }
        if let statement = publicationStatement, statement.overlaps(range) {
            read.expressions.removeAll { statement.overlaps((range.lowerBound + $0.range.lowerBound)..<(range.lowerBound + $0.range.upperBound)) }
        }
        // "Now, the European Union is running ...": a time carried from earlier sentences ends here.
        if read.speaksOfPresent { (context, anchor) = (nil, nil) }
        var own: TimeExpression?
        for expression in read.expressions where !expression.isCitation {
            // "record levels in each of the last three years, and a record harvest in 1974": a time stated after the
            // span is where the sentence moves to; one inside it is a detail, one before it a point of comparison
            // ("within the last 5 years ... in 1812").
            if let first = own, first.countsFromPublication, !expression.isAnchored, expression.period.start > first.period.end {
                own = expression
            } else if own == nil {
                own = expression
            }
            // "the Dec. 21, 1988, bombing": the date of an event the sentence names, not the story's time, unless it
            // falls within a month of the publication date, where the story is ("The March 12 vote was delayed").
            if expression.namesAnEvent, !Self.isNearPublication(expression.period, documentDate) { continue }
            context = expression.period
            if !expression.guessesYear { anchor = expression.period }
        }
        // "... which began in 1950. Since then, 427 fugitives have been taken into custody": from the carried time up to
        // the publication date; what follows is no longer that time's.
        let sinceThen = own == nil && context != nil && TimeExpressionExtractor.looksBackToThen(sentenceText)
        if sinceThen, let carried = context {
            context = documentDate.flatMap { date in
                date.end >= carried.start ? Period(start: carried.start, end: date.end, granularity: max(carried.granularity, date.granularity)) : nil
            }
            anchor = nil
        }
        let carried = own == nil && !sinceThen && tense != .past ? nil : context
        let (time, basis): (Period?, TimeBasis?) = own.map { (Self.sentenceTime(of: $0, documentDate), .explicit) }
            ?? carried.map { ($0, .context) } ?? documentDate.map { ($0, .document) } ?? (nil, nil)
        if sinceThen || (own == nil && tense == .presentOrFuture) { (context, anchor) = (nil, nil) }
        return SentenceTimes(expressions: read.expressions, time: time, basis: basis)
    }

    /// The time a sentence tells of when `expression` is its own: "Unemployment has fallen since 2016" in a story of
    /// 2021 runs from 2016 to the publication date, as "since then" does; any other expression's interval as it is.
    private static func sentenceTime(of expression: TimeExpression, _ documentDate: Period?) -> Period {
        let period = expression.period
        guard expression.lastsToPublication, let date = documentDate, date.end > period.end else { return period }
        return Period(start: period.start, end: date.end, granularity: max(period.granularity, date.granularity))
    }

    /// Whether `period` is a day or month within 31 days of the publication date: the days a news story tells of.
    private static func isNearPublication(_ period: Period, _ documentDate: Period?) -> Bool {
        guard let date = documentDate, period.granularity <= .month, date.granularity == .day else { return false }
        return period.end >= date.start.adding(days: -31) && period.start <= date.end.adding(days: 31)
    }
}
