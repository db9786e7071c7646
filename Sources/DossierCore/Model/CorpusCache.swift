import Dispatch
import DossierTime
import Foundation
import Glibc

/// A built model saved on disk, so that a large corpus opens again in a fraction of its load time. It is used only
/// while the program and every input (documents, lexicons, manifests, furniture lists) are unchanged, and only
/// when its checksum is right; otherwise the corpus is read from its documents and the file written again.
public struct CorpusCache: Sendable {
    public var directory: String
    /// Corpora with fewer document bytes are read from their documents every time. Reading a saved model pays from
    /// the first kilobyte (a 3 KB folder: 50 M instructions from its model, 71 M from its text; the bundled 60 KB:
    /// 52 M against 94 M), but each model holds over 1 MB of the lexicon's tables, and a model for every small
    /// folder a user or a transcript's sandbox loads would fill the cache folder: 32 KB keeps those out.
    public var minimumBytes: Int
    static let formatVersion: UInt32 = 8
    static let format = ArchiveFile.Format(magic: Array("DOSSIER-MODEL\n\0\0".utf8), version: formatVersion, name: "model",
                                           checksumsTail: true)

    public init(directory: String, minimumBytes: Int = 32 << 10) {
        self.directory = directory
        self.minimumBytes = minimumBytes
    }

    /// `$DOSSIER_CACHE`, else `$XDG_CACHE_HOME/dossier`, else `~/.cache/dossier`.
    public static func defaultDirectory(environment: [String: String]) -> String? {
        if let dir = environment["DOSSIER_CACHE"], !dir.isEmpty { return dir }
        if let dir = environment["XDG_CACHE_HOME"], dir.hasPrefix("/") { return dir + "/dossier" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/dossier" }
        return nil
    }

    /// What identifies a model file: which one to use (by corpus folders and lexicons), and the state of every input.
    struct Key {
        var name: UInt64
        var inputs: UInt64
    }

    /// What reading a model file gave.
    enum Outcome {
        case loaded(Corpus, [Diagnostic])
        /// No file, or one built from other inputs or by another build of the program: rebuilt without a word.
        case absent
        case damaged(String)
    }

    func path(for key: Key) -> String {
        directory + "/" + String(key.name, radix: 16) + ".model"
    }

    /// The key of a load: the folders name the file, so each set of them keeps one, replaced when any input changes
    /// (a lexicon or stop-word list added, edited or given instead of another included); the program, the format,
    /// the lexicons and each input file's identity, size and change times (as `stat` gives them) make the
    /// fingerprint inside it.
    static func key(roots: [String], resources: [String], manifests: [String], documents: [String]) -> Key {
        var name = "roots"
        for root in roots { name += "\n" + (FileSystem.realPath(root) ?? root) }
        var inputs = "format \(formatVersion)\nprogram " + stamp("/proc/self/exe") + "\n" + name + "\nresources"
        for path in resources.sorted() { inputs += "\n" + path }
        for path in manifests { inputs += "\nmanifest " + (FileSystem.realPath(path) ?? path) + " " + stamp(path) }
        for path in resources.sorted() { inputs += "\nresource " + stamp(path) }
        for path in documents { inputs += "\n" + FileSystem.fileName(path) + " " + stamp(path) }
        return Key(name: Checksum.of(name), inputs: Checksum.of(inputs))
    }

    /// A file's device, inode, size, and modification and status-change times: any write, rename over, or
    /// permission change moves one of them.
    static func stamp(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "missing" }
        return "\(info.st_dev):\(info.st_ino):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"
    }

    /// Reads the model saved under `key`; `documents` are the files of this load, in order, to give documents
    /// their paths and ids as seen from here.
    /// `lexicon` is the lexicon's entities (expanded) as this load has them: the file holds only the entities
    /// discovered in the text, since the inputs it was built from (lexicons included) are those of this load.
    func read(_ key: Key, documents: [String], lexicon: EntityTable) -> Outcome {
        let path = path(for: key)
        let file: SavedModel
        switch ArchiveFile.open(path, format: Self.format, key: key.inputs) {
        case .absent: return .absent
        case .damaged(let why): return .damaged(why)
        case .payload(let bytes): file = SavedModel(bytes, path: path)
        }
        do throws(ArchiveError) {
            var model = try ModelFile.read(file, lexicon: lexicon)
            guard model.place(documents) else { return .damaged("it holds another number of documents") }
            return .loaded(model.corpus, model.diagnostics)
        } catch {
            return .damaged(error.description)
        }
    }

    /// Saves a model under `key`: written to a temporary file beside it, then renamed over the old one, so a
    /// reader never sees half a file. Returns the size written.
    /// `files` are the files the documents were read from, in order: a collection gives none or several.
    func write(_ corpus: Corpus, diagnostics: [Diagnostic], files: [String], key: Key) throws(ArchiveError) -> Int {
        try ArchiveFile.write(path(for: key), format: Self.format, key: key.inputs) { writer in
            ModelFile(corpus: corpus, diagnostics: diagnostics, documentsPerFile: ModelFile.documentsPerFile(corpus, files)).write(to: &writer)
        }
    }
}

/// The contents of a model file: the corpus and the warnings its load gave, which are shown again when it is read.
struct ModelFile {
    var corpus: Corpus
    var diagnostics: [Diagnostic]
    /// For each diagnostic read from a file, the document it is about (its file is that document's path), or -1.
    var diagnosticDocuments: [Int] = []
    /// For each document read from a file, its line and id when it is a record of a collection (JSON Lines, CSV).
    var records: [(line: Int, id: String)?] = []
    /// How many documents each file of the load gave, in order: one for a file, none or several for a collection.
    var documentsPerFile: [Int32] = []

    /// How many of the corpus's documents, in order, each file gave (the documents' paths are the files' as shown).
    static func documentsPerFile(_ corpus: Corpus, _ files: [String]) -> [Int32] {
        var d = 0
        return files.map { file in
            let shown = FileSystem.display(file)
            let first = d
            while d < corpus.documents.count, corpus.documents[d].path == shown || record(of: corpus.documents[d].path)?.file == shown[...] { d += 1 }
            return Int32(d - first)
        }
    }

    /// The word index, then the tables, each a section verified and read when a command first needs it (a count of
    /// a word reads only the first); then the head every start reads (documents, the entities discovered, warnings,
    /// where the sections lie), which the header's checksum covers, and last where the head starts.
    func write(to out: inout ArchiveWriter) {
        out.beginSection()
        out.write(corpus.vocabulary.arena)
        out.write(corpus.vocabulary.offsets)
        out.write(corpus.vocabulary.slots)
        out.write(corpus.wordOffsets)
        out.write(corpus.wordPostings.count)
        corpus.wordPostings.withUnsafeBufferPointer { out.writeElements(of: $0) }
        out.write(corpus.wordTotals)
        let words = out.endSection()
        out.beginSection()
        for d in corpus.documents { out.writeElements(of: d.text) }
        let ruleNames = corpus.timeRules.values
        out.write(PackedTables.pack(corpus))
        let tables = out.endSection()
        let head = out.restartChecksum()
        out.write(corpus.lexiconEntityCount)
        out.write(documentsPerFile)
        out.write(corpus.documents.count)
        let documentIndex = Dictionary(corpus.documents.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
        for d in corpus.documents {
            out.write(d.title)
            out.write(d.date)
            out.write(d.dateSource.rawValue)
            out.write(d.kind)
            out.write(d.fields.count)
            for field in d.fields {
                out.write(field.key)
                out.write(field.value)
            }
            out.write(d.text.count)
            out.write(d.sentences.lowerBound)
            out.write(d.sentences.upperBound)
            out.write(d.paragraphCount)
            out.write(d.byteCount)
            // A record of a collection keeps its line and the id its row gave; a file's document takes both from its file.
            let record = Self.record(of: d.path)
            out.write(record.flatMap { Int($0.line) } ?? 0)
            out.write(record == nil ? "" : d.id)
        }
        out.write(corpus.sentences.count)
        out.write(corpus.entities.count - corpus.lexiconEntityCount)
        for e in corpus.entities[corpus.lexiconEntityCount...] { out.write(e) }
        out.write(corpus.entityMentionCounts)
        out.write(ruleNames.count)
        for name in ruleNames { out.write(name) }
        out.write(corpus.duplicateGroups.count)
        for group in corpus.duplicateGroups { out.write(group) }
        out.write(diagnostics.count)
        for d in diagnostics {
            out.write(d.severity.rawValue)
            out.write(documentIndex[d.location.file] ?? -1)
            if documentIndex[d.location.file] == nil { out.write(d.location.file) }
            out.write(d.location.line)
            out.write(d.location.column)
            out.write(d.length)
            out.write(d.message)
            out.write(d.suggestion)
            out.write(d.sourceLine)
        }
        out.write(words)
        out.write(tables)
        out.write(head)
    }

    /// Reads the head of a model file (its last part, whose checksum `ArchiveFile.open` verified); the corpus keeps
    /// the file to read its sections from when a command first needs them.
    static func read(_ file: SavedModel, lexicon: EntityTable) throws(ArchiveError) -> ModelFile {
        let payload = file.mapped.payload
        let head = payload.loadUnaligned(fromByteOffset: payload.count - 8, as: Int.self)
        var input = ArchiveReader(UnsafeRawBufferPointer(rebasing: payload[head..<(payload.count - 8)]))
        func damaged(_ what: String) -> ArchiveError { ArchiveError(description: "it holds an unknown \(what)") }
        func count() throws(ArchiveError) -> Int { try input.readCount() }
        func bounds() throws(ArchiveError) -> Range<Int32> {
            let lower = try input.read(Int32.self), upper = try input.read(Int32.self)
            guard lower <= upper else { throw ArchiveError(description: "it holds a reversed range") }
            return lower..<upper
        }
        guard try count() == lexicon.count else { throw ArchiveError(description: "it was built with another lexicon") }
        let documentsPerFile = try input.readArray(of: Int32.self)
        var documents: [Document] = []
        var records: [(line: Int, id: String)?] = []
        var textCounts: [Int] = []
        for _ in 0..<(try count()) {
            let title = try input.readString()
            let date = try input.read(Period?.self)
            guard let dateSource = DateSource(rawValue: try input.readString()) else { throw damaged("date source") }
            let kind = try input.readOptionalString()
            var fields: [DocumentField] = []
            for _ in 0..<(try count()) { fields.append(DocumentField(key: try input.readString(), value: try input.readString())) }
            let textCount = try input.read(Int.self)
            guard textCount >= 0, textCount <= head else { throw ArchiveError(description: "a text runs past the end of the file") }
            textCounts.append(textCount)
            documents.append(Document(id: "", path: "", title: title, date: date, dateSource: dateSource, kind: kind, text: [],
                                      sentences: try bounds(), paragraphCount: try input.read(Int.self),
                                      byteCount: try input.read(Int.self), fields: fields))
            let line = try input.read(Int.self)
            guard line >= 0 else { throw damaged("record line") }
            records.append(line == 0 ? nil : (line, try input.readString()))
            if line == 0 { _ = try input.readString() }
        }
        let sentenceCount = try input.read(Int.self)
        guard sentenceCount >= 0, sentenceCount < Int(Int32.max),
              documents.allSatisfy({ $0.sentences.lowerBound >= 0 && $0.sentences.upperBound <= sentenceCount && $0.paragraphCount >= 0 }) else {
            throw ArchiveError(description: "a document's sentences lie outside the sentence table")
        }
        var discovered: [Entity] = []
        var lastFile = ""
        for _ in 0..<(try count()) { discovered.append(try input.readEntity(lastFile: &lastFile)) }
        var corpus = Corpus(entities: lexicon)
        corpus.entities.append(contentsOf: discovered)
        corpus.documents = documents
        corpus.entityMentionCounts = try input.readArray(of: Int.self)
        guard corpus.entityMentionCounts.count == corpus.entities.count else {
            throw ArchiveError(description: "the entity index does not fit the entity table")
        }
        var ruleNames: [String] = []
        for _ in 0..<(try count()) { ruleNames.append(try input.readString()) }
        // Copies are found by hashing every text when a corpus is built; a model keeps the groups it found.
        corpus.isDuplicate = Array(repeating: false, count: documents.count)
        for _ in 0..<(try count()) {
            let group = try input.readArray(of: Int32.self)
            guard group.count >= 2, group.allSatisfy({ $0 >= 0 && Int($0) < documents.count }) else { throw damaged("group of copies") }
            for d in group.dropFirst() { corpus.isDuplicate[Int(d)] = true }
            corpus.duplicateGroups.append(group)
        }
        var diagnostics: [Diagnostic] = []
        var diagnosticDocuments: [Int] = []
        for _ in 0..<(try count()) {
            guard let severity = Severity(rawValue: try input.readString()) else { throw damaged("severity") }
            let document = try input.read(Int.self)
            diagnosticDocuments.append(document)
            let location = SourceLocation(file: document < 0 ? try input.readString() : "", line: try input.read(Int.self), column: try input.read(Int.self))
            let length = try input.read(Int.self)
            diagnostics.append(Diagnostic(severity, at: location, length: length, try input.readString(),
                                          suggestion: try input.readOptionalString(), sourceLine: try input.readOptionalString()))
        }
        let words = try input.read(ArchiveSection.self), tables = try input.read(ArchiveSection.self)
        for section in [words, tables] where section.offset < 0 || section.count < 0 || section.count > head - section.offset {
            throw ArchiveError(description: "a section runs past the end of the file")
        }
        guard input.left == 0 else { throw ArchiveError(description: "it has bytes after the model") }
        corpus.unread = UnreadParts(file: file, sentenceCount: sentenceCount, textCounts: textCounts, ruleNames: ruleNames,
                                    words: words, tables: tables)
        return ModelFile(corpus: corpus, diagnostics: diagnostics, diagnosticDocuments: diagnosticDocuments, records: records,
                         documentsPerFile: documentsPerFile)
    }

    /// Gives documents their paths and ids from this load's files (the folders may have moved, or the current
    /// folder changed), points warnings at them, and rebuilds the indexes kept out of the file. A file is one document;
    /// a collection (JSON Lines, CSV) is its records, saved in a row as `FILE:LINE` with the ids their rows gave.
    /// False when the documents saved are not the files' (another number of them).
    mutating func place(_ files: [String]) -> Bool {
        guard documentsPerFile.count == files.count, documentsPerFile.reduce(0, { $0 + Int($1) }) == corpus.documents.count,
              documentsPerFile.allSatisfy({ $0 >= 0 }) else { return false }
        let cwd = FileSystem.currentDirectory()
        var d = 0
        for (file, count) in zip(files, documentsPerFile) {
            let shown = FileSystem.display(file, from: cwd)
            for _ in 0..<count {
                if let record = records[d] {
                    corpus.documents[d].path = "\(shown):\(record.line)"
                    corpus.documents[d].id = record.id
                } else {
                    corpus.documents[d].path = shown
                    corpus.documents[d].id = Document.id(fileName: FileSystem.fileName(file))
                }
                d += 1
            }
        }
        for (k, i) in diagnosticDocuments.enumerated() where corpus.documents.indices.contains(i) {
            diagnostics[k].location.file = corpus.documents[i].path
        }
        corpus.indexNames()
        corpus.disambiguateDocumentIds()
        return true
    }

    /// A collection record's path, `FILE:LINE`, as its file and line; nil for a file's document.
    private static func record(of path: String) -> (file: Substring, line: Substring)? {
        guard let colon = path.lastIndex(of: ":") else { return nil }
        let line = path[path.index(after: colon)...]
        guard !line.isEmpty, line.allSatisfy(\.isASCII), line.allSatisfy(\.isNumber),
              DocumentRecords.isCollection(String(path[..<colon])) || NewsFeed.mayHoldFeed(String(path[..<colon])) else { return nil }
        return (path[..<colon], line)
    }
}

extension ArchiveWriter {
    /// An entity field by field: its name, kind, type, aliases, relations, origin and container.
    mutating func write(_ e: Entity) {
        write(e.name)
        write(e.kind.rawValue)
        write(e.type)
        write(e.aliases.count)
        for alias in e.aliases {
            write(alias.text)
            write(alias.kind.rawValue)
        }
        write(e.relations.count)
        for relation in e.relations {
            write(relation.target)
            write(relation.role)
            write(relation.from)
            write(relation.until)
        }
        switch e.origin {
        case .discovered: write(false)
        case .lexicon(let location):
            write(true)
            write(location.file)
            write(location.line)
            write(location.column)
        }
        write(e.container)
    }
}

extension ArchiveReader {
    /// A count of items that each take at least one byte: never more than the bytes left.
    mutating func readCount() throws(ArchiveError) -> Int {
        let n = try read(Int.self)
        guard n >= 0, n <= left else { throw ArchiveError(description: "a count runs past the end of the file") }
        return n
    }

    /// An entity as `ArchiveWriter.write(_: Entity)` wrote it.
    /// An entity. `lastFile` is the lexicon file of the entity read before, whose string the next entity of the same file
    /// shares instead of making its own (thousands of entities come from a few files).
    mutating func readEntity(lastFile: inout String) throws(ArchiveError) -> Entity {
        func damaged(_ what: String) -> ArchiveError { ArchiveError(description: "it holds an unknown \(what)") }
        let name = try readString()
        guard let kind = try readCase(Self.entityKinds) else { throw damaged("entity kind") }
        let type = try readString()
        var aliases: [Alias] = []
        let aliasCount = try readCount()
        aliases.reserveCapacity(aliasCount)
        for _ in 0..<aliasCount {
            let text = try readString()
            guard let kind = try readCase(Self.aliasKinds) else { throw damaged("alias kind") }
            aliases.append(Alias(text: text, kind: kind))
        }
        var relations: [Relation] = []
        for _ in 0..<(try readCount()) {
            relations.append(Relation(target: try readString(), role: try readString(),
                                      from: try read(Period?.self), until: try read(Period?.self)))
        }
        var origin = EntityOrigin.discovered
        if try read(Bool.self) {
            let file = try take(try read(Int.self))
            if !Self.same(lastFile, file) { lastFile = String(decoding: file.bindMemory(to: UInt8.self), as: UTF8.self) }
            origin = .lexicon(SourceLocation(file: lastFile, line: try read(Int.self), column: try read(Int.self)))
        }
        return Entity(name: name, kind: kind, type: type, aliases: aliases, relations: relations, origin: origin,
                      container: try readOptionalString())
    }

    /// The cases of the kinds an entity is written with, each beside its raw value's bytes: made once, where asking
    /// `allCases` made an array for every entity and alias of a start-up.
    private static let entityKinds = EntityKind.allCases.map { ($0, Array($0.rawValue.utf8)) }
    private static let aliasKinds = AliasKind.allCases.map { ($0, Array($0.rawValue.utf8)) }

    /// A case of an enumeration written as its raw value, compared as bytes rather than made into a string.
    private mutating func readCase<T>(_ cases: [(T, [UInt8])]) throws(ArchiveError) -> T? {
        let bytes = try take(try read(Int.self))
        return cases.first { $0.1.count == bytes.count && $0.1.withUnsafeBytes { memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 } }?.0
    }

    /// Whether a string's UTF-8 is these bytes.
    private static func same(_ string: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
        string.utf8.count == bytes.count && string.utf8.withContiguousStorageIfAvailable {
            $0.isEmpty || memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0
        } ?? false
    }
}
