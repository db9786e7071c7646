import DossierTime

/// Where a sentence's time comes from: its own expression, earlier in its paragraph, or the publication date.
public enum TimeBasis: String, Sendable, BitwiseCopyable {
    case explicit, context, document
}

/// One sentence: its document, paragraph, byte range in the document text, and where its time is kept. A corpus
/// holds one per sentence (600,000 at 100 MB of text), so it takes 20 bytes: its period is a number in the corpus's
/// `periods` (`Corpus.time(of:)`), and its time expressions are found by their own sentence numbers
/// (`Corpus.timeRange(of:)`).
public struct Sentence: Sendable, BitwiseCopyable {
    public var document: Int32
    public var paragraph: Int32
    public var start: Int32
    public var end: Int32
    /// The number of its period in its corpus's `periods` (0: none, 29 bits) above three bits: its basis's code and
    /// whether it is a heading.
    private var code: UInt32

    init(document: Int32, paragraph: Int32, start: Int32, end: Int32, period: UInt32, basis: TimeBasis?, isHeading: Bool) {
        precondition(period < 1 << 29, "more distinct periods than a sentence can number")
        self.document = document
        self.paragraph = paragraph
        self.start = start
        self.end = end
        code = period << 3 | UInt32(basis.code) << 1 | (isHeading ? 1 : 0)
    }

    /// Where the sentence's time comes from; nil when it has none.
    public var basis: TimeBasis? { TimeBasis(code: UInt8(code >> 1 & 3)) }

    public var isHeading: Bool { code & 1 != 0 }

    /// Its period's number in its corpus's `periods` (0: no time).
    var period: UInt32 {
        get { code >> 3 }
        set { code = newValue << 3 | code & 7 }
    }
}

extension Optional where Wrapped == TimeBasis {
    /// Two bits: 0 for none, then explicit, context, document.
    var code: Int {
        switch self {
        case nil: 0
        case .explicit: 1
        case .context: 2
        case .document: 3
        }
    }
}

extension TimeBasis {
    /// The basis `Optional<TimeBasis>.code` gives `code`; nil for 0 (and for any other number).
    init?(code: UInt8) {
        switch code {
        case 1: self = .explicit
        case 2: self = .context
        case 3: self = .document
        default: return nil
        }
    }
}

/// Distinct values numbered from 1 in the order they are met (0 stands for none), so that a record keeps a small number
/// instead of the value: a sentence its period (4 bytes instead of 12; a few thousand distinct periods date 600,000
/// sentences at 100 MB), a time expression its rule's name (2 bytes instead of 16). A batch of documents numbers its
/// own, renumbered when it is merged.
struct Numbering<Value: Hashable & Sendable>: Sendable {
    private(set) var values: [Value] = []
    private var numbers: [Value: UInt32] = [:]
    /// The value asked for last and its number: a sentence is mostly dated as the one before it, so most values are
    /// found without hashing.
    private var last: (value: Value, number: UInt32)?

    /// The number of `value`, given it when it is new; 0 for none.
    mutating func number(_ value: Value?) -> UInt32 {
        guard let value else { return 0 }
        if let last, last.value == value { return last.number }
        let number: UInt32
        if let known = numbers[value] {
            number = known
        } else {
            values.append(value)
            number = UInt32(values.count)
            numbers[value] = number
        }
        last = (value, number)
        return number
    }

    /// The value numbered `number`; nil for 0.
    subscript(number: UInt32) -> Value? {
        number == 0 ? nil : values[Int(number) - 1]
    }

    var count: Int { values.count }
}

/// A time expression found in a sentence, kept for provenance and for date filters. 24 bytes: its rule's name is a
/// number in its corpus's `timeRules` (`Corpus.rule(of:)`).
public struct TimeMention: Sendable {
    public var sentence: Int32
    public var start: Int32
    public var end: Int32
    public var period: Period
    public var isCitation: Bool
    /// The number of the rule that read it in its corpus's `timeRules` (0: none).
    var rule: UInt16
}

/// A key and value a manifest gives a document (`source: academic`), filtered on with `field KEY VALUE`.
public struct DocumentField: Sendable, Hashable {
    public var key: String
    public var value: String
}

/// How a document's publication date was learnt: from a manifest, a collection's record, a web page's metadata, a
/// Markdown note's front matter, a date line of the text's header, a dateline, or a year in the file name.
public enum DateSource: String, Sendable {
    case manifest, record, page, frontMatter = "front matter", header, dateline, fileName = "file name", unknown
}

/// One file of the corpus, cleaned: its id (file name without extension), metadata and text.
public struct Document: Sendable {
    public var id: String
    public var path: String
    public var title: String
    public var date: Period?
    public var dateSource: DateSource
    public var kind: String?
    /// The clean text: paragraphs separated by newlines, white space normalised.
    public var text: [UInt8]
    public var sentences: Range<Int32>
    public var paragraphCount: Int
    /// The size of the file as read.
    public var byteCount: Int
    /// What the manifest says of the document besides title, date and note (source, author, url, any key). A key with
    /// several values (a record's list of authors) is there once for each.
    public var fields: [DocumentField] = []

    /// The value of a field, by key (ignoring case); several values joined with "; ".
    public func field(_ key: String) -> String? {
        let values = fieldValues(key)
        return values.isEmpty ? nil : values.joined(separator: "; ")
    }

    /// The values of a field, by key (ignoring case), in the order given.
    public func fieldValues(_ key: String) -> [String] {
        let lowered = key.lowercased()
        return fields.filter { $0.key == lowered }.map(\.value)
    }

    /// The values of each key, keys in the order first given: read in one pass, so a record of 200,000 keys lists in
    /// linear time (tester18 #15: `docs` ran for minutes, a key looked up in every field for each key).
    var valuesByKey: (keys: [String], values: [String: [String]]) {
        var keys: [String] = []
        var values: [String: [String]] = [:]
        for field in fields {
            if values[field.key] == nil { keys.append(field.key) }
            values[field.key, default: []].append(field.value)
        }
        return (keys, values)
    }

    /// The fields as JSON: a key's one value as a string, several as a list.
    var fieldsValue: Value {
        let (keys, values) = valuesByKey
        return .object(keys.map { key in
            let all = values[key] ?? []
            return (key, all.count == 1 ? .string(all[0]) : .list(all.map { .string($0) }))
        })
    }

    /// A document's id: its file name without the extension.
    static func id(fileName: String) -> String {
        fileName.contains(".") ? String(fileName[..<fileName.lastIndex(of: ".")!]) : fileName
    }
}
