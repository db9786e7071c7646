import Dispatch

/// A saved model is read as raw arrays: a file whose checksum is right but whose numbers point outside its own
/// arrays (written by a bug, a foreign tool or an attacker) would crash the first query. Every index of a section
/// is checked when the section is first read, and such a file is refused like a damaged one.
extension Corpus {
    /// Nil when every index fits; otherwise what does not, for the message "the saved model cannot be used (...)".
    func indexProblem() -> String? {
        wordIndexShapeProblem() ?? postingsProblem(sentenceCount: sentences.count) ?? tableProblem()
    }

    /// The posting lists against `sentenceCount` sentences, in three slices (the largest part) on every core.
    func postingsProblem(sentenceCount: Int) -> String? {
        let slices = 3
        var found = [String?](repeating: nil, count: slices)
        found.withUnsafeMutableBufferPointer { buffer in
            let out = DisjointWrites(buffer)
            DispatchQueue.concurrentPerform(iterations: slices) { k in
                out.buffer[k] = postingsProblem(slice: k, of: slices, sentenceCount: sentenceCount)
            }
        }
        return found.lazy.compactMap { $0 }.first
    }

    /// Documents, sentences, mentions, times, the entity and year indexes.
    func tableProblem() -> String? {
        let sentenceCount = sentences.count
        func ids(_ list: [Int32], ascending: Bool = true) -> Bool {
            var previous: Int32 = -1
            for id in list {
                guard id >= 0, id < sentenceCount, !ascending || id > previous else { return false }
                previous = id
            }
            return true
        }
        for d in documents {
            guard d.sentences.lowerBound >= 0, d.sentences.upperBound <= sentenceCount, d.paragraphCount >= 0 else {
                return "a document's sentences lie outside the sentence table"
            }
        }
        for (i, s) in sentences.enumerated() {
            guard s.document >= 0, Int(s.document) < documents.count, documents[Int(s.document)].sentences.contains(Int32(i)) else {
                return "sentence \(i) names a document that does not hold it"
            }
            guard s.start >= 0, s.start <= s.end, Int(s.end) <= documents[Int(s.document)].text.count else {
                return "sentence \(i) lies outside its document's text"
            }
            guard Int(s.period) <= periods.count else { return "sentence \(i) names a period that does not exist" }
        }
        guard mentionStarts.count == sentenceCount + 1, mentionStarts.first == 0, Int(mentionStarts.last!) == mentions.count,
              zip(mentionStarts, mentionStarts.dropFirst()).allSatisfy({ $0 <= $1 }) else {
            return "the mention table's bounds do not fit it"
        }
        for (s, sentence) in sentences.enumerated() {
            let textCount = documents[Int(sentence.document)].text.count
            for i in Int(mentionStarts[s])..<Int(mentionStarts[s + 1]) {
                let m = mentions[i]
                guard m.entity >= 0, Int(m.entity) < entities.count, m.start >= 0, m.start <= m.end, Int(m.end) <= textCount else {
                    return "mention \(i) points outside the tables"
                }
                if m.rule == .alias || m.rule == .misspelling, Int(m.alias) >= entities[Int(m.entity)].aliases.count {
                    return "mention \(i) names an alias its entity does not have"
                }
            }
        }
        for (i, t) in times.enumerated() {
            // A sentence's times are found by their sentence numbers, in order.
            guard i == 0 || times[i - 1].sentence <= t.sentence else { return "time \(i) is out of sentence order" }
            guard t.sentence >= 0, Int(t.sentence) < sentenceCount, t.start >= 0, t.start <= t.end,
                  Int(t.end) <= documents[Int(sentences[Int(t.sentence)].document)].text.count else {
                return "time \(i) points outside the tables"
            }
        }
        guard entitySentences.count == entities.count, entityMentionCounts.count == entities.count,
              entitySentences.allSatisfy({ ids($0) }) else {
            return "the entity index does not fit the entity and sentence tables"
        }
        guard yearSentences.values.allSatisfy({ ids($0) }), ids(longSpanSentences) else {
            return "the year index names sentences that do not exist"
        }
        return nil
    }

    /// The word table, and the word index's bounds.
    func wordIndexShapeProblem() -> String? {
        if let problem = vocabulary.shapeProblem() { return problem }
        guard wordOffsets.count == vocabulary.count + 1, wordOffsets.first == 0, wordOffsets.last == wordPostings.count,
              zip(wordOffsets, wordOffsets.dropFirst()).allSatisfy({ $0 <= $1 }) else {
            return "the word index's bounds do not fit it"
        }
        return nil
    }

    /// The posting lists of one slice of the words (by id).
    private func postingsProblem(slice: Int, of slices: Int, sentenceCount: Int) -> String? {
        let words = vocabulary.count
        return wordPostings.withUnsafeBufferPointer { postings in
            for w in (words * slice / slices)..<(words * (slice + 1) / slices)
                where !PostingGaps.fits(UnsafeBufferPointer(rebasing: postings[wordOffsets[w]..<wordOffsets[w + 1]]), below: sentenceCount) {
                return "the word index names sentences that do not exist"
            }
            return nil
        }
    }
}

extension Vocabulary {
    /// Nil when the word table's offsets lie inside its bytes and every slot names a word that exists.
    func shapeProblem() -> String? {
        guard offsets.first == 0, Int(offsets.last!) == arena.count, zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }),
              slots.count.nonzeroBitCount == 1 else {
            return "the word table's bounds do not fit it"
        }
        guard slots.allSatisfy({ Int(UInt32(truncatingIfNeeded: $0)) <= count }) else { return "the word table names words that do not exist" }
        return nil
    }
}

extension PostingGaps {
    /// Whether `bytes` is a whole list of ascending ids, each below `limit` (no gap cut off at the end).
    static func fits(_ bytes: UnsafeBufferPointer<UInt8>, below limit: Int) -> Bool {
        var id = -1
        var i = 0
        while i < bytes.count {
            var gap = 0
            var shift = 0
            while true {
                guard i < bytes.count, shift <= 28 else { return false }
                let byte = bytes[i]
                i += 1
                gap |= Int(byte & 0x7F) << shift
                if byte < 0x80 { break }
                shift += 7
            }
            id += gap + 1
            guard id < limit else { return false }
        }
        return true
    }
}
