/// Firms the lexicon lacks, told by business news's own cues: a stock ticker in parentheses ("Abbott's (NYSE:ABT) chief
/// executive", "Diamond Foods Inc. (DMND)") and a word for a kind of firm before one capitalised word ("diagnostics company
/// Alere", "the retailer Saks"). The ticker is the firm's too, not a body of its own.
struct CompanyCues {
    /// Stock exchanges written before a ticker ("NYSE:ABT", "Nasdaq: AAPL").
    static let exchanges = NameDiscovery.words(["nyse", "nasdaq", "amex", "lse", "tsx", "tsxv", "asx", "otc", "otcqx", "nysearca", "euronext",
                                                "hkex", "sgx", "jse", "nse", "bse", "tse", "xetra", "six", "bmv", "bovespa", "krx", "twse"])
    /// Lower-case words for a kind of firm that name the one capitalised word after them ("company Alere", "carmaker Toyota").
    static let firmWords = NameDiscovery.words(["company", "firm", "retailer", "insurer", "lender", "carrier", "maker", "producer",
                                                "manufacturer", "conglomerate", "chipmaker", "automaker", "carmaker", "drugmaker",
                                                "supermarket", "grocer", "airline", "miner", "bank", "startup", "start-up"])

    private let exchangeIds: WordSet
    private let firmIds: WordSet
    private let calendarIds: WordSet

    init(vocabulary: inout Vocabulary) {
        func ids(_ set: Set<[UInt8]>) -> WordSet { WordSet(interning: set, into: &vocabulary) }
        exchangeIds = ids(Self.exchanges)
        firmIds = ids(Self.firmWords)
        calendarIds = ids(NameDiscovery.calendarWords)
    }

    /// The word of a ticker in parentheses right after word `last` (a full stop between, as after "Inc."): "(DMND)",
    /// "(NYSE:ABT)", "(Nasdaq: AAPL)".
    func ticker(after last: Int, tokens: [WordToken], words: [Int], ids: [Int32]) -> Int? {
        var t = words[last] + 1
        if t < tokens.count, tokens[t].kind == .punctuation, tokens[t].mark == UInt8(ascii: ".") { t += 1 }
        // "Abbott‘s (NYSE:ABT)": a possessive written with a mark the tokenizer keeps apart.
        if t + 1 < tokens.count, tokens[t].kind == .punctuation, tokens[t].mark == 0x27 || tokens[t].mark == 0xE2,
           tokens[t + 1].kind == .word, tokens[t + 1].end - tokens[t + 1].start == 1 { t += 2 }
        guard t < tokens.count, tokens[t].kind == .punctuation, tokens[t].mark == UInt8(ascii: "("),
              let open = words.firstIndex(where: { $0 > t }) else { return nil }
        var k = open
        if exchangeIds.contains(ids[k]) {
            guard words[k] + 1 < tokens.count, tokens[words[k] + 1].mark == UInt8(ascii: ":"), k + 1 < words.count,
                  words[k + 1] == words[k] + 2 else { return nil }
            k += 1
        } else if words[k] != t + 1 {
            return nil
        }
        let symbol = tokens[words[k]]
        guard symbol.kind == .word, symbol.isAllCaps || symbol.end - symbol.start == 1, (1...5).contains(symbol.end - symbol.start),
              words[k] + 1 < tokens.count, tokens[words[k] + 1].mark == UInt8(ascii: ")") else { return nil }
        return k
    }

    /// One-word firms in the sentence: a capitalised word no rule explained before a ticker with its exchange ("Abbott's
    /// (NYSE:ABT)"), or after a lower-case word for a kind of firm ("diagnostics company Alere").
    func companies(_ w: NameDiscovery.Words, _ discovery: NameDiscovery) -> [NameDiscovery.Found] {
        var found: [NameDiscovery.Found] = []
        for j in w.words.indices where w.token(j).isCapitalized && !w.covered[j] {
            guard discovery.mayStandAlone(j, w, firstNameAllowed: false), !calendarIds.contains(w.folded[j]),
                  !(j + 1 < w.words.count && w.joined[j + 1] && w.token(j + 1).isCapitalized),
                  !(j > 0 && w.joined[j] && w.token(j - 1).isCapitalized) else { continue }
            // Not "firm Ernst and Young": a firm of two names, which a word for a kind of firm may open as well as a list.
            let named = j > 0 && w.joined[j] && firmIds.contains(w.folded[j - 1]) && !w.token(j - 1).isCapitalized
                && !(j + 2 < w.words.count && w.joined[j + 1] && w.joined[j + 2] && discovery.cues.andOr.contains(w.folded[j + 1])
                     && w.token(j + 2).isCapitalized)
            let listed = !named && ticker(after: j, tokens: w.tokens, words: w.words, ids: w.folded).map { k in
                k > j + 1 && exchangeIds.contains(w.folded[k - 1])
            } == true
            guard named || listed else { continue }
            let t = w.token(j)
            let name = String(decoding: UnsafeBufferPointer(rebasing: w.text[Int(t.start)..<Int(t.end)]), as: UTF8.self)
            found.append(NameDiscovery.Found(name: name, type: "company", start: Int(t.start), end: Int(t.end), firstWord: j, lastWord: j,
                                             absorbs: false))
        }
        return found
    }
}
