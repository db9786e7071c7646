import Testing
@testable import DossierCore

/// Names on real news a tester read by hand (issue 13; tester14's items 2, 3, 12, 13, 19, 28): a town placed in another
/// region is not the famous city, a month's abbreviation is a date, a club or a body that holds a place's or a state's name
/// is one name, and a firm told by its ticker is a company.
@Suite("Names on real news")
struct RealNewsNamesTests {
    /// "CITY, REGION": a city of the lexicon written before a region or state it does not lie in is another town (found as a
    /// place of its own), no mention of the famous city or its state; written before its own region or state it is that city.
    /// The places and states the sentence names are compared (people and bodies beside them are other rules' business).
    @Test(arguments: [
        ("Like many an executive invested in his company, Douglas Coltharp, CFO of Proffitt's, has a personal stake in seeing "
            + "that the Birmingham, Alabama retailer's stock performs well.", ["Birmingham=Birmingham(place location)", "Alabama=Alabama(place region)"]),
        ("Four students were killed in Moscow, Idaho, in November.", ["Moscow=Moscow(place location)", "Idaho=Idaho(place region)"]),
        ("The festival is held in Paris, Texas, every spring.", ["Paris=Paris(place location)", "Texas=Texas(place region)"]),
        ("She studied in London, Ontario, before the war.", ["London=London(place location)", "Ontario=Ontario(place region)"]),
        ("Brandon started a company in Berlin, Pennsylvania, that specializes in a new kind of drilling technology.",
         ["Berlin=Berlin(place location)", "Pennsylvania=Pennsylvania(place region)"]),
        ("He grew up in Sydney, New South Wales.", ["Sydney=Sydney(place city)", "New South Wales=New South Wales(place region)"]),
        ("The Pacific Mail Steamship Company receive $500,000 per annum for conveying a monthly mail between San Francisco, Japan, "
            + "and China.", ["San Francisco=San Francisco(place city)", "Japan=Japan(actor state)", "Japan=Japan(place country)",
                             "China=China(actor state)", "China=China(place country)"]),
        ("Talks were held in Paris, France.",
         ["Paris=Paris(place city)", "France=France(actor state)", "France=France(place country)"]),
    ])
    func aTownBeforeAnotherRegionIsNotTheFamousCity(_ sentence: String, _ expected: [String]) {
        let c = analyze(sentence)
        let places = c.mentionList(in: String(sentence.prefix(15))).filter { $0.kind == .place || $0.type == "state" }
        #expect(places.map { "\($0.text)=\($0.name)(\($0.kind) \($0.type))" } == expected)
    }

    /// Agencies' month abbreviations are dates: no person "Jan", no place "Aug" or "Dec"; a first name "Jan" before a surname
    /// is still a person.
    @Test(arguments: [
        ("The prime minister already asked the governor general to dissolve the current parliament by Feb. 26.", []),
        ("The riot on Jan. 6 shocked the nation, and the report came out in Aug. and again in Dec. 2020.", []),
        ("Since Jan 1, prices have risen by Sept. 30 in every state.", []),
        ("Jan Egeland said aid was needed.", ["Jan Egeland=Jan Egeland(actor person)"]),
    ])
    func monthAbbreviationsAreNoNames(_ sentence: String, _ expected: [String]) {
        let c = analyze(sentence)
        #expect(NamesTests.found(c, in: String(sentence.prefix(15))) == expected)
    }

    /// A discovered body that holds a state's name or nationality word names the state only when it is one of the state's
    /// organs and the state opens its name ("Syrian Army", "CAR Ministry of Mines"), not a monitor, rebels or a federation.
    @Test(arguments: [
        ("The Syrian Observatory for Human Rights said 20 people were killed.", ["Syrian Observatory for Human Rights"]),
        ("The Free Syrian Army advanced on Aleppo.", ["Free Syrian Army", "Aleppo"]),
        ("The Egyptian Football Association fined him.", ["Egyptian Football Association"]),
        ("The Syrian Army advanced on Aleppo.", ["Syria", "Syrian Army", "Aleppo"]),
        ("The CAR Ministry of Mines said so.", ["Central African Republic", "CAR Ministry of Mines"]),
        ("Thanks are due to the Imperial Russian Government for the kindly aid rendered by its authorities in eastern Siberia.",
         ["Imperial Russian Government", "Russia", "Siberia"]),
        ("On the 24th the first serious engagement took place, in which the First and Tenth Cavalry and the First United States "
            + "Volunteer Cavalry, General Young's brigade of General Wheeler's division, participated, losing heavily.",
         ["Tenth Cavalry", "United States", "United States Volunteer Cavalry", "Young", "Wheeler"]),
    ])
    func aStateInsideABodyCountsOnlyForItsOrgans(_ sentence: String, _ expected: [String]) {
        let c = analyze(sentence)
        #expect(NamesTests.named(c, in: String(sentence.prefix(15))) == expected, "\(NamesTests.found(c, in: String(sentence.prefix(15))))")
    }

    /// A name the discovery ran through "the" keeps the state it opens with when a governing organ follows: "in the island of
    /// Cuba the War Department" still names Cuba (1899 address).
    @Test func aStateBeforeTheAndAnOrganStays() {
        let sentence = "For the relief of the distressed in the island of Cuba the War Department has issued supplies to destitute "
            + "persons through the officers of the Army."
        #expect(NamesTests.named(analyze(sentence), in: "For the relief").contains("Cuba"))
    }

    /// A club named by its town is one organisation, no mention of the town or its state.
    @Test(arguments: [
        ("Panaji (Goa) [India], March 8 (ANI): Jamshedpur FC won their first Indian Super League (ISL) Winner's Shield after a "
            + "gritty 1-0 win over ATK Mohun Bagan at the PJN Stadium, Goa on Monday.", "Jamshedpur FC", ["Jamshedpur"]),
        ("This result means that the Men of Steel will face Kerala Blasters FC over two legs in the semi-finals.",
         "Kerala Blasters FC", ["Kerala", "Blasters FC"]),
        ("Real Madrid beat Manchester United in the final.", "Real Madrid", ["Spain", "Madrid", "Manchester"]),
        ("Real Madrid beat Manchester United in the final.", "Manchester United", ["Spain", "Madrid", "Manchester"]),
    ])
    func aClubNamedByItsTownIsOneOrganisation(_ sentence: String, _ club: String, _ absent: [String]) {
        let c = analyze(sentence)
        let found = c.mentionList(in: String(sentence.prefix(15)))
        #expect(found.contains { $0.name == club && $0.type == "organisation" }, "\(NamesTests.found(c, in: String(sentence.prefix(15))))")
        for name in absent { #expect(!found.contains { $0.name == name }, "\(name)") }
    }
}

/// Acronyms and firms as business and election news write them.
@Suite("Acronyms and firms on real news")
struct RealNewsFirmsTests {
    /// An acronym the document spells out is that name there and later in the document, whatever the lexicon says; and the
    /// words it spells out are one name. A name the lexicon knows whole keeps its own acronym.
    @Test(arguments: [
        ("Published: 2018-02-11\n\nThe Antigua Labour Party (ALP) won 15 seats. The ALP leader spoke.", "The Antigua", "The ALP leader",
         "Antigua Labour Party"),
        ("The Australian Labor Party (ALP) won the seat. The ALP leader spoke.", "The Australian", "The ALP leader", "Labor"),
    ])
    func anAcronymTheDocumentDefinesWins(_ text: String, _ defining: String, _ later: String, _ entity: String) {
        let c = analyze(text)
        #expect(NamesTests.named(c, in: defining) == [entity], "\(NamesTests.found(c, in: defining))")
        #expect(NamesTests.named(c, in: later) == [entity], "\(NamesTests.found(c, in: later))")
    }

    /// A firm told by its ticker or by a word for a kind of firm is a company, the ticker is no body of its own, and the firm's
    /// name alone names it through the document (Reuters, 20 April 2016; Dow Jones, 26 February 2010).
    @Test func firmsToldByTickersAndKinds() {
        let c = analyze("""
            (Reuters) – Abbott‘s (NYSE:ABT) chief executive said on Wednesday it would not be appropriate to comment on whether \
            the company was committed to buying diagnostics company Alere (NYSE:ALR), fueling speculation the deal might not close.

            Buying Massachusetts-based Alere would allow Illinois-based Abbott to become the leader in point-of-care diagnostic testing.

            Shares of Diamond Foods Inc. (DMND) dropped 10% Friday, a day after the snack-nuts producer announced a major acquisition.
            """)
        let first = c.mentionList(in: "(Reuters)")
        #expect(first.contains { $0.name == "Abbott" && $0.type == "company" }, "\(NamesTests.found(c, in: "(Reuters)"))")
        #expect(first.contains { $0.name == "Alere" && $0.type == "company" })
        #expect(!first.contains { $0.name == "ABT" || $0.name == "ALR" })
        #expect(NamesTests.named(c, in: "Buying") == ["Massachusetts", "Alere", "Illinois", "Abbott"], "\(NamesTests.found(c, in: "Buying"))")
        #expect(c.mentionList(in: "Shares of").filter { $0.text == "DMND" }.map(\.type) == ["company"], "\(NamesTests.found(c, in: "Shares of"))")
    }
}
