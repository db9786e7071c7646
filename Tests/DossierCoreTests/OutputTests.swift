import Foundation
import Testing
@testable import DossierCore

@Suite("Output formats")
struct OutputTests {
    /// Compared with files an earlier process wrote, so output that depends on hash order (which changes with each
    /// process) fails here.
    static let script = """
    find actor Wagner and in 2021 | limit 3
    count actor Wagner by year
    top places 3
    cooccur actor Russia | limit 8
    show actor Wagner
    actors | limit 12
    """

    static let recording = ProcessInfo.processInfo.environment["DOSSIER_RECORD"] == "1"

    @Test(arguments: OutputFormat.allCases)
    func golden(_ format: OutputFormat) throws {
        let r = run(Self.script, format: format, limit: 20)
        #expect(r.ok, "\(r.err)")
        let ext = format == .markdown ? "md" : format.rawValue
        let path = Paths.golden + "/seeds.\(ext)"
        if Self.recording {
            try Data(r.out.utf8).write(to: URL(fileURLWithPath: path))
            return
        }
        let expected = try #require(FileManager.default.contents(atPath: path), "no golden file \(path); run with DOSSIER_RECORD=1")
        let golden = String(decoding: expected, as: UTF8.self)
        #expect(r.out == golden, "output differs from \(path); re-record with DOSSIER_RECORD=1 if intended")
    }

    @Test func jsonLinesHaveTheContractKeys() throws {
        let r = run("find actor Wagner | limit 2\ncount by year\ntop actors 3\nactors\nplaces\ndocs\nshow actor Wagner\nshow doc 004\necho hi",
                    format: .json)
        let lines = r.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 9, "one line per command")
        let objects = lines.compactMap(jsonObject)
        #expect(objects.count == lines.count, "every line parses as JSON")
        guard objects.count == 9 else { return }
        #expect(objects[0]["command"] as? String == "find actor Wagner | limit 2")
        #expect(Set(objects[0].keys) == ["command", "count", "shown", "rows"], "fewer rows than the count: 'shown' says how many")
        #expect(objects[0]["shown"] as? Int == 2)
        for row in rows(objects[0]) {
            #expect(Set(row.keys) == ["doc", "sentence", "text", "time", "times", "actors", "places"])
            let times = try #require(row["times"] as? [[String: String]])
            if let t = row["time"] as? [String: Any] {
                #expect(Set(t.keys) == ["start", "end", "basis"])
                #expect(times.first == ["start": t["start"] as? String ?? "", "end": t["end"] as? String ?? ""], "'time' is the first of 'times'")
                #expect(["explicit", "context", "document"].contains(t["basis"] as? String ?? ""))
                #expect((t["start"] as? String)?.count == 10)
            } else {
                #expect(row["time"] is NSNull)
                #expect(times.isEmpty)
            }
            #expect(row["sentence"] is Int)
        }
        for i in [1, 2] {
            // `top actors 3` keeps 3 keys of many: "keys" says how many there were.
            #expect(Set(objects[i].keys) == (i == 1 ? ["command", "count", "rows"] : ["command", "count", "keys", "shown", "rows"]))
            // A chart by year also says how many of each year's sentences are dated only by publication.
            for row in rows(objects[i]) { #expect(Set(row.keys) == (i == 1 ? ["key", "count", "publication_dated"] : ["key", "count"])) }
        }
        for i in [3, 4] {
            for row in rows(objects[i]) { #expect(Set(row.keys) == ["name", "type", "mentions", "docs"]) }
        }
        #expect(rows(objects[5]).count == 5)
        // The contract's keys, and a column per document field the manifest gives (the seeds' source).
        for row in rows(objects[5]) { #expect(Set(row.keys) == ["id", "title", "date", "source", "sentences", "path"]) }
        let actor = try #require(objects[6]["actor"] as? [String: Any])
        for key in ["name", "type", "aliases", "mentions", "docs", "first", "last", "related"] { #expect(actor[key] != nil, "\(key)") }
        #expect(objects[7]["doc"] is [String: Any])
        #expect(objects[8]["command"] as? String == "echo hi")
    }

    @Test func jsonEscapesHostileText() throws {
        let c = analyze("He said \"no\" \\ then \u{1}left\ttoday. Next.\n")
        let o = json("find", corpus: c)
        let first = try #require(rows(o).first?["text"] as? String)
        #expect(first.contains("\"no\" \\"))
    }

    @Test func textOutputHasNoRawControlCharacters() {
        let c = analyze("The \u{1B}[31mred\u{1B}[0m army entered Mali today. Next.\n")
        let r = run("find", corpus: c)
        #expect(!r.out.unicodeScalars.contains { $0.value == 0x1B })
    }

    @Test func csvQuotesFields() {
        let r = run("find text \"tactical alliance\" | limit 2", format: .csv)
        let lines = r.out.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        #expect(lines.first == "doc,sentence,start,end,basis,text,actors,places,times")
        #expect(lines.count == 4, "\(r.out)\(r.err)")
        for line in lines.dropFirst() where !line.isEmpty {
            // 9 columns: a line with more than 8 commas must quote the fields holding them.
            if line.filter({ $0 == "," }).count > 8 { #expect(line.contains("\""), "\(line)") }
        }
    }

    @Test func tsvHasNoTabsInFields() {
        let r = run("find | limit 50", format: .tsv)
        for line in r.out.split(separator: "\n") { #expect(line.split(separator: "\t", omittingEmptySubsequences: false).count == 9) }
    }

    /// A cell reads as written in any Markdown reader: pipes, emphasis, code and HTML escaped; each command's table
    /// ends with a blank line so the next is a table of its own (tester17 #10).
    @Test func markdownEscapesMarksAndPartsTables() {
        let c = analyze("Russia | Mali signed a deal in 2021. The ratio was 3|4 and *bold* `code` <b>tag</b> snake_case.\n")
        let r = run("find\ncount", format: .markdown, corpus: c)
        let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "| doc | sentence | start | end | basis | text | actors | places | times |")
        for line in lines.dropFirst(2).prefix(2) { #expect(line.components(separatedBy: " | ").count == 9, "\(line)") }
        #expect(r.out.contains(#"The ratio was 3\|4 and \*bold\* \`code\` \<b\>tag\</b\> snake_case."#), "\(r.out)")
        #expect(lines.count > 5 && lines[4] == "" && lines[5].hasPrefix("|"), "a blank line between the tables: \(r.out)")
    }

    /// A sentence of several periods gives a program all of them, the ones `in` and `count ... by year` test:
    /// `time` alone would leave a row matched by `in 2021` with only a time in 2019.
    @Test func everyPeriodOfASentenceReachesPrograms() throws {
        let c = analyze("France met Mali in 2019 and again in March 2021.\n")
        let o = try #require(jsonObject(String(run("find in 2021", format: .json, corpus: c).out.split(separator: "\n")[0])))
        let row = try #require(rows(o).first)
        #expect((row["time"] as? [String: Any])?["start"] as? String == "2019-01-01")
        #expect(row["times"] as? [[String: String]] == [["start": "2019-01-01", "end": "2019-12-31"], ["start": "2021-03-01", "end": "2021-03-31"]])
        let csv = run("find in 2021", format: .csv, corpus: c).out.split(separator: "\n")
        #expect(csv.last?.hasSuffix(",2019-01-01..2019-12-31; 2021-03-01..2021-03-31") == true, "\(csv)")
    }

    @Test func textLimitHeader() {
        let r = run("find actor Russia", limit: 5)
        #expect(r.out.contains("showing the first 5"))
    }
}

@Suite("Wrapping sentences")
struct WrapTests {
    static let brackets = Styling(highlight: { "[" + $0 + "]" }, dim: { $0 }, bold: { $0 })

    static func wrap(_ text: String, marking marked: String? = nil, width: Int) -> [String] {
        let corpus = analyze(text)
        let bytes = corpus.documents[0].text
        let sentence = corpus.sentences[0]
        var marks: [Range<Int>] = []
        if let marked, let at = String(decoding: bytes[Int(sentence.start)..<Int(sentence.end)], as: UTF8.self).range(of: marked) {
            let sentenceText = String(decoding: bytes[Int(sentence.start)..<Int(sentence.end)], as: UTF8.self)
            let start = Int(sentence.start) + sentenceText.utf8.distance(from: sentenceText.startIndex, to: at.lowerBound)
            marks = [start..<(start + marked.utf8.count)]
        }
        return Renderer(corpus: corpus, format: .text, styling: brackets, width: width, page: nil).wrap(0, marks: marks, width: width)
    }

    @Test(arguments: [
        ("Russia and Mali signed a deal.", nil, 100, ["Russia and Mali signed a deal."]),
        ("Russia and Mali signed a deal.", nil, 12, ["Russia and", "Mali signed", "a deal."]),
        // Widths count characters, not bytes: "Touadéra" is 8 wide.
        ("Touadéra met Prigozhin in Bangui.", nil, 12, ["Touadéra met", "Prigozhin in", "Bangui."]),
        ("Le président Touadéra à Bangui.", nil, 13, ["Le président", "Touadéra à", "Bangui."]),
        // Highlight marks do not count towards the width; punctuation glued to a mark never starts a line:
        // past the width, the word goes to the next line with it.
        ("They met Wagner, in Bangui.", "Wagner", 15, ["They met", "[Wagner], in", "Bangui."]),
        ("He said \"Wagner\" twice.", "Wagner", 14, ["He said", "\"[Wagner]\"", "twice."]),
        ("Wagner fighters arrived.", "Wagner fighters", 10, ["[Wagner]", "[fighters]", "arrived."]),
        // A word longer than the width gets a line of its own.
        ("A Supercalifragilistic word.", nil, 8, ["A", "Supercalifragilistic", "word."]),
    ] as [(String, String?, Int, [String])])
    func wrapsAtWordsToTheWidth(_ text: String, _ marked: String?, _ width: Int, _ expected: [String]) {
        #expect(Self.wrap(text, marking: marked, width: width) == expected)
    }

    /// A message's lines (help, the banner) cut to the width: a line of two columns goes on under its second, an
    /// indented paragraph at its indent; a line of three columns or none goes on two spaces in, and so does one
    /// whose second column is too far right to leave 20 columns.
    @Test(arguments: [
        ("  count       how many sentences, grouped; word and n-gram frequencies", 40,
         ["  count       how many sentences,", "              grouped; word and n-gram", "              frequencies"]),
        ("  actor NAME, place NAME, type T, doc ID, text", 24, ["  actor NAME, place", "  NAME, type T, doc ID,", "  text"]),
        ("    actor NAME   place NAME   type TYPE", 20, ["    actor NAME", "      place NAME", "      type TYPE"]),
        ("Dossier 0.1.0 — 58 KB in 5 documents", 16, ["Dossier 0.1.0 —", "  58 KB in 5", "  documents"]),
        ("  basis explicit|context|document   (how the time is known)", 40,
         ["  basis explicit|context|document   (how", "    the time is known)"]),
    ] as [(String, Int, [String])])
    func messageLinesFitTheWidth(_ line: String, _ width: Int, _ expected: [String]) {
        #expect(Renderer.fitted(line, width: width) == expected)
    }
}

/// A count cut by `| limit` says how many keys it had: a chart's last row would otherwise read as its end.
@Suite("Limited counts")
struct LimitedCountTests {
    @Test(arguments: [
        ("count by actor | limit 5", "350 sentences by actor, showing the first 5 of 97 actors\n"),
        ("count actor Wagner by doc | limit 1", "13 sentences by doc, showing the first 1 of 3 documents\n"),
        ("count actor Wagner by year | limit 2", "13 sentences by year, showing the first 2 of 7 years\n"),
        ("count actor Wagner by year | limit 50", "13 sentences by year\n"),
    ])
    func theHeaderSaysWhatTheLimitLeftOut(_ command: String, _ header: String) {
        let r = run(command)
        #expect(r.ok, "\(r.err)")
        #expect(r.out.hasPrefix(header), "\(r.out)")
    }

    /// A chart cut by `| limit` keeps the whole count's scale: each year's bar is as long as in the whole chart, so a
    /// year with 1 sentence is not drawn at full width because it is the largest row left.
    @Test func aLimitedChartKeepsTheWholeScale() {
        let count = "count actor Wagner by year"
        func bars(_ command: String) -> [String: Int] {
            var out: [String: Int] = [:]
            for line in run(command).out.split(separator: "\n") {
                let parts = line.split(separator: " ", omittingEmptySubsequences: true)
                guard parts.count >= 2, !line.contains("sentence"), let key = parts.first, key.first?.isNumber == true else { continue }
                out[String(key)] = line.filter { $0 == "█" }.count
            }
            return out
        }
        let whole = bars(count), cut = bars(count + " | limit 1")
        #expect(cut.count == 1 && whole.values.max()! > cut.values.max()! + 2, "the test needs a peak after the first rows: \(whole)")
        // The key column may be narrower without the whole chart's "A..B" rows, which leaves the bars a little more room.
        for (key, length) in cut {
            guard let full = whole[key] else { Issue.record("\(key) is a row of the whole chart too: \(whole)"); continue }
            #expect(abs(length - full) <= full / 8 + 1, "\(key): \(length) cut, \(full) whole")
        }
    }
}

/// `| sort by count|KEY [desc]` orders a count's rows as ORDER BY would: the same rows, by count or by key, ties in
/// the count's own order, before or after a limit as written.
@Suite("Sorted counts")
struct SortedCountTests {
    static func keyed(_ command: String) -> [(key: String, count: Int)] {
        rows(json(command)).map { ($0["key"] as? String ?? "", $0["count"] as? Int ?? -1) }
    }

    @Test(arguments: ["count actor Russia by place", "count by year", "count by doc", "count by month", "count by source", "count by type"])
    func sortingKeepsTheRowsAndOrdersThem(_ count: String) {
        let plain = Self.keyed(count)
        let key = count.split(separator: " ").last!
        let byCount = Self.keyed(count + " | sort by count"), byCountDown = Self.keyed(count + " | sort by count desc")
        let byKey = Self.keyed(count + " | sort by \(key)"), byKeyDown = Self.keyed(count + " | sort by key desc")
        #expect(plain.count > 1)
        for sorted in [byCount, byCountDown, byKey, byKeyDown] {
            #expect(sorted.map { "\($0.key)=\($0.count)" }.sorted() == plain.map { "\($0.key)=\($0.count)" }.sorted())
        }
        #expect(byCount.map(\.count) == byCount.map(\.count).sorted())
        #expect(byCountDown.map(\.count) == byCountDown.map(\.count).sorted(by: >))
        // A chart's "undated" row stays last either way.
        let dated = { (rows: [(key: String, count: Int)]) in rows.map(\.key).filter { $0 != "undated" } }
        #expect(dated(byKeyDown) == dated(byKey).reversed())
        #expect(byKeyDown.map(\.key).firstIndex(of: "undated") ?? byKeyDown.count == byKeyDown.count - (plain.contains { $0.key == "undated" } ? 1 : 0))
        if key == "year" || key == "month" || key == "doc" {
            // These counts are in their keys' order already.
            #expect(byKey.map(\.key) == plain.map(\.key))
        } else {
            #expect(byKey.map(\.key) == byKey.map(\.key).sorted())
        }
    }

    @Test func aSortBeforeALimitChoosesTheRowsShown() {
        let latest = Self.keyed("count actor Wagner by year | sort by year desc | limit 3").map(\.key)
        #expect(latest == Array(Self.keyed("count actor Wagner by year").map(\.key).filter { $0 != "undated" }.reversed().prefix(3)))
        let most = Self.keyed("count actor Russia by place | sort by count desc | limit 3")
        #expect(most.map(\.key) == Self.keyed("count actor Russia by place | limit 3").map(\.key))
        #expect(Self.keyed("count by year | sort by time desc").map(\.key) == Self.keyed("count by year | sort by year desc").map(\.key))
    }

    @Test(arguments: [
        ("count by actor | sort by time", "expected 'count' or 'actor'"),
        ("count actor Russia | sort by count", "a count without 'by' is one number"),
        ("count by source | sort by year", "expected 'count' or 'source'"),
    ])
    func aSortACountCannotDoIsAnError(_ command: String, _ message: String) {
        expectError(command, saying: message)
    }
}

/// On a terminal the display page shortens long results, but never what `| limit` or `top N` asked for.
@Suite("Display page")
struct DisplayPageTests {
    @Test(arguments: [
        ("top actors 30", 30), ("actors | limit 50", 50), ("find actor Russia | limit 40", 40), ("count by actor | limit 25", 25),
        ("find actor Russia", 20), ("actors", 20),
    ])
    func explicitLimitsOutrankThePage(_ command: String, _ rows: Int) {
        let r = run(command, limit: 20)
        #expect(r.ok, "\(r.err)")
        let lines = r.out.split(separator: "\n").dropFirst()
        if command.hasPrefix("find") {
            #expect(r.out.split(separator: "\n").first?.hasSuffix("showing the first \(rows)") == true, "\(r.out.prefix(200))")
        } else {
            let body = command.hasPrefix("actors") ? lines.dropFirst() : lines[...]
            #expect(body.count == rows, "\(command): \(body.count) rows")
        }
    }
}

@Suite("Cells for spreadsheets")
struct SpreadsheetTests {
    @Test(arguments: [
        ("=SUM(A1)", "'=SUM(A1)"), ("+cmd", "'+cmd"), ("@import", "'@import"), ("-x", "'-x"),
        ("-0.522", "-0.522"), ("+3", "+3"), ("Russia", "Russia"), ("", ""),
    ])
    func formulasGetAnApostrophe(_ cell: String, _ expected: String) {
        #expect(Spreadsheet.safe(cell) == expected)
    }

    /// A JSON line stays one line for every reader: controls, C1 controls and the line and paragraph separators (which
    /// Python's splitlines takes for line ends) are escaped (tester15 #17).
    @Test(arguments: [("a\u{2028}b\u{2029}c", #""a\u2028b\u2029c""#), ("x\u{85}y\u{1B}z", #""x\u0085y\u001bz""#), ("é—ü", #""é—ü""#)])
    func aJSONStringHoldsNoLineEnd(_ text: String, _ json: String) {
        #expect(Value.string(text).json == json)
    }

    /// A cell given the apostrophe is said beside the CSV or TSV, once with how many (tester15 #10: the text changed
    /// silently); JSON gives it as written, and a number keeps its sign.
    @Test(arguments: [OutputFormat.csv, .tsv])
    func aGuardedCellIsSaid(_ format: OutputFormat) {
        let (corpus, _) = loadCorpus([("b.txt", "-5 degrees hit Mali. Chad voted -3 to 1.\n+1 for Chad.\n")])
        let r = run("find", format: format, corpus: corpus)
        #expect(r.out.contains("'-5 degrees hit Mali.") && r.out.contains("'+1 for Chad."), "\(r.out)")
        #expect(r.err == "note: " + Spreadsheet.note(2) + "\n", "\(r.err)")
        #expect(run("find", format: .json, corpus: corpus).out.contains(#""text": "-5 degrees hit Mali.""#))
        #expect(run("count text \"Chad\" by year", format: format, corpus: corpus).err.isEmpty)
    }

    @Test(arguments: [
        ("a\u{1B}]52;c;eA==\u{07}b", "a^[]52;c;eA==^Gb"), ("line\nbreak", "line break"), ("\u{202E}abc", "\\u{202e}abc"),
        ("Touadéra", "Touadéra"),
    ])
    func cellsShowControls(_ text: String, _ expected: String) {
        #expect(TerminalSafe.cell(text) == expected)
    }
}

/// Text output lines up by terminal columns: wide characters take two, marks none, and a run of Chinese wider than the
/// window is cut between characters.
@Suite("Display width")
struct DisplayWidthTests {
    /// A table too wide for the window narrows its other columns before its first, the id or name the user types back
    /// (tester15 #13: `docs` at 50 columns read "1790-Was…" for every address).
    @Test(arguments: [50, 60, 100])
    func theFirstColumnIsCutLast(_ width: Int) {
        let output = Collect()
        let session = Session(corpus: Seeds.corpus, loader: CorpusLoader(), corpusPaths: [], output: output)
        session.settings.width = width
        #expect(session.run("docs", file: "<command>"), "\(output.err)")
        let ids = output.out.split(separator: "\n").drop { !$0.hasPrefix("id ") }.dropFirst().map { $0.prefix { $0 != " " } }
        #expect(ids.count == 5 && ids.allSatisfy { $0.count == 20 && !$0.contains("…") }, "\(output.out)")
        #expect(output.out.split(separator: "\n").allSatisfy { $0.displayWidth <= width })
    }

    @Test(arguments: [("Wagner", 6), ("Touadéra", 8), ("Touade\u{301}ra", 8), ("中国", 4), ("😀!", 3), ("한국어", 6),
                      ("ｆｕｌｌ", 8), ("a\u{200B}b", 2), ("—…", 2), ("", 0)])
    func columns(_ text: String, _ width: Int) {
        #expect(text.displayWidth == width)
    }

    @Test func wideSentencesAndIdsFitTheWindow() {
        let text = "中国人民解放军代表团" + String(repeating: "代表团", count: 20) + "与Russia在2019年会见了马里。"
        let (corpus, _) = loadCorpus([("中文😀.txt", text + "\n")])
        for width in [60, 80] {
            let output = Collect()
            let session = Session(corpus: corpus, loader: CorpusLoader(), corpusPaths: [], output: output)
            session.settings.width = width
            #expect(session.run("find actor Russia\ndocs", file: "<command>"), "\(output.err)")
            let lines = output.out.split(separator: "\n")
            #expect(lines.count >= 4)
            #expect(lines.allSatisfy { $0.displayWidth <= width }, "\(lines.map { ($0.displayWidth, $0) })")
        }
    }
}

/// A collection's header names document fields: an escape sequence in it is shown, in every format, never obeyed.
@Test(arguments: [OutputFormat.text, .csv, .tsv, .markdown, .json])
func fieldNamesFromAHeaderReachNoTerminalRaw(_ format: OutputFormat) {
    let (corpus, _) = loadCorpus([("h.csv", "id,text,\u{1B}]0;OWNED\u{7}src\nr1,Russia met Mali in 2019.,wire\n")])
    let r = run("docs", format: format, corpus: corpus)
    #expect(r.ok, "\(r.err)")
    #expect(!r.out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(r.out)")
    #expect(r.out.lowercased().contains("owned"), "the field is still there: \(r.out)")
}

/// A period said several times in a sentence is one of its periods, once, in the text, JSON and CSV rows alike.
@Test func aPeriodSaidTwiceIsListedOnce() throws {
    let corpus = analyze("Russia sent troops in 2019, more in 2019, and again in 2019 and in March 2019.\n")
    #expect(run("find", corpus: corpus).out.contains("2019, 2019-03  Russia"))
    let row = try #require((jsonObject(run("find", format: .json, corpus: corpus).out)?["rows"] as? [[String: Any]])?.first)
    #expect((row["times"] as? [Any])?.count == 2, "\(row)")
    #expect(run("find", format: .csv, corpus: corpus).out.contains("2019-01-01..2019-12-31; 2019-03-01..2019-03-31"))
}

/// A name inside an academic citation is not a mention of the actor ("citation (not counted)"): `kwic actor` and
/// `collocates actor` count what `show actor` counts.
@Test(arguments: ["Touadera", "\"United Nations\""])
func concordancesCountTheMentionsProfilesCount(_ actor: String) throws {
    let profile = run("show actor \(actor)").out
    let mentions = try #require(profile.split(separator: "\n").first { $0.hasPrefix("mentions") }?.split(separator: " ").last.flatMap { Int($0) })
    let kwic = try #require(jsonObject(run("kwic actor \(actor)", format: .json).out)?["count"] as? Int)
    #expect(kwic == mentions)
    #expect(run("collocates actor \(actor) | limit 1").out.contains("(\(mentions) occurrences"))
}

/// Dates counted from a publication date at the ends of the calendar (9999-12-31 is a common placeholder) stay in
/// years 1 to 9999, which every filter can name: "tomorrow" after 9999-12-31 is no time.
@Test func relativeDatesStayInTheCalendarFiltersName() {
    let (corpus, _) = loadCorpus([("a.txt", "Russia said it would leave tomorrow.\n"), ("b.txt", "Mali said so yesterday.\n")],
                                 manifest: "doc a.txt\n  date: 9999-12-31\ndoc b.txt\n  date: 0001-01-01\n")
    let years = run("count by year", format: .csv, corpus: corpus).out
    #expect(!years.contains("10000") && !years.contains("0000,"), "\(years)")
    #expect(run("count since 9999", corpus: corpus).out == "1 sentence\n")
}

/// A collection with more fields than the window holds keeps its first columns and says how many it left out;
/// fields come in the collection's header order.
@Test func aTableTooWideForTheWindowLeavesColumnsOutAndSaysSo() {
    let keys = (0..<300).map { "field\($0)" }
    let csv = "id,text," + keys.joined(separator: ",") + "\nw1,Russia met Mali in 2019.," + keys.map { _ in "x" }.joined(separator: ",") + "\n"
    let (corpus, _) = loadCorpus([("wide.csv", csv)])
    let output = Collect()
    let session = Session(corpus: corpus, loader: CorpusLoader(), corpusPaths: [], output: output)
    session.settings.width = 100
    #expect(session.run("docs", file: "<command>"))
    let lines = output.out.split(separator: "\n")
    #expect(lines.allSatisfy { $0.displayWidth <= 100 }, "\(lines.map(\.count))")
    #expect(output.out.contains("more columns left out to fit the window"), "\(output.out)")
    #expect(lines.contains { $0.hasPrefix("id") && $0.contains("field0  field1  field2") }, "\(output.out)")
}

/// kwic lines fit the window in columns: a left context of Chinese is cut by what it takes on screen.
@Test func kwicLinesFitTheWindowWithWideCharacters() {
    let text = String(repeating: "中国人民解放军代表团", count: 8) + "。Russia。" + String(repeating: "代表团", count: 30) + "。\n"
    let corpus = analyze(text)
    let output = Collect()
    let session = Session(corpus: corpus, loader: CorpusLoader(), corpusPaths: [], output: output)
    session.settings.width = 70
    #expect(session.run("kwic actor Russia", file: "<command>"), "\(output.err)")
    let lines = output.out.split(separator: "\n").dropFirst()
    #expect(!lines.isEmpty && lines.allSatisfy { $0.displayWidth <= 70 && $0.contains("Russia") }, "\(lines.map { ($0.displayWidth, $0) })")
}

@Test(arguments: [("Wagner Group", 6, "Wagner", "Group"), ("中国人民", 5, "中国", "人民"), ("a中b", 2, "a", "b")])
func cutsByColumns(_ text: String, _ columns: Int, _ start: String, _ end: String) {
    #expect(text.prefix(columns: columns) == start)
    #expect(text.suffix(columns: columns == 6 ? 5 : columns) == end)
}
