import Dispatch
import Foundation

/// Each sentence's words as vocabulary ids, in order, as `SentenceWords` reads them from the text (punctuation left
/// out, -1 for a word the vocabulary does not hold): word statistics over a filter (`count words FILTER`, `keywords`,
/// `collocates`, `count ngrams`) read these instead of tokenising the sentences again, about 20 times fewer
/// instructions a word. Built from the text on a thread of their own between a session's commands
/// (`Corpus.buildAhead`), and kept for the session; until they are built, statistics read the text.
///
/// A sentence is the number of bytes its words take (LEB128), then each word as its rank by frequency in the corpus
/// (0 the most frequent): one byte below 192, two below 14,528 (a first byte 192–247), three below 473,280
/// (248–254), else 255 and four bytes. About 1.4 bytes a word of English news. Sentences are kept in parts of 16,384,
/// each written by one worker and kept where it was written (nothing joins them), with where each run of 4
/// sentences starts in its part.
final class SentenceWordIds: @unchecked Sendable {
    /// A part holds 2^partBits sentences (16,384 but in tests).
    let partBits: Int
    /// A run holds 4 sentences: a sentence is found after at most three others of its run (with runs of 16, stepping
    /// over the others' bytes was most of the time of counting a filter's words at 1 GB: a new cache line each).
    static let runBits = 2
    /// Each part's bytes and where each of its runs of sentences starts in them; freed with the index.
    private let parts: [(bytes: UnsafeMutableBufferPointer<UInt8>, runs: UnsafeMutableBufferPointer<Int>)]
    /// Word id by rank; the last rank stands for a word the vocabulary does not hold (-1).
    let idOfRank: [Int32]

    /// Reads every sentence of `corpus` on `workers` threads (every core unless told). Nil when `shouldStop` turned
    /// true: nothing is kept.
    init?(_ corpus: Corpus, partBits: Int = 14, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
          shouldStop: @Sendable () -> Bool) {
        precondition(partBits >= Self.runBits, "a part holds whole runs of sentences")
        self.partBits = partBits
        let vocabularySize = corpus.vocabulary.count
        var order = (0..<Int32(vocabularySize)).map { $0 }
        let totals = corpus.wordTotals
        func total(_ id: Int32) -> Int32 { Int(id) < totals.count ? totals[Int(id)] : 0 }
        order.sort { total($0) != total($1) ? total($0) > total($1) : $0 < $1 }
        var rankOfId = [UInt32](repeating: 0, count: vocabularySize)
        for (rank, id) in order.enumerated() { rankOfId[Int(id)] = UInt32(rank) }
        idOfRank = order + [-1]
        let count = corpus.sentences.count
        let bits = partBits
        let partCount = (count + (1 << bits) - 1) >> bits
        let workers = max(1, min(partCount, workers))
        let written = Slots<(bytes: UnsafeMutableBufferPointer<UInt8>, runs: UnsafeMutableBufferPointer<Int>)>(count: partCount)
        let stopped = Counter()
        let ranks = rankOfId
        DispatchQueue.concurrentPerform(iterations: workers) { k in
            let reader = SentenceWords(corpus)
            for p in stride(from: k, to: partCount, by: workers) {
                if stopped.add(0) > 0 || shouldStop() {
                    _ = stopped.add(1)
                    return
                }
                let first = p << bits
                written.set(p, Self.part(corpus, Int32(first)..<Int32(min(count, first + (1 << bits))), reader, ranks))
            }
        }
        let taken = (0..<partCount).compactMap { written.take($0) }
        guard stopped.add(0) == 0, taken.count == partCount else {
            for part in taken {
                part.bytes.deallocate()
                part.runs.deallocate()
            }
            return nil
        }
        parts = taken
    }

    deinit {
        for part in parts {
            part.bytes.deallocate()
            part.runs.deallocate()
        }
    }

    /// The words of `sentences`, coded: the sentences' lengths and ranks, and where each run starts.
    private static func part(_ corpus: Corpus, _ sentences: Range<Int32>, _ reader: SentenceWords, _ rankOfId: [UInt32])
        -> (bytes: UnsafeMutableBufferPointer<UInt8>, runs: UnsafeMutableBufferPointer<Int>) {
        let runs = UnsafeMutableBufferPointer<Int>.allocate(capacity: (sentences.count + (1 << runBits) - 1) >> runBits)
        // About a byte and a half a word, and a word every five or six bytes of English text.
        let textBytes = sentences.reduce(0) { $0 + Int(corpus.sentences[Int($1)].end - corpus.sentences[Int($1)].start) }
        var capacity = textBytes / 3 + 64
        var bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        var used = 0
        var scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1024)
        defer { scratch.deallocate() }
        let unknown = UInt32(rankOfId.count)
        rankOfId.withUnsafeBufferPointer { rankOfId in
            for s in sentences {
                let k = Int(s - sentences.lowerBound)
                if k & ((1 << runBits) - 1) == 0 { runs[k >> runBits] = used }
                reader.read(s)
                if scratch.count < reader.count * 5 {
                    scratch.deallocate()
                    scratch = .allocate(capacity: reader.count * 5)
                }
                var n = 0
                for id in reader.ids { write(id < 0 ? unknown : rankOfId[Int(id)], to: scratch, at: &n) }
                let need = used + PostingGaps.size(UInt32(n)) + n
                if need > capacity {
                    capacity = max(capacity * 2, need)
                    let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
                    grown.moveInitialize(from: bytes, count: used)
                    bytes.deallocate()
                    bytes = grown
                }
                let out = UnsafeMutableBufferPointer(start: bytes, count: capacity)
                PostingGaps.write(UInt32(n), to: out, at: &used)
                (bytes + used).initialize(from: scratch.baseAddress!, count: n)
                used += n
            }
        }
        // Kept at its size: the room reserved and not written would otherwise stay held for the session.
        let kept = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: used)
        if used > 0 { kept.baseAddress!.moveInitialize(from: bytes, count: used) }
        bytes.deallocate()
        return (kept, runs)
    }

    /// Writes `rank` in the index's code.
    @inline(__always)
    static func write(_ rank: UInt32, to out: UnsafeMutableBufferPointer<UInt8>, at i: inout Int) {
        if rank < 0xC0 {
            out[i] = UInt8(rank)
            i += 1
        } else if rank < 14_528 {
            let r = rank - 0xC0
            out[i] = UInt8(0xC0 + (r >> 8))
            out[i + 1] = UInt8(truncatingIfNeeded: r)
            i += 2
        } else if rank < 473_280 {
            let r = rank - 14_528
            out[i] = UInt8(0xF8 + (r >> 16))
            out[i + 1] = UInt8(truncatingIfNeeded: r >> 8)
            out[i + 2] = UInt8(truncatingIfNeeded: r)
            i += 3
        } else {
            out[i] = 0xFF
            for k in 0..<4 { out[i + 1 + k] = UInt8(truncatingIfNeeded: rank >> UInt32(8 * k)) }
            i += 5
        }
    }

    /// The rank coded at `codes[i]`, moving `i` past it.
    @inline(__always)
    static func rank(_ codes: UnsafePointer<UInt8>, at i: inout Int) -> UInt32 {
        let b = UInt32(codes[i])
        if b < 0xC0 {
            i &+= 1
            return b
        }
        if b < 0xF8 {
            defer { i &+= 2 }
            return 0xC0 &+ ((b &- 0xC0) << 8 | UInt32(codes[i &+ 1]))
        }
        if b < 0xFF {
            defer { i &+= 3 }
            return 14_528 &+ ((b &- 0xF8) << 16 | UInt32(codes[i &+ 1]) << 8 | UInt32(codes[i &+ 2]))
        }
        defer { i &+= 5 }
        return UInt32(codes[i &+ 1]) | UInt32(codes[i &+ 2]) << 8 | UInt32(codes[i &+ 3]) << 16 | UInt32(codes[i &+ 4]) << 24
    }

    /// The coded words of `sentence`.
    @inline(__always)
    func codes(of sentence: Int32) -> UnsafeBufferPointer<UInt8> {
        let part = parts[Int(sentence) >> partBits]
        let k = Int(sentence) & ((1 << partBits) - 1)
        var at = part.runs[k >> Self.runBits]
        let bytes = UnsafeBufferPointer(part.bytes)
        for _ in 0..<(k & ((1 << Self.runBits) - 1)) {
            let length = Int(PostingGaps.read(bytes, at: &at))
            at += length
        }
        let length = Int(PostingGaps.read(bytes, at: &at))
        return UnsafeBufferPointer(rebasing: bytes[at..<(at + length)])
    }

    /// How many sentences `codes(of:into:)` looks up together.
    static let batch = 8

    /// The coded words of each of `sentences` (at most `batch`), into `found`. Looked up together, so that the reads
    /// of their runs and lengths, each a wait for memory in a large corpus (a new cache line far from the last), wait
    /// at the same time instead of one after the other.
    @inline(__always)
    func codes(of sentences: UnsafeBufferPointer<Int32>, into found: UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>) {
        for (j, s) in sentences.enumerated() { found[j] = codes(of: s) }
    }

    /// Adds each word of `sentences` to `counts`, by rank (one more entry than the vocabulary's words, for words it
    /// does not hold); returns how many words they have.
    func count(_ sentences: UnsafeBufferPointer<Int32>, into counts: UnsafeMutablePointer<Int32>) -> Int {
        withUnsafeTemporaryAllocation(of: UnsafeBufferPointer<UInt8>.self, capacity: Self.batch) { found in
            var (n, start) = (0, 0)
            while start < sentences.count {
                let end = min(sentences.count, start + Self.batch)
                codes(of: UnsafeBufferPointer(rebasing: sentences[start..<end]), into: found.baseAddress!)
                for j in 0..<(end - start) {
                    let codes = found[j]
                    guard let base = codes.baseAddress else { continue }
                    var i = 0
                    while i < codes.count {
                        counts[Int(Self.rank(base, at: &i))] &+= 1
                        n &+= 1
                    }
                }
                start = end
            }
            return n
        }
    }

    /// Decodes the ids of the words `codes` holds (a sentence's, from `codes(of:)`) into `ids`, which has room for
    /// `codes.count`; returns how many.
    @inline(__always)
    func read(_ codes: UnsafeBufferPointer<UInt8>, into ids: UnsafeMutablePointer<Int32>) -> Int {
        guard let base = codes.baseAddress else { return 0 }
        var (i, n) = (0, 0)
        idOfRank.withUnsafeBufferPointer { idOfRank in
            while i < codes.count {
                ids[n] = idOfRank[Int(Self.rank(base, at: &i))]
                n &+= 1
            }
        }
        return n
    }
}

/// The build of a corpus's sentences' word ids, on a thread of its own between a session's commands
/// (`Corpus.buildAhead`), shared by every copy of the corpus. A statistic never waits for it: it reads the ids once
/// they are built and the text before, the same words.
final class SentenceWordIdsBuild: Sendable {
    private let ahead = AheadBuild<SentenceWordIds>()
    /// Whether a statistic read enough sentences from the text (`Corpus.wordIdsFrom`) for the ids to pay.
    private let asked = Locked(false)

    /// The ids when they are built; nil before.
    var built: SentenceWordIds? { ahead.built }

    /// Whether the ids are built or being built.
    var isStarted: Bool { ahead.isStarted }

    var wasAsked: Bool { asked.withLock { $0 } }

    func noteAsked() { asked.withLock { $0 = true } }

    /// Marks the ids as being built (`AheadBuild.claim`), which `build` then does.
    func claim() -> StopFlag? { ahead.claim() }

    /// Builds the ids of `corpus` (whose sentences are read) on this thread and keeps them, unless `stop` was set.
    func build(_ corpus: Corpus, _ stop: StopFlag) {
        let ids = SentenceWordIds(corpus, workers: 1, shouldStop: { stop.isSet })
        ahead.finish(stop, with: ids.map { .built($0) } ?? .unbuilt)
    }

    /// Stops a build under way, which keeps nothing (a later claim builds again); built ids are kept.
    func stop() { ahead.stop() }
}
