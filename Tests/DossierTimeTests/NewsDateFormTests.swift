import DossierTime
import Testing

/// Issue 13's list of dates as news writes them, each form in a sentence, checked against the first and last day it
/// means: State of the Union addresses, wire sentences quoted in docs/MODEL.md, and the issue's own examples.
@Suite("Dates as news writes them")
struct NewsDateFormTests {
    /// A sentence, its publication date, and what is found: "matched text first..last", with " cited" for a citation.
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var document: String
        var expected: [String]

        init(_ text: String, _ document: String, _ expected: [String]) {
            self.text = text
            self.document = document
            self.expected = expected
        }

        var testDescription: String { text.count > 60 ? String(text.prefix(57)) + "..." : text }
    }

    @Test(arguments: [
        // Counted back from the publication date (Nixon, 30 January 1974; the issue's "11 months ago").
        Case("Under the leadership of the Bicentennial Coordination Center, which I established over two years ago, a number of projects are moving forward.",
             "1974-01-30", ["two years ago 1972-01-01..1972-12-31"]),
        Case("The company was founded 11 months ago by two former engineers.", "2021-11-10",
             ["11 months ago 2020-12-01..2020-12-31"]),
        // Number words of tens: "Twenty-five years ago" was five years ago, "Forty years ago" no date, and "Four score
        // and seven" seven years (tester15 #39; Nixon 1972, Obama 2013).
        Case("Twenty-five years ago I sat here as a freshman Congressman.", "1972-01-20", ["five years ago 1947-01-01..1947-12-31"]),
        Case("Fifty-one years ago, John F. Kennedy declared to this chamber.", "2013-02-12", ["one years ago 1962-01-01..1962-12-31"]),
        Case("Forty years ago the wall fell.", "2020-06-15", ["Forty years ago 1980-01-01..1980-12-31"]),
        Case("Four score and seven years ago our fathers brought forth a new nation.", "1863-11-19", []),
        // Abbreviated months with a day and no year: the coming weeks' days as readily as those past (AP, WSJ).
        Case("The record date is Nov. 9.", "1989-10-27", ["Nov. 9 1989-11-09..1989-11-09"]),
        Case("Congress reconvenes Jan. 24.", "2000-01-13", ["Jan. 24 2000-01-24..2000-01-24"]),
        Case("President Bush decided on Feb. 11 that a ground war would be necessary.", "1991-02-25",
             ["Feb. 11 1991-02-11..1991-02-11"]),
        Case("Security was tightened after the attacks of Sept. 11.", "2002-01-29", ["Sept. 11 2001-09-11..2001-09-11"]),
        // A day without a year is the latest on or before publication unless the tense says future (the issue's
        // "September the 11th" of a January 2002 address was September 2002).
        Case("On September the 11th our country was attacked.", "2002-01-29", ["September the 11th 2001-09-11..2001-09-11"]),
        Case("The summit will open on Oct. 2 in Bamako.", "2021-11-10", ["Oct. 2 2022-10-02..2022-10-02"]),
        // Numeric dates, both orders, and a range inside a month.
        Case("The contract was signed on 02/22/2016 in Niamey.", "2016-03-01", ["02/22/2016 2016-02-22..2016-02-22"]),
        Case("The contract was signed on 22.02.2016 in Niamey.", "2016-03-01", ["22.02.2016 2016-02-22..2016-02-22"]),
        Case("The talks were held from 4 to 22 January 1995 in Geneva.", "1995-02-01",
             ["from 4 to 22 January 1995 1995-01-04..1995-01-22"]),
        Case("The junta took power on 28 June in 2020.", "2021-02-01", ["28 June in 2020 2020-06-28..2020-06-28"]),
        // Weekdays with "this", "next", "last", "coming" and the tense of the verb (12 November 2021 is a Friday).
        Case("The minister spoke this Wednesday to reporters.", "2021-11-12", ["this Wednesday 2021-11-10..2021-11-10"]),
        Case("The minister will speak this Wednesday to reporters.", "2021-11-12", ["this Wednesday 2021-11-17..2021-11-17"]),
        Case("The minister met rebels last Monday in Gao.", "2021-11-12", ["last Monday 2021-11-08..2021-11-08"]),
        Case("Talks resume this coming Monday.", "2021-11-12", ["this coming Monday 2021-11-15..2021-11-15"]),
        Case("The Iraqi ambassador said on Tuesday that Iraq would retaliate.", "1990-08-16", ["Tuesday 1990-08-14..1990-08-14"]),
        Case("The stock market closed Wednesday, and will reopen on Monday.", "1989-10-27",
             ["Wednesday 1989-10-25..1989-10-25", "Monday 1989-10-30..1989-10-30"]),
        // Quarters, weekends and decades.
        Case("Revenue fell in the third quarter.", "2021-11-12", ["the third quarter 2021-07-01..2021-09-30"]),
        Case("Clashes erupted over the weekend in the north.", "2021-11-15", ["the weekend 2021-11-13..2021-11-14"]),
        Case("In the seventies were years of rising problems and falling confidence.", "1984-01-25",
             ["the seventies 1970-01-01..1979-12-31"]),
        Case("The coup plotters grew up in the 70s in Kati.", "2021-11-15", ["the 70s 1970-01-01..1979-12-31"]),
        // Phone numbers and identifiers are never years.
        Case("Call the embassy at +223 2022 1984 for details.", "2021-11-15", []),
        Case("The UN Security Council adopted Resolution 2127 unanimously.", "2021-11-15", []),
        // Citations are found, and flagged.
        Case("Czechowska's (2013) division of the groups is used here.", "2021-11-15", ["2013 2013-01-01..2013-12-31 cited"]),
        Case("The bill was reported (S. 3,984, February 1, 1904).", "1905-01-15", ["February 1, 1904 1904-02-01..1904-02-01 cited"]),
        Case("This view is common (Smith 2001, 2003; Jones 2005).", "2021-11-15",
             ["2001 2001-01-01..2001-12-31 cited", "2003 2003-01-01..2003-12-31 cited", "2005 2005-01-01..2005-12-31 cited"]),
        // Consecutive years joined by "and" are one interval.
        Case("In 2019 and 2020 the price of gold rose.", "2021-11-15", ["2019 and 2020 2019-01-01..2020-12-31"]),
        // A month alone stays the most recent, unless the sentence speaks of the future (a seed of 6 December 2013; AP).
        Case("Following the launch of France's Operation Serval in Mali in January, the US launched a drone base in Niger.",
             "2013-12-06", ["January 2013-01-01..2013-01-31"]),
        Case("The issue will dominate a NATO summit set for Washington in April.", "1999-03-12", ["April 1999-04-01..1999-04-30"]),
        // A day or month without a year in an address dated only by its year: of that year or the one before, so
        // its year is unknown, not a span of two (Bush, 2002; Washington, 1794 and Adams, 1797, both given late in
        // the year) ...
        Case("On September the 11th our country was attacked.", "2002", []),
        Case("My proclamation of the 7th of August last was accordingly issued, and accompanied by the appointment of commissioners.",
             "1794", []),
        Case("The commissioners appointed in pursuance of the 6th article of the treaty met at Philadelphia in May last to examine the claims of British subjects.",
             "1797", []),
        Case("It further appears that the debt of the Department on the 1st day of July last, including the amount due to contractors for the quarter then just expired, was about $1,064,381.",
             "1835", []),
        // ... unless any day of the year gives the same: "December last" is the year before's, "January next" the
        // year after's (Jefferson, 1808; Madison, 1815).
        Case("Of the gun boats authorized by the act of December last, it has been thought necessary to build only 103 in the present year.",
             "1808", ["December last 1807-12-01..1807-12-31"]),
        Case("A further sum of $5M, including the interest on the public debt payable on the 1st of January next, will be demanded at the Treasury.",
             "1815", ["1st of January next 1816-01-01..1816-01-01"]),
        // "June last", "the 7th of August last": the one before the document's month; "instant", "ultimo" and
        // "proximo" are this month, the last and the next (Washington, 19 November 1794; Adams, 8 December 1798).
        Case("My proclamation of the 7th of August last was accordingly issued, and accompanied by the appointment of commissioners.",
             "1794-11-19", ["7th of August last 1794-08-07..1794-08-07"]),
        Case("The law of France enacted in January last, which subjects to capture and condemnation neutral vessels and their cargoes, has lately received a more rigorous execution.",
             "1798-12-08", ["January last 1798-01-01..1798-01-31"]),
        Case("Congress adjourned in December last without acting on the bill.", "1889-12-03", ["December last 1888-12-01..1888-12-31"]),
        Case("After making these payments the Department had $73,000 in bank on the 1st instant.", "1838-12-03",
             ["1st instant 1838-12-01..1838-12-01"]),
        Case("The cash on hand on the 30th ultimo was about $206,701.", "1839-12-02", ["30th ultimo 1839-11-30..1839-11-30"]),
        Case("The commissioners will meet on the 1st prox. at Richmond.", "1839-12-02", ["1st prox. 1840-01-01..1840-01-01"]),
        Case("In the current fiscal year, government spending will be nearly four and a half billion dollars less than in the fiscal year which ended last June 30.",
             "1955-01-06", ["last June 30 1954-06-30..1954-06-30"]),
        Case("It is my further view that the additional taxation should be imposed solely as an emergency measure terminating definitely two years from July 1 next.",
             "1931-12-08", ["two years from July 1 next 1934-07-01..1934-07-01"]),
        Case("After making these payments the Department had $73,000 in bank on the 1st instant.", "1838", []),
        // Ordinals as American English wrote them ("22d", "3d") and an era before the year (tester19 #3, #17; tester17
        // #1); "august" before a noun of dignity is no month.
        Case("Marion, Ohio, April 22d, 1861.", "1861", ["April 22d, 1861 1861-04-22..1861-04-22"]),
        Case("We marched again on the 3d of January.", "1863-02-10", ["3d of January 1863-01-03..1863-01-03"]),
        Case("Done this 12th day of March, A.D. 1901, at Austin.", "1960-05-01", ["12th day of March, A.D. 1901 1901-03-12..1901-03-12"]),
        Case("The abbey was built in A.D. 1066 by monks.", "1960-05-01", ["1066 1066-01-01..1066-12-31"]),
        Case("The 4d stamp and the 14d fare rose.", "1960-05-01", []),
        Case("We welcome them to this August chamber, Mr. President.", "2026-05-13", []),
        Case("The August meeting was cancelled.", "2026-05-13", ["August 2025-08-01..2025-08-31"]),
        // A year, a month's name and a day spaced, as PubMed writes them (tester19 #9); not a count after the day.
        Case("Lancet. 2020 Mar 28;395(10229). Epub 2020 Mar 11.", "2020-04-01",
             ["2020 Mar 28 2020-03-28..2020-03-28", "2020 Mar 11 2020-03-11..2020-03-11"]),
        Case("By 2020 May 5 soldiers had died.", "2021-04-01", ["2020 2020-01-01..2020-12-31"]),
        // A future in a clause "that" opens after the date is that clause's (Dáil, 23 October 2012; tester19 #2).
        Case("This was followed by a statement in July that the decision would be taken in October.", "2012-10-23",
             ["July 2012-07-01..2012-07-31", "October 2012-10-01..2012-10-31"]),
        // Two months share the year written after the second (Polk, 1846; Taft, 1909; Roosevelt, 1944), also when
        // it is not the publication's; "Theresa May" is no month.
        Case("The two installments due in April and July, 1844, under the peculiar circumstances connected with them, have been assumed by the United States and discharged to the claimants, but they are still due by Mexico.",
             "1846", ["April 1844-04-01..1844-04-30", "July, 1844 1844-07-01..1844-07-31"]),
        Case("The Argentine Republic will also hold from May to November, 1910, at Buenos Aires, a great International Agricultural Exhibition in which the United States has been invited to participate.",
             "1909", ["from May to November, 1910 1910-05-01..1910-11-30"]),
        Case("In two months, June and July, 1943, more than a thousand airplanes that could have been made and should have been made were not made.",
             "1944", ["June and July, 1943 1943-06-01..1943-07-31"]),
        Case("Between January and March 2020 the price of gold rose by a tenth.", "2021-11-15",
             ["Between January and March 2020 2020-01-01..2020-03-31"]),
        Case("Theresa May and March 2019 are remembered together.", "2021-11-15", ["March 2019 2019-03-01..2019-03-31"]),
        // Counts before what they count are not years (Eisenhower, 1961; Carter, 1980).
        Case("American communities have been helped to plan water and sanitation systems and schools through planning advances for 1600 public works projects with a construction cost of nearly $2 billion.",
             "1961", []),
        Case("We are also improving our tactical air forces—buying about 1700 new fighter and attack aircraft over the next five years—and increasing the number of Air Force fighter wings by over 10%.",
             "1980-01-21", ["next five years 1981-01-01..1985-12-31"]),
        Case("Around 2010 the company moved its headquarters to Bamako.", "2021-11-15", ["2010 2010-01-01..2010-12-31"]),
        // A house number before a street, a count after "over", "than" or "at least" (tester20 #8, 1916 front pages).
        Case("Mrs. Blackwell, of 2007 Minnesota avenue, was the winner.", "1916-11-09", []),
        Case("The White House stands at 1600 Pennsylvania Avenue in Washington.", "2021-11-15", []),
        Case("The governor called out over 2000 guardsmen and more than 2000 volunteers.", "1916-11-09", []),
        Case("Sales rose over 2019 levels in the spring of 2021.", "2021-11-15",
             ["2019 2019-01-01..2019-12-31", "the spring of 2021 2021-03-01..2021-05-31"]),
        // A span closed under a modal is ahead (Reuters, Thursday 10 November 2022: Maricopa County's count); a past one
        // is behind (tester13 item 2).
        Case("Officials said it could take until at least Friday to tally all votes.", "2022-11-10",
             ["Friday 2022-11-11..2022-11-11"]),
        Case("The count may last until Tuesday.", "2022-11-10", ["Tuesday 2022-11-15..2022-11-15"]),
        Case("The polls stayed open until Friday.", "2022-11-10", ["Friday 2022-11-04..2022-11-04"]),
        // ISO 8601 with the time of day, as web pages stamp their updates.
        Case("Last updated: 2022-11-08T23:40:00Z", "2022-11-10", ["2022-11-08 2022-11-08..2022-11-08"]),
    ])
    func formsOfTheIssue(_ example: Case) {
        let bytes = Array(example.text.utf8)
        let found = TimeExpressionExtractor().extract(example.text, documentDate: Period.parse(example.document), context: nil)
        let rendered = found.map { expression in
            let text = String(decoding: bytes[expression.range], as: UTF8.self)
            return "\(text) \(expression.period.start.iso)..\(expression.period.end.iso)\(expression.isCitation ? " cited" : "")"
        }
        #expect(rendered == example.expected)
    }
}
