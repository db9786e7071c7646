import Foundation
import Testing
@testable import DossierCore
import DossierTime

/// Where the package lives, found from this file so tests do not depend on the working directory.
enum Paths {
    static let package: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    static let seeds = package + "/seeds"
    static let golden = package + "/Tests/DossierCoreTests/Golden"
}

/// The bundled seed corpus, loaded once for all tests.
enum Seeds {
    static let loaded: (corpus: Corpus, loader: CorpusLoader, diagnostics: [Diagnostic]) = {
        var loader = CorpusLoader()
        let resources = loader.addResources(from: Paths.seeds)
        let (corpus, diagnostics) = loader.load([Paths.seeds])
        return (corpus, loader, resources + diagnostics)
    }()
    static var corpus: Corpus { loaded.corpus }

    static let furniture: Furniture = {
        var f = Furniture()
        f.add(text: try! String(contentsOfFile: Paths.seeds + "/dossier.furniture", encoding: .utf8))
        return f
    }()
}

/// A fresh temporary folder, removed by the caller with `remove()`.
struct TempDir {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "dossier-coretests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        write(name, bytes: Array(text.utf8))
    }
    @discardableResult
    func write(_ name: String, bytes: [UInt8]) -> String {
        let full = path + "/" + name
        let dir = (full as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: full, contents: Data(bytes))
        return full
    }
    func remove() {
        // Undo chmod 000 before removing.
        if let e = FileManager.default.enumerator(atPath: path) {
            for case let name as String in e { chmod(path + "/" + name, 0o755) }
        }
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Loads a corpus from the given files (name, text), with the bundled lexicon and furniture.
func loadCorpus(_ files: [(String, String)], lexicon: String? = nil, manifest: String? = nil) -> (Corpus, [Diagnostic]) {
    let dir = TempDir()
    defer { dir.remove() }
    for (name, text) in files { dir.write(name, text) }
    if let manifest { dir.write("test.manifest", manifest) }
    var loader = CorpusLoader()
    var diagnostics = loader.addResources(from: Paths.seeds)
    if let lexicon { diagnostics += loader.addLexicon(path: dir.write("user.lex", lexicon)) }
    let (corpus, more) = loader.load([dir.path])
    return (corpus, diagnostics + more)
}

/// A corpus of one document holding `text`.
/// An evaluator over a corpus, answering in process without a session.
func evaluator(_ corpus: Corpus) -> Evaluator {
    Evaluator(corpus: corpus, variables: [:], fail: { span, message, _ in
        Diagnostic(.error, at: SourceLocation(file: "<test>", line: span.line, column: span.column), message)
    }, shouldStop: { false })
}

func analyze(_ text: String, name: String = "doc.txt", lexicon: String? = nil, manifest: String? = nil) -> Corpus {
    loadCorpus([(name, text)], lexicon: lexicon, manifest: manifest).0
}

extension Corpus {
    /// Every sentence's text, in order.
    var sentenceTexts: [String] { (0..<Int32(sentences.count)).map { text(of: $0) } }

    /// The first sentence containing `needle`.
    func sentence(containing needle: String) -> Int32? {
        (0..<Int32(sentences.count)).first { text(of: $0).contains(needle) }
    }

    /// Names of entities of `kind` mentioned in the sentence containing `needle`.
    func names(in needle: String, _ kind: EntityKind) -> [String] {
        guard let id = sentence(containing: needle) else { return ["<no sentence containing \(needle)>"] }
        var seen: [String] = []
        for m in mentions(in: id) where entities[Int(m.entity)].kind == kind {
            let n = entities[Int(m.entity)].name
            if !seen.contains(n) { seen.append(n) }
        }
        return seen
    }

    /// All mentions (entity name, kind, matched text, rule) in the sentence containing `needle`.
    func mentionList(in needle: String) -> [(name: String, kind: EntityKind, type: String, text: String, rule: MentionRule)] {
        guard let id = sentence(containing: needle) else { return [] }
        let s = sentences[Int(id)]
        let bytes = documents[Int(s.document)].text
        return mentions(in: id).map { m in
            let e = entities[Int(m.entity)]
            return (e.name, e.kind, e.type, String(decoding: bytes[Int(m.start)..<Int(m.end)], as: UTF8.self), m.rule)
        }
    }

    func entityIndex(_ name: String, _ kind: EntityKind) -> Int? {
        entities.firstIndex { $0.name == name && $0.kind == kind }
    }
}

/// Collects what a session writes.
final class Collect: SessionOutput {
    var out = ""
    var err = ""
    func write(_ text: String) { out += text }
    func writeError(_ text: String) { err += text }
}

/// Runs `command` on the seeds and expects it to fail with an error that says `message`: the tables of bad commands.
func expectError(_ command: String, saying message: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let r = run(command)
    #expect(!r.ok, "\(command) succeeded: \(r.out.prefix(200))", sourceLocation: sourceLocation)
    #expect(r.err.contains(message), "\(r.err)", sourceLocation: sourceLocation)
}

/// Runs `source` in a fresh session over `corpus` (the seeds by default); `limitForEveryFormat` gives the page as
/// `--limit` does (for every format), not as the terminal's default page.
@discardableResult
func run(_ source: String, format: OutputFormat = .text, limit: Int? = 20, limitForEveryFormat: Bool = false, corpus: Corpus? = nil,
         keepGoing: Bool = false) -> (ok: Bool, out: String, err: String) {
    let output = Collect()
    let session = Session(corpus: corpus ?? Seeds.corpus, loader: Seeds.loaded.loader, corpusPaths: [Paths.seeds], output: output)
    session.settings.format = format
    session.settings.limit = limit
    session.settings.limitIsExplicit = limitForEveryFormat
    session.keepGoing = keepGoing
    let ok = session.run(source, file: "<command>")
    return (ok, output.out, output.err)
}

/// Parses one JSON line into a dictionary.
func jsonObject(_ line: String) -> [String: Any]? {
    guard let data = line.data(using: .utf8) else { return nil }
    return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
}

/// The JSON object one command writes.
func json(_ command: String, limit: Int? = nil, corpus: Corpus? = nil) -> [String: Any] {
    let r = run(command, format: .json, limit: limit, corpus: corpus)
    let lines = r.out.split(separator: "\n")
    #expect(lines.count == 1, "one JSON line per command: \(r.out) \(r.err)")
    return lines.first.flatMap { jsonObject(String($0)) } ?? [:]
}

/// Rows of a JSON sentence result as (doc, text).
func rows(_ object: [String: Any]) -> [[String: Any]] { object["rows"] as? [[String: Any]] ?? [] }

/// The keys of sentence rows in a `find`: (doc id, sentence number) pairs.
func sentenceKeys(_ command: String, corpus: Corpus? = nil) -> Set<String> {
    Set(rows(json(command, corpus: corpus)).map { "\($0["doc"] ?? ""):\($0["sentence"] ?? "")" })
}

/// Splits text with the sentence splitter directly.
func split(_ text: String) -> [String] {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { p in
        SentenceSplitter.split(p, 0..<p.count).map { String(decoding: bytes[$0], as: UTF8.self) }
    }
}

/// Parses a command and returns the diagnostic it throws, if any.
func parseError(_ source: String, file: String = "<command>") -> Diagnostic? {
    do {
        _ = try Parser.parse(source, file: file)
        return nil
    } catch {
        return error
    }
}
