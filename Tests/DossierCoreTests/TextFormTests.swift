import Foundation
import Testing
@testable import DossierCore

/// Issue 12 item 8: text as it comes. Decomposed accents, wide encodings with a byte-order mark, lone CRs and
/// invisible characters in lexicon names all read as the plain text they stand for.
@Suite("Text as it comes")
struct TextFormTests {
    func load(_ files: [(String, [UInt8])]) -> (Corpus, [Diagnostic]) {
        let dir = TempDir()
        defer { dir.remove() }
        for (name, bytes) in files { dir.write(name, bytes: bytes) }
        var loader = CorpusLoader()
        _ = loader.addResources(from: Paths.seeds)
        return loader.load([dir.path])
    }

    static let sentence = "Faustin-Archange Touadéra met the Wagner Group in Bangui in 2019."

    static func bom(_ text: String, _ encoding: String) -> [UInt8] {
        let scalars = Array(("\u{FEFF}" + text).unicodeScalars)
        switch encoding {
        case "UTF-16LE": return Array(("\u{FEFF}" + text).utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case "UTF-16BE": return Array(("\u{FEFF}" + text).utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        case "UTF-32LE": return scalars.flatMap { v in (0..<4).map { UInt8((v.value >> (8 * $0)) & 0xFF) } }
        default: return scalars.flatMap { v in (0..<4).reversed().map { UInt8((v.value >> (8 * $0)) & 0xFF) } }
        }
    }

    /// Each spelling of the document is read as the same text, with the same mentions of Touadéra.
    @Test(arguments: [
        ("NFC", Array(sentence.utf8)),
        ("decomposed", Array(sentence.replacingOccurrences(of: "é", with: "e\u{301}").utf8)),
        ("UTF-16LE", bom(sentence, "UTF-16LE")), ("UTF-16BE", bom(sentence, "UTF-16BE")),
        ("UTF-32LE", bom(sentence + " 𝔘", "UTF-32LE")), ("UTF-32BE", bom(sentence, "UTF-32BE")),
    ])
    func everySpellingReadsAsTheSameText(spelling: String, bytes: [UInt8]) {
        let (corpus, diagnostics) = load([("doc.txt", bytes)])
        let text = corpus.documents.first.map { String(decoding: $0.text, as: UTF8.self) } ?? ""
        #expect(text.hasPrefix(Self.sentence), "\(spelling): \(text.debugDescription)")
        #expect(!diagnostics.contains { $0.severity == .warning }, "\(spelling): \(diagnostics.map(\.message))")
        let (reference, _) = load([("doc.txt", Array(Self.sentence.utf8))])
        #expect(corpus.mentions.map(\.entity) == reference.mentions.map(\.entity), "\(spelling)")
        #expect(corpus.entityIndex("Faustin-Archange Touadéra", .actor).map { corpus.entityMentionCounts[$0] } ?? 0 > 0)
    }

    @Test func aDecomposedQueryFindsAPrecomposedName() {
        let precomposed = run("count \"Touadéra\"")
        let decomposed = run("count \"Touade\u{301}ra\"")
        #expect(decomposed.out == precomposed.out && precomposed.out != "0 sentences\n", "\(decomposed)")
        #expect(run("count actor \"Touade\u{301}ra\"").out == run("count actor Touadéra").out)
    }

    /// Old Mac text: lone CRs end lines (so paragraphs and headings are found); CRLF stays one line break.
    @Test func aLoneCRIsALineBreak() {
        let (corpus, _) = load([("mac.txt", Array("Mali Report\r\rRussia signed a deal in 2021.\rFrance left in 2022.\r".utf8)),
                                ("dos.txt", Array("Mali Report\r\n\r\nRussia signed a deal in 2021.\r\n".utf8))])
        let mac = corpus.documents.first { $0.id == "mac" }!
        #expect(mac.title == "Mali Report")
        #expect(!mac.text.contains(0x0D))
        #expect(mac.paragraphCount == 3, "\(String(decoding: mac.text, as: UTF8.self).debugDescription)")
        #expect(corpus.documents.first { $0.id == "dos" }?.paragraphCount == 2)
    }

    /// UTF-16 without a byte-order mark (every other byte NUL) is read as UTF-16 with a warning that says so; it was
    /// skipped as binary, or read as "R u s s i a" (tester14 #23). A file whose NULs fall anywhere else is still binary.
    @Test(arguments: [("UTF-16LE", true), ("UTF-16BE", true), ("odd NULs", false)])
    func utf16WithoutAMarkIsReadWithAWarning(_ form: String, _ read: Bool) {
        let units = Array(Self.sentence.utf16)
        let bytes: [UInt8] = switch form {
        case "UTF-16LE": units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case "UTF-16BE": units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        default: Array(Self.sentence.utf8).enumerated().flatMap { $0.offset % 3 == 0 ? [$0.element, 0, 0] : [$0.element] }
        }
        let (corpus, diagnostics) = load([("doc.txt", bytes)])
        let text = corpus.documents.first.map { String(decoding: $0.text, as: UTF8.self) } ?? ""
        #expect(text.hasPrefix(Self.sentence) == read, "\(form): \(text.debugDescription)")
        let said = read ? "read as \(form): it has no byte-order mark, but every other byte is NUL" : "skipped: not text"
        #expect(diagnostics.contains { $0.severity == .warning && $0.message.hasPrefix(said) }, "\(form): \(diagnostics.map(\.message))")
    }

    /// A character beyond Latin-1 ("€", a curly quote) in UTF-16 without a mark no longer makes the file binary
    /// (tester19 #18c: one euro sign skipped a letter as "49% control bytes").
    @Test func utf16WithoutAMarkMayHoldACharacterBeyondLatin1() {
        let text = "Micheál Martin met Cyril Ramaphosa in Dublin on 3 May 2021. The deal cost €5 million."
        let bytes: [UInt8] = Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let (corpus, diagnostics) = load([("letter.txt", bytes)])
        #expect(corpus.documents.first.map { String(decoding: $0.text, as: UTF8.self).hasPrefix(text) } == true, "\(diagnostics.map(\.message))")
    }

    @Test func anInvalidWideUnitIsReplacedWithAWarning() {
        var bytes = Self.bom("Mali in 2021.", "UTF-16LE")
        bytes += [0x00, 0xD8]  // a lone high surrogate
        let (corpus, diagnostics) = load([("bad.txt", bytes)])
        #expect(corpus.documents.count == 1)
        #expect(diagnostics.contains { $0.message.contains("invalid UTF-16LE") }, "\(diagnostics.map(\.message))")
    }

    /// Zero-width and direction-control characters are taken out of lexicon names, with a warning at their line;
    /// the entry then matches the plain name in the text.
    @Test(arguments: ["\u{200B}", "\u{200D}", "\u{202E}", "\u{2066}", "\u{FEFF}", "\u{00AD}"])
    func invisibleCharactersLeaveLexiconNames(invisible: String) {
        var lexicon = Lexicon()
        let text = "actor Zor\(invisible)ana Kel\n  type: person\n  alias: Kel\(invisible)ana\n"
        let diagnostics = lexicon.add(text: text, file: "x.lexicon")
        #expect(diagnostics.map { "\($0.location.line): \($0.message)" } == [
            "1: invisible characters (zero-width or direction controls) removed from the name 'Zorana Kel'",
            "3: invisible characters (zero-width or direction controls) removed from 'alias'",
        ])
        let entity = lexicon.expanded().first { $0.name == "Zorana Kel" }
        #expect(entity?.aliases.map(\.text).contains("Kelana") == true)
    }

    @Test func aNameOfOnlyInvisibleCharactersIsSkipped() {
        var lexicon = Lexicon()
        let before = lexicon.expanded().count
        let diagnostics = lexicon.add(text: "actor \u{200B}\u{200C}\n  type: person\n", file: "x.lexicon")
        #expect(diagnostics.contains { $0.message.contains("entry skipped") })
        #expect(lexicon.expanded().count == before)
    }

    /// The fast test lets plain and precomposed text through untouched, and catches what NFC would change.
    /// Normalising piece by piece gives what NFC of the whole text gives, in scripts full of marks.
    @Test(arguments: [
        "रूस ने 2021 में माली के साथ समझौता किया।", "Tie\u{302}\u{301}ng Vie\u{323}\u{302}t co\u{301} da\u{302}\u{301}u",
        "\u{1100}\u{1161}\u{11A8} \u{AC00}\u{11A8}", "مُحَمَّد فِي بَامَاكُو", "a\u{323}\u{302}\u{301}\u{300}b e\u{301}\u{301}",
        "\u{0B47}\u{0B3E} \u{2126} \u{F900}\u{2F800}", "\u{301}leading mark",
    ])
    func piecewiseNFCIsWholeNFC(text: String) {
        #expect(TextDecoding.decode(Array(text.utf8), path: "t").bytes == Array(text.precomposedStringWithCanonicalMapping.utf8))
        #expect(Array(Normalization.nfc(text).unicodeScalars) == Array(text.precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    /// The written-out table of characters NFC may change is the one the runtime's Unicode data gives, character
    /// for character, so a newer Unicode in a newer toolchain cannot make it silently stale.
    @Test func theFlaggedRangesAreWhatUnicodeSays() {
        var table = [Bool](repeating: false, count: 0x10000)
        let ranges = Normalization.flaggedRanges
        for k in stride(from: 0, to: ranges.count, by: 2) {
            #expect(ranges[k] <= ranges[k + 1] && (k == 0 || ranges[k - 1] + 1 < ranges[k]), "pair \(k / 2) out of order")
            for v in Int(ranges[k])...Int(ranges[k + 1]) { table[v] = true }
        }
        let wrong = (0..<0x10000).filter { table[$0] != Normalization.mayChange(bmp: $0) }
        #expect(wrong.isEmpty, "\(wrong.prefix(10).map { String($0, radix: 16) })")
    }

    @Test(arguments: [("Touadéra’s “plan” — 2021", false), ("e\u{301}", true), ("\u{212B}", true), ("\u{1100}\u{1161}", true),
                      ("한국", false), ("Δ Ω ß", false), ("\u{F900}", true)])
    func theFastTestKnowsWhatNFCChanges(text: String, changes: Bool) {
        #expect((Normalization.nfc(text).unicodeScalars.elementsEqual(text.unicodeScalars)) == !changes)
        let (bytes, _) = TextDecoding.decode(Array(text.utf8), path: "t")
        #expect(bytes == Array(text.precomposedStringWithCanonicalMapping.utf8))
    }
}
