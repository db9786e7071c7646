import DossierTime

/// `member of NAME`: the actors that belong to NAME through the lexicon's affiliations (organs, officials, fronts,
/// transitively), each affiliation holding only during its years, tested at each of a sentence's periods.
extension Evaluator {
    func memberSentences(_ name: NameReference, within: SentenceSet?) throws(Diagnostic) -> SentenceSet {
        let target = try entity(name, kind: .actor)
        var up: [Int32: [(Int32, Relation)]] = [:]
        var down: [Int32: [Int32]] = [:]
        for (i, e) in corpus.entities.enumerated() where e.kind == .actor {
            for r in e.relations where r.isMembership {
                guard let t = corpus.entity(named: r.target, kind: .actor), t != Int32(i) else { continue }
                up[Int32(i), default: []].append((t, r))
                down[t, default: []].append(Int32(i))
            }
        }
        // Everyone who may belong at some time; then each sentence is checked at its own time.
        var members: Set<Int32> = []
        var pending = [target]
        while let next = pending.popLast() {
            for m in down[next] ?? [] where m != target && members.insert(m).inserted { pending.append(m) }
        }
        var candidates = union(members.sorted().map { corpus.entitySentences[Int($0)] })
        if let within { candidates = candidates.intersection(within) }
        func belongs(_ e: Int32, at time: Period?, seen: inout Set<Int32>) -> Bool {
            guard seen.insert(e).inserted else { return false }
            for (t, r) in up[e] ?? [] {
                let holds = time.map { r.holds(during: $0) } ?? (r.from == nil && r.until == nil)
                if holds, t == target || belongs(t, at: time, seen: &seen) { return true }
            }
            return false
        }
        // At any of the sentence's periods, as date filters test them ("spoke in 2009 and in 2014" of a president from
        // 2010 is one in 2014); an undated sentence only through affiliations without years.
        return candidates.filter { s in
            let periods = corpus.periods(of: s)
            return corpus.mentions(in: s).contains { m in
                guard members.contains(m.entity) else { return false }
                return (periods.isEmpty ? [nil] : periods.map { Optional($0) }).contains { time in
                    var seen: Set<Int32> = []
                    return belongs(m.entity, at: time, seen: &seen)
                }
            }
        }
    }
}
