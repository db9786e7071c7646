/// "Moscow, Idaho", "Paris, Texas", "London, Ontario", "Valencia, Venezuela": a city of the lexicon followed by a comma and a
/// region or state it does not lie in is another town of that name there, no mention of the famous city nor of its state.
/// Where each place lies comes from the lexicon's `in:` lines and capitals, so a user's own regions count too.
struct TownsOfOtherRegions {
    /// By lexicon entity: the state it lies in (a state is its own; a place follows its `in:` lines up), or -1.
    private let state: [Int32]
    /// By lexicon entity: what it may be on either side of the comma.
    private let role: [Role]

    enum Role: UInt8 {
        case other, city, region, state
    }

    init(entities: [Entity]) {
        var index: [String: Int32] = [:]
        for (e, entity) in entities.enumerated() where index[entity.name] == nil { index[entity.name] = Int32(e) }
        role = entities.map { entity in
            switch (entity.kind, entity.type) {
            case (.actor, "state"): .state
            case (.place, "city"): entity.container == nil ? .other : .city
            case (.place, "region"), (.place, "territory"): entity.container == nil ? .other : .region
            default: .other
            }
        }
        state = entities.indices.map { start in
            var e = Int32(start)
            // Up the `in:` lines to a state; a loop in a user's lexicon ends the walk.
            for _ in 0..<8 {
                let entity = entities[Int(e)]
                if entity.kind == .actor && entity.type == "state" { return e }
                guard let container = entity.container, let next = index[container] else { return -1 }
                e = next
            }
            return -1
        }
    }

    /// The state that a mention of a city names: the city's own, or the state whose capital the alias is.
    private func cityState(_ m: FoundMention, _ entities: [Entity]) -> Int32? {
        let e = Int(m.entity)
        guard e < role.count else { return nil }
        if role[e] == .city { return state[e] >= 0 ? state[e] : nil }
        if role[e] == .state, entities[e].aliases[Int(m.alias)].kind == .capital { return Int32(e) }
        return nil
    }

    /// The state that a mention of a region or a state after the comma names, if it may qualify a town: a region by any
    /// name; a state by its name or an alias (not its capital or nationality word) and only before a closing mark or the
    /// end ("Valencia, Venezuela."; not "In Moscow, Georgia accused ...").
    private func regionState(_ m: FoundMention, _ entities: [Entity], _ text: UnsafeBufferPointer<UInt8>) -> Int32? {
        let e = Int(m.entity)
        guard e < role.count else { return nil }
        let end = Int(m.end)
        // "Paris, Georgia's president": a possessive names the state, not where a town is.
        if end < text.count, text[end] == UInt8(ascii: "'") || text[end] == 0xE2 { return nil }
        // "between San Francisco, Japan, and China": a list of places goes on after it.
        if listGoesOn(after: end, text) { return nil }
        switch role[e] {
        case .region:
            return state[e] >= 0 ? state[e] : nil
        case .state:
            let kind = entities[e].aliases[Int(m.alias)].kind
            guard kind == .name || kind == .alias else { return nil }
            let closes = end == text.count || [UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: ":"),
                                               UInt8(ascii: ")"), UInt8(ascii: "\n")].contains(text[end])
            return closes ? Int32(e) : nil
        default:
            return nil
        }
    }

    /// Whether more names of a list follow byte `end`: a comma or a space, maybe "and" or "or", then a capitalised word
    /// ("San Francisco, Japan, and China"; not "Moscow, Idaho, and the plant").
    private func listGoesOn(after end: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = end
        if k < text.count, text[k] == UInt8(ascii: ",") { k += 1 }
        func spaces() -> Bool {
            guard k < text.count, text[k] == UInt8(ascii: " ") else { return false }
            while k < text.count, text[k] == UInt8(ascii: " ") { k += 1 }
            return k < text.count
        }
        guard spaces() else { return false }
        for conjunction in ["and", "or"] {
            let bytes = Array(conjunction.utf8)
            if k + bytes.count < text.count, text[k..<(k + bytes.count)].elementsEqual(bytes) {
                k += bytes.count
                guard spaces() else { return false }
                break
            }
        }
        return (0x41...0x5A).contains(text[k])
    }

    /// The spans (start, end) of the mentions from `first` on that name a city where the text says the town lies in another
    /// region or state: each mention of that span (the city, and the state its capital alias names) is another town's.
    func spans(in mentions: ArraySlice<FoundMention>, entities: [Entity], text: UnsafeBufferPointer<UInt8>) -> [(Int32, Int32)] {
        var spans: [(Int32, Int32)] = []
        for city in mentions where city.rule == .alias {
            guard let own = cityState(city, entities) else { continue }
            // A comma and spaces, then the region: "Moscow, Idaho".
            var k = Int(city.end)
            guard k < text.count, text[k] == UInt8(ascii: ",") else { continue }
            k += 1
            while k < text.count, text[k] == UInt8(ascii: " ") { k += 1 }
            let regions = mentions.filter { $0.rule == .alias && Int($0.start) == k }
            guard !regions.isEmpty else { continue }
            let named = regions.compactMap { regionState($0, entities, text) }
            // The region must say where: any of its readings in the city's own state keeps the city ("Sydney, New South Wales").
            if !named.isEmpty, !named.contains(own), !spans.contains(where: { $0 == (city.start, city.end) }) {
                spans.append((city.start, city.end))
            }
        }
        return spans
    }
}
