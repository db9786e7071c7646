@testable import DossierTime
@testable import DossierCore

/// Prints a parsed `Filter` or `Command` back to source text the parser reads to the same tree
/// (spans aside). `variant` picks among equivalent spellings: quoted or bare names, `text "x"` or
/// `"x"`, `matching /r/` or `/r/`, explicit `and` or juxtaposition, curly or straight quotes and
/// redundant parentheses, so a round trip covers every way of writing the same filter.
struct SourcePrinter {
    private var state: UInt64

    init(variant: UInt64) { state = variant }

    /// SplitMix64: the choices are deterministic for a given variant.
    private mutating func choose(_ n: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(n))
    }

    private mutating func flip() -> Bool { choose(2) == 0 }

    // MARK: Commands

    mutating func command(_ c: Command) -> String {
        switch c {
        case .find(let f, let stages): return "find" + optional(f) + self.stages(stages)
        case .timeline(let f, let stages): return "timeline" + optional(f) + self.stages(stages)
        case .count(let f, let key, let stages):
            return "count" + optional(f) + (key.map { " by " + $0.rawValue } ?? "") + self.stages(stages)
        case .top(let kind, let n, let f):
            return "top " + (kind == .actor ? "actors" : "places") + (n.map { " \($0)" } ?? "") + optional(f)
        case .list(let kind, let type, let discovered):
            let head = kind == .actor ? "actors" : "places"
            if let type { return head + " type " + name(type.text) }
            return discovered ? head + " discovered" : head
        case .documents: return "docs"
        case .showEntity(let kind, let n): return "show " + (kind == .actor ? "actor " : "place ") + name(n.text)
        case .showDocument(let n): return "show doc " + name(n.text)
        case .kwic(let node, let width, let f, _):
            let context: String
            switch width {
            case .characters(let n)?: context = " width \(n)"
            case .words(let n)?: context = " width \(n) words"
            case nil: context = ""
            }
            // A phrase node is written as a bare string: a filter written there would take in what follows it.
            let head: String
            if case .phrase(let p, _) = node { head = string(p) } else { head = filter(node) }
            return "kwic " + head + context + optional(f)
        case .cooccur(let n, let f): return "cooccur actor " + name(n.text) + optional(f)
        case .assign(let n, let inner, _): return "let \(n) = " + command(inner)
        case .variable(let n, _): return "$" + n
        case .limited(let inner, let n): return command(inner) + " | limit \(n)"
        case .help(let topic): return "help" + (topic.map { " " + $0 } ?? "")
        case .quit: return "quit"
        default: fatalError("SourcePrinter: no printer for \(c)")
        }
    }

    private mutating func optional(_ f: Filter?) -> String {
        f.map { " " + filter($0) } ?? ""
    }

    private mutating func stages(_ stages: [Stage]) -> String {
        stages.map { stage -> String in
            switch stage {
            case .filter(let f): return " | where " + filter(f)
            case .sort(let key, let descending):
                return " | sort by " + key.rawValue + (descending ? " desc" : flip() ? " asc" : "")
            case .limit(let n, _): return " | limit \(n)"
            // The parser reads `| limit N offset M` as an offset then a limit: the offset prints as a limit of all.
            case .offset(let m): return " | limit 1000000000 offset \(m)"
            case .sample(let n, let seed): return " | sample \(n) seed \(seed)"
            case .sortRows(let order, let descending): return " | sort by \(order.rawValue)" + (descending ? " desc" : "")
            }
        }.joined()
    }

    // MARK: Filters

    /// Binding strength: or 1, and 2, not 3, primaries 4.
    private static func strength(_ f: Filter) -> Int {
        switch f {
        case .or: 1
        case .and: 2
        case .not: 3
        default: 4
        }
    }

    mutating func filter(_ f: Filter, atLeast needed: Int = 1) -> String {
        var text: String
        switch f {
        case .or(let a, let b): text = filter(a, atLeast: 1) + " or " + filter(b, atLeast: 2)
        case .and(let a, let b):
            let left = filter(a, atLeast: 2), right = filter(b, atLeast: 3)
            // Side by side means "and", unless the right side starts with "not" (then "and" is needed
            // for readability only; both parse the same).
            text = left + (choose(3) == 0 ? " " : " and ") + right
        case .not(let a): text = "not " + filter(a, atLeast: 3)
        case .actor(let n): text = "actor " + name(n.text)
        case .place(let n): text = "place " + name(n.text)
        case .type(let n): text = "type " + name(n.text)
        case .document(let n): text = "doc " + name(n.text)
        case .phrase(let p, _): text = (flip() ? "text " : "") + string(p)
        case .regex(let pattern, let ci, _): text = (flip() ? "matching " : "") + regex(pattern, ci)
        case .date(let relation, let period, _): text = relation.rawValue + " " + date(period)
        case .between(let a, let b, _): text = "between " + date(a) + " and " + date(b)
        case .variable(let n, _): text = "$" + n
        case .basis(let b, _): text = "basis " + b.rawValue
        case .member(let n): text = "member of " + name(n.text)
        case .field(let key, let n): text = (key == "source" && flip() ? "source " : "field \(key) ") + name(n.text)
        }
        if Self.strength(f) < needed || choose(8) == 0 { text = "(" + text + ")" }
        return text
    }

    /// A name bare when the parser reads the same words back, else quoted.
    mutating func name(_ text: String) -> String {
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let bare = !words.isEmpty && words.allSatisfy(Self.isBareWord) && words.joined(separator: " ") == text
            && !["and", "or", "not"].contains(words[0].lowercased())
        return bare && flip() ? text : string(text)
    }

    private static func isBareWord(_ w: String) -> Bool {
        guard let first = w.first, first.isLetter else { return false }
        guard w.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" }) else { return false }
        // The parser reads words of the language in any case ("OR" is `or`).
        let word = w.lowercased()
        return !Parser.keywords.contains(word) && !Parser.looksLikeMisspeltKeyword(word) && word != "sentence"
    }

    /// A string literal with `\`, both closing quotes and line breaks escaped.
    mutating func string(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "”": out += "\\”"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(c)
            }
        }
        return flip() ? "\"" + out + "\"" : "“" + out + "”"
    }

    private func regex(_ pattern: String, _ ci: Bool) -> String {
        "/" + pattern.replacingOccurrences(of: "/", with: "\\/") + "/" + (ci ? "i" : "")
    }

    private func date(_ p: Period) -> String {
        switch p.granularity {
        case .year: return pad(p.start.year, 4)
        case .month: return pad(p.start.year, 4) + "-" + pad(p.start.month, 2)
        default: return pad(p.start.year, 4) + "-" + pad(p.start.month, 2) + "-" + pad(p.start.day, 2)
        }
    }

    private func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}

/// A span-free description of a tree, for comparing what was printed with what was parsed back.
enum Shape {
    static func of(_ f: Filter?) -> String {
        guard let f else { return "-" }
        switch f {
        case .actor(let n): return "actor(\(n.text.debugDescription))"
        case .place(let n): return "place(\(n.text.debugDescription))"
        case .type(let n): return "type(\(n.text.debugDescription))"
        case .document(let n): return "doc(\(n.text.debugDescription))"
        case .phrase(let p, _): return "text(\(p.debugDescription))"
        case .regex(let p, let ci, _): return "regex(\(p.debugDescription),\(ci))"
        case .date(let r, let p, _): return "\(r.rawValue)(\(period(p)))"
        case .between(let a, let b, _): return "between(\(period(a)),\(period(b)))"
        case .variable(let n, _): return "$\(n)"
        case .basis(let b, _): return "basis(\(b.rawValue))"
        case .member(let n): return "member(\(n.text.debugDescription))"
        case .field(let k, let n): return "field(\(k),\(n.text.debugDescription))"
        case .and: return "and(\(chain(f).map { of($0) }.joined(separator: ",")))"
        case .or: return "or(\(chain(f).map { of($0) }.joined(separator: ",")))"
        case .not(let a): return "not(\(of(a)))"
        }
    }

    /// The terms of a chain of one operator, however the parser grouped it (`a or b or c` in any tree).
    static func chain(_ f: Filter) -> [Filter] {
        switch f {
        case .and(let a, let b): return [a, b].flatMap { if case .and = $0 { chain($0) } else { [$0] } }
        case .or(let a, let b): return [a, b].flatMap { if case .or = $0 { chain($0) } else { [$0] } }
        default: return [f]
        }
    }

    static func period(_ p: Period) -> String { "\(p.start.iso)..\(p.end.iso)/\(p.granularity.name)" }

    static func of(_ stages: [Stage]) -> String {
        stages.map { stage -> String in
            switch stage {
            case .filter(let f): return "where(\(of(f)))"
            case .sort(let k, let d): return "sort(\(k.rawValue),\(d))"
            case .limit(let n, _): return "limit(\(n))"
            case .offset(let m): return "offset(\(m))"
            case .sample(let n, let seed): return "sample(\(n),\(seed))"
            case .sortRows(let order, let descending): return "sortRows(\(order.rawValue),\(descending))"
            }
        }.joined(separator: ",")
    }

    static func of(_ c: Command) -> String {
        switch c {
        case .find(let f, let s): return "find(\(of(f));\(of(s)))"
        case .timeline(let f, let s): return "timeline(\(of(f));\(of(s)))"
        case .count(let f, let k, let s): return "count(\(of(f));\(k?.rawValue ?? "-");\(of(s)))"
        case .top(let kind, let n, let f): return "top(\(kind.rawValue);\(n.map(String.init) ?? "-");\(of(f)))"
        case .list(let kind, let t, let d): return "list(\(kind.rawValue);\(t?.text.debugDescription ?? "-");\(d))"
        case .documents: return "docs"
        case .showEntity(let kind, let n): return "show(\(kind.rawValue);\(n.text.debugDescription))"
        case .showDocument(let n): return "showdoc(\(n.text.debugDescription))"
        case .kwic(let p, let w, let f, _): return "kwic(\(of(p));\(w.map { "\($0)" } ?? "-");\(of(f)))"
        case .cooccur(let n, let f): return "cooccur(\(n.text.debugDescription);\(of(f)))"
        case .assign(let n, let inner, _): return "let(\(n);\(of(inner)))"
        case .variable(let n, _): return "$\(n)"
        case .limited(let inner, let n): return "limited(\(of(inner));\(n))"
        case .help(let t): return "help(\(t ?? "-"))"
        case .quit: return "quit"
        default: return "other(\(c))"
        }
    }
}
