/// One word, number or punctuation mark near a possible time expression, located by byte offsets.
struct Token: Sendable {
    /// What sort of text the token covers.
    enum Kind: UInt8, Sendable {
        case word, number, symbol
    }

    // The wide fields first, the one-byte ones packed after them: 32 bytes a token (48 with `kind` first and `value`
    // between the flags), copied at every token of a zone.
    var start: Int
    var end: Int
    /// Value of a number token; `Int.max` when it has more than nine digits.
    var value = 0
    var kind: Kind
    /// Whitespace (or the start of the scanned stretch) comes directly before this token.
    var spaced: Bool
    var word: Word = .other
    var isCapitalised = false
    /// The name of a feast in `FeastName.all` may start here.
    var startsFeast = false
    /// ASCII stand-in for a symbol token: dashes become "-", curly quotes "'" or "\"", currencies "$".
    var symbol: UInt8 = 0

    var length: Int { end - start }
}
