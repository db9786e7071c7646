import DossierTime

/// The in-memory model queries run on: documents, sentences, entities, mentions, times and their indexes.
public struct Corpus: Sendable {
    public private(set) var documents: [Document] = []
    public private(set) var sentences: [Sentence] = []
    public private(set) var entities: [Entity]
    public private(set) var mentions: [Mention] = []
    public private(set) var times: [TimeMention] = []
    /// Where each sentence's mentions start in `mentions` (one more entry than sentences).
    public private(set) var mentionStarts: [Int32] = [0]
    /// Sentence ids by entity, ascending.
    public private(set) var entitySentences: [[Int32]]
    public private(set) var entityMentionCounts: [Int]
    /// Sentence ids by folded word: `wordPostings[wordOffsets[id]..<wordOffsets[id + 1]]`, ascending.
    public private(set) var vocabulary = Vocabulary(capacity: 1 << 16)
    public private(set) var wordOffsets: [Int] = [0]
    public private(set) var wordPostings: [Int32] = []
    /// Sentence ids by year their time touches (intervals of up to `yearIndexSpan` years); longer ones in `longSpanSentences`.
    public private(set) var yearSentences: [Int: [Int32]] = [:]
    public private(set) var longSpanSentences: [Int32] = []
    public static let yearIndexSpan = 200
    private var discoveredIndex: [String: Int32] = [:]
    public let lexiconEntityCount: Int

    init(entities: [Entity]) {
        self.entities = entities
        lexiconEntityCount = entities.count
        entitySentences = Array(repeating: [], count: entities.count)
        entityMentionCounts = Array(repeating: 0, count: entities.count)
    }

    public var byteCount: Int { documents.reduce(0) { $0 + $1.byteCount } }

    /// The sentences holding a folded word.
    public func sentences(withWord id: Int32) -> ArraySlice<Int32> {
        wordPostings[wordOffsets[Int(id)]..<wordOffsets[Int(id) + 1]]
    }

    /// The text of a sentence.
    public func text(of sentence: Int32) -> String {
        let s = sentences[Int(sentence)]
        return String(decoding: documents[Int(s.document)].text[Int(s.start)..<Int(s.end)], as: UTF8.self)
    }

    /// The mentions in a sentence, in text order.
    public func mentions(in sentence: Int32) -> ArraySlice<Mention> {
        mentions[Int(mentionStarts[Int(sentence)])..<Int(mentionStarts[Int(sentence) + 1])]
    }

    /// The sentence's periods that date filters test: its explicit expressions (citations excluded), or the inherited one.
    public func periods(of sentence: Int32) -> [Period] {
        let s = sentences[Int(sentence)]
        guard let time = s.time, let basis = s.basis else { return [] }
        if basis != .explicit { return [time] }
        return times[Int(s.times.lowerBound)..<Int(s.times.upperBound)].filter { !$0.isCitation }.map(\.period)
    }

    /// Appends a batch read by one worker: ids are shifted, discovered names merged by folded name,
    /// word postings merged through the corpus vocabulary.
    mutating func append(_ batch: Batch) {
        let sentenceBase = Int32(sentences.count)
        let documentBase = Int32(documents.count)
        let timeBase = Int32(times.count)
        let lexiconBase = Int32(lexiconEntityCount)
        var discoveredMap: [Int32] = []
        for (name, type) in batch.discovered {
            let key = Folding.fold(name)
            if let id = discoveredIndex[key] {
                discoveredMap.append(id)
            } else {
                let id = Int32(entities.count)
                discoveredIndex[key] = id
                entities.append(Entity(name: name, kind: type == "location" ? .place : .actor, type: type,
                                       aliases: [Alias(text: name, kind: .name)], relations: [], origin: .discovered))
                entitySentences.append([])
                entityMentionCounts.append(0)
                discoveredMap.append(id)
            }
        }
        for var document in batch.documents {
            document.sentences = (document.sentences.lowerBound + sentenceBase)..<(document.sentences.upperBound + sentenceBase)
            documents.append(document)
        }
        mentions.reserveCapacity(mentions.count + batch.mentions.count)
        var m = 0
        for (local, batchSentence) in batch.sentences.enumerated() {
            let id = sentenceBase + Int32(local)
            var sentence = batchSentence
            sentence.document += documentBase
            sentence.times = (sentence.times.lowerBound + timeBase)..<(sentence.times.upperBound + timeBase)
            sentences.append(sentence)
            while m < batch.mentions.count, batch.mentions[m].sentence == Int32(local) {
                var mention = batch.mentions[m]
                mention.sentence = id
                if mention.entity >= lexiconBase { mention.entity = discoveredMap[Int(mention.entity - lexiconBase)] }
                mentions.append(mention)
                let e = Int(mention.entity)
                entityMentionCounts[e] += 1
                if entitySentences[e].last != id { entitySentences[e].append(id) }
                m += 1
            }
            mentionStarts.append(Int32(mentions.count))
            indexYears(id, sentence: batchSentence, batchTimes: batch.times)
        }
        for var time in batch.times {
            time.sentence += sentenceBase
            times.append(time)
        }
    }

    /// Builds the word index from every batch at once (counting sort into one flat array): batches must be
    /// the ones appended, in the same order.
    mutating func indexWords(_ batches: [Batch]) {
        var maps: [[Int32]] = []
        for batch in batches {
            maps.append((0..<Int32(batch.vocabulary.count)).map { local in
                batch.vocabulary.bytes(local).withUnsafeBufferPointer { vocabulary.intern($0) }
            })
        }
        var counts = [Int](repeating: 0, count: vocabulary.count + 1)
        for (b, batch) in batches.enumerated() {
            let map = maps[b]
            for pair in batch.wordPairs { counts[Int(map[Int(pair >> 32)]) + 1] += 1 }
        }
        for i in 1..<counts.count { counts[i] += counts[i - 1] }
        wordOffsets = counts
        var cursor = counts
        var postings = [Int32](repeating: 0, count: counts.last!)
        var base: Int32 = 0
        for (b, batch) in batches.enumerated() {
            let map = maps[b]
            for pair in batch.wordPairs {
                let word = Int(map[Int(pair >> 32)])
                postings[cursor[word]] = base + Int32(truncatingIfNeeded: pair)
                cursor[word] += 1
            }
            base += Int32(batch.sentences.count)
        }
        wordPostings = postings
    }

    private mutating func indexYears(_ id: Int32, sentence: Sentence, batchTimes: [TimeMention]) {
        guard let time = sentence.time, let basis = sentence.basis else { return }
        var periods = [time]
        if basis == .explicit {
            periods = batchTimes[Int(sentence.times.lowerBound)..<Int(sentence.times.upperBound)].filter { !$0.isCitation }.map(\.period)
        }
        for period in periods {
            let first = period.start.year, last = period.end.year
            if last - first > Self.yearIndexSpan {
                if longSpanSentences.last != id { longSpanSentences.append(id) }
                continue
            }
            for year in first...last where yearSentences[year, default: []].last != id {
                yearSentences[year, default: []].append(id)
            }
        }
    }

    /// The entity with this name or alias (ignoring case and diacritics) among `kind`, lexicon entries first.
    public func entity(named name: String, kind: EntityKind) -> Int32? {
        let folded = Folding.fold(name)
        var fallback: Int32?
        for (i, entity) in entities.enumerated() where entity.kind == kind {
            if Folding.fold(entity.name) == folded { return Int32(i) }
            if fallback == nil, entity.aliases.contains(where: { $0.kind != .capital && Folding.fold($0.text) == folded }) {
                fallback = Int32(i)
            }
        }
        return fallback
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
