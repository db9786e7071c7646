/// "Buffalo, New York", "Seattle, Washington", "Athens, Georgia": after a town and a comma, a name that is also a state's is the
/// state, as a postal address writes it: no mention of New York City, of the US capital (and its government) or of the country
/// Georgia. Which states are so named comes from the lexicon: a region with an alias "State of NAME" ("New York State",
/// "Washington State", "Georgia (U.S. state)"), so a user's own count. A town the lexicon places in the country of that name
/// ("Tbilisi, Georgia") and a list of countries ("Armenia, Georgia, and Azerbaijan") keep it.
struct StatesNamedLikeCities {
    /// The region each folded NAME of a "State of NAME" alias is.
    private let regions: [String: Int32]
    /// By lexicon entity: the names of the places and states it lies in, up its `in:` lines (a capital's city lies in its state).
    private let containers: [[String]]

    init(entities: [Entity]) {
        var regions: [String: Int32] = [:]
        let prefix = "state of "
        for (e, entity) in entities.enumerated() where entity.kind == .place && entity.type == "region" {
            for alias in entity.aliases {
                let folded = Folding.fold(alias.text)
                if folded.hasPrefix(prefix) { regions[String(folded.dropFirst(prefix.count))] = Int32(e) }
            }
        }
        self.regions = regions
        var index: [String: Int32] = [:]
        for (e, entity) in entities.enumerated() where index[entity.name] == nil { index[entity.name] = Int32(e) }
        containers = entities.map { entity in
            var chain: [String] = []
            var next = entity.container
            // Up the `in:` lines; a loop in a user's lexicon ends the walk.
            while let name = next, chain.count < 8 {
                chain.append(name)
                next = index[name].flatMap { entities[Int($0)].container }
            }
            return chain
        }
    }

    /// The mentions (their indices in `mentions`) that name a state after a town and a comma, and the state (-1: the mention
    /// is of something else the name stands for, a government or a country, and names nothing there).
    func states(in mentions: ArraySlice<FoundMention>, entities: [Entity], tokens: [WordToken],
                text: UnsafeBufferPointer<UInt8>) -> [(index: Int, state: Int32)] {
        guard !regions.isEmpty else { return [] }
        var found: [(Int, Int32)] = []
        for n in mentions.indices where mentions[n].rule == .alias {
            let m = mentions[n]
            let start = Int(m.start)
            guard start >= 2, text[start - 1] == UInt8(ascii: " "), text[start - 2] == UInt8(ascii: ","), closes(Int(m.end), text),
                  let town = townBefore(start, tokens: tokens) else { continue }
            let entity = entities[Int(m.entity)]
            let alias = entity.aliases[Int(m.alias)]
            guard let region = regions[Folding.fold(alias.text)] else { continue }
            // "Tbilisi, Georgia": a town the lexicon places in what the name names (not in a capital's government: "Seattle,
            // Washington" lies in the United States); "Armenia, Georgia": a list of states.
            let before = mentions.filter { $0.rule == .alias && $0.end == town.end }
            if before.contains(where: { entities[Int($0.entity)].type == "state" || entities[Int($0.entity)].type == "country"
                || (alias.kind != .capital && containers[Int($0.entity)].contains(entity.name)) }) { continue }
            found.append((n, entity.kind == .place ? region : -1))
        }
        return found
    }

    /// The capitalised word before the comma and space right before byte `start`, if any.
    private func townBefore(_ start: Int, tokens: [WordToken]) -> WordToken? {
        guard let t = tokens.firstIndex(where: { Int($0.start) == start }), t >= 2 else { return nil }
        let (comma, town) = (tokens[t - 1], tokens[t - 2])
        return comma.kind == .punctuation && comma.mark == UInt8(ascii: ",") && town.kind == .word && town.isCapitalized ? town : nil
    }

    /// Whether a closing mark or the end follows byte `end`, and no "D.C." or "DC" after a comma ("Sures, Washington, D. C.").
    private func closes(_ end: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard end < text.count else { return true }
        if text[end] == UInt8(ascii: ",") {
            var k = end + 1
            while k < text.count, text[k] == UInt8(ascii: " ") { k += 1 }
            if k + 1 < text.count, text[k] == UInt8(ascii: "D"), text[k + 1] == UInt8(ascii: ".") || text[k + 1] == UInt8(ascii: "C") { return false }
        }
        return [UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: ")"), UInt8(ascii: "\n")].contains(text[end])
    }
}
