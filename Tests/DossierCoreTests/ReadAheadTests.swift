import Dispatch
import Foundation
import Testing
@testable import DossierCore
import DossierTime

/// A core with no batch of its own left reads, cleans and tokenises the next files of a batch still being analysed;
/// the batch must come out exactly as when its own core does it all, and every file must reach that core once, in order.
@Suite("Reading ahead for a batch still being analysed")
struct ReadAheadTests {
    static let seedTexts: [(String, [UInt8])] = (try! FileManager.default.contentsOfDirectory(atPath: Paths.seeds))
        .filter { $0.hasSuffix(".txt") }.sorted().map { ($0, Array(FileManager.default.contents(atPath: Paths.seeds + "/" + $0)!)) }

    /// Real documents, and files that try the splitter, the tokeniser and the times carried from sentence to sentence.
    static let texts: [(String, [UInt8])] = seedTexts + [
        ("empty.txt", []),
        ("blank.txt", Array("  \n\n\t \r\n".utf8)),
        ("no-stop.txt", Array("President Faustin-Archange Touadéra met U.N. envoys in Bangui".utf8)),
        ("paragraphs.txt", Array("On 3 March 2021 the talks began. They went on.\n\nA new paragraph. It carries no date from the one before.\n\nIn 1990 Mali's army met the U.S. delegation.".utf8)),
        ("crlf.txt", Array("BANGUI, March 4 (Reuters) - The U.N. mission said on Tuesday.\r\nThe Wagner Group's men left Bria.\r\n".utf8)),
        ("latin1.txt", [0x43, 0x61, 0x66, 0xE9, 0x20, 0x69, 0x6E, 0x20, 0x4D, 0x61, 0x6C, 0x69, 0x2E, 0x20, 0x49, 0x74, 0x20, 0x72, 0x61, 0x69, 0x6E, 0x65, 0x64, 0x2E]),
        ("bom.txt", [0xEF, 0xBB, 0xBF] + Array("“Quoted” names: “Operation Juniper Micron” and the ‘Coalition of Patriots for Change’.".utf8)),
        ("long.txt", Array(String(repeating: "Marie Harf said the Central African Republic's army … ", count: 400).utf8)),
        // Dates with slashes read in the order the document shows, or month first with a note; a time lasting to the
        // publication date.
        ("day-first.txt", Array("Published: 03/04/2021\n\nPeru met Chile on 20/04/2021. Niger met Sudan on 05/04/2021.".utf8)),
        ("unsure.txt", Array("Published: 03/04/2021\n\nThe talks in Bamako began on 05/06/2021 and ended in May.".utf8)),
        ("note.md", Array("---\ntitle: Board\ndate: 03/04/2021\n---\nThe board of the Bank of Ghana met on 25/03/2021.".utf8)),
        ("minutes.md", Array("---\ntitle: Minutes\ndate: 25/03/2021\n---\nThe board of the Bank of Ghana met again on 06/04/2021.".utf8)),
        ("since.txt", Array("Published: 2021-05-12\n\nUnemployment in Ghana has fallen since 2016. The plant opened in 1950. Since then, 427 workers have been hired.".utf8)),
    ]

    static let matching: Matching = Matching(Seeds.loaded.loader.lexicon)

    /// The batch of `files` analysed in one analyzer, each file prepared by `prepare` (nil: the analyzer reads it itself),
    /// as text: every sentence, mention, time, discovered name, document and diagnostic, and the word index.
    static func batch(_ files: [(String, [UInt8])], tokenising: Bool?) -> String {
        let loader = Seeds.loaded.loader
        var analyzer = DocumentAnalyzer(matcher: matching.matcher, furniture: loader.furniture, names: loader.names,
                                        entities: matching.entities)
        for (name, bytes) in files {
            let file = SourceFile(path: "/corpus/" + name, displayPath: name, bytes: bytes)
            if let tokenising {
                analyzer.analyze(DocumentAnalyzer.prepare(file, furniture: loader.furniture, words: loader.names.words, extractor: TimeExpressionExtractor(),
                                                          tokenising: tokenising))
            } else {
                analyzer.analyze(file)
            }
        }
        let batch = analyzer.finish()
        let words = batch.wordIndex()
        return [
            "\(batch.sentences)", "\(batch.mentions.map(\.mention))", "\(batch.mentions.map(\.sentence))", "\(batch.times)",
            "\(batch.periods.values)", "\(batch.periods.values.map(\.label))", "\(batch.timeRules.values)", "\(batch.discovered)", "\(batch.diagnostics)",
            "\(batch.documents.map { [$0.id, $0.title, $0.path, "\($0.date.map(\.label) ?? "-")", "\($0.byteCount)", "\($0.sentences)", "\($0.text.count)"] })",
            "\(words.words)", "\(words.postings)", "\(words.counts)",
        ].joined(separator: "\n")
    }

    @Test(arguments: [false, true])
    func preparedAheadIsTheSameBatch(tokenising: Bool) {
        let inline = Self.batch(Self.texts, tokenising: nil)
        #expect(Self.batch(Self.texts, tokenising: tokenising) == inline)
        #expect(inline.contains("Touadéra"))
        // 05/04/2021 is 5 April in a document that writes 20/04/2021, 06/04/2021 is 6 April in a note dated 25/03/2021;
        // "since 2016" lasts to the publication date, and so does "Since then" after 1950; 05/06/2021 is read month
        // first, and said to be.
        for label in ["2021-04-05", "2021-04-06", "2016-01-01..2021-05-12", "1950-01-01..2021-05-12", "2021-05-06", "read month first"] {
            #expect(inline.contains(label), "\(label)")
        }
        #expect(Self.batch(Self.texts.reversed(), tokenising: tokenising) == Self.batch(Self.texts.reversed(), tokenising: nil))
    }

    /// A folder of many small files (each paragraph of the seeds' documents a file of its own, beside the documents, a
    /// collection, a web page and an unreadable file) read whole by the loader, cut into `batches` batches, with and
    /// without cores reading ahead for the batches still being analysed: every document, sentence, mention, time, entity,
    /// word and diagnostic must be the same.
    @Test(arguments: [1, 2, 3, 7])
    func aCorpusReadAheadIsTheCorpusReadByEachBatch(batches: Int) throws {
        let folder = TempDir()
        defer { folder.remove() }
        for (name, bytes) in Self.seedTexts {
            folder.write(name, bytes: bytes)
            for (p, paragraph) in String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n\n").enumerated() where p < 12 {
                folder.write("paragraphs/\(name.dropLast(4))-\(p).txt", paragraph)
            }
        }
        folder.write("records.jsonl", #"{"id": "r1", "date": "2021-03-04", "text": "Wagner fighters reached Bangui. MINUSCA protested."}"# + "\n"
                     + #"{"id": "r2", "text": "President Touadéra met U.N. envoys in Bangui on 3 March 2021."}"# + "\n")
        folder.write("page.html", "<html><head><title>Bria</title></head><body><p>The Wagner Group's men left Bria in 2022.</p></body></html>")
        chmod(folder.write("locked.txt", "Nobody reads this."), 0)
        let paths = try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted().map { folder.path + "/" + $0 }
            .filter { !$0.hasSuffix("/paragraphs") }
        let sizes = paths.map { FileSystem.size($0) ?? 0 }
        let loader = Seeds.loaded.loader
        func load(readingAhead: Bool) -> (lines: [String], complete: Bool) {
            let read = loader.analyse(paths, sizes: sizes, progress: nil, batchBytes: sizes.reduce(0, +) / batches + 1,
                                      readingAhead: readingAhead)!
            return (CorpusCacheTests.contents(read.corpus) + read.diagnostics.map(DiagnosticRenderer.render), read.complete)
        }
        let alone = load(readingAhead: false)
        #expect(paths.count > 50)
        #expect(alone.lines.contains { $0.hasPrefix("doc r2 ") })
        #expect(alone.lines.contains { $0.contains("Bria") })
        #expect(alone.lines.contains { $0.contains("cannot read") } == (getuid() != 0))
        for _ in 0..<3 {
            let ahead = load(readingAhead: true)
            #expect(ahead.lines == alone.lines)
            #expect(ahead.complete == alone.complete)
        }
    }

    /// Each file a helper prepared reaches the batch's core as that file; the others the core reads itself (nil), once.
    @Test(arguments: [1, 9, 10, 40])
    func everyFileReachesItsBatchOnceInOrder(files: Int) {
        let readAhead = ReadAhead(files: [0..<files, files..<(files + 3)])
        readAhead.start(0)
        #expect(!readAhead.allStarted)
        // The helper has prepared as many files as it may (the window and one) before the core takes the first.
        let prepared = DispatchSemaphore(value: 0)
        let helper = DispatchGroup()
        DispatchQueue.global().async(group: helper) {
            readAhead.help(shouldStop: { false }) { file in
                defer { prepared.signal() }
                return .failed("file \(file)")
            }
        }
        let first = min(files, ReadAhead.window + 1)
        for _ in 0..<first { prepared.wait() }
        var byHelper: [Int] = []
        for batch in 0..<2 {
            if batch == 1 {
                readAhead.start(1)
                #expect(readAhead.allStarted)
            }
            for file in (batch == 0 ? 0..<files : files..<(files + 3)) {
                switch readAhead.take(file, of: batch) {
                case .failed(let label)?:
                    #expect(label == "file \(file)")
                    byHelper.append(file)
                case nil: break
                default: Issue.record("file \(file) came back as something the helper never made")
                }
            }
            readAhead.finish(batch)
        }
        helper.wait()
        #expect(Array(byHelper.prefix(first)) == Array(0..<first))
        #expect(Set(byHelper).count == byHelper.count)
    }

    /// A helper asked to stop prepares nothing more, and a batch's core then reads every file itself.
    @Test func aStoppedHelperLeavesTheFilesToTheirBatch() {
        let readAhead = ReadAhead(files: [0..<5])
        readAhead.start(0)
        var asked = 0
        readAhead.help(shouldStop: { true }) { _ in
            asked += 1
            return .failed("")
        }
        #expect(asked == 0)
        #expect((0..<5).allSatisfy { readAhead.take($0, of: 0) == nil })
    }
}
