import DossierCore
@testable import DossierShell
import Foundation
import Testing

/// What users of sqlite3, psql and jq expect of a command line: start-up files, --cmd, --, script arguments,
/// colour switches, $COLUMNS, a pager, completion scripts, and errors that name FILE:LINE:COL.
@Suite("Conventions")
struct ConventionTests {
    @Test func initFileRunsFirstInEveryModeAndNoInitSkipsNothingElse() {
        let temp = TempDir()
        let initFile = temp.write("start.dossier", "set format csv\necho from init\n")
        let r = dossier(["--init", initFile, "-e", "top actors 1"], temp: temp)
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.hasPrefix("from init\n"), "\(r)")
        #expect(r.stdout.contains("key,count\n"), "the start-up file's settings hold for the commands: \(r)")
        let missing = dossier(["--init", temp.path + "/nope.dossier", "-e", "echo x"], temp: temp)
        #expect(missing.status == 1, "\(missing)")
        #expect(missing.stderr.contains("nope.dossier:1:1: error: cannot read script"), "\(missing)")
        #expect(dossier(["--init", initFile, "--no-init", "-e", "echo x"], temp: temp).status == 2)
    }

    @Test func theDefaultStartUpFileIsLookedUpUnderXDGConfigHome() {
        let environment = ["XDG_CONFIG_HOME": "/nonexistent-config"]
        #expect(StartupFile.path(environment: environment) == nil)
        let temp = TempDir()
        let path = temp.write("config/dossier/init.dossier", "echo hi\n")
        #expect(StartupFile.path(environment: ["XDG_CONFIG_HOME": temp.path + "/config"]) == path)
        #expect(StartupFile.path(environment: ["HOME": temp.path, "XDG_CONFIG_HOME": ""]) == nil)
        temp.write(".config/dossier/init.dossier", "echo hi\n")
        #expect(StartupFile.path(environment: ["HOME": temp.path]) == temp.path + "/.config/dossier/init.dossier")
    }

    @Test func cmdRunsBeforeThePipedScript() {
        let r = dossier(["--cmd", "echo first", "--cmd", "set format csv"], stdin: "echo second\ntop actors 1\n")
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout == "first\nsecond\nkey,count\nRussia,125\n", "\(r)")
        let failing = dossier(["--cmd", "find actor Wagnr"], stdin: "echo never\n")
        #expect(failing.status == 1 && failing.stdout.isEmpty, "a failing --cmd stops a piped script: \(failing)")
    }

    @Test func doubleDashEndsTheOptions() {
        let temp = TempDir()
        temp.write("-odd.dossier", "echo odd $1\n")
        let r = dossier(["--", "-odd.dossier", "--format"], temp: temp, directory: temp.path)
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout == "odd --format\n", "\(r)")
    }

    @Test func runPassesArgumentsToTheScript() {
        let temp = TempDir()
        temp.write("lib/who.dossier", "echo $1 and $2\nfind actor $1 | limit 1\n")
        temp.write("main.dossier", "run \"lib/who.dossier\" Wagner \"two words\" 2017\n")
        let r = dossier([temp.path + "/main.dossier"], temp: temp)
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.hasPrefix("Wagner and two words\n"), "\(r)")
    }

    @Test func aMissingScriptIsReportedAtFileLineColumn() {
        let r = dossier(["no-such-script.dossier"])
        #expect(r.status == 1)
        // The first start in a new home may note first that it saved the bundled corpus's model.
        #expect(r.stderr.split(separator: "\n").contains { $0.hasPrefix("no-such-script.dossier:1:1: error: cannot read script 'no-such-script.dossier'") },
                "\(r)")
        #expect(r.stderr.contains("No such file or directory"), "\(r)")
    }

    @Test(arguments: [
        (ColorChoice.auto, [String: String](), true, true),
        (.auto, [:], false, false),
        (.auto, ["NO_COLOR": ""], true, true),
        (.auto, ["NO_COLOR": "1"], true, false),
        (.auto, ["TERM": "dumb"], true, false),
        (.auto, ["FORCE_COLOR": "1"], false, true),
        (.auto, ["FORCE_COLOR": "0"], false, false),
        (.auto, ["FORCE_COLOR": ""], false, false),
        (.auto, ["FORCE_COLOR": "1", "NO_COLOR": "1"], true, true),
        (.always, ["NO_COLOR": "1"], false, true),
        (.never, ["FORCE_COLOR": "1"], true, false),
    ])
    func colourFollowsTheSwitches(_ choice: ColorChoice, _ environment: [String: String], _ terminal: Bool, _ expected: Bool) {
        #expect(Terminal.wantsColor(terminal: terminal, choice: choice, environment: environment) == expected)
    }

    @Test func colorAlwaysColoursAPipe() {
        let coloured = dossier(["--color", "always", "-e", "find actor Wagner | limit 1"])
        #expect(coloured.stdout.contains("\u{1B}["), "\(coloured)")
        let forced = dossier(["-e", "find actor Wagner | limit 1"], env: ["FORCE_COLOR": "1"])
        #expect(forced.stdout.contains("\u{1B}["), "\(forced)")
        let plain = dossier(["--color", "always", "--no-color", "-e", "find actor Wagner | limit 1"])
        #expect(!plain.stdout.contains("\u{1B}["), "\(plain)")
    }

    @Test(arguments: [60, 80, 200])
    func columnsSetsTheWidthWithoutATerminal(_ columns: Int) {
        let r = dossier(["-e", "find actor Wagner", "-e", "kwic \"Wagner\" | limit 5"], env: ["COLUMNS": String(columns)])
        #expect(r.status == 0, "\(r)")
        let widest = r.stdout.split(separator: "\n").map(\.count).max() ?? 0
        #expect(widest <= columns, "a line of \(widest) characters at COLUMNS=\(columns)")
        #expect(widest >= columns - 20, "the width is used: widest line \(widest) at COLUMNS=\(columns)")
    }

    @Test func completionScriptsForEachShell() {
        for shell in ["bash", "zsh", "fish"] {
            let r = dossier(["--generate-completion-script", shell])
            #expect(r.status == 0, "\(r)")
            #expect(r.stdout.contains("corpus") && r.stdout.contains("no-init") && r.stdout.contains("check"), "\(shell): \(r.stdout.prefix(300))")
        }
    }

    @Test func setAloneInAScriptListsSettings() {
        let r = dossier(["--format", "csv", "-e", "set"])
        #expect(r.stdout.hasPrefix("setting,value\nformat,csv\n"), "\(r)")
        #expect(r.stdout.contains("pager,on"), "\(r)")
    }
}

/// The pager: long text on a terminal goes through it, short text and text for a pipe do not.
@Suite("Pager")
struct PagerTests {
    @Test(arguments: [
        ("one\ntwo\n", 80, 2),
        (String(repeating: "x", count: 161) + "\n", 80, 3),
        ("\u{1B}[1;33m" + String(repeating: "x", count: 80) + "\u{1B}[0m\n", 80, 1),
        ("", 80, 0),
        ("no newline", 80, 1),
        (String(repeating: "俄罗斯", count: 14) + "\n", 80, 2),
        ("\u{1B}[1m" + String(repeating: "é", count: 80) + "\u{1B}[0m\n", 80, 1),
    ])
    func rowsCountsWrappedLinesWithoutEscapes(_ text: String, _ columns: Int, _ rows: Int) {
        #expect(PagedOutput.rows(text, columns: columns) == rows)
    }

    @Test func longTextGoesThroughThePagerAndShortTextDoesNot() throws {
        let temp = TempDir()
        let paged = temp.path + "/paged.txt"
        let inner = Captured()
        let output = PagedOutput(inner, environment: ["PAGER": "cat > '\(paged)'"], screen: { (rows: 10, columns: 80) })
        let long = (1...20).map { "line \($0)" }.joined(separator: "\n") + "\n"
        output.write("short\n")
        output.write(long)
        #expect(inner.out == "short\n")
        #expect(temp.read("paged.txt") == long)
        output.enabled = { false }
        output.write(long)
        #expect(inner.out == "short\n" + long, "set pager off")
    }

    /// The pager shares the shell's process group, the terminal's foreground group: in a group of its own, `less`
    /// is stopped by SIGTTOU as soon as it sets the terminal's modes, and the shell waits for it forever.
    @Test func thePagerRunsInTheShellsProcessGroup() throws {
        let temp = TempDir()
        let output = PagedOutput(Captured(), environment: ["PAGER": "cat > /dev/null; ps -o pgid= -p $$ > '\(temp.path)/group'"],
                                 screen: { (rows: 10, columns: 80) })
        output.write(String(repeating: "row\n", count: 100))
        let written = try #require(temp.read("group"))
        let group = try #require(Int32(written.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(group == getpgrp())
    }

    /// A pager that cannot run (a typo in $PAGER, `less` missing) or fails shows nothing: the text is written as if
    /// there were no pager, and the user is told once why.
    @Test(arguments: [("/nonexistent/pager", "was not found (status 127)"), ("false", "failed (status 1)"),
                      ("sh -c 'exit 3'", "failed (status 3)")])
    func aPagerThatCannotRunSwallowsNothing(_ pager: String, _ why: String) {
        let inner = Captured()
        let output = PagedOutput(inner, environment: ["PAGER": pager], screen: { (rows: 10, columns: 80) })
        let long = String(repeating: "row\n", count: 100)
        output.write(long)
        output.write(long)
        #expect(inner.out == long + long)
        #expect(inner.err.components(separatedBy: why).count == 2, "said once: \(inner.err)")
    }

    @Test func noTerminalOrAnEmptyPagerMeansNoPaging() {
        let inner = Captured()
        let long = String(repeating: "row\n", count: 100)
        PagedOutput(inner, environment: ["PAGER": "false"], screen: { nil }).write(long)
        PagedOutput(inner, environment: ["PAGER": " "], screen: { (rows: 10, columns: 80) }).write(long)
        #expect(inner.out == long + long)
    }
}
