/// A DFA built on demand from a `Program`, one state per set of live NFA
/// threads. Each transition costs O(program size) once and is then a table
/// lookup, so a scan is linear in the text; memory is bounded by clearing the
/// cache when its states (table rows and thread lists) pass `memoryBudget`
/// bytes. A DFA whose cache keeps filling up while reading few bytes per state
/// built says so (`isThrashing`): a simulation of the NFA is then cheaper.
final class LazyDFA {
    /// Identity of a DFA state: the ordered live NFA instructions plus the context
    /// that pending assertions still need.
    struct StateKey: Hashable {
        var threads: [Int32]
        var behindEdge: Bool
        var previousIsWord: Bool
        /// The transition into this state saw a match end just before its byte.
        var matchBefore: Bool
    }

    /// Per-state facts the scan loop needs on its slow path.
    struct StateInfo {
        var matchBefore: Bool
        var isDead: Bool
        var isStart: Bool
        var hasPendingAsserts: Bool
        /// -1 unknown, 0 no, 1 yes: whether the state matches at the end of the text.
        var matchesAtEnd: Int8 = -1
    }

    static let tag: Int32 = 1 << 30
    static let unknown: Int32 = -1

    let program: Program
    /// Leftmost-first: drop lower-priority threads once one reaches a match.
    private let cutAtMatch: Bool
    private let tagStartStates: Bool
    private let memoryBudget: Int
    let stride: Int
    /// Where the work of building states and reading bytes is counted.
    let steps: StepCounter

    /// Bytes a state costs besides its table row and thread list (key, facts, index entry).
    private static let stateOverhead = 96
    /// States the cache always holds before a clear, whatever their size.
    private static let minimumStates = 16
    /// Clears tolerated before the rate of bytes read per state built is checked.
    static let minimumClears = 3
    /// Fewer bytes read than this per state built between two clears means the cache is thrashing.
    static let minimumBytesPerState = 10

    private var memoryUsed = 0
    private var clears = 0
    /// Bytes read through this DFA, and their count at the last clear.
    @exclusivity(unchecked) private(set) var bytesRead = 0
    private var bytesReadAtClear = 0
    /// The cache has been cleared `minimumClears` times or more, the last time after fewer than
    /// `minimumBytesPerState` bytes read per state built: each byte costs a state's construction.
    private(set) var isThrashing = false

    private var keys: [StateKey] = []
    private var infos: [StateInfo] = []
    private var index: [StateKey: Int32] = [:]
    private(set) var table: UnsafeMutablePointer<Int32>
    private var tableCapacity: Int
    private var startStates: [Int32?] = [nil, nil, nil, nil]
    private var startKeys: Set<StateKey> = []
    let classes: UnsafeMutablePointer<UInt8>

    private var visited: VisitedInstructions
    private var work: [Int32] = []
    private var resolved: [Int32] = []

    init(program: Program, cutAtMatch: Bool, tagStartStates: Bool, memoryBudget: Int, steps: StepCounter) {
        self.program = program
        self.cutAtMatch = cutAtMatch
        self.tagStartStates = tagStartStates
        self.memoryBudget = memoryBudget
        self.steps = steps
        stride = program.classCount
        tableCapacity = 16
        table = .allocate(capacity: tableCapacity * stride)
        classes = .allocate(capacity: 256)
        classes.initialize(from: program.byteClasses, count: 256)
        visited = VisitedInstructions(count: program.instructions.count)
        for behindEdge in [false, true] {
            for previousIsWord in [false, true] {
                startKeys.insert(startKey(behindEdge: behindEdge, previousIsWord: previousIsWord))
            }
        }
    }

    deinit {
        table.deallocate()
        classes.deallocate()
    }

    func info(_ state: Int32) -> StateInfo { infos[Int(state) / stride] }

    /// Counts `count` bytes read through the DFA, as work and towards the rate that tells thrashing.
    func read(_ count: Int) {
        bytesRead += count
        steps.count += count
    }

    // MARK: Start states

    /// The start state (as a table offset) for a scan whose context is given.
    func startState(behindEdge: Bool, previousIsWord: Bool) -> Int32 {
        let word = previousIsWord && program.usesWordBoundary
        let slot = (behindEdge ? 2 : 0) + (word ? 1 : 0)
        if let state = startStates[slot] { return state }
        let state = intern(startKey(behindEdge: behindEdge, previousIsWord: word)).state
        startStates[slot] = state
        return state
    }

    private func startKey(behindEdge: Bool, previousIsWord: Bool) -> StateKey {
        let word = previousIsWord && program.usesWordBoundary
        var threads: [Int32] = []
        visited.clear()
        closure(program.start, into: &threads, behindEdge: behindEdge, previousIsWord: word, ahead: nil)
        return StateKey(threads: threads, behindEdge: behindEdge, previousIsWord: word, matchBefore: false)
    }

    // MARK: Transitions

    /// The tagged target of `state` on `byte`, computing and caching it if needed.
    func transition(_ state: Int32, _ byte: UInt8) -> Int32 {
        let slot = Int(state) + Int(classes[Int(byte)])
        let cached = table[slot]
        if cached != LazyDFA.unknown { return cached }
        let key = keys[Int(state) / stride]
        let stateInfo = infos[Int(state) / stride]
        let nextIsWord = program.usesWordBoundary ? WordBytes.after(byte, previous: key.previousIsWord) : false
        let live = resolve(
            key, info: stateInfo, ahead: Ahead(atEnd: false, isWord: nextIsWord, midCharacter: WordBytes.isContinuation(byte)))
        var threads: [Int32] = []
        var matched = false
        visited.clear()
        steps.count += live.count
        for pc in live {
            let instruction = program.instructions[Int(pc)]
            switch instruction.op {
            case .match:
                matched = true
            case .byteRange where instruction.low <= byte && byte <= instruction.high:
                closure(instruction.next, into: &threads, behindEdge: false, previousIsWord: nextIsWord, ahead: nil)
            case .byteBranches:
                for branch in program.branches[Int(instruction.next)..<Int(instruction.other)]
                where branch.low <= byte && byte <= branch.high {
                    closure(branch.next, into: &threads, behindEdge: false, previousIsWord: nextIsWord, ahead: nil)
                }
            default:
                break
            }
            if matched && cutAtMatch { break }
        }
        let target = StateKey(threads: threads, behindEdge: false, previousIsWord: nextIsWord, matchBefore: matched)
        let (targetState, cleared) = intern(target)
        let tagged = tagged(targetState)
        if !cleared { table[slot] = tagged }
        return tagged
    }

    /// Whether `state` holds a match when the text ends right here.
    func matchesAtEnd(_ state: Int32) -> Bool {
        let position = Int(state) / stride
        if infos[position].matchesAtEnd < 0 {
            let live = resolve(keys[position], info: infos[position], ahead: Ahead(atEnd: true, isWord: false, midCharacter: false))
            let matches = live.contains { program.instructions[Int($0)].op == .match }
            infos[position].matchesAtEnd = matches ? 1 : 0
        }
        return infos[position].matchesAtEnd == 1
    }

    /// The state's threads with pending look-ahead assertions decided.
    private func resolve(_ key: StateKey, info: StateInfo, ahead: Ahead) -> [Int32] {
        guard info.hasPendingAsserts else { return key.threads }
        resolved.removeAll(keepingCapacity: true)
        visited.clear()
        for pc in key.threads {
            closure(
                pc, into: &resolved, behindEdge: key.behindEdge, previousIsWord: key.previousIsWord, ahead: ahead)
        }
        return resolved
    }

    /// What a pending assertion needs to know about the next byte.
    struct Ahead {
        var atEnd: Bool
        var isWord: Bool
        /// The next byte continues a UTF-8 character: neither `\b` nor `\B` holds
        /// inside a character, so matches never start or end there.
        var midCharacter: Bool
    }

    /// Appends, in priority order, the instructions reachable from `pc` without
    /// reading a byte. Assertions that need the next byte stay pending unless
    /// `ahead` is known.
    private func closure(
        _ pc: Int32, into threads: inout [Int32], behindEdge: Bool, previousIsWord: Bool, ahead: Ahead?
    ) {
        work.append(pc)
        while let current = work.popLast() {
            guard visited.insert(current) else { continue }
            steps.count += 1
            let instruction = program.instructions[Int(current)]
            switch instruction.op {
            case .byteRange, .byteBranches, .match:
                threads.append(current)
            case .split:
                work.append(instruction.other)
                work.append(instruction.next)
            case .assert:
                let holds: Bool
                switch AssertKind(rawValue: instruction.low)! {
                case .behindEdge:
                    holds = behindEdge
                case .aheadEdge:
                    guard let ahead else { threads.append(current); continue }
                    holds = ahead.atEnd
                case .wordBoundary, .notWordBoundary:
                    guard let ahead else { threads.append(current); continue }
                    let boundary = previousIsWord != (ahead.isWord && !ahead.atEnd)
                    holds = !ahead.midCharacter && boundary == (instruction.low == AssertKind.wordBoundary.rawValue)
                }
                if holds { work.append(instruction.next) }
            }
        }
    }

    // MARK: Cache

    private func tagged(_ state: Int32) -> Int32 {
        let stateInfo = infos[Int(state) / stride]
        let special = stateInfo.matchBefore || stateInfo.isDead || (tagStartStates && stateInfo.isStart)
        return special ? state | LazyDFA.tag : state
    }

    /// Finds or adds the state for `key`; `cleared` reports that the cache was
    /// flushed to make room, invalidating previously returned states.
    private func intern(_ key: StateKey) -> (state: Int32, cleared: Bool) {
        if let existing = index[key] { return (existing, false) }
        var cleared = false
        let cost = stride * 4 + key.threads.count * 4 + LazyDFA.stateOverhead
        if memoryUsed + cost > memoryBudget && keys.count >= LazyDFA.minimumStates {
            clears += 1
            if clears >= LazyDFA.minimumClears
                && bytesRead - bytesReadAtClear < LazyDFA.minimumBytesPerState * keys.count {
                isThrashing = true
            }
            bytesReadAtClear = bytesRead
            keys.removeAll(keepingCapacity: true)
            infos.removeAll(keepingCapacity: true)
            index.removeAll(keepingCapacity: true)
            startStates = [nil, nil, nil, nil]
            memoryUsed = 0
            cleared = true
        }
        memoryUsed += cost
        if keys.count == tableCapacity {
            let grown = UnsafeMutablePointer<Int32>.allocate(capacity: tableCapacity * 2 * stride)
            grown.moveInitialize(from: table, count: tableCapacity * stride)
            table.deallocate()
            table = grown
            tableCapacity *= 2
        }
        let state = Int32(keys.count * stride)
        (table + Int(state)).initialize(repeating: LazyDFA.unknown, count: stride)
        let hasPending = key.threads.contains { program.instructions[Int($0)].op == .assert }
        keys.append(key)
        infos.append(StateInfo(
            matchBefore: key.matchBefore, isDead: key.threads.isEmpty, isStart: startKeys.contains(key),
            hasPendingAsserts: hasPending))
        index[key] = state
        return (state, cleared)
    }
}
