import DossierTime

/// The in-memory model queries run on: documents, sentences, entities, mentions, times and their indexes.
public struct Corpus: Sendable {
    public internal(set) var documents: [Document] = []
    public internal(set) var sentences: [Sentence] = []
    public internal(set) var entities: EntityTable
    public internal(set) var mentions: [Mention] = []
    public internal(set) var times: [TimeMention] = []
    /// Where the time expressions of each run of `timeBlock` sentences start in `times` (`indexTimes`): a sentence's
    /// times are looked up among the few of its run, where a field of every sentence saying where its own start took
    /// 4 bytes a sentence (2.5 MB at 100 MB) for a table most sentences have no entry in.
    var timeBlocks: [Int32] = []
    static let timeBlock = 16
    /// The periods sentences are dated by, by the number each sentence keeps (`time(of:)`).
    var periods = Numbering<Period>()
    /// The names of the rules that read the time expressions, by the number each keeps (`rule(of:)`).
    var timeRules = Numbering<String>()
    /// Where each sentence's mentions start in `mentions` (one more entry than sentences).
    public internal(set) var mentionStarts: [Int32] = [0]
    /// Sentence ids by entity, ascending.
    public internal(set) var entitySentences: [[Int32]]
    public internal(set) var entityMentionCounts: [Int]
    /// Sentence ids by folded word: `wordPostings[wordOffsets[id]..<wordOffsets[id + 1]]`, a `PostingGaps` list.
    /// Small until words are added (a corpus analysed starts with room for `analysedWords`); a saved model's is read whole.
    public internal(set) var vocabulary = Vocabulary()
    /// The words a corpus being analysed has room for at first: a 1 MB table, which a corpus read from its saved model
    /// never fills (zeroing it was 2% of a start on the seeds).
    static let analysedWords = 1 << 16
    var wordOffsets: [Int] = [0]
    var wordPostings = PostingBytes()
    /// How often each folded word occurs in the corpus (tokens), by word id: word statistics' totals.
    var wordTotals: [Int32] = []
    /// Where each word stands in its sentences, for phrases: built from the sentences the first time a phrase asks.
    let wordPositions = LazyWordPositions()
    /// Each sentence's words as ids, for word statistics: built from the sentences in the background of a session.
    let sentenceWordIds = SentenceWordIdsBuild()
    /// The sentences dated by periods far apart, for date filters joined by `and`: read the first time such filters ask.
    let spreadDates = LazySpreadDates()
    /// Sentence ids by year their time touches (intervals of up to `yearIndexSpan` years); longer ones in `longSpanSentences`.
    public internal(set) var yearSentences: [Int: [Int32]] = [:]
    public internal(set) var longSpanSentences: [Int32] = []
    public static let yearIndexSpan = 200
    var discoveredIndex: [String: Int32] = [:]
    public let lexiconEntityCount: Int
    /// Entities by folded name and by folded alias, per kind, set once the corpus is loaded and built on first use.
    private var names = NameIndex(EntityTable([]))
    /// The places directly inside each place (Bamako in Mali).
    public var placesInside: [Int32: [Int32]] { names.tables.placesInside }
    /// Documents whose clean text is the same, each group in load order (two or more documents each).
    public internal(set) var duplicateGroups: [[Int32]] = []
    /// Per document: true when an earlier document has the same text, so a count can take each text once.
    public internal(set) var isDuplicate: [Bool] = []
    /// Words that word statistics leave out of their listings (from `*.stopwords` files).
    public internal(set) var stopWords = StopWords()
    /// The lexicons, lists and manifests the corpus was read with, by real path: no export may replace them.
    public internal(set) var inputFiles: Set<String> = []
    /// The sections of the saved model this corpus was read from that it has not read yet (nil: none): a command
    /// reads those it needs first (`readSaved`).
    var unread: UnreadParts?

    /// How many sentences the corpus has, whether or not its saved model's sentences have been read yet.
    public var sentenceCount: Int { unread?.sentenceCount ?? sentences.count }

    init(entities: [Entity]) {
        self.init(entities: EntityTable(entities))
    }

    init(entities: EntityTable) {
        self.entities = entities
        lexiconEntityCount = entities.count
        entitySentences = Array(repeating: [], count: entities.count)
        entityMentionCounts = Array(repeating: 0, count: entities.count)
    }

    public var byteCount: Int { documents.reduce(0) { $0 + $1.byteCount } }

    /// The sentences holding a folded word, ascending.
    public func sentences(withWord id: Int32) -> [Int32] {
        wordPostings.withUnsafeBufferPointer { PostingGaps.decode(UnsafeBufferPointer(rebasing: $0[wordOffsets[Int(id)]..<wordOffsets[Int(id) + 1]])) }
    }

    /// Calls `body` with each sentence holding a folded word, ascending, without making their list.
    func forEachSentence(withWord id: Int32, _ body: (Int32) -> Void) {
        wordPostings.withUnsafeBufferPointer { PostingGaps.forEach(in: UnsafeBufferPointer(rebasing: $0[wordOffsets[Int(id)]..<wordOffsets[Int(id) + 1]]), body) }
    }

    /// The bytes a folded word's postings take: about the number of its sentences.
    func postingBytes(of id: Int32) -> Int { wordOffsets[Int(id) + 1] - wordOffsets[Int(id)] }

    /// The text of a sentence.
    public func text(of sentence: Int32) -> String {
        let s = sentences[Int(sentence)]
        return String(decoding: documents[Int(s.document)].text[Int(s.start)..<Int(s.end)], as: UTF8.self)
    }

    /// A sentence's time: the period its filters, counts and timelines start from (`periods(of:)` gives them all).
    public func time(of sentence: Sentence) -> Period? { periods[sentence.period] }

    /// The name of the rule that read a time expression ("month-day", "citation"...).
    public func rule(of time: TimeMention) -> String { timeRules[UInt32(time.rule)] ?? "" }

    /// A sentence's time expressions (citations included) in `times`, which holds them in sentence order: found in its
    /// run of sentences (`timeBlocks`; the whole table when the runs are not indexed).
    public func timeRange(of sentence: Int32) -> Range<Int32> {
        let block = Int(sentence) / Self.timeBlock
        let low = block < timeBlocks.count ? Int(timeBlocks[block]) : 0
        let high = block + 1 < timeBlocks.count ? Int(timeBlocks[block + 1]) : times.count
        let first = firstTime(from: sentence, in: low..<high)
        return Int32(first)..<Int32(firstTime(from: sentence + 1, in: first..<high))
    }

    /// The first time expression in `range` of `times` whose sentence is `sentence` or later (`range.upperBound`: none).
    private func firstTime(from sentence: Int32, in range: Range<Int>) -> Int {
        var (low, high) = (range.lowerBound, range.upperBound)
        while low < high {
            let mid = (low + high) / 2
            if times[mid].sentence < sentence { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Indexes where each run of `timeBlock` sentences' time expressions start, once the tables are complete.
    mutating func indexTimes() {
        var blocks: [Int32] = []
        blocks.reserveCapacity(sentences.count / Self.timeBlock + 1)
        var t = 0
        for first in stride(from: 0, to: sentences.count, by: Self.timeBlock) {
            while t < times.count, times[t].sentence < Int32(first) { t += 1 }
            blocks.append(Int32(t))
        }
        timeBlocks = blocks
    }

    /// A sentence's time expressions (citations included), in text order.
    public func times(of sentence: Int32) -> ArraySlice<TimeMention> {
        let own = timeRange(of: sentence)
        return times[Int(own.lowerBound)..<Int(own.upperBound)]
    }

    /// The mentions in a sentence, in text order.
    public func mentions(in sentence: Int32) -> ArraySlice<Mention> {
        mentions[Int(mentionStarts[Int(sentence)])..<Int(mentionStarts[Int(sentence) + 1])]
    }

    /// A sentence's time, the one meaning every filter, count, timeline and profile uses: the periods of its own time
    /// expressions (citations excluded), else the period carried from earlier in its paragraph, else the publication
    /// date of its document; none when there is none of these. A period said twice ("in 2019 ... again in 2019") is
    /// listed once, where it is first said.
    public func periods(of sentence: Int32) -> [Period] {
        let s = sentences[Int(sentence)]
        guard let time = time(of: s), let basis = s.basis else { return [] }
        if basis != .explicit { return [time] }
        var seen = Set<Period>()
        return times(of: sentence).filter { !$0.isCitation && seen.insert($0.period).inserted }.map(\.period)
    }

    /// The earliest of a sentence's periods (by start, then end): where a timeline places it.
    public func earliestPeriod(of sentence: Int32) -> Period? {
        periods(of: sentence).min { $0.start != $1.start ? $0.start < $1.start : $0.end < $1.end }
    }

    /// Whether any of the sentence's periods (as in `periods(of:)`) passes `test`, without building an array.
    @inline(__always)
    public func anyPeriod(of sentence: Int32, _ test: (Period) -> Bool) -> Bool {
        let s = sentences[Int(sentence)]
        guard let time = time(of: s), let basis = s.basis else { return false }
        if basis != .explicit { return test(time) }
        for t in times(of: sentence) where !t.isCitation && test(t.period) { return true }
        return false
    }

    /// Appends a batch read by one worker: ids are shifted, discovered names merged by folded name,
    /// word postings merged through the corpus vocabulary.
    mutating func append(_ batch: Batch) {
        let sentenceBase = Int32(sentences.count)
        let documentBase = Int32(documents.count)
        let lexiconBase = Int32(lexiconEntityCount)
        var discoveredMap: [Int32] = []
        if discoveredIndex.count < entities.count - lexiconEntityCount { indexDiscoveredNames() }
        for (name, type) in batch.discovered {
            let key = Folding.nameKey(name)
            if let id = discoveredIndex[key] {
                discoveredMap.append(id)
            } else {
                let id = Int32(entities.count)
                discoveredIndex[key] = id
                entities.append(Entity(name: name, kind: type == "location" ? .place : .actor, type: type,
                                       aliases: [Alias(text: name, kind: .name)], relations: [], origin: .discovered))
                entityMentionCounts.append(0)
                discoveredMap.append(id)
            }
        }
        for var document in batch.documents {
            document.sentences = (document.sentences.lowerBound + sentenceBase)..<(document.sentences.upperBound + sentenceBase)
            documents.append(document)
        }
        mentions.reserveCapacity(mentions.count + batch.mentions.count)
        let renumbered = [0] + batch.periods.values.map { periods.number($0) }
        var m = 0, t = 0
        var years: YearsOfPeriod?
        for (local, batchSentence) in batch.sentences.enumerated() {
            let id = sentenceBase + Int32(local)
            var sentence = batchSentence
            sentence.document += documentBase
            sentence.period = renumbered[Int(sentence.period)]
            sentences.append(sentence)
            while m < batch.mentions.count, batch.mentions[m].sentence == Int32(local) {
                var mention = batch.mentions[m].mention
                if mention.entity >= lexiconBase { mention.entity = discoveredMap[Int(mention.entity - lexiconBase)] }
                mentions.append(mention)
                m += 1
                if !mention.isCitation { entityMentionCounts[Int(mention.entity)] += 1 }
            }
            mentionStarts.append(Int32(mentions.count))
            let first = t
            while t < batch.times.count, batch.times[t].sentence == Int32(local) { t += 1 }
            indexYears(id, sentence: sentence, times: batch.times[first..<t], years: &years)
        }
        let rules = [0] + batch.timeRules.values.map { UInt16(timeRules.number($0)) }
        for var time in batch.times {
            time.sentence += sentenceBase
            time.rule = rules[Int(time.rule)]
            times.append(time)
        }
    }

    /// The entity index, made from the mentions once they are all in (a saved model leaves it out, and a load makes
    /// it after its last batch), each list allocated at its size: lists grown mention by mention held a quarter more
    /// room than they used. The mentions must have been checked first.
    mutating func indexEntities() {
        var sizes = [Int](repeating: 0, count: entities.count)
        var last = [Int32](repeating: -1, count: entities.count)
        forEachMentionedEntity { e, s in
            if last[e] != s { (sizes[e], last[e]) = (sizes[e] + 1, s) }
        }
        var lists = sizes.map { [Int32](repeating: 0, count: $0) }
        var filled = [Int](repeating: 0, count: entities.count)
        forEachMentionedEntity { e, s in
            if filled[e] > 0, lists[e][filled[e] - 1] == s { return }
            lists[e][filled[e]] = s
            filled[e] += 1
        }
        entitySentences = lists
    }

    /// Calls `body` with the entity and sentence of every mention that is not a citation, in sentence order.
    private func forEachMentionedEntity(_ body: (Int, Int32) -> Void) {
        for s in 0..<sentences.count {
            for m in mentions[Int(mentionStarts[s])..<Int(mentionStarts[s + 1])] where !m.isCitation { body(Int(m.entity), Int32(s)) }
        }
    }

    /// Copies each year's list of sentences into one of its size: lists grown sentence by sentence held up to twice the
    /// room they used.
    mutating func trimYearIndex() {
        for year in Array(yearSentences.keys) {
            yearSentences[year] = yearSentences[year].map { list in list.withUnsafeBufferPointer { Array($0) } }
        }
    }

    /// The years of the period a merge indexed last: sentence after sentence has the same period, and a day's year is
    /// worked out from its number.
    private struct YearsOfPeriod {
        var period: Period
        var first: Int
        var last: Int
    }

    /// Indexes a merged sentence by the years of its periods; `own` are its time expressions.
    private mutating func indexYears(_ id: Int32, sentence: Sentence, times own: ArraySlice<TimeMention>, years: inout YearsOfPeriod?) {
        guard let time = time(of: sentence), let basis = sentence.basis else { return }
        guard basis == .explicit else { return indexYears(id, period: time, years: &years) }
        for t in own where !t.isCitation { indexYears(id, period: t.period, years: &years) }
    }

    private mutating func indexYears(_ id: Int32, period: Period, years remembered: inout YearsOfPeriod?) {
        let years = remembered.flatMap { $0.period == period ? $0 : nil }
            ?? YearsOfPeriod(period: period, first: period.start.year, last: period.end.year)
        remembered = years
        let (first, last) = (years.first, years.last)
        if last - first > Self.yearIndexSpan {
            if longSpanSentences.last != id { longSpanSentences.append(id) }
            return
        }
        for year in first...last { yearSentences[year, default: []].appendUnlessLast(id) }
    }

    /// The entity with this name or alias (ignoring case and diacritics) among `kind`: a canonical name first,
    /// then the first entity (in lexicon order) with that alias.
    public func entity(named name: String, kind: EntityKind) -> Int32? {
        names.tables.entity(named: name, kind: kind)
    }

    /// The one entity of `kind` a name misspelt by one letter stands for ("Dmitry Sytii" for the alias "Dmitri Sytii"),
    /// under the rule the text side reads long names by: at least seven letters, the same first letter, one edit.
    /// Nil when no entity, or more than one, is that close.
    public func entity(nearlyNamed name: String, kind: EntityKind) -> Int32? {
        let folded = Array(Folding.fold(name).utf8)
        // Only a name as the text spells names: letters, digits, spaces, hyphens, apostrophes and full stops.
        guard folded.count >= 7, folded.allSatisfy({ $0 >= 0x80 || (0x61...0x7A).contains($0) || Tokenizer.isDigit($0) || " -'.".utf8.contains($0) })
        else { return nil }
        var found: Int32?
        for (i, entity) in entities.enumerated() where entity.kind == kind && (!entity.isDiscovered || entityMentionCounts[i] > 0) {
            for alias in entity.aliases where alias.kind != .capital {
                let candidate = Array(Folding.fold(alias.text).utf8)
                guard candidate.first == folded.first, abs(candidate.count - folded.count) <= 1,
                      Suggest.distance(candidate, folded, limit: 1) <= 1 else { continue }
                if let other = found, other != Int32(i) { return nil }
                found = Int32(i)
            }
        }
        return found
    }

    /// The people the text names in full whose last name is `name` (one word): "Scholz" for Olaf Scholz, whom the text
    /// goes on to call Scholz. Lexicon actors list their short names as aliases; discovered people have only the
    /// name the text gave first.
    public func people(surnamed name: String) -> [Int32] {
        let folded = Folding.fold(name)
        guard folded.count >= 2, !folded.contains(" ") else { return [] }
        var found: [Int32] = []
        for i in lexiconEntityCount..<entities.count where entityMentionCounts[i] > 0 && entities[i].type == "person" {
            let words = entities[i].name.split(separator: " ")
            if words.count >= 2, Folding.fold(String(words.last!)) == folded { found.append(Int32(i)) }
        }
        return found
    }

    /// Indexes discovered entities by folded name, as `append` keeps it, for a corpus read from a model file.
    private mutating func indexDiscoveredNames() {
        discoveredIndex.removeAll()
        for i in lexiconEntityCount..<entities.count { discoveredIndex[Folding.nameKey(entities[i].name)] = Int32(i) }
    }

    /// Indexes names, aliases and containment once all batches are in (the tables are built when first asked for).
    mutating func indexNames() {
        names = NameIndex(entities)
    }

    /// Gives documents whose file names collide (the same name in two folders) ids that tell them apart: the first
    /// keeps its file name; each later one gets its file name with as many of its folders as make it new
    /// ("copy-002/1963-Kennedy-1"). A record of a collection keeps its own id after its file's name and folders
    /// ("b/feed/1" for the record "1" of b/feed.jsonl beside a/feed.jsonl's); a record whose id an earlier record of
    /// its own file has is named by its file and line ("feed.jsonl:7"); a file beside another of its name in the same
    /// folder by its file name ("report.md" beside report.html). An id never changes when more documents are loaded
    /// after it.
    mutating func disambiguateDocumentIds() {
        /// The ids given, and the file of the document holding each.
        var taken: [String: Substring] = [:]
        // Paths are searched for ASCII marks byte by byte: by characters, the marks of every document's path were a
        // third of a one-shot count on a saved model of 2,056 documents.
        func file(_ path: String) -> Substring {
            guard let colon = path.utf8.lastIndex(of: UInt8(ascii: ":")), colon < path.index(before: path.endIndex),
                  path[path.index(after: colon)...].allSatisfy(\.isNumber) else { return path[...] }
            return path[..<colon]
        }
        /// The folders and file names without extension of the files met so far.
        var folderStems = Set<String>()
        for i in documents.indices {
            let path = documents[i].path
            defer { folderStems.insert(Self.folderStem(path)) }
            guard taken[documents[i].id] != nil else {
                taken[documents[i].id] = file(path)
                continue
            }
            var parts: [Substring]
            var depth = 2
            if file(path) != path[...], taken[documents[i].id] != file(path) {
                let file = file(path)
                let stem = file.lastIndex(of: ".").map { file[..<$0] } ?? file
                parts = stem.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) } + [Substring(documents[i].id)]
                depth = 3
            } else if let slash = path.lastIndex(of: "/"), folderStems.contains(Self.folderStem(path)) {
                // The same article saved as report.html and report.md in one folder: its file name tells them apart.
                parts = [path[path.index(after: slash)...]]
            } else {
                let stem = path.hasSuffix(".txt") || path.hasSuffix(".md") ? path[..<path.lastIndex(of: ".")!] : path[...]
                parts = stem.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
            }
            depth = min(depth, parts.count)
            var id = parts.suffix(depth).joined(separator: "/")
            while taken[id] != nil, depth < parts.count {
                depth += 1
                id = parts.suffix(depth).joined(separator: "/")
            }
            var n = 2
            let base = id
            while taken[id] != nil {
                id = "\(base)#\(n)"
                n += 1
            }
            documents[i].id = id
            taken[id] = file(path)
        }
    }

    /// A file's folder and name without its extension ("news/report" for news/report.md).
    private static func folderStem(_ path: String) -> String {
        let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path.utf8.index(after: $0) } ?? path.startIndex
        guard let dot = path.utf8[slash...].lastIndex(of: UInt8(ascii: ".")) else { return path }
        return String(path[..<dot])
    }

    /// Makes room for what a set of batches will add, so appending never copies the arrays again.
    mutating func reserve(sentences: Int, mentions: Int, times: Int) {
        self.sentences.reserveCapacity(sentences)
        self.mentions.reserveCapacity(mentions)
        self.times.reserveCapacity(times)
        mentionStarts.reserveCapacity(sentences + 1)
    }

    /// The document whose id is `id` or starts with it uniquely; `.ambiguous` lists the candidates.
    public func document(matching id: String) -> DocumentLookup {
        if let exact = documents.firstIndex(where: { $0.id == id }) { return .found(Int32(exact)) }
        let candidates = documents.indices.filter { documents[$0].id.hasPrefix(id) }
        if candidates.count == 1 { return .found(Int32(candidates[0])) }
        if candidates.isEmpty { return .none }
        return .ambiguous(candidates.map { documents[$0].id })
    }
}

/// The outcome of naming a document by id or prefix.
public enum DocumentLookup: Equatable, Sendable {
    case found(Int32), ambiguous([String]), none
}

/// Entities by folded name and alias, and places by the place they lie in, built on first use: building them folds
/// every alias of the lexicon (a third of the start-up), and `quit` or a word count never asks for them.
final class NameIndex: Sendable {
    struct Tables: Sendable {
        var byName: [String: Int32] = [:]
        var byAlias: [String: Int32] = [:]
        /// The places directly inside each place (Bamako in Mali).
        var placesInside: [Int32: [Int32]] = [:]

        /// A canonical name first, then the first entity (in lexicon order) with that alias.
        func entity(named name: String, kind: EntityKind) -> Int32? {
            let key = kind.rawValue + ":" + Folding.fold(name)
            return byName[key] ?? byAlias[key]
        }
    }

    private let entities: EntityTable
    private let built = Locked<Tables?>(nil)

    init(_ entities: EntityTable) {
        self.entities = entities
    }

    var tables: Tables {
        built.withLock { tables in
            if let tables { return tables }
            let made = Self.make(entities.array)
            tables = made
            return made
        }
    }

    private static func make(_ entities: [Entity]) -> Tables {
        var t = Tables()
        for (i, entity) in entities.enumerated() {
            let prefix = entity.kind.rawValue + ":"
            let name = prefix + Folding.fold(entity.name)
            if t.byName[name] == nil { t.byName[name] = Int32(i) }
            for alias in entity.aliases where alias.kind != .capital {
                let key = prefix + Folding.fold(alias.text)
                if t.byAlias[key] == nil { t.byAlias[key] = Int32(i) }
            }
        }
        for (i, entity) in entities.enumerated() where entity.kind == .place {
            if let container = entity.container, let c = t.entity(named: container, kind: .place), c != Int32(i) {
                t.placesInside[c, default: []].append(Int32(i))
            }
        }
        return t
    }
}

/// A buffer that concurrent workers write at indexes no other worker touches.
struct DisjointWrites<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}

extension Array where Element == Int32 {
    /// Appends a sentence id to a list built in order, once.
    mutating func appendUnlessLast(_ id: Int32) {
        if last != id { append(id) }
    }
}
