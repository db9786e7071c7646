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

        func load(compiled: Bool = true, lexicons: [String] = []) -> (Corpus, [Diagnostic]) {
            var loader = CorpusLoader()
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
