import Foundation
import DossierTime

/// The corpus-reading commands: find, timeline, count, top, listings, profiles, kwic, cooccur.
extension Evaluator {
    func find(_ filter: Filter?, _ stages: [Stage], timeline: Bool) throws(Diagnostic) -> SentenceResult {
        var (set, copies) = try sentencesAndCopies(filter)
        var ids: [Int32]
        var leftOut: String?
        if timeline {
            // A timeline keeps the sentences dated by what they say: it says how many others match (the `| where` stages
            // too, as `and` would), and why they are not on it.
            var matched = set
            for case .filter(let f) in stages { matched = try sentences(f, within: matched) }
            let offTimeline = try keeping(matched) { corpus.sentences[Int($0)].basis.map { $0 == .document } ?? true }
            if !offTimeline.isEmpty {
                let undated = offTimeline.ids.reduce(0) { $0 + (corpus.sentences[Int($1)].basis == nil ? 1 : 0) }
                let byDocument = offTimeline.count - undated
                let why = [byDocument > 0 ? "\(byDocument) dated only by their document" : nil, undated > 0 ? "\(undated) undated" : nil]
                let more = offTimeline.count
                leftOut = "\(more) more sentence\(more == 1 ? " matches but is" : "s match but are") not on the timeline ("
                    + why.compactMap { $0 }.joined(separator: ", ") + "): 'find' lists them"
            }
            ids = try keeping(set) { corpus.sentences[Int($0)].basis.map { $0 != .document } ?? false }.ids
            try sortByTime(&ids)
        } else {
            ids = set.ids
        }
        var limited = false
        var offset = 0
        var offsetFrom = 0
        var steps = Sample.Steps()
        var total = ids.count
        var highlights: (entities: Set<Int32>, phrases: [String]) = filter?.highlights(self) ?? ([], [])
        for stage in stages {
            switch stage {
            case .filter(let f):
                set = try sentences(f, within: SentenceSet(unsorted: ids))
                ids = ids.filter(set.contains)
                total = ids.count
                steps = Sample.Steps()
                let more = f.highlights(self)
                highlights.entities.formUnion(more.entities)
                highlights.phrases += more.phrases
            case .sort(let key, let descending):
                switch key {
                case .time:
                    try sortByTime(&ids)
                    // Latest first, and undated sentences still last: the latest are what `desc` asks for.
                    if descending { ids[..<(ids.firstIndex { corpus.earliestPeriod(of: $0) == nil } ?? ids.endIndex)].reverse() }
                case .doc:
                    try sort(&ids, by: <)
                    if descending { ids.reverse() }
                }
            case .limit(let n, _):
                let count = offset > 0 ? offsetFrom : ids.count
                ids = Array(ids.prefix(n))
                steps.limit(offset: offset, kept: ids.count, of: count)
                offset = 0
                limited = true
            case .offset(let m):
                offsetFrom = ids.count
                ids = Array(ids.dropFirst(m))
                limited = true
                offset = m
            case .sample(let n, let seed):
                steps.sample(n, seed: seed, of: ids.count)
                ids = Sample.choose(n, from: ids, seed: seed)
                limited = true
            case .sortRows:
                // The parser takes it only after a count, whose rows it orders (see `count`).
                break
            }
        }
        var note = [leftOut, Self.copiesNote(copies)].compactMap { $0 }.joined(separator: "\n")
        if ids.isEmpty, let why = filter?.contradiction().map({ "no sentence can match: " + $0 }) ?? filter?.repeatedDocument(self) {
            note = why
        }
        return SentenceResult(ids: ids, total: total, limited: limited, highlightEntities: highlights.entities,
                              highlightPhrases: highlights.phrases, steps: steps, note: note.isEmpty ? nil : note)
    }

    /// Sorts sentences by time: earlier intervals first (a sentence's earliest period); undated last; ties by document
    /// and sentence. Each sentence's earliest period is found once, not at every comparison.
    func sortByTime(_ ids: inout [Int32]) throws(Diagnostic) {
        var keyed = ids.map { (id: $0, period: corpus.earliestPeriod(of: $0)) }
        try sort(&keyed) { a, b in
            switch (a.period, b.period) {
            case (nil, nil): return a.id < b.id
            case (nil, _): return false
            case (_, nil): return true
            case (let x?, let y?):
                if x.start != y.start { return x.start < y.start }
                if x.end != y.end { return x.end < y.end }
                return a.id < b.id
            }
        }
        ids = keyed.map(\.id)
    }

    func count(_ filter: Filter?, by key: CountKey?, _ stages: [Stage]) throws(Diagnostic) -> CommandResult {
        // Where and sort pick and order the sentences; limit, offset and sample pick rows of the count.
        let filterStages = stages.filter {
            switch $0 {
            case .filter, .sort: return true
            case .limit, .offset, .sample, .sortRows: return false
            }
        }
        var counts: [String: Int] = [:]
        var publicationDated: [String: Int] = [:]
        var order: [String: Int] = [:]
        let total: Int
        var note: String?
        if filter == nil, filterStages.isEmpty, universe == nil, key == .actor || key == .place {
            // Over the whole corpus the entity index already holds each count: no pass over every sentence.
            let kind: EntityKind = key == .actor ? .actor : .place
            counts.reserveCapacity(corpus.entities.count / 2)
            for (i, e) in corpus.entities.enumerated() where e.kind == kind && !corpus.entitySentences[i].isEmpty {
                counts[e.name, default: 0] += corpus.entitySentences[i].count
            }
            total = corpus.sentences.count
        } else {
            let found = try find(filter, filterStages, timeline: false)
            total = found.total
            note = found.note
            if key == .year || key == .month {
                // Counted by number, named once per key: formatting a name per sentence cost more than the count.
                let monthly = key == .month
                var byPeriod: [Int: Int] = [:]
                var byPublication: [Int: Int] = [:]
                var keys: [Int] = []
                var poll = StopPoll(shouldStop)
                for id in found.ids {
                    if poll.step() { throw interrupted }
                    keys.removeAll(keepingCapacity: true)
                    periodKeys(of: id, monthly: monthly) { keys.append($0) }
                    if keys.count > 1 {
                        keys.sort()
                        var w = 1
                        for k in keys.dropFirst() where k != keys[w - 1] {
                            keys[w] = k
                            w += 1
                        }
                        keys.removeSubrange(w...)
                    }
                    let onlyPublished = corpus.sentences[Int(id)].basis == .document
                    for k in keys {
                        byPeriod[k, default: 0] += 1
                        if onlyPublished { byPublication[k, default: 0] += 1 }
                    }
                }
                fillGaps(&byPeriod, monthly: monthly)
                for (k, n) in byPeriod { counts[Self.periodName(k, monthly: monthly)] = n }
                for (k, n) in byPublication { publicationDated[Self.periodName(k, monthly: monthly)] = n }
            } else if let key {
                var poll = StopPoll(shouldStop)
                for id in found.ids {
                    if poll.step() { throw interrupted }
                    for k in keys(of: id, key) {
                        counts[k, default: 0] += 1
                        if order[k] == nil { order[k] = order.count }
                    }
                }
            }
        }
        guard let key else { return .total(total, note: note) }
        // When the first stage on the rows is `| limit N` (or `top N`), only the first N of the order are ranked.
        let firstRows: Int? = stages.lazy.compactMap { stage -> Int?? in
            switch stage {
            case .filter, .sort: return nil
            case .limit(let n, _): return .some(n)
            case .offset, .sample, .sortRows: return .some(nil)
            }
        }.first ?? nil
        let rowCount = counts.count
        let unranked = counts.map { (key: $0.key, count: $0.value) }
        var rows: [(key: String, count: Int)]
        // The keys' own order: time for years and months ("undated" last), the corpus's for documents, names by letter.
        let keyOrder: (String, String) -> Bool
        switch key {
        case .year, .month:
            keyOrder = { a, b in a == "undated" || b == "undated" ? b == "undated" && a != "undated" : a < b }
            rows = try ranked(unranked, first: firstRows) { keyOrder($0.key, $1.key) }
        case .doc:
            keyOrder = { order[$0]! < order[$1]! }
            rows = try ranked(unranked, first: firstRows) { keyOrder($0.key, $1.key) }
        case .actor, .place, .type:
            keyOrder = { $0 < $1 }
            rows = try ranked(unranked, first: firstRows) {
                $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key
            }
        }
        var limited = false
        var steps = Sample.Steps()
        var offset = 0
        var offsetFrom = 0
        var onlyFirstRanked = firstRows != nil
        for stage in stages {
            switch stage {
            case .limit(let n, _):
                // A chart cut short says so: its last row would otherwise read as the end of the counts.
                let available = offset > 0 ? offsetFrom : onlyFirstRanked ? rowCount : rows.count
                onlyFirstRanked = false
                rows = Array(rows.prefix(n))
                steps.limit(offset: offset, kept: rows.count, of: available,
                            all: "\(available) \(key == .doc ? "documents" : key.rawValue + "s")")
                offset = 0
            case .offset(let m):
                offsetFrom = rows.count
                rows = Array(rows.dropFirst(m))
                offset = m
            case .sample(let n, let seed):
                steps.sample(n, seed: seed, of: rows.count)
                rows = Sample.choose(n, from: rows, seed: seed)
            case .sortRows(let by, let descending):
                try sortRows(&rows, by: by, descending: descending, keyOrder: keyOrder,
                             lastKey: key == .year || key == .month ? "undated" : nil)
                continue
            case .filter, .sort: continue
            }
            limited = true
        }
        var result = CountResult(key: key.rawValue, rows: rows, total: total, chart: key == .year || key == .month, limited: limited,
                                 keys: rowCount, steps: steps)
        if key == .year || key == .month {
            result.publicationDated = publicationDated
            result.largest = counts.values.max()
            result.spread = counts.values.reduce(0, +) > total
        }
        return .counts(result)
    }

    /// `| sort by count|KEY [desc]`: a count's rows by their counts or by `keyOrder`; rows that tie keep their order.
    /// `lastKey` (a chart's "undated") stays last in a sort by key, either way.
    func sortRows(_ rows: inout [(key: String, count: Int)], by order: RowOrder, descending: Bool,
                  keyOrder: (String, String) -> Bool, lastKey: String? = nil) throws(Diagnostic) {
        var numbered = Array(rows.enumerated())
        try sort(&numbered) { a, b in
            if order == .key, let lastKey, (a.element.key == lastKey) != (b.element.key == lastKey) { return b.element.key == lastKey }
            let (x, y) = descending ? (b.element, a.element) : (a.element, b.element)
            switch order {
            case .count where x.count != y.count: return x.count < y.count
            case .key where x.key != y.key: return keyOrder(x.key, y.key)
            default: return a.offset < b.offset
            }
        }
        rows = numbered.map(\.element)
    }

    /// Every year (month) with no sentence between the first and the last gets a zero, however long the gap, so that
    /// a table, a chart and a program reading the rows all see time whole: 1800, 1900 and 2000 are not three years in
    /// a row (a chart draws a long run of zeros as one row `A..B`).
    func fillGaps(_ counts: inout [Int: Int], monthly: Bool) {
        let periods = counts.keys.filter { $0 != Self.undated }
        guard let first = periods.min(), let last = periods.max() else { return }
        for k in first...last where counts[k] == nil { counts[k] = 0 }
    }

    /// The period key of sentences with no time.
    static let undated = Int.min

    /// Calls `body` with each key a sentence counts under: each year (or month, as year × 12 + month − 1) that one
    /// of its periods covers, the periods date filters test (`Corpus.periods(of:)`), so that `count ... by year`
    /// and `find ... in YEAR` agree for every year. A key may come more than once; the caller counts it once.
    func periodKeys(of id: Int32, monthly: Bool, _ body: (Int) -> Void) {
        func keys(_ t: Period) {
            if monthly {
                let (first, last) = (t.start.civil, t.end.civil)
                for month in (first.year * 12 + first.month - 1)...(last.year * 12 + last.month - 1) { body(month) }
            } else {
                for year in t.start.year...t.end.year { body(year) }
            }
        }
        // The periods of `Corpus.periods(of:)`, read in place (no array made for each sentence).
        let s = corpus.sentences[Int(id)]
        guard let time = corpus.time(of: s), let basis = s.basis else { return body(Self.undated) }
        if basis != .explicit { return keys(time) }
        var any = false
        for t in corpus.times(of: id) where !t.isCitation {
            any = true
            keys(t.period)
        }
        if !any { body(Self.undated) }
    }

    /// "1990", "1990-07": what `String(format: "%04d-%02d")` writes, without Foundation's formatter (a chart's rows
    /// cost more to name with it than to count).
    static func periodName(_ key: Int, monthly: Bool) -> String {
        if key == undated { return "undated" }
        return monthly ? zeroPadded(key / 12, 4) + "-" + zeroPadded(key % 12 + 1, 2) : zeroPadded(key, 4)
    }

    /// `n` in decimal, with zeros after the sign up to `width` characters in all, as printf's `%0*d` writes it.
    static func zeroPadded(_ n: Int, _ width: Int) -> String {
        let digits = String(n.magnitude)
        let sign = n < 0 ? "-" : ""
        return sign + String(repeating: "0", count: max(0, width - sign.count - digits.count)) + digits
    }

    /// The keys a sentence counts under, for keys other than years and months (see `periodKeys`).
    func keys(of id: Int32, _ key: CountKey) -> [String] {
        let s = corpus.sentences[Int(id)]
        switch key {
        case .year, .month:
            preconditionFailure("years and months are counted by number, through periodKeys")
        case .doc:
            return [corpus.documents[Int(s.document)].id]
        case .actor, .place:
            let kind: EntityKind = key == .actor ? .actor : .place
            var seen = Set<Int32>()
            return corpus.mentions(in: id).compactMap { m in
                !m.isCitation && corpus.entities[Int(m.entity)].kind == kind && seen.insert(m.entity).inserted ? corpus.entities[Int(m.entity)].name : nil
            }
        case .type:
            var seen = Set<String>()
            return corpus.mentions(in: id).compactMap { m in
                let e = corpus.entities[Int(m.entity)]
                return !m.isCitation && e.kind == .actor && seen.insert(e.type).inserted ? e.type : nil
            }
        }
    }

    func top(_ kind: EntityKind, _ n: Int?, _ filter: Filter?) throws(Diagnostic) -> CommandResult {
        let key: CountKey = kind == .actor ? .actor : .place
        let limit = Stage.limit(n ?? 10, SourceSpan(line: 1, column: 1, length: 1))
        return try count(filter, by: key, [limit])
    }

    func list(_ kind: EntityKind, type: NameReference?, discovered: Bool) throws(Diagnostic) -> TableResult {
        var named = corpus.entities.indices.filter { corpus.entities[$0].kind == kind && corpus.entityMentionCounts[$0] > 0 }
        if let type {
            let folded = Folding.fold(type.text)
            let types = Set(corpus.entities.filter { $0.kind == kind }.map(\.type))
            guard types.contains(where: { Folding.fold($0) == folded }) else {
                throw fail(type.span, "unknown type '\(type.text)'", Suggest.nearest(type.text, in: types))
            }
            named = named.filter { Folding.fold(corpus.entities[$0].type) == folded }
        }
        var indices = named.filter { corpus.entities[$0].isDiscovered == discovered }
        // The other half of the names is left out: the title says how many, and how to list them.
        let others = named.count - indices.count
        try sort(&indices) { a, b in
            let ca = mentionCount(Int32(a)), cb = mentionCount(Int32(b))
            return ca != cb ? ca > cb : corpus.entities[a].name < corpus.entities[b].name
        }
        let rows: [[Value]] = indices.compactMap { i in
            let e = corpus.entities[i]
            let mentions = mentionCount(Int32(i))
            return mentions == 0 ? nil : [.string(e.name), .string(e.type), .int(mentions), .int(documentCount(i))]
        }
        let plural = kind.rawValue + "s"
        let what = discovered
            ? "discovered \(plural) (not in the lexicon)"
            : "\(plural) of the lexicon" + (others > 0 ? " (\(others) more discovered in the text: '\(plural) discovered')" : "")
        return TableResult(columns: ["name", "type", "mentions", "docs"], rows: rows, total: rows.count,
                           title: what, numeric: [2, 3])
    }

    /// The sentences naming an entity that answers count (see `universe`).
    func sentencesNaming(_ entity: Int32) -> [Int32] {
        guard let universe else { return corpus.entitySentences[Int(entity)] }
        return corpus.entitySentences[Int(entity)].filter(universe.contains)
    }

    /// How often an entity is named, in the sentences answers count.
    func mentionCount(_ entity: Int32) -> Int {
        guard universe != nil else { return corpus.entityMentionCounts[Int(entity)] }
        return sentencesNaming(entity).reduce(0) { n, s in n + corpus.mentions(in: s).filter { $0.entity == entity && !$0.isCitation }.count }
    }

    func documentCount(_ entity: Int) -> Int {
        var last: Int32 = -1
        var n = 0
        for s in sentencesNaming(Int32(entity)) {
            let d = corpus.sentences[Int(s)].document
            if d != last { n += 1; last = d }
        }
        return n
    }

    /// The documents, with a column for each document field (source first) after the date.
    func documents() -> TableResult {
        let keys = fieldKeys()
        let rows: [[Value]] = corpus.documents.map { d in
            let values = d.fields.isEmpty ? [:] : d.valuesByKey.values
            return [.string(d.id), .string(d.title), d.date.map { .string($0.label) } ?? .null]
                + keys.map { values[$0].map { Value.string($0.joined(separator: "; ")) } ?? .null } + [.int(d.sentences.count), .string(d.path)]
        }
        let copies = corpus.isDuplicate.filter { $0 }.count
        let note = copies == 0 ? "" : " (\(copies) repeat\(copies == 1 ? "s" : "") an earlier one's text, counted once: docs duplicates)"
        return TableResult(columns: ["id", "title", "date"] + keys + ["sentences", "path"], rows: rows, total: rows.count,
                           title: "documents" + note, numeric: [3 + keys.count])
    }

    /// Documents whose text repeats an earlier document's, each with the one it repeats.
    func duplicateDocuments() -> TableResult {
        var rows: [[Value]] = []
        for group in corpus.duplicateGroups {
            guard let first = group.first else { continue }
            for copy in group.dropFirst() {
                let d = corpus.documents[Int(copy)]
                rows.append([.string(d.id), .string(corpus.documents[Int(first)].id), .int(d.sentences.count), .string(d.path)])
            }
        }
        return TableResult(columns: ["id", "same text as", "sentences", "path"], rows: rows, total: rows.count,
                           title: "documents repeating an earlier document's text", numeric: [2])
    }

    func showEntity(_ kind: EntityKind, _ name: NameReference) throws(Diagnostic) -> ProfileResult {
        let id = try entity(name, kind: kind)
        let e = corpus.entities[Int(id)]
        let sentenceIds = sentencesNaming(id)
        var perDoc: [(String, Int)] = []
        for s in sentenceIds {
            let doc = corpus.documents[Int(corpus.sentences[Int(s)].document)].id
            if perDoc.last?.0 == doc { perDoc[perDoc.count - 1].1 += 1 } else { perDoc.append((doc, 1)) }
        }
        // First and last by the sentences' own periods, as date filters see them (carried and publication dates aside).
        let dated = sentenceIds.filter { corpus.sentences[Int($0)].basis == .explicit }
        func datedMention(_ found: (Int32, Period)?) -> ProfileValue {
            guard let (s, t) = found else { return .absent }
            return .entry(.datedMention(date: t.label, doc: corpus.documents[Int(corpus.sentences[Int(s)].document)].id,
                                        sentence: corpus.sentenceNumber(s)))
        }
        let spans = dated.flatMap { s in corpus.periods(of: s).map { (s, $0) } }
        let earliest = spans.min { a, b in a.1.start != b.1.start ? a.1.start < b.1.start : a.1.end != b.1.end ? a.1.end < b.1.end : a.0 < b.0 }
        let latest = spans.max { a, b in a.1.end != b.1.end ? a.1.end < b.1.end : a.0 > b.0 }
        func affiliation(_ r: Relation, _ name: String, incoming: Bool) -> ProfileEntry {
            .affiliation(name: name, role: r.role, incoming: incoming, from: r.from?.label, until: r.until?.label, years: r.years)
        }
        var relations = e.relations.map { affiliation($0, $0.target, incoming: false) }
        for other in corpus.entities where other.kind == .actor {
            for r in other.relations where Folding.fold(r.target) == Folding.fold(e.name) {
                relations.append(affiliation(r, other.name, incoming: true))
            }
        }
        // The entity's namesake of the other kind (the actor Mali beside the place Mali) is in every one of its sentences.
        let related = coMentioned(id, within: universe).lazy.filter { Folding.fold(corpus.entities[Int($0.0)].name) != Folding.fold(e.name) }
            .prefix(8).map { ProfileEntry.coMentioned(name: corpus.entities[Int($0.0)].name, count: $0.1) }
        var fields: [ProfileField] = [
            .init("name", .text(e.name)), .init("kind", .text(e.kind.rawValue)), .init("type", .text(e.type)),
            .init("origin", .text(e.isDiscovered ? "discovered in the text" : originText(e.origin))),
            .init("aliases", .words(e.aliases.dropFirst().map { $0.kind == .alias ? $0.text : "\($0.text) (\($0.kind.rawValue))" })),
            .init("affiliations", .entries(relations)),
            .init("mentions", .number(mentionCount(id))), .init("sentences", .number(sentenceIds.count)),
            .init("docs", .entries(perDoc.map { .document(id: $0.0, sentences: $0.1) })),
            .init("first", datedMention(earliest)), .init("last", datedMention(latest)),
            .init("related", .entries(Array(related))),
        ]
        if let container = e.container { fields.insert(.init("in", .text(container)), at: 3) }
        // `find place` and `count place` take in the places inside (Bamako in Mali): the profile says that count too.
        if kind == .place, let at = fields.firstIndex(where: { $0.key == "sentences" }) {
            let inside = try sentences(.place(name)).count
            if inside != sentenceIds.count { fields.insert(.init("with_places_inside", .number(inside)), at: at + 1) }
        }
        return ProfileResult(kind: kind.rawValue, fields: fields)
    }

    func originText(_ origin: EntityOrigin) -> String {
        if case .lexicon(let at) = origin { return "\(at.file):\(at.line)" }
        return "discovered in the text"
    }

    /// Actors mentioned in the same sentences as `id`, most often first.
    func coMentioned(_ id: Int32, within: SentenceSet? = nil) -> [(Int32, Int)] {
        var counts: [Int32: Int] = [:]
        // A sentence names few entities: the ones already counted for it are looked for in a short list, not a set
        // made for each sentence.
        var seen: [Int32] = []
        for s in corpus.entitySentences[Int(id)] where within?.contains(s) ?? true {
            seen.removeAll(keepingCapacity: true)
            for m in corpus.mentions(in: s) where !m.isCitation && m.entity != id && corpus.entities[Int(m.entity)].kind == .actor && !seen.contains(m.entity) {
                seen.append(m.entity)
                counts[m.entity, default: 0] += 1
            }
        }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : corpus.entities[Int($0.key)].name < corpus.entities[Int($1.key)].name }
            .map { ($0.key, $0.value) }
    }

    func showDocument(_ name: NameReference) throws(Diagnostic) -> ProfileResult {
        let d = corpus.documents[Int(try document(name))]
        var counts: [Int32: Int] = [:]
        for s in d.sentences { for m in corpus.mentions(in: s) where !m.isCitation { counts[m.entity, default: 0] += 1 } }
        func top(_ kind: EntityKind) -> ProfileValue {
            .entries(counts.filter { corpus.entities[Int($0.key)].kind == kind }
                .sorted { $0.value != $1.value ? $0.value > $1.value : corpus.entities[Int($0.key)].name < corpus.entities[Int($1.key)].name }
                .prefix(10).map { .named(name: corpus.entities[Int($0.key)].name, mentions: $0.value) })
        }
        let explicit = d.sentences.filter { corpus.sentences[Int($0)].basis == .explicit }.compactMap { corpus.time(of: corpus.sentences[Int($0)]) }
        let span: ProfileValue = explicit.isEmpty ? .absent : .text("\(explicit.map(\.start).min()!.iso) .. \(explicit.map(\.end).max()!.iso)")
        return ProfileResult(kind: "doc", fields: [
            .init("id", .text(d.id)), .init("title", .text(d.title)), .init("date", d.date.map { .text($0.label) } ?? .absent),
            .init("date_source", .text(d.dateSource.rawValue)), .init("source", d.kind.map { .text($0) } ?? .absent),
            .init("path", .text(d.path)), .init("bytes", .number(d.byteCount)), .init("paragraphs", .number(d.paragraphCount)),
            .init("sentences", .number(d.sentences.count)), .init("time_span", span), .init("actors", top(.actor)), .init("places", top(.place)),
        ])
    }

    /// A sentence and the provenance of everything found in it: each mention with the entity, the alias or rule
    /// that found it and where it is (characters from the start of the sentence); each time expression with its rule.
    func showSentence(_ reference: NameReference) throws(Diagnostic) -> ProfileResult {
        // The number follows the last colon: an id may hold colons itself (`news.jsonl:3`, a collection's row).
        guard let colon = reference.text.lastIndex(of: ":"), let n = Int(reference.text[reference.text.index(after: colon)...]), n >= 1,
              colon != reference.text.startIndex else {
            throw fail(reference.span, "name a sentence as DOC:N, like 004:12", nil)
        }
        let d = try document(NameReference(text: String(reference.text[..<colon]), span: reference.span))
        let doc = corpus.documents[Int(d)]
        guard n <= doc.sentences.count else {
            throw fail(reference.span, "document \(doc.id) has \(doc.sentences.count) sentences", nil)
        }
        let id = doc.sentences.lowerBound + Int32(n - 1)
        let s = corpus.sentences[Int(id)]
        func column(_ byte: Int32) -> Int { String(decoding: doc.text[Int(s.start)..<Int(byte)], as: UTF8.self).count + 1 }
        func quote(_ a: Int32, _ b: Int32) -> String { String(decoding: doc.text[Int(a)..<Int(b)], as: UTF8.self) }
        let mentions: [ProfileEntry] = corpus.mentions(in: id).map { m in
            let e = corpus.entities[Int(m.entity)]
            let how: String
            switch m.rule {
            case .alias:
                let alias = e.aliases[Int(m.alias)]
                how = alias.kind == .name ? "name" : "\(alias.kind.rawValue) \"\(alias.text)\""
            case .misspelling: how = "misspelling of \"\(e.aliases[Int(m.alias)].text)\""
            case .discovered: how = "discovered name"
            case .surname: how = "short form (surname, first name, acronym, one-word place) of a name told elsewhere in the document"
            }
            return .mention(text: quote(m.start, m.end), column: column(m.start), entity: e.name, kind: e.kind.rawValue,
                            rule: m.isCitation ? how + ": citation (not counted)" : how)
        }
        let times: [ProfileEntry] = corpus.times(of: id).map { t in
            .timeExpression(text: quote(t.start, t.end), column: column(t.start), period: t.period.label,
                            rule: t.isCitation ? "citation (not an event time)" : corpus.rule(of: t))
        }
        return ProfileResult(kind: "sentence", fields: [
            .init("doc", .text(doc.id)), .init("sentence", .number(n)), .init("paragraph", .number(Int(s.paragraph) + 1)),
            .init("text", .text(corpus.text(of: id))), .init("time", corpus.timeEntry(id).map(ProfileValue.entry) ?? .absent),
            .init("time_expressions", .entries(times)), .init("mentions", .entries(mentions)),
        ])
    }

    /// Actors co-mentioned with an actor, ranked by log-likelihood (G²) with PMI beside the raw count,
    /// since raw counts only list the most frequent actors.
    func cooccur(_ name: NameReference, _ filter: Filter?) throws(Diagnostic) -> TableResult {
        let id = try entity(name, kind: .actor)
        // With no filter the scope is the whole corpus: no set of every sentence is built.
        let scope = try filter.map { f throws(Diagnostic) in try sentences(f) } ?? universe
        let n = Double(scope?.count ?? corpus.sentences.count)
        let all = SentenceSet(sorted: corpus.entitySentences[Int(id)])
        let withX = scope.map { all.intersection($0) } ?? all
        var rows: [(name: String, count: Int, pmi: Double, g2: Double, total: Int)] = []
        for (other, together) in coMentioned(id, within: scope) {
            let others = SentenceSet(sorted: corpus.entitySentences[Int(other)])
            let withY = scope.map { others.intersection($0).count } ?? others.count
            let a = Double(together), b = Double(withX.count) - a, c = Double(withY) - a, d = n - a - b - c
            let pmi = log2(a * n / (Double(withX.count) * Double(withY)))
            func term(_ o: Double, _ e: Double) -> Double { o > 0 && e > 0 ? o * log(o / e) : 0 }
            let rowX = a + b, rowNotX = c + d, colY = a + c, colNotY = b + d
            let g2 = 2 * (term(a, rowX * colY / n) + term(b, rowX * colNotY / n) + term(c, rowNotX * colY / n) + term(d, rowNotX * colNotY / n))
            rows.append((corpus.entities[Int(other)].name, together, pmi, a * n > Double(withX.count) * Double(withY) ? g2 : -g2, withY))
        }
        try sort(&rows) { $0.g2 != $1.g2 ? $0.g2 > $1.g2 : $0.name < $1.name }
        let values: [[Value]] = rows.map { [.string($0.name), .int($0.count), .int($0.total), .double($0.pmi), .double($0.g2)] }
        return TableResult(columns: ["actor", "together", "mentions", "pmi", "g2"], rows: values, total: values.count,
                           title: "actors co-mentioned with \(corpus.entities[Int(id)].name) (\(withX.count) sentences), by log-likelihood",
                           numeric: [1, 2, 3, 4])
    }
}
