import Foundation
import Testing

/// Script files, piped standard input, `run`, `export`, `load` and `expect` (INTERFACE.md "Command line", the language).
@Suite("Scripts and piped input")
struct ScriptTests {
    @Test func commentsAndBlankLinesAreSkipped() {
        let temp = TempDir()
        let script = temp.write("s.dossier", "# a comment\n\necho one\n   # indented comment\necho two\n")
        let r = dossier([script], temp: temp)
        #expect(r.status == 0, "\(r)")
        #expect(r.stdoutLines == ["one", "two"])
    }

    /// A file saved by a Windows editor starts with a byte-order mark; it is not part of the first word.
    @Test(arguments: [
        (["SCRIPT"], "count actor Mali\n", nil as String?),
        (["-"], nil, "count actor Mali\n"),
        (["check", "SCRIPT"], "dossier> count actor Mali\n18 sentences\n", nil),
        (["--lexicon", "SCRIPT", "-e", "count actor \"Kolwezi Group\""], "actor Kolwezi Group\n  type: rebel group\n", nil),
    ] as [([String], String?, String?)])
    func aByteOrderMarkIsNotText(arguments: [String], file: String?, stdin: String?) {
        let temp = TempDir()
        let bom = "\u{FEFF}"
        let path = file.map { temp.write("file.txt", bom + $0) } ?? ""
        let r = dossier(arguments.map { $0 == "SCRIPT" ? path : $0 }, stdin: stdin.map { bom + $0 }, temp: temp)
        #expect(r.status == 0, "\(r)")
        #expect(!r.stderr.contains("error"), "\(r)")
    }

    @Test func executableScriptWithShebangAndArguments() {
        let temp = TempDir()
        let script = temp.write("report", """
        #!/usr/bin/env dossier
        # report ACTOR PLACE
        echo actor is $1
        find actor $1 | limit 1
        expect contains $1
        echo place is $2

        """, executable: true)
        let binDir = (dossierBinary as NSString).deletingLastPathComponent
        let path = binDir + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let r = runProcess(script, ["Wagner", "Mali"], environment: childEnvironment(temp, extra: ["PATH": path]))
        #expect(r.status == 0, "\(r)")
        #expect(r.stdoutLines.first == "actor is Wagner")
        #expect(r.stdout.contains("sentence"), "\(r.stdout)")
        #expect(r.stdoutLines.last == "place is Mali")
    }

    @Test func missingArgumentIsAPositionedError() throws {
        let temp = TempDir()
        let script = temp.write("args.dossier", "echo first $1 and $2\necho third $3\necho never\n")
        let r = dossier([script, "a", "b"], temp: temp)
        #expect(r.status == 1)
        #expect(r.stdoutLines == ["first a and b"])
        let e = try #require(RenderedError(r.stderr), "\(r.stderr)")
        #expect(e.file == script)
        #expect(e.line == 2)
        #expect(e.column == 12)
        #expect(e.underlined == "$3")
        #expect(e.message.contains("$3"))
    }

    /// Lines ended by LF, CRLF (a Windows editor) or CR alike: a failing command is one line, and the rest runs on.
    @Test(arguments: ["\n", "\r\n", "\r"])
    func stopsAtFirstFailureUnlessKeepGoing(_ ending: String) {
        let temp = TempDir()
        let script = temp.write("s.dossier", ["echo one", "find actor Wagnr", "echo three", ""].joined(separator: ending))
        let stop = dossier([script], temp: temp)
        #expect(stop.status == 1)
        #expect(stop.stdoutLines == ["one"], "\(stop)")
        let go = dossier(["--keep-going", script], temp: temp)
        #expect(go.status == 1)
        #expect(go.stdoutLines == ["one", "three"], "\(go)")
        #expect(go.stderr.contains("s.dossier:2:12: error: unknown actor 'Wagnr' — did you mean 'Wagner'?\nfind actor Wagnr\n"), "\(go.stderr)")
        #expect(!go.stderr.contains("\r"))
    }

    @Test func runResolvesPathsFromTheIncludingFile() {
        let temp = TempDir()
        temp.write("top.dossier", "echo in-top\nrun \"lib/middle.dossier\"\necho top-done\n")
        temp.write("lib/middle.dossier", "echo in-middle\nrun \"inner.dossier\"\n")
        temp.write("lib/inner.dossier", "echo in-inner\n")
        // Run from another folder so only the including file's folder can resolve the paths.
        let r = dossier([temp.path + "/top.dossier"], temp: temp, directory: "/")
        #expect(r.status == 0, "\(r)")
        #expect(r.stdoutLines == ["in-top", "in-middle", "in-inner", "top-done"])
    }

    @Test func errorInNestedScriptNamesThatFile() throws {
        let temp = TempDir()
        let top = temp.write("top.dossier", "echo in-top\nrun \"lib/bad.dossier\"\necho never\n")
        temp.write("lib/bad.dossier", "echo in-bad\n\nfind actor Wagnr\n")
        let r = dossier([top], temp: temp)
        #expect(r.status == 1)
        #expect(r.stdoutLines == ["in-top", "in-bad"])
        let e = try #require(RenderedError(r.stderr))
        #expect(e.file.hasSuffix("lib/bad.dossier"), "\(r.stderr)")
        #expect(e.line == 3)
    }

    @Test func runCycleIsReportedNamingTheCycle() {
        let temp = TempDir()
        let a = temp.write("a.dossier", "echo in-a\nrun \"b.dossier\"\n")
        temp.write("b.dossier", "echo in-b\nrun \"a.dossier\"\n")
        let r = dossier([a], temp: temp, timeout: 30)
        #expect(!r.timedOut)
        #expect(r.status == 1, "\(r)")
        #expect(r.stderr.contains("run cycle"), "\(r.stderr)")
        // Regression: the script given on the command line was once left off the run stack, so a ran once more than
        // it should and the message repeated b: `run cycle: a.dossier → b.dossier → b.dossier → b.dossier`.
        #expect(r.stdoutLines == ["in-a", "in-b"], "a must not run a second time: \(r.stdout)")
        #expect(r.stderr.contains("a.dossier → b.dossier → a.dossier"), "the cycle should read a → b → a: \(r.stderr)")
    }

    @Test func runCycleFromCommandLineCommand() {
        let temp = TempDir()
        temp.write("a.dossier", "run \"b.dossier\"\n")
        temp.write("b.dossier", "run \"a.dossier\"\n")
        let r = dossier(["-e", "run \"a.dossier\""], temp: temp, directory: temp.path, timeout: 30)
        #expect(r.status == 1, "\(r)")
        // Regression: this once read `run cycle: b.dossier → a.dossier → a.dossier → a.dossier`.
        #expect(r.stderr.contains("run cycle: a.dossier → b.dossier → a.dossier"), "\(r.stderr)")
    }

    @Test func selfRunIsACycle() {
        let temp = TempDir()
        temp.write("me.dossier", "echo once\nrun \"me.dossier\"\n")
        let r = dossier(["-e", "run \"me.dossier\""], temp: temp, directory: temp.path, timeout: 30)
        #expect(r.status == 1)
        #expect(r.stdoutLines == ["once"])
        #expect(r.stderr.contains("run cycle: me.dossier → me.dossier"), "\(r.stderr)")
    }

    @Test func exportWritesRefusesAndForces() throws {
        let temp = TempDir()
        let count = try #require(try jsonObjects(dossier(["--format", "json", "-e", "find actor Wagner"]).stdout).first?["count"] as? Int)
        let first = dossier(["-e", "set limit 1", "-e", "export find actor Wagner to \"x.csv\""], temp: temp, directory: temp.path)
        #expect(first.status == 0, "\(first)")
        let csv = temp.read("x.csv") ?? ""
        #expect(csv.hasPrefix("doc,sentence,"), "\(csv.prefix(200))")
        #expect(csv.split(separator: "\n").count == count + 1, "header and all \(count) sentences, not limited to the display limit")

        let again = dossier(["-e", "export find actor Mali to \"x.csv\""], temp: temp, directory: temp.path)
        #expect(again.status == 1, "\(again)")
        #expect(again.stderr.contains("force"), "\(again.stderr)")
        #expect(temp.read("x.csv") == csv, "a refused export must not touch the file")

        let forced = dossier(["-e", "export find actor Mali to \"x.csv\" force"], temp: temp, directory: temp.path)
        #expect(forced.status == 0, "\(forced)")
        let replaced = temp.read("x.csv") ?? ""
        #expect(replaced != csv)
        #expect(replaced.contains("Mali"))

        #expect(temp.list() == ["home", "x.csv"], "no temporary files left: \(temp.list())")
    }

    @Test(arguments: [("json", "{\"command\""), ("tsv", "doc\tsentence"), ("md", "| doc |"), ("txt", "13 sentences")])
    func exportFormatFollowsTheExtension(_ ext: String, _ start: String) {
        let temp = TempDir()
        let r = dossier(["-e", "export find actor Wagner to \"out.\(ext)\""], temp: temp, directory: temp.path)
        #expect(r.status == 0, "\(r)")
        #expect(temp.read("out.\(ext)")?.hasPrefix(start) == true, "\(temp.read("out.\(ext)")?.prefix(100) ?? "nil")")
    }

    @Test func exportToAMissingFolderFailsCleanly() {
        let temp = TempDir()
        let r = dossier(["-e", "export find actor Wagner to \"nope/x.csv\""], temp: temp, directory: temp.path)
        #expect(r.status == 1)
        #expect(RenderedError(r.stderr) != nil, "\(r.stderr)")
        #expect(temp.list() == ["home"])
    }

    @Test func loadAddsDocumentsToTheSession() throws {
        let temp = TempDir()
        let corpus = temp.smallCorpus()
        let r = dossier(["--format", "json", "-e", "docs", "-e", "load \"\(corpus)\"", "-e", "docs", "-e", "find doc beta"],
                        temp: temp)
        #expect(r.status == 0, "\(r)")
        let objects = try jsonObjects(r.stdout)
        #expect(objects.count == 4)
        let before = try #require(objects.first?["count"] as? Int)
        let after = try #require(objects.dropFirst(2).first?["count"] as? Int)
        #expect(after == before + 2, "\(before) → \(after)")
        let rows = try #require(objects.last?["rows"] as? [[String: Any]])
        #expect(rows.contains { ($0["text"] as? String)?.contains("France sent troops") == true })
    }

    @Test func loadMissingFolderFails() {
        let r = dossier(["-e", "load \"/no/such/folder\""])
        #expect(r.status == 1)
        #expect(r.stderr.contains("/no/such/folder"), "\(r)")
    }

    @Test(arguments: [
        ("find actor France\nexpect count 2", true),
        ("find actor France\nexpect count 3", false),
        ("find actor France | limit 1\nexpect count 2", true),
        ("find actor France\nexpect contains \"sent troops\"", true),
        ("find actor France\nexpect contains \"Napoleon\"", false),
        ("count by year\nexpect contains \"2019\"", true),
        ("expect count 1", false),
        ("docs\nexpect count 2", true),
        ("find actor Harmattan\nexpect count 3\nfind actor Mali\nexpect count 2", true),
    ])
    func expectPassesAndFails(_ source: String, _ passes: Bool) {
        let r = dossier(fixtureCorpus, stdin: source + "\necho after\n")
        #expect(r.status == (passes ? 0 : 1), "\(r)")
        #expect(r.stdout.contains("after") == passes)
        if !passes { #expect(r.stderr.contains("expect"), "\(r.stderr)") }
    }

    @Test func pipedInputHasNoPromptAndNoEditing() {
        // Control characters arrive as text: no line editing of piped input.
        let r = dossier([], stdin: "echo one\ndocs\necho two\n")
        #expect(r.status == 0, "\(r)")
        #expect(!r.stdout.contains("dossier>"))
        #expect(!r.stderr.contains("dossier>"))
        #expect(!r.stdout.contains("\u{1B}") && !r.stderr.contains("\u{1B}"))
        #expect(r.stdoutLines.first == "one")
        #expect(r.stdoutLines.last == "two")
        #expect(!r.stderr.contains("Type help"), "no banner for piped input")
    }

    @Test func pipedInputWithContinuationLines() {
        let r = dossier([], stdin: "find (actor Wagner or\n  actor Mali) | limit 1\nfind actor Wagner and \\\n  actor Russia | limit 1\n")
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.components(separatedBy: "sentence").count - 1 >= 2, "\(r.stdout)")
    }

    @Test func scriptFromStdinWithDash() {
        let r = dossier(["-"], stdin: "echo dash\n")
        #expect(r.status == 0, "\(r)")
        #expect(r.stdoutLines == ["dash"])
    }

    @Test func echoTextContinuedWithBackslash() {
        // Regression: `echo` once took the raw rest of the line, so `echo a \` + `b` ran `b` as a command.
        let r = dossier([], stdin: "echo a \\\nb\n")
        #expect(r.status == 0, "\(r)")
        #expect(!r.stderr.contains("unknown command 'b'"), "\(r.stderr)")
    }

    @Test func quitStopsTheScript() {
        let r = dossier([], stdin: "echo one\nquit\necho two\n")
        #expect(r.status == 0)
        #expect(r.stdoutLines == ["one"])
    }

    @Test func namedResults() {
        let r = dossier(["-e", "let w = find actor Wagner", "-e", "find $w and place Mali", "-e", "find $nope"])
        #expect(r.status == 1)
        #expect(r.stdout.range(of: #"\$w: \d+ sentences"#, options: .regularExpression) != nil, "\(r.stdout)")
        #expect(r.stderr.contains("unknown result '$nope'"), "\(r.stderr)")
    }
}
