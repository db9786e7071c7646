import DossierTime

/// What every view of a sentence shows about it: where it is in its document, its time, the names in it.
extension Corpus {
    func timeValue(_ id: Int32) -> Value { timeEntry(id)?.json ?? .null }

    /// Every period the sentence speaks of, as date filters and counts by year test them (`periods(of:)`): `time` is
    /// the first of them, and a program needs them all to count what the shell counts.
    func timesValue(_ id: Int32) -> Value {
        .list(periods(of: id).map { .object([("start", .string($0.start.iso)), ("end", .string($0.end.iso))]) })
    }

    /// The same periods as one cell: `START..END` each, joined by "; ".
    func timesCell(_ id: Int32) -> String {
        periods(of: id).map { "\($0.start.iso)..\($0.end.iso)" }.joined(separator: "; ")
    }

    /// A sentence's time and what dates it, if anything does.
    func timeEntry(_ id: Int32) -> ProfileEntry? {
        let s = sentences[Int(id)]
        guard let t = time(of: s), let basis = s.basis else { return nil }
        return .sentenceTime(start: t.start.iso, end: t.end.iso, basis: basis.rawValue)
    }

    func sentenceNumber(_ id: Int32) -> Int {
        Int(id - documents[Int(sentences[Int(id)].document)].sentences.lowerBound) + 1
    }

    func names(in id: Int32, kind: EntityKind) -> [String] {
        var seen = Set<Int32>()
        return mentions(in: id).compactMap { m in
            !m.isCitation && entities[Int(m.entity)].kind == kind && seen.insert(m.entity).inserted ? entities[Int(m.entity)].name : nil
        }
    }
}
