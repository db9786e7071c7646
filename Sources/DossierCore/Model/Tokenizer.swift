/// One word, number or punctuation mark in a sentence, as byte offsets into the document text.
public struct WordToken: Sendable {
    /// Words hold a letter, numbers only digits; everything else is punctuation.
    public enum Kind: UInt8, Sendable { case word, number, punctuation }
    public var start: Int32
    public var end: Int32
    public var kind: Kind
    /// First letter upper case.
    public var isCapitalized: Bool
    /// Every letter upper case (at least two letters, or a dotted initialism like "U.S.").
    public var isAllCaps: Bool
    /// The word was followed by a possessive `'s`, which is not a token of its own.
    public var isPossessive: Bool
    /// The first byte of a punctuation token.
    public var mark: UInt8
    /// Every byte is an ASCII letter (a word) or an ASCII digit (a number): the token is one run of them.
    public var isPlain = false
}

/// Splits UTF-8 text into words, numbers and punctuation without building strings.
public enum Tokenizer {
    /// Appends the tokens of `text[range]` to `tokens` (offsets stay relative to `text`).
    ///
    /// The tokens are written through a pointer into room on the stack for 64 and appended 64 at a time: an append
    /// per token checked that the array was not shared and had room, and room for a whole sentence was taken from the
    /// heap. A run of ASCII letters or of digits that ends where `scanWord` would end it (the common word and number),
    /// a space and an ASCII mark are read in this loop; every other word goes through `scanWord`.
    public static func tokenize(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into tokens: inout [WordToken]) {
        guard !range.isEmpty, let base = text.baseAddress else { return }
        withUnsafeTemporaryAllocation(of: WordToken.self, capacity: roomForTokens) { room in
            guard let out = room.baseAddress else { return }
            var count = 0
            var i = range.lowerBound
            let end = range.upperBound
            while i < end {
                if count == roomForTokens {
                    tokens.append(contentsOf: UnsafeBufferPointer(start: out, count: count))
                    count = 0
                }
                let b = base[i]
                if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                    i &+= 1
                    continue
                }
                if b < 0x80 {
                    let start = i
                    if (b | 0x20) &- 97 < 26 {
                        var uppers = 0
                        repeat {
                            let c = base[i]
                            guard (c | 0x20) &- 97 < 26 else { break }
                            uppers &+= c < 0x60 ? 1 : 0
                            i &+= 1
                        } while i < end
                        let letters = i &- start
                        if i == end || endsLetterRun(base[i], length: letters) {
                            (out + count).initialize(to: WordToken(start: Int32(start), end: Int32(i), kind: .word, isCapitalized: b < 0x60,
                                                                   isAllCaps: uppers == letters && letters >= 2, isPossessive: false,
                                                                   mark: 0, isPlain: true))
                            count &+= 1
                            continue
                        }
                    } else if b &- 48 < 10 {
                        repeat { i &+= 1 } while i < end && base[i] &- 48 < 10
                        if i == end || endsDigitRun(text, at: i, end: end) {
                            (out + count).initialize(to: WordToken(start: Int32(start), end: Int32(i), kind: .number, isCapitalized: false,
                                                                   isAllCaps: false, isPossessive: false, mark: 0, isPlain: true))
                            count &+= 1
                            continue
                        }
                    } else {
                        (out + count).initialize(to: WordToken(start: Int32(i), end: Int32(i &+ 1), kind: .punctuation, isCapitalized: false,
                                                               isAllCaps: false, isPossessive: false, mark: b))
                        count &+= 1
                        i &+= 1
                        continue
                    }
                    let (token, next) = scanWord(text, from: start, end: end)
                    (out + count).initialize(to: token)
                    count &+= 1
                    i = next
                } else if isWordStart(text, i, end) {
                    let (token, next) = scanWord(text, from: i, end: end)
                    (out + count).initialize(to: token)
                    count &+= 1
                    i = next
                } else {
                    let width = scalarWidth(b)
                    (out + count).initialize(to: WordToken(start: Int32(i), end: Int32(min(end, i + width)), kind: .punctuation,
                                                           isCapitalized: false, isAllCaps: false, isPossessive: false, mark: b))
                    count &+= 1
                    i += width
                }
            }
            tokens.append(contentsOf: UnsafeBufferPointer(start: out, count: count))
        }
    }

    /// How many tokens `tokenize` writes before appending them: 1 KB, which stays on the stack.
    private static var roomForTokens: Int { 64 }

    /// Whether `scanWord` ends a word of `length` ASCII letters at the byte `next` that follows them: it goes on at a
    /// digit, an apostrophe, a letter of another script, and at a full stop after one letter ("U.S.").
    @inline(__always)
    static func endsLetterRun(_ next: UInt8, length: Int) -> Bool {
        next < 0x80 && next &- 48 >= 10 && next != 0x27 && (next != 0x2E || length > 1)
    }

    /// Whether `scanWord` ends a number of ASCII digits at byte `i` (before `end`): it goes on at a letter, at a byte
    /// of another script, and at a comma or full stop before a digit ("1,000", "2.5").
    @inline(__always)
    static func endsDigitRun(_ t: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Bool {
        let next = t[i]
        guard next < 0x80, (next | 0x20) &- 97 >= 26 else { return false }
        if next == 0x2C || next == 0x2E { return i + 1 >= end || !isDigit(t[i + 1]) }
        return true
    }

    @inline(__always)
    static func scalarWidth(_ b: UInt8) -> Int {
        b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
    }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    @inline(__always)
    static func isAsciiLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 97 && (b | 0x20) <= 122 }

    /// Letters and digits, including Latin, Greek, Cyrillic and other scripts; not punctuation or symbols.
    @inline(__always)
    static func isWordStart(_ t: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        let b = t[i]
        if b < 0x80 { return isDigit(b) || isAsciiLetter(b) }
        if b == 0xC2 { return false }
        if b == 0xC3 { return i + 1 < end && t[i + 1] != 0x97 && t[i + 1] != 0xB7 }
        // A sentence's end in another script (`SentenceSplitter.otherStop`: the Arabic question mark, the Urdu full stop,
        // the danda) ends a word, and so do the Arabic script's comma and semicolon.
        if b == 0xD8 { return i + 1 < end && t[i + 1] != 0x8C && t[i + 1] != 0x9B && SentenceSplitter.otherStop(t, i, end) == 0 }
        if b == 0xDB { return i + 1 < end && SentenceSplitter.otherStop(t, i, end) == 0 }
        if b < 0xE0 { return b >= 0xC4 }
        if b == 0xE2 || b == 0xEF { return false }
        if b >= 0xF0 { return false }
        // U+3000...U+303F: CJK punctuation (the ideographic space and full stop, corner brackets), which ends a word.
        if b == 0xE3 { return i + 1 < end && t[i + 1] != 0x80 }
        // U+0800...U+0FFF: Devanagari, Bengali, Tamil and the other scripts of India, Thai, Lao, Tibetan (tester17 #19:
        // Hindi and Bengali words were no words); their danda ends a sentence, and Tibetan's marks (U+0F04...U+0F14: its
        // tsheg and shad) a word.
        if b == 0xE0 {
            guard i + 2 < end else { return true }
            return SentenceSplitter.otherStop(t, i, end) == 0 && !(t[i + 1] == 0xBC && t[i + 2] >= 0x84 && t[i + 2] <= 0x94)
        }
        // U+1000...U+1FFF: Latin Extended Additional (Vietnamese), Greek Extended, Georgian, Ethiopic, ...
        return b == 0xE1 || b >= 0xE4
    }

    /// The word or number that starts at `begin` (a byte for which `isWordStart` holds), and where it ends.
    static func scanWord(_ t: UnsafeBufferPointer<UInt8>, from begin: Int, end: Int) -> (WordToken, next: Int) {
        var i = begin
        var letters = 0, uppers = 0, digits = 0
        var firstUpper = false
        var possessive = false
        var dotted = false
        while i < end {
            let b = t[i]
            // ASCII letters and digits, the common case, without the general checks.
            let lower = b | 0x20
            if lower >= 97 && lower <= 122 {
                if letters == 0 { firstUpper = b < 0x60 }
                // The whole run of ASCII letters in one tight loop.
                let run = i
                repeat {
                    let c = t[i]
                    guard (c | 0x20) &- 97 < 26 else { break }
                    if c < 0x60 { uppers += 1 }
                    i += 1
                } while i < end
                letters += i - run
                continue
            }
            if b >= 48 && b <= 57 {
                digits += 1
                i += 1
                continue
            }
            if isWordStart(t, i, end) {
                if isDigit(b) { digits += 1 } else {
                    let upper = Folding.isUpper(t, at: i)
                    if letters == 0 { firstUpper = upper }
                    letters += 1
                    if upper { uppers += 1 }
                }
                i += scalarWidth(b)
                continue
            }
            // Apostrophe: possessive 's ends the word; inside a name (N'Djamena, d'etat) it stays.
            let apostropheWidth = b == 0x27 ? 1 : (b == 0xE2 && i + 2 < end && t[i + 1] == 0x80 && t[i + 2] == 0x99) ? 3 : 0
            if apostropheWidth > 0, letters > 0 {
                let next = i + apostropheWidth
                if next < end, t[next] | 0x20 == 0x73, next + 1 >= end || !isWordStart(t, next + 1, end) {
                    possessive = true
                    var token = makeWord(begin, i, letters: letters, uppers: uppers, firstUpper: firstUpper, dotted: dotted, possessive: true)
                    token.isPlain = digits == 0 && letters == i - begin
                    return (token, next + 1)
                }
                if next < end, isWordStart(t, next, end), !isDigit(t[next]) {
                    i = next
                    continue
                }
                break
            }
            // Digits joined by , or . stay one number ("1,000", "20.09.2021", "2.5").
            if (b == 0x2C || b == 0x2E), digits > 0, letters == 0, i + 1 < end, isDigit(t[i + 1]) {
                i += 1
                continue
            }
            // Dotted initialisms: "U.S.", "U.N.", "C.A.R.".
            if b == 0x2E, letters > 0, digits == 0, (i - begin == 1 || (i >= 2 && t[i - 2] == 0x2E)) {
                if i + 2 < end, isAsciiLetter(t[i + 1]), t[i + 2] == 0x2E {
                    dotted = true
                    i += 2
                    continue
                }
                if dotted {
                    i += 1
                    break
                }
            }
            break
        }
        var token = makeWord(begin, i, letters: letters, uppers: uppers, firstUpper: firstUpper, dotted: dotted, possessive: possessive)
        token.isPlain = (letters == 0 ? digits : digits == 0 ? letters : -1) == i - begin
        return (token, i)
    }

    @inline(__always)
    static func makeWord(_ start: Int, _ end: Int, letters: Int, uppers: Int, firstUpper: Bool, dotted: Bool, possessive: Bool) -> WordToken {
        let kind: WordToken.Kind = letters == 0 ? .number : .word
        return WordToken(start: Int32(start), end: Int32(end), kind: kind,
                         isCapitalized: firstUpper,
                         isAllCaps: letters > 0 && uppers == letters && (letters >= 2 || dotted),
                         isPossessive: possessive, mark: 0)
    }
}
