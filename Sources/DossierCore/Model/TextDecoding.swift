/// Makes any file's bytes valid UTF-8: invalid sequences are read as Latin-1 when the whole file looks like
/// Latin-1, otherwise replaced with U+FFFD; either way with a warning naming the first bad line and column.
enum TextDecoding {
    static func decode(_ bytes: [UInt8], path: String) -> (bytes: [UInt8], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
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
