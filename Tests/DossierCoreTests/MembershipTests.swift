import Foundation
import Testing
@testable import DossierCore
import DossierTime

/// Affiliations with years, and `member of` read at each sentence's time.
@Suite("Dated roles and member of")
struct MembershipTests {
    @Test(arguments: [
        ("Central African Republic (president, 2016-)", "Central African Republic", "president", "2016-"),
        ("Central African Republic (president, 2003-2013)", "Central African Republic", "president", "2003-2013"),
        ("Burkina Faso (transitional president 2022)", "Burkina Faso", "transitional president", "2022"),
        ("Russia (deputy foreign minister, special envoy for the Middle East and Africa)", "Russia",
         "deputy foreign minister, special envoy for the Middle East and Africa", nil),
        ("Mali (president, -2020)", "Mali", "president", "-2020"),
        ("Mali (president, 2020-2013)", "Mali", "president, 2020-2013", nil),
        ("Wagner Group (front company)", "Wagner Group", "front company", nil),
    ] as [(String, String, String, String?)])
    func affiliationsReadTheirYears(_ value: String, _ target: String, _ role: String, _ years: String?) {
        let r = Lexicon.relation(value)
        #expect(r.target == target)
        #expect(r.role == role)
        #expect(r.years == years)
    }

    @Test func aRelationHoldsOnlyDuringItsYears() throws {
        let r = Lexicon.relation("X (president, 2003-2013)")
        #expect(r.holds(during: try #require(Period.parse("2010"))))
        #expect(!r.holds(during: try #require(Period.parse("2021"))))
        #expect(r.holds(during: Period(start: try #require(Period.parse("2013-12")).start, end: try #require(Period.parse("2014")).end, granularity: .day)))
    }

    static let lexicon = """
    actor Alpha Party
      type: party
    actor Alpha Youth
      type: wing
      affiliation: Alpha Party (organ)
    actor Ann Bell
      type: person
      affiliation: Alpha Youth (leader, 2015-2018)
      affiliation: Beta Front (leader, 2019-)
    actor Beta Front
      type: armed group
    actor Cal Dee
      type: person
      affiliation: Alpha Party (former president)
      affiliation: Alpha Party (funded by)
    """

    static let text = """
    In 2016 Ann Bell spoke for the youth. In 2020 Ann Bell led the attack. Cal Dee gave money in 2017.

    Ann Bell was seen.
    """

    @Test func memberOfIsTransitiveAndDated() {
        let corpus = analyze(Self.text, lexicon: Self.lexicon)
        let alpha = rows(json("find member of Alpha Party", corpus: corpus)).map { $0["text"] as! String }
        #expect(alpha == ["In 2016 Ann Bell spoke for the youth."], "Ann Bell through Alpha Youth, in 2016 only: \(alpha)")
        let beta = rows(json("find member of Beta Front", corpus: corpus)).map { $0["text"] as! String }
        #expect(beta == ["In 2020 Ann Bell led the attack."], "\(beta)")
    }

    /// An affiliation holds when it holds at any of the sentence's periods, as date filters test them, whatever
    /// order the sentence names them in (tester14 #17: only the first was tested).
    @Test(arguments: ["Ann Bell spoke in 2010 and in 2016.", "Ann Bell spoke in 2016 and in 2010."])
    func memberOfTestsEveryPeriodOfTheSentence(_ sentence: String) {
        let corpus = analyze(sentence, lexicon: Self.lexicon)
        #expect(json("find member of Alpha Party", corpus: corpus)["count"] as? Int == 1)
        #expect(json("find member of Beta Front", corpus: corpus)["count"] as? Int == 0)
    }

    @Test func onTheSeedsBozizeIsInTheCoalitionIn2021NotTheGovernment() {
        #expect(json("find member of \"Coalition of Patriots for Change\" and actor Bozizé")["count"] as? Int == 1)
        #expect(json("find member of Central African Republic and actor Bozizé")["count"] as? Int == 0)
        #expect((json("find member of Central African Republic and actor Touadéra")["count"] as? Int ?? 0) > 10)
    }

    @Test func showActorListsRolesWithYears() throws {
        let o = json("show actor Bozizé")
        let actor = try #require(o["actor"] as? [String: Any])
        let roles = try #require(actor["affiliations"] as? [[String: Any]])
        let president = try #require(roles.first { $0["role"] as? String == "president" })
        #expect(president["from"] as? String == "2003" && president["until"] as? String == "2013")
        #expect(run("show actor Bozizé").out.contains("Central African Republic (president, 2003-2013)"))
    }
}
