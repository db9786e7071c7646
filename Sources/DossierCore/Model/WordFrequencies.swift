import Dispatch
import Foundation

/// Reads a sentence's words as the word index folds them: each word's or number's vocabulary id (punctuation left
/// out; -1 for a word the index does not hold) and its byte range. One reader serves many sentences and reuses its
/// buffers, so counting words builds no string per word.
final class SentenceWords {
    @exclusivity(unchecked) private(set) var ids: [Int32] = []
    @exclusivity(unchecked) private(set) var starts: [Int32] = []
    @exclusivity(unchecked) private(set) var ends: [Int32] = []
    @exclusivity(unchecked) private var tokens: [WordToken] = []
    private let scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 2048)
    /// Short ASCII words met lately, found from their bytes in the text without folding or hashing them.
    private let recent = RecentWords()
    let corpus: Corpus
    private let vocabulary: Vocabulary

    init(_ corpus: Corpus) {
        self.corpus = corpus
        vocabulary = corpus.vocabulary
    }

    deinit {
        scratch.deallocate()
        recent.deallocate()
    }

    var count: Int { ids.count }

    func read(_ sentence: Int32) {
        ids.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        tokens.removeAll(keepingCapacity: true)
        let s = corpus.sentences[Int(sentence)]
        corpus.documents[Int(s.document)].text.withUnsafeBufferPointer { text in
            Tokenizer.tokenize(text, Int(s.start)..<Int(s.end), into: &tokens)
            for t in tokens where t.kind != .punctuation {
                let ascii = RecentWords.key(text, Int(t.start)..<Int(t.end))
                if let ascii, let known = recent.id(for: ascii) {
                    ids.append(known)
                } else {
                    let n = Folding.fold(UnsafeBufferPointer(rebasing: text[Int(t.start)..<Int(t.end)]), into: scratch)
                    let folded = UnsafeBufferPointer(rebasing: scratch[0..<n])
                    let key = ascii ?? RecentWords.key(folded)
                    let id = (ascii == nil ? key.flatMap(recent.id(for:)) : nil) ?? vocabulary.lookup(folded)
                    if let key, let id { recent.remember(key, id) }
                    ids.append(id ?? -1)
                }
                starts.append(t.start)
                ends.append(t.end)
            }
        }
    }
}

/// How often each folded word occurs in some sentences: tokens, not sentences, by vocabulary id; what word
/// statistics count, as AntConc and CQP count words.
struct WordFrequencies: Sendable {
    var counts: [Int32]
    /// Every word and number token counted.
    var tokens: Int
    var sentences: Int

    subscript(word: Int32) -> Int { word >= 0 && Int(word) < counts.count ? Int(counts[Int(word)]) : 0 }

    /// What is left of these counts once `part` (counted within them) is taken out.
    func subtracting(_ part: WordFrequencies) -> WordFrequencies {
        var rest = counts
        for (i, n) in part.counts.enumerated() where n != 0 { rest[i] -= n }
        return WordFrequencies(counts: rest, tokens: tokens - part.tokens, sentences: sentences - part.sentences)
    }
}

extension Corpus {
    /// Word frequencies of some sentences; large sets are counted on every core. Nil when `shouldStop` turned true
    /// (Ctrl-C), which every worker asks every 1,024 sentences.
    func wordFrequencies(_ ids: [Int32], shouldStop: @escaping @Sendable () -> Bool = { false }) -> WordFrequencies? {
        let workers = ids.count >= 4096 ? max(1, ProcessInfo.processInfo.activeProcessorCount) : 1
        let size = vocabulary.count
        let parts = Slots<[Int32]>(count: workers)
        let tokens = Slots<Int>(count: workers)
        let corpus = self
        DispatchQueue.concurrentPerform(iterations: workers) { k in
            var counts = [Int32](repeating: 0, count: size)
            var total = 0
            let reader = SentenceWords(corpus)
            var poll = StopPoll(shouldStop)
            let lo = ids.count * k / workers, hi = ids.count * (k + 1) / workers
            for i in lo..<hi {
                if poll.step() { return }
                reader.read(ids[i])
                for id in reader.ids where id >= 0 { counts[Int(id)] += 1 }
                total += reader.count
            }
            parts.set(k, counts)
            tokens.set(k, total)
        }
        guard var counts = parts.take(0) else { return nil }
        for k in 1..<workers {
            guard let part = parts.take(k) else { return nil }
            for (i, n) in part.enumerated() where n != 0 { counts[i] += n }
        }
        return WordFrequencies(counts: counts, tokens: tokens.sum { $0 }, sentences: ids.count)
    }

    /// Word frequencies of the whole corpus, from the totals the loader counted as it indexed the words.
    func wordFrequencies() -> WordFrequencies {
        var counts = wordTotals
        if counts.count < vocabulary.count { counts += repeatElement(0, count: vocabulary.count - counts.count) }
        return WordFrequencies(counts: counts, tokens: counts.reduce(0) { $0 + Int($1) }, sentences: sentences.count)
    }

    /// The vocabulary ids of the stop words the corpus holds.
    var stopWordIds: Set<Int32> { Set(stopWords.words.compactMap { vocabulary.lookup($0) }) }
}
