/// Splits a stretch of UTF-8 bytes into word, number and symbol tokens, mapping typographic punctuation to ASCII.
enum Tokenizer {
    /// The tokens of `text[range]`, replacing those in `tokens`. They are written through a pointer into room on the
    /// stack for 64 and appended 64 at a time: an append per token checked that the array was not shared and had room.
    static func tokens(in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into tokens: inout [Token]) {
        tokens.removeAll(keepingCapacity: true)
        withUnsafeTemporaryAllocation(of: Token.self, capacity: roomForTokens) { room in
            guard let out = room.baseAddress else { return }
            var count = 0
            func add(_ token: Token) {
                if count == roomForTokens {
                    tokens.append(contentsOf: UnsafeBufferPointer(start: out, count: count))
                    count = 0
                }
                (out + count).initialize(to: token)
                count &+= 1
            }
            let end = min(range.upperBound, text.count)
            var index = max(range.lowerBound, 0)
            var spaced = true
            while index < end {
                let byte = text[index]
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    spaced = true
                    index += 1
                    continue
                }
                if byte >= 0x80, let (symbol, length) = special(in: text, at: index, end: end) {
                    if symbol == 0x20 {
                        spaced = true
                    } else {
                        add(Token(start: index, end: index + length, kind: .symbol, spaced: spaced, symbol: symbol))
                        spaced = false
                    }
                    index += length
                    continue
                }
                let start = index
                if isDigit(byte) {
                    var value = 0
                    while index < end, isDigit(text[index]) {
                        value = index - start < 9 ? value * 10 + Int(text[index] - 48) : Int.max
                        index += 1
                    }
                    add(Token(start: start, end: index, value: value, kind: .number, spaced: spaced))
                } else if isLetter(byte) || byte >= 0x80 {
                    var key = WordKey()
                    var isASCII = true
                    while index < end {
                        let letter = text[index]
                        if isLetter(letter) {
                            key.append(letter, at: index - start)
                        } else if letter >= 0x80, special(in: text, at: index, end: end) == nil {
                            isASCII = false
                        } else {
                            break
                        }
                        index += 1
                    }
                    let (word, startsFeast) = isASCII && index - start <= 16 ? Word.entry(key) : (.other, false)
                    let capitalised = (byte >= 0x41 && byte <= 0x5A) || byte >= 0x80
                    add(Token(start: start, end: index, kind: .word, spaced: spaced, word: word, isCapitalised: capitalised,
                              startsFeast: startsFeast))
                } else {
                    add(Token(start: start, end: index + 1, kind: .symbol, spaced: spaced, symbol: byte))
                    index += 1
                }
                spaced = false
            }
            tokens.append(contentsOf: UnsafeBufferPointer(start: out, count: count))
        }
    }

    /// How many tokens are written on the stack before they are appended.
    private static let roomForTokens = 64

    /// Whether some ASCII word of the text is one `test` accepts; reads the words without making tokens.
    static func containsWord(in text: UnsafeBufferPointer<UInt8>, where test: (Word) -> Bool) -> Bool {
        var index = 0
        while index < text.count {
            guard isLetter(text[index]) else {
                index += 1
                continue
            }
            let start = index
            var key = WordKey()
            while index < text.count, isLetter(text[index]) {
                key.append(text[index], at: index - start)
                index += 1
            }
            if index - start <= 16, test(Word.lookup(key)) { return true }
        }
        return false
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// Non-ASCII punctuation and spaces as (ASCII stand-in, byte length); nil for anything that belongs in a word.
    private static func special(in text: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> (UInt8, Int)? {
        guard index + 1 < end else { return nil }
        let second = text[index + 1]
        switch text[index] {
        case 0xC2:
            switch second {
            case 0xA0: return (0x20, 2)
            case 0xA3, 0xA5: return (UInt8(ascii: "$"), 2)
            case 0xB0: return (UInt8(ascii: "#"), 2)
            case 0xAB, 0xBB: return (UInt8(ascii: "\""), 2)
            default: return nil
            }
        case 0xE2:
            guard index + 2 < end else { return nil }
            let third = text[index + 2]
            if second == 0x82 && third == 0xAC { return (UInt8(ascii: "$"), 3) }
            guard second == 0x80 else { return nil }
            switch third {
            case 0x80...0x8B, 0xAF: return (0x20, 3)
            case 0x90...0x95: return (UInt8(ascii: "-"), 3)
            case 0x98...0x9B: return (UInt8(ascii: "'"), 3)
            case 0x9C...0x9F: return (UInt8(ascii: "\""), 3)
            case 0xA6: return (UInt8(ascii: "."), 3)
            default: return nil
            }
        default:
            return nil
        }
    }
}
