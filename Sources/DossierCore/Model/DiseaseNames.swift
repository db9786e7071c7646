/// "Spanish flu", "German measles", "Guinea worm", "West Nile virus", "Middle East respiratory syndrome": a place, a state or a
/// nationality word right before the head word of a disease's name (`disease WORD` lines of the name lists), or before one or
/// two lower-case words and one, is part of the disease's name, no mention of the place or the state (not "the invasion of
/// the United States by yellow fever": a word such as "by" or "with" is no part of a name).
struct DiseaseNames {
    private let headIds: WordSet
    private let openerIds: WordSet

    /// `openers` are discovery's words that open sentences rather than names.
    init(vocabulary: inout Vocabulary, names: NameLists, openers: WordSet) {
        headIds = WordSet(interning: names.diseases, into: &vocabulary)
        openerIds = openers
    }

    /// Whether the words after word `last` close a disease's name: a head word, maybe after one or two lower-case words that
    /// open no phrase, none of them parted from the name by a mark.
    func closesDisease(after last: Int, tokens: [WordToken], words: [Int], ids: [Int32], joined: [Bool]) -> Bool {
        var k = last + 1
        while k < words.count, joined[k], k - last <= 3 {
            if headIds.contains(ids[k]) { return true }
            let token = tokens[words[k]]
            guard token.kind == .word, !token.isCapitalized, !openerIds.contains(ids[k]) else { return false }
            k += 1
        }
        return false
    }
}
