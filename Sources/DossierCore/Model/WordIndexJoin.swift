/// The corpus's word index as its batches are merged: each batch's words are put in the corpus's vocabulary when the
/// batch is merged (while the other core still analyses) and its lists are kept as they are, with the room each
/// word's joined list will take counted; after the last batch the lists are joined word by word, batch after batch,
/// each batch's pages given back once it is copied, so that the batches' lists and the joined index are not held
/// whole at the same time (that was the peak of a cold load).
struct WordIndexJoin {
    /// A merged batch's lists: `postings[offsets[k]..<offsets[k + 1]]` is the list of corpus word `ids[k]`, sentence
    /// ids local to the batch, whose first sentence is corpus sentence `base`; `previous[k]` is the word's last
    /// sentence in the batches before (-1: none), from which the list's first gap is written again.
    private struct Part {
        var ids: [Int32]
        var previous: [Int32]
        var offsets: [Int]
        var postings: [UInt8]
        var base: Int32
    }

    private var parts: [Part] = []
    /// Per corpus word: the bytes its joined list takes so far, and its last sentence so far (-1: none).
    private var sizes: [Int] = []
    private var last: [Int32] = []
    /// How often each corpus word occurs (tokens).
    private(set) var totals: [Int32] = []
    /// The corpus id of the next batch's first sentence.
    private var base: Int32 = 0

    /// Takes a batch's word index, appended after the batches before it: its words are interned in `vocabulary`.
    mutating func add(_ part: WordIndexPart, to vocabulary: inout Vocabulary) {
        let count = part.wordEnds.count - 1
        let ids = part.words.withUnsafeBufferPointer { words in
            (0..<count).map { local in
                vocabulary.intern(UnsafeBufferPointer(rebasing: words[Int(part.wordEnds[local])..<Int(part.wordEnds[local + 1])]))
            }
        }
        let grown = vocabulary.count - sizes.count
        if grown > 0 {
            sizes += repeatElement(0, count: grown)
            last += repeatElement(-1, count: grown)
            totals += repeatElement(0, count: grown)
        }
        for (local, n) in part.counts.enumerated() where n > 0 { totals[Int(ids[local])] += n }
        var previous = [Int32](repeating: -1, count: count)
        part.postings.withUnsafeBufferPointer { bytes in
            for local in 0..<count where part.offsets[local] < part.offsets[local + 1] {
                let word = Int(ids[local])
                var at = part.offsets[local]
                let first = base + Int32(bitPattern: PostingGaps.read(bytes, at: &at))
                previous[local] = last[word]
                sizes[word] += PostingGaps.size(UInt32(bitPattern: first - last[word] - 1)) + part.offsets[local + 1] - at
                last[word] = base + part.lastSentences[local]
            }
        }
        parts.append(Part(ids: ids, previous: previous, offsets: part.offsets, postings: part.postings, base: base))
        base += Int32(part.sentenceCount)
    }

    /// The joined index: where each word's list starts (one more entry than words) and the lists' bytes.
    mutating func join() -> (offsets: [Int], postings: [UInt8]) {
        var offsets = [Int](repeating: 0, count: sizes.count + 1)
        for w in sizes.indices { offsets[w + 1] = offsets[w] + sizes[w] }
        (sizes, last) = ([], [])
        var cursor = offsets
        let postings = [UInt8](fillingCapacity: offsets[offsets.count - 1]) { out, written in
            for p in parts.indices {
                let part = parts[p]
                parts[p] = Part(ids: [], previous: [], offsets: [], postings: [], base: 0)
                part.postings.withUnsafeBufferPointer { bytes in
                    for local in part.ids.indices where part.offsets[local] < part.offsets[local + 1] {
                        let word = Int(part.ids[local])
                        var at = part.offsets[local]
                        let first = part.base + Int32(bitPattern: PostingGaps.read(bytes, at: &at))
                        PostingGaps.write(UInt32(bitPattern: first - part.previous[local] - 1), to: out, at: &cursor[word])
                        let rest = part.offsets[local + 1] - at
                        _ = UnsafeMutableBufferPointer(rebasing: out[cursor[word]..<(cursor[word] + rest)])
                            .initialize(from: bytes[at..<(at + rest)])
                        cursor[word] += rest
                    }
                    // Nothing reads this batch's lists again: its pages go back now, not when the last batch is joined.
                    MappedBytes.release(UnsafeRawBufferPointer(bytes), 0..<bytes.count)
                }
            }
            written = offsets[offsets.count - 1]
        }
        parts = []
        return (offsets, postings)
    }
}
