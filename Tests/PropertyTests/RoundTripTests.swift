import Testing
import PropertyBased
@testable import DossierTime
@testable import DossierCore

/// parse(print(tree)) == tree, for generated filters and commands, in every spelling the printer knows.
@Suite("Parse, print, parse")
struct RoundTripTests {
    static let filters = generator { rng in (Trees.filter(&rng, depth: 5), UInt64.random(in: 0...UInt64.max, using: &rng)) }
    static let commands = generator { rng in (Trees.command(&rng), UInt64.random(in: 0...UInt64.max, using: &rng)) }

    func parseOne(_ source: String) throws -> Command {
        let statements = try Parser.parse(source, file: "<property>")
        try #require(statements.count == 1, "expected one statement from \(source.debugDescription)")
        return statements[0].command
    }

    @Test func filtersRoundTrip() async {
        await propertyCheck(count: 400, input: Self.filters) { (filter, variant) in
            var printer = SourcePrinter(variant: variant)
            let source = "find " + printer.filter(filter)
            do {
                let parsed = try parseOne(source)
                guard case .find(let back, let stages) = parsed else {
                    Issue.record("\(source.debugDescription) parsed as \(Shape.of(parsed))")
                    return
                }
                #expect(stages.isEmpty)
                #expect(Shape.of(back) == Shape.of(filter), "source: \(source.debugDescription)")
                // Printing the parsed tree again (another spelling) reads back the same too.
                var again = SourcePrinter(variant: variant &+ 1)
                let second = "find " + again.filter(back!)
                if case .find(let third, _) = try parseOne(second) {
                    #expect(Shape.of(third) == Shape.of(filter), "source: \(second.debugDescription)")
                }
            } catch {
                Issue.record("\(source.debugDescription) does not parse: \(error)")
            }
        }
    }

    @Test func commandsRoundTrip() async {
        await propertyCheck(count: 300, input: Self.commands) { (command, variant) in
            var printer = SourcePrinter(variant: variant)
            let source = printer.command(command)
            do {
                let parsed = try parseOne(source)
                #expect(Shape.of(parsed) == Shape.of(command), "source: \(source.debugDescription)")
            } catch {
                Issue.record("\(source.debugDescription) does not parse: \(error)")
            }
        }
    }

    /// Precedence, stated once: not binds tightest, then and (or juxtaposition), then or.
    @Test func precedence() throws {
        guard case .find(let f, _) = try parseOne("find not actor A place B or doc C \"x\"") else { return }
        #expect(Shape.of(f) == #"or(and(not(actor("A")),place("B")),and(doc("C"),text("x")))"#)
    }
}

/// The checks above really run their cases (a guard against a silently empty property run).
@Suite("Property harness")
struct HarnessTests {
    final class Counter: @unchecked Sendable { var n = 0 }

    @Test func runsEveryCase() async {
        let counter = Counter()
        await propertyCheck(count: 123, input: RoundTripTests.filters) { _ in counter.n += 1 }
        #expect(counter.n == 123)
    }
}
