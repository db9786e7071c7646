/// Finds and normalises time expressions in English text.
public struct TimeExpressionExtractor: Sendable {
    private let scanner = TriggerScanner()

    public init() {}

    /// `documentDate` anchors deictic expressions (yesterday, today, last week, this year, on Saturday, earlier this year).
    /// `context` (the latest explicit time earlier in the paragraph, may be nil) anchors partial ones
    /// (In May, On February 5, that August, in January); when nil they fall back to `documentDate`.
    /// Each explicit time found becomes the context for the partial ones after it in the same paragraph;
    /// a line break ends the paragraph, and with it `context` and any time found before it.
    /// With no usable anchor, relative/partial expressions are dropped (not guessed).
    /// Results are sorted by range start; citations are included with `isCitation = true`.
    public func extract(_ text: UnsafeBufferPointer<UInt8>, documentDate: Period?, context: Period?) -> [TimeExpression] {
        var found: [TimeExpression] = []
        var resolver = AnchorResolver(documentDate: documentDate, context: context)
        var tokens: [Token] = []
        var contextEnd = 0
        for zone in scanner.zones(in: text) {
            Tokenizer.tokens(in: text, zone, into: &tokens)
            let matcher = ExpressionMatcher(text: text, tokens: tokens)
            var index = 0
            while index < tokens.count {
                guard let match = matcher.longestMatch(at: index) else {
                    index += 1
                    continue
                }
                let start = tokens[index].start
                if match.reading.isAnchored, resolver.context != nil {
                    if Self.containsLineBreak(text, contextEnd..<start) { resolver.context = nil }
                    contextEnd = start
                }
                // A reading with no usable anchor is dropped; a shorter one may still start at the next token.
                guard let period = resolver.period(for: match.reading) else {
                    index += 1
                    continue
                }
                found.append(TimeExpression(
                    range: start..<tokens[match.end - 1].end, period: period, rule: match.rule,
                    isCitation: match.reading.isCitation, isAnchored: match.reading.isAnchored))
                if case .stated = match.reading {
                    resolver.context = period
                    contextEnd = start
                }
                index = match.end
            }
        }
        return found
    }

    private static func containsLineBreak(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        range.contains { text[$0] == UInt8(ascii: "\n") }
    }

    public func extract(_ text: String, documentDate: Period?, context: Period?) -> [TimeExpression] {
        var text = text
        return text.withUTF8 { extract($0, documentDate: documentDate, context: context) }
    }
}
