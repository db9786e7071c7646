/// Zero-width tests a pattern can make at a position.
enum Anchor: Equatable {
    case textStart, textEnd, wordBoundary, notWordBoundary
}

/// The parsed pattern. Groups leave no node of their own: they only shape the tree.
indirect enum RegexNode {
    case empty
    /// One pattern `Character` (a single unit for quantifiers), as its scalars.
    case literal([Unicode.Scalar])
    case set(ScalarSet)
    case anchor(Anchor)
    case concat([RegexNode])
    case alternation([RegexNode])
    case repetition(RegexNode, min: Int, max: Int?, lazy: Bool, offset: Int)
}

/// Limits that keep hostile patterns from using unbounded time, memory or stack.
enum RegexLimits {
    static let maxRepeat = 1000
    static let maxGroupDepth = 1000
    static let maxTreeHeight = 2500
    static let maxInstructions = 100_000

    /// The refusal of a pattern whose compiled program would pass `maxInstructions`, blamed on `offset`.
    static func tooLarge(at offset: Int) -> RegexSyntaxError {
        RegexSyntaxError(
            message: "pattern too large: it would compile to more than \(maxInstructions / 1000) thousand instructions (a count such as {1000} makes that many copies of what it repeats)",
            offset: offset)
    }
}

/// Turns a pattern string into a `RegexNode` with an explicit stack of open
/// groups, so that deeply nested input cannot overflow the call stack.
struct RegexParser {
    /// An open group (or the whole pattern) whose contents are being collected.
    private struct Frame {
        var alternatives: [RegexNode] = []
        var items: [RegexNode] = []
        var itemHeights: [Int] = []
        var height = 0
        var openOffset: Int
        /// Whether the last item came from a quantifier (so `**` is rejected).
        var lastWasQuantified = false
        /// Whether the last item is a bare anchor, which cannot be repeated (`^*`).
        var lastIsAnchor = false

        /// Ends the current alternative at a `|`.
        mutating func closeAlternative() {
            alternatives.append(RegexParser.concat(items))
            height = max(height, itemHeights.max() ?? 0)
            items = []
            itemHeights = []
            lastWasQuantified = false
            lastIsAnchor = false
        }
    }

    private let chars: [Character]
    private let caseInsensitive: Bool
    private var position = 0
    /// Atoms seen so far; each needs at least one instruction, so this bounds size early.
    private var atomCount = 0

    init(_ pattern: String, caseInsensitive: Bool) {
        chars = Array(pattern)
        self.caseInsensitive = caseInsensitive
    }

    mutating func parse() throws(RegexSyntaxError) -> RegexNode {
        var stack = [Frame(openOffset: 0)]
        while position < chars.count {
            let offset = position
            let char = chars[position]
            position += 1
            switch char {
            case "(":
                try openGroup(at: offset)
                guard stack.count <= RegexLimits.maxGroupDepth else {
                    throw RegexSyntaxError(message: "nesting too deep", offset: offset)
                }
                stack.append(Frame(openOffset: offset))
            case ")":
                guard stack.count > 1 else { throw RegexSyntaxError(message: "unbalanced ')'", offset: offset) }
                let frame = stack.removeLast()
                let (node, height) = Self.finish(frame)
                try append(node, height: height, to: &stack[stack.count - 1], offset: offset, isGroup: true)
            case "|":
                stack[stack.count - 1].closeAlternative()
            case "*", "+", "?":
                let max: Int? = char == "?" ? 1 : nil
                try quantify(&stack[stack.count - 1], min: char == "+" ? 1 : 0, max: max, offset: offset)
            case "{":
                if let (low, high) = try countedRepetition(at: offset) {
                    try quantify(&stack[stack.count - 1], min: low, max: high, offset: offset)
                } else {
                    try append(literal(char), height: 1, to: &stack[stack.count - 1], offset: offset)
                }
            case "[":
                let set = try parseClass(openOffset: offset)
                try append(.set(set), height: 1, to: &stack[stack.count - 1], offset: offset)
            case "\\":
                let node = try parseEscape(backslashOffset: offset)
                try append(node, height: 1, to: &stack[stack.count - 1], offset: offset)
            case ".":
                try append(.set(ClassEscapes.dot), height: 1, to: &stack[stack.count - 1], offset: offset)
            case "^":
                try append(.anchor(.textStart), height: 1, to: &stack[stack.count - 1], offset: offset)
            case "$":
                try append(.anchor(.textEnd), height: 1, to: &stack[stack.count - 1], offset: offset)
            default:
                try append(literal(char), height: 1, to: &stack[stack.count - 1], offset: offset)
            }
        }
        guard stack.count == 1 else {
            throw RegexSyntaxError(message: "unbalanced '('", offset: stack[stack.count - 1].openOffset)
        }
        return Self.finish(stack[0]).node
    }

    private func literal(_ char: Character) -> RegexNode {
        .literal(Array(char.unicodeScalars))
    }

    fileprivate static func concat(_ items: [RegexNode]) -> RegexNode {
        items.count == 1 ? items[0] : (items.isEmpty ? .empty : .concat(items))
    }

    private static func finish(_ frame: Frame) -> (node: RegexNode, height: Int) {
        let height = max(frame.height, frame.itemHeights.max() ?? 0)
        guard !frame.alternatives.isEmpty else { return (concat(frame.items), height + 1) }
        return (.alternation(frame.alternatives + [concat(frame.items)]), height + 2)
    }

    private mutating func append(
        _ node: RegexNode, height: Int, to frame: inout Frame, offset: Int, isGroup: Bool = false
    ) throws(RegexSyntaxError) {
        guard height <= RegexLimits.maxTreeHeight else {
            throw RegexSyntaxError(message: "nesting too deep", offset: offset)
        }
        atomCount += 1
        guard atomCount <= RegexLimits.maxInstructions else {
            throw RegexLimits.tooLarge(at: offset)
        }
        frame.items.append(node)
        frame.itemHeights.append(height)
        frame.lastWasQuantified = false
        if case .anchor = node { frame.lastIsAnchor = !isGroup } else { frame.lastIsAnchor = false }
    }

    /// Handles the `(?…` forms after a `(` at `offset`; plain and non-capturing groups pass.
    private mutating func openGroup(at offset: Int) throws(RegexSyntaxError) {
        guard position < chars.count, chars[position] == "?" else { return }
        let next = position + 1 < chars.count ? chars[position + 1] : nil
        let afterNext = position + 2 < chars.count ? chars[position + 2] : nil
        switch (next, afterNext) {
        case (":", _):
            position += 2
        case ("=", _), ("!", _):
            throw RegexSyntaxError(message: "lookahead is not supported", offset: offset)
        case ("<", "="), ("<", "!"):
            throw RegexSyntaxError(message: "lookbehind is not supported", offset: offset)
        case ("<", _), ("P", "<"), ("'", _):
            try skipGroupName(offset: offset)
        case ("P", "="), ("P", ">"):
            throw RegexSyntaxError(message: "backreferences are not supported", offset: offset)
        case ("#", _):
            throw RegexSyntaxError(message: "comments are not supported", offset: offset)
        case ("i", _), ("m", _), ("s", _), ("x", _), ("-", _):
            throw RegexSyntaxError(message: "inline flags are not supported (use the case-insensitive option)", offset: offset)
        default:
            throw RegexSyntaxError(message: "unsupported group syntax '(?'", offset: offset)
        }
    }

    /// Accepts `(?<name>`, `(?P<name>` and `(?'name'` as plain groups.
    private mutating func skipGroupName(offset: Int) throws(RegexSyntaxError) {
        position += chars[position + 1] == "P" ? 3 : 2
        let close: Character = chars[position - 1] == "'" ? "'" : ">"
        let nameStart = position
        while position < chars.count, chars[position] != close {
            guard chars[position].isLetter || chars[position].isNumber || chars[position] == "_" else {
                throw RegexSyntaxError(message: "invalid group name", offset: position)
            }
            position += 1
        }
        guard position < chars.count, position > nameStart else {
            throw RegexSyntaxError(message: "invalid group name", offset: offset)
        }
        position += 1
    }

    private mutating func quantify(_ frame: inout Frame, min: Int, max: Int?, offset: Int) throws(RegexSyntaxError) {
        guard let last = frame.items.last, !frame.lastIsAnchor, !frame.lastWasQuantified || chars[offset] == "{" else {
            throw RegexSyntaxError(message: "nothing to repeat", offset: offset)
        }
        var lazy = false
        if position < chars.count, chars[position] == "?" {
            lazy = true
            position += 1
        }
        let height = frame.itemHeights.removeLast() + 1
        guard height <= RegexLimits.maxTreeHeight else {
            throw RegexSyntaxError(message: "nesting too deep", offset: offset)
        }
        frame.items[frame.items.count - 1] = .repetition(last, min: min, max: max, lazy: lazy, offset: offset)
        frame.itemHeights.append(height)
        frame.lastWasQuantified = true
        frame.lastIsAnchor = false
    }

    /// Parses `{m}`, `{m,}` or `{m,n}` after the `{` at `offset`. Any other use of
    /// `{` is a literal brace (as in PCRE), signalled by returning nil.
    private mutating func countedRepetition(at offset: Int) throws(RegexSyntaxError) -> (Int, Int?)? {
        var index = position
        func number() -> Int? {
            var value: Int?
            while index < chars.count, let digit = chars[index].wholeNumberValue, chars[index].isASCII {
                value = min((value ?? 0) * 10 + digit, 1_000_000)
                index += 1
            }
            return value
        }
        guard let low = number() else { return nil }
        var high: Int? = low
        if index < chars.count, chars[index] == "," {
            index += 1
            high = number()
        }
        guard index < chars.count, chars[index] == "}" else { return nil }
        position = index + 1
        guard low <= RegexLimits.maxRepeat, (high ?? 0) <= RegexLimits.maxRepeat else {
            throw RegexSyntaxError(message: "repetition count too large (max \(RegexLimits.maxRepeat))", offset: offset)
        }
        if let high, high < low {
            throw RegexSyntaxError(message: "repetition range out of order", offset: offset)
        }
        return (low, high)
    }

    /// The result of reading one escape sequence.
    private enum Escape {
        case scalar(UInt32)
        case set(ScalarSet)
        case anchor(Anchor)
    }

    private mutating func parseEscape(backslashOffset: Int) throws(RegexSyntaxError) -> RegexNode {
        switch try readEscape(backslashOffset: backslashOffset, inClass: false) {
        case .scalar(let value):
            return .literal([Unicode.Scalar(value)!])
        case .set(let set):
            return .set(set)
        case .anchor(let anchor):
            return .anchor(anchor)
        }
    }

    private mutating func readEscape(backslashOffset: Int, inClass: Bool) throws(RegexSyntaxError) -> Escape {
        guard position < chars.count else {
            throw RegexSyntaxError(message: "trailing backslash", offset: backslashOffset)
        }
        let char = chars[position]
        position += 1
        switch char {
        case "d": return .set(ClassEscapes.digit)
        case "D": return .set(ClassEscapes.digit.inverted())
        case "w": return .set(ClassEscapes.word)
        case "W": return .set(ClassEscapes.word.inverted())
        case "s": return .set(ClassEscapes.space)
        case "S": return .set(ClassEscapes.space.inverted())
        case "n": return .scalar(0x0A)
        case "t": return .scalar(0x09)
        case "r": return .scalar(0x0D)
        case "f": return .scalar(0x0C)
        case "v": return .scalar(0x0B)
        case "x": return .scalar(try hexEscape(backslashOffset: backslashOffset))
        case "b", "B", "A", "z":
            guard !inClass else {
                throw RegexSyntaxError(message: "\\\(char) is not allowed in a character class", offset: backslashOffset)
            }
            let anchors: [Character: Anchor] = ["b": .wordBoundary, "B": .notWordBoundary, "A": .textStart, "z": .textEnd]
            return .anchor(anchors[char]!)
        case "1"..."9", "k", "g":
            throw RegexSyntaxError(message: "backreferences are not supported", offset: backslashOffset)
        case "p", "P":
            throw RegexSyntaxError(message: "Unicode property classes are not supported", offset: backslashOffset)
        default:
            if char.isASCII, !char.isLetter, !char.isNumber, let scalar = char.unicodeScalars.first {
                return .scalar(scalar.value)
            }
            throw RegexSyntaxError(message: "unknown escape '\\\(char)'", offset: backslashOffset)
        }
    }

    /// `\xHH` or `\x{H…}`, giving a Unicode scalar value.
    private mutating func hexEscape(backslashOffset: Int) throws(RegexSyntaxError) -> UInt32 {
        let invalid = RegexSyntaxError(message: "invalid \\x escape", offset: backslashOffset)
        var digits = ""
        if position < chars.count, chars[position] == "{" {
            position += 1
            while position < chars.count, chars[position] != "}" {
                digits.append(chars[position])
                position += 1
            }
            guard position < chars.count, !digits.isEmpty, digits.count <= 6 else { throw invalid }
            position += 1
        } else {
            guard position + 2 <= chars.count else { throw invalid }
            digits = String(chars[position..<position + 2])
            position += 2
        }
        guard let value = UInt32(digits, radix: 16), Unicode.Scalar(value) != nil else { throw invalid }
        return value
    }

    /// Reads a class after the `[` at `openOffset`, returning its (case-folded) members.
    private mutating func parseClass(openOffset: Int) throws(RegexSyntaxError) -> ScalarSet {
        let unterminated = RegexSyntaxError(message: "unterminated character class", offset: openOffset)
        var negated = false
        if position < chars.count, chars[position] == "^" {
            negated = true
            position += 1
        }
        var members: [ClosedRange<UInt32>] = []
        var first = true
        while true {
            guard position < chars.count else { throw unterminated }
            let itemOffset = position
            if chars[position] == "]" && !first {
                position += 1
                break
            }
            first = false
            if chars[position] == "[", position + 1 < chars.count, [":", "=", "."].contains(chars[position + 1]) {
                throw RegexSyntaxError(message: "POSIX classes like [:alpha:] are not supported", offset: itemOffset)
            }
            let low = try classMember()
            if position + 1 < chars.count, chars[position] == "-", chars[position + 1] != "]" {
                position += 1
                let high = try classMember()
                guard case .scalar(let lowValue) = low, case .scalar(let highValue) = high else {
                    throw RegexSyntaxError(message: "invalid class range", offset: itemOffset)
                }
                guard lowValue <= highValue else {
                    throw RegexSyntaxError(
                        message: "invalid class range \(Unicode.Scalar(lowValue)!)-\(Unicode.Scalar(highValue)!)",
                        offset: itemOffset)
                }
                members.append(lowValue...highValue)
            } else {
                switch low {
                case .scalar(let value): members.append(value...value)
                case .set(let escaped): members.append(contentsOf: escaped.ranges)
                case .anchor: break
                }
            }
        }
        var set = ScalarSet(members)
        if caseInsensitive { set = set.caseFolded() }
        return negated ? set.inverted() : set
    }

    private mutating func classMember() throws(RegexSyntaxError) -> Escape {
        guard position < chars.count else {
            throw RegexSyntaxError(message: "unterminated character class", offset: position)
        }
        let offset = position
        let char = chars[position]
        position += 1
        if char == "\\" { return try readEscape(backslashOffset: offset, inClass: true) }
        let scalars = char.unicodeScalars
        guard scalars.count == 1, let scalar = scalars.first else {
            throw RegexSyntaxError(message: "multi-scalar character in a class is not supported", offset: offset)
        }
        return .scalar(scalar.value)
    }
}
