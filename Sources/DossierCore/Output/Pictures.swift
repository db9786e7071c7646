import Foundation

/// Writes pictures a user opens elsewhere: a network for Gephi (GraphML, GEXF) or Graphviz (DOT), a bar chart as SVG.
enum Pictures {
    static func xml(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                // XML 1.0 forbids most control characters even as references.
                if c.value < 0x20 && c != "\t" && c != "\n" && c != "\r" { out += " " } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }

    static func graphml(_ net: Network) -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <key id="label" for="node" attr.name="label" attr.type="string"/>
          <key id="type" for="node" attr.name="type" attr.type="string"/>
          <key id="sentences" for="node" attr.name="sentences" attr.type="int"/>
          <key id="weight" for="edge" attr.name="weight" attr.type="int"/>
          <key id="g2" for="edge" attr.name="g2" attr.type="double"/>
          <graph id="co-mentions" edgedefault="undirected">

        """
        for (i, n) in net.nodes.enumerated() {
            out += "    <node id=\"n\(i)\"><data key=\"label\">\(xml(n.name))</data><data key=\"type\">\(xml(n.type))</data><data key=\"sentences\">\(n.sentences)</data></node>\n"
        }
        for (i, e) in net.edges.enumerated() {
            out += "    <edge id=\"e\(i)\" source=\"n\(e.source)\" target=\"n\(e.target)\"><data key=\"weight\">\(e.count)</data>\(e.g2.map { "<data key=\"g2\">\(exact($0))</data>" } ?? "")</edge>\n"
        }
        return out + "  </graph>\n</graphml>\n"
    }

    static func gexf(_ net: Network) -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gexf xmlns="http://gexf.net/1.3" version="1.3">
          <graph defaultedgetype="undirected">
            <attributes class="node">
              <attribute id="0" title="type" type="string"/>
              <attribute id="1" title="sentences" type="integer"/>
            </attributes>
            <attributes class="edge">
              <attribute id="0" title="g2" type="double"/>
            </attributes>
            <nodes>

        """
        for (i, n) in net.nodes.enumerated() {
            out += "      <node id=\"n\(i)\" label=\"\(xml(n.name))\"><attvalues><attvalue for=\"0\" value=\"\(xml(n.type))\"/><attvalue for=\"1\" value=\"\(n.sentences)\"/></attvalues></node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        for (i, e) in net.edges.enumerated() {
            out += "      <edge id=\"e\(i)\" source=\"n\(e.source)\" target=\"n\(e.target)\" weight=\"\(e.count)\">\(e.g2.map { "<attvalues><attvalue for=\"0\" value=\"\(exact($0))\"/></attvalues>" } ?? "")</edge>\n"
        }
        return out + "    </edges>\n  </graph>\n</gexf>\n"
    }

    static func dot(_ net: Network) -> String {
        func quoted(_ s: String) -> String {
            "\"" + s.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"").replacingAll("\n", with: " ") + "\""
        }
        var out = "graph comentions {\n  node [shape=ellipse];\n"
        for (i, n) in net.nodes.enumerated() {
            out += "  n\(i) [label=\(quoted(n.name)), sentences=\(n.sentences)];\n"
        }
        for e in net.edges {
            out += "  n\(e.source) -- n\(e.target) [weight=\(e.count), penwidth=\(format3(1 + log2(Double(e.count))))\(e.g2.map { ", g2=\(format3($0))" } ?? "")];\n"
        }
        return out + "}\n"
    }

    /// A bar chart of counts: one bar per key, in the result's order, with labelled axes and the count on each bar.
    /// The bars of a chart: by year or month, runs of five or more years with the same count are one bar `A..B`,
    /// as in text; other counts one bar a key.
    static func bars(_ r: CountResult) -> [(key: String, count: Int, published: Int)] {
        r.chart ? Renderer.runs(r.rows, published: r.publicationDated) : r.rows.map { ($0.key, $0.count, 0) }
    }

    static func barChart(_ r: CountResult, title: String) -> String {
        let rows = bars(r)
        let barWidth = rows.count > 60 ? 8 : rows.count > 24 ? 14 : 28
        let gap = max(2, barWidth / 4)
        let left = 70, top = 50, plotHeight = 300, bottom = 110
        let width = left + max(1, rows.count) * (barWidth + gap) + 40
        let height = top + plotHeight + bottom
        let maximum = max(1, rows.map(\.count).max() ?? 1)
        // Ticks at round steps: 1, 2 or 5 times a power of ten, about five of them.
        let steps = sequence(first: 1) { $0 * 10 }.prefix(10).flatMap { [$0, 2 * $0, 5 * $0] }
        let step = steps.first { maximum / $0 <= 5 } ?? 1
        let top2 = ((maximum + step - 1) / step) * step
        func y(_ v: Int) -> Int { top + plotHeight - v * plotHeight / top2 }
        var out = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" font-family="sans-serif" font-size="12">
          <rect width="100%" height="100%" fill="white"/>
          <text x="\(width / 2)" y="24" text-anchor="middle" font-size="15">\(xml(title))</text>

        """
        for v in stride(from: 0, through: top2, by: step) {
            out += "  <line x1=\"\(left)\" y1=\"\(y(v))\" x2=\"\(width - 30)\" y2=\"\(y(v))\" stroke=\"#ddd\"/>\n"
            out += "  <text x=\"\(left - 6)\" y=\"\(y(v) + 4)\" text-anchor=\"end\">\(v)</text>\n"
        }
        for (i, row) in rows.enumerated() {
            let x = left + gap + i * (barWidth + gap)
            out += "  <rect class=\"bar\" x=\"\(x)\" y=\"\(y(row.count))\" width=\"\(barWidth)\" height=\"\(y(0) - y(row.count))\" fill=\"#4a7ab5\"><title>\(xml(row.key)): \(row.count)</title></rect>\n"
            // The share dated only by publication date, as the lower, lighter part of the bar.
            if row.published > 0 {
                out += "  <rect class=\"published\" x=\"\(x)\" y=\"\(y(row.published))\" width=\"\(barWidth)\" height=\"\(y(0) - y(row.published))\" fill=\"#a9c4e4\"><title>\(xml(row.key)): \(row.published) dated by publication</title></rect>\n"
            }
            if barWidth >= 14 { out += "  <text x=\"\(x + barWidth / 2)\" y=\"\(y(row.count) - 4)\" text-anchor=\"middle\" font-size=\"10\">\(row.count)</text>\n" }
            let lx = x + barWidth / 2, ly = y(0) + 12
            out += "  <text x=\"\(lx)\" y=\"\(ly)\" text-anchor=\"end\" transform=\"rotate(-50 \(lx) \(ly))\">\(xml(row.key))</text>\n"
        }
        out += "  <line x1=\"\(left)\" y1=\"\(y(0))\" x2=\"\(width - 30)\" y2=\"\(y(0))\" stroke=\"black\"/>\n"
        out += "  <line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(y(0))\" stroke=\"black\"/>\n"
        out += "  <text x=\"\(left + (width - left - 30) / 2)\" y=\"\(height - 12)\" text-anchor=\"middle\">\(xml(r.key))</text>\n"
        if r.chart {
            out += "  <rect x=\"\(width - 250)\" y=\"34\" width=\"10\" height=\"10\" fill=\"#4a7ab5\"/><text x=\"\(width - 236)\" y=\"43\">dated in the text</text>\n"
            out += "  <rect x=\"\(width - 130)\" y=\"34\" width=\"10\" height=\"10\" fill=\"#a9c4e4\"/><text x=\"\(width - 116)\" y=\"43\">by publication</text>\n"
        }
        out += "  <text x=\"18\" y=\"\(top + plotHeight / 2)\" text-anchor=\"middle\" transform=\"rotate(-90 18 \(top + plotHeight / 2))\">sentences</text>\n"
        return out + "</svg>\n"
    }
}
