/// Word ids a rule looks for, as flags by id: discovery asks of every word whether it is an opener, a title, a head
/// word..., and a hashed set made that the loader's costliest question.
struct WordSet {
    private var flags: [Bool] = []

    init(_ ids: [Int32]) {
        for id in ids {
            if Int(id) >= flags.count { flags += repeatElement(false, count: Int(id) + 1 - flags.count) }
            flags[Int(id)] = true
        }
    }

    /// The words interned into a batch's vocabulary, in sorted order: a set's order differs from one instance to the next,
    /// and word ids must not.
    init(interning words: Set<[UInt8]>, into vocabulary: inout Vocabulary) {
        self.init(words.sorted { $0.lexicographicallyPrecedes($1) }.map { word in word.withUnsafeBufferPointer { vocabulary.intern($0) } })
    }

    @inline(__always)
    func contains(_ id: Int32) -> Bool { id >= 0 && Int(id) < flags.count && flags[Int(id)] }
}

/// Several small sets of word ids in one table of bits by id ("is a month", "is a party member's word"): discovery copies
/// its tables often, and one table costs what one set costs.
struct WordKinds {
    private var bits: [UInt8] = []

    /// Adds `ids` to set number `kind` (0 to 7).
    mutating func add(_ ids: [Int32], as kind: Int) {
        for id in ids {
            if Int(id) >= bits.count { bits += repeatElement(0, count: Int(id) + 1 - bits.count) }
            bits[Int(id)] |= 1 << kind
        }
    }

    @inline(__always)
    func contains(_ id: Int32, _ kind: Int) -> Bool { id >= 0 && Int(id) < bits.count && bits[Int(id)] & (1 << kind) != 0 }
}

/// Finds capitalised multi-word names the lexicon does not know ("Marie Harf", "Operation Juniper Micron",
/// "Coalition of Patriots for Change") and guesses what they are, so a new corpus is explorable on day one.
/// A class: its sixty word sets were copied, as a struct, at every call the analyzer made of it (four a sentence).
final class NameDiscovery: Sendable {
    /// A name found in a sentence: its text, guessed type, byte range and word range.
    struct Found {
        var name: String
        var type: String
        var start: Int
        var end: Int
        var firstWord: Int
        var lastWord: Int
        /// The name takes in words the lexicon matched (a place or nationality): those matches give way to it.
        var absorbs: Bool
        /// A title told that the name is a person's ("President Bush", "Interim Prime Minister Jean-Marie Okala").
        var titled = false
    }

    static func words(_ list: [String]) -> Set<[UInt8]> { Set(list.map { Array($0.utf8) }) }

    /// Capitalised words that open sentences or phrases rather than names.
    static let openers = words([
        // Contractions a host or a speaker opens with ("I'm Terry Gross", "We're NPR News"; tester19 #16).
        "i'm", "i’m", "we're", "we’re", "it's", "it’s", "you're", "you’re", "they're", "they’re", "he's", "he’s", "she's",
        "she’s", "that's", "that’s", "here's", "here’s", "there's", "there’s", "what's", "what’s", "let's", "let’s",
        // and a speaker's future and perfect ("Now I'll turn to our results": tester20 #14, an earnings call's top "person").
        "i'll", "i’ll", "i've", "i’ve", "i'd", "i’d", "we'll", "we’ll", "we've", "we’ve", "we'd", "we’d", "you'll", "you’ll",
        "you've", "you’ve", "they'll", "they’ll", "they've", "they’ve", "he'll", "he’ll", "she'll", "she’ll", "it'll", "it’ll",
        "that'll", "that’ll", "there'll", "there’ll",
        "the", "a", "an", "in", "on", "at", "for", "but", "and", "this", "that", "these", "those", "it", "he", "she",
        "they", "we", "i", "as", "if", "when", "while", "after", "before", "since", "following", "according", "however",
        "despite", "during", "today", "yesterday", "tomorrow", "speaking", "several", "some", "many", "most", "other",
        "shortly", "more", "much", "both", "each", "its", "their", "his", "her", "our", "your", "my", "thus",
        "furthermore", "moreover", "now", "then", "there", "here", "what", "why", "how", "who", "where", "which", "with",
        "without", "from", "by", "to", "of", "under", "over", "between", "among", "against", "through", "also",
        "although", "though", "because", "once", "so", "yet", "or", "nor", "not", "no", "yes", "all", "any", "every",
        "such", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first", "second", "third", "last", "next", "dear", "mr", "mrs",
        "ms", "dr", "read", "see", "image", "photo", "video", "article", "conclusion", "abstract", "introduction",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "western", "eastern",
        "northern", "southern", "official", "unofficial", "later", "earlier", "meanwhile", "instead", "indeed", "only",
        "even", "still", "just", "perhaps", "again", "unlike", "like", "given", "prone", "invaded", "starting",
        "tonight", "therefore", "meantime", "hence", "accordingly", "nevertheless", "finally", "indeed", "yet",
        "members", "member", "scores", "dozens", "hundreds", "thousands", "millions", "within", "upon", "beyond", "across",
        "behind", "beside", "besides", "until", "toward", "towards", "throughout", "via", "amid", "amongst",
    ])

    /// Months and weekdays: a name never ends with one ("landed at Guanica July 25", "At 15:00UTC Wednesday"), unless a first
    /// name comes before it ("Theresa May"), and none is a surname a person goes by later in the document.
    static let calendarWords = words([
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ])

    /// Titles before a person's name; dropped from the name, and they mark it as a person.
    static let titles = words([
        "president", "prime", "minister", "col", "colonel", "general", "gen", "interim", "deputy", "spokesperson",
        "spokesman", "spokeswoman", "foreign", "defence", "defense", "secretary", "ambassador", "senator", "sen",
        "lieutenant", "lt", "captain", "capt", "king", "queen", "prince", "sheikh", "chairman", "chairwoman", "leader",
        "commander", "former", "then", "now", "vice", "chief", "director", "professor", "prof", "judge", "pope",
        "bishop", "mayor", "governor", "gov", "marshal", "major", "maj", "sergeant", "sgt", "admiral", "adm", "lord",
        "lady", "sir", "dame", "mr", "mrs", "ms", "dr", "madam", "madame", "monsieur", "premier", "hon", "honourable", "honorable",
        "chancellor", "speaker", "envoy", "rapporteur", "special", "under", "undersecretary", "assistant", "acting",
        "congressman", "congresswoman", "commissioner", "inspector", "superintendent", "detective", "constable",
        "officer", "treasurer", "attorney", "coach", "skipper", "captain", "archbishop", "cardinal", "rabbi", "imam",
        "magistrate", "scientist", "forecaster", "economist", "analyst", "activist", "cleric", "maulana", "mullah", "ayatollah",
        "actor", "actress", "novelist", "singer", "batsman", "paceman", "bowler", "striker", "goalkeeper", "counsel", "solicitor",
        "barrister", "comedian", "veteran", "dissident", "princess", "duke", "duchess", "earl", "baron", "baroness", "emperor",
        "empress", "tsar", "czar", "brig", "bvt", "marquess", "consort", "generalissimo", "reverend", "rev", "pastor", "monsignor",
        "justice", "mp", "dictator", "ruler", "tycoon", "warlord", "strongman", "businessman", "businesswoman", "author",
        "playwright", "poet", "composer", "executive", "engineer", "surgeon", "surveyor", "majesty", "highness", "excellency",
        // Local government (tester19 #20) and the Philippines' abbreviated offices (#19).
        "councilman", "councilwoman", "councilmember", "councillor", "councilor", "alderman", "alderwoman", "selectman",
        "selectwoman", "freeholder", "assemblyman", "assemblywoman", "supervisor", "trustee", "usec", "asec", "atty", "engr",
    ])

    /// Kinds of division that may open a place's formal name: "State of Texas", "Commonwealth of Virginia" (not "Republic" or
    /// "Kingdom": the Republic of Texas and the Kingdom of Angola were states of their own).
    static let divisionsOpeningAName = words(["state", "commonwealth", "province", "county"])

    /// Words for a party's members, which stand before a person's name as a title does ("Republican Tudor Dixon", "Democrat
    /// Katie Hobbs") but, in the plural, name the party's members ("Radical Republicans", "War Democrats").
    static let partyMembers = words(["republican", "democrat", "labourite", "tory", "conservative", "liberal", "socialist"])

    /// "Striking", "Chasing": the ending of a participle opening a sentence.
    static let participleEndings: [[UInt8]] = [Array("ing".utf8)]

    /// Titles only a person bears, before a surname that may be a common word or a place ("President Bush", "Mr Young", "General
    /// Grant", "General Washington").
    static let honorifics = words(["mr", "mrs", "ms", "dr", "sir", "dame", "president", "senator", "premier", "congressman",
                                   "congresswoman", "madame", "monsieur", "general", "colonel"])

    /// Titles never an adjective of a thing, before words that are all common words of the language: still a person's
    /// name ("Sen. Bong Go", "Mr. Will Power"), where "General Revenue Sharing" is none.
    static let personalTitles = words(["mr", "mrs", "ms", "mx", "dr", "sir", "dame", "senator", "sen", "congressman",
                                       "congresswoman", "rep", "councilmember", "councilman", "councilwoman", "madame", "monsieur",
                                       "hon", "honourable", "honorable"])

    /// Titles that say which or when rather than who ("former", "deputy", "acting") and short forms: in lower case they
    /// are no role, so they make no one-word name a person ("under Labor", "the former Yugoslavia").
    static let qualifyingTitles = words(["former", "then", "now", "interim", "deputy", "foreign", "defence", "defense", "prime", "vice",
                                         "chief", "special", "under", "acting", "assistant", "general", "major", "lieutenant", "justice",
                                         "lady", "lord", "sir", "dame", "mr", "mrs", "ms", "dr", "col", "gen", "sen", "capt", "lt",
                                         "maj", "sgt", "adm", "gov", "prof", "rev", "brig", "bvt", "mp", "madam", "madame", "monsieur",
                                         "hon"])

    /// Letters after a person's name, no part of it: honours, silk and members of parliaments ("Ross Ray QC", "Carmen
    /// Lawrence MP", "Martin Luther King Jr", "Enda Kenny TD", "Andrea Horwath MPP", "Nicola Sturgeon MSP").
    static let postnominals = words(["qc", "kc", "sc", "mp", "mhr", "mla", "mlc", "td", "mpp", "mha", "mna", "msp", "mep", "jr", "jnr",
                                     "snr", "esq", "obe", "mbe", "cbe"])

    /// Kinds of building before "Centre" ("Woomera Detention Centre", "Northside Shopping Centre", "World Trade Centre"): such a
    /// centre is a place people go to, typed 'facility', not a body.
    static let facilityKinds = words(["detention", "shopping", "trade", "processing", "reception", "convention", "exhibition",
                                      "aquatic", "leisure", "sports", "civic", "community", "arts", "entertainment", "visitor", "visitors"])

    static let connectors = words(["of", "for", "the", "de", "du", "des", "la", "le", "al", "bin", "ibn", "van", "von", "der", "da", "dos", "el", "and", "on", "&"])

    /// Connectors that are particles of people's names when written in lower case ("Osama bin Laden", "Ludwig van
    /// Beethoven"): they do not make a name an organisation, and they go with the surname ("bin Laden").
    static let particles = words(["de", "du", "des", "la", "le", "al", "bin", "ibn", "van", "von", "der", "da", "dos", "el"])
    /// Particles found only in people's names: a name holding one is a person ("Osama bin Laden").
    static let personParticles = words(["bin", "ibn", "bint", "binti", "van", "von"])
    /// Nouns before a name that say it is an organisation ("safety organisation Det Norske Veritas").
    static let organisationNouns = words(["organisation", "organization", "company", "firm", "group", "airline", "carrier", "bank",
                                          "newspaper", "magazine", "broadcaster", "agency", "party", "insurer", "retailer",
                                          "manufacturer", "charity", "network", "consortium", "conglomerate", "militia"])
    /// Ships and spacecraft: the prefixes of a ship's name ("USS Peleliu", "HMAS Sydney"), a word inside the name ("Space Shuttle
    /// Endeavour"), and nouns before it ("the yacht Assa Abloy", "the shuttle Endeavour"). Such a name is no person, and its
    /// last word alone is no surname.
    static let vesselPrefixes = words(["uss", "hms", "hmas", "hmcs", "hmnzs", "rms", "mv", "ins", "usns"])
    static let vesselWords = words(["shuttle", "spacecraft", "satellite", "yacht"])
    static let vesselNouns = words(["ship", "vessel", "boat", "yacht", "maxi", "warship", "frigate", "destroyer", "cruiser", "submarine",
                                    "tanker", "ferry", "freighter", "liner", "trawler", "shuttle", "spacecraft", "satellite",
                                    "orbiter", "lander", "rover", "capsule"])

    /// Connectors that join two names rather than build one ("Hermis Moutardier and Christina Jones", "Melbourne on
    /// Boxing Day"): kept inside a name only after a head word ("Commission on Human Rights", "Department of Health and
    /// Human Services").
    static let weakConnectors = words(["and", "on", "&"])

    /// Words that make "X Australia" an organisation: sports bodies are named by their sport and country.
    static let bodyPrefixes = words(["soccer", "football", "cricket", "rugby", "tennis", "athletics", "swimming", "netball",
                                     "basketball", "hockey", "golf", "cycling", "rowing", "sailing", "boxing", "racing"])

    /// A first or last word that marks a place ("North Carolina", "Alice Springs", "Port Moresby", "St. Lawrence": places named
    /// after a saint far outnumber saints named so).
    static let placeFirstWords = words(["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "san", "santa", "port", "fort", "mount", "lake", "cape", "new", "el", "los", "las",
                                        "greater", "central", "upper", "lower", "outer", "inner", "mt", "st", "saint"])
    /// Last words of natural and built features, whose names may hold a place ("Suez Canal", "Sydney Harbour").
    static let featureWords = words(["canal", "river", "lake", "sea", "gulf", "bay", "harbour", "harbor", "strait", "straits",
                                     "island", "islands", "mountains", "valley", "desert", "coast", "peninsula", "airport", "bridge", "isthmus",
                                     "delta", "basin"])
    static let placeLastWords = words(["springs", "city", "beach", "bay", "island", "islands", "heights", "falls", "creek", "harbour",
                                       "harbor", "county", "valley", "coast", "peninsula", "strait", "gulf", "hills", "town", "ville", "hill", "top", "tops",
                                       "point", "heads", "ridge", "plains", "range", "downs", "creek", "beach", "springs", "gully", "marsh", "cove",
                                       "gorge", "lagoon", "reef", "cape", "mountain"])
    /// Last words that make a place even after a first name ("Alice Springs", "Shell Cove"): seldom surnames.
    static let strongPlaceLastWords = words(["springs", "heights", "creek", "harbour", "harbor", "county", "valley", "coast", "peninsula",
                                             "strait", "gulf", "islands", "plains", "downs", "heads", "gully", "marsh", "cove", "gorge",
                                             "lagoon", "reef", "cape", "beach", "bay"])

    static let headTypes: [(words: Set<[UInt8]>, type: String)] = [
        (words(["group", "company", "companies", "corporation", "corp", "inc", "ltd", "llc", "plc", "invest", "investments", "holding", "holdings", "bank", "gold", "mining", "airlines", "airways", "services", "security", "securities", "consulting", "logistics", "energy", "resources", "motors", "telecom", "insurance", "industries", "enterprises", "partners", "capital", "petroleum", "oil", "steel", "pharmaceuticals", "systems", "technologies", "airline", "stores", "exchange",
               "helicopters", "electronics", "productions", "studios", "breweries", "chemicals", "foods"]), "company"),
        (words(["council", "union", "survey", "ministry", "ministries", "agency", "committee", "commission", "organisation", "organization", "assembly", "parliament", "court", "department", "office", "command", "forces", "army", "navy", "police", "guard", "government", "administration", "senate", "congress", "cabinet", "directorate", "service", "battery", "regiment", "division", "corps", "brigade", "operations", "bureau", "authority", "board", "tribunal", "fund", "network", "club", "team", "federation", "institution", "unit", "squad", "taskforce", "secretariat", "embassy", "consulate", "legislature", "house", "democrats", "republicans", "greens", "nationals", "liberals", "community", "infantry", "cavalry", "artillery", "marines", "fleet", "force"]), "organisation"),
        (words(["university", "institute", "institutes", "school", "college", "academy", "foundation", "centre", "center", "centres", "centers", "society", "association", "programme", "program", "hospital", "museum", "library", "church", "cathedral", "mosque", "temple", "laboratory", "laboratories", "observatory", "commonwealth"]), "institution"),
        (words(["party", "parties", "movement", "front", "alliance", "coalition", "league", "rally", "battalion", "militia", "militias", "rebels", "patriots", "insurgents", "jihad", "brotherhood",
               "tigers", "brigades", "mujahideen"]), "armed or political group"),
        (words(["mission", "operation", "task"]), "operation"),
        (words(["summit", "conference", "war", "agreement", "accord", "treaty", "resolution", "election", "elections", "forum", "talks", "crisis", "revolution", "coup", "day", "cup", "games", "olympics", "championship", "championships", "open", "festival", "tournament", "convention", "protocol", "charter", "doctrine", "plan", "year", "years", "eve",
               "marathon", "race", "regatta", "battle", "siege", "honours", "honors", "awards", "prize", "massacre", "attack", "attacks", "storm", "cyclone", "hurricane",
               "test", "prix", "slam", "series", "medal", "medals", "era", "affair", "initiative", "exposition", "exhibition"]), "event"),
        (words(["highway", "road", "street", "square", "avenue", "boulevard", "freeway", "motorway", "expressway", "dome", "stadium", "arena", "oval",
                "dam", "tower", "towers", "palace", "hotel", "prison", "station", "airport", "telescope"]), "facility"),
        (words(["act", "bill", "amendment", "law", "code", "constitution", "memorandum", "declaration", "proclamation"]), "law"),
        // "Panama Papers", "Pentagon Papers", "FinCEN Files": leaked documents, named after what they tell of.
        (words(["papers", "files", "leaks"]), "work"),
        (words(["republic", "kingdom", "province", "region", "island", "islands", "isthmus", "river", "lake", "mountains", "sea", "seas", "ocean", "oceans", "empire", "city", "county", "state", "valley", "desert", "district", "camp", "park", "oblast", "prefecture", "governorate", "canton", "emirate",
                "zone"]), "location"),
        (words(["times", "post", "news", "press", "journal", "gazette", "tribune", "herald", "radio", "television", "tv", "magazine", "review", "telegraph", "guardian", "observer", "chronicle", "daily", "weekly", "broadcasting"]), "media"),
    ]

    let openerIds: WordSet
    private let titleIds: WordSet
    let postnominalIds: WordSet
    /// Titles and their plurals ("Touareg Leaders", "Immigration Ministers"): a name never ends with one.
    private let titleOrPluralIds: WordSet
    /// Titles that name a role ("dictator", "coach"), not the qualifying ones: in lower case before one capitalised word they
    /// make it a person ("dictator Suharto").
    private let roleIds: WordSet
    private let facilityKindIds: WordSet
    private let honorificIds: WordSet
    private let personalTitleIds: WordSet
    private let centreIds: WordSet
    private let connectorIds: WordSet
    private let weakConnectorIds: WordSet
    private let bodyPrefixIds: WordSet
    private let placeFirstIds: WordSet
    private let placeLastIds: WordSet
    private let strongPlaceLastIds: WordSet
    private let particleIds: WordSet
    private let personParticleIds: WordSet
    private let organisationNounIds: WordSet
    private let vesselPrefixIds: WordSet
    private let vesselWordIds: WordSet
    private let vesselNounIds: WordSet
    private let featureIds: WordSet
    let firstNameIds: WordSet
    private let numberIds: WordSet
    /// Months and weekdays (`calendar`), party members' words (`partyMember`), kinds of division (`stateKind`).
    private let kinds: WordKinds
    private static let calendar = 0, partyMember = 1, stateKind = 2
    /// "and", "&": after a head word they join two names ("Republicans and Democrats"), unlike "of" or "on".
    private let andIds: WordSet
    /// "Southern Nevada", "Western Sydney": a bearing before a place the lexicon knows is part of the place's name.
    private let regionalIds: WordSet
    /// Kinds of administrative division, which follow a place's name ("Lobaye Prefecture", "Ivanovo Oblast").
    private let divisionIds: WordSet
    private let operationId: Int32
    /// "People's Democratic Republic of Algeria", "People's Alliance Party": the one possessive that does not end a name.
    private let peopleId: Int32
    private let newId: Int32
    private let ofId: Int32
    private let forId: Int32
    private let theId: Int32
    private let forOnIds: WordSet
    /// Armed services, names on their own: "the Army", "our Navy".
    private let serviceIds: WordSet
    /// Feasts, and the words that open or follow a holiday's name: "Christmas Eve", "New Year", "Boxing Day".
    private let feastIds: WordSet
    private let holidayOpenerIds: WordSet
    private let holidayDayIds: WordSet
    private let headIds: [(ids: WordSet, type: String)]
    private let allHeadIds: WordSet
    /// Head words of every type but events and laws: those that head a name before a title or bearing is taken in.
    private let headIdsBesidesEventsAndLaws: WordSet
    /// Kinds of business that close a firm's name ("Petroleum", "Airlines").
    private let companyHeadIds: WordSet
    /// Head words of bodies, events and laws, not of places: "Institute of the Academy" is one name, "District of the
    /// Oblast" two places.
    private let bodyHeadIds: WordSet
    /// The words around a one-word place: see `PlaceCues.swift`.
    let cues: PlaceCueIds
    /// Towns of the name lists (`town NAME` lines), folded.
    private let towns: WordList
    private let clubs: ClubNames
    private let acrossAnd: NamesAcrossAnd

    /// Types that may hold a place or nationality word ("Australian Workers Union", "University of Warsaw").
    static let holdsPlaces: Set<String> = ["company", "organisation", "institution", "armed or political group", "media", "facility", "vessel",
                                           "event", "law", "operation", "work"]

    /// Interns the rule words and the first names into the batch vocabulary so the rules compare word ids, not strings.
    init(vocabulary: inout Vocabulary, names: NameLists = NameLists()) {
        func ids(_ set: Set<[UInt8]>) -> WordSet { WordSet(interning: set, into: &vocabulary) }
        openerIds = ids(Self.openers)
        let titles = Self.titles.union(names.titles)
        titleIds = ids(titles)
        postnominalIds = ids(Self.postnominals)
        titleOrPluralIds = ids(titles.union(titles.map { $0 + Array("s".utf8) }))
        roleIds = ids(titles.subtracting(Self.qualifyingTitles))
        facilityKindIds = ids(Self.facilityKinds)
        honorificIds = ids(Self.honorifics)
        personalTitleIds = ids(Self.personalTitles)
        centreIds = ids(Self.words(["centre", "center"]))
        connectorIds = ids(Self.connectors)
        weakConnectorIds = ids(Self.weakConnectors)
        bodyPrefixIds = ids(Self.bodyPrefixes)
        placeFirstIds = ids(Self.placeFirstWords)
        placeLastIds = ids(Self.placeLastWords)
        strongPlaceLastIds = ids(Self.strongPlaceLastWords)
        particleIds = ids(Self.particles)
        personParticleIds = ids(Self.personParticles)
        organisationNounIds = ids(Self.organisationNouns)
        vesselPrefixIds = ids(Self.vesselPrefixes)
        vesselWordIds = ids(Self.vesselWords)
        vesselNounIds = ids(Self.vesselNouns)
        featureIds = ids(Self.featureWords)
        firstNameIds = ids(names.firstNames)
        numberIds = ids(Self.words(["one", "two", "three", "four", "five", "first", "second", "third"]))
        andIds = ids(Self.words(["and", "&"]))
        regionalIds = ids(Self.words(["northern", "southern", "eastern", "western", "central"]))
        divisionIds = ids(Self.words(["province", "region", "district", "county", "prefecture", "oblast", "governorate", "canton", "emirate"]))
        operationId = vocabulary.intern("operation")
        var kinds = WordKinds()
        func idList(_ set: Set<[UInt8]>) -> [Int32] {
            set.sorted { $0.lexicographicallyPrecedes($1) }.map { word in word.withUnsafeBufferPointer { vocabulary.intern($0) } }
        }
        kinds.add(idList(Self.calendarWords), as: Self.calendar)
        kinds.add(idList(Self.partyMembers), as: Self.partyMember)
        kinds.add(idList(Self.divisionsOpeningAName), as: Self.stateKind)
        self.kinds = kinds
        peopleId = vocabulary.intern("people")
        newId = vocabulary.intern("new")
        ofId = vocabulary.intern("of")
        forId = vocabulary.intern("for")
        theId = vocabulary.intern("the")
        forOnIds = ids(Self.words(["for", "on"]))
        serviceIds = ids(Self.words(["army", "navy"]))
        feastIds = ids(Self.words(["christmas", "xmas", "easter", "ramadan", "thanksgiving", "passover", "hanukkah", "diwali", "eid",
                                   "anzac", "hogmanay", "pentecost"]))
        holidayOpenerIds = ids(Self.words(["new", "boxing"]))
        holidayDayIds = ids(Self.words(["day", "eve", "year", "years", "new"]))
        let heads = Self.headTypes.map { (ids: ids($0.words), type: $0.type) }
        let allHeads = ids(Self.headTypes.reduce(into: Set<[UInt8]>()) { $0.formUnion($1.words) })
        headIds = heads
        companyHeadIds = ids(Self.headTypes.first { $0.type == "company" }!.words)
        allHeadIds = allHeads
        headIdsBesidesEventsAndLaws = ids(Self.headTypes.filter { $0.type != "event" && $0.type != "law" }
            .reduce(into: Set<[UInt8]>()) { $0.formUnion($1.words) })
        bodyHeadIds = ids(Self.headTypes.filter { $0.type != "location" }.reduce(into: Set<[UInt8]>()) { $0.formUnion($1.words) })
        cues = PlaceCueIds(ids: ids)
        towns = names.towns
        clubs = ClubNames(ids: ids)
        acrossAnd = NamesAcrossAnd(heads: heads, allHeads: allHeads, ids: ids, and: vocabulary.intern("and"))
    }

    /// Whether the words `first...last`, as written, are a town of the name lists ("Juneau", "La Mesa", "Bir el Ater").
    func isTown(_ first: Int, _ last: Int, _ w: Words) -> Bool {
        guard towns.count > 0 else { return false }
        var folded: [UInt8] = []
        for j in first...last {
            if j > first { folded.append(0x20) }
            let t = w.token(j)
            Folding.fold(UnsafeBufferPointer(rebasing: w.text[Int(t.start)..<Int(t.end)]), into: &folded)
        }
        return towns.contains(folded)
    }

    /// Whether a capitalised word may stand alone as a name the context types: not a rule word (opener, title,
    /// connector, head word), not a first name, never seen in lower case, not in capitals, at least three letters.
    func mayStandAlone(_ j: Int, _ w: Words, firstNameAllowed: Bool) -> Bool {
        let t = w.token(j)
        let f = w.folded[j]
        guard t.kind == .word, t.isCapitalized, !t.isAllCaps, !w.covered[j], t.end - t.start >= 3 else { return false }
        if openerIds.contains(f) || titleOrPluralIds.contains(f) || connectorIds.contains(f) || allHeadIds.contains(f)
            || numberIds.contains(f) || w.isCommon(f) { return false }
        return firstNameAllowed || !firstNameIds.contains(f)
    }

    /// Whether the word at `start..<end` is a contraction: a straight or curly apostrophe, then "m", "d", "t", "ve", "re" or
    /// "ll" in lower case ("I'm", "I'd", "can't", "we've", "they're", "she'll").
    static func isContraction(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        for tail in 1...2 {
            let mark = end - tail - 1
            guard mark > start else { return false }
            let apostrophe = text[mark] == 0x27 || (text[mark] == 0x99 && mark - 2 > start && text[mark - 2] == 0xE2 && text[mark - 1] == 0x80)
            guard apostrophe else { continue }
            let a = text[mark + 1]
            if tail == 1 { return a == UInt8(ascii: "m") || a == UInt8(ascii: "d") || a == UInt8(ascii: "t") }
            let b = text[mark + 2]
            return (a == UInt8(ascii: "v") || a == UInt8(ascii: "r")) && b == UInt8(ascii: "e") || (a == UInt8(ascii: "l") && b == a)
        }
        return false
    }

    /// Whether the word at `start..<end` has a capital letter after at least three lower-case ones ("AmeriCorps", "PlayStation").
    static func hasInnerCapital(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var lower = 0
        var i = start + 1
        while i < end {
            let b = text[i]
            if b >= 0x61 && b <= 0x7A {
                lower += 1
            } else if b >= 0x41 && b <= 0x5A && lower >= 3 {
                return true
            } else {
                lower = 0
            }
            i += 1
        }
        return false
    }

    /// What one sentence's words are, for discovery: their tokens, folded ids, whether punctuation separates each from
    /// the one before, whether the lexicon already covers it, and whether that cover is a place or nationality
    /// ("Australian", "Warsaw") that a longer organisation name may take in.
    struct Words {
        var text: UnsafeBufferPointer<UInt8>
        var tokens: [WordToken]
        var words: [Int]
        var folded: [Int32]
        var joined: [Bool]
        var covered: [Bool]
        var absorbable: [Bool]
        /// A capitalised word, or a lower-case one glued by a hyphen ("Kai-shek"), that is a common word of the language
        /// ("Lesser", "Virgin", "Gale", "based"), by the name lists.
        var english: [Bool]
        /// Words the lexicon matched as a place (not a state or a nationality word): "Vladimir", "Victoria".
        var placeNames: [Bool]
        /// The batch's facts of each word, which say whether it was seen in lower case.
        var facts: WordTable

        func token(_ j: Int) -> WordToken { tokens[words[j]] }

        /// Whether word `id` was seen written in lower case in the batch: an ordinary word when capitalised.
        @inline(__always)
        func isCommon(_ id: Int32) -> Bool { id >= 0 && Int(id) < facts.count && facts[id].pointee.seenLowercase }
    }

    /// Names in one sentence. `isCommon` tells whether a word has been seen in lower case (then it is an ordinary
    /// word capitalised by its place: "Tonight", "Therefore" at the start of a sentence, and not a person's name).
    func find(_ w: Words) -> [Found] {
        func f(_ j: Int) -> Int32 { w.folded[j] }
        var found: [Found] = []
        var k = 0
        while k < w.words.count {
            guard capital(k, w) else {
                k += 1
                continue
            }
            var last = k
            var j = k + 1
            if !endsName(k, w) {
                while j < w.words.count, w.joined[j] {
                    if capital(j, w) {
                        last = j
                        j += 1
                        // "Bureau of Meteorology's Claire Richards": a possessive ends a name.
                        if endsName(last, w) { break }
                    } else if j + 1 < w.words.count, !w.covered[j], w.joined[j + 1], capital(j + 1, w),
                              (connectorIds.contains(w.folded[j]) && !(w.folded[j] == theId && w.covered[j + 1]))
                                || (hyphenated(j, w) && hyphenated(j + 1, w)) {
                        // "our neighboring States the United States": "the" before a name the lexicon knows starts that name.
                        j += 1
                    } else if j + 2 < w.words.count, isParticle(j, w), isParticle(j + 1, w), w.joined[j + 1], w.joined[j + 2], capital(j + 2, w) {
                        // "Fernando de la Rua": two particles before the surname.
                        j += 2
                    } else if j + 2 < w.words.count, !w.covered[j], f(j + 1) == theId, w.joined[j + 1], w.joined[j + 2], capital(j + 2, w),
                              joinsThroughThe(j, from: k, w) {
                        // "Institute of the Academy of Sciences", "Committee on the Redesign of the Space Station".
                        j += 2
                    } else if last == j - 1, hyphenTail(j, w) {
                        // "Chiang Kai-shek": a lower-case part glued by a hyphen that is no word of the language.
                        last = j
                        j += 1
                    } else {
                        break
                    }
                }
            }
            names(k, last, w, into: &found)
            k = max(j, k + 1)
        }
        return found
    }

    /// Whether the connector at `j`, before "the", goes on with the name begun at word `first`: "of the" after a body's head
    /// word anywhere before ("Ministry of the Interior", "Committee on the Redesign of the Space Station"), "on the" and
    /// "for the" right after one ("Centre for the Arts"; not "Department of Health on the Gold Coast").
    func joinsThroughThe(_ j: Int, from first: Int, _ w: Words) -> Bool {
        guard j > first else { return false }
        // "Valley of the Mississippi": "of the" right after a natural feature's word too.
        if w.folded[j] == ofId { return (first..<j).contains { bodyHeadIds.contains(w.folded[$0]) } || featureIds.contains(w.folded[j - 1]) }
        return forOnIds.contains(w.folded[j]) && bodyHeadIds.contains(w.folded[j - 1])
    }

    /// Whether the words `first...last` are all that stands inside quotation marks, an article aside ("“A Beautiful Mind”").
    private func quoted(_ first: Int, _ last: Int, _ w: Words) -> Bool {
        var open = w.words[first] - 1
        if first > 0, w.words[first - 1] == open, cues.articles.contains(w.folded[first - 1]) { open -= 1 }
        let close = w.words[last] + 1
        return open >= 0 && close < w.tokens.count && isQuote(w.tokens[open], w) && isQuote(w.tokens[close], w)
    }

    /// A straight or curly double quotation mark.
    private func isQuote(_ t: WordToken, _ w: Words) -> Bool {
        guard t.kind == .punctuation else { return false }
        if t.mark == UInt8(ascii: "\"") { return true }
        let s = Int(t.start)
        return t.mark == 0xE2 && s + 2 < w.text.count && w.text[s + 1] == 0x80 && (w.text[s + 2] == 0x9C || w.text[s + 2] == 0x9D)
    }

    /// Whether the words `first...last` name a holiday: a feast ("Christmas"), or "New Year" or "Boxing Day", and then only
    /// words for days ("Christmas Eve", "Christmas-New Year").
    private func isHoliday(_ first: Int, _ last: Int, _ f: [Int32]) -> Bool {
        var k = first
        if feastIds.contains(f[k]) {
            k += 1
        } else if k < last, holidayOpenerIds.contains(f[k]), holidayDayIds.contains(f[k + 1]) {
            k += 2
        } else {
            return false
        }
        while k <= last, holidayDayIds.contains(f[k]) { k += 1 }
        return k > last
    }

    /// Whether an acronym in parentheses or between commas made of the initials of the capitalised words `first...last` follows them.
    private func spelledOut(_ first: Int, _ last: Int, _ w: Words) -> Bool {
        let after = w.words[last] + 1
        guard last > first, after + 2 < w.tokens.count, DefinedAcronyms.encloses(w.tokens[after], w.tokens[after + 2]),
              w.tokens[after + 1].kind == .word, w.tokens[after + 1].isAllCaps else { return false }
        let acronym = w.tokens[after + 1]
        let initials = (first...last).filter { w.token($0).isCapitalized }.map { w.text[Int(w.token($0).start)] }
        return initials.elementsEqual(w.text[Int(acronym.start)..<Int(acronym.end)])
    }

    /// A word glued by a hyphen to the word before it ("e" in "Lashkar-e-Taiba").
    func hyphenated(_ j: Int, _ w: Words) -> Bool {
        guard j > 0 else { return false }
        let start = Int(w.token(j).start)
        return Int(w.token(j - 1).end) == start - 1 && w.text[start - 1] == UInt8(ascii: "-")
    }

    /// A lower-case part of a name glued by a hyphen to the capitalised word before it, which is no common word ("shek" in
    /// "Chiang Kai-shek", "un" in "Kim Jong-un"; not "based" in "Sydney-based", nor a verb's ending as in
    /// "Murray-skippered") and no part of a word glued on both sides ("Lashkar-e-Taiba").
    func hyphenTail(_ j: Int, _ w: Words) -> Bool {
        let t = w.token(j)
        guard t.kind == .word, !t.isCapitalized, !w.covered[j], !w.english[j], t.end - t.start >= 2, hyphenated(j, w),
              w.token(j - 1).isCapitalized, !(j + 1 < w.words.count && hyphenated(j + 1, w)) else { return false }
        return !ends(j, w, with: Self.verbEndings)
    }

    static let verbEndings: [[UInt8]] = ["ed", "ing", "ers", "ly"].map { Array($0.utf8) }

    /// A possessive ends a name: "Meteorology's", and "US’ War on Terror" (an apostrophe after the word, then a space).
    private func endsName(_ j: Int, _ w: Words) -> Bool {
        let t = w.token(j)
        if t.isPossessive { return !(w.folded[j] == peopleId && j + 1 < w.words.count && w.joined[j + 1] && w.token(j + 1).isCapitalized) }
        let end = Int(t.end)
        let width = end < w.text.count && w.text[end] == 0x27 ? 1
            : end + 2 < w.text.count && w.text[end] == 0xE2 && w.text[end + 1] == 0x80 && w.text[end + 2] == 0x99 ? 3 : 0
        return width > 0 && (end + width == w.text.count || w.text[end + width] == 0x20)
    }

    /// A capitalised word free for discovery: not covered by the lexicon, or covered by a place it may take in.
    @inline(__always)
    private func capital(_ j: Int, _ w: Words) -> Bool {
        let t = w.token(j)
        guard t.kind == .word, t.isCapitalized, !w.covered[j] || w.absorbable[j] else { return false }
        // A lone capital letter is the pronoun "I" or an article, unless it is an initial ("F. Touadéra"; "George W Bush",
        // between two capitalised words, unless it is "I" or "A").
        if t.end - t.start == 1 {
            let next = w.words[j] + 1
            if next < w.tokens.count && w.tokens[next].kind == .punctuation && w.tokens[next].mark == 0x2E { return true }
            let letter = w.text[Int(t.start)]
            return letter != UInt8(ascii: "I") && letter != UInt8(ascii: "A") && j > 0 && j + 1 < w.words.count && w.joined[j]
                && w.joined[j + 1] && w.token(j - 1).kind == .word && w.token(j - 1).isCapitalized && w.token(j + 1).kind == .word
                && w.token(j + 1).isCapitalized && w.token(j + 1).end - w.token(j + 1).start > 1
        }
        return true
    }

    /// The names in the span of words `first...last`: split at a joining "and" or "on", titles and openers dropped,
    /// places taken in only by names that may hold them.
    private func names(_ spanFirst: Int, _ spanLast: Int, _ w: Words, into found: inout [Found]) {
        var first = spanFirst
        var last = spanLast
        let f = w.folded
        var titled = false
        let regional = last == first + 1 && regionalIds.contains(f[first]) && !w.covered[first] && w.absorbable[last]
        // "Foreign Ministry", "Defence Force": a title before an organisation's head word is part of its name.
        // An article opening the sentence is no connector: "The Criminal Justice Coalition" is headed as "Criminal Justice Coalition".
        let lead = (first...last).first { !openerIds.contains(f[$0]) } ?? first
        let headed = headIdsBesidesEventsAndLaws.contains(f[last])
            && !(lead...last).contains { connectorIds.contains(f[$0]) }
        // "in La Mesa, California", "the site of Bir el Ater": a town of the name lists, all the span holds but an opener, is
        // that place; not when the lexicon matched a word of it or it opens with a first name ("Shirley Temple").
        if lead < last, spanFirst == first, !(lead...last).contains(where: { w.covered[$0] }), !firstNameIds.contains(f[lead]),
           isTown(lead, last, w) {
            let (start, end) = (Int(w.token(lead).start), Int(w.token(last).end))
            found.append(Found(name: String(decoding: UnsafeBufferPointer(rebasing: w.text[start..<end]), as: UTF8.self), type: "location",
                               start: start, end: end, firstWord: lead, lastWord: last, absorbs: false))
            return
        }
        // "The Northern Territory Aids Council": an opener the lexicon matched as a place stays.
        // "Named the International Security Assistance Force": a common word opening the sentence before a lower-case "the"
        // opens no name ("the Round the World race" is one).
        // "Striking Latrobe Valley power workers": a word of the language ending in -ing that opens the sentence opens no
        // name, unless a head word makes one ("Flying Doctor Service").
        // "the Northern Alliance", "Southern Command": a bearing before a body's head word is part of its name.
        while !regional, first <= last, (openerIds.contains(f[first]) && !w.covered[first] && !(headed && first < last && regionalIds.contains(f[first]))
                                          && !isMonthFirstName(first, last, w, afterTitle: titled))
                || (titleIds.contains(f[first]) && !headed)
                || (kinds.contains(f[first], Self.partyMember) && first < last && !headed && !w.covered[first] && !connectorIds.contains(f[first + 1]))
                || connectorIds.contains(f[first]) || (first == 0 && w.isCommon(f[first]) && !w.covered[first] && !clubs.opens(first, last, w))
                || (first == 0 && first < last && !bodyHeadIds.contains(f[last]) && w.english[first] && !w.covered[first] && ends(first, w, with: Self.participleEndings))
                || (first == 0 && first < last && w.english[first] && f[first + 1] == theId && !allHeadIds.contains(f[first])) {
            if titleIds.contains(f[first]) || (kinds.contains(f[first], Self.partyMember) && !w.covered[first] && first < last
                                                && !connectorIds.contains(f[first + 1])) { titled = true }
            // "Marquess of Lorne", "Prince of Wales", "Minister for Foreign Affairs": what follows a title and "of" or "for" is
            // the place or the field of the title, not the person.
            // "Director of Public Prosecutions" too (common words, the last maybe a plural: the office's field), unless a
            // person's name follows ("Secretary of State Colin Powell", "Secretary of Defense McNamara").
            if titled, f[first] == ofId || f[first] == forId, first >= last - 1 || w.english[last] || w.isCommon(f[last])
                || (w.english[first + 1] && w.text[Int(w.token(last).end) - 1] == UInt8(ascii: "s")),
               !((first + 1)..<(last + 1)).contains(where: { firstNameIds.contains(f[$0]) }) { return }
            first += 1
        }
        while last > first, connectorIds.contains(f[last]) || numberIds.contains(f[last]) || postnominalIds.contains(f[last])
                || (kinds.contains(f[last], Self.calendar) && !firstNameIds.contains(f[last - 1])) {
            if postnominalIds.contains(f[last]) { titled = true }
            last -= 1
        }
        // "Carleton MPP Goldie Ghamari": a constituency and its member's letters before a person's name are no part of it.
        if first < last, let member = (first..<last).last(where: { postnominalIds.contains(f[$0]) && w.token($0).isAllCaps }), firstNameIds.contains(f[member + 1]) {
            first = member + 1
            titled = true
        }
        // "a Toowoomba Anglican school": a faith or a people after a name and before a lower-case noun qualifies the noun, and
        // is no part of the name.
        // "this Government of the Colombian propositions": a nationality word of the lexicon there is no part of it either.
        if last > first, (ends(last, w, with: Self.nationalityEndings) && !isSurnameInEse(last, w))
            || (w.covered[last] && w.absorbable[last] && !w.placeNames[last] && ends(last, w, with: Self.demonymEndings)),
           last + 1 < w.words.count, w.joined[last + 1], w.token(last + 1).kind == .word, !w.token(last + 1).isCapitalized {
            last -= 1
            while last > first, connectorIds.contains(f[last]) { last -= 1 }
        }
        guard first <= last else { return }
        // "Hermis Moutardier and Christina Jones", "Melbourne on Boxing Day": two names, unless a head word opens
        // the name ("Department of Health and Human Services").
        // A head word and a connector hold the name together ("Texas Department of Health and Human Services", "War on
        // Terror"), unless the connector is "and" ("Republicans and Democrats"); "Lake Louise and Mount Alberta" are two
        // names. Any connector before a date or a feast ends a name ("Pacific Ocean on July 24", "Bethlehem for Christmas
        // Eve").
        // "Australian Securities and Investment Commission (ASIC)": an acronym of all the words holds the name together.
        let spelled = spelledOut(first, last, w)
        let dated = spelled ? nil : (first..<last).first(where: { connectorIds.contains(f[$0]) && (openerIds.contains(f[$0 + 1]) || cues.notPlaces.contains(f[$0 + 1]))
                && !(f[$0 + 1] == theId && $0 > first && joinsThroughThe($0, from: first, w)) })
        // "Food and Drug Administration": a body's head word after "and" holds common words together (`NamesAcrossAnd`).
        if !spelled, let split = dated ?? (first...last).first(where: { weakConnectorIds.contains(f[$0]) }), dated != nil
            || (!(first..<split).contains(where: { allHeadIds.contains(f[$0]) && connectorIds.contains(f[$0 + 1]) && !($0 + 1 == split && andIds.contains(f[split])) })
                && !acrossAnd.holds(first, split, last, w, firstNames: firstNameIds)) {
            if split > first { names(first, split - 1, w, into: &found) }
            if split < last { names(split + 1, last, w, into: &found) }
            return
        }
        // "Sydney Weather Bureau Ian Robertson": a head word, then a person's first name, ends one name and starts another.
        if let split = ((first + 1)..<max(first + 1, last)).first(where: { allHeadIds.contains(f[$0 - 1]) && firstNameIds.contains(f[$0]) && !w.covered[$0] }) {
            // "US Secretary of State Colin Powell": a title before the person is no name of its own.
            if !(first..<split).contains(where: { titleIds.contains(f[$0]) }) { names(first, split - 1, w, into: &found) }
            names(split, last, w, into: &found)
            return
        }
        // "Shane Bradford of Ballidu": a person's first name and surname, then "of" and where they come from.
        if firstNameIds.contains(f[first]), !w.covered[first], first + 2 < last, let of = ((first + 2)..<last).first(where: { f[$0] == ofId }),
           !(first..<of).contains(where: { connectorIds.contains(f[$0]) || allHeadIds.contains(f[$0]) || w.covered[$0] }), of - first <= 3 {
            names(first, of - 1, w, into: &found)
            names(of + 1, last, w, into: &found)
            return
        }
        // "Immigration Minister Philip Ruddock": the name follows the last title; not in the name of a plan or a law a head
        // word closes ("Strategic Defense Initiative").
        if !headed, !allHeadIds.contains(f[last]), let t = (first..<last).last(where: { titleIds.contains(f[$0]) }),
           !((t + 1)...last).contains(where: { connectorIds.contains(f[$0]) || w.absorbable[$0] }) {
            first = t + 1
            titled = true
        }
        // "Secretary of State Colin Powell", "Scientist David Vaughan", "Policy Outlook John Pike": a title, a word opening the
        // sentence, or common words of the language (a heading) before a first name that is followed by a surname, which
        // is no head word or place word ("Royal Prince Alfred Hospital", "Queen Mary Falls").
        if first + 1 < last, let given = ((first + 1)..<last).first(where: { firstNameIds.contains(f[$0]) && !firstNameIds.contains(f[$0 - 1]) && !w.covered[$0] }),
           (first..<given).contains(where: { titleIds.contains(f[$0]) }) || (first == 0 && given == 1)
            || ((first..<given).allSatisfy { w.english[$0] } && !allHeadIds.contains(f[last]) && !placeLastIds.contains(f[last])
                && !featureIds.contains(f[last])),
           !((given + 1)...last).contains(where: { connectorIds.contains(f[$0]) && !isParticle($0, w) }) {
            first = given
            titled = true
        }
        // "Immigration Minister", "The President": a title is no name; but a body may be of people so named
        // ("Federation of American Scientists", "Union of Journalists").
        // A title after a first name is a surname ("Rodney King", "John Major", "Julie Bishop").
        if titleOrPluralIds.contains(f[last]), !((first + 1)..<max(first + 1, last)).contains(where: { f[$0] == ofId && allHeadIds.contains(f[$0 - 1]) }),
           !(last > first && titleIds.contains(f[last]) && firstNameIds.contains(f[last - 1]) && !titleIds.contains(f[last - 1]) && !w.covered[last - 1]) { return }
        // "Christmas Day", "Boxing Day", "New Year": a holiday is a day, which the time expressions read, and no name.
        if isHoliday(first, last, f) { return }
        let count = last - first + 1
        let shouting = (first...last).filter { w.token($0).isAllCaps }.count >= 2
        guard count <= 8, !shouting else { return }
        // "discharged from the Army", "the French Army and Navy": an armed service capitalised inside a sentence, after a
        // word ("the", "our", "and") rather than a mark that may break a longer name ("the Texian (of Texas) Army"), is its name.
        let service = count == 1 && first > 0 && w.joined[first] && serviceIds.contains(f[first])
        // "former Indonesian dictator Suharto", "the US president Bush": a role in lower case right before one capitalised word
        // that may stand alone names a person by it.
        if count == 1, !titled, first == spanFirst, first > 0, w.joined[first], w.token(first - 1).kind == .word,
           !w.token(first - 1).isCapitalized, roleIds.contains(f[first - 1]), mayStandAlone(first, w, firstNameAllowed: true) {
            titled = true
        }
        // "President Bush", "Senator Brown": after an honorific a common word is a surname; after other titles it is not
        // ("Prime Time", "Special Branch").
        // Not after an article, where the honorific is an adjective ("the General Treasury", "the General Government").
        let honoured = count == 1 && first > 0 && w.joined[first] && honorificIds.contains(f[first - 1])
            && !(first > 1 && w.joined[first - 1] && cues.articles.contains(f[first - 2]))
        guard count >= 2 || service || (titled && !w.token(first).isAllCaps && (!w.isCommon(f[first]) || honoured)) else { return }
        // "Special Revenue Sharing for Education": a title before words a connector joins opens a programme's or a body's name,
        // not a person's ("Osama bin Laden" holds a particle, no connector); but "King Humbert of Italy" is the person before
        // "of" and a place the lexicon knows, which stands.
        // "General Revenue Sharing": nor does a title before common words of the language only.
        let personallyTitled = first > 0 && w.joined[first] && personalTitleIds.contains(f[first - 1])
        if titled, last > first, !personallyTitled, (first...last).allSatisfy({ w.english[$0] }) { titled = false }
        if titled, let c = (first...last).first(where: { connectorIds.contains(f[$0]) && !isParticle($0, w) }) {
            if f[c] == ofId, c > first, c < last, ((c + 1)...last).allSatisfy({ w.covered[$0] }), !(first..<c).contains(where: { w.covered[$0] }) {
                let (start, end) = (Int(w.token(first).start), Int(w.token(c - 1).end))
                found.append(Found(name: String(decoding: UnsafeBufferPointer(rebasing: w.text[start..<end]), as: UTF8.self), type: "person",
                                   start: start, end: end, firstWord: first, lastWord: c - 1, absorbs: false, titled: true))
                return
            }
            titled = false
        }
        let absorbs = (first...last).contains { w.covered[$0] }
        // Nothing but words the lexicon matched ("St. Petersburg", "President Lincoln"): the lexicon's names stand, unless a
        // place or nationality comes before a body the lexicon names by its head word ("Indian Parliament").
        // "under President Kennedy": after an honorific a place the lexicon knows is a surname.
        if absorbs, !(first...last).contains(where: { !w.covered[$0] && !connectorIds.contains(f[$0]) }),
           !(last > first && w.absorbable[last] && !w.placeNames[last] && bodyHeadIds.contains(f[last])
             && (first..<last).allSatisfy({ w.absorbable[$0] })), !(honoured && w.placeNames[first]) { return }
        // "Vladimir Komarov", "Victoria Beckham": a one-word place the lexicon knows is a first name before a surname.
        let givenPlace = !titled && placeIsFirstName(first, last, w)
        if givenPlace { titled = true }
        var (type, byHead) = guessType(first, last, w, person: titled)
        // "the Russian Big Diomede Island", "New South Wales Hunter Valley": a place or nationality the lexicon knows before a
        // place of two words or more that its own head word names is no part of it; a division takes its place's name
        // ("Ivanovo Industrial Oblast").
        if type == "location", byHead, w.covered[first], !divisionIds.contains(f[last]), let own = (first...last).first(where: { !w.covered[$0] }), own < last,
           !(first..<own).contains(where: { connectorIds.contains(f[$0]) }), !((own + 1)...last).contains(where: { w.covered[$0] }) {
            names(own, last, w, into: &found)
            return
        }
        // "Lobaye Prefecture": a place the lexicon knows and its kind of division are that place, which stands.
        if divisionIds.contains(f[last]), last > first, w.absorbable[last - 1], !w.covered[last],
           !(first..<last).contains(where: { !w.covered[$0] }) { return }
        // "Norwegian safety organisation Det Norske Veritas": a noun before a name no head word types says what it is.
        if !byHead, !titled, first > 0, w.joined[first], !w.token(first - 1).isCapitalized, organisationNounIds.contains(f[first - 1]) {
            (type, byHead) = ("organisation", true)
        }
        if !byHead, isVessel(first, last, w) { type = "vessel" }
        // "“Moulin Rouge”", "“A Beautiful Mind”": a name of two words or more that is all a quotation holds, and that no head
        // word, title or first name types ("“Tony Blair”"), is the title of a work.
        if !byHead, !titled, last > first, !firstNameIds.contains(f[first]), quoted(first, last, w) { type = "work" }
        // "Wild Card", "Founding Fathers", "Round the World": common words of the language that nothing types are a phrase
        // capitalised (a heading, a slogan, a nickname), not a name to list among the actors.
        if type == "unclassified", (first...last).allSatisfy({ w.english[$0] || (connectorIds.contains(f[$0]) && !w.token($0).isCapitalized) }) {
            return
        }
        if absorbs {
            let allowed = byHead && (Self.holdsPlaces.contains(type) || type == "location")
                || (type == "person" && (titled || (firstNameIds.contains(f[first]) && !w.covered[first])))
            if !allowed {
                // Not a name that holds a place: the words between the places are names of their own, if any.
                var runStart: Int?
                for j in first...(last + 1) {
                    if j <= last, !w.covered[j] {
                        if runStart == nil { runStart = j }
                    } else if let s = runStart {
                        names(s, j - 1, Words(text: w.text, tokens: w.tokens, words: w.words, folded: w.folded, joined: w.joined,
                                              covered: w.covered, absorbable: [Bool](repeating: false, count: w.words.count),
                                              english: w.english, placeNames: w.placeNames, facts: w.facts), into: &found)
                        runStart = nil
                    }
                }
                return
            }
        }
        let start = Int(w.token(first).start)
        let end = Int(w.token(last).end)
        let name = String(decoding: UnsafeBufferPointer(rebasing: w.text[start..<end]), as: UTF8.self)
        found.append(Found(name: name, type: type, start: start, end: end, firstWord: first, lastWord: last, absorbs: absorbs,
                           titled: titled))
    }

    /// Whether the words `first...last`, which no head word types, name a ship or a spacecraft: a ship's prefix before more
    /// words ("USS Peleliu"), a word for one before the last ("Space Shuttle Endeavour"), or a lower-case noun for one right
    /// before ("the yacht Assa Abloy").
    private func isVessel(_ first: Int, _ last: Int, _ w: Words) -> Bool {
        if last > first, vesselPrefixIds.contains(w.folded[first]) { return true }
        if (first..<last).contains(where: { vesselWordIds.contains(w.folded[$0]) }) { return true }
        return first > 0 && w.joined[first] && !w.token(first - 1).isCapitalized && vesselNounIds.contains(w.folded[first - 1])
    }

    /// Endings of words for doctrines, peoples and faiths: "Catholicism", "Amerindians", "Europeans", "Anglican",
    /// "Japanese" (not "-ian", which ends first names such as Brian and Julian).
    static let doctrineOrPeopleEndings: [[UInt8]] = ["ism", "isms", "ians", "eans", "cans", "ican", "ese"].map { Array($0.utf8) }

    /// Whether word `j` ends with one of `endings` after at least three other letters.
    func ends(_ j: Int, _ w: Words, with endings: [[UInt8]]) -> Bool {
        let t = w.token(j)
        let word = UnsafeBufferPointer(rebasing: w.text[Int(t.start)..<Int(t.end)])
        return endings.contains { word.count > $0.count + 2 && word.suffix($0.count).elementsEqual($0) }
    }

    /// Whether word `j`, ending in -ese after a first name, is a surname ("Anthony Albanese", "Vito Genovese"): Italian
    /// surnames are often a town's demonym, so only a nationality word the lexicon knows ("Japanese") stays a people.
    func isSurnameInEse(_ j: Int, _ w: Words) -> Bool {
        j > 0 && w.joined[j] && firstNameIds.contains(w.folded[j - 1]) && !w.covered[j] && ends(j, w, with: Self.eseEnding)
    }

    static let eseEnding: [[UInt8]] = [Array("ese".utf8)]

    /// Whether word `j`, a month that is also a first name, opens a person's name: "June Almeida discovered", "August
    /// Wilson and April Ryan" (tester19 #12): a capitalised word follows that is no word of the language and no name the
    /// lexicon knows ("In June Democrats" stays a month), or any capitalised word after a title ("Councilmember April
    /// Graves").
    func isMonthFirstName(_ j: Int, _ last: Int, _ w: Words, afterTitle: Bool) -> Bool {
        j < last && firstNameIds.contains(w.folded[j]) && kinds.contains(w.folded[j], Self.calendar) && w.joined[j + 1]
            && w.token(j + 1).isCapitalized && !w.token(j + 1).isAllCaps && !w.covered[j + 1]
            && (afterTitle || !w.english[j + 1] && !w.isCommon(w.folded[j + 1]))
    }

    /// Endings of words for a doctrine's followers: "Fascist", "Socialists".
    static let followerEndings: [[UInt8]] = ["ist", "ists"].map { Array($0.utf8) }

    /// Endings of nationality words that no first name has: "African", "Mexican", "Japanese".
    static let nationalityEndings: [[UInt8]] = ["ican", "ese"].map { Array($0.utf8) }
    /// Endings of nationality words, which a state's name lacks: "Colombian", "Korean", "British", "Iraqi" (asked only of words
    /// the lexicon matched as a state or nationality).
    static let demonymEndings: [[UInt8]] = ["ian", "ean", "ish", "ese", "qi", "li", "ni"].map { Array($0.utf8) }

    /// Endings of surnames that no place or common word has: "Komarov", "Tereshkova", "Zelensky", "Kovalenko".
    static let surnameEndings: [[UInt8]] = ["ov", "ova", "ev", "eva", "sky", "ski", "skiy", "skaya", "enko", "vich", "wicz",
                                            "escu", "adze", "shvili", "poulos"].map { Array($0.utf8) }

    /// Whether the two words `first`, `last` are a place the lexicon matched alone, used as a first name, and a surname: the
    /// place is a listed first name ("Victoria Beckham") or the surname ends as surnames do ("Vladimir Komarov"); the
    /// surname is never seen in lower case and no rule word ("Victoria Police", "Sydney Harbour", "Perth Mint").
    private func placeIsFirstName(_ first: Int, _ last: Int, _ w: Words) -> Bool {
        guard last == first + 1, w.placeNames[first], !w.covered[last], !(first > 0 && w.joined[first] && w.covered[first - 1]) else { return false }
        let f = w.folded[last]
        let t = w.token(last)
        guard t.kind == .word, t.isCapitalized, !t.isAllCaps, t.end - t.start >= 3, !w.english[last], !w.isCommon(f),
              !allHeadIds.contains(f), !placeLastIds.contains(f), !featureIds.contains(f), !openerIds.contains(f),
              !titleOrPluralIds.contains(f), !connectorIds.contains(f) else { return false }
        if firstNameIds.contains(w.folded[first]) { return true }
        return ends(last, w, with: Self.surnameEndings)
    }

    /// The type a name's head word says: the last word ("Wagner Group"), else the first ("Coalition of
    /// Patriots for Renewal", "School of Economics"); a sport before a place is its governing body ("Soccer
    /// Australia"); a title or a first name makes a person; place words a location ("Alice Springs"); else a person
    /// for two or three words never seen in lower case ("Marie Harf", not "National Treasury"); else unclassified.
    /// The type, and whether a head word said it (only then may the name hold a place).
    private func guessType(_ first: Int, _ last: Int, _ w: Words, person: Bool) -> (String, Bool) {
        let words = w.folded[first...last]
        if words.first == operationId { return ("operation", true) }
        if words.count >= 2, centreIds.contains(words.last!), facilityKindIds.contains(words[last - 1]) { return ("facility", true) }
        // "World War II", "Vatican Council II": a Roman numeral after the head word numbers the name.
        let head = last > first && isRomanNumeral(last, w) ? words[last - 1] : words.last!
        if clubs.isClub(first, last, w) { return ("organisation", true) }
        for (heads, type) in headIds where heads.contains(head) { return (type, true) }
        // "South Asian Association for Regional Cooperation", "Coalition of Patriots": a head before the first connector.
        if let connector = words.dropFirst().firstIndex(where: { connectorIds.contains($0) }) {
            for word in words[..<connector].reversed() {
                for (heads, type) in headIds where heads.contains(word) { return (type, true) }
                // "Gulf of Alaska", "Bay of Bengal": a natural feature of a place.
                if featureIds.contains(word) { return ("location", true) }
            }
        }
        if featureIds.contains(words.last!) { return ("location", true) }
        // "Greater Sydney", "North Queensland": a place word before a place.
        // Not a nationality word: "South Australian".
        if words.count == 2, placeFirstIds.contains(words.first!) || regionalIds.contains(words.first!), w.absorbable[last],
           !ends(last, w, with: Self.adjectiveEndings) { return ("location", true) }
        if bodyPrefixIds.contains(words.first!), last > first, ((first + 1)...last).allSatisfy({ w.absorbable[$0] }) { return ("organisation", true) }
        // "USS Missouri", "HMAS Sydney": a ship named after a place.
        if vesselPrefixIds.contains(words.first!), last > first, ((first + 1)...last).allSatisfy({ w.absorbable[$0] }) { return ("vessel", true) }
        return (guessByCues(first, last, w, person: person), false)
    }

    /// Whether word `j` is a Roman numeral in capitals ("II", "XIV").
    private func isRomanNumeral(_ j: Int, _ w: Words) -> Bool {
        let t = w.token(j)
        guard t.kind == .word, t.isAllCaps, t.end - t.start <= 5 else { return false }
        return w.text[Int(t.start)..<Int(t.end)].allSatisfy { "IVXLC".utf8.contains($0) }
    }

    /// Whether a person found in full may later go by the first word of the name alone: a first name of the lists
    /// ("Shannon" after "Shannon Spann"), or a name with a particle ("Osama" after "Osama bin Laden").
    func goesByFirstName(_ name: Found, _ w: [Int32]) -> Bool {
        name.lastWord > name.firstWord && (firstNameIds.contains(w[name.firstWord])
            || (name.firstWord...name.lastWord).contains { particleIds.contains(w[$0]) })
    }

    /// Whether a discovered place is a kind of division, "of" and a place the lexicon knows ("the State of Texas", "the
    /// Commonwealth of Virginia"), which is that place (not "the City of Mexico", its capital, no mention of Mexico).
    func isFormalNameOfKnownPlace(_ name: Found, _ w: Words) -> Bool {
        let (first, last) = (name.firstWord, name.lastWord)
        return name.type == "location" && last >= first + 2 && kinds.contains(w.folded[first], Self.stateKind) && !w.covered[first]
            && w.folded[first + 1] == ofId && ((first + 2)...last).allSatisfy { w.covered[$0] && w.absorbable[$0] }
    }

    /// Whether a person found in full may later go by the last word of the name alone: not a month or a weekday, and not a
    /// common word of the language unless a first name or a title told the person ("President Bush", "George Bush"), so that
    /// a name typed a person for want of anything better does not make every later "States" or "Exposition" that person.
    /// A common word alone still is when it is no plural and the batch has not written it in lower case ("Clement" after
    /// "Arnaud Clement").
    func goesBySurname(_ name: Found, _ w: [Int32], english: [Bool], plural: Bool, seenInLowerCase: Bool) -> Bool {
        let last = w[name.lastWord]
        guard !kinds.contains(last, Self.calendar) else { return false }
        return !english[name.lastWord] || name.titled || (name.lastWord > name.firstWord && firstNameIds.contains(w[name.firstWord]))
            || (!plural && !seenInLowerCase)
    }

    /// Whether a firm's name is a name and its kind of business ("Phillips Petroleum", "Ansett Airlines"), so that its first
    /// word alone names it later ("a Phillips spokesman"); not a first name ("Morgan Holdings").
    func goesByFirstWord(_ name: Found, _ w: [Int32]) -> Bool {
        name.lastWord == name.firstWord + 1 && companyHeadIds.contains(w[name.lastWord]) && !firstNameIds.contains(w[name.firstWord])
    }

    /// Whether a word is a particle of people's names ("bin", "van"), however it is written.
    func isParticle(word: Int32) -> Bool { particleIds.contains(word) }

    func isTitle(word: Int32) -> Bool { titleIds.contains(word) }

    /// Whether a word is a month or a weekday ("May" in "Theresa May"), which no one goes by alone.
    func isCalendarWord(_ word: Int32) -> Bool { kinds.contains(word, Self.calendar) }

    /// A particle of a person's name: "bin" in "Osama bin Laden", written in lower case.
    func isParticle(_ j: Int, _ w: Words) -> Bool { particleIds.contains(w.folded[j]) && !w.token(j).isCapitalized }

    /// The type of a name no head word types: a title or a first name makes a person, place words a location.
    private func guessByCues(_ first: Int, _ last: Int, _ w: Words, person: Bool) -> String {
        let words = w.folded[first...last]
        if person { return "person" }
        // "Smith & Wesson", "Marks & Spencer": an ampersand between names makes a firm (prose joins people by "and").
        if w.text[Int(w.token(first).end)..<Int(w.token(last).start)].contains(UInt8(ascii: "&")) { return "company" }
        let hasConnector = (first...last).contains(where: { connectorIds.contains(w.folded[$0]) && !isParticle($0, w) })
        if strongPlaceLastIds.contains(words.last!) { return "location" }
        // "Osama bin Laden": a particle only people's names hold.
        if (first...last).contains(where: { personParticleIds.contains(w.folded[$0]) && !w.token($0).isCapitalized }), !hasConnector { return "person" }
        // "Lashkar-e-Taiba", "Jamiat Ulema-i-Islam": a lower-case word glued by hyphens inside a name (Urdu and Persian
        // ezafe) names an organisation.
        if (first..<last).contains(where: { !w.token($0).isCapitalized && hyphenated($0, w) && hyphenated($0 + 1, w) && !isParticle($0, w) }) {
            return "organisation"
        }
        // "Roman Catholicism", "Caquetío Amerindians": a doctrine or a people is no person.
        if ends(last, w, with: Self.doctrineOrPeopleEndings), !isSurnameInEse(last, w) { return "unclassified" }
        // "Nazi-Fascist", "Christian Socialist": a follower of a doctrine, a word of the language, is no person's name either
        // ("Lundquist" is no word).
        if w.english[last], ends(last, w, with: Self.followerEndings) { return "unclassified" }
        // "Royal Marine": a first name that is also a common word, before another, is no person's name.
        if firstNameIds.contains(words.first!), !w.covered[first], words.count <= 4, !hasConnector, !(w.english[first] && w.english[last]) {
            return "person"
        }
        // "New Covenant", "New Deal": "New" before one common word of the language names a programme or an era, not a place
        // ("New Granada" is one).
        if placeFirstIds.contains(words.first!) && !(words.first! == newId && words.count == 2 && w.english[last]) || placeLastIds.contains(words.last!) {
            return "location"
        }
        let tokens = (first...last).map { w.token($0) }
        // "Virgin Blue", "Lesser Antilles": a common word of the language, then a common word or a plural, is no person's
        // name ("Buzz Aldrin" is); nor is any name closed by a common word's plural ("Barbary States").
        let plural = w.text[Int(tokens.last!.end) - 1] == UInt8(ascii: "s")
        // "Christmas Eve Mass", "African Report": a feast, a faith or a nationality opens no person's name either.
        if words.count <= 4, !tokens.contains(where: { $0.isAllCaps }), !hasConnector, !(w.english[first] && (w.english[last] || plural)), !(w.english[last] && plural),
           !cues.notPlaces.contains(words.first!), !ends(first, w, with: Self.nationalityEndings),
           (first...last).filter({ !isParticle($0, w) }).count <= 3,
           !(first...last).contains(where: { w.covered[$0] || (w.isCommon(w.folded[$0]) && !isParticle($0, w) && !hyphenTail($0, w)) }) {
            return "person"
        }
        // "Round the World", "Order of Merit": common words of the language around a connector name a race or an honour
        // as often as a body.
        return hasConnector && (first...last).contains(where: { !connectorIds.contains(w.folded[$0]) && !w.english[$0] }) ? "organisation" : "unclassified"
    }
}
