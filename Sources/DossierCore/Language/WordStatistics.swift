/// Word statistics: frequencies, n-grams, collocates and keywords, counted in tokens over the sentences a filter
/// selects, as AntConc and CQP count them. Stop words count in every total and score; only the listings leave
/// them out, unless `with stopwords` is given.
extension Evaluator {
    /// Whether a listing leaves each word out, by vocabulary id: the stop words, unless the user asked for them.
    func hiddenWords(_ withStopWords: Bool) -> [Bool] {
        var hidden = [Bool](repeating: false, count: corpus.vocabulary.count)
        if !withStopWords { for id in corpus.stopWordIds { hidden[Int(id)] = true } }
        return hidden
    }

    /// The sentences of a filter, ascending; nil for the whole corpus (no filter), so no list of every sentence is built.
    func scope(_ filter: Filter?) throws(Diagnostic) -> [Int32]? {
        guard let filter else { return nil }
        return try sentences(filter).ids
    }

    func frequencies(_ scope: [Int32]?) throws(Diagnostic) -> WordFrequencies {
        guard let scope else { return try wholeFrequencies() }
        guard let counted = corpus.wordFrequencies(scope, shouldStop: shouldStop) else { throw interrupted }
        return counted
    }

    /// The whole corpus's counts as every other answer counts: a text saved twice once (unless every copy is asked
    /// for). The loader's totals hold every copy, so the copies' own words are taken out of them.
    func wholeFrequencies() throws(Diagnostic) -> WordFrequencies {
        guard universe != nil else { return corpus.wordFrequencies() }
        return corpus.wordFrequencies().subtracting(try frequencies(corpus.copiedSentences))
    }

    /// The sentences word statistics read when no filter is given: every one, or the originals when copies count once.
    func everySentence() -> [Int32] {
        universe?.ids ?? (0..<Int32(corpus.sentences.count)).map { $0 }
    }

    func scopeLabel(_ frequencies: WordFrequencies) -> String {
        "\(frequencies.tokens) tokens in \(frequencies.sentences) sentence\(frequencies.sentences == 1 ? "" : "s")"
    }

    /// `count words`: each folded word with how often it occurs, most frequent first.
    func countWords(_ filter: Filter?, withStopWords: Bool) throws(Diagnostic) -> TableResult {
        let counted = try frequencies(try scope(filter))
        let hidden = hiddenWords(withStopWords)
        var rows: [(Int32, Int32)] = []
        for (i, n) in counted.counts.enumerated() where n > 0 && !hidden[i] { rows.append((Int32(i), n)) }
        let words = corpus.vocabulary
        let shown = try ranked(rows, first: firstRows) { $0.1 != $1.1 ? $0.1 > $1.1 : words.bytes($0.0).lexicographicallyPrecedes(words.bytes($1.0)) }
        let values: [[Value]] = try self.rows(shown) { [.string(words.word($0.0)), .int(Int($0.1))] }
        let stops = withStopWords ? "" : ", stop words left out"
        return TableResult(columns: ["key", "count"], rows: values, total: rows.count,
                           title: "words (\(scopeLabel(counted))\(stops))", numeric: [1])
    }

    /// `count ngrams N`: sequences of N words within a sentence (punctuation between them ignored, as AntConc does);
    /// without stop words, those that start or end with one are left out.
    func countNgrams(_ n: Int, _ filter: Filter?, withStopWords: Bool) throws(Diagnostic) -> TableResult {
        let ids = try scope(filter) ?? everySentence()
        let hidden = hiddenWords(withStopWords)
        let source = corpus.wordSource(reading: ids.count)
        let reader = WordIdReader(corpus, source)
        var counted = NgramCounts()
        for id in ids {
            if shouldStop() { throw interrupted }
            reader.read(id)
            guard reader.count >= n else { continue }
            for k in 0...(reader.count - n) {
                let window = reader.ids[k..<(k + n)]
                if window.contains(-1) || hidden[Int(window.first!)] || hidden[Int(window.last!)] { continue }
                counted.add(WordGram(window))
            }
        }
        let (grams, counts) = (counted.grams, counted.counts)
        let order = try ranked(Array(grams.indices), first: firstRows) { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
        let vocabulary = corpus.vocabulary
        var spelled: [UInt8] = []
        let values: [[Value]] = try self.rows(order) { i in
            spelled.removeAll(keepingCapacity: true)
            for word in grams[i].words(n) {
                if !spelled.isEmpty { spelled.append(0x20) }
                spelled += vocabulary.bytes(word)
            }
            return [.string(String(decoding: spelled, as: UTF8.self)), .int(Int(counts[i]))]
        }
        let stops = withStopWords ? "" : ", those starting or ending with a stop word left out"
        return TableResult(columns: ["key", "count"], rows: values, total: grams.count,
                           title: "\(n)-grams (in \(ids.count) sentence\(ids.count == 1 ? "" : "s")\(stops))", numeric: [1])
    }

    /// `collocates NODE [window N]`: words within N words of the node (in the same sentence), scored against their
    /// frequency in the scope (the filter's sentences, or the whole corpus) as cwb-ccc scores them: O11 the word's
    /// count in the windows, R1 the words in the windows, C1 the word's frequency outside the node, N the scope's
    /// words outside the node. Ranked by log-likelihood.
    func collocates(_ node: CollocateNode, window: Int, _ filter: Filter?, withStopWords: Bool) throws(Diagnostic) -> TableResult {
        let scope = try scope(filter)
        let scopeSet = scope.map { SentenceSet(sorted: $0) }
        let (candidates, isNode, label) = try nodeMatcher(node)
        let sentences = (scopeSet ?? universe).map { SentenceSet(sorted: candidates).intersection($0).ids } ?? candidates
        let size = corpus.vocabulary.count
        let source = corpus.wordSource(reading: sentences.count)
        let parts = corpus.readSentences(sentences, from: source, into: { WindowCounts(size: size) }, shouldStop: shouldStop) { reader, id, part in
            part.add(isNode(reader, id), window: window, reader.ids)
        }
        guard let parts, var counted = parts.first else { throw interrupted }
        for part in parts.dropFirst() { counted.add(part) }
        let (windowWords, nodeWords, occurrences) = (counted.windowWords, counted.nodeWords, counted.occurrences)
        let totals = try frequencies(scope)
        let hidden = hiddenWords(withStopWords)
        var rows: [(word: Int32, count: Int, frequency: Int, table: Contingency, ll: Double)] = []
        for (word, n) in counted.inWindows.enumerated() where n > 0 && !hidden[word] {
            let (count, frequency) = (Int(n), totals[Int32(word)] - Int(counted.inNode[word]))
            let table = Contingency(o11: count, r1: windowWords, c1: frequency, n: totals.tokens - nodeWords)
            rows.append((Int32(word), count, frequency, table, table.logLikelihood))
        }
        let words = corpus.vocabulary
        let shown = try ranked(rows, first: firstRows) { a, b in
            if a.ll != b.ll { return a.ll > b.ll }
            if a.count != b.count { return a.count > b.count }
            return words.bytes(a.word).lexicographicallyPrecedes(words.bytes(b.word))
        }
        let values: [[Value]] = try self.rows(shown) {
            [.string(words.word($0.word)), .int($0.count), .int($0.frequency), .double($0.ll),
             .double($0.table.mutualInformation), .double($0.table.tScore), .double($0.table.dice)]
        }
        return TableResult(columns: ["key", "count", "frequency", "ll", "mi", "t", "dice"], rows: values, total: rows.count,
                           title: "collocates of \(label) (\(occurrences) occurrence\(occurrences == 1 ? "" : "s"), \(window) words either side, \(windowWords) tokens in the windows; \(scopeLabel(totals))), by log-likelihood",
                           numeric: [1, 2, 3, 4, 5, 6])
    }

    /// The sentences that may hold a node, a function giving its occurrences in a sentence (ranges of word positions)
    /// and a label for the title.
    private func nodeMatcher(_ node: CollocateNode) throws(Diagnostic)
        -> ([Int32], @Sendable (WordIdReader, Int32) -> [Range<Int>], String) {
        switch node {
        case .words(let text, let span):
            let folded = PhraseMatcher.words(text)
            guard !folded.isEmpty else { throw fail(span, "the node has no words to look for", nil) }
            let ids = folded.map { w in w.withUnsafeBufferPointer { corpus.vocabulary.lookup($0) } }
            let label = folded.count == 1 ? "'\(text)'" : "\"\(text)\""
            guard ids.allSatisfy({ $0 != nil }) else { return ([], { _, _ in [] }, label) }
            let sequence = ids.map { $0! }
            var candidates = SentenceSet(sorted: corpus.sentences(withWord: sequence[0]))
            for word in sequence.dropFirst() { candidates = candidates.intersection(SentenceSet(sorted: corpus.sentences(withWord: word))) }
            return (candidates.ids, { reader, _ in
                var found: [Range<Int>] = []
                let ids = reader.ids
                var k = 0
                while k + sequence.count <= ids.count {
                    if ids[k] == sequence[0], sequence.count == 1 || ids[(k + 1)..<(k + sequence.count)].elementsEqual(sequence[1...]) {
                        found.append(k..<(k + sequence.count))
                        k += sequence.count
                    } else {
                        k += 1
                    }
                }
                return found
            }, label)
        case .actor(let name):
            let entity = try self.entity(name, kind: .actor)
            let corpus = self.corpus
            return (corpus.entitySentences[Int(entity)], { reader, sentence in
                let mentions = corpus.mentions(in: sentence).filter { $0.entity == entity && !$0.isCitation }
                guard let last = mentions.map(\.end).max() else { return [] }
                let (starts, ends) = reader.bounds(before: last)
                return mentions.compactMap { m -> Range<Int>? in
                    let covered = starts.indices.filter { starts[$0] < m.end && ends[$0] > m.start }
                    guard let lo = covered.first, let hi = covered.last else { return nil }
                    return lo..<(hi + 1)
                }
            }, corpus.entities[Int(entity)].name)
        }
    }

    /// `keywords FILTER [against FILTER]`: words over-represented in the filter's sentences compared with the rest of
    /// the corpus (or with another set of sentences), ranked by log-likelihood, with the log ratio of their relative
    /// frequencies (effect size).
    func keywords(_ target: Filter, against reference: Filter?, withStopWords: Bool) throws(Diagnostic) -> TableResult {
        let targetIds = try sentences(target).ids
        let counted = try frequencies(targetIds)
        let other: WordFrequencies
        if let reference {
            other = try frequencies(try sentences(reference).ids)
        } else {
            other = try wholeFrequencies().subtracting(counted)
        }
        let hidden = hiddenWords(withStopWords)
        var rows: [(word: Int32, count: Int, reference: Int, table: Contingency, ll: Double)] = []
        for (i, n) in counted.counts.enumerated() where n > 0 && !hidden[i] {
            let o21 = other[Int32(i)]
            let table = Contingency(o11: Int(n), r1: counted.tokens, c1: Int(n) + o21, n: counted.tokens + other.tokens)
            // Over-represented by both scores: more than expected, and a higher discounted relative frequency (a word
            // seen once in a small target and never in a large reference is not).
            guard table.o11 > table.e11, table.logRatio > 0 else { continue }
            rows.append((Int32(i), Int(n), o21, table, table.logLikelihood))
        }
        let words = corpus.vocabulary
        let shown = try ranked(rows, first: firstRows) { a, b in
            if a.ll != b.ll { return a.ll > b.ll }
            return words.bytes(a.word).lexicographicallyPrecedes(words.bytes(b.word))
        }
        let values: [[Value]] = try self.rows(shown) {
            [.string(words.word($0.word)), .int($0.count), .int($0.reference), .double($0.ll), .double($0.table.logRatio)]
        }
        let against = reference == nil ? "the rest of the corpus" : "the reference"
        return TableResult(columns: ["key", "count", "reference", "ll", "log_ratio"], rows: values, total: rows.count,
                           title: "keywords (\(scopeLabel(counted)) against \(against): \(scopeLabel(other))), by log-likelihood",
                           numeric: [1, 2, 3, 4])
    }
}

/// What the windows around a collocate's node hold in some sentences: each word's count in the windows and inside the
/// nodes (by vocabulary id), and the tokens and occurrences counted; one for each worker, added up at the end.
struct WindowCounts {
    var inWindows: [Int32]
    var inNode: [Int32]
    var windowWords = 0, nodeWords = 0, occurrences = 0
    /// Each word of the sentence read last: 1 part of a node, 2 in a window.
    private var marks: [UInt8] = []

    init(size: Int) {
        inWindows = [Int32](repeating: 0, count: size)
        inNode = [Int32](repeating: 0, count: size)
    }

    /// Counts a sentence's words around its node's occurrences (`nodes`, word ordinals), `window` words either side.
    mutating func add(_ nodes: [Range<Int>], window: Int, _ ids: UnsafeBufferPointer<Int32>) {
        guard !nodes.isEmpty else { return }
        if marks.count < ids.count { marks = [UInt8](repeating: 0, count: max(ids.count, 2 * marks.count)) }
        // The words a window may reach: from the first node's window to the last one's.
        var (low, high) = (ids.count, 0)
        for range in nodes {
            low = min(low, max(0, range.lowerBound - window))
            high = max(high, min(ids.count, range.upperBound + window))
        }
        var (windowWords, nodeWords) = (0, 0)
        marks.withUnsafeMutableBufferPointer { marks in
            inWindows.withUnsafeMutableBufferPointer { inWindows in
                inNode.withUnsafeMutableBufferPointer { inNode in
                    for k in low..<high { marks[k] = 0 }
                    for range in nodes {
                        for k in range { marks[k] = 1 }
                        for k in max(0, range.lowerBound - window)..<range.lowerBound where marks[k] == 0 { marks[k] = 2 }
                        for k in range.upperBound..<min(ids.count, range.upperBound + window) where marks[k] == 0 { marks[k] = 2 }
                    }
                    for k in low..<high where marks[k] != 0 {
                        let id = Int(ids[k])
                        if marks[k] == 1 {
                            nodeWords += 1
                            if id >= 0 { inNode[id] += 1 }
                        } else {
                            windowWords += 1
                            if id >= 0 { inWindows[id] += 1 }
                        }
                    }
                }
            }
        }
        occurrences += nodes.count
        self.windowWords += windowWords
        self.nodeWords += nodeWords
    }

    mutating func add(_ other: WindowCounts) {
        for (i, n) in other.inWindows.enumerated() where n != 0 { inWindows[i] += n }
        for (i, n) in other.inNode.enumerated() where n != 0 { inNode[i] += n }
        windowWords += other.windowWords
        nodeWords += other.nodeWords
        occurrences += other.occurrences
    }
}
