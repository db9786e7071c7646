/// One entry of a record file: a header line `KIND NAME` and its indented `key: value` fields.
struct Record {
    /// One `key: value; value` line, with where it is for diagnostics.
    struct Field {
        var key: String
        var values: [String]
        var location: SourceLocation
        /// The whole line (a view of the file's text, nothing copied) and where its first value starts in it (bytes),
        /// to put a caret under a bad value.
        var line: Substring
        var valueOffset: Int

        /// A problem with this line's value, the caret under it (its column counted in characters).
        func problem(_ severity: Severity, _ message: String, suggestion: String? = nil) -> Diagnostic {
            let column = String(decoding: line.utf8.prefix(valueOffset), as: UTF8.self).count + 1
            return Diagnostic(severity, at: SourceLocation(file: location.file, line: location.line, column: column),
                              length: values.joined(separator: "; ").count, message, suggestion: suggestion, sourceLine: String(line))
        }
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
/// indented `key: value` lines, several values separated by `;`. Read as UTF-8 bytes: a gazetteer of thousands
/// of entries is read at every start-up, and splitting it by characters cost more than the rest of the start.
enum RecordFile {
    /// An error of a file that may be read in part (a manifest, a lexicon in a corpus folder) as a warning saying what
    /// is left out: a bad header at column 1 costs its whole entry, an indented line only itself.
    static func leftOut(_ problem: Diagnostic) -> Diagnostic {
        guard problem.severity == .error else { return problem }
        var warning = problem
        warning.severity = .warning
        warning.message += problem.message.hasPrefix("cannot read") ? "; it is not read"
            : problem.location.column == 1 ? "; this entry is left out" : "; line left out"
        return warning
    }

    /// `keys` nil: any key that is one word (manifests, whose other keys are document fields).
    static func parse(_ text: String, file: String, kinds: Set<String>, keys: Set<String>?) -> (records: [Record], diagnostics: [Diagnostic]) {
        var records: [Record] = []
        var diagnostics: [Diagnostic] = []
        var lineNumber = 0
        let (space, tab, cr, hash, colon, semicolon) = (UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"),
                                                        UInt8(ascii: "#"), UInt8(ascii: ":"), UInt8(ascii: ";"))
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { raw in
            let all = UnsafeBufferPointer(raw)
            func string(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: all[range]), as: UTF8.self) }
            /// The range without spaces, tabs and carriage returns at either end.
            func trimmed(_ range: Range<Int>) -> Range<Int> {
                var (lower, upper) = (range.lowerBound, range.upperBound)
                while lower < upper, all[lower] == space || all[lower] == tab || all[lower] == cr { lower += 1 }
                while upper > lower, all[upper - 1] == space || all[upper - 1] == tab || all[upper - 1] == cr { upper -= 1 }
                return lower..<upper
            }
            var lineStart = 0
            // After a header that is not one, its indented lines belong to no entry (not to the one before it).
            var inBadEntry = false
            while lineStart <= all.count {
                var lineEnd = lineStart
                while lineEnd < all.count, all[lineEnd] != 0x0A { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                lineNumber += 1
                var contentEnd = lineEnd
                if contentEnd > lineStart, all[contentEnd - 1] == cr { contentEnd -= 1 }
                var first = lineStart
                while first < contentEnd, all[first] == space || all[first] == tab { first += 1 }
                if first == contentEnd || all[first] == hash { continue }
                let indented = first != lineStart
                let column = first - lineStart + 1
                func fail(_ message: String, column: Int = column, suggestion: String? = nil) {
                    diagnostics.append(Diagnostic(.error, at: SourceLocation(file: file, line: lineNumber, column: column),
                                                  length: string(first..<contentEnd).count, message, suggestion: suggestion,
                                                  sourceLine: string(lineStart..<contentEnd)))
                }
                if indented, inBadEntry { continue }
                if !indented {
                    inBadEntry = true
                    var kindEnd = first
                    while kindEnd < contentEnd, all[kindEnd] != space { kindEnd += 1 }
                    let kind = string(first..<kindEnd)
                    guard kinds.contains(kind) else {
                        fail("expected an entry header (\(kinds.sorted().joined(separator: " or ")) NAME), found '\(kind)'",
                             suggestion: Suggest.nearest(kind, in: kinds))
                        continue
                    }
                    let name = string(trimmed(min(kindEnd + 1, contentEnd)..<contentEnd))
                    guard !name.isEmpty else {
                        fail("'\(kind)' needs a name")
                        continue
                    }
                    records.append(Record(kind: kind, name: name, location: SourceLocation(file: file, line: lineNumber, column: 1), fields: []))
                    inBadEntry = false
                    continue
                }
                guard let colonAt = all[first..<contentEnd].firstIndex(of: colon) else {
                    fail("expected 'key: value'")
                    continue
                }
                let key = string(trimmed(first..<colonAt)).lowercased()
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
                var values: [String] = []
                let firstValue = trimmed(colonAt + 1..<contentEnd).lowerBound
                var valueStart = colonAt + 1
                while valueStart <= contentEnd {
                    var valueEnd = valueStart
                    while valueEnd < contentEnd, all[valueEnd] != semicolon { valueEnd += 1 }
                    let value = trimmed(valueStart..<valueEnd)
                    if !value.isEmpty { values.append(string(value)) }
                    valueStart = valueEnd + 1
                }
                let utf8 = text.utf8
                let line = text[utf8.index(utf8.startIndex, offsetBy: lineStart)..<utf8.index(utf8.startIndex, offsetBy: contentEnd)]
                records[records.count - 1].fields.append(Record.Field(key: key, values: values,
                                                                      location: SourceLocation(file: file, line: lineNumber, column: column),
                                                                      line: line, valueOffset: firstValue - lineStart))
            }
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
