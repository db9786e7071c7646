/// What a matched phrase says before it is placed on the calendar.
enum Reading: Sendable {
    /// Stated in full: "5 February 2019", "the 1960s".
    case stated(Period)
    /// An academic citation year: "(Hedenskog 2019)".
    case citation(Period)
    /// A month without a year, placed by the context: "In May", "that August", "early May".
    case partialMonth(month: Int, third: SpanThird?)
    /// A day without a year, placed by the context: "On February 5".
    case partialDay(month: Int, day: Int)
    /// Placed by the document date: "yesterday", "last week".
    case deictic(Deixis)

    var isCitation: Bool {
        if case .citation = self { return true }
        return false
    }

    var isAnchored: Bool {
        switch self {
        case .stated, .citation: false
        case .partialMonth, .partialDay, .deictic: true
        }
    }
}

/// Expressions whose meaning depends on when the document was written.
enum Deixis: Sendable {
    /// yesterday (-1), today (0), tomorrow (+1).
    case days(Int)
    /// "on Saturday" (the most recent one before) or "next Saturday".
    case weekday(Int, forward: Bool)
    /// last (-1), this (0) or next (+1) week, month, year.
    case weeks(Int)
    case months(Int)
    case years(Int)
    /// "earlier this year" / "later this year".
    case restOfYear(earlier: Bool)
    /// "earlier this month" / "later this month".
    case restOfMonth(earlier: Bool)
    /// "last summer", "this winter".
    case season(startMonth: Int, offset: Int)
    /// "last May", "next March".
    case namedMonth(Int, offset: Int)
}

/// A rule's answer at one token: the reading and the token index just past the phrase.
struct RuleMatch: Sendable {
    var end: Int
    var reading: Reading
    var rule: String
}
