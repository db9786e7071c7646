import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Makes any file's bytes valid UTF-8 in one form: UTF-16 and UTF-32 with a byte-order mark are transcoded;
/// invalid sequences are read as Windows-1252 (Latin-1 with curly quotes and dashes where Latin-1 has control
/// characters), or Windows-1251 when most letters are Cyrillic, when the whole file looks like it, otherwise replaced with U+FFFD
/// (either way with a warning naming the first bad line and column); a lone CR (old Mac text) is a line break;
/// and the text is put in Unicode NFC, so "Touade\u{301}ra" (e and a combining accent) is "Touadéra".
enum TextDecoding {
    static func decode(_ bytes: [UInt8], path: String) -> (bytes: [UInt8], diagnostics: [Diagnostic]) {
        if let (utf8, warning) = fromWide(bytes, path: path) {
            var (result, diagnostics) = decodeUTF8(utf8, path: path)
            if let warning { diagnostics.append(warning) }
            return (result, diagnostics)
        }
        return decodeUTF8(bytes, path: path)
    }

    /// UTF-16 or UTF-32 text that its byte-order mark announces, or UTF-16 without one whose every other byte is NUL
    /// (as Windows tools write it), as UTF-8, with a warning when a unit was invalid or no mark said so; nil for any
    /// other bytes.
    static func fromWide(_ bytes: [UInt8], path: String) -> (bytes: [UInt8], warning: Diagnostic?)? {
        let marked = WideEncoding(bom: bytes)
        guard let wide = marked ?? WideEncoding(unmarked: bytes) else { return nil }
        let (utf8, bad) = wide.transcode(bytes, from: marked == nil ? 0 : wide.markLength)
        let at = SourceLocation(file: path, line: 1, column: 1)
        if let bad { return (utf8, Diagnostic(.warning, at: at, "invalid \(wide.rawValue) (at byte \(bad)) replaced with U+FFFD")) }
        return (utf8, marked == nil ? Diagnostic(.warning, at: at, "read as \(wide.rawValue): it has no byte-order mark, but every other byte is NUL") : nil)
    }

    private static func decodeUTF8(_ bytes: [UInt8], path: String) -> (bytes: [UInt8], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var mayChangeUnderNFC = false
        var nulCount = 0
        var firstInvalid: Int?
        var validMultibyte = 0
        var i = 0
        let n = bytes.count
        var output: [UInt8]? = nil
        Normalization.table { table in bytes.withUnsafeBufferPointer { b in
            while i < n {
                // Eight ASCII bytes with no NUL at a time, while nothing has had to be replaced.
                if output == nil, i + 8 <= n {
                    let word = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
                    let hasHigh = word & 0x8080_8080_8080_8080 != 0
                    let hasZero = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0
                    if !hasHigh && !hasZero {
                        i += 8
                        continue
                    }
                }
                let c = b[i]
                if c < 0x80 {
                    if c == 0 { nulCount += 1 }
                    output?.append(c)
                    i += 1
                    continue
                }
                let width = sequenceLength(b, i)
                if width > 0 {
                    validMultibyte += 1
                    if !mayChangeUnderNFC, width >= 2, Normalization.mayChange(scalarAt: b, i, width: width, table) { mayChangeUnderNFC = true }
                    output?.append(contentsOf: b[i..<(i + width)])
                    i += width
                } else {
                    if firstInvalid == nil {
                        firstInvalid = i
                        output = Array(b[0..<i])
                        output!.reserveCapacity(n + 64)
                    }
                    output!.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    i += 1
                }
            }
        } }
        var result = output ?? bytes
        if let bad = firstInvalid {
            let (line, column) = position(of: bad, in: bytes)
            if validMultibyte == 0 {
                let encoding = WindowsEncoding(guessing: bytes)
                result = encoding.decode(bytes)
                diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: path, line: line, column: column),
                                              "not valid UTF-8; read as \(encoding.rawValue)"))
            } else {
                diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: path, line: line, column: column),
                                              "invalid UTF-8 replaced with U+FFFD"))
            }
        }
        breakLoneCRs(&result)
        if mayChangeUnderNFC { result = Normalization.nfc(result) }
        if nulCount > 0 {
            let (line, column) = position(of: bytes.firstIndex(of: 0)!, in: bytes)
            diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: path, line: line, column: column),
                                          "\(nulCount) NUL byte\(nulCount == 1 ? "" : "s") read as spaces (is this a binary file?)"))
        }
        return (result, diagnostics)
    }

    /// Old Mac text ends lines with a lone CR: each becomes LF (a CR before LF stays, cleaning drops it).
    static func breakLoneCRs(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBufferPointer { b in
            guard let base = b.baseAddress else { return }
            var from = 0
            while from < b.count, let found = memchr(base + from, 0x0D, b.count - from) {
                let k = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if k + 1 == b.count || b[k + 1] != 0x0A { b[k] = 0x0A }
                from = k + 1
            }
        }
    }

    /// The length of the valid UTF-8 sequence at `i`, or 0.
    @inline(__always)
    static func sequenceLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let c = b[i]
        let n = b.count
        func cont(_ k: Int) -> Bool { k < n && b[k] & 0xC0 == 0x80 }
        if c >= 0xC2 && c <= 0xDF { return cont(i + 1) ? 2 : 0 }
        if c >= 0xE0 && c <= 0xEF {
            guard cont(i + 1), cont(i + 2) else { return 0 }
            if c == 0xE0 && b[i + 1] < 0xA0 { return 0 }
            if c == 0xED && b[i + 1] > 0x9F { return 0 }
            return 3
        }
        if c >= 0xF0 && c <= 0xF4 {
            guard cont(i + 1), cont(i + 2), cont(i + 3) else { return 0 }
            if c == 0xF0 && b[i + 1] < 0x90 { return 0 }
            if c == 0xF4 && b[i + 1] > 0x8F { return 0 }
            return 4
        }
        return 0
    }

    /// 1-based line and character column of a byte offset.
    static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var column = 1
        for i in 0..<offset {
            if bytes[i] == 0x0A {
                line += 1
                column = 1
            } else if bytes[i] & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}

/// The wide encodings a byte-order mark announces (longest mark first: FF FE 00 00 is UTF-32, not UTF-16).
enum WideEncoding: String {
    case utf32LE = "UTF-32LE", utf32BE = "UTF-32BE", utf16LE = "UTF-16LE", utf16BE = "UTF-16BE"

    init?(bom b: [UInt8]) {
        if b.count >= 4, b[0] == 0xFF, b[1] == 0xFE, b[2] == 0, b[3] == 0 { self = .utf32LE } else if b.count >= 4, b[0] == 0, b[1] == 0, b[2] == 0xFE, b[3] == 0xFF {
            self = .utf32BE
        } else if b.count >= 2, b[0] == 0xFF, b[1] == 0xFE { self = .utf16LE } else if b.count >= 2, b[0] == 0xFE, b[1] == 0xFF {
            self = .utf16BE
        } else { return nil }
    }

    /// UTF-16 without a byte-order mark: in the first 4 KB, at least eight characters, nine in ten of them Latin-1
    /// (ASCII and accented letters: one byte NUL, the low byte first for little-endian; the rest "€", curly quotes and
    /// dashes, tester19 #18c: one euro sign made a letter binary) and none NUL. Nil for any other bytes (UTF-8 text has
    /// no NUL).
    init?(unmarked b: some RandomAccessCollection<UInt8>) {
        let pairs = min(b.count, 4096) / 2
        guard pairs >= 8 else { return nil }
        var little = 0, big = 0
        var i = b.startIndex
        for read in 1...pairs {
            let first = b[i]
            b.formIndex(after: &i)
            let second = b[i]
            b.formIndex(after: &i)
            if first == 0 && second == 0 { return nil }
            if second == 0 { little += 1 } else if first == 0 { big += 1 }
            // Text with no NUL (UTF-8) is told at once.
            if read >= 8, little * 2 < read, big * 2 < read { return nil }
        }
        if little * 10 >= pairs * 9 { self = .utf16LE } else if big * 10 >= pairs * 9 { self = .utf16BE } else { return nil }
    }

    /// The bytes of this encoding's byte-order mark.
    var markLength: Int { self == .utf32LE || self == .utf32BE ? 4 : 2 }

    /// UTF-8 of the text from byte `start` on (after the mark, if any), and the offset of the first invalid unit
    /// (replaced with U+FFFD), if any.
    func transcode(_ bytes: [UInt8], from start: Int) -> ([UInt8], Int?) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var firstBad: Int?
        func emit(_ scalar: Unicode.Scalar?, at offset: Int) {
            if scalar == nil, firstBad == nil { firstBad = offset }
            out.append(contentsOf: UTF8.encode(scalar ?? "\u{FFFD}")!)
        }
        switch self {
        case .utf32LE, .utf32BE:
            var i = start
            while i + 4 <= bytes.count {
                let v = self == .utf32LE
                    ? UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
                    : UInt32(bytes[i + 3]) | UInt32(bytes[i + 2]) << 8 | UInt32(bytes[i + 1]) << 16 | UInt32(bytes[i]) << 24
                emit(Unicode.Scalar(v), at: i)
                i += 4
            }
            if i < bytes.count { emit(nil, at: i) }
        case .utf16LE, .utf16BE:
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = start
            while i + 2 <= bytes.count {
                units.append(self == .utf16LE ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i + 1]) | UInt16(bytes[i]) << 8)
                i += 2
            }
            var offset = start
            var iterator = units.makeIterator()
            var parser = UTF16.ForwardParser()
            loop: while true {
                switch parser.parseScalar(from: &iterator) {
                case .valid(let unit):
                    emit(UTF16.decode(unit), at: offset)
                    offset += unit.count * 2
                case .error(let length):
                    emit(nil, at: offset)
                    offset += length * 2
                case .emptyInput: break loop
                }
            }
            if i < bytes.count { emit(nil, at: i) }
        }
        return (out, firstBad)
    }
}

/// Unicode NFC, with a fast test that most text passes: only a combining mark, a Hangul vowel or final jamo, or
/// one of the few characters NFC replaces (Ångström sign, CJK compatibility ideographs...) can make NFC differ.
enum Normalization {
    /// Which Basic Multilingual Plane characters may change the text under NFC, flagged from `flaggedRanges`.
    private static let bmp: [Bool] = {
        var table = [Bool](repeating: false, count: 0x10000)
        for k in stride(from: 0, to: flaggedRanges.count, by: 2) {
            for v in Int(flaggedRanges[k])...Int(flaggedRanges[k + 1]) { table[v] = true }
        }
        return table
    }()

    /// The BMP characters `mayChange` flags, as inclusive first–last pairs. Computing them from Unicode properties
    /// at run time took a third of the start-up (every BMP scalar's properties, some through Foundation's NFC), so
    /// they are written out here; a test recomputes them from the runtime's Unicode data and compares.
    static let flaggedRanges: [UInt16] = [
        0x0300, 0x036F, 0x0374, 0x0374, 0x037E, 0x037E, 0x0387, 0x0387, 0x0483, 0x0489, 0x0591, 0x05BD, 0x05BF, 0x05BF,
        0x05C1, 0x05C2, 0x05C4, 0x05C5, 0x05C7, 0x05C7, 0x0610, 0x061A, 0x064B, 0x065F, 0x0670, 0x0670, 0x06D6, 0x06DC,
        0x06DF, 0x06E4, 0x06E7, 0x06E8, 0x06EA, 0x06ED, 0x0711, 0x0711, 0x0730, 0x074A, 0x07A6, 0x07B0, 0x07EB, 0x07F3,
        0x07FD, 0x07FD, 0x0816, 0x0819, 0x081B, 0x0823, 0x0825, 0x0827, 0x0829, 0x082D, 0x0859, 0x085B, 0x0897, 0x089F,
        0x08CA, 0x08E1, 0x08E3, 0x0903, 0x093A, 0x093C, 0x093E, 0x094F, 0x0951, 0x095F, 0x0962, 0x0963, 0x0981, 0x0983,
        0x09BC, 0x09BC, 0x09BE, 0x09C4, 0x09C7, 0x09C8, 0x09CB, 0x09CD, 0x09D7, 0x09D7, 0x09DC, 0x09DD, 0x09DF, 0x09DF,
        0x09E2, 0x09E3, 0x09FE, 0x09FE, 0x0A01, 0x0A03, 0x0A33, 0x0A33, 0x0A36, 0x0A36, 0x0A3C, 0x0A3C, 0x0A3E, 0x0A42,
        0x0A47, 0x0A48, 0x0A4B, 0x0A4D, 0x0A51, 0x0A51, 0x0A59, 0x0A5B, 0x0A5E, 0x0A5E, 0x0A70, 0x0A71, 0x0A75, 0x0A75,
        0x0A81, 0x0A83, 0x0ABC, 0x0ABC, 0x0ABE, 0x0AC5, 0x0AC7, 0x0AC9, 0x0ACB, 0x0ACD, 0x0AE2, 0x0AE3, 0x0AFA, 0x0AFF,
        0x0B01, 0x0B03, 0x0B3C, 0x0B3C, 0x0B3E, 0x0B44, 0x0B47, 0x0B48, 0x0B4B, 0x0B4D, 0x0B55, 0x0B57, 0x0B5C, 0x0B5D,
        0x0B62, 0x0B63, 0x0B82, 0x0B82, 0x0BBE, 0x0BC2, 0x0BC6, 0x0BC8, 0x0BCA, 0x0BCD, 0x0BD7, 0x0BD7, 0x0C00, 0x0C04,
        0x0C3C, 0x0C3C, 0x0C3E, 0x0C44, 0x0C46, 0x0C48, 0x0C4A, 0x0C4D, 0x0C55, 0x0C56, 0x0C62, 0x0C63, 0x0C81, 0x0C83,
        0x0CBC, 0x0CBC, 0x0CBE, 0x0CC4, 0x0CC6, 0x0CC8, 0x0CCA, 0x0CCD, 0x0CD5, 0x0CD6, 0x0CE2, 0x0CE3, 0x0CF3, 0x0CF3,
        0x0D00, 0x0D03, 0x0D3B, 0x0D3C, 0x0D3E, 0x0D44, 0x0D46, 0x0D48, 0x0D4A, 0x0D4D, 0x0D57, 0x0D57, 0x0D62, 0x0D63,
        0x0D81, 0x0D83, 0x0DCA, 0x0DCA, 0x0DCF, 0x0DD4, 0x0DD6, 0x0DD6, 0x0DD8, 0x0DDF, 0x0DF2, 0x0DF3, 0x0E31, 0x0E31,
        0x0E34, 0x0E3A, 0x0E47, 0x0E4E, 0x0EB1, 0x0EB1, 0x0EB4, 0x0EBC, 0x0EC8, 0x0ECE, 0x0F18, 0x0F19, 0x0F35, 0x0F35,
        0x0F37, 0x0F37, 0x0F39, 0x0F39, 0x0F3E, 0x0F3F, 0x0F43, 0x0F43, 0x0F4D, 0x0F4D, 0x0F52, 0x0F52, 0x0F57, 0x0F57,
        0x0F5C, 0x0F5C, 0x0F69, 0x0F69, 0x0F71, 0x0F84, 0x0F86, 0x0F87, 0x0F8D, 0x0F97, 0x0F99, 0x0FBC, 0x0FC6, 0x0FC6,
        0x102B, 0x103E, 0x1056, 0x1059, 0x105E, 0x1060, 0x1062, 0x1064, 0x1067, 0x106D, 0x1071, 0x1074, 0x1082, 0x108D,
        0x108F, 0x108F, 0x109A, 0x109D, 0x1161, 0x1175, 0x11A8, 0x11C2, 0x135D, 0x135F, 0x1712, 0x1715, 0x1732, 0x1734,
        0x1752, 0x1753, 0x1772, 0x1773, 0x17B4, 0x17D3, 0x17DD, 0x17DD, 0x180B, 0x180D, 0x180F, 0x180F, 0x1885, 0x1886,
        0x18A9, 0x18A9, 0x1920, 0x192B, 0x1930, 0x193B, 0x1A17, 0x1A1B, 0x1A55, 0x1A5E, 0x1A60, 0x1A7C, 0x1A7F, 0x1A7F,
        0x1AB0, 0x1ADD, 0x1AE0, 0x1AEB, 0x1B00, 0x1B04, 0x1B34, 0x1B44, 0x1B6B, 0x1B73, 0x1B80, 0x1B82, 0x1BA1, 0x1BAD,
        0x1BE6, 0x1BF3, 0x1C24, 0x1C37, 0x1CD0, 0x1CD2, 0x1CD4, 0x1CE8, 0x1CED, 0x1CED, 0x1CF4, 0x1CF4, 0x1CF7, 0x1CF9,
        0x1DC0, 0x1DFF, 0x1F71, 0x1F71, 0x1F73, 0x1F73, 0x1F75, 0x1F75, 0x1F77, 0x1F77, 0x1F79, 0x1F79, 0x1F7B, 0x1F7B,
        0x1F7D, 0x1F7D, 0x1FBB, 0x1FBB, 0x1FBE, 0x1FBE, 0x1FC9, 0x1FC9, 0x1FCB, 0x1FCB, 0x1FD3, 0x1FD3, 0x1FDB, 0x1FDB,
        0x1FE3, 0x1FE3, 0x1FEB, 0x1FEB, 0x1FEE, 0x1FEF, 0x1FF9, 0x1FF9, 0x1FFB, 0x1FFB, 0x1FFD, 0x1FFD, 0x2000, 0x2001,
        0x20D0, 0x20F0, 0x2126, 0x2126, 0x212A, 0x212B, 0x2329, 0x232A, 0x2ADC, 0x2ADC, 0x2CEF, 0x2CF1, 0x2D7F, 0x2D7F,
        0x2DE0, 0x2DFF, 0x302A, 0x302F, 0x3099, 0x309A, 0xA66F, 0xA672, 0xA674, 0xA67D, 0xA69E, 0xA69F, 0xA6F0, 0xA6F1,
        0xA802, 0xA802, 0xA806, 0xA806, 0xA80B, 0xA80B, 0xA823, 0xA827, 0xA82C, 0xA82C, 0xA880, 0xA881, 0xA8B4, 0xA8C5,
        0xA8E0, 0xA8F1, 0xA8FF, 0xA8FF, 0xA926, 0xA92D, 0xA947, 0xA953, 0xA980, 0xA983, 0xA9B3, 0xA9C0, 0xA9E5, 0xA9E5,
        0xAA29, 0xAA36, 0xAA43, 0xAA43, 0xAA4C, 0xAA4D, 0xAA7B, 0xAA7D, 0xAAB0, 0xAAB0, 0xAAB2, 0xAAB4, 0xAAB7, 0xAAB8,
        0xAABE, 0xAABF, 0xAAC1, 0xAAC1, 0xAAEB, 0xAAEF, 0xAAF5, 0xAAF6, 0xABE3, 0xABEA, 0xABEC, 0xABED, 0xF900, 0xFA0D,
        0xFA10, 0xFA10, 0xFA12, 0xFA12, 0xFA15, 0xFA1E, 0xFA20, 0xFA20, 0xFA22, 0xFA22, 0xFA25, 0xFA26, 0xFA2A, 0xFA6D,
        0xFA70, 0xFAD9, 0xFB1D, 0xFB1F, 0xFB2A, 0xFB36, 0xFB38, 0xFB3C, 0xFB3E, 0xFB3E, 0xFB40, 0xFB41, 0xFB43, 0xFB44,
        0xFB46, 0xFB4E, 0xFE00, 0xFE0F, 0xFE20, 0xFE2F
    ]

    /// Whether a BMP character is one NFC may change: what `flaggedRanges` lists, from the runtime's Unicode data.
    static func mayChange(bmp v: Int) -> Bool {
        guard v >= 0x300, let scalar = Unicode.Scalar(v) else { return false }
        return mayChange(scalar, checkingAlone: (0x340..<0x3000).contains(v) || (0xF900..<0xFB50).contains(v))
    }

    private static func mayChange(_ scalar: Unicode.Scalar, checkingAlone: Bool) -> Bool {
        let p = scalar.properties
        if p.canonicalCombiningClass != .notReordered { return true }
        if [.nonspacingMark, .spacingMark, .enclosingMark].contains(p.generalCategory) { return true }
        if (0x1161...0x1175).contains(scalar.value) || (0x11A8...0x11C2).contains(scalar.value) { return true }
        return checkingAlone && Array(String(scalar).precomposedStringWithCanonicalMapping.unicodeScalars) != [scalar]
    }

    /// Runs `body` with the table of flagged BMP characters at hand (a loop then pays no lazy-global check).
    static func table<R>(_ body: (UnsafeBufferPointer<Bool>) -> R) -> R { bmp.withUnsafeBufferPointer(body) }

    /// Whether the valid UTF-8 sequence of `width` bytes at `i` may change the text under NFC.
    @inline(__always)
    static func mayChange(scalarAt b: UnsafeBufferPointer<UInt8>, _ i: Int, width: Int, _ table: UnsafeBufferPointer<Bool>) -> Bool {
        switch width {
        case 2:
            let v = Int(b[i] & 0x1F) << 6 | Int(b[i + 1] & 0x3F)
            return v >= 0x300 && table[v]
        case 3:
            return table[Int(b[i] & 0x0F) << 12 | Int(b[i + 1] & 0x3F) << 6 | Int(b[i + 2] & 0x3F)]
        default:
            let v = UInt32(b[i] & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F)
            let scalar = Unicode.Scalar(v)!
            return mayChange(scalar, checkingAlone: (0x1D15E...0x1D1C0).contains(v) || (0x2F800...0x2FA1D).contains(v))
        }
    }

    /// Valid UTF-8 in NFC. Before a character the fast test passes, NFC never joins anything to what precedes
    /// (it is a starter that composes with nothing before it), so only the short pieces made of the character
    /// before a flagged one and the flagged run after it are normalised (by Foundation, which is slow on long
    /// text: 4 s per MB), each distinct piece once.
    static func nfc(_ utf8: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var done: [[UInt8]: [UInt8]] = [:]
        var copied = 0, pieceStart = 0, dirty = false
        table { table in utf8.withUnsafeBufferPointer { b in
            func close(at end: Int) {
                guard dirty else { return }
                out.append(contentsOf: b[copied..<pieceStart])
                let piece = Array(b[pieceStart..<end])
                let normal = done[piece] ?? {
                    let n = Array(String(decoding: piece, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
                    done[piece] = n
                    return n
                }()
                out.append(contentsOf: normal)
                copied = end
                dirty = false
            }
            var i = 0
            while i < b.count {
                let c = b[i]
                let width = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4
                if width > 1, mayChange(scalarAt: b, i, width: width, table) {
                    dirty = true
                } else {
                    close(at: i)
                    pieceStart = i
                }
                i += width
            }
            close(at: b.count)
            out.append(contentsOf: b[copied..<b.count])
        } }
        return out
    }

    /// `text` in NFC; returned as it is when nothing in it can change.
    static func nfc(_ text: String) -> String {
        let changes = text.unicodeScalars.contains { $0.value >= 0x300 && ($0.value < 0x10000 ? bmp[Int($0.value)] : mayChange($0, checkingAlone: true)) }
        return changes ? String(decoding: nfc(Array(text.utf8)), as: UTF8.self) : text
    }
}

/// The single-byte encodings of older Windows text: Western European (Word, older web and news systems) and Cyrillic
/// (Russian, Ukrainian, Bulgarian and Serbian text saved by Windows; tester19: a Russian letter read as "Ðîññèÿ").
enum WindowsEncoding: String {
    case windows1252 = "Windows-1252 (Latin-1)"
    case windows1251 = "Windows-1251 (Cyrillic)"

    /// Cyrillic when more than half the letters (two at least) are bytes 0xC0-0xFF, which are all letters in both: a Western language's
    /// accented letters are a few in a hundred, a Cyrillic text's Latin letters a name here and there.
    init(guessing bytes: [UInt8]) {
        var ascii = 0, high = 0
        for c in bytes {
            if c >= 0xC0 { high += 1 } else if (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A { ascii += 1 }
        }
        self = high >= 2 && high > ascii ? .windows1251 : .windows1252
    }

    /// The bytes as UTF-8. The bytes either leaves undefined stay the control characters of the same number, as browsers
    /// read them.
    func decode(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 2)
        for c in bytes {
            let scalar = scalar(c)
            if scalar < 0x80 {
                out.append(UInt8(scalar))
            } else if scalar < 0x800 {
                out.append(UInt8(0xC0 | (scalar >> 6)))
                out.append(UInt8(0x80 | (scalar & 0x3F)))
            } else {
                out.append(UInt8(0xE0 | (scalar >> 12)))
                out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (scalar & 0x3F)))
            }
        }
        return out
    }

    @inline(__always)
    private func scalar(_ c: UInt8) -> UInt32 {
        switch self {
        case .windows1252: c >= 0x80 && c < 0xA0 ? UInt32(Self.westernHigh[Int(c) - 0x80]) : UInt32(c)
        case .windows1251: c < 0x80 ? UInt32(c) : c >= 0xC0 ? 0x0410 + UInt32(c - 0xC0) : UInt32(Self.cyrillicHigh[Int(c) - 0x80])
        }
    }

    /// The characters of bytes 0x80-0x9F in Windows-1252 (WHATWG Encoding, index-windows-1252); Latin-1 from 0xA0.
    private static let westernHigh: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The characters of bytes 0x80-0xBF in Windows-1251 (WHATWG Encoding, index-windows-1251); from 0xC0 А to я.
    private static let cyrillicHigh: [UInt16] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, 0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x0098, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7, 0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7, 0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
    ]
}
