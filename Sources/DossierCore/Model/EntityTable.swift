/// The entities of a compiled lexicon as the bytes they were saved as, decoded the first time one is asked for. A start
/// that reads a saved model and answers a count of words, or none, never needs them: decoding the gazetteer's 6,000
/// entities (names, aliases, relations, each a string) was a third of the start-up's instructions, and grew with every
/// place the gazetteer gained.
final class CompiledEntities: Sendable {
    /// How many entities the bytes hold.
    let count: Int
    /// The entities as `ArchiveWriter.write(_: Entity)` wrote them, one after another.
    private let bytes: SectionBytes
    /// The entities made again from the lexicons' text, for bytes that are not those written or do not decode: the
    /// lexicons the file was compiled from give the same entities.
    private let rebuild: @Sendable () -> [Entity]
    private let decoded = Locked<[Entity]?>(nil)

    init(count: Int, bytes: SectionBytes, rebuild: @escaping @Sendable () -> [Entity]) {
        (self.count, self.bytes, self.rebuild) = (count, bytes, rebuild)
    }

    /// Every entity, decoded once.
    var all: [Entity] {
        decoded.withLock { decoded in
            if let decoded { return decoded }
            let entities = decode() ?? rebuild()
            // Ids were given by the compiled count; the lexicons it was compiled from cannot give another.
            precondition(entities.count == count, "the lexicons give \(entities.count) entities where their compiled file gave \(count)")
            decoded = entities
            return entities
        }
    }

    /// The entities the bytes hold, or nil when they are not the ones written or hold something else than `count` entities.
    private func decode() -> [Entity]? {
        bytes.verified?.withUnsafeBytes { bytes in
            var input = ArchiveReader(bytes)
            var entities: [Entity] = []
            entities.reserveCapacity(count)
            var lastFile = ""
            for _ in 0..<count {
                guard let entity = try? input.readEntity(lastFile: &lastFile) else { return nil }
                entities.append(entity)
            }
            return input.left == 0 ? entities : nil
        }
    }
}

/// The entities of a model in the order their ids give: the lexicon's first, then those found in the text. A lexicon
/// read from its compiled file stays compiled (`CompiledEntities`) until an entity is asked for, or until a command
/// reads the whole saved model and `decode()` makes the table one array again, so the queries' loops read an array.
public struct EntityTable: RandomAccessCollection, Sendable {
    /// The lexicon's entities while they are still compiled; nil once decoded into `list`, or when none were.
    private var compiled: CompiledEntities?
    /// Every entity when `compiled` is nil; else those after the compiled ones.
    private var list: [Entity]

    init(_ entities: [Entity]) {
        (compiled, list) = (nil, entities)
    }

    init(_ compiled: CompiledEntities) {
        (self.compiled, list) = (compiled, [])
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { (compiled?.count ?? 0) + list.count }

    public subscript(i: Int) -> Entity {
        guard let compiled else { return list[i] }
        return i < compiled.count ? compiled.all[i] : list[i - compiled.count]
    }

    /// Whether the lexicon's entities are still kept compiled (asked for one by one through the compiled file's decoding).
    var isCompiled: Bool { compiled != nil }

    /// The entities as one array (decoded if they were not).
    var array: [Entity] {
        guard let compiled else { return list }
        return list.isEmpty ? compiled.all : compiled.all + list
    }

    mutating func append(_ entity: Entity) {
        list.append(entity)
    }

    mutating func append(contentsOf entities: [Entity]) {
        list.append(contentsOf: entities)
    }

    /// Makes the table one array, decoding the compiled entities if no one had asked for them yet.
    mutating func decode() {
        guard compiled != nil else { return }
        list = array
        compiled = nil
    }
}
