import DossierTime

/// Whether an entity acts (states, people, groups) or is somewhere things happen.
public enum EntityKind: String, Sendable, CaseIterable {
    case actor, place
}

/// What part an alias plays: the entity's own name, another name, a nationality word, a capital standing for its
/// government, or a nationality word other peoples share ("Indian": the native peoples of the Americas too), which
/// is not the entity in a document that names such a people and never the entity.
public enum AliasKind: String, Sendable, CaseIterable {
    case name, alias, demonym, capital
    case sharedDemonym = "shared demonym"
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
    /// When the relation holds (`president, 2016-`: from 2016 on); nil: since always, until now.
    public var from: Period?
    public var until: Period?

    /// The years it holds, as a lexicon writes them: "2016-", "2003-2013", "2022"; nil when undated.
    public var years: String? {
        switch (from, until) {
        case (nil, nil): return nil
        case (let a?, nil): return "\(a.label)-"
        case (nil, let b?): return "-\(b.label)"
        case (let a?, let b?): return a == b ? a.label : "\(a.label)-\(b.label)"
        }
    }

    /// Whether the relation holds at some time of `period`; an undated relation always holds.
    public func holds(during period: Period) -> Bool {
        if let from, period.end < from.start { return false }
        if let until, period.start > until.end { return false }
        return true
    }

    /// Whether the relation makes its entity part of its target (an organ, an official, a front), as `member of`
    /// reads it, rather than placing it (operates in, deployed in), tying it the other way (funded by, backed by)
    /// or recording a past or a kinship (former president, successor, son, nationality).
    public var isMembership: Bool {
        let r = role.lowercased()
        if r.hasPrefix("former ") || r.hasSuffix(" in") || r.hasSuffix(" by") || r.hasSuffix(" into") || r.hasSuffix(" from") { return false }
        return !Self.ties.contains(r)
    }

    /// Roles that tie two entities without one being part of the other.
    static let ties: Set<String> = ["nationality", "owner", "successor", "successor organisation", "son", "origin", "associate",
                                    "linked state", "state-linked", "overseer"]
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
