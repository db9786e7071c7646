import Foundation
import Testing
@testable import DossierCore

/// A ranking cut by `| limit N` or `top N` picks its first N rows in one pass instead of sorting every row (and, for
/// word statistics, makes only those rows): what it shows must be the whole ranking cut afterwards, row for row, with
/// the same totals.
@Suite("Rankings cut short")
struct RankingTests {
    /// Rows as comparable text (a JSON row's values, in key order).
    static func text(_ rows: [[String: Any]]) -> [String] {
        rows.map { row in row.keys.sorted().map { "\($0)=\(row[$0]!)" }.joined(separator: " ") }
    }

    @Test(arguments: [
        ("count words", 20), ("count words", 1), ("count words", 0), ("count words with stopwords", 7),
        ("count words actor Russia", 12), ("count ngrams 2", 10), ("collocates group", 5), ("collocates actor Russia", 9),
        ("keywords actor Wagner", 10), ("keywords doc 002 against doc 001", 3),
        ("count by actor", 4), ("count by place", 1), ("count by type", 2),
        ("count actor Russia by year", 3), ("count actor Russia by doc", 2),
    ])
    func aLimitKeepsTheFirstRowsOfTheWholeRanking(_ command: String, _ n: Int) {
        let whole = json(command)
        let cut = json("\(command) | limit \(n)")
        let all = rows(whole)
        #expect(all.count > n, "the test needs more rows than the limit")
        #expect(Self.text(rows(cut)) == Self.text(Array(all.prefix(n))))
        #expect(cut["count"] as? Int == whole["count"] as? Int)
        #expect(rows(cut).count == n)
    }

    /// The header says how many rows there were, not how many were ranked, and every step that chose the rows shown,
    /// the last first: a sample of the first 3 is not a sample of all.
    @Test(arguments: [("count words | limit 3", "2023 words (9085 tokens in 350 sentences, stop words left out), showing the first 3"),
                      ("top actors 5", "350 sentences by actor, showing the first 5 of 97 actors"),
                      ("count by actor | limit 5 | limit 3", "350 sentences by actor, showing the first 3 of 97 actors"),
                      ("count by actor | limit 2 offset 95", "350 sentences by actor, rows 96 to 97 of 97 actors"),
                      ("top actors 3 | sample 2", "350 sentences by actor, a random sample of 2 (seed 1) of the first 3 of 97 actors"),
                      ("count by actor | limit 3 offset 2 | sample 2 seed 7",
                       "350 sentences by actor, a random sample of 2 (seed 7) of rows 3 to 5 of 97 actors"),
                      ("count by actor | sample 5 | limit 2", "350 sentences by actor, the first 2 of a random sample of 5 (seed 1)"),
                      ("count by actor | limit 50 | sample 3 | limit 2",
                       "350 sentences by actor, the first 2 of a random sample of 3 (seed 1) of the first 50 of 97 actors"),
                      ("find actor Russia | limit 5 | sample 2", "125 sentences, a random sample of 2 (seed 1) of the first 5"),
                      ("find actor Russia | limit 5 offset 2 | sample 2", "125 sentences, a random sample of 2 (seed 1) of rows 3 to 7"),
                      ("find actor Russia | sample 5 | limit 2", "125 sentences, the first 2 of a random sample of 5 (seed 1)"),
                      ("find actor Russia | limit 9 | limit 4", "125 sentences, showing the first 4"),
                      ("actors | limit 5 | sample 2",
                       "65 actors of the lexicon (32 more discovered in the text: 'actors discovered'), a random sample of 2 (seed 1) of the first 5"),
                      ("kwic \"Russia\" | limit 4 offset 1 | sample 3 seed 2", "83 occurrences of \"Russia\", a random sample of 3 (seed 2) of rows 2 to 5"),
                      ("count by source | limit 3 offset 1 | sample 2", "350 sentences by source, a random sample of 2 (seed 1) of rows 2 to 4 of 5 values")])
    func theHeaderCountsEveryRow(_ command: String, _ header: String) {
        // A header longer than the window goes on, indented, on the next lines.
        let lines = run(command).out.split(separator: "\n").map(String.init)
        let continued = lines.dropFirst().prefix { $0.hasPrefix("  ") }.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(([lines.first ?? ""] + continued).joined(separator: " ") == header, "\(lines)")
    }

    @Test func topNIsTheCountByEntityCutToN() {
        for kind in ["actor", "place"] {
            #expect(Self.text(rows(json("top \(kind)s 7"))) == Self.text(rows(json("count by \(kind) | limit 7"))))
        }
    }

    /// Pairs with many equal first values (ties broken by the second, as every ranking breaks them), picked for every
    /// cut from none to more than there are, against a full sort.
    @Test(arguments: [0, 1, 2, 17, 99, 100, 101, 5000])
    func rankedIsTheSortedPrefix(_ n: Int) throws {
        var seed: UInt64 = 0x9E3779B97F4A7C15
        let items: [(Int, Int)] = (0..<100).map { i in
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return (Int(seed >> 60), i)
        }
        let less: ((Int, Int), (Int, Int)) -> Bool = { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
        let picked = try evaluator(Seeds.corpus).ranked(items, first: n, by: less)
        let sorted = items.sorted(by: less)
        #expect(picked.map(\.1) == Array(sorted.prefix(n)).map(\.1))
        #expect(try evaluator(Seeds.corpus).ranked([(Int, Int)](), first: n, by: less).isEmpty)
    }
}

/// Chart rows are named without Foundation's formatter: the names must be those `String(format:)` gave.
@Suite("Period names")
struct PeriodNameTests {
    @Test(arguments: [0, 7, 44, 999, 1990, 2024, 9999, 12345, -1, -44, -2024])
    func yearsAsPrintfWritesThem(_ year: Int) {
        #expect(Evaluator.periodName(year, monthly: false) == String(format: "%04d", year))
        for month in [0, 6, 11] {
            let key = year * 12 + month
            #expect(Evaluator.periodName(key, monthly: true) == String(format: "%04d-%02d", key / 12, key % 12 + 1))
        }
    }

    @Test func undatedKeepsItsName() {
        #expect(Evaluator.periodName(Evaluator.undated, monthly: false) == "undated")
    }
}
