import Foundation
import Testing
@testable import DossierCore

/// The sentences' word ids give what reading the text gives: each sentence's ids in order, and every word statistic
/// the same answer, byte for byte, as when its sentences are read from the text.
@Suite("Sentences' word ids")
struct SentenceWordIdsTests {
    /// Ranks at each end of each length of the code, and the largest.
    @Test(arguments: [
        (UInt32(0), 1), (191, 1), (192, 2), (193, 2), (447, 2), (448, 2), (14_527, 2), (14_528, 3), (80_063, 3),
        (473_279, 3), (473_280, 5), (1_000_000, 5), (UInt32.max, 5),
    ])
    func aRankIsReadAsWritten(_ rank: UInt32, _ length: Int) {
        let out = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 8)
        defer { out.deallocate() }
        out.initialize(repeating: 0xAA)
        var written = 0
        SentenceWordIds.write(rank, to: out, at: &written)
        #expect(written == length)
        var read = 0
        #expect(SentenceWordIds.rank(UnsafePointer(out.baseAddress!), at: &read) == rank)
        #expect(read == length)
    }

    /// Every sentence's ids against the reader's, with parts of 16 and 32 sentences (the seeds then have many parts,
    /// and parts with a last run cut short) and of 16,384.
    static func expectIdsAreTheReadersWords(_ corpus: Corpus, partBits: Int) throws {
        let built = SentenceWordIds(corpus, partBits: partBits, shouldStop: { false })
        let index = try #require(built)
        let text = SentenceWords(corpus)
        let reader = WordIdReader(corpus, .ids(index))
        for s in 0..<Int32(corpus.sentences.count) {
            text.read(s)
            reader.read(s)
            #expect(Array(reader.ids) == Array(text.ids), "\(corpus.text(of: s))")
            let (starts, ends) = reader.bounds()
            #expect(Array(starts) == Array(text.starts) && Array(ends) == Array(text.ends))
        }
    }

    @Test(arguments: [4, 5, 14])
    func theSeedsIdsAreTheReadersWords(_ partBits: Int) throws {
        try Self.expectIdsAreTheReadersWords(Seeds.corpus, partBits: partBits)
    }

    /// Hostile sentences: initialisms, possessives, numbers, other scripts, a word longer than folding takes, a
    /// sentence of more than 128 coded bytes (its length takes two bytes), a corpus of one word.
    @Test(arguments: [
        "The U.S. and the U.N. met A. Lincoln's heirs in 1,000 B.C. on 20.09.2021 at 5.30pm. Then they left.",
        "Crème brûlée à Paris — ΑΘΗΝΑ Москва 東京、Łódź’s ß Straße naïve café’s. America's rock'n'roll coup d'etat.",
        "A word longer than folding takes: " + String(repeating: "Ab", count: 700) + " ends.",
        "They said " + (1...150).map { "word\($0)" }.joined(separator: " ") + " and stopped.",
        "a",
    ])
    func hostileSentencesIdsAreTheReadersWords(_ text: String) throws {
        let corpus = analyze(text)
        #expect(!corpus.sentences.isEmpty)
        try Self.expectIdsAreTheReadersWords(corpus, partBits: 4)
    }

    /// The seeds' sentences in the sets word statistics count: an entity's, a word's, a date filter's, none, one,
    /// every other one, more than half and every one (these two counted as the corpus's totals less the rest).
    static let sets: [(String, @Sendable (Corpus) -> [Int32])] = [
        ("actor Russia", { c in c.entitySentences[c.entityIndex("Russia", .actor)!] }),
        ("the word 'group'", { c in c.sentences(withWord: c.vocabulary.lookup("group")!) }),
        ("none", { _ in [] }),
        ("the first", { _ in [0] }),
        ("the last", { c in [Int32(c.sentences.count - 1)] }),
        ("every other", { c in stride(from: 0, to: Int32(c.sentences.count), by: 2).map { $0 } }),
        ("all but every seventh", { c in (0..<Int32(c.sentences.count)).filter { $0 % 7 != 3 } }),
        ("every one", { c in (0..<Int32(c.sentences.count)).map { $0 } }),
    ]

    @Test(arguments: sets.indices)
    func frequenciesFromTheIdsAreThoseOfTheText(_ k: Int) throws {
        let corpus = Seeds.corpus
        let ids = Self.sets[k].1(corpus)
        let built = SentenceWordIds(corpus, partBits: 5, shouldStop: { false })
        let index = try #require(built)
        let fromText = corpus.wordFrequencies(ids, from: .text, shouldStop: { false })
        let fromIds = corpus.wordFrequencies(ids, from: .ids(index), shouldStop: { false })
        let text = try #require(fromText)
        let counted = try #require(fromIds)
        #expect(counted.counts == text.counts, "\(Self.sets[k].0)")
        #expect(counted.tokens == text.tokens && counted.sentences == text.sentences && counted.sentences == ids.count)
        #expect(ids.isEmpty || text.tokens > 0)
    }

    /// The build held back until the test runs it: the ids are "not ready" for as long as the test wants, with no
    /// thread and no clock.
    final class HeldBuild: @unchecked Sendable {
        var work: (@Sendable () -> Void)?

        func hold(_ work: @escaping @Sendable () -> Void) { self.work = work }

        func runNow() {
            work?()
            work = nil
        }
    }

    /// A fresh load of the seeds, whose build has not started.
    static func freshSeeds() -> Corpus {
        let loader = Seeds.loaded.loader
        return loader.load([Paths.seeds]).0
    }

    /// A statistic asked while the ids are being built reads the text; one asked after reads the ids, which are kept.
    @Test func aStatisticBeforeTheIdsAreBuiltReadsTheText() throws {
        let corpus = Self.freshSeeds()
        let held = HeldBuild()
        corpus.buildAhead(ids: true, positions: false, run: held.hold)
        #expect(corpus.sentenceWordIds.isStarted && corpus.sentenceWordIds.built == nil)
        guard case .text = corpus.wordSource(reading: corpus.sentences.count) else {
            Issue.record("a statistic waited for the ids")
            return
        }
        held.runNow()
        let built = try #require(corpus.sentenceWordIds.built)
        guard case .ids(let read) = corpus.wordSource(reading: 1), read === built else {
            Issue.record("once built, the ids serve every statistic")
            return
        }
    }

    /// A build stopped (the corpus replaced by a `load`) keeps nothing when it ends, and a later start builds again;
    /// a second start while one is under way starts nothing.
    @Test func aStoppedBuildKeepsNothing() throws {
        let corpus = Self.freshSeeds()
        let (held, second) = (HeldBuild(), HeldBuild())
        corpus.buildAhead(ids: true, positions: false, run: held.hold)
        corpus.buildAhead(ids: true, positions: false, run: second.hold)
        #expect(second.work == nil)
        corpus.sentenceWordIds.stop()
        #expect(!corpus.sentenceWordIds.isStarted)
        held.runNow()
        #expect(corpus.sentenceWordIds.built == nil)
        corpus.buildAhead(ids: true, positions: false, run: { $0() })
        #expect(corpus.sentenceWordIds.built != nil)
        corpus.sentenceWordIds.stop()
        #expect(corpus.sentenceWordIds.built != nil, "built ids are kept")
    }

    /// A statistic reading `Corpus.wordIdsFrom` sentences or more from the text asks for the ids; a session that
    /// builds ahead starts them after the command, one that runs given commands (`-e`) never does.
    @Test(arguments: [false, true])
    func aSessionStartsTheIdsOnlyWhenItBuildsAhead(_ buildsAhead: Bool) {
        let corpus = Self.freshSeeds()
        let session = Session(corpus: corpus, loader: Seeds.loaded.loader, corpusPaths: [Paths.seeds], output: Collect())
        session.buildsAhead = buildsAhead
        #expect(corpus.sentences.count < Corpus.buildAheadFrom && !corpus.sentenceWordIds.isStarted, "the seeds are small")
        _ = corpus.wordSource(reading: Corpus.wordIdsFrom - 1)
        #expect(session.run("count words actor Russia", file: "<command>"))
        #expect(!corpus.sentenceWordIds.isStarted, "a small statistic asks for nothing")
        _ = corpus.wordSource(reading: Corpus.wordIdsFrom)
        #expect(session.run("count words actor Russia", file: "<command>"))
        #expect(corpus.sentenceWordIds.isStarted == buildsAhead)
    }

    /// Two loads of the seeds: one whose word statistics read the text (no session builds its ids), one whose
    /// sentences' word ids are built.
    static let loads: (text: Corpus, ids: Corpus) = {
        let (text, ids) = (freshSeeds(), freshSeeds())
        ids.buildAhead(ids: true, positions: false, run: { $0() })
        return (text, ids)
    }()

    static let statistics = [
        "count words actor Russia", "count words actor Russia with stopwords", "keywords actor Russia",
        "keywords text \"group\" against actor Russia with stopwords", "collocates actor Russia", "collocates Wagner window 3",
        "collocates \"Central African\" window 2 with stopwords", "collocates of window 1 with stopwords",
        "collocates actor Russia window 4 place Mali", "count ngrams 2 actor Russia with stopwords", "count ngrams 3 text \"group\"",
        "count words", "keywords since 2020", "count words place Mali or actor Wagner",
    ]

    @Test(arguments: statistics)
    func aStatisticFromTheIdsIsThatOfTheText(_ command: String) {
        let (text, ids) = Self.loads
        let fromText = run(command, format: .json, limit: nil, corpus: text)
        let fromIds = run(command, format: .json, limit: nil, corpus: ids)
        #expect(text.sentenceWordIds.built == nil, "the text was read")
        #expect(fromText.ok && fromIds.ok && fromText.err.isEmpty)
        #expect(fromIds.out == fromText.out)
        #expect(rows(jsonObject(fromText.out) ?? [:]).count > 0)
    }

    /// A statistic asked while its corpus's ids are being built answers what it answers once they are built.
    @Test(arguments: statistics)
    func aStatisticAskedBeforeTheIdsAreReadyGivesTheSameAnswer(_ command: String) throws {
        let corpus = Self.freshSeeds()
        let held = HeldBuild()
        corpus.buildAhead(ids: true, positions: false, run: held.hold)
        let before = run(command, format: .json, limit: nil, corpus: corpus)
        held.runNow()
        #expect(corpus.sentenceWordIds.built != nil)
        let after = run(command, format: .json, limit: nil, corpus: corpus)
        #expect(before.ok && after.ok && before.err.isEmpty)
        #expect(before.out == after.out)
        #expect(after.out == run(command, format: .json, limit: nil, corpus: Self.loads.ids).out)
    }
}
