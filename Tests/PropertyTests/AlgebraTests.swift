import Testing
import PropertyBased
@testable import DossierTime
@testable import DossierCore

/// Boolean laws of the filter language, evaluated over the seeds corpus for generated filters built
/// from actors, places, types, documents, dates, phrases and regular expressions.
@Suite("Filter algebra")
struct AlgebraTests {
    static func leaf<R: RandomNumberGenerator>(_ rng: inout R) -> Filter {
        switch Int.random(in: 0..<10, using: &rng) {
        case 0, 1: return .actor(ref(rng.pick(SeedCorpus.actors)))
        case 2: return .place(ref(rng.pick(SeedCorpus.places)))
        case 3: return .type(ref(rng.pick(SeedCorpus.types)))
        case 4: return .document(ref(rng.pick(SeedCorpus.docIds)))
        case 5: return .phrase(rng.pick(SeedCorpus.words), noSpan)
        case 6: return .regex(pattern: Trees.regex(&rng), caseInsensitive: rng.chance(30), noSpan)
        case 7: return .date(rng.pick([.since, .until, .before, .after, .within]), Trees.period(&rng), noSpan)
        case 8: return .basis(rng.pick([TimeBasis.explicit, .context, .document]), noSpan)
        default:
            var a = Trees.period(&rng), b = Trees.period(&rng)
            if b.end < a.start { swap(&a, &b) }
            return .between(a, b, noSpan)
        }
    }

    static func filter<R: RandomNumberGenerator>(_ rng: inout R, depth: Int) -> Filter {
        guard depth > 0, rng.chance(50) else { return leaf(&rng) }
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: return .and(filter(&rng, depth: depth - 1), filter(&rng, depth: depth - 1))
        case 1: return .or(filter(&rng, depth: depth - 1), filter(&rng, depth: depth - 1))
        default: return .not(filter(&rng, depth: depth - 1))
        }
    }

    static let pairs = generator { rng in (filter(&rng, depth: 2), filter(&rng, depth: 2)) }

    func ids(_ f: Filter) -> Set<Int32> {
        do { return try SeedCorpus.ids(f) } catch {
            Issue.record("\(Shape.of(f)) failed: \(error)")
            return []
        }
    }

    @Test func contradictionIsEmptyAndExcludedMiddleIsEverything() async {
        await propertyCheck(count: 150, input: Self.pairs) { (a, _) in
            #expect(ids(.and(a, .not(a))).isEmpty, "\(Shape.of(a))")
            #expect(ids(.or(a, .not(a))) == SeedCorpus.all, "\(Shape.of(a))")
            #expect(ids(.not(a)) == SeedCorpus.all.subtracting(ids(a)), "\(Shape.of(a))")
        }
    }

    /// The year index answers date filters as a scan of every sentence's periods would.
    @Test func dateFiltersAgreeWithAScanOfEverySentence() async {
        let corpus = SeedCorpus.corpus
        func scan(_ test: (Period) -> Bool) -> Set<Int32> {
            Set((0..<Int32(corpus.sentences.count)).filter { corpus.periods(of: $0).contains(where: test) })
        }
        let input = generator { rng in
            (rng.pick([DateRelation.since, .until, .before, .after, .within]), Trees.period(&rng), Trees.period(&rng))
        }
        await propertyCheck(count: 300, input: input) { (relation, p, q) in
            let expected: Set<Int32>
            switch relation {
            case .since: expected = scan { $0.end >= p.start }
            case .until: expected = scan { $0.start <= p.end }
            case .before: expected = scan { $0.start < p.start }
            case .after: expected = scan { $0.end > p.end }
            case .within: expected = scan { $0.overlaps(p) }
            }
            #expect(ids(.date(relation, p, noSpan)) == expected, "\(relation) \(p)")
            let (a, b) = p.start <= q.start ? (p, q) : (q, p)
            let span = Period(start: a.start, end: b.end, granularity: .day)
            let between = scan { $0.overlaps(span) }
            #expect(ids(.between(a, b, noSpan)) == between, "between \(a) and \(b)")
            // Narrowed first by another filter, small (an actor) or large (another date).
            #expect(ids(.and(.actor(ref("Russia")), .date(relation, p, noSpan))) == ids(.actor(ref("Russia"))).intersection(expected))
            #expect(ids(.and(.between(a, b, noSpan), .date(relation, p, noSpan))) == between.intersection(expected))
        }
    }

    @Test func doubleNegation() async {
        await propertyCheck(count: 150, input: Self.pairs) { (a, _) in
            #expect(ids(.not(.not(a))) == ids(a), "\(Shape.of(a))")
        }
    }

    @Test func orIsUnionAndIsIntersection() async {
        await propertyCheck(count: 150, input: Self.pairs) { (a, b) in
            let (x, y) = (ids(a), ids(b))
            let union = ids(.or(a, b)), meet = ids(.and(a, b))
            #expect(union.isSuperset(of: x) && union.isSuperset(of: y), "\(Shape.of(a)) | \(Shape.of(b))")
            #expect(union == x.union(y), "\(Shape.of(a)) | \(Shape.of(b))")
            #expect(meet.isSubset(of: x) && meet.isSubset(of: y), "\(Shape.of(a)) & \(Shape.of(b))")
            #expect(meet == x.intersection(y), "\(Shape.of(a)) & \(Shape.of(b))")
            #expect(ids(.and(b, a)) == meet && ids(.or(b, a)) == union, "commutativity: \(Shape.of(a)), \(Shape.of(b))")
        }
    }

    @Test func deMorgan() async {
        await propertyCheck(count: 150, input: Self.pairs) { (a, b) in
            #expect(ids(.not(.or(a, b))) == ids(.and(.not(a), .not(b))), "\(Shape.of(a)), \(Shape.of(b))")
            #expect(ids(.not(.and(a, b))) == ids(.or(.not(a), .not(b))), "\(Shape.of(a)), \(Shape.of(b))")
        }
    }

    /// The same laws hold for the text a user types: printed, parsed and evaluated, `A and not A`
    /// finds nothing and `where` narrows like `and`.
    @Test func throughTheParser() async {
        await propertyCheck(count: 100, input: generator { rng in
            (Self.filter(&rng, depth: 2), Self.filter(&rng, depth: 2), UInt64.random(in: 0...UInt64.max, using: &rng))
        }) { (a, b, variant) in
            var printer = SourcePrinter(variant: variant)
            let (ta, tb) = (printer.filter(a), printer.filter(b))
            func run(_ source: String) -> Set<Int32>? {
                do {
                    let statements = try Parser.parse(source, file: "<property>")
                    guard case .find(let f, let stages) = statements.first?.command else { return nil }
                    var set = try SeedCorpus.evaluator().sentences(f)
                    for case .filter(let g) in stages { set = try SeedCorpus.evaluator().sentences(g, within: set) }
                    return Set(set.ids)
                } catch {
                    Issue.record("\(source.debugDescription): \(error)")
                    return nil
                }
            }
            #expect(run("find (\(ta)) and not (\(ta))") == [], "\(ta)")
            #expect(run("find (\(ta)) | where \(tb)") == run("find (\(ta)) and (\(tb))"), "\(ta) | \(tb)")
            #expect(run("find \(ta)") == ids(a), "\(ta)")
        }
    }
}
