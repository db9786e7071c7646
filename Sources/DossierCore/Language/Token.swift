/// A lexical unit of the query language, with where it starts and how many characters it spans.
public struct Token: Equatable, Sendable {
    /// What the token is, with its value.
    public enum Kind: Equatable, Sendable {
        case word(String)
        case string(String)
        case regex(pattern: String, caseInsensitive: Bool)
        case number(Int)
        /// A calendar date written like 2019-02 or 2019-02-05 (a bare year lexes as a number).
        case date(String)
        case variable(String)
        /// `$1`, `$2`, ...: a script's argument, replaced by its value before parsing.
        case argument(Int)
        /// The rest of the line after `echo`, as written.
        case text(String)
        case leftParen, rightParen, pipe, equals, comma
        case newline
        case end
    }

    public var kind: Kind
    /// 1-based line and character column in the source.
    public var line: Int
    public var column: Int
    /// Length in characters.
    public var length: Int
    /// The exact source text of the token.
    public var text: String

    public var word: String? {
        if case .word(let w) = kind { return w }
        return nil
    }
}
