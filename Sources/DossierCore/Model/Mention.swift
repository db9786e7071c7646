/// How a mention was found, so any answer can be explained.
public enum MentionRule: UInt8, Sendable, BitwiseCopyable {
    /// An alias of the lexicon, exactly (ignoring case and diacritics).
    case alias
    /// A misspelling of a long alias ("Bozzize" for "Bozizé").
    case misspelling
    /// A capitalised name the lexicon does not know.
    case discovered
    /// A short form standing for a discovered name told elsewhere in the document: a person's surname or first name, an
    /// organisation's acronym, a one-word place named again.
    case surname
}

/// One place in the text where an entity is named: its sentence, byte range and the rule that found it.
public struct Mention: Sendable, BitwiseCopyable {
    public var entity: Int32
    public var sentence: Int32
    public var start: Int32
    public var end: Int32
    public var rule: MentionRule
    /// Inside an academic citation ("(France 24 2021)", "(Severin 2019: 72)"): shown with the sentence, but not a
    /// mention of the actor in the story, so counts, co-mentions and rankings leave it out.
    public var isCitation = false
    /// The index of the alias in the entity's aliases (for `.alias` and `.misspelling`).
    public var alias: Int32
}
