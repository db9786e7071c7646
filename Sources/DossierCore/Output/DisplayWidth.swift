/// How many terminal columns text takes: Chinese, Japanese and Korean characters and emoji take two, combining marks
/// and invisible format characters none. Tables, wrapped sentences and carets line up by it, not by characters.
extension StringProtocol {
    public var displayWidth: Int {
        if utf8.allSatisfy({ $0 < 0x80 }) { return utf8.count }
        return reduce(0) { $0 + DisplayWidth.of($1) }
    }

    /// The longest start of the text that takes at most `columns` terminal columns.
    func prefix(columns: Int) -> SubSequence {
        if utf8.allSatisfy({ $0 < 0x80 }) { return self[startIndex..<utf8.index(startIndex, offsetBy: Swift.min(Swift.max(0, columns), utf8.count))] }
        var used = 0
        var end = startIndex
        for index in indices {
            let next = used + DisplayWidth.of(self[index])
            if next > columns { break }
            used = next
            end = self.index(after: index)
        }
        return self[startIndex..<end]
    }

    /// The longest end of the text that takes at most `columns` terminal columns.
    func suffix(columns: Int) -> SubSequence {
        if utf8.allSatisfy({ $0 < 0x80 }) { return self[utf8.index(endIndex, offsetBy: -Swift.min(Swift.max(0, columns), utf8.count))..<endIndex] }
        var used = 0
        var start = endIndex
        while start > startIndex {
            let before = index(before: start)
            let next = used + DisplayWidth.of(self[before])
            if next > columns { break }
            used = next
            start = before
        }
        return self[start..<endIndex]
    }
}

/// The width of one character on a terminal, after East Asian Width (wide and fullwidth: 2) and emoji presentation.
enum DisplayWidth {
    static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if first.value < 0x80 { return 1 }
        if character.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation || $0.value == 0xFE0F }) { return 2 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        return isWide(first.value) ? 2 : 1
    }

    /// East Asian Wide and Fullwidth ranges (Unicode's EastAsianWidth.txt, W and F, grouped by block).
    static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
             0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x18D08, 0x1AFF0...0x1B2FB,
             0x1F200...0x1F2FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            true
        default:
            false
        }
    }
}
