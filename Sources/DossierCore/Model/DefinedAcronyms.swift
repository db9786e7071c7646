/// Acronyms a document defines: "the Antigua Labour Party (ALP)" (or "..., ALP, ...") says what ALP means in that document,
/// whatever the lexicon says (the Australian Labor Party), and that "Antigua Labour Party" is one name, not Antigua and the UK's
/// Labour Party.
enum DefinedAcronyms {
    /// A name spelt out before its acronym in parentheses: the words `first...last` and the acronym's word.
    struct Definition {
        var first: Int
        var last: Int
        var acronym: Int
    }

    /// Whether two marks enclose an acronym: parentheses ("(ALP)") or two commas (", ALP,").
    static func encloses(_ open: WordToken, _ close: WordToken) -> Bool {
        open.kind == .punctuation && close.kind == .punctuation
            && ((open.mark == UInt8(ascii: "(") && close.mark == UInt8(ascii: ")")) || (open.mark == UInt8(ascii: ",") && close.mark == UInt8(ascii: ",")))
    }

    /// The definitions in one sentence: capitalised words (and short lower-case connectors between them: "of", "for", "and",
    /// "the") right before "(ACRONYM)" or ", ACRONYM,", whose capitals' initials are the acronym's letters ("Australian
    /// Securities and Investment Commission (ASIC)", "his Antigua Labour Party, ALP, has ...").
    static func definitions(tokens: [WordToken], words: [Int], joined: [Bool], text: UnsafeBufferPointer<UInt8>) -> [Definition] {
        var found: [Definition] = []
        for a in words.indices where a > 0 {
            let t = words[a]
            let token = tokens[t]
            guard token.kind == .word, token.isAllCaps, (2...8).contains(token.end - token.start), t >= 2, t + 1 < tokens.count,
                  encloses(tokens[t - 1], tokens[t + 1]), words[a - 1] == t - 2 else { continue }
            let letters = text[Int(token.start)..<Int(token.end)]
            guard letters.allSatisfy({ (0x41...0x5A).contains($0) }) else { continue }
            var initials: [UInt8] = []
            var k = a - 1
            var first: Int?
            while k >= 0 {
                let w = tokens[words[k]]
                guard w.kind == .word else { break }
                if w.isCapitalized {
                    initials.append(text[Int(w.start)])
                    if initials.count == letters.count {
                        first = k
                        break
                    }
                } else if w.end - w.start > 3 || k == a - 1 {
                    break
                }
                guard k > 0, joined[k] else { break }
                k -= 1
            }
            guard let first, initials.reversed().elementsEqual(letters), first < a - 1 else { continue }
            found.append(Definition(first: first, last: a - 1, acronym: a))
        }
        return found
    }
}
