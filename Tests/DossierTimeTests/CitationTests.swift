import DossierTime
import Testing

/// Publication years in references must be flagged, and parenthesised event dates must not be.
@Suite("Citations")
struct CitationTests {
    @Test(arguments: [
        Example("(Hedenskog 2018)", ["2018 = 2018 citation"]),
        Example("(NIC 2008)", ["2008 = 2008 citation"]),
        Example("as Altfeld (1984) argued", ["1984 = 1984 citation"]),
        Example("Morrow (1991) suggests", ["1991 = 1991 citation"]),
        Example("(Severin 2019: 72)", ["2019 = 2019 citation"]),
        Example("(Grimm, Lemay-Hebert & Navy 2014: 205)", ["2014 = 2014 citation"]),
        Example("(Rapley 2006; Dobos 2021)", ["2006 = 2006 citation", "2021 = 2021 citation"]),
        Example("(Travers 2019; Sputnik 2019)", ["2019 = 2019 citation", "2019 = 2019 citation"]),
        Example("(News 24 2017)", ["2017 = 2017 citation"]),
        Example("(Smith et al. 2020)", ["2020 = 2020 citation"]),
        Example("(Bax 2021)", ["2021 = 2021 citation"]),
        Example("(Smith 2019a; see also Jones 2020, 14)", ["2019 = 2019 citation", "2020 = 2020 citation"]),
        Example("(Hébert 2016)", ["2016 = 2016 citation"]),
        Example("Smith et al. (2020: 4) show", ["2020 = 2020 citation"]),
        Example("(December 2020)", ["December 2020 = 2020-12 month-year"]),
        Example("(in 2019)", ["2019 = 2019 year"]),
        Example("(2014-19)", ["2014-19 = 2014..2019 year-range"]),
        Example("(since 2017)", ["2017 = 2017 year"]),
        Example("(In 2017)", ["2017 = 2017 year"]),
        Example("(Russia, May 2019)", ["May 2019 = 2019-05 month-year"]),
        Example("(elections in 2020)", ["2020 = 2020 year"]),
        Example("the treaty (2019) was signed", ["2019 = 2019 year"]),
        Example("(Sangaris 2013–2016)", ["2013–2016 = 2013..2016 year-range"]),
        Example("Hedenskog) 2019", ["2019 = 2019 year"]),
        Example("Czechowska's (2013) division", ["2013 = 2013 citation"]),
        Example("Czechowska’s (2013) division", ["2013 = 2013 citation"]),
        Example("as Altfeld (1984, 1990) argued", ["1984 = 1984 citation", "1990 = 1990 citation"]),
        Example("(Smith 2001, 2003; Jones 2005)", ["2001 = 2001 citation", "2003 = 2003 citation", "2005 = 2005 citation"]),
        Example("(S. 3,984, February 1, 1904)", ["February 1, 1904 = 1904-02-01 citation"]),
        Example("(H.R. 3,984, May 5, 2010)", ["May 5, 2010 = 2010-05-05 citation"]),
        Example("(signed February 1, 1904)", ["February 1, 1904 = 1904-02-01 month-day-year"]),
        Example("(Paris, February 1, 1904)", ["February 1, 1904 = 1904-02-01 month-day-year"]),
        // Cases cited: the report's volume, abbreviation and page, or the court, before the year (tester19 #7).
        Example("Brown v. Board of Education, 347 U.S. 483 (1954), and", ["1954 = 1954 citation"]),
        Example("Roe v. Wade, 410 U.S. 113, 116 (1973).", ["1973 = 1973 citation"]),
        Example("Smith v. Jones, 123 F. Supp. 2d 456 (S.D.N.Y. 2001)", ["2001 = 2001 citation"]),
        Example("Doe v. Roe, 45 Cal. App. 4th 789 (Cal. Ct. App. 1996)", ["1996 = 1996 citation"]),
        Example("(9th Cir. 2003)", ["2003 = 2003 citation"]),
        Example("the strike (Sept. 2001) ended", ["Sept. 2001 = 2001-09 month-year"]),
        Example("it rose by 483 (1954) points", ["1954 = 1954 year"]),
    ])
    func citationsAreFlagged(example: Example) {
        #expect(Rendering.expressions(in: example.text) == example.expected)
    }

    @Test func citationFlagIsSetAndEventIsNot() {
        let found = TimeExpressionExtractor().extract(
            "in 2017 (News 24 2017)", documentDate: nil, context: nil)
        #expect(found.map(\.isCitation) == [false, true])
        #expect(found.allSatisfy { !$0.isAnchored })
    }

    @Test func citationsDoNotBecomeTheContext() {
        let found = Rendering.expressions(in: "(Hedenskog 2018) In May, the army moved.", document: "2021-09-20")
        #expect(found == ["2018 = 2018 citation", "May = 2021-05 month*"])
    }
}
