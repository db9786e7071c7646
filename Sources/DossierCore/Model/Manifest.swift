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
    }

    public private(set) var entries: [String: Entry] = [:]

    public init() {}

    /// Keys that are not document fields.
    static let described: Set<String> = ["title", "date", "note"]

    /// Reads manifest text; entries are keyed by file name (`doc 000_78954da3f6bf4c48.txt`).
    public mutating func add(text: String, file: String) -> [Diagnostic] {
        let (records, parseDiagnostics) = RecordFile.parse(text, file: file, kinds: ["doc"], keys: nil)
        var diagnostics = parseDiagnostics
        for record in records {
            var entry = Entry(title: record.values("title").first, kind: record.values("source").first)
            for field in record.fields where !Self.described.contains(field.key) && !field.values.isEmpty {
                entry.fields.append(DocumentField(key: field.key, value: field.values.joined(separator: "; ")))
            }
            if let field = record.fields.first(where: { $0.key == "date" }), let value = field.values.first, value != "unknown" {
                if let period = Period.parse(value) {
                    entry.date = period
                } else {
                    diagnostics.append(Diagnostic(.error, at: field.location,
                                                  "date '\(value)' is not YYYY, YYYY-MM, YYYY-MM-DD or 'unknown'"))
                }
            }
            entries[record.name] = entry
        }
        return diagnostics
    }

    func entry(for fileName: String) -> Entry? {
        if let e = entries[fileName] { return e }
        let stem = fileName.split(separator: ".").dropLast().joined(separator: ".")
        return entries[stem]
    }
}
