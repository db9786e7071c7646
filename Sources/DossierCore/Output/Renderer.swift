/// The output formats of the contract: text for people, the others for programs.
public enum OutputFormat: String, Sendable, CaseIterable {
    case text, json, csv, tsv, markdown
}

/// How text output is decorated. The library knows no escape codes: the shell passes functions that add them.
public struct Styling: Sendable {
    public var highlight: @Sendable (String) -> String
    public var dim: @Sendable (String) -> String
    public var bold: @Sendable (String) -> String

    public init(highlight: @escaping @Sendable (String) -> String, dim: @escaping @Sendable (String) -> String,
                bold: @escaping @Sendable (String) -> String) {
        self.highlight = highlight
        self.dim = dim
        self.bold = bold
    }

    public static let plain = Styling(highlight: { $0 }, dim: { $0 }, bold: { $0 })
}

/// Prints a command's result in a format: aligned tables, wrapped sentences and bar charts for people;
/// one JSON object per command, CSV, TSV or Markdown for programs. Same rows in every format.
public struct Renderer {
    let corpus: Corpus
    let format: OutputFormat
    let styling: Styling
    let width: Int
    /// The display page: rows shown unless `| limit` chose them (nil: all).
    let page: Int?
    /// The page of charts by year and month: 200 bars at least for the default page, the user's own limit when given.
    let chartPage: Int?
    /// Counts the rows drawn and asks about Ctrl-C as it goes.
    private let drawing: RowStops
    /// The CSV or TSV cells given an apostrophe so that a spreadsheet does not run them (`Spreadsheet.safe`).
    let guarded = GuardedCells()

    /// `shouldStop` is asked every 64 rows drawn: a result of a million rows (an export, `set limit none`) stops
    /// drawing at Ctrl-C, and `render` throws the interruption instead of returning part of the text.
    public init(corpus: Corpus, format: OutputFormat, styling: Styling = .plain, width: Int, page: Int?, chartPage: Int? = nil,
                shouldStop: @escaping @Sendable () -> Bool = { false }) {
        self.corpus = corpus
        self.format = format
        self.styling = styling
        self.width = width
        self.page = page
        self.chartPage = chartPage ?? page.map { max($0, 200) }
        drawing = RowStops(shouldStop)
    }

    func shown(_ r: SentenceResult) -> Int { shownRows(r.ids.count, limited: r.limited, page: page) }
    func shown(_ r: CountResult) -> Int { shownRows(r.rows.count, limited: r.limited, page: r.chart ? chartPage : page) }
    func shown(_ t: TableResult) -> Int { shownRows(t.rows.count, limited: t.limited, page: page) }
    func shown(_ c: ConcordanceResult) -> Int { shownRows(c.places.count, limited: c.limited, page: page) }

    /// How many rows the page (not `| limit`, which the query itself asked for) kept of how many, when it cut some:
    /// CSV, TSV and Markdown have no header to say it in, so the shell says it on standard error.
    public func pageCut(_ result: CommandResult) -> (shown: Int, of: Int)? {
        let cut: (Int, Int)? = switch result {
        case .sentences(let r): r.limited ? nil : (shown(r), r.total)
        case .counts(let r): r.limited ? nil : (shown(r), r.keys)
        case .table(let t): t.limited ? nil : (shown(t), t.total)
        case .concordance(let c): c.limited ? nil : (shown(c), c.total)
        case .total, .profile, .message, .note, .nothing: nil
        }
        guard let cut, cut.0 < cut.1 else { return nil }
        return cut
    }

    public func render(_ result: CommandResult, command: String) throws(Diagnostic) -> String {
        switch format {
        case .json:
            var out = ""
            try json(result, command: command).write(to: &out, eachItem: drawing.next)
            return out + "\n"
        case .text: return try text(result)
        case .csv, .tsv, .markdown: return try delimited(result)
        }
    }

    // MARK: JSON

    /// A result as JSON Lines: each row an object on its own line (a result without rows, such as a profile, one line).
    public func jsonLines(_ result: CommandResult, command: String) throws(Diagnostic) -> String {
        let value = try json(result, command: command)
        guard case .object(let fields) = value, let rows = fields.first(where: { $0.0 == "rows" })?.1, case .list(let items) = rows else {
            return value.json + "\n"
        }
        var out = ""
        for item in items {
            try drawing.next()
            out += item.json + "\n"
        }
        return out
    }

    func json(_ result: CommandResult, command: String) throws(Diagnostic) -> Value {
        var fields: [(String, Value)] = [("command", .string(command))]
        switch result {
        case .sentences(let r):
            fields.append(("count", .int(r.total)))
            if shown(r) < r.total { fields.append(("shown", .int(shown(r)))) }
            fields.append(("rows", .list(try drawing.map(r.ids.prefix(shown(r)), sentenceRow))))
            if let note = r.note { fields.append(("note", .string(note))) }
        case .counts(let r):
            fields.append(("count", .int(r.total)))
            if shown(r) < r.keys { fields.append(contentsOf: [("keys", .int(r.keys)), ("shown", .int(shown(r)))]) }
            fields.append(("rows", .list(try drawing.map(r.rows.prefix(shown(r))) { row in
                var fields: [(String, Value)] = [("key", .string(row.key)), ("count", .int(row.count))]
                if r.chart { fields.append(("publication_dated", .int(r.publicationDated[row.key] ?? 0))) }
                return .object(fields)
            })))
            if let note = r.note { fields.append(("note", .string(note))) }
        case .table(let t):
            fields.append(("count", .int(t.total)))
            if shown(t) < t.total { fields.append(("shown", .int(shown(t)))) }
            fields.append(("rows", .list(try drawing.map(t.rows.prefix(shown(t))) { row in .object(Array(zip(t.columns, row))) })))
            if let note = t.note { fields.append(("note", .string(note))) }
        case .concordance(let c):
            fields.append(("count", .int(c.total)))
            if shown(c) < c.total { fields.append(("shown", .int(shown(c)))) }
            fields.append(("rows", .list(try drawing.map(c.places.prefix(shown(c))) { c.line($0).json })))
            if let note = c.note { fields.append(("note", .string(note))) }
        case .total(let n, let note):
            fields.append(("count", .int(n)))
            if let note { fields.append(("note", .string(note))) }
        case .profile(let p):
            fields.append((p.kind, .object(p.fields.map { ($0.key, $0.value.json) })))
        case .message(let m), .note(let m):
            fields.append(("message", .string(m)))
        case .nothing:
            break
        }
        return .object(fields)
    }

    func sentenceRow(_ id: Int32) -> Value {
        .object([
            ("doc", .string(corpus.documents[Int(corpus.sentences[Int(id)].document)].id)),
            ("sentence", .int(corpus.sentenceNumber(id))),
            ("text", .string(corpus.text(of: id))),
            ("time", corpus.timeValue(id)),
            ("times", corpus.timesValue(id)),
            ("actors", .list(corpus.names(in: id, kind: .actor).map(Value.string))),
            ("places", .list(corpus.names(in: id, kind: .place).map(Value.string))),
        ])
    }

    // MARK: Tables for programs

    func table(_ result: CommandResult) throws(Diagnostic) -> (columns: [String], rows: [[String]])? {
        switch result {
        case .sentences(let r):
            let rows = try drawing.map(r.ids.prefix(shown(r))) { id -> [String] in
                let s = corpus.sentences[Int(id)]
                let time = corpus.time(of: s)
                return [corpus.documents[Int(s.document)].id, String(corpus.sentenceNumber(id)),
                        time?.start.iso ?? "", time?.end.iso ?? "", s.basis?.rawValue ?? "", corpus.text(of: id),
                        corpus.names(in: id, kind: .actor).joined(separator: "; "),
                        corpus.names(in: id, kind: .place).joined(separator: "; "), corpus.timesCell(id)]
            }
            return (["doc", "sentence", "start", "end", "basis", "text", "actors", "places", "times"], rows)
        case .counts(let r):
            if r.chart {
                return (["key", "count", "publication_dated"],
                        try drawing.map(r.rows.prefix(shown(r))) { [$0.key, String($0.count), String(r.publicationDated[$0.key] ?? 0)] })
            }
            return (["key", "count"], try drawing.map(r.rows.prefix(shown(r))) { [$0.key, String($0.count)] })
        case .table(let t):
            // Programs get every digit of a score; a Markdown table is read by people, to three decimals.
            let cell: (Value) -> String = format == .markdown ? { $0.cell } : { $0.exactCell }
            return (t.columns, try drawing.map(t.rows.prefix(shown(t))) { $0.map(cell) })
        case .concordance(let c):
            return (ConcordanceLine.columns, try drawing.map(c.places.prefix(shown(c))) { c.line($0).cells })
        case .total(let n, _):
            return (["count"], [[String(n)]])
        case .profile(let p):
            return (["field", "value"], p.fields.map { [$0.key, format == .markdown ? $0.value.cell : $0.value.exactCell] })
        case .message, .note, .nothing:
            return nil
        }
    }

    /// Characters a Markdown reader takes as marks in a table's cell, escaped with a backslash.
    static let markdownMarks: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~"]

    func delimited(_ result: CommandResult) throws(Diagnostic) -> String {
        guard let (names, raw) = try table(result) else {
            if case .message(let m) = result { return m.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalSafe.clean(String($0)) }.joined(separator: "\n") + "\n" }
            return ""
        }
        // No cell reaches a terminal or a spreadsheet as a command: controls shown, formulas neutralised. Column names
        // too: a document field is named by a collection's header.
        let guarded = self.guarded
        let safe: (String) -> String = { cell in
            let shown = TerminalSafe.cell(cell)
            guard format != .markdown else { return shown }
            let kept = Spreadsheet.safe(shown)
            if kept.count != shown.count { guarded.count += 1 }
            return kept
        }
        let columns = names.map(safe)
        let rows = try drawing.map(raw) { $0.map(safe) }
        switch format {
        case .tsv:
            return try drawing.map([columns] + rows) { $0.joined(separator: "\t") }.joined(separator: "\n") + "\n"
        case .markdown:
            // A cell reads as written: the marks of emphasis, code, links and HTML are escaped, and each table ends with a
            // blank line, so a reader does not merge the next command's table into it (tester17 #10).
            let clean: (String) -> String = { cell in
                guard cell.contains(where: { Self.markdownMarks.contains($0) }) else { return cell }
                let characters = Array(cell)
                var out = ""
                for (i, c) in characters.enumerated() {
                    // An underscore inside a word ("000_78954da3", snake_case) is no emphasis in CommonMark.
                    let insideWord = c == "_" && i > 0 && i + 1 < characters.count
                        && (characters[i - 1].isLetter || characters[i - 1].isNumber) && (characters[i + 1].isLetter || characters[i + 1].isNumber)
                    if Self.markdownMarks.contains(c), !insideWord { out.append("\\") }
                    out.append(c)
                }
                return out
            }
            var out = "| " + columns.map(clean).joined(separator: " | ") + " |\n"
            out += "|" + columns.map { _ in " --- |" }.joined() + "\n"
            for row in rows {
                try drawing.next()
                out += "| " + row.map(clean).joined(separator: " | ") + " |\n"
            }
            return out + "\n"
        default:
            let quote: (String) -> String = { field in
                field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r\n" })
                    ? "\"" + field.replacingAll("\"", with: "\"\"") + "\"" : field
            }
            return try drawing.map([columns] + rows) { $0.map(quote).joined(separator: ",") }.joined(separator: "\n") + "\n"
        }
    }

    // MARK: Text for people

    func text(_ result: CommandResult) throws(Diagnostic) -> String {
        switch result {
        case .sentences(let r): return try sentencesText(r)
        case .counts(let r): return try countsText(r)
        case .table(let t): return try tableText(t)
        case .concordance(let c): return try concordanceText(c)
        case .profile(let p): return profileText(p)
        case .total(let n, let note): return "\(n) sentence\(n == 1 ? "" : "s")\n" + noteLine(note)
        case .message(let m), .note(let m):
            return m.isEmpty ? "" : m.split(separator: "\n", omittingEmptySubsequences: false)
                .flatMap { fitted(TerminalSafe.clean(String($0))) }.map { $0 + "\n" }.joined()
        case .nothing: return ""
        }
    }

    /// A line of a message cut between words to the width. A line of two columns ("  find        sentences that
    /// match") goes on under its second column, an indented paragraph at its indent, any other line (one of more
    /// columns, or not indented) two spaces in from its own indent. Spaces inside the line are kept (help aligns
    /// with them).
    func fitted(_ line: String) -> [String] { Self.fitted(line, width: width) }

    /// `fitted` for a width given, for text written outside a result (the prompt's banner).
    public static func fitted(_ line: String, width: Int) -> [String] {
        guard line.displayWidth > width else { return [line] }
        let indent = line.prefix(while: { $0 == " " }).count
        // Where each run of two spaces or more ends, past the indent: where a column starts.
        var columns: [String.Index] = []
        var i = line.index(line.startIndex, offsetBy: indent)
        while i < line.endIndex {
            guard line[i] == " " else {
                i = line.index(after: i)
                continue
            }
            let end = line[i...].firstIndex { $0 != " " } ?? line.endIndex
            if line.distance(from: i, to: end) >= 2 { columns.append(end) }
            i = end
        }
        let hangs = columns.count == 1 ? line[..<columns[0]].displayWidth : columns.isEmpty && indent > 0 ? indent : indent + 2
        let hang = String(repeating: " ", count: hangs <= width - 20 ? hangs : indent + 2)
        var lines: [String] = []
        var current = String(repeating: " ", count: indent)
        for word in line.dropFirst(indent).split(separator: " ", omittingEmptySubsequences: false) {
            let startsLine = current.count == (lines.isEmpty ? indent : hang.count)
            if startsLine {
                if !word.isEmpty || lines.isEmpty { current += word }
            } else if current.displayWidth + 1 + word.displayWidth > width && !word.isEmpty {
                while current.last == " " { current.removeLast() }
                lines.append(current)
                current = hang + word
            } else {
                current += " " + word
            }
        }
        lines.append(current)
        return lines
    }

    func header(_ total: Int, _ shown: Int, _ noun: String, selection: String? = nil) -> String {
        let plural = total == 1 ? noun : noun + "s"
        if shown < total { return styling.dim("\(total) \(plural), \(selection ?? "showing the first \(shown)")") + "\n" }
        return styling.dim("\(total) \(plural)") + "\n"
    }

    /// How a row shows a sentence's time: its periods ("2014, 2019"), `~` when carried from the paragraph,
    /// parentheses when it is the publication date.
    func timeLabel(_ id: Int32) -> String {
        guard let basis = corpus.sentences[Int(id)].basis else { return "undated" }
        let label = corpus.periods(of: id).map(\.label).joined(separator: ", ")
        switch basis {
        case .explicit: return label
        case .context: return label + "~"
        case .document: return "(" + label + ")"
        }
    }

    func sentencesText(_ r: SentenceResult) throws(Diagnostic) -> String {
        var out = header(r.total, shown(r), "sentence", selection: r.selection)
        out += noteLine(r.note)
        let visible = Array(r.ids.prefix(shown(r)))
        guard !visible.isEmpty else { return out }
        let locations = try drawing.map(visible) { TerminalSafe.clean("\(corpus.documents[Int(corpus.sentences[Int($0)].document)].id):\(corpus.sentenceNumber($0))") }
        let times = try drawing.map(visible, timeLabel)
        let locWidth = locations.map(\.displayWidth).max()!
        let timeWidth = times.map(\.displayWidth).max()!
        // Beside the location and time while 30 columns are left for the text; below them on a narrow window.
        let stacked = width - (locWidth + timeWidth + 4) < 30
        let indent = stacked ? 4 : locWidth + timeWidth + 4
        let textWidth = max(20, width - indent)
        let phraseMatchers = r.highlightPhrases.map { PhraseMatcher($0) }.filter { !$0.words.isEmpty }
        for (k, id) in visible.enumerated() {
            try drawing.next()
            let marks = highlightRanges(id, entities: r.highlightEntities, phrases: phraseMatchers)
            let lines = wrap(id, marks: marks, width: textWidth)
            // Every row says its time: a blank under a section of dated sentences read as undated.
            let timeText = times[k]
            if stacked {
                out += styling.dim(locations[k]) + "  " + timeText + "\n"
                for line in lines { out += String(repeating: " ", count: indent) + line + "\n" }
                continue
            }
            out += styling.dim(locations[k].padding(locWidth)) + "  " + timeText.padding(timeWidth) + "  " + lines[0] + "\n"
            for line in lines.dropFirst() { out += String(repeating: " ", count: indent) + line + "\n" }
        }
        return out
    }

    /// Byte ranges to highlight in a sentence: mentions of the entities asked for, and phrase matches.
    func highlightRanges(_ id: Int32, entities: Set<Int32>, phrases: [PhraseMatcher]) -> [Range<Int>] {
        var ranges = corpus.mentions(in: id).filter { entities.contains($0.entity) }.map { Int($0.start)..<Int($0.end) }
        for matcher in phrases { ranges += matcher.ranges(in: corpus, sentence: id) }
        return ranges
    }

    /// Wraps a sentence to `width` characters, styling highlighted ranges; control characters are made visible.
    func wrap(_ id: Int32, marks: [Range<Int>], width: Int) -> [String] {
        let s = corpus.sentences[Int(id)]
        let text = corpus.documents[Int(s.document)].text
        var pieces: [(String, Bool)] = []
        var i = Int(s.start)
        let cuts = marks.sorted { $0.lowerBound < $1.lowerBound }
        for r in cuts where r.lowerBound >= i {
            if r.lowerBound > i { pieces.append((String(decoding: text[i..<r.lowerBound], as: UTF8.self), false)) }
            pieces.append((String(decoding: text[r], as: UTF8.self), true))
            i = r.upperBound
        }
        if i < Int(s.end) { pieces.append((String(decoding: text[i..<Int(s.end)], as: UTF8.self), false)) }
        // Lines are built as bytes: String indexing and grapheme counting were most of a `find`'s time.
        var lines: [String] = []
        var line: [UInt8] = []
        var lineLength = 0
        // The last space in the line (a byte offset) and the line's length before it: where a word glued to the
        // one before it (`"Wagner` after a quote) moves to the next line together with that word.
        var lastSpace: (offset: Int, length: Int)?
        for (piece, marked) in pieces {
            let clean = Array(TerminalSafe.clean(piece).utf8)
            // In ASCII text characters are bytes, and counting them needs no grapheme breaking.
            let ascii = clean.allSatisfy { $0 < 0x80 }
            for (w, word) in clean.split(separator: 0x20, omittingEmptySubsequences: false).enumerated() {
                let count = ascii ? word.count : String(decoding: word, as: UTF8.self).displayWidth
                let needsSpace = w > 0
                let length = count + (needsSpace ? 1 : 0)
                // A piece that goes on without a space (", in order to" after a highlighted name) never starts a line.
                if lineLength > 0, lineLength + length > width, !word.isEmpty, needsSpace || line.last == 0x20 {
                    while line.last == 0x20 { line.removeLast() }
                    lines.append(String(decoding: line, as: UTF8.self))
                    line.removeAll(keepingCapacity: true)
                    lineLength = 0
                    lastSpace = nil
                } else if needsSpace {
                    lastSpace = (line.count, lineLength)
                    line.append(0x20)
                    lineLength += 1
                } else if lineLength + length > width, !word.isEmpty, let space = lastSpace, space.length > 0 {
                    lines.append(String(decoding: line[..<space.offset], as: UTF8.self))
                    line.removeSubrange(...space.offset)
                    lineLength -= space.length + 1
                    lastSpace = nil
                }
                if word.isEmpty { continue }
                guard !ascii, count > width else {
                    if marked { line += styling.highlight(String(decoding: word, as: UTF8.self)).utf8 } else { line += word }
                    lineLength += count
                    continue
                }
                // A word wider than a line (Chinese and Japanese put no spaces between words) is cut between characters.
                var rest = Substring(String(decoding: word, as: UTF8.self))
                while rest.displayWidth > width - lineLength {
                    let piece = rest.prefix(columns: width - lineLength)
                    line += (marked ? styling.highlight(String(piece)) : String(piece)).utf8
                    lines.append(String(decoding: line, as: UTF8.self))
                    line.removeAll(keepingCapacity: true)
                    lineLength = 0
                    lastSpace = nil
                    rest = rest[piece.endIndex...]
                }
                line += (marked ? styling.highlight(String(rest)) : String(rest)).utf8
                lineLength += rest.displayWidth
            }
        }
        lines.append(String(decoding: line, as: UTF8.self))
        return lines
    }

    /// A note under a header, dimmed and cut between words to the width, or nothing.
    private func noteLine(_ note: String?) -> String {
        note.map { $0.split(separator: "\n").flatMap { fitted(String($0)) }.map { styling.dim($0) + "\n" }.joined() } ?? ""
    }

    /// The line saying why the rows add up to more than the sentences, when they do.
    private func spreadNote(_ r: CountResult) -> String {
        guard r.spread else { return "" }
        let what = r.key == "month" || r.key == "year" ? "a sentence counts in every \(r.key) its time covers"
            : "a document with several values of \(r.key) counts under each"
        return styling.dim("\(what), so the rows add up to more than its \(r.total) sentences") + "\n"
    }

    func countsText(_ r: CountResult) throws(Diagnostic) -> String {
        let header = "\(r.total) sentence\(r.total == 1 ? "" : "s") by \(r.key)"
        guard r.chart else {
            var out = styling.dim(header + (r.selection.map { ", " + $0 } ?? (r.rows.count > shown(r) ? ", showing \(shown(r)) of \(r.rows.count) keys" : ""))) + "\n"
            out += noteLine(r.note)
            if r.key == "place", !r.rows.isEmpty {
                // The filter `place X` finds the places inside X too (Mali's Bamako): a row is not what it counts.
                out += styling.dim("rows count sentences that name the place itself; 'place X' finds the places inside X too") + "\n"
            }
            out += spreadNote(r)
            let rows = try drawing.map(r.rows.prefix(shown(r))) { (key: TerminalSafe.cell($0.key), count: $0.count) }
            guard let maximum = rows.map(\.count).max() else { return out }
            let keyWidth = min(40, rows.map { $0.key.displayWidth }.max()!)
            let countWidth = String(maximum).count
            for row in rows {
                try drawing.next()
                out += clip(row.key, keyWidth).padding(keyWidth) + "  " + String(row.count).leftPadding(countWidth) + "\n"
            }
            return out
        }
        // The page counts the rows drawn, after runs of years are joined.
        let all = Self.runs(r.rows, published: r.publicationDated)
        let rows = Array(all.prefix(shownRows(all.count, limited: r.limited, page: chartPage)))
        var out = styling.dim(header + (r.selection.map { ", " + $0 } ?? (all.count > rows.count ? ", showing \(rows.count) of \(all.count) rows" : ""))) + "\n"
        out += noteLine(r.note)
        guard let largestShown = rows.map(\.count).max() else { return out }
        let maximum = max(largestShown, r.largest ?? 0)
        let keyWidth = rows.map { $0.key.count }.max()!
        let countWidth = String(maximum).count
        let barWidth = max(10, width - keyWidth - countWidth - 4)
        let blocks = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        if rows.contains(where: { $0.key.contains("..") }) {
            out += styling.dim("a row A..B gives the count of each year (month) from A to B") + "\n"
        }
        if rows.contains(where: { $0.published > 0 }) {
            out += styling.dim("░ sentences dated only by the publication date of their document") + "\n"
        }
        out += spreadNote(r)
        for row in rows {
            try drawing.next()
            let eighths = maximum == 0 ? 0 : Int((Double(row.count) / Double(maximum) * Double(barWidth * 8)).rounded())
            let full = eighths / 8
            let publishedCells = maximum == 0 ? 0 : min(full, Int((Double(row.published) / Double(maximum) * Double(barWidth)).rounded()))
            let solid = full - publishedCells
            let bar = String(repeating: "█", count: solid) + (publishedCells > 0 ? "" : blocks[eighths % 8])
            let shade = String(repeating: "░", count: publishedCells)
            out += row.key.padding(keyWidth) + "  " + String(row.count).leftPadding(countWidth) + " " + styling.highlight(bar) + styling.dim(shade) + "\n"
        }
        return out
    }

    /// Chart rows with runs of five or more consecutive years (months) that have the same counts drawn as one row
    /// `A..B`: a century mentioned once, or decades with nothing, take a line instead of a screen. A chart sorted
    /// latest first (`| sort by year desc`) has its runs joined the same way, each still written earliest first.
    static func runs(_ rows: [(key: String, count: Int)], published: [String: Int]) -> [(key: String, count: Int, published: Int)] {
        func ordinal(_ key: String) -> Int? {
            let parts = key.split(separator: "-")
            guard let year = Int(parts[0]) else { return nil }
            return parts.count == 2 ? Int(parts[1]).map { year * 12 + $0 } : year
        }
        var out: [(key: String, count: Int, published: Int)] = []
        var i = 0
        let dated = rows.compactMap { ordinal($0.key) }
        let step = dated.count > 1 && dated[0] > dated[dated.count - 1] ? -1 : 1
        while i < rows.count {
            var j = i
            while j + 1 < rows.count, let a = ordinal(rows[j].key), let b = ordinal(rows[j + 1].key), b == a + step,
                  rows[j + 1].count == rows[i].count, published[rows[j + 1].key] == published[rows[i].key] { j += 1 }
            if j - i + 1 >= 5 {
                let (first, last) = step > 0 ? (rows[i].key, rows[j].key) : (rows[j].key, rows[i].key)
                out.append((first + ".." + last, rows[i].count, published[rows[i].key] ?? 0))
                i = j + 1
            } else {
                out.append((rows[i].key, rows[i].count, published[rows[i].key] ?? 0))
                i += 1
            }
        }
        return out
    }

    func clip(_ s: String, _ n: Int) -> String { s.displayWidth <= n ? s : String(s.prefix(columns: n - 1)) + "…" }

    /// "5 documents", "1 document", "69 actors, showing the first 20": a listing's header, dimmed.
    func header(_ title: String, total: Int, shown: Int, selection: String?) -> String {
        var words = TerminalSafe.cell(title).split(separator: " ", maxSplits: 1).map(String.init)
        if total == 1, let first = words.first, first.hasSuffix("s") { words[0] = String(first.dropLast()) }
        let line = "\(total) \(words.joined(separator: " "))\(shown < total ? ", " + (selection ?? "showing the first \(shown)") : "")"
        return fitted(line).map { styling.dim($0) + "\n" }.joined()
    }

    func tableText(_ t: TableResult) throws(Diagnostic) -> String {
        var out = header(t.title, total: t.total, shown: shown(t), selection: t.selection)
        out += noteLine(t.note)
        let rows = try drawing.map(t.rows.prefix(shown(t))) { $0.map { TerminalSafe.clean($0.cell) } }
        guard !rows.isEmpty else { return out }
        let titles = t.columns.map(TerminalSafe.clean)
        let titleWidths = titles.map(\.displayWidth)
        var widths = titleWidths
        // A cell shows up to 60 characters, more on a window wider than 120.
        for row in rows {
            try drawing.next()
            for (c, cell) in row.enumerated() { widths[c] = max(widths[c], min(cell.displayWidth, max(60, width / 2))) }
        }
        // Columns that would not fit even at their narrowest (a collection's header of many fields) are left out from
        // the right, and a line under the header says so. The first column counts whole: it is cut last.
        var kept = 0, narrowest = 0
        while kept < widths.count {
            narrowest += (kept == 0 ? widths[0] : min(widths[kept], max(4, titleWidths[kept]))) + (kept > 0 ? 2 : 0)
            if narrowest > width && kept > 0 { break }
            kept += 1
        }
        if kept < widths.count {
            let leftOut = "\(widths.count - kept) more column\(widths.count - kept == 1 ? "" : "s") left out to fit the window (\(titles[kept])"
                + (widths.count - kept > 1 ? ", ..." : "") + "): --format csv gives them all"
            out += fitted(leftOut).map { styling.dim($0) + "\n" }.joined()
            widths.removeSubrange(kept...)
        }
        // Too wide for the window: narrow the widest column, one character at a time, down to 12, and on a
        // narrow window down to its title. The first column (an id or a name, which the user types back) is narrowed
        // last, once the others are as narrow as they go.
        for (floor, firstToo) in [(12, false), (4, false), (12, true), (4, true)] {
            while widths.reduce(0, +) + 2 * (widths.count - 1) > width,
                  let widest = widths.indices.filter({ (firstToo || $0 > 0) && widths[$0] > max(floor, titleWidths[$0]) })
                      .max(by: { widths[$0] < widths[$1] }) {
                widths[widest] -= 1
            }
        }
        func line(_ all: [String], bold: Bool = false) -> String {
            let cells = all.prefix(widths.count)
            return cells.enumerated().map { c, cell in
                let clipped = clip(cell, widths[c])
                let padded = t.numeric.contains(c) ? clipped.leftPadding(widths[c]) : (c == cells.count - 1 ? clipped : clipped.padding(widths[c]))
                return bold ? styling.bold(padded) : padded
            }.joined(separator: "  ")
        }
        out += line(titles, bold: true) + "\n"
        for row in rows {
            try drawing.next()
            out += line(row) + "\n"
        }
        return out
    }

    /// Concordance lines: the left context right-aligned, the match highlighted, the right context after it.
    /// Contexts are cut at their far ends so that a line fits the window, the match kept in the middle.
    func concordanceText(_ c: ConcordanceResult) throws(Diagnostic) -> String {
        let out = header("occurrences of " + c.centre, total: c.total, shown: shown(c), selection: c.selection) + noteLine(c.note)
        let lines = try drawing.map(c.places.prefix(shown(c))) { place in
            let line = c.line(place)
            return (location: TerminalSafe.clean("\(line.doc):\(line.sentence)"), left: TerminalSafe.clean(line.left),
             match: TerminalSafe.clean(line.match), right: TerminalSafe.clean(line.right))
        }
        // Widths of the location, left context, match and right context: the widest of each.
        var widest = (location: 0, left: 0, match: 0, right: 0)
        for line in lines {
            try drawing.next()
            widest = (max(widest.location, line.location.displayWidth), max(widest.left, line.left.displayWidth),
                      max(widest.match, line.match.displayWidth), max(widest.right, line.right.displayWidth))
        }
        let room = width - widest.location - 2
        var leftWidth = widest.left
        if widest.left + widest.match + widest.right > room {
            leftWidth = min(leftWidth, max(0, (room - widest.match) / 2))
        }
        return out + (try drawing.map(lines) { line in
            let left = String(line.left.suffix(columns: leftWidth)).leftPadding(leftWidth)
            // A context cut after a space ends the line with it: an editor that trims lines would fail a transcript.
            var right = String(line.right.prefix(columns: max(0, room - leftWidth - line.match.displayWidth)))
            while right.last == " " { right.removeLast() }
            return styling.dim(line.location.padding(widest.location)) + "  " + left + styling.highlight(line.match) + right + "\n"
        }.joined())
    }

    func profileText(_ p: ProfileResult) -> String {
        let keyWidth = p.fields.map(\.key.displayWidth).max() ?? 0
        let indent = String(repeating: " ", count: keyWidth + 2)
        var out = ""
        for field in p.fields {
            let lines: [String]
            switch field.value {
            case .absent, .words([]), .entries([]): lines = ["-"]
            case .text(let s): lines = wrapped(TerminalSafe.clean(s), keyWidth + 2)
            case .number(let n): lines = [String(n)]
            case .words(let words): lines = wrapped(TerminalSafe.clean(words.joined(separator: ", ")), keyWidth + 2)
            case .entry(let e): lines = [TerminalSafe.clean(e.text)]
            case .entries(let entries) where entries.allSatisfy(\.standsAlone): lines = entries.map { TerminalSafe.clean($0.text) }
            case .entries(let entries): lines = wrapped(entries.map { TerminalSafe.clean($0.text) }.joined(separator: ", "), keyWidth + 2)
            }
            out += styling.bold(field.key.padding(keyWidth)) + "  " + lines.joined(separator: "\n" + indent) + "\n"
        }
        return out
    }

    /// Text cut into lines that fit beside a profile's keys.
    func wrapped(_ text: String, _ indent: Int) -> [String] {
        let room = max(20, width - indent)
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !line.isEmpty, line.displayWidth + 1 + word.displayWidth > room {
                lines.append(line)
                line = String(word)
            } else {
                line += line.isEmpty ? String(word) : " " + word
            }
        }
        lines.append(line)
        return lines
    }
}

extension String {
    func padding(_ n: Int) -> String {
        let used = displayWidth
        return used >= n ? self : self + String(repeating: " ", count: n - used)
    }

    func leftPadding(_ n: Int) -> String {
        let used = displayWidth
        return used >= n ? self : String(repeating: " ", count: n - used) + self
    }
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

