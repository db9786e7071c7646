/// Court cases named "X v. Y" ("Plessy v. Ferguson", "Miranda v. Arizona", "Dobbs v. Jackson Women's Health Organization"): one
/// name of type `case`, whose parties are no places, people or bodies of their own. Its first party, one word the lexicon does
/// not know, names the case alone later in the document ("the Dobbs ruling"); else its second, one such word ("Planned
/// Parenthood v. Casey", then "Roe and Casey"). Both parties states or places the lexicon knows ("Australia v. England") are
/// a match, not a case.
struct CaseNames {
    /// A case found: its words, and the word that names it alone later, if any.
    struct Case {
        var first: Int
        var last: Int
        var shortForm: Int?
    }

    /// Words inside a party's name between capitalised words ("Board of Education of Topeka", "Brown & Williamson").
    static let partyConnectors = NameDiscovery.words(["of", "the", "for", "de", "&"])
    /// Plurals whose possessive goes on with a party's name ("Jackson Women's Health Organization", "Children's Hospital").
    static let possessivesInNames = NameDiscovery.words(["women", "men", "children", "people", "workers", "veterans"])

    private let versusId: Int32
    private let connectorIds: WordSet
    private let possessiveIds: WordSet
    private let openerIds: WordSet

    /// `openers` are discovery's words that open sentences rather than names.
    init(vocabulary: inout Vocabulary, openers: WordSet) {
        func ids(_ set: Set<[UInt8]>) -> WordSet { WordSet(interning: set, into: &vocabulary) }
        versusId = vocabulary.intern("v")
        connectorIds = ids(Self.partyConnectors)
        possessiveIds = ids(Self.possessivesInNames)
        openerIds = openers
    }

    /// Whether the sentence's words (folded ids) hold a "v" at all: most hold none, and are asked nothing more.
    func mayHold(_ ids: [Int32]) -> Bool {
        ids.withUnsafeBufferPointer { words in
            var k = 0
            while k < words.count {
                if words[k] == versusId { return true }
                k &+= 1
            }
            return false
        }
    }

    /// The cases in a sentence: a lower-case "v." between two capitalised names. `covered` and `places` say which words the
    /// lexicon named and whether as places; `isCommon` whether a word is a common word of the language (then, ending in -ing, it
    /// opens no party at the start of a sentence, "Overturning Roe v. Wade", and it names no case alone).
    func cases(tokens: [WordToken], words: [Int], ids: [Int32], joined: [Bool], covered: [Bool], places: [Bool], text: UnsafeBufferPointer<UInt8>,
               isCommon: (Int) -> Bool) -> [Case] {
        var found: [Case] = []
        func capital(_ j: Int) -> Bool { tokens[words[j]].kind == .word && tokens[words[j]].isCapitalized }
        /// "Overturning", "Citing": a word of the language ending in -ing, which opens a sentence, not a party's name.
        func participle(_ j: Int) -> Bool {
            let t = tokens[words[j]]
            return t.end - t.start > 5 && text[Int(t.end) - 3] == UInt8(ascii: "i") && text[Int(t.end) - 2] == UInt8(ascii: "n")
                && text[Int(t.end) - 1] == UInt8(ascii: "g")
        }
        for k in 1..<max(1, words.count - 1) where ids[k] == versusId {
            let v = words[k]
            guard !tokens[v].isCapitalized, v + 2 == words[k + 1], tokens[v + 1].kind == .punctuation, tokens[v + 1].mark == UInt8(ascii: "."),
                  joined[k], joined[k + 1], capital(k - 1), capital(k + 1), !tokens[words[k - 1]].isPossessive,
                  !found.contains(where: { $0.last >= k - 1 }) else { continue }
            var first = k - 1
            while first > 0, joined[first] {
                let p = first - 1
                if capital(p), !tokens[words[p]].isPossessive {
                    first = p
                } else if p > 0, connectorIds.contains(ids[p]), !tokens[words[p]].isCapitalized, joined[p], capital(p - 1), !tokens[words[p - 1]].isPossessive {
                    first = p - 1
                } else {
                    break
                }
            }
            while first < k - 1, openerIds.contains(ids[first]) || connectorIds.contains(ids[first]) || (first == 0 && isCommon(first) && participle(first)) {
                first += 1
            }
            var last = k + 1
            while last + 1 < words.count, joined[last + 1] {
                if tokens[words[last]].isPossessive, !possessiveIds.contains(ids[last]) { break }
                let n = last + 1
                if capital(n) {
                    last = n
                } else if n + 1 < words.count, connectorIds.contains(ids[n]), joined[n + 1], capital(n + 1) {
                    last = n + 1
                } else {
                    break
                }
            }
            if (first...(k - 1)).allSatisfy({ covered[$0] && places[$0] }) && ((k + 1)...last).allSatisfy({ covered[$0] && places[$0] }) { continue }
            func alone(_ j: Int) -> Bool { !covered[j] && !isCommon(j) && !tokens[words[j]].isAllCaps }
            let shortForm = first == k - 1 && alone(first) ? first : last == k + 1 && alone(last) ? last : nil
            found.append(Case(first: first, last: last, shortForm: shortForm))
        }
        return found
    }
}
