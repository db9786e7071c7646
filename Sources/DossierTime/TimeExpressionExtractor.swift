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
        read(text, documentDate: documentDate, context: context).expressions
    }

    /// What `extract` finds, and whether the text also says it speaks of the present ("Now, ...", "currently"),
    /// which ends a time carried from earlier sentences.
    public func read(_ text: UnsafeBufferPointer<UInt8>, documentDate: Period?, context: Period?) -> TimesFound {
        read(text, zones: scanner.zones(in: text), documentDate: documentDate, context: context)
    }

    /// `read` when the caller found the text's triggers already (`TriggerScanner.triggers` over the whole text, or
    /// the same runs from its own tokens), so the text is not scanned again.
    public func read(_ text: UnsafeBufferPointer<UInt8>, triggers: [Range<Int>], documentDate: Period?, context: Period?) -> TimesFound {
        // A sentence with no trigger has no zone: nothing to set up.
        guard !triggers.isEmpty else { return TimesFound(expressions: [], speaksOfPresent: false) }
        return read(text, zones: TriggerScanner.zones(in: text, around: triggers), documentDate: documentDate, context: context)
    }

    private func read(_ text: UnsafeBufferPointer<UInt8>, zones: [Range<Int>], documentDate: Period?, context: Period?) -> TimesFound {
        var found: [TimeExpression] = []
        var speaksOfPresent = false
        let citations = CitationDetector(text: text)
        var resolver = AnchorResolver(documentDate: documentDate, context: context)
        var tokens: [Token] = []
        // Room for the longest zone's tokens at once, rather than growing the array token by token.
        if let longest = zones.lazy.map({ $0.count }).max() { tokens.reserveCapacity(longest / 2 + 8) }
        var contextEnd = 0
        for zone in zones {
            Tokenizer.tokens(in: text, zone, into: &tokens)
            let matcher = ExpressionMatcher(text: text, tokens: tokens)
            var index = 0
            while index < tokens.count {
                guard let match = matcher.longestMatch(at: index) else {
                    index += 1
                    continue
                }
                let start = tokens[index].start
                switch match.reading {
                case .present:
                    speaksOfPresent = true
                    index = match.end
                    continue
                case .unread:
                    index = match.end
                    continue
                default: break
                }
                if match.reading.isAnchored, resolver.context != nil {
                    if Self.containsLineBreak(text, contextEnd..<start) { resolver.context = nil }
                    contextEnd = start
                }
                // A reading with no usable anchor is dropped; a shorter one may still start at the next token.
                guard let period = resolver.period(for: match.reading) else {
                    index += 1
                    continue
                }
                let range = start..<tokens[match.end - 1].end
                // "(S. 3,984, February 1, 1904)": the date of a bill or report cited, not of an event.
                let isReference = !match.reading.isCitation && citations.isDatedReference(range)
                let namesAnEvent = Self.namesAnEvent(text, tokens, from: index, to: match.end)
                found.append(TimeExpression(
                    range: range, period: period, rule: isReference ? "citation" : match.rule,
                    isCitation: match.reading.isCitation || isReference, isAnchored: match.reading.isAnchored,
                    guessesYear: match.reading.guessesYear, countsFromPublication: match.reading.countsFromPublication,
                    namesAnEvent: namesAnEvent, lastsToPublication: !match.reading.isCitation && matcher.followsSinceInThePresent(index)))
                if case .stated = match.reading, !isReference, !namesAnEvent {
                    resolver.context = period
                    contextEnd = start
                }
                index = match.end
            }
        }
        return TimesFound(expressions: found, speaksOfPresent: speaksOfPresent)
    }

    /// Whether the date at tokens `start..<end` stands between "the" (or "a", "an", a possessive pronoun) and a
    /// lower-case noun, after a comma or not: "the Dec. 21, 1988, bombing", "the Sept. 11 attacks", "the 1988
    /// election"; not "the 1990s and", "the March 12 to 15 talks".
    private static func namesAnEvent(_ text: UnsafeBufferPointer<UInt8>, _ tokens: [Token], from start: Int, to end: Int) -> Bool {
        guard start > 0, [Word.the, .a, .an, .his, .her, .its, .their, .our].contains(tokens[start - 1].word),
              tokens[start - 1].kind == .word else { return false }
        // The words after it may lie beyond the stretch scanned around the date: they are read from the text.
        let from = tokens[end - 1].end
        var next: [Token] = []
        Tokenizer.tokens(in: text, from..<min(text.count, from + 40), into: &next)
        let after = next.first.map { $0.kind == .symbol && $0.symbol == UInt8(ascii: ",") } == true ? 1 : 0
        guard after < next.count, next[after].kind == .word, !next[after].isCapitalised, next[after].start > from,
              next[after].word == .other || next[after].word.namesPastEvent || next[after].word.isReportedByQuarter
        else { return false }
        let noun = String(decoding: text[next[after].start..<next[after].end], as: UTF8.self)
        return !notNouns.contains(noun)
    }

    /// Lower-case words after a date that begin a clause or a phrase rather than name a thing.
    private static let notNouns: Set<String> = ["with", "when", "which", "who", "whom", "that", "is", "are", "was", "were",
                                                "has", "have", "had", "while", "where", "because", "but", "if", "so", "than",
                                                "then", "there", "and", "or", "nor", "yet", "through", "against", "via", "per"]

    /// Whether the text says "since then" or "since that time" (any case, whole words): it speaks of the time from an
    /// earlier sentence's up to the present ("... which began in 1950. Since then, 427 fugitives have been taken into
    /// custody"), not of that earlier time.
    public static func looksBackToThen(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var at = 0
        let letter = { (i: Int) in i >= 0 && i < text.count && (text[i] | 0x20) >= UInt8(ascii: "a") && (text[i] | 0x20) <= UInt8(ascii: "z") }
        while at + 10 <= text.count {
            defer { at += 1 }
            guard text[at] | 0x20 == UInt8(ascii: "s"), !letter(at - 1), matches(text, at, "since ") else { continue }
            var next = at + 6
            while next < text.count, text[next] == UInt8(ascii: " ") { next += 1 }
            for phrase in ["then", "that time"] where matches(text, next, phrase) && !letter(next + phrase.utf8.count) {
                return true
            }
        }
        return false
    }

    private static func matches(_ text: UnsafeBufferPointer<UInt8>, _ at: Int, _ phrase: String) -> Bool {
        let bytes = phrase.utf8
        guard at + bytes.count <= text.count else { return false }
        return zip(text[at..<(at + bytes.count)], bytes).allSatisfy { ($0 | 0x20) == $1 || ($0 == $1) }
    }

    private static func containsLineBreak(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        range.contains { text[$0] == UInt8(ascii: "\n") }
    }

    public func extract(_ text: String, documentDate: Period?, context: Period?) -> [TimeExpression] {
        read(text, documentDate: documentDate, context: context).expressions
    }

    public func read(_ text: String, documentDate: Period?, context: Period?) -> TimesFound {
        var text = text
        return text.withUTF8 { read($0, documentDate: documentDate, context: context) }
    }
}

/// The time expressions of a stretch of text, and whether it speaks of the present.
public struct TimesFound: Sendable {
    public var expressions: [TimeExpression]
    /// "Now", "currently", "nowadays", "at present" occur: a time carried from earlier sentences stops here.
    public var speaksOfPresent: Bool
}
