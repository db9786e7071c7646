/// Why a search ended without its answer.
enum SearchHalt: Error {
    /// `shouldStop` turned true (Ctrl-C).
    case interrupted
    /// The searches charged to a `RegexWorkLimit` passed it.
    case overLimit
    /// A lazy DFA builds a state for nearly every byte: the search goes on by simulation instead.
    case thrashing
}

/// What a search checks now and then: whether to stop (Ctrl-C, asked of the `shouldStop` passed along), and
/// what its work has cost against a limit.
struct SearchPoll {
    let limit: RegexWorkLimit?
    let steps: StepCounter

    /// Bytes a DFA scan reads between two polls.
    static let interval = 8192

    func check(_ shouldStop: () -> Bool) throws(SearchHalt) {
        if shouldStop() { throw .interrupted }
        try settle()
    }

    /// Charges the work done since the last charge to the limit, failing once it is spent.
    func settle() throws(SearchHalt) {
        if let limit, !limit.charge(steps) { throw .overLimit }
    }
}

/// The scan loops over a `LazyDFA`: forwards to find where the leftmost-first
/// match ends, backwards to find where it starts.
extension LazyDFA {
    static let prefilterWindow = 1 << 20

    /// End of the leftmost-first match starting at or after `from` (or of the
    /// earliest-ending match if `earliest`); nil if none.
    func forwardSearch(
        _ text: UnsafeBufferPointer<UInt8>, from: Int, earliest: Bool, prefilter: ByteRunSearch?, poll: SearchPoll,
        shouldStop: () -> Bool
    ) throws(SearchHalt) -> Int? {
        let count = text.count
        var state = startState(behindEdge: from == 0, previousIsWord: WordBytes.before(from, in: text))
        var position = from
        var counted = from
        var lastMatch: Int?
        var nextPoll = from + SearchPoll.interval
        defer { read(position - counted) }
        if let base = text.baseAddress {
            if let prefilter, info(state).isStart {
                skip(&state, &position, &counted, prefilter, text)
            }
            while position < count {
                if position >= nextPoll {
                    read(position - counted)
                    counted = position
                    try poll.check(shouldStop)
                    nextPoll = position + SearchPoll.interval
                }
                let limit = min(count, nextPoll)
                let table = self.table, classes = self.classes
                while position < limit {
                    let next = table[Int(state) + Int(classes[Int(base[position])])]
                    if UInt32(bitPattern: next) >= UInt32(LazyDFA.tag) { break }
                    state = next
                    position += 1
                }
                guard position < limit else { continue }
                read(position - counted)
                counted = position
                let next = transition(state, base[position]) & ~LazyDFA.tag
                if isThrashing { throw .thrashing }
                let nextInfo = info(next)
                if nextInfo.matchBefore {
                    lastMatch = position
                    if earliest { return position }
                }
                if nextInfo.isDead { return lastMatch }
                state = next
                position += 1
                if let prefilter, nextInfo.isStart, lastMatch == nil {
                    skip(&state, &position, &counted, prefilter, text)
                }
            }
        }
        if matchesAtEnd(state) { lastMatch = count }
        return lastMatch
    }

    /// From a start state, jumps to the next possible first byte of a match (the bytes jumped over are not read).
    private func skip(
        _ state: inout Int32, _ position: inout Int, _ counted: inout Int, _ prefilter: ByteRunSearch,
        _ text: UnsafeBufferPointer<UInt8>
    ) {
        let limit = min(text.count, position + LazyDFA.prefilterWindow)
        let found = prefilter.next(in: text, from: position, to: limit)
        guard found > position else { return }
        read(position - counted)
        position = found
        counted = found
        state = startState(behindEdge: false, previousIsWord: WordBytes.before(found, in: text))
    }

    /// Smallest start in `lowerBound...end` of a match of the reversed program
    /// read backwards from `end`.
    func reverseSearch(_ text: UnsafeBufferPointer<UInt8>, end: Int, lowerBound: Int) throws(SearchHalt) -> Int? {
        var state = startState(behindEdge: end == text.count, previousIsWord: false)
        var position = end
        var earliestStart: Int?
        defer { read(end - position) }
        while position > lowerBound {
            let next = transition(state, text[position - 1]) & ~LazyDFA.tag
            if isThrashing { throw .thrashing }
            let nextInfo = info(next)
            if nextInfo.matchBefore { earliestStart = position }
            if nextInfo.isDead { return earliestStart }
            state = next
            position -= 1
        }
        if lowerBound == 0 {
            if matchesAtEnd(state) { earliestStart = 0 }
        } else if info(transition(state, text[lowerBound - 1]) & ~LazyDFA.tag).matchBefore {
            earliestStart = lowerBound
        }
        if isThrashing { throw .thrashing }
        return earliestStart
    }
}

extension LazyDFA {
    /// Whether the (anchored, non-cutting) program matches exactly `start..<end`.
    func matchesExactly(_ text: UnsafeBufferPointer<UInt8>, start: Int, end: Int) throws(SearchHalt) -> Bool {
        var state = startState(behindEdge: start == 0, previousIsWord: WordBytes.before(start, in: text))
        read(end - start)
        for position in start..<end {
            state = transition(state, text[position]) & ~LazyDFA.tag
            if isThrashing { throw .thrashing }
            if info(state).isDead { return false }
        }
        if end == text.count { return matchesAtEnd(state) }
        let matches = info(transition(state, text[end]) & ~LazyDFA.tag).matchBefore
        if isThrashing { throw .thrashing }
        return matches
    }
}

extension AssertKind {
    /// Whether the assertion holds at `position` of `text`, as the Pike VM reads a forward program.
    func holds(at position: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        switch self {
        case .behindEdge: return position == 0
        case .aheadEdge: return position == text.count
        case .wordBoundary, .notWordBoundary:
            if position < text.count && WordBytes.isContinuation(text[position]) { return false }
            let before = WordBytes.before(position, in: text)
            let after = position < text.count && WordBytes.after(text[position], previous: before)
            return (before != after) == (self == .wordBoundary)
        }
    }
}
