/// Splits a paragraph into sentences, surviving initials ("F. Touadéra"), titles ("Col.", "Dr."),
/// initialisms ("U.S."), "et al.", numbers, quotes and brackets.
enum SentenceSplitter {
    static let abbreviations: Set<[UInt8]> = Set([
        "mr", "mrs", "ms", "dr", "col", "gen", "lt", "capt", "cpt", "sgt", "maj", "prof", "st", "sr", "jr", "rev", "gov",
        "sen", "rep", "no", "nos", "vs", "al", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "mt", "ft", "fig", "vol", "pp", "ed", "eds", "approx", "dept", "univ", "adm",
        "brig", "cmdr", "hon", "messrs", "mme", "mlle", "cf", "ca", "lt.col", "gens", "pres", "art", "sec", "para",
        // Given names as older English abbreviates them ("Wm. H. Smith", "Robt. B. Albritton").
        "wm", "chas", "robt", "jas", "thos", "geo", "benj", "saml", "edw", "richd", "jno", "danl", "nathl",
        // Currencies before an amount ("Rs. 500", "Ksh. 100") and references before a number ("Ch. 4", "Figs. 4 and 5",
        // "est. 1890"; tester19 #22), and offices as Philippine papers abbreviate them ("Usec.", "Brgy."; #19).
        "rs", "re", "ksh", "kshs", "tshs", "ush", "ushs", "shs", "frs", "fr", "dhs", "chap", "figs", "tab", "eq", "eqs", "sch",
        "est", "fl", "usec", "asec", "brgy", "atty", "engr", "dra", "supt", "insp", "cpl", "pvt",
    ].map { Array($0.utf8) })

    /// Abbreviations of law reports, courts and codes ("244 Ala. 396", "(Cal. Ct. App. 1996)", "Code 1940, Tit. 13",
    /// "Central of Georgia Ry. Co."): they end no sentence before a number or another abbreviation (tester19 #7: a
    /// judgment's citations were twenty sentences); before a capitalised word they may ("... in Seattle, Wash. She").
    static let reportAbbreviations: Set<[UInt8]> = Set([
        "ala", "cal", "app", "ct", "supp", "tit", "ry", "div", "so", "cir", "fed", "ariz", "ark", "colo", "conn", "del", "fla",
        "ga", "ill", "ind", "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore",
        "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "stat", "ann", "rev", "civ", "crim", "dist", "misc", "cl", "ch",
        "pt", "sess", "cong", "reg", "super", "cas", "rep", "ed", "l",
    ].map { Array($0.utf8) })

    static let sentenceStarters: Set<[UInt8]> = Set([
        "the", "this", "that", "it", "he", "she", "they", "we", "in", "on", "but", "and", "a", "an", "however", "its",
        "their", "his", "her", "there", "as", "at", "for", "after", "while", "when", "i", "these", "those", "if", "since",
    ].map { Array($0.utf8) })

    /// Sentence ranges within `range` of `text`.
    static func split(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        split(text, range) { result.append($0) }
        return result
    }

    /// Calls `found` with each sentence range within `range` of `text`, in order: the loader keeps them without an
    /// array made, grown and trimmed for every paragraph.
    static func split(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ found: (Range<Int>) -> Void) {
        var start = range.lowerBound
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            // Eight bytes at a time past those that hold no ".", "!", "?" or first byte of "…".
            if let base = text.baseAddress {
                while i + 8 <= end, !mayEndSentence(UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))) {
                    i += 8
                }
                if i >= end { break }
            }
            let b = text[i]
            let isEllipsis = b == 0xE2 && i + 2 < end && text[i + 1] == 0x80 && text[i + 2] == 0xA6
            let other = b >= 0xD8 ? otherStop(text, i, end) : 0
            guard b == 0x2E || b == 0x21 || b == 0x3F || isEllipsis || other > 0 else {
                i += 1
                continue
            }
            var after = i + (isEllipsis ? 3 : other > 0 ? other : 1)
            while after < end, isClosing(text, after, end) || text[after] == 0x2E || text[after] == 0x21 || text[after] == 0x3F {
                after += closingWidth(text, after, end)
            }
            // The ideographic full stop needs no space after it: Chinese and Japanese put none.
            let ideographic = other == 3 && b == 0xE3
            guard after < end, text[after] == 0x20 || ideographic else {
                if b == 0x2E, after == i + 1, after < end, endsGlued(text, stop: i, end: end, sentenceStart: start) {
                    if let sentence = trimmed(start..<after, text) { found(sentence) }
                    start = after
                }
                i = after
                continue
            }
            if ideographic, text[after] != 0x20 {
                if let sentence = trimmed(start..<after, text) { found(sentence) }
                start = after
                i = after
                continue
            }
            var next = after
            while next < end, text[next] == 0x20 || isOpening(text, next, end) { next += Tokenizer.scalarWidth(text[next]) }
            if next >= end { break }
            if other > 0 || shouldSplit(text, terminator: i, isPeriod: b == 0x2E && !isEllipsis, next: next, end: end, sentenceStart: start) {
                if let sentence = trimmed(start..<after, text) { found(sentence) }
                start = after + 1
            }
            i = after
        }
        if start < end, let sentence = trimmed(start..<end, text) { found(sentence) }
    }

    /// Whether any of eight bytes is ".", "!", "?" or not ASCII (the first byte of "…" or of another script's full
    /// stop), each byte compared at once: a byte equal to the one looked for becomes zero, and
    /// `(v - 0x01…) & ~v & 0x80…` is not zero exactly when some byte of v is zero.
    @inline(__always)
    static func mayEndSentence(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func holds(_ byte: UInt64) -> Bool {
            let v = word ^ (ones &* byte)
            return (v &- ones) & ~v & highs != 0
        }
        return word & highs != 0 || holds(0x2E) || holds(0x21) || holds(0x3F)
    }

    /// The width of another script's sentence end at `i` (UAX #29's Sentence_Terminal): the danda and double danda of
    /// Indian scripts (U+0964, U+0965), the Urdu full stop (U+06D4), the Arabic question mark (U+061F), the ideographic
    /// full stop (U+3002); 0 for anything else (tester18 #13: a Hindi quotation of three sentences was one).
    @inline(__always)
    static func otherStop(_ t: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        guard i + 1 < end else { return 0 }
        let b = t[i], c = t[i + 1]
        if b == 0xDB && c == 0x94 || b == 0xD8 && c == 0x9F { return 2 }
        guard i + 2 < end else { return 0 }
        if b == 0xE0 && c == 0xA5 && (t[i + 2] == 0xA4 || t[i + 2] == 0xA5) || b == 0xE3 && c == 0x80 && t[i + 2] == 0x82 { return 3 }
        return 0
    }

    static func trimmed(_ r: Range<Int>, _ text: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var s = r.lowerBound, e = r.upperBound
        while s < e, text[s] == 0x20 { s += 1 }
        while e > s, text[e - 1] == 0x20 { e -= 1 }
        return s < e ? s..<e : nil
    }

    /// Verbs that attribute a quotation: `"...do?" Maiga asked.` goes on after the question mark.
    static let speechVerbs: Set<[UInt8]> = Set(["asked", "said", "says", "asks", "added", "replied", "told", "wrote",
                                                  "explained", "insisted", "warned", "noted", "continued", "stated"].map { Array($0.utf8) })

    static func shouldSplit(_ t: UnsafeBufferPointer<UInt8>, terminator: Int, isPeriod: Bool, next: Int, end: Int, sentenceStart: Int) -> Bool {
        if Folding.isLower(t, at: next) { return false }
        if !isPeriod {
            // A quoted question or exclamation followed by "Name said".
            guard terminator + 1 < end, isClosing(t, terminator + 1, end) else { return true }
            var k = next
            while k < end, t[k] != 0x20 { k += 1 }
            var verb: [UInt8] = []
            k += 1
            while k < end, Tokenizer.isAsciiLetter(t[k]) { verb.append(t[k] | 0x20); k += 1 }
            return !speechVerbs.contains(verb)
        }
        // The word before the full stop.
        var w = terminator
        while w > sentenceStart, t[w - 1] != 0x20, t[w - 1] != 0x28, !isOpening(t, w - 1, end) { w -= 1 }
        let word = UnsafeBufferPointer(rebasing: t[w..<terminator])
        // A list's number opening the sentence ("1. Security in the Sahel") ends nothing (tester18 #9).
        if w == sentenceStart, (1...2).contains(word.count), word.allSatisfy(Tokenizer.isDigit) { return false }
        var folded: [UInt8] = []
        Folding.fold(word, into: &folded)
        // An initial ("F. Touadéra"), unless a word that opens sentences, not names, follows: "King George V. In 1936".
        if folded.count == 1, Tokenizer.isAsciiLetter(folded[0]) || !word.isEmpty && word[0] >= 0xC0 {
            let nextWord = asciiWord(t, from: next, end: end)
            return nextWord.count > 1 && sentenceStarters.contains(nextWord)
        }
        if word.count == 2, word[0] >= 0xC0 { return false }
        if abbreviations.contains(folded) { return false }
        if reportAbbreviations.contains(folded) {
            if Tokenizer.isDigit(t[next]) { return false }
            let nextWord = asciiWord(t, from: next, end: end)
            if next + nextWord.count < end, t[next + nextWord.count] == 0x2E,
               reportAbbreviations.contains(nextWord) || abbreviations.contains(nextWord) { return false }
        }
        // A number after a word's or a year's stop opens a sentence ("... on Monday. 2021 was hard.", "... in 1990. 10
        // died."; tester18 #18), not after a short number's ("Section 3. 2 ...").
        if Tokenizer.isDigit(t[next]) {
            // "$2. 1 billion" (a decimal point spaced), "Section 3. 2 ...": a short number's stop.
            let digits = word.drop { !Tokenizer.isDigit($0) && !Tokenizer.isAsciiLetter($0) }
            if !digits.isEmpty, digits.count <= 2, digits.allSatisfy(Tokenizer.isDigit) { return false }
        }
        // A number with a decimal point ("$155,930,940.84. Between ...") is no initialism: its full stop ends the sentence.
        if folded.contains(0x2E), !folded.contains(where: Tokenizer.isDigit) {
            // An initialism such as U.S. or e.g.: only a clear sentence opener after it starts a new sentence.
            return sentenceStarters.contains(asciiWord(t, from: next, end: end))
        }
        return true
    }

    /// Whether the full stop at `stop`, with no space after it, ends a sentence all the same, as scraped text loses the
    /// space ("the President said.Mr. Duterte made", "in a recent report.Data gathered"; tester19 #5): a word of three
    /// lower-case letters or more before it, no dot, slash or "@" in that word (an address: "desk@news.Org",
    /// "www.news.Com"), and a capitalised word after it.
    static func endsGlued(_ t: UnsafeBufferPointer<UInt8>, stop: Int, end: Int, sentenceStart: Int) -> Bool {
        // A quotation may open right after the stop ("were recorded.“Air pollution ...").
        let next = stop + 1 < end && isOpening(t, stop + 1, end) ? stop + 1 + Tokenizer.scalarWidth(t[stop + 1]) : stop + 1
        guard next + 1 < end, t[next] >= 0x41 && t[next] <= 0x5A, t[next + 1] >= 0x61 && t[next + 1] <= 0x7A else { return false }
        // A bracket closed before it: "... the World Health Organization (WHO).The Philippines".
        if stop > sentenceStart + 1, t[stop - 1] == 0x29, Tokenizer.isAsciiLetter(t[stop - 2]) { return true }
        var w = stop
        while w > sentenceStart, t[w - 1] != 0x20 {
            let byte = t[w - 1]
            if byte == 0x2E || byte == 0x2F || byte == 0x40 || byte == 0x3A { return false }
            w -= 1
        }
        return stop - w >= 3 && (w..<stop).allSatisfy { t[$0] >= 0x61 && t[$0] <= 0x7A || $0 == w && t[$0] >= 0x41 && t[$0] <= 0x5A }
    }

    /// The ASCII letters from `start`, in lower case: the word that opens what follows a full stop.
    static func asciiWord(_ t: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> [UInt8] {
        var k = start
        var word: [UInt8] = []
        while k < end, Tokenizer.isAsciiLetter(t[k]) { word.append(t[k] | 0x20); k += 1 }
        return word
    }

    @inline(__always)
    static func isClosing(_ t: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        let b = t[i]
        if b == 0x22 || b == 0x27 || b == 0x29 || b == 0x5D { return true }
        if b == 0xE2, i + 2 < end, t[i + 1] == 0x80 { return t[i + 2] == 0x99 || t[i + 2] == 0x9D || t[i + 2] == 0xBA }
        if b == 0xC2, i + 1 < end { return t[i + 1] == 0xBB }
        return false
    }

    @inline(__always)
    static func closingWidth(_ t: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        Tokenizer.scalarWidth(t[i])
    }

    @inline(__always)
    static func isOpening(_ t: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        let b = t[i]
        if b == 0x22 || b == 0x27 || b == 0x28 || b == 0x5B { return true }
        if b == 0xE2, i + 2 < end, t[i + 1] == 0x80 { return t[i + 2] == 0x98 || t[i + 2] == 0x9C || t[i + 2] == 0xB9 }
        if b == 0xC2, i + 1 < end { return t[i + 1] == 0xAB }
        return false
    }
}
