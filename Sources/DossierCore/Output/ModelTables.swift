import DossierTime
import Foundation

/// The model as tables, for engines that query past one machine's memory (DuckDB, Spark SQL, any SQL): documents,
/// sentences, the periods each sentence speaks of, mentions, entities with their aliases and affiliations, time
/// expressions and word counts, each written as JSON Lines and CSV with one schema file. Ids are row numbers in
/// load order, stable for the same corpus and lexicons; docs/EXPORT.md gives the joins.
struct ModelTables {
    /// One table: its name, its columns with their SQL types and meaning, and its rows.
    struct Table {
        var name: String
        var columns: [(name: String, type: String, meaning: String)]
        var rows: [[Value]]
    }

    let corpus: Corpus
    /// Asked every 64 rows made or written: the tables of a large corpus take seconds, and Ctrl-C stops them.
    private let stops: RowStops

    init(corpus: Corpus, shouldStop: @escaping @Sendable () -> Bool = { false }) {
        self.corpus = corpus
        stops = RowStops(shouldStop)
    }

    func tables() throws(Diagnostic) -> [Table] {
        [try documents(), try sentences(), try sentencePeriods(), try mentions(), try entities(), try aliases(), try affiliations(),
         try times(), try words()]
    }

    /// Character (Unicode scalar) offsets of each document's text, made once per document.
    private func offsets(_ document: Int) -> CharacterOffsets { CharacterOffsets(corpus.documents[document].text) }

    private func text(_ document: Int, _ start: Int32, _ end: Int32) -> Value {
        .string(String(decoding: corpus.documents[document].text[Int(start)..<Int(end)], as: UTF8.self))
    }

    private static func date(_ period: Period?) -> [Value] {
        guard let period else { return [.null, .null, .null] }
        return [.string(period.label), .string(period.start.iso), .string(period.end.iso)]
    }

    func documents() throws(Diagnostic) -> Table {
        Table(name: "documents", columns: [
            ("doc_id", "BIGINT", "row number in load order"), ("id", "VARCHAR", "the id the shell shows"),
            ("title", "VARCHAR", ""), ("date", "VARCHAR", "publication date as written back (2021, 2021-09, 2021-09-20)"),
            ("date_start", "DATE", "first day of the publication date"), ("date_end", "DATE", "last day of the publication date"),
            ("date_source", "VARCHAR", "manifest, record, page, header, dateline, file name or unknown"), ("kind", "VARCHAR", "source kind from the manifest or record"),
            ("path", "VARCHAR", "file (and line, for a record of a collection)"), ("duplicate", "BOOLEAN", "an earlier document has the same text"),
            ("sentence_count", "BIGINT", ""), ("fields", "JSON", "document fields: manifest keys, collection columns"),
            ("text", "VARCHAR", "the clean text; every start and end counts characters in it"),
        ], rows: try stops.map(corpus.documents.enumerated()) { i, d in
            [.int(i), .string(d.id), .string(d.title)] + Self.date(d.date)
                + [.string(d.dateSource.rawValue), d.kind.map { .string($0) } ?? .null, .string(d.path),
                   .bool(corpus.isDuplicate.indices.contains(i) && corpus.isDuplicate[i]), .int(d.sentences.count),
                   d.fieldsValue, .string(String(decoding: d.text, as: UTF8.self))]
        })
    }

    func sentences() throws(Diagnostic) -> Table {
        var rows: [[Value]] = []
        rows.reserveCapacity(corpus.sentences.count)
        for (d, document) in corpus.documents.enumerated() {
            let characters = offsets(d)
            for id in document.sentences {
                try stops.next()
                let s = corpus.sentences[Int(id)]
                rows.append([.int(Int(id)), .int(d), .int(Int(id - document.sentences.lowerBound) + 1), .int(Int(s.paragraph) + 1),
                             .int(characters[s.start]), .int(characters[s.end]), .bool(s.isHeading)]
                            + Self.date(corpus.time(of: s)) + [s.basis.map { .string($0.rawValue) } ?? .null, text(d, s.start, s.end)])
            }
        }
        return Table(name: "sentences", columns: [
            ("sentence_id", "BIGINT", "row number"), ("doc_id", "BIGINT", "documents.doc_id"),
            ("number", "BIGINT", "1-based within the document (the shell's ID:N)"), ("paragraph", "BIGINT", "1-based"),
            ("start", "BIGINT", "character offset in documents.text"), ("end", "BIGINT", "character offset, exclusive"),
            ("heading", "BOOLEAN", ""), ("time", "VARCHAR", "the interval the sentence speaks about"),
            ("time_start", "DATE", ""), ("time_end", "DATE", ""), ("basis", "VARCHAR", "explicit, context or document"),
            ("text", "VARCHAR", ""),
        ], rows: rows)
    }

    /// The periods every date filter and `count ... by year` use (`Corpus.periods(of:)`): a sentence's own time
    /// expressions, citations left out, else the time carried from its paragraph or its publication date.
    func sentencePeriods() throws(Diagnostic) -> Table {
        var rows: [[Value]] = []
        for id in corpus.sentences.indices {
            try stops.next()
            for period in corpus.periods(of: Int32(id)) {
                rows.append([.int(id), .string(period.start.iso), .string(period.end.iso)])
            }
        }
        return Table(name: "sentence_periods", columns: [
            ("sentence_id", "BIGINT", "sentences.sentence_id; a sentence without a row is undated"),
            ("period_start", "DATE", ""), ("period_end", "DATE", ""),
        ], rows: rows)
    }

    func mentions() throws(Diagnostic) -> Table {
        var rows: [[Value]] = []
        rows.reserveCapacity(corpus.mentions.count)
        for (d, document) in corpus.documents.enumerated() {
            let characters = offsets(d)
            for id in document.sentences {
                try stops.next()
                for (n, m) in zip(Int(corpus.mentionStarts[Int(id)])..., corpus.mentions(in: id)) {
                    rows.append([.int(n), .int(Int(id)), .int(d), .int(Int(m.entity)), .int(characters[m.start]), .int(characters[m.end]),
                                 text(d, m.start, m.end), .string(String(describing: m.rule)), .bool(m.isCitation)])
                }
            }
        }
        return Table(name: "mentions", columns: [
            ("mention_id", "BIGINT", "row number"), ("sentence_id", "BIGINT", "sentences.sentence_id"),
            ("doc_id", "BIGINT", "documents.doc_id"), ("entity_id", "BIGINT", "entities.entity_id"),
            ("start", "BIGINT", "character offset in documents.text"), ("end", "BIGINT", "exclusive"), ("text", "VARCHAR", "the words found"),
            ("rule", "VARCHAR", "alias, misspelling, discovered or surname"),
            ("citation", "BOOLEAN", "inside an academic citation: shown, but left out of counts, co-mentions and rankings"),
        ], rows: rows)
    }

    func entities() throws(Diagnostic) -> Table {
        Table(name: "entities", columns: [
            ("entity_id", "BIGINT", "row number"), ("name", "VARCHAR", ""), ("kind", "VARCHAR", "actor or place"),
            ("type", "VARCHAR", ""), ("origin", "VARCHAR", "lexicon FILE:LINE, or discovered"), ("container", "VARCHAR", "for places: where it lies"),
            ("mentions", "BIGINT", "mentions outside citations"), ("sentences", "BIGINT", "sentences with a mention outside citations"),
        ], rows: try stops.map(corpus.entities.enumerated()) { i, e in
            let origin: String
            switch e.origin {
            case .discovered: origin = "discovered"
            case .lexicon(let at): origin = "\(at.file):\(at.line)"
            }
            return [.int(i), .string(e.name), .string(e.kind.rawValue), .string(e.type), .string(origin),
                    e.container.map { .string($0) } ?? .null, .int(corpus.entityMentionCounts[i]), .int(corpus.entitySentences[i].count)]
        })
    }

    func aliases() throws(Diagnostic) -> Table {
        Table(name: "entity_aliases", columns: [
            ("entity_id", "BIGINT", "entities.entity_id"), ("alias", "VARCHAR", ""), ("alias_kind", "VARCHAR", "name, alias, demonym or capital"),
        ], rows: try stops.map(corpus.entities.enumerated()) { i, e in e.aliases.map { [.int(i), .string($0.text), .string($0.kind.rawValue)] } }
            .flatMap { $0 })
    }

    func affiliations() throws(Diagnostic) -> Table {
        Table(name: "entity_affiliations", columns: [
            ("entity_id", "BIGINT", "entities.entity_id"), ("target", "VARCHAR", "the entity it is tied to, by name"), ("role", "VARCHAR", ""),
        ], rows: try stops.map(corpus.entities.enumerated()) { i, e in e.relations.map { [.int(i), .string($0.target), .string($0.role)] } }
            .flatMap { $0 })
    }

    func times() throws(Diagnostic) -> Table {
        var rows: [[Value]] = []
        rows.reserveCapacity(corpus.times.count)
        for (d, document) in corpus.documents.enumerated() {
            let characters = offsets(d)
            for id in document.sentences {
                try stops.next()
                for n in corpus.timeRange(of: id) {
                    let t = corpus.times[Int(n)]
                    rows.append([.int(Int(n)), .int(Int(id)), .int(d), .int(characters[t.start]), .int(characters[t.end]), text(d, t.start, t.end)]
                                + Self.date(t.period) + [.string(String(describing: t.period.granularity)), .string(corpus.rule(of: t)), .bool(t.isCitation)])
                }
            }
        }
        return Table(name: "time_expressions", columns: [
            ("time_id", "BIGINT", "row number"), ("sentence_id", "BIGINT", "sentences.sentence_id"), ("doc_id", "BIGINT", "documents.doc_id"),
            ("start", "BIGINT", "character offset in documents.text"), ("end", "BIGINT", "exclusive"), ("text", "VARCHAR", ""),
            ("period", "VARCHAR", ""), ("period_start", "DATE", ""), ("period_end", "DATE", ""), ("granularity", "VARCHAR", ""),
            ("rule", "VARCHAR", "the rule that read it"), ("citation", "BOOLEAN", "a citation's year: not a time of the story"),
        ], rows: rows)
    }

    /// Each folded word and the number of sentences holding it: what `count words` and phrase search start from. A
    /// copy of another document's text is counted once, as the shell counts (the copies' rows in `documents` say
    /// `duplicate`; an aggregate has no row to filter in SQL).
    func words() throws(Diagnostic) -> Table {
        var copied = [Bool](repeating: false, count: corpus.sentences.count)
        let copies = corpus.copiedSentences
        for s in copies { copied[Int(s)] = true }
        let anyCopy = !copies.isEmpty
        // Words no sentence holds (the rule words discovery interns) are left out.
        var counts = try stops.map(0..<Int32(corpus.vocabulary.count)) { word in
            let holding = corpus.sentences(withWord: word)
            return (word: corpus.vocabulary.word(word), sentences: anyCopy ? holding.lazy.filter { !copied[Int($0)] }.count : holding.count)
        }.filter { $0.sentences > 0 }
        try stops.sort(&counts) { $0.sentences != $1.sentences ? $0.sentences > $1.sentences : $0.word < $1.word }
        return Table(name: "word_counts", columns: [
            ("word", "VARCHAR", "folded: lower case, diacritics removed"), ("sentences", "BIGINT", "sentences holding it, a copy of another document's text not counted"),
        ], rows: try stops.map(counts) { [.string($0.word), .int($0.sentences)] })
    }

    /// Every table as `NAME.jsonl` and `NAME.csv`, and `schema.json` describing them.
    func files(_ tables: [Table]) throws(Diagnostic) -> [(name: String, text: String)] {
        var files: [(String, String)] = []
        var schema: [Value] = []
        for table in tables {
            let names = table.columns.map(\.name)
            var jsonl = ""
            var csv = names.joined(separator: ",") + "\n"
            for row in table.rows {
                try stops.next()
                jsonl += Value.object(Array(zip(names, row))).json + "\n"
                csv += row.map(Self.csvCell).joined(separator: ",") + "\n"
            }
            files.append((table.name + ".jsonl", jsonl))
            files.append((table.name + ".csv", csv))
            schema.append(.object([("table", .string(table.name)), ("rows", .int(table.rows.count)),
                                   ("files", .list([.string(table.name + ".jsonl"), .string(table.name + ".csv")])),
                                   ("columns", .list(table.columns.map { .object([("name", .string($0.name)), ("type", .string($0.type)),
                                                                                  ("meaning", .string($0.meaning))]) }))]))
        }
        files.append(("schema.json", Value.object([("format", .string("dossier model tables 1")), ("tables", .list(schema))]).json + "\n"))
        return files
    }

    /// RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled; null is empty; an object
    /// (document fields) is its JSON.
    static func csvCell(_ value: Value) -> String {
        let text: String
        switch value {
        case .object, .list: text = value.json
        default: text = value.exactCell
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
