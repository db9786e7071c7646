import Foundation
import Testing
import PropertyBased
@testable import DossierTime
@testable import DossierCore

/// One meaning of time: for any filter, `count FILTER by year` (and `by month`) gives for each key exactly the
/// number of sentences `count FILTER in KEY` finds, and `basis` splits them as the charts' publication share says.
@Suite("Time agreement")
struct TimeAgreementTests {
    static func run(_ source: String) -> [[String: Any]] {
        final class Lines: SessionOutput {
            var out = ""
            func write(_ text: String) { out += text }
            func writeError(_ text: String) {}
        }
        let output = Lines()
        let session = Session(corpus: SeedCorpus.corpus, loader: CorpusLoader(), corpusPaths: [], output: output)
        session.settings.format = .json
        session.keepGoing = true
        session.run(source, file: "<property>")
        return output.out.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
    }

    /// Checks every key of one chart against the date filter for that key.
    static func agree(_ filter: String, by key: String) {
        guard let chart = run("count \(filter) by \(key)").first, let rows = chart["rows"] as? [[String: Any]] else {
            Issue.record("no chart for \(filter)")
            return
        }
        let keys = rows.compactMap { $0["key"] as? String }.filter { $0 != "undated" }
        let found = run(keys.map { "count \(filter) in \($0)\ncount \(filter) in \($0) and basis document" }.joined(separator: "\n"))
        #expect(found.count == 2 * keys.count)
        for (k, row) in rows.filter({ $0["key"] as? String != "undated" }).enumerated() where 2 * k + 1 < found.count {
            #expect(found[2 * k]["count"] as? Int == row["count"] as? Int, "\(filter) by \(key): \(row) vs in \(keys[k]): \(found[2 * k])")
            #expect(found[2 * k + 1]["count"] as? Int == row["publication_dated"] as? Int, "\(filter) \(keys[k]) publication share")
        }
    }

    static func quote(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }

    static let filters = generator { rng in
        rng.pick(["actor " + quote(rng.pick(SeedCorpus.actors)), "place " + quote(rng.pick(SeedCorpus.places)),
                  "type " + quote(rng.pick(SeedCorpus.types)), "doc " + rng.pick(SeedCorpus.docIds), ""])
    }

    @Test func countByYearAgreesWithInYear() async {
        await propertyCheck(count: 25, input: Self.filters) { filter in Self.agree(filter, by: "year") }
    }

    @Test func countByMonthAgreesWithInMonth() async {
        await propertyCheck(count: 6, input: Self.filters) { filter in Self.agree(filter, by: "month") }
    }

    @Test func wholeCorpusByYearAgrees() { Self.agree("", by: "year") }

    /// The basis filter splits every sentence in three.
    @Test func basisPartitionsTheCorpus() {
        let counts = Self.run("count basis explicit\ncount basis context\ncount basis document\ncount not basis explicit and not basis context and not basis document\ncount")
        let n = counts.compactMap { $0["count"] as? Int }
        #expect(n.count == 5)
        guard n.count == 5 else { return }
        #expect(n[0] + n[1] + n[2] + n[3] == n[4])
        #expect(n[0] > 0 && n[1] > 0 && n[2] > 0)
    }
}
