/// Ctrl-C inside a command's long loops: a loop counts its steps and asks `shouldStop` every 1,024 of them, so a
/// command over a large corpus stops within milliseconds while a small one pays almost nothing.
struct StopPoll {
    let shouldStop: @Sendable () -> Bool
    private var steps = 0
    private(set) var stopped = false

    init(_ shouldStop: @escaping @Sendable () -> Bool) {
        self.shouldStop = shouldStop
    }

    /// Counts one step; true once a stop was asked (and from then on).
    mutating func step() -> Bool {
        steps &+= 1
        if steps & 1023 == 1, !stopped { stopped = shouldStop() }
        return stopped
    }
}

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
}
