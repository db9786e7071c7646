import Foundation

/// Makes any file's bytes valid UTF-8 in one form: UTF-16 and UTF-32 with a byte-order mark are transcoded;
/// invalid sequences are read as Latin-1 when the whole file looks like Latin-1, otherwise replaced with U+FFFD
/// (either way with a warning naming the first bad line and column); a lone CR (old Mac text) is a line break;
/// and the text is put in Unicode NFC, so "Touade\u{301}ra" (e and a combining accent) is "Touadéra".
enum TextDecoding {
    static func decode(_ bytes: [UInt8], path: String) -> (bytes: [UInt8], diagnostics: [Diagnostic]) {
        if let wide = WideEncoding(bom: bytes) {
            let (utf8, bad) = wide.transcode(bytes)
            var (result, diagnostics) = decodeUTF8(utf8, path: path)
            if let bad {
                diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: path, line: 1, column: 1),
                                              "invalid \(wide.rawValue) (at byte \(bad)) replaced with U+FFFD"))
            }
            return (result, diagnostics)
        }
        return decodeUTF8(bytes, path: path)
    }

    private static func decodeUTF8(_ bytes: [UInt8], path: String) -> (bytes: [UInt8], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var loneCR = false
        var mayChangeUnderNFC = false
        var nulCount = 0
        var firstInvalid: Int?
        var validMultibyte = 0
        var i = 0
        let n = bytes.count
        var output: [UInt8]? = nil
        bytes.withUnsafeBufferPointer { b in
            while i < n {
                // Eight ASCII bytes with no NUL at a time, while nothing has had to be replaced.
                if output == nil, i + 8 <= n {
                    let word = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
                    let hasHigh = word & 0x8080_8080_8080_8080 != 0
                    let hasZero = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0
                    let cr = word ^ 0x0D0D_0D0D_0D0D_0D0D
                    let hasCR = (cr &- 0x0101_0101_0101_0101) & ~cr & 0x8080_8080_8080_8080 != 0
                    if !hasHigh && !hasZero && !hasCR {
                        i += 8
                        continue
                    }
                }
                let c = b[i]
                if c < 0x80 {
                    if c == 0 { nulCount += 1 }
                    if c == 0x0D, i + 1 == n || b[i + 1] != 0x0A { loneCR = true }
                    output?.append(c)
                    i += 1
                    continue
                }
                let width = sequenceLength(b, i)
                if width > 0 {
                    validMultibyte += 1
                    if !mayChangeUnderNFC, width >= 2, Normalization.mayChange(scalarAt: b, i, width: width) { mayChangeUnderNFC = true }
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
        }
        var result = output ?? bytes
        if let bad = firstInvalid {
            let (line, column) = position(of: bad, in: bytes)
            if validMultibyte == 0 {
                result = latin1(bytes)
                diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: path, line: line, column: column),
                                              "not valid UTF-8; read as Latin-1"))
            } else {
                diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: path, line: line, column: column),
                                              "invalid UTF-8 replaced with U+FFFD"))
            }
        }
        if loneCR {
            for k in result.indices where result[k] == 0x0D && (k + 1 == result.count || result[k + 1] != 0x0A) { result[k] = 0x0A }
        }
        if mayChangeUnderNFC { result = Normalization.nfc(result) }
        if nulCount > 0 {
            let (line, column) = position(of: bytes.firstIndex(of: 0)!, in: bytes)
            diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: path, line: line, column: column),
                                          "\(nulCount) NUL byte\(nulCount == 1 ? "" : "s") read as spaces (is this a binary file?)"))
        }
        return (result, diagnostics)
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

    static func latin1(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for c in bytes {
            if c < 0x80 { out.append(c) } else {
                out.append(0xC0 | (c >> 6))
                out.append(0x80 | (c & 0x3F))
            }
        }
        return out
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

    /// UTF-8 of the text after the mark, and the offset of the first invalid unit (replaced with U+FFFD), if any.
    func transcode(_ bytes: [UInt8]) -> ([UInt8], Int?) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var firstBad: Int?
        func emit(_ scalar: Unicode.Scalar?, at offset: Int) {
            if scalar == nil, firstBad == nil { firstBad = offset }
            out.append(contentsOf: UTF8.encode(scalar ?? "\u{FFFD}")!)
        }
        switch self {
        case .utf32LE, .utf32BE:
            var i = 4
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
            var i = 2
            while i + 2 <= bytes.count {
                units.append(self == .utf16LE ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i + 1]) | UInt16(bytes[i]) << 8)
                i += 2
            }
            var offset = 2
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
    /// Which Basic Multilingual Plane characters may change the text under NFC (built once).
    private static let bmp: [Bool] = (0..<0x10000).map { v in
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

    /// Whether the valid UTF-8 sequence of `width` bytes at `i` may change the text under NFC.
    @inline(__always)
    static func mayChange(scalarAt b: UnsafeBufferPointer<UInt8>, _ i: Int, width: Int) -> Bool {
        switch width {
        case 2:
            let v = Int(b[i] & 0x1F) << 6 | Int(b[i + 1] & 0x3F)
            return v >= 0x300 && bmp[v]
        case 3:
            return bmp[Int(b[i] & 0x0F) << 12 | Int(b[i + 1] & 0x3F) << 6 | Int(b[i + 2] & 0x3F)]
        default:
            let v = UInt32(b[i] & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F)
            let scalar = Unicode.Scalar(v)!
            return mayChange(scalar, checkingAlone: (0x1D15E...0x1D1C0).contains(v) || (0x2F800...0x2FA1D).contains(v))
        }
    }

    static func nfc(_ utf8: [UInt8]) -> [UInt8] {
        Array(String(decoding: utf8, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
    }

    /// `text` in NFC; returned as it is when nothing in it can change.
    static func nfc(_ text: String) -> String {
        let changes = text.unicodeScalars.contains { $0.value >= 0x300 && ($0.value < 0x10000 ? bmp[Int($0.value)] : mayChange($0, checkingAlone: true)) }
        return changes ? text.precomposedStringWithCanonicalMapping : text
    }
}
