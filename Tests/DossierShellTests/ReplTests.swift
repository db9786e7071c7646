import Foundation
import Testing

/// Smoke tests of the prompt in a real terminal (tmux): libedit's Tab, history keys, Ctrl-C, non-ASCII input under
/// the C locale, colour, the pager and a resized window. What the prompt does with lines is tested without a
/// terminal in ScriptedReplTests. Serialized: each test starts its own tmux server, but they are timing-sensitive.
@Suite("REPL in tmux", .serialized, .enabled(if: tmuxPath != nil, "tmux is not installed (scripts/setup installs it)"))
struct ReplTests {
    /// Starts dossier in a tmux pane and waits for the first prompt.
    static func start(_ temp: TempDir, _ arguments: [String] = [], env: [String: String] = [:], width: Int = 120,
                      directory: String? = nil) throws -> TmuxSession {
        let tmux = try TmuxSession(command: dossierCommandLine(temp, arguments, env: env), width: width, directory: directory)
        // Generous: a loaded 2-core machine took over 30 s to load a test corpus with a debug build.
        guard tmux.waitFor(timeout: 120, { $0.split(separator: "\n").last == "dossier>" }) else {
            let screen = tmux.screen()
            tmux.kill()
            throw PromptMissing(screen: screen)
        }
        return tmux
    }

    struct PromptMissing: Error, CustomStringConvertible {
        var screen: String
        var description: String { "no dossier> prompt; screen:\n\(screen)" }
    }

    /// The number of prompts on screen, to wait for the next one.
    static func prompts(_ screen: String) -> Int { screen.split(separator: "\n").filter { $0.hasPrefix("dossier>") }.count }

    /// Waits until a fresh, empty prompt is the last line and there are at least `count` prompts.
    static func waitForPrompt(_ tmux: TmuxSession, count: Int, timeout: TimeInterval = 20) -> Bool {
        tmux.waitFor(timeout: timeout) { prompts($0) >= count && $0.split(separator: "\n").last == "dossier>" }
    }

    /// Whether the screen shows a sentence result's header (`3 sentences`, `30 sentences, showing the first 1`).
    static func hasResult(_ screen: String) -> Bool {
        screen.split(separator: "\n").contains { $0.range(of: #"^\d+ sentences?(,.*)?$"#, options: .regularExpression) != nil }
    }

    @Test func bannerAndPrompt() throws {
        let temp = TempDir()
        let tmux = try Self.start(temp)
        defer { tmux.kill() }
        let screen = tmux.screen()
        #expect(screen.contains("Dossier "), "\(screen)")
        #expect(screen.contains("5 documents"), "\(screen)")
        #expect(screen.contains("Ctrl-D"), "\(screen)")
        tmux.line("echo hello there")
        #expect(tmux.waitFor("\nhello there\n"), "\(tmux.screen())")
        #expect(Self.waitForPrompt(tmux, count: 2), "\(tmux.screen())")
    }

    @Test func tabCompletesANameThatStartsLongerNamesThenTheLongerName() throws {
        let temp = TempDir()
        let tmux = try Self.start(temp)
        defer { tmux.kill() }
        tmux.type("find actor Wag")
        tmux.keys("Tab")
        // "Wagner" and "Wagner Group" (and more): the common part, with no quote left open.
        #expect(tmux.waitFor { $0.split(separator: "\n").last == "dossier> find actor Wagner" }, "\(tmux.screen())")
        tmux.keys("Tab")  // a Tab that adds nothing lists the candidates
        #expect(tmux.waitFor("Wagner Group"), "candidates listed: \(tmux.screen())")
        tmux.type(" G")
        tmux.keys("Tab")
        tmux.type("|")
        #expect(tmux.waitFor { $0.split(separator: "\n").last == "dossier> find actor \"Wagner Group\" |" }, "\(tmux.screen())")
        tmux.line(" limit 1")
        #expect(tmux.waitFor { Self.hasResult($0) }, "\(tmux.screen())")
        #expect(!tmux.screen().contains("error"), "\(tmux.screen())")
    }

    @Test func historySurvivesARestartWithTheCommandsThatParsed() throws {
        let temp = TempDir()
        do {
            let tmux = try Self.start(temp)
            defer { tmux.kill() }
            tmux.line("echo persisted one")
            #expect(Self.waitForPrompt(tmux, count: 2))
            tmux.line("find actor Wagnr")  // parses, then fails: saved
            #expect(tmux.waitFor("unknown actor"))
            #expect(Self.waitForPrompt(tmux, count: 3))
            tmux.line("find actr Mali")  // does not parse: Up brings it back to fix, but it is not saved
            #expect(tmux.waitFor("error: unexpected"))
            #expect(Self.waitForPrompt(tmux, count: 4))
            tmux.keys("Up")
            #expect(tmux.waitFor { $0.split(separator: "\n").last == "dossier> find actr Mali" }, "\(tmux.screen())")
            tmux.keys("C-u")
            tmux.keys("C-d")
            #expect(tmux.exitStatus(temp) == 0)
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: temp.history)
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
        #expect(mode & 0o777 == 0o600, "history mode is \(String(mode, radix: 8))")
        let text = temp.read("home/history") ?? ""
        #expect(text.contains("persisted"), "\(text)")
        #expect(text.contains("Wagnr"), "a command that parsed and failed is in history: \(text)")
        #expect(!text.contains("actr"), "a command that did not parse is not saved: \(text)")

        let tmux = try Self.start(temp)
        defer { tmux.kill() }
        tmux.keys("Up")
        #expect(tmux.waitFor { $0.split(separator: "\n").last == "dossier> find actor Wagnr" }, "\(tmux.screen())")
        tmux.keys("C-u")
        tmux.keys("C-r")
        tmux.type("persis")
        tmux.keys("Enter")
        #expect(tmux.waitFor("\npersisted one\n"), "Ctrl-R finds the older command: \(tmux.screen())")
    }

    @Test func ctrlCAbandonsAHalfTypedLine() throws {
        let temp = TempDir()
        let tmux = try Self.start(temp)
        defer { tmux.kill() }
        tmux.type("echo abandoned")
        #expect(tmux.waitFor("dossier> echo abandoned"))
        tmux.keys("C-c")
        #expect(Self.waitForPrompt(tmux, count: 2), "a new prompt after Ctrl-C: \(tmux.screen())")
        tmux.line("echo fresh")
        #expect(tmux.waitFor("\nfresh\n"), "\(tmux.screen())")
        let screen = tmux.screen()
        #expect(!screen.contains("\nabandoned"), "the abandoned line must not run: \(screen)")
        #expect(!screen.contains("error"), "\(screen)")
    }

    @Test func ctrlDOnAnEmptyLineExitsZero() throws {
        let temp = TempDir()
        let tmux = try Self.start(temp)
        defer { tmux.kill() }
        tmux.keys("C-d")
        #expect(tmux.exitStatus(temp) == 0, "\(tmux.screen())")
    }

    @Test func nonASCIINameUnderCLocale() throws {
        let temp = TempDir()
        let tmux = try Self.start(temp, env: ["LC_ALL": "C", "LANG": "C"])
        defer { tmux.kill() }
        tmux.line("find actor Touadéra | limit 2")
        #expect(tmux.waitFor { Self.hasResult($0) }, "\(tmux.screen())")
        let screen = tmux.screen()
        #expect(!screen.contains("unknown actor"), "\(screen)")
        #expect(screen.components(separatedBy: "Touadéra").count >= 3, "the command and at least one matching sentence: \(screen)")
    }

    /// Records a session in the REPL with `save transcript`, then `dossier check`s it.
    func saveTranscriptRoundTrip(width: Int, env: [String: String]) throws {
        let temp = TempDir()
        let tmux = try Self.start(temp, env: env, width: width, directory: temp.path)
        defer { tmux.kill() }
        let commands = ["echo hello", "find actor Wagnr", "find (actor Mali or", "actor Wagner) | limit 2", "count by year",
                        "top actors 3"]
        var expectedPrompts = 1
        for command in commands {
            tmux.line(command)
            if !command.hasSuffix(" or") {
                expectedPrompts += 1
                #expect(Self.waitForPrompt(tmux, count: expectedPrompts), "\(tmux.screen())")
            } else {
                #expect(tmux.waitFor { $0.split(separator: "\n").last == "...>" })
            }
        }
        let path = temp.path + "/session.transcript"
        tmux.line("save transcript \"\(path)\"")
        // Not "saved " alone: a first start in a new home says "saved the model" before any command.
        #expect(tmux.waitFor("commands to "), "\(tmux.screen())")
        let text = temp.read("session.transcript") ?? ""
        #expect(text.contains("dossier> echo hello\nhello\n"), "\(text)")
        #expect(text.contains("dossier> find (actor Mali or\n...> actor Wagner) | limit 2\n"), "\(text)")
        #expect(!text.contains("\u{1B}"), "a transcript is text without colour")
        let check = dossier(["check", path], temp: temp, directory: temp.path)
        #expect(check.status == 0, "the saved transcript must pass `dossier check`: \(check)")
    }

    @Test func saveTranscriptPassesCheckWithoutColour() throws {
        // Regression: with NO_COLOR, a 120-column terminal once wrapped differently from `check` (width 100).
        try saveTranscriptRoundTrip(width: 120, env: ["NO_COLOR": "1"])
    }

    /// Whether a result shown in a terminal with this environment is coloured.
    func coloured(_ env: [String: String]) throws -> Bool {
        let temp = TempDir()
        let tmux = try Self.start(temp, env: env)
        defer { tmux.kill() }
        tmux.line("find actor Wagner | limit 1")
        #expect(tmux.waitFor { Self.hasResult($0) })
        return tmux.tmuxCommand(["capture-pane", "-p", "-e", "-t", "0"]).stdout.contains("\u{1B}[")
    }

    @Test func colourInATerminalUnlessNOCOLORIsSet() throws {
        #expect(try coloured([:]), "expected colour in a terminal without NO_COLOR")
        #expect(try !coloured(["NO_COLOR": "1"]), "colour despite NO_COLOR")
        #expect(try coloured(["NO_COLOR": ""]), "an empty NO_COLOR must not turn colour off (no-color.org)")
    }

    @Test func theStartUpFileRunsBeforeThePrompt() throws {
        let temp = TempDir()
        temp.write("home/config/dossier/init.dossier", "echo hello from init\nset limit 1\n")
        let tmux = try Self.start(temp)
        defer { tmux.kill() }
        #expect(tmux.screen().contains("Ctrl-D to leave.\nhello from init\n"), "after the banner: \(tmux.screen())")
        tmux.line("find actor Wagner")
        #expect(tmux.waitFor("sentences, showing the first 1"), "\(tmux.screen())")
    }

    @Test func longOutputGoesThroughThePager() throws {
        let temp = TempDir()
        let tmux = try Self.start(temp, env: ["PAGER": "sed 's/^/paged: /'"])
        defer { tmux.kill() }
        tmux.line("echo short")
        #expect(tmux.waitFor("\nshort\n"), "\(tmux.screen())")
        tmux.line("set limit 60")
        tmux.line("actors")
        #expect(tmux.waitFor("paged: "), "\(tmux.screen())")
        #expect(!tmux.screen().contains("paged: short"))
    }

    @Test func outputFollowsAResizedWindow() throws {
        let temp = TempDir()
        let tmux = try Self.start(temp, width: 200)
        defer { tmux.kill() }
        tmux.line("find actor Wagner | limit 3")
        #expect(tmux.waitFor { Self.hasResult($0) })
        #expect(Self.waitForPrompt(tmux, count: 2))
        #expect(tmux.screen().split(separator: "\n").contains { $0.count > 120 }, "200 columns are used: \(tmux.screen())")
        tmux.tmuxCommand(["resize-window", "-t", "0", "-x", "70"])
        tmux.line("find actor Wagner | limit 3")
        #expect(Self.waitForPrompt(tmux, count: 3))
        let screen = tmux.screen()
        let after = screen.components(separatedBy: "dossier> find actor Wagner | limit 3").last ?? ""
        #expect(after.contains("13 sentences"), "\(screen)")
        #expect(after.split(separator: "\n").allSatisfy { $0.count <= 70 }, "\(screen)")
    }
}
