import DossierTime

/// What a command produced, before it is printed in a format.
public enum CommandResult: Sendable {
    /// Sentences: all matches in order, and how many to show.
    case sentences(SentenceResult)
    /// Keys with counts (`count ... by`, `top`).
    case counts(CountResult)
    /// A listing or ranking with named columns (`actors`, `docs`, `cooccur`).
    case table(TableResult)
    /// Key-word-in-context lines (`kwic`).
    case concordance(ConcordanceResult)
    /// One thing described (`show actor`, `show doc`).
    case profile(ProfileResult)
    /// How many sentences match (`count FILTER` without `by`), and what the count left out or why it is empty.
    case total(Int, note: String?)
    /// A plain message (`echo`, `help`).
    case message(String)
    /// A confirmation (`set`, `let`, `export`): shown in text and JSON, silent in csv, tsv and markdown.
    case note(String)
    case nothing
}

/// Sentence matches, with what to highlight when showing them.
public struct SentenceResult: Sendable {
    /// The sentences the command yields (after `| limit`).
    public var ids: [Int32]
    /// How many matched before any `| limit`.
    public var total: Int
    /// Whether `| limit` cut the rows: then they are all shown, whatever the display page.
    public var limited = false
    public var highlightEntities: Set<Int32>
    public var highlightPhrases: [String]
    /// Which rows `| limit N offset M`, `| sample N` and `top N` kept, step by step.
    var steps = Sample.Steps()
    /// What the header says of them instead of "showing the first N".
    public var selection: String? { steps.header }
    /// A note shown when nothing matched and the filter explains why.
    public var note: String?
}

/// Counts by a key; `chart` draws them as bars in text.
public struct CountResult: Sendable {
    public var key: String
    public var rows: [(key: String, count: Int)]
    public var total: Int
    public var chart: Bool
    /// Whether `| limit` (or `top N`) cut the rows.
    public var limited = false
    /// How many keys there were before `| limit`, `offset` or `sample` chose `rows`, so that a program reading the
    /// counts learns that keys were left out.
    public var keys: Int
    /// Which rows `| limit N offset M`, `| sample N` and `top N` kept, step by step.
    var steps = Sample.Steps()
    /// What the header says of them instead of "showing the first N".
    public var selection: String? { steps.header }
    /// The largest count before `| limit`, `offset` or `| sample` chose the rows: a chart's bars keep the scale of the
    /// whole count, so a year with 1 sentence is not drawn as the peak because it is the largest row left.
    var largest: Int?
    /// Whether some sentence counts under more than one year (month), its time covering several: then the rows add up
    /// to more than the sentences, and a chart says so.
    var spread = false
    /// For counts by year or month: how many of each key's sentences are dated only by their document's publication
    /// date, drawn apart in charts and SVG pictures.
    public var publicationDated: [String: Int] = [:]
    /// What the counts left out and why (matches in repeated texts), said under the header.
    public var note: String?
}

/// Rows of values under named columns; `jsonName` names the kind of rows in JSON.
public struct TableResult: Sendable {
    public var columns: [String]
    public var rows: [[Value]]
    public var total: Int
    /// Whether `| limit` cut the rows.
    public var limited = false
    /// Which rows `| limit N offset M`, `| sample N` and `top N` kept, step by step.
    var steps = Sample.Steps()
    /// What the header says of them instead of "showing the first N".
    public var selection: String? { steps.header }
    public var title: String
    /// Columns holding numbers, right-aligned in text.
    public var numeric: Set<Int>
    /// What the rows left out and why (matches in repeated texts), said under the title.
    public var note: String? = nil
}

/// Each place a `kwic` centres on, with its context: printed as aligned lines for people, as rows for programs.
public struct ConcordanceResult: Sendable {
    /// Where each line is, in order: a line's strings are made only when it is shown, sorted on or exported, so a
    /// kwic of thousands of lines shown a page at a time makes a page of them.
    var places: [ConcordancePlace]
    /// Makes the line at a place.
    let line: @Sendable (ConcordancePlace) -> ConcordanceLine
    /// How many lines there were before any `| limit` or `| sample`.
    public var total: Int
    /// Whether `| limit` cut the lines.
    public var limited = false
    /// Which lines `| limit N offset M` and `| sample N` kept, step by step.
    var steps = Sample.Steps()
    /// What the header says of them instead of "showing the first N".
    public var selection: String? { steps.header }
    /// What the lines centre on, as the header says it: `"tactical alliance"`, `actor Wagner`.
    public var centre: String
    /// What the lines left out and why (matches in repeated texts), said under the header.
    public var note: String? = nil
}

/// One concordance line: where it is, the match and the context either side.
public struct ConcordanceLine: Sendable, Equatable {
    public var doc: String
    public var sentence: Int
    public var left: String
    public var match: String
    public var right: String

    static let columns = ["doc", "sentence", "left", "match", "right"]

    /// The line as a spreadsheet row, under `columns`.
    var cells: [String] { [doc, String(sentence), left, match, right] }

    /// The line as a program reads it in JSON.
    var json: Value {
        .object([("doc", .string(doc)), ("sentence", .int(sentence)), ("left", .string(left)), ("match", .string(match)), ("right", .string(right))])
    }
}

/// How many rows a result shows: all of them when `| limit` chose them, else up to the display page (nil: no page).
func shownRows(_ count: Int, limited: Bool, page: Int?) -> Int {
    limited ? count : min(count, page ?? count)
}
