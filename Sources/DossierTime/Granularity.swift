/// How precise a period is.
public enum Granularity: Int, Comparable, Sendable, CaseIterable, BitwiseCopyable {
    case day, week, month, season, quarter, year, decade, century

    /// "day", "month", ...
    public var name: String {
        switch self {
        case .day: "day"
        case .week: "week"
        case .month: "month"
        case .season: "season"
        case .quarter: "quarter"
        case .year: "year"
        case .decade: "decade"
        case .century: "century"
        }
    }

    public static func < (lhs: Granularity, rhs: Granularity) -> Bool { lhs.rawValue < rhs.rawValue }
}
