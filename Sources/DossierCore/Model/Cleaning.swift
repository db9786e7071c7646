import Glibc

/// A document's text once web furniture is gone and white space is normalised: paragraphs as byte ranges.
struct CleanText {
    var bytes: [UInt8] = []
    var paragraphs: [Range<Int>] = []
    /// The 1-based line of the source file each paragraph starts on.
    var paragraphLines: [Int] = []
    /// Paragraphs that look like headings (short, no final punctuation).
    var headings: [Bool] = []
    /// Runs of short lines left out as a menu or a list of tags: the line each starts on and how many lines it held.
    var leftOut: [(line: Int, count: Int)] = []
}

/// Turns raw file text into clean paragraphs: normalises white space, drops furniture lines, photo credits,
/// link lists and page footers, and decides whether lines are paragraphs or hard-wrapped.
enum Cleaning {
    /// Why short lines were left out, as the note that says so ends.
    static let leftOutReason = "(four or more in a row without final punctuation, a number or a comma, mostly common words); "
        + "a line ending with a full stop is kept"

    /// `blockStarts`: for a text whose lines between blank lines are one paragraph (Markdown's), the lines that start a
    /// paragraph all the same (a heading, a list item); nil for plain text, whose lines may each be a paragraph.
    /// `words`: the common English words, which tell a word split at a line's end ("gov-/ernment") from a compound
    /// ("well-/known").
    static func clean(_ text: [UInt8], furniture: Furniture, words: WordList = WordList(), blockStarts: Set<Int>? = nil) -> CleanText {
        let lines = normalisedLines(text)
        var kept: [(line: Int, bytes: ArraySlice<UInt8>)] = []
        var folded: [UInt8] = []
        var contentLines = 0
        var runOfShort: [Int] = []
        var leftOut: [(line: Int, count: Int)] = []
        var normalised: [UInt8] = []
        // How many ">" an e-mail's quoted line had, the line before: its quote marks are no text, and a change of level
        // parts paragraphs (tester18 #22: quoted sentences were cut at every line and ">" was a sentence).
        var quoteLevel = 0
        for (number, range) in lines {
            var line = withoutGluedStamp(trim(text[range]))
            if blockStarts == nil, quoteLevel == 0, line.first == 0x3E, isSpeakerTurn(line) {
                // ">>Angela Crawley: The Prime Minister's plans ...": a transcript's turn, not an e-mail's quote.
                line = line.drop { $0 == 0x3E }
            } else if blockStarts == nil, line.first == 0x3E || quoteLevel > 0, !line.isEmpty {
                let marks = line.prefix { $0 == 0x3E || $0 == 0x20 }
                let level = marks.filter { $0 == 0x3E }.count
                line = line.dropFirst(marks.count)
                if level != quoteLevel, kept.last.map({ !$0.bytes.isEmpty }) == true { kept.append((number, line[line.startIndex..<line.startIndex])) }
                quoteLevel = level
            }
            // The separator before an e-mail's signature ("-- ") is no text.
            if line.elementsEqual([0x2D, 0x2D]) { line = line[line.startIndex..<line.startIndex] }
            if let credit = furniture.creditRange(in: line) {
                normalised = removing([credit], from: line)
                line = trim(normalised[...])
            }
            if !line.isEmpty, line.withUnsafeBufferPointer({ memchr($0.baseAddress!, 0x5B, $0.count) != nil }) {
                let marks = referenceMarks(in: line)
                if !marks.isEmpty {
                    normalised = removing(marks, from: line)
                    line = trim(normalised[...])
                }
            }
            if line.isEmpty {
                runOfShort.removeAll()
                kept.append((number, line))
                continue
            }
            if line.count <= Furniture.longestLine {
                folded.removeAll(keepingCapacity: true)
                line.withUnsafeBufferPointer { Folding.fold($0, into: &folded) }
                if contentLines >= 3, furniture.startsFooter(folded: folded[...]) { break }
                if furniture.isFurniture(folded: folded[...]) { continue }
            }
            if let duplicate = kept.last(where: { !$0.bytes.isEmpty }), duplicate.bytes.elementsEqual(line), line.count > 40 { continue }
            // A line going on with a lower-case word is wrapped text (a narrow column), and so is the line it goes on.
            let goesOn = startsLowerCase(line)
            if goesOn, runOfShort.last == kept.count - 1 { runOfShort.removeLast() }
            if !goesOn, isLinkLike(line) {
                runOfShort.append(kept.count)
            } else {
                leaveOutMenu()
                contentLines += 1
            }
            kept.append((number, line))
        }
        leaveOutMenu()
        func leaveOutMenu() {
            if runOfShort.count >= 4, !namesMostly(runOfShort.map { kept[$0].bytes }, words: words) {
                leftOut.append((kept[runOfShort[0]].line, runOfShort.count))
                for index in runOfShort.reversed() { kept.remove(at: index) }
            }
            runOfShort.removeAll()
        }
        var clean = assemble(kept, wrapped: blockStarts != nil || looksHardWrapped(kept.lazy.map { $0.bytes.count }), blockStarts: blockStarts ?? [],
                             words: words)
        clean.leftOut = leftOut
        return clean
    }

    /// A line without the time stamp glued to its first word, as video sites' "Transcript" panels copy ("00:30Dame
    /// Caroline ...", "01:02This weekend ..."; tester20 #10: "30Dame Caroline" was a person): one or two digits, a colon,
    /// two digits (and again), then a capitalised word.
    static func withoutGluedStamp(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard let first = line.first, Tokenizer.isDigit(first) else { return line }
        var i = line.startIndex
        for _ in 0..<3 {
            let digits = line[i...].prefix { Tokenizer.isDigit($0) }.count
            guard digits >= 1, digits <= 2, i + digits < line.endIndex else { return line }
            i += digits
            if line[i] != 0x3A { break }
            i += 1
        }
        // A word after it, not "1:30PM".
        guard i > line.startIndex + 3, i + 1 < line.endIndex, line[i] >= 0x41 && line[i] <= 0x5A, line[i + 1] >= 0x61 && line[i + 1] <= 0x7A,
              line[i - 1] != 0x3A, line[i - 3] == 0x3A, line[line.startIndex..<i].contains(0x3A) else { return line }
        return line[i...]
    }

    /// Whether a line opening with ">>" marks a speaker's turn, as broadcast and parliamentary transcripts write it
    /// (">>Angela Crawley: ..."): two marks or more glued to a capitalised name, and a colon and a space within 60 bytes
    /// with no sentence's end before it (tester20 #10: each turn was a quote, its wrapped lines cut off). An e-mail's
    /// quote puts a space after its marks (">> Tom: I agree").
    static func isSpeakerTurn(_ line: ArraySlice<UInt8>) -> Bool {
        let rest = line.drop { $0 == 0x3E }
        guard line.count - rest.count >= 2 else { return false }
        guard let first = rest.first, first >= 0x41 && first <= 0x5A, let colon = rest.prefix(60).firstIndex(of: 0x3A) else { return false }
        return !rest[..<colon].contains { $0 == 0x3F || $0 == 0x21 } && !rest[..<colon].contains(0x3E)
            && rest.index(after: colon) < rest.endIndex && rest[rest.index(after: colon)] == 0x20
    }

    /// Lines with tabs, non-breaking and other Unicode spaces made single spaces, zero-width marks removed, trimmed.
    static func normalisedLines(_ text: [UInt8]) -> [(Int, Range<Int>)] {
        var result: [(Int, Range<Int>)] = []
        var start = 0
        var number = 1
        // Line ends found by memchr, which reads many bytes at a time, instead of a test of every byte.
        text.withUnsafeBytes { bytes in
            while let base = bytes.baseAddress, start < bytes.count,
                  let found = memchr(base + start, 0x0A, bytes.count - start) {
                let end = base.distance(to: UnsafeRawPointer(found))
                result.append((number, start..<end))
                number += 1
                start = end + 1
            }
        }
        result.append((number, start..<text.count))
        return result
    }

    /// Drops spaces, tabs, carriage returns and non-breaking spaces at both ends.
    static func trim(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var s = line.startIndex, e = line.endIndex
        while s < e {
            if line[s] == 0x20 || line[s] == 0x09 || line[s] == 0x0D { s += 1 } else if line[s] == 0xC2, s + 1 < e, line[s + 1] == 0xA0 { s += 2 } else { break }
        }
        while e > s {
            if line[e - 1] == 0x20 || line[e - 1] == 0x09 || line[e - 1] == 0x0D { e -= 1 } else if e - 2 >= s, line[e - 2] == 0xC2, line[e - 1] == 0xA0 { e -= 2 } else { break }
        }
        return line[s..<e]
    }

    /// A line without the byte ranges `cut` (ascending, not overlapping): a photo credit, reference marks.
    static func removing(_ cut: [Range<Int>], from line: ArraySlice<UInt8>) -> [UInt8] {
        var rest: [UInt8] = []
        rest.reserveCapacity(line.count)
        var from = line.startIndex
        for range in cut {
            rest.append(contentsOf: line[from..<range.lowerBound])
            from = range.upperBound
        }
        rest.append(contentsOf: line[from...])
        return rest
    }

    /// Reference marks glued to the text, as encyclopedias and papers print them: "[12]", "[13][14]", "[^1]", "[a]",
    /// "[note 3]", "[citation needed]". They are no text, and after a sentence's stop they hid its end (tester17 #12:
    /// "died in 1978.[12] Moi became ..." was one sentence with the next).
    static func referenceMarks(in line: ArraySlice<UInt8>) -> [Range<Int>] {
        var marks: [Range<Int>] = []
        var i = line.startIndex
        while let open = line[i...].firstIndex(of: 0x5B) {
            i = open + 1
            guard open > line.startIndex, line[open - 1] != 0x20,
                  let close = line[(open + 1)...].prefix(32).firstIndex(of: 0x5D) else { continue }
            let inside = line[(open + 1)..<close]
            let isDigit = Tokenizer.isDigit
            let isLower = { (b: UInt8) in b >= 0x61 && b <= 0x7A }
            let words = inside.split(separator: 0x20)
            let isMark = (1...3).contains(inside.count) && inside.allSatisfy(isDigit)
                || inside.first == 0x5E && inside.count >= 2 && inside.dropFirst().allSatisfy { isDigit($0) || isLower($0) }
                || inside.count == 1 && isLower(inside.first!)
                || words.count == 2 && ["note", "nb", "n"].contains(String(decoding: words[0], as: UTF8.self).lowercased())
                    && words[1].allSatisfy(isDigit)
                || inside.allSatisfy { isLower($0) || $0 == 0x20 } && words.last.map { $0.elementsEqual("needed".utf8) } == true
            if isMark {
                // Wikipedia's page of a source after its mark: "[12]:45".
                var end = close + 1
                if end + 1 < line.endIndex, line[end] == 0x3A, isDigit(line[end + 1]), inside.allSatisfy(isDigit) {
                    end += 1
                    while end < line.endIndex, isDigit(line[end]) || line[end] == 0x2D || line[end] == 0x2C && end + 1 < line.endIndex && isDigit(line[end + 1]) { end += 1 }
                }
                marks.append(open..<end)
                i = end
            }
        }
        return marks
    }

    /// Short lines with no final punctuation and few words: menu items, tags, teaser titles. A labelled field
    /// ("Present: Tom Hill", "Published: 2021-05-03") is no link, nor is a list's item, a line holding a number or a
    /// comma ("– Abuja, Nigeria", "Dublin 41,022", "Juan Cruz, mayor": tester19 #1, lists and tables of local news
    /// were dropped as menus).
    static func isLinkLike(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.count <= 60, let last = line.last, !startsField(line), !startsItem(line) else { return false }
        if last == 0x2E || last == 0x3F || last == 0x21 || last == 0x3A || last == 0x22 { return false }
        var spaces = 0
        for byte in line {
            if byte == 0x2C || (byte >= 0x30 && byte <= 0x39) { return false }
            if byte == 0x20 { spaces += 1 }
        }
        return spaces < 6
    }

    /// Whether most words of a run of short lines are no common words of the language: a list of names ("Zimbabwe Robert
    /// Mugabe", "Rwanda Paul Kagame": an infobox's commanders, a cabinet, a line-up; tester20 #2), where a menu's are
    /// ("Home", "Contact Us", "Privacy Policy"). Without the word list nothing is a list of names.
    static func namesMostly(_ lines: [ArraySlice<UInt8>], words: WordList) -> Bool {
        guard !words.ends.isEmpty else { return false }
        var uncommon = 0, all = 0
        var folded: [UInt8] = []
        for line in lines {
            for word in line.split(separator: 0x20) {
                let letters = word.drop { !(Tokenizer.isAsciiLetter($0) || $0 >= 0xC3) }.prefix { Tokenizer.isAsciiLetter($0) || $0 >= 0x80 || $0 == 0x2D }
                guard letters.count >= 2 else { continue }
                folded.removeAll(keepingCapacity: true)
                Array(letters).withUnsafeBufferPointer { Folding.fold($0, into: &folded) }
                all += 1
                if !words.contains(folded) { uncommon += 1 }
            }
        }
        return uncommon * 2 > all
    }

    /// Whether the document is wrapped at a fixed width (then a paragraph spans lines up to a blank line), from its
    /// lines' lengths. Counted in one pass: arrays made by key paths cost more than the rest of cleaning a line.
    static func looksHardWrapped<Lengths: Sequence<Int>>(_ lengths: Lengths) -> Bool {
        var lines = 0, long = 0, wrapped = 0
        for length in lengths where length > 0 {
            lines += 1
            if length > 100 { long += 1 }
            if length >= 40 && length <= 90 { wrapped += 1 }
        }
        guard lines >= 8 else { return false }
        return long * 20 < lines && wrapped * 2 > lines
    }

    static func assemble(_ lines: [(line: Int, bytes: ArraySlice<UInt8>)], wrapped: Bool, blockStarts: Set<Int> = [],
                         words: WordList = WordList()) -> CleanText {
        var out = CleanText()
        out.bytes.reserveCapacity(lines.reduce(0) { $0 + $1.bytes.count + 1 })
        var paragraphStart = -1
        func close() {
            guard paragraphStart >= 0 else { return }
            while out.bytes.last == 0x20 { out.bytes.removeLast() }
            // Lines of invisible characters alone (a byte-order mark, zero-width spaces) make no paragraph.
            guard out.bytes.count > paragraphStart else {
                out.paragraphLines.removeLast()
                paragraphStart = -1
                return
            }
            let range = paragraphStart..<out.bytes.count
            out.paragraphs.append(range)
            out.headings.append(isHeading(out.bytes[range]))
            out.bytes.append(0x0A)
            paragraphStart = -1
        }
        // The longest line of each run of lines between blank lines: the width its text was wrapped at, for `continues`;
        // 0 for a run that does not look wrapped (fewer than two lines reach three quarters of that width: an address,
        // a list, headings over a lede).
        // A run of two lines, one long and the last short, cannot show its width: it takes the document's, the widest of
        // its runs that do (tester17 #15: "... would not take" / "part." were two sentences).
        // In a hard-wrapped document, a run of lines none of which reaches three quarters of the document's width (a
        // letterhead, an address, a list) is read line by line as in any other text, not joined whole (tester17 #4: a
        // report's letterhead became one sentence with actors "Ref.No.AG" and "P. O. Box MB").
        // Each line's width in characters, measured once where a rule reads it: in a run of two lines or more, or in a
        // hard-wrapped document's runs.
        var width = [Int](repeating: 0, count: lines.count)
        var longest = [Int](repeating: 0, count: lines.count)
        var widestOfRun = [Int](repeating: 0, count: lines.count)
        var unsure: [Range<Int>] = []
        var documentWidth = 0
        var runStart = 0
        for k in 0...lines.count where k == lines.count || lines[k].bytes.isEmpty {
            defer { runStart = k + 1 }
            guard k - runStart >= 2 || (k > runStart && wrapped && blockStarts.isEmpty) else { continue }
            for j in runStart..<k { width[j] = characters(lines[j].bytes) }
            let widths = width[runStart..<k]
            let widest = widths.max() ?? 0
            for j in runStart..<k { widestOfRun[j] = widest }
            guard k - runStart >= 2 else { continue }
            if widths.lazy.filter({ $0 * 4 >= widest * 3 }).count >= 2 {
                for j in runStart..<k { longest[j] = widest }
                documentWidth = max(documentWidth, widest)
            } else {
                unsure.append(runStart..<k)
            }
        }
        for run in unsure where documentWidth > 0 {
            for j in run { longest[j] = documentWidth }
        }
        let lineByLine = { (k: Int) in !wrapped || (blockStarts.isEmpty && widestOfRun[k] * 4 < documentWidth * 3) }
        var previous: ArraySlice<UInt8>?
        for (k, (number, line)) in lines.enumerated() {
            if line.isEmpty {
                close()
                previous = nil
                continue
            }
            // A labelled field starts a line, unless the sentence goes on into it: "... a new goal for" / "America: Let's",
            // "... gathered outside" / "Parliament: the rains" (tester18 #19).
            let field = startsField(line) && !(previous.map { wordLabel(line) && (endsWithLinkWord($0) || endsMidSentence($0) && valueStartsLowerCase(line)) } ?? false)
            let goesOn = !lineByLine(k) ? !blockStarts.contains(number)
                : !startsItem(line) && !field && (previous.map { continues($0, width: width[k - 1], with: line, longest: longest[k]) } ?? false)
            if !goesOn { close() }
            previous = line
            if paragraphStart < 0 {
                paragraphStart = out.bytes.count
                out.paragraphLines.append(number)
            } else if let hyphen = lineEndHyphen(out.bytes[paragraphStart...], before: line) {
                // A capital after the hyphen keeps it: "Franco-" / "Prussian war", "non-" / "Aligned Movement".
                if startsLowerCase(line), splitsWord(out.bytes[paragraphStart..<hyphen], line, words: words) { out.bytes.removeLast() }
            } else if out.bytes.last != 0x20 {
                out.bytes.append(0x20)
            }
            appendNormalised(line, to: &out.bytes)
        }
        close()
        return out
    }

    /// In a text whose lines are paragraphs, whether `line` goes on the paragraph of the line before it, wrapped at a
    /// narrow or uneven width (a newspaper's column, a note wrapped at 40): the line before stopped at the width, not at
    /// its end, as the reflow test reads it (the first word of `line` would not have fitted in the room left on it, the
    /// run's `longest` line being the width), and the sentence goes on across the break (`line` starts with a lower-case
    /// word, or the line before ends with one). A line that would have held the next word (a heading, a
    /// name in a list, "City Hall" in an address), or that ends with a number or a capitalised word (a table's row, a
    /// heading), ends its paragraph.
    static func continues(_ before: ArraySlice<UInt8>, width beforeWidth: Int, with line: ArraySlice<UInt8>, longest: Int) -> Bool {
        guard let first = line.first else { return false }
        // Whatever the width, and however few the lines: a word broken at the line's end goes on ("Mon-" / "day."), and
        // so does a sentence whose last words are on the next line ("... would not take" / "part."; tester18 #4, #8).
        if lineEndHyphen(before, before: line) != nil { return true }
        // Nor does a long line ending with a lower-case word before one starting with one, whatever the widths: a
        // transcript wrapped raggedly ("... will reduce" / "my rights ..."; tester20 #10). A short one may be a list's
        // item ("withdrawal of French troops" / "new elections in Mali").
        if endsMidSentence(before), startsLowerCase(line), beforeWidth >= 60 || [0x2E, 0x3F, 0x21].contains(line.last!) { return true }
        guard longest >= 25 else { return false }
        let firstWord = characters(line.prefix { $0 != 0x20 })
        // A line ending with a word no sentence ends with goes on ("REPORT OF THE AUDITOR-GENERAL ON THE" / "PUBLIC
        // ACCOUNTS").
        let startsWord = (first >= 0x41 && first <= 0x5A) || (first >= 0x30 && first <= 0x39) || first >= 0xC3
        if startsWord || startsLowerCase(line), endsWithLinkWord(before) { return true }
        // Justified and proportional text (a PDF's) wraps a little short of its widest line: a lower-case start is
        // given a sixteenth of the width (tester17 #4: "... of the Republic of Ghana" / "and Section 23(1)").
        let slack = startsLowerCase(line) ? longest / 16 : 0
        guard beforeWidth + 1 + firstWord > longest - slack else { return false }
        return startsLowerCase(line) || (endsMidSentence(before) && startsWord)
    }

    /// Where a paragraph ends with a word broken at the line's end ("gov-"), when `line` goes on with the rest of it
    /// ("ernment", or "Prussian" after "Franco-"): the hyphen's index.
    static func lineEndHyphen(_ paragraph: ArraySlice<UInt8>, before line: ArraySlice<UInt8>) -> Int? {
        guard paragraph.count >= 2, paragraph.last == 0x2D, let first = line.first,
              Tokenizer.isAsciiLetter(first) || first >= 0xC3 else { return nil }
        let letter = paragraph[paragraph.endIndex - 2]
        guard Tokenizer.isAsciiLetter(letter) || letter >= 0x80 else { return nil }
        return paragraph.endIndex - 1
    }

    /// Words that open compounds written with a hyphen ("anti-government", "self-defense"): a hyphen after one at a
    /// line's end is kept.
    static let compoundOpeners: Set<[UInt8]> = Set(["anti", "non", "pre", "post", "pro", "semi", "multi", "co", "ex", "self",
                                                    "mid", "neo", "pan", "sub", "ultra", "inter", "counter", "quasi", "pseudo",
                                                    "vice", "cross", "well", "long", "short", "high", "low", "full", "half",
                                                    "all", "far", "near", "so", "re"].map { Array($0.utf8) })

    /// Whether a hyphen at a line's end split one word, as typesetting and OCR do ("Con-/gress", "gov-/ernment",
    /// "Touadé-/ra"), rather than joined a compound ("well-/known", "anti-/government"): the two parts make a common
    /// word, or not both of them are words of their own (tester16 #9: `count text "Congress"` found nothing in a
    /// hyphenated column).
    static func splitsWord(_ text: ArraySlice<UInt8>, _ line: ArraySlice<UInt8>, words: WordList) -> Bool {
        let isLetter = { (b: UInt8) in Tokenizer.isAsciiLetter(b) || b >= 0x80 }
        let left = text.reversed().prefix(while: isLetter).reversed()
        let right = line.prefix(while: isLetter)
        var folded: [UInt8] = [], joined: [UInt8] = [], rest: [UInt8] = []
        Array(left).withUnsafeBufferPointer { Folding.fold($0, into: &folded) }
        Array(right).withUnsafeBufferPointer { Folding.fold($0, into: &rest) }
        joined = folded + rest
        if words.contains(joined) { return true }
        return !((words.contains(folded) || compoundOpeners.contains(folded)) && words.contains(rest))
    }

    /// The characters of UTF-8 text, as a line's width is seen: curly quotes and accents are one each.
    /// Counted as the bytes less the continuation bytes, in a loop the compiler vectorises: a document of one paragraph
    /// a line has every line measured.
    static func characters(_ text: ArraySlice<UInt8>) -> Int {
        text.withUnsafeBufferPointer { bytes in
            var continuations = 0
            for byte in bytes { continuations &+= byte & 0xC0 == 0x80 ? 1 : 0 }
            return bytes.count &- continuations
        }
    }

    /// Words that link a sentence to what follows and end none: articles, prepositions, conjunctions.
    static let linkWords: Set<[UInt8]> = Set(["the", "of", "and", "a", "an", "to", "in", "on", "for", "with", "by", "at", "from",
                                              "or", "into", "upon", "that", "its", "their", "his", "her"].map { Array($0.utf8) })

    /// A line ending with a link word in any case ("... ON THE", "... of the"), a comma or semicolon aside.
    static func endsWithLinkWord(_ line: ArraySlice<UInt8>) -> Bool {
        guard let last = line.last, Tokenizer.isAsciiLetter(last) else { return false }
        let word = line[((line.lastIndex(of: 0x20) ?? line.startIndex - 1) + 1)...]
        guard word.count <= 5 else { return false }
        return linkWords.contains(word.map { $0 | 0x20 })
    }

    /// A line ending with a lower-case word: a sentence goes on past it (a capitalised word ends a heading, "Council of
    /// the European Union"; a comma before a capital may end a poem's line).
    static func endsMidSentence(_ line: ArraySlice<UInt8>) -> Bool {
        guard let last = line.last, last >= 0x61 && last <= 0x7A else { return false }
        let word = line[((line.lastIndex(of: 0x20) ?? line.startIndex - 1) + 1)...]
        return startsLowerCase(word)
    }

    /// A line starting as a list's item does ("• ", "— ", "- ", "* ", "1. ", "(2) "): an item of its own.
    static func startsItem(_ line: ArraySlice<UInt8>) -> Bool {
        guard let first = line.first else { return false }
        if line.starts(with: [0xE2, 0x80, 0xA2]) || line.starts(with: [0xE2, 0x80, 0x94]) || line.starts(with: [0xE2, 0x80, 0x93]) { return true }
        let second = line.dropFirst().first
        if (first == 0x2D || first == 0x2A) && (second == 0x20 || second == 0x2D) { return true }
        let digits = line.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
        let opened = first == 0x28 ? 1 : 0
        let numbered = line.dropFirst(opened).prefix { $0 >= 0x30 && $0 <= 0x39 }.count
        if digits > 0 && digits <= 3, let mark = line.dropFirst(digits).first, mark == 0x2E || mark == 0x29,
           line.dropFirst(digits + 1).first == 0x20 { return true }
        return opened == 1 && numbered > 0 && numbered <= 3 && line.dropFirst(1 + numbered).first == 0x29
    }

    /// A line starting with a capitalised label of one to three words and a colon, as minutes, e-mail headers,
    /// interviews and forms write a field ("Present: Tom Hill", "Date: 3 May 2021", "Q: Why?", "Vice President Smith:
    /// ..."): a paragraph of its own, never a link.
    static func startsField(_ line: ArraySlice<UInt8>) -> Bool {
        guard let first = line.first, first >= 0x41 && first <= 0x5A else { return false }
        var words = 1
        for (offset, byte) in line.prefix(40).enumerated() {
            if byte == 0x3A { return offset + 1 == line.count || line[line.startIndex + offset + 1] == 0x20 }
            if byte == 0x20 {
                words += 1
                if words > 3 { return false }
            } else if byte == 0x2E || byte == 0x2C || byte == 0x3B || byte == 0x3F || byte == 0x21 {
                return false
            }
        }
        return false
    }

    /// Whether a field's label is one word of three letters or more ("America:", "Parliament:"), which a sentence may
    /// run into, unlike a speaker's letter ("Q:", "A:").
    static func wordLabel(_ line: ArraySlice<UInt8>) -> Bool {
        guard let colon = line.firstIndex(of: 0x3A) else { return false }
        return colon - line.startIndex >= 3 && !line[..<colon].contains(0x20)
    }

    /// Whether what follows a field's colon starts in lower case ("Parliament: the rains").
    static func valueStartsLowerCase(_ line: ArraySlice<UInt8>) -> Bool {
        guard let colon = line.firstIndex(of: 0x3A) else { return false }
        return startsLowerCase(line[(colon + 1)...].drop { $0 == 0x20 })
    }

    static func startsLowerCase(_ line: ArraySlice<UInt8>) -> Bool {
        guard let first = line.first else { return false }
        return first >= 0x61 && first <= 0x7A
    }

    /// Copies a line, turning tabs and Unicode spaces into single spaces and dropping zero-width characters.
    static func appendNormalised(_ line: ArraySlice<UInt8>, to out: inout [UInt8]) {
        var lastSpace = out.last == 0x20 || out.last == 0x0A || out.isEmpty
        line.withUnsafeBufferPointer { l in
            var i = 0
            let end = l.count
            while i < end {
                // A run of ordinary bytes (no control or special lead byte; single spaces between words) is copied
                // in one go: usually the whole line.
                var run = i
                if let base = l.baseAddress { run = asciiRun(base, from: i, end: end) }
                while run < end {
                    let c = l[run]
                    if c > 0x20 && c < 0x7F {
                        run += 1
                        continue
                    }
                    if c == 0x20, run > i, run + 1 < end, l[run + 1] > 0x20, l[run + 1] != 0x7F, l[run + 1] != 0xC2, l[run + 1] != 0xE2 {
                        run += 1
                        continue
                    }
                    if c <= 0x20 || c == 0x7F || c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xEF { break }
                    run += 1
                }
                if run > i {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: l[i..<run]))
                    lastSpace = false
                    i = run
                    continue
                }
                let (width, kind) = special(l, i)
                switch kind {
                case .space:
                    if !lastSpace { out.append(0x20) }
                    lastSpace = true
                case .invisible:
                    break
                case .ligature:
                    out.append(contentsOf: ligatures[Int(l[i + 2] - 0x80)])
                    lastSpace = false
                case .fullWidth:
                    // U+FF01...U+FF5E are ASCII's letters, digits and marks, U+FEE0 above them.
                    out.append(UInt8((UInt32(l[i + 1] & 0x3F) << 6 | UInt32(l[i + 2] & 0x3F)) + 0xF000 - 0xFEE0))
                    lastSpace = false
                case .text:
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: l[i..<(i + width)]))
                    lastSpace = false
                }
                i += width
            }
        }
    }

    /// Where the run of ordinary bytes starting at `i` stops being plain ASCII, read eight bytes at a time: past every
    /// eight bytes of printable ASCII and single spaces, each space followed by a printable byte and not the first of
    /// the run. The byte-by-byte loop of `appendNormalised` goes on from there and takes the same bytes.
    @inline(__always)
    static func asciiRun(_ base: UnsafePointer<UInt8>, from i: Int, end: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high = ones &* 0x80
        var run = i
        while run &+ 8 < end {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + run).loadUnaligned(as: UInt64.self))
            guard word & high == 0 else { break }
            // Per byte below 0x80, the high bit of (b + 0x80 - n) says b >= n; no byte carries into the next.
            let atLeastSpace = (word &+ ones &* 0x60) & high
            let printable = (word &+ ones &* 0x5F) & high & ~((word &+ ones) & high)
            let space = atLeastSpace & ~((word &+ ones &* 0x5F) & high)
            guard printable | space == high else { break }
            let next = base[run &+ 8]
            let printableNext = printable >> 8 | (next > 0x20 && next < 0x7F ? high << 56 : 0)
            guard space & ~printableNext == 0, run > i || space & 0x80 == 0 else { break }
            run &+= 8
        }
        return run
    }

    /// What special bytes turn into when a line is normalised.
    enum ByteKind { case space, invisible, ligature, fullWidth, text }

    /// Whether a superscript digit after this byte is a note's number: after a stop, a comma, a closing bracket or
    /// quote (the last byte of ”), or another superscript digit (the last byte of ¹²³ and ⁰⁴-⁹).
    @inline(__always)
    static func afterNote(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x2E, 0x2C, 0x3B, 0x3A, 0x29, 0x5D, 0x22, 0x9D, 0xB0, 0xB2...0xB9: true
        default: false
        }
    }

    /// The letters of the typographic ligatures U+FB00 to U+FB06 ("ﬁ", "ﬂ", "ﬃ"), which text copied or extracted from
    /// a PDF holds: "ﬁnancial" is "financial" (tester17 #20: it was the word "nancial").
    static let ligatures: [[UInt8]] = ["ff", "fi", "fl", "ffi", "ffl", "st", "st"].map { Array($0.utf8) }

    /// What the bytes at `i` are: white space (ASCII, non-breaking and other Unicode spaces, control characters),
    /// invisible (zero-width characters, soft hyphens, the word joiner, byte-order mark), a ligature, a full-width
    /// letter, digit or mark as CJK text writes Latin ("ＷＨＯ", "２０２１": tester18 #6), or text.
    @inline(__always)
    static func special(_ l: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Int, ByteKind) {
        let b = l[i]
        let end = l.count
        if b <= 0x20 || b == 0x7F { return (1, .space) }
        if b == 0xC2, i + 1 < end, l[i + 1] == 0xA0 { return (2, .space) }
        // A superscript digit after a stop or a closing mark is a note's number ("died in 1978.¹ Moi became"): no text,
        // and the stop before it ends the sentence (tester18 #3). "m²" keeps its square.
        let superscript = b == 0xC2 && i + 1 < end && (l[i + 1] == 0xB9 || l[i + 1] == 0xB2 || l[i + 1] == 0xB3) ? 2
            : b == 0xE2 && i + 2 < end && l[i + 1] == 0x81 && (l[i + 2] == 0xB0 || (l[i + 2] >= 0xB4 && l[i + 2] <= 0xB9)) ? 3 : 0
        if superscript > 0, i > 0, afterNote(l[i - 1]) { return (superscript, .invisible) }
        // A soft hyphen marks where a word may break ("Pu\u{AD}tin"): the word is read without it.
        if b == 0xC2, i + 1 < end, l[i + 1] == 0xAD { return (2, .invisible) }
        if b == 0xE2, i + 2 < end, l[i + 1] == 0x80 {
            let c = l[i + 2]
            // Unicode spaces, and the line and paragraph separators (U+2028, U+2029) word processors leave in text.
            if (0x80...0x8A).contains(c) || c == 0xAF || c == 0xA8 || c == 0xA9 { return (3, .space) }
            if (0x8B...0x8D).contains(c) { return (3, .invisible) }
        }
        // The word joiner (U+2060) joins what it stands between.
        if b == 0xE2, i + 2 < end, l[i + 1] == 0x81, l[i + 2] == 0xA0 { return (3, .invisible) }
        if b == 0xEF, i + 2 < end, l[i + 1] == 0xBB, l[i + 2] == 0xBF { return (3, .invisible) }
        if b == 0xEF, i + 2 < end, l[i + 1] == 0xAC, l[i + 2] >= 0x80 && l[i + 2] <= 0x86 { return (3, .ligature) }
        if b == 0xEF, i + 2 < end, l[i + 1] == 0xBC && l[i + 2] >= 0x81 || l[i + 1] == 0xBD && l[i + 2] <= 0x9E { return (3, .fullWidth) }
        if b == 0xE3, i + 2 < end, l[i + 1] == 0x80, l[i + 2] == 0x80 { return (3, .space) }
        return (1, .text)
    }

    /// A heading: one short line with no final punctuation.
    static func isHeading(_ p: ArraySlice<UInt8>) -> Bool {
        guard let last = p.last, p.count <= 120 else { return false }
        if last == 0x2E || last == 0x3F || last == 0x21 || last == 0x22 || last == 0x3A || last == 0x3B || last == 0x2C { return false }
        if p.count >= 3, p[p.endIndex - 3] == 0xE2, p[p.endIndex - 2] == 0x80, p[p.endIndex - 1] == 0x9D { return false }
        return true
    }
}
