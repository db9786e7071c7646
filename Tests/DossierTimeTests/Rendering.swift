import DossierTime
import Testing

/// Renders extractor output as "matched text = label rule", with "*" for anchored results,
/// so expectations read like the sentences they test.
enum Rendering {
    static func expressions(in text: String, document: String? = nil, context: String? = nil) -> [String] {
        let bytes = Array(text.utf8)
        let found = TimeExpressionExtractor().extract(
            text, documentDate: document.flatMap(period), context: context.flatMap(period))
        return found.map { expression in
            let slice = String(decoding: bytes[expression.range], as: UTF8.self)
            return "\(slice) = \(expression.period.label) \(expression.rule)\(expression.isAnchored ? "*" : "")"
        }
    }

    /// A query date, or "first..last" for a span between two query dates.
    static func period(_ text: String) -> Period? {
        let parts = text.split(separator: "..").map(String.init)
        guard parts.count == 2 else { return Period.parse(text) }
        guard let first = Period.parse(parts[0]), let last = Period.parse(parts[1]) else { return nil }
        return Period(start: first.start, end: last.end, granularity: max(first.granularity, last.granularity))
    }
}

/// One sentence with the date it was published, an optional context, and what should be found in it.
struct Example: Sendable, CustomTestStringConvertible {
    var text: String
    var document: String?
    var context: String?
    var expected: [String]

    init(_ text: String, document: String? = nil, context: String? = nil, _ expected: [String]) {
        self.text = text
        self.document = document
        self.context = context
        self.expected = expected
    }

    var testDescription: String { text.count > 60 ? String(text.prefix(57)) + "..." : text }
}
