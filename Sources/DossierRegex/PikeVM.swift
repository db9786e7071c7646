/// Leftmost-first search that runs every thread of the forward program in step over the text (a Pike VM, the
/// simulation RE2 and Rust's regex crate fall back on when their DFAs give up). Each byte costs at most one visit
/// of each instruction, so the time is linear in text length × program size and the memory in program size,
/// whatever the pattern. The engine turns to it when its lazy DFA would build a state for nearly every byte
/// (large counted repeats such as `.{1000}` over varied text).
final class PikeVM {
    let program: Program
    /// The pattern's own first instruction (the forward program without its unanchored prefix).
    private let start: Int32
    private let steps: StepCounter
    private var current: [Int32] = []
    private var next: [Int32] = []
    /// Where the thread at each instruction started, for the list being read and the one being built.
    private var currentStarts: [Int]
    private var nextStarts: [Int]
    private var visited: VisitedInstructions
    private var work: [Int32] = []

    /// Steps of simulation between two polls.
    static let pollSteps = 1 << 16

    init(program: Program, start: Int32, steps: StepCounter) {
        self.program = program
        self.start = start
        self.steps = steps
        currentStarts = [Int](repeating: -1, count: program.instructions.count)
        nextStarts = currentStarts
        visited = VisitedInstructions(count: program.instructions.count)
    }

    /// The leftmost-first match starting at or after `from` (with `anchored`, only at `from`), or with
    /// `earliest` the first match to end, whichever start it has.
    func search(
        _ text: UnsafeBufferPointer<UInt8>, from: Int, anchored: Bool, earliest: Bool, poll: SearchPoll,
        shouldStop: () -> Bool
    ) throws(SearchHalt) -> Range<Int>? {
        var matched: Range<Int>?
        var position = from
        var nextPoll = steps.count + PikeVM.pollSteps
        current.removeAll(keepingCapacity: true)
        visited.clear()
        while true {
            if matched == nil && (position == from || !anchored) {
                add(start, start: position, at: position, in: text, into: &current, starts: &currentStarts)
            }
            if current.isEmpty && (matched != nil || anchored || position == text.count) { break }
            next.removeAll(keepingCapacity: true)
            visited.clear()
            steps.count += current.count
            for pc in current {
                let instruction = program.instructions[Int(pc)]
                if instruction.op == .match {
                    matched = currentStarts[Int(pc)]..<position
                    if earliest { return matched }
                    break
                }
                guard position < text.count else { continue }
                let byte = text[position]
                let threadStart = currentStarts[Int(pc)]
                if instruction.op == .byteRange {
                    if instruction.low <= byte && byte <= instruction.high {
                        add(instruction.next, start: threadStart, at: position + 1, in: text, into: &next, starts: &nextStarts)
                    }
                } else if instruction.op == .byteBranches {
                    for index in Int(instruction.next)..<Int(instruction.other) {
                        let branch = program.branches[index]
                        if branch.low <= byte && byte <= branch.high {
                            add(branch.next, start: threadStart, at: position + 1, in: text, into: &next, starts: &nextStarts)
                        }
                    }
                }
            }
            if position == text.count { break }
            swap(&current, &next)
            swap(&currentStarts, &nextStarts)
            position += 1
            if steps.count >= nextPoll {
                try poll.check(shouldStop)
                nextPoll = steps.count + PikeVM.pollSteps
            }
        }
        return matched
    }

    /// The earliest start of a match of the program that ends exactly at `end`, threads started at every position from
    /// `lowerBound` on. Finds the exact start of a match whose end the forward DFA found when the pattern uses
    /// `\b`/`\B`, which the reverse DFA skips, and the reverse DFA's answer fails the exact anchored check: it runs
    /// over the match region only.
    func earliestStart(_ text: UnsafeBufferPointer<UInt8>, lowerBound: Int, end: Int) -> Int? {
        var position = lowerBound
        current.removeAll(keepingCapacity: true)
        visited.clear()
        while true {
            add(start, start: position, at: position, in: text, into: &current, starts: &currentStarts)
            if position == end {
                return current.filter { program.instructions[Int($0)].op == .match }.map { currentStarts[Int($0)] }.min()
            }
            let byte = text[position]
            next.removeAll(keepingCapacity: true)
            visited.clear()
            for pc in current {
                for target in program.targets(of: program.instructions[Int(pc)], on: byte) {
                    add(target, start: currentStarts[Int(pc)], at: position + 1, in: text, into: &next, starts: &nextStarts)
                }
            }
            swap(&current, &next)
            swap(&currentStarts, &nextStarts)
            position += 1
        }
    }

    /// Appends, in preference order, the instructions reachable from `pc` at `position` without reading a byte,
    /// each marked as started at `start`; an instruction already in the list keeps its earlier, preferred thread.
    private func add(
        _ pc: Int32, start: Int, at position: Int, in text: UnsafeBufferPointer<UInt8>,
        into list: inout [Int32], starts: inout [Int]
    ) {
        work.append(pc)
        while let current = work.popLast() {
            guard visited.insert(current) else { continue }
            steps.count += 1
            let instruction = program.instructions[Int(current)]
            switch instruction.op {
            case .byteRange, .byteBranches, .match:
                starts[Int(current)] = start
                list.append(current)
            case .split:
                work.append(instruction.other)
                work.append(instruction.next)
            case .assert:
                if AssertKind(rawValue: instruction.low)!.holds(at: position, in: text) {
                    work.append(instruction.next)
                }
            }
        }
    }
}
