import Foundation
import Testing
@testable import DossierCore

/// kwic over any filter, context in words, and the pipelines that page, sample and sort listings.
@Suite("Concordance and listing pipelines")
struct ConcordanceTests {
    /// An actor's lines centre on every alias it is mentioned by; a regex's on each match.
    @Test(arguments: [
        ("kwic actor Russia", ["Russia", "Russian", "Russians", "Moscow"]),
        ("kwic /[Mm]ercenar[a-z]+/", ["mercenaries", "Mercenaries"]),
        ("kwic place Mali", ["Mali", "Bamako", "Malian"]),
    ])
    func kwicCentresOnWhatTheFilterPointsAt(_ command: String, _ allowed: [String]) throws {
        let r = rows(json(command))
        #expect(!r.isEmpty)
        let matches = Set(r.map { $0["match"] as! String })
        #expect(matches.isSubset(of: Set(allowed)) || !matches.isDisjoint(with: Set(allowed)), "\(matches)")
        #expect(matches.count > 1 || command.contains("Mali"), "more than one alias: \(matches)")
    }

    @Test func kwicOfAnActorHasOneLinePerMention() {
        let lines = rows(json("kwic actor Wagner")).count
        let mentions = rows(json("actors")).first { $0["name"] as? String == "Wagner Group" }?["mentions"] as? Int
        #expect(lines == mentions)
    }

    @Test func widthInWordsKeepsThatManyWordsEitherSide() {
        for row in rows(json("kwic actor Wagner width 3 words")) {
            let left = PhraseMatcher.words(row["left"] as! String), right = PhraseMatcher.words(row["right"] as! String)
            #expect(left.count <= 3 && right.count <= 3, "\(row)")
        }
        let full = rows(json("kwic \"tactical alliance\" width 2 words"))
        #expect(full.contains { ($0["left"] as? String) == "forming a " }, "\(full.prefix(3))")
    }

    /// No kwic line ends in white space, which an editor that trims lines would take away from a transcript.
    @Test(arguments: ["kwic \"tactical alliance\" width 30", "kwic actor Wagner width 3 words", "kwic /the/"])
    func kwicLinesEndWithoutWhiteSpace(_ command: String) {
        let r = run("set width 100\n" + command)
        #expect(r.ok, "\(r.err)")
        let lines = r.out.split(separator: "\n")
        #expect(lines.count > 3)
        #expect(!lines.contains { $0.last == " " }, "\(lines.filter { $0.last == " " })")
    }

    @Test func aNamedResultSelectsSentencesForALocatableNode() {
        let r = run("let recent = find since 2021\nkwic actor Russia and $recent")
        #expect(r.ok, "\(r.err)")
        let alone = run("let recent = find since 2021\nkwic $recent")
        #expect(!alone.ok)
        #expect(alone.err.contains("kwic needs something to centre on"), "\(alone.err)")
    }

    @Test(arguments: [("left", 1), ("right", 1), ("right", 2)])
    func sortByContextOrdersByTheNthWord(_ side: String, _ n: Int) {
        let r = rows(json("kwic \"Russia\" width 6 words | sort by \(side) \(n)"))
        let keys = r.map { row -> String in
            let words = PhraseMatcher.words(row[side] as! String).map { String(decoding: $0, as: UTF8.self) }
            let k = side == "left" ? words.count - n : n - 1
            return words.indices.contains(k) ? words[k] : "\u{10FFFF}"
        }
        #expect(keys == keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }), "\(keys)")
        #expect(r.count == rows(json("kwic \"Russia\" width 6 words")).count)
    }

    @Test func limitOffsetPagesThroughEveryKindOfResult() {
        for command in ["find actor Russia", "actors", "count by actor", "kwic \"Russia\"", "count words"] {
            let all = rows(json(command))
            let page = rows(json(command + " | limit 3 offset 4"))
            #expect(page.count == 3)
            #expect((page as NSArray).isEqual(to: Array(all[4..<7])), "\(command)")
        }
        let text = run("actors | limit 2 offset 5").out
        let total = json("actors")["count"] as? Int ?? 0
        #expect(text.hasPrefix("\(total) actors of the lexicon ("), "\(text)")
        #expect(text.split(separator: "\n").first?.hasSuffix("), rows 6 to 7") == true, "\(text)")
    }

    @Test func sampleIsReproducibleAndKeepsOrder() {
        let a = rows(json("find actor Russia | sample 5 seed 9")).map { "\($0["doc"]!):\($0["sentence"]!)" }
        let b = rows(json("find actor Russia | sample 5 seed 9")).map { "\($0["doc"]!):\($0["sentence"]!)" }
        let c = rows(json("find actor Russia | sample 5 seed 10")).map { "\($0["doc"]!):\($0["sentence"]!)" }
        let all = rows(json("find actor Russia")).map { "\($0["doc"]!):\($0["sentence"]!)" }
        #expect(a == b && a.count == 5)
        #expect(a != c, "another seed, another sample")
        #expect(Set(a).isSubset(of: Set(all)))
        #expect(a == all.filter(Set(a).contains), "rows keep their order")
        #expect(Sample.choose(3, from: [1, 2], seed: 1) == [1, 2])
    }

    /// Overlapping places keep the leftmost, then the longest, whether they come from one phrase, several phrases
    /// (placed by word ordinals) or a phrase beside a regex (placed by bytes): the same lines either way.
    @Test(arguments: [
        ("kwic \"la la\"", "repeat", ["la la", "la la", "la. la", "la la"]),
        ("kwic text \"la la\" or text \"la\"", "repeat", ["la la", "la la", "la. la", "la la"]),
        ("kwic text \"la\" or text \"la la\"", "repeat", ["la la", "la la", "la. la", "la la"]),
        ("kwic /la/ or text \"la la\"", "repeat", ["la la", "la la", "la. la", "la la"]),
        ("kwic /la$/ or text \"la\"", "repeat", ["la", "la", "la", "la", "la", "la", "la", "la"]),
        ("kwic text \"new york\" or text \"york's new\"", "repeat", ["New York", "New York", "New York"]),
        ("kwic text \"york's new\" or text \"new york\"", "repeat", ["New York", "New York", "New York"]),
        ("kwic text \"states\" or text \"united states\"", "states",
         ["United States", "united states", "United States", "UNITED STATES", "United, States", "United — States", "United-States",
          "States", "Únïted Stätes", "United” “States"]),
    ])
    func overlappingPlacesKeepTheLeftmostLongest(_ command: String, _ doc: String, _ matches: [String]) {
        let lines = rows(json(command, corpus: PhrasePositionTests.hostile)).filter { $0["doc"] as? String == doc }
        #expect(lines.map { $0["match"] as? String ?? "" } == matches)
    }

    /// A page of lines is made from the places alone: the lines shown are those of the whole listing, paged.
    @Test(arguments: ["kwic \"Russia\"", "kwic \"the\" width 3 words", "kwic actor Russia or \"Wagner\"", "kwic /[Rr]uss[a-z]+/"])
    func aPageShowsTheFirstLinesOfTheWholeListing(_ command: String) {
        let all = rows(json(command))
        let out = run(command, format: .json, limit: 5, limitForEveryFormat: true).out.split(separator: "\n").last.map(String.init) ?? ""
        let page = jsonObject(out) ?? [:]
        #expect(all.count > 5)
        #expect(page["count"] as? Int == all.count)
        #expect(page["shown"] as? Int == 5)
        #expect((rows(page) as NSArray).isEqual(to: Array(all.prefix(5))), "\(command)")
    }

    @Test(arguments: [
        ("actors | sort by left", "'sort by left' sorts concordance lines (kwic)"),
        ("kwic actor Wagner width 80 words", "width in words must be a whole number from 1 to 50"),
        ("kwic in 2021", "kwic needs something to centre on"),
        ("find actor Wagner | limit 2 offset -1", "offset must be a whole number"),
    ])
    func badConcordanceCommandsAreErrors(_ command: String, _ message: String) {
        expectError(command, saying: message)
    }
}

/// kwic finds each sentence's phrase places with a cursor that walks forward; it must answer as a search by halves
/// does, whatever order the sentences are asked in.
@Suite("Sorted cursor")
struct SortedCursorTests {
    @Test(arguments: [
        ([] as [Int32], [0, 5, -1] as [Int32]),
        ([7], [7, 7, 6, 7, 8]),
        ([1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21], [0, 1, 2, 3, 21, 22]),
        ([1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21], [21, 1, 19, 3, 17, 5]),
        ([1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21], [1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23]),
        ([1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21], [4, 4, 5, 5, 6, 20, 19, 2]),
        (Array(stride(from: 0, to: 3000, by: 3)), [0, 2999, 2998, 3, 1500, 1499, 1501, 2997, 3000, -4]),
    ])
    func answersAsASearchByHalves(_ ids: [Int32], _ asked: [Int32]) {
        let cursor = SortedCursor(ids)
        for id in asked {
            #expect(cursor.index(of: id) == ids.firstIndex(of: id), "\(id)")
        }
    }

    /// Every id of a long list asked in ascending order, with every other id between them: each is found at its place.
    @Test func walksALongListInOrder() {
        let ids = (0..<10_000).map { Int32($0 * 7 + $0 % 3) }
        let members = Set(ids)
        let cursor = SortedCursor(ids)
        var found = 0
        for id in 0...(ids.last! + 2) {
            if let k = cursor.index(of: id) {
                #expect(ids[k] == id)
                found += 1
            } else {
                #expect(!members.contains(id), "\(id) missed")
            }
        }
        #expect(found == ids.count)
    }
}
