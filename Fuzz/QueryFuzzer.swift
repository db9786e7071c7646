// libFuzzer harness for the query language: bytes -> String (with `expandRepeats` for long chains) ->
// Parser.parse -> Session.run on the seeds corpus (loaded once), in a sandbox folder where export, save
// transcript and run read and write. Nothing is caught: a crash, sanitizer report or timeout is a finding.
// Build and run with scripts/fuzz query SECONDS.
import Foundation

enum QueryFuzz {
    static let loaded: (corpus: Corpus, loader: CorpusLoader) = {
        var loader = CorpusLoader()
        _ = loader.addResources(from: FuzzEnvironment.seeds)
        let (corpus, _) = loader.load([FuzzEnvironment.seeds])
        precondition(corpus.documents.count > 0, "no seeds corpus at \(FuzzEnvironment.seeds)")
        return (corpus, loader)
    }()
    static let output = DiscardOutput()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func queryFuzzerTestOneInput(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let source = expandRepeats(UnsafeRawBufferPointer(start: data, count: size))
    let loaded = QueryFuzz.loaded
    _ = Sandbox.path
    defer { Sandbox.empty() }
    // The parser on its own, whatever the result.
    guard let statements = try? Parser.parse(source, file: "<fuzz>"), !statements.isEmpty else { return 0 }
    guard safeToRun(source), !hasBigRepeat(statements) else { return 0 }
    let session = Session(corpus: loaded.corpus, loader: loaded.loader, corpusPaths: [FuzzEnvironment.seeds], output: QueryFuzz.output)
    session.keepGoing = true
    session.recordsTranscript = true
    startDeadline()
    session.shouldStop = fuzzShouldStop
    session.run(source, file: "<fuzz>")
    // Inputs of odd length run again in JSON, to reach the other renderer.
    if size % 2 == 0 || fuzzShouldStop() { return 0 }
    session.settings.format = .json
    session.run(source, file: "<fuzz>")
    return 0
}
