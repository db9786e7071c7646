import Foundation
import Testing

/// `dossier check [--update] TRANSCRIPT...` (INTERFACE.md "Transcripts").
@Suite("Transcripts")
struct TranscriptTests {
    /// Records a transcript from the current behaviour: `--echo` prints each command as `dossier> ...` before its output.
    static func record(_ commands: [String], notes: [String] = []) -> String {
        let r = dossier(["--echo", "--keep-going"] + commands.flatMap { ["-e", $0] })
        return notes.map { $0 + "\n" }.joined() + r.stdout
    }

    static let commands = ["echo hello", "find actor Wagner | limit 2", "count by year", "top actors 3", "docs"]

    @Test func checkPassesOnARecordedTranscript() {
        let temp = TempDir()
        let path = temp.write("good.transcript", Self.record(Self.commands, notes: ["# Recorded by the tests."]))
        let r = dossier(["check", path], temp: temp)
        #expect(r.status == 0, "\(r)\n--- transcript ---\n\(temp.read("good.transcript") ?? "")")
        #expect(r.stdout.contains("ok"), "\(r)")
        #expect(!r.stdout.contains("@@"))
    }

    @Test func checkFailsWithAUnifiedDiff() throws {
        let temp = TempDir()
        let text = Self.record(Self.commands)
        #expect(text.contains("\nhello\n"))
        let path = temp.write("bad.transcript", text.replacingOccurrences(of: "\nhello\n", with: "\nhellO\n"))
        let r = dossier(["check", path], temp: temp)
        #expect(r.status == 1, "\(r)")
        let lines = r.stdoutLines
        #expect(lines.contains { $0.hasPrefix("--- ") && $0.contains("bad.transcript") }, "\(r.stdout)")
        #expect(lines.contains { $0.hasPrefix("+++ ") }, "\(r.stdout)")
        #expect(lines.contains { $0.range(of: #"^@@ -\d+(,\d+)? \+\d+(,\d+)? @@"#, options: .regularExpression) != nil }, "\(r.stdout)")
        #expect(lines.contains("-hellO"))
        #expect(lines.contains("+hello"))
        #expect(lines.contains(" dossier> echo hello"), "context lines start with a space")
    }

    @Test func diffListsRemovedLinesBeforeAddedLines() throws {
        // Like diff -u and git: in a changed run, '-' lines come before '+' lines. (Currently '+' comes first.)
        let temp = TempDir()
        let path = temp.write("bad.transcript", Self.record(["echo hello"]).replacingOccurrences(of: "\nhello\n", with: "\nhellO\n"))
        let r = dossier(["check", path], temp: temp)
        let lines = r.stdoutLines
        let minus = try #require(lines.firstIndex(of: "-hellO"), "\(r.stdout)")
        let plus = try #require(lines.firstIndex(of: "+hello"), "\(r.stdout)")
        #expect(minus < plus, "\(r.stdout)")
    }

    @Test func hunkRangesStayInsideTheFile() throws {
        // BUG (minor): the texts are split on "\n" including the empty piece after the last newline, so hunks count a
        // phantom last line (`@@ -1,5 +1,5 @@` for a 4-line file, ending in a " " context line); `patch` needs fuzz.
        let temp = TempDir()
        let text = Self.record(["echo hello", "echo x"]).replacingOccurrences(of: "\nhello\n", with: "\nhellO\n")
        let path = temp.write("t.transcript", text)
        let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        let r = dossier(["check", path], temp: temp)
        let header = try #require(r.stdoutLines.first { $0.hasPrefix("@@ ") }, "\(r.stdout)")
        let numbers = header.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        try #require(numbers.count == 4, "\(header)")
        #expect(numbers[0] + numbers[1] - 1 <= lineCount, "hunk \(header) goes past the \(lineCount) lines of the file:\n\(r.stdout)")
        #expect(r.stdoutLines.last(where: { $0 != "FAILED \(path)" }) != " ", "a phantom empty context line:\n\(r.stdout)")
    }

    @Test func updateRewritesAndKeepsNotes() {
        let temp = TempDir()
        let original = Self.record(Self.commands, notes: ["# A note before the first command."])
        var changed = original.replacingOccurrences(of: "\nhello\n", with: "\nstale output\nmore stale\n")
        changed = changed.replacingOccurrences(of: "dossier> count by year\n", with: "# A note in the middle.\ndossier> count by year\n")
        changed += "# A trailing note.\n"
        let path = temp.write("t.transcript", changed)
        let update = dossier(["check", "--update", path], temp: temp)
        #expect(update.status == 0, "\(update)")
        let rewritten = temp.read("t.transcript") ?? ""
        #expect(rewritten.hasPrefix("# A note before the first command.\n"))
        #expect(rewritten.contains("# A note in the middle.\ndossier> count by year\n"))
        #expect(rewritten.hasSuffix("# A trailing note.\n"))
        #expect(!rewritten.contains("stale"))
        #expect(rewritten.contains("\nhello\n"))
        let second = dossier(["check", path], temp: temp)
        #expect(second.status == 0, "\(second)")
        #expect(temp.list().filter { $0 != "home" } == ["t.transcript"], "no temporary files: \(temp.list())")
    }

    /// A transcript saved on Windows (CRLF) or with lone CRs is checked like any other, and `--update` keeps its ending.
    @Test(arguments: ["\r\n", "\r"])
    func transcriptsWithOtherLineEndingsAreChecked(_ ending: String) {
        let temp = TempDir()
        let good = Self.record(["echo hello", "count actor Wagner"], notes: ["# lesson"])
        let path = temp.write("t.transcript", good.replacingOccurrences(of: "\n", with: ending))
        let check = dossier(["check", path], temp: temp)
        #expect(check.status == 0 && check.stdout.contains("ok"), "\(check)")
        temp.write("t.transcript", good.replacingOccurrences(of: "\nhello\n", with: "\nstale\n").replacingOccurrences(of: "\n", with: ending))
        #expect(dossier(["check", "--update", path], temp: temp).status == 0)
        #expect(temp.read("t.transcript") == good.replacingOccurrences(of: "\n", with: ending))
    }

    /// Commands after `quit` never run: a check that passed them unchecked (an `expect` among them) would lie.
    @Test(arguments: ["quit", "exit"])
    func commandsAfterQuitFailTheCheck(_ quit: String) {
        let temp = TempDir()
        let path = temp.write("q.transcript", "dossier> echo hello\nhello\ndossier> \(quit)\ndossier> expect count 999\n")
        let r = dossier(["check", path], temp: temp)
        #expect(r.status == 1, "\(r)")
        #expect(r.stderr.contains("q.transcript:4:1: error: this command comes after 'quit' and is never run"), "\(r.stderr)")
    }

    /// A transcript comes from someone else: the diff shows its control characters, never sends them to the terminal.
    @Test func aDiffShowsControlCharactersOfEitherSide() {
        let temp = TempDir()
        let path = temp.write("esc.transcript", "dossier> echo hello\nhello \u{1B}[2J\u{1B}]0;OWNED\u{7}\n")
        let r = dossier(["check", path], temp: temp)
        #expect(r.status == 1)
        #expect(!r.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(r.stdout)")
        #expect(r.stdout.contains("-hello ^[[2J^[]0;OWNED^G"), "\(r.stdout)")
    }

    @Test func transcriptWithErrorsAndMultiLineCommands() {
        let temp = TempDir()
        let text = """
        # errors are part of the expected output
        dossier> find actor Wagnr
        dossier> find (actor Mali or
        ...> actor Wagner) | limit 1
        dossier> echo done

        """
        let path = temp.write("e.transcript", text)
        let update = dossier(["check", "--update", path], temp: temp)
        #expect(update.status == 0, "\(update)")
        let recorded = temp.read("e.transcript") ?? ""
        #expect(recorded.contains("error: unknown actor 'Wagnr'"), "\(recorded)")
        #expect(recorded.contains("dossier> find (actor Mali or\n...> actor Wagner) | limit 1\n"), "\(recorded)")
        #expect(recorded.contains("dossier> echo done\ndone\n"))
        let check = dossier(["check", path], temp: temp)
        #expect(check.status == 0, "\(check)")
    }

    /// Output that reads as a note, a command or a continuation (`echo # Part 1`, an error quoting a transcript's line)
    /// is written with a backslash before it: the update records it so, the check passes, and a second update changes
    /// nothing. Before, each update added a copy of the line as a note, or ran the output as a command.
    @Test(arguments: [
        ("echo # Part 1: Wagner", "\\# Part 1: Wagner"),
        ("echo dossier> count actor Wagner", "\\dossier> count actor Wagner"),
        ("echo ...> more", "\\...> more"),
        ("echo \\# printed with its backslash", "\\\\# printed with its backslash"),
        ("echo \\plain backslash", "\\plain backslash"),
    ])
    func outputThatReadsAsMarkupIsQuoted(_ command: String, _ recorded: String) {
        let temp = TempDir()
        let path = temp.write("q.transcript", "# a lesson\ndossier> \(command)\nstale\ndossier> count actor Wagner\n")
        #expect(dossier(["check", "--update", path], temp: temp).status == 0)
        let once = temp.read("q.transcript") ?? ""
        #expect(once == "# a lesson\ndossier> \(command)\n\(recorded)\ndossier> count actor Wagner\n13 sentences\n", "\(once)")
        let check = dossier(["check", path], temp: temp)
        #expect(check.status == 0, "\(check)")
        #expect(dossier(["check", "--update", path], temp: temp).status == 0)
        #expect(temp.read("q.transcript") == once, "a second update changes nothing")
    }

    /// A transcript run as a script, or a command pasted with its prompt, says what the prompt is and offers the command.
    @Test func aTranscriptRunAsAScriptSaysSo() {
        let temp = TempDir()
        let path = temp.write("t.transcript", "dossier> count actor Wagner\n13 sentences\n")
        let r = dossier([path], temp: temp)
        #expect(r.status == 1)
        #expect(r.stderr.contains("t.transcript:1:1: error: 'dossier>' is the prompt, not part of a command (a transcript is replayed with 'dossier check FILE') — did you mean 'count actor Wagner'?"), "\(r.stderr)")
    }

    @Test func checkSeveralTranscriptsReportsEach() {
        let temp = TempDir()
        let good = temp.write("good.transcript", Self.record(["echo a"]))
        let bad = temp.write("bad.transcript", "dossier> echo b\nnot b\n")
        let r = dossier(["check", good, bad], temp: temp)
        #expect(r.status == 1)
        #expect(r.stdout.contains("ok \(good)"), "\(r)")
        #expect(r.stdout.contains("FAILED \(bad)") || r.stdout.contains(bad), "\(r)")
    }

    @Test func checkMissingTranscriptFails() {
        let r = dossier(["check", "/no/such.transcript"])
        #expect(r.status == 1, "\(r)")
        #expect(r.stderr.contains("/no/such.transcript"))
    }

    @Test func shippedDemoTranscriptsPass() throws {
        let demos = packageRoot.appendingPathComponent("scripts/demos")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: demos.path)) ?? [])
            .filter { $0.hasSuffix(".transcript") }.sorted()
        try #require(!names.isEmpty, "no demo transcripts in scripts/demos")
        let r = dossier(["check"] + names.map { demos.appendingPathComponent($0).path })
        #expect(r.status == 0, "\(r)")
    }

    @Test func fixtureTranscriptPasses() {
        let r = dossier(fixtureCorpus + ["check", fixtures.appendingPathComponent("basics.transcript").path])
        #expect(r.status == 0, "\(r)")
    }
}
