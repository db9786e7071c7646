/// The cheap first pass: finds the few stretches of text that could hold a time expression
/// (around four-digit numbers, decades and time words), so the careful rules never see ordinary prose.
struct TriggerScanner: Sendable {
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
        guard let base = text.baseAddress, !text.isEmpty else { return [] }
        let count = text.count
        var zones: [Range<Int>] = []
        var zoneStart = -1
        var zoneEnd = -1
        Self.byteClass.withUnsafeBufferPointer { byteClass in
            Self.slots.withUnsafeBufferPointer { slots in
                func isSeparator(_ index: Int) -> Bool {
                    base[index] < 0x80 && byteClass[Int(base[index])] == 0
                }
                var index = 0
                while index < count {
                    let kind = byteClass[Int(base[index])]
                    if kind == 0 {
                        index &+= 1
                        continue
                    }
                    let start = index
                    var isTrigger = false
                    if kind == 2 {
                        repeat { index &+= 1 } while index < count && byteClass[Int(base[index])] == 2
                        // A four-digit number, a decade such as "70s" and "90's", or the start of "9/26/99" and "10-29-99".
                        let length = index &- start
                        isTrigger = length == 4 || length <= 2 && index < count
                            && (length == 2 && (base[index] | 0x20 == UInt8(ascii: "s") || base[index] == UInt8(ascii: "'"))
                                || (base[index] == UInt8(ascii: "/") || base[index] == UInt8(ascii: "-")) && index &+ 1 < count
                                    && byteClass[Int(base[index &+ 1])] == 2)
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
                            var slot = Self.slotIndex(key)
                            while slots[slot] != 0 {
                                if slots[slot] == key {
                                    isTrigger = !Self.capitalOnly[slot] || (base[start] >= 0x41 && base[start] <= 0x5A)
                                    break
                                }
                                slot = (slot &+ 1) & (Self.slotCount &- 1)
                            }
                        }
                    }
                    guard isTrigger else { continue }
                    var low = max(0, start - Self.lookBehind)
                    while low > 0 && low < start && !isSeparator(low - 1) { low += 1 }
                    var high = min(count, index + Self.lookAhead)
                    let limit = min(count, high + Self.lookAhead)
                    while high < limit && !isSeparator(high) { high += 1 }
                    if low <= zoneEnd {
                        zoneEnd = max(zoneEnd, high)
                    } else {
                        if zoneStart >= 0 { zones.append(zoneStart..<zoneEnd) }
                        zoneStart = low
                        zoneEnd = high
                    }
                }
            }
        }
        if zoneStart >= 0 { zones.append(zoneStart..<zoneEnd) }
        return zones
    }
}
