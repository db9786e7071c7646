import Foundation

extension Corpus {
    /// A corpus of this many sentences or more has its sentences' word ids and its word positions built as soon as a
    /// session has read it whole: there a word found in one sentence of a hundred ("tax" in news, a country's name)
    /// is in `wordIdsFrom` sentences, and the first phrase would wait seconds for the positions (21 s at 1 GB).
    static let buildAheadFrom = 100 * wordIdsFrom

    /// Starts building, on one thread of its own, the sentences' word ids (with `ids`) then the word positions (with
    /// `positions`), those not built nor being built; `run` runs the work (on a background thread, unless a test runs
    /// it at once or holds it back). Statistics and phrases asked meanwhile read the text, and answer the same.
    func buildAhead(ids: Bool, positions: Bool, run: (@escaping @Sendable () -> Void) -> Void = BackgroundThread.start) {
        let idsStop = ids ? sentenceWordIds.claim() : nil
        let positionsStop = positions ? wordPositions.claim() : nil
        guard idsStop != nil || positionsStop != nil else { return }
        let corpus = self
        run {
            if let stop = idsStop { corpus.sentenceWordIds.build(corpus, stop) }
            if let stop = positionsStop { corpus.wordPositions.build(corpus, stop) }
        }
    }
}

/// A part of the model built once, when first needed or ahead on a thread of its own (`Corpus.buildAhead`), and shared
/// by every copy of the corpus: the sentences' word ids, the word positions. A build under way may be stopped (a new
/// corpus, a Ctrl-C): it keeps nothing, and a later claim builds again; what was built is kept.
final class AheadBuild<Value: Sendable>: Sendable {
    enum State: Sendable { case unbuilt, building(StopFlag), built(Value), unusable }
    let state = Locked<State>(.unbuilt)

    /// The value when it is built; nil before.
    var built: Value? {
        state.withLock { state in
            guard case .built(let value) = state else { return nil }
            return value
        }
    }

    /// Whether the value is built, being built, or cannot be.
    var isStarted: Bool {
        state.withLock { state in
            guard case .unbuilt = state else { return true }
            return false
        }
    }

    /// Marks the value as being built, unless it is built, being built or cannot be: the flag that stops this build,
    /// which the caller then does and ends with `finish`.
    func claim() -> StopFlag? {
        state.withLock { state in
            guard case .unbuilt = state else { return nil }
            let stop = StopFlag()
            state = .building(stop)
            return stop
        }
    }

    /// Keeps what the build `stop` belongs to ended with, unless that build was stopped.
    func finish(_ stop: StopFlag, with outcome: State) {
        state.withLock { state in
            guard case .building(let current) = state, current === stop else { return }
            state = outcome
        }
    }

    /// Stops a build under way, which keeps nothing; a built value is kept.
    func stop() {
        state.withLock { state in
            guard case .building(let stop) = state else { return }
            stop.set()
            state = .unbuilt
        }
    }
}

/// A flag one thread sets and another reads, to stop work under way.
final class StopFlag: Sendable {
    private let value = Locked(false)

    var isSet: Bool { value.withLock { $0 } }

    func set() { value.withLock { $0 = true } }
}

/// Work done on a thread of its own, one core, while the session's commands keep the others: nothing waits for it,
/// and the process exits without it. Its priority is the session's: a lower one starved it on a machine busy with
/// other programs (a build niced by 10 had not ended 25 s into a session at 1 GB, on 2 cores at a load of 11).
enum BackgroundThread {
    static func start(_ work: @escaping @Sendable () -> Void) {
        Thread.detachNewThread(work)
    }
}
