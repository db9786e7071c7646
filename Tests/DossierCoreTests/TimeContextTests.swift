import Testing
@testable import DossierCore
import DossierTime

/// A time carried from an earlier sentence holds only while the story does, and a dateline dates the document.
@Suite("Time context")
struct TimeContextTests {
    static let dated = "doc doc.txt\n  date: 2021-02-10\n"

    @Test(arguments: [
        // "Now" (and its kin) speaks of the publication date, not of the year carried from before.
        ("French troops withdrew in 2016. Now, the European Union is running a training program.",
         "Now, the European", "2021-02-10", TimeBasis.document),
        ("French troops withdrew in 2016. The EU currently trains the army.", "The EU currently", "2021-02-10", .document),
        ("French troops withdrew in 2016. The EU currently trains the army. It pays the wages.", "It pays", "2021-02-10", .document),
        ("French troops withdrew in 2016. At present the EU trains the army.", "At present", "2021-02-10", .document),
        // Reported speech keeps the time of the saying.
        ("The briefing was held yesterday. Harf said the US currently favoured the mission.", "Harf said",
         "2021-02-09", .context),
        // Without such a word the time carries on.
        ("French troops withdrew in 2016. The EU stayed.", "The EU stayed", "2016", .context),
        // Consecutive years joined by "and" are one span, carried as such.
        ("In 2019 and 2020 the price rose. It then fell.", "It then fell", "2019..2020", .context),
        // Real sentences: a later time of its own replaces the carried one; "nowadays" ends it.
        ("Wheat exports collapsed in 2014 after the annexation of Crimea. In March 2018 the ministry lifted the quota. Farmers sold their stock.",
         "Farmers sold", "2018-03", .context),
        ("The mine was opened by a Belgian company in 1956. Nowadays, it employs 4,000 people from the surrounding villages.",
         "Nowadays", "2021-02-10", .document),
        ("The festival was first held during Diwali 2019. It drew thousands of visitors.", "It drew", "2019-10-27", .context),
        ("In 2019 and 2020 the price rose. It then fell.", "In 2019 and", "2019..2020", .explicit),
        ("Over the past five years exports doubled.", "Over the past", "2016..2020", .explicit),
        // A date that says which event a noun is dates its sentence, but is not the story's time (AP, 7 June 1999).
        ("The Aug. 7, 1998, bombings killed more than 200 people, including 12 Americans. It is the largest reward the government has ever offered for a fugitive.",
         "It is the largest", "2021-02-10", .document),
        ("The Aug. 7, 1998, bombings killed more than 200 people, including 12 Americans.", "The Aug. 7", "1998-08-07", .explicit),
        ("Bin Laden and Kopp replace two former Libyan intelligence agents charged in the Dec. 21, 1988, bombing of Pan Am Flight 103. The two were removed from the list after Libyan leader Moammar Gadhafi agreed in April to hand them over for trial.",
         "The two were", "2020-04", .explicit),
        ("Security was tightened after the Sept. 11 attacks. Airlines screen every bag.", "Airlines screen", "2021-02-10", .document),
        // Within a month of the publication date such an event is the story's, and its time carries.
        ("The Feb. 3 vote was delayed by the electoral commission. Voters stayed home.", "Voters stayed", "2021-02-03", .context),
        // "Since then" speaks of the time from the carried one up to the publication date, and ends the carried time
        // (AP, 22 January 1999: the FBI's most wanted list).
        ("The FBI's most wanted list began in 1950. Since then, 427 fugitives have been taken into custody.",
         "Since then", "1950-01-01..2021-02-10", .context),
        ("The FBI's most wanted list began in 1950. Since then, 427 fugitives have been taken into custody. Seven were women.",
         "Seven were", "2021-02-10", .document),
        ("The FBI's most wanted list began in 1950. Ever since that time the list has been public.",
         "Ever since", "1950-01-01..2021-02-10", .context),
        ("The FBI's most wanted list began in 1950. The sincerest thanks went to then-director Hoover.", "The sincerest", "1950", .context),
        // Not before a noun: the time carries.
        ("On Aug. 7, 1998, bombs exploded at two embassies. Hundreds were injured.", "Hundreds were", "1998-08-07", .context),
        // What is to come lies after the publication date, not in the year the story told of before it; what is past
        // takes that year.
        ("Warnock won the seat in a special election in 2020. The Dec. 4 runoff will decide who holds it.", "The Dec. 4",
         "2021-12-04", .explicit),
        ("Warnock won the seat in a special election in 2020. The Dec. 4 runoff decided who held it.", "The Dec. 4",
         "2020-12-04", .explicit),
    ] as [(String, String, String, TimeBasis)])
    func contextHoldsWhileTheStoryDoes(_ text: String, _ needle: String, _ label: String, _ basis: TimeBasis) {
        let c = analyze(text + "\n", manifest: Self.dated)
        #expect(CorpusTimeTests.time(c, needle) == (label, basis))
    }

    /// A time carried from an earlier sentence holds only in sentences that go on with the story in the past tense: not in a
    /// statement of the present, a plan, a question or a call (tester13 items 10, 24, 31: State of the Union addresses,
    /// the bundled article of 2022, a news story of 10 November 2022), whose own day without a year is placed from the
    /// publication date; a sentence in the present also ends the story's time.
    @Test(arguments: [
        ("This Department was created--just 40 years ago--to serve the entire Nation. It must aid, for example, employers and employees alike in improving training programs that will develop skilled and competent workers. It must enjoy the confidence and respect of labor and industry in order to play a significant role in the planning of America's economic future.",
         "1953", "It must enjoy", "1953", TimeBasis.document),
        ("This Department was created--just 40 years ago--to serve the entire Nation. It must aid, for example, employers and employees alike.",
         "1953", "This Department", "1913", .explicit),
        ("Fourteen years have passed since the publication predicting the growing potential for conflict and instability in 2025 and these predictions seem to be valid (NIC 2008). Thus, it might be expected that uncertainty will rise with more potential seats of conflict.",
         "2022", "Thus, it might", "2022", .document),
        ("Will we in this country adapt our thinking to these new prospects? The Congress met in 1961. Did it act in time?",
         "1962", "Did it act", "1962", .document),
        ("The Congress met in 1961. Let us pray that leaders of the future will keep the nation strong.", "1962", "Let us pray", "1962", .document),
        ("The firm, Acme Inc., grew 5 pct. vs. last year. He lives at No. 10 Downing St. in London. The vote is Nov. 8.",
         "2022-11-10", "The vote is", "2022-11-08", .explicit),
        ("The firm, Acme Inc., grew 5 pct. vs. last year. He lives at No. 10 Downing St. in London.",
         "2022-11-10", "He lives", "2022-11-10", .document),
        ("The last Republican governor was elected in 1982, and Kotek was favored. Georgia law could yield a Dec. 4 runoff.",
         "2022-11-10", "Georgia law", "2022-12-04", .explicit),
        // The present ends the story's time: a past sentence after it is not told of 2016.
        ("French troops withdrew in 2016. The EU is training the army. Its officers stayed.", "2021-02-10", "Its officers",
         "2021-02-10", .document),
        // The story goes on in the past, and a day without a year takes its year.
        ("The last Republican governor was elected in 1982, and Kotek was favored. Biden visited Oregon in October.",
         "2022-11-10", "Biden visited", "1982-10", .explicit),
        ("The two were removed from the list in 1999. Their lawyers appealed.", "2021-02-10", "Their lawyers", "1999", .context),
        // "the next year", "the previous year" count from the story's time, as "the following year" does; without the
        // article, or in a sentence of the future, from the publication date (tester14 item 24).
        ("In 1990 she married. The next year she divorced.", "2020-05-01", "The next year", "1991", .explicit),
        ("In 2016 he was elected. He died the next year.", "2020-05-01", "He died", "2017", .explicit),
        ("In 2016 he was elected. The previous year he had lost.", "2020-05-01", "The previous year", "2015", .explicit),
        ("On March 3, 2011 the plant closed. It reopened the next month.", "2020-05-01", "It reopened", "2011-04", .explicit),
        ("In 2016 he was elected. He resigned the following year.", "2020-05-01", "He resigned", "2017", .explicit),
        ("In 1990 she married. The next year will be hard.", "2020-05-01", "The next year", "2021", .explicit),
        ("In 1990 she married. She divorced last year.", "2020-05-01", "She divorced", "2019", .explicit),
        // A year counted from the story's does not place the next one: a report comparing "the year" with "the previous
        // year" sentence after sentence (State of the Union, 1873) does not step back a year at each.
        ("In 1872 receipts rose. Sales fell the previous year. Prices rose the previous year too.",
         "1873-12-01", "Prices rose", "1871", .explicit),
        // Figures set against the year before: the publication's year before, as a report means it (1894).
        ("The total number of national banks on the 31st day of October, 1893, was 3,756. The capital stock was $9,678,491 less than at the same time in the previous year.",
         "1894-12-03", "The capital stock", "1893", .explicit),
        ("The total number of national banks on the 31st day of October, 1893, was 3,756. The amount imported was $72,449,119, as against $21,174,381 during the previous year.",
         "1894-12-03", "The amount imported", "1893", .explicit),
    ] as [(String, String, String, String, TimeBasis)])
    func aCarriedTimeHoldsOnlyInTheStorysTense(_ text: String, _ date: String, _ needle: String, _ label: String, _ basis: TimeBasis) {
        let c = analyze(text + "\n", manifest: "doc doc.txt\n  date: \(date)\n")
        #expect(CorpusTimeTests.time(c, needle) == (label, basis))
    }

    /// "since" and a time in a sentence of the present is what the sentence tells of from that time up to the publication
    /// date (tester15 item 33), as "since then" is; the time expression itself still names its year. After "had" the span
    /// ends at a time of the story the words do not say, so the year alone is kept.
    @Test(arguments: [
        ("Unemployment has fallen since 2016.", "2021-06-01", "2016-01-01..2021-06-01"),
        ("She has lived in Paris since 2002.", "2021-06-01", "2002-01-01..2021-06-01"),
        ("The law has applied since January.", "2021-06-01", "2021-01-01..2021-06-01"),
        ("CDC has had a presence in DRC since 2002.", "2018-03-01", "2002-01-01..2018-03-01"),
        ("Since 1985, nearly 200 Israeli soldiers have been killed fighting Hezbollah.", "1998-03-01", "1985-01-01..1998-03-01"),
        ("Kopp had been arrested in several states since 1990 for protesting abortion.", "1999-05-06", "1990"),
        ("Unemployment fell in 2016.", "2021-06-01", "2016"),
    ])
    func sinceATimeRunsToThePublication(_ text: String, _ date: String, _ label: String) {
        let c = analyze(text + "\n", manifest: "doc doc.txt\n  date: \(date)\n")
        #expect(CorpusTimeTests.time(c, String(text.prefix(12))) == (label, .explicit))
    }

    /// A span counted from the publication date yields to a time the sentence states after it; one before it is a point
    /// of comparison, one inside it a detail (State of the Union addresses of 1974, 1828 and 1873).
    @Test(arguments: [
        ("Farm production has reached new record levels in each of the last three years, and a new record harvest should be forthcoming in 1974.",
         "1974-01-30", "1974"),
        ("The increase of revenue within the last 5 years has been nearly equal to the whole revenue of the Department in 1812.",
         "1828-12-02", "1823..1827"),
        ("During the last four years the currency has been contracted by the withdrawal of certificates outstanding on the 4th of March, 1869.",
         "1873-12-01", "1869..1872"),
    ])
    func aNamedTimeOutweighsASpan(_ text: String, _ date: String, _ label: String) {
        let c = analyze(text + "\n", manifest: "doc doc.txt\n  date: \(date)\n")
        #expect(CorpusTimeTests.time(c, String(text.prefix(12))) == (label, .explicit))
    }

    /// A document dated only by its year (a State of the Union address named `1975.txt`): a day without a year may
    /// lie in that year or the one before (the one after, spoken of as to come), so the sentence keeps the
    /// document's year (not a span of two); a year carried in the paragraph places it.
    @Test(arguments: [
        ("On September the 11th our country was attacked.", "On September", "2002", TimeBasis.document),
        ("In 2001 the towers fell. On September the 11th our country was attacked.", "On September", "2001-09-11", .explicit),
        ("The Congress will reconvene on the 4th of March.", "The Congress", "2002", .document),
    ])
    func dayWithoutAYearInADocumentDatedByItsYear(_ text: String, _ needle: String, _ label: String, _ basis: TimeBasis) {
        let c = analyze(text + "\n", manifest: "doc doc.txt\n  date: 2002\n")
        #expect(CorpusTimeTests.time(c, needle) == (label, basis))
    }

    @Test func paragraphBreakEndsTheContext() {
        let c = analyze("In 2016 the French left.\n\nThe Russians came.\n", manifest: Self.dated)
        #expect(CorpusTimeTests.time(c, "The Russians came") == ("2021-02-10", .document))
    }

    @Test(arguments: [
        ("BANGUI, 2 May 2022 — The government of the Central African Republic said on Monday that it had signed an agreement with the rebels after three weeks of talks in the capital.\n",
         "2022-05-02"),
        ("PARIS, Oct. 2, 2019 (AFP) - France will send more troops to the Sahel, the defence ministry said in a statement released late in the evening after a cabinet meeting.\n",
         "2019-10-02"),
        ("KYIV, March 3, 2022 (AP) — Russian forces pressed their attack on the port city of Mariupol on Thursday as talks between the two sides resumed in Belarus.\n",
         "2022-03-03"),
        // A date inside a long first sentence is not a dateline.
        ("The government of the Central African Republic said that on 2 May 2022 it had signed an agreement with the rebels after three weeks of talks.\n",
         nil),
        ("Mali, 2 May 2022 — the government of the country said it had signed an agreement with the rebels after three weeks of talks in the capital city of Bamako.\n",
         nil),
    ] as [(String, String?)])
    func datelineOfALongLede(_ text: String, _ label: String?) {
        let c = analyze(text, name: "lede.txt")
        #expect(c.documents.first?.date?.label == label)
        #expect(c.documents.first?.dateSource == (label == nil ? .unknown : .dateline))
    }

    @Test func datelineAnchorsTheLede() {
        let c = analyze("BANGUI, 2 May 2022 — The government of the Central African Republic said on Monday that it had signed an agreement with the rebels after three weeks of talks in the capital.\n",
                        name: "lede.txt")
        #expect(CorpusTimeTests.time(c, "BANGUI") == ("2022-05-02", .explicit))
        // "on Monday" is the sentence's time; the dateline's date is the document's.
        #expect(c.times.map(c.rule(of:)) == ["relative-weekday"])
        let monday = c.times.first { c.rule(of: $0) == "relative-weekday" }
        #expect(monday?.period.label == "2022-05-02")
    }
}
