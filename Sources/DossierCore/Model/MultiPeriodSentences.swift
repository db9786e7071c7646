/// The sentences with two or more periods (as `Corpus.periods(of:)` gives them), ascending: only such a sentence can
/// pass two date filters with two different periods, so joined date filters test these beside their years' lists.
/// Made from the sentences the first time two date filters are joined, and shared by every copy of the corpus.
final class MultiPeriodSentences: Sendable {
    private let made = Locked<[Int32]?>(nil)

    func get(_ corpus: Corpus) -> [Int32] {
        made.withLock { made in
            if let made { return made }
            var list: [Int32] = []
            for (id, s) in corpus.sentences.enumerated() where s.basis == .explicit && s.times.count > 1 {
                var periods = 0
                for k in Int(s.times.lowerBound)..<Int(s.times.upperBound) where !corpus.times[k].isCitation { periods += 1 }
                if periods > 1 { list.append(Int32(id)) }
            }
            made = list
            return list
        }
    }
}

extension Corpus {
    /// The sentences with two or more periods, ascending (see `MultiPeriodSentences`).
    var multiPeriodSentences: [Int32] { multiPeriods.get(self) }
}
