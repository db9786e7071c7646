import Foundation

/// Where a session's output goes. The shell writes to the terminal; `check` and tests capture it.
public protocol SessionOutput: AnyObject {
    func write(_ text: String)
    func writeError(_ text: String)
}

/// The one `run(source)` every way in goes through (the prompt, a script, `-e`, a transcript): it splits the
/// source into commands, parses each, has the `Interpreter` run it, renders the result once, and reports errors.
/// It also keeps what belongs to running rather than to the language: nested scripts, their arguments, the
/// transcript of the session, `--echo` and `--timer`.
public final class Session {
    public let interpreter: Interpreter
    public let output: SessionOutput
    /// How colour looks where the output can show it (given by the shell); `set color` turns it on and off.
    public var colorStyling = Styling.plain
    public var keepGoing = false
    public var echo = false
    /// Nanoseconds, read before and after each command for `--timer` (tests may pass a fake clock).
    public var clock: () -> UInt64 = { DispatchTime.now().uptimeNanoseconds }
    /// Commands and their output so far (text, no colour), with the notes typed before each, for `save transcript`.
    private var transcript: [Transcript.Entry] = []
    /// The corpus the transcript's first command ran on, which a replay must start from.
    private var recordedCorpus: [String] = []
    /// While `run` runs a script: what its commands printed so far (they are not entries of the transcript).
    private var scriptOutput: String?
    /// What the script the last `run` ran printed, until the `run` line's entry takes it.
    private var finishedScriptOutput = ""
    /// `#` lines typed at the prompt since the last command: the notes of the next one in a saved transcript.
    private var pendingNotes: [String] = []
    public var recordsTranscript = false
    /// Whether the last `run` stopped at Ctrl-C and said so (the prompt then says nothing more).
    public private(set) var reportedInterruption = false
    /// The `expect` commands that have failed in this session: a transcript with one fails its check.
    public private(set) var failedExpectations: [Diagnostic] = []
    private var runStack: [String] = []
    private var scriptArguments: [String] = []

    public init(corpus: Corpus, loader: CorpusLoader, corpusPaths: [String], output: SessionOutput, files: FileAccess = LocalFiles()) {
        interpreter = Interpreter(corpus: corpus, loader: loader, corpusPaths: corpusPaths, files: files)
        self.output = output
    }

    /// The corpus, every section of a saved model read (commands read only what they need).
    public var corpus: Corpus { interpreter.wholeCorpus }
    public var loader: CorpusLoader { interpreter.loader }
    public var corpusPaths: [String] { interpreter.corpusPaths }
    public var variableNames: [String] { interpreter.variableNames }
    public var quitRequested: Bool { interpreter.quitRequested }
    public var settings: Settings {
        get { interpreter.settings }
        set { interpreter.settings = newValue }
    }
    public var shouldStop: @Sendable () -> Bool {
        get { interpreter.shouldStop }
        set { interpreter.shouldStop = newValue }
    }
    /// Whether the session builds ahead between commands what later commands read (`Interpreter.buildsAhead`).
    public var buildsAhead: Bool {
        get { interpreter.buildsAhead }
        set { interpreter.buildsAhead = newValue }
    }
    var styling: Styling { settings.color ? colorStyling : .plain }

    /// Runs every command in `source`. Returns false if a command failed. Stops at the first failure
    /// unless `keepGoing`. `file` and `firstLine` place diagnostics; `arguments` fill `$1`, `$2`, ...
    /// `script` names the file the source was read from, so a script that runs itself is caught as a cycle.
    /// `parsed` hears, before each command runs, whether it parsed (the prompt keeps only those in its history).
    @discardableResult
    public func run(_ source: String, file: String, firstLine: Int = 1, arguments: [String]? = nil, directory: String? = nil,
                    script: String? = nil, parsed: ((Bool) -> Void)? = nil) -> Bool {
        let savedArguments = scriptArguments
        if let arguments { scriptArguments = arguments }
        if let script { runStack.append(Self.scriptKey(script)) }
        defer {
            scriptArguments = savedArguments
            if script != nil { runStack.removeLast() }
        }
        if runStack.count <= (script == nil ? 0 : 1) { reportedInterruption = false }
        var ok = true
        // A script saved on Windows ends its lines with CRLF, which Swift reads as one character, not a line feed.
        let chunks = Self.commands(in: LineEnding.normalised(source), firstLine: firstLine)
        for (n, chunk) in chunks.enumerated() {
            if quitRequested { break }
            let success = runChunk(chunk.text, file: file, line: chunk.line, directory: directory, parsed: parsed)
            ok = ok && success
            if !success && !keepGoing { return false }
            // Ctrl-C stops the rest of a script too, whatever `--keep-going` says: what was asked is no longer wanted.
            if n + 1 < chunks.count && shouldStop() { return false }
        }
        return ok
    }

    /// Splits source into commands: one per line, continued while a parenthesis or quote is open or a line ends with `\`.
    static func commands(in source: String, firstLine: Int) -> [(text: String, line: Int)] {
        var result: [(String, Int)] = []
        var pending: [Substring] = []
        var start = firstLine
        var number = firstLine - 1
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            if pending.isEmpty {
                let trimmed = line.trimmingSpaces()
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                start = number
            }
            pending.append(line)
            let text = pending.joined(separator: "\n")
            if !Lexer.needsContinuation(text) {
                result.append((text, start))
                pending.removeAll()
            }
        }
        if !pending.isEmpty { result.append((pending.joined(separator: "\n"), start)) }
        return result
    }

    private func runChunk(_ text: String, file: String, line: Int, directory: String?, parsed: ((Bool) -> Void)?) -> Bool {
        let statements: [Statement]
        do {
            statements = try Parser.parse(text, file: file, firstLine: line, arguments: scriptArguments)
        } catch {
            parsed?(false)
            interpreter.commandFailed()
            report(text.hasPrefix(Transcript.prompt) ? Self.pastedPrompt(error, text: text) : error, command: text)
            return false
        }
        parsed?(true)
        for statement in statements {
            if echo {
                // In JSON, CSV, TSV and Markdown standard output is data only (one JSON object a command): the echo goes
                // to standard error, where a person reading along sees it.
                let line = TerminalSafe.clean("dossier> " + statement.text) + "\n"
                if settings.format == .text { output.write(line) } else { output.writeError(line) }
            }
            let started = clock()
            let lostPages = MappedBytes.lostPages
            defer { if MappedBytes.lostPages > lostPages { output.writeError(Self.savedModelCut) } }
            let place = Interpreter.Place(file: file, statement: statement, directory: directory)
            var ok = true
            var recorded = ""
            do {
                let result = try execute(place)
                let taken = interpreter.takeLoadWarnings().map { (kind: $0.kind, text: DiagnosticRenderer.render($0) + "\n") }
                let warnings = taken.map(\.text).joined()
                if !warnings.isEmpty { output.writeError(warnings) }
                let drawn = renderer(styling: styling, width: settings.width)
                let shown = try drawn.render(result, command: statement.text)
                output.write(shown)
                let cut = pageNote(result) + (drawn.guarded.count > 0 ? "note: " + Spreadsheet.note(drawn.guarded.count) + "\n" : "")
                if !cut.isEmpty { output.writeError(cut) }
                if recordsTranscript {
                    // A transcript holds what a replay prints (warnings too), without colour, at the width `dossier check` uses.
                    // What the folder of saved models did depends on the machine, not on the corpus: a replay may not say it.
                    let replayWidth = Settings().width
                    let kept = taken.filter { $0.kind != .savedModel }.map(\.text).joined()
                    recorded = takeScriptOutput() + kept
                        + (!settings.color && settings.width == replayWidth ? shown : try render(result, statement, styling: .plain, width: replayWidth))
                }
            } catch {
                let (stderrText, jsonLine) = describe(error, command: statement.text)
                output.writeError(stderrText)
                if let jsonLine { output.write(jsonLine) }
                recorded = takeScriptOutput() + stderrText + (jsonLine ?? "")
                ok = false
            }
            if settings.timer {
                let ms = Double(clock() - started) / 1_000_000
                output.writeError("time: \(format3(ms)) ms\n")
            }
            if recordsTranscript { record(statement.text, recorded) }
            if !ok { return false }
        }
        return true
    }

    /// Said when a command read pages of a saved model that another program cut short while this session had it open.
    static let savedModelCut = "warning: another program cut short a saved model this session reads (in the folder of saved models) "
        + "while it was open, so parts of it read as empty: this answer, and later ones, may be wrong; start dossier again to read "
        + "the documents afresh\n"

    private func render(_ result: CommandResult, _ statement: Statement, styling: Styling, width: Int) throws(Diagnostic) -> String {
        try renderer(styling: styling, width: width).render(result, command: statement.text)
    }

    private func renderer(styling: Styling, width: Int) -> Renderer {
        Renderer(corpus: interpreter.corpus, format: settings.format, styling: styling, width: width, page: settings.page,
                 chartPage: settings.chartPage, shouldStop: shouldStop)
    }

    /// For CSV, TSV and Markdown, which have no header line to say it: what the answer left out (a timeline's undated
    /// sentences, repeated texts) and how many rows the page kept, on standard error.
    private func pageNote(_ result: CommandResult) -> String {
        guard [.csv, .tsv, .markdown].contains(settings.format) else { return "" }
        var said = ""
        if let note = result.note { said += "note: \(note)\n" }
        guard let cut = renderer(styling: .plain, width: settings.width).pageCut(result) else { return said }
        let limit = settings.limit.map(String.init) ?? "none"
        return said + "note: showing \(cut.shown) of \(cut.of) rows (limit \(limit)); 'set limit none' or --limit none gives them all\n"
    }

    /// Runs a statement: the runner's own commands here, the language's in the interpreter.
    private func execute(_ place: Interpreter.Place) throws(Diagnostic) -> CommandResult {
        let fail = interpreter.evaluator(place).fail
        switch place.statement.command {
        case .run(let path, let arguments, let span):
            return try runFile(path, arguments: arguments, span: span, fail: fail, directory: place.directory)
        case .saveTranscript(let path, let force, let span):
            guard recordsTranscript else {
                throw fail(span, "a transcript is recorded only at the prompt, so a script or -e has none to save; to make one, write "
                           + "the commands in a file as lines starting with 'dossier> ' and run: dossier check --update FILE", nil)
            }
            let target = interpreter.files.resolve(path, from: place.directory)
            var entries = transcript
            if !entries.isEmpty, !entries.contains(where: { $0.notes.contains { $0.hasPrefix(Transcript.corpusNotePrefix) } }) {
                let folder = FileSystem.absoluteFolder(of: target)
                entries[0].notes.insert(Transcript.corpusNote(recordedCorpus, from: folder), at: 0)
            }
            let text = Transcript.render(entries, trailingNotes: pendingNotes)
            try interpreter.refuseToReplaceDocuments(at: target, span: span, evaluator: interpreter.evaluator(place))
            do {
                try interpreter.files.write(text, to: target, force: force)
            } catch {
                throw fail(span, error.message, nil)
            }
            return .note("saved \(transcript.count) command\(transcript.count == 1 ? "" : "s") to \(path)")
        default:
            return try interpreter.execute(place.statement.command, at: place)
        }
    }

    private func describe(_ error: Diagnostic, command: String) -> (String, String?) {
        if error.kind == .interrupted { reportedInterruption = true }
        if error.kind == .failedExpectation { failedExpectations.append(error) }
        let text = error.kind == .interrupted ? "interrupted\n" : DiagnosticRenderer.render(error) + "\n"
        guard settings.format == .json else { return (text, nil) }
        let value = Value.object([
            ("command", .string(command)),
            ("error", .object([("message", .string(error.fullMessage)), ("line", .int(error.location.line)),
                               ("column", .int(error.location.column)), ("suggestion", error.suggestion.map(Value.string) ?? .null)])),
        ])
        return (text, value.json + "\n")
    }

    /// A command that starts with the transcript's prompt was copied from a transcript or the docs, or a transcript is
    /// being run as a script: the error says so and offers the command without the prompt.
    private static func pastedPrompt(_ error: Diagnostic, text: String) -> Diagnostic {
        var said = error
        said.location.column = 1
        said.length = Transcript.prompt.count - 1
        said.message = "'dossier>' is the prompt, not part of a command (a transcript is replayed with 'dossier check FILE')"
        let command = text.dropFirst(Transcript.prompt.count).prefix { $0 != "\n" }
        said.suggestion = command.isEmpty ? nil : String(command)
        return said
    }

    /// A `#` note typed at the prompt, kept in a saved transcript before the command that follows it.
    public func note(_ line: String) {
        if recordsTranscript { pendingNotes.append(line) }
    }

    private func record(_ command: String, _ output: String) {
        if scriptOutput != nil {
            scriptOutput! += output
            return
        }
        if transcript.isEmpty { recordedCorpus = interpreter.corpusPaths }
        transcript.append(Transcript.Entry(notes: pendingNotes, command: command, expected: output))
        pendingNotes = []
    }

    /// What the script a `run` ran printed, for the `run` line's entry in the transcript; empty for other commands.
    private func takeScriptOutput() -> String {
        defer { finishedScriptOutput = "" }
        return finishedScriptOutput
    }

    private func report(_ error: Diagnostic, command: String) {
        let (text, json) = describe(error, command: command)
        output.writeError(text)
        if let json { output.write(json) }
        if recordsTranscript { record(command, text) }
    }

    private func runFile(_ path: String, arguments: [String], span: SourceSpan, fail: (SourceSpan, String, String?) -> Diagnostic,
                         directory: String?) throws(Diagnostic) -> CommandResult {
        let full = interpreter.files.resolve(path, from: directory)
        let key = Self.scriptKey(full)
        if let start = runStack.firstIndex(of: key) {
            let chain = (runStack[start...] + [key]).map { ($0 as NSString).lastPathComponent }
            throw fail(span, "run cycle: \(chain.joined(separator: " → "))", nil)
        }
        guard runStack.count < 64 else { throw fail(span, "scripts nested more than 64 deep", nil) }
        let text: String
        do {
            let read = try interpreter.files.readText(full)
            text = read.text
            for warning in read.warnings { output.writeError(DiagnosticRenderer.render(warning) + "\n") }
        } catch {
            throw fail(span, "cannot run '\(path)': \(error)", nil)
        }
        // A transcript records the script's commands' output under the `run` line, as a replay of that line prints it.
        let outer = scriptOutput
        scriptOutput = ""
        let ok = run(text, file: FileSystem.display(full), arguments: arguments.isEmpty ? nil : arguments, directory: (full as NSString).deletingLastPathComponent, script: full)
        finishedScriptOutput = scriptOutput ?? ""
        scriptOutput = outer
        guard ok else { throw fail(span, "'\(path)' failed (see above)", nil) }
        return .nothing
    }

    /// The same file under any spelling of its path.
    static func scriptKey(_ path: String) -> String {
        FileSystem.realPath(path) ?? URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
