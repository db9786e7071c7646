import Testing
@testable import DossierCore

/// Two date filters joined by `and` (`find since 1990 until 2000`): the second is answered within the first's
/// sentences, from the year index or by testing them. The answer must be that of each filter taken alone and
/// intersected: a sentence may pass one filter with one of its periods and the other with another, or with one period
/// reaching across the gap between the filters' years.
@Suite("Joined date filters")
struct DateJoinTests {
    /// Sentences across year boundaries, with two periods far apart, one long period spanning a gap, long spans past
    /// the index's 200 years, citations, a dated and an undated document.
    static let corpus = loadCorpus([
        ("2010-03-04-report.txt", """
        In 1985 and again in 2005 the treaty was signed.

        The war lasted from 1975 to 1995.

        On 31 December 1999 the old clock struck twelve.

        On 1 January 2000 the new clock started.

        From December 1999 to January 2000 the lights stayed on.

        Between the 15th century and the 19th century the city grew.

        Prices rose in 1990, as Smith (1991) showed.

        Nothing happened that anyone remembers.
        """),
        ("2010-03-04-memo.txt", "Nothing much happened that week.\n"),
        ("undated.txt", """
        The bridge opened in 1998.

        No date is given here.

        Work began in 1600 and ended in 2001.
        """),
    ]).0

    static let filters = ["since 1990", "until 2000", "until 1980", "since 2000", "until 1999", "before 2000", "after 1999",
                          "in 1999", "in 2000", "in 1985", "in 2005", "before 1980", "after 2001", "since 1999-12-31",
                          "until 1999-12-31", "between 1999-12-01 and 2000-01-31", "in 1700", "since 1500", "until 1650",
                          "in 2010", "since 2010-03-04"]

    /// Every pair, against the same pair answered one filter at a time (`not (not A or not B)` evaluates each
    /// filter alone and never joins them).
    @Test(arguments: filters)
    func aJoinIsEachFilterIntersected(_ first: String) {
        for second in Self.filters {
            let joined = sentenceKeys("find \(first) \(second)", corpus: Self.corpus)
            let apart = sentenceKeys("find not (not \(first) or not \(second))", corpus: Self.corpus)
            #expect(joined == apart, "\(first) \(second)")
            #expect(joined == sentenceKeys("find \(second) and \(first)", corpus: Self.corpus), "\(first) \(second)")
        }
    }

    static func texts(_ command: String) -> Set<String> {
        Set(rows(json(command, corpus: corpus)).compactMap { $0["text"] as? String })
    }

    /// Sentences no single period of which passes both filters, found all the same.
    @Test func aSentenceMayPassEachFilterWithAnotherPeriod() {
        #expect(Self.texts("find since 1990 until 2000").contains("In 1985 and again in 2005 the treaty was signed."))
        #expect(Self.texts("find in 1985 in 2005") == ["In 1985 and again in 2005 the treaty was signed."])
        #expect(Self.texts("find since 1500 until 1650").contains("Work began in 1600 and ended in 2001."))
    }

    /// One period reaching across the gap between the filters' years (1975–1995 passes `since 1990` and `until 1980`).
    @Test func aPeriodMaySpanTheGapBetweenTheFilters() {
        #expect(Self.texts("find since 1990 until 1980").contains("The war lasted from 1975 to 1995."))
        #expect(!Self.texts("find since 1990 until 1980").contains("The bridge opened in 1998."))
    }

    @Test func yearBoundaries() {
        let last = "On 31 December 1999 the old clock struck twelve."
        let first = "On 1 January 2000 the new clock started."
        let across = "From December 1999 to January 2000 the lights stayed on."
        #expect(Self.texts("find since 1999-12-31 until 1999-12-31").isSuperset(of: [last, across]))
        #expect(!Self.texts("find since 1999-12-31 until 1999-12-31").contains(first))
        #expect(Self.texts("find after 1999 before 2001").isSuperset(of: [first, across]))
        #expect(!Self.texts("find after 1999 before 2001").contains(last))
    }

    /// The undated document's undated sentence, and a sentence dated only by its document (2010, from its file name).
    @Test func sentencesWithoutTheirOwnDate() {
        let all = Self.texts("find since 1000 until 3000")
        #expect(!all.contains("No date is given here."))
        #expect(all.contains("Nothing much happened that week."))
        // The report is dated 2010 by its file name: its sentence "On 31 December 1999 ..." is running text, no date line.
        #expect(Self.texts("find in 2010 since 2010-01-01") == ["Nothing much happened that week.", "Nothing happened that anyone remembers."])
        #expect(Self.texts("find in 2010 since 2011").isEmpty)
    }

    @Test func anEmptyCorpusHasNoSentenceForAnyJoin() {
        let empty = loadCorpus([]).0
        #expect(sentenceKeys("find since 1990 until 2000", corpus: empty).isEmpty)
        #expect(sentenceKeys("find since 1990 until 1980", corpus: empty).isEmpty)
    }

    /// The seeds: every pair of a few filters, joined and apart.
    @Test func seedsAnswerAsEachFilterIntersected() {
        let filters = ["since 2017", "until 2020", "in 2021", "before 2019", "after 2015", "between 2018-06 and 2019-02", "since 1990"]
        for a in filters {
            for b in filters {
                #expect(sentenceKeys("find \(a) \(b)") == sentenceKeys("find not (not \(a) or not \(b))"), "\(a) \(b)")
            }
        }
    }
}
