import Dispatch

/// Where each folded word stands in the sentences that hold it, so a phrase is checked from the index instead of
/// tokenising every candidate sentence again. A position is the word's ordinal among its sentence's words
/// (punctuation left out, as phrases skip it), with a bit saying it was followed by a possessive `'s`.
///
/// Word `w`'s positions are `bytes[offsets[w]..<offsets[w + 1]]`: one group per sentence of its postings list, in the
/// same order. Each occurrence is a LEB128 number `gap << 2 | possessive << 1 | first`, where `first` marks the first
/// occurrence of a group and `gap` is the ordinal for the first one, else the ordinal minus the previous one minus 1.
/// `first` is the low bit of the number's first byte, so a group is skipped without decoding it. Most occurrences
/// take one byte: about 1.05 bytes per word of text.
struct WordPositions: Sendable {
    var offsets: [Int]
    var bytes: [UInt8]

    /// Why a corpus has no positions: a word of the text is missing from the vocabulary (a model that does not hold
    /// together: phrases are then checked on the text), Ctrl-C stopped the build (it starts again next time), or they
    /// are being built ahead on a thread of their own (phrases are checked on the text until they are).
    enum Missing: Error { case unusable, stopped, building }

    /// The positions of every word of the corpus, read from its sentences on every core (on this thread alone with
    /// `alone`), and joined `block` bytes of words at a time.
    init(_ corpus: Corpus, alone: Bool = false, shouldStop: @Sendable () -> Bool, block: Int = 1 << 20) throws(Missing) {
        // What the load or the model's read freed is held in the arenas of the threads that freed it, where the
        // workers below cannot reuse it: given back first, the build's memory comes on top of the model's alone.
        MappedBytes.giveBackFreed()
        let wordCount = corpus.vocabulary.count
        let count = corpus.sentences.count
        // Parts of about 1 MB of text keep the word stream each worker holds while it encodes a part small; at least
        // 16, so that every core gets work.
        let bytes = corpus.documents.reduce(0) { $0 + $1.text.count }
        let partCount = max(1, min(count, max(16, bytes / (1 << 20))))
        let cuts = (0...partCount).map { $0 * count / partCount }
        let parts = Slots<Part>(count: partCount)
        let unusable = Counter(), stopped = Counter()
        // Alone, every part on this thread, one after the other (a stop ends the build at the next part).
        DispatchQueue.concurrentPerform(iterations: alone ? 1 : partCount) { k in
            for p in alone ? 0..<partCount : k..<(k + 1) where stopped.add(0) == 0 {
                do throws(Missing) {
                    parts.set(p, try Part(corpus, sentences: cuts[p]..<cuts[p + 1], shouldStop: shouldStop))
                } catch .unusable {
                    _ = unusable.add(1)
                } catch {
                    _ = stopped.add(1)
                }
            }
        }
        MappedBytes.giveBackFreed()
        if unusable.add(0) > 0 { throw .unusable }
        if stopped.add(0) > 0 { throw .stopped }
        let taken = (0..<partCount).compactMap { parts.take($0) }
        var sizes = [Int](repeating: 0, count: wordCount + 1)
        for part in taken {
            part.table.withUnsafeBufferPointer { table in
                var words = TableCursor()
                while words.next(in: table) { sizes[words.word + 1] += words.size }
            }
        }
        for w in 0..<wordCount { sizes[w + 1] += sizes[w] }
        offsets = sizes
        self.bytes = Self.merge(taken, offsets: sizes, block: block)
    }

    /// The parts' bytes joined word after word, about `block` bytes of words at a time: each part gives the bytes of
    /// those words (its next ones, since a part holds its words in order), and the pages of a part read so far are
    /// given back, so the positions are not held twice while they are joined.
    private static func merge(_ parts: [Part], offsets: [Int], block: Int) -> [UInt8] {
        let wordCount = offsets.count - 1
        var cursor = offsets
        var next = parts.map { part in
            var words = TableCursor()
            _ = part.table.withUnsafeBufferPointer { words.next(in: $0) }
            return words
        }
        var read = [Int](repeating: 0, count: parts.count)
        return [UInt8](fillingCapacity: offsets[wordCount]) { out, written in
            var first = 0
            while first < wordCount {
                var last = first + 1
                while last < wordCount, offsets[last] - offsets[first] < block { last += 1 }
                for (p, part) in parts.enumerated() {
                    part.bytes.withUnsafeBufferPointer { from in
                        var (words, at) = (next[p], read[p])
                        part.table.withUnsafeBufferPointer { table in
                            while words.word < last {
                                let (word, size) = (words.word, words.size)
                                _ = UnsafeMutableBufferPointer(rebasing: out[cursor[word]..<(cursor[word] + size)]).initialize(from: from[at..<(at + size)])
                                cursor[word] += size
                                at += size
                                _ = words.next(in: table)
                            }
                        }
                        (next[p], read[p]) = (words, at)
                        // The part is freed once joined; nothing reads these bytes, or the table read so far, again.
                        MappedBytes.release(UnsafeRawBufferPointer(from), 0..<at)
                        part.table.withUnsafeBytes { MappedBytes.release($0, 0..<words.read) }
                    }
                }
                first = last
            }
            written = offsets[wordCount]
        }
    }

    /// Reads a part's table of words, word after word.
    private struct TableCursor {
        /// How many bytes of the table are read.
        private(set) var read = 0
        /// The current word (`Int.max` past the last) and the bytes its positions take in the part.
        private(set) var word = -1
        private(set) var size = 0

        /// Moves to the next word of the table; false past the last.
        mutating func next(in table: UnsafeBufferPointer<UInt8>) -> Bool {
            guard read < table.count else {
                word = Int.max
                return false
            }
            word += Int(PostingGaps.read(table, at: &read)) + 1
            size = Int(PostingGaps.read(table, at: &read))
            return true
        }
    }

    /// The positions of the words of a run of sentences: the words present and the bytes each takes (`table`), and
    /// the bytes, word after word.
    private struct Part {
        /// Each word present, ascending, as its gap from the word before and the bytes its positions take: two LEB128
        /// numbers, about three bytes a word where two `Int32` arrays took eight (at 100 MB the parts' tables took
        /// 9 MB beside 18 MB of positions).
        var table: [UInt8] = []
        var bytes: [UInt8] = []

        init(_ corpus: Corpus, sentences range: Range<Int>, shouldStop: @Sendable () -> Bool) throws(Missing) {
            // Each word as (corpus word id << 1 | possessive), sentence after sentence.
            var stream: [UInt32] = []
            // Room for a word every four bytes (English words and the spaces after them take five or six), so the
            // stream is seldom copied to grow, which held both copies.
            stream.reserveCapacity(range.reduce(0) { $0 + Int(corpus.sentences[$1].end - corpus.sentences[$1].start) } / 4)
            var ends: [Int] = []
            ends.reserveCapacity(range.count)
            var tokens: [WordToken] = []
            let scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 2048)
            let recent = RecentWords()
            defer {
                scratch.deallocate()
                recent.deallocate()
            }
            for s in range {
                if (s - range.lowerBound) & 1023 == 0, shouldStop() { throw .stopped }
                let sentence = corpus.sentences[s]
                let found = corpus.documents[Int(sentence.document)].text.withUnsafeBufferPointer { text -> Bool in
                    tokens.removeAll(keepingCapacity: true)
                    Tokenizer.tokenize(text, Int(sentence.start)..<Int(sentence.end), into: &tokens)
                    for token in tokens where token.kind != .punctuation {
                        // Folded into a buffer of the size the loader folds into, so long words are cut as they were.
                        let length = Folding.fold(UnsafeBufferPointer(rebasing: text[Int(token.start)..<Int(token.end)]), into: scratch)
                        let folded = UnsafeBufferPointer(rebasing: scratch[0..<length])
                        let key = RecentWords.key(folded)
                        guard let id = key.flatMap(recent.id(for:)) ?? corpus.vocabulary.lookup(folded) else { return false }
                        if let key { recent.remember(key, id) }
                        stream.append(UInt32(bitPattern: id) << 1 | (token.isPossessive ? 1 : 0))
                    }
                    return true
                }
                guard found else { throw .unusable }
                ends.append(stream.count)
            }
            // The part's words, ascending, and the stream's words as their ranks among them: the tables below then
            // take a few entries per word of the part instead of per word of the corpus (20 bytes a corpus word for
            // each part each core builds, which stayed in the core's memory after the build).
            var words: [Int32] = []
            var rank = [Int32](repeating: -1, count: corpus.vocabulary.count)
            for entry in stream where rank[Int(entry >> 1)] < 0 {
                rank[Int(entry >> 1)] = 0
                words.append(Int32(entry >> 1))
            }
            words.sort()
            for (r, word) in words.enumerated() { rank[Int(word)] = Int32(r) }
            for k in stream.indices { stream[k] = UInt32(bitPattern: rank[Int(stream[k] >> 1)]) << 1 | stream[k] & 1 }
            rank = []
            var lastSentence = [Int32](repeating: -1, count: words.count)
            var lastOrdinal = [UInt32](repeating: 0, count: words.count)
            var sizes = [Int32](repeating: 0, count: words.count)
            Self.walk(stream, ends, &lastSentence, &lastOrdinal) { word, value in sizes[word] += Int32(PostingGaps.size(value)) }
            var at = [Int](repeating: 0, count: words.count)
            var total = 0
            for r in words.indices {
                at[r] = total
                total += Int(sizes[r])
            }
            lastSentence.withUnsafeMutableBufferPointer { $0.update(repeating: -1) }
            bytes = [UInt8](fillingCapacity: total) { out, written in
                Self.walk(stream, ends, &lastSentence, &lastOrdinal) { word, value in PostingGaps.write(value, to: out, at: &at[word]) }
                written = total
            }
            var tableSize = PostingGaps.size(UInt32(words.first ?? 0))
            for r in words.indices {
                if r > 0 { tableSize += PostingGaps.size(UInt32(words[r] - words[r - 1] - 1)) }
                tableSize += PostingGaps.size(UInt32(sizes[r]))
            }
            var previous: Int32 = -1
            table = [UInt8](fillingCapacity: tableSize) { out, written in
                written = 0
                for r in words.indices {
                    PostingGaps.write(UInt32(words[r] - previous - 1), to: out, at: &written)
                    PostingGaps.write(UInt32(sizes[r]), to: out, at: &written)
                    previous = words[r]
                }
            }
        }

        /// Calls `body` with (word, encoded occurrence) for every word of the stream, in order.
        private static func walk(_ stream: [UInt32], _ ends: [Int], _ lastSentence: inout [Int32], _ lastOrdinal: inout [UInt32],
                                 _ body: (Int, UInt32) -> Void) {
            var start = 0
            for (s, end) in ends.enumerated() {
                for k in start..<end {
                    let word = Int(stream[k] >> 1)
                    let ordinal = UInt32(k - start)
                    let possessive = (stream[k] & 1) << 1
                    if lastSentence[word] != Int32(s) {
                        lastSentence[word] = Int32(s)
                        body(word, ordinal << 2 | possessive | 1)
                    } else {
                        body(word, (ordinal - lastOrdinal[word] - 1) << 2 | possessive)
                    }
                    lastOrdinal[word] = ordinal
                }
                start = end
            }
        }
    }
}

/// One phrase word's walk through its postings list and, in step, its positions. Moving to a sentence decodes only
/// its postings entry; the positions of the sentences passed over are skipped only when a sentence's occurrences
/// are read, and those are read one at a time, so a phrase found at a sentence's first occurrence reads no more.
struct PositionCursor {
    let postings: UnsafeBufferPointer<UInt8>
    let positions: UnsafeBufferPointer<UInt8>
    private var next = 0
    /// The current sentence; `Int32.max` past the end of the list.
    private(set) var sentence: Int32 = -1
    /// The occurrence read last in the current sentence, as `ordinal << 1 | possessive`; `UInt32.max` past its last.
    private(set) var occurrence: UInt32 = 0
    /// The first byte of a number of the positions; the current sentence's group begins at the `ahead`-th group
    /// start at or after it, counting from 0 (-1: its occurrences are being read, and the next sentence's group is
    /// the first to start at or after it).
    private var at = 0
    private var ahead = -1

    init(postings: UnsafeBufferPointer<UInt8>, positions: UnsafeBufferPointer<UInt8>) {
        self.postings = postings
        self.positions = positions
    }

    /// Moves to the next sentence of the list (to `Int32.max` at its end).
    @inline(__always)
    mutating func advance() {
        guard next < postings.count else {
            sentence = Int32.max
            return
        }
        sentence += Int32(bitPattern: PostingGaps.read(postings, at: &next)) + 1
        ahead += 1
    }

    /// Moves to the first sentence at or after `target`.
    @inline(__always)
    mutating func seek(_ target: Int32) {
        while sentence < target { advance() }
    }

    /// Reads the current sentence's first occurrence into `occurrence`. Asked once per sentence, before
    /// `nextOccurrence`.
    @inline(__always)
    mutating func firstOccurrence() {
        let count = positions.count
        var i = at
        // Groups passed over: a group begins at a number whose first byte has the low bit set.
        while i < count {
            if positions[i] & 1 == 1 {
                if ahead == 0 { break }
                ahead -= 1
            }
            while i < count, positions[i] >= 0x80 { i += 1 }
            i += 1
        }
        at = i
        ahead = -1
        let value = read()
        occurrence = (value >> 2) << 1 | (value >> 1) & 1
    }

    /// Reads the current sentence's next occurrence into `occurrence` (`UInt32.max` past its last).
    @inline(__always)
    mutating func nextOccurrence() {
        guard at < positions.count, positions[at] & 1 == 0 else {
            occurrence = UInt32.max
            return
        }
        let value = read()
        occurrence = ((occurrence >> 1) &+ 1 &+ value >> 2) << 1 | (value >> 1) & 1
    }

    /// The number at `at` (`gap << 2 | possessive << 1 | first`), moving `at` past it.
    @inline(__always)
    private mutating func read() -> UInt32 {
        var value: UInt32 = 0
        var shift: UInt32 = 0
        while at < positions.count {
            let byte = positions[at]
            at += 1
            value |= UInt32(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return value
    }
}

/// How a phrase's sentences are found from its words' cursors: the next sentence holding every word, then the ordinals
/// where the phrase starts in it.
protocol PhraseJoin {
    /// The next sentence, at or after `target`, holding every word (`Int32.max` when there is none).
    mutating func nextCandidate(from target: Int32) -> Int32
    /// Finds the ordinals where the phrase starts in the sentence every cursor is on (after `nextCandidate`): the
    /// leftmost occurrence, then the next one after its end, and so on (only the first with `firstOnly`), as the text
    /// scan finds them. Returns how many it put in `found`. Asked once per candidate.
    mutating func starts(firstOnly: Bool) -> Int
    /// The ordinals `starts` found.
    var found: UnsafeMutableBufferPointer<UInt32> { get }
}

/// For each word of a phrase, the possessive bit an occurrence must have (`wants`) where it is checked at all
/// (`checks`): a word the query wrote with 's must carry one; one before the phrase's last may not; the last may or
/// may not. `possessive`: which words the query wrote with a possessive 's (empty: none).
private func possessiveChecks(words: Int, possessive: [Bool]) -> (checks: [UInt32], wants: [UInt32]) {
    let asked = (0..<words).map { $0 < possessive.count && possessive[$0] }
    return (asked.indices.map { asked[$0] || $0 < words - 1 ? 1 : 0 }, asked.map { $0 ? 1 : 0 })
}

/// Puts `k` at `found[reached]`, first doubling the buffer when it is full.
@inline(__always)
private func store(_ k: UInt32, in found: inout UnsafeMutableBufferPointer<UInt32>, at reached: Int) {
    if reached == found.count {
        let larger = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: found.count * 2)
        _ = larger.initialize(from: found)
        found.deallocate()
        found = larger
    }
    found[reached] = k
}

/// Finds a phrase through the positions of its words: the sentences holding all of them (walked together, as a
/// leapfrog join), then the ordinals where they follow one another, each word's occurrences read in step with the
/// first's. The cursors are an unsafe buffer allocated once, so the walk pays neither the exclusivity checks nor the
/// uniqueness checks a class's arrays would cost at every step (they took half of a phrase query's instructions).
final class PhrasePositions: PhraseJoin {
    private let cursors: UnsafeMutableBufferPointer<PositionCursor>
    @exclusivity(unchecked) private(set) var found = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: 16)
    private let checks: UnsafeMutableBufferPointer<UInt32>
    private let wants: UnsafeMutableBufferPointer<UInt32>

    init(_ cursors: [PositionCursor], possessive: [Bool] = []) {
        self.cursors = .allocate(capacity: cursors.count)
        _ = self.cursors.initialize(from: cursors)
        for i in self.cursors.indices { self.cursors[i].advance() }
        let (checks, wants) = possessiveChecks(words: cursors.count, possessive: possessive)
        self.checks = .allocate(capacity: cursors.count)
        _ = self.checks.initialize(from: checks)
        self.wants = .allocate(capacity: cursors.count)
        _ = self.wants.initialize(from: wants)
    }

    deinit {
        cursors.deallocate()
        found.deallocate()
        checks.deallocate()
        wants.deallocate()
    }

    func nextCandidate(from target: Int32) -> Int32 {
        var target = target
        var i = 0
        var agreed = 0
        while agreed < cursors.count {
            // Walked in a copy, which the compiler keeps in registers, then stored back once.
            var cursor = cursors[i]
            cursor.seek(target)
            cursors[i] = cursor
            let at = cursor.sentence
            if at == Int32.max { return at }
            if at > target {
                target = at
                agreed = 1
            } else {
                agreed += 1
            }
            i += 1
            if i == cursors.count { i = 0 }
        }
        return target
    }

    func starts(firstOnly: Bool) -> Int {
        let n = cursors.count
        for i in 0..<n { cursors[i].firstOccurrence() }
        var reached = 0
        var next: UInt32 = 0
        while cursors[0].occurrence != UInt32.max {
            let first = cursors[0].occurrence
            let k = first >> 1
            if k >= next, first & checks[0] == wants[0], follows(k) {
                store(k, in: &found, at: reached)
                reached += 1
                if firstOnly { break }
                next = k &+ UInt32(n)
            }
            cursors[0].nextOccurrence()
        }
        return reached
    }

    /// Whether the phrase's other words stand right after its first at ordinal `k`, with the possessives asked for.
    /// `k` grows from call to call within a sentence, so each word's occurrences are read on from where the last
    /// call left them.
    @inline(__always)
    private func follows(_ k: UInt32) -> Bool {
        let n = cursors.count
        for i in 1..<n {
            let want = k &+ UInt32(i)
            while cursors[i].occurrence >> 1 < want { cursors[i].nextOccurrence() }
            let occurrence = cursors[i].occurrence
            guard occurrence != UInt32.max, occurrence >> 1 == want, occurrence & checks[i] == wants[i] else { return false }
        }
        return true
    }
}

/// A phrase of two words (most phrases), walked as `PhrasePositions` walks any phrase but with both cursors held in
/// the walk's own variables from one candidate to the next, where the general walk copies a cursor out of its
/// buffer and back at every step of the join and reads each occurrence through the buffer.
struct PairPositions: PhraseJoin {
    private var first: PositionCursor
    private var second: PositionCursor
    private let checks: (UInt32, UInt32)
    private let wants: (UInt32, UInt32)
    /// Freed by `deallocate()` once the walk is done.
    private(set) var found = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: 16)

    init(_ first: PositionCursor, _ second: PositionCursor, possessive: [Bool] = []) {
        (self.first, self.second) = (first, second)
        self.first.advance()
        self.second.advance()
        let (checks, wants) = possessiveChecks(words: 2, possessive: possessive)
        (self.checks, self.wants) = ((checks[0], checks[1]), (wants[0], wants[1]))
    }

    func deallocate() { found.deallocate() }

    @inline(__always)
    mutating func nextCandidate(from target: Int32) -> Int32 {
        first.seek(target)
        while first.sentence != Int32.max {
            second.seek(first.sentence)
            if second.sentence == first.sentence || second.sentence == Int32.max { return second.sentence }
            first.seek(second.sentence)
        }
        return Int32.max
    }

    @inline(__always)
    mutating func starts(firstOnly: Bool) -> Int {
        first.firstOccurrence()
        second.firstOccurrence()
        var reached = 0
        var next: UInt32 = 0
        while first.occurrence != UInt32.max {
            let occurrence = first.occurrence
            let k = occurrence >> 1
            if k >= next, occurrence & checks.0 == wants.0 {
                while second.occurrence >> 1 <= k { second.nextOccurrence() }
                let after = second.occurrence
                if after != UInt32.max, after >> 1 == k &+ 1, after & checks.1 == wants.1 {
                    store(k, in: &found, at: reached)
                    reached += 1
                    if firstOnly { break }
                    next = k &+ 2
                }
            }
            first.nextOccurrence()
        }
        return reached
    }
}

/// The word positions of a corpus, built the first time a phrase needs them or ahead, on a thread of their own
/// between a session's commands (`Corpus.buildAhead`), and shared by every copy of the corpus.
final class LazyWordPositions: Sendable {
    private let ahead = AheadBuild<WordPositions>()

    /// The positions, built from `corpus` on first use. A build stopped by Ctrl-C leaves them unbuilt; while they are
    /// built ahead nothing waits for them (`.building`).
    func get(_ corpus: Corpus, shouldStop: @Sendable () -> Bool) throws(WordPositions.Missing) -> WordPositions {
        try ahead.state.withLock { state throws(WordPositions.Missing) in
            switch state {
            case .built(let positions):
                return positions
            case .unusable:
                throw .unusable
            case .building:
                throw .building
            case .unbuilt:
                do throws(WordPositions.Missing) {
                    let positions = try WordPositions(corpus, shouldStop: shouldStop)
                    state = .built(positions)
                    return positions
                } catch .unusable {
                    state = .unusable
                    throw .unusable
                }
            }
        }
    }

    /// Marks the positions as being built (`AheadBuild.claim`), which `build` then does.
    func claim() -> StopFlag? { ahead.claim() }

    /// Builds the positions of `corpus` on this thread and keeps them, unless `stop` was set.
    func build(_ corpus: Corpus, _ stop: StopFlag) {
        let built: AheadBuild<WordPositions>.State
        do throws(WordPositions.Missing) {
            built = .built(try WordPositions(corpus, alone: true, shouldStop: { stop.isSet }))
        } catch .unusable {
            built = .unusable
        } catch {
            built = .unbuilt
        }
        ahead.finish(stop, with: built)
    }

    /// Stops a build under way, which keeps nothing; built positions are kept.
    func stop() { ahead.stop() }
}

extension Corpus {
    /// Calls `body` with each sentence, ascending (only those of `within` when given), in which the folded words `ids`
    /// follow one another (those `possessive` marks carrying a possessive 's, the others before the last carrying
    /// none), and the ordinals (among the sentence's words) where they start: every occurrence, or only the first with
    /// `firstOnly`. Returns false, without calling `body`, when the positions cannot be built; true
    /// when `shouldStop` ended the walk (or the positions' first build) early.
    func forEachPhrase(_ ids: [Int32], possessive: [Bool], within: [Int32]?, firstOnly: Bool, shouldStop: @Sendable () -> Bool,
                       _ body: (Int32, UnsafeBufferPointer<UInt32>) -> Void) -> Bool {
        guard !ids.isEmpty else { return false }
        let positions: WordPositions
        do {
            positions = try wordPositions.get(self, shouldStop: shouldStop)
        } catch {
            return error == .stopped
        }
        wordPostings.withUnsafeBufferPointer { postings in
            positions.bytes.withUnsafeBufferPointer { bytes in
                let cursors = ids.map { id in
                    PositionCursor(postings: UnsafeBufferPointer(rebasing: postings[wordOffsets[Int(id)]..<wordOffsets[Int(id) + 1]]),
                                   positions: UnsafeBufferPointer(rebasing: bytes[positions.offsets[Int(id)]..<positions.offsets[Int(id) + 1]]))
                }
                if cursors.count == 2 {
                    var pair = PairPositions(cursors[0], cursors[1], possessive: possessive)
                    defer { pair.deallocate() }
                    Self.walk(&pair, within: within, firstOnly: firstOnly, shouldStop: shouldStop, body)
                } else {
                    var phrase = PhrasePositions(cursors, possessive: possessive)
                    Self.walk(&phrase, within: within, firstOnly: firstOnly, shouldStop: shouldStop, body)
                }
            }
        }
        return true
    }

    /// `forEachPhrase`'s walk: each candidate `join` finds (of `within` only, when given) and the starts found in it.
    @inline(__always)
    private static func walk<Join: PhraseJoin>(_ join: inout Join, within: [Int32]?, firstOnly: Bool, shouldStop: @Sendable () -> Bool,
                                              _ body: (Int32, UnsafeBufferPointer<UInt32>) -> Void) {
        var target: Int32 = 0
        var w = 0
        var steps = 0
        while true {
            if let within {
                while w < within.count, within[w] < target { w += 1 }
                guard w < within.count else { return }
                target = within[w]
            }
            let at = join.nextCandidate(from: target)
            if at == Int32.max { return }
            steps += 1
            if steps & 1023 == 0, shouldStop() { return }
            if let within, within[w] != at {
                target = at
                continue
            }
            let count = join.starts(firstOnly: firstOnly)
            if count > 0 { body(at, UnsafeBufferPointer(rebasing: join.found[0..<count])) }
            target = at + 1
        }
    }
}
