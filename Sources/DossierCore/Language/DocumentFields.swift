/// Document fields from manifests (`source: academic`, `author: ...`): the `source` and `field` filters and
/// `count ... by source | by field KEY`.
extension Evaluator {
    /// The documents whose field `key` has `value` (ignoring case and diacritics); an unknown key or value is an error
    /// naming the nearest one, not an empty answer.
    func fieldDocuments(_ key: String, _ value: NameReference) throws(Diagnostic) -> [Int32] {
        let keys = Set(corpus.documents.flatMap { $0.fields.map(\.key) })
        guard keys.contains(key) else {
            let what = keys.isEmpty ? "no document has fields (a manifest gives them: `source: news`)" : "no document has a field '\(key)'"
            throw fail(value.span, what, Suggest.nearest(key, in: keys))
        }
        let folded = Folding.fold(value.text)
        let found = corpus.documents.indices.filter { corpus.documents[$0].fieldValues(key).contains { Folding.fold($0) == folded } }.map { Int32($0) }
        guard !found.isEmpty else {
            let values = Set(spellings(of: key).values)
            throw fail(value.span, "no document has \(key) '\(value.text)' (values: \(values.sorted().joined(separator: ", ")))",
                       Suggest.nearest(value.text, in: values))
        }
        return found
    }

    /// Each value of field `key`, folded as the filter compares them ("Le Monde", "le monde"), with the spelling most
    /// documents give it (the first met among equals): `count by source` groups as `source VALUE` finds.
    func spellings(of key: String) -> [String: String] {
        var tally: [String: [String: Int]] = [:], order: [String: Int] = [:]
        for document in corpus.documents {
            for value in document.fieldValues(key) {
                tally[Folding.fold(value), default: [:]][value, default: 0] += 1
                if order[value] == nil { order[value] = order.count }
            }
        }
        return tally.mapValues { counts in
            counts.max { a, b in a.value != b.value ? a.value < b.value : order[a.key]! > order[b.key]! }!.key
        }
    }

    /// Sentences counted by the value of a document field; documents without the field count under "(none)", and a
    /// document with several values (authors) under each.
    func count(_ filter: Filter?, byField key: String, span: SourceSpan, _ stages: [Stage]) throws(Diagnostic) -> CommandResult {
        let keys = Set(corpus.documents.flatMap { $0.fields.map(\.key) })
        guard keys.contains(key) else {
            throw fail(span, "no document has a field '\(key)'", Suggest.nearest(key, in: keys))
        }
        guard case .counts(var result) = try count(filter, by: .doc, stages.filter { if case .filter = $0 { true } else { false } }) else {
            preconditionFailure("count by doc gives counts")
        }
        var byValue: [String: Int] = [:]
        let spelling = spellings(of: key)
        for row in result.rows {
            guard case .found(let d) = corpus.document(matching: row.key) else { continue }
            let values = Set(corpus.documents[Int(d)].fieldValues(key).map { spelling[Folding.fold($0)]! })
            for value in values.isEmpty ? ["(none)"] : values { byValue[value, default: 0] += row.count }
            if values.count > 1 { result.spread = true }
        }
        result.key = key
        result.rows = byValue.map { (key: $0.key, count: $0.value) }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key }
        result.keys = result.rows.count
        // The parser reads `| limit N offset M` as an offset then a limit: here they page the values, in turn with sorts.
        var counted = CommandResult.counts(result)
        var offset = 0
        for stage in stages {
            switch stage {
            case .offset(let m): offset = m
            case .limit(let n, _):
                // A count cut short says so, as `count ... by actor | limit N` does.
                counted = counted.limited(to: n, offset: offset) { "\($0) values" }
                offset = 0
            case .sample(let n, let seed): counted = try apply([.sample(n, seed: seed)], to: counted)
            case .sortRows(let by, let descending):
                guard case .counts(var sorted) = counted else { continue }
                try sortRows(&sorted.rows, by: by, descending: descending, keyOrder: <)
                counted = .counts(sorted)
            case .filter, .sort: continue
            }
        }
        return counted
    }

    /// The field keys documents have: source first, then the others in the order they are first met (a collection's
    /// header order, a manifest's lines), as the user wrote them.
    func fieldKeys() -> [String] {
        var seen: Set<String> = ["source"]
        let others = corpus.documents.lazy.flatMap { $0.fields.map(\.key) }.filter { seen.insert($0).inserted }
        let hasSource = corpus.documents.contains { $0.fields.contains { $0.key == "source" } }
        return (hasSource ? ["source"] : []) + others
    }
}
