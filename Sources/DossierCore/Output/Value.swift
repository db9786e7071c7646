/// A JSON-shaped value: what every result is made of, whatever format prints it.
public indirect enum Value: Hashable, Sendable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case list([Value])
    case object([(String, Value)])

    public static func == (a: Value, b: Value) -> Bool { a.json == b.json }
    public func hash(into hasher: inout Hasher) { hasher.combine(json) }

    /// Compact JSON text, keys in the order given.
    public var json: String {
        var out = ""
        write(to: &out)
        return out
    }

    func write(to out: inout String) {
        write(to: &out, eachItem: {})
    }

    /// Writes the JSON text, calling `eachItem` before each item of a list (a renderer asks about Ctrl-C there).
    func write<E: Error>(to out: inout String, eachItem: () throws(E) -> Void) throws(E) {
        switch self {
        case .string(let s): Value.quote(s, into: &out)
        case .int(let n): out += String(n)
        case .double(let d): out += d.isFinite ? exact(d) : "null"
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .list(let items):
            out += "["
            for (i, item) in items.enumerated() {
                try eachItem()
                if i > 0 { out += ", " }
                try item.write(to: &out, eachItem: eachItem)
            }
            out += "]"
        case .object(let fields):
            out += "{"
            for (i, (key, value)) in fields.enumerated() {
                if i > 0 { out += ", " }
                Value.quote(key, into: &out)
                out += ": "
                try value.write(to: &out, eachItem: eachItem)
            }
            out += "}"
        }
    }

    static func quote(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                // C1 controls too: a raw U+009B starts an escape sequence on many terminals. The line and paragraph
                // separators end a line for Python's splitlines and many log readers: a JSON line stays one line.
                if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// The value as one cell of a machine format (CSV, TSV, an export): a number with all its digits, as JSON gives it.
    public var exactCell: String {
        if case .double(let d) = self { return d.isFinite ? exact(d) : "" }
        if case .list(let items) = self { return items.map(\.exactCell).joined(separator: "; ") }
        return cell
    }

    /// The value as one table cell for people: numbers to three decimals.
    public var cell: String {
        switch self {
        case .string(let s): return s
        case .int(let n): return String(n)
        case .double(let d): return format3(d)
        case .bool(let b): return b ? "true" : "false"
        case .null: return ""
        case .list(let items): return items.map(\.cell).joined(separator: "; ")
        case .object(let fields): return fields.map { "\($0.0)=\($0.1.cell)" }.joined(separator: " ")
        }
    }
}

/// A number with every digit it needs to be read back as itself (the shortest such decimal, the same on every machine):
/// what programs get, where rounding to three decimals made most of a collocation's small scores 0 (tester18 #16).
func exact(_ d: Double) -> String {
    // Swift writes the shortest round-trip decimal; a negative zero is written as zero, as three decimals wrote it.
    d == 0 ? "0.0" : d.description
}

/// Three decimals, no locale, no exponent: the same bytes on every machine.
func format3(_ d: Double) -> String {
    let scaled = (d * 1000).rounded()
    let negative = scaled < 0
    let magnitude = Int(abs(scaled))
    let text = "\(magnitude / 1000).\(String(repeating: "0", count: 3 - String(magnitude % 1000).count))\(magnitude % 1000)"
    return negative && magnitude != 0 ? "-" + text : text
}
