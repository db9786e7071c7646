/// What the analysis reads from the lexicon's entities rather than from a document: where its towns and states lie
/// (`TownsOfOtherRegions`, `StatesNamedLikeCities`), which peoples share a nationality word, who is a person. The same for
/// every batch of a load, so a load makes it once and its analyzers share it: made by each analyzer, it cost 27 M
/// instructions a batch with the bundled lexicons, and an `annotate` as much a document.
struct EntityRules: Sendable {
    let townsOfOtherRegions: TownsOfOtherRegions
    let statesNamedLikeCities: StatesNamedLikeCities
    /// The entities with a shared nationality word, each with the peoples whose names hold that word
    /// (`DocumentAnalyzer.peoplesSharing`), and those entities and their peoples together.
    let sharedDemonymPeoples: [Int32: Set<Int32>]
    let sharedDemonymWatched: Set<Int32>
    /// By lexicon entity: whether it is a person.
    let people: [Bool]

    init(entities: [Entity]) {
        townsOfOtherRegions = TownsOfOtherRegions(entities: entities)
        statesNamedLikeCities = StatesNamedLikeCities(entities: entities)
        sharedDemonymPeoples = DocumentAnalyzer.peoplesSharing(entities)
        sharedDemonymWatched = sharedDemonymPeoples.reduce(into: Set(sharedDemonymPeoples.keys)) { $0.formUnion($1.value) }
        people = entities.map { $0.type == "person" }
    }
}
