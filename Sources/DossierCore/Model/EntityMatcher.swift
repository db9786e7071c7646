/// Finds lexicon names in tokenised sentences: longest match first, acronyms case-sensitive, other names
/// capitalised in the text, word boundaries respected, and long person names found through misspellings.
struct EntityMatcher: Sendable {
    /// What a matched alias stands for: an entity and which of its aliases.
    struct Target: Sendable, Hashable {
        var entity: Int32
        var alias: Int32
        var kind: AliasKind
        /// A place, a state or a nationality word: a longer discovered organisation name may take it in
        /// ("Australian Workers Union", "University of Warsaw").
        var isPlace: Bool
    }

    /// An alias as a sequence of folded word ids, with the case rules it is matched under.
    struct Pattern: Sendable {
        var tokens: [Int32]
        /// The exact bytes of each token, for acronyms ("US" is not "us").
        var exact: [[UInt8]]?
        var needsCapital: Bool
        var targets: [Target]
    }

    private(set) var vocabulary = Vocabulary()
    /// Patterns by the vocabulary id of their first token, longest first.
    private var patterns: [[Pattern]] = []
    /// Per first word, its patterns (indices into its `patterns`) ordered by their second token, -1 for one word, and
    /// then by index: the patterns that may match at a word are those of its next word's run and of the run of -1,
    /// found by halves. Trying every pattern of a word that starts hundreds ("the", "united") was 1% of a load.
    private var bySecondToken: [[(second: Int32, pattern: Int32)]] = []
    /// (entity << 32 | alias) of the aliases that name a place, or a capital for its government: inside a longer
    /// name ("University of Warsaw") they are not mentions; a state or nationality there still is ("CAR Ministry of Mines").
    private var placeAliases: Set<Int64> = []
    /// Single-word person names of at least six letters, for misspellings.
    private var fuzzy: [(folded: [UInt8], target: Target)] = []
    /// Ids of the words around a capital that make it the city, not its state's government (`CityWords`).
    private var cityAfterIds: Set<Int32> = [], cityBeforeIds: Set<Int32> = [], ofId: Int32 = -1
    private var placePrepositionIds: Set<Int32> = [], journeyIds: Set<Int32> = []
    private var fromId: Int32 = -1, toId: Int32 = -1, forId: Int32 = -1, theId: Int32 = -1

    init(entities: [Entity]) {
        for word in CityWords.all {
            _ = Array(word.utf8).withUnsafeBufferPointer { vocabulary.intern($0) }
        }
        var byKey: [[Int32]: Int] = [:]
        var all: [Pattern] = []
        var scratch: [WordToken] = []
        var folded: [UInt8] = []
        for (e, entity) in entities.enumerated() {
            for (a, alias) in entity.aliases.enumerated() {
                if entity.kind == .place, alias.kind != .name, alias.kind != .alias { continue }
                var bytes = Array(alias.text.utf8)
                scratch.removeAll()
                var ids: [Int32] = []
                var exact: [[UInt8]] = []
                var allCaps = true
                var letters = 0
                bytes.withUnsafeMutableBufferPointer { raw in
                    let buffer = UnsafeBufferPointer(raw)
                    Tokenizer.tokenize(buffer, 0..<buffer.count, into: &scratch)
                    for token in scratch where token.kind != .punctuation {
                        let word = UnsafeBufferPointer(rebasing: buffer[Int(token.start)..<Int(token.end)])
                        if token.kind == .word {
                            letters += word.count
                            if !token.isAllCaps && !(token.isCapitalized && token.end - token.start == 1) { allCaps = false }
                        }
                        folded.removeAll(keepingCapacity: true)
                        Folding.fold(word, into: &folded)
                        ids.append(folded.withUnsafeBufferPointer { vocabulary.intern($0) })
                        exact.append(Array(word))
                    }
                }
                guard !ids.isEmpty else { continue }
                // An acronym: every word in capitals ("US", "U.S.", "MISCA"), short or dotted.
                let isAcronym = letters > 0 && allCaps && (letters <= 6 || alias.text.contains("."))
                let firstIsUpper = scratch.first(where: { $0.kind == .word })?.isCapitalized ?? false
                if entity.kind == .place || alias.kind == .capital { placeAliases.insert(Int64(e) << 32 | Int64(a)) }
                // A state of the past is one too: "Government of Austria-Hungary" takes it in as "Government of Colombia" does;
                // and so is a people's phrase, as its nationality word is ("Bureau of Indian Affairs").
                let target = Target(entity: Int32(e), alias: Int32(a), kind: alias.kind,
                                    isPlace: entity.kind == .place || entity.type == "state" || entity.type == "former state"
                                        || entity.type == "ethnic group" || alias.kind == .demonym || alias.kind == .sharedDemonym)
                let key = ids + [isAcronym ? -1 : -2]
                if let existing = byKey[key] {
                    if !all[existing].targets.contains(target) { all[existing].targets.append(target) }
                } else {
                    byKey[key] = all.count
                    all.append(Pattern(tokens: ids, exact: isAcronym ? exact : nil, needsCapital: firstIsUpper, targets: [target]))
                }
                if entity.type == "person", ids.count == 1, !isAcronym, alias.kind != .demonym, alias.kind != .sharedDemonym {
                    let f = Array(vocabulary.bytes(ids[0]))
                    if f.count >= 6 { fuzzy.append((f, target)) }
                }
            }
        }
        patterns = Array(repeating: [], count: vocabulary.count)
        for pattern in all { patterns[Int(pattern.tokens[0])].append(pattern) }
        for i in patterns.indices { patterns[i].sort { $0.tokens.count > $1.tokens.count } }
        bySecondToken = Self.bySecondToken(of: patterns)
        findCityWords()
    }

    /// Looks up the ids of `CityWords` in the vocabulary.
    private mutating func findCityWords() {
        func ids(_ words: Set<String>) -> Set<Int32> {
            Set(words.compactMap { word in Array(word.utf8).withUnsafeBufferPointer { vocabulary.lookup($0) } })
        }
        cityAfterIds = ids(CityWords.after)
        cityBeforeIds = ids(CityWords.before)
        ofId = ids(["of"]).first ?? -1
        placePrepositionIds = ids(CityWords.placePrepositions)
        journeyIds = ids(CityWords.journey)
        (fromId, toId, forId) = (ids(["from"]).first ?? -1, ids(["to"]).first ?? -1, ids(["for"]).first ?? -1)
        theId = ids(["the"]).first ?? -1
    }

    /// Whether the capital matched at words `k..<end` is the city: "Ottawa city council", "Nairobi county", "the mayor of
    /// Ottawa", "residents of Washington" (tester19 #6: every city-hall story counted for its country's government), "talks
    /// in Nairobi", "flew from Nairobi", "left for Paris", "from Bamako to Niamey"; not "appealed to Paris for aid".
    private func isCity(_ k: Int, _ end: Int, tokens: [WordToken], words: [Int], ids: [Int32], joined: [Bool]) -> Bool {
        let followedBy = end < words.count && joined[end] ? ids[end] : -1
        if followedBy >= 0, !tokens[words[end]].isCapitalized, cityAfterIds.contains(followedBy) { return true }
        guard k >= 1, joined[k] else { return false }
        let before = ids[k - 1]
        if placePrepositionIds.contains(before) { return true }
        guard before == fromId || before == toId || before == forId else { return before == ofId && k >= 2
            && joined[k - 1] && cityBeforeIds.contains(ids[k - 2]) }
        if before == fromId, followedBy == toId { return true }
        if k >= 2, joined[k - 1], journeyIds.contains(ids[k - 2]) { return true }
        // The end of "from Nairobi to Addis Ababa": "from" a few joined words before "to"; not "from the United States
        // to Moscow", a state's aid to a government.
        guard before == toId else { return false }
        var j = k - 2
        while j >= max(0, k - 5), joined[j + 1] {
            if ids[j] == fromId { return ids[j + 1] != theId }
            j -= 1
        }
        return false
    }

    private static func bySecondToken(of patterns: [[Pattern]]) -> [[(second: Int32, pattern: Int32)]] {
        patterns.map { bucket in
            bucket.indices.map { (second: bucket[$0].tokens.count > 1 ? bucket[$0].tokens[1] : -1, pattern: Int32($0)) }
                .sorted { ($0.second, $0.pattern) < ($1.second, $1.pattern) }
        }
    }

    /// The index of the first entry of `candidates` whose second token is `second` or more.
    @inline(__always)
    private static func firstCandidate(_ second: Int32, in candidates: [(second: Int32, pattern: Int32)]) -> Int {
        var (low, high) = (0, candidates.count)
        while low < high {
            let mid = (low &+ high) / 2
            if candidates[mid].second < second { low = mid &+ 1 } else { high = mid }
        }
        return low
    }

    /// Whether a matched alias names a place (or a capital standing for a government) rather than an actor.
    func namesPlace(entity: Int32, alias: Int32) -> Bool { placeAliases.contains(Int64(entity) << 32 | Int64(alias)) }

    /// The vocabulary id of a folded word, or -1.
    @inline(__always)
    func id(of folded: UnsafeBufferPointer<UInt8>) -> Int32 { vocabulary.lookup(folded) ?? -1 }

    /// Matches over the word tokens of one sentence. `words` are indices into `tokens` of word and number tokens;
    /// `ids` their vocabulary ids; `joined[k]` is false where punctuation other than a hyphen, apostrophe, full stop or "&"
    /// separates word k from word k-1. Covered words are marked so discovery leaves them alone, and `places` marks
    /// those covered only by places, states and nationality words, which a longer name may take in.
    func match(text: UnsafeBufferPointer<UInt8>, tokens: [WordToken], words: [Int], ids: [Int32], joined: [Bool],
               emit: (Target, Int, Int) -> Void, covered: inout [Bool], places: inout [Bool]) {
        var k = 0
        while k < words.count {
            let first = ids[k]
            guard first >= 0, !patterns[Int(first)].isEmpty else {
                k += 1
                continue
            }
            var matched = 0
            var isPlace = false
            let candidates = bySecondToken[Int(first)]
            let next = k + 1 < words.count ? ids[k + 1] : -2
            // The patterns whose second token is the next word's, and the one-word patterns, in their order.
            let oneWord = Self.firstCandidate(0, in: candidates)
            var twoWords = next >= 0 ? Self.firstCandidate(next, in: candidates) : candidates.count
            var single = 0
            while true {
                let takesTwo = twoWords < candidates.count && candidates[twoWords].second == next
                guard takesTwo || single < oneWord else { break }
                let p: Int
                if takesTwo && (single == oneWord || candidates[twoWords].pattern < candidates[single].pattern) {
                    p = Int(candidates[twoWords].pattern)
                    twoWords += 1
                } else {
                    p = Int(candidates[single].pattern)
                    single += 1
                }
                let pattern = patterns[Int(first)][p]
                guard pattern.tokens.count <= words.count - k else { continue }
                if accepts(pattern, at: k, text: text, tokens: tokens, words: words, ids: ids, joined: joined) {
                    matched = pattern.tokens.count
                    let startToken = tokens[words[k]]
                    let endToken = tokens[words[k + matched - 1]]
                    // A capital followed by more of a name ("Moscow State University") is the place, not the government.
                    let partOfLongerName = k + matched < words.count && joined[k + matched]
                        && tokens[words[k + matched]].isCapitalized && tokens[words[k + matched]].kind == .word
                    // One mention per entity: two aliases that fold alike ("Faustin-Archange Touadéra" and
                    // "Faustin Archange Touadéra") are one pattern with two targets of the same entity.
                    isPlace = pattern.targets.allSatisfy(\.isPlace)
                    let city = pattern.targets.contains { $0.kind == .capital }
                        && isCity(k, k + matched, tokens: tokens, words: words, ids: ids, joined: joined)
                    func named(_ target: Target) -> Bool { !(target.kind == .capital && (partOfLongerName || city)) }
                    for (t, target) in pattern.targets.enumerated() where named(target)
                        && !pattern.targets[..<t].contains(where: { named($0) && $0.entity == target.entity }) {
                        emit(target, Int(startToken.start), Int(endToken.end))
                    }
                    break
                }
            }
            if matched > 0 {
                for j in k..<(k + matched) {
                    covered[j] = true
                    places[j] = isPlace
                }
                k += matched
            } else {
                k += 1
            }
        }
    }

    @inline(__always)
    private func accepts(_ pattern: Pattern, at k: Int, text: UnsafeBufferPointer<UInt8>, tokens: [WordToken],
                         words: [Int], ids: [Int32], joined: [Bool]) -> Bool {
        for j in 0..<pattern.tokens.count {
            if ids[k + j] != pattern.tokens[j] { return false }
            if j > 0, !joined[k + j] { return false }
            // "France’s 24 interview" is not "France 24": a possessive ends a name.
            if j < pattern.tokens.count - 1, tokens[words[k + j]].isPossessive { return false }
        }
        if let exact = pattern.exact {
            for j in 0..<exact.count {
                let token = tokens[words[k + j]]
                let bytes = UnsafeBufferPointer(rebasing: text[Int(token.start)..<Int(token.end)])
                if !bytes.elementsEqual(exact[j]) { return false }
            }
            return true
        }
        if pattern.needsCapital {
            let token = tokens[words[k]]
            if token.kind == .word, !token.isCapitalized { return false }
        }
        return true
    }

    /// A person's long name misspelt by one edit ("Bozzize", "Toudera"), same first letter.
    func misspelling(of folded: [UInt8]) -> Target? {
        guard folded.count >= 7 else { return nil }
        var best: Target?
        for candidate in fuzzy where candidate.folded.first == folded.first && abs(candidate.folded.count - folded.count) <= 1 {
            if Suggest.distance(candidate.folded, folded, limit: 1) <= 1 {
                if best != nil, best!.entity != candidate.target.entity { return nil }
                best = candidate.target
            }
        }
        return best
    }
}

extension EntityMatcher {
    /// The matcher as built, for the compiled lexicon file: start-up reads it instead of tokenising every alias.
    func write(to out: inout ArchiveWriter) {
        out.write(vocabulary.arena)
        out.write(vocabulary.offsets)
        out.write(vocabulary.slots)
        out.write(patterns.count)
        for bucket in patterns {
            out.write(bucket.count)
            for pattern in bucket {
                out.write(pattern.tokens)
                out.write(pattern.needsCapital)
                out.write(pattern.exact != nil)
                if let exact = pattern.exact {
                    out.write(exact.count)
                    for bytes in exact { out.write(bytes) }
                }
                out.write(pattern.targets.count)
                for target in pattern.targets { write(target, to: &out) }
            }
        }
        out.write(Array(placeAliases).sorted())
        out.write(fuzzy.count)
        for (folded, target) in fuzzy {
            out.write(folded)
            write(target, to: &out)
        }
    }

    private func write(_ target: Target, to out: inout ArchiveWriter) {
        out.write(target.entity)
        out.write(target.alias)
        out.write(UInt8(AliasKind.allCases.firstIndex(of: target.kind)!))
        out.write(target.isPlace)
    }

    /// A matcher as `write(to:)` saved it, for `entities`; refused when a word or target lies outside its tables.
    init(from input: inout ArchiveReader, entities: [Entity]) throws(ArchiveError) {
        let misfit = ArchiveError(description: "the lexicon's matcher does not fit its tables")
        vocabulary = Vocabulary(arena: try input.readArray(of: UInt8.self), offsets: try input.readArray(of: Int32.self),
                                slots: try input.readArray(of: UInt64.self))
        if let problem = vocabulary.shapeProblem() { throw ArchiveError(description: problem) }
        let words = Int32(vocabulary.count)
        func target() throws(ArchiveError) -> Target {
            let entity = try input.read(Int32.self), alias = try input.read(Int32.self), kind = Int(try input.read(UInt8.self))
            guard entity >= 0, Int(entity) < entities.count, alias >= 0, Int(alias) < entities[Int(entity)].aliases.count,
                  kind < AliasKind.allCases.count else { throw misfit }
            return Target(entity: entity, alias: alias, kind: AliasKind.allCases[kind], isPlace: try input.read(Bool.self))
        }
        guard try input.readCount() == vocabulary.count else { throw misfit }
        patterns = []
        patterns.reserveCapacity(vocabulary.count)
        for first in 0..<words {
            var bucket: [Pattern] = []
            for _ in 0..<(try input.readCount()) {
                let tokens = try input.readArray(of: Int32.self)
                guard tokens.first == first, tokens.allSatisfy({ $0 >= 0 && $0 < words }) else { throw misfit }
                let needsCapital = try input.read(Bool.self)
                var exact: [[UInt8]]?
                if try input.read(Bool.self) {
                    var list: [[UInt8]] = []
                    for _ in 0..<(try input.readCount()) { list.append(try input.readArray(of: UInt8.self)) }
                    guard list.count == tokens.count else { throw misfit }
                    exact = list
                }
                var targets: [Target] = []
                for _ in 0..<(try input.readCount()) { targets.append(try target()) }
                bucket.append(Pattern(tokens: tokens, exact: exact, needsCapital: needsCapital, targets: targets))
            }
            patterns.append(bucket)
        }
        bySecondToken = Self.bySecondToken(of: patterns)
        placeAliases = Set(try input.readArray(of: Int64.self))
        for _ in 0..<(try input.readCount()) {
            let folded = try input.readArray(of: UInt8.self)
            fuzzy.append((folded, try target()))
        }
        findCityWords()
    }
}

/// Words that make a capital the city rather than its state's government: local government and city life after it
/// ("Ottawa city council", "Nairobi county", "Kabul residents"), and before it with "of" ("the mayor of Ottawa").
enum CityWords {
    /// Every word the rules look up, interned in the vocabulary whether or not a lexicon name holds it.
    static var all: Set<String> { after.union(before).union(placePrepositions).union(journey).union(["of", "from", "to", "for", "the"]) }
    static let after: Set<String> = ["city", "council", "councils", "councillor", "councillors", "councilor", "county", "mayor",
                                     "residents", "resident", "police", "hall", "ward", "wards", "suburb", "suburbs", "streets",
                                     "neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods", "municipality", "metro",
                                     "transit", "hospital", "hospitals", "school", "schools", "zoo", "marathon", "traffic",
                                     "airport", "downtown", "district", "districts", "region", "area", "province"]
    static let before: Set<String> = ["mayor", "city", "residents", "streets", "suburbs", "outskirts", "centre", "center",
                                      "people", "citizens", "county", "municipality", "neighbourhoods", "neighborhoods", "heart"]
    /// Prepositions that put what happens in the city, right before it: "talks in Nairobi", "a rally outside Kyiv".
    static let placePrepositions: Set<String> = ["in", "at", "near", "outside", "around", "across", "via", "into",
                                                 "inside", "throughout", "beyond"]
    /// Words of a journey before "from", "to" or "for" and a capital: "flew from Nairobi", "a visit to Paris", "left for
    /// Paris", "its distance from Moscow". Words that may tell of the government stay out ("came from", "appealed to").
    static let journey: Set<String> = ["flew", "fly", "flies", "flying", "flight", "flights", "travelled", "traveled",
                                       "travelling", "traveling", "travel", "travels", "trip", "trips", "journey",
                                       "journeyed", "returned", "return", "returns", "returning", "moved", "move", "moving",
                                       "fled", "flee", "flees", "fleeing", "drove", "drive", "driving", "road", "route", "train",
                                       "trains", "distance", "miles", "kilometres", "kilometers", "km", "left", "leave",
                                       "leaves", "leaving", "bound", "headed", "heading", "departed", "departing", "arrived",
                                       "arriving", "relocated", "evacuated", "deported", "sailed", "marched", "walked",
                                       "visit", "visits", "visitors", "away", "far"]
}
