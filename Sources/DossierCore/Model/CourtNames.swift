/// Courts and prosecutors' offices whose ordinal or district is their identity, which discovery would cut or drop: "the 9th
/// Circuit Court of Appeals" and "the Ninth Circuit" (one court, named "Ninth Circuit"; the 5th Circuit another), "the U.S. Court
/// of Appeals for the 2nd Circuit", "the U.S. District Court for the Southern District of New York", "the Manhattan District
/// Attorney's Office". Each is one organisation; the places inside are no mentions of their own.
struct CourtNames {
    /// A court or office found: its words and the name it goes by (the circuit's, for a circuit's court of appeals).
    struct Court {
        var first: Int
        var last: Int
        var name: String?
    }

    /// Ordinals as words, by their number ("Ninth" is 9).
    static let ordinalWords = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
                               "twelfth", "thirteenth"]
    /// Words that close an office named by its holder's title ("District Attorney's Office", "Sheriff's Department").
    static let officeWords = NameDiscovery.words(["office", "department", "bureau"])
    /// Titles whose possessive names an office ("Attorney's Office", "Sheriff's Office", "Medical Examiner's Office").
    static let officeHolders = NameDiscovery.words(["attorney", "attorneys", "sheriff", "coroner", "examiner", "comptroller", "auditor",
                                                    "prosecutor", "prosecutors", "defender", "defenders", "marshal", "marshals", "clerk",
                                                    "general", "governor", "mayor", "minister", "president", "treasurer", "commissioner"])

    private let ordinalIds: [Int32]
    private let circuitId, courtId, appealsId, forId, theId, ofId, districtId: Int32
    private let officeIds: WordSet
    private let holderIds: WordSet
    private let openerIds: WordSet

    /// `openers` are discovery's words that open sentences rather than names.
    init(vocabulary: inout Vocabulary, openers: WordSet) {
        ordinalIds = Self.ordinalWords.map { vocabulary.intern($0) }
        (circuitId, courtId, appealsId) = (vocabulary.intern("circuit"), vocabulary.intern("court"), vocabulary.intern("appeals"))
        (forId, theId, ofId, districtId) = (vocabulary.intern("for"), vocabulary.intern("the"), vocabulary.intern("of"), vocabulary.intern("district"))
        officeIds = WordSet(interning: Self.officeWords, into: &vocabulary)
        holderIds = WordSet(interning: Self.officeHolders, into: &vocabulary)
        openerIds = openers
    }

    /// Whether the sentence's words (folded ids) hold "Court", "Appeals", "Circuit" or an office's word at all: most hold none,
    /// and are asked nothing more.
    func mayHold(_ ids: [Int32]) -> Bool {
        let (court, appeals, circuit, offices) = (courtId, appealsId, circuitId, officeIds)
        return ids.withUnsafeBufferPointer { words in
            var k = 0
            while k < words.count {
                let id = words[k]
                if id == court || id == appeals || id == circuit || offices.contains(id) { return true }
                k &+= 1
            }
            return false
        }
    }

    /// The courts and offices of a sentence.
    func courts(tokens: [WordToken], words: [Int], ids: [Int32], joined: [Bool], text: UnsafeBufferPointer<UInt8>) -> [Court] {
        var found: [Court] = []
        func capital(_ j: Int) -> Bool { j >= 0 && j < words.count && tokens[words[j]].kind == .word && tokens[words[j]].isCapitalized }
        func next(_ j: Int, is id: Int32) -> Bool { j + 1 < words.count && joined[j + 1] && ids[j + 1] == id }
        /// The first word of the capitalised run that ends at word `j`, "of" between its words ("U.S. Court of Appeals"): no
        /// opener ("The"), nor a word after a possessive.
        func runStart(_ j: Int) -> Int {
            var s = j
            while s > 0, joined[s] {
                let p = ids[s - 1] == ofId && s > 1 && joined[s - 1] ? s - 2 : s - 1
                guard capital(p), !tokens[words[p]].isPossessive, !openerIds.contains(ids[p]) else { break }
                s = p
            }
            return s
        }
        /// The last word of "for the ... District of New York" or "for the 2nd Circuit" after word `j`, and the circuit's number.
        func tail(_ j: Int) -> (last: Int, circuit: Int?)? {
            guard next(j, is: forId), next(j + 1, is: theId), j + 3 < words.count, joined[j + 3] else { return nil }
            if next(j + 3, is: circuitId), let n = ordinal(j + 3) { return (j + 4, n) }
            guard capital(j + 3) else { return nil }
            var last = j + 3
            var district = ids[last] == districtId
            while last + 1 < words.count, joined[last + 1] {
                if capital(last + 1) {
                    last += 1
                } else if ids[last + 1] == ofId, last + 2 < words.count, joined[last + 2], capital(last + 2) {
                    last += 2
                } else {
                    break
                }
                district = district || ids[last] == districtId
            }
            return district ? (last, nil) : nil
        }
        /// The number of an ordinal word ("Ninth", "9th"), asked only of a word before "Circuit".
        func ordinal(_ j: Int) -> Int? {
            if let n = ordinalIds.firstIndex(of: ids[j]) { return n + 1 }
            let t = tokens[words[j]]
            var (k, n) = (Int(t.start), 0)
            while k < Int(t.end), text[k] >= 0x30, text[k] <= 0x39, n < 1000 {
                n = n * 10 + Int(text[k] - 0x30)
                k += 1
            }
            guard n > 0, Int(t.end) - k == 2 else { return nil }
            let suffix = (text[k] | 0x20, text[k + 1] | 0x20)
            return suffix == (0x73, 0x74) || suffix == (0x6E, 0x64) || suffix == (0x72, 0x64) || suffix == (0x74, 0x68) ? n : nil
        }
        func circuitName(_ n: Int) -> String {
            n <= Self.ordinalWords.count ? Self.ordinalWords[n - 1].prefix(1).uppercased() + Self.ordinalWords[n - 1].dropFirst() + " Circuit"
                : "\(n)th Circuit"
        }
        var j = 0
        while j < words.count {
            defer { j += 1 }
            // Most words are none of the words a court's name turns on: asked first, and cheaply.
            let id = ids[j]
            guard id == courtId || id == appealsId || (j + 1 < words.count && ids[j + 1] == circuitId) || holderIds.contains(id) else { continue }
            if next(j, is: circuitId), capital(j + 1), let n = ordinal(j) {
                // "the 9th Circuit Court of Appeals", "the Ninth Circuit".
                var last = j + 1
                if next(last, is: courtId), next(last + 1, is: ofId), next(last + 2, is: appealsId) { last += 3 }
                // "the Circuit Court of Appeals of the Eighth Circuit": the court's name before "of the" or "for the".
                var first = runStart(j)
                if first == j, j >= 3, ids[j - 1] == theId, ids[j - 2] == ofId || ids[j - 2] == forId, joined[j - 1], joined[j - 2], capital(j - 3),
                   ids[j - 3] == appealsId || ids[j - 3] == courtId {
                    first = runStart(j - 3)
                }
                found.append(Court(first: first, last: last, name: circuitName(n)))
                j = last
            } else if capital(j), ids[j] == courtId || ids[j] == appealsId, let (last, circuit) = tail(j) {
                // "the U.S. Court of Appeals for the 2nd Circuit", "the U.S. District Court for the Southern District of New York".
                found.append(Court(first: runStart(j), last: last, name: circuit.map(circuitName)))
                j = last
            } else if capital(j), tokens[words[j]].isPossessive, holderIds.contains(ids[j]), j + 1 < words.count, joined[j + 1], capital(j + 1),
                      officeIds.contains(ids[j + 1]), runStart(j) < j {
                // "the Manhattan District Attorney's Office", "the U.S. Attorney's Office for the Southern District of New York".
                let last = tail(j + 1)?.last ?? j + 1
                found.append(Court(first: runStart(j), last: last, name: nil))
                j = last
            }
        }
        return found
    }
}
