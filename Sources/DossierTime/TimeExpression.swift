/// A time expression found in text: where it is, what interval it means, and which rule produced it.
public struct TimeExpression: Hashable, Sendable {
    /// UTF-8 byte offsets within the buffer given to the extractor.
    public var range: Range<Int>
    public var period: Period
    /// Short rule name, e.g. "day-month-year", "year-range", "relative-yesterday", "citation".
    public var rule: String
    /// Academic citation year: never the time of an event.
    public var isCitation: Bool
    /// Resolved against an anchor (relative/partial) rather than stated in full.
    public var isAnchored: Bool
    /// A month or day without a year ("Feb. 3", "in May", "on Christmas Eve") whose year came from the context or the
    /// publication date: a guess, which must not become the year of the partial dates after it.
    public var guessesYear: Bool
    /// Whole days, months or years counted from the publication date ("the last three years", "the next five years"):
    /// a stretch the sentence looks over, which yields to a time the sentence states after it ("... in 1974").
    public var countsFromPublication: Bool
    /// Says which event a noun is ("the Dec. 21, 1988, bombing", "the Sept. 11 attacks"), not when the story is: it
    /// dates its sentence but is carried to no other and gives its year to no partial date after it.
    public var namesAnEvent: Bool
    /// Follows "since" in a sentence of the present ("Unemployment has fallen since 2016"): the expression names 2016,
    /// and what the sentence tells runs from it up to the publication date.
    public var lastsToPublication: Bool

    public init(range: Range<Int>, period: Period, rule: String, isCitation: Bool = false, isAnchored: Bool = false,
                guessesYear: Bool = false, countsFromPublication: Bool = false, namesAnEvent: Bool = false,
                lastsToPublication: Bool = false) {
        self.range = range
        self.period = period
        self.rule = rule
        self.isCitation = isCitation
        self.isAnchored = isAnchored
        self.guessesYear = guessesYear
        self.countsFromPublication = countsFromPublication
        self.namesAnEvent = namesAnEvent
        self.lastsToPublication = lastsToPublication
    }
}
