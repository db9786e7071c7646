import Testing
@testable import DossierCore

/// What manifests and lexicons get wrong is said at the file, line and column of the value, and the corpus still
/// loads: a date that is no date, a key given twice, an entry naming no document, an affiliation pointing nowhere.
@Suite("Warnings about manifests and lexicons")
struct DescriptionWarningTests {
    @Test(arguments: [
        // manifest, line, column, part of the message
        ("doc a.txt\n  date: 2021-02-30\n", 2, 9, "date '2021-02-30' is not a date (YYYY, YYYY-MM-DD, an ISO 8601 or RFC 2822 time"),
        ("doc a.txt\n  date: 2019\n  date: 2020\n", 3, 9, "'date' is given again for doc a.txt; the first, on line 2, is used"),
        ("doc a.txt\n  source: news; blog\n", 2, 11, "'source' takes one value; the first, 'news', is used"),
        ("doc a.txt\n  title: A\nbogus line\n", 3, 1, "found 'bogus'; this entry is left out"),
        ("doc a.txt\n  title: A\ndoc gone.txt\n  date: 2020\n", 3, 1, "doc gone.txt names no document of the corpus"),
        ("doc a.txt\n  date: 2020\ndoc a.txt\n  date: 2021\n", 3, 1, "doc a.txt is described again (first at"),
        ("doc a.txt\n  news desk: Africa\n", 2, 3, "a key is one word"),
    ] as [(String, Int, Int, String)])
    func aManifestProblemIsAWarningAndTheCorpusLoads(_ manifest: String, _ line: Int, _ column: Int, _ message: String) {
        let (corpus, diagnostics) = loadCorpus([("a.txt", "Mali asked for help. Russia answered.")], manifest: manifest)
        let found = diagnostics.first { $0.message.contains(message) }
        #expect(found?.severity == .warning, "\(diagnostics.map(\.message))")
        #expect(found?.location.line == line)
        #expect(found?.location.column == column)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map(\.message))")
        #expect(corpus.documents.count == 1)
    }

    /// A manifest reads a date as collections and pages write it (tester14 #26: a scraper's timestamp lost its day).
    @Test(arguments: [("2021-09-20T10:00:00Z", "2021-09-20"), ("2021/09/20", "2021-09-20"), ("Sep 20, 2021", "2021-09-20"),
                      ("Mon, 20 Sep 2021 10:00:00 GMT", "2021-09-20"), ("2021-09", "2021-09"), ("1632132000", "2021-09-20")])
    func aManifestReadsADateAsCollectionsWriteIt(_ value: String, _ label: String) {
        let (corpus, diagnostics) = loadCorpus([("a.txt", "Mali asked for help on Monday.")], manifest: "doc a.txt\n  date: \(value)\n")
        #expect(diagnostics.filter { $0.severity == .warning }.isEmpty, "\(diagnostics.map(\.message))")
        #expect(corpus.documents.first?.date?.label == label)
    }

    /// The lines under a header that is no header belong to no entry: not to the entry before it.
    @Test func theLinesOfABadEntryAreLeftOutWithIt() {
        let (corpus, diagnostics) = loadCorpus([("a.txt", "Mali asked for help.")], manifest: "doc a.txt\n  title: A\ndox b.txt\n  date: 2020\n  source: blog\n")
        #expect(corpus.documents.first?.date == nil)
        #expect(corpus.documents.first?.field("source") == nil)
        #expect(diagnostics.filter { $0.severity == .warning }.map(\.message) == ["expected an entry header (doc NAME), found 'dox'; this entry is left out"])
    }

    /// A lexicon found in a corpus folder (a draft, another tool's `.lexicon`) costs the load its bad lines only, each
    /// a warning at its line and column, as a manifest's do; its good entries are read.
    @Test func aBadLineOfALexiconInTheCorpusFolderIsAWarning() {
        let lexicon = "this is not a lexicon\n  alias: Mali\nactor Zorblax Holdings\n  type: company\n  bogus line\n  alias: Zorblax\n"
        let (corpus, diagnostics) = loadCorpus([("a.txt", "Zorblax asked Mali for help."), ("notes.lexicon", lexicon)])
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map(\.message))")
        let said = diagnostics.filter { $0.severity == .warning && $0.location.file.hasSuffix("notes.lexicon") }
        #expect(said.map { "\($0.location.line):\($0.location.column) \($0.message)" }
                == ["1:1 expected an entry header (actor or place NAME), found 'this'; this entry is left out",
                    "5:3 expected 'key: value'; line left out"])
        #expect(corpus.names(in: "Zorblax asked", .actor) == ["Zorblax Holdings", "Mali"])
    }

    /// A lexicon or manifest saved as Latin-1 (Notepad, Excel) is read as Windows-1252 with a warning, as documents
    /// are: its accented names were U+FFFD, never matched, and nothing said so (tester14 #18).
    @Test func aLexiconOrManifestInLatin1IsDecodedAndSaid() {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("a.txt", "The firm Zorbé Très fined Mali.\n")
        dir.write("x.lexicon", bytes: Array("actor Zorb".utf8) + [0xE9] + Array(" Tr".utf8) + [0xE8] + Array("s\n  type: company\n".utf8))
        dir.write("m.manifest", bytes: Array("doc a.txt\n  source: El Pa".utf8) + [0xED] + Array("s\n".utf8))
        var loader = CorpusLoader()
        _ = loader.addResources(from: Paths.seeds)
        let (corpus, diagnostics) = loader.load([dir.path])
        let said = diagnostics.filter { $0.message.hasPrefix("not valid UTF-8") }
        #expect(said.map { "\($0.location.file.split(separator: "/").last!):\($0.location.line):\($0.location.column)" }.sorted()
                == ["m.manifest:2:16", "x.lexicon:1:11"])
        #expect(corpus.names(in: "fined", .actor).contains("Zorbé Très"))
        #expect(corpus.documents.first?.field("source") == "El País")
    }

    @Test func theGoodPartsOfAManifestStillCount() {
        let manifest = "doc a.txt\n  title: Russia; the war\n  date: 2019-06\n  date: 2020\n  date: 2021-02-30\n"
        let (corpus, _) = loadCorpus([("a.txt", "Mali asked for help.")], manifest: manifest)
        #expect(corpus.documents.first?.title == "Russia; the war", "a title keeps its semicolons")
        #expect(corpus.documents.first?.date?.label == "2019-06", "the first date is used")
    }

    @Test(arguments: [
        // lexicon, line, column, severity, part of the message
        ("actor Foo Bar\n  type: person\n  affiliation: Nowhere Org (boss)\n", 3, 16, Severity.warning,
         "'Nowhere Org' is not the name of an entry of the lexicon"),
        ("place Nowhere\n  type: city\n  in: Atlantis\n", 3, 7, .warning, "'Atlantis' is not the name of an entry"),
        ("actor Foo Bar\n  type: person\n  affiliation: Russia (boss, 2020-2010)\n", 3, 16, .warning,
         "'2020-2010' is not years"),
        ("actor Foo Bar\n  type: person\n  affiliation: Russia (president, abc-)\n", 3, 16, .warning, "'abc-' is not years"),
        ("actor Russia\n  type: company\n", 1, 1, .note, "actor 'Russia' was of type 'state'"),
        ("actor Australian Labor Party\n  type: organization\n", 1, 1, .note,
         "actor 'Australian Labor Party' is an alias of 'Labor'"),
        ("actor Foo Bar\n  type: person\n  alias: FB, Foo\n", 3, 10, .note, "'FB, Foo' is one alias; several are separated by ';'"),
        ("actor Foo Bar\n  type: person\n  alias: Bar, Foo Bar\n", 3, 10, .note, "'Bar, Foo Bar' is one alias"),
    ] as [(String, Int, Int, Severity, String)])
    func aLexiconThatPointsNowhereIsSaid(_ lexicon: String, _ line: Int, _ column: Int, _ severity: Severity, _ message: String) {
        let (_, diagnostics) = loadCorpus([("a.txt", "Mali asked for help.")], lexicon: lexicon)
        let found = diagnostics.first { $0.message.contains(message) }
        #expect(found?.severity == severity, "\(diagnostics.map(\.message))")
        #expect(found?.location.line == line)
        #expect(found?.location.column == column)
    }

    @Test(arguments: ["actor Foo Inc\n  type: company\n  alias: Foo, Inc.\n",
                      "actor 3R\n  type: armed group\n  alias: Return, Reclamation, Rehabilitation\n"])
    func aNameWithACommaIsOneAlias(_ lexicon: String) {
        let (_, diagnostics) = loadCorpus([("a.txt", "Mali asked for help.")], lexicon: lexicon)
        #expect(!diagnostics.contains { $0.message.contains("is one alias") }, "\(diagnostics.map(\.message))")
    }

    @Test func anEntryNamedByABundledAliasAddsToThatEntry() {
        let lexicon = "actor Australian Labor Party\n  type: political party\n  alias: ALP\n"
            + "actor Jane Roe\n  type: politician\n  affiliation: Australian Labor Party (leader, 2019-)\n"
        let (corpus, diagnostics) = loadCorpus([("a.txt", "Jane Roe met the Australian Labor Party leaders in Sydney.")], lexicon: lexicon)
        #expect(corpus.names(in: "met the", .actor) == ["Jane Roe", "Labor"], "one actor for the party, not two")
        #expect(!diagnostics.contains { $0.message.contains("points nowhere") }, "the affiliation names the party by an alias")
        let jane = corpus.entities.first { $0.name == "Jane Roe" }
        #expect(jane?.relations.map(\.target) == ["Labor"])
    }

    @Test func entriesThatPointAtEachOtherOrAtTheBundledLexiconAreFine() {
        let lexicon = "actor Loop A\n  type: org\n  affiliation: Loop B (member)\nactor Loop B\n  type: org\n  affiliation: Loop A (member)\n"
            + "actor Foo Bar\n  type: person\n  affiliation: Russia (president, 2016-)\n  affiliation: Wagner Group (front company)\n"
        let (_, diagnostics) = loadCorpus([("a.txt", "Mali asked for help.")], lexicon: lexicon)
        let aboutTheLexicon = diagnostics.filter { $0.location.file.hasSuffix("user.lex") && !$0.message.hasPrefix("skipped") }
        #expect(aboutTheLexicon.isEmpty, "\(aboutTheLexicon.map(\.message))")
    }
}
