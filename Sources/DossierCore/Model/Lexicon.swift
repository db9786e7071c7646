import DossierTime

/// The actors and places a user's corpus is read with: a bundled file (`seeds/dossier.lexicon`) plus any
/// the user adds with `--lexicon`. Entries with the same name merge, so a user file can extend a bundled one.
public struct Lexicon: Sendable {
    /// The entries, in the order they were first read (the compiled ones while `compiled` holds them).
    public var entities: [Entity] {
        guard let compiled else { return entries }
        return compiled.count == compiled.entities.count ? compiled.entities.all : Array(compiled.entities.all[..<compiled.count])
    }
    private var entries: [Entity] = []
    /// The first `count` of a compiled lexicon's entities (the others are those `expanded()` adds), decoded when asked for;
    /// nil once a lexicon is added, which makes them `entries`.
    private var compiled: (entities: CompiledEntities, count: Int)?
    /// Whether the lexicon has no entry.
    var isEmpty: Bool { compiled.map { $0.count == 0 } ?? entries.isEmpty }
    /// Entries by kind and folded name; nil until a lexicon is added to a compiled one (start-up never needs it).
    private var index: [String: Int]? = [:]
    /// Entries by kind and folded alias (names and `alias:` values), built with `index`: an entry named by another's
    /// alias merges into that one rather than making a second actor that a mention would count for twice.
    private var aliasIndex: [String: [Int]]? = [:]

    public init() {}

    /// A lexicon as compiled: its merged entries, the first `count` of the compiled entities.
    init(compiled entities: CompiledEntities, count: Int) {
        compiled = (entities, count)
        index = nil
        aliasIndex = nil
    }

    static let keys: Set<String> = ["type", "alias", "aliases", "demonym", "demonyms", "shared-demonym", "shared-demonyms", "capital",
                                    "affiliation", "in"]

    /// Reads lexicon text; problems come back as diagnostics naming file, line and column.
    public mutating func add(text: String, file: String) -> [Diagnostic] {
        add(Self.records(text: text, file: file))
    }

    /// A lexicon text's records and the problems of its syntax: what adding it reads first, which needs no lexicon (a
    /// second core reads them while the first adds another file's).
    static func records(text: String, file: String) -> (records: [Record], diagnostics: [Diagnostic]) {
        RecordFile.parse(text, file: file, kinds: ["actor", "place"], keys: Self.keys)
    }

    /// Adds a lexicon text's records (`records(text:file:)`).
    mutating func add(_ parsed: (records: [Record], diagnostics: [Diagnostic])) -> [Diagnostic] {
        if compiled != nil {
            entries = entities
            self.compiled = nil
        }
        if index == nil { index = Dictionary(entries.enumerated().map { (key($1.name, $1.kind), $0) }, uniquingKeysWith: { first, _ in first }) }
        if aliasIndex == nil {
            aliasIndex = [:]
            for (i, entity) in entries.enumerated() { noteAliases(of: entity, at: i) }
        }
        let (records, parseDiagnostics) = parsed
        var diagnostics = parseDiagnostics
        /// Fields naming another entry (`affiliation`, `in`), checked once the whole file is read, and the entries holding them.
        var references: [(field: Record.Field, target: String)] = []
        var touched = Set<Int>()
        for var record in records {
            diagnostics += Self.removeInvisibles(&record)
            if record.name.isEmpty { continue }
            let kind: EntityKind = record.kind == "place" ? .place : .actor
            let types = record.values("type")
            var entity = Entity(name: record.name, kind: kind, type: types.first?.lowercased() ?? "",
                                aliases: [Alias(text: record.name, kind: .name)], relations: [],
                                origin: .lexicon(record.location), container: record.values("in").first)
            if types.isEmpty, index?[key(record.name, kind)] == nil, aliasIndex?[key(record.name, kind)]?.count != 1 {
                diagnostics.append(Diagnostic(.warning, at: record.location, "'\(record.name)' has no 'type:'; using 'unknown'"))
                entity.type = "unknown"
            }
            // Aliases in the order of their kinds (names, then nationality words, then capitals), as matching expects.
            for kind in [AliasKind.alias, .demonym, .sharedDemonym, .capital] {
                for field in record.fields where Self.aliasKind(field.key) == kind {
                    for value in field.values { entity.aliases.append(Alias(text: value, kind: kind)) }
                    let listed = { (value: String) in Self.looksListed(value, beside: entity.aliases.map(\.text)) }
                    if field.values.contains(where: { $0.utf8.contains(UInt8(ascii: ",")) }), let value = field.values.first(where: listed) {
                        diagnostics.append(field.problem(.note, "'\(value)' is one \(field.key); several are separated by ';'",
                                                         suggestion: "\(field.key): " + field.values.map { listed($0) ? $0.replacingOccurrences(of: ", ", with: "; ") : $0 }.joined(separator: "; ")))
                    }
                }
            }
            for field in record.fields where field.key == "affiliation" {
                for value in field.values {
                    let relation = Self.relation(value)
                    entity.relations.append(relation)
                    references.append((field, relation.target))
                    if let problem = Self.yearsProblem(relation) { diagnostics.append(field.problem(.warning, problem)) }
                }
            }
            for field in record.fields where field.key == "in" {
                references += field.values.prefix(1).map { (field, $0) }
            }
            let (note, at) = merge(entity)
            if let note { diagnostics.append(note) }
            if !entity.relations.isEmpty || entity.container != nil { touched.insert(at) }
        }
        resolveAliasedTargets(of: touched)
        return diagnostics + unknownTargets(references)
    }

    /// The entry a target names: by its name, else the one entry holding it as an alias.
    private func entry(named target: String) -> Int? {
        for kind in EntityKind.allCases {
            if let i = index?[key(target, kind)] { return i }
        }
        let owners = EntityKind.allCases.flatMap { aliasIndex?[key(target, $0)] ?? [] }
        return owners.count == 1 ? owners[0] : nil
    }

    /// Points affiliations and containers written with another entry's alias ("affiliation: Australian Labor Party"
    /// beside a bundled "Labor" with that alias) at that entry's name, which is how they are looked up.
    private mutating func resolveAliasedTargets(of touched: Set<Int>) {
        func resolved(_ target: String) -> String? {
            guard EntityKind.allCases.allSatisfy({ index?[key(target, $0)] == nil }), let i = entry(named: target) else { return nil }
            return entries[i].name
        }
        for i in touched {
            for r in entries[i].relations.indices {
                if let name = resolved(entries[i].relations[r].target) { entries[i].relations[r].target = name }
            }
            if let container = entries[i].container, let name = resolved(container) { entries[i].container = name }
        }
    }

    /// Warnings for affiliations and containers that name no entry: the lexicon says every target is the name of one.
    private func unknownTargets(_ references: [(field: Record.Field, target: String)]) -> [Diagnostic] {
        return references.filter { entry(named: $0.target) == nil }.map { field, target in
            field.problem(.warning, "'\(target)' is not the name of an entry of the lexicon; '\(field.key)' points nowhere",
                          suggestion: Suggest.nearest(target, in: entities.lazy.map(\.name)))
        }
    }

    /// What is wrong with the years of an affiliation whose role ends in something like years that are not
    /// (`2020-2010`, `abc-`): they are then read as part of the role, which the user did not mean.
    static func yearsProblem(_ relation: Relation) -> String? {
        guard relation.from == nil, relation.until == nil,
              let tail = relation.role.split(whereSeparator: { $0 == " " || $0 == "," }).last,
              tail.contains(where: \.isNumber) || tail.hasPrefix("-") || tail.hasSuffix("-") else { return nil }
        return "'\(tail)' is not years (YYYY, YYYY-, -YYYY or YYYY-YYYY, the end not before the start); it is read as part of the role"
    }

    /// Whether a value looks like several written with commas: a part is an acronym or the entry's name or another of
    /// its values ("ALP, Labor", "Putin, Vladimir Putin"), and none ends in an abbreviation ("Nike, Inc." is one name,
    /// as is "Return, Reclamation, Rehabilitation").
    static func looksListed(_ value: String, beside names: [String]) -> Bool {
        guard value.utf8.contains(UInt8(ascii: ",")) else { return false }
        let parts = value.components(separatedBy: ", ").map { $0.trimmingSpaces() }
        guard parts.count > 1, parts.allSatisfy({ !$0.isEmpty && !$0.hasSuffix(".") }) else { return false }
        let others = Set(names.filter { $0 != value }.map(Folding.fold))
        return parts.contains { part in
            (part.count >= 2 && part.allSatisfy { $0.isUppercase }) || others.contains(Folding.fold(part))
        }
    }

    /// The kind of alias a field adds, if it adds one.
    static func aliasKind(_ key: String) -> AliasKind? {
        switch key {
        case "alias", "aliases": .alias
        case "demonym", "demonyms": .demonym
        case "shared-demonym", "shared-demonyms": .sharedDemonym
        case "capital": .capital
        default: nil
        }
    }

    /// Zero-width characters, direction controls and soft hyphens: a name holding one looks like another name
    /// and would never match the text (or would be spoofed by it).
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x061C, 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: true
        default: false
        }
    }

    /// Takes invisible characters out of a record's name and values, with a warning at each line that held one;
    /// a name that was nothing else becomes empty (the record is then skipped, with its own warning).
    static func removeInvisibles(_ record: inout Record) -> [Diagnostic] {
        func visible(_ text: String) -> String? {
            guard text.unicodeScalars.contains(where: isInvisible) else { return nil }
            var kept = String.UnicodeScalarView()
            kept.append(contentsOf: text.unicodeScalars.filter { !isInvisible($0) })
            return String(kept).trimmingSpaces()
        }
        var diagnostics: [Diagnostic] = []
        if let name = visible(record.name) {
            diagnostics.append(Diagnostic(.warning, at: record.location, name.isEmpty
                ? "the name is only invisible characters (zero-width or direction controls); entry skipped"
                : "invisible characters (zero-width or direction controls) removed from the name '\(name)'"))
            record.name = name
        }
        for f in record.fields.indices {
            var changed = false
            record.fields[f].values = record.fields[f].values.compactMap { value in
                guard let cleaned = visible(value) else { return value }
                changed = true
                return cleaned.isEmpty ? nil : cleaned
            }
            if changed {
                diagnostics.append(Diagnostic(.warning, at: record.fields[f].location,
                                              "invisible characters (zero-width or direction controls) removed from '\(record.fields[f].key)'"))
            }
        }
        return diagnostics
    }

    /// "Wagner Group (front company)" → target and role; "Central African Republic (president, 2016-)" → role and
    /// the years it holds (`2016-`, `2003-2013`, `2022`, `-2013`, after a comma or a space).
    static func relation(_ value: String) -> Relation {
        if value.hasSuffix(")"), let open = value.lastIndex(of: "(") {
            let target = value[..<open].trimmingSpaces()
            var role = value[value.index(after: open)..<value.index(before: value.endIndex)].trimmingSpaces()
            var (from, until): (Period?, Period?) = (nil, nil)
            if let cut = role.lastIndex(where: { $0 == " " || $0 == "," }) ?? (role.first?.isNumber == true ? role.startIndex : nil) {
                let tail = String(role[cut...].filter { $0 != " " && $0 != "," })
                if let years = Self.years(tail) {
                    (from, until) = years
                    var rest = role[..<cut]
                    while rest.last == " " || rest.last == "," { rest = rest.dropLast() }
                    role = String(rest)
                }
            }
            return Relation(target: target, role: role.isEmpty ? "affiliated" : role, from: from, until: until)
        }
        return Relation(target: value, role: "affiliated")
    }

    /// "2016-" → (2016, nil); "2003-2013" → (2003, 2013); "2022" → (2022, 2022); "-2013" → (nil, 2013).
    static func years(_ text: String) -> (Period?, Period?)? {
        let parts = text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        func year(_ s: String) -> Period?? {
            if s.isEmpty { return .some(nil) }
            guard s.count == 4, s.allSatisfy(\.isNumber), let p = Period.parse(s) else { return nil }
            return .some(p)
        }
        guard let first = year(parts[0]) else { return nil }
        if parts.count == 1 { return first.map { ($0, $0) } }
        guard let second = year(parts[1]), first != nil || second != nil else { return nil }
        if let a = first, let b = second, b.end < a.start { return nil }
        return (first, second)
    }

    private func key(_ name: String, _ kind: EntityKind) -> String { kind.rawValue + ":" + Folding.fold(name) }

    /// Adds an entry, or merges it into the one of the same name and kind, or else into the one entry whose alias is its
    /// name ("actor Australian Labor Party" beside a bundled "Labor" with that alias); a note says when it changes that
    /// one's type, and when it merges by an alias.
    private mutating func merge(_ entity: Entity) -> (note: Diagnostic?, at: Int) {
        let k = key(entity.name, entity.kind)
        var note: Diagnostic?
        var existing = index?[k]
        if existing == nil, let owners = aliasIndex?[k], owners.count == 1 {
            existing = owners[0]
            if case .lexicon(let at) = entity.origin {
                note = Diagnostic(.note, at: at, "\(entity.kind.rawValue) '\(entity.name)' is an alias of '\(entries[owners[0]].name)'\(Self.place(of: entries[owners[0]])); this entry adds to it")
            }
        }
        guard let existing else {
            index?[k] = entries.count
            noteAliases(of: entity, at: entries.count)
            entries.append(entity)
            return (nil, entries.count - 1)
        }
        var target = entries[existing]
        var entity = entity
        if target.name != entity.name {
            entity.aliases = entity.aliases.map { $0.kind == .name ? Alias(text: $0.text, kind: .alias) : $0 }
        }
        if entity.type != "" && entity.type != "unknown" && target.type != "" && target.type != "unknown" && entity.type != target.type,
           case .lexicon(let at) = entity.origin {
            note = Diagnostic(.note, at: at, target.name == entity.name
                ? "\(entity.kind.rawValue) '\(target.name)' was of type '\(target.type)'\(Self.place(of: target)); this entry makes it '\(entity.type)'"
                : "\(entity.kind.rawValue) '\(entity.name)' is an alias of '\(target.name)'\(Self.place(of: target)), of type '\(target.type)'; this entry adds to it and makes it '\(entity.type)'")
        }
        if entity.type != "" && entity.type != "unknown" { target.type = entity.type }
        var seen = Set(target.aliases.map { Self.spelling(of: $0) })
        let added = entity.aliases.filter { seen.insert(Self.spelling(of: $0)).inserted }
        target.aliases += added
        for relation in entity.relations where !target.relations.contains(relation) { target.relations.append(relation) }
        target.container = entity.container ?? target.container
        entries[existing] = target
        noteAliases(of: Entity(name: target.name, kind: target.kind, type: target.type, aliases: added, relations: [],
                               origin: target.origin, container: nil), at: existing)
        return (note, existing)
    }

    /// What makes two aliases one: the same text and kind, a name and an `alias:` value counting as one kind.
    private static func spelling(of alias: Alias) -> String {
        (alias.kind == .name ? AliasKind.alias.rawValue : alias.kind.rawValue) + ":" + alias.text
    }

    /// Where an entry was first written (" (seeds/institutions.lexicon:21)"), for notes about it.
    private static func place(of entity: Entity) -> String {
        if case .lexicon(let first) = entity.origin { " (\(first.file):\(first.line))" } else { "" }
    }

    /// Records an entry's `alias:` values in `aliasIndex` (its name is in `index`).
    private mutating func noteAliases(of entity: Entity, at position: Int) {
        guard aliasIndex != nil else { return }
        for alias in entity.aliases where alias.kind == .alias {
            let k = key(alias.text, entity.kind)
            if aliasIndex?[k]?.contains(position) != true { aliasIndex?[k, default: []].append(position) }
        }
    }

    /// The entities the matcher uses: every lexicon entry, plus a place for each state (its country)
    /// and a city for each capital, so `place Mali` and `place Moscow` work.
    public func expanded() -> [Entity] {
        var result = entities
        var places = Set(entities.filter { $0.kind == .place }.map { Folding.fold($0.name) })
        for entity in entities where entity.kind == .actor {
            if entity.type == "state", !places.contains(Folding.fold(entity.name)) {
                places.insert(Folding.fold(entity.name))
                result.append(Entity(name: entity.name, kind: .place, type: "country",
                                     aliases: entity.aliases.filter { $0.kind == .name || $0.kind == .alias },
                                     relations: [], origin: entity.origin, container: nil))
            }
            for capital in entity.aliases where capital.kind == .capital && !places.contains(Folding.fold(capital.text)) {
                places.insert(Folding.fold(capital.text))
                result.append(Entity(name: capital.text, kind: .place, type: "city",
                                     aliases: [Alias(text: capital.text, kind: .name)],
                                     relations: [], origin: entity.origin, container: entity.name))
            }
        }
        return result
    }
}
