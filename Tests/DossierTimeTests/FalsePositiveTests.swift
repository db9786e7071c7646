import DossierTime
import Testing

/// Numbers that look like years but are not, and words that look like months but are not.
@Suite("False positives")
struct FalsePositiveTests {
    @Test(arguments: [
        "a $40 million contract",
        "800 additional troops",
        "the 614th battalion",
        "UN Security Council Resolution 2127 was adopted",
        "under resolution 2448",
        "decree N 2339 of the president",
        "decree No. 2339",
        "article 1234 of the code",
        "armed with AK47s and D-30 howitzers",
        "53% of voters",
        "at 23:47 local time",
        "1,000 people",
        "2,000 troops",
        "some 1500 soldiers",
        "call +44 20 7946 0958 now",
        "call 555-2019 now",
        "The case number is 2014/1999 and the permit ID 1987-4421.",
        "He scored 2012 points in his career",
        "The temperature hit 1998 degrees in the furnace",
        "serial 0042 1998 7731",
        "a 2019.5 average",
        "1998 2000 2002 2004 2006",
        "You may wish to march on.",
        "Theresa May said",
        "May the force be with you",
        "the year was long and the month short",
        "a two-year intervention",
        "in the 0s",
        "20.13.2021",
        "31.02.2021",
        "9999-99-99",
        "year 0000 and 99999",
        "the 1234567 figure",
        "the ISO 9001 standard",
        "a 1200 km border",
        "at 650-650-6500",
        "at 650.650.6500",
        "version 1.2.10 shipped",
        "version 1.2.2010.4 shipped",
        "see report 2019-XK-2003 for details",
        "ticket REF-2021 was closed",
        "a 3-1 win",
        "we are separated",
        "25",
        "the third day",
        // A year that ends a name says nothing of when the sentence happens.
        "The company moved its staff to Windows 2000 from older systems.",
        "The Goals 2000 Act set national standards for schools.",
        "Saudi Arabia's Vision 2030 plan aims to diversify the economy.",
        "Durga Puja 2019 drew millions to the pandals of Kolkata.",
    ])
    func findsNoEventTime(text: String) {
        let events = TimeExpressionExtractor().extract(text, documentDate: nil, context: nil).filter { !$0.isCitation }
        #expect(events.isEmpty, "\(Rendering.expressions(in: text))")
    }

    @Test func yearsNextToNumbersThatAreNotPhoneGroupsSurvive() {
        #expect(Rendering.expressions(in: "in 2019 2,000 troops arrived") == ["2019 = 2019 year"])
        #expect(Rendering.expressions(in: "In 2019 troops left, and 1500 soldiers stayed") == ["2019 = 2019 year"])
    }
}
