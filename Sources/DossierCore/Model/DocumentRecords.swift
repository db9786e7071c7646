import Foundation
import DossierTime

/// One document of a collection file (a line of JSON Lines, a row of CSV): its text and the metadata beside it.
struct DocumentRecord: Sendable {
    /// The line the record starts on (1-based), for ids and messages.
    var line: Int
    var id: String?
    var text: String
    var entry: Manifest.Entry
    /// A date written with slashes and numbers alone (`03/04/2021`), read once the whole file says which comes first.
    var slashDate: SlashDate?
}

/// A date of numbers and slashes, `A/B/YYYY`: the day first in most of the world, the month first in the United States.
/// Which one a file means is read from the file as a whole (a first number above 12 is a day), as a person reading the
/// column would.
struct SlashDate: Sendable {
    var first: Int, second: Int, year: Int
    /// The key it was given under, to be kept as a field if it is no date.
    var key: String

    /// `A/B/YYYY` or `A/B/YY` (a year from 1950 to 2049), with or without a time after it (`03/04/2021 10:00`, as
    /// spreadsheets export it).
    init?(_ value: String, key: String) {
        let date = value.trimmingCharacters(in: .whitespaces).prefix { $0 != " " && $0 != "T" }
        let parts = date.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4 || parts[2].count == 2,
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let a = Int(parts[0]), let b = Int(parts[1]), let y = Int(parts[2]) else { return nil }
        (first, second, year, self.key) = (a, b, parts[2].count == 2 ? (y < 50 ? 2000 + y : 1900 + y) : y, key)
    }

    func day(dayFirst: Bool) -> Period? {
        let (day, month) = dayFirst ? (first, second) : (second, first)
        return Day(year: year, month: month, day: day).map { Period(start: $0, end: $0, granularity: .day) }
    }
}

/// Reads news collections exported as JSON Lines (`.jsonl`, `.ndjson`), JSON (`.json`: an array of objects, or an
/// object holding one) or CSV with a header (`.csv`) into one
/// record per document. `text` is required; `id`, `title`, `date` and `source` are understood, and every key but
/// `text`, `id`, `title` and `date` becomes a document field. A bad line is a warning naming its line and column
/// that says it is not loaded, as an unreadable file is: the other lines still load. A date that cannot be read
/// is a warning too, and its document loads without a date: its text is not lost for one bad cell.
enum DocumentRecords {
    static let extensions: Set<String> = ["jsonl", "ndjson", "json", "csv"]

    /// The keys that are not document fields.
    static let described: Set<String> = ["text", "id", "title", "date"]

    static func isCollection(_ path: String) -> Bool {
        extensions.contains(fileExtension(path))
    }

    static func fileExtension(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// A collection file's records; UTF-16 or UTF-32 with a byte-order mark (Excel's "Unicode Text" export) is read
    /// as its UTF-8, as a document's text is. A CSV file is decoded as a document is: Excel's "CSV" on a European
    /// Windows is Windows-1252, read so with the warning (tester17 #9: every £ and é was U+FFFD without a word); JSON
    /// is UTF-8 by its standard.
    static func read(_ bytes: [UInt8], path: String) -> ([DocumentRecord], [Diagnostic]) {
        let isCSV = fileExtension(path) == "csv"
        let isJSON = fileExtension(path) == "json"
        let decoded = isCSV ? TextDecoding.decode(bytes, path: path) : nil
        let wide = isCSV ? nil : TextDecoding.fromWide(bytes, path: path)
        let text = decoded?.bytes ?? wide?.bytes ?? bytes
        var (records, problems) = isCSV ? csv(text, path: path) : jsonLines(text, path: path)
        // A file opening with "[" is no JSON Lines even when a line of it reads as an object.
        let opening = text[FileSystem.byteOrderMarkLength(text)...].first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
        if records.isEmpty || opening == 0x5B || isJSON, !isCSV, let whole = jsonDocument(text, path: path) { (records, problems) = whole }
        problems = capped(problems, path: path)
        let order = slashDates(&records, path: path)
        let encoding = decoded?.diagnostics ?? (wide?.warning).map { [$0] } ?? []
        return (records, encoding + problems + order + repeatedIds(records, path: path))
    }

    /// Dates the records whose date is written `A/B/YYYY`, the same way for the whole file: day first when some first
    /// number is above 12 and no second one is (`25/04/2021`), else month first. What is left unsure, or a date no
    /// order reads, is said once.
    static func slashDates(_ records: inout [DocumentRecord], path: String) -> [Diagnostic] {
        let slashed = records.indices.filter { records[$0].slashDate != nil }
        guard !slashed.isEmpty else { return [] }
        let dates = slashed.map { records[$0].slashDate! }
        let order = SlashDate.dayFirst(dates)
        let dayFirst = order == true
        // The file's order holds for the dates its texts write with slashes too.
        if let order { for k in records.indices { records[k].entry.slashDayFirst = order } }
        let both = dates.contains { $0.first > 12 } && dates.contains { $0.second > 12 }
        var unread: [Int] = []
        for k in slashed {
            let slash = records[k].slashDate!
            if let period = slash.day(dayFirst: dayFirst) {
                (records[k].entry.date, records[k].entry.dateSource, records[k].entry.writtenSlashDate) = (period, .record, slash)
            } else {
                unread.append(records[k].line)
            }
        }
        var said: [Diagnostic] = []
        let at = { (line: Int) in SourceLocation(file: path, line: line, column: 1) }
        if both {
            said.append(Diagnostic(.warning, at: at(records[slashed[0]].line), "dates with slashes are written both day first and month "
                                   + "first in this file; read month first, and \(unread.count) cannot be read so: they are loaded without a date"))
        } else if !unread.isEmpty {
            said.append(Diagnostic(.warning, at: at(unread[0]), "\(unread.count) date\(unread.count == 1 ? "" : "s") with slashes name no day "
                                   + "of the calendar; loaded without a date"))
        } else if !dayFirst, !dates.contains(where: { $0.second > 12 }), dates.contains(where: { $0.first != $0.second }) {
            said.append(Diagnostic(.note, at: at(records[slashed[0]].line), "dates with slashes (\(dates[0].first)/\(dates[0].second)/\(dates[0].year)) "
                                   + "are read month first, as no number of this file says which comes first; write YYYY-MM-DD to be sure"))
        }
        return said
    }

    /// At most 20 warnings for a file, then one line saying how many more: a file of another shape gave one for
    /// each of its 100,000 lines.
    static func capped(_ problems: [Diagnostic], path: String) -> [Diagnostic] {
        guard problems.count > 20 else { return problems }
        return Array(problems.prefix(20)) + [Diagnostic(.warning, at: SourceLocation(file: path, line: problems[20].location.line, column: 1),
                                                        "\(problems.count - 20) more lines or rows of this file are not loaded or have warnings, not shown")]
    }

    /// A `.json` file, or a `.jsonl` file that is one JSON value over many lines (`json.dump(..., indent=2)`, `jq .`, an
    /// API's answer) rather than one object a line: an array of objects gives a record for each, numbered by its place
    /// in the array (for a `.jsonl` file a warning says what the file is); an object without text that holds one list
    /// of objects (`{"status": "ok", "articles": [...]}`) gives that list's. Nil when the whole file is no JSON value,
    /// or, for a `.jsonl` file, holds no record either.
    static func jsonDocument(_ bytes: [UInt8], path: String) -> ([DocumentRecord], [Diagnostic])? {
        guard let value = try? JSONSerialization.jsonObject(with: Data(bytes[FileSystem.byteOrderMarkLength(bytes)...])) else { return nil }
        let isJSON = fileExtension(path) == "json"
        var items = value as? [Any] ?? [value]
        var diagnostics: [Diagnostic] = []
        if !isJSON {
            diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: path, line: 1, column: 1),
                                          "one JSON \(value is [Any] ? "array" : "object") over several lines, not JSON Lines (one object a line): "
                                          + "its objects are read as records numbered by their place (`jq -c '.[]'` writes JSON Lines)"))
        }
        if let object = value as? [String: Any], !object.keys.contains(where: { Self.understood.contains($0.lowercased()) || Self.textKeys.contains($0.lowercased()) }) {
            let lists = object.filter { ($0.value as? [Any]).map { !$0.isEmpty && $0.allSatisfy { $0 is [String: Any] } } ?? false }
            if lists.count == 1, let (key, list) = lists.first.map({ ($0.key, $0.value as! [Any]) }) {
                items = list
                diagnostics.append(Diagnostic(.note, at: SourceLocation(file: path, line: 1, column: 1),
                                              "the objects of its list '\(key)' are read as records, numbered by their place in it"))
            }
        }
        var records: [DocumentRecord] = []
        for (k, item) in items.enumerated() {
            switch jsonRecord(item, line: k + 1) {
            case .success(let (record, warnings)):
                records.append(record)
                diagnostics += warnings.map { Diagnostic(.warning, at: SourceLocation(file: path, line: 1, column: 1), "item \(k + 1): " + $0.message) }
            case .failure(let problem):
                diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: path, line: 1, column: 1), "item \(k + 1): \(problem.message); it is not loaded"))
            }
        }
        return records.isEmpty && !isJSON ? nil : (records, diagnostics)
    }

    /// A warning for each record whose id an earlier record of the file already has: `doc ID` finds only the first,
    /// and the later one is known by an id made from its place in the file.
    static func repeatedIds(_ records: [DocumentRecord], path: String) -> [Diagnostic] {
        var first: [String: Int] = [:]
        var warnings: [Diagnostic] = []
        for record in records {
            guard let id = record.id else { continue }
            if let line = first[id] {
                warnings.append(Diagnostic(.warning, at: SourceLocation(file: path, line: record.line, column: 1),
                                           "id '\(id)' is already the id of line \(line); this record gets an id made from "
                                               + "its place in the file (`docs` lists it)"))
            } else {
                first[id] = record.line
            }
        }
        return warnings
    }

    // MARK: JSON Lines

    /// The records of JSON Lines text whose first line is line `firstLine` of its file.
    static func jsonLines(_ bytes: [UInt8], path: String, firstLine: Int = 1) -> ([DocumentRecord], [Diagnostic]) {
        var records: [DocumentRecord] = []
        var diagnostics: [Diagnostic] = []
        var start = FileSystem.byteOrderMarkLength(bytes)
        var line = firstLine
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            var stop = end
            if stop > start, bytes[stop - 1] == 0x0D { stop -= 1 }
            let slice = bytes[start..<stop]
            if slice.contains(where: { $0 != 0x20 && $0 != 0x09 }) {
                switch jsonRecord(Data(slice), line: line) {
                case .success(let (record, warnings)):
                    records.append(record)
                    diagnostics += warnings.map { Diagnostic(.warning, at: SourceLocation(file: path, line: line, column: $0.column), $0.message) }
                case .failure(let problem):
                    diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: path, line: line, column: problem.column),
                                                  "\(problem.message); this line is not loaded"))
                }
            }
            start = end + 1
            line += 1
        }
        return (records, diagnostics)
    }

    /// Why a line or row is not a document, and where in it.
    struct Problem: Error {
        var message: String
        var column = 1
    }

    private static func jsonRecord(_ data: Data, line: Int) -> Result<(DocumentRecord, [Problem]), Problem> {
        var object: Any
        var repaired: [Problem] = []
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            // A lone surrogate escape ("\ud800", half an emoji a scraper cut) fails the parser: read as U+FFFD, as
            // Python's json and jq read it, rather than the record lost (tester18 #11).
            guard let (whole, column) = withoutLoneSurrogates(data),
                  let parsed = try? JSONSerialization.jsonObject(with: whole, options: [.fragmentsAllowed]) else {
                let (reason, column) = jsonReason(error, line: data)
                return .failure(Problem(message: "not valid JSON (\(reason))", column: column))
            }
            object = parsed
            repaired = [Problem(message: "a lone UTF-16 surrogate escape (half of a character) read as U+FFFD", column: column)]
        }
        // JSON readers keep a key's last value; a key given twice loses its first without a word unless said.
        let repeated = repeatedKeys(data).map { Problem(message: "'\($0)' is given more than once in this line; its last value is used") }
        return jsonRecord(object, line: line).map { ($0.0, repaired + repeated + $0.1) }
    }

    /// The line with each `\uD800`-`\uDFFF` escape that is not half of a pair made `\uFFFD`, and the column of the
    /// first; nil when it has none.
    static func withoutLoneSurrogates(_ data: Data) -> (Data, column: Int)? {
        var bytes = [UInt8](data)
        // Whether the escape at `i` is a high surrogate's (true), a low one's (false), or no surrogate (nil).
        func surrogate(at i: Int) -> Bool? {
            guard i + 5 < bytes.count, bytes[i] == 0x5C, bytes[i + 1] == 0x75, bytes[i + 2] | 0x20 == 0x64 else { return nil }
            switch bytes[i + 3] | 0x20 {
            case 0x38, 0x39, 0x61, 0x62: return true
            case 0x63, 0x64, 0x65, 0x66: return false
            default: return nil
            }
        }
        var first: Int?
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x5C, i + 1 < bytes.count, bytes[i + 1] != 0x75 {
                i += 2
                continue
            }
            guard let high = surrogate(at: i) else {
                i += 1
                continue
            }
            if high, surrogate(at: i + 6) == false {
                i += 12
                continue
            }
            bytes.replaceSubrange((i + 2)..<(i + 6), with: Array("fffd".utf8))
            if first == nil { first = i + 1 }
            i += 6
        }
        return first.map { (Data(bytes), $0) }
    }

    /// The record of one parsed JSON value, which must be an object.
    private static func jsonRecord(_ object: Any, line: Int) -> Result<(DocumentRecord, [Problem]), Problem> {
        guard let dictionary = object as? [String: Any] else {
            return .failure(Problem(message: "not a JSON object: each line must be one document, {\"text\": ...}"))
        }
        var cells: [(String, String)] = []
        for key in dictionary.keys.sorted() {
            // A list of plain values (authors, tags) is a field with several values, each matched and counted alone.
            if let list = dictionary[key] as? [Any], !list.isEmpty, !Self.understood.contains(key.lowercased()),
               !Self.textKeys.contains(key.lowercased()),
               list.allSatisfy({ $0 is String || $0 is NSNumber || $0 is NSNull }) {
                cells += list.compactMap(jsonText).map { (key, $0) }
                continue
            }
            if !Self.understood.contains(key.lowercased()), !Self.textKeys.contains(key.lowercased()),
               let values = obviousStrings(dictionary[key]!) {
                cells += values.map { (key, $0) }
                continue
            }
            // A text given as a list of strings (how many scrapers store an article) is its paragraphs.
            if key.lowercased() == "text" || Self.textKeys.contains(key.lowercased()), let paragraphs = paragraphs(dictionary[key]!) {
                cells.append((key, paragraphs))
                continue
            }
            guard let value = jsonText(dictionary[key]!) else { continue }
            cells.append((key, value))
        }
        // `{"text": 5}` is most likely a mistake in the file: loaded as written, and said.
        guard let text = dictionary.first(where: { $0.key.lowercased() == "text" })?.value, !(text is String), !(text is NSNull),
              wrappedText(text) == nil, paragraphs(text) == nil else {
            return record(cells, line: line)
        }
        return record(cells, line: line).map { found in
            (found.0, found.1 + [Problem(message: "'text' is not a string but \(jsonText(text) ?? "a value"); it is read as written")])
        }
    }

    /// The keys an object's line gives more than once at its top level, as written (escapes left as they are): a
    /// string of the top level followed by a colon.
    static func repeatedKeys(_ line: Data) -> [String] {
        var seen: Set<[UInt8]> = [], repeated: [String] = []
        var depth = 0, inString = false, escaped = false
        var current: [UInt8] = []
        var key: [UInt8]?
        for byte in line {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == 0x5C {
                    escaped = true
                } else if byte == 0x22 {
                    inString = false
                    key = depth == 1 ? current : nil
                    continue
                }
                current.append(byte)
                continue
            }
            switch byte {
            case 0x22:
                inString = true
                current.removeAll(keepingCapacity: true)
            case 0x3A:
                if let key, !seen.insert(key).inserted {
                    let name = String(decoding: key, as: UTF8.self)
                    if !repeated.contains(name) { repeated.append(name) }
                }
            case 0x7B, 0x5B: depth += 1
            case 0x7D, 0x5D: depth -= 1
            default: break
            }
            if byte != 0x20, byte != 0x09, byte != 0x0D { key = nil }
        }
        return repeated
    }

    /// JSONSerialization's own reason, and the column of "around character N" (a byte offset) when it says one.
    private static func jsonReason(_ error: Error, line: Data) -> (String, Int) {
        let nsError = error as NSError
        let reason = (nsError.userInfo["NSDebugDescription"] as? String) ?? nsError.localizedDescription
        guard let range = reason.range(of: "around character "),
              let offset = Int(reason[range.upperBound...].prefix(while: \.isNumber)), offset <= line.count else {
            return (reason, 1)
        }
        let trimmed = reason[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
        return (trimmed, String(decoding: line.prefix(offset), as: UTF8.self).count + 1)
    }

    /// The string an API wraps a value in: WordPress's `{"rendered": ...}`, feedparser's `[{"type": ..., "value": ...}]`,
    /// XML-to-JSON's `{"#text": ...}` and `{"$t": ...}` (several values, as feedparser's content list, are paragraphs).
    static func wrappedText(_ value: Any) -> String? {
        func inside(_ object: [String: Any]) -> String? {
            ["rendered", "value", "#text", "$t"].lazy.compactMap { object[$0] as? String }.first
        }
        if let object = value as? [String: Any] { return inside(object) }
        guard let list = value as? [Any], !list.isEmpty else { return nil }
        let strings = list.compactMap { ($0 as? [String: Any]).flatMap(inside) }
        return strings.count == list.count ? strings.joined(separator: "\n\n") : nil
    }

    /// The one string each object of a list carries (see `obviousKeys`): several values of a field; nil unless the
    /// value is a list of objects that each carry one.
    static func obviousStrings(_ value: Any) -> [String]? {
        guard let list = value as? [Any], !list.isEmpty else { return nil }
        var strings: [String] = []
        for item in list {
            guard let object = item as? [String: Any],
                  let string = obviousKeys.lazy.compactMap({ object[$0] as? String }).first(where: { !$0.isEmpty }) else { return nil }
            if !strings.contains(string) { strings.append(string) }
        }
        return strings
    }

    /// A list of strings as paragraphs, one after another with a blank line between; nil for anything else.
    private static func paragraphs(_ value: Any) -> String? {
        guard let list = value as? [Any], !list.isEmpty, list.allSatisfy({ $0 is String }) else { return nil }
        return (list as! [String]).joined(separator: "\n\n")
    }

    /// A JSON value as a field's text: strings as they are, numbers and booleans written out, arrays of strings
    /// joined with "; ", anything else as compact JSON; nil for null.
    private static func jsonText(_ value: Any) -> String? {
        if let wrapped = wrappedText(value) { return wrapped }
        switch value {
        case is NSNull: return nil
        case let string as String: return string
        case let number as NSNumber:
            // JSONSerialization boxes true and false as numbers of C type char.
            if String(cString: number.objCType) == "c" { return number.boolValue ? "true" : "false" }
            return number.stringValue
        case let array as [Any] where array.allSatisfy({ $0 is String }):
            return (array as! [String]).joined(separator: "; ")
        default:
            guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]) else { return nil }
            return String(decoding: data, as: UTF8.self)
        }
    }

    // MARK: CSV

    /// The separator of a CSV file, from its header: a semicolon when the header holds one and no comma (Excel's
    /// "CSV" on a French, German or Spanish Windows: tester18 #23, such a file was refused), else a comma.
    static func separator(_ bytes: [UInt8]) -> UInt8 {
        let start = FileSystem.byteOrderMarkLength(bytes)
        let header = bytes[start...].prefix { $0 != 0x0A }
        return header.contains(UInt8(ascii: ";")) && !header.contains(UInt8(ascii: ",")) ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// RFC 4180: cells separated by commas, rows by CRLF or LF; a quoted cell may hold commas, line breaks and
    /// doubled quotes. The first row names the columns, one of them `text`.
    static func csv(_ bytes: [UInt8], path: String) -> ([DocumentRecord], [Diagnostic]) {
        var rows = CSVRows(bytes: bytes, separator: separator(bytes))
        var diagnostics: [Diagnostic] = []
        func error(_ line: Int, _ column: Int, _ message: String) {
            diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: path, line: line, column: column), message))
        }
        var header: [String]?
        var records: [DocumentRecord] = []
        while let row = rows.next() {
            if let problem = row.problem {
                error(problem.line, problem.column, problem.message)
                if header == nil { return ([], diagnostics) }
                continue
            }
            guard let names = header else {
                let names = row.cells.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                guard names.contains("text") || textKeys.contains(where: names.contains) else {
                    error(row.line, 1, "no 'text' column in the header (columns: \(names.joined(separator: ", ")); "
                                     + "\(textKeys.joined(separator: ", ")) are read as text too); nothing in this file is loaded")
                    return ([], diagnostics)
                }
                var said = Set<String>()
                for name in names where names.filter({ $0 == name }).count > 1 && said.insert(name).inserted {
                    let columns = names.indices.filter { names[$0] == name }.map { String($0 + 1) }
                    error(row.line, 1, "the column '\(name)' is given \(columns.count) times (columns \(columns.joined(separator: ", "))); its last is used")
                }
                header = names
                continue
            }
            if row.cells.count == 1, row.cells[0].isEmpty { continue }
            guard row.cells.count == names.count else {
                error(row.line, 1, "\(row.cells.count) cells where the header has \(names.count); this row is not loaded")
                continue
            }
            switch record(Array(zip(names, row.cells)), line: row.line) {
            case .success(let (record, warnings)):
                records.append(record)
                for warning in warnings { error(row.line, warning.column, warning.message) }
            case .failure(let problem): error(row.line, problem.column, problem.message + "; this row is not loaded")
            }
        }
        return (records, diagnostics)
    }

    // MARK: Records

    /// The keys a record's own parts are read from, not fields.
    static let understood: Set<String> = ["text", "id", "title", "date"]
    /// Keys that hold the text where there is no `text`, as scrapers and feeds write it (newspaper3k and most
    /// JSON exports `content` or `body`, news-please `maintext`, feedparser `summary` when an entry has no `content`,
    /// RSS `description`, news APIs' `desc`), the first found with words taken.
    static let textKeys = ["content", "body", "maintext", "article", "full_text", "summary", "description", "desc"]
    /// Keys that hold the title where there is no `title` (scraped datasets' `headline`, `Headline`, `heading`; tester19
    /// #5), the first found with a value taken.
    static let titleKeys = ["headline", "heading"]
    /// The keys of an object that carry its one string in a list of objects (feedparser's `tags` `[{"term": "Space",
    /// "scheme": null, "label": null}]`, `authors` `[{"name": "Ann Lee"}]`, `links` `[{"href": ...}]`), the first with a
    /// string taken: a label shown to readers before the term it labels.
    static let obviousKeys = ["label", "term", "name", "value", "href"]
    /// Keys that hold the publication date where there is no `date` (newspaper3k and MediaCloud `publish_date`,
    /// news-please `date_publish`, RSS `pubdate`, schema.org `datepublished`, NewsAPI `publishedAt`), the first found
    /// taken (a field when it is no date); then `time`, taken only when it is a date (a time of day is a field).
    static let dateKeys = ["published", "publish_date", "published_at", "publication_date", "date_published",
                           "date_publish", "datepublished", "pubdate", "publishedat", "published_date", "pub_date"]

    /// A record from its keys and values: `text` required (or one of `textKeys`), `title`, `date` (or one of
    /// `dateKeys`), `id` understood, the rest fields; with what in it was left out (a date that cannot be read).
    private static func record(_ cells: [(String, String)], line: Int) -> Result<(DocumentRecord, [Problem]), Problem> {
        var text: String?
        var warnings: [Problem] = []
        var record = DocumentRecord(line: line, id: nil, text: "", entry: Manifest.Entry())
        var dateValue: (key: String, value: String)?
        for (rawKey, value) in cells {
            let key = rawKey.lowercased()
            switch key {
            case "text": text = value
            case "id": record.id = value.isEmpty ? nil : value
            case "title": record.entry.title = value.isEmpty ? nil : MarkupText.line(value) ?? value
            case "date": dateValue = (key, value)
            default:
                if key == "source", record.entry.kind == nil { record.entry.kind = value }
                if !value.isEmpty { record.entry.fields.append(DocumentField(key: key, value: MarkupText.line(value) ?? value)) }
            }
        }
        let given = { (keys: [String]) in keys.compactMap { key in cells.first { $0.0.lowercased() == key }.map { (key, $0.1) } } }
        let texts = given(textKeys)
        if text == nil, let (key, value) = texts.first(where: { $0.1.contains { !$0.isWhitespace } }) ?? texts.first {
            text = value
            record.entry.fields.removeAll { $0.key == key }
        }
        if record.entry.title == nil, let (key, value) = given(titleKeys).first(where: { !$0.1.isEmpty }) {
            record.entry.title = MarkupText.line(value) ?? value
            record.entry.fields.removeAll { $0.key == key }
        }
        // The fields hold every other key with a value, by its lowered name.
        if dateValue == nil, let field = dateKeys.lazy.compactMap({ key in record.entry.fields.first { $0.key == key } }).first {
            dateValue = (field.key, field.value)
        }
        if dateValue == nil, let field = record.entry.fields.first(where: { $0.key == "time" }),
           SlashDate(field.value, key: field.key) != nil || writtenDate(field.value) != nil {
            dateValue = (field.key, field.value)
        }
        if let (key, value) = dateValue, !value.isEmpty {
            if let slash = SlashDate(value, key: key) {
                record.slashDate = slash
                record.entry.fields.removeAll { $0.key == key }
            } else if let period = writtenDate(value) {
                (record.entry.date, record.entry.dateSource) = (period, .record)
                record.entry.fields.removeAll { $0.key == key }
            } else {
                warnings.append(Problem(message: "\(key) '\(value)' is not a date (\(writtenDateForms)); the document is loaded without a date"))
            }
        }
        guard let text else {
            let keys = cells.map(\.0)
            return .failure(Problem(message: "no 'text' (its keys: \(keys.joined(separator: ", ")))"))
        }
        guard text.contains(where: { !$0.isWhitespace }) else { return .failure(Problem(message: "'text' is empty")) }
        record.text = MarkupText.paragraphs(text) ?? text
        return .success((record, warnings))
    }

    /// A document's date as collections and manifests write it: `date`, `epochDate`, or as pages write it.
    static func writtenDate(_ value: String) -> Period? {
        date(value) ?? epochDate(value) ?? WebPage.date(value)
    }

    /// The forms `writtenDate` reads, for the warning about one it cannot.
    static let writtenDateForms = "YYYY, YYYY-MM-DD, an ISO 8601 or RFC 2822 time, \"Sep 20, 2021\", seconds since 1970"

    /// A date as collections write it: `2021`, `2021-09`, `2021-09-20`, or an ISO 8601 time (`2021-09-20T23:47:00Z`)
    /// taken as its day.
    /// A count of seconds (10 digits or fewer) or milliseconds (13) since 1970 as the UTC day it falls on, from
    /// 1973 (9 digits) on: shorter numbers are years or ids, not times.
    static func epochDate(_ value: String) -> Period? {
        let digits = value.trimmingCharacters(in: .whitespaces)
        guard [9, 10, 13].contains(digits.count), digits.allSatisfy(\.isASCII), let number = Int(digits), number > 0 else { return nil }
        let seconds = digits.count == 13 ? number / 1000 : number
        let day = Day(year: 1970, month: 1, day: 1)!.adding(days: seconds / 86_400)
        return Period(start: day, end: day, granularity: .day)
    }

    static func date(_ value: String) -> Period? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let period = Period.parse(trimmed) { return period }
        let utf8 = Array(trimmed.utf8)
        guard utf8.count > 10, utf8[10] == UInt8(ascii: "T") || utf8[10] == UInt8(ascii: " ") else { return nil }
        return Period.parse(String(decoding: utf8[0..<10], as: UTF8.self))
    }
}

/// The rows of a CSV file, one at a time, each with the line it starts on.
struct CSVRows {
    struct Row {
        var cells: [String] = []
        var line: Int
        var problem: (line: Int, column: Int, message: String)?
    }

    let bytes: [UInt8]
    /// What parts cells: a comma, or the semicolon of Excel's "CSV" in most of continental Europe.
    let separator: UInt8
    private var index: Int
    private var line = 1
    private var lineStart: Int

    init(bytes: [UInt8], separator: UInt8 = UInt8(ascii: ",")) {
        self.bytes = bytes
        self.separator = separator
        index = FileSystem.byteOrderMarkLength(bytes)
        lineStart = index
    }

    private var column: Int { String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1 }

    private mutating func newLine() {
        line += 1
        lineStart = index
    }

    mutating func next() -> Row? {
        guard index < bytes.count else { return nil }
        var row = Row(line: line)
        var cell: [UInt8] = []
        while true {
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                let (openLine, openColumn) = (line, column)
                index += 1
                var closed = false
                while index < bytes.count {
                    let byte = bytes[index]
                    index += 1
                    if byte == UInt8(ascii: "\"") {
                        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                            cell.append(byte)
                            index += 1
                            continue
                        }
                        closed = true
                        break
                    }
                    cell.append(byte)
                    if byte == 0x0A { newLine() }
                }
                guard closed else {
                    row.problem = (openLine, openColumn, "quoted cell never closed (a \" is missing); the rest of the file is not loaded")
                    return row
                }
                if index < bytes.count, ![separator, 0x0A, 0x0D].contains(bytes[index]) {
                    row.problem = (line, column, "text after a closing quote (write \"\" for a quote inside a quoted cell); this row is not loaded")
                    skipLine()
                    return row
                }
            } else {
                while index < bytes.count, ![separator, 0x0A, 0x0D].contains(bytes[index]) {
                    cell.append(bytes[index])
                    index += 1
                }
            }
            row.cells.append(String(decoding: cell, as: UTF8.self))
            cell.removeAll(keepingCapacity: true)
            guard index < bytes.count else { return row }
            if bytes[index] == separator {
                index += 1
                continue
            }
            if bytes[index] == 0x0D { index += 1 }
            if index < bytes.count, bytes[index] == 0x0A { index += 1 }
            newLine()
            return row
        }
    }

    /// Skips to the start of the next line after a broken row.
    private mutating func skipLine() {
        while index < bytes.count, bytes[index] != 0x0A { index += 1 }
        if index < bytes.count {
            index += 1
            newLine()
        }
    }
}

extension DocumentAnalyzer {
    /// Analyses every record of a collection file as its own document (id from its `id`, else the file's name and
    /// the record's line), and returns the errors of the lines that are not documents.
    mutating func analyzeCollection(_ bytes: [UInt8], path: String) -> [Diagnostic] {
        let display = FileSystem.display(path)
        let (records, diagnostics) = DocumentRecords.read(bytes, path: display)
        analyzeRecords(records, path: path)
        if records.isEmpty, diagnostics.isEmpty {
            return [Diagnostic(.warning, at: SourceLocation(file: display, line: 1, column: 1), "no documents in this file")]
        }
        return diagnostics
    }

    /// Analyses records of the file at `path` as documents of their own, each known as `FILE:LINE`.
    mutating func analyzeRecords(_ records: [DocumentRecord], path: String) {
        let display = FileSystem.display(path)
        let stem = Document.id(fileName: path.split(separator: "/").last.map(String.init) ?? path)
        for record in records {
            analyze(SourceFile(path: path, displayPath: "\(display):\(record.line)", bytes: Array(record.text.utf8),
                               manifest: record.entry, id: record.id ?? "\(stem)-\(record.line)"))
        }
    }
}
