import Testing
@testable import DossierCore
import DossierTime

/// A document's date comes from its header or dateline, never from a date of its running text, and a dateline's date
/// is the document's, not an event of the sentence it opens.
@Suite("Publication date")
struct PublicationDateTests {
    @Test(arguments: [
        // Datelines as wires write them.
        ("BAMAKO, March 14, 2023 (Reuters) - Mali's transitional government said on Tuesday it had expelled the head of the United Nations human rights division, Guillaume Ngefa, accusing him of bias.\n",
         "2023-03-14", DateSource.dateline),
        ("N'DJAMENA, April 20, 2021 (AFP) - Chad's President Idriss Deby Itno, who ruled the country for three decades, has died of wounds sustained on the front line against rebels, the army said on Tuesday.\n",
         "2021-04-20", .dateline),
        ("WASHINGTON, 11/11/2019 — Russian political consultants linked to Prigozhin backed at least six candidates in Madagascar's 2018 presidential election.\n",
         "2019-11-11", .dateline),
        ("LONDON (Reuters), 14 March 2023 - Britain's foreign ministry summoned the Russian ambassador over the detention of a journalist.\n",
         "2023-03-14", .dateline),
        ("PORT-AU-PRINCE, Haiti, Oct. 2, 2019 (AP) — Protesters blocked roads across the capital for a third week.\n", "2019-10-02", .dateline),
        ("SÃO PAULO, Brazil, 2 May 2022 /PRNewswire/ -- Vale announced a new mine in Minas Gerais.\n", "2022-05-02", .dateline),
        ("ST. PETERSBURG, 27.07.2023 – Vladimir Putin told African leaders that Russia would ship grain free of charge.\n",
         "2023-07-27", .dateline),
        ("Berlin, 22.11.2022 (dpa) - Die Bundesregierung beschloss den Abzug der Bundeswehr aus Mali.\n", "2022-11-22", .dateline),
        ("ABUJA, 3 May 2023 (AFP/Reuters) - Nigeria's new president was sworn in.\n", "2023-05-03", .dateline),
        // As Indian and African papers and wires write them (tester17 #5): a colon, an agency between commas, the story
        // right after the agency.
        ("New Delhi, November 14, 2024: The Reserve Bank of India said on Tuesday it would keep rates unchanged.\n", "2024-11-14", .dateline),
        ("Lagos, Nigeria, 14th November 2024, ZEX PR WIRE, Nigeria's fintech week will open on 5 April 2025.\n", "2024-11-14", .dateline),
        ("Mumbai, Nov 14, 2024 (PTI) The Reserve Bank said on Tuesday it would keep rates unchanged.\n", "2024-11-14", .dateline),
        ("New Delhi, 14.11.2024: The Reserve Bank of India said on Tuesday it would keep rates unchanged.\n", "2024-11-14", .dateline),
        // Between dashes (tester18 #1).
        ("Abuja, Nigeria – November 14th, 2024 – The Central Bank said on Tuesday it would keep rates unchanged.\n", "2024-11-14", .dateline),
        // A headline's future date above a dateline lede.
        ("Mali to hold its referendum by June 2023\n\nBAMAKO, March 14, 2023 (Reuters) - Mali's government set a date for the vote.\n",
         "2023-03-14", .dateline),
        // Two datelines (a digest): the first dates the document.
        ("PARIS, 2 May 2022 (AFP) - France summoned the Russian ambassador.\n\nBERLIN, 4 May 2022 (Reuters) - Germany did the same.\n",
         "2022-05-02", .dateline),
        // Lines that are only a date, with a label, a place, a time or a byline.
        ("Germany to withdraw Bundeswehr from Mali by May 2024\n\nBerlin, 22.11.2022\n\nChancellor Olaf Scholz's government agreed on Tuesday to end the German contribution to MINUSMA.\n",
         "2022-11-22", .header),
        ("Niger coup: General Tchiani names himself head of state\n\nNIAMEY, Niger - 28 July 2023\n\nGeneral Abdourahamane Tchiani declared himself leader of Niger on Friday.\n",
         "2023-07-28", .header),
        ("Council of the European Union\nPress release 25 February 2023\n\nEU adopts sanctions against Wagner Group individuals in Sudan, Mali and the Central African Republic\n",
         "2023-02-25", .header),
        ("Gold, guns and guarantees: how security deals are paid for\n\nBy a staff correspondent, 18/05/2021\n\nLobaye Invest won mining permits in 2017.\n",
         "2021-05-18", .header),
        ("Mali Looks for Plan B\nLast updated on 20 September 2021 at 11:47 pm\n\nThe troops left Mali.\n", "2021-09-20", .header),
        // Web and wire date lines with their furniture: a writer after "by", a reading time, a clock time and its zone,
        // "on" after a label, ISO 8601 with its time (tester13 item 30: WordPress, Medium, the Washington Post, VOA, CNN).
        ("Headline about the vote\n\nPosted on 2022-11-08 by Jane Roe\n\nThe governor won on Tuesday.\n", "2022-11-08", .header),
        ("Headline about the vote\n\n8 November 2022 · 5 min read\n\nThe governor won on Tuesday.\n", "2022-11-08", .header),
        ("Headline about the vote\n\nNovember 8, 2022 at 11:40 p.m. EST\n\nThe governor won on Tuesday.\n", "2022-11-08", .header),
        ("Headline about the vote\n\nLast updated: 2022-11-08T23:40:00Z\n\nThe governor won on Tuesday.\n", "2022-11-08", .header),
        ("Headline about the vote\n\nUPDATED at 15:00UTC on 9 November 2022\n\nThe governor won on Tuesday.\n", "2022-11-09", .header),
        ("Headline about the vote\n\nPublished 3:14 PM EST, Thu November 10, 2022\n\nThe governor won on Tuesday.\n", "2022-11-10", .header),
        ("Headline about the vote\n\nUpdated: Nov. 10, 2022\n\nThe governor won on Tuesday.\n", "2022-11-10", .header),
        ("Headline about the vote\n\nBy ANN LEE | Nov 10, 2022\n\nThe governor won on Tuesday.\n", "2022-11-10", .header),
        ("Headline about the vote\n\nNov 8, 2022, 11:40 PM | Updated: Nov 10, 2022, 8:46 am\n\nThe governor won on Tuesday.\n", "2022-11-08", .header),
        // A byline ending with the site and the date after a slash, on its own line or with the byline (tester19 #15:
        // the Inquirer's).
        ("By: Nestor Corrales - Reporter / @NCorralesINQ\nINQUIRER.net / 05:12 PM March 14, 2018\n\nThe President spoke on Tuesday.\n",
         "2018-03-14", .header),
        ("Duterte at it again\n\nBy: Nestor Corrales - Reporter / @NCorralesINQ INQUIRER.net / 05:12 PM March 14, 2018\n\nMr. Duterte spoke on Tuesday.\n",
         "2018-03-14", .header),
        // Running text never dates the document: a headline, a lede's event, a last line, a list, a lone year.
        ("Read more / Elections in May 2024\n\nThe commission published the list of candidates.\n", nil, .unknown),
        ("Ministers met in Paris on Monday to discuss the budget.\n\nThe previous budget was passed in March 2019.\n", nil, .unknown),
        ("KYIV, Ukraine (AP) — Russia's Wagner Group claimed on Saturday, May 20, 2023, to have taken full control of Bakhmut after the longest battle of the war.\n\nThe battle began in August 2022.\n",
         nil, .unknown),
        ("KHARTOUM, Sudan (AP) — Fighters linked to the Wagner Group have been seen near gold mines in northern Sudan, three officials said Wednesday, June 7, 2023.\n\nThe Rapid Support Forces have fought the Sudanese army since April 15, 2023.\n",
         nil, .unknown),
        ("Elections in May 2024\n\nThe commission published the list of candidates.\n", nil, .unknown),
        ("Troops To Stay Until May 2024\n\nThe ministry confirmed the plan.\n", nil, .unknown),
        ("Elections On 9 May 2024\n\nThe commission published the list of candidates.\n", nil, .unknown),
        ("Posted by the army on 2022-11-08\n\nThe commission published the list of candidates.\n", nil, .unknown),
        ("Mali vote set for 4 June 2024\n\nThe junta confirmed the plan.\n", nil, .unknown),
        ("## Timeline\n\n- 2021-12: Wagner arrives in Mali.\n\n- 2022-02-24: Russia invades Ukraine.\n", nil, .unknown),
        ("2019\n\nThe army answered.\n", nil, .unknown),
        ("MOSCOW, Aug 23 (Reuters) - Yevgeny Prigozhin was on the passenger list of a private jet that crashed north of Moscow.\n", nil, .unknown),
        ("Mali, 2 May 2022 — the government of the country said it had signed an agreement with the rebels after three weeks of talks.\n",
         nil, .unknown),
        ("On 2 May 2022 rebels attacked Bangui.\n\nThe army answered.\n", nil, .unknown),
        // A masthead's founding, and a year OCR misread, date no page; the issue's own line does (tester20 #4).
        ("COMMENCED AUGUST 8, 1837.\n\nST. JOHNSBURY CALEDONIAN, WEDNESDAY, NOVEMBER 8, 1916\n\nThe election is over.\n", "1916-11-08", .header),
        ("Established 1901\n\nThe election is over.\n", nil, .unknown),
        ("WEDNESDAY, JANUARY 12, 1010.\n\nThe election is over.\n", nil, .unknown),
    ] as [(String, String?, DateSource)])
    func aDocumentIsDatedByItsHeaderOrDateline(_ text: String, _ label: String?, _ source: DateSource) {
        let c = analyze(text, name: "wire.txt")
        #expect(c.documents.first?.date?.label == label)
        #expect(c.documents.first?.dateSource == source)
    }

    /// Without a date in its header, a document's file name may date it; a headline's date does not come first.
    /// A wire's dateline without a year ("Mumbai, Nov 14 (PTI) The ..."), as Indian agencies write it, takes the file
    /// name's year and dates the document to the day, so the lede's "on Tuesday" is its own (tester18 #1); without an
    /// agency after it, such a day dates nothing.
    @Test(arguments: [
        ("Mumbai, Nov 14 (PTI) The Reserve Bank said on Tuesday it would keep rates unchanged.\n", "d-2024.txt", "2024-11-14", DateSource.dateline),
        ("Mumbai, Nov 14 (PTI) The Reserve Bank said on Tuesday it would keep rates unchanged.\n", "d.txt", nil, .unknown),
        ("Mumbai, Nov 14 - The Reserve Bank said on Tuesday it would keep rates unchanged.\n", "d-2024.txt", "2024", .fileName),
    ] as [(String, String, String?, DateSource)])
    func aDatelineWithoutItsYearTakesTheFileNames(_ text: String, _ name: String, _ label: String?, _ source: DateSource) {
        let c = analyze(text, name: name)
        #expect(c.documents.first?.date?.label == label)
        #expect(c.documents.first?.dateSource == source)
    }

    @Test func aHeadlineDateDoesNotOutrankTheFileName() {
        let c = analyze("Wagner to leave Mali by May 2024\n\nThe troops packed up.\n", name: "2021-brief.txt")
        #expect(c.documents.first?.date?.label == "2021")
        #expect(c.documents.first?.dateSource == .fileName)
    }

    /// The times a sentence keeps (labels of its time expressions) and its own time with its basis.
    static func times(_ c: Corpus, _ needle: String) -> [String] {
        guard let id = c.sentence(containing: needle) else { return ["<missing>"] }
        return c.times(of: id).map(\.period.label)
    }

    @Test(arguments: [
        ("WASHINGTON, 11/11/2019 — Consultants backed six candidates in the 2018 election in Madagascar.\n", "WASHINGTON",
         ["2018"], "2018", TimeBasis.explicit),
        // "on Tuesday" is read from the dateline's date, once.
        ("BAMAKO, March 14, 2023 (Reuters) - Mali's government said on Tuesday it had expelled the envoy.\n", "BAMAKO",
         ["2023-03-14"], "2023-03-14", .explicit),
        ("BANGUI, 2 May 2022 — The government said it had signed an agreement with the rebels.\n", "BANGUI", [], "2022-05-02", .document),
        ("Germany to withdraw Bundeswehr from Mali\n\nBerlin, 22.11.2022\n\nThe cabinet agreed.\n", "Berlin", [], "2022-11-22", .document),
        ("Mali Looks for Plan B\n23:47 GMT 20.09.2021 (Updated: 17:06 GMT 20.04.2023)\n\nThe troops left Mali.\n", "Updated", [],
         "2021-09-20", .document),
        // A second dateline dates its own item: it is not the document's.
        ("PARIS, 2 May 2022 (AFP) - France summoned the ambassador.\n\nBERLIN, 4 May 2022 (Reuters) - Germany did the same.\n", "BERLIN",
         ["2022-05-04"], "2022-05-04", .explicit),
    ] as [(String, String, [String], String, TimeBasis)])
    func aDatelinesDateIsNoEventOfItsSentence(_ text: String, _ needle: String, _ times: [String], _ label: String, _ basis: TimeBasis) {
        let c = analyze(text, name: "wire.txt")
        #expect(Self.times(c, needle) == times)
        #expect(CorpusTimeTests.time(c, needle) == (label, basis))
    }

    /// A dateline's date is kept apart even when a manifest dates the document.
    @Test func aManifestDateLeavesTheDatelineApart() {
        let c = analyze("WASHINGTON, 11/11/2019 — Consultants backed six candidates in the 2018 election.\n", name: "m.txt",
                        manifest: "doc m.txt\n  date: 2019-11\n")
        #expect(c.documents.first?.dateSource == .manifest)
        #expect(Self.times(c, "WASHINGTON") == ["2018"])
    }

    /// The date source names where the date was read: the page's markup, a collection's record, the manifest.
    @Test(arguments: [
        ("page.html", #"<html><head><meta property="article:published_time" content="2025-06-06T08:00:00Z"></head><body><article><h1>Wagner leaves Mali</h1><p>The last fighters flew out of Bamako.</p></article></body></html>"#,
         nil, "2025-06-06", DateSource.page),
        ("page.html", #"<html><body><article><h1>Wagner leaves Mali</h1><p>BAMAKO, 6 June 2025 (AFP) - The last fighters flew out of Bamako.</p></article></body></html>"#,
         nil, "2025-06-06", .dateline),
        ("page.html", #"<html><head><meta property="article:published_time" content="2025-06-06T08:00:00Z"></head><body><article><p>The last fighters flew out.</p></article></body></html>"#,
         "doc page.html\n  date: 2025-06-07\n", "2025-06-07", .manifest),
        ("news.jsonl", #"{"id": "a", "date": "2021-09-20T23:47:00Z", "text": "The troops left Mali."}"#, nil, "2021-09-20", .record),
        ("news.csv", "id,date,text\na,2021-09,The troops left Mali.\n", nil, "2021-09", .record),
    ] as [(String, String, String?, String, DateSource)])
    func theSourceNamesWhereTheDateWasRead(_ name: String, _ text: String, _ manifest: String?, _ label: String, _ source: DateSource) {
        let (c, _) = loadCorpus([(name, text)], manifest: manifest)
        #expect(c.documents.first?.date?.label == label)
        #expect(c.documents.first?.dateSource == source)
    }
}
