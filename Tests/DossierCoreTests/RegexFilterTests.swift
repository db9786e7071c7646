import DossierRegex
import Testing
@testable import DossierCore

/// Regex filters keep exactly the sentences in which the pattern matches on its
/// own, however the candidates are found: by a literal every match holds, by
/// skipping to where matches could start, or by scanning whole documents.
@Suite("Regex filters")
struct RegexFilterTests {
    /// Literals at the edges: at the very end of a text, across a sentence end,
    /// next to multibyte characters, in other cases, run into other words.
    static let corpus = loadCorpus([
        ("end.txt", "The budget was balanced. Wages rose with steady growth"),
        ("straddle.txt", "Prices rose in the economic. Growth stalled for a year. Then came economic. growth again."),
        ("multibyte.txt", "Le président parla d’économie — la croissance. Une économie growth était forte. Über growth ist gut."),
        ("cases.txt", "ECONOMIC GROWTH returned. Economic Growth fell. Economicgrowth is one word here."),
        ("none.txt", "Nothing to see here. Not a single match in this one."),
    ]).0

    static let patterns: [(String, Bool)] = [
        ("[a-z]+ growth", false), ("[a-z]+ growth", true), ("[a-z]+\\. growth", false), ("[a-z]+\\. growth", true),
        ("\\w+ growth", false), ("[^ ]+ growth", true), ("économie", false), ("[a-zé]+ growth", true),
        ("econom[a-z]+ growth", true), ("[a-z]+ steady growth", false), ("[a-z]+ growth\\b", true),
        ("[a-z]+ rose", false), ("[a-z]+growth", true), ("[a-z]+ ist gut", false),
    ]

    @Test(arguments: patterns)
    func keepsTheSentencesThatMatchOnTheirOwn(_ pattern: String, _ caseInsensitive: Bool) throws {
        try check(pattern, caseInsensitive, in: Self.corpus)
    }

    @Test(arguments: [("[a-z]+ Group", false), ("\\w+ forces", true), ("[A-Z][a-z]+ of [A-Z][a-z]+", false), ("[0-9]+ people", false)])
    func keepsTheSentencesThatMatchOnTheirOwnInTheSeeds(_ pattern: String, _ caseInsensitive: Bool) throws {
        try check(pattern, caseInsensitive, in: Seeds.corpus)
    }

    /// Words whose insides a pattern's literals are, in every way the tokenizer and folding can cut or change them;
    /// many filler sentences, so that the index narrows.
    static let wordy = loadCorpus([
        ("growth.txt", """
        Socioeconomic growth rose. Economic growths fell. The economy's growth stalled. U.S.economic growth too. \
        1,000growth units. Growth’s pace, growth's pace. economic
        growth across a line. Short economic growth.
        """),
        ("long.txt", String(repeating: "x", count: 1200) + "economic growth ends a long word. " + String(repeating: "é", count: 800) + "nomic growth too."),
        ("folded.txt", "Ĳssel economic growth. ſtrong growth. Économique growth. ECONOMIC GROWTH. Straße growth."),
        ("filler.txt", (1...300).map { "Filler sentence number \($0) says nothing." }.joined(separator: " ")),
    ]).0

    /// (pattern, case-insensitive, narrowed by the word index)
    static let narrowing: [(String, Bool, Bool)] = [
        ("econom[a-z]+ growth", false, true), ("econom[a-z]+ growth", true, true), ("ECONOM[A-Z]+ GROWTH", false, true),
        ("econom(ic)? growth", false, true), ("(?:econom)?[a-z]+ growth", false, true), ("nomic gro", false, true),
        ("\\bgrowth\\b", true, true), ("growth's", false, true), ("growth’s", false, true), ("^Short", false, true),
        ("growth\\.$", false, true), ("x{200}economic", false, true), ("ssel econ", false, true), ("trong", false, true),
        ("Straße", true, true), ("00growth", false, true), ("é{10}nomic", false, true), ("U\\.S\\.economic", false, true),
        // No run of three letters or digits every match holds: the text is scanned.
        ("(econom|growth)ic", false, false), ("(growth|pace)", true, false), ("c g", false, false), ("[a-z]+", false, false),
        ("(growth)?s", false, false), ("Fi", false, false),
        // Runs too common to narrow: the filler's words are in most sentences.
        ("says nothing", false, false), ("Filler", true, false),
    ]

    @Test(arguments: narrowing)
    func theWordIndexNarrowsOnlyWhatAMatchMustHold(_ pattern: String, _ caseInsensitive: Bool, _ narrowed: Bool) throws {
        try check(pattern, caseInsensitive, in: Self.wordy)
        let regex = try ByteRegex(pattern, caseInsensitive: caseInsensitive)
        #expect((evaluator(Self.wordy).regexCandidates(regex) != nil) == narrowed, "/\(pattern)/")
    }

    @Test func literalsDecideTheCandidatesWhenMatchStartsAreCommon() throws {
        #expect(try ByteRegex("[a-z]+ growth").literalFinder != nil)
        #expect(try ByteRegex("[a-z]+ GROWTH", caseInsensitive: true).literalFinder != nil)
        #expect(try ByteRegex("[a-z]+ growth\\b").usesWordBoundary)
        #expect(try ByteRegex("[a-z]+ e").literalFinder == nil, "too common to pay")
        let matching = try evaluator(Self.corpus).sentences(regexFilter("[a-z]+ growth", true)).ids
        #expect(matching.map { Self.corpus.text(of: $0) } == [
            "ECONOMIC GROWTH returned.", "Economic Growth fell.", "Wages rose with steady growth",
            "Une économie growth était forte.", "Über growth ist gut.",
        ], "none across a sentence end")
    }

    /// Thousands of candidate sentences over many documents, checked in runs of one document's sentences: matches,
    /// near misses (both words, not together; across a sentence end) and fillers, in a different order in each file.
    static let many = loadCorpus((0..<9).map { file in
        ("many\(file).txt", (0..<400).map { k in
            switch (k * 5 + file) % 8 {
            case 0: "Economic growth came in year \(k)."
            case 1: "Growth was slow, said the economic report \(k)."
            case 2: "The economy saw growth; socioeconomic growth too."
            case 3: "An economic. Growth across a sentence end."
            case 4: "ECONOMIC GROWTH in capitals \(k)."
            case 5: "Filler sentence \(k) with nothing in it."
            case 6: "Economics growth and economies growth."
            default: "Steady growth and an economic plan."
            }
        }.joined(separator: " "))
    }).0

    @Test(arguments: [("econom[a-z]+ growth", false), ("econom[a-z]+ growth", true), ("^Economic", false), ("growth\\.$", false),
                      ("[a-z]+ growth", true), ("(econom|growth)", false), ("[0-9]+\\.$", false), ("report [0-9]*7", false)])
    func manyCandidatesOverManyDocumentsKeepWhatMatchesOnItsOwn(_ pattern: String, _ caseInsensitive: Bool) throws {
        try check(pattern, caseInsensitive, in: Self.many)
    }

    /// The words holding a run, found in the vocabulary's bytes at once, are those holding it one by one: a run
    /// across two neighbouring words' bytes is no match, and a word of the length limit or more always counts.
    @Test(arguments: [("bc", 300), ("abc", 300), ("cd", 300), ("a", 300), ("econom", 300), ("zz", 300), ("x", 4), ("the", 5),
                      ("nom", 300), ("ocioe", 300), ("my", 300), ("20", 300), ("ath", 300)])
    func theWordsHoldingARunAreFoundInTheWholeVocabulary(_ run: String, _ length: Int) {
        var vocabulary = Vocabulary()
        for word in ["ab", "cd", "abc", "", "bcd", "c", "socioeconomic", "economy", "xxxx", "the", "athens", "zz"] {
            _ = vocabulary.intern(word)
        }
        for id in 0..<Int32(Seeds.corpus.vocabulary.count) {
            _ = vocabulary.intern(Seeds.corpus.vocabulary.word(id))
        }
        let part = Array(run.utf8)
        let oneByOne = (0..<Int32(vocabulary.count)).filter { id in
            let word = Array(vocabulary.bytes(id))
            return word.count >= length || (word.count >= part.count && (0...(word.count - part.count)).contains { Array(word[$0..<($0 + part.count)]) == part })
        }
        #expect(vocabulary.words(holding: part, orAtLeast: length) == oneByOne)
        #expect(!oneByOne.isEmpty)
    }

    /// The candidates' second run is read from its words' postings against the first run's sentences: the same
    /// sentences as testing each of those against each word's list, for common and rare words, none, and sets of
    /// every sentence, every seventh, the last alone and none.
    @Test(arguments: [["the"], ["wagner", "russia"], ["president", "economic", "the", "of"], ["touadera", "bangui"], [], ["the", "the"]])
    func sentencesOfASetHoldingAnyOfSomeWords(_ words: [String]) {
        let corpus = Seeds.corpus
        let ids = words.compactMap { word in Array(word.utf8).withUnsafeBufferPointer { corpus.vocabulary.lookup($0) } }
        let count = Int32(corpus.sentences.count)
        for set in [Array(0..<count), Array(stride(from: 3, to: count, by: 7)), [count - 1], []] {
            let expected = set.filter { id in ids.contains { corpus.sentences(withWord: $0).contains(id) } }
            #expect(evaluator(corpus).sentences(of: SentenceSet(sorted: set), holdingAnyOf: ids).ids == expected, "\(words) in \(set.count)")
        }
        #expect(ids.count == words.count, "the seeds hold the words \(words)")
    }

    private func check(_ pattern: String, _ caseInsensitive: Bool, in corpus: Corpus) throws {
        let regex = try ByteRegex(pattern, caseInsensitive: caseInsensitive)
        let expected = (0..<Int32(corpus.sentences.count)).filter { id in
            let s = corpus.sentences[Int(id)]
            return corpus.documents[Int(s.document)].text.withUnsafeBufferPointer {
                regex.matches(UnsafeBufferPointer(rebasing: $0[Int(s.start)..<Int(s.end)]))
            }
        }
        #expect(try evaluator(corpus).sentences(regexFilter(pattern, caseInsensitive)).ids == expected, "/\(pattern)/")
    }

    private func regexFilter(_ pattern: String, _ caseInsensitive: Bool) -> Filter {
        .regex(pattern: pattern, caseInsensitive: caseInsensitive, SourceSpan(line: 1, column: 1, length: 1))
    }
}
