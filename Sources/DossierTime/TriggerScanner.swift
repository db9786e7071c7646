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

    /// Open-addressing set of the first eight lowercase letters of every trigger word.
    private static let slots: [UInt64] = {
        let words: [Word] = [
            .january, .february, .march, .april, .may, .june, .july, .august, .september, .october,
            .november, .december, .monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday,
            .yesterday, .today, .tomorrow, .week, .month, .year, .century,
            .summer, .winter, .spring, .autumn, .fall,
            .jan, .feb, .mar, .apr, .jun, .jul, .aug, .sep, .sept, .oct, .nov, .dec,
            .ago, .weekend, .now, .currently, .nowadays, .presently, .present,
            .twenties, .thirties, .forties, .fifties, .sixties, .seventies, .eighties, .nineties,
            .christmas, .xmas, .boxing, .halloween, .valentine, .valentines, .thanksgiving, .easter,
            .hence, .thousand, .seventeen, .eighteen, .nineteen, .eid, .fitr, .adha, .bakr, .bakrid, .ashura, .mawlid,
            .sacrifice, .lunar,
        ]
        var slots = [UInt64](repeating: 0, count: slotCount)
        for word in words {
            let key = WordKey(lowercase: Array(word.rawValue.utf8)).low
            var slot = slotIndex(key)
            while slots[slot] != 0 { slot = (slot + 1) & (slotCount - 1) }
            slots[slot] = key
        }
        return slots
    }()

    private static let slotCount = 256

    private static func slotIndex(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 56)
    }

    /// Disjoint, ascending byte ranges worth tokenizing.
    func zones(in text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var zones = Zones(text)
        Self.triggers(in: text, from: 0, to: text.count) { zones.add($0) }
        return zones.result
    }

    /// The zones around `triggers` (ascending runs of `text`, as `triggers(in:from:to:_:)` finds them).
    public static func zones(in text: UnsafeBufferPointer<UInt8>, around triggers: [Range<Int>]) -> [Range<Int>] {
        var zones = Zones(text)
        for trigger in triggers { zones.add(trigger) }
        return zones.result
    }

    /// Whether a run of three or more ASCII letters, in any case, is a time word: its first eight letters are those
    /// of one ("May", "SEPTEMBER", "yesterday").
    public static func isTimeWord(_ letters: UnsafeBufferPointer<UInt8>) -> Bool {
        guard letters.count >= 3 else { return false }
        var key: UInt64 = 0
        for (k, letter) in letters.prefix(8).enumerated() { key |= UInt64(letter | 0x20) << UInt64(8 * k) }
        return slots.withUnsafeBufferPointer { isTimeKey(key, slots: $0) }
    }

    /// Whether `key` (a run's first eight letters in lower case) is in the set of time words' keys.
    @inline(__always)
    private static func isTimeKey(_ key: UInt64, slots: UnsafeBufferPointer<UInt64>) -> Bool {
        var slot = slotIndex(key)
        while slots[slot] != 0 {
            if slots[slot] == key { return true }
            slot = (slot &+ 1) & (slotCount &- 1)
        }
        return false
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

    /// Calls `found` with each trigger (a run of ASCII letters or of digits, see `isTimeWord` and `isTriggerNumber`)
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
                        isTrigger = index &- start >= 3 && isTimeKey(key, slots: slots)
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

        init(_ text: UnsafeBufferPointer<UInt8>) { self.text = text }

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

        var result: [Range<Int>] { zoneStart >= 0 ? ranges + [zoneStart..<zoneEnd] : ranges }
    }
}
