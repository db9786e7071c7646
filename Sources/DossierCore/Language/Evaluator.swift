import Glibc
import DossierRegex
import DossierTime

/// The sentences a command's filters matched in documents repeating an earlier one's text, which answers leave out
/// while copies count once: counted as the filters are evaluated, so any command can say so under its answer.
final class CopiesLeftOut {
    var count = 0
}

/// Runs parsed commands against the corpus indexes: filters become posting-list operations,
/// commands become results. Session state (variables, settings, files) stays in `Interpreter`.
struct Evaluator {
    let corpus: Corpus
    let variables: [String: SentenceSet]
    /// Names of results that are not sentences, so a filter naming one says so.
    var otherResults: Set<String> = []
    /// Names a `load` that changed the corpus cleared, so naming one says why it is gone.
    var clearedResults: Set<String> = []
    /// Turns a span of the current command into a positioned diagnostic.
    let fail: (SourceSpan, String, String?) -> Diagnostic
    let shouldStop: @Sendable () -> Bool
    /// The sentences answers count (nil: all): without those of documents that repeat an earlier document's text,
    /// unless the user asked for every copy (`set duplicates all`).
    var universe: SentenceSet? = nil
    /// The rows a `| limit N` right after a word statistics command keeps (nil: all): only those are ranked and made.
    var firstRows: Int? = nil
    /// The work the regex filter being evaluated may still do (nil outside one).
    var regexLimit: RegexWorkLimit? = nil
    /// How many more sentences this command's filters matched in repeated texts, for the note under its answer.
    let copiesLeftOut = CopiesLeftOut()

    // MARK: Filters

    func sentences(_ filter: Filter?, within: SentenceSet? = nil) throws(Diagnostic) -> SentenceSet {
        try sentencesAndCopies(filter, within: within).kept
    }

    /// The sentences `filter` matches that answers count, and how many more it matches in documents that repeat an
    /// earlier one's text (left out while copies count once).
    func sentencesAndCopies(_ filter: Filter?, within: SentenceSet? = nil) throws(Diagnostic) -> (kept: SentenceSet, copies: Int) {
        guard let filter else { return (within ?? universe ?? SentenceSet.all(corpus.sentences.count), 0) }
        try validate(filter)
        let found = try evaluate(filter, within: within)
        guard within == nil, let universe else { return (found, 0) }
        let kept = found.intersection(universe)
        copiesLeftOut.count += found.count - kept.count
        return (kept, found.count - kept.count)
    }

    /// Said under an answer whose filter matched sentences of repeated texts, which count once: a source that
    /// reprinted a wire story would otherwise seem never to have run it.
    static func copiesNote(_ copies: Int) -> String? {
        guard copies > 0 else { return nil }
        return "\(copies) more match\(copies == 1 ? "" : "es") in documents repeating an earlier one's text, counted once there: "
            + "'set duplicates all' counts every copy"
    }

    /// The note under an answer whose filters matched sentences of repeated texts (none if they matched none).
    var copiesNote: String? { Self.copiesNote(copiesLeftOut.count) }

    /// The note under an answer over the whole corpus (no filter) while repeated texts count once: a source that only
    /// reprinted wire stories would otherwise be missing from `count by source` without a word.
    var wholeCorpusCopiesNote: String? {
        guard let universe, universe.count < corpus.sentences.count else { return nil }
        let copies = corpus.sentences.count - universe.count
        return "\(copies) sentence\(copies == 1 ? "" : "s") of documents repeating an earlier one's text \(copies == 1 ? "is" : "are") left out "
            + "(the text counts once, under the first): 'set duplicates all' counts every copy"
    }

    /// Resolves every name, id, $name and pattern in a filter first, so an unknown one is an error even where
    /// evaluation would stop early ("find text "zzzz" and actor Wagnr").
    func validate(_ filter: Filter) throws(Diagnostic) {
        switch filter {
        case .actor(let name): _ = try entity(name, kind: .actor)
        case .place(let name): _ = try entity(name, kind: .place)
        case .document(let name): _ = try document(name)
        case .regex(let pattern, let caseInsensitive, let span): _ = try compile(pattern, caseInsensitive: caseInsensitive, span: span)
        case .variable(let name, let span):
            if otherResults.contains(name) {
                throw fail(span, "$\(name) is not a set of sentences (it names a count or a listing): show it with $\(name) alone", nil)
            }
            if variables[name] == nil { throw unknownResult(name, span: span, among: variables.keys) }
        case .and(let a, let b), .or(let a, let b):
            try validate(a)
            try validate(b)
        case .not(let inner): try validate(inner)
        case .field(let key, let value): _ = try fieldDocuments(key, value)
        case .member(let name): _ = try entity(name, kind: .actor)
        case .type, .phrase, .date, .between, .basis: break
        }
    }

    /// A `$name` that names nothing: why, when a load cleared it, else the nearest name there is.
    func unknownResult(_ name: String, span: SourceSpan, among names: some Collection<String>) -> Diagnostic {
        if clearedResults.contains(name) {
            return fail(span, "'$\(name)' was cleared by a load that changed the corpus; name it again with let", nil)
        }
        return fail(span, "unknown result '$\(name)'", Suggest.nearest(name, in: names).map { "$" + $0 })
    }

    private func evaluate(_ filter: Filter, within: SentenceSet?) throws(Diagnostic) -> SentenceSet {
        if shouldStop() { throw interrupted }
        func restrict(_ set: SentenceSet) -> SentenceSet { within.map { set.intersection($0) } ?? set }
        switch filter {
        case .actor(let name):
            return restrict(try entitySet(name, kind: .actor))
        case .place(let name):
            return restrict(try entitySet(name, kind: .place))
        case .type(let name):
            let folded = Folding.fold(name.text)
            let matching = corpus.entities.indices.filter { Folding.fold(corpus.entities[$0].type) == folded }
            guard !matching.isEmpty else {
                let types = Set(corpus.entities.map(\.type))
                throw fail(name.span, "unknown type '\(name.text)'", Suggest.nearest(name.text, in: types))
            }
            return restrict(union(matching.map { corpus.entitySentences[$0] }))
        case .basis(let basis, _):
            if let within { return within.filter { corpus.sentences[Int($0)].basis == basis } }
            return SentenceSet(sorted: corpus.sentences.indices.lazy.filter { corpus.sentences[$0].basis == basis }.map(Int32.init))
        case .member(let name):
            return try memberSentences(name, within: within)
        case .field(let key, let value):
            let documents = try fieldDocuments(key, value)
            return restrict(SentenceSet(sorted: documents.flatMap { Array(corpus.documents[Int($0)].sentences) }))
        case .document(let name):
            let d = try document(name)
            let range = corpus.documents[Int(d)].sentences
            return restrict(SentenceSet(sorted: Array(range)))
        case .phrase(let phrase, let span):
            return try phraseSentences(phrase, span: span, within: within)
        case .regex(let pattern, let caseInsensitive, let span):
            let regex = try compile(pattern, caseInsensitive: caseInsensitive, span: span)
            // Linear in the text, but a pattern can cost many steps a byte (a large counted repeat simulated over
            // varied text): a regex filter stops at Ctrl-C, or with an error once it has done the work its limit
            // allows, which depends on the pattern and the corpus alone, never on the machine or its load.
            let limit = RegexWorkLimit(steps: Self.regexWorkSteps(corpus))
            let interrupted = shouldStop
            var bounded = Evaluator(corpus: corpus, variables: variables, otherResults: otherResults, clearedResults: clearedResults, fail: fail,
                                    shouldStop: { interrupted() || limit.isExhausted })
            bounded.regexLimit = limit
            do {
                return try bounded.regexSentences(regex, pattern: pattern, span: span, within: within)
            } catch where !interrupted() && limit.isExhausted {
                throw fail(span, "regular expression stopped after \(limit.steps) steps of work, the limit on this corpus (\(Self.regexStepsPerByte) a byte of its text): large counted repeats such as .{0,1000} cost the most; give a narrower pattern, or another filter with 'and' to search fewer sentences", nil)
            }

        case .date, .between:
            return try dateSentences(within: within, Self.dateCondition(filter)!)
        case .variable(let name, let span):
            guard let set = variables[name] else { throw unknownResult(name, span: span, among: variables.keys) }
            return restrict(set)
        case .and(let a, let b):
            if let bounds = DateBounds(filter) { return try boundedDateSentences(within: within, bounds) }
            // The cheaper, index-backed side first; scans (regex) then run only on its matches.
            let (first, second) = a.isScan && !b.isScan ? (b, a) : (a, b)
            let left = try evaluate(first, within: within)
            if left.isEmpty { return left }
            return try evaluate(second, within: left)
        case .or(let a, let b):
            return try evaluate(a, within: within).union(try evaluate(b, within: within))
        case .not(let inner):
            let base = within ?? SentenceSet.all(corpus.sentences.count)
            return base.subtracting(try evaluate(inner, within: base))
        }
    }

    /// Steps of work a regex filter may do per byte of the corpus's text, besides `regexBaseSteps`. Reading the
    /// corpus through a DFA costs about one a byte; simulating a large counted repeat costs hundreds.
    static let regexStepsPerByte = 64
    static let regexBaseSteps = 1 << 31

    static func regexWorkSteps(_ corpus: Corpus) -> Int {
        regexBaseSteps + regexStepsPerByte * corpus.documents.reduce(0) { $0 + $1.text.count }
    }

    /// Sentences a regex filter keeps. With most of the corpus to search and no anchors, one pass over each
    /// document's text finds the few sentences worth checking one by one; so do the sentences long enough to hold a
    /// match, when they are few (/.{400}/).
    func regexSentences(_ regex: ByteRegex, pattern: String, span: SourceSpan, within: SentenceSet?) throws(Diagnostic) -> SentenceSet {
        let anchored = pattern.contains("^") || pattern.contains("$") || pattern.contains("\\A") || pattern.contains("\\z")
        let candidates: SentenceSet
        if (within?.count ?? corpus.sentences.count) * 8 > corpus.sentences.count, let narrowed = regexCandidates(regex) {
            return try sentencesMatching(regex, among: within.map { narrowed.intersection($0) } ?? narrowed, span: span)
        }
        if (within?.count ?? corpus.sentences.count) * 8 > corpus.sentences.count, regex.minimumLength > 1,
           fewSentences(atLeast: regex.minimumLength, within: within) {
            return try sentencesMatching(regex, among: longSentences(atLeast: regex.minimumLength, within: within), span: span)
        }
        if !anchored, (within?.count ?? corpus.sentences.count) * 8 > corpus.sentences.count {
            candidates = try documentScan(regex, span: span)
            if let within { return try sentencesMatching(regex, among: candidates.intersection(within), span: span) }
        } else {
            candidates = within ?? SentenceSet.all(corpus.sentences.count)
        }
        return try sentencesMatching(regex, among: candidates, span: span)
    }

    /// The sentences (of `within`, or of the corpus) whose text is at least `bytes` long.
    func longSentences(atLeast bytes: Int, within: SentenceSet?) -> SentenceSet {
        if let within { return within.filter { isLong($0, bytes) } }
        return SentenceSet(sorted: (0..<Int32(corpus.sentences.count)).filter { isLong($0, bytes) })
    }

    /// Whether fewer than one in eight of the sentences (of `within`, or of the corpus) are at least `bytes` long,
    /// judged on every sixteenth: then picking them out costs less than scanning the text.
    func fewSentences(atLeast bytes: Int, within: SentenceSet?) -> Bool {
        let ids = within?.ids ?? []
        let count = within?.count ?? corpus.sentences.count
        var long = 0
        for k in stride(from: 0, to: count, by: 16) where isLong(within == nil ? Int32(k) : ids[k], bytes) { long += 1 }
        return long * 8 < (count + 15) / 16
    }

    private func isLong(_ sentence: Int32, _ bytes: Int) -> Bool {
        Int(corpus.sentences[Int(sentence)].end - corpus.sentences[Int(sentence)].start) >= bytes
    }

    /// The sentences that can hold a match, read from the word index. A run of ASCII letters and digits lies inside
    /// one word of the text (the tokenizer never splits such a run), and folding keeps ASCII bytes in place, lowered;
    /// so when every match holds a run (of a literal the pattern requires), a matching sentence holds a word whose
    /// folded form contains it. Words of 300 bytes or more may have been cut when folded (the loader folds at most 1
    /// KB of a word), so they are always taken. Nil when the pattern requires no run of three or more, or when its
    /// runs leave a quarter of the corpus or more: then the text is scanned.
    func regexCandidates(_ regex: ByteRegex) -> SentenceSet? {
        var runs: [[UInt8]] = []
        for literal in regex.requiredLiterals {
            var run: [UInt8] = []
            for byte in literal + [0] {
                if Tokenizer.isDigit(byte) || Tokenizer.isAsciiLetter(byte) {
                    run.append(Folding.foldASCII(byte))
                } else {
                    if run.count >= 3, !runs.contains(run) { runs.append(run) }
                    run.removeAll()
                }
            }
        }
        guard !runs.isEmpty else { return nil }
        // Each run's words and the bytes of their postings (about one per sentence), fewest first.
        var choices: [(words: [Int32], bytes: Int)] = runs.map { run in
            let words = corpus.vocabulary.words(holding: run, orAtLeast: 300)
            return (words, words.reduce(0) { $0 + corpus.postingBytes(of: $1) })
        }
        choices.sort { $0.bytes < $1.bytes }
        guard let first = choices.first, first.bytes * 4 < corpus.sentences.count else { return nil }
        var narrowed = union(first.words.map { corpus.sentences(withWord: $0) })
        for choice in choices.dropFirst() where choice.bytes * 4 < corpus.sentences.count && !narrowed.isEmpty {
            narrowed = sentences(of: narrowed, holdingAnyOf: choice.words)
        }
        return narrowed
    }

    /// The sentences of `set` that hold one of the folded `words`: each word's postings are read against a bitmap of
    /// `set`, so no list of a word's sentences (nor their union) is made, which for common words is most of the work.
    func sentences(of set: SentenceSet, holdingAnyOf words: [Int32]) -> SentenceSet {
        var asked = SentenceMarks(count: corpus.sentences.count)
        asked.insert(set.ids)
        var held = SentenceMarks(count: corpus.sentences.count)
        for word in words {
            corpus.forEachSentence(withWord: word) { if asked.contains($0) { held.insert($0) } }
        }
        return set.filter { held.contains($0) }
    }

    /// The sentences in which `regex` matches, checked one by one.
    private func sentencesMatching(_ regex: ByteRegex, among candidates: SentenceSet, span: SourceSpan) throws(Diagnostic) -> SentenceSet {
        let out = corpus.sentences(candidates.ids[...], matching: regex, shouldStop: shouldStop, limit: regexLimit)
        if shouldStop() { throw interrupted }
        return SentenceSet(sorted: out)
    }

    /// Sentences that may match: those where a match over a whole document's text starts, or, with a literal every
    /// match holds (and no `\b`/`\B`, whose answer can change at a sentence edge), those holding that literal
    /// whole. A match that crosses a sentence boundary makes a candidate the sentence-by-sentence check rejects.
    private func documentScan(_ regex: ByteRegex, span: SourceSpan) throws(Diagnostic) -> SentenceSet {
        if let finder = regex.literalFinder, !regex.usesWordBoundary {
            return try sentencesWithHits(span: span, whole: true) { text, from in
                finder.next(in: text, from: from).map { $0..<($0 + finder.length) }
            }
        }
        return try sentencesWithHits(span: span, whole: false) { text, from in
            regex.firstMatch(in: UnsafeBufferPointer(rebasing: text[from...]), shouldStop: shouldStop, limit: regexLimit)
                .map { (from + $0.lowerBound)..<(from + $0.upperBound) }
        }
    }

    /// The sentences of every document in which `next` (the first hit at or after an offset) finds something: the
    /// sentence holding a hit's start, or with `whole` only a sentence holding all of it. After a hit the search
    /// goes on from the next sentence, so there is one search per sentence kept, however dense the hits.
    private func sentencesWithHits(span: SourceSpan, whole: Bool,
                                   _ next: (UnsafeBufferPointer<UInt8>, Int) -> Range<Int>?) throws(Diagnostic) -> SentenceSet {
        var out: [Int32] = []
        for document in corpus.documents {
            if shouldStop() { throw interrupted }
            document.text.withUnsafeBufferPointer { text in
                var from = 0
                var s = document.sentences.lowerBound
                while from < text.count, s < document.sentences.upperBound, let hit = next(text, from) {
                    let edge = whole ? hit.upperBound : hit.lowerBound + 1
                    while s < document.sentences.upperBound, Int(corpus.sentences[Int(s)].end) < edge { s += 1 }
                    guard s < document.sentences.upperBound else { break }
                    if !whole || Int(corpus.sentences[Int(s)].start) <= hit.lowerBound {
                        out.append(s)
                        s += 1
                        guard s < document.sentences.upperBound else { break }
                    }
                    from = Int(corpus.sentences[Int(s)].start)
                }
            }
        }
        if shouldStop() { throw interrupted }
        return SentenceSet(sorted: out)
    }

    /// The union of sorted lists: by sorting when they are short against the corpus, else through a bitmap of
    /// every sentence (no sort, one pass over the lists).
    func union(_ lists: [[Int32]]) -> SentenceSet {
        let nonEmpty = lists.filter { !$0.isEmpty }
        if nonEmpty.count <= 1 { return SentenceSet(sorted: nonEmpty.first ?? []) }
        let total = nonEmpty.reduce(0) { $0 + $1.count }
        if total * 64 < corpus.sentences.count { return SentenceSet(unsorted: nonEmpty.flatMap { $0 }) }
        var marks = SentenceMarks(count: corpus.sentences.count)
        for list in nonEmpty { marks.insert(list) }
        return SentenceSet(sorted: marks.sorted())
    }

    func entity(_ name: NameReference, kind: EntityKind) throws(Diagnostic) -> Int32 {
        if let id = corpus.entity(named: name.text, kind: kind) ?? corpus.entity(nearlyNamed: name.text, kind: kind) { return id }
        if kind == .actor {
            let people = corpus.people(surnamed: name.text)
            if people.count == 1 { return people[0] }
            if people.count > 1 {
                let names = people.map { corpus.entities[Int($0)].name }
                throw fail(name.span, "'\(name.text)' is the last name of \(names.count) people: \(names.joined(separator: ", ")); write the whole name",
                           names[0])
            }
        }
        let other: EntityKind = kind == .actor ? .place : .actor
        // "place Mali 2021": a time after a name needs its word, or it is read as part of the name.
        let words = name.text.split(separator: " ")
        if words.count > 1, let year = words.last, year.count == 4, year.allSatisfy(\.isNumber) {
            let named = words.dropLast().joined(separator: " ")
            if let k = [kind, other].first(where: { corpus.entity(named: named, kind: $0) != nil }) {
                throw fail(name.span, "unknown \(kind.rawValue) '\(name.text)': a time after a name takes in, since, until, before or after", "\(k.rawValue) \(named) in \(year)")
            }
        }
        if corpus.entity(named: name.text, kind: other) != nil {
            throw fail(name.span, "unknown \(kind.rawValue) '\(name.text)': it is a\(other == .actor ? "n actor" : " place"); use '\(other.rawValue) \(name.text)'", nil)
        }
        // The names a suggestion may offer: every alias but capitals of the entities of that kind the lexicon lists or the
        // text names.
        let offered = corpus.entities.indices.filter { corpus.entities[$0].kind == kind && (corpus.entityMentionCounts[$0] > 0 || !corpus.entities[$0].isDiscovered) }
        func aliases(_ i: Int) -> [String] { corpus.entities[i].aliases.filter { $0.kind != .capital }.map(\.text) }
        // Names one of whose words starts what was typed: those the text names first (the gazetteer's "Cao Bằng" after the
        // corpus's "Bangui" for "Bang"), those it gives whole words of first, then the most mentioned.
        func key(_ i: Int, _ rank: Int) -> (Int, Int, Int) {
            (corpus.entityMentionCounts[i] > 0 ? 0 : 1, rank, -corpus.entityMentionCounts[i])
        }
        let starting = offered
            .compactMap { i -> (Int, Int)? in aliases(i).compactMap { Suggest.wordStart(of: $0, typed: name.text) }.min().map { (i, $0) } }
            .sorted { key($0.0, $0.1) < key($1.0, $1.1) }
            .map { corpus.entities[$0.0].name }
        if starting.count > 1 {
            let shown = starting.prefix(5).joined(separator: ", ") + (starting.count > 5 ? ", ... (\(starting.count) in all)" : "")
            throw fail(name.span, "unknown \(kind.rawValue) '\(name.text)'; names with a word starting so: \(shown)", starting[0])
        }
        throw fail(name.span, "unknown \(kind.rawValue) '\(name.text)'", starting.first ?? Suggest.nearest(name.text, in: offered.flatMap(aliases)))
    }

    /// An actor's sentences; a place's sentences include those of places inside it (Bamako is in Mali).
    private func entitySet(_ name: NameReference, kind: EntityKind) throws(Diagnostic) -> SentenceSet {
        let id = try entity(name, kind: kind)
        guard kind == .place else { return SentenceSet(sorted: corpus.entitySentences[Int(id)]) }
        return union(placeWithInside(id).sorted().map { corpus.entitySentences[Int($0)] })
    }

    /// A place and every place inside it, transitively.
    func placeWithInside(_ id: Int32) -> Set<Int32> {
        var members: Set<Int32> = [id]
        var pending = [id]
        while let place = pending.popLast() {
            for inner in corpus.placesInside[place] ?? [] where members.insert(inner).inserted { pending.append(inner) }
        }
        return members
    }

    func document(_ name: NameReference) throws(Diagnostic) -> Int32 {
        switch corpus.document(matching: name.text) {
        case .found(let d): return d
        case .ambiguous(let ids):
            throw fail(name.span, "'\(name.text)' names \(ids.count) documents (\(ids.prefix(4).joined(separator: ", "))\(ids.count > 4 ? ", ..." : "")): give more of the id", nil)
        case .none:
            throw fail(name.span, "unknown document '\(name.text)'", Suggest.nearest(name.text, in: corpus.documents.map(\.id)))
        }
    }

    func compile(_ pattern: String, caseInsensitive: Bool, span: SourceSpan) throws(Diagnostic) -> ByteRegex {
        do {
            return try ByteRegex(pattern, caseInsensitive: caseInsensitive)
        } catch {
            // The pattern starts one character after the opening slash.
            let at = SourceSpan(line: span.line, column: span.column + 1 + error.offset, length: 1)
            throw fail(at, "invalid regular expression: \(error.message)", nil)
        }
    }

    /// What a date filter asks of a period, and the years a passing period must touch (nil: not a date filter). A
    /// period touching a year strictly inside those years passes whatever its days.
    static func dateCondition(_ filter: Filter) -> DateCondition? {
        switch filter {
        case .date(let relation, let period, _):
            switch relation {
            case .since: return DateCondition(test: { $0.end >= period.start }, years: period.start.year...9999)
            case .after: return DateCondition(test: { $0.end > period.end }, years: period.end.year...9999)
            case .until: return DateCondition(test: { $0.start <= period.end }, years: 1...period.end.year)
            case .before: return DateCondition(test: { $0.start < period.start }, years: 1...period.start.year)
            case .within: return DateCondition(test: { $0.overlaps(period) }, years: period.start.year...period.end.year)
            }
        case .between(let from, let to, _):
            let span = Period(start: from.start, end: to.end, granularity: .day)
            return DateCondition(test: { $0.overlaps(span) }, years: from.start.year...to.end.year)
        default:
            return nil
        }
    }

    /// Sentences with a period passing the condition's test, read from the year index: a period touching a year
    /// strictly inside the condition's years passes whatever its days, so only the sentences of the first and last
    /// years, and those whose periods are too long for the index, are tested.
    private func dateSentences(within: SentenceSet?, _ condition: DateCondition) throws(Diagnostic) -> SentenceSet {
        guard let (inside, edges) = yearLists(condition.years, within: within) else {
            return try keeping(within!) { corpus.anyPeriod(of: $0, condition.test) }
        }
        var tested = union(edges)
        var sure = union(inside)
        if let within {
            tested = tested.intersection(within)
            sure = sure.intersection(within)
        }
        return sure.union(try keeping(tested) { id in !sure.contains(id) && corpus.anyPeriod(of: id, condition.test) })
    }

    /// The year index's lists for `years`: those of the years strictly inside, whose sentences pass a date condition
    /// over them whatever their days, and those to test (the first and last years', and the periods too long for the
    /// index). Nil when an earlier filter narrowed the sentences (`within`) to fewer than the lists hold: testing those
    /// is cheaper.
    func yearLists(_ years: ClosedRange<Int>, within: SentenceSet?) -> (inside: [[Int32]], edges: [[Int32]])? {
        var inside: [[Int32]] = []
        var edges: [[Int32]] = [corpus.longSpanSentences]
        func add(_ year: Int, _ list: [Int32]) {
            if year == years.lowerBound || year == years.upperBound { edges.append(list) } else { inside.append(list) }
        }
        if years.count < corpus.yearSentences.count {
            for year in years { if let l = corpus.yearSentences[year] { add(year, l) } }
        } else {
            for (year, l) in corpus.yearSentences where years.contains(year) { add(year, l) }
        }
        if let within, within.count * 4 < (inside + edges).reduce(0, { $0 + $1.count }) { return nil }
        return (inside, edges)
    }

    /// Sentences holding the phrase: for one word its postings; for more, the sentences where the word positions
    /// say they follow one another (the folded text is checked instead when the positions cannot be built). A word
    /// so long that the loader may have cut it is looked for in the text of every sentence.
    private func phraseSentences(_ phrase: String, span: SourceSpan, within: SentenceSet?) throws(Diagnostic) -> SentenceSet {
        let matcher = PhraseMatcher(phrase)
        let words = matcher.words
        guard !words.isEmpty else { throw fail(span, "the phrase has no words to look for", nil) }
        if !Self.indexable(words) {
            return try keeping(within ?? SentenceSet.all(corpus.sentences.count)) { matcher.occurs(in: corpus, sentence: $0) }
        }
        guard let ids = phraseWordIds(words) else { return SentenceSet(sorted: []) }
        // One word is its postings list, unless the query asks for its 's.
        if words.count > 1 || matcher.possessive[0] {
            var found: [Int32] = []
            if corpus.forEachPhrase(ids, possessive: matcher.possessive, within: within?.ids, firstOnly: true, shouldStop: shouldStop, { sentence, _ in found.append(sentence) }) {
                if shouldStop() { throw interrupted }
                return SentenceSet(sorted: found)
            }
        }
        var lists = ids.map { SentenceSet(sorted: corpus.sentences(withWord: $0)) }
        lists.sort { $0.count < $1.count }
        var result = within.map { lists[0].intersection($0) } ?? lists[0]
        for list in lists.dropFirst() where !result.isEmpty { result = result.intersection(list) }
        if words.count == 1 && !matcher.possessive[0] { return result }
        return try keeping(result) { matcher.occurs(in: corpus, sentence: $0) }
    }

    /// The vocabulary ids of a phrase's folded words; nil when one of them is in no sentence.
    func phraseWordIds(_ words: [[UInt8]]) -> [Int32]? {
        var ids: [Int32] = []
        for word in words {
            guard let id = word.withUnsafeBufferPointer({ corpus.vocabulary.lookup($0) }) else { return nil }
            ids.append(id)
        }
        return ids
    }

    /// Whether the word index answers for these folded words: none is so long (300 bytes or more) that the loader,
    /// which folds at most 1 KB of a word, may have cut it.
    static func indexable(_ words: [[UInt8]]) -> Bool { words.allSatisfy { $0.count < 300 } }

}

/// A date filter as the year index answers it: the test a period must pass, and the years such a period touches.
struct DateCondition {
    let test: (Period) -> Bool
    let years: ClosedRange<Int>
}

extension Filter {
    /// Filters that test sentence text one by one rather than reading an index.
    var isScan: Bool {
        switch self {
        case .regex: return true
        case .not(let f): return f.isScan
        case .and(let a, let b), .or(let a, let b): return a.isScan || b.isScan
        default: return false
        }
    }

    /// Entities and phrases the user asked for, to highlight in results.
    func highlights(_ evaluator: Evaluator) -> (entities: Set<Int32>, phrases: [String]) {
        switch self {
        case .actor(let n): return ((try? evaluator.entity(n, kind: .actor)).map { [$0] } ?? [], [])
        case .place(let n): return ((try? evaluator.entity(n, kind: .place)).map { [$0] } ?? [], [])
        case .phrase(let p, _): return ([], [p])
        case .and(let a, let b), .or(let a, let b):
            let x = a.highlights(evaluator), y = b.highlights(evaluator)
            return (x.entities.union(y.entities), x.phrases + y.phrases)
        default: return ([], [])
        }
    }

    /// A document named by `doc` (outside `not`) whose text repeats an earlier document's, described for the user:
    /// its sentences count once, under the earlier one, so `find doc` of it alone finds none.
    func repeatedDocument(_ evaluator: Evaluator) -> String? {
        switch self {
        case .document(let name):
            let corpus = evaluator.corpus
            guard let d = try? evaluator.document(name), corpus.isDuplicate[Int(d)],
                  let group = corpus.duplicateGroups.first(where: { $0.contains(d) }), let first = group.first else { return nil }
            return "doc \(corpus.documents[Int(d)].id) repeats the text of \(corpus.documents[Int(first)].id), whose sentences count once, "
                + "there: find doc \(corpus.documents[Int(first)].id)"
        case .and(let a, let b), .or(let a, let b): return a.repeatedDocument(evaluator) ?? b.repeatedDocument(evaluator)
        default: return nil
        }
    }

    /// Date conditions joined by `and` that no single day can satisfy, described for the user.
    func contradiction() -> String? {
        var lower: (Day, String)?
        var upper: (Day, String)?
        func collect(_ f: Filter) {
            switch f {
            case .and(let a, let b): collect(a); collect(b)
            case .date(let relation, let p, _):
                let label = "\(relation.rawValue) \(p.label)"
                switch relation {
                case .since: if lower == nil || p.start > lower!.0 { lower = (p.start, label) }
                case .after: if lower == nil || p.end.adding(days: 1) > lower!.0 { lower = (p.end.adding(days: 1), label) }
                case .until: if upper == nil || p.end < upper!.0 { upper = (p.end, label) }
                case .before: if upper == nil || p.start.adding(days: -1) < upper!.0 { upper = (p.start.adding(days: -1), label) }
                case .within:
                    if lower == nil || p.start > lower!.0 { lower = (p.start, label) }
                    if upper == nil || p.end < upper!.0 { upper = (p.end, label) }
                }
            default: break
            }
        }
        collect(self)
        if let lower, let upper, lower.0 > upper.0 {
            return "'\(lower.1)' and '\(upper.1)' leave no date between them"
        }
        return nil
    }
}

/// Finds where a phrase's words occur in a sentence, in order and adjacent, ignoring case and diacritics. One matcher
/// serves many sentences and reuses its buffers; ASCII words are compared without being folded first.
final class PhraseMatcher {
    let words: [[UInt8]]
    /// Which words the query wrote with a possessive or contracted 's ("Russia's", "it's"): those match only a word
    /// the text writes so. The others match a word without one, but the phrase's last may carry one ("Russia" finds
    /// "Russia's").
    let possessive: [Bool]
    private var tokens: [WordToken] = []
    private let scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 2048)

    init(_ words: [[UInt8]], possessive: [Bool] = []) {
        self.words = words
        self.possessive = possessive.isEmpty ? Array(repeating: false, count: words.count) : possessive
    }

    /// The matcher of a phrase as a query writes it.
    convenience init(_ phrase: String) {
        let (words, possessive) = Self.read(phrase)
        self.init(words, possessive: possessive)
    }

    /// The folded words of a phrase as a query writes it.
    static func words(_ phrase: String) -> [[UInt8]] { read(phrase).words }

    /// The folded words of a phrase as a query writes it, and which of them it wrote with a possessive 's.
    static func read(_ phrase: String) -> (words: [[UInt8]], possessive: [Bool]) {
        var bytes = Array(phrase.utf8)
        var tokens: [WordToken] = []
        var words: [[UInt8]] = []
        var possessive: [Bool] = []
        bytes.withUnsafeMutableBufferPointer { raw in
            let b = UnsafeBufferPointer(raw)
            Tokenizer.tokenize(b, 0..<b.count, into: &tokens)
            for t in tokens where t.kind != .punctuation {
                var folded: [UInt8] = []
                Folding.fold(UnsafeBufferPointer(rebasing: b[Int(t.start)..<Int(t.end)]), into: &folded)
                words.append(folded)
                possessive.append(t.isPossessive)
            }
        }
        return (words, possessive)
    }

    deinit { scratch.deallocate() }

    /// Whether the phrase occurs in the sentence.
    func occurs(in corpus: Corpus, sentence id: Int32) -> Bool {
        !ranges(in: corpus, sentence: id, firstOnly: true).isEmpty
    }

    /// The byte ranges of the phrase's occurrences in the sentence (only the first with `firstOnly`).
    func ranges(in corpus: Corpus, sentence id: Int32, firstOnly: Bool = false) -> [Range<Int>] {
        let s = corpus.sentences[Int(id)]
        var result: [Range<Int>] = []
        guard !words.isEmpty else { return result }
        corpus.documents[Int(s.document)].text.withUnsafeBufferPointer { text in
            tokens.removeAll(keepingCapacity: true)
            Tokenizer.tokenize(text, Int(s.start)..<Int(s.end), into: &tokens)
            tokens.removeAll { $0.kind == .punctuation }
            var k = 0
            while k + words.count <= tokens.count {
                if (0..<words.count).allSatisfy({ matches(text, k + $0, $0) }) {
                    result.append(Int(tokens[k].start)..<Int(tokens[k + words.count - 1].end))
                    if firstOnly { return }
                    k += words.count
                } else {
                    k += 1
                }
            }
        }
        return result
    }

    /// Whether token `t` folds to word `w` and carries a possessive 's as the phrase asks (inside the phrase, none
    /// unless asked). Folding leaves ASCII bytes where they are (upper case lowered), so an ASCII token is compared
    /// byte by byte, and one of another length cannot match.
    private func matches(_ text: UnsafeBufferPointer<UInt8>, _ t: Int, _ w: Int) -> Bool {
        let token = tokens[t]
        if possessive[w] ? !token.isPossessive : w < words.count - 1 && token.isPossessive { return false }
        let word = words[w]
        let start = Int(token.start), end = Int(token.end)
        var ascii = true
        for i in start..<end where text[i] >= 0x80 {
            ascii = false
            break
        }
        if ascii {
            guard end - start == word.count else { return false }
            for k in 0..<word.count where Folding.foldASCII(text[start + k]) != word[k] { return false }
            return true
        }
        let n = Folding.fold(UnsafeBufferPointer(rebasing: text[start..<end]), into: scratch)
        return n == word.count && word.withUnsafeBufferPointer { memcmp($0.baseAddress!, scratch.baseAddress!, n) == 0 }
    }
}

extension Corpus {
    /// Those of the sentences `ids` (ascending) in which `regex` matches, each document's text opened once for its
    /// run of sentences; the ones found so far once `shouldStop` turns true.
    func sentences(_ ids: ArraySlice<Int32>, matching regex: ByteRegex, shouldStop: () -> Bool,
                   limit: RegexWorkLimit? = nil) -> [Int32] {
        var out: [Int32] = []
        var k = ids.startIndex
        regex.withMatchTest(shouldStop: shouldStop, limit: limit) { matches in
            while k < ids.endIndex {
                let document = sentences[Int(ids[k])].document
                documents[Int(document)].text.withUnsafeBufferPointer { text in
                    while k < ids.endIndex, sentences[Int(ids[k])].document == document {
                        if shouldStop() {
                            k = ids.endIndex
                            return
                        }
                        let sentence = sentences[Int(ids[k])]
                        if matches(UnsafeBufferPointer(rebasing: text[Int(sentence.start)..<Int(sentence.end)])) { out.append(ids[k]) }
                        k += 1
                    }
                }
            }
        }
        return out
    }
}
