import DossierTime

/// Metadata about documents that their text does not state: title, publication date (with its precision),
/// source kind. Read from `*.manifest` files in a corpus folder, in the lexicon's record format.
public struct Manifest: Sendable {
    /// What the manifest says of one document.
    public struct Entry: Sendable {
        public var title: String?
        public var date: Period?
        public var kind: String?
        /// Every key but title, date and note, source included, in the order written.
        public var fields: [DocumentField] = []
    }

    public private(set) var entries: [String: Entry] = [:]

    public init() {}

    static let keys: Set<String> = ["title", "date", "source", "note", "url", "author"]

    /// Reads manifest text; entries are keyed by file name (`doc 000_78954da3f6bf4c48.txt`).
    public mutating func add(text: String, file: String) -> [Diagnostic] {
        let (records, parseDiagnostics) = RecordFile.parse(text, file: file, kinds: ["doc"], keys: Self.keys)
        var diagnostics = parseDiagnostics
        for record in records {
            var entry = Entry(title: record.values("title").first, kind: record.values("source").first)
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
