import DossierTime
import Testing
@testable import DossierCore

/// The saved model's sentences, mentions and times as small steps: every corpus comes back as it went, the real one
/// at under half its size in memory, and bytes that were never written by `pack` are refused, never misread.
@Suite("Packed tables")
struct PackedTablesTests {
    /// The tables as lines, so two corpora's can be compared whole.
    static func tables(_ c: Corpus) -> [String] {
        c.sentences.indices.map { i in
            let s = c.sentences[i]
            return "sentence \(s.document) \(s.paragraph) \(s.start)..<\(s.end) \(String(describing: c.time(of: s))) \(String(describing: s.basis)) \(s.isHeading) \(c.timeRange(of: Int32(i)))"
        }
            + c.sentences.indices.flatMap { i in
                c.mentions(in: Int32(i)).map { m in "mention \(m.entity) \(i) \(m.start)..<\(m.end) \(m.rule) \(m.isCitation) \(m.alias)" }
            }
            + c.times.map { t in "time \(t.sentence) \(t.start)..<\(t.end) \(t.period) \(c.rule(of: t)) \(t.isCitation)" }
            + ["mention starts \(c.mentionStarts)", "years \(c.yearSentences.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }) \(c.longSpanSentences)"]
    }

    static func roundTrip(_ c: Corpus) throws -> Corpus {
        let bytes = PackedTables.pack(c)
        var read = c
        let tables = try bytes.withUnsafeBytes { raw throws(ArchiveError) in
            try PackedTables.unpack(raw, sentenceCount: c.sentences.count, ruleNames: c.timeRules.values)
        }
        (read.sentences, read.periods, read.mentions, read.mentionStarts) = (tables.sentences, tables.periods, tables.mentions, tables.mentionStarts)
        (read.times, read.timeRules) = (tables.times, tables.timeRules)
        (read.yearSentences, read.longSpanSentences) = (tables.yearSentences, tables.longSpanSentences)
        return read
    }

    @Test func theSeedsComeBackAsTheyWentAtUnderHalfTheirSizeInMemory() throws {
        let seeds = Seeds.corpus
        #expect(Self.tables(try Self.roundTrip(seeds)) == Self.tables(seeds))
        let packed = PackedTables.pack(seeds).count
        let plain = seeds.sentences.count * MemoryLayout<Sentence>.stride + seeds.mentions.count * MemoryLayout<Mention>.stride
            + seeds.mentionStarts.count * 4
        #expect(packed * 2 < plain, "packed \(packed) bytes against \(plain) as arrays")
    }

    /// A sentence's times are those naming it, whether looked up in its run of sentences or, runs not indexed, in the
    /// whole table.
    @Test(arguments: [true, false])
    func aSentencesTimesAreThoseNamingIt(indexed: Bool) {
        var c = Seeds.corpus
        if !indexed { c.timeBlocks = [] }
        #expect(c.sentences.count > 2 * Corpus.timeBlock && c.times.count > 10, "too few sentences and times to tell")
        var expected = [[Int32]](repeating: [], count: c.sentences.count)
        for (i, t) in c.times.enumerated() { expected[Int(t.sentence)].append(Int32(i)) }
        let found = c.sentences.indices.map { Array(c.timeRange(of: Int32($0))) }
        #expect(found == expected)
    }

    /// A corpus no load makes: sentences out of document order, steps backwards, extreme numbers, a time repeated or
    /// missing, every mention rule, citations, a time expression with no rule.
    static var hostile: Corpus {
        var c = Corpus(entities: [])
        let day = { (n: Int32) in Day(ordinal: n) }
        let periods: [Period?] = [nil, Period(start: day(0), end: day(0), granularity: .day),
                                  Period(start: day(Int32.min), end: day(Int32.max), granularity: .century),
                                  Period(start: day(700_000), end: day(699_000), granularity: .week)]
        let bases: [TimeBasis?] = [nil, .explicit, .context, .document]
        let numbers: [Int32] = [0, 1, -1, 127, 128, Int32.max, Int32.min, 5, 4]
        var mentionCount: Int32 = 0
        for i in 0..<40 {
            let n = { (k: Int) in numbers[(i * 7 + k) % numbers.count] }
            let time = periods[(i / 2) % periods.count]
            c.sentences.append(Sentence(document: [0, 0, 1, 3, 2, -5, Int32.max][i % 7], paragraph: n(1), start: n(2), end: n(3),
                                        period: c.periods.number(time), basis: bases[i % 4], isHeading: i % 3 == 0))
            for k in 0..<(i % 4) {
                c.mentions.append(Mention(entity: n(k), start: n(k + 1), end: n(k + 2),
                                          rule: [MentionRule.alias, .misspelling, .discovered, .surname][k], isCitation: k == 2,
                                          alias: [0, 1, 127, 128, Mention.aliasLimit - 1][(i + k) % 5]))
                mentionCount += 1
            }
            c.mentionStarts.append(mentionCount)
            if i % 3 == 0 {
                let rule = [nil, "year", "", "a rule"][i % 4]
                c.times.append(TimeMention(sentence: Int32(i), start: n(7), end: n(8), period: periods[1 + i % 3]!, isCitation: i % 2 == 0,
                                           rule: UInt16(c.timeRules.number(rule))))
            }
        }
        c.yearSentences = [-44: [0, 39], 0: [1], 1999: [0, 1, 2, 3, 20, 38], 9999: []]
        c.longSpanSentences = [5, 6, 39]
        return c
    }

    @Test func aCorpusNoLoadMakesComesBackAsItWent() throws {
        let c = Self.hostile
        #expect(Self.tables(try Self.roundTrip(c)) == Self.tables(c))
    }

    /// Every cut of the bytes is refused (it ends too early, or a count says more than is left); none crashes.
    @Test func everyTruncationIsRefused() {
        let c = Self.hostile
        let bytes = PackedTables.pack(c)
        for cut in 0..<bytes.count {
            let result = Array(bytes[..<cut]).withUnsafeBytes { raw in
                Result { () throws(ArchiveError) in try PackedTables.unpack(raw, sentenceCount: c.sentences.count, ruleNames: c.timeRules.values) }
            }
            #expect(throws: ArchiveError.self, "cut at \(cut) of \(bytes.count)") { try result.get() }
        }
    }

    @Test(arguments: [
        // A step that leaves Int32: a sentence's paragraph 2^31 after the previous one.
        ([0x20, 0x80, 0x80, 0x80, 0x80, 0x10], "too large"),
        // A number of eleven bytes.
        ([0x20] + [UInt8](repeating: 0xFF, count: 10) + [0x01], "too long"),
        // A sentence that says it has more mentions than bytes are left.
        ([0x20, 0, 0, 0, 0, 0x7E], "mention table is cut short"),
        // A sentence that repeats the time of a first sentence, which has none.
        ([0x20 | 0x18, 0, 0, 0, 0, 0, 0], "repeats a time"),
        // A flag no writer sets (format 6's "times do not follow", which a sentence now always does).
        ([0x80, 0, 0, 0, 0, 0, 0, 0, 0], "unknown sentence flag"),
        // A sentence with one time expression, and an empty time table.
        ([0x20, 0, 0, 0, 0x02, 0, 0, 0, 0], "times do not fit the time table"),
        // A sentence with one time expression, and a time table whose one time names the next sentence.
        ([0x20, 0, 0, 0, 0x02, 0, 0x02, 0x02, 0, 0, 0, 0, 0, 0, 0, 0], "times do not fit the time table"),
        // A sentence with a negative number of time expressions.
        ([0x20, 0, 0, 0, 0x01, 0, 0, 0, 0], "reversed range"),
        // A mention whose alias number is 2^29, past the 29 bits a mention keeps it in.
        ([0x20, 0, 0, 0, 0, 0x02, 0, 0, 0, 0, 0x80, 0x80, 0x80, 0x80, 0x04], "alias number out of range"),
        // A time expression whose rule is the second of a table that names none.
        ([0x20, 0, 0, 0, 0x02, 0, 0x02, 0, 0, 0, 0x02, 0, 0, 0, 0, 0], "time rule it does not name"),
        // A year whose list names sentence 5 of 1.
        ([0x20, 0, 0, 0, 0, 0, 0, 0x02, 0x02, 0x01, 0x05], "sentences that do not exist"),
        // Two lists for one year.
        ([0x20, 0, 0, 0, 0, 0, 0, 0x04, 0x02, 0x00, 0x00, 0x00], "out of order"),
        // Bytes after the tables.
        ([0x20, 0, 0, 0, 0, 0, 0, 0, 0, 0], "bytes after"),
    ] as [([UInt8], String)])
    func bytesPackNeverWroteAreRefused(_ bytes: [UInt8], _ reason: String) {
        let error = bytes.withUnsafeBytes { raw in
            Result { () throws(ArchiveError) in try PackedTables.unpack(raw, sentenceCount: 1, ruleNames: []) }
        }
        guard case .failure(let failure) = error else {
            Issue.record("read as a table: \(bytes)")
            return
        }
        #expect(failure.description.contains(reason), "\(failure)")
    }

    @Test func aGranularityThatDoesNotExistIsRefused() {
        var c = Corpus(entities: [])
        let period = c.periods.number(Period(start: Day(ordinal: 0), end: Day(ordinal: 0), granularity: .day))
        c.sentences = [Sentence(document: 0, paragraph: 0, start: 0, end: 1, period: period, basis: .document, isHeading: false)]
        c.mentionStarts = [0, 0]
        var bytes = PackedTables.pack(c)
        // The granularity byte is the sentence's last, before the counts of times and years and the empty list of
        // long spans; its low seven bits are the granularity.
        bytes[bytes.count - 4] = 0x7F
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(ArchiveError) in try PackedTables.unpack(raw, sentenceCount: 1, ruleNames: []) }
        }
        #expect(throws: ArchiveError.self) { try result.get() }
    }
}
