/// One instruction of the byte-level Thompson NFA.
struct Instruction {
    /// What the instruction does: read one byte in a range, fork, test a position, or accept.
    enum Op: UInt8 { case byteRange, split, assert, match }
    var op: Op
    /// `byteRange`: inclusive byte bounds; `assert`: `low` is an `AssertKind` raw value.
    var low: UInt8 = 0
    var high: UInt8 = 0
    /// Successor (`byteRange`, `assert`) or preferred branch (`split`).
    var next: Int32 = -1
    /// Less preferred branch of a `split`.
    var other: Int32 = -1
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
            instructions: compiler.instructions, start: start, unanchored: unanchored,
            usesWordBoundary: compiler.usesWordBoundary, byteClasses: classes, classCount: count)
    }

    private mutating func emit(_ instruction: Instruction) throws(RegexSyntaxError) -> Int32 {
        guard instructions.count < RegexLimits.maxInstructions else {
            throw RegexSyntaxError(message: "pattern too large", offset: blameOffset)
        }
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
                // boundaries are checked exactly afterwards (see `StartFinder`).
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
        let before = instructions.count
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
        let perCopy = (instructions.count - before + copies - 1) / copies
        if instructions.count + perCopy * (total - copies) > RegexLimits.maxInstructions {
            throw RegexSyntaxError(message: "pattern too large", offset: blameOffset)
        }
    }

    private mutating func compileSet(_ set: ScalarSet, next: Int32) throws(RegexSyntaxError) -> Int32 {
        let sequences = UTF8Sequences.sequences(for: set)
        guard !sequences.isEmpty else {
            return try emit(Instruction(op: .byteRange, low: 1, high: 0, next: next))
        }
        var entries: [Int32] = []
        for sequence in sequences {
            var entry = next
            for range in reversed ? sequence : sequence.reversed() {
                entry = try emit(Instruction(op: .byteRange, low: range.lowerBound, high: range.upperBound, next: entry))
            }
            entries.append(entry)
        }
        var entry = entries[entries.count - 1]
        for sequenceEntry in entries.dropLast().reversed() {
            entry = try split(sequenceEntry, entry)
        }
        return entry
    }

    /// Groups bytes that no instruction (or word test) tells apart.
    private func byteClasses() -> ([UInt8], Int) {
        var boundaries = [Bool](repeating: false, count: 257)
        for instruction in instructions where instruction.op == .byteRange && instruction.low <= instruction.high {
            boundaries[Int(instruction.low)] = true
            boundaries[Int(instruction.high) + 1] = true
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
