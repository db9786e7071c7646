import DossierTime

/// Date filters that each bound one side of time, joined by `and` (`since 1990 until 2000`): a sentence passes them
/// all when its periods end on or after the latest of the lower bounds and start on or before the earliest of the
/// upper ones, whichever of its periods does each. Answered together, they read the year index for the years between
/// the bounds only, where answered one after the other the second tested each sentence the first kept (a million at
/// 1 GB for `since 1990`).
struct DateBounds {
    /// The day (ordinal) a passing sentence's periods must end on or after, and the day they must start on or before.
    var lowest = Int32.min, highest = Int32.max

    /// The bounds of `since`, `after`, `until` and `before` filters joined by `and`; nil for any other filter.
    init?(_ filter: Filter) {
        switch filter {
        case .date(let relation, let period, _):
            switch relation {
            case .since: lowest = period.start.ordinal
            case .after: lowest = period.end.ordinal + 1
            case .until: highest = period.end.ordinal
            case .before: highest = period.start.ordinal - 1
            case .within: return nil
            }
        case .and(let a, let b):
            guard let x = DateBounds(a), let y = DateBounds(b) else { return nil }
            (lowest, highest) = (max(x.lowest, y.lowest), min(x.highest, y.highest))
        default:
            return nil
        }
    }

    func passes(first: Int32, last: Int32) -> Bool { last >= lowest && first <= highest }
}

extension Corpus {
    /// The ordinals of the earliest day a sentence's periods (those of `periods(of:)`) start on and the latest they end
    /// on; nil when it has none.
    func periodBounds(of sentence: Int32) -> (first: Int32, last: Int32)? {
        let s = sentences[Int(sentence)]
        guard let time = time(of: s), let basis = s.basis else { return nil }
        if basis != .explicit { return (time.start.ordinal, time.end.ordinal) }
        var first = Int32.max, last = Int32.min
        for t in times(of: sentence) where !t.isCitation {
            first = min(first, t.period.start.ordinal)
            last = max(last, t.period.end.ordinal)
        }
        return first <= last ? (first, last) : nil
    }
}

extension Evaluator {
    /// The sentences passing date bounds. One period passing them all touches a year from the lower bound's to the
    /// upper bound's (when the bounds leave a gap, it spans the gap, and so touches the upper bound's year): the
    /// sentences of the years strictly between pass whatever their days, those of the bounds' own years and of periods
    /// too long for the index are tested. A sentence passing each bound with another period is one of the corpus's
    /// spread dates, whose bounds are read in one pass.
    func boundedDateSentences(within: SentenceSet?, _ bounds: DateBounds) throws(Diagnostic) -> SentenceSet {
        func passes(_ id: Int32) -> Bool {
            guard let b = corpus.periodBounds(of: id) else { return false }
            return bounds.passes(first: b.first, last: b.last)
        }
        let lowYear = bounds.lowest == Int32.min ? 1 : Day(ordinal: bounds.lowest).year
        let highYear = bounds.highest == Int32.max ? 9999 : Day(ordinal: bounds.highest).year
        let years = lowYear <= highYear ? lowYear...highYear : highYear...highYear
        guard let (inside, edges) = yearLists(years, within: within) else { return try keeping(within!, passes) }
        // One mark a sentence: the sure ones first, then each tested one not marked yet; the marks read in order are
        // the answer, with no sort, no merge and no search of the sure ones for each tested sentence.
        var marks = SentenceMarks(count: corpus.sentences.count)
        for list in inside { marks.insert(list) }
        let spread = corpus.spreadDates.get(corpus)
        for i in spread.sentences.indices where bounds.passes(first: spread.firsts[i], last: spread.lasts[i]) {
            marks.insert(spread.sentences[i])
        }
        var poll = StopPoll(shouldStop)
        for list in edges {
            for id in list where !marks.contains(id) {
                if poll.step() { throw interrupted }
                if passes(id) { marks.insert(id) }
            }
        }
        let found = SentenceSet(sorted: marks.sorted())
        return within.map { found.intersection($0) } ?? found
    }
}

/// A set of sentence ids as one bit a sentence of the corpus: marking and testing cost one word's change, and the
/// ids come out in order.
struct SentenceMarks {
    private var words: [UInt64]
    private var marked = 0

    init(count: Int) { words = [UInt64](repeating: 0, count: (count + 63) / 64) }

    func contains(_ id: Int32) -> Bool { words[Int(id) >> 6] & (1 << UInt64(id & 63)) != 0 }

    mutating func insert(_ id: Int32) {
        let bit: UInt64 = 1 << UInt64(id & 63)
        if words[Int(id) >> 6] & bit == 0 { marked += 1 }
        words[Int(id) >> 6] |= bit
    }

    mutating func insert(_ ids: [Int32]) {
        words.withUnsafeMutableBufferPointer { words in
            for id in ids {
                let bit: UInt64 = 1 << UInt64(id & 63)
                marked += words[Int(id) >> 6] & bit == 0 ? 1 : 0
                words[Int(id) >> 6] |= bit
            }
        }
    }

    /// The marked ids, ascending.
    func sorted() -> [Int32] {
        var ids: [Int32] = []
        ids.reserveCapacity(marked)
        for (w, word) in words.enumerated() where word != 0 {
            var rest = word
            while rest != 0 {
                ids.append(Int32(w << 6 | rest.trailingZeroBitCount))
                rest &= rest - 1
            }
        }
        return ids
    }
}
