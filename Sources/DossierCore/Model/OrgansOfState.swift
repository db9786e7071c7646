/// Which discovered bodies that hold a state's name or nationality word are the state's own organs, and so still name the state:
/// "Russian Foreign Ministry", "CAR Ministry of Mines", "Syrian Army" do; "Syrian Observatory for Human Rights" (a monitor in
/// London), "Free Syrian Army" (its rebels), "Egyptian Football Association", "Mexican American Legal Defense Fund" and
/// "Kenya Airways" do not: there the state's word is part of what the body is called.
struct OrgansOfState {
    /// Words that make a body an organ of the state its name opens with ("Syrian Army", "United States Public Health Service"),
    /// or that follows them and "of" ("Office of the United States Coordinator for Refugees").
    static let organWords = NameDiscovery.words([
        "ministry", "ministries", "government", "parliament", "army", "navy", "police", "embassy", "consulate", "cabinet", "senate",
        "congress", "assembly", "court", "department", "forces", "force", "guard", "administration", "legislature", "marines", "fleet",
        "treasury", "customs", "presidency", "military", "commission", "agency", "bureau", "office", "directorate", "council",
        "service", "corps", "cavalry", "infantry", "artillery", "regiment", "brigade", "battalion", "division", "volunteers",
    ])
    /// Ordinals that may come before the state in a unit's name ("First United States Volunteer Cavalry").
    static let ordinals = NameDiscovery.words(["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                                               "tenth", "1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th"])
    /// Organs that are the state's wherever its name or nationality word stands in theirs ("Imperial Russian Government").
    static let governingWords = NameDiscovery.words(["ministry", "ministries", "government", "embassy", "consulate", "cabinet",
                                                     "presidency", "treasury"])
    /// Discovered types that are bodies; events, laws and places keep the state they name ("Russian Revolution").
    static let bodyTypes: Set<String> = ["company", "organisation", "institution", "armed or political group", "media"]

    private let organIds: WordSet
    private let governingIds: WordSet
    private let ordinalIds: WordSet
    private let connectorIds: WordSet
    private let ofId: Int32
    private let theId: Int32

    init(vocabulary: inout Vocabulary) {
        func ids(_ set: Set<[UInt8]>) -> WordSet { WordSet(interning: set, into: &vocabulary) }
        organIds = ids(Self.organWords)
        governingIds = ids(Self.governingWords)
        ordinalIds = ids(Self.ordinals)
        connectorIds = ids(NameDiscovery.connectors)
        ofId = vocabulary.intern("of")
        theId = vocabulary.intern("the")
    }

    /// Whether the body `name` (its words' folded ids in `folded`) names no state inside it, the first state's mention inside
    /// starting at word `state`: a body, unless a governing organ's word stands anywhere in it ("Imperial Russian
    /// Government"), or an organ's word comes before any connector and the state opens the name (after an ordinal: "First
    /// United States Volunteer Cavalry") or follows the organ's word and "of" ("Office of the United States Coordinator").
    func namesNoStateInside(_ name: NameDiscovery.Found, _ folded: [Int32], state: Int?) -> Bool {
        guard Self.bodyTypes.contains(name.type) else { return false }
        guard let state else { return true }
        if (name.firstWord...name.lastWord).contains(where: { governingIds.contains(folded[$0]) }) { return false }
        let opens = (name.firstWord..<state).allSatisfy { ordinalIds.contains(folded[$0]) }
        for j in name.firstWord...name.lastWord {
            // "Cuba the War Department": a name the discovery ran through "the" goes on.
            if connectorIds.contains(folded[j]) && folded[j] != theId { break }
            guard organIds.contains(folded[j]) else { continue }
            if opens { return false }
            if j + 1 < state, folded[j + 1] == ofId, state == j + 2 || (state == j + 3 && folded[j + 2] == theId) { return false }
            return true
        }
        return true
    }
}
