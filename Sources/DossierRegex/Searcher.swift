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

/// Finds the exact start of a match whose end is known, by a Pike VM over the
/// forward program. Needed only when the pattern uses `\b`/`\B`, which the
/// reverse DFA skips, and only when the reverse DFA's answer fails an exact
/// anchored check; it runs over the match region only.
enum StartFinder {
    static func earliestStart(
        program: Program, text: UnsafeBufferPointer<UInt8>, lowerBound: Int, end: Int, steps: StepCounter
    ) -> Int? {
        let size = program.instructions.count
        var currentStarts = [Int](repeating: -1, count: size)
        var nextStarts = [Int](repeating: -1, count: size)
        var stamp = [Int](repeating: -1, count: size)
        var current: [Int32] = []
        var next: [Int32] = []
        var work: [(Int32, Int)] = []
        var stampValue = 0

        func add(_ pc: Int32, start: Int, at position: Int, into list: inout [Int32], starts: inout [Int]) {
            work.append((pc, start))
            while let (pc, start) = work.popLast() {
                guard stamp[Int(pc)] != stampValue else { continue }
                stamp[Int(pc)] = stampValue
                steps.count += 1
                let instruction = program.instructions[Int(pc)]
                switch instruction.op {
                case .byteRange, .byteBranches, .match:
                    starts[Int(pc)] = start
                    list.append(pc)
                case .split:
                    work.append((instruction.other, start))
                    work.append((instruction.next, start))
                case .assert:
                    if holds(AssertKind(rawValue: instruction.low)!, at: position, in: text) {
                        work.append((instruction.next, start))
                    }
                }
            }
        }

        var position = lowerBound
        stampValue += 1
        while true {
            add(program.start, start: position, at: position, into: &current, starts: &currentStarts)
            if position == end {
                return current.filter { program.instructions[Int($0)].op == .match }.map { currentStarts[Int($0)] }.min()
            }
            let byte = text[position]
            next.removeAll(keepingCapacity: true)
            stampValue += 1
            for pc in current {
                let instruction = program.instructions[Int(pc)]
                for target in program.targets(of: instruction, on: byte) {
                    add(target, start: currentStarts[Int(pc)], at: position + 1, into: &next, starts: &nextStarts)
                }
            }
            swap(&current, &next)
            swap(&currentStarts, &nextStarts)
            position += 1
        }
    }

    /// Positional meaning of an assertion in a forward program.
    static func holds(_ kind: AssertKind, at position: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        switch kind {
        case .behindEdge: return position == 0
        case .aheadEdge: return position == text.count
        case .wordBoundary, .notWordBoundary:
            if position < text.count && WordBytes.isContinuation(text[position]) { return false }
            let before = WordBytes.before(position, in: text)
            let after = position < text.count && WordBytes.after(text[position], previous: before)
            return (before != after) == (kind == .wordBoundary)
        }
    }
}
