extension ByteRunSearch {
    /// Offsets read from a program before giving up on finding more that every match has.
    private static let maxStartLength = 16

    /// A search for where `program`'s matches could start: at each of their
    /// first offsets, the bytes the program can read there. Nil if a match may
    /// be empty or those bytes are too common to be worth skipping to.
    init?(matchStartsOf program: Program) {
        var allowed: [Bool] = []
        var current = ByteRunSearch.reachable(from: [program.start], in: program)
        while allowed.count < ByteRunSearch.maxStartLength << 8,
              !current.isEmpty, !current.contains(where: { program.instructions[Int($0)].op == .match }) {
            var bytes = [Bool](repeating: false, count: 256)
            var next: [Int32] = []
            func allow(_ low: UInt8, _ high: UInt8, then target: Int32) {
                guard low <= high else { return }
                for byte in low...high { bytes[Int(byte)] = true }
                next.append(target)
            }
            for pc in current {
                let instruction = program.instructions[Int(pc)]
                if instruction.op == .byteBranches {
                    for branch in program.branches[Int(instruction.next)..<Int(instruction.other)] {
                        allow(branch.low, branch.high, then: branch.next)
                    }
                } else {
                    allow(instruction.low, instruction.high, then: instruction.next)
                }
            }
            allowed.append(contentsOf: bytes)
            current = ByteRunSearch.reachable(from: next, in: program)
        }
        guard !allowed.isEmpty else { return nil }
        self.init(allowed: allowed)
        guard isSelective else { return nil }
    }

    /// The byte-reading and accepting instructions reachable from `pcs` without
    /// reading a byte, taking every assertion as holding.
    private static func reachable(from pcs: [Int32], in program: Program) -> [Int32] {
        var seen = Set<Int32>()
        var result: [Int32] = []
        var work = pcs
        while let pc = work.popLast() {
            guard seen.insert(pc).inserted else { continue }
            let instruction = program.instructions[Int(pc)]
            switch instruction.op {
            case .byteRange, .byteBranches, .match: result.append(pc)
            case .split: work.append(contentsOf: [instruction.next, instruction.other])
            case .assert: work.append(instruction.next)
            }
        }
        return result
    }
}

/// Finds where a literal that every match contains occurs, so that a caller can
/// skip the parts of a text (sentences, lines) that cannot hold a match.
public struct LiteralFinder: Sendable {
    /// Bytes of a literal searched for; longer literals are searched by their start.
    private static let maxLength = 32
    private let search: ByteRunSearch

    /// The searched literal's length in bytes: a match holds all of it.
    public var length: Int { search.length }
    /// Estimated share of text positions where the search stops to check a candidate.
    var candidateShare: Double { search.candidateShare }

    /// A finder for the rarest of `literals` (lowercase if `caseInsensitive`), or
    /// nil if none is rare enough to be worth searching for. Ignoring case, only
    /// the ASCII runs of a literal are used: ASCII letters have ASCII partners only.
    init?(literals: [[UInt8]], caseInsensitive: Bool) {
        var runs: [[UInt8]] = []
        for literal in literals {
            if caseInsensitive {
                runs += literal.split(whereSeparator: { $0 >= 0x80 }).map(Array.init)
            } else {
                runs.append(literal)
            }
        }
        let searches = runs.map { run in
            var allowed = [Bool](repeating: false, count: min(run.count, LiteralFinder.maxLength) << 8)
            for (offset, byte) in run.prefix(LiteralFinder.maxLength).enumerated() {
                allowed[offset << 8 | Int(byte)] = true
                if caseInsensitive, (0x61...0x7A).contains(byte) { allowed[offset << 8 | Int(byte - 0x20)] = true }
            }
            return ByteRunSearch(allowed: allowed)
        }
        guard let rarest = searches.min(by: { $0.candidateShare < $1.candidateShare }), rarest.isSelective else { return nil }
        search = rarest
    }

    /// The first position at or after `from` where the literal starts, or nil.
    public func next(in text: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        let found = search.next(in: text, from: from, to: text.count)
        return found < text.count ? found : nil
    }
}
