/// A closed interval of days with the granularity it was stated at.
public struct Period: Hashable, Sendable, BitwiseCopyable {
    public var start: Day
    public var end: Day
    public var granularity: Granularity

    public init(start: Day, end: Day, granularity: Granularity) {
        self.start = start
        self.end = end
        self.granularity = granularity
    }

    public static func year(_ y: Int) -> Period? {
        years(y, y, granularity: .year)
    }

    public static func month(_ y: Int, _ m: Int) -> Period? {
        months(y, m, y, m, granularity: .month)
    }

    public static func day(_ y: Int, _ m: Int, _ d: Int) -> Period? {
        guard let day = Day(year: y, month: m, day: d) else { return nil }
        return Period(start: day, end: day, granularity: .day)
    }

    /// Whole years `first` through `last`; nil when reversed or out of 1...9999.
    static func years(_ first: Int, _ last: Int, granularity: Granularity) -> Period? {
        guard first <= last, let start = Day(year: first, month: 1, day: 1),
              let end = Day(year: last, month: 12, day: 31) else { return nil }
        return Period(start: start, end: end, granularity: granularity)
    }

    /// Whole months from (`y1`, `m1`) through (`y2`, `m2`).
    static func months(_ y1: Int, _ m1: Int, _ y2: Int, _ m2: Int, granularity: Granularity) -> Period? {
        guard let start = Day(year: y1, month: m1, day: 1), (1...12).contains(m2),
              let end = Day(year: y2, month: m2, day: Day.length(ofMonth: m2, year: y2)),
              start <= end else { return nil }
        return Period(start: start, end: end, granularity: granularity)
    }

    public func overlaps(_ other: Period) -> Bool {
        start <= other.end && other.start <= end
    }

    public func contains(_ day: Day) -> Bool {
        start <= day && day <= end
    }

    /// Parses a query date: "2017", "2019-02", "2019-02-05" (nil otherwise; year 1...9999).
    public static func parse(_ text: String) -> Period? {
        let bytes = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for index in from..<(from + count) {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        switch bytes.count {
        case 4:
            return number(0, 4).flatMap { year($0) }
        case 7 where bytes[4] == UInt8(ascii: "-"):
            guard let y = number(0, 4), let m = number(5, 2) else { return nil }
            return month(y, m)
        case 10 where bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-"):
            guard let y = number(0, 4), let m = number(5, 2), let d = number(8, 2) else { return nil }
            return day(y, m, d)
        default:
            return nil
        }
    }

    /// The way users write it back: "2017", "2019-02", "2019-02-05", or "2014..2019" for other spans.
    public var label: String {
        if start == end { return start.iso }
        let (first, last) = (start.civil, end.civil)
        let startsMonth = first.day == 1
        let endsMonth = last.day == Day.length(ofMonth: last.month, year: last.year)
        if startsMonth && endsMonth && first.month == 1 && last.month == 12 {
            let from = Day.padded(first.year, 4)
            return first.year == last.year ? from : from + ".." + Day.padded(last.year, 4)
        }
        if startsMonth && endsMonth {
            let from = Day.padded(first.year, 4) + "-" + Day.padded(first.month, 2)
            if first.year == last.year && first.month == last.month { return from }
            return from + ".." + Day.padded(last.year, 4) + "-" + Day.padded(last.month, 2)
        }
        return start.iso + ".." + end.iso
    }
}
