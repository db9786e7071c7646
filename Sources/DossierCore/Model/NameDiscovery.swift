/// Finds capitalised multi-word names the lexicon does not know ("Marie Harf", "Operation Juniper Micron",
/// "Coalition of Patriots for Change") and guesses what they are, so a new corpus is explorable on day one.
struct NameDiscovery {
    /// A name found in a sentence: its text, guessed type, byte range and word range.
    struct Found {
        var name: String
        var type: String
        var start: Int
        var end: Int
        var firstWord: Int
        var lastWord: Int
    }

    static func words(_ list: [String]) -> Set<[UInt8]> { Set(list.map { Array($0.utf8) }) }

    /// Capitalised words that open sentences or phrases rather than names.
    static let openers = words([
        "the", "a", "an", "in", "on", "at", "for", "but", "and", "this", "that", "these", "those", "it", "he", "she",
        "they", "we", "i", "as", "if", "when", "while", "after", "before", "since", "following", "according", "however",
        "despite", "during", "today", "yesterday", "tomorrow", "speaking", "several", "some", "many", "most", "other",
        "shortly", "more", "much", "both", "each", "its", "their", "his", "her", "our", "your", "my", "thus",
        "furthermore", "moreover", "now", "then", "there", "here", "what", "why", "how", "who", "where", "which", "with",
        "without", "from", "by", "to", "of", "under", "over", "between", "among", "against", "through", "also",
        "although", "though", "because", "once", "so", "yet", "or", "nor", "not", "no", "yes", "all", "any", "every",
        "such", "one", "two", "three", "four", "five", "first", "second", "third", "last", "next", "dear", "mr", "mrs",
        "ms", "dr", "read", "see", "image", "photo", "video", "article", "conclusion", "abstract", "introduction",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "western", "eastern",
        "northern", "southern", "official", "unofficial", "later", "earlier", "meanwhile", "instead", "indeed", "only",
        "even", "still", "just", "perhaps", "again", "unlike", "like", "given", "prone", "invaded", "starting",
        "tonight", "therefore", "meantime", "hence", "accordingly", "nevertheless", "finally", "indeed", "yet",
    ])

    /// Titles before a person's name; dropped from the name, and they mark it as a person.
    static let titles = words([
        "president", "prime", "minister", "col", "colonel", "general", "gen", "interim", "deputy", "spokesperson",
        "spokesman", "spokeswoman", "foreign", "defence", "defense", "secretary", "ambassador", "senator", "sen",
        "lieutenant", "lt", "captain", "capt", "king", "queen", "prince", "sheikh", "chairman", "chairwoman", "leader",
        "commander", "former", "then", "now", "vice", "chief", "director", "professor", "prof", "judge", "pope",
        "bishop", "mayor", "governor", "gov", "marshal", "major", "maj", "sergeant", "sgt", "admiral", "adm", "lord",
        "lady", "sir", "dame", "saint", "st", "mr", "mrs", "ms", "dr", "madam", "madame", "monsieur", "premier",
        "chancellor", "speaker", "envoy", "rapporteur", "special", "under", "undersecretary", "assistant", "acting",
    ])

    static let connectors = words(["of", "for", "the", "de", "du", "des", "la", "le", "al", "bin", "ibn", "van", "von", "der", "da", "dos", "el", "and", "on", "&"])

    static let headTypes: [(words: Set<[UInt8]>, type: String)] = [
        (words(["group", "company", "companies", "corporation", "corp", "inc", "ltd", "llc", "plc", "invest", "investments", "holding", "holdings", "bank", "gold", "mining", "airlines", "services", "security", "securities", "consulting", "logistics", "energy", "resources"]), "company"),
        (words(["council", "union", "ministry", "ministries", "agency", "committee", "commission", "organisation", "organization", "assembly", "parliament", "court", "department", "office", "command", "forces", "army", "navy", "police", "guard", "government", "administration", "senate", "congress", "cabinet", "directorate", "service", "battery", "regiment", "division", "corps", "brigade", "operations"]), "organisation"),
        (words(["university", "institute", "school", "college", "academy", "foundation", "centre", "center", "society", "association", "programme", "program"]), "institution"),
        (words(["party", "parties", "movement", "front", "alliance", "coalition", "league", "rally", "battalion", "militia", "militias", "rebels", "patriots", "insurgents"]), "armed or political group"),
        (words(["mission", "operation", "task", "force"]), "operation"),
        (words(["summit", "conference", "war", "agreement", "accord", "treaty", "resolution", "election", "elections", "forum", "talks", "crisis", "revolution", "coup"]), "event"),
        (words(["republic", "kingdom", "province", "region", "island", "islands", "river", "lake", "mountains", "sea", "ocean", "street", "city", "county", "state", "valley", "desert", "district", "square", "airport", "camp"]), "location"),
        (words(["times", "post", "news", "press", "journal", "gazette", "tribune", "herald", "radio", "television", "tv", "magazine", "review"]), "media"),
    ]

    private let openerIds: Set<Int32>
    private let titleIds: Set<Int32>
    private let connectorIds: Set<Int32>
    private let operationId: Int32
    private let headIds: [(ids: Set<Int32>, type: String)]

    /// Interns the rule words into the batch vocabulary so the rules compare word ids, not strings.
    init(vocabulary: inout Vocabulary) {
        func ids(_ set: Set<[UInt8]>) -> Set<Int32> {
            Set(set.map { word in word.withUnsafeBufferPointer { vocabulary.intern($0) } })
        }
        openerIds = ids(Self.openers)
        titleIds = ids(Self.titles)
        connectorIds = ids(Self.connectors)
        operationId = vocabulary.intern("operation")
        headIds = Self.headTypes.map { (ids($0.words), $0.type) }
    }


    /// Names in one sentence. `isCommon` tells whether a word has been seen in lower case (then it is an ordinary
    /// word capitalised by its place: "Tonight", "Therefore" at the start of a sentence, and not a person's name).
    func find(text: UnsafeBufferPointer<UInt8>, tokens: [WordToken], words: [Int], folded: [Int32],
              joined: [Bool], covered: [Bool], isCommon: (Int32) -> Bool) -> [Found] {
        let openers = openerIds, titles = titleIds, connectors = connectorIds
        var found: [Found] = []
        var k = 0
        func capital(_ j: Int) -> Bool {
            let t = tokens[words[j]]
            guard t.kind == .word, t.isCapitalized, !covered[j] else { return false }
            // A lone capital letter is the pronoun "I" or an article, unless it is an initial ("F. Touadéra").
            if t.end - t.start == 1 {
                let next = words[j] + 1
                return next < tokens.count && tokens[next].kind == .punctuation && tokens[next].mark == 0x2E
            }
            return true
        }
        while k < words.count {
            guard capital(k) else {
                k += 1
                continue
            }
            var last = k
            var j = k + 1
            while j < words.count, joined[j] {
                if capital(j) {
                    last = j
                    j += 1
                } else if connectors.contains(folded[j]), !covered[j], j + 1 < words.count, joined[j + 1], capital(j + 1) {
                    j += 1
                } else {
                    break
                }
            }
            var first = k
            var isPerson = false
            while first <= last, openers.contains(folded[first]) || titles.contains(folded[first]) || connectors.contains(folded[first])
                    || (first == 0 && isCommon(folded[first])) {
                if titles.contains(folded[first]) { isPerson = true }
                first += 1
            }
            while last > first, connectors.contains(folded[last]) { last -= 1 }
            let shouting = first <= last && (first...last).filter { tokens[words[$0]].isAllCaps }.count >= 2
            if last - first + 1 >= 2, last - first + 1 <= 8, !shouting {
                let start = Int(tokens[words[first]].start)
                let end = Int(tokens[words[last]].end)
                let name = String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
                found.append(Found(name: name, type: guessType(folded[first...last], person: isPerson,
                                                               tokens: (first...last).map { tokens[words[$0]] }, isCommon: isCommon),
                                   start: start, end: end, firstWord: first, lastWord: last))
            }
            k = max(j, k + 1)
        }
        return found
    }

    /// The type a name's head word says: the last word ("Wagner Group"), else the first ("Coalition of
    /// Patriots for Renewal", "School of Economics"); else a person for two or three words never seen in lower case
    /// ("Marie Harf", not "National Treasury"); else unclassified.
    func guessType(_ words: ArraySlice<Int32>, person: Bool, tokens: [WordToken], isCommon: (Int32) -> Bool) -> String {
        if words.first == operationId { return "operation" }
        for (heads, type) in headIds where heads.contains(words.last!) { return type }
        if words.dropFirst().contains(where: { connectorIds.contains($0) }) {
            for (heads, type) in headIds where heads.contains(words.first!) { return type }
            if let second = words.dropFirst().first { for (heads, type) in headIds where heads.contains(second) { return type } }
        }
        if person { return "person" }
        if words.count <= 3, !tokens.contains(where: { $0.isAllCaps }), !words.contains(where: { connectorIds.contains($0) || isCommon($0) }) {
            return "person"
        }
        return words.contains(where: { connectorIds.contains($0) }) ? "organisation" : "unclassified"
    }
}
