import Testing

/// One table per family of rules, including the awkward spellings.
@Suite("Rules")
struct RuleTests {
    @Test(arguments: [
        Example("in 2017", ["2017 = 2017 year"]),
        Example("since 2015,", ["2015 = 2015 year"]),
        Example("the 2008 publication", ["2008 = 2008 year"]),
        Example("2021-2022", ["2021-2022 = 2021..2022 year-range"]),
        Example("2021–2022", ["2021–2022 = 2021..2022 year-range"]),
        Example("2021 – 2022", ["2021 – 2022 = 2021..2022 year-range"]),
        Example("the 2015/16 season", ["2015/16 = 2015..2016 year-range"]),
        Example("from 2015 to 2017", ["from 2015 to 2017 = 2015..2017 year-range"]),
        Example("from 2015 until 2017", ["from 2015 until 2017 = 2015..2017 year-range"]),
        Example("from 1998-2003", ["from 1998-2003 = 1998..2003 year-range"]),
        Example("2019-02", ["2019-02 = 2019-02 iso-month"]),
        Example("between 2017 and 2015", ["2017 = 2017 year", "2015 = 2015 year"]),
    ])
    func years(example: Example) {
        #expect(Rendering.expressions(in: example.text) == example.expected)
    }

    @Test(arguments: [
        Example("the 1990s", ["the 1990s = 1990..1999 decade"]),
        Example("1990s", ["1990s = 1990..1999 decade"]),
        Example("in the 1960’s", ["the 1960’s = 1960..1969 decade"]),
        Example("the early 2000s", ["the early 2000s = 2000..2002 decade"]),
        Example("the mid-1980s", ["the mid-1980s = 1983..1985 decade"]),
        Example("the late 1990s", ["the late 1990s = 1996..1999 decade"]),
        Example("the 1800s", ["the 1800s = 1800..1899 hundreds"]),
        Example("the 19th century", ["the 19th century = 1801..1900 century"]),
        Example("the early 20th century", ["the early 20th century = 1901..1933 century"]),
        Example("the twentieth century", ["the twentieth century = 1901..2000 century"]),
        Example("the twenty-first century", ["the twenty-first century = 2001..2100 century"]),
        Example("19th-century maps", ["19th-century = 1801..1900 century"]),
        Example("the 22nd century", []),
    ])
    func decadesAndCenturies(example: Example) {
        #expect(Rendering.expressions(in: example.text) == example.expected)
    }

    @Test(arguments: [
        Example("December 2020", ["December 2020 = 2020-12 month-year"]),
        Example("in December 2020", ["December 2020 = 2020-12 month-year"]),
        Example("Dec. 2020", ["Dec. 2020 = 2020-12 month-year"]),
        Example("Sept 2020", ["Sept 2020 = 2020-09 month-year"]),
        Example("May of 2021", ["May of 2021 = 2021-05 month-year"]),
        Example("early 2019", ["early 2019 = 2019-01..2019-04 year-part"]),
        Example("mid-2019", ["mid-2019 = 2019-05..2019-08 year-part"]),
        Example("late 2019", ["late 2019 = 2019-09..2019-12 year-part"]),
        Example("the beginning of 2020", ["the beginning of 2020 = 2020-01..2020-03 year-part"]),
        Example("the middle of 2020", ["the middle of 2020 = 2020-05..2020-08 year-part"]),
        Example("summer of 2020", ["summer of 2020 = 2020-06..2020-08 season"]),
        Example("the winter of 2020", ["the winter of 2020 = 2020-12..2021-02 season"]),
        Example("spring 2019", ["spring 2019 = 2019-03..2019-05 season"]),
        Example("the first half of 2019", ["the first half of 2019 = 2019-01..2019-06 half-year"]),
        Example("the second half of 2019", ["the second half of 2019 = 2019-07..2019-12 half-year"]),
        Example("Q3 2020", ["Q3 2020 = 2020-07..2020-09 quarter"]),
        Example("the third quarter of 2020", ["the third quarter of 2020 = 2020-07..2020-09 quarter"]),
        Example("early May 2021", ["early May 2021 = 2021-05-01..2021-05-10 month-part"]),
        Example("late February 2020", ["late February 2020 = 2020-02-20..2020-02-29 month-part"]),
    ])
    func monthsAndParts(example: Example) {
        #expect(Rendering.expressions(in: example.text) == example.expected)
    }

    @Test(arguments: [
        Example("5 February 2019", ["5 February 2019 = 2019-02-05 day-month-year"]),
        Example("5th February 2019", ["5th February 2019 = 2019-02-05 day-month-year"]),
        Example("the 5th of February, 2019", ["5th of February, 2019 = 2019-02-05 day-month-year"]),
        Example("February 5, 2019", ["February 5, 2019 = 2019-02-05 month-day-year"]),
        Example("on Feb. 5 2019", ["Feb. 5 2019 = 2019-02-05 month-day-year"]),
        Example("2019-02-05", ["2019-02-05 = 2019-02-05 iso-date"]),
        Example("20.09.2021", ["20.09.2021 = 2021-09-20 dotted-date"]),
        Example("1.2.2003", ["1.2.2003 = 2003-02-01 dotted-date"]),
        Example("29 February 2020", ["29 February 2020 = 2020-02-29 day-month-year"]),
        Example("29 February 2021", ["February 2021 = 2021-02 month-year"]),
    ])
    func days(example: Example) {
        #expect(Rendering.expressions(in: example.text) == example.expected)
    }

    @Test(arguments: [
        Example("The vote took place in January.", document: "2021-09-20", ["January = 2021-01 month*"]),
        Example("In October, he resigned.", document: "2021-09-20", ["October = 2020-10 month*"]),
        Example("In September, he resigned.", document: "2021-09-20", ["September = 2021-09 month*"]),
        Example("On February 5 the talks ended.", document: "2021-02-03", ["February 5 = 2020-02-05 month-day*"]),
        Example("On February 5 the talks ended.", document: "2021", ["February 5 = 2021-02-05 month-day*"]),
        Example("on 11 January", document: "2021-02", ["11 January = 2021-01-11 day-month*"]),
        Example("In May, the army moved.", context: "2019", ["May = 2019-05 month*"]),
        Example("In May, the army moved.", document: "2021-09-20", context: "2021-02", ["May = 2021-05 month*"]),
        Example("In 2019 the mission started. In March, troops arrived.", document: "2021-09-20",
                ["2019 = 2019 year", "March = 2019-03 month*"]),
        Example("that January", document: "2021-05-01", context: "2020-12..2021-02", ["that January = 2021-01 that-month*"]),
        Example("In early May, the army moved.", document: "2021-09-20", ["early May = 2021-05-01..2021-05-10 month-part*"]),
        Example("Between 2014-19 prices rose; in May they fell.", document: "2021-09-20", ["2014-19 = 2014..2019 year-range"]),
        Example("In May, the army moved.", []),
        Example("© AFP 2023 / PASCAL GUYOT\nIn May, now-Interim President Col. Assimi Goïta mounted his second coup",
                document: "2021-09-20", ["2023 = 2023 year", "May = 2021-05 month*"]),
        Example("In 2019 troops left.\nIn May, they came back.", document: "2021-09-20", context: "2010",
                ["2019 = 2019 year", "May = 2021-05 month*"]),
        Example("Earlier:\nIn May, they came back.", document: "2021-09-20", context: "2010", ["May = 2021-05 month*"]),
    ])
    func partialDatesTakeTheYearOfTheirAnchor(example: Example) {
        #expect(Rendering.expressions(in: example.text, document: example.document, context: example.context) == example.expected)
    }

    @Test(arguments: [
        Example("yesterday", document: "2021-03-01", ["yesterday = 2021-02-28 relative-yesterday*"]),
        Example("Today", document: "2021-09-20", ["Today = 2021-09-20 relative-today*"]),
        Example("today", document: "2021-09", ["today = 2021-09 relative-today*"]),
        Example("tomorrow", document: "2021-12-31", ["tomorrow = 2022-01-01 relative-tomorrow*"]),
        Example("yesterday", document: "2021", []),
        Example("yesterday", document: "2021-09", []),
        Example("on Friday", document: "2021-09-20", ["Friday = 2021-09-17 relative-weekday*"]),
        Example("on Monday", document: "2021-09-20", ["Monday = 2021-09-13 relative-weekday*"]),
        Example("next Monday", document: "2021-09-20", ["next Monday = 2021-09-27 relative-weekday*"]),
        Example("on Saturday", document: "2021-09", []),
        Example("this week", document: "2021-09-22", ["this week = 2021-09-20..2021-09-26 relative-this-week*"]),
        Example("next week", document: "2021-09-22", ["next week = 2021-09-27..2021-10-03 relative-next-week*"]),
        Example("last month", document: "2021-01-15", ["last month = 2020-12 relative-last-month*"]),
        Example("next month", document: "2021-12", ["next month = 2022-01 relative-next-month*"]),
        Example("this month", document: "2021-09-20", ["this month = 2021-09 relative-this-month*"]),
        Example("last month", document: "2021", []),
        Example("last year", document: "2021-09-20", ["last year = 2020 relative-last-year*"]),
        Example("next year", document: "2021", ["next year = 2022 relative-next-year*"]),
        Example("this year", document: "2021", ["this year = 2021 relative-this-year*"]),
        Example("earlier this year", document: "2021-09", ["earlier this year = 2021-01..2021-09 relative-earlier-this-year*"]),
        Example("earlier this year", document: "2021", ["earlier this year = 2021 relative-earlier-this-year*"]),
        Example("later this year", document: "2021-09-20", ["later this year = 2021-09-20..2021-12-31 relative-later-this-year*"]),
        Example("earlier this month", document: "2021-09-20", ["earlier this month = 2021-09-01..2021-09-20 relative-earlier-this-month*"]),
        Example("last summer", document: "2021-09-20", ["last summer = 2021-06..2021-08 relative-season*"]),
        Example("last summer", document: "2021-07-01", ["last summer = 2020-06..2020-08 relative-season*"]),
        Example("this summer", document: "2021", ["this summer = 2021-06..2021-08 relative-season*"]),
        Example("last winter", document: "2021-09-20", ["last winter = 2020-12..2021-02 relative-season*"]),
        Example("last May", document: "2021-03-01", ["last May = 2020-05 relative-month-name*"]),
        Example("last week", []),
    ])
    func deicticExpressionsNeedADocumentDate(example: Example) {
        #expect(Rendering.expressions(in: example.text, document: example.document) == example.expected)
    }
}
