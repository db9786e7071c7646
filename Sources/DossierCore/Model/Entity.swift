/// Whether an entity acts (states, people, groups) or is somewhere things happen.
public enum EntityKind: String, Sendable, CaseIterable {
    case actor, place
}

/// What part an alias plays: the entity's own name, another name, a nationality word, or a capital standing for its government.
public enum AliasKind: String, Sendable {
    case name, alias, demonym, capital
}

/// One way a text can name an entity ("Russian Federation", "Russian", "Moscow").
public struct Alias: Hashable, Sendable {
    public var text: String
    public var kind: AliasKind
}

/// A link between entities kept apart from aliases: "Lobaye Invest — front company — Wagner Group".
public struct Relation: Hashable, Sendable {
    public var target: String
    public var role: String
}

/// Where an entity comes from: a lexicon line, or names the loader found in the text itself.
public enum EntityOrigin: Hashable, Sendable {
    case lexicon(SourceLocation)
    case discovered
}

/// An actor or a place of the model, with its aliases and relations.
public struct Entity: Sendable {
    public var name: String
    public var kind: EntityKind
    public var type: String
    public var aliases: [Alias]
    public var relations: [Relation]
    public var origin: EntityOrigin
    /// For places: the state or region it lies in.
    public var container: String?

    public var isDiscovered: Bool { origin == .discovered }
}
