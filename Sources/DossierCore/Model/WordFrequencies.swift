import Dispatch
import Foundation

/// Reads a sentence's words as the word index folds them: each word's or number's vocabulary id (punctuation left
/// out; -1 for a word the index does not hold) and its byte range. One reader serves many sentences and reuses its
/// buffers, so counting words builds no string per word.
///
/// A run of ASCII letters that the tokenizer would end where the run ends (the common word) is read straight from
/// the bytes, without a token; every other word (numbers, apostrophes, initialisms, other scripts) is read by
/// `Tokenizer.scanWord`, so the words are the tokenizer's. A reader made with `ids: false` finds the words' byte
/// ranges only, and gives -1 for every id.
final class SentenceWords {
    private(set) var count = 0
    private var capacity = 256
    private var idStore = UnsafeMutablePointer<Int32>.allocate(capacity: 256)
    private var startStore = UnsafeMutablePointer<Int32>.allocate(capacity: 256)
    private var endStore = UnsafeMutablePointer<Int32>.allocate(capacity: 256)
    private let scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 2048)
    /// Short ASCII words met lately, found from their bytes in the text without folding or hashing them.
    private let recent = RecentWords()
    let corpus: Corpus
    private let vocabulary: Vocabulary
    private let readsIds: Bool

    init(_ corpus: Corpus, ids: Bool = true) {
        self.corpus = corpus
        vocabulary = corpus.vocabulary
        readsIds = ids
    }

    deinit {
        idStore.deallocate()
        startStore.deallocate()
        endStore.deallocate()
        scratch.deallocate()
        recent.deallocate()
    }

    var ids: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: idStore, count: count) }
    var starts: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: startStore, count: count) }
    var ends: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: endStore, count: count) }

    /// Reads the words of `sentence`, or those starting before byte `limit` of its document's text.
    func read(_ sentence: Int32, before limit: Int = .max) {
        count = 0
        let s = corpus.sentences[Int(sentence)]
        corpus.documents[Int(s.document)].text.withUnsafeBufferPointer { text in
            var i = Int(s.start)
            let end = Int(s.end)
            let stop = min(end, limit)
            while i < stop {
                let b = text[i]
                if (b | 0x20) &- 97 < 26 {
                    var j = i + 1
                    while j < end, (text[j] | 0x20) &- 97 < 26 { j += 1 }
                    if j == end || Tokenizer.endsLetterRun(text[j], length: j - i) {
                        append(readsIds ? letterId(text, i..<j) : -1, i, j)
                        i = j
                        continue
                    }
                } else if b < 0x80, !Tokenizer.isDigit(b) {
                    i += 1
                    continue
                } else if !Tokenizer.isWordStart(text, i, end) {
                    i += Tokenizer.scalarWidth(b)
                    continue
                }
                let (token, next) = Tokenizer.scanWord(text, from: i, end: end)
                i = next
                append(readsIds ? id(text, Int(token.start)..<Int(token.end)) : -1, Int(token.start), Int(token.end))
            }
        }
    }

    @inline(__always)
    private func append(_ id: Int32, _ start: Int, _ end: Int) {
        if count == capacity { grow() }
        idStore[count] = id
        startStore[count] = Int32(start)
        endStore[count] = Int32(end)
        count += 1
    }

    private func grow() {
        capacity *= 2
        idStore = Self.moved(idStore, count, capacity)
        startStore = Self.moved(startStore, count, capacity)
        endStore = Self.moved(endStore, count, capacity)
    }

    private static func moved(_ from: UnsafeMutablePointer<Int32>, _ count: Int, _ capacity: Int) -> UnsafeMutablePointer<Int32> {
        let to = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        to.moveInitialize(from: from, count: count)
        from.deallocate()
        return to
    }

    /// The id of a run of ASCII letters: a short one found among the recent words from its bytes, any other looked
    /// up with its capitals lowered as it is read (folding lowers them and changes nothing else), unless it is longer
    /// than folding takes.
    @inline(__always)
    private func letterId(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int32 {
        let key = RecentWords.key(text, range)
        if let key, let known = recent.id(for: key) { return known }
        guard range.count <= scratch.count / 2 else { return id(text, range) }
        let id = vocabulary.lookup(lowering: UnsafeBufferPointer(rebasing: text[range]))
        if let key, let id { recent.remember(key, id) }
        return id ?? -1
    }

    /// The id of a word: a short ASCII one found among the recent words from its bytes in the text, any other folded
    /// first.
    @inline(__always)
    private func id(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int32 {
        let ascii = RecentWords.key(text, range)
        if let ascii, let known = recent.id(for: ascii) { return known }
        let n = Folding.fold(UnsafeBufferPointer(rebasing: text[range]), into: scratch)
        let folded = UnsafeBufferPointer(rebasing: scratch[0..<n])
        let key = ascii ?? RecentWords.key(folded)
        let id = (ascii == nil ? key.flatMap(recent.id(for:)) : nil) ?? vocabulary.lookup(folded)
        if let key, let id { recent.remember(key, id) }
        return id ?? -1
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

/// Where word statistics read a sentence's words from: its text, or the corpus's sentences' word ids.
enum WordSource {
    case text
    case ids(SentenceWordIds)
}

/// A sentence's word ids, read from the sentences' word ids or from the text, and, when asked, each word's byte range
/// in its document's text. One reader serves many sentences (one reader for each worker).
final class WordIdReader {
    private let index: SentenceWordIds?
    private let text: SentenceWords
    private var store = UnsafeMutablePointer<Int32>.allocate(capacity: 256)
    private var capacity = 256
    /// The coded words of the sentences of a batch, looked up together.
    private let found = UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>.allocate(capacity: SentenceWordIds.batch)
    private(set) var count = 0
    private var sentence: Int32 = -1
    /// Whether the text reader has read `sentence`.
    private var bounded = false

    init(_ corpus: Corpus, _ source: WordSource) {
        if case .ids(let index) = source { self.index = index } else { index = nil }
        text = SentenceWords(corpus, ids: index == nil)
    }

    deinit {
        store.deallocate()
        found.deallocate()
    }

    var ids: UnsafeBufferPointer<Int32> { index == nil ? text.ids : UnsafeBufferPointer(start: store, count: count) }

    func read(_ sentence: Int32) {
        guard let index else {
            self.sentence = sentence
            text.read(sentence)
            count = text.count
            bounded = true
            return
        }
        decode(index.codes(of: sentence), of: sentence, index)
    }

    /// Reads each of `sentences` in turn and calls `body` with it; from the ids, the sentences of each batch are
    /// looked up together.
    @inline(__always)
    func read(_ sentences: UnsafeBufferPointer<Int32>, _ body: (Int32) -> Void) {
        guard let index else {
            for s in sentences {
                read(s)
                body(s)
            }
            return
        }
        var start = 0
        while start < sentences.count {
            let end = min(sentences.count, start + SentenceWordIds.batch)
            index.codes(of: UnsafeBufferPointer(rebasing: sentences[start..<end]), into: found)
            for j in start..<end {
                decode(found[j - start], of: sentences[j], index)
                body(sentences[j])
            }
            start = end
        }
    }

    @inline(__always)
    private func decode(_ codes: UnsafeBufferPointer<UInt8>, of sentence: Int32, _ index: SentenceWordIds) {
        self.sentence = sentence
        bounded = false
        if codes.count > capacity {
            capacity = max(codes.count, capacity * 2)
            store.deallocate()
            store = .allocate(capacity: capacity)
        }
        count = index.read(codes, into: store)
    }

    /// Where each word of the sentence read last starts and ends in its document's text: every word, or (for a
    /// sentence read from the ids, whose text is read for this) at least every word starting before byte `limit`.
    func bounds(before limit: Int32 = .max) -> (starts: UnsafeBufferPointer<Int32>, ends: UnsafeBufferPointer<Int32>) {
        if !bounded {
            text.read(sentence, before: Int(limit))
            bounded = true
        }
        return (text.starts, text.ends)
    }
}

extension Corpus {
    /// A statistic that reads this many sentences or more from the text asks for the sentences' word ids, which a
    /// session then builds in the background (`Corpus.buildAhead`): the text of 8,192 sentences is read in about
    /// 5 ms on two cores (some 300,000 words at 110 instructions each), and the ids take about a quarter of the text's
    /// size in memory (1.6 bytes a word), which a corpus whose statistics read fewer sentences (100 MB of news: an
    /// actor's 2,300 sentences, a common word's 6,800) has no room for under twice the text.
    static let wordIdsFrom = 8_192

    /// Where a word statistic that reads `count` sentences reads their words: the sentences' word ids once they are
    /// built, else the text, the same words (nothing waits for the ids). `count` sentences or more read from the text
    /// ask for the ids.
    func wordSource(reading count: Int) -> WordSource {
        if let built = sentenceWordIds.built { return .ids(built) }
        if count >= Self.wordIdsFrom { sentenceWordIds.noteAsked() }
        return .text
    }

    /// Goes through the sentences `ids`, on every core once there are enough of them to pay for a thread: each worker
    /// makes its own `worker()` (a reader) and goes through its share, in order, 1,024 sentences at a time, into its
    /// own part (`empty()` at first, then `body` after each run of sentences). The parts in the order of their shares;
    /// nil when `shouldStop` turned true (Ctrl-C), which every worker asks every 1,024 sentences.
    func inShares<Worker, Part>(_ ids: [Int32], worker: @Sendable () -> Worker, into empty: @Sendable () -> Part,
                                shouldStop: @escaping @Sendable () -> Bool,
                                _ body: @Sendable (Worker, UnsafeBufferPointer<Int32>, inout Part) -> Void) -> [Part]? {
        let workers = ids.count >= 256 ? max(1, ProcessInfo.processInfo.activeProcessorCount) : 1
        let parts = Slots<Part>(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { k in
            var part = empty()
            let reader = worker()
            var start = ids.count * k / workers
            let end = ids.count * (k + 1) / workers
            while start < end {
                if shouldStop() { return }
                let next = min(end, start + 1024)
                ids.withUnsafeBufferPointer { body(reader, UnsafeBufferPointer(rebasing: $0[start..<next]), &part) }
                start = next
            }
            parts.set(k, part)
        }
        var taken: [Part] = []
        for k in 0..<workers {
            guard let part = parts.take(k) else { return nil }
            taken.append(part)
        }
        return taken
    }

    /// Reads the words of the sentences `ids` from `source`, on every core (see `inShares`): `read` is called with
    /// each sentence read.
    func readSentences<Part>(_ ids: [Int32], from source: WordSource, into empty: @Sendable () -> Part,
                             shouldStop: @escaping @Sendable () -> Bool, _ read: @Sendable (WordIdReader, Int32, inout Part) -> Void) -> [Part]? {
        let corpus = self
        return inShares(ids, worker: { WordIdReader(corpus, source) }, into: empty, shouldStop: shouldStop) { reader, run, part in
            reader.read(run) { read(reader, $0, &part) }
        }
    }

    /// Word frequencies of some sentences (ascending), counted on every core from the sentences' word ids or, before
    /// those are built, from the text. Nil when `shouldStop` turned true (Ctrl-C).
    func wordFrequencies(_ ids: [Int32], shouldStop: @escaping @Sendable () -> Bool = { false }) -> WordFrequencies? {
        wordFrequencies(ids, from: wordSource(reading: ids.count), shouldStop: shouldStop)
    }

    /// Word frequencies of the sentences `ids` (ascending), read from `source`. From the sentences' word ids, a set
    /// holding more than half the corpus's sentences is counted as the corpus's totals less the sentences it leaves
    /// out.
    func wordFrequencies(_ ids: [Int32], from source: WordSource, shouldStop: @escaping @Sendable () -> Bool) -> WordFrequencies? {
        guard case .ids(let index) = source else { return textFrequencies(ids, shouldStop: shouldStop) }
        if ids.count * 2 > sentences.count {
            var rest: [Int32] = []
            rest.reserveCapacity(sentences.count - ids.count)
            var next = 0
            for s in 0..<Int32(sentences.count) {
                if next < ids.count, ids[next] == s { next += 1 } else { rest.append(s) }
            }
            guard let left = rankFrequencies(rest, index, shouldStop: shouldStop) else { return nil }
            return wordFrequencies().subtracting(left)
        }
        return rankFrequencies(ids, index, shouldStop: shouldStop)
    }

    /// Word frequencies of some sentences counted from their word ids: by rank (the most frequent words' counts
    /// share a few cache lines), then by id.
    private func rankFrequencies(_ ids: [Int32], _ index: SentenceWordIds, shouldStop: @escaping @Sendable () -> Bool) -> WordFrequencies? {
        let size = index.idOfRank.count
        let parts = inShares(ids, worker: { index }, into: { (counts: [Int32](repeating: 0, count: size), tokens: 0) },
                             shouldStop: shouldStop) { index, run, part in
            let n = part.counts.withUnsafeMutableBufferPointer { index.count(run, into: $0.baseAddress!) }
            part.tokens += n
        }
        guard let parts else { return nil }
        var byRank = parts[0].counts
        for part in parts.dropFirst() {
            for (r, n) in part.counts.enumerated() where n != 0 { byRank[r] += n }
        }
        var counts = [Int32](repeating: 0, count: vocabulary.count)
        for (r, id) in index.idOfRank.enumerated() where id >= 0 { counts[Int(id)] = byRank[r] }
        return WordFrequencies(counts: counts, tokens: parts.reduce(0) { $0 + $1.tokens }, sentences: ids.count)
    }

    /// Word frequencies of some sentences counted from their text.
    private func textFrequencies(_ ids: [Int32], shouldStop: @escaping @Sendable () -> Bool) -> WordFrequencies? {
        let size = vocabulary.count
        let parts = readSentences(ids, from: .text, into: { (counts: [Int32](repeating: 0, count: size), tokens: 0) }, shouldStop: shouldStop) { reader, _, part in
            part.counts.withUnsafeMutableBufferPointer { counts in
                for id in reader.ids where id >= 0 { counts[Int(id)] += 1 }
            }
            part.tokens += reader.count
        }
        guard let parts else { return nil }
        var counts = parts[0].counts
        for part in parts.dropFirst() {
            for (i, n) in part.counts.enumerated() where n != 0 { counts[i] += n }
        }
        return WordFrequencies(counts: counts, tokens: parts.reduce(0) { $0 + $1.tokens }, sentences: ids.count)
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
