extension NameDiscovery {
    /// Acronyms the lexicon lacks, written alone in a sentence of ordinary case: a body's name ("a team of ASIO and Federal
    /// Police officers", "a meeting with HIH", "a group called UTN"). News names bodies by their initials far more often
    /// than anything else, and on news the rules were not written for these were most of the missed organisations. Not an
    /// acronym of fewer than three letters or more than six, nor one the name lists call a common word (`word hiv`, `word gst` in
    /// `seeds/english.names` or any `*.names` file: diseases, taxes, time zones), nor one seen in lower case, nor one that
    /// spells out lower-case words before it in parentheses ("the goods and services tax (GST)"), nor letters after a name
    /// ("MHR"), nor a Roman numeral, nor one beside another capitalised word (part of a longer name or a heading).
    func acronyms(_ w: Words) -> [Found] {
        let n = w.words.count
        var found: [Found] = []
        for j in 0..<n where w.token(j).isAllCaps && !w.covered[j] {
            let t = w.token(j)
            let letters = UnsafeBufferPointer(rebasing: w.text[Int(t.start)..<Int(t.end)])
            guard t.kind == .word, (3...6).contains(letters.count), letters.allSatisfy({ (0x41...0x5A).contains($0) }),
                  !letters.allSatisfy({ Self.romanDigits.contains($0) }), !w.english[j], !w.isCommon(w.folded[j]),
                  !postnominalIds.contains(w.folded[j]) else { continue }
            if j > 0, w.joined[j], w.token(j - 1).isCapitalized { continue }
            if j + 1 < n, w.joined[j + 1], w.token(j + 1).isCapitalized { continue }
            if spellsOutLowerCase(j, w) { continue }
            let name = String(decoding: letters, as: UTF8.self)
            found.append(Found(name: name, type: isVenue(j, w) ? "facility" : "organisation", start: Int(t.start), end: Int(t.end),
                               firstWord: j, lastWord: j, absorbs: false))
        }
        return found
    }

    /// Whether the acronym at `j` follows "at the": a ground or a hall one plays or meets at ("the second Test at the MCG"), not a
    /// body, which one meets with or works for.
    private func isVenue(_ j: Int, _ w: Words) -> Bool {
        j >= 2 && w.joined[j] && w.joined[j - 1] && cues.articles.contains(w.folded[j - 1]) && cues.at.contains(w.folded[j - 2])
    }

    /// "I", "V", "X", "L", "C", "D", "M": an acronym made only of these is a number ("XIV", "MCM").
    static let romanDigits: Set<UInt8> = Set("IVXLCDM".utf8)

    /// Whether the acronym at `j` stands in parentheses after a lower-case word: it then spells out an ordinary noun
    /// ("the goods and services tax (GST)", "in vitro fertilisation (IVF)").
    private func spellsOutLowerCase(_ j: Int, _ w: Words) -> Bool {
        let k = w.words[j]
        guard k >= 2, k + 1 < w.tokens.count, w.tokens[k - 1].kind == .punctuation, w.tokens[k - 1].mark == UInt8(ascii: "("),
              w.tokens[k + 1].kind == .punctuation, w.tokens[k + 1].mark == UInt8(ascii: ")") else { return false }
        let before = w.tokens[k - 2]
        return before.kind == .word && !before.isCapitalized
    }
}
