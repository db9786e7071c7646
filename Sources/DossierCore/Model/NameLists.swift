import Glibc

/// Words that tell discovery what a capitalised name is, kept as data users extend (`*.names` files beside a
/// lexicon): `first NAME` lines list people's first names ("Brian Greig" is a person because Brian is a first name);
/// `title WORD` lines add words that stand before a person's name and are no part of it ("Magistrate Judith Dein");
/// `word WORD` lines list common words of the language, which capitalised open no person's name ("Lesser Antilles",
/// "Virgin Blue") and alone are no first name ("Gale", "Jasper") even where the text never writes them in lower case;
/// `disease WORD` lines list the head words of diseases' names, before which a place is part of the disease's name
/// ("Spanish flu", "Guinea worm", "West Nile virus"); `family WORD` lines list family names written first (Chinese and Korean),
/// by which the person goes later ("Kim" after "Kim Jong Un", "Xi" after "Xi Jinping").
public struct NameLists: Sendable {
    /// Folded first names.
    public private(set) var firstNames: Set<[UInt8]> = []
    /// Folded titles, beside the built-in ones.
    public private(set) var titles: Set<[UInt8]> = []
    /// Folded head words of diseases' names.
    public private(set) var diseases: Set<[UInt8]> = []
    /// Folded family names written before the given name.
    public private(set) var familyFirst: Set<[UInt8]> = []
    /// Folded common words of the language.
    public private(set) var words = WordList()
    /// Folded names of towns the lexicon leaves out, one or more words each: a capitalised name that is one of them and that
    /// no other rule explains is a place ("Juneau", "La Mesa").
    public private(set) var towns = WordList()

    public init() {}

    /// Name lists as compiled.
    init(firstNames: Set<[UInt8]>, titles: Set<[UInt8]>, diseases: Set<[UInt8]>, familyFirst: Set<[UInt8]>, words: WordList, towns: WordList) {
        self.firstNames = firstNames
        self.titles = titles
        self.diseases = diseases
        self.familyFirst = familyFirst
        self.words = words
        self.towns = towns
    }

    /// Reads a names file: `#` comments, blank lines, `first NAME`, `title WORD`, `disease WORD`, `family NAME`, `word WORD` and `town NAME` lines;
    /// anything else is an error
    /// naming its line. Read as bytes, like lexicons: it is read at every start.
    public mutating func add(text: String, file: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let bytes = Array(text.utf8)
        let isSpace = { (b: UInt8) in b == 0x20 || b == 0x09 || b == 0x0D }
        var folded: [UInt8] = []
        var newWords = WordList.Pending()
        var newTowns = WordList.Pending()
        defer {
            if !newWords.isEmpty { words = words.adding(newWords) }
            if !newTowns.isEmpty { towns = towns.adding(newTowns) }
        }
        var (start, line) = (0, 0)
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            defer { start = end + 1 }
            line += 1
            var (a, b) = (start, end)
            while a < b, isSpace(bytes[a]) { a += 1 }
            while b > a, isSpace(bytes[b - 1]) { b -= 1 }
            if a == b || bytes[a] == UInt8(ascii: "#") { continue }
            let opens = { (keyword: StaticString) in
                b - a > keyword.utf8CodeUnitCount && bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + a, keyword.utf8Start, keyword.utf8CodeUnitCount) == 0 }
            }
            let isFirst = opens("first "), isTitle = opens("title "), isWord = opens("word "), isTown = opens("town ")
            let isDisease = opens("disease "), isFamily = opens("family ")
            var name = isWord || isTown ? a + 4 : isDisease ? a + 7 : isFamily ? a + 6 : a + 5
            guard isFirst || isTitle || isWord || isTown || isDisease || isFamily else {
                diagnostics.append(Diagnostic(.error, at: SourceLocation(file: file, line: line, column: a - start + 1),
                                              "expected 'first NAME', 'title WORD', 'disease WORD', 'family NAME', 'word WORD' or 'town NAME', found '\(String(decoding: bytes[a..<b], as: UTF8.self))'"))
                continue
            }
            while name < b, isSpace(bytes[name]) { name += 1 }
            folded.removeAll(keepingCapacity: true)
            bytes.withUnsafeBufferPointer { Folding.fold(UnsafeBufferPointer(rebasing: $0[name..<b]), into: &folded) }
            if isFirst { firstNames.insert(folded) } else if isTitle { titles.insert(folded) } else if isDisease { diseases.insert(folded) } else if isFamily { familyFirst.insert(folded) } else if isTown { newTowns.append(folded) } else { newWords.append(folded) }
        }
        return diagnostics
    }
}
