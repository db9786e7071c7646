import Dispatch
import DossierTime
import Glibc

/// Reads folders of documents into a `Corpus`: finds files (recursively, safely), reads lexicons, manifests and
/// furniture lists found beside them, and analyses documents on every core.
public struct CorpusLoader: Sendable {
    /// The file name endings read as documents, for messages: ".csv .htm .html ...".
    public static var documentEndings: String { FileSystem.documentExtensions.sorted().map { "." + $0 }.joined(separator: " ") }
    /// The kinds of documents read, for the warning about a file that is none.
    static let documentKinds = ".txt, .md, .html, .htm, .jsonl, .ndjson, .json, .csv, .srt, .vtt, or an RSS or Atom feed"

    public private(set) var lexicon = Lexicon()
    /// The furniture lists, parsed when documents are analysed: a start that reads a saved model never needs them, and
    /// parsing the bundled one was 5% of it.
    public var furniture: Furniture {
        var furniture = Furniture()
        for text in furnitureTexts { furniture.add(text: text) }
        return furniture
    }
    /// The furniture lists' texts, in the order they were read.
    private var furnitureTexts: [String] = []
    /// The name lists (decoded from their compiled file the first time they are asked for).
    public var names: NameLists { compiledNames?.lists ?? parsedNames }
    /// The name lists read as text, or added to compiled ones.
    private var parsedNames = NameLists()
    /// The name lists of a compiled file while nothing was added to them.
    private var compiledNames: CompiledNameLists?
    public private(set) var manifest = Manifest()
    public private(set) var stopWords = StopWords()
    /// Lexicon and furniture files already read (by real path), so a folder that is both the resources and the
    /// corpus is not read twice.
    private var readFiles: Set<String> = []
    /// Manifests read (by real path): with `readFiles`, every file besides the documents that the corpus was made
    /// from, which `export` and `save transcript` must never replace.
    private var manifestFiles: Set<String> = []
    /// Lexicons, name lists, stop words, furniture and manifests read, by real path.
    public var inputFiles: Set<String> { readFiles.union(manifestFiles) }

    /// Gives a corpus this loader made what it keeps of the loader: its stop words and the files it read besides documents.
    private func lendResources(to corpus: inout Corpus) {
        corpus.stopWords = stopWords
        corpus.inputFiles = inputFiles
    }
    /// Where built models of large corpora are saved and found again; nil: always read the documents.
    public var cache: CorpusCache?

    public init() {}

    /// The lexicon's entities as the matcher reads them (expanded) and the matcher built from them; nil until built,
    /// and again once another lexicon is added.
    private var matching: Matching?

    /// Loads the bundled lexicons, name lists, furniture and stop words from `directory` (the project's `seeds/`),
    /// then the user's `lexicons`. With `compiled`, lexicons and name lists come from their compiled file while it
    /// was built from these very bytes by this very program, and are compiled for the next start when they are not.
    public mutating func addResources(from directory: String, lexicons: [String] = [], compiled: ResourceCache? = nil) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let entries = (try? FileSystem.list(directory)) ?? []
        let sources = entries.compactMap { name in
            name.hasSuffix(".lexicon") || name.hasSuffix(".names") ? (path: directory + "/" + name, isNames: name.hasSuffix(".names")) : nil
        } + lexicons.map { (path: $0, isNames: false) }
        if let compiled, let added = addCompiled(sources, cache: compiled) {
            diagnostics += added
        } else {
            var texts: [ResourceText] = []
            for (path, isNames) in sources where firstRead(path) {
                do {
                    let (text, decoding) = try FileSystem.readDecoded(path)
                    texts.append(ResourceText(isNames: isNames, text: text, file: FileSystem.display(path), decoding: decoding))
                } catch {
                    texts.append(ResourceText(isNames: isNames, text: nil, file: FileSystem.display(path), problem: "cannot read \(isNames ? "names" : "lexicon"): \(error)"))
                }
            }
            diagnostics += parse(texts)
        }
        for name in entries {
            let path = directory + "/" + name
            if name.hasSuffix(".furniture"), firstRead(path), let text = try? FileSystem.readText(path) { furnitureTexts.append(text) }
            if name.hasSuffix(".stopwords"), firstRead(path), let text = try? FileSystem.readText(path) { stopWords.add(text: text) }
        }
        return diagnostics
    }

    /// Lexicons and name lists (`.names`, unless given as a lexicon) from their compiled file, or parsed and then
    /// compiled when they gave no warning. Nil (nothing done) when a lexicon was read already or a file cannot be read:
    /// the files are then read as text, which says what is wrong.
    private mutating func addCompiled(_ sources: [(path: String, isNames: Bool)], cache: ResourceCache) -> [Diagnostic]? {
        guard lexicon.isEmpty, compiledNames == nil, parsedNames.firstNames.isEmpty else { return nil }
        var seen = readFiles
        var files: [ResourceCache.File] = []
        for (path, isNames) in sources where seen.insert(FileSystem.realPath(path) ?? path).inserted {
            guard let bytes = try? FileSystem.read(path, limit: FileSystem.textLimit).bytes else { return nil }
            files.append(ResourceCache.File(path: path, isNames: isNames, bytes: bytes))
        }
        let key = cache.key(files)
        readFiles = seen
        // Files are shown by their path from the folder of this start, whenever their text is read.
        let shown = files.map { FileSystem.display($0.path) }
        let texts: @Sendable () -> [ResourceText] = { [files] in zip(files, shown).map { file, shown in
            let (text, decoding) = FileSystem.decodedText(file.bytes, path: file.path)
            return ResourceText(isNames: file.isNames, text: text, file: shown, decoding: decoding)
        } }
        // For a compiled part whose bytes are not those written or do not decode: the files parsed, as when nothing was
        // compiled, and the compiled file removed, so that the next start compiles them again.
        let compiledFile = cache.path(for: key)
        let remove: @Sendable () -> Void = { unlink(compiledFile) }
        let parsed: @Sendable () -> CorpusLoader = {
            remove()
            var parsed = CorpusLoader()
            _ = parsed.parse(texts())
            return parsed
        }
        if let read = cache.read(key, entities: { parsed().matching?.entities ?? [] }, names: { parsed().names }, damaged: remove) {
            (lexicon, compiledNames, matching) = (read.lexicon, read.names, read.matching)
            return []
        }
        let diagnostics = parse(texts())
        guard let built = matching else { preconditionFailure("parsing with its matcher built none") }
        if diagnostics.isEmpty {
            // Only a start that said nothing is compiled (a warning must show at every start), and a cache that
            // cannot be written costs this start nothing: the lexicons are read as text next time.
            _ = try? cache.write(ResourceCache.Compiled(lexicon: lexicon, names: names, matching: built), key: key)
        }
        return diagnostics
    }

    /// A lexicon or a name list read as text (nil with the `problem` when it could not be read), the file it names, and
    /// what decoding its bytes said (an encoding guessed, bytes replaced).
    private struct ResourceText: Sendable {
        var isNames: Bool
        var text: String?
        var file: String
        var problem = ""
        var decoding: [Diagnostic] = []
    }

    /// Adds lexicons and name lists from their texts, the name lists on a second core while this one reads the lexicons
    /// and builds their matcher: a start that reads them as text waited for the three in turn. The second core also reads
    /// the last lexicon file's records (`LexiconRecords`). The diagnostics are in the files' order, as when they were
    /// read one after the other.
    private mutating func parse(_ texts: [ResourceText]) -> [Diagnostic] {
        let parsedNames = Locked((names, [[Diagnostic]](repeating: [], count: texts.count)))
        let parsedLexicon = Locked((lexicon, [[Diagnostic]](repeating: [], count: texts.count), nil as Matching?))
        let records = LexiconRecords(count: texts.count)
        @Sendable func lexiconRecords(_ i: Int, _ text: String) -> LexiconRecords.Parsed {
            Lexicon.records(text: Normalization.nfc(text), file: texts[i].file)
        }
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            let readsNames = part == 1
            var (names, lexicon) = (parsedNames.withLock { $0.0 }, parsedLexicon.withLock { $0.0 })
            var diagnostics = [[Diagnostic]](repeating: [], count: texts.count)
            // The last lexicon's records first, which the other core needs last: it adds the lexicons and builds their
            // matcher, twice the name lists' work.
            if readsNames, let last = texts.indices.last(where: { !texts[$0].isNames }), let text = texts[last].text, records.take(last) {
                records.put(last, lexiconRecords(last, text))
            }
            for (i, source) in texts.enumerated() where source.isNames == readsNames {
                guard let text = source.text else {
                    diagnostics[i] = [Diagnostic(.error, at: SourceLocation(file: source.file, line: 1, column: 1), source.problem)]
                    continue
                }
                if readsNames {
                    diagnostics[i] = source.decoding + names.add(text: text, file: source.file)
                } else {
                    diagnostics[i] = source.decoding + lexicon.add(records.take(i) ? lexiconRecords(i, text) : records.wait(for: i))
                }
            }
            if readsNames {
                parsedNames.withLock { $0 = (names, diagnostics) }
            } else {
                let built = Matching(lexicon)
                parsedLexicon.withLock { $0 = (lexicon, diagnostics, built) }
            }
        }
        let (names, nameDiagnostics) = parsedNames.withLock { $0 }
        let (lexicon, lexiconDiagnostics, built) = parsedLexicon.withLock { $0 }
        (self.parsedNames, compiledNames, self.lexicon, matching) = (names, nil, lexicon, built)
        return texts.indices.flatMap { texts[$0].isNames ? nameDiagnostics[$0] : lexiconDiagnostics[$0] }
    }

    private mutating func firstRead(_ path: String) -> Bool {
        readFiles.insert(FileSystem.realPath(path) ?? path).inserted
    }

    public mutating func addLexicon(path: String) -> [Diagnostic] {
        guard firstRead(path) else { return [] }
        matching = nil
        do {
            let (text, decoding) = try FileSystem.readDecoded(path)
            return decoding + lexicon.add(text: Normalization.nfc(text), file: FileSystem.display(path))
        } catch {
            return [Diagnostic(.error, at: SourceLocation(file: FileSystem.display(path), line: 1, column: 1), "cannot read lexicon: \(error)")]
        }
    }

    mutating func addNames(path: String) -> [Diagnostic] {
        guard firstRead(path) else { return [] }
        do {
            let (text, decoding) = try FileSystem.readDecoded(path)
            (parsedNames, compiledNames) = (names, nil)
            return decoding + parsedNames.add(text: text, file: FileSystem.display(path))
        } catch {
            return [Diagnostic(.error, at: SourceLocation(file: FileSystem.display(path), line: 1, column: 1), "cannot read names: \(error)")]
        }
    }

    /// What a corpus folder holds, found without reading documents yet.
    struct Listing {
        var documents: [String] = []
        var lexicons: [String] = []
        var manifests: [String] = []
        var furniture: [String] = []
        var names: [String] = []
        var stopWords: [String] = []
        var diagnostics: [Diagnostic] = []
        var skipped: [String] = []
        /// Files and folders whose names start with a dot, inside the folders given: left out, as `ls` and `grep -r` users expect.
        var hidden: [String] = []
    }

    /// Reads every document under `paths` (folders are read recursively) into a new corpus; runs to the end.
    public func load(_ paths: [String], progress: (@Sendable (Int, Int) -> Void)? = nil,
                     scanned: (@Sendable (Int) -> Void)? = nil) -> (Corpus, [Diagnostic]) {
        guard let loaded = build(paths, progress: progress, scanned: scanned, shouldStop: { false }) else {
            preconditionFailure("a load that is never asked to stop stopped")
        }
        return loaded
    }

    /// Reads every document under `paths` into a new corpus, or stops soon after `shouldStop` turns true (checked
    /// at each folder and each document), dropping what was read. `scanned` is told how many documents the
    /// search of folders has found so far, every 256 folders (for `load "/"` and other huge trees).
    public func load(_ paths: [String], progress: (@Sendable (Int, Int) -> Void)?, scanned: (@Sendable (Int) -> Void)?,
                     shouldStop: @escaping @Sendable () -> Bool) throws(LoadStopped) -> (Corpus, [Diagnostic]) {
        guard let loaded = build(paths, progress: progress, scanned: scanned, shouldStop: shouldStop) else { throw LoadStopped() }
        return loaded
    }

    private func build(_ paths: [String], progress: (@Sendable (Int, Int) -> Void)?, scanned: (@Sendable (Int) -> Void)?,
                       shouldStop: @escaping @Sendable () -> Bool) -> (Corpus, [Diagnostic])? {
        var listing = Listing()
        var walk = FileSystem.Walk(shouldStop: shouldStop, scanned: scanned)
        walk.roots = paths.compactMap(FileSystem.realPath)
        for path in paths { FileSystem.walk(path, into: &listing, state: &walk) }
        if walk.stopped { return nil }
        var loader = self
        // A lexicon found in a corpus folder (a colleague's draft, another tool's file) costs the load only its bad
        // lines, as a manifest's do; one given with --lexicon stays strict.
        for path in listing.lexicons {
            listing.diagnostics += loader.addLexicon(path: path).map(RecordFile.leftOut)
        }
        for path in listing.manifests {
            loader.manifestFiles.insert(FileSystem.realPath(path) ?? path)
            do {
                let (text, decoding) = try FileSystem.readDecoded(path)
                listing.diagnostics += decoding + loader.manifest.add(text: text, file: FileSystem.display(path))
            } catch {
                listing.diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: FileSystem.display(path), line: 1, column: 1),
                                                      "cannot read manifest: \(error)"))
            }
        }
        listing.diagnostics += loader.manifest.unmatched(documents: listing.documents)
        for path in listing.names { listing.diagnostics += loader.addNames(path: path) }
        // A furniture or stop-word list is read as a lexicon is (its encoding said), and one that cannot be read is said.
        for (path, isFurniture) in listing.furniture.map({ ($0, true) }) + listing.stopWords.map({ ($0, false) }) where loader.firstRead(path) {
            do {
                let (text, decoding) = try FileSystem.readDecoded(path)
                listing.diagnostics += decoding
                if isFurniture { loader.furnitureTexts.append(text) } else { loader.stopWords.add(text: text) }
            } catch {
                listing.diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: FileSystem.display(path), line: 1, column: 1),
                                                      "cannot read \(isFurniture ? "furniture" : "stop-word") list: \(error); it is not used"))
            }
        }
        for (n, path) in listing.skipped.enumerated() where n < 10 {
            listing.diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: FileSystem.display(path), line: 1, column: 1),
                                                  "skipped: not a document (\(Self.documentKinds))"))
        }
        if let first = listing.hidden.first {
            let more = listing.hidden.count > 1 ? " and \(listing.hidden.count - 1) more" : ""
            listing.diagnostics.append(Diagnostic(.note, at: SourceLocation(file: FileSystem.display(first), line: 1, column: 1),
                                                  "skipped: a hidden file or folder (its name starts with a dot)\(more); give it by its path to read it"))
        }
        if listing.skipped.count > 10 {
            listing.diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: paths.first ?? ".", line: 1, column: 1),
                                                  "skipped \(listing.skipped.count - 10) more files that are not documents"))
        }
        let sizes = listing.documents.map { FileSystem.size($0) ?? 0 }
        guard let cache, sizes.reduce(0, +) >= cache.minimumBytes else {
            guard let analysed = loader.analyse(listing.documents, sizes: sizes, progress: progress, shouldStop: shouldStop) else {
                return nil
            }
            var corpus = analysed.corpus
            let diagnostics = analysed.diagnostics
            loader.lendResources(to: &corpus)
            return (corpus, listing.diagnostics + diagnostics)
        }
        let key = CorpusCache.key(roots: paths, resources: Array(loader.readFiles), manifests: listing.manifests,
                                  documents: listing.documents)
        let at = SourceLocation(file: FileSystem.display(cache.path(for: key)), line: 1, column: 1)
        switch cache.read(key, documents: listing.documents, lexicon: loader.matching?.table ?? EntityTable(loader.lexicon.expanded())) {
        case .loaded(var corpus, let diagnostics):
            loader.lendResources(to: &corpus)
            return (corpus, listing.diagnostics + diagnostics)
        case .damaged(let why):
            listing.diagnostics.append(Diagnostic(.warning, at: at, "the saved model cannot be used (\(why)); reading the documents again", kind: .savedModel))
        case .absent: break
        }
        guard let analysed = loader.analyse(listing.documents, sizes: sizes, progress: progress, shouldStop: shouldStop) else {
            return nil
        }
        var corpus = analysed.corpus
        let (diagnostics, complete) = (analysed.diagnostics, analysed.complete)
        loader.lendResources(to: &corpus)
        if complete {
            do throws(ArchiveError) {
                let size = try cache.write(corpus, diagnostics: diagnostics, files: listing.documents, key: key)
                listing.diagnostics.append(Diagnostic(.note, at: at, "saved the model (\(size >> 20) MB) so that this corpus opens faster next time; it is rebuilt when an input changes (--no-cache: never saved)", kind: .savedModel))
            } catch {
                listing.diagnostics.append(Diagnostic(.warning, at: at, "cannot save the model: \(error)", kind: .savedModel))
            }
        }
        return (corpus, listing.diagnostics + diagnostics)
    }

    /// Analyses files on all cores in batches of about `batchBytes`, merging the batches in file order as they are done; a
    /// core with no batch left, or none from the start, reads the next files of the others (`readingAhead`). `complete` is false when a file could
    /// not be read, or changed while it was; nil when `shouldStop` turned true.
    func analyse(_ paths: [String], sizes: [Int], progress: (@Sendable (Int, Int) -> Void)?,
                 shouldStop: @escaping @Sendable () -> Bool = { false }, batchBytes: Int = 4 << 20,
                 readingAhead: Bool = true) -> (corpus: Corpus, diagnostics: [Diagnostic], complete: Bool)? {
        let (entities, matcher) = { let m = matching ?? Matching(lexicon); return (m.entities, m.matcher) }()
        let total = sizes.reduce(0, +)
        var cuts: [Range<Int>] = []
        var start = 0, bytes = 0
        for (i, size) in sizes.enumerated() {
            bytes += size
            if bytes >= batchBytes {
                cuts.append(start..<(i + 1))
                start = i + 1
                bytes = 0
            }
        }
        if start < paths.count { cuts.append(start..<paths.count) }
        let chunks = cuts
        let fileSizes = sizes
        var empty = Corpus(entities: entities)
        empty.vocabulary = Vocabulary(capacity: Corpus.analysedWords)
        let merge = BatchMerge(batchBytes: chunks.map { $0.reduce(0) { $0 + sizes[$1] } }, corpus: empty)
        let done = Counter()
        let unread = Counter()
        let stopped = Counter()
        let manifest = self.manifest
        let furniture = self.furniture
        let names = self.names
        let readAhead = ReadAhead(files: chunks)
        let rules = EntityRules(entities: entities)
        /// Reads file `i`, and prepares its text (tokenised too when `tokenising`) unless it is a collection or a web page.
        @Sendable func read(_ i: Int, extractor: TimeExpressionExtractor, tokenising: Bool) -> ReadAhead.Prepared {
            let path = paths[i]
            do {
                let read = try FileSystem.read(path)
                guard !DocumentRecords.isCollection(path), !NewsFeed.mayHoldFeed(path) else { return .bytes(read.bytes, changed: read.changed) }
                // Checked on the bytes read anyway: the walk that lists the files opens none of them.
                let share = FileSystem.controlBytesShare(read.bytes)
                if share > 0.05 { return .notText(percent: Int((share * 100).rounded())) }
                let name = path.split(separator: "/").last.map(String.init) ?? path
                let file = SourceFile(path: path, displayPath: FileSystem.display(path), bytes: read.bytes, manifest: manifest.entry(for: name))
                return .text(DocumentAnalyzer.prepare(file, furniture: furniture, words: names.words, extractor: extractor,
                                                                 tokenising: tokenising), changed: read.changed)
            } catch {
                return .failed("\(error)")
            }
        }
        // Asked between documents and inside them: a stop seen anywhere marks the load stopped, and a document cut short
        // by it is never kept.
        let stop: @Sendable () -> Bool = {
            if stopped.add(0) > 0 { return true }
            guard shouldStop() else { return false }
            _ = stopped.add(1)
            return true
        }
        let helpStopping: @Sendable () -> Bool = { stopped.add(0) > 0 || shouldStop() }
        // A corpus of fewer batches than cores (one under 4 MB) leaves cores with no batch: they read ahead from the start.
        // Their iterations come after the batches', which the workers take in order, so every batch has a core.
        DispatchQueue.concurrentPerform(iterations: readingAhead ? max(chunks.count, ReadAhead.cores) : chunks.count) { c in
            guard c < chunks.count else {
                readAhead.waitUntilAllStarted()
                let extractor = TimeExpressionExtractor()
                readAhead.help(shouldStop: helpStopping) { read($0, extractor: extractor, tokenising: true) }
                return
            }
            readAhead.start(c)
            var analyzer = DocumentAnalyzer(matcher: matcher, furniture: furniture, names: names, entities: entities, rules: rules)
            analyzer.shouldStop = stop
            var failures: [Diagnostic] = []
            for i in chunks[c] {
                if stop() { break }
                let path = paths[i]
                let at = SourceLocation(file: FileSystem.display(path), line: 1, column: 1)
                switch readAhead.take(i, of: c) ?? read(i, extractor: analyzer.extractor, tokenising: false) {
                case .failed(let error):
                    _ = unread.add(1)
                    failures.append(Diagnostic(.warning, at: at, "cannot read: \(error)"))
                case .notText(let percent):
                    failures.append(Diagnostic(.warning, at: at, "skipped: not text (\(percent)% of its first bytes are control bytes; is it a binary file?)"))
                case .text(let text, let changed):
                    if changed { failures.append(changedWhileRead(at)) }
                    analyzer.analyze(text)
                case .bytes(let bytes, let changed):
                    if changed { failures.append(changedWhileRead(at)) }
                    if DocumentRecords.isCollection(path) {
                        failures += analyzer.analyzeCollection(bytes, path: path)
                    } else if NewsFeed.mayHoldFeed(path), NewsFeed.isFeed(bytes), let said = analyzer.analyzeFeed(bytes, path: path) {
                        failures += said
                    } else if WebPage.isPage(path) {
                        let name = path.split(separator: "/").last.map(String.init) ?? path
                        failures += analyzer.analyzePage(bytes, path: path, manifest: manifest.entry(for: name))
                    } else {
                        failures.append(Diagnostic(.warning, at: at, "skipped: not a document (\(Self.documentKinds)); "
                                                   + "an XML file is read when it is an RSS or Atom feed"))
                    }
                }
                let now = done.add(fileSizes[i])
                progress?(now, total)
            }
            readAhead.finish(c)
            func changedWhileRead(_ at: SourceLocation) -> Diagnostic {
                _ = unread.add(1)
                return Diagnostic(.warning, at: at, "the file changed while it was read; its text may be incomplete")
            }
            var batch = analyzer.finish()
            batch.diagnostics += failures
            let words = batch.wordIndex()
            (batch.sentenceWords, batch.sentenceWordEnds) = ([], [])
            batch.shrink()
            batch.textSums = batch.documents.map { document in
                var sum = Checksum()
                document.text.withUnsafeBytes { sum.add($0) }
                return sum.value
            }
            merge.deliver(c, batch, words)
            // The last batches are being analysed elsewhere: this core prepares their next files meanwhile.
            if readingAhead, readAhead.allStarted {
                let extractor = TimeExpressionExtractor()
                readAhead.help(shouldStop: helpStopping) { read($0, extractor: extractor, tokenising: true) }
            }
        }
        if stopped.add(0) > 0 { return nil }
        var (corpus, diagnostics, textSums) = merge.finish()
        corpus.indexNames()
        corpus.disambiguateDocumentIds()
        corpus.groupDuplicates(textSums: textSums)
        return (corpus, Self.summarisingLeftOutLines(diagnostics), unread.add(0) == 0)
    }

    /// The notes of short lines left out as menus, five at most, then one line for the other documents: a folder of
    /// OCR'd pages gave one for each of 81 pages in 100.
    static func summarisingLeftOutLines(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let isLeftOut = { (d: Diagnostic) in d.severity == .note && d.message.hasSuffix(Cleaning.leftOutReason) }
        let all = diagnostics.filter(isLeftOut)
        guard all.count > 5 else { return diagnostics }
        var kept = 0
        var out = diagnostics.filter { d in
            guard isLeftOut(d) else { return true }
            kept += 1
            return kept <= 5
        }
        out.append(Diagnostic(.note, at: all[5].location, "and in \(all.count - 5) more documents, short lines left out as menus or lists of tags"))
        return out
    }
}

/// The entities the matcher reads (a lexicon's, expanded: a place for each state, a city for each capital) and the
/// matcher built from them: built once per lexicon, or read from its compiled file.
struct Matching: Sendable {
    /// The entities, still compiled when read from a compiled lexicon.
    let table: EntityTable
    private let compiled: Locked<CompiledMatcher>
    /// Called when the saved matcher's bytes are not those written or do not decode (the compiled file is removed).
    private let damaged: @Sendable () -> Void

    /// The entities as one array (decoded if they were not).
    var entities: [Entity] { table.array }

    /// A matcher as read from a compiled lexicon: still the bytes it was saved as, or decoded.
    private enum CompiledMatcher {
        case encoded(SectionBytes)
        case decoded(EntityMatcher)
    }

    init(_ lexicon: Lexicon) {
        let entities = lexicon.expanded()
        table = EntityTable(entities)
        compiled = Locked(.decoded(EntityMatcher(entities: entities)))
        damaged = {}
    }

    /// A matcher saved by `EntityMatcher.write`, decoded when it is first asked for: a corpus opened from its saved
    /// model never needs it, and decoding it was a tenth of the start-up's instructions.
    init(entities: CompiledEntities, encodedMatcher: SectionBytes, damaged: @escaping @Sendable () -> Void) {
        table = EntityTable(entities)
        compiled = Locked(.encoded(encodedMatcher))
        self.damaged = damaged
    }

    /// The matcher; one whose saved bytes are not those written or do not decode is built again from the entities,
    /// which gives the same matcher.
    var matcher: EntityMatcher {
        let (table, damaged) = (self.table, self.damaged)
        return compiled.withLock { state in
            switch state {
            case .decoded(let matcher):
                return matcher
            case .encoded(let bytes):
                let entities = table.array
                let decoded = bytes.verified?.withUnsafeBytes { bytes in
                    var input = ArchiveReader(bytes)
                    guard let matcher = try? EntityMatcher(from: &input, entities: entities), input.left == 0 else { return nil as EntityMatcher? }
                    return matcher
                }
                if decoded == nil { damaged() }
                let matcher = decoded ?? EntityMatcher(entities: entities)
                state = .decoded(matcher)
                return matcher
            }
        }
    }
}

/// A load stopped by `shouldStop` (Ctrl-C): nothing of it is kept.
public struct LoadStopped: Error, Sendable {}

/// Results written by concurrent workers, one slot each.
final class Slots<T>: @unchecked Sendable {
    private var storage: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func set(_ i: Int, _ value: T) { storage[i] = value }

    func sum(_ count: (T) -> Int) -> Int {
        storage.reduce(0) { $0 + ($1.map(count) ?? 0) }
    }

    /// Moves a result out, leaving its slot empty.
    func take(_ i: Int) -> T? {
        defer { storage[i] = nil }
        return storage[i]
    }
}

/// A counter shared by workers: bytes read for the progress bar, files that could not be read.
final class Counter: Sendable {
    private let value = Locked(0)

    func add(_ n: Int) -> Int {
        value.withLock { total in
            total += n
            return total
        }
    }
}
