import Dispatch

/// Where each word of each sentence starts, so that `kwic` turns the word ordinals the positions give into bytes
/// without tokenising the sentence again: it reads the starts of the words it shows and scans the last one's end.
///
/// A sentence's words (punctuation left out, as in `WordPositions`) are LEB128 steps from the previous word's start
/// (the first from the byte before the sentence), so every step is at least 1, followed by a 0 that ends the
/// sentence; a multi-byte step never ends in a 0 byte, so a sentence is skipped by finding its 0. `checkpoints` says
/// where every 32nd sentence starts. About one byte per word, built the first time a kwic of a phrase asks.
struct WordStarts: Sendable {
    static let checkpointEvery = 32
    var checkpoints: [Int]
    var bytes: [UInt8]

    struct Stopped: Error {}

    /// The starts of every word of the corpus, read from its sentences on every core.
    init(_ corpus: Corpus, shouldStop: @Sendable () -> Bool) throws(Stopped) {
        let count = corpus.sentences.count
        let every = Self.checkpointEvery
        // Parts of a whole number of checkpoints, at least 16 so that every core gets work, at most about 2 MB of text.
        let text = corpus.documents.reduce(0) { $0 + $1.text.count }
        let groups = (count + every - 1) / every
        let partCount = max(1, min(groups, max(16, text / (2 << 20))))
        let cuts = (0...partCount).map { min(count, $0 * groups / partCount * every) }
        let parts = Slots<Part>(count: partCount)
        let stopped = Counter()
        DispatchQueue.concurrentPerform(iterations: partCount) { p in
            guard let part = Part(corpus, sentences: cuts[p]..<cuts[p + 1], shouldStop: shouldStop) else {
                _ = stopped.add(1)
                return
            }
            parts.set(p, part)
        }
        if stopped.add(0) > 0 { throw Stopped() }
        let total = parts.sum { $0.bytes.count }
        var checkpoints: [Int] = []
        checkpoints.reserveCapacity(groups)
        bytes = [UInt8](fillingCapacity: total) { out, written in
            written = 0
            for p in 0..<partCount {
                guard let part = parts.take(p) else { continue }
                checkpoints += part.checkpoints.map { $0 + written }
                part.bytes.withUnsafeBufferPointer { from in
                    _ = UnsafeMutableBufferPointer(rebasing: out[written..<(written + from.count)]).initialize(from: from)
                    // The part is freed right after; its pages leave the process now, so the starts are not held twice.
                    MappedBytes.release(UnsafeRawBufferPointer(from), 0..<from.count)
                }
                written += part.bytes.count
            }
        }
        self.checkpoints = checkpoints
    }

    /// The starts of a run of sentences that begins at a checkpoint, and where each of its checkpoints lies.
    private struct Part {
        var checkpoints: [Int] = []
        var bytes: [UInt8] = []

        init?(_ corpus: Corpus, sentences range: Range<Int>, shouldStop: @Sendable () -> Bool) {
            var tokens: [WordToken] = []
            var scratch = [UInt8](repeating: 0, count: 5)
            for s in range {
                if (s - range.lowerBound) & 1023 == 0, shouldStop() { return nil }
                if s % WordStarts.checkpointEvery == 0 { checkpoints.append(bytes.count) }
                let sentence = corpus.sentences[s]
                tokens.removeAll(keepingCapacity: true)
                corpus.documents[Int(sentence.document)].text.withUnsafeBufferPointer {
                    Tokenizer.tokenize($0, Int(sentence.start)..<Int(sentence.end), into: &tokens)
                }
                var previous = sentence.start - 1
                for token in tokens where token.kind != .punctuation {
                    scratch.withUnsafeMutableBufferPointer { out in
                        var n = 0
                        PostingGaps.write(UInt32(token.start - previous), to: out, at: &n)
                        bytes.append(contentsOf: out[0..<n])
                    }
                    previous = token.start
                }
                bytes.append(0)
            }
        }
    }

    /// The byte range, in its document's text, of the words `first...last` (ordinals among the sentence's words) of
    /// sentence `id`; nil when the sentence has fewer words.
    func range(of id: Int32, _ sentence: Sentence, words first: Int, _ last: Int, text: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var at = checkpoints[Int(id) / Self.checkpointEvery]
        var skip = Int(id) % Self.checkpointEvery
        return bytes.withUnsafeBufferPointer { steps in
            while skip > 0 {
                if steps[at] == 0 { skip -= 1 }
                at += 1
            }
            var start = Int(sentence.start) - 1
            var from = 0
            var word = 0
            while steps[at] != 0 {
                start += Int(PostingGaps.read(steps, at: &at))
                if word == first { from = start }
                if word == last {
                    var one: [WordToken] = []
                    _ = Tokenizer.scanWord(text, from: start, end: Int(sentence.end), into: &one)
                    return from..<Int(one[0].end)
                }
                word += 1
            }
            return nil
        }
    }
}

/// The word starts of a corpus, built the first time a kwic needs them and shared by every copy of the corpus.
final class LazyWordStarts: Sendable {
    private let built = Locked<WordStarts?>(nil)

    /// The starts, built from `corpus` on first use; nil when Ctrl-C stopped the build (it starts again next time).
    func get(_ corpus: Corpus, shouldStop: @Sendable () -> Bool) -> WordStarts? {
        built.withLock { starts in
            if let starts { return starts }
            starts = try? WordStarts(corpus, shouldStop: shouldStop)
            return starts
        }
    }
}
