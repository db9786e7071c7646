import Testing
@testable import DossierCore
import DossierTime

/// The loader finds the time extractor's triggers from its own tokens; they must be exactly the runs the extractor's
/// own scan of the sentence finds, or times would be lost or found where the scan would not look.
@Suite("Time triggers from tokens")
struct TimeTriggerTests {
    /// The triggers found token by token, with word ids from one vocabulary shared by all sentences (as in a batch,
    /// so a plain word's answer is remembered and used again), against the scan of the whole sentence.
    static func compare(_ sentences: [String]) -> [(String, [Range<Int>], [Range<Int>])] {
        var vocabulary = Vocabulary()
        var facts = WordTable()
        defer { facts.deallocate() }
        var triggers = TimeTriggers()
        var differences: [(String, [Range<Int>], [Range<Int>])] = []
        for sentence in sentences {
            let bytes = Array(sentence.utf8)
            bytes.withUnsafeBufferPointer { text in
                var tokens: [WordToken] = []
                Tokenizer.tokenize(text, 0..<text.count, into: &tokens)
                triggers.startSentence()
                for token in tokens where token.kind != .punctuation {
                    let run = Int(token.start)..<Int(token.end)
                    let word = vocabulary.intern(Folding.fold(String(decoding: text[run], as: UTF8.self)))
                    facts.cover(word)
                    triggers.add(token, run: run, timeWord: &facts[word].pointee.timeWord, in: text)
                }
                var scanned: [Range<Int>] = []
                TriggerScanner.triggers(in: text, from: 0, to: text.count) { scanned.append($0) }
                if triggers.found != scanned { differences.append((sentence, triggers.found, scanned)) }
            }
        }
        return differences
    }

    @Test(arguments: [
        "In May 2019 the Congress met; in may it did not.",
        "MAY 5, 1990: the SEPTEMBER session and Septembers past.",
        "The 1990s, the '90s, the 70s and 90's were long ago.",
        "On 9/26/99 and 10-29-99, and again on 1/2 and 12-x.",
        "Obama's 2009 speech; the Nation's 1,000 days; 20.09.2021 at 23:47.",
        "U.S. forces left on Jan. 5th, 2004, yesterday, today and tomorrow.",
        "Mäy and Décembre are not triggers; décembre 2020 has one.",
        "N'Djamena's mayor, the Jean-Yves weekend, Eid al-Fitr, Christmas Eve.",
        "x1990y 1990abc abc1990 12345 123 1 22s 22S 4'",
        "It’s the “twenties” — nowadays, presently, currently, now.",
        "Sept.Oct.Nov. FEBRUARY2020 2020February thousands of years hence.",
        "",
        "1990",
        "May",
        "9/",
    ])
    func tokensFindTheScannersTriggers(_ sentence: String) {
        #expect(Self.compare([sentence]).isEmpty)
    }

    /// A feast's word that is also an ordinary word triggers only with a capital ("Lent", not "lent"; "Epiphany", not
    /// "an epiphany"), whichever form the batch met first, though both share one word id.
    @Test func capitalOnlyWordsFollowEachOccurrencesCase() {
        let sentences = ["They lent him money during Lent.", "An epiphany came at Epiphany.", "LENT and lent again."]
        #expect(Self.compare(sentences).isEmpty)
        let bytes = Array(sentences[0].utf8)
        let found = bytes.withUnsafeBufferPointer { text in
            var runs: [String] = []
            TriggerScanner.triggers(in: text, from: 0, to: text.count) { runs.append(String(decoding: text[$0], as: UTF8.self)) }
            return runs
        }
        #expect(found == ["Lent"])
    }

    /// A word's answer is kept by its id: the same letters folded alike but written otherwise ("Mäy" folds to "may")
    /// must not take the answer of the plain word.
    @Test func aWordsAnswerIsKeptOnlyForPlainWords() {
        #expect(Self.compare(["Mäy came.", "May came.", "Mäy came again.", "MAY came."]).isEmpty)
    }
}
