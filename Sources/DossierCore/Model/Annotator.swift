import DossierTime
import Glibc

/// Annotates documents one at a time, with no corpus behind them, so a job runner (Spark's `rdd.pipe`, GNU
/// parallel, xargs) can map `dossier annotate` over any number of documents: each document's sentences with their
/// times and basis, its mentions with entity, type, character range and rule, and its time expressions, citations
/// marked. Each document is analysed afresh, so its annotation does not depend on the documents before it.
public struct Annotator: Sendable {
    let entities: [Entity]
    let matcher: EntityMatcher
    let furniture: Furniture
    let names: NameLists
    let rules: EntityRules

    /// An annotator with the lexicons, furniture and name lists `loader` has read.
    public init(loader: CorpusLoader) {
        entities = loader.lexicon.expanded()
        matcher = EntityMatcher(entities: entities)
        rules = EntityRules(entities: entities)
        furniture = loader.furniture
        names = loader.names
    }

    /// One annotated document as a line of JSON, or nil when it has no text after cleaning (with a warning).
    func annotate(_ file: SourceFile) -> (json: String?, diagnostics: [Diagnostic]) {
        var analyzer = DocumentAnalyzer(matcher: matcher, furniture: furniture, names: names, entities: entities, rules: rules)
        analyzer.analyze(file)
        let batch = analyzer.finish()
        guard let document = batch.documents.first, document.paragraphCount > 0 else { return (nil, batch.diagnostics) }
        return (Self.annotation(document, batch: batch, entities: entities).json, batch.diagnostics)
    }

    /// Annotates a text file (`.txt`, `.md`): one document, its id from the file name.
    public func annotate(text bytes: [UInt8], path: String) -> (json: String?, diagnostics: [Diagnostic]) {
        annotate(SourceFile(path: path, displayPath: FileSystem.display(path), bytes: bytes, manifest: nil))
    }

    /// Annotates a web page (`.html`, `.htm`): its article text as one document; a page without one is a warning.
    public func annotate(page bytes: [UInt8], path: String) -> (json: String?, diagnostics: [Diagnostic]) {
        switch WebPage.source(bytes, path: path, manifest: nil) {
        case .success(let file): return annotate(file)
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
    }

    /// Annotates one line of JSON Lines (`line` counts from 1); a line that is not a document is a warning.
    public func annotate(jsonLine bytes: ArraySlice<UInt8>, line: Int, path: String) -> (json: String?, diagnostics: [Diagnostic]) {
        let (records, problems) = DocumentRecords.jsonLines(Array(bytes), path: path, firstLine: line)
        guard let record = records.first else { return (nil, problems) }
        return annotate(record, path: path)
    }

    /// Annotates every row of a CSV file with a `text` column.
    public func annotate(csv bytes: [UInt8], path: String) -> (json: [String], diagnostics: [Diagnostic]) {
        let (records, problems) = DocumentRecords.csv(bytes, path: path)
        return annotate(records, problems: problems, path: path)
    }

    /// Annotates every item of an RSS or Atom feed; nil when the bytes are no feed.
    public func annotate(feed bytes: [UInt8], path: String) -> (json: [String], diagnostics: [Diagnostic])? {
        guard let (records, problems) = NewsFeed.read(bytes, path: path) else { return nil }
        return annotate(records, problems: problems, path: path)
    }

    /// Annotates the records of a collection file, after the problems its reading met.
    private func annotate(_ records: [DocumentRecord], problems: [Diagnostic], path: String) -> (json: [String], diagnostics: [Diagnostic]) {
        var lines: [String] = []
        var diagnostics = problems
        for record in records {
            let (json, more) = annotate(record, path: path)
            if let json { lines.append(json) }
            diagnostics += more
        }
        return (lines, diagnostics)
    }

    private func annotate(_ record: DocumentRecord, path: String) -> (json: String?, diagnostics: [Diagnostic]) {
        let stem = Document.id(fileName: path.split(separator: "/").last.map(String.init) ?? path)
        return annotate(SourceFile(path: path, displayPath: "\(path):\(record.line)", bytes: Array(record.text.utf8),
                                   manifest: record.entry, id: record.id ?? "\(stem)-\(record.line)"))
    }

    /// The JSON object of one analysed document. Ranges are in characters (Unicode scalars) of `text`, the
    /// document's clean text, so `text[start:end]` in Python is the words found.
    static func annotation(_ document: Document, batch: Batch, entities: [Entity]) -> Value {
        let characters = CharacterOffsets(document.text)
        func range(_ start: Int32, _ end: Int32) -> [(String, Value)] {
            [("start", .int(characters[start])), ("end", .int(characters[end])),
             ("text", .string(String(decoding: document.text[Int(start)..<Int(end)], as: UTF8.self)))]
        }
        let base = Int32(entities.count)
        let sentences: [Value] = batch.sentences.enumerated().map { n, s in
            .object([("sentence", .int(n + 1)), ("paragraph", .int(Int(s.paragraph) + 1))] + range(s.start, s.end)
                    + [("heading", .bool(s.isHeading))] + Self.time(batch.periods[s.period], basis: s.basis))
        }
        let mentions: [Value] = batch.mentions.map { m in
            let (name, kind, type) = m.entity < base
                ? (entities[Int(m.entity)].name, entities[Int(m.entity)].kind.rawValue, entities[Int(m.entity)].type)
                : Self.discovered(batch.discovered[Int(m.entity - base)])
            return .object([("sentence", .int(Int(m.sentence) + 1))] + range(m.start, m.end)
                           + [("entity", .string(name)), ("kind", .string(kind)), ("type", .string(type)),
                              ("rule", .string(String(describing: m.rule))), ("citation", .bool(m.isCitation))])
        }
        let times: [Value] = batch.times.map { t in
            .object([("sentence", .int(Int(t.sentence) + 1))] + range(t.start, t.end) + Self.period(t.period)
                    + [("rule", .string(batch.timeRules[UInt32(t.rule)] ?? "")), ("citation", .bool(t.isCitation))])
        }
        return .object(Self.header(document) + [("text", .string(String(decoding: document.text, as: UTF8.self))),
                                                 ("sentences", .list(sentences)), ("mentions", .list(mentions)),
                                                 ("times", .list(times))])
    }

    /// The name, kind and type of a name found in the text itself, as the corpus files it.
    static func discovered(_ name: (name: String, type: String)) -> (String, String, String) {
        (name.name, name.type == "location" ? EntityKind.place.rawValue : EntityKind.actor.rawValue, name.type)
    }

    /// A document's id, path, title, date (with how it was learnt) and fields.
    static func header(_ document: Document) -> [(String, Value)] {
        [("id", .string(document.id)), ("path", .string(document.path)), ("title", .string(document.title)),
         ("date", document.date.map { .string($0.label) } ?? .null), ("date_source", .string(document.dateSource.rawValue)),
         ("fields", document.fieldsValue)]
    }

    /// A sentence's time: its period's label, first and last day, and where it comes from; nulls when it has none.
    static func time(_ period: Period?, basis: TimeBasis?) -> [(String, Value)] {
        guard let period else { return [("time", .null), ("time_start", .null), ("time_end", .null), ("basis", .null)] }
        return [("time", .string(period.label)), ("time_start", .string(period.start.iso)), ("time_end", .string(period.end.iso)),
                ("basis", basis.map { .string($0.rawValue) } ?? .null)]
    }

    /// A time expression's period: label, first and last day, granularity.
    static func period(_ period: Period) -> [(String, Value)] {
        [("period", .string(period.label)), ("period_start", .string(period.start.iso)), ("period_end", .string(period.end.iso)),
         ("granularity", .string(String(describing: period.granularity)))]
    }
}

/// Byte offsets in UTF-8 text turned into character (Unicode scalar) offsets, as Python, DuckDB and Spark count.
struct CharacterOffsets {
    private var table: [Int32]

    init(_ text: [UInt8]) {
        table = [Int32](repeating: 0, count: text.count + 1)
        var count: Int32 = 0
        for (i, byte) in text.enumerated() {
            table[i] = count
            if byte & 0xC0 != 0x80 { count += 1 }
        }
        table[text.count] = count
    }

    subscript(byte: Int32) -> Int { Int(table[Int(byte)]) }
}

extension Annotator {
    /// Annotates every document of `paths` (standard input when empty or "-"): JSON Lines (`.jsonl`, `.ndjson` and
    /// standard input) a line at a time, CSV and RSS or Atom feeds a file at a time (a feed's items each a document),
    /// web pages (`.html`, `.htm`) as their article text, any other file as one text document. Each annotation goes to `write` as soon as it is made; problems go to
    /// `warn`. False when an input could not be read at all (a line that is not a document is only a warning).
    public func run(paths: [String], write written: (String) -> Void, warn warned: (Diagnostic) -> Void) -> Bool {
        var ok = true
        // Every line or file refused and nothing written is a failure, not an empty success (`printf 'text' | dossier
        // annotate`: standard input holds JSON Lines).
        var documents = 0, warnings = 0
        func write(_ json: String) {
            documents += 1
            written(json)
        }
        func warn(_ diagnostic: Diagnostic) {
            warnings += 1
            warned(diagnostic)
        }
        for path in paths.isEmpty ? ["-"] : paths {
            let display = path == "-" ? "<stdin>" : FileSystem.display(path)
            func fail(_ message: String) {
                warn(Diagnostic(.error, at: SourceLocation(file: display, line: 1, column: 1), message))
                ok = false
            }
            let ext = DocumentRecords.fileExtension(path)
            if path == "-" || ext == "jsonl" || ext == "ndjson" {
                let fd = path == "-" ? 0 : open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC)
                guard fd >= 0 else {
                    fail(FileError("cannot open").description)
                    continue
                }
                defer { if fd != 0 { close(fd) } }
                var lines = LineReader(fd: fd, limit: FileSystem.documentLimit)
                while let next = lines.next() {
                    switch next {
                    case .line(let bytes, let number):
                        let (json, diagnostics) = annotate(jsonLine: bytes[...], line: number, path: display)
                        diagnostics.forEach(warn)
                        if let json { write(json) }
                    case .tooLong(let number):
                        warn(Diagnostic(.warning, at: SourceLocation(file: display, line: number, column: 1),
                                        "line longer than \(FileSystem.documentLimit >> 20) MB; not read"))
                    case .failed(let error):
                        fail(error.description)
                    }
                }
                continue
            }
            let bytes: [UInt8]
            do { bytes = try FileSystem.read(path).bytes } catch {
                fail("\(error)")
                continue
            }
            if ext == "csv" {
                let (json, diagnostics) = annotate(csv: bytes, path: display)
                diagnostics.forEach(warn)
                json.forEach(write)
            } else if NewsFeed.mayHoldFeed(path), NewsFeed.isFeed(bytes), let (json, diagnostics) = annotate(feed: bytes, path: display) {
                diagnostics.forEach(warn)
                json.forEach(write)
            } else {
                let (json, diagnostics) = WebPage.isPage(path) ? annotate(page: bytes, path: path) : annotate(text: bytes, path: path)
                diagnostics.forEach(warn)
                if let json { write(json) }
            }
        }
        if documents == 0, warnings > 0, ok {
            let stdin = paths.isEmpty || paths.contains("-")
            warned(Diagnostic(.error, at: SourceLocation(file: stdin ? "<stdin>" : FileSystem.display(paths[0]), line: 1, column: 1),
                              "no document read (see the warnings above)" + (stdin ? "; standard input holds one JSON object a line "
                                  + "({\"text\": ...}): give plain text as a .txt file" : "")))
            ok = false
        }
        return ok
    }
}

/// The lines of a file or pipe, read a block at a time, so an endless stream is annotated as it comes.
struct LineReader {
    enum Next {
        case line([UInt8], Int)
        case tooLong(Int)
        case failed(FileError)
    }

    let fd: Int32
    let limit: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var line = 0
    private var ended = false
    private var skipping = false

    init(fd: Int32, limit: Int) {
        self.fd = fd
        self.limit = limit
    }

    mutating func next() -> Next? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                let bytes = Array(buffer[start..<newline])
                start = newline + 1
                line += 1
                if skipping {
                    skipping = false
                    continue
                }
                return .line(bytes, line)
            }
            if buffer.count - start > limit, !skipping {
                skipping = true
                buffer.removeAll()
                start = 0
                return .tooLong(line + 1)
            }
            if ended {
                guard start < buffer.count else { return nil }
                let bytes = Array(buffer[start...])
                start = buffer.count
                line += 1
                return skipping ? nil : .line(bytes, line)
            }
            if start > 0 {
                buffer.removeSubrange(0..<start)
                start = 0
            }
            if skipping { buffer.removeAll() }
            let old = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: 1 << 20))
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + old, 1 << 20) }
            if n < 0 {
                buffer.removeSubrange(old...)
                if errno == EINTR { continue }
                ended = true
                return .failed(FileError("cannot read"))
            }
            buffer.removeSubrange((old + max(n, 0))...)
            if n == 0 { ended = true }
        }
    }
}
