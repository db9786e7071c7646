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
    case and(Filter, Filter)
    case or(Filter, Filter)
    case not(Filter)
}

/// One step of a pipeline after a sentence command.
public enum Stage: Hashable, Sendable {
    case filter(Filter)
    case sort(SortKey, descending: Bool)
    case limit(Int, SourceSpan)
}

/// The orders sentence results can be sorted in.
public enum SortKey: String, Sendable, CaseIterable {
    case time, doc
}

/// What `count ... by` groups on.
public enum CountKey: String, Sendable, CaseIterable {
    case year, month, doc, actor, place, type
}

/// A parsed command.
public indirect enum Command: Hashable, Sendable {
    case find(Filter?, [Stage])
    case count(Filter?, CountKey?, [Stage])
    case top(EntityKind, Int?, Filter?)
    case list(EntityKind, type: NameReference?, discovered: Bool)
    case documents
    case showEntity(EntityKind, NameReference)
    case showDocument(NameReference)
    /// `show sentence 004:12`: a sentence with the provenance of everything found in it.
    case showSentence(NameReference)
    case timeline(Filter?, [Stage])
    case kwic(String, width: Int?, Filter?, SourceSpan)
    case cooccur(NameReference, Filter?)
    case assign(String, Command, SourceSpan)
    case variable(String, SourceSpan)
    case set(String, String, SourceSpan)
    case export(Command, path: String, force: Bool, SourceSpan)
    /// `export model to "DIR"`: the whole model as tables.
    case exportModel(path: String, force: Bool, SourceSpan)
    case run(String, SourceSpan)
    case load(String, SourceSpan)
    case echo(String)
    case expectCount(Int)
    case expectContains(String)
    case help(String?)
    case saveTranscript(String, force: Bool, SourceSpan)
    case quit
    /// A command that is not a sentence search, with `| limit N` after it.
    case limited(Command, Int)
}

/// A command with the source text it came from and where it starts.
public struct Statement: Hashable, Sendable {
    public var command: Command
    public var text: String
    public var line: Int
    public var column: Int
}
