import DossierRegex
import Testing

/// Rejected syntax must fail loudly with a message and the Character offset of the culprit.
@Suite struct SyntaxTests {
    static let tooLarge = "pattern too large: it would compile to more than 100 thousand instructions (a count such as {1000} makes that many copies of what it repeats)"

    static let errors: [(String, String, Int)] = [
        ("(ab", "unbalanced '('", 0),
        ("a(b(c)", "unbalanced '('", 1),
        ("ab)", "unbalanced ')'", 2),
        ("éé)", "unbalanced ')'", 2),
        ("[abc", "unterminated character class", 0),
        ("x[^", "unterminated character class", 1),
        ("*a", "nothing to repeat", 0),
        ("a**", "nothing to repeat", 2),
        ("a+*", "nothing to repeat", 2),
        ("a?+", "nothing to repeat", 2),
        ("(*)", "nothing to repeat", 1),
        ("a|*", "nothing to repeat", 2),
        ("^*", "nothing to repeat", 1),
        ("{2}", "nothing to repeat", 0),
        ("[z-a]", "invalid class range z-a", 1),
        ("[a-\\d]", "invalid class range", 1),
        ("abc\\", "trailing backslash", 3),
        ("(a)\\1", "backreferences are not supported", 3),
        ("(?P<n>a)(?P=n)", "backreferences are not supported", 8),
        ("\\k<n>", "backreferences are not supported", 0),
        ("a(?=b)", "lookahead is not supported", 1),
        ("a(?!b)", "lookahead is not supported", 1),
        ("(?<=a)b", "lookbehind is not supported", 0),
        ("(?<!a)b", "lookbehind is not supported", 0),
        ("(?i)abc", "inline flags are not supported (use the case-insensitive option)", 0),
        ("(?|a)", "unsupported group syntax '(?'", 0),
        ("a{1001}", "repetition count too large (max 1000)", 1),
        ("a{2,5000}", "repetition count too large (max 1000)", 1),
        ("a{3,2}", "repetition range out of order", 1),
        ("\\q", "unknown escape '\\q'", 0),
        ("\\p{L}", "Unicode property classes are not supported", 0),
        ("[[:alpha:]]", "POSIX classes like [:alpha:] are not supported", 1),
        ("[\\b]", "\\b is not allowed in a character class", 1),
        ("\\x{110000}", "invalid \\x escape", 0),
        ("\\xZZ", "invalid \\x escape", 0),
        ("(a{1000}){1000}", tooLarge, 9),
        ("a{1000}{1000}", tooLarge, 7),
    ]

    @Test(arguments: errors)
    func rejected(_ pattern: String, _ message: String, _ offset: Int) {
        #expect(throws: RegexSyntaxError(message: message, offset: offset)) {
            try ByteRegex(pattern)
        }
    }

    @Test(arguments: ["", "()", "(?:)", "(^)*", "(\\b)+", "a|", "|", "(|a)", "[]]", "[^]]", "a{2}{3}", "a{2}?", "(?<n>x)", "(?'n'x)"])
    func accepted(_ pattern: String) throws {
        _ = try ByteRegex(pattern)
    }

    @Test func deepNestingIsRejectedNotCrashing() {
        let open = String(repeating: "(", count: 10_000)
        #expect(throws: RegexSyntaxError(message: "nesting too deep", offset: 1000)) { try ByteRegex(open) }
        #expect(throws: RegexSyntaxError(message: "nesting too deep", offset: 1000)) {
            try ByteRegex(open + "a" + String(repeating: ")", count: 10_000))
        }
        #expect(throws: RegexSyntaxError(message: "nesting too deep", offset: 3000)) {
            try ByteRegex(String(repeating: "(?:", count: 10_000))
        }
        #expect(throws: RegexSyntaxError.self) { try ByteRegex("a" + String(repeating: "{1}", count: 10_000)) }
    }

    @Test func maximumNestingWorks() throws {
        let regex = try ByteRegex(String(repeating: "(a|", count: 1000) + "b" + String(repeating: ")", count: 1000))
        #expect(withBytes("xxb") { regex.firstMatch(in: $0) } == 2..<3)
        #expect(withBytes("xxa") { regex.firstMatch(in: $0) } == 2..<3)
    }

    @Test func megabytePatterns() {
        let megabyte = 1 << 20
        #expect(throws: RegexSyntaxError(message: SyntaxTests.tooLarge, offset: 100_000)) {
            try ByteRegex(String(repeating: "a", count: megabyte))
        }
        #expect(throws: RegexSyntaxError(message: "unterminated character class", offset: 0)) {
            try ByteRegex(String(repeating: "[", count: megabyte))
        }
        #expect(throws: RegexSyntaxError(message: "nothing to repeat", offset: 2)) {
            try ByteRegex(String(repeating: "a*", count: megabyte / 2).replacingAll("*a", "**"))
        }
        #expect(throws: RegexSyntaxError.self) { try ByteRegex(String(repeating: "(a|b)*", count: megabyte / 6)) }
        #expect(throws: RegexSyntaxError.self) { try ByteRegex(String(repeating: "é", count: megabyte)) }
    }

    @Test func errorDescriptionNamesOffset() {
        #expect(RegexSyntaxError(message: "nothing to repeat", offset: 2).description == "nothing to repeat at offset 2")
    }
}
