/// The word that tab completion works on, found in the text before the cursor.
///
/// Words break at space, tab, `(`, `)`, `"`, `|` and `=` (`CompletionWord.breakCharacters`).
/// A double quote opens a quoted word that may hold spaces: inside an unclosed quote the
/// word is everything after that quote (`actor "Wagner G` → `Wagner G`, quoted).
public struct CompletionWord: Equatable, Sendable {
    /// The characters that end a word.
    public static let breakCharacters: Set<Unicode.Scalar> = [" ", "\t", "(", ")", "\"", "|", "="]
    static let breakCharacterString = " \t()\"|="

    /// The word as typed so far, without its opening quote.
    public var text: String
    /// Whether the word is inside an unclosed double quote.
    public var isQuoted: Bool
    /// Where the word starts in the line, counted in Unicode scalars (at the opening quote if quoted).
    public var start: Int

    public init(text: String, isQuoted: Bool, start: Int) {
        self.text = text
        self.isQuoted = isQuoted
        self.start = start
    }

    public init(lineBeforeCursor line: String) {
        let scalars = Array(line.unicodeScalars)
        var inQuote = false
        var quoteStart = 0
        var wordStart = 0
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\"" {
                if inQuote {
                    inQuote = false
                    wordStart = index + 1
                } else {
                    inQuote = true
                    quoteStart = index
                }
            } else if !inQuote && Self.breakCharacters.contains(scalar) {
                wordStart = index + 1
            }
        }
        if inQuote {
            self.init(text: String(String.UnicodeScalarView(scalars[(quoteStart + 1)...])),
                      isQuoted: true, start: quoteStart)
        } else {
            self.init(text: String(String.UnicodeScalarView(scalars[wordStart...])),
                      isQuoted: false, start: wordStart)
        }
    }

    /// Whether a candidate must be written in double quotes to stay one word.
    public static func needsQuotes(_ candidate: String) -> Bool {
        candidate.unicodeScalars.contains { breakCharacters.contains($0) && $0 != "\"" }
    }
}

/// What tab completion does with the completer's candidates.
///
/// - One candidate: it replaces the word, followed by a space. It is written in double
///   quotes if it holds a break character (`actor Central Af…` → `actor "Central African Republic" `)
///   or if the word is quoted (`actor "Tou` → `actor "Touadéra" `). A folder (ending in `/`) gets
///   neither the closing quote nor the space, so the next Tab goes into it (`run "scr` → `run "scripts/`).
/// - Several: the word is replaced by their longest common prefix, if that is at least as
///   long as the word (so a case-insensitive completer can fix case); a Tab that adds nothing
///   lists them. The prefix gets an opening quote only if the word is quoted: a prefix that is
///   itself a name stays a whole word (`actor Wagn` with "Wagner" and "Wagner Group" → `actor Wagner`,
///   and Enter runs it), and typing on (` G`, Tab) reaches the longer name.
public struct CompletionResult: Equatable, Sendable {
    /// Text to put in place of the word (from `CompletionWord.start` to the cursor), or nil to leave it.
    public var replacement: String?
    /// The candidates, for listing (no duplicates, in the completer's order).
    public var candidates: [String]

    public init(replacement: String?, candidates: [String]) {
        self.replacement = replacement
        self.candidates = candidates
    }

    public init(word: CompletionWord, candidates raw: [String]) {
        var seen = Set<String>()
        let candidates = raw.filter { !$0.isEmpty && seen.insert($0).inserted }
        self.candidates = candidates
        guard let first = candidates.first else {
            replacement = nil
            return
        }
        let quote = word.isQuoted || CompletionWord.needsQuotes(first)
        // Inside quotes a `"` or `\` of the text is written with a backslash, as the language reads strings.
        func inQuotes(_ text: String) -> String {
            String(text.flatMap { $0 == "\\" || $0 == "\"" ? ["\\", $0] : [$0] })
        }
        if candidates.count == 1 {
            if first.hasSuffix("/") {
                replacement = quote ? "\"" + inQuotes(first) : first
            } else {
                replacement = quote ? "\"" + inQuotes(first) + "\" " : first + " "
            }
            return
        }
        var prefix = Array(first.unicodeScalars)
        for candidate in candidates.dropFirst() {
            let other = Array(candidate.unicodeScalars)
            var n = 0
            while n < prefix.count && n < other.count && prefix[n] == other[n] { n += 1 }
            prefix.removeSubrange(n...)
        }
        guard !prefix.isEmpty, prefix.count >= word.text.unicodeScalars.count else {
            replacement = nil
            return
        }
        let common = String(String.UnicodeScalarView(prefix))
        replacement = word.isQuoted ? "\"" + inQuotes(common) : common
    }
}
