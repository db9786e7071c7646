/// One instruction of the byte-level Thompson NFA.
struct Instruction {
    /// What the instruction does: read one byte in a range, read one byte and follow each of several ranges
    /// that holds it (the first byte of a character class: one thread however many ranges), fork, test a
    /// position, or accept.
    enum Op: UInt8 { case byteRange, byteBranches, split, assert, match }
    var op: Op
    /// `byteRange`: inclusive byte bounds; `assert`: `low` is an `AssertKind` raw value.
    var low: UInt8 = 0
    var high: UInt8 = 0
    /// Successor (`byteRange`, `assert`), preferred branch (`split`), or first of the `byteBranches` in
    /// `Program.branches`.
    var next: Int32 = -1
    /// Less preferred branch of a `split`, or the end of the `byteBranches` in `Program.branches`.
    var other: Int32 = -1
}

/// One way out of a `byteBranches` instruction: a byte in `low...high` continues at `next`.
struct ByteBranch {
    var low: UInt8
    var high: UInt8
    var next: Int32
}

/// Zero-width conditions as seen by a scan in one direction: `behindEdge` is
/// true where nothing has been read yet (text start forward, text end in
/// reverse), `aheadEdge` where nothing is left to read.
enum AssertKind: UInt8 {
    case behindEdge, aheadEdge, wordBoundary, notWordBoundary
}

/// A compiled NFA for one scan direction, plus the byte equivalence classes the
/// lazy DFA uses to shrink its transition table.
struct Program: Sendable {
    var instructions: [Instruction]
    /// The ranges of every `byteBranches` instruction, in preference order.
    var branches: [ByteBranch]
    var start: Int32
    /// Whether `start` begins with an unanchored `.*?` prefix loop.
    var unanchored: Bool
    var usesWordBoundary: Bool
    var byteClasses: [UInt8]
    var classCount: Int
}

/// Builds `Program`s from a `RegexNode`, forwards (to find where a match ends)
/// or reversed (to walk back from that end to where it starts).
struct ProgramCompiler {
    private var instructions: [Instruction] = []
    private var branches: [ByteBranch] = []
    /// The last set compiled and its UTF-8 sequences in reading order: a counted repeat compiles one set many times.
    private var lastSet: (set: ScalarSet, sequences: [[ClosedRange<UInt8>]])?
    private let caseInsensitive: Bool
    private let reversed: Bool
    private var usesWordBoundary = false
    private var blameOffset = 0

    init(caseInsensitive: Bool, reversed: Bool) {
        self.caseInsensitive = caseInsensitive
        self.reversed = reversed
    }

    /// Compiles `node`; `unanchored` wraps it in a lazy any-byte prefix loop.
    static func compile(
        _ node: RegexNode, caseInsensitive: Bool, reversed: Bool, unanchored: Bool
    ) throws(RegexSyntaxError) -> Program {
        var compiler = ProgramCompiler(caseInsensitive: caseInsensitive, reversed: reversed)
        let match = try compiler.emit(Instruction(op: .match))
        var start = try compiler.compile(node, next: match)
        if unanchored {
            let loop = try compiler.emit(Instruction(op: .split))
            let anyByte = try compiler.emit(Instruction(op: .byteRange, low: 0, high: 255, next: loop))
            compiler.instructions[Int(loop)].next = start
            compiler.instructions[Int(loop)].other = anyByte
            start = loop
        }
        let (classes, count) = compiler.byteClasses()
        return Program(
            instructions: compiler.instructions, branches: compiler.branches, start: start, unanchored: unanchored,
            usesWordBoundary: compiler.usesWordBoundary, byteClasses: classes, classCount: count)
    }

    /// The compiled size the limit is on: instructions plus the ranges of `byteBranches`.
    private var size: Int { instructions.count + branches.count }

    private mutating func emit(_ instruction: Instruction) throws(RegexSyntaxError) -> Int32 {
        guard size < RegexLimits.maxInstructions else { throw RegexLimits.tooLarge(at: blameOffset) }
        instructions.append(instruction)
        return Int32(instructions.count - 1)
    }

    private mutating func split(_ preferred: Int32, _ other: Int32) throws(RegexSyntaxError) -> Int32 {
        try emit(Instruction(op: .split, next: preferred, other: other))
    }

    /// Emits code for `node` that continues at `next`, returning its entry point.
    private mutating func compile(_ node: RegexNode, next: Int32) throws(RegexSyntaxError) -> Int32 {
        switch node {
        case .empty:
            return next
        case .literal(let scalars):
            var entry = next
            for scalar in reversed ? scalars : scalars.reversed() {
                var set = ScalarSet.single(scalar.value)
                if caseInsensitive { set = set.caseFolded() }
                entry = try compileSet(set, next: entry)
            }
            return entry
        case .set(let set):
            return try compileSet(set, next: next)
        case .anchor(let anchor):
            let kind: AssertKind
            switch anchor {
            case .textStart: kind = reversed ? .aheadEdge : .behindEdge
            case .textEnd: kind = reversed ? .behindEdge : .aheadEdge
            case .wordBoundary, .notWordBoundary:
                // The reverse scan only bounds where a match may start; word
                // boundaries are checked exactly afterwards (see `PikeVM.earliestStart`).
                if reversed { return next }
                usesWordBoundary = true
                kind = anchor == .wordBoundary ? .wordBoundary : .notWordBoundary
            }
            return try emit(Instruction(op: .assert, low: kind.rawValue, next: next))
        case .concat(let items):
            var entry = next
            for item in reversed ? items : items.reversed() {
                entry = try compile(item, next: entry)
            }
            return entry
        case .alternation(let branches):
            let entries = try branches.map { (branch) throws(RegexSyntaxError) -> Int32 in
                try compile(branch, next: next)
            }
            var entry = entries[entries.count - 1]
            for branchEntry in entries.dropLast().reversed() {
                entry = try split(branchEntry, entry)
            }
            return entry
        case .repetition(let body, let min, let max, let lazy, let offset):
            return try compileRepetition(body, min: min, max: max, lazy: lazy, offset: offset, next: next)
        }
    }

    private mutating func compileRepetition(
        _ body: RegexNode, min: Int, max: Int?, lazy: Bool, offset: Int, next: Int32
    ) throws(RegexSyntaxError) -> Int32 {
        let savedBlame = blameOffset
        blameOffset = offset
        defer { blameOffset = savedBlame }
        let before = size
        var entry = next
        var copies = 0
        if let max {
            for _ in 0..<(max - min) {
                let bodyEntry = try compile(body, next: entry)
                entry = lazy ? try split(next, bodyEntry) : try split(bodyEntry, next)
                copies += 1
                try checkSize(before: before, copies: copies, total: max)
            }
        } else {
            let loop = try emit(Instruction(op: .split))
            let bodyEntry = try compile(body, next: loop)
            instructions[Int(loop)].next = lazy ? next : bodyEntry
            instructions[Int(loop)].other = lazy ? bodyEntry : next
            entry = loop
            copies = 1
            try checkSize(before: before, copies: copies, total: min + 1)
        }
        for _ in 0..<min {
            entry = try compile(body, next: entry)
            copies += 1
            try checkSize(before: before, copies: copies, total: min + (max.map { $0 - min } ?? 1))
        }
        return entry
    }

    /// Fails early when the copies still to be emitted would exceed the size cap.
    private func checkSize(before: Int, copies: Int, total: Int) throws(RegexSyntaxError) {
        let perCopy = (size - before + copies - 1) / copies
        if size + perCopy * (total - copies) > RegexLimits.maxInstructions {
            throw RegexLimits.tooLarge(at: blameOffset)
        }
    }

    /// A set as one `byteBranches` instruction reading the first byte of each of its UTF-8 sequences (so a
    /// DFA state or simulation holds one thread per class, not one per sequence), followed by chains of
    /// `byteRange`s for the other bytes, chains with the same rest of the way shared.
    private mutating func compileSet(_ set: ScalarSet, next: Int32) throws(RegexSyntaxError) -> Int32 {
        if lastSet?.set != set {
            lastSet = (set, UTF8Sequences.sequences(for: set).map { reversed ? Array($0.reversed()) : $0 })
        }
        let sequences = lastSet!.sequences
        guard !sequences.isEmpty else {
            return try emit(Instruction(op: .byteRange, low: 1, high: 0, next: next))
        }
        // The chains emitted so far for this set (a handful): one whose range and successor match is reused.
        var shared: [Int32] = []
        var firsts: [ByteBranch] = []
        for sequence in sequences {
            var entry = next
            for range in sequence.dropFirst().reversed() {
                if let existing = shared.first(where: {
                    let instruction = instructions[Int($0)]
                    return instruction.low == range.lowerBound && instruction.high == range.upperBound && instruction.next == entry
                }) {
                    entry = existing
                } else {
                    entry = try emit(Instruction(op: .byteRange, low: range.lowerBound, high: range.upperBound, next: entry))
                    shared.append(entry)
                }
            }
            firsts.append(ByteBranch(low: sequence[0].lowerBound, high: sequence[0].upperBound, next: entry))
        }
        if firsts.count == 1 {
            return try emit(Instruction(op: .byteRange, low: firsts[0].low, high: firsts[0].high, next: firsts[0].next))
        }
        let first = Int32(branches.count)
        branches += firsts
        return try emit(Instruction(op: .byteBranches, next: first, other: Int32(branches.count)))
    }

    /// Groups bytes that no instruction (or word test) tells apart.
    private func byteClasses() -> ([UInt8], Int) {
        var boundaries = [Bool](repeating: false, count: 257)
        for instruction in instructions where instruction.op == .byteRange && instruction.low <= instruction.high {
            boundaries[Int(instruction.low)] = true
            boundaries[Int(instruction.high) + 1] = true
        }
        for branch in branches {
            boundaries[Int(branch.low)] = true
            boundaries[Int(branch.high) + 1] = true
        }
        if usesWordBoundary {
            for byte in 1..<256 where WordBytes.table[byte] != WordBytes.table[byte - 1]
                || WordBytes.isContinuation(UInt8(byte)) != WordBytes.isContinuation(UInt8(byte - 1)) {
                boundaries[byte] = true
            }
        }
        var classes = [UInt8](repeating: 0, count: 256)
        var current = 0
        for byte in 0..<256 {
            if byte > 0 && boundaries[byte] { current += 1 }
            classes[byte] = UInt8(current)
        }
        return (classes, current + 1)
    }
}

extension Program {
    /// Where a byte-reading instruction goes on `byte`, in preference order (none if it does not read it).
    func targets(of instruction: Instruction, on byte: UInt8) -> [Int32] {
        switch instruction.op {
        case .byteRange:
            return instruction.low <= byte && byte <= instruction.high ? [instruction.next] : []
        case .byteBranches:
            return branches[Int(instruction.next)..<Int(instruction.other)]
                .filter { $0.low <= byte && byte <= $0.high }.map(\.next)
        case .split, .assert, .match:
            return []
        }
    }
}

extension Program {
    /// The fewest bytes a match starting at `entry` reads (every assertion taken as holding): a text shorter than
    /// that holds no match. Shortest paths where reading a byte costs one and anything else nothing.
    func shortestMatch(from entry: Int32) -> Int {
        var distance = [Int](repeating: .max, count: instructions.count)
        var front: [Int32] = [entry]
        var back: [Int32] = []
        distance[Int(entry)] = 0
        var cost = 0
        while !front.isEmpty {
            while let pc = front.popLast() {
                guard distance[Int(pc)] == cost else { continue }
                let instruction = instructions[Int(pc)]
                var free: [Int32] = []
                var paid: [Int32] = []
                switch instruction.op {
                case .match: return cost
                case .split: free = [instruction.next, instruction.other]
                case .assert: free = [instruction.next]
                case .byteRange: paid = instruction.low <= instruction.high ? [instruction.next] : []
                case .byteBranches: paid = branches[Int(instruction.next)..<Int(instruction.other)].map(\.next)
                }
                for target in free where distance[Int(target)] > cost {
                    distance[Int(target)] = cost
                    front.append(target)
                }
                for target in paid where distance[Int(target)] > cost + 1 {
                    distance[Int(target)] = cost + 1
                    back.append(target)
                }
            }
            swap(&front, &back)
            cost += 1
        }
        return .max
    }
}

/// The instructions a closure over the program has reached: cleared for the next closure by moving to a new
/// generation, not by writing the whole table (the lazy DFA and the Pike VM clear it for every state and byte).
struct VisitedInstructions {
    private var seen: [UInt32]
    private var generation: UInt32 = 1

    init(count: Int) { seen = [UInt32](repeating: 0, count: count) }

    /// Forgets every instruction reached so far.
    @inline(__always)
    mutating func clear() {
        generation &+= 1
        if generation == 0 {
            for index in seen.indices { seen[index] = 0 }
            generation = 1
        }
    }

    /// Marks `pc` reached; false when it was already.
    @inline(__always)
    mutating func insert(_ pc: Int32) -> Bool {
        guard seen[Int(pc)] != generation else { return false }
        seen[Int(pc)] = generation
        return true
    }
}
