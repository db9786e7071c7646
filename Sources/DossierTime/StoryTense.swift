/// Whether a sentence goes on telling the story of the sentences before it, read from its verbs: a time carried from
/// an earlier sentence of the paragraph holds only in sentences that tell of the past ("Hundreds were injured."), not
/// in those that speak of the present or the future, ask or urge ("It must enjoy the confidence and respect of labor.",
/// "The United States is a world leader.", "Let us act.", "What shall we do?").
public enum StoryTense: Sendable, Equatable {
    /// Its first verb the lists know is in the past tense ("The two were removed from the list"), or it reports what
    /// someone said ("Harf said the US currently favoured ...": the saying is past).
    case past
    /// Its first verb the lists know is in the present or the future, or a modal ("is", "will", "must", "has"), or it
    /// asks or urges: it speaks of the time it is written in.
    case presentOrFuture
    /// No verb the lists know ("$47,084,450 remain in the Treasury", "The vote: 52-48."): it takes no carried time, and
    /// does not end it either.
    case unmarked

    /// The tense of the sentence `text`: that of its first verb the lists know, except that a verb of the present after
    /// a participle outweighs it.
    public static func of(_ text: UnsafeBufferPointer<UInt8>) -> StoryTense {
        if asks(text) { return .presentOrFuture }
        var first: StoryTense?
        // The first verb is a participle or a word ending in "ed", which a verb of the present after it outweighs.
        var byParticiple = false
        walk(text) { mark, previous in
            switch mark {
            case .reportedSpeech where previous != .be && previous != .present && previous != .determiner:
                first = .past
                return false
            case .reportedSpeech:
                if first == nil { (first, byParticiple) = (.past, true) }
            case .past, .lexicalPast:
                // "investigations, including one conducted by a newspaper, were ...": a verb of the past settles it.
                if first == nil || byParticiple, !(mark == .lexicalPast && previous == .determiner) { (first, byParticiple) = (.past, false) }
            // "the proposed budget": an adjective, no past.
            case .participle:
                if first == nil, previous != .determiner { (first, byParticiple) = (.past, true) }
            case .present:
                // "The momentum already achieved must be nurtured": a participle before a verb of the present is no past.
                if first == nil || byParticiple { (first, byParticiple) = (.presentOrFuture, false) }
            default:
                break
            }
            return true
        }
        return first ?? .unmarked
    }

    /// Whether the sentence `text` tells only of the present or of what is to come: it has a word of the present ("is",
    /// "will") or a verb news writes its schedules with ("The talks begin Monday", "The team plays Saturday"), and no
    /// verb of the past, no participle, no reported speech, no verb that is both present and past ("Voters cast ballots
    /// on Sunday"). A weekday in such a sentence is the coming one.
    public static func speaksOnlyOfPresent(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var present = false
        var past = false
        walk(text) { mark, previous in
            switch mark {
            case .past, .lexicalPast, .reportedSpeech, .eitherTense: past = true
            case .participle where previous != .determiner: past = true
            case .present, .scheduling: present = true
            default: break
            }
            return !past
        }
        return present && !past
    }

    /// Calls `visit` with what each word of `text` says of the tense and what the word before it said, until it
    /// answers false.
    private static func walk(_ text: UnsafeBufferPointer<UInt8>, _ visit: (VerbMark?, VerbMark?) -> Bool) {
        var index = 0
        var previous: VerbMark?
        var wordCount = 0
        while index < text.count {
            guard Tokenizer.isLetter(text[index]) else {
                index += 1
                continue
            }
            let start = index
            var key = WordKey()
            while index < text.count, Tokenizer.isLetter(text[index]) {
                key.append(text[index], at: index - start)
                index += 1
            }
            wordCount += 1
            let end = index
            let length = end - start
            let lowerCase = text[start] >= UInt8(ascii: "a")
            // "it's", "we're", "I'll", "isn't", "didn't": the part after the apostrophe says the tense, and is read with it.
            let contraction = apostrophe(text, at: end).map { after in
                index = after
                while index < text.count, Tokenizer.isLetter(text[index]) { index += 1 }
                return contractionMark(text, word: start..<end, suffix: after..<index)
            }
            var mark = length <= 16 ? markTable[key] : nil
            if mark == .present, previous == .determiner || previous == .to { mark = nil }
            if mark == .lexicalPast || mark == .participle, !lowerCase { mark = nil }
            if mark == .may { mark = lowerCase ? .present : nil }
            if mark == .exhortation { mark = wordCount == 1 && !lowerCase && (contraction != nil || followsLet(text, end)) ? .present : nil }
            if mark == nil, lowerCase, length >= 5, endsInPastTense(text, start..<end) { mark = .participle }
            if let contraction, mark != .present { mark = contraction == .none ? nil : contraction }
            // "could be created based on ...": a passive, no past, and so are the participles that follow it.
            if mark == .participle, previous == .be { mark = .be }
            if (mark == .scheduling || mark == .eitherTense), !lowerCase { mark = nil }
            guard visit(mark, previous) else { return }
            previous = mark
        }
    }

    /// What a word says of its sentence's tense.
    private enum VerbMark {
        /// "was", "had", "did", "wasn't".
        case past
        /// A verb of the past tense that may also be another word ("went", "saw"), read only in lower case.
        case lexicalPast
        /// A verb of the past tense that is also a participle ("paid", "established"), read only in lower case.
        case participle
        /// "said", "told": reported speech keeps the time of the saying.
        case reportedSpeech
        /// "is", "will", "must", "has", "can't".
        case present
        /// "may": a modal in lower case, the month with a capital.
        case may
        /// "Let" opening a sentence before "us", "me" or "'s": "Let us act".
        case exhortation
        /// "the", "a", "its", "with": a word ending in "ed" after it is an adjective ("the proposed budget"), and a modal
        /// a noun ("the will of the people").
        case determiner
        /// "to": a form of "have" or "do" after it is no tense ("to have", "to do").
        case to
        /// "be", "been", "being": a participle after it is a passive ("could be created"), a verb of saying too ("will be added").
        case be
        /// A contraction that says nothing of the tense ("couldn't", "I'd").
        case none
        /// A verb of the present news writes schedules with ("begin", "plays"), read only in lower case; it says nothing
        /// of a carried time.
        case scheduling
        /// A verb whose past is its present ("cast", "hit"), read only in lower case.
        case eitherTense
    }

    /// Verbs in the past tense that are no participle, none of which is also the present ("put", "set" and "cut" are
    /// both) or mostly a noun ("ground", "wound", "left"): "was", "went", "wrote". A user adds a verb by adding it here.
    static let pastOnlyVerbs = """
        was were had did arose awoke became began blew broke chose came drew drank drove ate fell flew forbade forgave \
        froze gave went grew knew rode rang rose ran saw sang sank shook shrank spoke sprang stole strode strove swore \
        swam took tore threw woke wore wove wrote withdrew overcame overtook oversaw foresaw mistook befell forsook slew \
        undertook underwent rewrote retook
        """

    /// Verbs in the past tense that are also participles ("the money paid to farmers", "the standards established for
    /// officials"), as any verb ending in "ed" is: they tell of the past only when no verb of the present follows.
    static let participleVerbs = """
        bent bled bred brought built burnt bought caught clung crept dealt dug dreamt fed felt fought found fled flung \
        got hung heard hid held kept knelt laid led lent lit lost made meant met paid sat sought sold sent shone shot slept \
        slid slung sped spent spun spat stood stuck stung struck swept swung taught thought understood wept won misled \
        upheld withheld withstood beheld rebuilt died
        """

    /// Verbs of reported speech in the past: what is said is the saying's time.
    /// ("as already stated", "will be added" are participles: they are not listed, or stand after a form of "be").
    static let reportingVerbs = "said told explained announced claimed insisted argued wrote declared"

    /// Words of the present and the future: forms of "be", "have" and "do" in the present, the modals of what is and what
    /// is to come ("would" and "could" are as often the past's and say nothing), and "today", "now" ("And today, though
    /// bruised, our democracy remains unbowed"). A user adds a word by adding it here.
    static let presentWords = "is are am will shall must should can cannot might ought has have does do today tonight now nowadays currently"

    /// Verbs of the present that news writes its schedules with: "The talks begin Monday", "The team plays Saturday",
    /// "Polls close at 8 p.m. on Sunday". A user adds a verb, in both its forms, by adding it here.
    static let schedulingVerbs = """
        begin begins start starts open opens close closes end ends meet meets play plays vote votes face faces \
        host hosts resume resumes return returns arrive arrives leave leaves visit visits travel travels launch launches \
        take takes hold holds run runs finish finishes conclude concludes convene convenes kick kicks head heads \
        go goes come comes air airs premiere premieres debut debuts race races fly flies sail sails \
        reopen reopens expire expires resume resumes
        """

    /// Verbs whose past tense is their present: a weekday beside them may be the past week's ("Voters cast ballots
    /// on Sunday").
    static let eitherTenseVerbs = "cast hit put set cut quit shut spread hurt beat bid burst cost read split upset shed bet broadcast"

    /// Words after which a word ending in "ed" is an adjective, not a verb: "the proposed budget", "its elected members",
    /// "with increased funding".
    static let determiners = """
        the a an its his her their our my your every each no newly well of with for in on by from into \
        under over without within among between
        """

    private static let marks: [WordKey: VerbMark] = {
        var marks: [WordKey: VerbMark] = [:]
        func add(_ words: String, _ mark: VerbMark) {
            for word in words.split(whereSeparator: { $0 == " " || $0 == "\n" }) { marks[WordKey(lowercase: Array(word.utf8))] = mark }
        }
        add(schedulingVerbs, .scheduling)
        add(eitherTenseVerbs, .eitherTense)
        add(determiners, .determiner)
        add(participleVerbs, .participle)
        add(pastOnlyVerbs, .lexicalPast)
        add("was were had did", .past)
        add(presentWords, .present)
        add(reportingVerbs, .reportedSpeech)
        add("may", .may)
        add("let", .exhortation)
        add("to", .to)
        add("be been being", .be)
        return marks
    }()

    /// `marks` as a table read without hashing.
    private static let markTable = WordKeyTable(marks)

    /// Whether the sentence is a question: its last mark, before closing quotes or brackets, is "?".
    private static func asks(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = text.count
        while end > 0 {
            let byte = text[end - 1]
            if byte == 0x20 || byte == 0x0A || byte == 0x22 || byte == 0x27 || byte == 0x29 { end -= 1; continue }
            // A closing curly quote (E2 80 99, E2 80 9D).
            if end >= 3, text[end - 3] == 0xE2, text[end - 2] == 0x80, byte == 0x99 || byte == 0x9D { end -= 3; continue }
            return byte == UInt8(ascii: "?")
        }
        return false
    }

    /// After "Let": "us" or "me".
    private static func followsLet(_ text: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        var at = index
        while at < text.count, text[at] == 0x20 { at += 1 }
        let word = { (w: String) in
            let bytes = Array(w.utf8)
            return at + bytes.count <= text.count && zip(text[at..<(at + bytes.count)], bytes).allSatisfy { $0 | 0x20 == $1 }
                && (at + bytes.count == text.count || !Tokenizer.isLetter(text[at + bytes.count]))
        }
        return word("us") || word("me")
    }

    /// Where the letters after an apostrophe at `index` start ("'" or "’"), if one is there.
    private static func apostrophe(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        if index + 1 < text.count, text[index] == 0x27, Tokenizer.isLetter(text[index + 1]) { return index + 1 }
        if index + 3 < text.count, text[index] == 0xE2, text[index + 1] == 0x80, text[index + 2] == 0x99,
           Tokenizer.isLetter(text[index + 3]) { return index + 3 }
        return nil
    }

    /// The tense of a contraction: "'re", "'m", "'ll", "'ve" and a pronoun's "'s" ("it's", "there's") are the present;
    /// "n't" the tense of the word before it ("didn't", "isn't"), read from that word.
    private static func contractionMark(_ text: UnsafeBufferPointer<UInt8>, word: Range<Int>, suffix: Range<Int>) -> VerbMark {
        let tail = lowerCased(text, suffix)
        switch tail {
        case "re", "m", "ll", "ve": return .present
        case "s":
            // A noun's "'s" is its possessive, after which a word ending in "ed" is an adjective ("Russia's limited experience").
            return pronounsBeforeIs.contains(lowerCased(text, word)) ? .present : .determiner
        case "t":
            let head = lowerCased(text, word)
            return pastNegations.contains(head) ? .past : presentNegations.contains(head) ? .present : .none
        default: return .none
        }
    }

    /// The words before "n't" of the past ("didn't") and of the present or the future ("won't", "isn't").
    private static let pastNegations: Set<String> = ["didn", "wasn", "weren", "hadn"]
    private static let presentNegations: Set<String> = ["isn", "aren", "don", "doesn", "won", "can", "shouldn", "mustn",
                                                        "hasn", "haven", "shan", "ain"]

    private static func lowerCased(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: text[range].map { $0 | 0x20 }, as: UTF8.self)
    }

    /// Words whose "'s" is "is": "it's", "there's", "that's".
    private static let pronounsBeforeIs: Set<String> = ["it", "there", "that", "here", "what", "he", "she", "who", "where", "this"]

    /// Whether the word at `range` ends in "ed" as a verb in the past tense does: not "eed" ("need", "exceed"), nor
    /// a listed adjective ("hundred", "sacred").
    private static func endsInPastTense(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let end = range.upperBound
        guard text[end - 1] | 0x20 == UInt8(ascii: "d"), text[end - 2] | 0x20 == UInt8(ascii: "e"),
              text[end - 3] | 0x20 != UInt8(ascii: "e") else { return false }
        let word = String(decoding: text[range].map { $0 | 0x20 }, as: UTF8.self)
        return !notVerbs.contains(word)
    }

    /// Words ending in "ed" that are no verbs.
    private static let notVerbs: Set<String> = ["hundred", "sacred", "naked", "wicked", "beloved", "rugged", "wretched",
                                                "kindred", "crooked", "ragged", "learned", "aged", "shred", "embed"]
}
