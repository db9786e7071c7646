import DossierTime

/// A saved model's sentences, mentions and times as small numbers: each field is written as its step from the one
/// before (seven bits a byte, signed steps zigzagged), and what the reader can work out is left out (a mention's
/// sentence, where each sentence's mentions start, the entity index). They take a quarter to a fifth of their
/// size in memory, which keeps a model file near the size of its text.
///
/// Any corpus round-trips (a mention's sentence is the one whose mentions hold it, and a sentence's times follow the
/// previous sentence's, as a load makes them): a field that breaks the usual pattern (a sentence in another document
/// than the next one) is written out in full. The reader refuses a number that
/// runs past the end or does not fit its field, and the tables are checked as before once they are read.
enum PackedTables {
    /// Packs the sentences (with the number of mentions each holds), the mentions, the times (each rule as its index in
    /// `corpus.timeRules`, -1 for none) and the year index (its lists as posting gaps).
    static func pack(_ corpus: Corpus) -> [UInt8] {
        var out = PackedWriter()
        out.bytes.reserveCapacity(corpus.sentences.count * 7 + corpus.mentions.count * 7 + corpus.times.count * 12)
        var previous = SentenceSteps()
        for (i, s) in corpus.sentences.enumerated() {
            let time = corpus.time(of: s)
            var flags = UInt8(s.basis.code) | (s.isHeading ? Flag.heading : 0)
            if time != nil { flags |= Flag.hasTime }
            if let time, time == previous.time { flags |= Flag.sameTime }
            if s.document == previous.document &+ 1 {
                flags |= Flag.nextDocument
            } else if s.document != previous.document {
                flags |= Flag.otherDocument
            }
            out.byte(flags)
            if flags & Flag.otherDocument != 0 { out.signed(Int64(s.document)) }
            if s.document != previous.document { previous.startDocument(s.document) }
            out.signed(Int64(s.paragraph) - Int64(previous.paragraph))
            out.signed(Int64(s.start) - Int64(previous.end))
            out.signed(Int64(s.end) - Int64(s.start))
            // The count as the time table says it (each time names its sentence); the reader checks that they agree.
            out.signed(Int64(corpus.timeRange(of: Int32(i)).count))
            out.signed(mentionCount(corpus, i))
            if let time, flags & Flag.sameTime == 0 {
                out.period(time, after: previous.periodStart, mark: 0)
                previous.periodStart = time.start.ordinal
            }
            (previous.paragraph, previous.end, previous.time) = (s.paragraph, s.end, time)
        }
        for (i, s) in corpus.sentences.enumerated() {
            var base = s.start
            for m in corpus.mentions[mentionBounds(corpus, i)] {
                out.byte(m.rule.rawValue | (m.isCitation ? 0x80 : 0))
                out.signed(Int64(m.start) - Int64(base))
                out.signed(Int64(m.end) - Int64(m.start))
                out.signed(Int64(m.entity))
                out.signed(Int64(m.alias))
                base = m.start
            }
        }
        out.signed(Int64(corpus.times.count))
        var (sentence, start, periodStart): (Int32, Int32, Int32) = (0, 0, 0)
        for t in corpus.times {
            out.signed(Int64(t.sentence) - Int64(sentence))
            out.signed(Int64(t.start) - Int64(start))
            out.signed(Int64(t.end) - Int64(t.start))
            out.signed(Int64(t.rule) - 1)
            out.period(t.period, after: periodStart, mark: t.isCitation ? 0x80 : 0)
            (sentence, start, periodStart) = (t.sentence, t.start, t.period.start.ordinal)
        }
        out.signed(Int64(corpus.yearSentences.count))
        var year = 0
        for (next, list) in corpus.yearSentences.sorted(by: { $0.key < $1.key }) {
            out.signed(Int64(next - year))
            out.list(list)
            year = next
        }
        out.list(corpus.longSpanSentences)
        return out.bytes
    }

    /// The sentences (with the periods they are dated by), mentions (with where each sentence's start), times (with
    /// their rules' names, from `ruleNames`) and year index `pack` wrote for `sentenceCount` sentences.
    static func unpack(_ bytes: UnsafeRawBufferPointer, sentenceCount: Int, ruleNames: [String]) throws(ArchiveError) -> Tables {
        var input = PackedReader(bytes)
        // Each sentence takes at least six bytes, each mention five, each time seven: counts are checked against
        // the bytes left before anything is reserved for them.
        guard sentenceCount <= input.left / 6 else { throw ArchiveError(description: "its sentence table is cut short") }
        var sentences: [Sentence] = []
        sentences.reserveCapacity(sentenceCount)
        var mentionStarts: [Int32] = [0]
        mentionStarts.reserveCapacity(sentenceCount + 1)
        var previous = SentenceSteps()
        var periods = Numbering<Period>()
        var mentionCount = 0
        var timesEnd: Int32 = 0
        // The sentences that have times, and how many: each time's own sentence number must agree.
        var timed: [(sentence: Int32, count: Int32)] = []
        for _ in 0..<sentenceCount {
            let flags = try input.byte()
            guard flags & 0x80 == 0 else { throw ArchiveError(description: "it holds an unknown sentence flag") }
            var document = previous.document
            if flags & Flag.otherDocument != 0 {
                document = try input.int32(after: 0)
            } else if flags & Flag.nextDocument != 0 {
                document = try int32(Int64(document) + 1)
            }
            if document != previous.document { previous.startDocument(document) }
            let paragraph = try input.int32(after: previous.paragraph)
            let start = try input.int32(after: previous.end)
            let end = try input.int32(after: start)
            let firstTime = timesEnd
            timesEnd = try input.int32(after: firstTime)
            guard firstTime <= timesEnd else { throw ArchiveError(description: "it holds a reversed range") }
            if timesEnd > firstTime { timed.append((Int32(sentences.count), timesEnd - firstTime)) }
            let mentions = try input.int32(after: 0)
            guard mentions >= 0, mentions <= input.left / 5 - mentionCount else { throw ArchiveError(description: "its mention table is cut short") }
            mentionCount += Int(mentions)
            mentionStarts.append(Int32(mentionCount))
            var time: Period?
            if flags & Flag.hasTime != 0 {
                if flags & Flag.sameTime != 0 {
                    guard let same = previous.time else { throw ArchiveError(description: "a sentence repeats a time that is not there") }
                    time = same
                } else {
                    let (period, _) = try input.period(after: previous.periodStart)
                    time = period
                    previous.periodStart = period.start.ordinal
                }
            }
            sentences.append(Sentence(document: document, paragraph: paragraph, start: start, end: end, period: periods.number(time),
                                      basis: TimeBasis(code: flags & 3), isHeading: flags & Flag.heading != 0))
            (previous.paragraph, previous.end, previous.time) = (paragraph, end, time)
        }
        var mentions: [Mention] = []
        mentions.reserveCapacity(mentionCount)
        for (i, s) in sentences.enumerated() {
            var base = s.start
            for _ in mentionStarts[i]..<mentionStarts[i + 1] {
                let ruleByte = try input.byte()
                guard let rule = MentionRule(rawValue: ruleByte & 0x7F) else { throw ArchiveError(description: "it holds an unknown mention rule") }
                let start = try input.int32(after: base)
                let end = try input.int32(after: start)
                let entity = try input.int32(after: 0)
                let alias = try input.int32(after: 0)
                guard alias >= 0, alias < Mention.aliasLimit else { throw ArchiveError(description: "it holds an alias number out of range") }
                mentions.append(Mention(entity: entity, start: start, end: end, rule: rule,
                                        isCitation: ruleByte & 0x80 != 0, alias: alias))
                base = start
            }
        }
        let timeCount = try input.int32(after: 0)
        guard timeCount >= 0, Int(timeCount) <= input.left / 7 else { throw ArchiveError(description: "its time table is cut short") }
        guard timeCount == timesEnd else { throw ArchiveError(description: "its sentences' times do not fit the time table") }
        guard ruleNames.count < UInt16.max else { throw ArchiveError(description: "it names too many time rules") }
        var timeRules = Numbering<String>()
        let ruleNumbers = ruleNames.map { UInt16(timeRules.number($0)) }
        var times: [TimeMention] = []
        times.reserveCapacity(Int(timeCount))
        var (sentence, start, periodStart): (Int32, Int32, Int32) = (0, 0, 0)
        var (owner, owned) = (0, Int32(0))
        for _ in 0..<timeCount {
            sentence = try input.int32(after: sentence)
            guard sentence == timed[owner].sentence else { throw ArchiveError(description: "its sentences' times do not fit the time table") }
            owned += 1
            if owned == timed[owner].count { (owner, owned) = (owner + 1, 0) }
            start = try input.int32(after: start)
            let end = try input.int32(after: start)
            let rule = try input.int32(after: 0)
            let (period, mark) = try input.period(after: periodStart)
            periodStart = period.start.ordinal
            guard rule >= -1, rule < ruleNames.count else { throw ArchiveError(description: "it holds a time rule it does not name") }
            times.append(TimeMention(sentence: sentence, start: start, end: end, period: period, isCitation: mark != 0,
                                     rule: rule < 0 ? 0 : ruleNumbers[Int(rule)]))
        }
        let yearCount = try input.int32(after: 0)
        guard yearCount >= 0, Int(yearCount) <= input.left / 2 else { throw ArchiveError(description: "its year index is cut short") }
        var years: [Int: [Int32]] = [:]
        var year = 0
        for _ in 0..<yearCount {
            let step = try input.int32(after: 0)
            guard step > 0 || years.isEmpty else { throw ArchiveError(description: "its year index is out of order") }
            year += Int(step)
            years[year] = try input.list(below: sentenceCount)
        }
        let longSpans = try input.list(below: sentenceCount)
        guard input.left == 0 else { throw ArchiveError(description: "its tables have bytes after them") }
        return Tables(sentences: sentences, periods: periods, mentions: mentions, mentionStarts: mentionStarts, times: times,
                      timeRules: timeRules, yearSentences: years, longSpanSentences: longSpans)
    }

    /// What `unpack` reads.
    struct Tables {
        var sentences: [Sentence]
        var periods: Numbering<Period>
        var mentions: [Mention]
        var mentionStarts: [Int32]
        var times: [TimeMention]
        var timeRules: Numbering<String>
        var yearSentences: [Int: [Int32]]
        var longSpanSentences: [Int32]
    }

    /// The number of mentions `mentionStarts` gives sentence `i`, as it says it (a reader refuses one that does not
    /// fit the mentions); -1 when it has no bounds for the sentence.
    private static func mentionCount(_ corpus: Corpus, _ i: Int) -> Int64 {
        guard i + 1 < corpus.mentionStarts.count else { return -1 }
        return Int64(corpus.mentionStarts[i + 1]) - Int64(corpus.mentionStarts[i])
    }

    /// The mentions written after sentence `i`'s: its bounds in `mentionStarts`, kept inside the mentions, so that
    /// a model is written whatever its tables hold.
    private static func mentionBounds(_ corpus: Corpus, _ i: Int) -> Range<Int> {
        let (starts, n) = (corpus.mentionStarts, corpus.mentions.count)
        let low = i < starts.count ? min(max(Int(starts[i]), 0), n) : n
        let high = i + 1 < starts.count ? min(max(Int(starts[i + 1]), low), n) : n
        return low..<high
    }

    /// What a sentence's flag byte says.
    private enum Flag {
        /// The low two bits are the time basis (`Optional<TimeBasis>.code`); the top bit is never set.
        static let heading: UInt8 = 1 << 2
        static let hasTime: UInt8 = 1 << 3
        /// The time is the previous sentence's.
        static let sameTime: UInt8 = 1 << 4
        /// The document is the one after the previous sentence's (else the same, unless `otherDocument`).
        static let nextDocument: UInt8 = 1 << 5
        /// The document is written out.
        static let otherDocument: UInt8 = 1 << 6
    }

    /// The fields the next sentence is written as steps from: in its document, paragraph and end restart at 0.
    private struct SentenceSteps {
        var document: Int32 = -1
        var paragraph: Int32 = 0
        var end: Int32 = 0
        var time: Period?
        var periodStart: Int32 = 0

        mutating func startDocument(_ id: Int32) {
            (document, paragraph, end) = (id, 0, 0)
        }
    }

    fileprivate static func int32(_ value: Int64) throws(ArchiveError) -> Int32 {
        guard let exact = Int32(exactly: value) else { throw ArchiveError(description: "it holds a number too large for its field") }
        return exact
    }
}

/// Numbers seven bits a byte, low bits first, the top bit set on every byte but the last (LEB128); signed numbers
/// zigzagged first (0, -1, 1, -2... as 0, 1, 2, 3...), so a small step either way takes one byte.
struct PackedWriter {
    var bytes: [UInt8] = []

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func unsigned(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func signed(_ value: Int64) {
        unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// An ascending list of sentence ids: its length in bytes, then its gaps (`PostingGaps`).
    mutating func list(_ ids: [Int32]) {
        let gaps = PostingGaps.encode(ids[...])
        unsigned(UInt64(gaps.count))
        bytes += gaps
    }

    /// A period as its first day (a step from `after`), its length in days, and its granularity with `mark` (the top
    /// bit) in one byte.
    mutating func period(_ period: Period, after: Int32, mark: UInt8) {
        signed(Int64(period.start.ordinal) - Int64(after))
        signed(Int64(period.end.ordinal) - Int64(period.start.ordinal))
        byte(UInt8(period.granularity.rawValue) | mark)
    }
}

/// Reads what `PackedWriter` wrote, refusing a number that runs past the end or is longer than ten bytes.
struct PackedReader {
    private let bytes: UnsafeRawBufferPointer
    private var position = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var left: Int { bytes.count - position }

    mutating func byte() throws(ArchiveError) -> UInt8 {
        guard position < bytes.count else { throw ArchiveError(description: "the file ends too early") }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func unsigned() throws(ArchiveError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw ArchiveError(description: "it holds a number too long to read") }
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return value }
            shift += 7
        }
    }

    mutating func signed() throws(ArchiveError) -> Int64 {
        let zigzag = try unsigned()
        return Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)
    }

    /// A step from `base`, which must land inside `Int32`.
    mutating func int32(after base: Int32) throws(ArchiveError) -> Int32 {
        let step = try signed()
        let (sum, overflow) = Int64(base).addingReportingOverflow(step)
        guard !overflow else { throw ArchiveError(description: "it holds a number too large for its field") }
        return try PackedTables.int32(sum)
    }

    /// A list `PackedWriter.list` wrote, every id below `limit`.
    mutating func list(below limit: Int) throws(ArchiveError) -> [Int32] {
        let count = try unsigned()
        guard count <= UInt64(left) else { throw ArchiveError(description: "a list runs past the end of the file") }
        let gaps = UnsafeBufferPointer(rebasing: bytes.bindMemory(to: UInt8.self)[position..<(position + Int(count))])
        position += Int(count)
        guard PostingGaps.fits(gaps, below: limit) else { throw ArchiveError(description: "the year index names sentences that do not exist") }
        return PostingGaps.decode(gaps)
    }

    /// A period as `PackedWriter.period` wrote it, and its mark (the top bit of the granularity byte).
    mutating func period(after base: Int32) throws(ArchiveError) -> (Period, UInt8) {
        let start = try int32(after: base)
        let end = try int32(after: start)
        let last = try byte()
        guard let granularity = Granularity(rawValue: Int(last & 0x7F)) else { throw ArchiveError(description: "it holds an unknown granularity") }
        return (Period(start: Day(ordinal: start), end: Day(ordinal: end), granularity: granularity), last & 0x80)
    }
}
