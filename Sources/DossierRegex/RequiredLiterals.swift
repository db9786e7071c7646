/// Derives byte strings that every match must contain, so callers can skip
/// sentences (or index postings) that lack them before running the automaton.
struct LiteralAnalysis {
    /// What is known about one subpattern: `exact` when it can only match that
    /// one byte string, otherwise strings every match of it contains.
    private struct Facts {
        var exact: [UInt8]?
        var required: [[UInt8]]
    }

    private static let maxExactLength = 256
    let caseInsensitive: Bool

    func requiredLiterals(_ node: RegexNode) -> [[UInt8]] {
        let facts = analyze(node)
        var result: [[UInt8]] = []
        for literal in facts.exact.map({ [$0] }) ?? facts.required where !literal.isEmpty && !result.contains(literal) {
            result.append(literal)
        }
        return result
    }

    private func analyze(_ node: RegexNode) -> Facts {
        switch node {
        case .empty, .anchor:
            return Facts(exact: [], required: [])
        case .literal(let scalars):
            var bytes: [UInt8] = []
            for scalar in scalars {
                if caseInsensitive && CaseFolding.hasUnknownCase(scalar) { return Facts(exact: nil, required: []) }
                let value = caseInsensitive ? CaseFolding.lowercase(scalar.value) : scalar.value
                bytes.append(contentsOf: UTF8Sequences.encode(value))
            }
            return Facts(exact: bytes, required: [])
        case .set(let set):
            if let value = set.singleScalar, !(caseInsensitive && CaseFolding.hasUnknownCase(Unicode.Scalar(value)!)) {
                return Facts(exact: UTF8Sequences.encode(value), required: [])
            }
            if caseInsensitive, set.ranges.count == 2, let value = foldedPairLowercase(set) {
                return Facts(exact: UTF8Sequences.encode(value), required: [])
            }
            return Facts(exact: nil, required: [])
        case .concat(let items):
            var run: [UInt8] = []
            var required: [[UInt8]] = []
            var allExact = true
            for item in items {
                let facts = analyze(item)
                if let exact = facts.exact, run.count + exact.count <= LiteralAnalysis.maxExactLength {
                    run.append(contentsOf: exact)
                } else {
                    allExact = false
                    if !run.isEmpty { required.append(run) }
                    run = facts.exact ?? []
                    required.append(contentsOf: facts.required)
                }
            }
            if allExact { return Facts(exact: run, required: []) }
            if !run.isEmpty { required.append(run) }
            return Facts(exact: nil, required: required)
        case .alternation(let branches):
            let facts = branches.map(analyze)
            if let first = facts.first?.exact, facts.allSatisfy({ $0.exact == first }) {
                return Facts(exact: first, required: [])
            }
            return Facts(exact: nil, required: [])
        case .repetition(let body, let min, let max, _, _):
            if max == 0 { return Facts(exact: [], required: []) }
            guard min > 0 else { return Facts(exact: nil, required: []) }
            let facts = analyze(body)
            if let exact = facts.exact, max == min, exact.count * min <= LiteralAnalysis.maxExactLength {
                return Facts(exact: Array(repeatElement(exact, count: min).joined()), required: [])
            }
            return Facts(exact: nil, required: facts.exact.map { [$0] } ?? facts.required)
        }
    }

    /// The lowercase member of a case-folded two-scalar class such as `[aA]`.
    private func foldedPairLowercase(_ set: ScalarSet) -> UInt32? {
        let low = set.ranges[0], high = set.ranges[1]
        guard low.lowerBound == low.upperBound, high.lowerBound == high.upperBound else { return nil }
        let lower = CaseFolding.lowercase(low.lowerBound)
        return CaseFolding.lowercase(high.lowerBound) == lower ? lower : nil
    }
}

extension RegexNode {
    /// Whether every match must begin at the start of the text.
    var isStartAnchored: Bool {
        switch self {
        case .anchor(let anchor): return anchor == .textStart
        case .concat(let items): return items.first?.isStartAnchored ?? false
        case .alternation(let branches): return branches.allSatisfy(\.isStartAnchored)
        case .repetition(let body, let min, _, _, _): return min > 0 && body.isStartAnchored
        case .empty, .literal, .set: return false
        }
    }
}
