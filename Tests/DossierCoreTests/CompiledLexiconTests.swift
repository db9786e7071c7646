import Foundation
import Testing
@testable import DossierCore

/// The lexicons and name lists a session starts with are read from their compiled file while their bytes are the ones
/// it was built from: the corpus is then exactly the one parsing the text gives; any change or damage is rebuilt.
@Suite("Compiled lexicons")
struct CompiledLexiconTests {
    /// A resources folder (a copy of the seeds' lexicons, names, furniture and stop words), a corpus folder with
    /// the seeds' documents, and a cache folder.
    struct Setup {
        let resources = TempDir()
        let corpus = TempDir()
        let cache = TempDir()

        init() {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: Paths.seeds)) ?? [] {
                let target = name.hasSuffix(".txt") || name.hasSuffix(".manifest") ? corpus : resources
                try! FileManager.default.copyItem(atPath: Paths.seeds + "/" + name, toPath: target.path + "/" + name)
            }
        }

        func remove() {
            resources.remove()
            corpus.remove()
            cache.remove()
        }

        /// A start; `saving`: the corpus's model is saved in the cache folder, and read from there once saved.
        func load(compiled: Bool = true, lexicons: [String] = [], saving: Bool = false) -> (Corpus, [Diagnostic]) {
            var loader = CorpusLoader()
            if saving { loader.cache = CorpusCache(directory: cache.path, minimumBytes: 0) }
            let diagnostics = loader.addResources(from: resources.path, lexicons: lexicons,
                                                  compiled: compiled ? ResourceCache(directory: cache.path) : nil)
            let (corpus, loaded) = loader.load([corpus.path])
            return (corpus, diagnostics + loaded)
        }

        var compiledFiles: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: cache.path)) ?? []).filter { $0.hasSuffix(".lexicon-model") }
                .map { cache.path + "/" + $0 }
        }
    }

    @Test func aCompiledLexiconGivesTheCorpusTheTextGives() throws {
        let setup = Setup()
        defer { setup.remove() }
        let fresh = CorpusCacheTests.contents(setup.load(compiled: false).0)
        #expect(setup.compiledFiles.isEmpty)
        let built = setup.load()
        #expect(built.1.isEmpty)
        let file = try #require(setup.compiledFiles.first)
        let written = try #require(FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date)
        let read = setup.load()
        #expect(read.1.isEmpty)
        #expect(CorpusCacheTests.contents(built.0) == fresh)
        #expect(CorpusCacheTests.contents(read.0) == fresh)
        #expect(read.0.entity(named: "Wagner Group", kind: .actor) != nil)
        #expect(setup.compiledFiles == [file], "read, not written again")
        #expect(try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date == written)
    }

    /// A start that reads the compiled lexicons and a saved model decodes none of the lexicon's entities: a count of
    /// words answers with them still compiled (the gazetteer's thousands of places cost it nothing), an entity asked
    /// for by name is the right one, and reading the whole model gives the corpus the text gives.
    @Test func aSavedModelKeepsTheLexiconCompiledUntilACommandReadsItWhole() throws {
        let setup = Setup()
        defer { setup.remove() }
        let fresh = CorpusCacheTests.contents(setup.load(compiled: false).0)
        _ = setup.load(saving: true)
        var (corpus, diagnostics) = setup.load(saving: true)
        #expect(diagnostics.isEmpty)
        #expect(corpus.entities.isCompiled)
        try corpus.readSaved(.words([Array("wagner".utf8)]))
        #expect(corpus.entities.isCompiled, "a count of words needs no entity")
        let wagner = try #require(corpus.entity(named: "Wagner Group", kind: .actor))
        #expect(corpus.entities[Int(wagner)].name == "Wagner Group")
        #expect(corpus.entities.last?.isDiscovered == true, "the entities found in the text come after the lexicon's")
        try corpus.readSaved(.all)
        #expect(!corpus.entities.isCompiled, "a command reading the whole model reads the entities as one array")
        #expect(CorpusCacheTests.contents(corpus) == fresh)
    }

    /// Entities of the kinds a lexicon has, as the compiled file holds them.
    static let entities: [(String, Entity)] = [
        ("an actor with aliases", Entity(name: "Wagner Group", kind: .actor, type: "armed group",
                                         aliases: [Alias(text: "Wagner Group", kind: .name), Alias(text: "Wagner", kind: .alias)],
                                         relations: [], origin: .lexicon(SourceLocation(file: "seeds/dossier.lexicon", line: 12, column: 1)))),
        ("a state with a nationality word and a capital", Entity(
            name: "Mali", kind: .actor, type: "state",
            aliases: [Alias(text: "Mali", kind: .name), Alias(text: "Malian", kind: .demonym), Alias(text: "Bamako", kind: .capital),
                      Alias(text: "Sahelian", kind: .sharedDemonym)],
            relations: [], origin: .lexicon(SourceLocation(file: "seeds/places.lexicon", line: 3, column: 1)))),
        ("a dated relation", Entity(name: "Faustin-Archange Touadéra", kind: .actor, type: "person",
                                    aliases: [Alias(text: "Faustin-Archange Touadéra", kind: .name)],
                                    relations: [Lexicon.relation("Central African Republic (president, 2016-)")],
                                    origin: .lexicon(SourceLocation(file: "seeds/dossier.lexicon", line: 40, column: 1)))),
        ("a place inside another", Entity(name: "Bamako", kind: .place, type: "city", aliases: [Alias(text: "Bamako", kind: .name)],
                                          relations: [], origin: .lexicon(SourceLocation(file: "seeds/places.lexicon", line: 9, column: 1)),
                                          container: "Mali")),
        ("a name found in the text", Entity(name: "Oskar Nelt", kind: .actor, type: "person", aliases: [Alias(text: "Oskar Nelt", kind: .name)],
                                            relations: [], origin: .discovered)),
    ]

    /// The bytes `ArchiveWriter` writes for `entities`.
    static func encoded(_ entities: [Entity]) throws -> [UInt8] {
        let folder = TempDir()
        defer { folder.remove() }
        let path = folder.path + "/entities"
        let fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0o600)
        #expect(fd >= 0)
        var out = ArchiveWriter(fd: fd)
        for entity in entities { out.write(entity) }
        try out.finish()
        close(fd)
        return try #require(FileManager.default.contents(atPath: path)).map { $0 }
    }

    /// Compiled entities are decoded when a command first asks for one: whole, the bytes give the entities written;
    /// cut anywhere (a faulty writer), or changed since their checksum was made, the entities are made again from the
    /// lexicons' text, never half an entity.
    @Test(arguments: entities)
    func compiledEntitiesDecodeOrAreMadeAgain(_ what: String, _ entity: Entity) throws {
        let bytes = try Self.encoded([entity, entity])
        let parsed = Entity(name: "parsed", kind: .actor, type: "", aliases: [], relations: [], origin: .discovered)
        let whole = CompiledEntities(count: 2, bytes: Self.section(bytes), rebuild: { [parsed, parsed] })
        #expect(whole.all.map { "\($0)" } == ["\(entity)", "\(entity)"], "\(what)")
        for cut in [0, 8, bytes.count / 4, bytes.count / 2 - 1, bytes.count / 2 + 3, bytes.count - 1] {
            let damaged = CompiledEntities(count: 2, bytes: Self.section(Array(bytes[..<cut])), rebuild: { [parsed, parsed] })
            #expect(damaged.all.map(\.name) == ["parsed", "parsed"], "\(what), cut at \(cut) of \(bytes.count) bytes")
        }
        let longer = CompiledEntities(count: 1, bytes: Self.section(bytes), rebuild: { [parsed] })
        #expect(longer.all.map(\.name) == ["parsed"], "\(what): bytes after the entities it says it holds")
        var changed = bytes
        changed[changed.count / 2] ^= 0x5A
        let unwritten = CompiledEntities(count: 2, bytes: SectionBytes(bytes: changed, checksum: Self.section(bytes).checksum), rebuild: { [parsed, parsed] })
        #expect(unwritten.all.map(\.name) == ["parsed", "parsed"], "\(what): a byte not the one its checksum was made of")
    }

    /// Bytes as a compiled file's section holds them, with their checksum.
    static func section(_ bytes: [UInt8]) -> SectionBytes {
        SectionBytes(bytes: bytes, checksum: bytes.withUnsafeBytes { BlockChecksum.of($0) })
    }

    /// A kind no entity or alias has (a file written by another build of the format) makes the entities again from
    /// the text, like a cut.
    @Test(arguments: [("actor", "person"), ("alias", "nickname")])
    func anUnknownKindMakesTheEntitiesAgain(_ written: String, _ unknown: String) throws {
        var bytes = try Self.encoded([Self.entities[0].1])
        let at = try #require(Self.offset(of: Array(written.utf8), in: bytes))
        bytes[(at - 8)..<(at + written.utf8.count)] = ArraySlice(withUnsafeBytes(of: unknown.utf8.count) { Array($0) } + Array(unknown.utf8))
        let read = CompiledEntities(count: 1, bytes: Self.section(bytes), rebuild: { [Self.entities[4].1] })
        #expect(read.all.map(\.name) == ["Oskar Nelt"])
    }

    /// Where `needle` first occurs in `bytes`.
    static func offset(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        bytes.indices.first { bytes[$0...].starts(with: needle) }
    }

    @Test func anEditedLexiconIsReadAgain() {
        let setup = Setup()
        defer { setup.remove() }
        _ = setup.load()
        let path = setup.resources.path + "/institutions.lexicon"
        var text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        text += "\nactor Fictional Brigade\n  type: armed group\n  alias: Brigade of Fiction\n"
        setup.resources.write("institutions.lexicon", text)
        let (corpus, diagnostics) = setup.load()
        #expect(diagnostics.isEmpty)
        #expect(corpus.entity(named: "Brigade of Fiction", kind: .actor) != nil)
        #expect(setup.compiledFiles.count == 1, "the same set of files keeps one compiled file")
        #expect(CorpusCacheTests.contents(setup.load().0) == CorpusCacheTests.contents(setup.load(compiled: false).0))
    }

    @Test func aUserLexiconIsPartOfTheCompiledSet() {
        let setup = Setup()
        defer { setup.remove() }
        let extra = setup.cache.write("extra/mine.lexicon", "actor Zorana Kel\n  type: person\n  alias: Kelana\n")
        _ = setup.load()
        let (corpus, _) = setup.load(lexicons: [extra])
        #expect(corpus.entity(named: "Kelana", kind: .actor) != nil)
        let (again, _) = setup.load(lexicons: [extra])
        #expect(again.entity(named: "Kelana", kind: .actor) != nil)
        #expect(setup.load().0.entity(named: "Kelana", kind: .actor) == nil)
    }

    /// A title from a user's names file is still a title when the lists are read compiled: the name after it is found
    /// without it.
    @Test func titlesInANamesFileSurviveCompiling() {
        let setup = Setup()
        defer { setup.remove() }
        _ = setup.resources.write("wardens.names", "title warden\n")
        _ = setup.corpus.write("warden.txt", "Warden Oskar Nelt inspected the prison in Bangui. Warden Oskar Nelt said little.\n")
        for _ in 0..<2 {
            let (corpus, _) = setup.load()
            #expect(corpus.entity(named: "Oskar Nelt", kind: .actor) != nil)
            #expect(corpus.entity(named: "Warden Oskar Nelt", kind: .actor) == nil)
        }
        #expect(setup.compiledFiles.count == 1, "the first load compiled the lists, the second read them")
    }

    /// A lexicon that gives a warning is never compiled, so the warning shows at every start.
    @Test func aLexiconWithAWarningIsNotCompiled() {
        let setup = Setup()
        defer { setup.remove() }
        let extra = setup.cache.write("extra/untyped.lexicon", "actor Nameless Front\n  alias: NF Group\n")
        for _ in 0..<2 {
            let (_, diagnostics) = setup.load(lexicons: [extra])
            #expect(diagnostics.contains { $0.message.contains("has no 'type:'") })
        }
        #expect(setup.compiledFiles.isEmpty)
    }

    /// Whatever byte of the compiled file is damaged, the start is the one the text gives, and the file is rebuilt.
    @Test func aDamagedCompiledLexiconIsRebuilt() throws {
        let setup = Setup()
        defer { setup.remove() }
        let fresh = CorpusCacheTests.contents(setup.load(compiled: false).0)
        _ = setup.load()
        let file = try #require(setup.compiledFiles.first)
        let original = try #require(FileManager.default.contents(atPath: file)).map { $0 }
        for position in [0, 16, 24, 32, 40] + stride(from: 48, to: original.count, by: max(1, original.count / 5)) + [original.count - 1] {
            var bytes = original
            bytes[position] ^= 0x5A
            FileManager.default.createFile(atPath: file, contents: Data(bytes))
            let (corpus, diagnostics) = setup.load()
            #expect(diagnostics.isEmpty, "byte \(position)")
            #expect(CorpusCacheTests.contents(corpus) == fresh, "byte \(position)")
            #expect(try FileManager.default.contents(atPath: file).map { Array($0) } != bytes, "byte \(position): rebuilt")
        }
    }
}
