import Testing
@testable import DossierCore

/// Names in genres nobody tuned for (issue 13; tester15's items 4, 5, 6, 24, 27, 28, 36, 41, 42): health and science agencies
/// and their acronyms, court cases and courts, a person's later title and surname, states named as their cities, diseases
/// named after places. The sentences are from the tester's real corpora (CDC statements and telebriefings, The New Republic,
/// an editorial, the City of Birmingham, a Supreme Court opinion of 1957, science news) or written as such news writes.
@Suite("Names in courts, health and science news")
struct GenreNamesTests {
    /// The entities a sentence names, in order, each once: the text, and the start of the sentence asked about.
    @Test(arguments: [
        // Agencies: the lexicon's, by name and acronym, and discovered across "and" before a body's head word.
        ("Published: 2018-07-24\n\nThe U.S. Centers for Disease control and Prevention (CDC) commends the dedicated efforts of the Democratic "
            + "Republic of Congo (DRC) Ministry of Public Health and partners. CDC is working with state and local health departments.",
         "CDC is working", ["Centers for Disease Control and Prevention"]),
        ("The Food and Drug Administration on Friday approved the vaccine, and the NIH funded the trial.", "The Food",
         ["Food and Drug Administration", "National Institutes of Health"]),
        ("The NHS struggled through the winter.", "The NHS", ["National Health Service"]),
        ("The Substance Abuse and Mental Health Services Administration released the survey on Tuesday.", "The Substance",
         ["Substance Abuse and Mental Health Services Administration"]),
        ("Republicans and Democrats agreed on the bill.", "Republicans", ["Republicans", "Democrats"]),
        ("For this reason we are to be congratulated upon the success of the field maneuvers at Manassas last fall, maneuvers in which a "
            + "larger number of Regulars and National Guard took part than was ever before assembled together in time of peace.", "For this",
         ["Manassas", "National Guard"]),
        // A title before a surname, and a surname of two parts, is the person named in full before.
        ("Published: 2015-01-29\n\nWe are joined by Dr. Anne Schuchat, the assistant surgeon general. Dr. Schuchat will provide opening "
            + "remarks before taking your questions.", "Dr. Schuchat will", ["Anne Schuchat"]),
        ("Mayor William Bell said the compromise was fair. “We appreciate all the work by everyone involved,” Mayor Bell continued.",
         "“We appreciate", ["William Bell"]),
        ("Gabriela Oyelaran-Mbeki chaired the panel. Oyelaran-Mbeki said the data were clear.", "Oyelaran-Mbeki said",
         ["Gabriela Oyelaran-Mbeki"]),
        ("Paul Harlan chaired the panel. Tony Harlan said the data were clear.", "Tony Harlan", ["Tony Harlan"]),
        ("North Korean leader Kim Jong Un oversaw the launch, state media said. Kim called it a success.", "Kim called", ["Kim Jong Un"]),
        // An acronym between commas is defined as one in parentheses is.
        ("Published: 2018-02-11\n\nHis Antigua Labour Party, ALP, has 15 seats. The ALP leader spoke.", "The ALP leader", ["Antigua Labour Party"]),
        // Court cases are one name; a party alone names the case later; two states are a match, not a case.
        ("One of the most influential dissents in history was Justice John Marshall Harlan’s dissent in Plessy v. Ferguson in 1896. "
            + "The majority in Plessy upheld the “separate but equal” doctrine.", "The majority", ["Plessy v. Ferguson"]),
        ("The three liberal justices did just that in Friday’s decision in Dobbs v. Jackson Women’s Health Organization.", "The three",
         ["Dobbs v. Jackson Women’s Health Organization"]),
        ("In Olmstead v. US in 1928, Justice Louis Brandeis wrote an important dissent still being cited in jurisprudence.", "In Olmstead",
         ["Olmstead v. US", "Louis Brandeis"]),
        ("Planned Parenthood v. Casey was decided in 1992. The court overruled Roe and Casey.", "The court", ["Planned Parenthood v. Casey"]),
        ("Australia v. South Africa was washed out.", "Australia v.", ["Australia", "South Africa"]),
        // Courts keep their ordinal and district; the places inside are no mentions.
        ("The 9th Circuit Court of Appeals ruled on Tuesday. The Ninth Circuit had reversed before.", "The Ninth", ["Ninth Circuit"]),
        ("The 5th Circuit Court of Appeals disagreed.", "The 5th", ["Fifth Circuit"]),
        ("The Judicial Council reports that two more circuit judges are needed in the Circuit Court of Appeals of the Eighth Circuit.",
         "The Judicial", ["Judicial Council", "Eighth Circuit"]),
        ("The U.S. District Court for the Southern District of New York dismissed the case.", "The U.S.",
         ["United States", "U.S. District Court for the Southern District of New York"]),
        ("Prosecutors in the Manhattan District Attorney's Office charged him.", "Prosecutors", ["Manhattan District Attorney's Office"]),
        // States named as their cities.
        ("An outbreak of mumps, which began in a summer camp in Upstate New York last summer, has now grown to include 1,521 cases in New "
            + "York City (predominantly Brooklyn), New Jersey, and two counties in Upstate New York.", "An outbreak",
         ["New York State", "New York", "Brooklyn", "New Jersey"]),
        ("The plant is in Rochester, New York, near the lake.", "The plant", ["Rochester", "New York State"]),
        ("She moved to Seattle, Washington.", "She moved", ["Seattle", "Washington State"]),
        ("A jury in Brunswick, Georgia, convicted the three men of murder.", "A jury", ["Brunswick", "Georgia (U.S. state)"]),
        ("The talks in Tbilisi, Georgia, ended without a deal.", "The talks", ["Tbilisi", "Georgia"]),
        ("Troops moved through Armenia, Georgia, and Azerbaijan.", "Troops", ["Armenia", "Georgia", "Azerbaijan"]),
        ("Charles S. Sures, Washington, D. C., on the brief, for appellant.", "Charles", ["Charles S. Sures", "United States", "Washington"]),
        // Diseases named after places name no place; an acronym before one still does.
        ("The Spanish flu killed millions, and cases of German measles fell.", "The Spanish", []),
        ("West Nile virus cases rose in Texas.", "West Nile", ["Texas"]),
        ("Middle East respiratory syndrome returned to Saudi Arabia.", "Middle East", ["Saudi Arabia"]),
        ("The Guinea worm is nearly eradicated.", "The Guinea", []),
        ("Thank you for joining us on the briefing on the U.S. measles outbreak.", "Thank you", ["United States"]),
        ("In further effort to prevent the invasion of the United States by yellow fever, a systematic bacteriological investigation "
            + "should be made.", "In further", ["United States"]),
        ("The regulations of 1892 concerning Texas fever have been enforced during the last year.", "The regulations", []),
        // A name's head word types it, and a place inside it is no mention.
        ("The Niger Delta is polluted.", "The Niger", ["Niger Delta"]),
        ("The Panama Papers leaked.", "The Panama", ["Panama Papers"]),
    ])
    func namesOfTheseGenres(_ text: String, _ sentence: String, _ expected: [String]) {
        let c = analyze(text)
        #expect(NamesTests.named(c, in: sentence) == expected, "\(NamesTests.found(c, in: sentence))")
    }

    /// "and" before a name of its own, after a connector or between words glued by hyphens holds no name together.
    @Test(arguments: [
        ("The assumption that because in the organization of the Territories of Nebraska and Kansas Congress abstained from imposing "
            + "restraints upon them, disorders occurred, is emphatically contradicted.", "Territories of Nebraska and Kansas Congress"),
        ("The coast signal service was established, and the Life-Saving and Light-House services cooperated.", "Life-Saving and Light-House"),
        ("Members of the Reserve and National Guard were activated under the Act of this Congress.", "Reserve and National Guard"),
    ])
    func andJoinsNoNameHere(_ sentence: String, _ joined: String) {
        let c = analyze(sentence)
        #expect(!NamesTests.named(c, in: String(sentence.prefix(10))).contains(joined), "\(NamesTests.found(c, in: String(sentence.prefix(10))))")
    }

    /// What the names of these genres are: a case, a court, an office, a telescope, leaked papers.
    @Test(arguments: [
        ("In Marbury v. Madison the court ruled.", "Marbury v. Madison", "case"),
        ("The Ninth Circuit reversed.", "Ninth Circuit", "organisation"),
        ("Prosecutors in the Manhattan District Attorney's Office charged him.", "Manhattan District Attorney's Office", "organisation"),
        ("NASA launched its $10 billion James Webb Space Telescope Saturday in a flagship mission.", "James Webb Space Telescope", "facility"),
        ("The Panama Papers leaked.", "Panama Papers", "work"),
    ])
    func typedByWhatTheyAre(_ sentence: String, _ name: String, _ type: String) {
        let c = analyze(sentence)
        let found = c.mentionList(in: String(sentence.prefix(10)))
        #expect(found.filter { $0.name == name }.map(\.type) == [type], "\(NamesTests.found(c, in: String(sentence.prefix(10))))")
    }

    /// A disease's head words are data a user extends: `disease WORD` lines of a names file.
    @Test func diseaseHeadWordsAreData() {
        var lists = NameLists()
        let diagnostics = lists.add(text: "# heads\ndisease flu\ndisease  fever\n", file: "x.names")
        #expect(diagnostics.isEmpty)
        #expect(lists.diseases == [Array("flu".utf8), Array("fever".utf8)])
    }
}
