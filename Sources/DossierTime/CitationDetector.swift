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
            return closer != UInt8(ascii: ";") && (isAuthorBefore(parenthesis: index) || closer == UInt8(ascii: ")") && isReporterBefore(parenthesis: index))
        }
        guard let segmentStart = segmentStart(before: year.lowerBound) else { return false }
        var tokens: [Token] = []
        Tokenizer.tokens(in: text, segmentStart..<year.lowerBound, into: &tokens)
        if closer == UInt8(ascii: ")"), isCourt(tokens) { return true }
        // "Altfeld (1984, 1990)": more years of the author named before the parenthesis.
        if tokens.first?.kind == .number, text[segmentStart - 1] == UInt8(ascii: "("),
           tokens.allSatisfy({ $0.kind == .number || $0.symbol == UInt8(ascii: ",") || $0.symbol == UInt8(ascii: ";") }) {
            return isAuthorBefore(parenthesis: segmentStart - 1)
        }
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

    /// A date that ends a parenthesised reference to a bill or report: "(S. 3,984, February 1, 1904)",
    /// "(H.R. 1234, May 5, 2010)": a label, a number, a comma, the date, the closing parenthesis.
    func isDatedReference(_ date: Range<Int>) -> Bool {
        var index = date.upperBound
        while index < text.count && isSpace(text[index]) { index += 1 }
        guard index < text.count, text[index] == UInt8(ascii: ")") else { return false }
        var opener = date.lowerBound - 1
        let limit = max(0, date.lowerBound - 48)
        while opener >= limit, text[opener] != UInt8(ascii: "(") {
            if text[opener] == UInt8(ascii: ")") || text[opener] == UInt8(ascii: "\n") { return false }
            opener -= 1
        }
        guard opener >= limit else { return false }
        var tokens: [Token] = []
        Tokenizer.tokens(in: text, (opener + 1)..<date.lowerBound, into: &tokens)
        guard tokens.count >= 3, let first = tokens.first, first.kind == .word, first.isCapitalised,
              tokens[tokens.count - 1].symbol == UInt8(ascii: ","), tokens[tokens.count - 2].kind == .number else { return false }
        return tokens.allSatisfy { token in
            switch token.kind {
            case .word: token.isCapitalised && token.length <= 4
            case .number: true
            case .symbol: ".,-".utf8.contains(token.symbol)
            }
        }
    }

    /// A law report's volume, abbreviation and page before the parenthesis: "347 U.S. 483 (1954)", "410 U.S. 113, 116
    /// (1973)", "14 So.2d 251 (1943)": the year of a case cited, not of an event.
    private func isReporterBefore(parenthesis: Int) -> Bool {
        var tokens: [Token] = []
        Tokenizer.tokens(in: text, max(0, parenthesis - 48)..<parenthesis, into: &tokens)
        var k = tokens.count - 1
        // The pages: "483", "113, 116".
        guard k >= 0, tokens[k].kind == .number else { return false }
        while k >= 0, tokens[k].kind == .number || tokens[k].symbol == UInt8(ascii: ",") { k -= 1 }
        // The report's abbreviation: capitalised short words and full stops, an edition glued to it ("2d", "F.3d").
        var stops = 0, words = 0
        while k >= 0 {
            let token = tokens[k]
            if token.symbol == UInt8(ascii: ".") {
                stops += 1
            } else if token.kind == .word, token.length <= 5, token.isCapitalised || !token.spaced, token.word.month == nil {
                words += 1
            } else if token.kind == .number, !token.spaced || (k + 1 < tokens.count && !tokens[k + 1].spaced && tokens[k + 1].kind == .word) {
                // "2d" in "F. Supp. 2d", "So.2d".
            } else {
                break
            }
            k -= 1
        }
        // The volume.
        return stops > 0 && words > 0 && k >= 0 && tokens[k].kind == .number
    }

    /// The court of a case cited, before its year inside the parenthesis: "(S.D.N.Y. 2001)", "(Cal. Ct. App. 1996)",
    /// "(9th Cir. 2003)": abbreviations with full stops and ordinals, no month.
    private func isCourt(_ tokens: [Token]) -> Bool {
        guard tokens.contains(where: { $0.symbol == UInt8(ascii: ".") }), tokens.count >= 2 else { return false }
        return tokens.allSatisfy { token in
            switch token.kind {
            case .word: token.length <= 5 && token.word.month == nil && (token.isCapitalised || !token.spaced)
            case .number: token.value < 100
            case .symbol: token.symbol == UInt8(ascii: ".")
            }
        }
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
        case .symbol:
            // "(Smith 2001, 2003)": a further year of the same author.
            if last.symbol == UInt8(ascii: ","), tokens.count >= 2, tokens[tokens.count - 2].kind == .number { return true }
            return last.symbol == UInt8(ascii: ".") || last.symbol == UInt8(ascii: "&")
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
        // "Czechowska's (2013) division": the author in the possessive.
        if last.word == .s, !last.spaced, tokens.count >= 3, tokens[tokens.count - 2].symbol == UInt8(ascii: "'"),
           !tokens[tokens.count - 2].spaced {
            let name = tokens[tokens.count - 3]
            return name.kind == .word && name.isCapitalised && !name.word.isNeverAName && !name.word.joinsCitationNames
        }
        return last.kind == .word && last.isCapitalised && !last.word.isNeverAName && !last.word.joinsCitationNames
    }

    private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
}
