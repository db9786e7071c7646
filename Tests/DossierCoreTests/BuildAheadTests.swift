import Testing
@testable import DossierCore

/// What a session builds ahead on a thread of its own (the word positions after the sentences' word ids) is waited
/// for by nothing: a phrase asked before the positions are built reads the text and answers what the positions answer.
/// The build is held back and run by the test (`SentenceWordIdsTests.HeldBuild`): no thread, no clock.
@Suite("Building ahead")
struct BuildAheadTests {
    @Test(arguments: [
        "count text \"Central African Republic\"", "find text \"Wagner Group\"", "kwic \"Central African\"",
        "count text \"Russia's\"", "find text \"the Kremlin\" and actor Russia", "kwic \"said\" | limit 5",
        "count text \"of the\" by year",
    ])
    func aPhraseAskedBeforeThePositionsAreBuiltGivesTheSameAnswer(_ command: String) throws {
        let corpus = SentenceWordIdsTests.freshSeeds()
        let held = SentenceWordIdsTests.HeldBuild()
        corpus.buildAhead(ids: true, positions: true, run: held.hold)
        #expect(throws: WordPositions.Missing.building) { try corpus.wordPositions.get(corpus, shouldStop: { false }) }
        let before = run(command, format: .json, limit: nil, corpus: corpus)
        held.runNow()
        let after = run(command, format: .json, limit: nil, corpus: corpus)
        #expect(before.ok && after.ok && before.err.isEmpty)
        #expect(before.out == after.out)
        #expect(after.out == run(command, format: .json, limit: nil, corpus: Seeds.corpus).out)
        #expect(!after.out.contains("\"total\":0"), "\(after.out.prefix(300))")
    }

    /// A build stopped before it ran (a `load` replaced the corpus) keeps no positions, and the next phrase builds them
    /// as on any corpus.
    @Test func aStoppedBuildLeavesThePositionsToTheFirstPhrase() throws {
        let corpus = SentenceWordIdsTests.freshSeeds()
        let held = SentenceWordIdsTests.HeldBuild()
        corpus.buildAhead(ids: false, positions: true, run: held.hold)
        corpus.wordPositions.stop()
        held.runNow()
        #expect(corpus.wordPositions.claim() != nil, "nothing was kept")
        corpus.wordPositions.stop()
        let positions = try corpus.wordPositions.get(corpus, shouldStop: { false })
        #expect(!positions.bytes.isEmpty)
    }
}
