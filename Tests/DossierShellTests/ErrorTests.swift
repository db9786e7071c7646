import Foundation
import Testing

/// Exit status and the `FILE:LINE:COLUMN: error: MESSAGE` / line / caret form of errors (INTERFACE.md "Errors").
@Suite("Errors and exit status")
struct ErrorTests {
    struct FailingCommand: CustomTestStringConvertible, Sendable {
        var command: String
        var message: String
        var testDescription: String { command }
    }

    @Test(arguments: [
        FailingCommand(command: "find actor Wagnr", message: "unknown actor 'Wagnr' — did you mean 'Wagner'?"),
        FailingCommand(command: "find sinse 2020", message: "unexpected 'sinse' — did you mean 'since'?"),
        FailingCommand(command: "fnd actor Wagner", message: "fnd"),
        FailingCommand(command: "docs\nexpect count 4", message: "expect failed"),
        FailingCommand(command: "find actor Wagner\nexpect contains \"zzzz-not-there\"", message: "expect failed"),
        FailingCommand(command: "find place Bangi", message: "unknown place 'Bangi'"),
        FailingCommand(command: "show doc 999", message: "999"),
        FailingCommand(command: "find matching /(/", message: "error"),
    ])
    func failedCommandExitsOne(_ c: FailingCommand) {
        let r = dossier([], stdin: c.command + "\n")
        #expect(r.status == 1, "\(r)")
        #expect(r.stderr.contains(c.message), "\(r)")
        #expect(RenderedError(r.stderr) != nil, "not FILE:LINE:COLUMN: error: ... with line and caret: \(r.stderr)")
    }

    @Test(arguments: ["docs", "find actor Wagner", "count by year", "echo hi", "help", "expect count 5\n"])
    func successExitsZero(_ command: String) {
        let source = command == "expect count 5\n" ? "docs\nexpect count 5\n" : command
        let r = dossier(["-e", source])
        #expect(r.status == 0, "\(r)")
        #expect(!r.stderr.contains("error"), "\(r)")
    }

    @Test func commandLineError() throws {
        let r = dossier(["-e", "find actor Wagnr"])
        #expect(r.status == 1)
        let e = try #require(RenderedError(r.stderr), "\(r.stderr)")
        #expect(e.file == "<command>")
        #expect(e.line == 1)
        #expect(e.column == 12)
        #expect(e.message == "unknown actor 'Wagnr' — did you mean 'Wagner'?")
        #expect(e.sourceLine == "find actor Wagnr")
        #expect(e.caretColumn == 12)
        #expect(e.underlined == "Wagnr")
    }

    @Test func stdinErrorOnThirdLine() throws {
        let r = dossier([], stdin: "docs\n# a comment\nfind actor Wagnr\necho after\n")
        #expect(r.status == 1)
        let e = try #require(RenderedError(r.stderr), "\(r.stderr)")
        #expect(e.file == "<stdin>")
        #expect(e.line == 3)
        #expect(e.column == 12)
        #expect(e.underlined == "Wagnr")
        #expect(r.stdout.contains("5 documents"))
        #expect(!r.stdout.contains("after"), "input must stop at its first failing command")
    }

    @Test func scriptErrorNamesFileAndLine() throws {
        let temp = TempDir()
        let script = temp.write("bad.dossier", "echo one\n\n# note\nfind place Bangi\necho never\n")
        let r = dossier([script], temp: temp)
        #expect(r.status == 1)
        let e = try #require(RenderedError(r.stderr), "\(r.stderr)")
        #expect(e.file == script)
        #expect(e.line == 4)
        #expect(e.column == 12)
        #expect(e.underlined == "Bangi")
        #expect(r.stdoutLines == ["one"])
    }

    @Test(arguments: [
        // (script, expected line, expected column, underlined)
        ("echo one\nfind (actor Wagner or\n  actor Wagnr)\necho two\n", 3, 9, "Wagnr"),
        ("echo one\nfind actor Wagner and \\\n  actor Russi\n", 3, 9, "Russi"),
        ("find (actor Wagner or\n  actor Russia or\n\n  place Bangi)\n", 4, 9, "Bangi"),
        ("find actor Wagner \\\n  and \\\n  sinse 2020\n", 3, 3, "sinse"),
    ])
    func multiLineCommandReportsTheRightLine(_ source: String, _ line: Int, _ column: Int, _ word: String) throws {
        let temp = TempDir()
        let script = temp.write("multi.dossier", source)
        let r = dossier([script], temp: temp)
        #expect(r.status == 1, "\(r)")
        let e = try #require(RenderedError(r.stderr), "\(r.stderr)")
        #expect(e.file == script)
        #expect(e.line == line, "\(r.stderr)")
        #expect(e.column == column, "\(r.stderr)")
        #expect(e.underlined == word, "\(r.stderr)")
        #expect(!r.stdout.contains("two"))
    }

    @Test(arguments: [
        ("find actor Touadérrra", 12, "Touadérrra"),
        ("find actor Touadéra and actor Wagnr", 31, "Wagnr"),
        ("find actor \"Touadéra\" and place Bangi", 33, "Bangi"),
        ("find text \"Bozizé’s\" or actor Bozizé or place Bângui or actor Wagnr", 63, "Wagnr"),
    ])
    func caretUnderTheRightCharacterOnNonASCIILines(_ command: String, _ column: Int, _ word: String) throws {
        for (args, stdin) in [(["-e", command], nil as String?), ([], command + "\n")] {
            let r = dossier(args, stdin: stdin)
            #expect(r.status == 1, "\(r)")
            let e = try #require(RenderedError(r.stderr), "\(r.stderr)")
            #expect(e.column == column, "column counts characters: \(r.stderr)")
            #expect(e.caretColumn == column, "\(r.stderr)")
            #expect(e.sourceLine == command)
            #expect(e.underlined == word, "\(r.stderr)")
        }
    }

    @Test func unknownActorAfterEmptyTextIsStillReported() {
        // Regression: the right side of `and` was once left unchecked when the left side matched nothing.
        let r = dossier(["-e", "find text \"zzzz\" and actor Wagnr"])
        #expect(r.status == 1, "an unknown actor must be an error even if the rest matches nothing: \(r)")
        #expect(r.stderr.contains("unknown actor 'Wagnr'"), "\(r)")
    }

    @Test func misspelledKeywordAfterAnActorNameGetsASuggestion() {
        // INTERFACE.md: NAME is a word or a "quoted string"; `unexpected 'sinse' — did you mean 'since'?`.
        let r = dossier(["-e", "find actor Wagner sinse 2020"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("'sinse'") && r.stderr.contains("'since'"),
                "the misspelled keyword should be named, not swallowed into the actor name: \(r.stderr)")
    }

    @Test func errorsGoToStderrNotStdout() {
        let r = dossier(["-e", "find actor Wagnr"])
        #expect(r.stdout.isEmpty, "\(r)")
        #expect(!r.stderr.isEmpty)
    }
}
