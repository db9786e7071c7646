/// Ctrl-C inside a command's long loops: a loop counts its steps and asks `shouldStop` every 1,024 of them (or as
/// often as it says), so a command over a large corpus stops within milliseconds while a small one pays almost nothing.
struct StopPoll {
    let shouldStop: @Sendable () -> Bool
    private let mask: Int
    private var steps = 0
    private(set) var stopped = false

    /// `every` is a power of two: how many steps go by between two questions.
    init(_ shouldStop: @escaping @Sendable () -> Bool, every: Int = 1024) {
        precondition(every > 0 && every & (every - 1) == 0, "a poll asks every power of two steps")
        self.shouldStop = shouldStop
        mask = every - 1
    }

    /// Counts one step; true once a stop was asked (and from then on).
    mutating func step() -> Bool {
        steps &+= 1
        if steps & mask == 1 & mask, !stopped { stopped = shouldStop() }
        return stopped
    }

    /// Sorts `items` by `less`, a comparison a step: a sort of a million rows makes some twenty million comparisons.
    /// False when it stopped (the items are then in no particular order).
    mutating func sort<T>(_ items: inout [T], by less: (T, T) -> Bool) -> Bool {
        do {
            try items.sort { a, b in
                if step() { throw SortStopped() }
                return less(a, b)
            }
            return true
        } catch {
            return false
        }
    }
}

extension Diagnostic {
    /// The error a command stopped by Ctrl-C ends with: the shell prints it as the one word `interrupted`.
    static func interrupted(at location: SourceLocation) -> Diagnostic {
        var diagnostic = Diagnostic(.error, at: location, "interrupted")
        diagnostic.kind = .interrupted
        return diagnostic
    }
}

/// Counts the rows a result is drawn or a file is written with, and asks about Ctrl-C every 64 of them: a class, so
/// the drawing functions of a renderer (which do not mutate it) share one count.
final class RowStops {
    private var poll: StopPoll

    init(_ shouldStop: @escaping @Sendable () -> Bool) {
        poll = StopPoll(shouldStop, every: 64)
    }

    /// Counts one row; throws the interruption once a stop was asked.
    func next() throws(Diagnostic) {
        if poll.step() { throw Self.interruption }
    }

    static let interruption = Diagnostic.interrupted(at: SourceLocation(file: "<command>", line: 1, column: 1))

    /// Sorts `items` by `less`, counting comparisons as rows.
    func sort<T>(_ items: inout [T], by less: (T, T) -> Bool) throws(Diagnostic) {
        guard poll.sort(&items, by: less) else { throw Self.interruption }
    }

    /// `transform` of each item, a row at a time, stopping at Ctrl-C.
    func map<S: Sequence, R>(_ items: S, _ transform: (S.Element) -> R) throws(Diagnostic) -> [R] {
        var out: [R] = []
        out.reserveCapacity(items.underestimatedCount)
        for item in items {
            try next()
            out.append(transform(item))
        }
        return out
    }
}

/// What a comparison throws to leave a sort stopped by Ctrl-C.
private struct SortStopped: Error {}

extension Evaluator {
    /// The error a command stopped by Ctrl-C ends with.
    var interrupted: Diagnostic {
        var diagnostic = fail(SourceSpan(line: 1, column: 1, length: 1), "interrupted", nil)
        diagnostic.kind = .interrupted
        return diagnostic
    }

    /// The sentences of `set` that pass `keep`, stopping at Ctrl-C.
    func keeping(_ set: SentenceSet, _ keep: (Int32) -> Bool) throws(Diagnostic) -> SentenceSet {
        var poll = StopPoll(shouldStop)
        let kept = set.filter { !poll.step() && keep($0) }
        if poll.stopped { throw interrupted }
        return kept
    }

    /// Sorts `items` in place by `less`, stopping at Ctrl-C (asked every 1,024 comparisons).
    func sort<T>(_ items: inout [T], by less: (T, T) -> Bool) throws(Diagnostic) {
        var poll = StopPoll(shouldStop)
        guard poll.sort(&items, by: less) else { throw interrupted }
    }

    /// The first `n` of `items` in the order `less` gives, or all of them sorted when `n` is nil or not smaller than
    /// their count: a ranking cut by `| limit N` or `top N` shows only those, and picking them in one pass (each item
    /// compared with the last kept, most of them once) costs a fraction of sorting thousands of rows. `less` must
    /// break every tie (a strict total order), so the first `n` are exactly those a full sort puts first.
    func ranked<T>(_ items: [T], first n: Int?, by less: (T, T) -> Bool) throws(Diagnostic) -> [T] {
        guard let n, n < items.count, n <= Self.rankedPickLimit else {
            var all = items
            try sort(&all, by: less)
            return all
        }
        if n == 0 { return [] }
        var kept: [T] = []
        kept.reserveCapacity(n + 1)
        var poll = StopPoll(shouldStop)
        for item in items {
            if poll.step() { throw interrupted }
            if kept.count == n, !less(item, kept[n - 1]) { continue }
            var lo = 0, hi = kept.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if less(item, kept[mid]) { hi = mid } else { lo = mid + 1 }
            }
            kept.insert(item, at: lo)
            if kept.count > n { kept.removeLast() }
        }
        return kept
    }

    /// Above this many rows asked for, `ranked` sorts everything (inserting into a long kept list would cost more).
    static let rankedPickLimit = 1000

    /// `items` sorted by `less`, stopping at Ctrl-C.
    func sorted<T>(_ items: some Sequence<T>, by less: (T, T) -> Bool) throws(Diagnostic) -> [T] {
        var array = Array(items)
        try sort(&array, by: less)
        return array
    }

    /// `items` each made into a row by `transform`, stopping at Ctrl-C.
    func rows<T, R>(_ items: some Sequence<T>, _ transform: (T) -> R) throws(Diagnostic) -> [R] {
        try RowStops(shouldStop).map(items, transform)
    }
}
