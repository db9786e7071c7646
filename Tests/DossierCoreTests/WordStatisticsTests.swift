import Foundation
import Testing
@testable import DossierCore

/// Word statistics count tokens as AntConc and CQP do and score them as cwb-ccc does: the scores are checked against
/// the association-measures package (the one cwb-ccc imports) on the same counts, and the counts against text whose
/// answer is known by hand.
@Suite("Word statistics")
struct WordStatisticsTests {
    /// (O11, R1, C1, N) → ll, mi (log2), t, dice, log ratio, as association-measures 0.3.2 computes them
    /// (`log_likelihood`, `np.log2(O11 / E11)`, `t_score`, `dice`, `log_ratio` with Walter's discounting).
    /// The first row is the seeds' collocate "group" of "wagner" (window 3), the second the keyword "tactical" of doc 002.
    @Test(arguments: [
        (9, 75, 11, 9072, 77.033516, 6.628880, 2.969687, 0.209302, 8.822903),
        (35, 6943, 36, 9085, 12.607482, 0.347285, 1.265675, 0.010030, 2.868417),
        (1, 75, 1, 9072, 9.604203, 6.918386, 0.991733, 0.026316, 8.481866),
    ])
    func scoresMatchAssociationMeasures(_ o11: Int, _ r1: Int, _ c1: Int, _ n: Int,
                                        _ ll: Double, _ mi: Double, _ t: Double, _ dice: Double, _ logRatio: Double) {
        let table = Contingency(o11: o11, r1: r1, c1: c1, n: n)
        #expect(abs(table.logLikelihood - ll) < 1e-5)
        #expect(abs(table.mutualInformation - mi) < 1e-5)
        #expect(abs(table.tScore - t) < 1e-5)
        #expect(abs(table.dice - dice) < 1e-5)
        #expect(abs(table.logRatio - logRatio) < 1e-5)
    }

    @Test func aRarerWordHasANegativeLogLikelihood() {
        let table = Contingency(o11: 1, r1: 100, c1: 50, n: 1000)
        #expect(table.e11 == 5)
        #expect(table.logLikelihood < 0)
        #expect(table.mutualInformation < 0)
    }

    /// The totals the loader counts equal a count of every sentence's words, so keywords against the rest of the
    /// corpus subtract like for like.
    @Test func loadedTotalsEqualACountOfEverySentence() throws {
        let corpus = Seeds.corpus
        let counted = try #require(corpus.wordFrequencies((0..<Int32(corpus.sentences.count)).map { $0 }))
        let loaded = corpus.wordFrequencies()
        #expect(loaded.tokens == counted.tokens)
        #expect(loaded.counts == counted.counts)
        #expect(loaded.tokens == 9085)
    }

    /// The words the tokenizer finds in a sentence (punctuation left out), folded into a buffer of the size the
    /// loader folds into (which cuts long words as the index holds them) and looked up: what the reader must give, by
    /// its own path.
    static func tokenizerWords(_ corpus: Corpus, _ sentence: Int32) -> [(id: Int32, start: Int32, end: Int32)] {
        let s = corpus.sentences[Int(sentence)]
        var tokens: [WordToken] = []
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 2048)
        defer { buffer.deallocate() }
        return corpus.documents[Int(s.document)].text.withUnsafeBufferPointer { text in
            Tokenizer.tokenize(text, Int(s.start)..<Int(s.end), into: &tokens)
            return tokens.filter { $0.kind != .punctuation }.map { t in
                let n = Folding.fold(UnsafeBufferPointer(rebasing: text[Int(t.start)..<Int(t.end)]), into: buffer)
                let id = corpus.vocabulary.lookup(UnsafeBufferPointer(rebasing: buffer[0..<n])) ?? -1
                return (id, t.start, t.end)
            }
        }
    }

    static func expectReaderReadsTheTokenizersWords(_ corpus: Corpus) {
        let reader = SentenceWords(corpus)
        for s in 0..<Int32(corpus.sentences.count) {
            reader.read(s)
            let expected = tokenizerWords(corpus, s)
            #expect(Array(reader.ids) == expected.map(\.id), "\(corpus.text(of: s))")
            #expect(Array(reader.starts) == expected.map(\.start) && Array(reader.ends) == expected.map(\.end))
        }
    }

    /// The reader takes a run of ASCII letters as a word only where the tokenizer ends it, and looks it up as folding
    /// would fold it; these runs go on (or stop early) at apostrophes, initialisms, digits, other scripts and the
    /// text's last bytes, and the long one is cut by folding.
    @Test(arguments: [
        "The U.S. and the U.N. met A. Lincoln's heirs in 1,000 B.C. on 20.09.2021 at 5.30pm.",
        "America's rock'n'roll coup d'etat in N'Djamena; the cats' toys aren't theirs, 'quoted' Ms. Smith's.",
        "Crème brûlée à Paris — ΑΘΗΝΑ Москва 東京、Łódź’s ß Straße naïve café’s.",
        "A1 b2c 3d 4,5e x.y z. Q. p.m. e.g. i.e. C.A.R. X.Y.Z.W. a.b",
        "WaShInGtOn SEVENTEENLETTERWORDS supercalifragilisticexpialidocious ok",
        "Tab\tseparated\u{00A0}words×times÷by€euro™mark",
        "He said: «Yes» — and left… x",
        "a",
        "A word longer than folding takes: " + String(repeating: "Ab", count: 700) + " ends.",
    ])
    func readerReadsTheTokenizersWords(_ text: String) {
        let corpus = analyze(text)
        #expect(!corpus.sentences.isEmpty)
        Self.expectReaderReadsTheTokenizersWords(corpus)
    }

    @Test func readerReadsTheTokenizersWordsInTheSeeds() {
        Self.expectReaderReadsTheTokenizersWords(Seeds.corpus)
    }

    static let text = "The cat saw the dog. The dog saw a cat, and the cat ran.\n\nA bird sang."

    @Test func countWordsCountsTokensFoldedAndLeavesOutStopWords() {
        let corpus = analyze(Self.text)
        let o = json("count words", corpus: corpus)
        let counts = Dictionary(uniqueKeysWithValues: rows(o).map { ($0["key"] as! String, $0["count"] as! Int) })
        #expect(counts == ["cat": 3, "saw": 2, "dog": 2, "ran": 1, "bird": 1, "sang": 1])
        let all = json("count words with stopwords", corpus: corpus)
        let withStops = Dictionary(uniqueKeysWithValues: rows(all).map { ($0["key"] as! String, $0["count"] as! Int) })
        #expect(withStops["the"] == 4 && withStops["a"] == 2 && withStops["and"] == 1)
        #expect(withStops.values.reduce(0, +) == 17, "every word token, punctuation left out")
    }

    @Test func aStopWordsFileBesideTheCorpusAddsWords() {
        let (corpus, _) = loadCorpus([("doc.txt", Self.text), ("mine.stopwords", "# mine\nCAT\n")])
        let keys = rows(json("count words", corpus: corpus)).map { $0["key"] as! String }
        #expect(!keys.contains("cat"))
        #expect(keys.contains("dog"))
    }

    @Test func ngramsStayInsideSentencesAndSkipStopWordEdges() {
        let corpus = analyze(Self.text)
        let grams = Dictionary(uniqueKeysWithValues: rows(json("count ngrams 2 with stopwords", corpus: corpus)).map { ($0["key"] as! String, $0["count"] as! Int) })
        #expect(grams["the cat"] == 2)
        #expect(grams["cat and"] == 1, "punctuation between words is ignored")
        #expect(grams["dog the"] == nil, "no n-gram across a sentence end")
        let plain = rows(json("count ngrams 2", corpus: corpus)).map { $0["key"] as! String }
        #expect(plain == ["cat saw", "dog saw", "cat ran", "bird sang"], "ties in the order first seen")
    }

    /// The n-gram table against a dictionary of arrays, over enough distinct grams to grow several times, with ids
    /// that use every bit of an id and share their low or high halves (grams differing only in one position).
    @Test(arguments: [2, 3, 5])
    func ngramCountsAgreeWithADictionary(_ n: Int) {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let words: [Int32] = [0, 1, 2, Int32.max, Int32.max - 1, 65_536, 65_537] + (0..<40).map { _ in Int32(truncatingIfNeeded: next() & 0x7FFF_FFFF) }
        var counted = NgramCounts()
        var expected: [[Int32]: Int32] = [:]
        var firstSeen: [[Int32]] = []
        for _ in 0..<30_000 {
            let gram = (0..<n).map { _ in words[Int(next() % UInt64(words.count))] }
            counted.add(WordGram(gram[...]))
            if expected[gram] == nil { firstSeen.append(gram) }
            expected[gram, default: 0] += 1
        }
        #expect(counted.grams.map { $0.words(n) } == firstSeen)
        #expect(counted.counts == firstSeen.map { expected[$0]! })
    }

    /// "saw" with a window of 1: the words beside each "saw", in the same sentence.
    @Test func collocatesCountTheWindowAndScoreAgainstTheScope() throws {
        let corpus = analyze(Self.text)
        let o = json("collocates saw window 1 with stopwords", corpus: corpus)
        let r = rows(o)
        let counts = Dictionary(uniqueKeysWithValues: r.map { ($0["key"] as! String, $0["count"] as! Int) })
        #expect(counts == ["cat": 1, "the": 1, "dog": 1, "a": 1])
        let cat = try #require(r.first { $0["key"] as? String == "cat" })
        #expect(cat["frequency"] as? Int == 3)
        // O11 = 1, R1 = 4 words in the windows, C1 = 3, N = 17 tokens − 2 nodes.
        let expected = Contingency(o11: 1, r1: 4, c1: 3, n: 15)
        #expect(abs((cat["ll"] as! Double) - expected.logLikelihood) < 0.001)
        #expect(abs((cat["dice"] as! Double) - expected.dice) < 0.001)
        #expect(Set(r[0].keys) == ["key", "count", "frequency", "ll", "mi", "t", "dice"])
    }

    @Test func collocatesOfAnActorUseEveryAlias() throws {
        let o = json("collocates actor Wagner window 2 with stopwords")
        let title = run("collocates actor Wagner window 2").out
        #expect(title.contains("collocates of Wagner Group (13 occurrences"), "\(title)")
        #expect(rows(o).contains { $0["key"] as? String == "mercenaries" })
        #expect(!rows(o).contains { $0["key"] as? String == "group" }, "'Group' is part of the name, not near it")
    }

    /// Keywords against the rest of the corpus: a word's count and reference count add up to its corpus frequency.
    @Test func keywordsAgainstTheRestSplitTheCorpusCounts() throws {
        let whole = Dictionary(uniqueKeysWithValues: rows(json("count words with stopwords")).map { ($0["key"] as! String, $0["count"] as! Int) })
        let r = rows(json("keywords doc 002"))
        #expect(r.count > 100)
        for row in r {
            let key = row["key"] as! String
            #expect((row["count"] as! Int) + (row["reference"] as! Int) == whole[key], "\(key)")
            #expect((row["ll"] as! Double) >= 0 && (row["log_ratio"] as! Double) > 0, "only over-represented words: \(row)")
        }
        #expect(r.first?["key"] as? String == "2019")
    }

    @Test(arguments: [
        ("count ngrams 7", "ngrams must be a whole number from 2 to 5"),
        ("keywords", "expected a filter naming the sentences to study"),
        ("keywords doc 002 against", "expected a filter after 'against'"),
        ("collocates window 3", "expected a word"),
        ("count words with stopword", "expected 'stopwords'"),
        ("collocates actor Wagnr", "unknown actor 'Wagnr'"),
    ])
    func badWordStatisticsAreErrors(_ command: String, _ message: String) {
        expectError(command, saying: message)
    }
}
