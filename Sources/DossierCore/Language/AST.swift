import DossierTime

/// Where a piece of a command is, to point a caret at it.
public struct SourceSpan: Hashable, Sendable {
    public var line: Int
    public var column: Int
    public var length: Int

    init(_ token: Token) {
        line = token.line
        column = token.column
        length = token.length
    }

    init(line: Int, column: Int, length: Int) {
        self.line = line
        self.column = column
        self.length = length
    }
}

/// A name as the user wrote it (an actor, place, type or document id), with its position.
public struct NameReference: Hashable, Sendable {
    public var text: String
    public var span: SourceSpan
}

/// How a date filter compares a sentence's interval with the date given (interval overlap).
public enum DateRelation: String, Sendable {
    case since, until, before, after, within = "in"
}

/// A condition on sentences: combined with and, or, not and parentheses.
public indirect enum Filter: Hashable, Sendable {
    case actor(NameReference)
    case place(NameReference)
    case type(NameReference)
    case document(NameReference)
    case phrase(String, SourceSpan)
    case regex(pattern: String, caseInsensitive: Bool, SourceSpan)
    case date(DateRelation, Period, SourceSpan)
    case between(Period, Period, SourceSpan)
    /// `basis explicit|context|document`: how the sentence's time is known.
    case basis(TimeBasis, SourceSpan)
    case variable(String, SourceSpan)
    /// `source VALUE` (key "source") or `field KEY VALUE`: documents whose manifest gives the key that value.
    case field(String, NameReference)
    /// `member of NAME`: sentences naming an actor affiliated to NAME (transitively) at the sentence's time.
    case member(NameReference)
    case and(Filter, Filter)
    case or(Filter, Filter)
    case not(Filter)
}

/// One step of a pipeline after a sentence command.
public enum Stage: Hashable, Sendable {
    case filter(Filter)
    case sort(SortKey, descending: Bool)
    case limit(Int, SourceSpan)
    /// `| limit N offset M`: the rows from the (M+1)th on, then the limit.
    case offset(Int)
    /// `| sample N [seed S]`: N rows chosen at random, reproducibly, kept in their order.
    case sample(Int, seed: UInt64)
    /// `| sort by count|KEY [desc]` after a count: its rows by their counts or by their keys (ties keep their order).
    case sortRows(RowOrder, descending: Bool)
}

/// What the rows of a count can be sorted on: how many sentences, or the key they are counted by (years in time
/// order, documents in corpus order, names alphabetically).
public enum RowOrder: String, Hashable, Sendable {
    case count, key
}

/// One step of a pipeline after a listing, ranking, count or concordance.
public enum ListingStage: Hashable, Sendable {
    case limit(Int, offset: Int)
    case sample(Int, seed: UInt64)
    /// `| sort by left|right [N]`: concordance lines by the Nth word from the match (1: the nearest).
    case sortByContext(ContextSide, Int, SourceSpan)
    /// `| sort by COLUMN [desc|asc]`: a listing's rows (docs, actors, tables) or a count's by one of its columns.
    case sortByColumn(String, descending: Bool, SourceSpan)
}

/// Which side of a concordance line to sort on.
public enum ContextSide: String, Hashable, Sendable {
    case left, right
}

/// The orders sentence results can be sorted in.
public enum SortKey: String, Sendable, CaseIterable {
    case time, doc
}

/// What `count ... by` groups on.
public enum CountKey: String, Sendable, CaseIterable {
    case year, month, doc, actor, place, type
}

/// What `collocates` looks around: a word or phrase, or an actor's mentions by any alias.
public enum CollocateNode: Hashable, Sendable {
    case words(String, SourceSpan)
    case actor(NameReference)
}

/// A parsed command.
public indirect enum Command: Hashable, Sendable {
    case find(Filter?, [Stage])
    case count(Filter?, CountKey?, [Stage])
    case top(EntityKind, Int?, Filter?)
    case list(EntityKind, type: NameReference?, discovered: Bool)
    case documents
    /// `docs duplicates`: documents whose text repeats an earlier document's.
    case duplicateDocuments
    case showEntity(EntityKind, NameReference)
    case showDocument(NameReference)
    /// `show sentence 004:12`: a sentence with the provenance of everything found in it.
    case showSentence(NameReference)
    case timeline(Filter?, [Stage])
    /// `kwic NODE [width N [words]] [FILTER]`: NODE says where lines centre, FILTER only selects sentences.
    case kwic(Filter, width: ContextWidth?, Filter?, SourceSpan)
    case cooccur(NameReference, Filter?)
    /// `count [FILTER] by source` or `by field KEY`: sentences counted by a document field's value.
    case countByField(Filter?, String, SourceSpan, [Stage])
    /// `network [FILTER]`: pairs of actors named in the same sentences; exported as a graph.
    case network(Filter?)
    /// `count words [FILTER] [with stopwords]`.
    case countWords(Filter?, withStopWords: Bool)
    /// `count ngrams N [FILTER] [with stopwords]`.
    case countNgrams(Int, Filter?, withStopWords: Bool)
    /// `collocates NODE [window N] [FILTER] [with stopwords]`.
    case collocates(CollocateNode, window: Int?, Filter?, withStopWords: Bool)
    /// `keywords FILTER [against FILTER] [with stopwords]`.
    case keywords(Filter, against: Filter?, withStopWords: Bool)
    case assign(String, Command, SourceSpan)
    /// `names`: the named results.
    case names
    /// `drop $NAME`: forget a named result.
    case drop(String, SourceSpan)
    case variable(String, SourceSpan)
    case set(String, String, SourceSpan)
    /// `set` alone: every setting and its value.
    case settings
    case export(Command, path: String, force: Bool, SourceSpan)
    /// `export model to "DIR"`: the whole model as tables.
    case exportModel(path: String, force: Bool, SourceSpan)
    /// `run "FILE" ARG...`: the arguments are `$1`, `$2`, ... in the script.
    case run(String, arguments: [String], SourceSpan)
    case load(String, SourceSpan)
    case echo(String)
    case expectCount(Int)
    case expectContains(String)
    case help(String?)
    case saveTranscript(String, force: Bool, SourceSpan)
    case quit
    /// A command that is not a sentence search, with `| limit N` after it.
    case limited(Command, Int)
    /// A command that is not a sentence search, with `| limit N offset M`, `| sample N` or `| sort by left|right` after it.
    case piped(Command, [ListingStage])
}

/// A command with the source text it came from and where it starts.
public struct Statement: Hashable, Sendable {
    public var command: Command
    public var text: String
    public var line: Int
    public var column: Int
}
