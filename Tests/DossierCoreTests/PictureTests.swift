import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import DossierCore

/// Exported pictures parse as what they claim to be, and hold the numbers the text output shows.
@Suite("Pictures")
struct PictureTests {
    /// Elements and their attributes, in document order, as an XML parser reads them.
    final class Elements: NSObject, XMLParserDelegate {
        var found: [(name: String, attributes: [String: String])] = []
        var text = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            found.append((name, attributes))
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }

    static func parse(_ text: String) throws -> Elements {
        let parser = XMLParser(data: Data(text.utf8))
        let elements = Elements()
        parser.delegate = elements
        #expect(parser.parse(), "well-formed XML: \(String(describing: parser.parserError))")
        return elements
    }

    static func export(_ command: String) throws -> String {
        let files = FakeFiles()
        let (session, output) = InterpreterTests.session(files)
        #expect(session.run(command, file: "<command>"), "\(output.err)")
        return try #require(files.files.values.first)
    }

    @Test func graphMLHoldsTheNetworkTheTableShows() throws {
        let table = rows(json("network place Mali"))
        let graph = try Self.parse(try Self.export("export network place Mali to \"mali.graphml\""))
        let nodes = graph.found.filter { $0.name == "node" }, edges = graph.found.filter { $0.name == "edge" }
        #expect(edges.count == table.count)
        #expect(Set(nodes.map { $0.attributes["id"]! }).count == nodes.count)
        let ids = Set(nodes.map { $0.attributes["id"]! })
        #expect(edges.allSatisfy { ids.contains($0.attributes["source"]!) && ids.contains($0.attributes["target"]!) })
        #expect(graph.found.first?.name == "graphml")
        #expect(graph.text.contains("Mali"))
    }

    @Test func gexfAndDotCarryTheSameEdges() throws {
        let edges = rows(json("network actor Wagner")).count
        let gexf = try Self.parse(try Self.export("export network actor Wagner to \"w.gexf\""))
        #expect(gexf.found.filter { $0.name == "edge" }.count == edges)
        let dot = try Self.export("export network actor Wagner to \"w.dot\"")
        #expect(dot.hasPrefix("graph comentions {"))
        #expect(dot.components(separatedBy: " -- ").count - 1 == edges)
    }

    /// Within `network actor Wagner` every sentence names the Wagner Group, so its pairs have no association to
    /// measure: their g2 is null (left out of the graph files), not a 0.000 that reads as "no association"; the
    /// other pairs keep theirs, and the title says which actor is blank.
    @Test func aPairWithAnActorInEverySentenceHasNoG2() throws {
        let table = rows(json("network actor Wagner"))
        let withWagner = table.filter { ($0["source"] as? String) == "Wagner Group" || ($0["target"] as? String) == "Wagner Group" }
        #expect(!withWagner.isEmpty)
        #expect(withWagner.allSatisfy { $0["g2"] is NSNull })
        #expect(table.contains { !($0["g2"] is NSNull) })
        let title = run("network actor Wagner").out.replacingOccurrences(of: "\n  ", with: " ")
        #expect(title.contains("g2 left blank for Wagner Group, named in every sentence"), "\(title.prefix(300))")
        #expect(rows(json("network")).allSatisfy { $0["g2"] is NSNumber })
        let graph = try Self.parse(try Self.export("export network actor Wagner to \"w.graphml\""))
        let weighted = graph.found.filter { $0.name == "data" && $0.attributes["key"] == "g2" }.count
        #expect(weighted == table.count - withWagner.count)
    }

    @Test func svgHasABarPerKeyWithItsCountAndLabelledAxes() throws {
        // Runs of five or more years with the same count are one bar, as in the text chart.
        let chart = rows(json("count actor Russia by year"))
        let share = Dictionary(uniqueKeysWithValues: chart.map { ($0["key"] as! String, $0["publication_dated"] as! Int) })
        let counts = Renderer.runs(chart.map { (key: $0["key"] as! String, count: $0["count"] as! Int) }, published: share)
        let svg = try Self.parse(try Self.export("export count actor Russia by year to \"russia.svg\""))
        let bars = svg.found.filter { $0.name == "rect" && $0.attributes["class"] == "bar" }
        try #require(bars.count == counts.count)
        #expect(counts.contains { $0.key.contains("..") }, "the 19th century is one bar")
        let heights = bars.map { Int($0.attributes["height"]!)! }
        let values = counts.map(\.count)
        for (h, v) in zip(heights, values) { #expect((h == 0) == (v == 0)) }
        #expect(heights.max() == heights[values.firstIndex(of: values.max()!)!], "the tallest bar is the largest count")
        #expect(svg.text.contains("sentences") && svg.text.contains("year"), "axes are labelled")
        // The publication-dated share is drawn apart, inside its bar: the seeds' 2022 is mostly the academic article's date.
        let published = svg.found.filter { $0.name == "rect" && $0.attributes["class"] == "published" }
        #expect(!published.isEmpty)
        for p in published {
            let bar = try #require(bars.first { $0.attributes["x"] == p.attributes["x"] })
            #expect(Int(p.attributes["height"]!)! <= Int(bar.attributes["height"]!)!)
        }
    }

    @Test func namesWithMarkupAreEscaped() throws {
        #expect(Pictures.xml("A & B <\"C\">\u{1}") == "A &amp; B &lt;&quot;C&quot;&gt; ")
    }

    @Test(arguments: [
        ("export find actor Wagner to \"w.svg\"", "only counts"),
        ("export count by year to \"y.graphml\"", "only 'network [FILTER]' exports to .graphml"),
    ])
    func picturesOfTheWrongKindAreErrors(_ command: String, _ message: String) {
        let (session, output) = InterpreterTests.session(FakeFiles())
        #expect(!session.run(command, file: "<command>"))
        #expect(output.err.contains(message), "\(output.err)")
    }
}
