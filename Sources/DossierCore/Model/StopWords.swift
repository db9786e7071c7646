/// Function words that word statistics leave out of their listings; read from `*.stopwords` files so users extend
/// the list with data, not code.
public struct StopWords: Sendable, Equatable {
    /// The folded words.
    public private(set) var words: Set<String> = []

    public init() {}

    /// Reads one word per line; `#` starts a comment; words are folded as the word index folds them.
    public mutating func add(text: String) {
        for line in text.split(whereSeparator: \.isNewline) {
            let word = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)?.trimmingSpaces() ?? ""
            if !word.isEmpty { words.insert(Folding.fold(word)) }
        }
    }
}
