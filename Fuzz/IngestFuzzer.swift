// libFuzzer harness for ingestion: bytes -> one document through the loader's analysis path (decode,
// clean, split, match entities, extract times, discover names, index words), exactly as
// CorpusLoader.analyse does for one file, then a few queries over the resulting corpus.
// With FUZZ_INGEST_LOADER=1 each input is instead written to a temp folder and read with
// CorpusLoader.load (slower: the lexicon matcher is rebuilt per load).
// Build and run with scripts/fuzz ingest SECONDS.
import Foundation

enum IngestFuzz {
    static let loader: CorpusLoader = {
        var loader = CorpusLoader()
        _ = loader.addResources(from: FuzzEnvironment.seeds)
        precondition(loader.lexicon.expanded().count > 0, "no lexicon in \(FuzzEnvironment.seeds)")
        return loader
    }()
    static let entities = loader.lexicon.expanded()
    static let matcher = EntityMatcher(entities: entities)
    static let viaLoader = ProcessInfo.processInfo.environment["FUZZ_INGEST_LOADER"] == "1"
    static let folder: String = {
        let path = NSTemporaryDirectory() + "dossier-ingest-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()
    static let output = DiscardOutput()
    static let queries = [
        "docs",
        "find | limit 3",
        "timeline | limit 3",
        "count by year",
        "count by month",
        "count by actor",
        "count by place",
        "count by type",
        "top actors 5",
        "top places 5",
        "actors discovered",
        "actors",
        "places",
        "show doc fuzz",
        "show actor Russia",
        "find actor Russia or place Mali",
        "find since 2000 and until 2030",
        "find in 2021-02",
        "find before 1900 or after 2100",
        "kwic \"the\" width 20",
        "find text \"a\"",
        "find matching /[A-Z][a-z]+/ | sort by time desc",
        "cooccur actor Russia",
    ].joined(separator: "\n")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func ingestFuzzerTestOneInput(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: data, count: size))
    let corpus: Corpus
    if IngestFuzz.viaLoader {
        let path = IngestFuzz.folder + "/fuzz.txt"
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        corpus = IngestFuzz.loader.load([IngestFuzz.folder]).0
    } else {
        var analyzer = DocumentAnalyzer(matcher: IngestFuzz.matcher, furniture: IngestFuzz.loader.furniture,
                                        names: IngestFuzz.loader.names, entities: IngestFuzz.entities)
        analyzer.analyze(SourceFile(path: "/fuzz/fuzz.txt", displayPath: "fuzz.txt", bytes: bytes, manifest: nil))
        // As CorpusLoader.analyse does for one chunk (keep in step with it).
        var batch = analyzer.finish()
        let words = batch.wordIndex()
        (batch.sentenceWords, batch.sentenceWordEnds) = ([], [])
        let merge = BatchMerge(batchBytes: [bytes.count], corpus: Corpus(entities: IngestFuzz.entities))
        merge.deliver(0, batch, words)
        var c = merge.finish().corpus
        c.indexNames()
        c.disambiguateDocumentIds()
        corpus = c
    }
    let session = Session(corpus: corpus, loader: IngestFuzz.loader, corpusPaths: [], output: IngestFuzz.output)
    session.keepGoing = true
    // The default display limit (20 rows): listings of the whole lexicon would otherwise dominate the time.
    startDeadline()
    session.shouldStop = fuzzShouldStop
    session.run(IngestFuzz.queries, file: "<fuzz>")
    session.settings.format = .json
    session.run("find | limit 5\ncount by year\ndocs", file: "<fuzz>")
    return 0
}
