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

/// One place in the text where an entity is named: its byte range and the rule that found it. A corpus holds one per
/// name in its text (500,000 at 100 MB), so the rule, the citation mark and the alias share one number, and the
/// sentence is the one whose mentions hold it (`Corpus.mentions(in:)`): a mention takes 16 bytes.
public struct Mention: Sendable, BitwiseCopyable {
    public var entity: Int32
    public var start: Int32
    public var end: Int32
    /// The alias's index above three bits: whether the mention is inside a citation, and the rule's two.
    private var code: UInt32

    /// The most aliases an entity's mentions can tell apart (29 bits).
    static let aliasLimit: Int32 = 1 << 29

    public init(entity: Int32, start: Int32, end: Int32, rule: MentionRule, isCitation: Bool = false, alias: Int32) {
        precondition(alias >= 0 && alias < Self.aliasLimit, "an alias index out of range")
        self.entity = entity
        self.start = start
        self.end = end
        code = UInt32(alias) << 3 | (isCitation ? 4 : 0) | UInt32(rule.rawValue)
    }

    /// How the mention was found.
    public var rule: MentionRule { MentionRule(rawValue: UInt8(code & 3))! }

    /// Inside an academic citation ("(France 24 2021)", "(Severin 2019: 72)"): shown with the sentence, but not a
    /// mention of the actor in the story, so counts, co-mentions and rankings leave it out.
    public var isCitation: Bool {
        get { code & 4 != 0 }
        set { code = newValue ? code | 4 : code & ~4 }
    }

    /// The index of the alias in the entity's aliases (for `.alias` and `.misspelling`).
    public var alias: Int32 { Int32(code >> 3) }
}

/// A mention as a batch's analysis finds it, with the number of its sentence in the batch: names told later in a
/// document add mentions to its earlier sentences, so a batch sorts its mentions by sentence before the corpus groups
/// them (the corpus keeps where each sentence's mentions start instead).
@dynamicMemberLookup
struct FoundMention: Sendable, BitwiseCopyable {
    var mention: Mention
    var sentence: Int32

    init(entity: Int32, sentence: Int32, start: Int32, end: Int32, rule: MentionRule, alias: Int32) {
        mention = Mention(entity: entity, start: start, end: end, rule: rule, alias: alias)
        self.sentence = sentence
    }

    subscript<T>(dynamicMember field: KeyPath<Mention, T>) -> T {
        @inline(__always) get { mention[keyPath: field] }
    }

    subscript<T>(dynamicMember field: WritableKeyPath<Mention, T>) -> T {
        @inline(__always) get { mention[keyPath: field] }
        @inline(__always) set { mention[keyPath: field] = newValue }
    }
}
