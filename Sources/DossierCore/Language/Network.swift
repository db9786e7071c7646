import Foundation

/// The co-mention network of actors: who is named in the same sentences as whom, in the sentences a filter selects.
struct Network {
    struct Node {
        var name: String
        var type: String
        /// Sentences in scope that name the actor.
        var sentences: Int
    }

    struct Edge {
        var source: Int
        var target: Int
        /// Sentences naming both.
        var count: Int
        /// Log-likelihood of the pair against the sentences in scope, as `cooccur` scores it (negative: fewer than
        /// expected); nil when one of the two is named in every sentence in scope (`network actor Wagner`), where
        /// there are no sentences without it to compare with, so no association can be measured.
        var g2: Double?
    }

    var nodes: [Node]
    var edges: [Edge]
    /// Sentences in scope.
    var sentences: Int
}

extension Evaluator {
    func network(_ filter: Filter?) throws(Diagnostic) -> Network {
        let scope = try sentences(filter)
        var index: [Int32: Int] = [:]
        var nodes: [Network.Node] = []
        var pairs: [UInt64: Int] = [:]
        for s in scope.ids {
            if shouldStop() { throw interrupted }
            var seen: [Int] = []
            for m in corpus.mentions(in: s) where !m.isCitation && corpus.entities[Int(m.entity)].kind == .actor {
                let n: Int
                if let known = index[m.entity] { n = known } else {
                    n = nodes.count
                    index[m.entity] = n
                    nodes.append(Network.Node(name: corpus.entities[Int(m.entity)].name, type: corpus.entities[Int(m.entity)].type, sentences: 0))
                }
                if !seen.contains(n) { seen.append(n) }
            }
            for n in seen { nodes[n].sentences += 1 }
            for (i, a) in seen.enumerated() {
                for b in seen[(i + 1)...] { pairs[UInt64(min(a, b)) << 32 | UInt64(max(a, b)), default: 0] += 1 }
            }
        }
        let total = scope.count
        var edges = pairs.map { key, count in
            let a = Int(key >> 32), b = Int(key & 0xFFFF_FFFF)
            let table = Contingency(o11: count, r1: nodes[a].sentences, c1: nodes[b].sentences, n: total)
            let measurable = nodes[a].sentences < total && nodes[b].sentences < total
            return Network.Edge(source: a, target: b, count: count, g2: measurable ? table.logLikelihood : nil)
        }
        try sort(&edges) { ($0.count, nodes[$1.source].name, nodes[$1.target].name) > ($1.count, nodes[$0.source].name, nodes[$0.target].name) }
        return Network(nodes: nodes, edges: edges, sentences: total)
    }

    /// `network [FILTER]`: the edges as a table (for text, JSON, CSV).
    func networkTable(_ filter: Filter?) throws(Diagnostic) -> TableResult {
        let net = try network(filter)
        let rows: [[Value]] = net.edges.map {
            [.string(net.nodes[$0.source].name), .string(net.nodes[$0.target].name), .int($0.count), $0.g2.map(Value.double) ?? .null]
        }
        let everywhere = net.nodes.filter { $0.sentences == net.sentences && net.sentences > 0 }.map(\.name)
        let blank = everywhere.isEmpty ? "" : "; g2 left blank for \(everywhere.joined(separator: ", ")), named in every sentence"
        return TableResult(columns: ["source", "target", "count", "g2"], rows: rows, total: rows.count,
                           title: "pairs of actors named in the same sentences (\(net.nodes.count) actor\(net.nodes.count == 1 ? "" : "s")), most often first\(blank)",
                           numeric: [2, 3])
    }
}
