/// "Buffalo, New York", "Seattle, Washington": after a town and a comma, a city's name that is also its state's is the state,
/// as a postal address writes it, no mention of New York City or of the US capital (and its government). Which states are so
/// named comes from the lexicon: a region named "CITY State" ("New York State", "Washington State"), so a user's own count.
struct StatesNamedLikeCities {
    /// By lexicon entity: the state a mention of the city names after a town and a comma, or -1.
    private let stateOfCity: [Int32]
    /// By lexicon entity: the state a mention of the capital alias names after a town and a comma (the government the
    /// capital stands for, United States for "Washington"), or -1; the alias is `capitalAlias`.
    private let stateOfCapital: [Int32]
    private let capitalAlias: [Int32]

    init(entities: [Entity]) {
        var regions: [String: Int32] = [:]
        let suffix = " state"
        for (e, entity) in entities.enumerated() where entity.kind == .place && entity.type == "region" {
            let folded = Folding.fold(entity.name)
            if folded.hasSuffix(suffix) { regions[String(folded.dropLast(suffix.count))] = Int32(e) }
        }
        stateOfCity = entities.map { entity in
            entity.kind == .place && entity.type == "city" ? regions[Folding.fold(entity.name)] ?? -1 : -1
        }
        var capitals = [Int32](repeating: -1, count: entities.count), aliases = [Int32](repeating: -1, count: entities.count)
        for (e, entity) in entities.enumerated() where entity.kind == .actor {
            for (a, alias) in entity.aliases.enumerated() where alias.kind == .capital {
                if let region = regions[Folding.fold(alias.text)] { (capitals[e], aliases[e]) = (region, Int32(a)) }
            }
        }
        (stateOfCapital, capitalAlias) = (capitals, aliases)
    }

    /// The mentions (their indices in `mentions`) that name the state rather than the city, and the state each names: a
    /// mention of the city after a capitalised word and a comma, before a closing mark or the end ("in Buffalo, New York,"
    /// "in Seattle, Washington."; not "In London, New York stocks fell"). A mention of the capital's government there
    /// names the state too.
    func states(in mentions: ArraySlice<FoundMention>, tokens: [WordToken], text: UnsafeBufferPointer<UInt8>) -> [(index: Int, state: Int32)] {
        var found: [(Int, Int32)] = []
        for n in mentions.indices where mentions[n].rule == .alias {
            let m = mentions[n]
            let e = Int(m.entity)
            guard e < stateOfCity.count else { continue }
            let state = stateOfCity[e] >= 0 ? stateOfCity[e] : stateOfCapital[e] >= 0 && m.alias == capitalAlias[e] ? stateOfCapital[e] : -1
            guard state >= 0, afterTownAndComma(Int(m.start), tokens: tokens), closes(Int(m.end), text) else { continue }
            found.append((n, state))
        }
        return found
    }

    /// Whether a comma comes right before byte `start`, after a capitalised word.
    private func afterTownAndComma(_ start: Int, tokens: [WordToken]) -> Bool {
        guard let t = tokens.firstIndex(where: { Int($0.start) == start }), t >= 2 else { return false }
        let (comma, town) = (tokens[t - 1], tokens[t - 2])
        return comma.kind == .punctuation && comma.mark == UInt8(ascii: ",") && town.kind == .word && town.isCapitalized
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
