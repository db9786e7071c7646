import Foundation
import PropertyBased
@testable import DossierTime
@testable import DossierCore

/// Where the package lives, found from this file.
enum PropertyPaths {
    static let package: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    static let seeds = package + "/seeds"
}

/// The seeds corpus, loaded once.
enum SeedCorpus {
    static let corpus: Corpus = {
        var loader = CorpusLoader()
        _ = loader.addResources(from: PropertyPaths.seeds)
        return loader.load([PropertyPaths.seeds]).0
    }()

    /// Canonical names and aliases of lexicon entities mentioned in the corpus, by kind.
    static func names(_ kind: EntityKind) -> [String] {
        var out: [String] = []
        for (i, e) in corpus.entities.enumerated() where e.kind == kind && !corpus.entitySentences[i].isEmpty {
            out.append(e.name)
            out += e.aliases.prefix(2).map(\.text)
        }
        return Array(Set(out)).sorted()
    }

    static let actors = names(.actor)
    static let places = names(.place)
    static let types: [String] = Array(Set(corpus.entities.map(\.type))).sorted()
    static let docIds: [String] = corpus.documents.map(\.id)
    /// Words that occur in the corpus, for phrases that sometimes match.
    static let words = ["Russia", "Wagner", "security", "France", "the", "Bangui", "military", "troops", "Mali",
                        "tactical alliance", "Central African", "president", "2021", "Touadéra", "in the"]

    static func evaluator() -> Evaluator {
        Evaluator(corpus: corpus, variables: [:], fail: { span, message, _ in
            Diagnostic(.error, at: SourceLocation(file: "<property>", line: span.line, column: span.column), message)
        }, shouldStop: { false })
    }

    /// The sentence ids a filter keeps.
    static func ids(_ f: Filter) throws -> Set<Int32> {
        Set(try evaluator().sentences(f).ids)
    }

    static var all: Set<Int32> { Set((0..<Int32(corpus.sentences.count)).map { $0 }) }
}

let noSpan = SourceSpan(line: 1, column: 1, length: 1)

func ref(_ text: String) -> NameReference { NameReference(text: text, span: noSpan) }

extension RandomNumberGenerator {
    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }
    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &self) < percent }
}

/// Random values for the parser's trees. Each draws from `rng`, so a failing case replays from its seed.
enum Trees {
    static let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéüñ")
    /// Characters that need care inside a string literal, beside ordinary ones.
    static let awkward: [Character] = ["\\", "\"", "”", "“", "\n", "\t", " ", "/", "(", ")", "$", "|", "#", "’", "'", "—"]

    static func word<R: RandomNumberGenerator>(_ rng: inout R) -> String {
        String((0..<Int.random(in: 1...8, using: &rng)).map { _ in rng.pick(letters) })
    }

    /// A name `let` may take: no word of the language in any case ("OR" is the operator `or`, which a CI run drew).
    static func variableName<R: RandomNumberGenerator>(_ rng: inout R) -> String {
        var name = word(&rng)
        while Parser.keywords.contains(name.lowercased()) { name = word(&rng) }
        return name
    }

    static func phrase<R: RandomNumberGenerator>(_ rng: inout R) -> String {
        if rng.chance(50) { return rng.pick(SeedCorpus.words) }
        var s = word(&rng)
        for _ in 0..<Int.random(in: 0...6, using: &rng) {
            s.append(rng.chance(40) ? rng.pick(awkward) : rng.pick(letters))
        }
        return s
    }

    static func regex<R: RandomNumberGenerator>(_ rng: inout R) -> String {
        let pieces = ["Wagner", "Russia", "\\s+", "[a-z]+", ".", "(a|e)", "é", "/", "\\d{4}", "[A-Z]", "th", "x?", "\\b", "(?:an)"]
        return (0..<Int.random(in: 1...4, using: &rng)).map { _ in rng.pick(pieces) }.joined()
    }

    static func period<R: RandomNumberGenerator>(_ rng: inout R) -> Period {
        let year = rng.chance(80) ? Int.random(in: 1900...2030, using: &rng) : Int.random(in: 1...9999, using: &rng)
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: return Period.year(year)!
        case 1: return Period.month(year, Int.random(in: 1...12, using: &rng))!
        default:
            let month = Int.random(in: 1...12, using: &rng)
            return Period.day(year, month, Int.random(in: 1...Day.length(ofMonth: month, year: year), using: &rng))!
        }
    }

    /// A name: a real alias most of the time, else random words.
    static func name<R: RandomNumberGenerator>(_ rng: inout R, from list: [String]) -> String {
        if rng.chance(70), !list.isEmpty { return rng.pick(list) }
        return (0..<Int.random(in: 1...3, using: &rng)).map { _ in word(&rng) }.joined(separator: " ")
    }

    static func leaf<R: RandomNumberGenerator>(_ rng: inout R, variables: Bool) -> Filter {
        switch Int.random(in: 0..<(variables ? 10 : 9), using: &rng) {
        case 0: return .actor(ref(name(&rng, from: SeedCorpus.actors)))
        case 1: return .place(ref(name(&rng, from: SeedCorpus.places)))
        case 2: return .type(ref(name(&rng, from: SeedCorpus.types)))
        case 3: return .document(ref(rng.chance(70) ? String(rng.pick(SeedCorpus.docIds).prefix(Int.random(in: 3...20, using: &rng))) : word(&rng)))
        case 4: return .phrase(phrase(&rng), noSpan)
        case 5: return .regex(pattern: regex(&rng), caseInsensitive: rng.chance(30), noSpan)
        case 6, 7:
            return .date(rng.pick([.since, .until, .before, .after, .within]), period(&rng), noSpan)
        case 8:
            var a = period(&rng), b = period(&rng)
            if b.end < a.start { swap(&a, &b) }
            return .between(a, b, noSpan)
        default: return .variable(word(&rng), noSpan)
        }
    }

    static func filter<R: RandomNumberGenerator>(_ rng: inout R, depth: Int = 4, variables: Bool = true) -> Filter {
        guard depth > 0, rng.chance(60) else { return leaf(&rng, variables: variables) }
        switch Int.random(in: 0..<5, using: &rng) {
        case 0, 1: return .and(filter(&rng, depth: depth - 1, variables: variables), filter(&rng, depth: depth - 1, variables: variables))
        case 2, 3: return .or(filter(&rng, depth: depth - 1, variables: variables), filter(&rng, depth: depth - 1, variables: variables))
        default: return .not(filter(&rng, depth: depth - 1, variables: variables))
        }
    }

    static func stages<R: RandomNumberGenerator>(_ rng: inout R) -> [Stage] {
        (0..<Int.random(in: 0...3, using: &rng)).map { _ in
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: return .filter(filter(&rng, depth: 2))
            case 1: return .sort(rng.pick(SortKey.allCases), descending: rng.chance(50))
            default: return .limit(Int.random(in: 0...1000, using: &rng), noSpan)
            }
        }
    }

    static func command<R: RandomNumberGenerator>(_ rng: inout R) -> Command {
        let f: Filter? = rng.chance(80) ? filter(&rng, depth: 3) : nil
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: return .find(f, stages(&rng))
        case 1: return .timeline(f, stages(&rng))
        case 2: return .count(f, rng.chance(70) ? rng.pick(CountKey.allCases) : nil, stages(&rng).filter { if case .filter = $0 { true } else { false } })
        case 3: return .top(rng.pick(EntityKind.allCases), rng.chance(50) ? Int.random(in: 1...50, using: &rng) : nil, f)
        case 4:
            let width: ContextWidth? = rng.chance(50) ? .characters(Int.random(in: 10...400, using: &rng))
                : rng.chance(50) ? .words(Int.random(in: 1...50, using: &rng)) : nil
            return .kwic(.phrase(phrase(&rng), noSpan), width: width, f, noSpan)
        case 5: return .cooccur(ref(name(&rng, from: SeedCorpus.actors)), f)
        case 6: return .list(rng.pick(EntityKind.allCases), type: rng.chance(50) ? ref(name(&rng, from: SeedCorpus.types)) : nil, discovered: false)
        case 7: return .showEntity(rng.pick(EntityKind.allCases), ref(name(&rng, from: SeedCorpus.places)))
        case 8: return .assign(variableName(&rng), .find(f, stages(&rng)), noSpan)
        default: return .limited(.top(.actor, nil, f), Int.random(in: 0...100, using: &rng))
        }
    }
}

/// A generator from a function of a random number generator (no shrinking: the trees are small, and
/// a failure prints its input and the seed to replay it with `.fixedSeed`).
func generator<T: Sendable>(_ make: @Sendable @escaping (inout any SeededRandomNumberGenerator) -> T) -> Generator<T, Shrink.None<T>> {
    Generator(run: { rng in make(&rng) })
}
