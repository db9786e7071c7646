/// Word ids of the words around a one-word place the lexicon lacks ("a blaze at Cessnock", "the town of Jenin").
struct PlaceCueIds {
    let locatives: WordSet
    let compass: WordSet
    let placeNouns: WordSet
    let areaNouns: WordSet
    let notPlaces: WordSet
    let of: WordSet
    let ofFor: WordSet
    let andOr: WordSet
    let hedges: WordSet
    let kin: WordSet
    let bodyNouns: WordSet
    let localNouns: WordSet
    let reporting: WordSet
    let rulers: WordSet
    let articles: WordSet
    let notBeforeTo: WordSet
    let to: WordSet
    let at: WordSet
    let openers: WordSet

    init(ids: (Set<[UInt8]>) -> WordSet) {
        locatives = ids(NameDiscovery.locatives)
        compass = ids(NameDiscovery.compassWords)
        placeNouns = ids(NameDiscovery.placeNouns)
        areaNouns = ids(NameDiscovery.areaNouns)
        notPlaces = ids(NameDiscovery.notPlaces)
        of = ids(NameDiscovery.words(["of"]))
        ofFor = ids(NameDiscovery.words(["of", "for"]))
        andOr = ids(NameDiscovery.words(["and", "or"]))
        hedges = ids(NameDiscovery.words(["just", "directly", "due", "about", "some"]))
        kin = ids(NameDiscovery.kinWords)
        bodyNouns = ids(NameDiscovery.bodyNouns)
        localNouns = ids(NameDiscovery.localNouns)
        reporting = ids(NameDiscovery.reportingVerbs)
        rulers = ids(NameDiscovery.rulers)
        articles = ids(NameDiscovery.words(["the", "a", "an"]))
        notBeforeTo = ids(NameDiscovery.notBeforeTo)
        to = ids(NameDiscovery.words(["to"]))
        at = ids(NameDiscovery.words(["at"]))
        openers = ids(NameDiscovery.openers)
    }
}

extension NameDiscovery {
    /// Words before a place: "at Cessnock", "in Burakin", "between Bulabarra and Lapstone".
    static let locatives = words(["at", "in", "near", "around", "outside", "towards", "toward", "via", "from", "to",
                                  "between", "into", "across", "beyond", "through", "inside", "nearby", "above", "below"])
    /// "north of Wollongong", "Spencer north of Sydney", "Burakin, 240 kilometres north-east of Perth".
    static let compassWords = words(["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"])
    /// "the town of Jenin", "the suburbs of Heathcote and Engadine".
    static let placeNouns = words(["town", "towns", "city", "cities", "village", "villages", "suburb", "suburbs", "settlement",
                                   "region", "province", "district", "shire", "island", "port", "outskirts", "municipality",
                                   "county", "hamlet", "township", "community", "capital", "state"])
    /// Words of kinship before a first name alone: "her brother Emilio".
    static let kinWords = words(["brother", "sister", "son", "daughter", "wife", "husband", "father", "mother", "uncle", "aunt",
                                 "cousin", "nephew", "niece", "grandson", "granddaughter", "widow", "fiancee", "fiance"])
    /// Nouns for a body after its one-word name: "the Fatah movement", "the Likud party".
    static let bodyNouns = words(["movement", "party", "faction", "militia", "group", "organisation", "organization", "network"])
    /// What a town has, after its name as a modifier: "the Toowoomba school", "the Brixton mosque", "Jenin hospital".
    static let localNouns = words(["school", "schools", "hospital", "mosque", "church", "synagogue", "temple", "police",
                                   "residents", "townspeople", "airport", "harbour", "harbor", "showground", "racecourse"])
    /// Endings of words for faiths and peoples before such a noun, which no body's name has: "Islamic", "Kashmiri", "Iraqi".
    static let faithOrPeopleEndings: [[UInt8]] = ["ic", "i"].map { Array($0.utf8) }
    /// Verbs of saying after a surname alone: "Goldin states", "Gibbons announced".
    static let reportingVerbs = words(["says", "said", "states", "stated", "told", "announced", "added", "argued", "wrote",
                                       "explained", "insisted", "claimed", "warned", "replied", "believes", "admitted"])
    /// Those who rule a place, before "of" and its name: "the king of Kongo", "the mayor of Cessnock".
    static let rulers = words(["king", "kings", "queen", "queens", "prince", "princes", "princess", "emperor", "emperors", "empress",
                               "sultan", "sultans", "emir", "emirs", "duke", "dukes", "tsar", "czar", "governor", "governors",
                               "mayor", "mayors", "premier", "premiers"])
    /// "the Hunter region", "the Hermansburg community".
    static let areaNouns = words(["region", "shire", "district", "area", "suburb", "suburbs", "community", "township",
                                  "municipality", "province", "county", "hinterland", "coast", "valley", "village"])
    /// Endings of words for peoples and languages ("Jewish", "Lusophone", "African", "Sudanese").
    /// Endings of adjectives among the common words of the language ("Congressional", "Federal", "Colonial").
    static let adjectiveOfTheLanguageEndings: [[UInt8]] = ["al"].map { Array($0.utf8) }
    static let adjectiveEndings: [[UInt8]] = ["ish", "ese", "ian", "ians", "ean", "eans", "can", "cans", "phone"].map { Array($0.utf8) }
    /// Words before "to" that make what follows no destination: "according to Altfeld", "thanks to Smith".
    static let notBeforeTo = words(["according", "thanks", "owing", "due", "prior", "listen", "listening",
                                    "said", "told", "wrote", "spoke", "talked", "replied"])
    /// Capitalised words after "in" or "at" that are not places: faiths, feasts, the net.
    static let notPlaces = words(["islam", "christianity", "judaism", "hinduism", "buddhism", "god", "allah", "heaven", "jesus",
                                  "christ", "internet", "christmas", "easter", "ramadan", "thanksgiving", "passover", "xmas",
                                  "hanukkah", "diwali", "eid", "parliament", "congress", "court", "government", "cabinet",
                                  "muslim", "hindu", "sikh", "buddhist", "baptist", "methodist", "jesuit", "quaker", "mormon",
                                  "negro", "negroes", "sunni", "shia", "shiite"])

    /// One-word names the lexicon lacks, told by the words around them: a person after a word of kinship ("her brother
    /// Emilio") or before a verb of saying ("Goldin states"); a place after a preposition of place ("a blaze at Cessnock"),
    /// a bearing ("Spencer north of Sydney", "just west of Burakin"), a place noun ("the town of Jenin", "the Hunter
    /// region"), a list with a known place ("Sutherland, Illawarra and Shoalhaven"), or none when the name lists call it a town
    /// ("Juneau"). `isPlace` marks the words of
    /// places already named; `isKnown` the words that name someone already (a surname met earlier).
    func loneNames(_ w: Words, isPlace: [Bool], isKnown: (Int) -> Bool) -> [Found] {
        let n = w.words.count
        let f = w.folded
        // "the nearby Jewish settlement", "from African countries": words of peoples and languages are no places; nor is an
        // adjective of the language in -al ("a single Congressional district", "the Federal forces").
        func isAdjective(_ j: Int) -> Bool {
            let t = w.token(j)
            guard t.end - t.start > 4 else { return false }
            if w.english[j], ends(j, w, with: Self.adjectiveOfTheLanguageEndings) { return true }
            let word = UnsafeBufferPointer(rebasing: w.text[Int(t.start)..<Int(t.end)])
            return Self.adjectiveEndings.contains { ending in
                word.count > ending.count && zip(word.suffix(ending.count), ending).allSatisfy { $0 | 0x20 == $1 }
            }
        }
        func capitalJoined(_ j: Int) -> Bool { j >= 0 && j < n && w.token(j).kind == .word && w.token(j).isCapitalized }
        // "a Toowoomba Anglican school": a faith or a people between a town and what it has.
        func qualifiedLocalNoun(_ j: Int) -> Bool {
            j + 2 < n && w.joined[j + 1] && w.joined[j + 2] && capitalJoined(j + 1) && ends(j + 1, w, with: Self.nationalityEndings)
                && cues.localNouns.contains(f[j + 2]) && !w.token(j + 2).isCapitalized
        }
        // Alone: no capitalised word beside it but an opener ("At Boonah").
        func candidate(_ j: Int) -> Bool {
            mayStandAlone(j, w, firstNameAllowed: true) && !isKnown(j) && !cues.notPlaces.contains(f[j]) && !isAdjective(j)
                && !(j > 0 && w.joined[j] && capitalJoined(j - 1) && !cues.openers.contains(f[j - 1]))
                && !(j + 1 < n && w.joined[j + 1] && capitalJoined(j + 1) && !qualifiedLocalNoun(j))
        }
        // A bearing: "north of X", "north-east of X"; "X north of", "X just west of".
        func bearingBefore(_ j: Int) -> Bool { j >= 2 && cues.of.contains(f[j - 1]) && cues.compass.contains(f[j - 2]) && w.joined[j - 1] }
        func bearingAfter(_ j: Int) -> Bool {
            var k = j + 1
            if k < n, cues.hedges.contains(f[k]) { k += 1 }
            guard k < n, cues.compass.contains(f[k]) else { return false }
            while k < n, cues.compass.contains(f[k]) { k += 1 }
            return k < n && cues.of.contains(f[k])
        }
        func commaBefore(_ k: Int) -> Bool { w.words[k] - w.words[k - 1] == 2 && w.tokens[w.words[k] - 1].mark == UInt8(ascii: ",") }
        // "Salisbury, Connecticut", "Kirovohrad, Ukraine": a town, a comma and the region or country it is in; not a common
        // word ("Collectively, Aruba and ...").
        func beforeItsRegion(_ j: Int) -> Bool {
            guard j + 1 < n, !w.english[j], commaBefore(j + 1), isPlace[j + 1], !w.token(j + 1).isPossessive else { return false }
            var k = j + 1
            while k + 1 < n, isPlace[k + 1], w.joined[k + 1] { k += 1 }
            return !(k + 1 < n && w.joined[k + 1] && capitalJoined(k + 1))
        }
        // "the king of Kongo", "the kings of Ndongo": a ruler and "of" before a place; not a common word.
        func ruled(_ j: Int) -> Bool {
            j >= 2 && w.joined[j] && cues.of.contains(f[j - 1]) && cues.rulers.contains(f[j - 2]) && !w.token(j - 2).isCapitalized
                && !w.english[j]
        }
        func strong(_ j: Int) -> Bool {
            bearingBefore(j) || bearingAfter(j) || beforeItsRegion(j) || ruled(j)
                || (j >= 2 && w.joined[j] && cues.of.contains(f[j - 1]) && cues.placeNouns.contains(f[j - 2]))
                || (j + 1 < n && w.joined[j + 1] && cues.areaNouns.contains(f[j + 1]) && !w.token(j + 1).isCapitalized)
                || ((j + 1 < n && w.joined[j + 1] && cues.localNouns.contains(f[j + 1]) && !w.token(j + 1).isCapitalized || qualifiedLocalNoun(j))
                    && !w.english[j] && !ends(j, w, with: Self.faithOrPeopleEndings))
        }
        // "According to Altfeld": a source, not a destination.
        func weak(_ j: Int) -> Bool {
            j >= 1 && w.joined[j] && cues.locatives.contains(f[j - 1]) && !(j >= 2 && cues.to.contains(f[j - 1]) && cues.notBeforeTo.contains(f[j - 2]))
        }
        // Every rule below names only a word that may stand alone: the sentence's words are read once for those, and each
        // rule then asks only them, in text order (six passes over every word asked word sets of each).
        var standing: [Int] = []
        for j in 0..<n where w.token(j).isCapitalized && mayStandAlone(j, w, firstNameAllowed: true) { standing.append(j) }
        if standing.isEmpty { return [] }
        var place = isPlace
        var chosen: [Int] = []
        var people: [Int] = []
        for j in standing where j >= 1 && w.joined[j] && cues.kin.contains(f[j - 1]) && !w.token(j - 1).isCapitalized && candidate(j) {
            people.append(j)
        }
        // "Goldin states NASA will ...": a word never seen in lower case before a verb of saying is someone's surname; not a
        // contraction ("I've said"), nor a plural opening the sentence ("Pilots said"), nor a place an office is of or for
        // ("The Member for Fremantle says").
        let reporting = cues.reporting
        for j in standing where j + 1 < n && reporting.contains(f[j + 1]) {
            let verb = j + 1
            guard w.joined[verb], !w.token(verb).isCapitalized, !people.contains(j), !isPlace[j], !weak(j), candidate(j),
                  !(j > 0 && w.joined[j] && cues.ofFor.contains(f[j - 1])) else { continue }
            let word = w.text[Int(w.token(j).start)..<Int(w.token(j).end)]
            guard !word.contains(0x27), !(j == 0 && word.last == UInt8(ascii: "s")) else { continue }
            people.append(j)
        }
        // Capitalised words only, then the cues: they ask about the words around, which costs less than asking whether the
        // word may stand alone.
        for j in standing where w.token(j).isCapitalized && (strong(j) || (weak(j) && !w.english[j] && mayStandAlone(j, w, firstNameAllowed: false))) && !people.contains(j) && candidate(j) {
            place[j] = true
            chosen.append(j)
        }
        // "the Anchorage metropolitan area", "The capital city, Juneau, is ...": a town of the name lists needs no cue, unless
        // it is a first name or a word of the language.
        for j in standing where w.token(j).isCapitalized && !place[j] && !w.english[j] && !people.contains(j) && candidate(j)
            && mayStandAlone(j, w, firstNameAllowed: false) && isTown(j, j, w) {
            place[j] = true
            chosen.append(j)
        }
        // Lists: runs of capitalised words linked by commas and at least one "and" or "or", one of them a place.
        var inPlaceList: [Int] = []
        if place.contains(true) {
            var runs: [ClosedRange<Int>] = []
            var j = 0
            while j < n {
                guard capitalJoined(j) else { j += 1; continue }
                var end = j
                while end + 1 < n, w.joined[end + 1], capitalJoined(end + 1) { end += 1 }
                runs.append(j...end)
                j = end + 1
            }
            var r = 0
            while r < runs.count {
                var last = r
                var hasAnd = false
                while last + 1 < runs.count {
                    let gap = runs[last].upperBound + 1
                    let next = runs[last + 1].lowerBound
                    let comma = next == gap && commaBefore(next)
                    let and = next == gap + 1 && cues.andOr.contains(f[gap]) && w.joined[next] && (w.joined[gap] || commaBefore(gap))
                    guard comma || and else { break }
                    hasAnd = hasAnd || and
                    last += 1
                }
                if hasAnd, last > r, runs[r...last].contains(where: { run in run.allSatisfy { place[$0] } }) {
                    for run in runs[r...last] where run.count == 1 && !place[run.lowerBound] {
                        inPlaceList.append(run.lowerBound)
                        if candidate(run.lowerBound) && mayStandAlone(run.lowerBound, w, firstNameAllowed: false) { chosen.append(run.lowerBound) }
                    }
                }
                r = last + 1
            }
        }
        // "Betty, is a breast cancer survivor", "three older siblings – Rita, Philip and Tami": a listed first name alone is a
        // person, unless it is a common word ("Gale", "Jasper"), a preposition of place stands before it ("in Florence"), it
        // is in a list of places, it follows a capitalised word and "of" ("Marquess of Lorne") or an article ("the Franklin").
        for j in standing where firstNameIds.contains(f[j]) && !w.english[j] && !place[j] && !weak(j) && !inPlaceList.contains(j)
            && !people.contains(j) && !chosen.contains(j) && candidate(j) && !(j >= 2 && cues.of.contains(f[j - 1]) && w.token(j - 2).isCapitalized)
            && !(j >= 1 && cues.articles.contains(f[j - 1])) {
            people.append(j)
        }
        // "Yasser Arafat's Fatah movement", "the Likud party": a word never seen in lower case before a lower-case noun for a
        // body names the body.
        var bodies: [Int] = []
        for j in standing where j + 1 < n && w.joined[j + 1] && cues.bodyNouns.contains(f[j + 1]) && !w.token(j + 1).isCapitalized
            && w.token(j).isCapitalized && !w.english[j] && !place[j] && !people.contains(j) && !chosen.contains(j)
            && mayStandAlone(j, w, firstNameAllowed: false) && !isKnown(j) && !cues.notPlaces.contains(f[j]) && !isAdjective(j)
            && !ends(j, w, with: Self.faithOrPeopleEndings)
            && !(j > 0 && w.joined[j] && capitalJoined(j - 1) && !cues.openers.contains(f[j - 1]) && !w.token(j - 1).isPossessive) {
            bodies.append(j)
        }
        if chosen.isEmpty && people.isEmpty && bodies.isEmpty { return [] }
        // Never a contraction ("the United States and Canada, I'm proposing", "We've said") nor a word with a capital inside
        // after three lower-case letters ("in AmeriCorps": a programme's or a brand's name; "MacArthur" and "McAllen" are not
        // so written).
        func shapedAsAName(_ j: Int) -> Bool {
            let t = w.token(j)
            return !Self.isContraction(w.text, Int(t.start), Int(t.end)) && !Self.hasInnerCapital(w.text, Int(t.start), Int(t.end))
        }
        return (chosen.map { ($0, "location") } + people.map { ($0, "person") } + bodies.map { ($0, "organisation") }).filter { shapedAsAName($0.0) }
            .sorted { $0.0 < $1.0 }.map { j, type in
            let t = w.token(j)
            let name = String(decoding: UnsafeBufferPointer(rebasing: w.text[Int(t.start)..<Int(t.end)]), as: UTF8.self)
            return Found(name: name, type: type, start: Int(t.start), end: Int(t.end), firstWord: j, lastWord: j, absorbs: false)
        }
    }
}
