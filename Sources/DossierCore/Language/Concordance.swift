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
        let finders = locate.map { $0(set) }
        // Word ordinals are turned into bytes when a line is made, unless a finder gives bytes to order them among.
        let inWords = finders.allSatisfy(\.inWords)
        let corpus = self.corpus
        var places: [ConcordancePlace] = []
        var tokens: [WordToken] = []
        // One buffer for every sentence's places, and one for a part's ordinals turned into bytes.
        var found: [Range<Int>] = [], ordinals: [Range<Int>] = []
        var poll = StopPoll(shouldStop)
        for id in set.ids {
            if poll.step() { throw interrupted }
            found.removeAll(keepingCapacity: true)
            for finder in finders {
                if inWords || !finder.inWords {
                    finder.find(id, &found)
                } else {
                    ordinals.removeAll(keepingCapacity: true)
                    finder.find(id, &ordinals)
                    found += corpus.bytes(ofWords: ordinals, in: id, tokens: &tokens)
                }
            }
            if found.count > 1 {
                found.sort { $0.lowerBound != $1.lowerBound ? $0.lowerBound < $1.lowerBound : $0.upperBound > $1.upperBound }
            }
            var end = Int.min
            for r in found where r.lowerBound >= end {
                end = r.upperBound
                places.append(ConcordancePlace(sentence: id, start: Int32(r.lowerBound), end: Int32(r.upperBound), inWords: inWords))
            }
        }
        return ConcordanceResult(places: places, line: { corpus.concordanceLine($0, width: width) }, total: places.count, centre: Self.describe(node))
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
    /// shows, returns what finds the part's places in one of them.
    private func locator(_ filter: Filter) throws(Diagnostic) -> [(SentenceSet) -> PlaceFinder] {
        switch filter {
        case .phrase(let phrase, _):
            let matcher = PhraseMatcher(phrase)
            return [{ phraseRanges(matcher, in: $0) }]
        case .regex(let pattern, let caseInsensitive, let span):
            let regex = try compile(pattern, caseInsensitive: caseInsensitive, span: span)
            let corpus = self.corpus
            return [{ _ in PlaceFinder(inWords: false) { id, found in
                let s = corpus.sentences[Int(id)]
                found += corpus.documents[Int(s.document)].text.withUnsafeBufferPointer { text in
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
            return [{ _ in PlaceFinder(inWords: false) { sentence, found in
                for m in corpus.mentions(in: sentence) where targets.contains(m.entity) && !m.isCitation { found.append(Int(m.start)..<Int(m.end)) }
            } }]
        case .and(let a, let b), .or(let a, let b):
            return try locator(a) + locator(b)
        case .not, .variable, .type, .document, .date, .between, .basis, .field, .member:
            return []
        }
    }

    /// A phrase's occurrences in each of `set`'s sentences, as ranges of the sentence's words (punctuation left out):
    /// the word positions say which words they are, so no text is read until a line is made. Without positions each
    /// sentence is checked as the phrase filter checked it, which gives bytes. (Stopped by Ctrl-C, it finds what it
    /// found so far; kwic then stops at its next sentence.)
    func phraseRanges(_ matcher: PhraseMatcher, in set: SentenceSet) -> PlaceFinder {
        let words = matcher.words
        let corpus = self.corpus
        let scan = PlaceFinder(inWords: false) { $1 += matcher.ranges(in: corpus, sentence: $0) }
        guard Self.indexable(words) else { return scan }
        guard let ids = phraseWordIds(words) else { return PlaceFinder(inWords: true) { _, _ in } }
        // Where each sentence's occurrences start: `ordinals[firsts[k]..<firsts[k + 1]]` for `sentences[k]`.
        var sentences: [Int32] = [], firsts: [Int] = [0], ordinals: [UInt32] = []
        let answered = corpus.forEachPhrase(ids, possessive: matcher.possessive, within: set.ids, firstOnly: false, shouldStop: shouldStop) { sentence, starts in
            sentences.append(sentence)
            ordinals.append(contentsOf: starts)
            firsts.append(ordinals.count)
        }
        guard answered else { return scan }
        let cursor = SortedCursor(sentences)
        let length = ids.count
        return PlaceFinder(inWords: true) { id, found in
            guard let k = cursor.index(of: id) else { return }
            for o in ordinals[firsts[k]..<firsts[k + 1]] { found.append(Int(o)..<(Int(o) + length)) }
        }
    }
}

/// What finds the places of one part of a kwic's filter in a sentence: byte ranges of the text, or (`inWords`) ranges
/// of the sentence's word ordinals, punctuation left out, which cost no reading of the text. `find` appends them to
/// its second argument, a buffer kwic reuses from sentence to sentence.
struct PlaceFinder {
    let inWords: Bool
    let find: (Int32, inout [Range<Int>]) -> Void
}

/// Finds sentence ids in an ascending list when they are asked for in ascending order, as kwic asks: each search
/// starts where the last one ended, so a walk over the list costs one pass, not a search by halves per sentence (a
/// search by halves over 80,000 sentences was a quarter of `kwic "tax"` at 1 GB). An id asked for out of order is
/// found by halves.
final class SortedCursor {
    private let ids: [Int32]
    private var next = 0

    init(_ ids: [Int32]) { self.ids = ids }

    /// Where `id` is in the list, nil when it is not there.
    func index(of id: Int32) -> Int? {
        // Every id before `low` is below `id`.
        var low = next > 0 && ids[next - 1] >= id ? 0 : next
        // Steps forward, doubling, past ids below `id`; then by halves within the last step.
        var step = 1
        while low + step <= ids.count, ids[low + step - 1] < id {
            low += step
            step *= 2
        }
        var high = min(ids.count, low + step - 1)
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        guard low < ids.count, ids[low] == id else {
            next = low
            return nil
        }
        next = low + 1
        return low
    }
}

/// Where one kwic line is: its sentence and the match, as bytes of the document's text or as word ordinals. The
/// line's strings are made from it only when the line is shown, sorted on or exported.
struct ConcordancePlace: Sendable {
    var sentence: Int32
    var start: Int32
    var end: Int32
    var inWords: Bool
}

extension Corpus {
    /// Ranges of a sentence's word ordinals (punctuation left out) as byte ranges of its document's text.
    func bytes(ofWords ranges: [Range<Int>], in id: Int32, tokens: inout [WordToken]) -> [Range<Int>] {
        guard !ranges.isEmpty else { return [] }
        words(of: id, into: &tokens)
        // Words the text no longer holds (a saved model cut short while mapped reads as zeros) are no place.
        return ranges.filter { !$0.isEmpty && $0.upperBound <= tokens.count }.map { Int(tokens[$0.lowerBound].start)..<Int(tokens[$0.upperBound - 1].end) }
    }

    /// The sentence's words, punctuation left out.
    private func words(of id: Int32, into tokens: inout [WordToken]) {
        let s = sentences[Int(id)]
        tokens.removeAll(keepingCapacity: true)
        documents[Int(s.document)].text.withUnsafeBufferPointer { Tokenizer.tokenize($0, Int(s.start)..<Int(s.end), into: &tokens) }
        tokens.removeAll { $0.kind == .punctuation }
    }

    /// The kwic line at `place`, with `width` of context either side.
    func concordanceLine(_ place: ConcordancePlace, width: ContextWidth) -> ConcordanceLine {
        let s = sentences[Int(place.sentence)]
        let text = documents[Int(s.document)].text
        var tokens: [WordToken] = []
        let readsWords = if case .words = width { true } else { place.inWords }
        if readsWords { words(of: place.sentence, into: &tokens) }
        // The words a place names are there unless a saved model was cut short while mapped: its text reads as zeros.
        guard !place.inWords || (place.start < place.end && Int(place.end) <= tokens.count) else {
            return ConcordanceLine(doc: documents[Int(s.document)].id, sentence: sentenceNumber(place.sentence), left: "", match: "", right: "")
        }
        let r = place.inWords ? Int(tokens[Int(place.start)].start)..<Int(tokens[Int(place.end) - 1].end) : Int(place.start)..<Int(place.end)
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
        return ConcordanceLine(doc: documents[Int(s.document)].id, sentence: sentenceNumber(place.sentence),
                               left: left, match: String(decoding: text[r], as: UTF8.self), right: right)
    }
}
