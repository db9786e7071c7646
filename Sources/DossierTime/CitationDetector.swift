/// Recognises academic citation years, "(Hedenskog 2019)", "Altfeld (1984)", "(Grimm, Lemay-Hebert & Navy 2014: 205)",
/// so that the year of a publication is never taken for the time of an event.
struct CitationDetector {
    let text: UnsafeBufferPointer<UInt8>

    /// How far back to look for the opening parenthesis.
    private static let reach = 200

    func isCitation(yearAt year: Range<Int>) -> Bool {
        guard let closer = closingByte(after: year.upperBound) else { return false }
        var index = year.lowerBound - 1
        while index >= 0 && isSpace(text[index]) { index -= 1 }
        if index >= 0 && text[index] == UInt8(ascii: "(") {
            return (closer == UInt8(ascii: ")") || closer == UInt8(ascii: ":")) && isAuthorBefore(parenthesis: index)
        }
        guard let segmentStart = segmentStart(before: year.lowerBound) else { return false }
        var tokens: [Token] = []
        Tokenizer.tokens(in: text, segmentStart..<year.lowerBound, into: &tokens)
        return isListOfAuthors(tokens)
    }

    /// The first non-space byte after the year (skipping a "2019a" suffix) if it can end a citation year.
    private func closingByte(after end: Int) -> UInt8? {
        var index = end
        if index < text.count, (UInt8(ascii: "a")...UInt8(ascii: "e")).contains(text[index]),
           index + 1 >= text.count || !Tokenizer.isLetter(text[index + 1]) {
            index += 1
        }
        while index < text.count && isSpace(text[index]) { index += 1 }
        guard index < text.count else { return nil }
        let byte = text[index]
        return ");:,".utf8.contains(byte) ? byte : nil
    }

    /// Just after the "(" or ";" that opens this reference, if the year sits inside parentheses.
    private func segmentStart(before start: Int) -> Int? {
        var opener: Int?
        var index = start - 1
        let limit = max(0, start - Self.reach)
        while index >= limit {
            switch text[index] {
            case UInt8(ascii: "("):
                return (opener ?? index) + 1
            case UInt8(ascii: ";"):
                if opener == nil { opener = index }
            case UInt8(ascii: ")"), UInt8(ascii: "\n"):
                return nil
            default:
                break
            }
            index -= 1
        }
        return nil
    }

    /// Names, "et al.", "&", commas and numbers ("News 24"), starting and ending with an author.
    private func isListOfAuthors(_ tokens: [Token]) -> Bool {
        guard let first = tokens.first, first.kind == .word, let last = tokens.last else { return false }
        var names = 0
        for token in tokens {
            switch token.kind {
            case .word:
                if token.word.joinsCitationNames { continue }
                guard token.isCapitalised, !token.word.isNeverAName else { return false }
                names += 1
            case .number:
                continue
            case .symbol:
                guard ",&.-'".utf8.contains(token.symbol) else { return false }
            }
        }
        guard names > 0 else { return false }
        switch last.kind {
        case .word: return !last.word.joinsCitationNames || last.word == .al
        case .number: return true
        case .symbol: return last.symbol == UInt8(ascii: ".") || last.symbol == UInt8(ascii: "&")
        }
    }

    /// "Altfeld (1984)", "Smith et al. (2020)": a capitalised name right before the parenthesis.
    private func isAuthorBefore(parenthesis: Int) -> Bool {
        var tokens: [Token] = []
        Tokenizer.tokens(in: text, max(0, parenthesis - 48)..<parenthesis, into: &tokens)
        guard let last = tokens.last, parenthesis > last.end else { return false }
        if last.kind == .symbol, last.symbol == UInt8(ascii: "."), tokens.count >= 2 {
            return tokens[tokens.count - 2].word == .al
        }
        return last.kind == .word && last.isCapitalised && !last.word.isNeverAName && !last.word.joinsCitationNames
    }

    private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
}
