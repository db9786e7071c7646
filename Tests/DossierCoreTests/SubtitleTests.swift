import Foundation
import Testing
@testable import DossierCore

/// Subtitles and timed transcripts read as the words spoken (tester19 #8): cue numbers, timings and markup are no
/// text, a sentence runs across cues, and a transcript's "[0:05]" stamps are no words.
@Suite struct SubtitleTests {
    /// Four cues of Kennedy's Rice University speech (12 September 1962) as a subtitle download gives them.
    static let riceSRT = """
        1
        00:07:02,871 --> 00:07:08,470
        We set sail on this new sea because
        there is new knowledge to be gained

        2
        00:07:08,470 --> 00:07:15,771
        and new rights to be won, and they must
        be won and used for the progress of all people.

        3
        00:07:15,819 --> 00:07:22,050
        For space science, like nuclear
        science and all technology

        4
        00:07:22,100 --> 00:07:25,000
        has no conscience of its own.

        """

    static let riceSentences = [
        "We set sail on this new sea because there is new knowledge to be gained and new rights to be won, and they must be won and used for the progress of all people.",
        "For space science, like nuclear science and all technology has no conscience of its own.",
    ]

    /// SubRip and WebVTT, as `.srt`, `.vtt` or saved as `.txt`: numbers, identifiers, timings (with WebVTT's cue
    /// settings), the header and its NOTE and STYLE blocks, tags and overrides are dropped, and the cues are one text.
    @Test(arguments: [
        ("rice.srt", riceSRT),
        ("rice-srt.txt", riceSRT.replacingOccurrences(of: "\n", with: "\r\n")),
        ("rice.vtt", "WEBVTT - Rice University, 1962\nKind: captions\n\nNOTE made from the\nbroadcast tape\n\nSTYLE\n::cue { color: yellow }\n\n"
            + riceSRT.replacingOccurrences(of: #"(\d),(\d\d\d)"#, with: "$1.$2", options: .regularExpression).replacingOccurrences(of: "07:08.470\n", with: "07:08.470 align:start position:0%\n")
                .replacingOccurrences(of: "\n2\n", with: "\nintro-2\n").replacingOccurrences(of: "We set sail", with: "<v John F. Kennedy>We set sail")),
        ("rice-vtt.txt", "WEBVTT\n\n" + riceSRT.replacingOccurrences(of: "00:07:", with: "07:")
            .replacingOccurrences(of: #"(\d),(\d\d\d)"#, with: "$1.$2", options: .regularExpression)
            .replacingOccurrences(of: "must\n", with: "<i>must</i>\n").replacingOccurrences(of: "For space", with: "{\\an8}For space")),
    ])
    func cuesAreOneTextWithoutTheirFurniture(_ name: String, _ text: String) {
        let corpus = analyze(text, name: name)
        #expect(corpus.sentenceTexts == Self.riceSentences)
        #expect(run(#"count text "technology has no conscience""#, corpus: corpus).out == "1 sentence\n")
        let words = run("count words with stopwords | limit 3", corpus: corpus).out
        #expect(!words.contains("00") && !words.contains("07"), "\(words)")
    }

    /// A YouTube automatic caption rolls: each cue shows the line before again with karaoke times inside; each line is
    /// said once. A speaker's dash and caption chevrons are no words.
    @Test(arguments: [
        ("WEBVTT\nKind: captions\nLanguage: en\n\n00:00:00.320 --> 00:00:02.629 align:start position:0%\n \n"
         + "the<00:00:00.640><c> president</c><00:00:00.960><c> of</c><00:00:01.120><c> Kenya</c>\n\n"
         + "00:00:02.629 --> 00:00:02.639 align:start position:0%\nthe president of Kenya\n \n\n"
         + "00:00:02.639 --> 00:00:05.110 align:start position:0%\nthe president of Kenya\n"
         + "arrived<00:00:03.200><c> in</c><00:00:03.440><c> Nairobi</c><00:00:03.760><c> today.</c>\n", ["the president of Kenya arrived in Nairobi today."]),
        ("""
         12
         00:01:10,000 --> 00:01:12,000
         - Did Chad sign the treaty?
         - It did.

         13
         00:01:12,500 --> 00:01:14,000
         >> Mali did not.

         """, ["Did Chad sign the treaty?", "It did.", "Mali did not."]),
    ])
    func aRollingCaptionIsSaidOnce(_ text: String, _ sentences: [String]) {
        #expect(analyze(text, name: "captions.vtt").sentenceTexts == sentences)
    }

    /// In a `.txt`, only a run of cues is joined: a heading and a paragraph around them stay text of their own.
    @Test func textAroundCuesStaysItsOwn() {
        let text = "Rice University speech\n\nThe President spoke in Houston.\n\n" + Self.riceSRT + "\nThe speech ended at noon.\n"
        #expect(analyze(text, name: "notes.txt").sentenceTexts == ["Rice University speech", "The President spoke in Houston."]
            + Self.riceSentences + ["The speech ended at noon."])
    }

    /// A transcript's time stamps are no words and do not break a phrase; a link's words or a page reference in
    /// brackets are kept.
    @Test(arguments: [
        ("[0:00] the distinguished lady from Taguig. May I just be allowed, Mr. President, to greet [0:05] some guests from the gallery.",
         "greet some guests", "the distinguished lady from Taguig."),
        ("[00:01:02] Senator Hontiveros asked to greet some guests [00:01:09.5] from the gallery.", "guests from the gallery",
         "Senator Hontiveros asked to greet some guests from the gallery."),
        ("The ruling [12:30] is final.", "ruling is final", "The ruling is final."),
    ])
    func timeStampsAreNoWords(_ text: String, _ phrase: String, _ first: String) {
        let corpus = analyze(text, name: "hearing.txt")
        #expect(corpus.sentenceTexts.first == first)
        #expect(run("count text \"\(phrase)\"", corpus: corpus).out == "1 sentence\n")
        let words = run("count words with stopwords", corpus: corpus).out
        #expect(!words.contains("\n0 ") && !words.contains("\n00 ") && !words.contains("05"), "\(words)")
    }

    /// Brackets that are no time stamp stay as written.
    @Test(arguments: ["See [Mali](https://example.org) and [12:30](https://example.org/t) for more.", "The case was filed [2019] in Nairobi."])
    func otherBracketsStay(_ text: String) {
        #expect(Subtitles.withoutStamps(Array(text.utf8)) == nil)
    }
}
