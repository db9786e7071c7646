/// The lexicons and name lists a session starts with, as built: entries merged, the matcher's patterns tokenised and
/// interned. Kept in the cache folder beside saved models, so that start-up reads them instead of parsing ~200 KB of
/// gazetteer text and tokenising every alias. A file is used only while the program and the bytes of every lexicon
/// and name list are those it was built from; anything else (another key, a damaged file) is rebuilt without a word,
/// since reading the text gives the same lexicon.
public struct ResourceCache: Sendable {
    public var directory: String
    static let format = ArchiveFile.Format(magic: Array("DOSSIER-LEXICON\n".utf8), version: 7, name: "compiled lexicon")

    public init(directory: String) {
        self.directory = directory
    }

    /// A lexicon or name list read for the key, parsed from these same bytes when the file is rebuilt.
    struct File {
        var path: String
        var isNames: Bool
        var bytes: [UInt8]
    }

    /// What was compiled.
    struct Compiled {
        var lexicon: Lexicon
        var names: NameLists
        var matching: Matching
    }

    /// What a start reads of a compiled file: the lexicon and the matcher's entities, and the name lists, each kept as
    /// bytes until first asked for.
    struct Read {
        var lexicon: Lexicon
        var names: CompiledNameLists
        var matching: Matching
    }

    /// The file is named by the set of files and the folder they are shown from (entries keep the path their lexicon
    /// is shown by); the fingerprint inside covers the format, the program and each file's bytes.
    func key(_ files: [File]) -> CorpusCache.Key {
        var name = "lexicons\n" + (FileSystem.currentDirectory() ?? "")
        for file in files { name += "\n" + (FileSystem.realPath(file.path) ?? file.path) + " " + FileSystem.display(file.path) }
        var inputs = "format \(Self.format.version)\nprogram " + CorpusCache.stamp("/proc/self/exe") + "\n" + name
        for file in files {
            var sum = Checksum()
            file.bytes.withUnsafeBytes { sum.add($0) }
            inputs += "\n\(file.isNames ? "names" : "lexicon") \(file.bytes.count) \(sum.value)"
        }
        return CorpusCache.Key(name: Checksum.of(name), inputs: Checksum.of(inputs))
    }

    func path(for key: CorpusCache.Key) -> String {
        directory + "/" + String(key.name, radix: 16) + ".lexicon-model"
    }

    /// The compiled lexicons saved under `key`, or nil. The entities and the name lists are kept as their bytes, decoded
    /// when first asked for; `entities` and `names` make them from the lexicons' text should those bytes not decode.
    func read(_ key: CorpusCache.Key, entities: @escaping @Sendable () -> [Entity], names: @escaping @Sendable () -> NameLists) -> Read? {
        guard case .payload(let mapped) = ArchiveFile.open(path(for: key), format: Self.format, key: key.inputs) else { return nil }
        defer { mapped.close() }
        let payload = mapped.payload
        guard payload.count >= 32 else { return nil }
        let namesStart = payload.loadUnaligned(fromByteOffset: payload.count - 16, as: Int.self)
        let entitiesStart = payload.loadUnaligned(fromByteOffset: payload.count - 8, as: Int.self)
        guard namesStart >= 16, namesStart <= entitiesStart, entitiesStart <= payload.count - 16 else { return nil }
        let lexiconCount = payload.loadUnaligned(fromByteOffset: 0, as: Int.self)
        let entityCount = payload.loadUnaligned(fromByteOffset: 8, as: Int.self)
        guard lexiconCount >= 0, lexiconCount <= entityCount, entityCount <= payload.count - 16 - entitiesStart else { return nil }
        let compiled = CompiledEntities(count: entityCount, bytes: Array(payload[entitiesStart..<(payload.count - 16)]), rebuild: entities)
        return Read(lexicon: Lexicon(compiled: compiled, count: lexiconCount),
                    names: CompiledNameLists(bytes: Array(payload[namesStart..<entitiesStart]), rebuild: names),
                    matching: Matching(entities: compiled, encodedMatcher: Array(payload[16..<namesStart])))
    }

    /// Saves compiled lexicons under `key` (a temporary file renamed over the old one): the counts of entities, the
    /// matcher, the name lists, the entities, and last where the name lists and the entities start, so that a start
    /// takes each part's bytes without reading them.
    func write(_ compiled: Compiled, key: CorpusCache.Key) throws(ArchiveError) {
        _ = try ArchiveFile.write(path(for: key), format: Self.format, key: key.inputs) { out in
            let entities = compiled.matching.entities
            out.write(compiled.lexicon.entities.count)
            out.write(entities.count)
            compiled.matching.matcher.write(to: &out)
            let namesStart = out.written
            compiled.names.write(to: &out)
            let entitiesStart = out.written
            for entity in entities { out.write(entity) }
            out.write(namesStart)
            out.write(entitiesStart)
        }
    }
}

extension NameLists {
    /// The lists as `CompiledNameLists` reads them.
    func write(to out: inout ArchiveWriter) {
        out.write(firstNames.count)
        for name in firstNames { out.write(name) }
        out.write(titles.count)
        for title in titles { out.write(title) }
        out.write(diseases.count)
        for disease in diseases { out.write(disease) }
        out.write(familyFirst.count)
        for family in familyFirst { out.write(family) }
        out.write(words.bytes)
        out.write(words.ends)
        out.write(towns.bytes)
        out.write(towns.ends)
    }
}
