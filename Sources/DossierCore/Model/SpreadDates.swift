import DossierTime

/// The sentences dated by two or more different periods, each with the earliest day its periods start on and the
/// latest they end on. Date filters joined by `and` (`since 1990 until 2000`) are answered from the year index for a
/// sentence one period of which passes them all; a sentence may also pass each with another period (1985 and 2005
/// pass both), and only these sentences can. The bounds decide `since`, `after`, `until` and `before` exactly, so
/// they are read in one pass here instead of each sentence's times where it lies in the corpus.
struct SpreadDates: Sendable {
    var sentences: [Int32] = []
    /// The ordinal of the earliest start and of the latest end among each sentence's periods.
    var firsts: [Int32] = []
    var lasts: [Int32] = []

    /// Read from the corpus's time expressions, in sentence order (the periods of `Corpus.periods(of:)`).
    init(_ corpus: Corpus) {
        let times = corpus.times
        var t = 0
        while t < times.count {
            let sentence = times[t].sentence
            var first: Period?
            var low = Int32.max, high = Int32.min
            var spread = false
            while t < times.count, times[t].sentence == sentence {
                let time = times[t]
                t += 1
                guard !time.isCitation else { continue }
                if let first, first != time.period { spread = true } else { first = time.period }
                low = min(low, time.period.start.ordinal)
                high = max(high, time.period.end.ordinal)
            }
            let s = corpus.sentences[Int(sentence)]
            guard spread, s.basis == .explicit, corpus.time(of: s) != nil else { continue }
            sentences.append(sentence)
            firsts.append(low)
            lasts.append(high)
        }
    }
}

/// The spread dates of a corpus, read the first time joined date filters ask and shared by every copy of the corpus.
final class LazySpreadDates: Sendable {
    private let state = Locked<SpreadDates?>(nil)

    func get(_ corpus: Corpus) -> SpreadDates {
        state.withLock { state in
            if let built = state { return built }
            let built = SpreadDates(corpus)
            state = built
            return built
        }
    }
}
