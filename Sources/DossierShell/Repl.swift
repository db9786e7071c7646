import DossierCore
import Foundation
import LineEditing
import Synchronization

/// The interactive prompt: reads commands from a `LineSource` (libedit on a terminal, scripted lines in tests),
/// keeps the commands that parsed in history (one that did not is there to fix until the next command), continues
/// a command while a quote or parenthesis is open, and lets Ctrl-C abandon a line (or a continued command) and
/// Ctrl-D leave.
final class Repl {
    let session: Session
    let source: LineSource
    let completions: CompletionSnapshot
    /// The terminal's width now (nil when not a terminal), read before each command so output follows a resized window.
    let terminalWidth: () -> Int?
    /// Whether the user pressed Ctrl-C while the last command ran.
    let interrupted: () -> Bool

    init(session: Session, source: LineSource, completions: CompletionSnapshot = CompletionSnapshot(),
         terminalWidth: @escaping () -> Int? = { Terminal.width(1) }, interrupted: @escaping () -> Bool = { false }) {
        self.session = session
        self.source = source
        self.completions = completions
        self.terminalWidth = terminalWidth
        self.interrupted = interrupted
    }

    /// The prompt on the terminal: libedit with history in `$DOSSIER_HISTORY` (else `~/.dossier_history`) and
    /// completion from the session.
    static func onTerminal(session: Session) -> Repl {
        Interrupt.install()
        let environment = ProcessInfo.processInfo.environment
        let history = environment["DOSSIER_HISTORY"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["HOME"].map { $0 + "/.dossier_history" }
        let snapshot = CompletionSnapshot()
        let editor = EditlineLineSource(programName: "dossier", historyFile: history, completer: { line in
            guard let offer = snapshot.model?.offer(lineBeforeCursor: line) else { return (CompletionWord(lineBeforeCursor: line), []) }
            return (CompletionWord(text: offer.typed, isQuoted: offer.quoted, start: offer.start), offer.candidates)
        }, showCandidate: { candidate in
            let shown = TerminalSafe.clean(candidate)
            return (shown, shown.displayWidth)
        })
        session.shouldStop = { Interrupt.isRequested }
        let bar = Terminal.progressBar()
        session.interpreter.loadProgress = bar?.reporter
        session.interpreter.loadEnded = bar?.ender
        session.interpreter.loadScanned = Terminal.scanReport()
        ((session.output as? PagedOutput)?.streams as? StandardStreams ?? session.output as? StandardStreams)?.shouldStop = { Interrupt.isRequested }
        return Repl(session: session, source: editor, completions: snapshot, interrupted: { Interrupt.isRequested })
    }

    func run() -> Int32 {
        completions.update(CompletionModel(session: session))
        session.recordsTranscript = true
        let color = session.settings.color
        let prompt = color ? "\u{1B}[1;36mdossier>\u{1B}[0m " : "dossier> "
        let continuation = color ? "\u{1B}[2m...>\u{1B}[0m " : "...> "
        var buffer = ""
        var lineNumber = 0
        var startLine = 1
        // The width the prompt last gave the session from the terminal; once `set width` changes it, it stays.
        var followedWidth: Int? = session.settings.width
        loop: while true {
            switch source.readLine(prompt: buffer.isEmpty ? prompt : continuation) {
            case .endOfInput:
                // Ctrl-D after an unfinished command (an open quote at `...>`): it is run, so its error says what was
                // left open, and the prompt comes back, as bash's does at PS2: the session, its names and its
                // transcript are not lost to a key pressed to get out of a runaway quote. Ctrl-D again leaves.
                guard !buffer.isEmpty else { break loop }
                session.output.writeError("\n")
                session.run(buffer, file: "<stdin>", firstLine: startLine)
                buffer = ""
            case .interrupted:
                buffer = ""
                continue
            case .tooLong:
                break loop
            case .line(let line):
                // Blank lines and comments are not commands: a transcript leaves them out, so lines are not counted
                // for them and an error's `<stdin>:LINE` reads the same when the transcript is checked.
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if buffer.isEmpty && trimmed.hasPrefix("#") {
                    // A note for the lesson: kept in a saved transcript, before the command that follows it.
                    session.note(trimmed)
                    continue
                }
                if buffer.isEmpty && trimmed.isEmpty { continue }
                lineNumber += 1
                if buffer.isEmpty { startLine = lineNumber }
                buffer += buffer.isEmpty ? line : "\n" + line
                if Lexer.needsContinuation(buffer) { continue }
                if session.settings.width == followedWidth, let width = terminalWidth() {
                    session.settings.width = width
                    followedWidth = width
                }
                Interrupt.reset()
                let command = buffer
                session.run(buffer, file: "<stdin>", firstLine: startLine) { parsed in
                    self.source.addHistory(Repl.oneLine(command), parsed: parsed)
                }
                if interrupted() {
                    if !session.reportedInterruption { session.output.writeError("interrupted\n") }
                    Interrupt.reset()
                }
                buffer = ""
                completions.update(CompletionModel(session: session))
                if session.quitRequested { break loop }
            }
        }
        if let editor = source as? EditlineLineSource {
            do { try editor.saveHistory() } catch { session.output.writeError("dossier: \(error)\n") }
            editor.close()
        }
        return 0
    }

    /// A command typed over several lines, as one history line: continuation backslashes dropped, lines joined by a space.
    static func oneLine(_ command: String) -> String {
        command.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.hasSuffix("\\") ? String(line.dropLast()) : String(line) }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
    }

    /// What the prompt says first (on standard error): the program, the corpus, and how to get help.
    static func banner(_ session: Session) {
        let c = session.corpus
        let mb = Double(c.byteCount) / 1_048_576
        let size = mb >= 1 ? String(format: "%.1f MB", mb) : "\(c.byteCount / 1024) KB"
        func counted(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        // As `actors` and `actors discovered` list them: the lexicon's, and the names found in the text besides.
        func named(_ kind: EntityKind, _ noun: String) -> String {
            let mentioned = c.entities.indices.filter { c.entities[$0].kind == kind && c.entityMentionCounts[$0] > 0 }
            let discovered = mentioned.filter { $0 >= c.lexiconEntityCount }.count
            return counted(mentioned.count, noun) + (discovered > 0 ? " (\(discovered) discovered)" : "")
        }
        let lines = ["Dossier \(Shell.version) — \(size) in \(c.describedSize(countingCopies: session.settings.countsDuplicates)), "
            + "\(named(.actor, "actor")), \(named(.place, "place")).", "Type help for the language, Tab to complete, Ctrl-D to leave."]
        session.output.writeError(lines.flatMap { Renderer.fitted($0, width: session.settings.width) }.map { $0 + "\n" }.joined())
    }
}

/// The completion model the editor's callback reads, replaced after each command.
final class CompletionSnapshot: Sendable {
    private let current = Mutex<CompletionModel?>(nil)

    var model: CompletionModel? { current.withLock { $0 } }

    func update(_ model: CompletionModel) { current.withLock { $0 = model } }
}
