/// Words that tell discovery what a capitalised name is, kept as data users extend (`*.names` files beside a
/// lexicon): `first NAME` lines list people's first names ("Brian Greig" is a person because Brian is a first name).
public struct NameLists: Sendable {
    /// Folded first names.
    public private(set) var firstNames: Set<[UInt8]> = []

    public init() {}

    /// Reads a names file: `#` comments, blank lines, and `first NAME` lines; anything else is an error naming its line.
    public mutating func add(text: String, file: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingSpaces()
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0] == "first" else {
                diagnostics.append(Diagnostic(.error, at: SourceLocation(file: file, line: n + 1, column: 1),
                                              "expected 'first NAME', found '\(line)'"))
                continue
            }
            firstNames.insert(Array(Folding.fold(String(parts[1]).trimmingSpaces()).utf8))
        }
        return diagnostics
    }
}
