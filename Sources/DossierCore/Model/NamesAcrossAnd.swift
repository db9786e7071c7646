/// "Food and Drug Administration", "Substance Abuse and Mental Health Services Administration", "Australia and New Zealand Banking
/// Group": a body's head word closing capitalised words that "and" joins holds them in one name, when the words are common words
/// of the language or places and nationalities the lexicon knows, and no head word or first name stands before "and" (so
/// "Republicans and Democrats", "Army and Navy Club", "Lake Louise and Mount Alberta", "Tim and Tourism Council" stay apart).
struct NamesAcrossAnd {
    private let bodyHeadIds: WordSet
    private let headIds: WordSet
    private let andId: Int32
    private let weakConnectorIds: WordSet

    init(ids: (Set<[UInt8]>) -> WordSet, and andId: Int32) {
        let bodies: Set<String> = ["company", "organisation", "institution"]
        bodyHeadIds = ids(NameDiscovery.headTypes.filter { bodies.contains($0.type) }.reduce(into: Set<[UInt8]>()) { $0.formUnion($1.words) })
        headIds = ids(NameDiscovery.headTypes.reduce(into: Set<[UInt8]>()) { $0.formUnion($1.words) })
        weakConnectorIds = ids(NameDiscovery.weakConnectors)
        self.andId = andId
    }

    /// Whether the words `first...last`, "and" at `split`, are one body's name. `firstNames` tells a listed first name.
    func holds(_ first: Int, _ split: Int, _ last: Int, _ w: NameDiscovery.Words, firstNames: WordSet) -> Bool {
        let f = w.folded
        guard first < split, split < last, f[split] == andId, bodyHeadIds.contains(f[last]), w.token(last).isCapitalized,
              !(first..<split).contains(where: { headIds.contains(f[$0]) }) else { return false }
        for j in first..<last where f[j] != andId {
            if weakConnectorIds.contains(f[j]) || firstNames.contains(f[j]) { return false }
            guard (w.covered[j] && w.absorbable[j]) || (!w.covered[j] && (w.english[j] || w.isCommon(f[j]))) else { return false }
        }
        return true
    }
}
