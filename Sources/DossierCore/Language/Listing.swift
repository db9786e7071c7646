/// Reproducible random samples for `| sample N seed S`: SplitMix64 drives a partial Fisher–Yates shuffle, so a seed
/// picks the same rows on every machine and in every run; the rows keep their order.
enum Sample {
    /// What a header says of the rows a page or a sample kept.
    static func label(offset: Int, kept: Int) -> String {
        kept == 0 ? "none from row \(offset + 1) on" : kept == 1 ? "row \(offset + 1)" : "rows \(offset + 1) to \(offset + kept)"
    }

    static func label(sample n: Int, seed: UInt64) -> String { "a random sample of \(n) (seed \(seed))" }

    /// What a header says of rows kept in steps, the last step first: "a random sample of 2 (seed 1) of the first 5".
    struct Steps {
        /// The steps' words; nil while every row is kept.
        private(set) var words: String?
        /// Whether the only cut so far kept the first rows, which a header introduces with "showing".
        private var firstRowsOnly = false
        /// What the first cut named all the rows ("103 actors").
        private var all: String?

        /// `| limit N offset M` kept `kept` of `count` rows; `all` names those rows when this is the first cut ("103 actors").
        mutating func limit(offset: Int, kept: Int, of count: Int, all: String? = nil) {
            guard offset > 0 || kept < count else { return }
            if words == nil { self.all = all }
            let step = offset > 0 ? Sample.label(offset: offset, kept: kept) : "the first \(kept)"
            // The first 3 of the first 5 are the first 3.
            if offset == 0, firstRowsOnly { words = nil }
            add(words == nil ? step + (self.all.map { " of " + $0 } ?? "") : step, firstRows: offset == 0)
        }

        /// `| sample N seed S` kept `n` of `count` rows.
        mutating func sample(_ n: Int, seed: UInt64, of count: Int) {
            guard n < count else { return }
            add(Sample.label(sample: n, seed: seed), firstRows: false)
        }

        private mutating func add(_ step: String, firstRows: Bool) {
            firstRowsOnly = words == nil && firstRows
            words = words.map { "\(step) of \($0)" } ?? step
        }

        /// The header's words for the rows kept.
        var header: String? { words.map { firstRowsOnly ? "showing " + $0 : $0 } }
    }

    static func choose<T>(_ n: Int, from items: [T], seed: UInt64) -> [T] {
        guard n < items.count else { return items }
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var indices = Array(items.indices)
        for k in 0..<n {
            let j = k + Int(next() % UInt64(indices.count - k))
            indices.swapAt(k, j)
        }
        return indices.prefix(n).sorted().map { items[$0] }
    }
}

/// `| limit N offset M`, `| sample N` and `| sort by left|right` on results other than sentence searches.
extension Evaluator {
    func apply(_ stages: [ListingStage], to result: CommandResult) throws(Diagnostic) -> CommandResult {
        var result = result
        for stage in stages {
            switch stage {
            case .limit(let n, let offset):
                result = result.limited(to: n, offset: offset)
            case .sample(let n, let seed):
                result = result.selecting { count, steps in
                    steps.sample(n, seed: seed, of: count)
                    return Sample.choose(n, from: Array(0..<count), seed: seed)
                }
            case .sortByContext(let side, let n, let span):
                guard case .concordance(var concordance) = result else {
                    throw fail(span, "'sort by \(side.rawValue)' sorts concordance lines (kwic)", nil)
                }
                let keys = try rows(concordance.places) { place -> [UInt8] in
                    let line = concordance.line(place)
                    let words = PhraseMatcher.words(side == .left ? line.left : line.right)
                    let k = side == .left ? words.count - n : n - 1
                    return words.indices.contains(k) ? words[k] : []
                }
                // Stable: lines with the same word keep their order; lines with no Nth word come last.
                let order = try sorted(concordance.places.indices) { a, b in
                    let (x, y) = (keys[a], keys[b])
                    if x.isEmpty != y.isEmpty { return y.isEmpty }
                    return x != y ? x.lexicographicallyPrecedes(y) : a < b
                }
                concordance.places = order.map { concordance.places[$0] }
                result = .concordance(concordance)
            case .sortByColumn(let column, let descending, let span):
                result = try sorted(result, by: column, descending: descending, span: span)
            }
        }
        return result
    }
}

extension Evaluator {
    /// A listing's title saying the order a `| sort by` put its rows in, in place of the order it had ("by
    /// log-likelihood", "most often first"), which the rows no longer follow.
    static func reordered(_ title: String, by column: String, descending: Bool) -> String {
        var kept = title
        // Wherever it stands: a network's title goes on after it ("...; g2 left blank for Cuba": tester16 #3).
        for said in [", by log-likelihood", ", most often first"] { kept = kept.replacingOccurrences(of: said, with: "") }
        return kept + ", sorted by \(column)" + (descending ? " (descending)" : "")
    }

    /// A listing's rows (or a count's) in the order of one column: numbers by value, text ignoring case and accents,
    /// empty cells last; rows that tie keep their order.
    func sorted(_ result: CommandResult, by column: String, descending: Bool, span: SourceSpan) throws(Diagnostic) -> CommandResult {
        let wanted = column.lowercased()
        switch result {
        case .table(var table):
            guard let c = table.columns.firstIndex(where: { $0.lowercased() == wanted }) else {
                throw fail(span, "no column '\(column)' to sort by (columns: \(table.columns.joined(separator: ", ")))",
                           Suggest.nearest(column, in: table.columns))
            }
            let order = try sorted(table.rows.indices) { a, b in
                Self.precedes(table.rows[a][c], table.rows[b][c], descending: descending) ?? (a < b)
            }
            table.rows = order.map { table.rows[$0] }
            table.title = Self.reordered(table.title, by: table.columns[c], descending: descending)
            return .table(table)
        case .counts(var counts):
            guard wanted == "key" || wanted == "count" || wanted == counts.key else {
                throw fail(span, "no column '\(column)' to sort by (columns: \(counts.key), count)", Suggest.nearest(column, in: [counts.key, "count"]))
            }
            let byCount = wanted == "count"
            let order = try sorted(counts.rows.indices) { a, b in
                let (x, y) = (counts.rows[a], counts.rows[b])
                return Self.precedes(byCount ? .int(x.count) : .string(x.key), byCount ? .int(y.count) : .string(y.key), descending: descending) ?? (a < b)
            }
            counts.rows = order.map { counts.rows[$0] }
            return .counts(counts)
        case .concordance:
            throw fail(span, "kwic lines sort by 'left' or 'right' (the words beside the match)", Suggest.nearest(column, in: ["left", "right"]))
        default:
            throw fail(span, "'| sort by \(column)' orders a listing's rows; this result has none to order", nil)
        }
    }

    /// Whether `a` comes before `b` (nil when they tie): numbers by value, text folded, empty cells last either way.
    static func precedes(_ a: Value, _ b: Value, descending: Bool) -> Bool? {
        func number(_ v: Value) -> Double? {
            switch v {
            case .int(let n): Double(n)
            case .double(let d): d
            default: nil
            }
        }
        func text(_ v: Value) -> String? {
            switch v {
            case .null: nil
            case .string(let s): s.isEmpty ? nil : Folding.fold(s)
            default: Folding.fold(v.json)
            }
        }
        if let x = number(a), let y = number(b) { return x == y ? nil : (x < y) != descending }
        switch (text(a), text(b)) {
        case (nil, nil): return nil
        case (nil, _): return false
        case (_, nil): return true
        case (let x?, let y?): return x == y ? nil : (x < y) != descending
        }
    }
}

extension CommandResult {
    /// The result with only the rows (sentences, counted keys, table rows or concordance lines) at the indexes `pick`
    /// gives for a row count, all shown, and what the header says of them.
    func selecting(_ pick: (Int, inout Sample.Steps) -> [Int]) -> CommandResult {
        switch self {
        case .sentences(let r): .sentences(r.keeping(pick))
        case .counts(let r): .counts(r.keeping(pick))
        case .table(let t): .table(t.keeping(pick))
        case .concordance(let c): .concordance(c.keeping(pick))
        default: self
        }
    }
}

/// A result made of rows that `| limit`, `| sample` and `top N` choose from, saying in its header what they kept.
protocol RowSelection {
    associatedtype Row
    var selectableRows: [Row] { get set }
    var limited: Bool { get set }
    var steps: Sample.Steps { get set }
}

extension RowSelection {
    func keeping(_ pick: (Int, inout Sample.Steps) -> [Int]) -> Self {
        var kept = self
        let indexes = pick(selectableRows.count, &kept.steps)
        kept.selectableRows = indexes.map { selectableRows[$0] }
        kept.limited = true
        return kept
    }
}

extension SentenceResult: RowSelection {
    var selectableRows: [Int32] { get { ids } set { ids = newValue } }
}

extension CountResult: RowSelection {
    var selectableRows: [(key: String, count: Int)] { get { rows } set { rows = newValue } }
}

extension TableResult: RowSelection {
    var selectableRows: [[Value]] { get { rows } set { rows = newValue } }
}

extension ConcordanceResult: RowSelection {
    var selectableRows: [ConcordancePlace] { get { places } set { places = newValue } }
}
