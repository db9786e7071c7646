/// A description of one actor, place, document or sentence (`show ...`): typed fields in the order a reader wants them.
public struct ProfileResult: Sendable {
    public var kind: String
    public var fields: [ProfileField]
}

/// One line of a profile: its key and what it holds.
public struct ProfileField: Sendable {
    public var key: String
    public var value: ProfileValue

    init(_ key: String, _ value: ProfileValue) {
        self.key = key
        self.value = value
    }
}

/// What a profile field holds, so each kind is laid out for a reader and encoded for a program on its own terms.
public enum ProfileValue: Sendable, Equatable {
    case text(String)
    case number(Int)
    /// Nothing to say (no date, no source): "-" for a reader, null for a program.
    case absent
    /// Plain words such as aliases, joined by commas.
    case words([String])
    case entry(ProfileEntry)
    case entries([ProfileEntry])

    /// The value as a program reads it in JSON.
    public var json: Value {
        switch self {
        case .text(let s): .string(s)
        case .number(let n): .int(n)
        case .absent: .null
        case .words(let words): .list(words.map(Value.string))
        case .entry(let e): e.json
        case .entries(let entries): .list(entries.map(\.json))
        }
    }

    /// The value in one spreadsheet cell.
    public var cell: String { json.cell }
    public var exactCell: String { json.exactCell }
}

/// An entry a profile lists, with how a reader writes it ("Wagner Group (12)", "2019 (002:14)") and the fields a
/// program reads.
public enum ProfileEntry: Sendable, Equatable {
    /// A document and how many of the profiled thing's sentences it holds.
    case document(id: String, sentences: Int)
    /// An actor named in the same sentences, and how many.
    case coMentioned(name: String, count: Int)
    /// An actor or place a document names, and how often.
    case named(name: String, mentions: Int)
    /// The first or last dated mention.
    case datedMention(date: String, doc: String, sentence: Int)
    /// A role held towards another actor (`to`), or held by another actor towards this one (`from`).
    case affiliation(name: String, role: String, incoming: Bool, from: String?, until: String?, years: String?)
    /// A name found in a sentence, where, and the rule that found it.
    case mention(text: String, column: Int, entity: String, kind: String, rule: String)
    /// A time expression found in a sentence, where, its period and the rule that found it.
    case timeExpression(text: String, column: Int, period: String, rule: String)
    /// A sentence's time and what dates it.
    case sentenceTime(start: String, end: String, basis: String)

    /// How a reader writes it.
    public var text: String {
        switch self {
        case .document(let label, let n), .coMentioned(let label, let n), .named(let label, let n): return "\(label) (\(n))"
        case .datedMention(let date, let doc, let sentence): return "\(date) (\(doc):\(sentence))"
        case .affiliation(let name, let role, let incoming, _, _, let years):
            let said = years.map { role + ", " + $0 } ?? role
            return incoming ? "← \(name) (\(said))" : "\(name) (\(said))"
        case .mention(let text, let column, let entity, let kind, let rule): return "\"\(text)\" at \(column) → \(entity) (\(kind)): \(rule)"
        case .timeExpression(let text, let column, let period, let rule): return "\"\(text)\" at \(column) → \(period): \(rule)"
        case .sentenceTime(let start, let end, let basis): return start == end ? "\(start) (\(basis))" : "\(start) .. \(end) (\(basis))"
        }
    }

    /// Whether each entry takes a line of its own: provenance entries are long and read one by one.
    var standsAlone: Bool {
        switch self {
        case .mention, .timeExpression: true
        default: false
        }
    }

    /// How a program reads it.
    public var json: Value {
        func optional(_ s: String?) -> Value { s.map(Value.string) ?? .null }
        return switch self {
        case .document(let id, let n): .object([("id", .string(id)), ("sentences", .int(n))])
        case .coMentioned(let name, let n): .object([("name", .string(name)), ("count", .int(n))])
        case .named(let name, let n): .object([("name", .string(name)), ("mentions", .int(n))])
        case .datedMention(let date, let doc, let sentence):
            .object([("date", .string(date)), ("doc", .string(doc)), ("sentence", .int(sentence))])
        case .affiliation(let name, let role, let incoming, let from, let until, let years):
            .object([("name", .string(name)), ("role", .string(role)), ("direction", .string(incoming ? "from" : "to")),
                     ("from", optional(from)), ("until", optional(until)), ("years", optional(years))])
        case .mention(let text, let column, let entity, let kind, let rule):
            .object([("text", .string(text)), ("column", .int(column)), ("entity", .string(entity)), ("kind", .string(kind)),
                     ("rule", .string(rule))])
        case .timeExpression(let text, let column, let period, let rule):
            .object([("text", .string(text)), ("column", .int(column)), ("period", .string(period)), ("rule", .string(rule))])
        case .sentenceTime(let start, let end, let basis):
            .object([("start", .string(start)), ("end", .string(end)), ("basis", .string(basis))])
        }
    }
}
