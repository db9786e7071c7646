import Glibc

/// Subtitles and timed transcripts read as the words spoken (tester19 #8). In SubRip (`.srt`) and WebVTT (`.vtt`) cues,
/// and in a `.txt` or a record's text holding such cues, the cue numbers and identifiers, timing lines, the WebVTT
/// header and its NOTE, STYLE and REGION blocks, and markup (`<i>`, `<c.yellow>`, `<v Anna>`, `<00:01.500>`, `{\an8}`)
/// are no text; the cues of a run are joined into one paragraph, so a sentence spoken across cues is one sentence;
/// a line a rolling caption repeats from the cue before (YouTube's automatic captions) is said once. In any text,
/// a time stamp in brackets ("to greet [0:05] some guests", Whisper's and podcast transcripts') is no word and
/// does not break a phrase.
enum Subtitles {
    static let extensions: Set<String> = ["srt", "vtt"]

    /// The text without cue furniture and time stamps; nil when it holds neither (then nothing is copied).
    static func spoken(_ text: [UInt8]) -> [UInt8]? {
        let timed = hasArrow(text)
        let stamped = text.withUnsafeBytes { $0.baseAddress.map { memchr($0, 0x5B, text.count) != nil } ?? false }
        guard timed || stamped else { return nil }
        let cues = timed ? joinedCues(text) : nil
        let stamps = stamped ? withoutStamps(cues ?? text) : nil
        return stamps ?? cues
    }

    // MARK: Cues

    /// Whether the text holds a timing line's arrow, `-->`, found by memchr.
    static func hasArrow(_ text: [UInt8]) -> Bool {
        text.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return false }
            var start = 0
            while start + 3 <= bytes.count, let found = memchr(base + start, 0x3E, bytes.count - start) {
                let at = base.distance(to: UnsafeRawPointer(found))
                if at >= 2, bytes[at - 1] == 0x2D, bytes[at - 2] == 0x2D { return true }
                start = at + 1
            }
            return false
        }
    }

    /// The text with each run of cues made one paragraph; nil when it has no timing line.
    static func joinedCues(_ text: [UInt8]) -> [UInt8]? {
        var lines = text.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            line.last == 0x0D ? line.dropLast() : line
        }
        if let first = lines.first, first.starts(with: [0xEF, 0xBB, 0xBF]) { lines[0] = first.dropFirst(3) }
        guard lines.contains(where: isTiming) else { return nil }
        let webVTT = lines.first.map { $0.starts(with: Array("WEBVTT".utf8)) && ($0.count == 6 || [0x20, 0x09].contains($0[$0.startIndex + 6])) } ?? false
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var run: [UInt8] = []
        var previousCue: [[UInt8]] = []
        func endRun() {
            guard !run.isEmpty else { return }
            out += run
            out += [0x0A, 0x0A]
            run.removeAll(keepingCapacity: true)
        }
        var k = 0
        while k < lines.count {
            guard !isBlank(lines[k]) else {
                k += 1
                continue
            }
            var end = k
            while end < lines.count, !isBlank(lines[end]) { end += 1 }
            let block = lines[k..<end]
            defer { k = end }
            guard let timing = block.firstIndex(where: isTiming) else {
                // A block of no cue: WebVTT's header and comment, style and region blocks are dropped; anything else is
                // text of its own (a transcript's heading, a story around the cues).
                let first = block[block.startIndex]
                if webVTT, block.startIndex == lines.startIndex || ["NOTE", "STYLE", "REGION"].contains(where: { startsWord(first, $0) }) { continue }
                endRun()
                for line in block {
                    out += line
                    out.append(0x0A)
                }
                out.append(0x0A)
                continue
            }
            // Lines before the timing: the cue's number or identifier (the line just before it), and text of the cue
            // before when a file left out the blank line between cues.
            var cue: [ArraySlice<UInt8>] = []
            var i = block.startIndex
            while i < block.endIndex {
                let line = block[i]
                defer { i += 1 }
                if isTiming(line) { continue }
                if i + 1 < block.endIndex, isTiming(block[i + 1]), isCueNumber(line) || (webVTT && i == timing - 1) { continue }
                cue.append(line)
            }
            for line in cue.map(plain) where !line.isEmpty && !previousCue.contains(line) {
                if !run.isEmpty { run.append(0x20) }
                run += line
            }
            previousCue = cue.map(plain)
        }
        endRun()
        return out
    }

    /// An empty line, which ends a cue; a line of spaces does not (YouTube puts one between a timing and its text).
    static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        line.isEmpty
    }

    private static func startsWord(_ line: ArraySlice<UInt8>, _ word: String) -> Bool {
        let bytes = Array(word.utf8)
        return line.starts(with: bytes) && (line.count == bytes.count || [0x20, 0x09].contains(line[line.startIndex + bytes.count]))
    }

    /// A cue number: digits alone.
    static func isCueNumber(_ line: ArraySlice<UInt8>) -> Bool {
        let trimmed = line.drop { $0 == 0x20 }.reversed().drop { $0 == 0x20 }
        return !trimmed.isEmpty && trimmed.count <= 9 && trimmed.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// A cue's timing line: `00:07:02,871 --> 00:07:08,470` (SubRip), `00:07:02.871 --> 00:07:08.470` or
    /// `07:02.871 --> 07:08.470 align:start` (WebVTT, settings after it).
    static func isTiming(_ line: ArraySlice<UInt8>) -> Bool {
        var i = line.startIndex
        func spaces() { while i < line.endIndex, line[i] == 0x20 || line[i] == 0x09 { i += 1 } }
        func time() -> Bool {
            var groups = 0
            while true {
                let start = i
                while i < line.endIndex, line[i] >= 0x30, line[i] <= 0x39 { i += 1 }
                guard i > start else { return false }
                groups += 1
                guard i < line.endIndex, line[i] == UInt8(ascii: ":") else { break }
                i += 1
            }
            guard groups >= 2, groups <= 3, i < line.endIndex, line[i] == UInt8(ascii: ",") || line[i] == UInt8(ascii: ".") else { return false }
            i += 1
            let start = i
            while i < line.endIndex, line[i] >= 0x30, line[i] <= 0x39 { i += 1 }
            return i > start
        }
        spaces()
        guard time() else { return false }
        spaces()
        guard line[i...].starts(with: Array("-->".utf8)) else { return false }
        i += 3
        spaces()
        guard time() else { return false }
        return i == line.endIndex || line[i] == 0x20 || line[i] == 0x09
    }

    /// A cue's line as the words shown: tags (`<i>`, `</i>`, `<font color="red">`, `<c.yellow>`, `<v Anna>`, a karaoke
    /// time `<00:00:01.500>`) and SubStation overrides (`{\an8}`) dropped, WebVTT's escapes read, a speaker dash or
    /// caption chevrons (`- `, `>> `) at its start dropped, white space collapsed.
    static func plain(_ line: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(line.count)
        var i = line.startIndex
        let escapes: [(String, String)] = [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&nbsp;", " "), ("&lrm;", ""), ("&rlm;", ""), ("&quot;", "\"")]
        while i < line.endIndex {
            let b = line[i]
            if b == UInt8(ascii: "<"), i + 1 < line.endIndex, let close = line[i...].firstIndex(of: UInt8(ascii: ">")) {
                let next = line[i + 1]
                let name = next == UInt8(ascii: "/") && i + 2 < line.endIndex ? line[i + 2] : next
                if (name | 0x20) >= 0x61 && (name | 0x20) <= 0x7A || name >= 0x30 && name <= 0x39 {
                    i = close + 1
                    continue
                }
            }
            if b == UInt8(ascii: "{"), i + 1 < line.endIndex, line[i + 1] == 0x5C, let close = line[i...].firstIndex(of: UInt8(ascii: "}")) {
                i = close + 1
                continue
            }
            if b == UInt8(ascii: "&"), let (escape, shown) = escapes.first(where: { line[i...].starts(with: Array($0.0.utf8)) }) {
                out += Array(shown.utf8)
                i += escape.utf8.count
                continue
            }
            out.append(b == 0x09 ? 0x20 : b)
            i += 1
        }
        var words = out.split(separator: 0x20)
        if let first = words.first, [Array("-".utf8), Array("–".utf8), Array("—".utf8), Array(">>".utf8)].contains(Array(first)) {
            words.removeFirst()
        }
        return Array(words.joined(separator: [0x20]))
    }

    // MARK: Stamps

    /// The text without bracketed time stamps (`[0:05]`, `[00:01:02]`, `[1:02:03.5]`) and one space beside each; nil
    /// when it has none. A stamp followed by `(` or `:` is a link's words or a reference ("[12]:45"), kept.
    static func withoutStamps(_ text: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        var from = 0
        var i = 0
        while let open = nextBracket(text, from: i) {
            i = open
            guard let length = stampLength(text, at: i) else {
                i += 1
                continue
            }
            var end = i + length
            if end < text.count, text[end] == UInt8(ascii: "(") || text[end] == UInt8(ascii: ":") || text[end] == UInt8(ascii: "[") {
                i = end
                continue
            }
            if out.isEmpty { out.reserveCapacity(text.count) }
            var start = i
            if end < text.count, text[end] == 0x20 {
                end += 1
            } else if start > from, text[start - 1] == 0x20 {
                start -= 1
            }
            out += text[from..<start]
            from = end
            i = end
        }
        guard from > 0 else { return nil }
        out += text[from...]
        return out
    }

    /// Where the next "[" is at or after `from`, found by memchr (most texts hold few).
    private static func nextBracket(_ text: [UInt8], from: Int) -> Int? {
        guard from < text.count else { return nil }
        return text.withUnsafeBytes { bytes in
            memchr(bytes.baseAddress! + from, 0x5B, bytes.count - from).map { bytes.baseAddress!.distance(to: UnsafeRawPointer($0)) }
        }
    }

    /// The length of a stamp `[H:MM]`, `[MM:SS]`, `[H:MM:SS]` (a fraction of a second after `.` or `,`) at `i`, or nil.
    static func stampLength(_ text: [UInt8], at i: Int) -> Int? {
        var k = i + 1
        var groups: [Int] = []
        while true {
            let start = k
            while k < text.count, k - start < 3, text[k] >= 0x30, text[k] <= 0x39 { k += 1 }
            guard k > start else { return nil }
            groups.append(k - start)
            guard k < text.count, text[k] == UInt8(ascii: ":") else { break }
            k += 1
        }
        guard groups.count >= 2, groups.count <= 3, groups.dropFirst().allSatisfy({ $0 == 2 }), groups[0] <= 2 else { return nil }
        if k < text.count, text[k] == UInt8(ascii: ".") || text[k] == UInt8(ascii: ",") {
            k += 1
            let start = k
            while k < text.count, text[k] >= 0x30, text[k] <= 0x39 { k += 1 }
            guard k > start else { return nil }
        }
        guard k < text.count, text[k] == UInt8(ascii: "]") else { return nil }
        return k + 1 - i
    }
}
