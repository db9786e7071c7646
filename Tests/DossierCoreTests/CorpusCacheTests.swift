import Foundation
import Testing
@testable import DossierCore

@Suite("Saved models")
struct CorpusCacheTests {
    /// A corpus folder (the seeds' documents plus a few hostile ones) and a cache folder, both temporary.
    struct Setup {
        let corpus = TempDir()
        let cache = TempDir()

        init() {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: Paths.seeds)) ?? [] where name.hasSuffix(".txt") || name.hasSuffix(".manifest") {
                try! FileManager.default.copyItem(atPath: Paths.seeds + "/" + name, toPath: corpus.path + "/" + name)
            }
            corpus.write("empty.txt", "")
            corpus.write("latin1.txt", bytes: Array("Le pr\u{e9}sident fran\u{e7}ais est arriv\u{e9} \u{e0} Bamako en 2019.".unicodeScalars.map { UInt8($0.value) }))
            corpus.write("nested/copy-2/report.txt", "Wagner fighters reached Bangui in March 2018. The UN mission MINUSCA protested.")
        }

        func remove() {
            corpus.remove()
            cache.remove()
        }

        func load(cache enabled: Bool = true) -> (Corpus, [Diagnostic]) {
            var loader = CorpusLoader()
            _ = loader.addResources(from: Paths.seeds)
            if enabled { loader.cache = CorpusCache(directory: cache.path, minimumBytes: 0) }
            return loader.load([corpus.path])
        }

        /// A load that also reads every section of a saved model, with what both said.
        func loadWhole() -> (Corpus, [Diagnostic]) {
            var loader = CorpusLoader()
            _ = loader.addResources(from: Paths.seeds)
            loader.cache = CorpusCache(directory: cache.path, minimumBytes: 0)
            var (corpus, diagnostics) = loader.load([self.corpus.path])
            diagnostics += (try? loader.readSaved(.all, of: &corpus, paths: [self.corpus.path])) ?? []
            return (corpus, diagnostics)
        }

        var modelFiles: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: cache.path)) ?? []).filter { $0.hasSuffix(".model") }.map { cache.path + "/" + $0 }
        }
    }

    /// Everything a query can read from a corpus, as lines, so two corpora can be compared whole.
    static func contents(_ read: Corpus) -> [String] {
        var c = read
        do throws(ArchiveError) {
            try c.readSaved(.all)
        } catch {
            return ["the saved model's sections cannot be read: \(error)"]
        }
        var lines: [String] = []
        for d in c.documents {
            lines.append("doc \(d.id) \(d.path) \(d.title) \(String(describing: d.date)) \(d.dateSource) \(d.kind ?? "-") \(d.sentences) \(d.paragraphCount) \(d.byteCount) \(d.text.count) \(d.text.hashValue) \(d.fields)")
        }
        for (i, s) in c.sentences.enumerated() {
            lines.append("sentence \(i) \(s.document) \(s.paragraph) \(s.start)..<\(s.end) \(String(describing: c.time(of: s))) \(String(describing: s.basis)) \(s.isHeading) \(c.timeRange(of: Int32(i)))")
        }
        for e in c.entities {
            lines.append("entity \(e.name) \(e.kind) \(e.type) \(e.aliases) \(e.relations) \(e.origin) \(e.container ?? "-")")
        }
        for i in c.sentences.indices {
            for m in c.mentions(in: Int32(i)) { lines.append("mention \(m.entity) \(i) \(m.start) \(m.end) \(m.rule) \(m.alias)") }
        }
        for t in c.times { lines.append("time \(t.sentence) \(t.start) \(t.end) \(t.period) \(c.rule(of: t)) \(t.isCitation)") }
        lines.append("mention starts \(c.mentionStarts)")
        lines.append("entity sentences \(c.entitySentences) \(c.entityMentionCounts)")
        for w in 0..<Int32(c.vocabulary.count) { lines.append("word \(c.vocabulary.word(w)) \(c.sentences(withWord: w))") }
        lines.append("word totals \(c.wordTotals)")
        lines.append("years \(c.yearSentences.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }) \(c.longSpanSentences)")
        for kind in EntityKind.allCases {
            for e in c.entities { lines.append("lookup \(kind) \(e.name) \(String(describing: c.entity(named: e.name, kind: kind)))") }
        }
        lines.append("inside \(c.placesInside.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" })")
        return lines
    }

    static func rendered(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.filter { !$0.message.hasPrefix("saved the model") }.map(DiagnosticRenderer.render)
    }

    @Test func aModelReadBackIsTheModelThatWasBuilt() {
        let setup = Setup()
        defer { setup.remove() }
        let (fresh, freshDiagnostics) = setup.load(cache: false)
        #expect(setup.modelFiles.isEmpty)
        let (built, builtDiagnostics) = setup.load()
        #expect(builtDiagnostics.contains { $0.severity == .note && $0.message.hasPrefix("saved the model") })
        #expect(setup.modelFiles.count == 1)
        let (read, readDiagnostics) = setup.load()
        #expect(!readDiagnostics.contains { $0.message.hasPrefix("saved the model") }, "the second load reads the file and does not write it")
        #expect(Self.contents(built) == Self.contents(fresh))
        #expect(Self.contents(read) == Self.contents(fresh))
        #expect(fresh.documents.count == 8)
        #expect(fresh.documents.contains { $0.id == "report" })
        // The load's warnings about documents (an empty file, a Latin-1 file) are shown again, naming the same files.
        #expect(Self.rendered(readDiagnostics) == Self.rendered(freshDiagnostics))
        #expect(readDiagnostics.contains { $0.location.file.hasSuffix("empty.txt") && $0.message.contains("no text") })
        #expect(readDiagnostics.contains { $0.location.file.hasSuffix("latin1.txt") })
    }

    /// A corpus holding collections (JSON Lines, CSV: a document a row, one file with no row at all, one row that is
    /// not a document) opens from its model like any other: the model was refused at every start ("another number
    /// of documents"), read again and written again.
    @Test func aCorpusWithCollectionsOpensFromItsModel() {
        let setup = Setup()
        defer { setup.remove() }
        setup.corpus.write("rows/news.jsonl", """
            {"id": "j1", "text": "Wagner Group fighters arrived in Bamako in December 2021."}
            not a record
            {"text": "France ended Operation Barkhane in 2022."}

            """)
        setup.corpus.write("rows/nothing.jsonl", "")
        setup.corpus.write("rows/table.csv", "id,title,text\nc1,One,\"Russia and Mali signed an agreement in 2019.\"\nc2,Two,MINUSCA left in 2024.\n")
        let (fresh, freshDiagnostics) = setup.load(cache: false)
        _ = setup.load()
        let (read, readDiagnostics) = setup.load()
        #expect(!readDiagnostics.contains { $0.message.contains("cannot be used") || $0.message.hasPrefix("saved the model") }, "\(Self.rendered(readDiagnostics))")
        #expect(Self.contents(read) == Self.contents(fresh))
        #expect(fresh.documents.count == 12)
        #expect(read.documents.map(\.id).suffix(4) == ["j1", "news-3", "c1", "c2"], "\(read.documents.map(\.id))")
        #expect(read.documents.last?.path.hasSuffix("rows/table.csv:3") == true)
        #expect(Self.rendered(readDiagnostics) == Self.rendered(freshDiagnostics))
    }

    @Test func queriesAnswerTheSameOnAReadModel() {
        let setup = Setup()
        defer { setup.remove() }
        let fresh = setup.load(cache: false).0
        _ = setup.load()
        let read = setup.load().0
        for query in ["count text \"Wagner\"", "count text \"Wagner\" or \"Russia\" and \"troops\"", "find actor Wagner since 2017", "count actor Russia by year", "find text \"Central African\"",
                      "kwic \"Wagner\"", "top places 5", "cooccur actor Russia", "find matching /Bang[a-z]+/"] {
            let a = run(query, format: .json, limit: nil, corpus: fresh)
            let b = run(query, format: .json, limit: nil, corpus: read)
            #expect(a.ok && b.ok, "\(query)")
            #expect(a.out == b.out, "\(query)")
        }
    }

    /// A count of words reads only the word index of a saved model. A byte damaged in the tables goes unseen until
    /// a command needs them; that command says so and answers from the documents, read again (and saved again).
    @Test func sectionsAreReadWhenACommandFirstNeedsThem() throws {
        let setup = Setup()
        defer { setup.remove() }
        let fresh = setup.load(cache: false).0
        _ = setup.load()
        let (saved, _) = setup.load()
        let tables = try #require(saved.unread?.tables)
        #expect(saved.sentences.isEmpty && saved.sentenceCount == fresh.sentences.count, "how many sentences, before any is read")
        let file = try #require(setup.modelFiles.first)
        var bytes = try #require(FileManager.default.contents(atPath: file)).map { $0 }
        bytes[ArchiveFile.headerSize + tables.offset + tables.count / 2] ^= 0x5A
        FileManager.default.createFile(atPath: file, contents: Data(bytes))
        var loader = CorpusLoader()
        _ = loader.addResources(from: Paths.seeds)
        loader.cache = CorpusCache(directory: setup.cache.path, minimumBytes: 0)
        let (damaged, diagnostics) = loader.load([setup.corpus.path])
        #expect(!diagnostics.contains { $0.message.contains("saved model") }, "the head is sound: \(diagnostics.map(\.message))")
        let output = Collect()
        let session = Session(corpus: damaged, loader: loader, corpusPaths: [setup.corpus.path], output: output)
        let expected = Collect()
        let reference = Session(corpus: fresh, loader: loader, corpusPaths: [setup.corpus.path], output: expected)
        #expect(session.run("set width 100", file: "<command>") && reference.run("set width 100", file: "<command>"))
        #expect(session.interpreter.corpus.unread?.words != nil, "a setting reads nothing")
        for query in ["docs | limit 3", "docs", "docs duplicates"] {
            #expect(session.run(query, file: "<command>") && reference.run(query, file: "<command>"))
        }
        #expect(session.interpreter.corpus.unread?.words != nil && session.interpreter.corpus.unread?.tables != nil,
                "the list of documents reads neither section")
        for query in ["count text \"Wagner\"", "count text \"Wagner\" and \"Bangui\" or \"France\""] {
            #expect(session.run(query, file: "<command>") && reference.run(query, file: "<command>"))
        }
        #expect(output.out == expected.out)
        #expect(output.err.isEmpty)
        #expect(session.interpreter.corpus.unread?.words == nil, "the word index was read")
        #expect(session.interpreter.corpus.unread?.tables != nil, "the tables were not")
        #expect(session.run("count actor Russia by year", file: "<command>") && reference.run("count actor Russia by year", file: "<command>"))
        #expect(output.out == expected.out)
        #expect(output.err.contains("saved model cannot be used (its checksum does not match); reading the documents again"), "\(output.err)")
        #expect(session.interpreter.corpus.unread == nil)
        #expect(Self.contents(session.corpus) == Self.contents(fresh))
        let (_, again) = setup.loadWhole()
        #expect(!again.contains { $0.message.contains("saved model") }, "the file was written again")
    }

    /// A saved model another program writes into while a session reads it (a copy or a restore over it, in place)
    /// sends the session back to the documents, with a warning, before the next command reads it: answers came from
    /// the new bytes without a word, and an index pointing past the corpus killed the session (tester15 #25).
    @Test func aModelWrittenIntoWhileOpenIsReadAgainFromTheDocuments() throws {
        let setup = Setup()
        defer { setup.remove() }
        let fresh = setup.load(cache: false).0
        _ = setup.load()
        var loader = CorpusLoader()
        _ = loader.addResources(from: Paths.seeds)
        loader.cache = CorpusCache(directory: setup.cache.path, minimumBytes: 0)
        let (saved, _) = loader.load([setup.corpus.path])
        let output = Collect(), expected = Collect()
        let session = Session(corpus: saved, loader: loader, corpusPaths: [setup.corpus.path], output: output)
        let reference = Session(corpus: fresh, loader: loader, corpusPaths: [setup.corpus.path], output: expected)
        #expect(session.run("count text \"Wagner\"", file: "<command>") && reference.run("count text \"Wagner\"", file: "<command>"))
        #expect(session.interpreter.corpus.savedModel != nil, "the word index is read in place from the file")
        let file = try #require(setup.modelFiles.first)
        var info = stat()
        #expect(stat(file, &info) == 0)
        let junk = [UInt8](repeating: 0xA5, count: Int(info.st_size) - ArchiveFile.headerSize)
        let fd = open(file, O_WRONLY)
        #expect(pwrite(fd, junk, junk.count, off_t(ArchiveFile.headerSize)) == junk.count)
        close(fd)
        for query in ["count text \"Wagner\"", "kwic \"Wagner\" | limit 3", "count actor Russia by year", "docs"] {
            #expect(session.run(query, file: "<command>") && reference.run(query, file: "<command>"))
        }
        #expect(output.out == expected.out)
        #expect(output.err.components(separatedBy: "another program wrote into the saved model this session reads while it was open; "
                                                   + "reading the documents again").count == 2, "said once: \(output.err)")
        #expect(Self.contents(session.corpus) == Self.contents(fresh))
    }

    @Test func aChangedDocumentRebuildsTheModel() throws {
        let setup = Setup()
        defer { setup.remove() }
        _ = setup.load()
        let before = try #require(setup.modelFiles.first)
        let written = try #require(FileManager.default.attributesOfItem(atPath: before)[.modificationDate] as? Date)
        // Same size, other words: only the file's times tell the change.
        setup.corpus.write("nested/copy-2/report.txt", "Wagner fighters reached Bamako in March 2018. The UN mission MINUSMA protested.")
        let (corpus, diagnostics) = setup.load()
        #expect(diagnostics.contains { $0.message.hasPrefix("saved the model") }, "rebuilt and saved again")
        #expect(corpus.sentenceTexts.contains { $0.contains("Bamako in March 2018") })
        #expect(!corpus.sentenceTexts.contains { $0.contains("Bangui in March 2018") })
        #expect(setup.modelFiles.count == 1, "the model of the same folder is replaced, not added")
        let rewritten = try #require(FileManager.default.attributesOfItem(atPath: before)[.modificationDate] as? Date)
        #expect(rewritten >= written)
    }

    @Test func anAddedOrRemovedDocumentRebuildsTheModel() {
        let setup = Setup()
        defer { setup.remove() }
        _ = setup.load()
        setup.corpus.write("added.txt", "France withdrew from Mali in 2022.")
        #expect(setup.load().0.documents.contains { $0.id == "added" })
        try? FileManager.default.removeItem(atPath: setup.corpus.path + "/added.txt")
        #expect(!setup.load().0.documents.contains { $0.id == "added" })
    }

    @Test func aChangedLexiconRebuildsTheModel() {
        let setup = Setup()
        defer { setup.remove() }
        _ = setup.load()
        setup.corpus.write("extra.lexicon", "actor Fictional Brigade\n  type: armed group\n  alias: Brigade of Fiction\n")
        let (corpus, diagnostics) = setup.load()
        #expect(diagnostics.contains { $0.message.hasPrefix("saved the model") })
        #expect(corpus.entities.contains { $0.name == "Fictional Brigade" })
        setup.corpus.write("extra.stopwords", "mission\n")
        _ = setup.load()
        #expect(setup.modelFiles.count == 1, "a folder keeps one model whatever lexicons and lists it gains")
    }

    @Test(arguments: [
        ("flipped byte", "its checksum does not match"),
        ("truncated", "its length is not the one written"),
        ("not a model", "it is not a Dossier model file"),
        ("empty", "it is shorter than its header"),
    ])
    func aDamagedModelIsReportedAndRebuilt(damage: String, reason: String) throws {
        let setup = Setup()
        defer { setup.remove() }
        let fresh = setup.load(cache: false).0
        _ = setup.load()
        let file = try #require(setup.modelFiles.first)
        var bytes = try #require(FileManager.default.contents(atPath: file)).map { $0 }
        switch damage {
        case "flipped byte": bytes[bytes.count / 2] ^= 0x40
        case "truncated": bytes.removeLast(bytes.count / 3)
        case "not a model": bytes.replaceSubrange(0..<8, with: Array("#!/bin/s".utf8))
        default: bytes = []
        }
        FileManager.default.createFile(atPath: file, contents: Data(bytes))
        let (corpus, diagnostics) = setup.loadWhole()
        let warning = diagnostics.first { $0.severity == .warning && $0.message.contains("saved model cannot be used") }
        #expect(warning?.message.contains(reason) == true, "\(diagnostics.map(\.message))")
        #expect(warning?.location.file.hasSuffix(".model") == true)
        #expect(Self.contents(corpus) == Self.contents(fresh))
        let (_, again) = setup.loadWhole()
        #expect(!again.contains { $0.severity == .warning && $0.message.contains("saved model") }, "the file was written again")
    }

    /// Whichever byte is damaged (header or body), the file is never used: the corpus is read from its documents.
    @Test func noDamagedByteGoesUnnoticed() throws {
        let setup = Setup()
        defer { setup.remove() }
        let fresh = Self.contents(setup.load(cache: false).0)
        _ = setup.load()
        let file = try #require(setup.modelFiles.first)
        let original = try #require(FileManager.default.contents(atPath: file)).map { $0 }
        // Both ends of every header field (magic, version, inputs, length, checksum), then the body.
        let positions = [0, 15, 16, 20, 23, 24, 31, 32, 39, 40, 47] + stride(from: 48, to: original.count, by: max(1, original.count / 6))
            + [original.count - 1]
        for position in positions {
            var bytes = original
            bytes[position] ^= 0x5A
            FileManager.default.createFile(atPath: file, contents: Data(bytes))
            let (corpus, diagnostics) = setup.loadWhole()
            let rebuilt = diagnostics.contains { $0.message.hasPrefix("saved the model") }
            #expect(rebuilt, "byte \(position) of \(original.count): \(diagnostics.map(\.message))")
            #expect(Self.contents(corpus) == fresh, "byte \(position)")
        }
    }

    /// A save killed while it wrote (Ctrl-C, SIGTERM, a crash) leaves a hidden temporary file as large as a model; the
    /// next save in that folder removes it. A save still running in another process, and files of other kinds, are kept.
    @Test func aSaveRemovesTheLeftoversOfSavesThatDied() throws {
        let setup = Setup()
        defer { setup.remove() }
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let gone = finished.processIdentifier
        let dead = setup.cache.write(".0123456789abcdef.model.\(gone).42.tmp", "half a model")
        let running = setup.cache.write(".0123456789abcdef.model.\(getpid()).7.tmp", "a model being written")
        let other = setup.cache.write(".notes.txt.\(gone).42.tmp", "not a model")
        _ = setup.load()
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(FileManager.default.fileExists(atPath: running))
        #expect(FileManager.default.fileExists(atPath: other))
        #expect(setup.modelFiles.count == 1)
    }

    /// Word places the text no longer holds (a saved model cut short while mapped reads as zeros, so a sentence's
    /// words vanish while the positions naming them were read before the cut) make an empty kwic line, not a trap that
    /// killed the session (tester14 #8).
    @Test(arguments: [(0, 1), (3, 9), (40, 41), (2, 1)] as [(Int32, Int32)])
    func aKwicPlaceBeyondTheSentencesWordsIsAnEmptyLine(_ start: Int32, _ end: Int32) {
        let corpus = analyze("Russia sent advisers to Bangui.")
        let line = corpus.concordanceLine(ConcordancePlace(sentence: 0, start: start, end: end, inWords: true), width: .words(3))
        let inside = start < end && end <= 5
        #expect(line.match.isEmpty == !inside, "\(line)")
        var tokens: [WordToken] = []
        #expect(corpus.bytes(ofWords: [Int(start)..<Int(max(start, end))], in: 0, tokens: &tokens).isEmpty == !inside)
    }

    @Test func aFolderThatCannotHoldTheModelStillLoads() {
        let setup = Setup()
        defer { setup.remove() }
        let blocked = setup.cache.write("blocked", "a file where the folder should be")
        var loader = CorpusLoader()
        _ = loader.addResources(from: Paths.seeds)
        loader.cache = CorpusCache(directory: blocked + "/models", minimumBytes: 0)
        let (corpus, diagnostics) = loader.load([setup.corpus.path])
        #expect(corpus.documents.count == 8)
        #expect(diagnostics.contains { $0.severity == .warning && $0.message.hasPrefix("cannot save the model") })
    }

    /// By default a corpus is saved from 32 KB: the bundled articles (60 KB) are, one short report is not.
    @Test(arguments: [(wholeSetup: true, saved: true), (false, false)])
    func aCorpusIsSavedFrom32KB(wholeSetup: Bool, saved: Bool) {
        let setup = Setup()
        defer { setup.remove() }
        let folder = wholeSetup ? setup.corpus.path : setup.corpus.path + "/nested"
        var loader = CorpusLoader()
        _ = loader.addResources(from: Paths.seeds)
        loader.cache = CorpusCache(directory: setup.cache.path)
        let (corpus, diagnostics) = loader.load([folder])
        #expect(corpus.documents.count == (wholeSetup ? 8 : 1))
        #expect(setup.modelFiles.count == (saved ? 1 : 0))
        #expect(diagnostics.contains { $0.message.hasPrefix("saved the model") } == saved)
    }

    @Test func theChecksumDoesNotDependOnHowTheBytesArriveAndSeesEveryByte() {
        var x: UInt32 = 7
        let bytes = (0..<1000).map { _ in
            x = x &* 1_103_515_245 &+ 12345
            return UInt8(truncatingIfNeeded: x >> 16)
        }
        func sum(_ pieces: [Int]) -> UInt64 {
            var checksum = Checksum()
            var start = 0
            bytes.withUnsafeBytes { raw in
                for size in pieces + [bytes.count] {
                    let end = min(bytes.count, start + size)
                    checksum.add(UnsafeRawBufferPointer(rebasing: raw[start..<end]))
                    start = end
                }
            }
            return checksum.value
        }
        let whole = sum([])
        #expect(sum([1, 31, 32, 33, 7, 100]) == whole)
        #expect(sum(Array(repeating: 3, count: 400)) == whole)
        var other = Checksum()
        var changed = bytes
        changed[999] ^= 1
        changed.withUnsafeBytes { other.add($0) }
        #expect(other.value != whole)
        var shorter = Checksum()
        bytes.dropLast().withUnsafeBytes { shorter.add($0) }
        #expect(shorter.value != whole)
    }
}

@Suite("Block checksums")
struct BlockChecksumTests {
    /// What the writer sums piece by piece is what the reader sums block by block on every core, and a change in any
    /// block, or one byte fewer, changes it.
    @Test(arguments: [0, 1, BlockChecksum.blockSize - 1, BlockChecksum.blockSize, 2 * BlockChecksum.blockSize + 12_345])
    func piecesAndBlocksAgree(size: Int) {
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        let bytes = (0..<size).map { _ in
            x ^= x << 13
            x ^= x >> 7
            x ^= x << 17
            return UInt8(truncatingIfNeeded: x)
        }
        var streamed = BlockChecksum()
        bytes.withUnsafeBytes { raw in
            var start = 0
            for piece in [7, 1 << 20, 3, BlockChecksum.blockSize, 100_000] where start < raw.count {
                let end = min(raw.count, start + piece)
                streamed.add(UnsafeRawBufferPointer(rebasing: raw[start..<end]))
                start = end
            }
            if start < raw.count { streamed.add(UnsafeRawBufferPointer(rebasing: raw[start...])) }
        }
        let whole = bytes.withUnsafeBytes { BlockChecksum.of($0) }
        #expect(streamed.value == whole)
        guard size > 0 else { return }
        for position in Set([0, size / 2, size - 1]) {
            var changed = bytes
            changed[position] ^= 1
            #expect(changed.withUnsafeBytes { BlockChecksum.of($0) } != whole, "byte \(position)")
        }
        #expect(bytes.dropLast().withUnsafeBytes { BlockChecksum.of($0) } != whole)
    }

    /// A saved model that another program cuts short while it is mapped reads as zeros past its new end, and the
    /// pages are counted so the session can warn, where the read used to kill the process with SIGBUS.
    @Test func aMappedFileCutShortReadsAsZeros() throws {
        let folder = TempDir()
        defer { folder.remove() }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        folder.write("model", bytes: [UInt8](repeating: 7, count: 3 * page))
        let path = folder.path + "/model"
        let fd = open(path, O_RDONLY)
        let mapped = try #require(MappedBytes(fd: fd, count: 3 * page))
        close(fd)
        let before = MappedBytes.lostPages
        #expect(truncate(path, off_t(page)) == 0)
        #expect(mapped.bytes[page - 1] == 7)
        #expect(mapped.bytes[2 * page + 5] == 0)
        #expect(mapped.bytes[page + 1] == 0)
        #expect(MappedBytes.lostPages == before + 2)
        mapped.close()
        #expect(MappedBytes.lostPages == before)
    }

    /// Summing bytes in memory leaves them as they were: only a mapped file's pages are let go once summed (let go,
    /// the pages of an array came back as zeros).
    @Test func summingLeavesTheBytesInMemory() {
        let bytes = [UInt8](repeating: 7, count: 3 * BlockChecksum.blockSize)
        _ = bytes.withUnsafeBytes { BlockChecksum.of($0) }
        #expect(bytes.firstIndex(of: 0) == nil)
    }
}

@Suite("Posting gaps")
struct PostingGapsTests {
    @Test(arguments: [
        [Int32](),
        [0],
        [0, 1, 2, 3],
        [5, 127, 128, 129, 255, 256, 16_383, 16_384, 16_511],
        [2_097_151, 2_097_152, 268_435_455, 268_435_456, Int32.max - 1, Int32.max],
    ])
    func listsComeBackAsTheyWent(_ ids: [Int32]) {
        let bytes = PostingGaps.encode(ids[...])
        #expect(bytes.withUnsafeBufferPointer { PostingGaps.decode($0) } == ids)
    }

    @Test func smallGapsTakeOneByte() {
        #expect(PostingGaps.encode([0, 1, 2, 100, 200][...]).count == 5)
        #expect(PostingGaps.encode([0, 200][...]).count == 3)
        #expect(PostingGaps.size(UInt32.max) == 5)
    }
}
