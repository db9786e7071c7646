import DossierTime

/// Documents read by one worker, with sentence ids local to the batch and its own word vocabulary;
/// batches are merged into the corpus in file order.
struct Batch {
    var documents: [Document] = []
    var sentences: [Sentence] = []
    /// Entity ids below `discoveredBase` are lexicon entities; from it up, `discovered` names of this batch.
    var mentions: [FoundMention] = []
    var times: [TimeMention] = []
    /// The periods this batch's sentences are dated by.
    var periods = Numbering<Period>()
    /// The names of the rules that read this batch's time expressions.
    var timeRules = Numbering<String>()
    var discovered: [(name: String, type: String)] = []
    var discoveredIndex: [String: Int] = [:]
    var vocabulary = Vocabulary(capacity: 1 << 14)
    /// Each sentence's distinct words, sentence after sentence, and where each sentence's end: the word index before
    /// sorting, at four bytes a word and sentence (a (word, sentence) pair of eight held twice as much while the
    /// workers' last batches were analysed, the peak of a load).
    var sentenceWords: [UInt32] = []
    var sentenceWordEnds: [Int32] = []
    /// How often each word of the batch occurs (tokens), for word statistics over the whole corpus.
    var wordCounts: [Int32] = []
    var diagnostics: [Diagnostic] = []
    /// A checksum of each document's clean text, made by the worker, so identical documents are found without
    /// reading every text again after the merge.
    var textSums: [UInt64] = []

    /// The batch's word index sorted by word (counting sort), its lists stored as gaps: what the corpus merges. Its
    /// loops read and write through buffers: an array checks its bounds, and that it is not shared, at every posting.
    func wordIndex() -> WordIndexPart {
        var starts = [Int](repeating: 0, count: vocabulary.count + 1)
        var postings = [Int32](repeating: 0, count: sentenceWords.count)
        var offsets = [Int](repeating: 0, count: vocabulary.count + 1)
        sentenceWords.withUnsafeBufferPointer { words in
            starts.withUnsafeMutableBufferPointer { starts in
                for word in words { starts[Int(word) + 1] += 1 }
                for i in 1..<starts.count { starts[i] += starts[i - 1] }
                let cursor = UnsafeMutableBufferPointer<Int>.allocate(capacity: starts.count)
                defer { cursor.deallocate() }
                _ = cursor.initialize(from: starts)
                postings.withUnsafeMutableBufferPointer { postings in
                    var first = 0
                    for (sentence, end) in sentenceWordEnds.enumerated() {
                        for word in words[first..<Int(end)] {
                            postings[cursor[Int(word)]] = Int32(sentence)
                            cursor[Int(word)] += 1
                        }
                        first = Int(end)
                    }
                }
            }
        }
        postings.withUnsafeBufferPointer { postings in
            for word in 0..<vocabulary.count {
                offsets[word + 1] = offsets[word] + PostingGaps.size(of: postings[starts[word]..<starts[word + 1]])
            }
        }
        let bytes = [UInt8](fillingCapacity: offsets.last!) { out, count in
            count = 0
            postings.withUnsafeBufferPointer { postings in
                for word in 0..<vocabulary.count { PostingGaps.write(postings[starts[word]..<starts[word + 1]], to: out, at: &count) }
            }
        }
        let lastSentences = (0..<vocabulary.count).map { word in starts[word] < starts[word + 1] ? postings[starts[word + 1] - 1] : -1 }
        return WordIndexPart(words: vocabulary.arena, wordEnds: vocabulary.offsets, offsets: offsets, postings: bytes,
                             lastSentences: lastSentences, sentenceCount: sentences.count, counts: wordCounts)
    }

    /// Copies the growing arrays into ones of their exact size, so that batches waiting to be merged hold no spare room.
    mutating func shrink() {
        sentences = sentences.withUnsafeBufferPointer { Array($0) }
        mentions = mentions.withUnsafeBufferPointer { Array($0) }
        times = times.withUnsafeBufferPointer { Array($0) }
    }
}

/// One batch's word index: sentences (local to the batch) by the batch's word ids, as `PostingGaps` lists:
/// word `w` is `words[wordEnds[w]..<wordEnds[w + 1]]` and its list `postings[offsets[w]..<offsets[w + 1]]`. Its words
/// are kept without the vocabulary's hash table: the merge only reads them.
struct WordIndexPart: Sendable {
    var words: [UInt8]
    var wordEnds: [Int32]
    var offsets: [Int]
    var postings: [UInt8]
    /// The last sentence of each word's list (-1 for an empty one), so the merge knows where the next batch's list
    /// of the word starts from without decoding this one.
    var lastSentences: [Int32]
    var sentenceCount: Int
    /// Tokens of each word (by the batch's word ids; words interned but never counted may be past its end).
    var counts: [Int32]
}

/// A file to analyse: where it is, its bytes, and what the manifest says of it.
struct SourceFile: Sendable {
    var path: String
    var displayPath: String
    var bytes: [UInt8]
    var manifest: Manifest.Entry?
    /// The document's id when its container gives one (a record of a collection file); else from the file name.
    var id: String? = nil
}

/// A file read, cleaned and split into sentences, and maybe tokenised: what its analysis does before it needs the batch,
/// so a core with no batch of its own left can do it for a batch still being analysed (`ReadAhead`).
struct PreparedText: Sendable {
    /// The file, without its bytes (`byteCount` says how many there were).
    var file: SourceFile
    var byteCount: Int
    var diagnostics: [Diagnostic]
    var clean: CleanText
    var stated: PublicationDate?
    /// Each sentence's paragraph and bytes, in text order.
    var sentences: [(paragraph: Int32, range: Range<Int>)] = []
    /// Every sentence's tokens, one sentence after another, and where each sentence's end; empty when not tokenised.
    var tokens: [WordToken] = []
    var tokenEnds: [Int] = []
    /// Every sentence's times (`DocumentTimes`), read with its tokens; empty when not tokenised.
    var times: [SentenceTimes] = []
    /// The publication date: the manifest's, else the one the text states, a date with slashes read in the document's
    /// order (`slashOrder`).
    var date: Period?
    /// The publication date as written with slashes, when it was.
    var writtenDate: SlashDate?
    /// Which number the document's dates with slashes put first.
    var slashOrder = SlashOrder(fileDayFirst: nil, writtenDate: nil)
}

/// Turns files into documents, sentences, mentions, times and word postings. One per worker thread.
struct DocumentAnalyzer {
    let matcher: EntityMatcher
    let furniture: Furniture
    let lexiconEntityCount: Int32
    /// By lexicon entity: whether it is a person, whose surname alone names them later in a document.
    private let people: [Bool]
    /// The lexicon's entities, for the few questions asked of one: whether it is an actor, what an alias is written as.
    private let entities: [Entity]
    let extractor = TimeExpressionExtractor()
    private(set) var batch = Batch()
    /// Asked every 256 sentences (Ctrl-C): a long document's analysis ends early, its document cut, and the load that
    /// asked is given up.
    var shouldStop: @Sendable () -> Bool = { false }
    private let discovery: NameDiscovery
    private let months: MonthAbbreviations
    private let organs: OrgansOfState
    private let companyCues: CompanyCues
    private let townsOfOtherRegions: TownsOfOtherRegions
    private let statesNamedLikeCities: StatesNamedLikeCities
    private let diseases: DiseaseNames
    private let caseNames: CaseNames
    private let courtNames: CourtNames
    /// Family names written first ("Kim" of "Kim Jong Un"), by which a person named in full goes later in the document.
    private let familyFirstIds: WordSet
    /// The lexicon name each word that misspells one stands for, by word id (`WordFacts.misspelling` says which words).
    private var misspellings: [Int32: EntityMatcher.Target] = [:]
    /// Common words of the language (`word` lines of the name lists), and whether each capitalised word asked about is one.
    private let commonWords: WordList
    /// The entities with a shared nationality word, each with the peoples whose names hold that word (India: the
    /// Native Americans of "American Indians", "Indian tribes"), for `dropLoneSharedDemonyms`.
    private let sharedDemonymPeoples: [Int32: Set<Int32>]
    /// Those entities and their peoples: the mentions `dropLoneSharedDemonyms` reads.
    private let sharedDemonymWatched: Set<Int32>
    /// By word id: 0 not asked yet, 1 no, 2 yes.
    private var isCommonWord: [UInt8] = []
    private var english: [Bool] = []
    private var table = WordTable()
    private var triggers = TimeTriggers()
    private var tokens: [WordToken] = []
    private var words: [Int] = []
    private var ids: [Int32] = []
    private var lexIds: [Int32] = []
    private var joined: [Bool] = []
    private var covered: [Bool] = []
    private var places: [Bool] = []
    /// Where the one-word organisations that open a longer capitalised name start in the sentence (`lendOneWordBodies`).
    private var lentBodies: [Int32] = []
    /// Words of the places named in the sentence (lexicon or discovered), which lead lists of one-word places.
    private var placeWords: [Bool] = []
    /// The document's capitalised words that no rule explained, one entry per occurrence: a one-word place or a surname
    /// told later in the document ("Aruba ( ; ) is a country ...", then "interest in Aruba") names them too.
    private var unexplained: [(word: Int32, sentence: Int32, start: Int32, end: Int32, isCitation: Bool)] = []
    /// Where each word is folded before it is interned: words over 1 KB are cut to that.
    private let scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 2048)
    private let recent = RecentWords()
    /// The words of the sentence being read, as the token loop finds them.
    private var wordBuffer = SentenceWordBuffer()
    /// Whether a document's date with slashes read month first for want of an order was said already.
    private var saidUnsureSlashDate = false

    /// `rules`: those of `entities`, made here when not given (a load makes them once for all its analyzers).
    init(matcher: EntityMatcher, furniture: Furniture, names: NameLists, entities: [Entity], rules: EntityRules? = nil) {
        let rules = rules ?? EntityRules(entities: entities)
        self.matcher = matcher
        self.furniture = furniture
        lexiconEntityCount = Int32(entities.count)
        people = rules.people
        self.entities = entities
        discovery = NameDiscovery(vocabulary: &batch.vocabulary, names: names)
        months = MonthAbbreviations(vocabulary: &batch.vocabulary)
        organs = OrgansOfState(vocabulary: &batch.vocabulary)
        companyCues = CompanyCues(vocabulary: &batch.vocabulary)
        townsOfOtherRegions = rules.townsOfOtherRegions
        statesNamedLikeCities = rules.statesNamedLikeCities
        diseases = DiseaseNames(vocabulary: &batch.vocabulary, names: names, openers: discovery.openerIds)
        caseNames = CaseNames(vocabulary: &batch.vocabulary, openers: discovery.openerIds)
        courtNames = CourtNames(vocabulary: &batch.vocabulary, openers: discovery.openerIds)
        familyFirstIds = WordSet(interning: names.familyFirst, into: &batch.vocabulary)
        commonWords = names.words
        sharedDemonymPeoples = rules.sharedDemonymPeoples
        sharedDemonymWatched = rules.sharedDemonymWatched
    }

    /// Hands over the batch; the analyzer is done after this.
    mutating func finish() -> Batch {
        scratch.deallocate()
        recent.deallocate()
        wordBuffer.deallocate()
        batch.wordCounts = (0..<table.count).map { table[Int32($0)].pointee.count }
        table.deallocate()
        defer { batch = Batch() }
        return batch
    }

    mutating func analyze(_ file: SourceFile) {
        analyze(Self.prepare(file, furniture: furniture, words: commonWords, extractor: extractor, tokenising: false))
    }

    /// Reads, cleans and splits a file into sentences, the part of its analysis that needs nothing of the batch;
    /// `tokenising` also tokenises every sentence and reads its times, which the analysis otherwise does sentence by
    /// sentence.
    static func prepare(_ file: SourceFile, furniture: Furniture, words: WordList, extractor: TimeExpressionExtractor,
                        tokenising: Bool) -> PreparedText {
        let decoded = TextDecoding.decode(file.bytes, path: file.displayPath)
        let spoken = Subtitles.spoken(decoded.bytes) ?? decoded.bytes
        let markdown = file.path.lowercased().hasSuffix(".md")
        let markup = markdown ? MarkdownText.plain(spoken) : nil
        let clean = Cleaning.clean(markup?.text ?? spoken, furniture: furniture, words: words, blockStarts: markup?.blockStarts)
        let fileName = file.path.split(separator: "/").last.map(String.init) ?? file.path
        // A collection's file name says nothing of when each of its records was published.
        let stated = PublicationDate.read(clean, fileName: file.id == nil ? fileName : "", extractor: extractor)
        var prepared = PreparedText(file: file, byteCount: file.bytes.count, diagnostics: decoded.diagnostics, clean: clean, stated: stated)
        prepared.file.bytes = []
        if markdown, let front = MarkdownText.frontMatter(decoded.bytes) { prepared.file.manifest = front.under(file.manifest) }
        // A date with slashes both orders read ("Published: 03/04/2021", a page's or a note's date) is read in the order
        // the document shows ("Peru met Chile on 20/04/2021"), as are those of its text.
        let manifest = prepared.file.manifest
        var slashOrder = SlashOrder(fileDayFirst: manifest?.slashDayFirst, writtenDate: manifest?.writtenSlashDate)
        clean.bytes.withUnsafeBufferPointer { text in
            if let manifest, let date = manifest.date {
                prepared.writtenDate = manifest.writtenSlashDate
                prepared.date = slashOrder.reread(date, written: manifest.writtenSlashDate, text: text)
            } else {
                let written = stated?.statement.flatMap { SlashDate.all(in: UnsafeBufferPointer(rebasing: text[$0])).first }
                prepared.writtenDate = written
                prepared.date = stated.flatMap { slashOrder.reread($0.period, written: written, text: text) }
            }
        }
        prepared.slashOrder = slashOrder
        // Room for a token every four bytes, more than prose has: the file's tokens were copied as they outgrew their room.
        if tokenising { prepared.tokens.reserveCapacity(clean.bytes.count / 4 + 16) }
        var times = DocumentTimes(extractor: extractor, documentDate: prepared.date, publicationStatement: stated?.statement,
                                  slashOrder: slashOrder)
        var triggers = TimeTriggers()
        clean.bytes.withUnsafeBufferPointer { text in
            for (p, paragraph) in clean.paragraphs.enumerated() {
                SentenceSplitter.split(text, paragraph) { range in
                    prepared.sentences.append((Int32(p), range))
                    if tokenising {
                        let first = prepared.tokens.count
                        Tokenizer.tokenize(text, range, into: &prepared.tokens)
                        prepared.tokenEnds.append(prepared.tokens.count)
                        let sentenceText = UnsafeBufferPointer(rebasing: text[range])
                        triggers.startSentence()
                        for token in prepared.tokens[first...] where token.kind != .punctuation {
                            // No batch to remember a word's answer in: each word is asked.
                            var timeWord: Int8 = -1
                            triggers.add(token, run: (Int(token.start) &- range.lowerBound)..<(Int(token.end) &- range.lowerBound),
                                         timeWord: &timeWord, in: sentenceText)
                        }
                        prepared.times.append(times.read(text, range, paragraph: Int32(p), triggers: triggers.found))
                    }
                }
            }
        }
        return prepared
    }

    mutating func analyze(_ prepared: PreparedText) {
        let file = prepared.file
        batch.diagnostics += prepared.diagnostics
        let clean = prepared.clean
        let fileName = file.path.split(separator: "/").last.map(String.init) ?? file.path
        let id = file.id ?? Document.id(fileName: fileName)
        let docIndex = Int32(batch.documents.count)
        let firstSentence = Int32(batch.sentences.count)
        let stated = prepared.stated
        let manifest = file.manifest.flatMap { entry in entry.date.map { (date: $0, source: entry.dateSource) } }
        let date = prepared.date
        var slashOrder = prepared.slashOrder
        // Said once, for the first such document (a collection file says it once for all its records).
        if !saidUnsureSlashDate, let written = prepared.writtenDate, written.isAmbiguous, manifest?.source != .record,
           clean.bytes.withUnsafeBufferPointer({ slashOrder.dayFirst($0) }) == nil {
            saidUnsureSlashDate = true
            batch.diagnostics.append(Diagnostic(.note, at: SourceLocation(file: file.displayPath, line: 1, column: 1),
                                                "its date \(written.first)/\(written.second)/\(written.year) is read month first, as nothing in "
                                                + "the document says which comes first, and so are other documents' dates like it; write "
                                                + "YYYY-MM-DD to be sure"))
        }
        let dateSource = manifest?.source ?? stated?.source ?? .unknown
        let dateLine = stated?.line
        var times = DocumentTimes(extractor: extractor, documentDate: date, publicationStatement: stated?.statement, slashOrder: slashOrder)
        var surnames: [Int32: Int32] = [:]
        let firstMention = batch.mentions.count
        unexplained.removeAll(keepingCapacity: true)
        clean.bytes.withUnsafeBufferPointer { text in
            var poll = StopPoll(shouldStop, every: 256)
            for (n, (p, range)) in prepared.sentences.enumerated() {
                if poll.step() { break }
                let tokens = prepared.tokenEnds.isEmpty ? nil : prepared.tokens[(n == 0 ? 0 : prepared.tokenEnds[n - 1])..<prepared.tokenEnds[n]]
                analyzeSentence(text, range, tokens: tokens, times: prepared.times.isEmpty ? nil : prepared.times[n], document: docIndex,
                                paragraph: p, isHeading: clean.headings[Int(p)], documentTimes: &times, surnames: &surnames)
            }
        }
        nameEarlierShortForms(surnames, from: firstMention)
        dropLoneSharedDemonyms(from: firstMention)
        let sentences = batch.sentences.dropFirst(Int(firstSentence))
        let title = file.manifest?.title ?? Self.subject(clean) ?? (sentences.first { Int($0.paragraph) != dateLine && !Self.isField(clean, $0) }
            ?? sentences.first { Int($0.paragraph) != dateLine }).map { first in
            Self.shortTitle(String(decoding: clean.bytes[Int(first.start)..<Int(first.end)], as: UTF8.self))
        } ?? id
        batch.documents.append(Document(id: id, path: file.displayPath, title: title, date: date,
                                        dateSource: dateSource, kind: file.manifest?.kind,
                                        text: clean.bytes, sentences: firstSentence..<Int32(batch.sentences.count),
                                        paragraphCount: clean.paragraphs.count, byteCount: prepared.byteCount,
                                        fields: file.manifest?.fields ?? []))
        if clean.paragraphs.isEmpty {
            batch.diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: file.displayPath, line: 1, column: 1),
                                                "no text in this file (empty, or only web furniture)"))
        }
        // tester20 #2: a list of names (an infobox's commanders) went as a menu without a word.
        if let first = clean.leftOut.first {
            let lines = clean.leftOut.reduce(0) { $0 + $1.count }
            let runs = clean.leftOut.count
            batch.diagnostics.append(Diagnostic(.note, at: SourceLocation(file: file.displayPath, line: first.line, column: 1),
                                                "\(lines) short lines left out as \(runs == 1 ? "a menu or a list of tags" : "\(runs) menus or lists of tags") "
                                                + Cleaning.leftOutReason))
        }
    }

    /// A shared nationality word is not its entry in a document that names a people sharing the word and never the
    /// entry: "the Indians" beside "Indian tribes" in a document that never names India are no mention of India
    /// (tester17 #16: 555 of the 559 sentences of India in the 19th-century State of the Union addresses were about
    /// the native peoples of the Americas).
    private mutating func dropLoneSharedDemonyms(from first: Int) {
        guard !sharedDemonymPeoples.isEmpty, first < batch.mentions.count else { return }
        var shared: Set<Int32> = []
        var named: Set<Int32> = []
        // Only the entities the rule asks about are noted: a document's every mention went into a set.
        for m in batch.mentions[first...] where sharedDemonymWatched.contains(m.entity) {
            if sharedDemonymPeoples[m.entity] != nil, m.rule == .alias, entities[Int(m.entity)].aliases[Int(m.alias)].kind == .sharedDemonym {
                shared.insert(m.entity)
            } else {
                named.insert(m.entity)
            }
        }
        // A document that names a people of the same word and never the entry itself ("the Indians" beside "Indian
        // tribes", and no India) means the people: "Indian officials" of a story that never names India is still India.
        let lone = shared.subtracting(named).filter { !sharedDemonymPeoples[$0]!.isDisjoint(with: named) }
        guard !lone.isEmpty else { return }
        var kept = Array(batch.mentions[first...])
        kept.removeAll { lone.contains($0.entity) }
        batch.mentions.replaceSubrange(first..., with: kept)
    }

    /// For each entity with a shared nationality word, the peoples (actors of type "ethnic group") with a name holding it.
    static func peoplesSharing(_ entities: [Entity]) -> [Int32: Set<Int32>] {
        var result: [Int32: Set<Int32>] = [:]
        let peoples = entities.indices.filter { entities[$0].type == "ethnic group" }
        for e in entities.indices {
            let words = Set(entities[e].aliases.filter { $0.kind == .sharedDemonym }.map { Folding.fold($0.text) })
            guard !words.isEmpty else { continue }
            result[Int32(e)] = Set(peoples.filter { p in
                p != e && entities[p].aliases.contains { $0.text.split(separator: " ").contains { words.contains(Folding.fold(String($0))) } }
            }.map(Int32.init))
        }
        return result
    }

    /// Labels of a field whose value is the document's title: an e-mail's "Subject:", a release's "Title:".
    static let titleLabels: [[UInt8]] = ["subject:", "title:", "headline:", "re:"].map { Array($0.utf8) }

    /// The value of a "Subject:" or "Title:" line among the first five paragraphs when they hold a block of such fields
    /// (two or more: an e-mail's headers), the title a reader gives an e-mailed release (tester18 #20i: it was titled
    /// "From: Press Office").
    static func subject(_ clean: CleanText) -> String? {
        guard clean.paragraphs.prefix(5).filter({ Cleaning.startsField(clean.bytes[$0]) }).count >= 2 else { return nil }
        for range in clean.paragraphs.prefix(5) {
            let paragraph = clean.bytes[range]
            guard let label = titleLabels.first(where: { label in
                paragraph.count > label.count && zip(paragraph, label).allSatisfy { ($0 | 0x20) == $1 || $0 == $1 }
            }) else { continue }
            let value = String(decoding: paragraph.dropFirst(label.count), as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if !value.isEmpty { return shortTitle(value) }
        }
        return nil
    }

    /// Whether a sentence is a whole paragraph that is a labelled field ("Author: Tom Hill"), no title.
    static func isField(_ clean: CleanText, _ sentence: Sentence) -> Bool {
        let paragraph = clean.paragraphs[Int(sentence.paragraph)]
        return Int(sentence.start) == paragraph.lowerBound && Int(sentence.end) >= paragraph.upperBound - 1
            && Cleaning.startsField(clean.bytes[paragraph])
    }

    /// A title from a document's first sentence: at most 100 characters, cut at a word.
    static func shortTitle(_ sentence: String) -> String {
        guard sentence.count > 100 else { return sentence }
        let cut = sentence.prefix(100)
        return String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + " …"
    }

    /// Analyses one sentence, from its `tokens` and `times` when they were made ahead (else its times are read with
    /// `documentTimes`).
    private mutating func analyzeSentence(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, tokens prepared: ArraySlice<WordToken>?,
                                          times preparedTimes: SentenceTimes?, document: Int32, paragraph: Int32,
                                          isHeading: Bool, documentTimes: inout DocumentTimes, surnames: inout [Int32: Int32]) {
        let sentence = Int32(batch.sentences.count)
        tokens.removeAll(keepingCapacity: true)
        if let prepared { tokens.append(contentsOf: prepared) } else { Tokenizer.tokenize(text, range, into: &tokens) }
        triggers.startSentence()
        let sentenceText = UnsafeBufferPointer(rebasing: text[range])
        var separated = true
        wordBuffer.reserve(tokens.count)
        var wordCount = 0
        var distinctCount = 0
        for (t, token) in tokens.enumerated() {
            if token.kind == .punctuation {
                let m = token.mark
                // Hyphens, apostrophes, full stops and ampersands keep words together ("Jean-Yves", "N'Djamena", "U.S.",
                // "Smith & Wesson"); other marks, dashes and quotes included, separate them.
                let typographic = m == 0xE2 && token.end - token.start == 3 && text[Int(token.start) + 1] == 0x80
                    && [0x90, 0x91, 0x99].contains(text[Int(token.start) + 2])
                if !(m == 0x2D || m == 0x27 || m == 0x2E || m == 0x26 || typographic) { separated = true }
                continue
            }
            // A short ASCII word met lately is found from its bytes in the text, without folding it first.
            let ascii = RecentWords.key(text, Int(token.start)..<Int(token.end))
            let long = ascii == nil ? RecentWords.longKey(text, Int(token.start)..<Int(token.end)) : nil
            let id: Int32
            if let ascii, let known = recent.id(for: ascii) {
                id = known
            } else if let long, let known = recent.id(for: long) {
                id = known
            } else {
                let length = Folding.fold(UnsafeBufferPointer(rebasing: text[Int(token.start)..<Int(token.end)]), into: scratch)
                let folded = UnsafeBufferPointer(rebasing: scratch[0..<length])
                let key = ascii ?? RecentWords.key(folded)
                id = (ascii == nil ? key.flatMap(recent.id(for:)) : nil) ?? batch.vocabulary.intern(folded)
                if let key { recent.remember(key, id) }
                if let long { recent.remember(long, id) }
                table.cover(id)
                if table[id].pointee.lexiconId == -2 { table[id].pointee.lexiconId = matcher.id(of: folded) }
            }
            let facts = table[id]
            facts.pointee.count &+= 1
            if token.kind == .word, !token.isCapitalized { facts.pointee.seenLowercase = true }
            if preparedTimes == nil {
                triggers.add(token, run: (Int(token.start) &- range.lowerBound)..<(Int(token.end) &- range.lowerBound),
                             timeWord: &facts.pointee.timeWord, in: sentenceText)
            }
            if facts.pointee.lastSentence != sentence {
                facts.pointee.lastSentence = sentence
                (wordBuffer.distinct + distinctCount).initialize(to: UInt32(id))
                distinctCount &+= 1
            }
            wordBuffer.write(wordCount, token: t, id: id, lexiconId: facts.pointee.lexiconId, joined: !separated)
            wordCount &+= 1
            separated = false
        }
        batch.sentenceWords.append(contentsOf: UnsafeBufferPointer(start: wordBuffer.distinct, count: distinctCount))
        words.removeAll(keepingCapacity: true)
        words.append(contentsOf: UnsafeBufferPointer(start: wordBuffer.tokens, count: wordCount))
        ids.removeAll(keepingCapacity: true)
        ids.append(contentsOf: UnsafeBufferPointer(start: wordBuffer.ids, count: wordCount))
        lexIds.removeAll(keepingCapacity: true)
        lexIds.append(contentsOf: UnsafeBufferPointer(start: wordBuffer.lexiconIds, count: wordCount))
        joined.removeAll(keepingCapacity: true)
        joined.append(contentsOf: UnsafeBufferPointer(start: wordBuffer.joined, count: wordCount))
        covered.setAllFalse(count: words.count)
        places.setAllFalse(count: words.count)
        let firstMention = batch.mentions.count
        // The mentions are appended to the batch's array taken out of the analyzer: a closure that held the analyzer
        // made the matcher be copied at every sentence.
        var mentions: [FoundMention] = []
        swap(&mentions, &batch.mentions)
        matcher.match(text: text, tokens: tokens, words: words, ids: lexIds, joined: joined, emit: { target, start, end in
            mentions.append(FoundMention(entity: target.entity, sentence: sentence, start: Int32(start), end: Int32(end),
                                         rule: .alias, alias: target.alias))
        }, covered: &covered, places: &places)
        swap(&mentions, &batch.mentions)
        if isShouting() { dropShoutedWords(text, from: firstMention) }
        dropTownsOfOtherRegions(text, from: firstMention)
        nameStatesLikeCities(text, from: firstMention)
        dropPlacesNamingDiseases(from: firstMention)
        takeDefinedAcronyms(text, from: firstMention, surnames: surnames)
        // "Jan. 6", "in Aug.": a month's abbreviation is a date, no name, nor part of one.
        for k in words.indices where !covered[k] && months.isDate(k, tokens: tokens, words: words, ids: ids) { covered[k] = true }
        findMisspellings(text, sentence: sentence)
        if !isHeading {
            rememberSurnames(from: firstMention, surnames: &surnames)
            discover(text, sentence: sentence, firstMention: firstMention, surnames: &surnames)
        }
        if batch.mentions.count - firstMention > 1 {
            batch.mentions[firstMention...].sort { ($0.start, $0.entity) < ($1.start, $1.entity) }
        }
        let times = preparedTimes ?? documentTimes.read(text, range, paragraph: paragraph, triggers: triggers.found)
        for expression in times.expressions where expression.isCitation {
            markCitation(text, year: range.lowerBound + expression.range.lowerBound, from: firstMention)
        }
        for expression in times.expressions {
            batch.times.append(TimeMention(sentence: sentence, start: Int32(range.lowerBound + expression.range.lowerBound),
                                           end: Int32(range.lowerBound + expression.range.upperBound), period: expression.period,
                                           isCitation: expression.isCitation, rule: UInt16(batch.timeRules.number(expression.rule))))
        }
        batch.sentenceWordEnds.append(Int32(batch.sentenceWords.count))
        batch.sentences.append(Sentence(document: document, paragraph: paragraph, start: Int32(range.lowerBound),
                                        end: Int32(range.upperBound), period: batch.periods.number(times.time), basis: times.basis,
                                        isHeading: isHeading))
    }

    /// Marks the names of a citation whose year starts at `year` as citation mentions: those between the "(" or ";"
    /// that opens the reference and the year ("(France 24 2021)", "(Grimm & Navy 2014: 205)"), or, for a year in
    /// parentheses of its own, the name just before them ("Czechowska's (2013) division").
    private mutating func markCitation(_ text: UnsafeBufferPointer<UInt8>, year: Int, from firstMention: Int) {
        var i = year - 1
        while i >= 0, text[i] == 0x20 { i -= 1 }
        let names: Range<Int>
        if i >= 0, text[i] == UInt8(ascii: "(") {
            var end = i
            while end > 0, text[end - 1] == 0x20 { end -= 1 }
            names = max(0, end - 4)..<end
            for k in batch.mentions.indices[firstMention...] where names.contains(Int(batch.mentions[k].end) - 1)
                || Int(batch.mentions[k].end) == end {
                batch.mentions[k].isCitation = true
            }
            // Words of this sentence that a later sentence may name ("(Stronski 2019)" before "Paul Stronski"), in text order.
            for k in unexplained.indices.reversed() {
                guard Int(unexplained[k].end) >= names.lowerBound else { break }
                if names.contains(Int(unexplained[k].end) - 1) || Int(unexplained[k].end) == end { unexplained[k].isCitation = true }
            }
            return
        }
        var open = year - 1
        while open >= max(0, year - 200) {
            let b = text[open]
            if b == UInt8(ascii: "(") || b == UInt8(ascii: ";") { break }
            if b == UInt8(ascii: ")") || b == 0x0A { return }
            open -= 1
        }
        guard open >= 0, open >= year - 200 else { return }
        names = (open + 1)..<year
        for k in batch.mentions.indices[firstMention...]
            where names.contains(Int(batch.mentions[k].start)) && Int(batch.mentions[k].end) <= year {
            batch.mentions[k].isCitation = true
        }
        // Words of this sentence that a later sentence may name ("(Stronski 2019)" before "Paul Stronski").
        for k in unexplained.indices.reversed() {
            guard Int(unexplained[k].end) >= names.lowerBound else { break }
            if names.contains(Int(unexplained[k].start)) && Int(unexplained[k].end) <= year { unexplained[k].isCitation = true }
        }
    }

    /// Whether the sentence is written in capitals: three words or more in capitals and none in lower case ("LET US PRAY FOR
    /// PEACE"), where a common word and an acronym look alike.
    private func isShouting() -> Bool {
        var capitals = 0
        for k in words.indices {
            let token = tokens[words[k]]
            guard token.kind == .word else { continue }
            if !token.isCapitalized { return false }
            if token.isAllCaps { capitals += 1 }
        }
        return capitals >= 3
    }

    /// In a sentence in capitals, an acronym of the lexicon that is a common word of the language ("US" in "LET US PRAY", "IS"
    /// in "IT IS TIME", "ACT" in "THE PAYNE TARIFF ACT") is the word: it needs its full stops ("U.S.") to be the name there.
    /// Names that are words, matched whatever their case ("RUSSIA", "CONGRESS"), stand.
    private mutating func dropShoutedWords(_ text: UnsafeBufferPointer<UInt8>, from first: Int) {
        var dropped: [Int] = []
        for (n, m) in batch.mentions[first...].enumerated() where m.rule == .alias && Self.isWordLikeAcronym(entities[Int(m.entity)].aliases[Int(m.alias)].text) {
            let k = firstWord(startingAtOrAfter: m.start)
            guard k < words.count, tokens[words[k]].end == m.end, commonWords.contains(batch.vocabulary.bytes(ids[k])) else { continue }
            covered[k] = false
            places[k] = false
            dropped.append(first + n)
        }
        for n in dropped.reversed() { batch.mentions.remove(at: n) }
    }

    /// "Moscow, Idaho", "Paris, Texas": a city of the lexicon the text places in another region or state is another town
    /// (`TownsOfOtherRegions`); its mentions go, and its words are left to discovery, which reads a town before its region.
    private mutating func dropTownsOfOtherRegions(_ text: UnsafeBufferPointer<UInt8>, from first: Int) {
        let spans = townsOfOtherRegions.spans(in: batch.mentions[first...], entities: entities, text: text)
        guard !spans.isEmpty else { return }
        var kept = Array(batch.mentions[first...])
        kept.removeAll { m in spans.contains { $0 == (m.start, m.end) } }
        batch.mentions.replaceSubrange(first..., with: kept)
        for (start, end) in spans {
            for k in firstWord(startingAtOrAfter: start)..<words.count {
                guard tokens[words[k]].start < end else { break }
                covered[k] = false
                places[k] = false
            }
        }
    }

    /// "Buffalo, New York", "Seattle, Washington", "Athens, Georgia": a state's name after a town and a comma is that state
    /// (`StatesNamedLikeCities`); the government or the country of that name is no mention there.
    private mutating func nameStatesLikeCities(_ text: UnsafeBufferPointer<UInt8>, from first: Int) {
        let states = statesNamedLikeCities.states(in: batch.mentions[first...], entities: entities, tokens: tokens, text: text)
        guard !states.isEmpty else { return }
        var dropped: [Int] = []
        for (n, state) in states {
            let m = batch.mentions[n]
            if state >= 0 {
                batch.mentions[n] = FoundMention(entity: state, sentence: m.sentence, start: m.start, end: m.end, rule: .alias, alias: 0)
            } else {
                dropped.append(n)
            }
        }
        for n in dropped.reversed() { batch.mentions.remove(at: n) }
    }

    /// "Spanish flu", "Guinea worm", "West Nile virus": a place, state or nationality word that opens a disease's name (`DiseaseNames`)
    /// is no mention; its words stay covered, so that no other name takes them.
    private mutating func dropPlacesNamingDiseases(from first: Int) {
        var dropped: [Int] = []
        for n in first..<batch.mentions.count where batch.mentions[n].rule == .alias {
            let m = batch.mentions[n]
            let entity = entities[Int(m.entity)]
            guard entity.kind == .place || entity.type == "state" || entity.type == "former state" else { continue }
            let last = firstWord(startingAtOrAfter: m.end) - 1
            // "the U.S. measles outbreak": an acronym opens no disease's name.
            guard last >= 0, tokens[words[last]].end == m.end, !tokens[words[last]].isAllCaps,
                  diseases.closesDisease(after: last, tokens: tokens, words: words, ids: ids, joined: joined) else { continue }
            dropped.append(n)
            for k in firstWord(startingAtOrAfter: m.start)...last { places[k] = false }
        }
        for n in dropped.reversed() { batch.mentions.remove(at: n) }
    }

    /// "the Antigua Labour Party (ALP)": the words an acronym spells out may be taken into one discovered name even where the
    /// lexicon matched some of them, and the acronym is left to discovery, which makes it that name here and later in the
    /// document (`DefinedAcronyms`); a name the lexicon knows whole ("Australian Labor Party (ALP)") stays. Later, an acronym
    /// the document defined so is that name, not the lexicon's ("The ALP leader spoke").
    private mutating func takeDefinedAcronyms(_ text: UnsafeBufferPointer<UInt8>, from first: Int, surnames: [Int32: Int32]) {
        var spans: [(Int32, Int32)] = []
        for k in words.indices where covered[k] && tokens[words[k]].isAllCaps {
            if let entity = surnames[ids[k]], entity >= lexiconEntityCount { spans.append((tokens[words[k]].start, tokens[words[k]].end)) }
        }
        for definition in DefinedAcronyms.definitions(tokens: tokens, words: words, joined: joined, text: text) {
            let (start, end) = (tokens[words[definition.first]].start, tokens[words[definition.last]].end)
            guard (definition.first...definition.last).contains(where: { covered[$0] }),
                  !batch.mentions[first...].contains(where: { $0.start == start && $0.end == end }) else { continue }
            for k in definition.first...definition.last where covered[k] { places[k] = true }
            let acronym = tokens[words[definition.acronym]]
            if covered[definition.acronym] { spans.append((acronym.start, acronym.end)) }
        }
        guard !spans.isEmpty else { return }
        var kept = Array(batch.mentions[first...])
        kept.removeAll { m in spans.contains { $0 == (m.start, m.end) } }
        batch.mentions.replaceSubrange(first..., with: kept)
        for k in words.indices where spans.contains(where: { $0 == (tokens[words[k]].start, tokens[words[k]].end) }) {
            covered[k] = false
            places[k] = false
        }
    }

    /// Whether an alias is one word of two to six capitals and nothing else ("US", "WHO"; not "U.S." or "NATO's").
    static func isWordLikeAcronym(_ alias: String) -> Bool {
        let bytes = alias.utf8
        return (2...6).contains(bytes.count) && bytes.allSatisfy { (0x41...0x5A).contains($0) }
    }

    private mutating func findMisspellings(_ text: UnsafeBufferPointer<UInt8>, sentence: Int32) {
        for k in words.indices where !covered[k] && lexIds[k] < 0 {
            let token = tokens[words[k]]
            guard token.kind == .word, token.isCapitalized, !token.isAllCaps, token.end - token.start >= 7 else { continue }
            let id = ids[k]
            let facts = table[id]
            if facts.pointee.misspelling == 0 {
                let found = matcher.misspelling(of: Array(batch.vocabulary.bytes(id)))
                facts.pointee.misspelling = found == nil ? 1 : 2
                if let found { misspellings[id] = found }
            }
            guard facts.pointee.misspelling == 2, let target = misspellings[id] else { continue }
            covered[k] = true
            batch.mentions.append(FoundMention(entity: target.entity, sentence: sentence, start: token.start, end: token.end,
                                               rule: .misspelling, alias: target.alias))
        }
    }

    private mutating func discover(_ text: UnsafeBufferPointer<UInt8>, sentence: Int32, firstMention: Int, surnames: inout [Int32: Int32]) {
        let table = self.table
        // All false at once, then the few common words set.
        english.setAllFalse(count: words.count)
        for k in words.indices {
            let token = tokens[words[k]]
            // Capitalised words, and lower-case ones glued by a hyphen to the word before ("Kai-shek", not "Sydney-based").
            guard !covered[k], token.isCapitalized || (k > 0 && token.start > 0 && text[Int(token.start) - 1] == UInt8(ascii: "-")
                                                       && tokens[words[k - 1]].end == token.start - 1) else { continue }
            let id = Int(ids[k])
            // Grown by doubling: grown to each new word's id, it was copied whole at almost every new word of the batch.
            if id >= isCommonWord.count { isCommonWord += repeatElement(0, count: max(id + 1, 2 * isCommonWord.count) - isCommonWord.count) }
            if isCommonWord[id] == 0 { isCommonWord[id] = commonWords.contains(batch.vocabulary.bytes(ids[k])) ? 2 : 1 }
            if isCommonWord[id] == 2 { english[k] = true }
        }
        nameCasesAndCourts(text, sentence: sentence, firstMention: firstMention, surnames: &surnames)
        // Words of the places named in the sentence: the lexicon's before discovery, which may take a one-word place for a
        // first name ("Vladimir Komarov"); then, if discovery found places or took some in, those left after it, which
        // lead lists of one-word places.
        markPlaceWords(from: firstMention)
        lendOneWordBodies(from: firstMention)
        var sentenceWords = NameDiscovery.Words(text: text, tokens: tokens, words: words, folded: ids, joined: joined, covered: covered,
                                        absorbable: places, english: english, placeNames: placeWords,
                                        facts: table)
        let found = discovery.find(sentenceWords)
        for name in found {
            // "the State of Texas" is Texas, which the lexicon named; but "the State of Georgia" is no mention of the country, nor
            // "the State of Washington" of the capital's government: a name the lexicon knows as an actor stays inside.
            if discovery.isFormalNameOfKnownPlace(name, sentenceWords), !namesAnActor(from: firstMention, inside: name) { continue }
            if let person = personNamedBefore(name, surnames: surnames) {
                // "General Hamilton": a person's name names no place inside it.
                let inside = Int32(name.start)..<Int32(name.end)
                batch.mentions[firstMention...].removeAll { $0.rule == .alias && inside.contains($0.start) && $0.end <= inside.upperBound }
                batch.mentions.append(FoundMention(entity: person, sentence: sentence, start: Int32(name.start), end: Int32(name.end),
                                                   rule: .surname, alias: 0))
                for j in name.firstWord...name.lastWord { covered[j] = true }
                continue
            }
            add(name, text, sentence: sentence, firstMention: firstMention, surnames: &surnames)
        }
        if found.contains(where: { $0.absorbs || $0.type == "location" }) { markPlaceWords(from: firstMention) }
        sentenceWords.covered = covered
        let ids = self.ids
        for name in discovery.loneNames(sentenceWords, isPlace: placeWords, isKnown: { surnames[ids[$0]] != nil }) {
            add(name, text, sentence: sentence, firstMention: firstMention, surnames: &surnames)
        }
        sentenceWords.covered = covered
        for name in companyCues.companies(sentenceWords, discovery) where surnames[ids[name.firstWord]] == nil {
            add(name, text, sentence: sentence, firstMention: firstMention, surnames: &surnames)
        }
        sentenceWords.covered = covered
        for name in discovery.acronyms(sentenceWords) where surnames[ids[name.firstWord]] == nil {
            add(name, text, sentence: sentence, firstMention: firstMention, surnames: &surnames)
        }
        // One pass for the short forms: a surname met before, else a word a later sentence may explain. Both ask only a
        // capitalised word that no capitalised word follows.
        for k in words.indices where !covered[k] {
            let token = tokens[words[k]]
            guard token.kind == .word, token.isCapitalized else { continue }
            if k + 1 < words.count, joined[k + 1], tokens[words[k + 1]].isCapitalized { continue }
            guard mayBeShortForm(k) else { continue }
            if let entity = surnames[ids[k]] {
                // "bin Laden", "Bin Laden": the particle goes with the surname.
                let particle = k > 0 && joined[k] && !covered[k - 1] && discovery.isParticle(word: ids[k - 1])
                batch.mentions.append(FoundMention(entity: entity, sentence: sentence,
                                                   start: particle ? tokens[words[k - 1]].start : token.start,
                                                   end: token.end, rule: .surname, alias: 0))
                covered[k] = true
            } else if !token.isAllCaps, token.end - token.start >= 3 {
                unexplained.append((ids[k], sentence, token.start, token.end, false))
            }
        }
    }

    /// The person named earlier in the document that a discovered person's name goes on naming: a title before the surname
    /// ("Mr. Harlan", "Dr. Schuchat", "Mayor Bell" after "Paul Harlan", "Anne Schuchat", "William Bell"), or the trailing words
    /// of the full name, a surname of two parts or hyphenated ("García Márquez", "Oyelaran-Mbeki" after "Maria José García
    /// Márquez", "Gabriela Oyelaran-Mbeki"); not a second person of that surname named in full ("Tony Harlan").
    private func personNamedBefore(_ name: NameDiscovery.Found, surnames: [Int32: Int32]) -> Int32? {
        guard name.type == "person", let person = surnames[ids[name.lastWord]] else { return nil }
        let full: String
        if person < lexiconEntityCount {
            guard people[Int(person)] else { return nil }
            full = entities[Int(person)].name
        } else {
            let discovered = batch.discovered[Int(person - lexiconEntityCount)]
            guard discovered.type == "person" else { return nil }
            full = discovered.name
        }
        if name.firstWord == name.lastWord { return name.titled ? person : nil }
        let (key, fullKey) = (Folding.nameKey(name.name), Folding.nameKey(full))
        return fullKey.count > key.count && fullKey.hasSuffix(" " + key) ? person : nil
    }

    /// "Plessy v. Ferguson", "the 9th Circuit Court of Appeals", "the Manhattan District Attorney's Office": names read whole by rules
    /// of their own (`CaseNames`, `CourtNames`) before discovery. A case's parties name nothing of their own, and its short form
    /// names it later in the document ("the Dobbs ruling"); the places inside a court are no mentions, the state whose organ
    /// it is stays ("U.S. District Court").
    private mutating func nameCasesAndCourts(_ text: UnsafeBufferPointer<UInt8>, sentence: Int32, firstMention: Int, surnames: inout [Int32: Int32]) {
        let (mayHoldCase, mayHoldCourt) = (caseNames.mayHold(ids), courtNames.mayHold(ids))
        guard mayHoldCase || mayHoldCourt else { return }
        let (table, ids, english) = (self.table, self.ids, self.english)
        let isCommon = { (j: Int) in english[j] || (Int(ids[j]) < table.count && table[ids[j]].pointee.seenLowercase) }
        var wholes: [(first: Int, last: Int, name: String?, type: String, shortForm: Int?)] = []
        for c in !mayHoldCase ? [] : caseNames.cases(tokens: tokens, words: words, ids: ids, joined: joined, covered: covered, places: places, text: text,
                                         isCommon: isCommon) {
            wholes.append((c.first, c.last, nil, "case", c.shortForm))
        }
        for c in !mayHoldCourt ? [] : courtNames.courts(tokens: tokens, words: words, ids: ids, joined: joined, text: text)
        where !wholes.contains(where: { $0.first <= c.last && c.first <= $0.last }) {
            wholes.append((c.first, c.last, c.name, "organisation", nil))
        }
        for whole in wholes {
            let (start, end) = (tokens[words[whole.first]].start, tokens[words[whole.last]].end)
            let matcher = self.matcher
            batch.mentions[firstMention...].removeAll {
                $0.start >= start && $0.end <= end && (whole.type == "case" || matcher.namesPlace(entity: $0.entity, alias: $0.alias))
            }
            let name = whole.name ?? String(decoding: UnsafeBufferPointer(rebasing: text[Int(start)..<Int(end)]), as: UTF8.self)
            add(NameDiscovery.Found(name: name, type: whole.type, start: Int(start), end: Int(end), firstWord: whole.first, lastWord: whole.last,
                                    absorbs: false), text, sentence: sentence, firstMention: firstMention, surnames: &surnames)
            for k in whole.first...whole.last { places[k] = false }
            if let k = whole.shortForm { surnames[ids[k]] = batch.mentions[batch.mentions.count - 1].entity }
        }
    }

    /// "Maïga said" after "Interim Prime Minister Choguel Maïga": a person of the lexicon named by a name of several words
    /// goes by its last word later in the document, as a discovered person does.
    /// A name with a particle goes by its first word too ("Osama" after "Osama bin Laden"), as a discovered one does; no one
    /// goes by a month ("Theresa May" in a user's lexicon does not make every "May" that person).
    private mutating func rememberSurnames(from first: Int, surnames: inout [Int32: Int32]) {
        for m in batch.mentions[first...] where m.rule == .alias && people[Int(m.entity)] {
            let last = firstWord(startingAtOrAfter: m.end) - 1
            guard last >= 0, tokens[words[last]].end == m.end, tokens[words[last]].start > m.start,
                  !discovery.isCalendarWord(ids[last]) else { continue }
            surnames[ids[last]] = m.entity
            let given = firstWord(startingAtOrAfter: m.start)
            // "Kim" after "Kim Jong Un": a family name written first.
            if given < last, tokens[words[given]].start == m.start, familyFirstIds.contains(ids[given]), surnames[ids[given]] == nil {
                surnames[ids[given]] = m.entity
            }
            if given < last - 1, tokens[words[given]].start == m.start, ((given + 1)..<last).contains(where: { discovery.isParticle(word: ids[$0]) && !tokens[words[$0]].isCapitalized }),
               surnames[ids[given]] == nil {
                surnames[ids[given]] = m.entity
            }
        }
    }

    /// One-word organisations of the lexicon that a longer name may take in. After a listed first name, one is that
    /// person's surname ("Michael Bloomberg", "Walt Disney"); beside more capitalised words, a word of a body's name
    /// ("Commonwealth War Graves Commission", "Indian Parliament"), taken in only when the name's head word makes it a
    /// body, and not before a title the body gives ("UN Under-Secretary-General"). Discovery may take it into the longer
    /// name, which then stands in place of the organisation.
    private mutating func lendOneWordBodies(from first: Int) {
        lentBodies.removeAll(keepingCapacity: true)
        for m in batch.mentions[first...] where m.rule == .alias && !people[Int(m.entity)] {
            // The word the mention starts at, found by halves (words are in text order): a scan was quadratic on a
            // sentence of a million words.
            let k = firstWord(startingAtOrAfter: m.start)
            guard k < words.count, tokens[words[k]].start == m.start, tokens[words[k]].end == m.end, !places[k],
                  !matcher.namesPlace(entity: m.entity, alias: m.alias) else { continue }
            if k > 0, joined[k], !covered[k - 1], discovery.firstNameIds.contains(ids[k - 1]), tokens[words[k - 1]].isCapitalized {
                places[k] = true
            } else if (k + 1 < words.count && joined[k + 1] && !covered[k + 1] && tokens[words[k + 1]].kind == .word
                        && tokens[words[k + 1]].isCapitalized && !discovery.isTitle(word: ids[k + 1]))
                        || (k > 0 && joined[k] && tokens[words[k - 1]].kind == .word && tokens[words[k - 1]].isCapitalized
                            && (!covered[k - 1] || places[k - 1])) {
                places[k] = true
                lentBodies.append(m.start)
            }
        }
    }

    /// The index of the sentence's first word that starts at or after byte `start` (`words.count` if none).
    private func firstWord(startingAtOrAfter start: Int32) -> Int {
        var (low, high) = (0, words.count)
        while low < high {
            let mid = (low + high) / 2
            if tokens[words[mid]].start < start { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Marks the words of the places among the sentence's mentions from `first` on (`placeWords`), and no others.
    private mutating func markPlaceWords(from first: Int) {
        placeWords.setAllFalse(count: words.count)
        for m in batch.mentions[first...] where m.rule == .alias ? matcher.namesPlace(entity: m.entity, alias: m.alias)
            : m.rule == .discovered && batch.discovered[Int(m.entity - lexiconEntityCount)].type == "location" {
            // Words are in text order: from the first word at or after the mention's start, while they start inside it.
            for k in firstWord(startingAtOrAfter: m.start)..<words.count {
                guard tokens[words[k]].start < m.end else { break }
                if tokens[words[k]].end <= m.end { placeWords[k] = true }
            }
        }
    }

    /// Whether a lexicon actor's mention among the sentence's from `first` on lies inside the name.
    private func namesAnActor(from first: Int, inside name: NameDiscovery.Found) -> Bool {
        batch.mentions[first...].contains { $0.rule == .alias && entities[Int($0.entity)].kind == .actor && Int($0.start) >= name.start
            && Int($0.end) <= name.end }
    }

    /// Whether the capitalised word `k` may be the short form of a name told elsewhere (a surname, a one-word place):
    /// not after a capitalised word that makes it part of another name ("Chad Smith" is not John Smith), unless that
    /// word is a title, a particle or an ordinary word opening the sentence ("President Smith", "Bin Laden", "Later
    /// Harf"); not a word opening the sentence, capitalised
    /// whatever it is, that the batch also writes in lower case ("In the end" after "King George V. In").
    private func mayBeShortForm(_ k: Int) -> Bool {
        if k > 0, joined[k], tokens[words[k - 1]].isCapitalized, !discovery.isTitle(word: ids[k - 1]),
           !discovery.isParticle(word: ids[k - 1]), !(k == 1 && english[0]) { return false }
        return !(k == 0 && Int(ids[k]) < table.count && table[ids[k]].pointee.seenLowercase)
    }

    /// Mentions for the short forms met before the sentence that told what they name: a one-word place, a surname, an
    /// acronym. Words seen in lower case anywhere in the document's batch stay ordinary words.
    private mutating func nameEarlierShortForms(_ shortForms: [Int32: Int32], from firstMention: Int) {
        var added = false
        for word in unexplained {
            guard let entity = shortForms[word.word], Int(word.word) < table.count, !table[word.word].pointee.seenLowercase else { continue }
            var mention = FoundMention(entity: entity, sentence: word.sentence, start: word.start, end: word.end,
                                       rule: .surname, alias: 0)
            mention.isCitation = word.isCitation
            batch.mentions.append(mention)
            added = true
        }
        if added { batch.mentions[firstMention...].sort { ($0.sentence, $0.start, $0.entity) < ($1.sentence, $1.start, $1.entity) } }
    }

    /// The word of an acronym in parentheses or between commas right after a name, made of the initials of its capitalised words
    /// ("South Asian Association for Regional Cooperation (SAARC)", "his Antigua Labour Party, ALP, has").
    private func acronym(after name: NameDiscovery.Found, _ text: UnsafeBufferPointer<UInt8>) -> Int? {
        let k = name.lastWord + 1
        guard k < words.count, !covered[k], words[k] == words[name.lastWord] + 2, words[k] + 1 < tokens.count else { return nil }
        let open = tokens[words[k] - 1]
        let close = tokens[words[k] + 1]
        let token = tokens[words[k]]
        guard DefinedAcronyms.encloses(open, close), token.isAllCaps, (2...8).contains(token.end - token.start) else { return nil }
        let initials = (name.firstWord...name.lastWord).map { tokens[words[$0]] }.filter(\.isCapitalized).map { text[Int($0.start)] }
        return initials.elementsEqual(text[Int(token.start)..<Int(token.end)]) ? k : nil
    }

    /// The word of an acronym right before a name given in parentheses ("IKI (Institute for Space Research)"): an
    /// expansion so placed needs no matching initials, as a name in another language's acronym has none.
    private func acronym(before name: NameDiscovery.Found) -> Int? {
        let k = name.firstWord - 1
        guard k >= 0, !covered[k], words[k] + 2 == words[name.firstWord], words[name.lastWord] + 1 < tokens.count else { return nil }
        let open = tokens[words[k] + 1]
        let close = tokens[words[name.lastWord] + 1]
        let token = tokens[words[k]]
        guard open.kind == .punctuation, open.mark == UInt8(ascii: "("), close.kind == .punctuation, close.mark == UInt8(ascii: ")"),
              token.kind == .word, token.isAllCaps, (2...8).contains(token.end - token.start) else { return nil }
        return k
    }

    /// Records a discovered name: its mention, its entity (one per folded name in the batch), the words it covers, and
    /// a person's surname for later mentions in the document.
    private mutating func add(_ name: NameDiscovery.Found, _ text: UnsafeBufferPointer<UInt8>, sentence: Int32, firstMention: Int,
                              surnames: inout [Int32: Int32]) {
        if name.absorbs {
            // "University of Warsaw" is the university's name, not a mention of Warsaw; "CAR Ministry of Mines" still
            // names the CAR as an actor, but a state that closes the name ("Soccer Australia", "Bank of England") is part
            // of what the body is called. A person's or a place's name names nothing inside it: "Jordan Henderson" is
            // no mention of Jordan, "Central America" none of the United States, "Isthmus of Panama" none of Panama, nor the
            // "Panama Papers" (a work).
            let inside = Int32(name.start)..<Int32(name.end)
            let matcher = self.matcher
            let closesBody = name.type != "location"
            let namesNothingInside = name.type == "location" || name.type == "person" || name.type == "work"
            let lent = lentBodies
            // "Syrian Observatory for Human Rights", "Kenya Airways": a body that is no organ of the state it names (`OrgansOfState`)
            // names no state either.
            let state = batch.mentions[firstMention...].first { $0.rule == .alias && inside.contains($0.start)
                && entities[Int($0.entity)].kind == .actor }.map { firstWord(startingAtOrAfter: $0.start) }
            let namesNoState = organs.namesNoStateInside(name, ids, state: state)
            batch.mentions[firstMention...].removeAll {
                $0.rule == .alias && inside.contains($0.start) && $0.end <= inside.upperBound
                    && (namesNothingInside || namesNoState || matcher.namesPlace(entity: $0.entity, alias: $0.alias)
                        || (closesBody && $0.end == inside.upperBound && $0.start > inside.lowerBound)
                        || (closesBody && lent.contains($0.start)))
            }
        }
        let key = Folding.nameKey(name.name)
        let local: Int
        if let existing = batch.discoveredIndex[key] {
            local = existing
        } else {
            local = batch.discovered.count
            batch.discoveredIndex[key] = local
            batch.discovered.append((name.name, name.type))
        }
        let entity = lexiconEntityCount + Int32(local)
        for j in name.firstWord...name.lastWord { covered[j] = true }
        if batch.discovered[local].type != "person", let k = acronym(after: name, text) ?? acronym(before: name) {
            // "British Antarctic Survey (BAS)", "IKI (Institute for Space Research)": the acronym stands for the name here
            // and later in the document.
            surnames[ids[k]] = entity
        }
        if batch.discovered[local].type == "company", let k = companyCues.ticker(after: name.lastWord, tokens: tokens, words: words, ids: ids),
           !covered[k] {
            // "Diamond Foods Inc. (DMND)", "Alere (NYSE:ALR)": the ticker names the firm here and later in the document.
            surnames[ids[k]] = entity
        }
        if name.firstWord == name.lastWord, batch.discovered[local].type == "location" || batch.discovered[local].type == "organisation"
            || batch.discovered[local].type == "company" {
            // "Aruba" told a place by "interest in Aruba": so is every other "Aruba" of the document; "Fatah" told a body by
            // "the Fatah movement" too.
            surnames[ids[name.firstWord]] = entity
        }
        if batch.discovered[local].type == "company", !english[name.firstWord], !places[name.firstWord], discovery.goesByFirstWord(name, ids) {
            // "Phillips" after "Phillips Petroleum": a firm goes by the word before its kind of business.
            surnames[ids[name.firstWord]] = entity
        }
        if batch.discovered[local].type == "person" {
            let last = ids[name.lastWord]
            if discovery.goesBySurname(name, ids, english: english, plural: text[name.end - 1] == UInt8(ascii: "s"),
                                       seenInLowerCase: Int(last) < table.count && table[last].pointee.seenLowercase) {
                surnames[last] = entity
            }
            // "Osama" after "Osama bin Laden", "Xi" after "Xi Jinping": a first name, or a family name written first, alone stands for
            // the person too, unless it is someone's surname.
            if discovery.goesByFirstName(name, ids) || (name.lastWord > name.firstWord && familyFirstIds.contains(ids[name.firstWord])),
               surnames[ids[name.firstWord]] == nil { surnames[ids[name.firstWord]] = entity }
        }
        batch.mentions.append(FoundMention(entity: entity, sentence: sentence, start: Int32(name.start),
                                           end: Int32(name.end), rule: .discovered, alias: 0))
    }
}

/// What the analyzer keeps per word of a batch, read and written at every token.
struct WordFacts {
    /// The last sentence the word was posted for.
    var lastSentence: Int32 = -1
    /// Its id in the lexicon's vocabulary: -1 not a lexicon word, -2 not looked up yet.
    var lexiconId: Int32 = -2
    /// Tokens of it in the batch.
    var count: Int32 = 0
    /// Seen written in lower case somewhere, so an ordinary word when capitalised.
    var seenLowercase = false
    /// What the time extractor's scan makes of the word (a `TriggerScanner.TimeWord`'s raw value), -1 not asked yet.
    var timeWord: Int8 = -1
    /// Whether the word misspells a lexicon person's name: 0 not asked yet, 1 no, 2 yes (the analyzer's `misspellings`
    /// says whose), so most capitalised words are answered without hashing them.
    var misspelling: UInt8 = 0
}

/// The facts of every word of a batch by word id, in memory the analyzer manages itself: kept in arrays, every write
/// at every token first checked that the array was not shared.
struct WordTable {
    private var facts: UnsafeMutablePointer<WordFacts>
    private var capacity = 1 << 14
    /// Words with facts: ids below this.
    private(set) var count = 0

    init() { facts = .allocate(capacity: capacity) }

    /// Frees the table; done after this.
    func deallocate() {
        facts.deinitialize(count: count)
        facts.deallocate()
    }

    /// The facts of word `id`, which `cover` made room for.
    @inline(__always)
    subscript(id: Int32) -> UnsafeMutablePointer<WordFacts> { facts + Int(id) }

    /// Makes room for word `id`: the words up to it start with no facts.
    @inline(__always)
    mutating func cover(_ id: Int32) {
        guard Int(id) >= count else { return }
        if Int(id) >= capacity {
            let larger = UnsafeMutablePointer<WordFacts>.allocate(capacity: max(Int(id) + 1, capacity * 2))
            larger.moveInitialize(from: facts, count: count)
            facts.deallocate()
            facts = larger
            capacity = max(Int(id) + 1, capacity * 2)
        }
        (facts + count).initialize(repeating: WordFacts(), count: Int(id) + 1 - count)
        count = Int(id) + 1
    }
}

/// Room for a sentence's words as the token loop finds them, in memory the analyzer manages itself: each word is written
/// once with no array's check of its uniqueness and capacity, and the sentence's word arrays are copied from it whole.
struct SentenceWordBuffer {
    /// Per word: its token, its id in the batch's vocabulary and in the lexicon's, and whether only a hyphen, an
    /// apostrophe, a full stop or "&" stands between it and the word before.
    let tokens: UnsafeMutablePointer<Int>
    let ids: UnsafeMutablePointer<Int32>
    let lexiconIds: UnsafeMutablePointer<Int32>
    let joined: UnsafeMutablePointer<Bool>
    /// The sentence's distinct word ids, in the order first met: its postings in the batch's word index.
    let distinct: UnsafeMutablePointer<UInt32>
    private let capacity: Int

    init(capacity: Int = 256) {
        self.capacity = capacity
        tokens = .allocate(capacity: capacity)
        ids = .allocate(capacity: capacity)
        lexiconIds = .allocate(capacity: capacity)
        joined = .allocate(capacity: capacity)
        distinct = .allocate(capacity: capacity)
    }

    /// Makes room for `count` words; what was written is lost.
    @inline(__always)
    mutating func reserve(_ count: Int) {
        guard count > capacity else { return }
        deallocate()
        self = SentenceWordBuffer(capacity: max(count, capacity * 2))
    }

    @inline(__always)
    func write(_ k: Int, token: Int, id: Int32, lexiconId: Int32, joined isJoined: Bool) {
        (tokens + k).initialize(to: token)
        (ids + k).initialize(to: id)
        (lexiconIds + k).initialize(to: lexiconId)
        (joined + k).initialize(to: isJoined)
    }

    /// Frees the room; done after this.
    func deallocate() {
        tokens.deallocate()
        ids.deallocate()
        lexiconIds.deallocate()
        joined.deallocate()
        distinct.deallocate()
    }
}

/// The ids of words met lately, found by the word's bytes packed into one number (up to 7 bytes) or two (8 to 15):
/// frequent words skip folding and the vocabulary's hash table, which is too large for a core's cache (its probe was
/// the loader's costliest stall).
struct RecentWords {
    /// 16,384 words of each kind (4,096 before: frequent words evicted one another, and each miss probed the vocabulary,
    /// the loader's costliest stall); 512 KB, within a core's second cache.
    private static let bits = 14
    private static let size = 1 << bits
    private let keys = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: size)
    private let ids = UnsafeMutableBufferPointer<Int32>.allocate(capacity: size)
    /// Words of 8 to 15 bytes: their first eight bytes, the rest with the length, and the id.
    private let longFirsts = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: size)
    private let longRests = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: size)
    private let longIds = UnsafeMutableBufferPointer<Int32>.allocate(capacity: size)

    init() {
        keys.initialize(repeating: 0)
        ids.initialize(repeating: 0)
        longFirsts.initialize(repeating: 0)
        longRests.initialize(repeating: 0)
        longIds.initialize(repeating: 0)
    }

    /// Frees the table; done after this.
    func deallocate() {
        keys.deallocate()
        ids.deallocate()
        longFirsts.deallocate()
        longRests.deallocate()
        longIds.deallocate()
    }

    /// ASCII bytes with their capitals lowered, eight at a time: per byte, the high bit of (b + 0x3F) says b >= "A", of
    /// (b + 0x25) b > "Z"; no byte carries into the next.
    @inline(__always)
    private static func lowered(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let capitals = (word &+ ones &* 0x3F) & ~(word &+ ones &* 0x25) & (ones &* 0x80)
        return word | capitals >> 2
    }

    /// The key of `text[range]` folded, for 8 to 15 ASCII bytes (folding only lowers their capitals): the first eight
    /// bytes, then the rest with the length in the top byte; nil for other words and at the text's last 15 bytes.
    @inline(__always)
    static func longKey(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (first: UInt64, rest: UInt64)? {
        let count = range.count
        guard count >= 8, count <= 15, range.lowerBound + 16 <= text.count, let base = text.baseAddress else { return nil }
        let first = UInt64(littleEndian: UnsafeRawPointer(base + range.lowerBound).loadUnaligned(as: UInt64.self))
        let rest = UInt64(littleEndian: UnsafeRawPointer(base + range.lowerBound + 8).loadUnaligned(as: UInt64.self))
            & (1 << UInt64(8 * (count - 8)) &- 1)
        guard (first | rest) & 0x8080_8080_8080_8080 == 0 else { return nil }
        return (lowered(first), lowered(rest) | UInt64(count) << 56)
    }

    @inline(__always)
    private static func slot(_ key: (first: UInt64, rest: UInt64)) -> Int {
        Int(truncatingIfNeeded: ((key.first ^ (key.rest &* 0xFF51_AFD7_ED55_8CCD)) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }

    @inline(__always)
    func id(for key: (first: UInt64, rest: UInt64)) -> Int32? {
        let slot = Self.slot(key)
        return longRests[slot] == key.rest && longFirsts[slot] == key.first ? longIds[slot] : nil
    }

    @inline(__always)
    func remember(_ key: (first: UInt64, rest: UInt64), _ id: Int32) {
        let slot = Self.slot(key)
        longFirsts[slot] = key.first
        longRests[slot] = key.rest
        longIds[slot] = id
    }

    /// The bytes of a word of 1 to 7 bytes with its length in the top byte (never 0); nil for other words.
    @inline(__always)
    static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard bytes.count > 0, bytes.count <= 7 else { return nil }
        var key = UInt64(bytes.count) << 56
        for k in 0..<bytes.count { key |= UInt64(bytes[k]) << UInt64(8 * k) }
        return key
    }

    /// The key of `text[range]` folded, read straight from the text: for 1 to 7 ASCII bytes, where folding only
    /// lowers the capitals, the same as `key` of the folded word; nil for other words and at the text's last 7 bytes.
    @inline(__always)
    static func key(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64? {
        let count = range.count
        guard count > 0, count <= 7, range.lowerBound + 8 <= text.count, let base = text.baseAddress else { return nil }
        let word = UInt64(littleEndian: UnsafeRawPointer(base + range.lowerBound).loadUnaligned(as: UInt64.self))
            & (1 << UInt64(8 * count) &- 1)
        guard word & 0x8080_8080_8080_8080 == 0 else { return nil }
        return lowered(word) | UInt64(count) << 56
    }

    @inline(__always)
    private static func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits)) }

    @inline(__always)
    func id(for key: UInt64) -> Int32? {
        let slot = Self.slot(key)
        return keys[slot] == key ? ids[slot] : nil
    }

    @inline(__always)
    func remember(_ key: UInt64, _ id: Int32) {
        let slot = Self.slot(key)
        keys[slot] = key
        ids[slot] = id
    }
}
