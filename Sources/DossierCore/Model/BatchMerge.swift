
/// Merges batches into the corpus in file order as soon as each is ready, by whichever worker delivers the next one
/// in order, so that merging overlaps the analysis of later batches instead of waiting for the last of them.
final class BatchMerge: @unchecked Sendable {
    /// What the merge holds; read only by the one merging worker, or after every batch was delivered (then moved
    /// out, so the caller's copy is not shared and is changed in place).
    private var corpus: Corpus?
    private var diagnostics: [Diagnostic] = []
    private var words = WordIndexJoin()
    private var merged = 0
    /// Checksums of the documents' clean texts, in corpus order, for finding identical documents.
    private var textSums: [UInt64] = []
    /// The bytes of files in each batch, to size the corpus's arrays from the first batch merged.
    private let batchBytes: [Int]
    /// Batches delivered and not merged yet, the next one to merge, and whether a worker is merging.
    private let state: Locked<(ready: [(Batch, WordIndexPart)?], next: Int, merging: Bool)>

    init(batchBytes: [Int], corpus: Corpus) {
        self.corpus = corpus
        self.batchBytes = batchBytes
        state = Locked((Array(repeating: nil, count: batchBytes.count), 0, false))
    }

    /// Hands over batch `index`; merges it, and every batch after it that is ready, when it is the next one in order
    /// and no other worker is merging.
    func deliver(_ index: Int, _ batch: Batch, _ words: WordIndexPart) {
        let merges = state.withLock { state in
            state.ready[index] = (batch, words)
            guard !state.merging else { return false }
            state.merging = true
            return true
        }
        guard merges else { return }
        while let (batch, words) = takeNext() {
            if merged == 0 { reserve(like: batch, bytes: batchBytes[0]) }
            corpus!.append(batch)
            self.words.add(words, to: &corpus!.vocabulary)
            diagnostics += batch.diagnostics
            textSums += batch.textSums
            merged += 1
        }
    }

    /// Makes room in the corpus for all batches, at twice the first one's sentences, mentions and times per byte, so
    /// the arrays are seldom copied as they grow, which would hold two copies at once (room never written takes no
    /// memory: the blocks are mapped pages, given memory when first written).
    private func reserve(like batch: Batch, bytes: Int) {
        let scale = Double(batchBytes.reduce(0, +)) / Double(max(1, bytes)) * 2
        func estimate(_ count: Int) -> Int { Int(min(Double(Int32.max), Double(count) * scale)) }
        corpus!.reserve(sentences: estimate(batch.sentences.count), mentions: estimate(batch.mentions.count),
                       times: estimate(batch.times.count))
    }

    /// The next batch in order if it was delivered; else nil, and this worker stops merging.
    private func takeNext() -> (Batch, WordIndexPart)? {
        state.withLock { state in
            guard state.next < state.ready.count, let next = state.ready[state.next] else {
                state.merging = false
                return nil
            }
            state.ready[state.next] = nil
            state.next += 1
            return next
        }
    }

    /// The merged corpus with its word index joined, and the checksums for finding duplicates; call once every batch
    /// was delivered.
    func finish() -> (corpus: Corpus, diagnostics: [Diagnostic], textSums: [UInt64]) {
        precondition(state.withLock { $0.next == $0.ready.count }, "a batch was never delivered")
        var corpus = corpus.take()!
        corpus.indexEntities()
        corpus.indexTimes()
        corpus.trimYearIndex()
        // The workers' arenas hold what their analyses freed; given back before the index is joined, it does not
        // add to the load's peak.
        MappedBytes.giveBackFreed()
        let (offsets, postings) = words.join()
        (corpus.wordOffsets, corpus.wordPostings, corpus.wordTotals) = (offsets, PostingBytes(postings), words.totals)
        defer { (diagnostics, words, textSums) = ([], WordIndexJoin(), []) }
        return (corpus, diagnostics, textSums)
    }
}
