import Foundation
import DossierTime

/// Where a session's output goes. The shell writes to the terminal; `check` and tests capture it.
public protocol SessionOutput: AnyObject {
    func write(_ text: String)
    func writeError(_ text: String)
}

/// Settings a user changes with `set`.
public struct Settings: Sendable {
    public var format: OutputFormat = .text
    /// Rows shown by default (nil: all).
    public var limit: Int? = 20
    public var color = false
    public var timer = false
    public var width = 100

    public init() {}
}

/// One Dossier session: the corpus, settings and named results, and the one `run(source)` every way in
/// (the prompt, a script, `-e`, a transcript) goes through.
public final class Session {
    public private(set) var corpus: Corpus
    public var loader: CorpusLoader
    public private(set) var corpusPaths: [String]
    public var settings = Settings()
    /// How colour looks where the output can show it (given by the shell); `set color` turns it on and off.
    public var colorStyling = Styling.plain
    var styling: Styling { settings.color ? colorStyling : .plain }
    public var keepGoing = false
    public var echo = false
    public var shouldStop: @Sendable () -> Bool = { false }
    /// Nanoseconds, read before and after each command for `--timer` (tests may pass a fake clock).
    public var clock: () -> UInt64 = { DispatchTime.now().uptimeNanoseconds }
    public let output: SessionOutput
    /// Commands and their output so far (text, no colour), for `save transcript`.
    public private(set) var transcript: [(command: String, output: String)] = []
    public var recordsTranscript = false
    /// Called with each command that parsed (the REPL adds them to history).
    public var onParsed: ((String) -> Void)?
    private var variables: [String: SentenceSet] = [:]
    private var lastResult: (count: Int?, text: String)?
    private var runStack: [String] = []
    private var scriptArguments: [String] = []
    public private(set) var quitRequested = false

    public init(corpus: Corpus, loader: CorpusLoader, corpusPaths: [String], output: SessionOutput) {
        self.corpus = corpus
        self.loader = loader
        self.corpusPaths = corpusPaths
        self.output = output
    }

    /// Named results, for completion.
    public var variableNames: [String] { variables.keys.sorted() }

    /// Runs every command in `source`. Returns false if a command failed. Stops at the first failure
    /// unless `keepGoing`. `file` and `firstLine` place diagnostics; `arguments` fill `$1`, `$2`, ...
    /// `script` names the file the source was read from, so a script that runs itself is caught as a cycle.
    @discardableResult
    public func run(_ source: String, file: String, firstLine: Int = 1, arguments: [String]? = nil, directory: String? = nil,
                    script: String? = nil) -> Bool {
        let savedArguments = scriptArguments
        if let arguments { scriptArguments = arguments }
        if let script { runStack.append(Self.scriptKey(script)) }
        defer {
            scriptArguments = savedArguments
            if script != nil { runStack.removeLast() }
        }
        var ok = true
        for chunk in Self.commands(in: source, firstLine: firstLine) {
            if quitRequested { break }
            let success = runChunk(chunk.text, file: file, line: chunk.line, directory: directory)
            ok = ok && success
            if !success && !keepGoing { return false }
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

    private func substituteArguments(_ text: String, file: String, line: Int) throws(Diagnostic) -> String {
        guard text.contains("$"), !scriptArguments.isEmpty || text.contains(where: \.isNumber) else { return text }
        var out = ""
        var chars = Array(text)[...]
        var column = 1
        var lineNo = line
        while let c = chars.first {
            chars = chars.dropFirst()
            if c == "$", let d = chars.first, d.isASCII, d.isNumber {
                let digits = String(chars.prefix { $0.isASCII && $0.isNumber })
                chars = chars.dropFirst(digits.count)
                let n = Int(digits) ?? 0
                guard n >= 1, n <= scriptArguments.count else {
                    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                    throw Diagnostic(.error, at: SourceLocation(file: file, line: lineNo, column: column), length: digits.count + 1,
                                     "script argument $\(digits) was not given (\(scriptArguments.count) given)",
                                     sourceLine: String(lines[lineNo - line]))
                }
                out += scriptArguments[n - 1]
                column += digits.count + 1
                continue
            }
            out.append(c)
            if c == "\n" { lineNo += 1; column = 1 } else { column += 1 }
        }
        return out
    }

    private func runChunk(_ text: String, file: String, line: Int, directory: String?) -> Bool {
        let statements: [Statement]
        do {
            let source = try substituteArguments(text, file: file, line: line)
            statements = try Parser.parse(source, file: file, firstLine: line)
        } catch {
            report(error, command: text)
            return false
        }
        onParsed?(text)
        for statement in statements {
            if echo { output.write(TerminalSafe.clean("dossier> " + statement.text) + "\n") }
            let started = clock()
            let captured = recordsTranscript ? CapturedOutput() : nil
            let ok: Bool
            do {
                let (shown, recorded) = try execute(statement, file: file, directory: directory)
                output.write(shown)
                captured?.write(recorded)
                ok = true
            } catch {
                let (stderrText, jsonLine) = describe(error, command: statement.text)
                output.writeError(stderrText)
                if let jsonLine { output.write(jsonLine) }
                captured?.write(stderrText + (jsonLine ?? ""))
                ok = false
            }
            if settings.timer {
                let ms = Double(clock() - started) / 1_000_000
                output.writeError("time: \(format3(ms)) ms\n")
            }
            if let captured { transcript.append((statement.text, captured.text)) }
            if !ok { return false }
        }
        return true
    }

    private func describe(_ error: Diagnostic, command: String) -> (String, String?) {
        let text = DiagnosticRenderer.render(error) + "\n"
        guard settings.format == .json else { return (text, nil) }
        let value = Value.object([
            ("command", .string(command)),
            ("error", .object([("message", .string(error.fullMessage)), ("line", .int(error.location.line)),
                               ("column", .int(error.location.column)), ("suggestion", error.suggestion.map(Value.string) ?? .null)])),
        ])
        return (text, value.json + "\n")
    }

    private func report(_ error: Diagnostic, command: String) {
        let (text, json) = describe(error, command: command)
        output.writeError(text)
        if let json { output.write(json) }
        if recordsTranscript { transcript.append((command, text)) }
    }

    private func evaluator(file: String, line: Int, source: String) -> Evaluator {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        return Evaluator(corpus: corpus, variables: variables, fail: { span, message, suggestion in
            let k = span.line - line
            return Diagnostic(.error, at: SourceLocation(file: file, line: span.line, column: span.column), length: span.length,
                              message, suggestion: suggestion, sourceLine: k >= 0 && k < lines.count ? String(lines[k]) : nil)
        }, shouldStop: shouldStop, defaultLimit: settings.limit)
    }

    /// Runs a statement; returns what the user sees and what a transcript records (no colour, at the width
    /// `dossier check` replays with, so a saved session checks clean).
    private func execute(_ statement: Statement, file: String, directory: String?) throws(Diagnostic) -> (shown: String, recorded: String) {
        let evaluator = evaluator(file: file, line: statement.line, source: statement.text)
        let result = try compute(statement.command, evaluator: evaluator, file: file, directory: directory, statement: statement)
        // Rendered in the settings after the command, so `set format json` already answers in JSON.
        func render(_ format: OutputFormat, _ styling: Styling, _ width: Int) -> String {
            Renderer(evaluator: evaluator, format: format, styling: styling, width: width).render(result, command: statement.text)
        }
        let shown = render(settings.format, styling, settings.width)
        let replayWidth = Settings().width
        let recorded = recordsTranscript ? render(settings.format, .plain, replayWidth) : ""
        switch statement.command {
        case .expectCount, .expectContains, .assign, .set, .help, .echo, .run, .load, .saveTranscript, .quit, .export:
            break
        default:
            lastResult = (Self.total(result), render(.text, .plain, settings.width))
        }
        return (shown, recorded)
    }

    static func total(_ result: CommandResult) -> Int? {
        switch result {
        case .sentences(let r): return r.total
        case .counts(let r): return r.total
        case .table(let t): return t.total
        default: return nil
        }
    }

    private func compute(_ command: Command, evaluator: Evaluator, file: String, directory: String?, statement: Statement) throws(Diagnostic) -> CommandResult {
        switch command {
        case .find(let f, let stages): return .sentences(try evaluator.find(f, stages, timeline: false))
        case .timeline(let f, let stages): return .sentences(try evaluator.find(f, stages, timeline: true))
        case .count(let f, let key, let stages): return try evaluator.count(f, by: key, stages)
        case .top(let kind, let n, let f): return try evaluator.top(kind, n, f)
        case .list(let kind, let type, let discovered): return .table(try evaluator.list(kind, type: type, discovered: discovered))
        case .documents: return .table(evaluator.documents())
        case .showEntity(let kind, let name): return .profile(try evaluator.showEntity(kind, name))
        case .showDocument(let name): return .profile(try evaluator.showDocument(name))
        case .showSentence(let name): return .profile(try evaluator.showSentence(name))
        case .kwic(let phrase, let width, let f, let span): return .table(try evaluator.kwic(phrase, width: width, f, span: span))
        case .cooccur(let name, let f): return .table(try evaluator.cooccur(name, f))
        case .variable(let name, let span):
            guard let set = variables[name] else {
                throw evaluator.fail(span, "unknown result '$\(name)'", Suggest.nearest(name, in: variables.keys).map { "$" + $0 })
            }
            return .sentences(try evaluator.find(.variable(name, span), [], timeline: false).with(ids: set.ids, limit: settings.limit))
        case .assign(let name, let inner, let span):
            let result = try compute(inner, evaluator: evaluator, file: file, directory: directory, statement: statement)
            guard case .sentences(let r) = result else {
                throw evaluator.fail(span, "only sentence results (find, timeline, $name) can be named", nil)
            }
            variables[name] = SentenceSet(unsorted: r.ids)
            return .note("$\(name): \(r.ids.count) sentence\(r.ids.count == 1 ? "" : "s")")
        case .set(let option, let value, let span):
            return .note(try set(option, value, span: span, evaluator: evaluator))
        case .echo(let text):
            return .message(text)
        case .help(let topic):
            guard let text = Help.text(topic) else {
                throw evaluator.fail(SourceSpan(line: statement.line, column: statement.column + 5, length: topic?.count ?? 1),
                                     "no help on '\(topic ?? "")'", Suggest.nearest(topic ?? "", in: Help.topics))
            }
            return .message(text)
        case .expectCount(let n):
            guard let last = lastResult, let count = last.count else {
                throw evaluator.fail(SourceSpan(line: statement.line, column: statement.column, length: 6), "expect: no earlier result to check", nil)
            }
            guard count == n else {
                throw evaluator.fail(SourceSpan(line: statement.line, column: statement.column, length: statement.text.count),
                                     "expect failed: expected count \(n), got \(count)", nil)
            }
            return .nothing
        case .expectContains(let needle):
            guard let last = lastResult else {
                throw evaluator.fail(SourceSpan(line: statement.line, column: statement.column, length: 6), "expect: no earlier result to check", nil)
            }
            guard last.text.contains(needle) else {
                throw evaluator.fail(SourceSpan(line: statement.line, column: statement.column, length: statement.text.count),
                                     "expect failed: the last output does not contain \"\(needle)\"", nil)
            }
            return .nothing
        case .quit:
            quitRequested = true
            return .nothing
        case .limited(let inner, let n):
            return try compute(inner, evaluator: evaluator, file: file, directory: directory, statement: statement).limited(to: n)
        case .run(let path, let span):
            return try runFile(path, span: span, evaluator: evaluator, directory: directory)
        case .load(let path, let span):
            return try load(path, span: span, evaluator: evaluator)
        case .export(let inner, let path, let force, let span):
            return try export(inner, to: path, force: force, span: span, evaluator: evaluator, file: file, directory: directory, statement: statement)
        case .saveTranscript(let path, let span):
            let text = Transcript.format(transcript)
            try AtomicFile.write(text, to: path, force: true, span: span, fail: evaluator.fail)
            return .note("saved \(transcript.count) command\(transcript.count == 1 ? "" : "s") to \(path)")
        }
    }

    private func set(_ option: String, _ value: String, span: SourceSpan, evaluator: Evaluator) throws(Diagnostic) -> String {
        let options = ["format", "limit", "color", "colour", "timer", "width"]
        func flag() throws(Diagnostic) -> Bool {
            switch value.lowercased() {
            case "on", "yes", "true", "1": return true
            case "off", "no", "false", "0": return false
            default: throw evaluator.fail(span, "'\(option)' takes on or off, not '\(value)'", nil)
            }
        }
        switch option.lowercased() {
        case "format":
            guard let f = OutputFormat(rawValue: value.lowercased()) else {
                throw evaluator.fail(span, "unknown format '\(value)'", Suggest.nearest(value, in: OutputFormat.allCases.map(\.rawValue)))
            }
            settings.format = f
            return "format: \(f.rawValue)"
        case "limit":
            if ["none", "all", "off"].contains(value.lowercased()) {
                settings.limit = nil
                return "limit: none"
            }
            guard let n = Int(value), n >= 1, n <= 1_000_000_000 else {
                throw evaluator.fail(span, "limit takes a number from 1 up, or 'none'", nil)
            }
            settings.limit = n
            return "limit: \(n)"
        case "color", "colour":
            settings.color = try flag()
            return "color: \(settings.color ? "on" : "off")"
        case "timer":
            settings.timer = try flag()
            return "timer: \(settings.timer ? "on" : "off")"
        case "width":
            guard let n = Int(value), n >= 40, n <= 1000 else { throw evaluator.fail(span, "width takes a number from 40 to 1000", nil) }
            settings.width = n
            return "width: \(n)"
        default:
            throw evaluator.fail(span, "unknown option '\(option)'", Suggest.nearest(option, in: options))
        }
    }

    private func resolve(_ path: String, from directory: String?) -> String {
        if path.hasPrefix("/") { return path }
        if path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] { return home + path.dropFirst(1) }
        guard let directory, !directory.isEmpty else { return path }
        return directory + "/" + path
    }

    private func runFile(_ path: String, span: SourceSpan, evaluator: Evaluator, directory: String?) throws(Diagnostic) -> CommandResult {
        let full = resolve(path, from: directory)
        let key = Self.scriptKey(full)
        if let start = runStack.firstIndex(of: key) {
            let chain = (runStack[start...] + [key]).map { ($0 as NSString).lastPathComponent }
            throw evaluator.fail(span, "run cycle: \(chain.joined(separator: " → "))", nil)
        }
        guard runStack.count < 64 else { throw evaluator.fail(span, "scripts nested more than 64 deep", nil) }
        let text: String
        do { text = try FileSystem.readText(full) } catch { throw evaluator.fail(span, "cannot run '\(path)': \(error)", nil) }
        let ok = run(text, file: FileSystem.display(full), directory: (full as NSString).deletingLastPathComponent, script: full)
        guard ok else { throw evaluator.fail(span, "'\(path)' failed (see above)", nil) }
        return .nothing
    }

    /// The same file under any spelling of its path.
    static func scriptKey(_ path: String) -> String {
        FileSystem.realPath(path) ?? URL(fileURLWithPath: path).standardizedFileURL.path
    }

    private func load(_ path: String, span: SourceSpan, evaluator: Evaluator) throws(Diagnostic) -> CommandResult {
        guard FileManager.default.fileExists(atPath: path) else {
            throw evaluator.fail(span, "cannot load '\(path)': no such file or folder", nil)
        }
        let before = corpus.documents.count
        let (fresh, diagnostics) = loader.load(corpusPaths + [path])
        for d in diagnostics { output.writeError(DiagnosticRenderer.render(d) + "\n") }
        corpusPaths.append(path)
        corpus = fresh
        variables.removeAll()
        let added = corpus.documents.count - before
        return .note("loaded \(added) document\(added == 1 ? "" : "s") from \(path); the corpus has \(corpus.documents.count) documents, \(corpus.sentences.count) sentences (named results were cleared)")
    }

    private func export(_ inner: Command, to path: String, force: Bool, span: SourceSpan, evaluator: Evaluator, file: String,
                        directory: String?, statement: Statement) throws(Diagnostic) -> CommandResult {
        let ext = (path as NSString).pathExtension.lowercased()
        let format: OutputFormat = ["json", "jsonl"].contains(ext) ? .json : ext == "csv" ? .csv : ext == "tsv" ? .tsv
            : ["md", "markdown"].contains(ext) ? .markdown : ext == "txt" ? .text : settings.format
        let unlimited = Evaluator(corpus: corpus, variables: variables, fail: evaluator.fail, shouldStop: shouldStop, defaultLimit: nil)
        let full = try compute(inner, evaluator: unlimited, file: file, directory: directory, statement: statement)
        let text = Renderer(evaluator: unlimited, format: format, styling: .plain, width: settings.width).render(full, command: statement.text)
        try AtomicFile.write(text, to: path, force: force, span: span, fail: evaluator.fail)
        let rows = Self.total(full).map { " (\($0) rows)" } ?? ""
        return .note("wrote \(path)\(rows) as \(format.rawValue)")
    }
}

extension CommandResult {
    /// The first `n` rows of a listing, ranking or count.
    func limited(to n: Int) -> CommandResult {
        switch self {
        case .sentences(var r):
            r.ids = Array(r.ids.prefix(n))
            r.shown = min(r.shown, n)
            return .sentences(r)
        case .counts(var r):
            r.rows = Array(r.rows.prefix(n))
            r.shown = min(r.shown, n)
            return .counts(r)
        case .table(var t):
            t.rows = Array(t.rows.prefix(n))
            t.shown = min(t.shown, n)
            return .table(t)
        default:
            return self
        }
    }
}

extension SentenceResult {
    func with(ids: [Int32], limit: Int?) -> SentenceResult {
        var copy = self
        copy.ids = ids
        copy.total = ids.count
        copy.shown = min(ids.count, limit ?? ids.count)
        return copy
    }
}

/// Collects a command's output as text for the transcript.
final class CapturedOutput {
    private(set) var text = ""
    func write(_ s: String) { text += s }
}
