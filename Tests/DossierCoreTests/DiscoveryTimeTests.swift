import Testing
@testable import DossierCore
import DossierTime

@Suite("Name discovery")
struct NameDiscoveryTests {
    static func discovered(_ c: Corpus, in needle: String) -> [(String, String)] {
        c.mentionList(in: needle).filter { $0.rule == .discovered }.map { ($0.name, $0.type) }
    }

    @Test(arguments: [
        ("This follows from the press briefing at State, where Deputy Spokesperson Marie Harf said the United States would not help.", "Marie Harf", "person"),
        ("Following the launch of France’s Operation Serval in Mali in January, the US launched Operation Desert Lantern to support the deployment.", "Operation Desert Lantern", "operation"),
        ("Speaking at a press conference on Friday, Jean-Paul Okonkwo said it was critical.", "Jean-Paul Okonkwo", "person"),
        ("The diamonds were sold through Kossa Mining Company in Bangui.", "Kossa Mining Company", "company"),
        ("The rebels of the Patriotic Front for Renewal attacked the town.", "Patriotic Front for Renewal", "armed or political group"),
    ])
    func findsUnknownNames(_ sentence: String, _ name: String, _ type: String) {
        let c = analyze(sentence)
        let found = Self.discovered(c, in: String(sentence.prefix(20)))
        #expect(found.contains { $0.0 == name && $0.1 == type }, "\(found)")
    }

    /// Head nouns first ("Coalition of ...", "School of ...") and plural heads ("Securities") are typed by their last word.
    @Test(arguments: [
        ("The leader of the Coalition of Patriots for Renewal asked for help.", "Coalition of Patriots for Renewal", "armed or political group"),
        ("She studied at the Higher School of Economics in the city.", "Higher School of Economics", "institution"),
        ("The diamonds were sold through Sewa Securities in Bangui.", "Sewa Securities", "company"),
    ])
    func headNounTypes(_ sentence: String, _ name: String, _ type: String) {
        let c = analyze(sentence)
        let found = Self.discovered(c, in: String(sentence.prefix(20)))
        #expect(found.contains { $0.0 == name && $0.1 == type }, "\(found)")
    }

    @Test func titlesAreStripped() {
        let c = analyze("This follows from the briefing, where Deputy Spokesperson Marie Harf said no.")
        let names = Self.discovered(c, in: "This follows").map(\.0)
        #expect(!names.contains { $0.contains("Deputy") || $0.contains("Spokesperson") })
    }

    @Test func sentenceInitialFunctionWordsAreNotPartOfNames() {
        let c = analyze("However Marie Harf said the United States would wait. Meanwhile Tomas Brandt left. The Kossa Mining Company closed.")
        let names = c.mentionList(in: "However").filter { $0.rule == .discovered }.map(\.name)
        #expect(names == ["Marie Harf"])
        let second = c.mentionList(in: "Meanwhile").filter { $0.rule == .discovered }.map(\.name)
        #expect(second == ["Tomas Brandt"])
        let third = c.mentionList(in: "Mining Company closed").filter { $0.rule == .discovered }.map(\.name)
        #expect(third == ["Kossa Mining Company"])
    }

    @Test func headingsAreNotMined() {
        let c = analyze("Conclusion Strewn With Pitfalls\n\nThe country chose a path of alliance with Russia, a bold but risky move.\n")
        #expect(!c.entities.contains { $0.isDiscovered && $0.name.contains("Pitfalls") })
    }

    @Test func surnameIsLinkedAfterFullName() {
        let c = analyze("Deputy Spokesperson Marie Harf spoke on Monday. In addition, Harf said the US favoured the mission. Later Harf told the press corps more.")
        let m = c.mentionList(in: "In addition, Harf said").first { $0.text == "Harf" }
        #expect(m?.name == "Marie Harf")
        #expect(m?.rule == .surname)
        let n = c.mentionList(in: "Later Harf told").first { $0.text == "Harf" }
        #expect(n?.name == "Marie Harf")
    }

    @Test func surnameIsNotLinkedAcrossDocuments() {
        let (c, _) = loadCorpus([("a.txt", "Deputy Spokesperson Marie Harf spoke on Monday."),
                                 ("b.txt", "In addition, Harf said the US favoured the mission.")])
        #expect(!c.mentionList(in: "In addition, Harf").contains { $0.name == "Marie Harf" })
    }

    @Test func seedDiscoveryFindsHarf() {
        let found = Self.discovered(Seeds.corpus, in: "Deputy Spokesperson Marie Harf")
        #expect(found.contains { $0.0 == "Marie Harf" && $0.1 == "person" })
        #expect(Seeds.corpus.names(in: "Harf told the press corps", .actor).contains("Marie Harf"))
    }
}

@Suite("Time through the corpus")
struct CorpusTimeTests {
    static func time(_ c: Corpus, _ needle: String) -> (String?, TimeBasis?) {
        guard let id = c.sentence(containing: needle) else { return ("<missing>", nil) }
        let s = c.sentences[Int(id)]
        return (c.time(of: s)?.label, s.basis)
    }

    @Test(arguments: [
        ("In May, now-Interim President Col. Assimi Goïta mounted", "2021-05", TimeBasis.explicit),
        ("Speaking to the press on Saturday, Maïga said", "2021-09-18", .explicit),
        ("French troops withdrew from the CAR in 2016", "2016", .explicit),
        ("The message was sent on January 11", "2021-01-11", .explicit),
        // "since" a year in a sentence of the present runs to the publication (2022).
        ("Since 2017, many sources", "2017..2022", .explicit),
        ("Fourteen years have passed since the publication", "2025", .explicit),
    ])
    func seedSentenceTimes(_ needle: String, _ label: String, _ basis: TimeBasis) {
        let (t, b) = Self.time(Seeds.corpus, needle)
        #expect(t == label, "\(needle)")
        #expect(b == basis, "\(needle)")
    }

    @Test func citationsNeverGiveTheTime() {
        let c = Seeds.corpus
        for id in 0..<Int32(c.sentences.count) {
            let s = c.sentences[Int(id)]
            guard s.basis == .explicit else { continue }
            let own = c.times(of: id).filter { !$0.isCitation }
            #expect(!own.isEmpty, "explicit time with only citations: \(c.text(of: id))")
        }
        // "(Hedenskog 2019)": the sentence says "since 2015", never 2019.
        let (t, _) = Self.time(c, "since 2015 Russia has signed")
        #expect(t != "2019")
    }

    @Test func citationOnlySentenceInheritsOrUsesDocumentDate() {
        let c = analyze("Russia is a partner of many states (Hedenskog 2019).\n", manifest: "doc doc.txt\n  date: 2022\n")
        let (t, b) = Self.time(c, "Russia is a partner")
        #expect(t == "2022")
        #expect(b == .document)
    }

    @Test func contextCarriesWithinAParagraphOnly() {
        let c = analyze("In 2016 the French left the CAR. The Russians came. They stayed.\n\nA new paragraph without a date.\n",
                        manifest: "doc doc.txt\n  date: 2022-03-01\n")
        #expect(Self.time(c, "The Russians came") == ("2016", .context))
        #expect(Self.time(c, "They stayed") == ("2016", .context))
        #expect(Self.time(c, "A new paragraph") == ("2022-03-01", .document))
    }

    /// A story of 15 March 2016 whose dates name no year: each takes the most recent such day on or before
    /// publication (the next after it when the sentence speaks of the future), not the year guessed for the one before.
    static let undatedDays = """
        On Sept. 11 the river rose. By Oct. 2 the town was empty. The hearing began Feb. 3. \
        A vote is planned for Dec. 24. Residents still remember Sept. 11, when the first warnings went out. \
        In 2014 the dam was built. On Feb. 3 it was opened.

        """

    @Test(arguments: [
        ("On Sept. 11 the river rose", "2015-09-11"),
        ("By Oct. 2 the town", "2015-10-02"),
        ("The hearing began Feb. 3", "2016-02-03"),
        ("A vote is planned for Dec. 24", "2016-12-24"),
        ("Residents still remember Sept. 11", "2015-09-11"),
        ("On Feb. 3 it was opened", "2014-02-03"),
    ])
    func guessedYearsDoNotCarry(_ needle: String, _ label: String) {
        let c = analyze(Self.undatedDays, manifest: "doc doc.txt\n  date: 2016-03-15\n")
        #expect(Self.time(c, needle) == (label, .explicit))
    }

    @Test func documentDates() {
        let seeds = Seeds.corpus.documents
        #expect(seeds.map { $0.date?.label } == ["2021-02", nil, "2022", "2013-12-06", "2021-09-20"])
        #expect(seeds.map(\.dateSource) == [.manifest, .unknown, .manifest, .manifest, .manifest])
    }

    @Test(arguments: [
        ("a.txt", "Mali Looks for Plan B\n23:47 GMT 20.09.2021 (Updated: 17:06 GMT 20.04.2023)\n\nThe troops left Mali.\n", "2021-09-20", DateSource.header),
        ("b.txt", "Some Title\nPublished: 2023-05-31\n\nThe troops left Mali.\n", "2023-05-31", .header),
        ("c.txt", "Some Title\nJune 14, 2023\n\nThe troops left Mali.\n", "2023-06-14", .header),
        // Minutes and e-mailed releases: a labelled date among other fields dates the document (tester16 #15).
        ("m.txt", "Published: 2021-05-03\nMinutes\nPresent: Tom Hill\nAbsent: Jane Doe\nThe council met on Monday.\n", "2021-05-03", .header),
        ("e.txt", "From: Press Office\nTo: Editors\nDate: 3 May 2021\nSubject: Council meeting\n\nThe council met.\n", "2021-05-03", .header),
        ("1963-Kennedy-1.txt", "We choose to go to the moon in this decade and do the other things.\n", "1963", .fileName),
        ("notes.txt", "We choose to go to the moon and do the other things.\n", nil, .unknown),
        // A file name's date is as precise as the name: a day written with its year, month and day, together or
        // apart; numbers that are no plausible year of a document (a count, a month and day) date nothing.
        ("2023-10-05-niger.txt", "Niger troops left on Tuesday.\n", "2023-10-05", .fileName),
        ("niger_20231005.txt", "Niger troops left on Tuesday.\n", "2023-10-05", .fileName),
        ("report_2019.03.txt", "Niger troops left on Tuesday.\n", "2019-03", .fileName),
        ("story-1999-2.txt", "Niger troops left on Tuesday.\n", "1999", .fileName),
        ("1999-13-31-x.txt", "Niger troops left on Tuesday.\n", "1999", .fileName),
        ("niger-sputnik-1005.txt", "Niger troops left on Tuesday.\n", nil, .unknown),
        ("top-1000-list.txt", "Niger troops left on Tuesday.\n", nil, .unknown),
        ("20231345-x.txt", "Niger troops left on Tuesday.\n", nil, .unknown),
    ] as [(String, String, String?, DateSource)])
    func documentDateFromText(_ name: String, _ text: String, _ label: String?, _ source: DateSource) {
        let c = analyze(text, name: name)
        #expect(c.documents.first?.date?.label == label)
        #expect(c.documents.first?.dateSource == source)
    }

    /// A first line that is only a date with its label ("Published: 2020-11-03") dates the document but is not its
    /// title; a short dated first sentence still is its title, and dates only itself.
    @Test(arguments: [
        ("Published: 2020-11-03\n\nMarkets steady ahead of vote\n\nStocks rose.\n", "Markets steady ahead of vote", "2020-11-03"),
        ("23:47 GMT 20.09.2021\n\nMali Looks for Plan B\n\nThe troops left Mali.\n", "Mali Looks for Plan B", "2021-09-20"),
        ("On 2 May 2022 rebels attacked Bangui.\n\nThe army answered.\n", "On 2 May 2022 rebels attacked Bangui.", nil),
    ] as [(String, String, String?)])
    func aDateLineIsNoTitle(_ text: String, _ title: String, _ date: String?) {
        let c = analyze(text, name: "wire.txt")
        #expect(c.documents.first?.title == title)
        #expect(c.documents.first?.date?.label == date)
    }

    /// An e-mailed release is titled by its subject, and labelled fields are no title (tester18 #20i).
    @Test(arguments: [
        ("From: Press Office\nTo: Editors\nDate: 3 May 2021\nSubject: Council meeting on the budget\n\nThe council met.\n", "Council meeting on the budget"),
        ("Published: 2021-05-03\nAuthor: Tom Hill\n\nThe council met on Monday.\n", "The council met on Monday."),
        // A dateline or a label before running text is the lede, whose first sentence titles it (tester19 #21).
        ("WASHINGTON: The Senate passed the bill. It goes to the House next.\n", "WASHINGTON: The Senate passed the bill."),
        ("UPDATE: Police have named the victim. A man died in Bamako on Friday.\n", "UPDATE: Police have named the victim."),
    ])
    func fieldsAreNoTitle(_ text: String, _ title: String) {
        #expect(analyze(text, name: "release.txt").documents.first?.title == title)
    }

    @Test func manifestDateWinsOverHeader() {
        let c = analyze("Title\nPublished: 2023-05-31\n\nText here about Mali.\n", name: "m.txt", manifest: "doc m.txt\n  date: 2020-01\n")
        #expect(c.documents.first?.date?.label == "2020-01")
        #expect(c.documents.first?.dateSource == .manifest)
    }

    @Test func relativeDatesNeedADocumentDate() {
        // With no document date, "yesterday" cannot be resolved: no made-up time.
        let c = analyze("Yesterday the troops left Mali.\n", name: "undated.txt")
        #expect(Self.time(c, "Yesterday").0 == nil)
    }
}
