import Dispatch
import Testing
@testable import DossierCore

/// Batches reach the merge in whatever order the workers finish them; the corpus must hold them in file order, with
/// sentence, time and checksum lists that line up, whatever that order was.
@Suite("Merging batches as they are done")
struct BatchMergeTests {
    static let texts = [
        "In May 2019 the Congress met. It sat until June.",
        "On 5 June 2020 the mission left Bangui. Nobody stayed.",
        "The third file has one sentence.",
        "The last file speaks of 1990 and of the 1970s.",
    ]

    static func batch(_ index: Int) -> (Batch, WordIndexPart) {
        var analyzer = DocumentAnalyzer(matcher: EntityMatcher(entities: []), furniture: Furniture(), names: NameLists(),
                                        entities: [])
        analyzer.analyze(SourceFile(path: "/corpus/\(index).txt", displayPath: "\(index).txt", bytes: Array(texts[index].utf8)))
        var batch = analyzer.finish()
        batch.textSums = [UInt64(index)]
        return (batch, batch.wordIndex())
    }

    static func merged(deliveringIn order: [Int]) -> (corpus: Corpus, textSums: [UInt64]) {
        let merge = BatchMerge(batchBytes: texts.map(\.utf8.count), corpus: Corpus(entities: []))
        for index in order {
            let (batch, words) = batch(index)
            merge.deliver(index, batch, words)
        }
        let result = merge.finish()
        return (result.corpus, result.textSums)
    }

    /// Each sentence's time, basis and time expressions, as labels.
    static func times(_ c: Corpus) -> [String] {
        (0..<Int32(c.sentences.count)).map { id in
            let s = c.sentences[Int(id)]
            return "\(c.time(of: s)?.label ?? "-") \(s.basis?.rawValue ?? "-") \(c.times(of: id).map(\.period.label))"
        }
    }

    /// Each batch numbers the periods its sentences are dated by from 1; merged, a sentence keeps its own period
    /// and time expressions, as when the files are one batch.
    @Test func sentencesKeepTheirTimesAcrossBatches() {
        var analyzer = DocumentAnalyzer(matcher: EntityMatcher(entities: []), furniture: Furniture(), names: NameLists(), entities: [])
        for (index, text) in Self.texts.enumerated() {
            analyzer.analyze(SourceFile(path: "/corpus/\(index).txt", displayPath: "\(index).txt", bytes: Array(text.utf8)))
        }
        let batch = analyzer.finish()
        let whole = BatchMerge(batchBytes: [1], corpus: Corpus(entities: []))
        whole.deliver(0, batch, batch.wordIndex())
        let merged = Self.merged(deliveringIn: [2, 0, 3, 1]).corpus
        #expect(Self.times(merged) == ["2019-05 explicit [\"2019-05\"]", "2019-06 explicit [\"2019-06\"]", "2020-06-05 explicit [\"2020-06-05\"]",
                                       "2020-06-05 context []", "- - []", "1990 explicit [\"1990\", \"1970..1979\"]"])
        #expect(Self.times(merged) == Self.times(whole.finish().corpus))
        #expect(MemoryLayout<Sentence>.stride == 20)
        #expect(MemoryLayout<Mention>.stride == 16)
        #expect(MemoryLayout<TimeMention>.stride == 24)
    }

    @Test(arguments: [[0, 1, 2, 3], [3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]])
    func batchesMergeInFileOrder(_ order: [Int]) {
        let inOrder = Self.merged(deliveringIn: [0, 1, 2, 3])
        let merged = Self.merged(deliveringIn: order)
        #expect(merged.corpus.documents.map(\.path) == ["0.txt", "1.txt", "2.txt", "3.txt"])
        #expect(merged.textSums == [0, 1, 2, 3])
        #expect(merged.corpus.sentences.map(\.document) == [0, 0, 1, 1, 2, 3])
        #expect(merged.corpus.sentences.map(\.start) == inOrder.corpus.sentences.map(\.start))
        #expect(merged.corpus.times.map(\.sentence) == inOrder.corpus.times.map(\.sentence))
        #expect(merged.corpus.times.map(\.period) == inOrder.corpus.times.map(\.period))
        #expect(!merged.corpus.times.isEmpty)
    }

    /// The word index joined from batches is the one a single batch of the same files makes: every word's sentences
    /// and count, including words whose lists go on from one batch into a later one across gaps of one byte and of two.
    @Test(arguments: [[1, 1, 1, 1], [2, 1, 3, 2], [200, 3, 150, 1], [1, 300, 0, 140]])
    func joinedWordIndexIsOneBatchsIndex(_ fillers: [Int]) {
        let texts = fillers.enumerated().map { i, n in
            ((0..<n).map { k in "Filler number \(k) of file \(i) went by." } + ["The zebra of file \(i) ran."]).joined(separator: " ")
        }
        func corpus(_ batches: [[Int]]) -> Corpus {
            let merge = BatchMerge(batchBytes: batches.map { $0.reduce(0) { $0 + texts[$1].utf8.count } }, corpus: Corpus(entities: []))
            for (b, files) in batches.enumerated().reversed() {
                var analyzer = DocumentAnalyzer(matcher: EntityMatcher(entities: []), furniture: Furniture(), names: NameLists(),
                                                entities: [])
                for i in files {
                    analyzer.analyze(SourceFile(path: "/corpus/\(i).txt", displayPath: "\(i).txt", bytes: Array(texts[i].utf8)))
                }
                let batch = analyzer.finish()
                merge.deliver(b, batch, batch.wordIndex())
            }
            return merge.finish().corpus
        }
        let joined = corpus([[0], [1], [2], [3]])
        let whole = corpus([[0, 1, 2, 3]])
        #expect(joined.sentences.count == fillers.reduce(4, +))
        #expect(joined.vocabulary.count == whole.vocabulary.count)
        #expect(joined.wordPostings.count == whole.wordPostings.count)
        for w in 0..<Int32(whole.vocabulary.count) {
            let word = whole.vocabulary.word(w)
            guard let id = joined.vocabulary.lookup(word) else {
                Issue.record("\(word) is missing from the joined index")
                continue
            }
            #expect(joined.sentences(withWord: id) == whole.sentences(withWord: w), "\(word)")
            #expect(joined.wordTotals[Int(id)] == whole.wordTotals[Int(w)], "\(word)")
        }
        #expect(joined.sentences(withWord: joined.vocabulary.lookup("zebra")!).count == 4)
    }

    @Test func batchesDeliveredFromManyThreadsMergeInFileOrder() {
        let batches = (0..<Self.texts.count).map(Self.batch)
        let merge = BatchMerge(batchBytes: Self.texts.map(\.utf8.count), corpus: Corpus(entities: []))
        DispatchQueue.concurrentPerform(iterations: batches.count) { k in
            let index = batches.count - 1 - k
            merge.deliver(index, batches[index].0, batches[index].1)
        }
        let result = merge.finish()
        #expect(result.corpus.documents.map(\.path) == ["0.txt", "1.txt", "2.txt", "3.txt"])
        #expect(result.textSums == [0, 1, 2, 3])
    }
}
