import DossierTime

/// Metadata about documents that their text does not state: title, publication date (with its precision),
/// source kind. Read from `*.manifest` files in a corpus folder, in the lexicon's record format.
public struct Manifest: Sendable {
    /// What the manifest says of one document.
    public struct Entry: Sendable {
        public var title: String?
        public var date: Period?
        /// Where `date` comes from: the manifest, or the record or page that gives the entry.
        public var dateSource = DateSource.manifest
        public var kind: String?
        /// Every key but title, date and note, source included, in the order written.
        public var fields: [DocumentField] = []
        /// Whether the collection file the entry is a record of writes slash dates day first, when the file shows it.
        var slashDayFirst: Bool?
        /// `date` as written, when it has slashes (`03/04/2021`, which both orders read, is read month first until the
        /// document shows its order).
        var writtenSlashDate: SlashDate?

        /// This entry (a page's or a note's own metadata) where `manifest`, which outranks it, says nothing.
        func under(_ manifest: Entry?) -> Entry {
            guard var entry = manifest else { return self }
            entry.title = entry.title ?? title
            if entry.date == nil, let date { (entry.date, entry.dateSource, entry.writtenSlashDate) = (date, dateSource, writtenSlashDate) }
            entry.slashDayFirst = entry.slashDayFirst ?? slashDayFirst
            for field in fields where !entry.fields.contains(where: { $0.key == field.key }) { entry.fields.append(field) }
            entry.kind = entry.kind ?? kind
            return entry
        }
    }

    public private(set) var entries: [String: Entry] = [:]
    /// Where each entry's header is, to say which entries name no document.
    private var headers: [String: SourceLocation] = [:]

    public init() {}

    /// Keys that are not document fields.
    static let described: Set<String> = ["title", "date", "note"]
    /// Keys a document has once.
    static let single = ["title", "date", "source"]

    /// Reads manifest text; entries are keyed by file name (`doc 000_78954da3f6bf4c48.txt`). A manifest only describes
    /// documents, so what it gets wrong is a warning naming the line: the line or value is left out and the corpus loads.
    public mutating func add(text: String, file: String) -> [Diagnostic] {
        let (records, parseDiagnostics) = RecordFile.parse(text, file: file, kinds: ["doc"], keys: nil)
        var diagnostics = parseDiagnostics.map(RecordFile.leftOut)
        for record in records {
            for key in Self.single {
                let fields = record.fields.filter { $0.key == key }
                for field in fields.dropFirst() {
                    diagnostics.append(field.problem(.warning, "'\(key)' is given again for doc \(record.name); the first, on line \(fields[0].location.line), is used"))
                }
                if key != "title", let field = fields.first, field.values.count > 1 {
                    diagnostics.append(field.problem(.warning, "'\(key)' takes one value; the first, '\(field.values[0])', is used"))
                }
            }
            // A title may hold semicolons: its parts are put back together.
            let title = record.fields.first(where: { $0.key == "title" }).map { $0.values.joined(separator: "; ") }
            var entry = Entry(title: title, kind: record.values("source").first)
            for field in record.fields where !Self.described.contains(field.key) && !field.values.isEmpty {
                entry.fields += field.values.map { DocumentField(key: field.key, value: $0) }
            }
            if let field = record.fields.first(where: { $0.key == "date" }), let value = field.values.first, value != "unknown" {
                if let period = DocumentRecords.writtenDate(value) {
                    entry.date = period
                } else {
                    diagnostics.append(field.problem(.warning, "date '\(value)' is not a date (\(DocumentRecords.writtenDateForms), or "
                                                         + "'unknown'); the document is dated as if the manifest gave no date"))
                }
            }
            if let earlier = headers[record.name] {
                diagnostics.append(Diagnostic(.warning, at: record.location,
                                              "doc \(record.name) is described again (first at \(earlier.file):\(earlier.line)); this entry replaces it"))
            }
            entries[record.name] = entry
            headers[record.name] = record.location
        }
        return diagnostics
    }

    /// Warnings for the entries that name none of `documents` (paths), by file name or file name without extension.
    /// Without entries there is nothing to match: a one-shot on a saved model of 2,056 documents split every path for
    /// nothing (a fifth of its instructions).
    func unmatched(documents: [String]) -> [Diagnostic] {
        guard !headers.isEmpty else { return [] }
        var names = Set<String>()
        for path in documents {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            names.insert(name)
            names.insert(Self.stem(name))
        }
        return headers.filter { !names.contains($0.key) }
            .sorted { ($0.value.file, $0.value.line) < ($1.value.file, $1.value.line) }
            .map { Diagnostic(.warning, at: $0.value, "doc \($0.key) names no document of the corpus; its entry is not used") }
    }

    func entry(for fileName: String) -> Entry? {
        entries[fileName] ?? entries[Self.stem(fileName)]
    }

    /// A file name without its extension, which an entry may name instead (`doc 000_78954da3f6bf4c48`).
    private static func stem(_ fileName: String) -> String {
        fileName.split(separator: ".").dropLast().joined(separator: ".")
    }
}
