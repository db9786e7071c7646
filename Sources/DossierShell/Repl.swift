import DossierCore
import Foundation
import LineEditing
import Synchronization

/// The interactive prompt: libedit editing, history of commands that parsed, completion that knows where it is,
/// Ctrl-C to abandon a line or stop a command, Ctrl-D to leave.
final class Repl {
    let session: Session
    private let completions = CompletionSnapshot()

    init(session: Session) {
        self.session = session
    }

    func run() -> Int32 {
        Interrupt.install()
        let history = ProcessInfo.processInfo.environment["DOSSIER_HISTORY"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ProcessInfo.processInfo.environment["HOME"].map { $0 + "/.dossier_history" }
        completions.update(CompletionModel(session: session))
        let snapshot = completions
        let editor = EditlineLineSource(programName: "dossier", historyFile: history, completer: { line in
            snapshot.model?.candidates(lineBeforeCursor: line) ?? []
        })
        session.shouldStop = { Interrupt.isRequested }
        session.interpreter.loadProgress = Terminal.progressBar()
        session.interpreter.loadScanned = Terminal.scanReport()
        (session.output as? StandardStreams)?.shouldStop = { Interrupt.isRequested }
        session.onParsed = { editor.addHistory(Repl.oneLine($0)) }
        session.recordsTranscript = true
        banner()
        let color = session.settings.color
        let prompt = color ? "\u{1B}[1;36mdossier>\u{1B}[0m " : "dossier> "
        let continuation = color ? "\u{1B}[2m...>\u{1B}[0m " : "...> "
        var buffer = ""
        var lineNumber = 0
        var startLine = 1
        loop: while true {
            switch editor.readLine(prompt: buffer.isEmpty ? prompt : continuation) {
            case .endOfInput:
                break loop
            case .interrupted:
                buffer = ""
                continue
            case .line(let line):
                // Blank lines and comments are not commands: a transcript leaves them out, so lines are not counted
                // for them and an error's `<stdin>:LINE` reads the same when the transcript is checked.
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if buffer.isEmpty && (trimmed.isEmpty || trimmed.hasPrefix("#")) { continue }
                lineNumber += 1
                if buffer.isEmpty { startLine = lineNumber }
                buffer += buffer.isEmpty ? line : "\n" + line
                if Lexer.needsContinuation(buffer) { continue }
                session.settings.width = Terminal.width(1) ?? session.settings.width
                Interrupt.reset()
                session.run(buffer, file: "<stdin>", firstLine: startLine)
                if Interrupt.isRequested {
                    if !session.reportedInterruption { StandardStream.error.write("interrupted\n") }
                    Interrupt.reset()
                }
                buffer = ""
                completions.update(CompletionModel(session: session))
                if session.quitRequested { break loop }
            }
        }
        do { try editor.saveHistory() } catch { StandardStream.error.write("dossier: \(error)\n") }
        editor.close()
        return 0
    }

    /// A command typed over several lines, as one history line: continuation backslashes dropped, lines joined by a space.
    static func oneLine(_ command: String) -> String {
        command.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.hasSuffix("\\") ? String(line.dropLast()) : String(line) }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
    }

    func banner() {
        let c = session.corpus
        let actors = c.entities.indices.filter { c.entities[$0].kind == .actor && c.entityMentionCounts[$0] > 0 }.count
        let places = c.entities.indices.filter { c.entities[$0].kind == .place && c.entityMentionCounts[$0] > 0 }.count
        let mb = Double(c.byteCount) / 1_048_576
        let size = mb >= 1 ? String(format: "%.1f MB", mb) : "\(c.byteCount / 1024) KB"
        let text = "Dossier \(Shell.version) — \(c.documents.count) documents (\(size)), \(c.sentences.count) sentences, \(actors) actors, \(places) places.\nType help for the language, Tab to complete, Ctrl-D to leave.\n"
        StandardStream.error.write(text)
    }
}

/// The completion model the editor's callback reads, replaced after each command.
final class CompletionSnapshot: Sendable {
    private let current = Mutex<CompletionModel?>(nil)

    var model: CompletionModel? { current.withLock { $0 } }

    func update(_ model: CompletionModel) { current.withLock { $0 = model } }
}
