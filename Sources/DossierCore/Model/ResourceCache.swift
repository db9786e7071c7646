/// The lexicons and name lists a session starts with, as built: entries merged, the matcher's patterns tokenised and
/// interned. Kept in the cache folder beside saved models, so that start-up reads them instead of parsing ~200 KB of
/// gazetteer text and tokenising every alias. A file is used only while the program and the bytes of every lexicon
/// and name list are those it was built from; anything else (another key, a damaged file) is rebuilt without a word,
/// since reading the text gives the same lexicon.
public struct ResourceCache: Sendable {
    public var directory: String
    static let format = ArchiveFile.Format(magic: Array("DOSSIER-LEXICON\n".utf8), version: 6, name: "compiled lexicon")

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

    /// The compiled lexicons saved under `key`, or nil.
    func read(_ key: CorpusCache.Key) -> Compiled? {
        guard case .payload(let mapped) = ArchiveFile.open(path(for: key), format: Self.format, key: key.inputs) else { return nil }
        defer { mapped.close() }
        var input = ArchiveReader(mapped.payload)
        do throws(ArchiveError) {
            var entities: [Entity] = []
            let lexiconCount = try input.readCount()
            var lastFile = ""
            for _ in 0..<(try input.readCount()) { entities.append(try input.readEntity(lastFile: &lastFile)) }
            guard lexiconCount <= entities.count else { return nil }
            var firstNames = Set<[UInt8]>(), titles = Set<[UInt8]>()
            for _ in 0..<(try input.readCount()) { firstNames.insert(try input.readArray(of: UInt8.self)) }
            for _ in 0..<(try input.readCount()) { titles.insert(try input.readArray(of: UInt8.self)) }
            var diseases = Set<[UInt8]>()
            for _ in 0..<(try input.readCount()) { diseases.insert(try input.readArray(of: UInt8.self)) }
            var familyFirst = Set<[UInt8]>()
            for _ in 0..<(try input.readCount()) { familyFirst.insert(try input.readArray(of: UInt8.self)) }
            guard let words = WordList(bytes: try input.readArray(of: UInt8.self), ends: try input.readArray(of: Int32.self)),
                  let towns = WordList(bytes: try input.readArray(of: UInt8.self), ends: try input.readArray(of: Int32.self)) else { return nil }
            let matcher = Array(try input.take(input.left))
            return Compiled(lexicon: Lexicon(compiled: Array(entities[..<lexiconCount])), names: NameLists(firstNames: firstNames, titles: titles, diseases: diseases, familyFirst: familyFirst, words: words, towns: towns),
                            matching: Matching(entities: entities, encodedMatcher: matcher))
        } catch {
            return nil
        }
    }

    /// Saves compiled lexicons under `key` (a temporary file renamed over the old one).
    func write(_ compiled: Compiled, key: CorpusCache.Key) throws(ArchiveError) {
        _ = try ArchiveFile.write(path(for: key), format: Self.format, key: key.inputs) { out in
            out.write(compiled.lexicon.entities.count)
            out.write(compiled.matching.entities.count)
            for entity in compiled.matching.entities { out.write(entity) }
            out.write(compiled.names.firstNames.count)
            for name in compiled.names.firstNames { out.write(name) }
            out.write(compiled.names.titles.count)
            for title in compiled.names.titles { out.write(title) }
            out.write(compiled.names.diseases.count)
            for disease in compiled.names.diseases { out.write(disease) }
            out.write(compiled.names.familyFirst.count)
            for family in compiled.names.familyFirst { out.write(family) }
            out.write(compiled.names.words.bytes)
            out.write(compiled.names.words.ends)
            out.write(compiled.names.towns.bytes)
            out.write(compiled.names.towns.ends)
            compiled.matching.matcher.write(to: &out)
        }
    }
}
