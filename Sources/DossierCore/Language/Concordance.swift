import DossierRegex

/// How much context `kwic` shows either side of a match: characters, or whole words.
public enum ContextWidth: Hashable, Sendable {
    case characters(Int)
    case words(Int)
}

/// `kwic`: each place a filter points at (a phrase, a /regex/, an actor's or place's mentions by any alias) with its
/// context, in the sentences the whole filter selects.
extension Evaluator {
    func kwic(_ node: Filter, width: ContextWidth, _ scope: Filter?, span: SourceSpan) throws(Diagnostic) -> ConcordanceResult {
        let locate = try locator(node)
        guard !locate.isEmpty else {
            throw fail(span, "kwic needs something to centre on: a \"phrase\", a /regex/, an actor or a place (dates, docs and $names only select sentences: add one, like kwic actor Wagner and $name)", nil)
        }
        let set = try sentences(scope.map { .and(node, $0) } ?? node)
        var finders: [(Int32) -> [Range<Int>]] = []
        for prepare in locate { finders.append(prepare(set)) }
        var lines: [ConcordanceLine] = []
        var tokens: [WordToken] = []
        for id in set.ids {
            if shouldStop() { throw interrupted }
            let s = corpus.sentences[Int(id)]
            let text = corpus.documents[Int(s.document)].text
            var found: [Range<Int>] = []
            for find in finders { found += find(id) }
            found.sort { $0.lowerBound != $1.lowerBound ? $0.lowerBound < $1.lowerBound : $0.upperBound > $1.upperBound }
            var end = Int(s.start)
            if case .words = width {
                tokens.removeAll(keepingCapacity: true)
                text.withUnsafeBufferPointer { Tokenizer.tokenize($0, Int(s.start)..<Int(s.end), into: &tokens) }
                tokens.removeAll { $0.kind == .punctuation }
            }
            for r in found where r.lowerBound >= end {
                end = r.upperBound
                let (from, to): (Int, Int)
                switch width {
                case .characters:
                    (from, to) = (Int(s.start), Int(s.end))
                case .words(let n):
                    let before = tokens.lastIndex { Int($0.end) <= r.lowerBound }.map { max(0, $0 - n + 1) }
                    let after = tokens.firstIndex { Int($0.start) >= r.upperBound }.map { min(tokens.count - 1, $0 + n - 1) }
                    from = before.map { Int(tokens[$0].start) } ?? r.lowerBound
                    to = after.map { Int(tokens[$0].end) } ?? r.upperBound
                }
                var left = String(decoding: text[from..<r.lowerBound], as: UTF8.self)
                var right = String(decoding: text[r.upperBound..<to], as: UTF8.self)
                if case .characters(let w) = width {
                    left = String(left.suffix(w))
                    right = String(right.prefix(w))
                }
                lines.append(ConcordanceLine(doc: corpus.documents[Int(s.document)].id, sentence: corpus.sentenceNumber(id),
                                             left: left, match: String(decoding: text[r], as: UTF8.self), right: right))
            }
        }
        return ConcordanceResult(lines: lines, total: lines.count, centre: Self.describe(node))
    }

    /// How a title names what kwic centres on: `"tactical alliance"` as before, else the filter's words.
    static func describe(_ node: Filter) -> String {
        switch node {
        case .phrase(let p, _): return "\"\(p.split(whereSeparator: \.isNewline).joined(separator: " "))\""
        case .regex(let p, let ci, _): return "/\(p)/" + (ci ? "i" : "")
        case .actor(let n): return "actor \(n.text)"
        case .place(let n): return "place \(n.text)"
        case .and(let a, let b): return describe(a) + " and " + describe(b)
        case .or(let a, let b): return describe(a) + " or " + describe(b)
        case .not(let f): return "not " + describe(f)
        case .variable(let n, _): return "$" + n
        case .type(let n): return "type \(n.text)"
        case .document(let n): return "doc \(n.text)"
        case .member(let n): return "member of \(n.text)"
        case .field(let key, let n): return key == "source" ? "source \(n.text)" : "field \(key) \(n.text)"
        case .date(let relation, let p, _): return "\(relation.rawValue) \(p.label)"
        case .between(let a, let b, _): return "between \(a.label) and \(b.label)"
        case .basis(let b, _): return "basis \(b.rawValue)"
        }
    }

    /// For each part of a filter that points at text (not under `not`), a function that, given the sentences kwic
    /// shows, returns one giving the part's byte ranges in one of them.
    private func locator(_ filter: Filter) throws(Diagnostic) -> [(SentenceSet) -> (Int32) -> [Range<Int>]] {
        switch filter {
        case .phrase(let phrase, _):
            let words = PhraseMatcher.words(phrase)
            return [{ phraseRanges(words, in: $0) }]
        case .regex(let pattern, let caseInsensitive, let span):
            let regex = try compile(pattern, caseInsensitive: caseInsensitive, span: span)
            let corpus = self.corpus
            return [{ _ in { id in
                let s = corpus.sentences[Int(id)]
                return corpus.documents[Int(s.document)].text.withUnsafeBufferPointer { text in
                    regex.allMatches(in: UnsafeBufferPointer(rebasing: text[Int(s.start)..<Int(s.end)]))
                        .filter { !$0.isEmpty }
                        .map { ($0.lowerBound + Int(s.start))..<($0.upperBound + Int(s.start)) }
                }
            } }]
        case .actor(let name), .place(let name):
            let kind: EntityKind = if case .actor = filter { .actor } else { .place }
            let id = try entity(name, kind: kind)
            let targets = kind == .place ? placeWithInside(id) : [id]
            let corpus = self.corpus
            return [{ _ in { sentence in corpus.mentions(in: sentence).filter { targets.contains($0.entity) && !$0.isCitation }.map { Int($0.start)..<Int($0.end) } } }]
        case .and(let a, let b), .or(let a, let b):
            return try locator(a) + locator(b)
        case .not, .variable, .type, .document, .date, .between, .basis, .field, .member:
            return []
        }
    }

    /// The byte ranges of a phrase's occurrences in each of `set`'s sentences. The word positions say which words
    /// of a sentence they are, so only the sentence's word boundaries are read, not its words folded and compared;
    /// without positions each sentence is checked as the phrase filter checked it. (Stopped by Ctrl-C, it finds what
    /// it found so far; kwic then stops at its next sentence.)
    func phraseRanges(_ words: [[UInt8]], in set: SentenceSet) -> (Int32) -> [Range<Int>] {
        let matcher = PhraseMatcher(words)
        let corpus = self.corpus
        guard Self.indexable(words) else { return { matcher.ranges(in: corpus, sentence: $0) } }
        guard let ids = phraseWordIds(words) else { return { _ in [] } }
        // Where each sentence's occurrences start: `ordinals[firsts[k]..<firsts[k + 1]]` for `sentences[k]`.
        var sentences: [Int32] = [], firsts: [Int] = [0], ordinals: [UInt32] = []
        let answered = corpus.forEachPhrase(ids, within: set.ids, firstOnly: false, shouldStop: shouldStop) { sentence, starts in
            sentences.append(sentence)
            ordinals.append(contentsOf: starts)
            firsts.append(ordinals.count)
        }
        guard answered else { return { matcher.ranges(in: corpus, sentence: $0) } }
        var tokens: [WordToken] = []
        return { id in
            var (low, high) = (0, sentences.count)
            while low < high {
                let middle = (low + high) / 2
                if sentences[middle] < id { low = middle + 1 } else { high = middle }
            }
            guard low < sentences.count, sentences[low] == id else { return [] }
            let s = corpus.sentences[Int(id)]
            tokens.removeAll(keepingCapacity: true)
            corpus.documents[Int(s.document)].text.withUnsafeBufferPointer { Tokenizer.tokenize($0, Int(s.start)..<Int(s.end), into: &tokens) }
            tokens.removeAll { $0.kind == .punctuation }
            return ordinals[firsts[low]..<firsts[low + 1]].map { Int(tokens[Int($0)].start)..<Int(tokens[Int($0) + ids.count - 1].end) }
        }
    }
}
