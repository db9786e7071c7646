import Foundation

/// Settings a user changes with `set` (and the command line).
public struct Settings: Sendable {
    public var format: OutputFormat = .text
    /// The display page: how many rows of a long result are shown (nil: all).
    public var limit: Int? = 20
    /// Whether the page was given for the run (`--limit`): then it applies to every format and output, not only to
    /// text on a terminal.
    public var limitIsExplicit = false
    /// Whether the user chose the terminal's page (`set limit`): charts by year and month keep to it too. Output to a
    /// pipe or a file, and machine formats, stay whole (INTERFACE.md: a script's `set limit` must not cut its JSON).
    public var limitIsChosen = false
    /// Whether output goes to a terminal (the shell says; `check` replays as a terminal session did).
    public var terminal = true
    public var color = false
    public var timer = false
    public var width = 100
    /// Whether answers count every copy of a text loaded under several names (`set duplicates all`).
    public var countsDuplicates = false
    /// Whether long text output on a terminal goes through a pager (the shell decides when and which).
    public var pager = true

    public init() {}

    /// The page that applies now: output for programs, and anything sent to a pipe or a file, is whole unless
    /// the user asked for a page.
    public var page: Int? { limitIsExplicit || (terminal && format == .text) ? limit : nil }
    /// The page of charts by year and month: the user's limit when they gave one, else at least 200 bars.
    public var chartPage: Int? { limitIsExplicit || limitIsChosen ? page : page.map { max($0, 200) } }
}

/// Turns one parsed command into a typed result. It holds what commands work on: the corpus, named results,
/// settings and the files commands may touch; it prints nothing (`Session` renders what it returns).
public final class Interpreter {
    public private(set) var corpus: Corpus
    public var loader: CorpusLoader
    public private(set) var corpusPaths: [String]
    public var settings = Settings()
    public let files: FileAccess
    public var shouldStop: @Sendable () -> Bool = { false }
    /// Whether the session builds, between its commands, what makes later word statistics faster (the sentences'
    /// word ids: `buildAhead`). A session that waits for its next command does (the prompt, commands piped in); a
    /// run of given commands (`-e`, a script, a replayed transcript) does not start work it would not wait for.
    public var buildsAhead = false {
        didSet { buildAhead() }
    }
    /// What the session started building ahead for its corpus, stopped when the corpus is replaced.
    private var buildingAhead: (ids: SentenceWordIdsBuild, positions: LazyWordPositions)?
    /// How `load` shows its progress (the shell gives a bar and a count of folders searched on a terminal).
    public var loadProgress: (@Sendable (Int, Int) -> Void)?
    public var loadScanned: (@Sendable (Int) -> Void)?
    /// Said when a load ends, finished or stopped (the shell erases its bar, so an error starts its own line).
    public var loadEnded: (@Sendable () -> Void)?
    private(set) var variables: [String: SentenceSet] = [:]
    /// Named results that are not sentences (counts, listings, word statistics), shown again by `$NAME`.
    private(set) var namedResults: [String: CommandResult] = [:]
    /// The names the last loads cleared, until they are named again.
    private var clearedNames: Set<String> = []
    /// The command text that made each named result, for `names`.
    private var namedCommands: [String: String] = [:]
    /// What the last command that gave a result gave (a `let`, the result it named), for `expect`.
    private var lastResult: CommandResult?
    /// The command that gave `lastResult` and its line, as `expect` names what it checked: "'find actor Wagner' (line 1)".
    private var lastResultSource = ""
    /// Whether the command before an `expect` failed: then there is no result to check, not an older one's.
    private var lastFailed = false
    public private(set) var quitRequested = false
    /// The sentences of documents that are not a copy of an earlier one (nil when no document is), kept per corpus.
    private lazy var originals: SentenceSet? = Self.originals(of: corpus)

    static func originals(of corpus: Corpus) -> SentenceSet? {
        guard corpus.isDuplicate.contains(true) else { return nil }
        var ids: [Int32] = []
        for (d, document) in corpus.documents.enumerated() where !corpus.isDuplicate[d] { ids += document.sentences.map { Int32($0) } }
        return SentenceSet(sorted: ids)
    }

    /// Warnings from the last `load`, for the runner to report.
    private(set) var loadWarnings: [Diagnostic] = []

    public init(corpus: Corpus, loader: CorpusLoader, corpusPaths: [String], files: FileAccess) {
        self.corpus = corpus
        self.loader = loader
        self.corpusPaths = corpusPaths
        self.files = files
    }

    /// Named results, for completion.
    public var variableNames: [String] { (Array(variables.keys) + namedResults.keys).sorted() }

    func takeLoadWarnings() -> [Diagnostic] {
        defer { loadWarnings.removeAll() }
        return loadWarnings
    }

    /// Where the current statement is, to place diagnostics.
    struct Place {
        var file: String
        var statement: Statement
        /// The folder relative paths start from (the running script's), if any.
        var directory: String?
    }

    func evaluator(_ place: Place) -> Evaluator {
        let lines = place.statement.text.split(separator: "\n", omittingEmptySubsequences: false)
        let first = place.statement.line
        var evaluator = Evaluator(corpus: corpus, variables: variables, otherResults: Set(namedResults.keys), clearedResults: clearedNames, fail: { span, message, suggestion in
            let k = span.line - first
            // The statement's text starts at its first word; its first line is shown where it stood, so the caret,
            // counted from the line's start, falls under the word (a tab is shown as one space).
            let indent = k == 0 ? String(repeating: " ", count: max(0, place.statement.column - 1)) : ""
            return Diagnostic(.error, at: SourceLocation(file: place.file, line: span.line, column: span.column), length: span.length,
                              message, suggestion: suggestion, sourceLine: k >= 0 && k < lines.count ? indent + lines[k] : nil)
        }, shouldStop: shouldStop)
        if !settings.countsDuplicates { evaluator.universe = originals }
        return evaluator
    }

    /// Runs one command. `run` and `save transcript` belong to the runner and never reach here.
    /// An `expect` that did not hold, marked so that `dossier check` fails on it.
    private func failedExpectation(_ diagnostic: Diagnostic) -> Diagnostic {
        var marked = diagnostic
        marked.kind = .failedExpectation
        return marked
    }

    func execute(_ command: Command, at place: Place) throws(Diagnostic) -> CommandResult {
        defer { buildAhead() }
        if let need = command.savedNeed {
            try readAgainIfRewritten(at: place)
            try readSaved(need, at: place)
        }
        let evaluator = evaluator(place)
        let result: CommandResult
        do {
            result = try compute(command, at: place, evaluator: evaluator)
                .noting(evaluator.copiesNote ?? (command.readsWholeCorpus ? evaluator.wholeCorpusCopiesNote : nil))
        } catch {
            if !command.isExpectation { commandFailed() }
            throw error
        }
        switch command {
        case .expectCount, .expectContains, .assign, .set, .settings, .help, .echo, .run, .load, .saveTranscript, .quit, .export, .exportModel, .drop: break
        default:
            lastResult = result
            lastFailed = false
            lastResultSource = Self.source(of: place.statement)
        }
        return result
    }

    /// A command failed (or could not be read): an `expect` after it has nothing to check.
    func commandFailed() {
        (lastResult, lastFailed) = (nil, true)
    }

    /// Why an `expect` has no result to check.
    private var nothingToCheck: String {
        lastFailed ? "expect: the command before it failed, so there is no result to check" : "expect: no earlier result to check"
    }

    /// The corpus with every section of a saved model read, for what looks at it outside a command.
    public var wholeCorpus: Corpus {
        if corpus.unread != nil, let warnings = try? loader.readSaved(.all, of: &corpus, paths: corpusPaths, shouldStop: shouldStop) {
            loadWarnings += warnings
            originals = Self.originals(of: corpus)
            buildAhead()
        }
        return corpus
    }

    /// Starts building ahead, on a thread of its own (`Corpus.buildAhead`), when the session builds ahead and the
    /// corpus is read whole: the sentences' word ids and the word positions of a large corpus
    /// (`Corpus.buildAheadFrom`), and the word ids of any corpus a statistic read enough sentences of from the text to
    /// ask for them. What was started for a corpus the session no longer holds is stopped. Nothing waits for the
    /// build: statistics and phrases read the text until it is done.
    func buildAhead() {
        if let started = buildingAhead, started.ids !== corpus.sentenceWordIds {
            stopBuildingAhead()
        }
        guard buildsAhead, corpus.unread == nil else { return }
        let large = corpus.sentences.count >= Corpus.buildAheadFrom
        corpus.buildAhead(ids: large || corpus.sentenceWordIds.wasAsked, positions: large)
        buildingAhead = (corpus.sentenceWordIds, corpus.wordPositions)
    }

    /// Stops what the session started building ahead; what is built is kept.
    private func stopBuildingAhead() {
        buildingAhead?.ids.stop()
        buildingAhead?.positions.stop()
        buildingAhead = nil
    }

    /// Reads the documents again when another program wrote into the saved model the corpus reads (the same
    /// sentences, so named results stay true).
    func readAgainIfRewritten(at place: Place) throws(Diagnostic) {
        do throws(LoadStopped) {
            let warnings = try loader.readAgainIfRewritten(&corpus, paths: corpusPaths, shouldStop: shouldStop)
            guard !warnings.isEmpty else { return }
            loadWarnings += warnings
        } catch {
            throw evaluator(place).interrupted
        }
        originals = Self.originals(of: corpus)
    }

    /// Reads the sections of a saved model that `need` asks for and the corpus has not read yet; a damaged one is
    /// reported and the corpus read again from its documents (the same sentences, so named results stay true).
    func readSaved(_ need: SavedNeed, at place: Place) throws(Diagnostic) {
        guard corpus.unread != nil else { return }
        do throws(LoadStopped) {
            loadWarnings += try loader.readSaved(need, of: &corpus, paths: corpusPaths, shouldStop: shouldStop)
        } catch {
            throw evaluator(place).interrupted
        }
        originals = Self.originals(of: corpus)
    }

    private func compute(_ command: Command, at place: Place, evaluator: Evaluator) throws(Diagnostic) -> CommandResult {
        let statement = place.statement
        switch command {
        case .find(let f, let stages): return .sentences(try evaluator.find(f, stages, timeline: false))
        case .timeline(let f, let stages): return .sentences(try evaluator.find(f, stages, timeline: true))
        case .count(let f, let key, let stages): return try evaluator.count(f, by: key, stages)
        case .top(let kind, let n, let f): return try evaluator.top(kind, n, f)
        case .list(let kind, let type, let discovered): return .table(try evaluator.list(kind, type: type, discovered: discovered))
        case .documents: return .table(evaluator.documents())
        case .duplicateDocuments: return .table(evaluator.duplicateDocuments())
        case .showEntity(let kind, let name): return .profile(try evaluator.showEntity(kind, name))
        case .showDocument(let name): return .profile(try evaluator.showDocument(name))
        case .showSentence(let name): return .profile(try evaluator.showSentence(name))
        case .kwic(let node, let width, let f, let span): return .concordance(try evaluator.kwic(node, width: width ?? .characters(40), f, span: span))
        case .cooccur(let name, let f): return .table(try evaluator.cooccur(name, f))
        case .countByField(let f, let key, let span, let stages): return try evaluator.count(f, byField: key, span: span, stages)
        case .network(let f): return .table(try evaluator.networkTable(f))
        case .countWords(let f, let stops): return .table(try evaluator.countWords(f, withStopWords: stops))
        case .countNgrams(let n, let f, let stops): return .table(try evaluator.countNgrams(n, f, withStopWords: stops))
        case .collocates(let node, let window, let f, let stops):
            return .table(try evaluator.collocates(node, window: window ?? 5, f, withStopWords: stops))
        case .keywords(let f, let reference, let stops): return .table(try evaluator.keywords(f, against: reference, withStopWords: stops))
        case .variable(let name, _) where namedResults[name] != nil:
            return namedResults[name]!
        case .variable(let name, let span):
            guard let set = variables[name] else { throw evaluator.unknownResult(name, span: span, among: variables.keys) }
            var result = try evaluator.find(.variable(name, span), [], timeline: false)
            result.ids = set.ids
            result.total = set.ids.count
            return .sentences(result)
        case .assign(let name, let inner, let span):
            let result = try compute(inner, at: place, evaluator: evaluator)
            let text = statement.text.split(separator: "=", maxSplits: 1).last.map { String($0).trimmingSpaces() } ?? ""
            let earlier = namedCommands[name]
            namedCommands[name] = text
            renamed(name, was: earlier)
            clearedNames.remove(name)
            guard case .sentences(let r) = result else {
                guard let rows = result.rowCount, result.total != nil else {
                    throw evaluator.fail(span, "only results with rows (find, count, listings, word statistics) can be named", nil)
                }
                variables[name] = nil
                namedResults[name] = result
                (lastResult, lastFailed, lastResultSource) = (result, false, Self.source(of: statement))
                return .note("$\(name): \(rows) row\(rows == 1 ? "" : "s")")
            }
            namedResults[name] = nil
            variables[name] = SentenceSet(unsorted: r.ids)
            // `expect` after `let` checks the result the name holds.
            (lastResult, lastFailed, lastResultSource) = (result, false, Self.source(of: statement))
            return .note("$\(name): \(r.ids.count) sentence\(r.ids.count == 1 ? "" : "s")")
        case .names:
            return .table(names())
        case .drop(let name, let span):
            guard variables.removeValue(forKey: name) != nil || namedResults.removeValue(forKey: name) != nil else {
                throw evaluator.unknownResult(name, span: span, among: variableNames)
            }
            let earlier = namedCommands.removeValue(forKey: name)
            renamed(name, was: earlier)
            return .note("dropped $\(name)")
        case .set(let option, let value, let span):
            return .note(try set(option, value, span: span, evaluator: evaluator))
        case .settings:
            let rows = Setting.allCases.map { [Value.string($0.rawValue), .string($0.value(in: settings))] }
            return .table(TableResult(columns: ["setting", "value"], rows: rows, total: rows.count, title: "settings", numeric: []))
        case .echo(let text):
            return .message(text)
        case .help(let topic):
            guard let text = CommandTable.help(topic) else {
                throw evaluator.fail(SourceSpan(line: statement.line, column: statement.column + 5, length: topic?.count ?? 1),
                                     "no help on '\(topic ?? "")'",
                                     Suggest.nearest(topic ?? "", in: CommandTable.words) ?? Suggest.nearest(topic ?? "", in: CommandTable.helpWords))
            }
            return .message(text)
        case .expectCount(let n):
            guard let last = lastResult else {
                throw failedExpectation(evaluator.fail(SourceSpan(line: statement.line, column: statement.column, length: 6),
                                                       nothingToCheck, nil))
            }
            guard let count = last.total else {
                throw failedExpectation(evaluator.fail(SourceSpan(line: statement.line, column: statement.column, length: 6),
                                                       "expect: the result of \(lastResultSource) has no count; `expect contains` checks its text", nil))
            }
            guard count == n else {
                throw failedExpectation(evaluator.fail(SourceSpan(line: statement.line, column: statement.column, length: statement.text.count),
                                                       "expect failed: expected count \(n), got \(count) from \(lastResultSource)", nil))
            }
            return .nothing
        case .expectContains(let needle):
            guard let last = lastResult else {
                throw failedExpectation(evaluator.fail(SourceSpan(line: statement.line, column: statement.column, length: 6),
                                                       nothingToCheck, nil))
            }
            // The output as shown, and as a window wide enough not to wrap or cut it shows it, each with its white space
            // (a wrapped line's break and indent) read as one space: whether a check passes does not depend on the
            // window it runs in (tester17 #21).
            let wanted = Self.spaced(needle)
            var found = false
            for width in [settings.width, max(settings.width, Self.unwrappedWidth)] where !found {
                let text = try Renderer(corpus: corpus, format: .text, width: width, page: nil, shouldStop: shouldStop).render(last, command: "")
                found = Self.spaced(text).contains(wanted)
            }
            guard found else {
                throw failedExpectation(evaluator.fail(SourceSpan(line: statement.line, column: statement.column, length: statement.text.count),
                                                       "expect failed: the result of \(lastResultSource) does not contain \"\(needle)\"", nil))
            }
            return .nothing
        case .quit:
            quitRequested = true
            return .nothing
        case .limited(let inner, let n):
            var ranking = evaluator
            switch inner {
            case .countWords, .countNgrams, .collocates, .keywords: ranking.firstRows = n
            default: break
            }
            return try compute(inner, at: place, evaluator: ranking).limited(to: n)
        case .piped(let inner, let stages):
            return try evaluator.apply(stages, to: try compute(inner, at: place, evaluator: evaluator))
        case .load(let path, let span):
            return try load(path, span: span, evaluator: evaluator, directory: place.directory)
        case .export(let inner, let path, let force, let span):
            return try export(inner, to: path, force: force, span: span, at: place, evaluator: evaluator)
        case .exportModel(let path, let force, let span):
            let model = ModelTables(corpus: corpus, shouldStop: shouldStop)
            let tables = try model.tables()
            let written = try model.files(tables)
            let folder = files.resolve(path, from: place.directory)
            try refuseToReplaceDocuments(at: folder, span: span, evaluator: evaluator)
            do {
                try files.write(written, into: folder, force: force)
            } catch {
                throw evaluator.fail(span, error.message, nil)
            }
            let counts = tables.map { table in
                let name = table.name.replacingOccurrences(of: "_", with: " ")
                guard table.rows.count == 1 else { return "\(table.rows.count) \(name)" }
                // One row: entities → entity, entity aliases → entity alias, documents → document.
                let one = name.hasSuffix("ies") ? name.dropLast(3) + "y" : name.hasSuffix("ses") ? String(name.dropLast(2)) : String(name.dropLast())
                return "1 \(one)"
            }
            return .note("wrote the model to \(path) as JSON Lines and CSV with schema.json: " + counts.joined(separator: ", "))
        case .run(_, _, let span), .saveTranscript(_, _, let span):
            throw evaluator.fail(span, "'run' and 'save transcript' cannot be part of another command", nil)
        }
    }

    /// `names`: each named result with its kind, rows and the command that made it.
    /// After `$name` is given another value or dropped, the commands `names` shows that use it (its own new one
    /// included) say what it was when they ran: "find $a and actor France  ($a was: find actor Mali)". Copied as they
    /// stand, they would give another answer.
    private func renamed(_ name: String, was earlier: String?) {
        guard let earlier else { return }
        for (other, command) in namedCommands where Self.uses(command, name) && !command.contains("($\(name) was: ") {
            namedCommands[other] = command + "  ($\(name) was: \(earlier))"
        }
    }

    /// A statement as `expect` names the result it checks: its first line quoted, and its line.
    static func source(of statement: Statement) -> String {
        let first = statement.text.split(separator: "\n").first.map(String.init) ?? statement.text
        return "'\(first.count > 60 ? first.prefix(57) + "..." : first)' (line \(statement.line))"
    }

    /// A window's width at which `expect contains` reads an output not wrapped nor cut.
    static let unwrappedWidth = 1_000

    /// Text with each run of spaces as one, and a wrapped line's break and the next line's indent as one space: a row
    /// that starts a line stays on its own ("8 Narendra Modi" is not in two rows of a table: tester18 #20c).
    static func spaced(_ text: String) -> String {
        var out = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = line.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let continued = line.first?.isWhitespace == true && !out.isEmpty && !words.isEmpty
            out += out.isEmpty ? words : (continued ? " " : "\n") + words
        }
        return out
    }

    /// Whether a command refers to `$name` (not to a longer name starting with it).
    static func uses(_ command: String, _ name: String) -> Bool {
        var rest = command[...]
        while let found = rest.range(of: "$" + name) {
            if found.upperBound == rest.endIndex { return true }
            let next = rest[found.upperBound]
            if !(next.isLetter || next.isNumber || next == "_") { return true }
            rest = rest[found.upperBound...]
        }
        return false
    }

    private func names() -> TableResult {
        let rows: [[Value]] = variableNames.map { name in
            let kind: String, count: Int
            if let set = variables[name] {
                (kind, count) = ("sentences", set.count)
            } else {
                let result = namedResults[name]!
                switch result {
                case .counts: kind = "counts"
                case .table: kind = "table"
                case .concordance: kind = "concordance"
                default: kind = "result"
                }
                count = result.rowCount ?? 0
            }
            return [.string("$" + name), .string(kind), .int(count), .string(namedCommands[name] ?? "")]
        }
        return TableResult(columns: ["name", "kind", "rows", "command"], rows: rows, total: rows.count, title: "names", numeric: [2])
    }

    private func set(_ option: String, _ value: String, span: SourceSpan, evaluator: Evaluator) throws(Diagnostic) -> String {
        func flag() throws(Diagnostic) -> Bool {
            switch value.lowercased() {
            case "on", "yes", "true", "1": return true
            case "off", "no", "false", "0": return false
            default: throw evaluator.fail(span, "'\(option)' takes on or off, not '\(value)'", nil)
            }
        }
        guard let setting = Setting(word: option) else {
            throw evaluator.fail(span, "unknown option '\(option)'", Suggest.nearest(option, in: Setting.allCases.map(\.rawValue)))
        }
        switch setting {
        case .format:
            guard let f = OutputFormat(rawValue: value.lowercased()) else {
                throw evaluator.fail(span, "unknown format '\(value)'", Suggest.nearest(value, in: OutputFormat.allCases.map(\.rawValue)))
            }
            settings.format = f
            return "format: \(f.rawValue)"
        case .limit:
            if ["none", "all", "off"].contains(value.lowercased()) {
                settings.limit = nil
                settings.limitIsChosen = true
                return "limit: none"
            }
            guard let n = Int(value), n >= 1, n <= 1_000_000_000 else {
                throw evaluator.fail(span, "limit takes a number from 1 up, or 'none'", nil)
            }
            settings.limit = n
            settings.limitIsChosen = true
            return "limit: \(n)"
        case .color:
            settings.color = try flag()
            return "color: \(settings.color ? "on" : "off")"
        case .timer:
            settings.timer = try flag()
            return "timer: \(settings.timer ? "on" : "off")"
        case .width:
            guard let n = Int(value), n >= 40, n <= 1000 else { throw evaluator.fail(span, "width takes a number from 40 to 1000", nil) }
            settings.width = n
            return "width: \(n)"
        case .duplicates:
            switch value.lowercased() {
            case "once": settings.countsDuplicates = false
            case "all": settings.countsDuplicates = true
            default: throw evaluator.fail(span, "'duplicates' takes once or all, not '\(value)'", Suggest.nearest(value, in: ["once", "all"]))
            }
            return "duplicates: \(settings.countsDuplicates ? "all" : "once")"
        case .pager:
            settings.pager = try flag()
            return "pager: \(settings.pager ? "on" : "off")"
        }
    }

    private func load(_ path: String, span: SourceSpan, evaluator: Evaluator, directory: String?) throws(Diagnostic) -> CommandResult {
        let full = files.resolve(path, from: directory)
        guard files.exists(full) else {
            throw evaluator.fail(span, "cannot load '\(path)': no such file or folder", nil)
        }
        let before = corpus.documents.count
        var reader = loader
        if !files.savesModels { reader.cache = nil }
        // The load takes every core; what was being built ahead is built again for the corpus it leaves.
        stopBuildingAhead()
        let fresh: Corpus, diagnostics: [Diagnostic]
        do throws(LoadStopped) {
            defer { loadEnded?() }
            (fresh, diagnostics) = try reader.load(corpusPaths + [full], progress: loadProgress, scanned: loadScanned, shouldStop: shouldStop)
            // Ctrl-C inside one long document is seen when it is done: the load is still given up, so the corpus and
            // the named results stay as they were, as for a Ctrl-C between documents.
            if shouldStop() { throw LoadStopped() }
        } catch {
            throw evaluator.fail(span, "load of '\(path)' stopped; the corpus is as it was", nil)
        }
        // What the earlier paths' files said was said when they were loaded: only what is new is repeated.
        let earlier = corpusPaths.map { FileSystem.display($0) }
        let shown = FileSystem.display(full)
        // The path given cannot be read at all (a folder without permission, a system folder): the command fails.
        if let refusal = diagnostics.first(where: { $0.severity == .error && $0.location.file == shown }) {
            throw evaluator.fail(span, "cannot load '\(path)': \(refusal.message)", nil)
        }
        loadWarnings += diagnostics.filter { d in
            FileSystem.isWithin(d.location.file, shown) || !earlier.contains { FileSystem.isWithin(d.location.file, $0) }
        }
        guard !Self.same(fresh, corpus) else {
            let held = fresh.documents.filter { FileSystem.isDocument($0.path, in: shown) }.count
            let why = held == 0 ? "it holds no document that is not loaded already" : "its \(held) document\(held == 1 ? " is" : "s are") loaded already"
            return .note("loaded no new document from \(path) (\(why)); the corpus and named results are as they were")
        }
        // Copies of loaded texts change no answer (each text counts once), unless every copy is counted.
        let onlyCopies = !settings.countsDuplicates && fresh.documents.count > before && Self.same(fresh, corpus, upTo: before)
            && fresh.isDuplicate[before...].allSatisfy { $0 }
        // Every folder is read again: a loaded document that changed on disk, or went, is said, not taken in silently.
        let change = Self.change(from: corpus, to: fresh, loaded: full)
        corpusPaths.append(full)
        corpus = fresh
        originals = Self.originals(of: fresh)
        let size = corpus.describedSize(countingCopies: settings.countsDuplicates)
        let added = change.added
        if onlyCopies {
            return .note("loaded \(added) document\(added == 1 ? "" : "s") from \(path), each a copy of a loaded one's text; the corpus has \(size) (named results are kept: no answer changes)")
        }
        clearedNames.formUnion(variableNames)
        variables.removeAll()
        namedResults.removeAll()
        namedCommands.removeAll()
        lastResult = nil
        if added == 0, change.elsewhere.isEmpty, change.changed.isEmpty, change.removed.isEmpty {
            return .note("loaded \(path): no new document, but what it says of the loaded ones (a manifest, a lexicon) now holds; the corpus has \(size) (named results were cleared)")
        }
        func some(_ ids: [String]) -> String { ids.prefix(3).joined(separator: ", ") + (ids.count > 3 ? ", ..." : "") }
        let changed = change.changed.isEmpty ? "" : "; \(change.changed.count) loaded document\(change.changed.count == 1 ? "" : "s") changed on disk and read again (\(some(change.changed)))"
        let removed = change.removed.isEmpty ? "" : "; \(change.removed.count) loaded document\(change.removed.count == 1 ? " is" : "s are") gone from disk and left out (\(some(change.removed)))"
        let appeared = change.elsewhere.isEmpty ? ""
            : "; \(change.elsewhere.count) new document\(change.elsewhere.count == 1 ? "" : "s") appeared in the folders loaded before (\(some(change.elsewhere)))"
        let new = changed.isEmpty && removed.isEmpty && appeared.isEmpty ? "" : " new"
        return .note("loaded \(added)\(new) document\(added == 1 ? "" : "s") from \(path)\(appeared)\(changed)\(removed); the corpus has \(size) (named results were cleared)")
    }

    /// What a load made of the documents loaded before it, by path: how many are new, which changed size on disk
    /// (read again), and which are gone; by id.
    /// `loaded` is the path the load was asked for, shown as document paths are: a new document outside it is one that
    /// appeared in an earlier folder (`elsewhere`), said apart from the ones the load brought.
    private static func change(from old: Corpus, to new: Corpus, loaded: String)
        -> (added: Int, elsewhere: [String], changed: [String], removed: [String]) {
        var sizes: [String: Int] = [:]
        for document in old.documents where sizes[document.path] == nil { sizes[document.path] = document.byteCount }
        var added = 0
        var elsewhere: [String] = []
        var changed: [String] = []
        var present = Set<String>()
        let shown = FileSystem.display(loaded)
        for document in new.documents {
            present.insert(document.path)
            if let size = sizes[document.path] {
                if size != document.byteCount { changed.append(document.id) }
            } else if FileSystem.isDocument(document.path, in: shown) {
                added += 1
            } else {
                elsewhere.append(document.id)
            }
        }
        return (added, elsewhere, changed, old.documents.filter { !present.contains($0.path) }.map(\.id))
    }

    /// Whether a load changed nothing: the same documents, sentences and entities (a lexicon in the folder adds some).
    private static func same(_ a: Corpus, _ b: Corpus) -> Bool {
        a.sentenceCount == b.sentenceCount && a.documents.count == b.documents.count && same(a, b, upTo: b.documents.count)
    }

    /// Whether the first `count` documents of `a` are `b`'s, described alike, with the same entities.
    private static func same(_ a: Corpus, _ b: Corpus, upTo count: Int) -> Bool {
        a.entities.count == b.entities.count && a.documents.count >= count && b.documents.count >= count
            && zip(a.documents.prefix(count), b.documents.prefix(count)).allSatisfy {
                $0.id == $1.id && $0.path == $1.path && $0.byteCount == $1.byteCount
                    // A manifest in the folder loaded describes documents again.
                    && $0.title == $1.title && $0.date == $1.date && $0.kind == $1.kind && $0.fields == $1.fields
            }
    }

    /// A picture for `export`: a count as an SVG bar chart, a network as GraphML, GEXF or DOT; nil for other files.
    private func picture(_ inner: Command, ext: String, span: SourceSpan, at place: Place,
                         evaluator: Evaluator) throws(Diagnostic) -> (text: String, what: String)? {
        switch (ext, inner) {
        case ("graphml", .network(let f)), ("gexf", .network(let f)), ("dot", .network(let f)):
            let net = try evaluator.network(f)
            let what = "\(net.nodes.count) actors, \(net.edges.count) edges"
            switch ext {
            case "graphml": return (Pictures.graphml(net), what)
            case "gexf": return (Pictures.gexf(net), what)
            default: return (Pictures.dot(net), what)
            }
        case ("graphml", _), ("gexf", _), ("dot", _):
            throw evaluator.fail(span, "only 'network [FILTER]' exports to .\(ext)", nil)
        case ("svg", _):
            guard case .counts(let counts) = try compute(inner, at: place, evaluator: evaluator) else {
                throw evaluator.fail(span, "only counts ('count ... by KEY', 'top') export to .svg, as a bar chart", nil)
            }
            let text = place.statement.text
            let title = text.range(of: " to ", options: .backwards).map { String(text[..<$0.lowerBound]) } ?? text
            return (Pictures.barChart(counts, title: String(title.dropFirst("export ".count))), "a bar chart of \(Pictures.bars(counts).count) bars")
        default:
            return nil
        }
    }

    /// The formats `export` writes, by file extension.
    static let exportFormats: [String: OutputFormat] = [
        "json": .json, "jsonl": .json, "ndjson": .json, "csv": .csv, "tsv": .tsv, "md": .markdown, "markdown": .markdown, "txt": .text,
    ]

    /// Refuses, even with `force`, to write over a document of the loaded corpus or into a folder holding some (the
    /// text would be lost, and the next load would read the export as a document), or over a lexicon, name list,
    /// stop-word list, furniture list or manifest the corpus was read with.
    func refuseToReplaceDocuments(at target: String, span: SourceSpan, evaluator: Evaluator) throws(Diagnostic) {
        if let real = FileSystem.realPath(target), loader.inputFiles.contains(real) || corpus.inputFiles.contains(real) {
            throw evaluator.fail(span, "\(target) is a file the loaded corpus was read with (a lexicon, a list or a manifest); "
                                 + "write somewhere else (force never replaces the corpus)", nil)
        }
        var seen = Set<String>()
        let paths = corpus.documents.map(\.path).filter { seen.insert($0).inserted }
        let (reached, isFolder) = FileSystem.files(paths, reachedBy: target)
        guard let first = reached.first else { return }
        let what = isFolder
            ? "holds \(reached.count) document\(reached.count == 1 ? "" : "s") of the loaded corpus (\(first)\(reached.count > 1 ? ", ..." : ""))"
            : first == target ? "is a document of the loaded corpus" : "is \(first), a document of the loaded corpus"
        throw evaluator.fail(span, "\(target) \(what); write somewhere else (force never replaces the corpus)", nil)
    }

    private func export(_ inner: Command, to path: String, force: Bool, span: SourceSpan, at place: Place,
                        evaluator: Evaluator) throws(Diagnostic) -> CommandResult {
        let ext = (path as NSString).pathExtension.lowercased()
        let target = files.resolve(path, from: place.directory)
        try refuseToReplaceDocuments(at: target, span: span, evaluator: evaluator)
        if let picture = try picture(inner, ext: ext, span: span, at: place, evaluator: evaluator) {
            do {
                try files.write(picture.text, to: target, force: force)
            } catch {
                throw evaluator.fail(span, error.message, nil)
            }
            return .note("wrote \(path) (\(picture.what))")
        }
        guard let format = Self.exportFormats[ext] else {
            let known = Self.exportFormats.keys.sorted().map { "." + $0 }.joined(separator: " ")
            let what = ext.isEmpty ? "a file name without an extension" : "'.\(ext)'"
            throw evaluator.fail(span, "cannot export to \(what): give the file one of the extensions \(known)", nil)
        }
        let full = try compute(inner, at: place, evaluator: evaluator)
        let renderer = Renderer(corpus: corpus, format: format, width: settings.width, page: nil, shouldStop: shouldStop)
        // JSON Lines, as the loader reads it and `export model` writes it: one row a line.
        let lines = ext == "jsonl" || ext == "ndjson"
        let text = try lines ? renderer.jsonLines(full, command: place.statement.text) : renderer.render(full, command: place.statement.text)
        do {
            try files.write(text, to: target, force: force)
        } catch {
            throw evaluator.fail(span, error.message, nil)
        }
        let rows = full.rowCount.map { " (\($0) row\($0 == 1 ? "" : "s"))" } ?? ""
        let guarded = renderer.guarded.count > 0 ? "; " + Spreadsheet.note(renderer.guarded.count) : ""
        return .note("wrote \(path)\(rows) as \(lines ? "JSON Lines" : format.rawValue)" + guarded + readAgain(target))
    }

    /// What to say of an export written inside a folder of the corpus in a form the loader reads (a CSV with a text
    /// column, Markdown, JSON Lines): the next load takes it for documents, and every count grows.
    private func readAgain(_ target: String) -> String {
        let ext = (target as NSString).pathExtension.lowercased()
        // Compared as real paths: a corpus given as "." or through a link holds the file all the same.
        let real = FileSystem.realPath(target) ?? target
        guard FileSystem.documentExtensions.contains(ext),
              let folder = corpusPaths.first(where: { path in
                  let root = FileSystem.realPath(path) ?? path
                  return FileSystem.isWithin(real, root) && real != root
              }) else { return "" }
        return "; note: it lies in the corpus folder \(FileSystem.display(folder)), so the next load reads it as documents (write it elsewhere to keep the corpus as it is)"
    }
}

extension CommandResult {
    /// The number `expect count` checks: matches of a search, sentences counted, rows of a listing.
    var total: Int? {
        switch self {
        case .sentences(let r): return r.total
        case .counts(let r): return r.total
        case .table(let t): return t.total
        case .concordance(let c): return c.total
        case .total(let n, _): return n
        default: return nil
        }
    }

    /// The rows a file of this result holds (all of them: export has no page).
    var rowCount: Int? {
        switch self {
        case .sentences(let r): return r.ids.count
        case .counts(let r): return r.rows.count
        case .table(let t): return t.rows.count
        case .concordance(let c): return c.places.count
        case .total: return 1
        case .profile(let p): return p.fields.count
        default: return nil
        }
    }

    /// What the answer says it left out and why, if anything.
    var note: String? {
        switch self {
        case .sentences(let r): return r.note
        case .total(_, let note): return note
        case .counts(let r): return r.note
        case .table(let t): return t.note
        case .concordance(let c): return c.note
        default: return nil
        }
    }

    /// The result with `note` said under a count, listing or concordance that has none of its own (sentence searches
    /// and plain counts say theirs already).
    func noting(_ note: String?) -> CommandResult {
        guard let note, self.note == nil else { return self }
        switch self {
        case .counts(var r):
            r.note = note
            return .counts(r)
        case .table(var t):
            t.note = note
            return .table(t)
        case .concordance(var c):
            c.note = note
            return .concordance(c)
        default: return self
        }
    }

    /// `n` rows of a listing, ranking or count from row `offset` on; `all` names the rows for a header ("5 values").
    func limited(to n: Int, offset: Int = 0, all: ((Int) -> String)? = nil) -> CommandResult {
        selecting { count, steps in
            let kept = Array(min(offset, count)..<min(count, offset + n))
            steps.limit(offset: offset, kept: kept.count, of: count, all: all?(count))
            return kept
        }
    }
}

extension Command {
    /// A count, ranking or statistic with no filter: its answer is over every sentence that counts.
    var readsWholeCorpus: Bool {
        switch self {
        case .count(nil, let key, _): return key != nil
        case .countByField(nil, _, _, _), .top(_, _, nil), .countWords(nil, _), .countNgrams(_, nil, _), .collocates(_, _, nil, _),
             .network(nil): return true
        case .limited(let inner, _), .piped(let inner, _): return inner.readsWholeCorpus
        default: return false
        }
    }

    /// `expect count` and `expect contains`, which check the result before them and leave it for the next.
    var isExpectation: Bool {
        switch self {
        case .expectCount, .expectContains: return true
        default: return false
        }
    }

    /// What the command reads of a corpus read from a saved model: nothing for the commands that read no text or
    /// index (settings, help, `quit`, the list of documents, ...); only the word index for a count of the sentences
    /// holding words (one word a phrase, joined by `and` or `or`); everything for every other command.
    var savedNeed: SavedNeed? {
        switch self {
        case .quit, .help, .echo, .set, .settings, .names, .drop, .expectCount, .expectContains, .load, .saveTranscript,
             .documents, .duplicateDocuments: return nil
        case .limited(let command, _), .piped(let command, _): return command.savedNeed
        case .count(let filter?, nil, let stages) where stages.isEmpty: return filter.indexedWords.map { .words($0) } ?? .all
        default: return .all
        }
    }
}

extension Filter {
    /// The folded words of a filter the word index alone answers (phrases of one indexable word, joined by `and` or
    /// `or`); nil for any other filter.
    var indexedWords: [[UInt8]]? {
        switch self {
        case .phrase(let text, _):
            let (words, possessive) = PhraseMatcher.read(text)
            return words.count == 1 && !possessive[0] && Evaluator.indexable(words) ? words : nil
        case .and(let a, let b), .or(let a, let b):
            guard let left = a.indexedWords, let right = b.indexedWords else { return nil }
            return left + right
        default: return nil
        }
    }
}
