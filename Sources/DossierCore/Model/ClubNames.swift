/// Sports clubs named by their town: "Manchester United", "Liverpool FC", "Kerala Blasters FC", "Real Madrid", "Inter Milan".
/// Such a name is one organisation that takes its town in: no mention of Manchester, Madrid or Spain.
struct ClubNames {
    /// Words that close a club's name after its town or nickname ("Manchester United", "Bengaluru FC", "Bristol Rovers").
    static let closingWords = NameDiscovery.words(["fc", "afc", "cf", "united", "rovers", "wanderers", "athletic", "albion", "hotspur"])
    /// Words that open a club's name before its town ("Real Madrid", "Atletico Madrid", "Inter Milan", "Sporting Lisbon",
    /// "Dynamo Kyiv", "Olympique Marseille").
    static let openingWords = NameDiscovery.words(["real", "atletico", "atlético", "inter", "sporting", "dynamo", "dinamo", "olympique",
                                                   "deportivo", "spartak", "lokomotiv", "borussia"])

    private let closingIds: WordSet
    private let openingIds: WordSet

    init(ids: (Set<[UInt8]>) -> WordSet) {
        closingIds = ids(Self.closingWords)
        openingIds = ids(Self.openingWords)
    }

    /// Whether the words `first...last` name a club: a closing word after capitalised words, or an opening word before a
    /// place the lexicon knows.
    func isClub(_ first: Int, _ last: Int, _ w: NameDiscovery.Words) -> Bool {
        guard last > first else { return false }
        return closingIds.contains(w.folded[last]) || opens(first, last, w)
    }

    /// Whether the word `first` opens a club's name before a place the lexicon knows ("Real Madrid"), even at the start of a
    /// sentence, where a common word is usually no part of a name.
    func opens(_ first: Int, _ last: Int, _ w: NameDiscovery.Words) -> Bool {
        last > first && openingIds.contains(w.folded[first]) && ((first + 1)...last).allSatisfy { w.covered[$0] && w.absorbable[$0] }
    }
}
