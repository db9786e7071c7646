import DossierRegex
import Testing
@testable import DossierCore

/// Phrases found through word positions answer exactly as the scan that tokenises every candidate sentence: the
/// same sentences, and for kwic the same byte ranges, whatever the case, diacritics, punctuation and possessives.
@Suite("Phrases from word positions")
struct PhrasePositionTests {
    /// Text that tries every rule of the tokenizer and of folding a phrase goes through.
    static let hostile = loadCorpus([
        ("states.txt", """
        The United States of America. The united states' army came. The United States's navy sailed. \
        UNITED STATES flags flew. The United, States and others. United — States! The United-States line. \
        The United. States was a sentence apart. Únïted Stätes is folded. Some “United” “States” in quotes.
        """),
        ("repeat.txt", "la la la la la. la la la. a a a a a. The the the cat. New York New York New York's new mayor."),
        ("initials.txt", "The U.S. Army and the U.S.A. flag. U.S.Army is run together. 1,000 troops; 1.000 troops and 20.09.2021 came."),
        ("scripts.txt", "Die Straße und die strasse. Ĳssel en IJssel. Москва и МОСКВА. 北京 and 北京 again. 🙂 United 🙂 States."),
        ("apostrophes.txt", "N'Djamena’s mayor met d'Artagnan. Congress’s vote and Congress's vote. The rock'n'roll band's song."),
        ("long.txt", String(repeating: "Ab", count: 700) + " United States " + String(repeating: "é", count: 900) + " end."),
        ("edges.txt", "States United. United\nStates across a line. United\tStates. X"),
    ]).0

    static let phrases = [
        "United States", "united states", "UNITED STATES", "United States army", "states army", "states navy",
        "United States's navy", "la la", "la la la", "a a", "the the", "the cat", "New York", "New York New York",
        "York's new", "U.S. Army", "U.S.A. flag", "u.s army", "1,000 troops", "1.000 troops", "20.09.2021 came",
        "Straße und", "strasse und", "die strasse", "ijssel en", "Москва и", "москва", "北京 and", "United 🙂 States",
        "N'Djamena mayor", "N'Djamena’s mayor", "Congress vote", "Congress's vote", "Congress’s", "band song", "band's song", "rock'n'roll band",
        "States United", "United States across", "across a line", String(repeating: "ab", count: 700) + " united",
        "united states " + String(repeating: "e", count: 900), "Únïted Stätes", "United, States", "United. States",
    ]

    @Test(arguments: phrases)
    func hostileText(_ phrase: String) {
        compare(phrase, in: Self.hostile)
    }

    @Test(arguments: ["Wagner Group", "Central African Republic", "the Central African", "of the", "in the", "Russia's",
                      "Wagner's", "President Touadéra", "president touadera", "the United Nations", "MINUSCA", "the the",
                      "private military company", "Faustin-Archange Touadéra", "“Wagner”", "Prigozhin's death"])
    func seeds(_ phrase: String) {
        compare(phrase, in: Seeds.corpus)
    }

    /// Every run of one to four words of some seed sentences, as written, found again in the whole corpus.
    @Test func everyShortRunOfWordsInTheSeeds() {
        let corpus = Seeds.corpus
        for id in stride(from: 0, to: Int32(corpus.sentences.count), by: 37) {
            let words = corpus.text(of: id).split(separator: " ")
            for length in 1...4 where words.count >= length {
                compare(words[0..<length].joined(separator: " "), in: corpus)
            }
        }
    }

    /// Ctrl-C while the positions are first built stops the phrase query (its caller then says `interrupted`) and
    /// leaves them unbuilt; the next phrase builds them and answers as the text scan does.
    @Test func aBuildStoppedByCtrlCIsDoneAgainNextTime() throws {
        let corpus = loadCorpus([("states.txt", String(repeating: "The United States of America. ", count: 3000))]).0
        let ids = try #require(evaluator(corpus).phraseWordIds(PhraseMatcher.words("United States")))
        var called = 0
        #expect(corpus.forEachPhrase(ids, possessive: [], within: nil, firstOnly: true, shouldStop: { true }) { _, _ in called += 1 })
        #expect(called == 0)
        #expect(throws: WordPositions.Missing.stopped) { try corpus.wordPositions.get(corpus, shouldStop: { true }) }
        compare("United States", in: corpus)
        _ = try corpus.wordPositions.get(corpus, shouldStop: { true })
    }

    /// Each word's positions hold one group per sentence of its postings and one occurrence per token, and are the
    /// same whether the parts are joined a word at a time or all at once.
    @Test func positionsHoldEveryToken() throws {
        for corpus in [Self.hostile, Seeds.corpus] {
            let positions = try corpus.wordPositions.get(corpus, shouldStop: { false })
            let wordByWord = try WordPositions(corpus, shouldStop: { false }, block: 1)
            #expect(wordByWord.bytes == positions.bytes && wordByWord.offsets == positions.offsets)
            try Self.eachWordCursor(corpus) { w, cursor in
                var sentences: [Int32] = []
                var tokens = 0
                cursor.advance()
                while cursor.sentence != Int32.max {
                    sentences.append(cursor.sentence)
                    let ordinals = Self.occurrences(&cursor).map { $0 >> 1 }
                    try #require(!ordinals.isEmpty, "word \(corpus.vocabulary.word(w))")
                    #expect(ordinals == ordinals.sorted() && Set(ordinals).count == ordinals.count, "word \(corpus.vocabulary.word(w))")
                    tokens += ordinals.count
                    cursor.advance()
                }
                #expect(sentences == corpus.sentences(withWord: w), "word \(corpus.vocabulary.word(w))")
                #expect(tokens == Int(corpus.wordTotals[Int(w)]), "word \(corpus.vocabulary.word(w))")
            }
        }
    }

    /// Every word of `corpus` with a fresh cursor over its postings and positions.
    private static func eachWordCursor(_ corpus: Corpus, _ body: (Int32, inout PositionCursor) throws -> Void) throws {
        let positions = try corpus.wordPositions.get(corpus, shouldStop: { false })
        try positions.bytes.withUnsafeBufferPointer { bytes in
            try corpus.wordPostings.withUnsafeBufferPointer { postings in
                for w in 0..<Int32(corpus.vocabulary.count) {
                    var cursor = PositionCursor(
                        postings: UnsafeBufferPointer(rebasing: postings[corpus.wordOffsets[Int(w)]..<corpus.wordOffsets[Int(w) + 1]]),
                        positions: UnsafeBufferPointer(rebasing: bytes[positions.offsets[Int(w)]..<positions.offsets[Int(w) + 1]]))
                    try body(w, &cursor)
                }
            }
        }
    }

    /// A cursor asked for the occurrences of only some of its sentences skips the positions of the others: asked for
    /// all of them at every `stride`-th sentence of each word's list (the first, the last and, with stride 1, all),
    /// and for the first only at some others, it gives the ordinals and possessives the tokenizer gives for that word
    /// in that sentence.
    @Test(arguments: [1, 2, 3, 7, 64])
    func aCursorSkipsTheGroupsOfTheSentencesItIsNotAskedAbout(_ stride: Int) throws {
        for corpus in [Self.hostile, Self.everySentence, Seeds.corpus] {
            try Self.eachWordCursor(corpus) { w, cursor in
                let sentences = corpus.sentences(withWord: w)
                for (k, sentence) in sentences.enumerated() {
                    cursor.advance()
                    try #require(cursor.sentence == sentence)
                    let expected = tokenizerOccurrences(of: w, in: sentence, corpus)
                    if k % stride == 0 || k == sentences.count - 1 {
                        #expect(Self.occurrences(&cursor) == expected, "\(corpus.vocabulary.word(w)) in \(corpus.text(of: sentence))")
                    } else if k % 3 == 1 {
                        cursor.firstOccurrence()
                        #expect(cursor.occurrence == expected.first, "\(corpus.vocabulary.word(w)) in \(corpus.text(of: sentence))")
                    }
                }
                cursor.advance()
                #expect(cursor.sentence == Int32.max)
            }
        }
    }

    /// 3,000 sentences holding "the", a word once ("fox", in the last sentence), one word every 500 sentences, and
    /// phrases whose first word is in every sentence while the rest are rare or far apart.
    static let everySentence = loadCorpus([("every.txt", (0..<3000).map { k in
        k == 2999 ? "The red fox ran past the the dog." : k % 500 == 250 ? "The red hen saw the dog's bone." : "The cat sat on the mat."
    }.joined(separator: " "))]).0

    @Test(arguments: ["the red", "the red fox", "red fox", "the the", "the the dog", "the dog", "the dog's bone",
                      "the cat sat", "the mat", "mat the", "fox ran past", "dog"])
    func aWordInEverySentence(_ phrase: String) {
        compare(phrase, in: Self.everySentence)
    }

    /// The occurrences of the sentence a cursor is on, read one at a time.
    private static func occurrences(_ cursor: inout PositionCursor) -> [UInt32] {
        var out: [UInt32] = []
        cursor.firstOccurrence()
        while cursor.occurrence != UInt32.max {
            out.append(cursor.occurrence)
            cursor.nextOccurrence()
        }
        return out
    }

    /// Word `w`'s occurrences in `sentence` as `ordinal << 1 | possessive`, from the sentence's tokens.
    private func tokenizerOccurrences(of w: Int32, in sentence: Int32, _ corpus: Corpus) -> [UInt32] {
        let range = corpus.sentences[Int(sentence)]
        var tokens: [WordToken] = []
        return corpus.documents[Int(range.document)].text.withUnsafeBufferPointer { text in
            Tokenizer.tokenize(text, Int(range.start)..<Int(range.end), into: &tokens)
            // The buffer the loader folds into, so long words are cut as they were.
            var folded = [UInt8](repeating: 0, count: 2048)
            var out: [UInt32] = []
            for (ordinal, token) in tokens.filter({ $0.kind != .punctuation }).enumerated() {
                let id = folded.withUnsafeMutableBufferPointer { buffer in
                    let length = Folding.fold(UnsafeBufferPointer(rebasing: text[Int(token.start)..<Int(token.end)]), into: buffer)
                    return corpus.vocabulary.lookup(UnsafeBufferPointer(rebasing: buffer[0..<length]))
                }
                if id == w {
                    out.append(UInt32(ordinal) << 1 | (token.isPossessive ? 1 : 0))
                }
            }
            return out
        }
    }

    @Test func aCommonWordInsideAPhraseWalksPastEveryOtherSentence() throws {
        let corpus = Self.hostile
        let evaluator = evaluator(corpus)
        let within = try evaluator.sentences(.phrase("army", span))
        let found = try evaluator.sentences(.and(.phrase("army", span), .phrase("the united states", span)))
        #expect(found.ids == within.ids.filter { PhraseMatcher(PhraseMatcher.words("the united states")).occurs(in: corpus, sentence: $0) })
        #expect(found.ids.map(corpus.text(of:)) == ["The united states' army came."])
    }

    /// A phrase asked inside another filter walks only to that filter's sentences: two words and more, on a word in
    /// every sentence and a rare one.
    @Test(arguments: [("the", "the red"), ("the", "the dog's bone"), ("red", "the red"), ("red", "the the"), ("dog", "the dog"),
                      ("fox", "red fox"), ("cat", "the the dog"), ("mat", "the cat sat")])
    func aPhraseInsideAnotherFilter(_ word: String, _ phrase: String) throws {
        let corpus = Self.everySentence
        let evaluator = evaluator(corpus)
        let within = try evaluator.sentences(.phrase(word, span))
        let found = try evaluator.sentences(.and(.phrase(word, span), .phrase(phrase, span)))
        #expect(found.ids == within.ids.filter { PhraseMatcher(phrase).occurs(in: corpus, sentence: $0) })
    }

    let span = SourceSpan(line: 1, column: 1, length: 1)

    /// The sentences and, for kwic, the byte ranges the positions give, against the scan of every sentence.
    private func compare(_ phrase: String, in corpus: Corpus, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let matcher = PhraseMatcher(phrase)
        let all = (0..<Int32(corpus.sentences.count))
        let scanned = all.filter { matcher.occurs(in: corpus, sentence: $0) }
        let evaluator = evaluator(corpus)
        let found = (try? evaluator.sentences(.phrase(phrase, span)).ids) ?? []
        #expect(found == scanned, "\"\(phrase)\"", sourceLocation: sourceLocation)
        let finder = evaluator.phraseRanges(matcher, in: SentenceSet(sorted: Array(all)))
        var tokens: [WordToken] = []
        for id in all {
            var found: [Range<Int>] = []
            finder.find(id, &found)
            let ranges = finder.inWords ? corpus.bytes(ofWords: found, in: id, tokens: &tokens) : found
            #expect(ranges == matcher.ranges(in: corpus, sentence: id), "\"\(phrase)\" in \(corpus.text(of: id))",
                    sourceLocation: sourceLocation)
        }
    }

    private func evaluator(_ corpus: Corpus) -> Evaluator {
        Evaluator(corpus: corpus, variables: [:], fail: { span, message, _ in
            Diagnostic(.error, at: SourceLocation(file: "<test>", line: span.line, column: span.column), message)
        }, shouldStop: { false })
    }
}
