import Synchronization

/// A compiled pattern that matches UTF-8 bytes in time linear in the text.
///
/// Matching is leftmost-first (Perl/PCRE order: the leftmost start wins, then
/// alternatives and greedy/lazy quantifiers are preferred in pattern order), so
/// `a+?` matches one `a` and `a|ab` matches `a`. Searches run a lazily built DFA
/// forwards to find where the match ends and a reversed one backwards to find
/// where it starts; no input can make them backtrack.
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

    /// `caseInsensitive`: ASCII letters and the Latin-1/Latin Extended-A letters match either case.
    public init(_ pattern: String, caseInsensitive: Bool = false) throws(RegexSyntaxError) {
        var parser = RegexParser(pattern, caseInsensitive: caseInsensitive)
        let node = try parser.parse()
        self.pattern = pattern
        self.caseInsensitive = caseInsensitive
        engine = try RegexEngine(node, caseInsensitive: caseInsensitive)
        requiredLiterals = LiteralAnalysis(caseInsensitive: caseInsensitive).requiredLiterals(node)
        let finder = LiteralFinder(literals: requiredLiterals, caseInsensitive: caseInsensitive)
        let startShare = engine.prefilter?.candidateShare ?? 1
        literalFinder = finder.flatMap { $0.candidateShare < startShare ? $0 : nil }
    }

    /// First match (leftmost-first) in the buffer, as byte offsets. `shouldStop`
    /// is polled every 8 KiB scanned; when it returns true the search gives up and returns nil.
    public func firstMatch(in text: UnsafeBufferPointer<UInt8>, shouldStop: () -> Bool = { false }) -> Range<Int>? {
        engine.withCaches { caches in
            var stopped = false
            return engine.search(text, from: 0, caches: caches, shouldStop: shouldStop, stopped: &stopped)
        }
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

    /// Whether the pattern matches anywhere, giving up (false) when `shouldStop` returns true.
    public func matches(_ text: UnsafeBufferPointer<UInt8>, shouldStop: () -> Bool) -> Bool {
        engine.withCaches { caches in
            var stopped = false
            return caches.forward.forwardSearch(
                text, from: 0, earliest: true, prefilter: engine.prefilter, shouldStop: shouldStop, stopped: &stopped
            ) != nil
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
    public func allMatches(in text: UnsafeBufferPointer<UInt8>, shouldStop: () -> Bool = { false }) -> [Range<Int>] {
        engine.withCaches { caches in
            var result: [Range<Int>] = []
            var from = 0
            var stopped = false
            while from <= text.count,
                  let range = engine.search(text, from: from, caches: caches, shouldStop: shouldStop, stopped: &stopped) {
                result.append(range)
                if range.isEmpty {
                    from = range.upperBound + 1
                    while from < text.count && WordBytes.isContinuation(text[from]) { from += 1 }
                } else {
                    from = range.upperBound
                }
            }
            return stopped ? [] : result
        }
    }
}

/// The immutable compiled programs plus a small pool of DFA caches shared by
/// all copies of a `ByteRegex`: each search borrows one, so concurrent searches
/// never share mutable state and sequential ones reuse the states already built.
final class RegexEngine: Sendable {
    let forwardProgram: Program
    let reverseProgram: Program
    /// The forward program without the unanchored prefix, for `StartFinder`.
    let anchoredProgram: Program?
    let startAnchored: Bool
    let prefilter: ByteRunSearch?
    private let pool: Mutex<[DFACaches]> = Mutex([])
    private static let maxPooled = 8

    init(_ node: RegexNode, caseInsensitive: Bool) throws(RegexSyntaxError) {
        startAnchored = node.isStartAnchored
        forwardProgram = try ProgramCompiler.compile(
            node, caseInsensitive: caseInsensitive, reversed: false, unanchored: !startAnchored)
        reverseProgram = try ProgramCompiler.compile(
            node, caseInsensitive: caseInsensitive, reversed: true, unanchored: false)
        anchoredProgram = forwardProgram.usesWordBoundary
            ? try ProgramCompiler.compile(node, caseInsensitive: caseInsensitive, reversed: false, unanchored: false)
            : nil
        var inner = forwardProgram
        if !startAnchored { inner.start = forwardProgram.instructions[Int(forwardProgram.start)].next }
        prefilter = ByteRunSearch(matchStartsOf: inner)
    }

    func makeCaches() -> DFACaches {
        DFACaches(
            forward: LazyDFA(program: forwardProgram, cutAtMatch: true, tagStartStates: prefilter != nil),
            reverse: LazyDFA(program: reverseProgram, cutAtMatch: false, tagStartStates: false),
            verifier: anchoredProgram.map { LazyDFA(program: $0, cutAtMatch: false, tagStartStates: false) })
    }

    func withCaches<Result>(_ body: (DFACaches) -> Result) -> Result {
        let caches = pool.withLock { $0.popLast() } ?? makeCaches()
        defer {
            pool.withLock { pooled in
                if pooled.count < RegexEngine.maxPooled { pooled.append(caches) }
            }
        }
        return body(caches)
    }

    /// The leftmost-first match starting at or after `from`.
    func search(
        _ text: UnsafeBufferPointer<UInt8>, from: Int, caches: DFACaches, shouldStop: () -> Bool, stopped: inout Bool
    ) -> Range<Int>? {
        if startAnchored && from > 0 { return nil }
        guard let end = caches.forward.forwardSearch(
            text, from: from, earliest: false, prefilter: prefilter, shouldStop: shouldStop, stopped: &stopped)
        else { return nil }
        var start = caches.reverse.reverseSearch(text, end: end, lowerBound: from) ?? from
        if let anchoredProgram, let verifier = caches.verifier, !verifier.matchesExactly(text, start: start, end: end) {
            start = StartFinder.earliestStart(program: anchoredProgram, text: text, lowerBound: start, end: end) ?? start
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

    init(forward: LazyDFA, reverse: LazyDFA, verifier: LazyDFA?) {
        self.forward = forward
        self.reverse = reverse
        self.verifier = verifier
    }
}
