/// The lexicons and name lists a session starts with, as built: entries merged, the matcher's patterns tokenised and
/// interned. Kept in the cache folder beside saved models, so that start-up reads them instead of parsing ~200 KB of
/// gazetteer text and tokenising every alias. A file is used only while the program and the bytes of every lexicon
/// and name list are those it was built from; anything else (another key, a damaged file) is rebuilt without a word,
/// since reading the text gives the same lexicon.
public struct ResourceCache: Sendable {
    public var directory: String
    static let format = ArchiveFile.Format(magic: Array("DOSSIER-LEXICON\n".utf8), version: 8, name: "compiled lexicon",
                                                  checksumsTail: true)

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

    /// The compiled lexicons saved under `key`, or nil. The matcher, the entities and the name lists are kept as their
    /// bytes, checked against their own checksums and decoded when first asked for; `entities` and `names` make them
    /// from the lexicons' text should those bytes not be the ones written (and the matcher from the entities, after
    /// calling `damaged`). A start checks only the file's tail.
    func read(_ key: CorpusCache.Key, entities: @escaping @Sendable () -> [Entity], names: @escaping @Sendable () -> NameLists,
              damaged: @escaping @Sendable () -> Void) -> Read? {
        guard case .payload(let mapped) = ArchiveFile.open(path(for: key), format: Self.format, key: key.inputs) else { return nil }
        defer { mapped.close() }
        let payload = mapped.payload
        // `ArchiveFile.open` checked that the tail's offset lies inside the payload, and the tail's checksum.
        let tail = payload.loadUnaligned(fromByteOffset: payload.count - 8, as: Int.self)
        var input = ArchiveReader(UnsafeRawBufferPointer(rebasing: payload[tail..<(payload.count - 8)]))
        func section() throws(ArchiveError) -> SectionBytes {
            let section = try input.read(ArchiveSection.self)
            guard section.offset >= 0, section.count >= 0, section.count <= tail - section.offset else {
                throw ArchiveError(description: "a section runs past the end of the file")
            }
            return SectionBytes(bytes: Array(payload[section.offset..<(section.offset + section.count)]), checksum: section.checksum)
        }
        do throws(ArchiveError) {
            let lexiconCount = try input.read(Int.self), entityCount = try input.read(Int.self)
            let (matcher, nameLists, entityBytes) = (try section(), try section(), try section())
            guard lexiconCount >= 0, lexiconCount <= entityCount, entityCount <= entityBytes.bytes.count, input.left == 0 else { return nil }
            let compiled = CompiledEntities(count: entityCount, bytes: entityBytes, rebuild: entities)
            return Read(lexicon: Lexicon(compiled: compiled, count: lexiconCount), names: CompiledNameLists(bytes: nameLists, rebuild: names),
                        matching: Matching(entities: compiled, encodedMatcher: matcher, damaged: damaged))
        } catch {
            return nil
        }
    }

    /// Saves compiled lexicons under `key` (a temporary file renamed over the old one): the matcher, the name lists and
    /// the entities, each a section with its own checksum, then the tail a start reads (the counts of entities, where
    /// the sections lie), which the header's checksum covers, and last where the tail starts.
    func write(_ compiled: Compiled, key: CorpusCache.Key) throws(ArchiveError) {
        _ = try ArchiveFile.write(path(for: key), format: Self.format, key: key.inputs) { out in
            let entities = compiled.matching.entities
            out.beginSection()
            compiled.matching.matcher.write(to: &out)
            let matcher = out.endSection()
            out.beginSection()
            compiled.names.write(to: &out)
            let names = out.endSection()
            out.beginSection()
            for entity in entities { out.write(entity) }
            let entitySection = out.endSection()
            let tail = out.restartChecksum()
            out.write(compiled.lexicon.entities.count)
            out.write(entities.count)
            for section in [matcher, names, entitySection] { out.write(section) }
            out.write(tail)
        }
    }
}

/// A section of a compiled lexicon file copied out at start without being read, and the checksum it was written with:
/// checked when it is first decoded, so a start checksums only the file's tail.
struct SectionBytes: Sendable {
    let bytes: [UInt8]
    let checksum: UInt64

    /// The bytes, or nil when they are not the ones written.
    var verified: [UInt8]? {
        bytes.withUnsafeBytes { BlockChecksum.of($0) } == checksum ? bytes : nil
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
