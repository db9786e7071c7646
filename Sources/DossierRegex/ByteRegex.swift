import Synchronization

/// A compiled pattern that matches UTF-8 bytes in time linear in the text.
///
/// Matching is leftmost-first (Perl/PCRE order: the leftmost start wins, then
/// alternatives and greedy/lazy quantifiers are preferred in pattern order), so
/// `a+?` matches one `a` and `a|ab` matches `a`. Searches run a lazily built DFA
/// forwards to find where the match ends and a reversed one backwards to find
/// where it starts; no input can make them backtrack. When a DFA's cache thrashes
/// (a state built for nearly every byte, as large counted repeats over varied text
/// can make it), the search goes on by a Pike VM, linear in text × program size.
///
/// Syntax: literals (a `Character` is one unit, so `é+` repeats é), `.` (one
/// character, not `\n`), classes `[a-z]`, `[^…]`, `[éè]`, escapes `\d \D \w \W
/// \s \S \b \B \A \z \n \t \r \f \v \xHH \x{H…}` and escaped punctuation,
/// `^`/`$` (start/end of the whole text), groups `( )`, `(?: )`, `(?<name> )`,
/// `|`, and `* + ? {m} {m,} {m,n}` (counts ≤ 1000) with lazy `?` forms. A `{`
/// that does not start a valid count is a literal brace. Rejected with a
/// positioned `RegexSyntaxError`: backreferences, lookahead/lookbehind, inline
/// flags, `\p{…}`, POSIX `[:alpha:]`, possessive/stacked `**`, and patterns
/// that would compile to more than 100,000 instructions or nest deeper than 1000.
public struct ByteRegex: Sendable {
    public let pattern: String
    public let caseInsensitive: Bool
    /// Literal byte strings that every match must contain (lowercased if
    /// `caseInsensitive`), for prefiltering with an index; empty if none can be
    /// derived. E.g. /wagner\s+group/ → ["wagner", "group"]; /a|b/ → [].
    public let requiredLiterals: [[UInt8]]
    /// Finds the rarest of `requiredLiterals` in a text; nil if none is rare enough to pay, or
    /// if the bytes every match starts with are rarer (searches already skip to those).
    public let literalFinder: LiteralFinder?
    private let engine: RegexEngine

    /// Whether the pattern uses `\b` or `\B`, whose answer at the edge of a slice
    /// of a text depends on the bytes just outside it.
    public var usesWordBoundary: Bool { engine.forwardProgram.usesWordBoundary }

    /// The fewest bytes of text a match needs: shorter texts are answered without a search.
    public var minimumLength: Int { engine.minimumLength }

    /// Instructions and branches of the forward program: the most a byte of simulation visits.
    var programSize: Int { engine.forwardProgram.instructions.count + engine.forwardProgram.branches.count }

    /// `caseInsensitive`: ASCII letters and the Latin-1/Latin Extended-A letters match either case.
    public init(_ pattern: String, caseInsensitive: Bool = false) throws(RegexSyntaxError) {
        try self.init(pattern, caseInsensitive: caseInsensitive, cacheBudget: RegexEngine.defaultCacheBudget, simulate: false)
    }

    /// `cacheBudget`: bytes each lazy DFA may hold before it clears its states; `simulate`: search by
    /// simulation from the start, as the DFAs do once they thrash.
    init(_ pattern: String, caseInsensitive: Bool, cacheBudget: Int, simulate: Bool) throws(RegexSyntaxError) {
        var parser = RegexParser(pattern, caseInsensitive: caseInsensitive)
        let node = try parser.parse()
        self.pattern = pattern
        self.caseInsensitive = caseInsensitive
        engine = try RegexEngine(node, caseInsensitive: caseInsensitive, cacheBudget: cacheBudget, simulate: simulate)
        requiredLiterals = LiteralAnalysis(caseInsensitive: caseInsensitive).requiredLiterals(node)
        let finder = LiteralFinder(literals: requiredLiterals, caseInsensitive: caseInsensitive)
        let startShare = engine.prefilter?.candidateShare ?? 1
        literalFinder = finder.flatMap { $0.candidateShare < startShare ? $0 : nil }
    }

    /// First match (leftmost-first) in the buffer, as byte offsets. `shouldStop` is polled every 8 KiB
    /// scanned (or 65,536 steps of simulation); when it returns true, or when the work charged to `limit`
    /// passes it, the search gives up and returns nil.
    public func firstMatch(
        in text: UnsafeBufferPointer<UInt8>, shouldStop: () -> Bool = { false }, limit: RegexWorkLimit? = nil
    ) -> Range<Int>? {
        let engine = self.engine
        return engine.withSearch(limit: limit) { caches, poll throws(SearchHalt) in
            try engine.search(text, from: 0, earliest: false, caches: caches, poll: poll, shouldStop: shouldStop)
        } ?? nil
    }

    /// First match in a string, as string indices (convenient for tests and display).
    public func firstMatch(in text: String) -> Range<String.Index>? {
        let bytes = Array(text.utf8)
        guard let range = bytes.withUnsafeBufferPointer({ firstMatch(in: $0) }) else { return nil }
        let utf8 = text.utf8
        return utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)
    }

    /// Whether the pattern matches anywhere; stops at the earliest match end.
    public func matches(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        matches(text, shouldStop: { false })
    }

    /// Whether the pattern matches anywhere, giving up (false) when `shouldStop` returns true or the work
    /// charged to `limit` passes it.
    public func matches(
        _ text: UnsafeBufferPointer<UInt8>, shouldStop: () -> Bool, limit: RegexWorkLimit? = nil
    ) -> Bool {
        let engine = self.engine
        return engine.withSearch(limit: limit) { caches, poll throws(SearchHalt) in
            try engine.search(text, from: 0, earliest: true, caches: caches, poll: poll, shouldStop: shouldStop) != nil
        } ?? false
    }

    /// Runs `body` with a test that answers for each text it is given as `matches(_:shouldStop:limit:)` does, every
    /// text searched with one set of caches: for many short texts (a filter's candidate sentences), where borrowing
    /// the caches from the pool again for each cost a quarter of the search.
    public func withMatchTest<Result>(
        shouldStop: () -> Bool, limit: RegexWorkLimit? = nil, _ body: ((UnsafeBufferPointer<UInt8>) -> Bool) -> Result
    ) -> Result {
        let engine = self.engine
        return withoutActuallyEscaping(shouldStop) { shouldStop in
            engine.withCaches { caches in
                let poll = SearchPoll(limit: limit, steps: caches.steps)
                return body { text in
                    do throws(SearchHalt) {
                        let found = try engine.search(text, from: 0, earliest: true, caches: caches, poll: poll, shouldStop: shouldStop) != nil
                        try poll.settle()
                        return found
                    } catch {
                        return false
                    }
                }
            }
        }
    }

    /// Whether the pattern matches anywhere in a string.
    public func matches(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { matches($0) }
    }

    /// All non-overlapping matches, left to right. After an empty match the
    /// search resumes at the next character, so /x*/ on "ab" gives 0..<0, 1..<1, 2..<2.
    /// Each search is linear, but patterns whose matches need long look-ahead
    /// past their end (e.g. /a|a*b/) can rescan, up to quadratic in the worst case.
    /// Empty when stopped, as `firstMatch`.
    public func allMatches(
        in text: UnsafeBufferPointer<UInt8>, shouldStop: () -> Bool = { false }, limit: RegexWorkLimit? = nil
    ) -> [Range<Int>] {
        let engine = self.engine
        return engine.withSearch(limit: limit) { caches, poll throws(SearchHalt) in
            var result: [Range<Int>] = []
            var from = 0
            while from <= text.count,
                  let range = try engine.search(
                      text, from: from, earliest: false, caches: caches, poll: poll, shouldStop: shouldStop) {
                result.append(range)
                if range.isEmpty {
                    from = range.upperBound + 1
                    while from < text.count && WordBytes.isContinuation(text[from]) { from += 1 }
                } else {
                    from = range.upperBound
                }
            }
            return result
        } ?? []
    }
}

/// A deterministic allowance of regex work, in steps (a byte read through a DFA's table, an instruction
/// followed while building a DFA state or simulating the NFA), shared by the searches it is passed to. The
/// same pattern on the same text takes the same steps on any machine under any load, so a search stopped by
/// the limit stops at the same point everywhere: unlike a clock, the limit cannot change an answer.
public final class RegexWorkLimit: @unchecked Sendable {
    /// Steps allowed in all.
    public let steps: Int
    /// Steps spent so far (charged at the polls of the searches, and when each search ends).
    public private(set) var spent = 0

    public init(steps: Int) {
        self.steps = steps
    }

    /// Whether the searches spent more than `steps`: the one that did gave up.
    public var isExhausted: Bool { spent > steps }

    /// Adds the steps `counter` took since its last charge; false once more than `steps` are spent.
    func charge(_ counter: StepCounter) -> Bool {
        spent += counter.count - counter.charged
        counter.charged = counter.count
        return spent <= steps
    }
}

/// Steps of work taken by the searches of one set of caches (see `RegexWorkLimit`), and how many of them
/// were charged to a limit already.
final class StepCounter {
    @exclusivity(unchecked) var count = 0
    var charged = 0
}

/// The immutable compiled programs plus a small pool of DFA caches shared by
/// all copies of a `ByteRegex`: each search borrows one, so concurrent searches
/// never share mutable state and sequential ones reuse the states already built.
final class RegexEngine: Sendable {
    let forwardProgram: Program
    let reverseProgram: Program
    /// The forward program without the unanchored prefix, for `PikeVM.earliestStart`.
    let anchoredProgram: Program?
    let startAnchored: Bool
    let prefilter: ByteRunSearch?
    let minimumLength: Int
    /// Where the pattern itself starts in `forwardProgram` (after the unanchored prefix, if any).
    private let patternStart: Int32
    private let cacheBudget: Int
    private let simulate: Bool
    private let pool: Mutex<[DFACaches]> = Mutex([])
    private static let maxPooled = 8
    /// Bytes each lazy DFA may hold: enough for the states of a counted repeat of a thousand characters over text
    /// with a few kinds of multi-byte characters.
    static let defaultCacheBudget = 8 << 20

    init(_ node: RegexNode, caseInsensitive: Bool, cacheBudget: Int, simulate: Bool) throws(RegexSyntaxError) {
        startAnchored = node.isStartAnchored
        self.cacheBudget = cacheBudget
        self.simulate = simulate
        forwardProgram = try ProgramCompiler.compile(
            node, caseInsensitive: caseInsensitive, reversed: false, unanchored: !startAnchored)
        reverseProgram = try ProgramCompiler.compile(
            node, caseInsensitive: caseInsensitive, reversed: true, unanchored: false)
        anchoredProgram = forwardProgram.usesWordBoundary
            ? try ProgramCompiler.compile(node, caseInsensitive: caseInsensitive, reversed: false, unanchored: false)
            : nil
        var inner = forwardProgram
        if !startAnchored { inner.start = forwardProgram.instructions[Int(forwardProgram.start)].next }
        patternStart = inner.start
        minimumLength = forwardProgram.shortestMatch(from: inner.start)
        prefilter = ByteRunSearch(matchStartsOf: inner)
    }

    func makeCaches() -> DFACaches {
        let steps = StepCounter()
        let program = forwardProgram, start = patternStart
        let caches = DFACaches(
            forward: LazyDFA(program: forwardProgram, cutAtMatch: true, tagStartStates: prefilter != nil,
                             memoryBudget: cacheBudget, steps: steps),
            reverse: LazyDFA(program: reverseProgram, cutAtMatch: false, tagStartStates: false,
                             memoryBudget: cacheBudget, steps: steps),
            verifier: anchoredProgram.map {
                LazyDFA(program: $0, cutAtMatch: false, tagStartStates: false, memoryBudget: cacheBudget, steps: steps)
            },
            simulation: { PikeVM(program: program, start: start, steps: steps) },
            steps: steps)
        caches.simulates = simulate
        return caches
    }

    /// Runs `body` with a borrowed set of caches and what its searches poll; nil if a search was stopped
    /// (Ctrl-C or the limit), after charging the limit with all the work done.
    func withSearch<Result>(
        limit: RegexWorkLimit?, _ body: (DFACaches, SearchPoll) throws(SearchHalt) -> Result
    ) -> Result? {
        withCaches { caches in
            let poll = SearchPoll(limit: limit, steps: caches.steps)
            do {
                let result = try body(caches, poll)
                try poll.settle()
                return result
            } catch {
                return nil
            }
        }
    }

    /// Runs `body` with a set of caches borrowed from the pool (made when the pool is empty) and given back after.
    func withCaches<Result>(_ body: (DFACaches) -> Result) -> Result {
        let caches = pool.withLock { $0.popLast() } ?? makeCaches()
        defer {
            pool.withLock { pooled in
                if pooled.count < RegexEngine.maxPooled { pooled.append(caches) }
            }
        }
        return body(caches)
    }

    /// The leftmost-first match starting at or after `from` (with `earliest`, the match that ends first):
    /// by the lazy DFAs, or by simulation once they thrash.
    func search(
        _ text: UnsafeBufferPointer<UInt8>, from: Int, earliest: Bool, caches: DFACaches, poll: SearchPoll,
        shouldStop: () -> Bool
    ) throws(SearchHalt) -> Range<Int>? {
        if startAnchored && from > 0 { return nil }
        if text.count - from < minimumLength { return nil }
        if !caches.simulates {
            do {
                return try automatonSearch(
                    text, from: from, earliest: earliest, caches: caches, poll: poll, shouldStop: shouldStop)
            } catch .thrashing {
                caches.simulates = true
            }
        }
        return try caches.simulation.search(
            text, from: from, anchored: startAnchored, earliest: earliest, poll: poll, shouldStop: shouldStop)
    }

    /// The match by the DFAs: where it ends, forwards, then where it starts, backwards (unless `earliest`,
    /// whose callers want only to know there is one).
    private func automatonSearch(
        _ text: UnsafeBufferPointer<UInt8>, from: Int, earliest: Bool, caches: DFACaches, poll: SearchPoll,
        shouldStop: () -> Bool
    ) throws(SearchHalt) -> Range<Int>? {
        guard let end = try caches.forward.forwardSearch(
            text, from: from, earliest: earliest, prefilter: prefilter, poll: poll, shouldStop: shouldStop)
        else { return nil }
        if earliest { return end..<end }
        var start = try caches.reverse.reverseSearch(text, end: end, lowerBound: from) ?? from
        if let anchoredProgram, let verifier = caches.verifier,
           !(try verifier.matchesExactly(text, start: start, end: end)) {
            start = PikeVM(program: anchoredProgram, start: anchoredProgram.start, steps: caches.steps)
                .earliestStart(text, lowerBound: start, end: end) ?? start
        }
        return start..<end
    }
}

/// The mutable per-thread search state: one lazy DFA per direction, plus an
/// anchored one that checks reverse-scan starts when the pattern uses `\b`.
/// Unchecked `Sendable`: the engine's pool hands each instance to one search at
/// a time, which is what makes moving it between threads safe.
final class DFACaches: @unchecked Sendable {
    let forward: LazyDFA
    let reverse: LazyDFA
    let verifier: LazyDFA?
    /// The simulation, made the first time one of the DFAs thrashes.
    private(set) lazy var simulation: PikeVM = makeSimulation()
    private let makeSimulation: () -> PikeVM
    /// A DFA thrashed: the searches of these caches simulate the NFA from then on.
    var simulates = false
    let steps: StepCounter

    init(forward: LazyDFA, reverse: LazyDFA, verifier: LazyDFA?, simulation: @escaping () -> PikeVM, steps: StepCounter) {
        self.forward = forward
        self.reverse = reverse
        self.verifier = verifier
        makeSimulation = simulation
        self.steps = steps
    }
}
