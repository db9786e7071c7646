/// Which discovered bodies that hold a state's name or nationality word are the state's own organs, and so still name the state:
/// "Russian Foreign Ministry", "CAR Ministry of Mines", "Syrian Army" do; "Syrian Observatory for Human Rights" (a monitor in
/// London), "Free Syrian Army" (its rebels), "Egyptian Football Association", "Mexican American Legal Defense Fund" and
/// "Kenya Airways" do not: there the state's word is part of what the body is called.
struct OrgansOfState {
    /// Words that make a body an organ of the state its name opens with.
    static let organWords = NameDiscovery.words([
        "ministry", "ministries", "government", "parliament", "army", "navy", "police", "embassy", "consulate", "cabinet", "senate",
        "congress", "assembly", "court", "department", "forces", "force", "guard", "administration", "legislature", "marines", "fleet",
        "treasury", "customs", "presidency", "military", "commission", "agency", "bureau", "office", "directorate", "council",
    ])
    /// Discovered types that are bodies; events, laws and places keep the state they name ("Russian Revolution").
    static let bodyTypes: Set<String> = ["company", "organisation", "institution", "armed or political group", "media"]

    private let organIds: WordSet
    private let connectorIds: WordSet

    init(vocabulary: inout Vocabulary) {
        func ids(_ set: Set<[UInt8]>) -> WordSet {
            WordSet(set.sorted { $0.lexicographicallyPrecedes($1) }.map { word in word.withUnsafeBufferPointer { vocabulary.intern($0) } })
        }
        organIds = ids(Self.organWords)
        connectorIds = ids(NameDiscovery.connectors)
    }

    /// Whether the body `name` (its words' folded ids in `folded`) names no state inside it: a body, unless the state opens
    /// the name (`stateOpens`) and an organ's word comes before any connector ("CAR Ministry of Mines").
    func namesNoStateInside(_ name: NameDiscovery.Found, _ folded: [Int32], stateOpens: Bool) -> Bool {
        guard Self.bodyTypes.contains(name.type) else { return false }
        guard stateOpens else { return true }
        for j in name.firstWord...name.lastWord {
            if connectorIds.contains(folded[j]) { break }
            if organIds.contains(folded[j]) { return false }
        }
        return true
    }
}
