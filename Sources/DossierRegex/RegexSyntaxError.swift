/// A syntax error in a pattern, with the character offset (0-based, counted in
/// `Character`s of the pattern string, not bytes) where it was found, so the
/// prompt can point at the offending spot.
public struct RegexSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var offset: Int

    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { "\(message) at offset \(offset)" }
}
