/// "Food and Drug Administration", "Substance Abuse and Mental Health Services Administration", "Australia and New Zealand Banking
/// Group": a body's head word closing capitalised words that "and" joins holds them in one name, when the words are common words
/// of the language or places and nationalities the lexicon knows, no head word or first name stands before "and", and the
/// words after "and" do not open a name of their own (so "Republicans and Democrats", "Army and Navy Club", "Lake Louise and
/// Mount Alberta", "Regulars and National Guard", "Life-Saving and Light-House services", "the Territories of Nebraska and Kansas
/// Congress" stay apart; "Department of Health and Human Services" is held by its head word before "of").
struct NamesAcrossAnd {
    private let heads: [(ids: WordSet, type: String)]
    private let headIds: WordSet
    private let andId: Int32
    private let connectorIds: WordSet
    private let nameOpenerIds: WordSet

    /// Words that open a body's name of its own after "and" ("Reserve and National Guard", "Police and Federal Agents").
    static let nameOpeners = NameDiscovery.words(["national", "federal", "royal", "state", "united", "international", "central", "general",
                                                  "imperial"])

    /// The types whose head word closes a body's name.
    static let bodyTypes: Set<String> = ["company", "organisation", "institution"]

    /// `heads` and `allHeads` are discovery's head words by type and all of them.
    init(heads: [(ids: WordSet, type: String)], allHeads: WordSet, ids: (Set<[UInt8]>) -> WordSet, and andId: Int32) {
        self.heads = heads.filter { Self.bodyTypes.contains($0.type) }
        headIds = allHeads
        connectorIds = ids(NameDiscovery.connectors)
        nameOpenerIds = ids(Self.nameOpeners)
        self.andId = andId
    }

    /// Whether the words `first...last`, "and" at `split`, are one body's name. `firstNames` tells a listed first name.
    func holds(_ first: Int, _ split: Int, _ last: Int, _ w: NameDiscovery.Words, firstNames: WordSet) -> Bool {
        let f = w.folded
        guard first < split, split < last, f[split] == andId, heads.contains(where: { $0.ids.contains(f[last]) }), w.token(last).isCapitalized,
              !(first..<split).contains(where: { headIds.contains(f[$0]) }), !w.covered[split + 1], !nameOpenerIds.contains(f[split + 1]) else { return false }
        for j in first..<last where f[j] != andId {
            if connectorIds.contains(f[j]) || firstNames.contains(f[j]) || hyphenGlued(j, w) { return false }
            guard (w.covered[j] && w.absorbable[j]) || (!w.covered[j] && (w.english[j] || w.isCommon(f[j]))) else { return false }
        }
        return true
    }

    /// Whether word `j` is glued by a hyphen to the word before or after it ("Life-Saving", "Light-House").
    private func hyphenGlued(_ j: Int, _ w: NameDiscovery.Words) -> Bool {
        let t = w.token(j)
        let start = Int(t.start), end = Int(t.end)
        return (start > 0 && w.text[start - 1] == UInt8(ascii: "-")) || (end < w.text.count && w.text[end] == UInt8(ascii: "-"))
    }
}
