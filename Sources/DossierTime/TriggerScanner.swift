/// The cheap first pass: finds the few stretches of text that could hold a time expression
/// (around four-digit numbers, decades and time words), so the careful rules never see ordinary prose.
public struct TriggerScanner: Sendable {
    /// Bytes of context kept before a trigger (enough for "the third quarter of").
    static let lookBehind = 32
    /// Bytes of context kept after a trigger (enough for "February 5th, 2019").
    static let lookAhead = 24

    /// 0 = separator, 1 = ASCII letter, 2 = digit.
    private static let byteClass: [UInt8] = (0...255).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): 2
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): 1
        default: 0
        }
    }

    /// Open-addressing set of the first eight lowercase letters of every trigger word, and by slot whether the word
    /// triggers only with a capital (words of feasts' names that are also ordinary words: "Labor Day", "Mother's Day").
    /// Two arrays, so the scan over every word of the text reads only the keys.
    private static let (slots, capitalOnly): ([UInt64], [Bool]) = {
        let words: [Word] = [
            .january, .february, .march, .april, .may, .june, .july, .august, .september, .october,
            .november, .december, .monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday,
            .yesterday, .today, .tomorrow, .tonight, .morning, .afternoon, .evening, .night, .week, .month, .year, .century, .days, .weeks, .months, .years, .eoy, .eom,
            .summer, .winter, .spring, .autumn, .fall,
            .jan, .feb, .mar, .apr, .jun, .jul, .aug, .sep, .sept, .oct, .nov, .dec,
            // Weekdays' abbreviations that are no English word, read after "next", "last" ...: "next mon", "last thurs".
            .mon, .tue, .tues, .thu, .thur, .thurs, .fri,
            .ago, .weekend, .fortnight, .fortnights, .now, .currently, .nowadays, .presently, .present,
            .twenties, .thirties, .forties, .fifties, .sixties, .seventies, .eighties, .nineties,
            .christmas, .xmas, .boxing, .halloween, .valentine, .valentines, .thanksgiving, .easter,
            .hence, .thousand, .seventeen, .eighteen, .nineteen, .eid, .fitr, .adha, .bakr, .bakrid, .ashura, .mawlid,
            .sacrifice, .lunar, .quarter, .instant, .inst, .ultimo, .ult, .proximo, .prox,
        ]
        var slots = [UInt64](repeating: 0, count: slotCount)
        var capitalOnly = [Bool](repeating: false, count: slotCount)
        func insert(_ bytes: [UInt8], capitalOnly needsCapital: Bool) {
            let key = WordKey(lowercase: bytes).low
            var slot = slotIndex(key)
            while slots[slot] != 0 && slots[slot] != key { slot = (slot + 1) & (slotCount - 1) }
            capitalOnly[slot] = slots[slot] == key ? capitalOnly[slot] && needsCapital : needsCapital
            slots[slot] = key
        }
        let keys = Set(words.map { WordKey(lowercase: Array($0.rawValue.utf8)).low })
        for word in words { insert(Array(word.rawValue.utf8), capitalOnly: false) }
        for (spelling, word) in Word.abbreviations where words.contains(word) { insert(Array(spelling.utf8), capitalOnly: false) }
        // A feast's name needs a trigger of its own only when none of its words is one ("Ash Wednesday" has one).
        for name in FeastName.all where !name.parts.contains(where: { keys.contains(WordKey(lowercase: $0).low) }) {
            if let trigger = name.trigger { insert(trigger, capitalOnly: name.capitalised) }
        }
        return (slots, capitalOnly)
    }()

    private static let slotCount = 1024

    private static func slotIndex(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 54)
    }

    /// Disjoint, ascending byte ranges worth tokenizing.
    func zones(in text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var zones = Zones(text)
        Self.triggers(in: text, from: 0, to: text.count) { zones.add($0) }
        return zones.finish()
    }

    /// The zones around `triggers` (ascending runs of `text`, as `triggers(in:from:to:_:)` finds them).
    public static func zones(in text: UnsafeBufferPointer<UInt8>, around triggers: [Range<Int>]) -> [Range<Int>] {
        var zones = Zones(text, capacity: triggers.count)
        for trigger in triggers { zones.add(trigger) }
        return zones.finish()
    }

    /// What a run of three or more ASCII letters is to the scanner, by its first eight letters in any case.
    public enum TimeWord: Int8, Sendable {
        /// Not a time word.
        case no
        /// A time word in any case ("May", "SEPTEMBER", "yesterday").
        case any
        /// A time word only with a capital: a feast's word that is also an ordinary word ("Labor", "Mother").
        case capitalised
    }

    /// What a run of letters is: see `TimeWord`.
    public static func timeWord(_ letters: UnsafeBufferPointer<UInt8>) -> TimeWord {
        guard letters.count >= 3, let base = letters.baseAddress else { return .no }
        var key: UInt64 = 0
        if letters.count >= 8 {
            // The first eight letters at once: a core reading ahead asks this of every word it reads.
            key = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)) | 0x2020_2020_2020_2020
        } else {
            for k in 0..<letters.count { key |= UInt64(base[k] | 0x20) << UInt64(8 &* k) }
        }
        return slots.withUnsafeBufferPointer { timeKey(key, slots: $0) }
    }

    /// What `key` (a run's first eight letters in lower case) is in the set of time words' keys.
    @inline(__always)
    private static func timeKey(_ key: UInt64, slots: UnsafeBufferPointer<UInt64>) -> TimeWord {
        var slot = slotIndex(key)
        while slots[slot] != 0 {
            if slots[slot] == key { return capitalOnly[slot] ? .capitalised : .any }
            slot = (slot &+ 1) & (slotCount &- 1)
        }
        return .no
    }

    /// Whether a run of digits (`digits`, in `text`) is a trigger: four digits, a decade such as "70s" and "90's", or
    /// the start of "9/26/99" and "10-29-99".
    @inline(__always)
    public static func isTriggerNumber(_ text: UnsafeBufferPointer<UInt8>, _ digits: Range<Int>) -> Bool {
        let length = digits.count, index = digits.upperBound, count = text.count
        return length == 4 || length <= 2 && index < count
            && (length == 2 && (text[index] | 0x20 == UInt8(ascii: "s") || text[index] == UInt8(ascii: "'"))
                || (text[index] == UInt8(ascii: "/") || text[index] == UInt8(ascii: "-")) && index &+ 1 < count
                    && text[index &+ 1] &- UInt8(ascii: "0") < 10)
    }

    /// Calls `found` with each trigger (a run of ASCII letters or of digits, see `timeWord` and `isTriggerNumber`)
    /// that starts in `from..<to`, in order; a run is read to its end, past `to` if it goes on. Every other byte,
    /// non-ASCII ones included, separates runs. Returns where reading stopped: `to`, or the end of a run past it.
    @discardableResult
    public static func triggers(in text: UnsafeBufferPointer<UInt8>, from: Int, to: Int, _ found: (Range<Int>) -> Void) -> Int {
        guard let base = text.baseAddress, !text.isEmpty else { return to }
        let count = text.count
        return byteClass.withUnsafeBufferPointer { byteClass in
            slots.withUnsafeBufferPointer { slots in
                var index = from
                while index < to {
                    let kind = byteClass[Int(base[index])]
                    if kind == 0 {
                        index &+= 1
                        continue
                    }
                    let start = index
                    var isTrigger = false
                    if kind == 2 {
                        repeat { index &+= 1 } while index < count && byteClass[Int(base[index])] == 2
                        isTrigger = isTriggerNumber(text, start..<index)
                    } else {
                        var key: UInt64 = 0
                        var shift: UInt64 = 0
                        repeat {
                            if shift < 64 {
                                key |= UInt64(base[index] | 0x20) << shift
                                shift &+= 8
                            }
                            index &+= 1
                        } while index < count && byteClass[Int(base[index])] == 1
                        if index &- start >= 3 {
                            switch timeKey(key, slots: slots) {
                            case .no: break
                            case .any: isTrigger = true
                            case .capitalised: isTrigger = base[start] >= 0x41 && base[start] <= 0x5A
                            }
                        }
                    }
                    if isTrigger { found(start..<index) }
                }
                return max(index, to)
            }
        }
    }

    /// Zones being built from triggers in order: each trigger with some words of context around it, overlapping ones
    /// joined.
    private struct Zones {
        let text: UnsafeBufferPointer<UInt8>
        private var ranges: [Range<Int>] = []
        private var zoneStart = -1
        private var zoneEnd = -1

        /// `capacity`: room for as many zones (one array for the sentence, not one per zone found).
        init(_ text: UnsafeBufferPointer<UInt8>, capacity: Int = 0) {
            self.text = text
            ranges.reserveCapacity(capacity)
        }

        private func isSeparator(_ index: Int) -> Bool {
            text[index] < 0x80 && byteClass[Int(text[index])] == 0
        }

        mutating func add(_ trigger: Range<Int>) {
            let count = text.count
            var low = max(0, trigger.lowerBound - lookBehind)
            while low > 0 && low < trigger.lowerBound && !isSeparator(low - 1) { low += 1 }
            var high = min(count, trigger.upperBound + lookAhead)
            let limit = min(count, high + lookAhead)
            while high < limit && !isSeparator(high) { high += 1 }
            if low <= zoneEnd {
                zoneEnd = max(zoneEnd, high)
            } else {
                if zoneStart >= 0 { ranges.append(zoneStart..<zoneEnd) }
                zoneStart = low
                zoneEnd = high
            }
        }

        /// The zones, the last one closed; done after this.
        mutating func finish() -> [Range<Int>] {
            if zoneStart >= 0 { ranges.append(zoneStart..<zoneEnd) }
            zoneStart = -1
            return ranges
        }
    }
}
