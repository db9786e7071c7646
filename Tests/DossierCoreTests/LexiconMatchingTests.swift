import Testing
@testable import DossierCore

@Suite("Lexicon matching through a loaded corpus")
struct LexiconMatchingTests {
    static let text = """
    Troops from Niger crossed into Nigeria on Monday.

    The US said it would send aid to Mali.

    Let us see what the Malian government does next.

    France 24 reported that the army had left the town.

    The Central African Republic signed a deal with its neighbours.

    A Russian adviser arrived in Bangui last week.

    Moscow has denied sending any troops there.

    She studied at Moscow State Linguistic University before the war.

    In the leaked message, Bozzize accuses Russia of intervening in the elections.

    The rebels want to remove President Toudera from power soon.

    Russia's advisers trained the army of the Central African Republic.

    The Russia-CAR alliance is a tactical one.

    The company Lobaye Invest was awarded mining licenses.

    Several Nigerians and Nigeriens attended the summit in Niamey.

    Whatever the Government decides, the Elections will be Decided Soon by Voters.

    The U.S. Department of State issued a statement.

    Bamako city council voted to fix potholes.

    The mayor of Bamako opened a library.

    Nairobi county gave hawkers new stalls.

    Envoys flew from Nairobi to Addis Ababa.

    Talks were held in Moscow on Friday.

    Officials left for Bamako at dawn.

    The government appealed to Paris for aid.

    Aid went from the United States to Moscow.
    """

    static let corpus = analyze(text)

    @Test(arguments: [
        ("Troops from Niger", ["Niger", "Nigeria"]),
        ("The US said", ["United States", "Mali"]),
        ("Let us see", ["Mali"]),
        ("France 24 reported", ["France 24"]),
        ("The Central African Republic signed", ["Central African Republic"]),
        ("A Russian adviser", ["Russia"]),  // "arrived in Bangui": where, not who
        ("Moscow has denied", ["Russia"]),
        ("She studied at Moscow State", []),
        ("Bozzize accuses", ["François Bozizé", "Russia"]),
        ("President Toudera", ["Faustin-Archange Touadéra"]),
        ("Russia's advisers", ["Russia", "Central African Republic"]),
        ("The Russia-CAR alliance", ["Russia", "Central African Republic"]),
        ("Lobaye Invest was", ["Lobaye Invest"]),
        ("Several Nigerians", ["Nigeria", "Niger"]),
        ("Whatever the Government", []),
        ("The U.S. Department", ["United States", "US Department of State"]),
        // A capital with the words of local government is the city (tester19 #6).
        ("Bamako city council", []),
        ("The mayor of Bamako", []),
        ("Nairobi county gave", []),
        // A capital where something happens or where a journey goes is the city; one spoken to stays the government.
        ("Envoys flew from Nairobi", []),
        ("Talks were held in Moscow", []),
        ("Officials left for Bamako", []),
        ("The government appealed to Paris", ["France"]),
        ("Aid went from the United States to Moscow", ["United States", "Russia"]),
    ])
    func actors(_ sentence: String, _ expected: [String]) {
        let found = Self.corpus.names(in: sentence, .actor).filter { name in
            // Only lexicon actors: discovered names are tested separately.
            Self.corpus.entities.first { $0.name == name && $0.kind == .actor }.map { !$0.isDiscovered } ?? true
        }
        #expect(Set(found) == Set(expected), "\(sentence): \(found)")
    }

    @Test(arguments: [
        ("Troops from Niger", ["Niger", "Nigeria"]),
        ("A Russian adviser", ["Bangui"]),
        ("Moscow has denied", ["Moscow"]),
        ("She studied at Moscow State", []),
        ("The Central African Republic signed", ["Central African Republic"]),
        ("Bamako city council", ["Bamako"]),
        ("The mayor of Bamako", ["Bamako"]),
    ])
    func places(_ sentence: String, _ expected: [String]) {
        let found = Self.corpus.names(in: sentence, .place).filter { name in
            Self.corpus.entities.first { $0.name == name && $0.kind == .place }.map { !$0.isDiscovered } ?? true
        }
        #expect(Set(found) == Set(expected), "\(sentence): \(found)")
    }

    /// Former states are actors as today's states are, and the phrases that name the native peoples of the Americas
    /// or the West Indies are not India's; "Indian(s)" names India unless its document names the native peoples of
    /// the Americas and never India (tester17 #16; tester18 #5: "Indian troops" of a story that never names India).
    @Test(arguments: [
        ("The USSR and Yugoslavia signed a treaty in 1955.", ["Soviet Union", "Yugoslavia"], ["Soviet Union", "Yugoslavia"]),
        ("Commissioners met the Indian tribes beyond the Ohio.", ["Native Americans"], []),
        ("The West India squadron sailed from Norfolk.", [], ["Caribbean"]),
        ("New Delhi said Indian troops crossed the border.", ["India"], []),
        ("Indian troops crossed the border.", ["India"], []),
        ("The Indians signed a treaty at the fort, and two Indian agents were sent west.", ["Native Americans"], []),
    ])
    func formerStatesAndPeoples(_ sentence: String, _ actors: [String], _ places: [String]) {
        let corpus = analyze(sentence)
        let lexicon = { (kind: EntityKind) in
            corpus.names(in: sentence, kind).filter { name in corpus.entities.first { $0.name == name && $0.kind == kind }.map { !$0.isDiscovered } ?? true }
        }
        #expect(Set(lexicon(.actor)) == Set(actors), "\(lexicon(.actor))")
        #expect(Set(lexicon(.place)).isSuperset(of: places), "\(lexicon(.place))")
        #expect(!lexicon(.place).contains("India"))
    }

    /// "America" alone is the United States; the regions that hold the word, their adjectives, and a person or a place
    /// whose name holds a state's are not (tester13 #16, #17: 152 SOTU sentences counted the United States through
    /// "Central America" alone).
    @Test(arguments: [
        ("Troops went to Central America in 2019.", [], ["Central America"]),
        ("South American leaders met, and Latin Americans voted.", [], ["South America", "Latin America"]),
        ("Pan-American unity grew.", [], ["Americas"]),
        ("Liverpool captain Jordan Henderson scored twice.", ["Jordan Henderson"], ["Liverpool"]),
        ("Wide receiver Chad Johnson caught the ball.", ["Chad Johnson"], []),
        ("America is strong.", ["United States"], ["United States"]),
    ])
    func theAmericasAndNamesHoldingAState(_ sentence: String, _ actors: [String], _ places: [String]) {
        let corpus = analyze(sentence)
        #expect(Set(corpus.names(in: sentence, .actor)) == Set(actors), "\(corpus.names(in: sentence, .actor))")
        #expect(Set(corpus.names(in: sentence, .place)) == Set(places), "\(corpus.names(in: sentence, .place))")
    }

    @Test func centralAfricanRepublicIsNotAfrica() {
        #expect(!Self.corpus.names(in: "The Central African Republic signed", .place).contains("Africa"))
    }

    @Test func russianIsAnActorNotAPlace() {
        #expect(!Self.corpus.names(in: "A Russian adviser", .place).contains("Russia"))
    }

    @Test func misspellingsAreMarkedAsSuch() {
        let m = Self.corpus.mentionList(in: "Bozzize accuses").first { $0.name == "François Bozizé" }
        #expect(m?.rule == .misspelling)
        #expect(m?.text == "Bozzize")
    }

    @Test func noFuzzyHitsOnOrdinaryCapitalisedWords() {
        // Long ordinary words near person names must not be taken for them.
        let c = analyze("Whatever happens, Boniface and Touareg Leaders met Bozizé's Brothers and Tourists in Bangui. Touadera spoke.")
        let persons = c.mentionList(in: "Whatever happens").filter { $0.type == "person" }.map(\.text)
        #expect(persons == ["Bozizé"])
        #expect(c.names(in: "Touadera spoke", .actor) == ["Faustin-Archange Touadéra"])
    }

    @Test func affiliationsAreRelationsNotAliases() {
        let i = Self.corpus.entityIndex("Lobaye Invest", .actor)!
        let e = Self.corpus.entities[i]
        #expect(e.relations.contains(Relation(target: "Wagner Group", role: "front company")))
        #expect(!e.aliases.map(\.text).contains("Wagner Group"))
        // A mention of Lobaye Invest is not a mention of Wagner Group.
        #expect(!Self.corpus.names(in: "Lobaye Invest was", .actor).contains("Wagner Group"))
    }

    @Test func userLexiconExtendsAnEntry() {
        let lexicon = """
        actor Wagner Group
          alias: the Musicians

        actor Sewa Securities
          type: company
          affiliation: Wagner Group (front company)
        """
        let c = analyze("Reports say the Musicians arrived with Sewa Securities staff.", lexicon: lexicon)
        let names = c.names(in: "the Musicians", .actor)
        #expect(names.contains("Wagner Group"))
        #expect(names.contains("Sewa Securities"))
        let wagner = c.entities[c.entityIndex("Wagner Group", .actor)!]
        #expect(wagner.type == "private military company", "a user entry without type keeps the bundled type")
        #expect(wagner.aliases.contains(Alias(text: "Wagner", kind: .alias)), "bundled aliases are kept")
    }

    @Test func lexiconSyntaxErrorsHaveFileLineColumn() {
        var lexicon = Lexicon()
        let text = """
        # a comment
        actor Good One
          type: person
          aliass: Goody
        actr Bad
          type state
        """
        let diagnostics = lexicon.add(text: text, file: "user.lexicon")
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 3)
        let unknownKey = errors.first { $0.message.contains("unknown key") }
        #expect(unknownKey?.location == SourceLocation(file: "user.lexicon", line: 4, column: 3))
        #expect(unknownKey?.suggestion == "alias")
        let header = errors.first { $0.message.contains("entry header") }
        #expect(header?.location == SourceLocation(file: "user.lexicon", line: 5, column: 1))
        #expect(header?.suggestion == "actor")
        let noColon = errors.first { $0.message.contains("key: value") }
        #expect(noColon?.location == SourceLocation(file: "user.lexicon", line: 6, column: 3))
    }

    @Test func lexiconErrorsComeBackThroughTheLoader() {
        let (_, diagnostics) = loadCorpus([("a.txt", "Mali.")], lexicon: "actor X\n  colour: blue\n")
        #expect(diagnostics.contains { $0.location.file.hasSuffix("user.lex") && $0.location.line == 2 && $0.location.column == 3 })
    }

    @Test func bundledLexiconHasNoErrors() {
        #expect(Seeds.loaded.diagnostics.filter { $0.severity == .error }.isEmpty, "\(Seeds.loaded.diagnostics.map(DiagnosticRenderer.render))")
    }

    @Test func everyAffiliationTargetExists() {
        let actors = Set(Seeds.corpus.entities.filter { !$0.isDiscovered }.map(\.name))
        let missing = Seeds.corpus.entities.filter { !$0.isDiscovered }.flatMap { $0.relations.map(\.target) }.filter { !actors.contains($0) }
        #expect(missing.isEmpty, "\(missing)")
    }

    @Test func seedMentions() {
        let c = Seeds.corpus
        #expect(c.names(in: "On February 5, a message by CPC leader François Bozizé", .actor).contains("François Bozizé"))
        #expect(c.names(in: "Furthermore, Moscow can pressure Paris", .actor).contains("Russia"))
        #expect(c.names(in: "Furthermore, Moscow can pressure Paris", .actor).contains("France"))
        #expect(!c.names(in: "France 24", .actor).contains("France") || c.sentence(containing: "France 24") == nil)
    }
}
