/// One entry of a record file: a header line `KIND NAME` and its indented `key: value` fields.
struct Record {
    /// One `key: value; value` line, with where it is for diagnostics.
    struct Field {
        var key: String
        var values: [String]
        var location: SourceLocation
    }
    var kind: String
    var name: String
    var location: SourceLocation
    var fields: [Field]

    func values(_ key: String) -> [String] {
        fields.filter { $0.key == key }.flatMap(\.values)
    }
}

/// The human-editable format shared by lexicons and manifests: `#` comments, header lines at column 1,
/// indented `key: value` lines, several values separated by `;`.
enum RecordFile {
    /// `keys` nil: any key that is one word (manifests, whose other keys are document fields).
    static func parse(_ text: String, file: String, kinds: Set<String>, keys: Set<String>?) -> (records: [Record], diagnostics: [Diagnostic]) {
        var records: [Record] = []
        var diagnostics: [Diagnostic] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let indented = trimmed.startIndex != line.startIndex
            let column = line.distance(from: line.startIndex, to: trimmed.startIndex) + 1
            func fail(_ message: String, column: Int = column, suggestion: String? = nil) {
                diagnostics.append(Diagnostic(.error, at: SourceLocation(file: file, line: lineNumber, column: column),
                                              length: trimmed.count, message, suggestion: suggestion, sourceLine: String(line)))
            }
            if !indented {
                let parts = trimmed.split(separator: " ", maxSplits: 1)
                let kind = String(parts[0])
                guard kinds.contains(kind) else {
                    fail("expected an entry header (\(kinds.sorted().joined(separator: " or ")) NAME), found '\(kind)'",
                         suggestion: Suggest.nearest(kind, in: kinds))
                    continue
                }
                let name = parts.count > 1 ? parts[1].trimmingSpaces() : ""
                guard !name.isEmpty else {
                    fail("'\(kind)' needs a name")
                    continue
                }
                records.append(Record(kind: kind, name: name, location: SourceLocation(file: file, line: lineNumber, column: 1), fields: []))
                continue
            }
            guard let colon = trimmed.firstIndex(of: ":") else {
                fail("expected 'key: value'")
                continue
            }
            let key = trimmed[..<colon].trimmingSpaces().lowercased()
            if let keys, !keys.contains(key) {
                fail("unknown key '\(key)'", suggestion: Suggest.nearest(key, in: keys))
                continue
            }
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
                fail("a key is one word (letters, digits, _ or -), not '\(key)'")
                continue
            }
            guard !records.isEmpty else {
                fail("'\(key)' comes before any entry header")
                continue
            }
            let values = trimmed[trimmed.index(after: colon)...].split(separator: ";").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
            records[records.count - 1].fields.append(Record.Field(key: key, values: values,
                                                                  location: SourceLocation(file: file, line: lineNumber, column: column)))
        }
        return (records, diagnostics)
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
