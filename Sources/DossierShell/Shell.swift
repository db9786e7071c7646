import DossierCore
import Foundation
import LineEditing

/// The `dossier` program: parses the command line, loads the corpus, and feeds commands from `-e`, a script,
/// piped standard input or the interactive prompt into one `Session.run`.
public enum Shell {
    public static let version = "0.1.0"

    /// Runs the program and returns its exit status.
    public static func main(_ arguments: [String]) -> Int32 {
        StandardStream.holdClosedDescriptors()
        if arguments.count > 1, arguments[1] == "annotate" { return Annotate.run(arguments: Array(arguments.dropFirst(2))) }
        let options: Options
        switch Options.parse(Array(arguments.dropFirst())) {
        case .run(let o): options = o
        case .exit(let stdout, let stderr, let status):
            StandardStream.output.write(stdout)
            StandardStream.error.write(stderr)
            return status
        }
        guard let resources = BundledCorpus.directory else {
            StandardStream.error.write("dossier: cannot find the bundled corpus (seeds/); set DOSSIER_CORPUS\n")
            return 2
        }
        if options.check { return Check.run(options, resources: resources) }
        let environment = ProcessInfo.processInfo.environment
        let streams = StandardStreams()
        let paged = isTerminal(1) ? PagedOutput(streams, environment: environment) : nil
        guard let session = makeSession(options, resources: resources, output: paged ?? streams, progress: true, environment: environment) else { return 1 }
        // The process exits as soon as this returns: the model is left to the exit rather than freed object by object
        // (a tenth of the start-up on the seeds, seconds on a large corpus).
        _ = Unmanaged.passRetained(session)
        paged?.enabled = { [unowned session] in session.settings.pager }
        let interactive = options.script == nil && options.commands.isEmpty && isTerminal(0)
        if interactive { Repl.banner(session) } else { stopOnInterrupt(session, streams) }
        if let initFile = options.initFile ?? (interactive && !options.noInit ? StartupFile.path(environment: environment) : nil) {
            let status = runScript(initFile, arguments: [], session: session)
            if status != 0 && options.initFile != nil && !options.keepGoing { return status }
        }
        if !options.startCommands.isEmpty {
            var ok = true
            for command in options.startCommands where !session.quitRequested {
                ok = session.run(command, file: "<command>") && ok
            }
            if session.quitRequested { return ok ? 0 : 1 }
            if !ok && !interactive && !options.keepGoing { return 1 }
        }
        if let script = options.script {
            let status = runScript(script, arguments: options.scriptArguments, session: session)
            return interruptedStatus(session) ?? status
        }
        if !options.commands.isEmpty {
            var ok = true
            for command in options.commands {
                let success = session.run(command, file: "<command>")
                ok = ok && success
                if !success && !options.keepGoing || session.quitRequested || Interrupt.isRequested { break }
            }
            return interruptedStatus(session) ?? (ok ? 0 : 1)
        }
        // A session that waits for its next command builds ahead what later statistics read.
        session.buildsAhead = true
        if !isTerminal(0) {
            var lines = 0
            var warned = false
            let source = StandardInputLineSource(lineLimit: FileSystem.textLimit) { bytes in
                lines += 1
                let (text, warning) = ScriptText.decode(line: bytes, number: lines)
                if let warning, !warned {
                    warned = true
                    session.output.writeError(DiagnosticRenderer.render(warning) + "\n")
                }
                return text
            }
            let status = runStandardInput(session, source: source, keepGoing: options.keepGoing)
            return interruptedStatus(session) ?? status
        }
        return Repl.onTerminal(session: session).run()
    }

    /// Without a prompt (a script, `-e`, commands piped in), Ctrl-C stops the command running at the end of a line of
    /// output, says "interrupted" and ends the program with status 130 (128 + SIGINT), as a shell reports it.
    static func stopOnInterrupt(_ session: Session, _ streams: StandardStreams) {
        Interrupt.install(secondKills: true)
        session.shouldStop = { Interrupt.isRequested }
        streams.shouldStop = { Interrupt.isRequested }
    }

    /// 130 once Ctrl-C has stopped the work, saying "interrupted" unless the command stopped already said it.
    static func interruptedStatus(_ session: Session) -> Int32? {
        guard Interrupt.isRequested else { return nil }
        if !session.reportedInterruption { session.output.writeError("interrupted\n") }
        return 130
    }

    /// A session on the corpus the options name; load problems are printed, and a missing corpus is fatal.
    /// `environment` is the process's, made into a dictionary once a start (each time took 1% of a start on the seeds).
    static func makeSession(_ options: Options, resources: String, output: SessionOutput, progress: Bool,
                            environment: [String: String] = ProcessInfo.processInfo.environment) -> Session? {
        var loader = CorpusLoader()
        let directory = options.cache == .never ? nil : CorpusCache.defaultDirectory(environment: environment)
        var diagnostics = loader.addResources(from: resources, lexicons: options.lexicons, compiled: directory.map(ResourceCache.init))
        if let directory {
            loader.cache = options.cache == .always ? CorpusCache(directory: directory, minimumBytes: 0) : CorpusCache(directory: directory)
        }
        let paths = options.corpora.isEmpty ? [resources] : options.corpora
        Memory.returnLargeBlocks()
        let bar = progress ? Terminal.progressBar() : nil
        let (corpus, loadDiagnostics) = loader.load(paths, progress: bar?.reporter, scanned: progress ? Terminal.scanReport() : nil)
        bar?.end()
        Memory.reuseLargeBlocks()
        diagnostics += loadDiagnostics
        // Every path given skipped (a FIFO, names that are not UTF-8) or holding no document: an analysis of nothing
        // must not pass for one, as a missing path does not.
        if !options.corpora.isEmpty, corpus.documents.isEmpty, !diagnostics.contains(where: { $0.severity == .error }) {
            // Files of a kind it reads that gave nothing have had their warnings: the extensions are not what is wrong.
            let why = diagnostics.contains { $0.severity == .warning && !$0.message.hasPrefix("skipped") } ? "(the warnings above say why)"
                : "(documents are \(CorpusLoader.documentEndings) files)"
            diagnostics.append(Diagnostic(.error, at: SourceLocation(file: options.corpora[0], line: 1, column: 1),
                "no document to read in \(options.corpora.map { "'\($0)'" }.joined(separator: ", ")) \(why)"))
        }
        for d in diagnostics { output.writeError(DiagnosticRenderer.render(d) + "\n") }
        if diagnostics.contains(where: { $0.severity == .error }) { return nil }
        let session = Session(corpus: corpus, loader: loader, corpusPaths: paths, output: output)
        session.settings.format = options.format
        session.settings.timer = options.timer
        session.keepGoing = options.keepGoing
        session.echo = options.echo
        session.colorStyling = Terminal.ansi
        session.settings.color = Terminal.wantsColor(terminal: isTerminal(1), choice: options.color, environment: environment)
        session.settings.width = Terminal.width(1) ?? Terminal.columns(environment) ?? 100
        session.settings.terminal = isTerminal(1)
        if let limit = options.limit {
            session.settings.limit = limit.count
            session.settings.limitIsExplicit = true
        }
        return session
    }

    /// Commands piped in: each is run as soon as its last line arrives (a line that leaves a quote or parenthesis
    /// open waits for the next), so a program driving dossier through a pipe reads each answer before it sends the
    /// next command, as with sqlite3. Otherwise a script: the first error ends it (exit 1) unless `keepGoing`.
    static func runStandardInput(_ session: Session, source: LineSource, keepGoing: Bool) -> Int32 {
        var buffer = ""
        var lineNumber = 0
        var startLine = 1
        var ok = true
        while !session.quitRequested, !Interrupt.isRequested {
            let input = source.readLine(prompt: "")
            guard case .line(var line) = input else {
                if case .endOfInput = input, !buffer.isEmpty { ok = session.run(buffer, file: "<stdin>", firstLine: startLine) && ok }
                if case .tooLong = input {
                    let problem = Diagnostic(.error, at: SourceLocation(file: "<stdin>", line: lineNumber + 1, column: 1),
                                             "cannot read script 'standard input': a line larger than \(FileSystem.textLimit >> 20) MB; nothing more is read")
                    session.output.writeError(DiagnosticRenderer.render(problem) + "\n")
                    ok = false
                }
                break
            }
            lineNumber += 1
            if lineNumber == 1 {
                if line.hasPrefix("\u{FEFF}") { line.removeFirst() }
                if line.hasPrefix("#!") { line = "#" + line.dropFirst(2) }
            }
            if buffer.isEmpty { startLine = lineNumber }
            buffer += buffer.isEmpty ? line : "\n" + line
            if Lexer.needsContinuation(buffer) { continue }
            let success = session.run(buffer, file: "<stdin>", firstLine: startLine)
            buffer = ""
            ok = ok && success
            if !success && !keepGoing { break }
        }
        return ok ? 0 : 1
    }

    /// Runs a script file, or standard input for "-" (named `file` in messages); a file that cannot be read
    /// (missing, a FIFO or device, over the size limit) is an error before anything runs.
    static func runScript(_ path: String, arguments: [String], session: Session, file: String? = nil) -> Int32 {
        let text: String
        do {
            let read = path == "-" ? try ScriptText.readStandardInput() : try ScriptText.read(path: path)
            text = read.text
            for warning in read.warnings { session.output.writeError(DiagnosticRenderer.render(warning) + "\n") }
        } catch {
            let problem = Diagnostic(.error, at: SourceLocation(file: path == "-" ? "<stdin>" : path, line: 1, column: 1),
                                     "cannot read script '\(path == "-" ? "standard input" : path)': \(error)")
            session.output.writeError(DiagnosticRenderer.render(problem) + "\n")
            return 1
        }
        let body = text.hasPrefix("#!") ? "#" + text.dropFirst(2) : text
        let directory = path == "-" ? nil : (path as NSString).deletingLastPathComponent
        return session.run(body, file: file ?? (path == "-" ? "<stdin>" : path), arguments: arguments, directory: directory,
                           script: path == "-" ? nil : path) ? 0 : 1
    }
}

/// How the C allocator treats large blocks: given back to the system while a corpus loads, kept for reuse after.
enum Memory {
    /// Makes glibc give every block of 128 KB or more its own mapping, returned to the system when freed. By default
    /// the threshold rises as large blocks are freed, and a load's freed batches would stay in the process as slack
    /// (about 35 MB on a 100 MB corpus).
    static func returnLargeBlocks() { setMmapThreshold(128 << 10) }

    /// Blocks up to 32 MB come from the heap again and are reused, so a query's large temporary arrays do not
    /// fault in fresh zeroed pages each time (a fifth of a date filter's time on 100 MB).
    static func reuseLargeBlocks() { setMmapThreshold(32 << 20) }

    /// `mallopt(M_MMAP_THRESHOLD, bytes)`, looked up at run time: Swift does not import `mallopt`.
    private static func setMmapThreshold(_ bytes: Int32) {
        typealias SetOption = @convention(c) (Int32, Int32) -> Int32
        let mmapThreshold: Int32 = -3
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: SetOption.self)(mmapThreshold, bytes)
    }
}
