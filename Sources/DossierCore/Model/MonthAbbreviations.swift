/// Month abbreviations as news agencies write them ("Jan. 6", "since Sept. 11", "in Aug.", "Dec. 2020"): dates the time
/// expressions read, never a name ("Jan" is a first name, "Aug" after "in" looked like a town).
struct MonthAbbreviations {
    /// The abbreviations, folded: AP style's seven, and the shorter forms other styles use ("Mar. 3", "Jun 5").
    static let abbreviations = NameDiscovery.words(["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"])
    /// Words before a month that make it a date: "in Aug.", "since Jan.", "late Dec.".
    static let lead = NameDiscovery.words(["in", "on", "since", "by", "until", "till", "from", "through", "to", "before", "after", "of",
                                           "during", "early", "late", "mid", "last", "next", "this", "between", "and"])

    private let abbreviationIds: WordSet
    private let leadIds: WordSet

    init(vocabulary: inout Vocabulary) {
        func ids(_ set: Set<[UInt8]>) -> WordSet { WordSet(interning: set, into: &vocabulary) }
        abbreviationIds = ids(Self.abbreviations)
        leadIds = ids(Self.lead)
    }

    /// Whether word `k` of a sentence is a month abbreviation used as a date: capitalised, then a day or a year ("Jan. 6",
    /// "Jan 6", "Dec. 2020"), or written with its full stop after a day or a word that leads a date ("6 Jan.", "in Aug.").
    /// Asked of every word not yet covered: inlined into that loop, where the call cost more than the test.
    @inline(__always)
    func isDate(_ k: Int, tokens: [WordToken], words: [Int], ids: [Int32]) -> Bool {
        let token = tokens[words[k]]
        guard token.kind == .word, token.isCapitalized, !token.isAllCaps, abbreviationIds.contains(ids[k]) else { return false }
        if k + 1 < words.count, tokens[words[k + 1]].kind == .number { return true }
        let stop = words[k] + 1
        guard stop < tokens.count, tokens[stop].kind == .punctuation, tokens[stop].mark == UInt8(ascii: "."),
              tokens[stop].start == token.end, k > 0 else { return false }
        return tokens[words[k - 1]].kind == .number || leadIds.contains(ids[k - 1])
    }
}
