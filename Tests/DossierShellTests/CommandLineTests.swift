import Foundation
import Testing

/// The command line: options, output formats, streams and exit status (INTERFACE.md "Command line", "Exit status",
/// "JSON output").
@Suite("Command line")
struct CommandLineTests {
    /// A transcript showing document paths replays from any folder: they are shown from the transcript's folder, as a
    /// session started there showed them (tester14 #16: `dossier check --corpus lesson/corpus lesson/l5.transcript`
    /// from the folder above failed on `path  corpus/a.txt`).
    @Test func aTranscriptsPathsAreShownFromItsFolder() {
        let temp = TempDir()
        temp.write("lesson/corpus/a.txt", "Russia sent advisers to Bangui in 2018.\n")
        temp.write("lesson/corpus/b.txt", "Mali asked France to leave in 2022.\n")
        let transcript = temp.write("lesson/l.transcript", "dossier> docs\ndossier> show doc a\n")
        let lesson = temp.path + "/lesson"
        let recorded = dossier(["--no-cache", "check", "--update", "--corpus", "corpus", "l.transcript"], temp: temp, directory: lesson)
        #expect(recorded.status == 0, "\(recorded)")
        #expect(temp.read("lesson/l.transcript")?.contains("path         corpus/a.txt") == true, "\(temp.read("lesson/l.transcript") ?? "")")
        for (directory, corpus, path) in [(temp.path, "lesson/corpus", "lesson/l.transcript"), (lesson + "/corpus", ".", "../l.transcript"),
                                          ("/", lesson + "/corpus", transcript)] {
            let replayed = dossier(["--no-cache", "check", "--corpus", corpus, path], temp: temp, directory: directory)
            #expect(replayed.status == 0, "from \(directory): \(replayed)")
        }
    }

    /// A replay writes as the session would: into a folder that is not there it fails as the prompt does, and "exists"
    /// names the file from the transcript's folder, so the lesson replays from any folder (tester15 #20).
    @Test func aReplayWritesAsTheSessionWould() {
        let temp = TempDir()
        temp.write("lesson/corpus/a.txt", "Russia sent advisers to Bangui in 2018.\n")
        temp.write("lesson/l.transcript", "dossier> export docs to \"sub/none/x.csv\"\ndossier> export docs to \"docs.csv\"\n"
                   + "dossier> export docs to \"docs.csv\"\n")
        let lesson = temp.path + "/lesson"
        let recorded = dossier(["--no-cache", "check", "--update", "--corpus", "corpus", "l.transcript"], temp: temp, directory: lesson)
        #expect(recorded.status == 0, "\(recorded)")
        let text = temp.read("lesson/l.transcript") ?? ""
        #expect(text.contains("error: cannot write 'sub/none/x.csv': cannot create a temporary file in 'sub/none': No such file or directory"), "\(text)")
        let prompt = dossier(["--no-cache", "--corpus", "corpus", "-e", "export docs to \"sub/none/x.csv\""], temp: temp, directory: lesson)
        #expect(prompt.stderr.contains("error: cannot write 'sub/none/x.csv': cannot create a temporary file in 'sub/none': No such file or directory"),
                "the prompt says the same: \(prompt)")
        #expect(text.contains("error: 'docs.csv' exists; add 'force' to replace it"), "\(text)")
        #expect(temp.read("lesson/docs.csv") == nil && temp.read("lesson/sub/none/x.csv") == nil, "the replay writes nothing of the user's")
        let replayed = dossier(["--no-cache", "check", "--corpus", "lesson/corpus", "lesson/l.transcript"], temp: temp, directory: temp.path)
        #expect(replayed.status == 0, "\(replayed)")
    }

    /// A script or transcript saved in Latin-1 (an older Windows editor) is read as documents are, with the warning:
    /// its accented names were U+FFFD and found nothing (tester15 #23).
    @Test func aLatin1ScriptIsReadWithAWarning() {
        let temp = TempDir()
        let maiga: [UInt8] = Array("count text \"Ma".utf8) + [0xEF] + Array("ga\"\n".utf8)
        FileManager.default.createFile(atPath: temp.path + "/s.dossier", contents: Data(maiga))
        FileManager.default.createFile(atPath: temp.path + "/t.transcript", contents: Data(Array("dossier> ".utf8) + maiga + Array("4 sentences\n".utf8)))
        let script = dossier(["--no-cache", "s.dossier"], temp: temp, directory: temp.path)
        #expect(script.status == 0 && script.stdout == "4 sentences\n", "\(script)")
        #expect(script.stderr.contains("s.dossier:1:15: warning: not valid UTF-8; read as Windows-1252 (Latin-1)"), "\(script)")
        let checked = dossier(["--no-cache", "check", "t.transcript"], temp: temp, directory: temp.path)
        #expect(checked.status == 0 && checked.stderr.contains("t.transcript:1:24: warning: not valid UTF-8"), "\(checked)")
        // Piped in, as a program driving dossier sends them (tester16 #5).
        let piped = runProcess("/bin/sh", ["-c", "exec \"$0\" --no-cache < s.dossier", dossierBinary],
                               environment: childEnvironment(temp, extra: [:]), directory: temp.path)
        #expect(piped.status == 0 && piped.stdout == "4 sentences\n", "\(piped)")
        #expect(piped.stderr.contains("<stdin>:1:15: warning: not valid UTF-8; read as Windows-1252 (Latin-1)"), "\(piped)")
    }

    @Test func binaryIsBuilt() {
        #expect(binaryExists, "no dossier binary at \(dossierBinary): run `swift build --product dossier` or set DOSSIER_BIN")
    }

    @Test func help() {
        let r = dossier(["--help"])
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.lowercased().contains("usage: dossier"))
        for flag in ["--corpus", "--lexicon", "--format", "-e", "--keep-going", "--echo", "--timer", "--no-color", "--cache", "--no-cache", "check"] {
            #expect(r.stdout.contains(flag), "help does not mention \(flag)")
        }
        #expect(r.stderr.isEmpty)
    }

    @Test func theModelIsSavedOnceAndReadBackWithTheSameAnswers() throws {
        let temp = TempDir()
        let cache = temp.path + "/models"
        let arguments = ["--cache", "--format", "json", "-e", "count actor Russia by year", "-e", "find text \"Wagner\" | limit 3"]
        let first = dossier(arguments, temp: temp, env: ["DOSSIER_CACHE": cache])
        #expect(first.status == 0, "\(first)")
        #expect(first.stderr.contains(": note: saved the model"), "\(first)")
        let files = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".model") }
        #expect(files.count == 1)
        let second = dossier(arguments, temp: temp, env: ["DOSSIER_CACHE": cache])
        #expect(second.status == 0 && second.stderr.isEmpty, "\(second)")
        #expect(second.stdout == first.stdout)
        let uncached = dossier(["--no-cache"] + arguments.dropFirst(), temp: temp, env: ["DOSSIER_CACHE": temp.path + "/other"])
        #expect(uncached.stdout == first.stdout && uncached.stderr.isEmpty, "\(uncached)")
        #expect(!FileManager.default.fileExists(atPath: temp.path + "/other"))
    }

    @Test func version() {
        let r = dossier(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.range(of: #"^dossier \d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(r)")
        #expect(r.stderr.isEmpty)
    }

    @Test(arguments: [
        ["--bogus"],
        ["--format", "yaml", "-e", "docs"],
        ["--format"],
        ["-e"],
        ["--corpus"],
        ["check"],
        ["check", "--bogus", "x.transcript"],
        ["-e", "docs", "script.dossier"],
        // Options that contradict each other are refused, not settled by the last (tester14 #23).
        ["--cache", "--no-cache", "-e", "docs"],
        ["--no-color", "--color", "always", "-e", "docs"],
        ["check", "--cache", "--no-cache", "x.transcript"],
    ])
    func usageErrors(_ arguments: [String]) {
        let r = dossier(arguments)
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("usage: dossier"), "usage not on stderr: \(r)")
        #expect(r.stdout.isEmpty, "\(r)")
    }

    /// A negative or zero limit is refused for what it is, not as a missing value (tester14 #23).
    @Test(arguments: ["-3", "0", "many"])
    func aLimitThatIsNoLimitSaysWhy(_ value: String) {
        let r = dossier(["--limit", value, "-e", "docs"])
        #expect(r.status == 2 && r.stderr.contains("--limit takes a number from 1 up, or 'none', not '\(value)'"), "\(r)")
    }

    @Test func unknownOptionSuggestsNearest() {
        let r = dossier(["--keep-goin", "-e", "docs"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("unknown option '--keep-goin'"), "\(r)")
        #expect(r.stderr.contains("--keep-going"), "\(r)")
    }

    @Test func repeatedCommandsRunInOrder() {
        let r = dossier(["-e", "echo one", "-e", "echo two", "-e", "echo three"])
        #expect(r.status == 0, "\(r)")
        #expect(r.stdoutLines == ["one", "two", "three"])
    }

    /// `--echo` for a demonstration in JSON: the commands go to stderr, stdout stays one object a line for jq.
    @Test func echoLeavesJSONLinesWhole() throws {
        let r = dossier(["--format", "json", "--echo", "-e", "count actor Russia", "-e", "find actor Lacroix"])
        #expect(r.status == 0, "\(r)")
        #expect(try jsonObjects(r.stdout).count == 2, "\(r.stdout)")
        #expect(r.stderr.contains("dossier> count actor Russia\n"), "\(r.stderr)")
    }

    @Test func jsonGivesOneObjectPerCommand() throws {
        let commands = ["find actor Wagner | limit 2", "count by year", "top actors 3", "docs", "actors", "places",
                        "show actor Wagner", "echo hello", "set limit 5", "let w = find actor Wagner",
                        "docs", "expect count 5", "kwic \"Wagner\""]
        let r = dossier(["--format", "json"] + commands.flatMap { ["-e", $0] })
        #expect(r.status == 0, "\(r)")
        let objects = try jsonObjects(r.stdout)
        #expect(objects.count == commands.count, "\(r.stdout)")
        for (object, command) in zip(objects, commands) {
            #expect(object["command"] as? String == command)
        }
        // Sentence results.
        let find = objects[0]
        #expect((find["count"] as? Int ?? 0) > 2)
        let rows = try #require(find["rows"] as? [[String: Any]])
        #expect(rows.count == 2)
        for row in rows {
            #expect(row["doc"] is String)
            #expect((row["sentence"] as? Int).map { $0 >= 1 } == true)
            #expect(row["text"] is String)
            #expect((row["actors"] as? [String])?.contains("Wagner Group") == true, "\(row)")
            #expect(row["places"] is [String])
            if let time = row["time"] as? [String: Any] {
                for key in ["start", "end"] {
                    let day = try #require(time[key] as? String)
                    #expect(day.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil, "\(day)")
                }
                #expect(["explicit", "context", "document"].contains(time["basis"] as? String ?? ""))
            } else {
                #expect(row["time"] is NSNull, "time must be an object or null: \(row)")
            }
        }
        // Counts.
        for index in [1, 2] {
            let countRows = try #require(objects[index]["rows"] as? [[String: Any]])
            #expect(!countRows.isEmpty)
            for row in countRows {
                #expect(row["key"] is String)
                #expect(row["count"] is Int)
            }
        }
        // Listings.
        let docRows = try #require(objects[3]["rows"] as? [[String: Any]])
        #expect(docRows.count == 5)
        for row in docRows { for key in ["id", "title", "date", "sentences", "path"] { #expect(row[key] != nil, "docs row lacks \(key)") } }
        for index in [4, 5] {
            let listRows = try #require(objects[index]["rows"] as? [[String: Any]])
            for row in listRows { for key in ["name", "type", "mentions", "docs"] { #expect(row[key] != nil, "listing row lacks \(key)") } }
        }
        // Profile.
        let actor = try #require(objects[6]["actor"] as? [String: Any])
        #expect(actor["name"] as? String == "Wagner Group")
        for key in ["name", "type", "aliases", "mentions", "docs"] { #expect(actor[key] != nil, "profile lacks \(key): \(actor.keys)") }
    }

    @Test func jsonErrorObject() throws {
        let r = dossier(["--format", "json", "--keep-going", "-e", "find actor Wagnr", "-e", "docs"])
        #expect(r.status == 1)
        let objects = try jsonObjects(r.stdout)
        #expect(objects.count == 2, "\(r.stdout)")
        let error = try #require(objects.first?["error"] as? [String: Any])
        #expect(objects.first?["command"] as? String == "find actor Wagnr")
        #expect((error["message"] as? String)?.contains("unknown actor 'Wagnr'") == true)
        #expect(error["line"] as? Int == 1)
        #expect(error["column"] as? Int == 12)
        #expect(error["suggestion"] as? String == "Wagner")
        // Also on stderr, in the usual form.
        #expect(r.stderr.contains("<command>:1:12: error: unknown actor 'Wagnr'"), "\(r)")
    }

    /// A corpus given with nothing to read in it (an empty folder, only files Dossier does not read, only a FIFO) is
    /// an error before any command runs, as a missing path is: an analysis of nothing must not pass for one.
    @Test(arguments: ["empty folder", "only a PDF", "only a FIFO"])
    func aCorpusWithNoDocumentIsAnError(what: String) {
        let temp = TempDir()
        let folder = temp.path + "/corpus"
        _ = mkdir(folder, 0o700)
        switch what {
        case "only a PDF": temp.write("corpus/report.pdf", "%PDF-1.4")
        case "only a FIFO": _ = mkfifo(folder + "/feed.txt", 0o600)
        default: break
        }
        let r = dossier(["--no-cache", "--corpus", folder, "-e", "count"], temp: temp)
        #expect(r.status == 1, "\(r)")
        #expect(r.stdout.isEmpty, "no command runs: \(r.stdout)")
        #expect(r.stderr.contains("\(folder):1:1: error: no document to read in '\(folder)' (documents are .atom .csv .htm .html .json .jsonl .md .ndjson .rss .srt .txt .vtt .xml files)"), "\(r.stderr)")
    }

    /// A collection that gives no record says why line by line, at most 20 lines and then how many more, and the
    /// error points at those warnings, not at the extensions (tester14 #22: 10,002 warnings, then a list of
    /// extensions holding the file's own); a JSON array saved as `.jsonl` is read, with a warning saying what it is.
    @Test func aCollectionOfAnotherShapeSaysSoOnce() throws {
        let temp = TempDir()
        temp.write("bad/news.jsonl", (1...100).map { "not json \($0)" }.joined(separator: "\n"))
        let bad = dossier(["--no-cache", "--corpus", temp.path + "/bad", "-e", "count"], temp: temp)
        #expect(bad.status == 1)
        let lines = bad.stderr.split(separator: "\n").filter { $0.contains(": warning: ") }
        #expect(lines.count == 21, "\(bad.stderr)")
        #expect(lines.last?.hasSuffix("80 more lines or rows of this file are not loaded or have warnings, not shown") == true)
        #expect(bad.stderr.contains("(the warnings above say why)"))
        let records = (1...3).map { #"{"id": "a\#($0)", "text": "Mali met Chad in 202\#($0)."}"# }.joined(separator: ",\n  ")
        temp.write("pretty/news.jsonl", "[\n  " + records + "\n]\n")
        let pretty = dossier(["--no-cache", "--corpus", temp.path + "/pretty", "-e", "count"], temp: temp)
        #expect(pretty.status == 0, "\(pretty)")
        #expect(pretty.stdout == "3 sentences\n")
        #expect(pretty.stderr.contains("one JSON array over several lines, not JSON Lines"))
    }

    @Test func jsonErrorWithoutSuggestionIsNull() throws {
        let r = dossier(["--format", "json", "-e", "find actor Qqqqqqqqqqqqqq"])
        #expect(r.status == 1)
        let error = try #require(try jsonObjects(r.stdout).first?["error"] as? [String: Any])
        #expect(error["suggestion"] is NSNull, "\(error)")
    }

    @Test func csvOutput() {
        let r = dossier(["--format", "csv", "-e", "find actor Wagner | limit 2"])
        #expect(r.status == 0, "\(r)")
        let lines = r.stdoutLines
        #expect(lines.first == "doc,sentence,start,end,basis,text,actors,places,times")
        #expect(lines.count == 3, "\(r.stdout)")
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("000_") || $0.hasPrefix("00") })
        let counts = dossier(["--format", "csv", "-e", "top actors 2"])
        #expect(counts.stdoutLines.first == "key,count")
        #expect(counts.stdoutLines.count == 3, "\(counts)")
    }

    @Test func keepGoingRunsOnAndStillFails() {
        let stop = dossier(["-e", "echo one", "-e", "find actor Wagnr", "-e", "echo three"])
        #expect(stop.status == 1)
        #expect(stop.stdoutLines == ["one"], "\(stop)")
        let go = dossier(["--keep-going", "-e", "echo one", "-e", "find actor Wagnr", "-e", "echo three"])
        #expect(go.status == 1)
        #expect(go.stdoutLines == ["one", "three"], "\(go)")
    }

    @Test func echoPrintsCommands() {
        let r = dossier(["--echo", "-e", "echo hi", "-e", "docs"])
        #expect(r.status == 0)
        #expect(r.stdoutLines.first == "dossier> echo hi")
        #expect(r.stdoutLines.dropFirst().first == "hi")
        #expect(r.stdoutLines.contains("dossier> docs"))
    }

    @Test func timerOnStderrOnly() {
        let r = dossier(["--timer", "-e", "docs", "-e", "echo hi"])
        #expect(r.status == 0)
        let times = r.stderrLines.filter { $0.range(of: #"^time: \d+(\.\d+)? ms$"#, options: .regularExpression) != nil }
        #expect(times.count == 2, "\(r)")
        #expect(!r.stdout.contains("time:"))
        let viaSet = dossier(["-e", "set timer on", "-e", "docs"])
        #expect(viaSet.stderrLines.contains { $0.hasPrefix("time: ") && $0.hasSuffix(" ms") }, "\(viaSet)")
    }

    @Test func corpusFolderIsReadRecursively() {
        let temp = TempDir()
        let corpus = temp.smallCorpus()
        let r = dossier(["--corpus", corpus, "-e", "docs", "-e", "find actor France"], temp: temp)
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.contains("2 documents"), "\(r.stdout)")
        #expect(r.stdout.contains("alpha") && r.stdout.contains("beta"))
        #expect(r.stdout.contains("1 sentence"))
        #expect(r.stdout.contains("France sent troops"))
    }

    @Test func webPagesLoadAsTheirArticles() {
        let temp = TempDir()
        temp.write("pages/story.html", """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>Troops arrive - Wire</title>
            <meta property="og:title" content="Troops arrive"><meta name="date" content="2021-12-24"></head>
            <body><header><nav><a href="/">Home</a> <a href="/p">Vladimir Putin profile</a></nav></header>
            <article><p>France said Russian instructors arrived in Mali on Thursday.<p>Bamako denied it.</article>
            <div id="comments"><p>Emmanuel Macron is to blame.</p></div><footer>&copy; Wire</footer></body></html>
            """)
        temp.write("pages/404.html", "<html><body><nav>Home</nav><footer>Wire</footer></body></html>")
        let r = dossier(["--corpus", temp.path + "/pages", "-e", "docs", "-e", "find actor France", "-e", "count actor Putin",
                         "-e", "count actor Macron"], temp: temp)
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.contains("1 document"), "\(r.stdout)")
        #expect(r.stdout.contains("Troops arrive") && r.stdout.contains("2021-12-24"), "\(r.stdout)")
        #expect(r.stdout.contains("France said Russian instructors arrived in Mali"), "\(r.stdout)")
        #expect(r.stdout.components(separatedBy: "0 sentences").count == 3, "Putin (navigation) and Macron (comments) are not found: \(r.stdout)")
        #expect(r.stderr.contains("404.html:1:1: warning: no article text in this page"), "\(r.stderr)")
    }

    @Test func corpusMaySkipOtherFilesWithAWarning() {
        let temp = TempDir()
        let corpus = temp.smallCorpus()
        temp.write("corpus/picture.pdf", "%PDF")
        let r = dossier(["--corpus", corpus, "-e", "docs"], temp: temp)
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.contains("2 documents"))
        #expect(r.stderr.contains("picture.pdf") && r.stderr.contains("warning"), "\(r)")
    }

    @Test func corpusMayRepeat() {
        let temp = TempDir()
        let one = temp.smallCorpus("one")
        temp.write("two/gamma.md", "Third\n\nIn 2021, Russia spoke.\n")
        let r = dossier(["--corpus", one, "--corpus", temp.path + "/two", "-e", "docs"], temp: temp)
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.contains("3 documents"), "\(r.stdout)")
    }

    @Test func missingCorpusIsAnError() {
        let temp = TempDir()
        let r = dossier(["--corpus", temp.path + "/no-such-folder", "-e", "docs"], temp: temp)
        #expect(r.status != 0)
        #expect(r.stderr.contains("no-such-folder") && r.stderr.contains("error"), "\(r)")
        #expect(r.stdout.isEmpty)
    }

    @Test func lexiconAddsAnActor() {
        let temp = TempDir()
        let corpus = temp.smallCorpus()
        let without = dossier(["--corpus", corpus, "-e", "find actor Harmattan"], temp: temp)
        #expect(without.status == 1, "without the lexicon the name is unknown: \(without)")
        #expect(without.stderr.contains("unknown actor 'Harmattan'"))
        let lexicon = temp.write("extra.lexicon", """
        # test lexicon
        actor Harmattan Collective
          type: armed group
          alias: Harmattan

        """)
        let with = dossier(["--corpus", corpus, "--lexicon", lexicon, "-e", "find actor Harmattan",
                            "-e", "show actor \"Harmattan Collective\""], temp: temp)
        #expect(with.status == 0, "\(with)")
        #expect(with.stdout.contains("Later the Harmattan left"), "\(with.stdout)")
        #expect(with.stdout.contains("the Harmattan met officials"))
        #expect(with.stdout.contains("armed group"))
    }

    @Test func noEscapeCodesWhenNotATerminal() {
        // Standard output is a pipe here: never colour, whether or not NO_COLOR is set.
        for env in [[:], ["NO_COLOR": "1"]] {
            let r = dossier(["-e", "find actor Wagner", "-e", "count by year", "-e", "find actor Wagnr"], env: env)
            #expect(!r.stdout.contains("\u{1B}"), "escape codes on stdout with env \(env)")
            #expect(!r.stderr.contains("\u{1B}"), "escape codes on stderr with env \(env)")
        }
    }

    @Test func formatsAreSetByCommandToo() throws {
        let r = dossier(["-e", "set format json", "-e", "docs"])
        #expect(r.status == 0)
        let last = try #require(r.stdoutLines.last)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
        #expect(object["command"] as? String == "docs")
    }
}
