import Testing

/// Sentences taken from the corpus, with the meaning a reader would give them.
@Suite("Corpus sentences")
struct CorpusSentenceTests {
    static let examples: [Example] = [
        Example("On February 5, a message by CPC leader François Bozizé to Macron, containing the request for help, was leaked. The message was sent on January 11.",
                document: "2021-02", ["February 5 = 2021-02-05 month-day*", "January 11 = 2021-01-11 month-day*"]),
        Example("French troops withdrew from the CAR in 2016 after a two-year intervention", ["2016 = 2016 year"]),
        Example("the cooperation was officially established between the states and their representatives with its peak in December 2020.",
                ["December 2020 = 2020-12 month-year"]),
        Example("while later (in 2019) the cooperation was officially established", ["2019 = 2019 year"]),
        Example("Following permission by the United Nations Security Council in 2017 (News 24 2017)",
                ["2017 = 2017 year", "2017 = 2017 citation"]),
        Example("since 2015 Russia has signed more than 20 military cooperation agreements with African countries (Hedenskog 2019)",
                ["2015 = 2015 year", "2019 = 2019 citation"]),
        Example("Official Russian representatives’ engagement started in early 2019", ["early 2019 = 2019-01..2019-04 year-part"]),
        Example("the Sochi Summit at the end of 2019", ["the end of 2019 = 2019-09..2019-12 year-part"]),
        Example("These forces promptly moved into CAR following the adoption of UN Security Council Resolution 2127 yesterday.",
                document: "2013-12-06", ["yesterday = 2013-12-05 relative-yesterday*"]),
        Example("23:47 GMT 20.09.2021 (Updated: 17:06 GMT 20.04.2023)",
                ["20.09.2021 = 2021-09-20 dotted-date", "20.04.2023 = 2023-04-20 dotted-date"]),
        Example("in the camp of Sevare, Mopti region, in Mali March 23, 2021.", ["March 23, 2021 = 2021-03-23 month-day-year"]),
        Example("children search on February 5, 2013 in the ruins", ["February 5, 2013 = 2013-02-05 month-day-year"]),
        Example("In May, now-Interim President Col. Assimi Goïta mounted his second coup",
                document: "2021-09-20", ["May = 2021-05 month*"]),
        Example("the mass protests in the summer of 2020", ["the summer of 2020 = 2020-06..2020-08 season"]),
        Example("who the military forced from office that August", context: "2020-06",
                ["that August = 2020-08 that-month*"]),
        Example("the mass protests in the summer of 2020 against the president, who the military forced from office that August",
                document: "2021-09-20",
                ["the summer of 2020 = 2020-06..2020-08 season", "that August = 2020-08 that-month*"]),
        Example("elections in February 2022", ["February 2022 = 2022-02 month-year"]),
        Example("Shortly after the May 2021 putch", ["May 2021 = 2021-05 month-year"]),
        Example("Invaded by French forces in the late 19th century", ["the late 19th century = 1866..1899 century"]),
        Example("The country became independent in 1958.", ["1958 = 1958 year"]),
        Example("the three coups in 2012, 2020 and 2021", ["2012 = 2012 year", "2020 = 2020 year", "2021 = 2021 year"]),
        Example("Speaking to the press on Saturday", document: "2021-09-20", ["Saturday = 2021-09-18 relative-weekday*"]),
        Example("Paris decided to cancel the joint operations earlier this year", document: "2021-09-20",
                ["earlier this year = 2021-01-01..2021-09-20 relative-earlier-this-year*"]),
        Example("according to a report by Reuters last week", document: "2021-09-20",
                ["last week = 2021-09-13..2021-09-19 relative-last-week*"]),
        Example("Between 2014-19 the mission grew", ["2014-19 = 2014..2019 year-range"]),
        Example("between 2015 and 2017", ["between 2015 and 2017 = 2015..2017 year-range"]),
        Example("since the 1960s", ["the 1960s = 1960..1969 decade"]),
    ]

    @Test(arguments: examples)
    func readsLikeAPerson(example: Example) {
        #expect(Rendering.expressions(in: example.text, document: example.document, context: example.context) == example.expected)
    }
}
