import DossierTime
import Foundation
import Glibc

/// A built model saved on disk, so that a large corpus opens again in a fraction of its load time. It is used only
/// while the program and every input (documents, lexicons, manifests, furniture lists) are unchanged, and only
/// when its checksum is right; otherwise the corpus is read from its documents and the file written again.
public struct CorpusCache: Sendable {
    public var directory: String
    /// Corpora with fewer document bytes are read from their documents every time.
    public var minimumBytes: Int
    static let magic = Array("DOSSIER-MODEL\n\0\0".utf8)
    static let formatVersion: UInt32 = 3
    /// Magic, format version, inputs fingerprint, payload length, payload checksum.
    static let headerSize = 48

    public init(directory: String, minimumBytes: Int = 16 << 20) {
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

    /// The key of a load: the folders and lexicons name the file; the program, the format and each input file's
    /// identity, size and change times (as `stat` gives them) make the fingerprint inside it.
    static func key(roots: [String], resources: [String], manifests: [String], documents: [String]) -> Key {
        var name = "roots"
        for root in roots { name += "\n" + (FileSystem.realPath(root) ?? root) }
        name += "\nresources"
        for path in resources.sorted() { name += "\n" + path }
        var inputs = "format \(formatVersion)\nprogram " + stamp("/proc/self/exe") + "\n" + name
        for path in manifests { inputs += "\nmanifest " + (FileSystem.realPath(path) ?? path) + " " + stamp(path) }
        for path in resources.sorted() { inputs += "\nresource " + stamp(path) }
        for path in documents { inputs += "\n" + (path.split(separator: "/").last.map(String.init) ?? path) + " " + stamp(path) }
        return Key(name: Checksum.of(name), inputs: Checksum.of(inputs))
    }

    /// A file's device, inode, size, and modification and status-change times: any write, rename over, or
    /// permission change moves one of them.
    private static func stamp(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "missing" }
        return "\(info.st_dev):\(info.st_ino):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"
    }

    /// Reads the model saved under `key`; `documents` are the files of this load, in order, to give documents
    /// their paths and ids as seen from here.
    func read(_ key: Key, documents: [String]) -> Outcome {
        let file = path(for: key)
        let fd = open(file, O_RDONLY)
        guard fd >= 0 else { return .absent }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, Int(info.st_size) >= Self.headerSize else { return .damaged("it is shorter than its header") }
        var header = [UInt8](repeating: 0, count: Self.headerSize)
        guard pread(fd, &header, Self.headerSize, 0) == Self.headerSize else { return .damaged("its header cannot be read") }
        guard Array(header[0..<16]) == Self.magic else { return .damaged("it is not a Dossier model file") }
        let field = { (offset: Int) in header.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self) } }
        guard field(16) == UInt64(Self.formatVersion), field(24) == key.inputs else { return .absent }
        let length = Int(info.st_size) - Self.headerSize
        guard field(32) == UInt64(length) else { return .damaged("its length is not the one written") }
        guard lseek(fd, off_t(Self.headerSize), SEEK_SET) == off_t(Self.headerSize) else { return .damaged("it cannot be read") }
        var reader = ArchiveReader(fd: fd, length: length)
        defer { reader.close() }
        do throws(ArchiveError) {
            var model = try ModelFile.read(from: &reader)
            guard reader.left == 0 else { return .damaged("it has bytes after the model") }
            guard reader.checksum.value == field(40) else { return .damaged("its checksum does not match") }
            guard model.corpus.documents.count == documents.count else { return .damaged("it holds another number of documents") }
            if let problem = model.corpus.indexProblem() { return .damaged(problem) }
            model.place(documents)
            return .loaded(model.corpus, model.diagnostics)
        } catch {
            // A damaged byte can make a length absurd before the end is reached: read on, and let the checksum say so.
            while reader.left > 0, (try? reader.read(UInt8.self)) != nil {}
            return .damaged(reader.left == 0 && reader.checksum.value != field(40) ? "its checksum does not match" : error.description)
        }
    }

    /// Saves a model under `key`: written to a temporary file beside it, then renamed over the old one, so a
    /// reader never sees half a file. Returns the size written.
    func write(_ corpus: Corpus, diagnostics: [Diagnostic], key: Key) throws(ArchiveError) -> Int {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw ArchiveError(description: "cannot create the folder \(directory): \(error.localizedDescription)")
        }
        let file = path(for: key)
        let (fd, temporary): (Int32, String)
        do throws(FileError) {
            (fd, temporary) = try AtomicFile.createTemporary(beside: file, mode: 0o600)
        } catch {
            throw ArchiveError(description: "cannot save \(file): \(error)")
        }
        var renamed = false
        defer {
            close(fd)
            if !renamed { unlink(temporary) }
        }
        let failed = { ArchiveError(description: "cannot write \(temporary): \(String(cString: strerror(errno)))") }
        guard lseek(fd, off_t(Self.headerSize), SEEK_SET) == off_t(Self.headerSize) else { throw failed() }
        var writer = ArchiveWriter(fd: fd)
        ModelFile(corpus: corpus, diagnostics: diagnostics).write(to: &writer)
        try writer.finish()
        var header = Self.magic
        for field in [UInt64(Self.formatVersion), key.inputs, UInt64(writer.written), writer.checksum.value] {
            withUnsafeBytes(of: field) { header += $0 }
        }
        guard pwrite(fd, header, header.count, 0) == header.count else { throw failed() }
        do throws(FileError) {
            try AtomicFile.replace(file, with: temporary)
        } catch {
            throw ArchiveError(description: "cannot save \(file): \(error)")
        }
        renamed = true
        return Self.headerSize + writer.written
    }
}

/// The contents of a model file: the corpus and the warnings its load gave, which are shown again when it is read.
struct ModelFile {
    var corpus: Corpus
    var diagnostics: [Diagnostic]
    /// For each diagnostic read from a file, the document it is about (its file is that document's path), or -1.
    var diagnosticDocuments: [Int] = []

    /// A time mention with its rule as a number in the file's rule table, so times are written as one block.
    private struct StoredTime: BitwiseCopyable {
        var sentence: Int32
        var start: Int32
        var end: Int32
        var rule: Int32
        var period: Period
        var isCitation: Bool
    }

    func write(to out: inout ArchiveWriter) {
        out.write(corpus.lexiconEntityCount)
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
            out.write(d.text)
            out.write(d.sentences.lowerBound)
            out.write(d.sentences.upperBound)
            out.write(d.paragraphCount)
            out.write(d.byteCount)
        }
        out.write(corpus.sentences)
        out.write(corpus.entities.count)
        for e in corpus.entities {
            out.write(e.name)
            out.write(e.kind.rawValue)
            out.write(e.type)
            out.write(e.aliases.count)
            for alias in e.aliases {
                out.write(alias.text)
                out.write(alias.kind.rawValue)
            }
            out.write(e.relations.count)
            for relation in e.relations {
                out.write(relation.target)
                out.write(relation.role)
                out.write(relation.from)
                out.write(relation.until)
            }
            switch e.origin {
            case .discovered: out.write(false)
            case .lexicon(let location):
                out.write(true)
                out.write(location.file)
                out.write(location.line)
                out.write(location.column)
            }
            out.write(e.container)
        }
        out.write(corpus.mentions)
        out.write(corpus.mentionStarts)
        var rules: [String: Int32] = [:]
        var ruleNames: [String] = []
        let times = corpus.times.map { t in
            let rule = rules[t.rule] ?? {
                ruleNames.append(t.rule)
                rules[t.rule] = Int32(ruleNames.count - 1)
                return Int32(ruleNames.count - 1)
            }()
            return StoredTime(sentence: t.sentence, start: t.start, end: t.end, rule: rule, period: t.period, isCitation: t.isCitation)
        }
        out.write(ruleNames.count)
        for name in ruleNames { out.write(name) }
        out.write(times)
        out.write(corpus.entitySentences.count)
        for list in corpus.entitySentences { out.write(list) }
        out.write(corpus.entityMentionCounts)
        out.write(corpus.vocabulary.arena)
        out.write(corpus.vocabulary.offsets)
        out.write(corpus.vocabulary.slots)
        out.write(corpus.wordOffsets)
        out.write(corpus.wordPostings)
        out.write(corpus.wordTotals)
        out.write(corpus.yearSentences.count)
        for (year, list) in corpus.yearSentences.sorted(by: { $0.key < $1.key }) {
            out.write(year)
            out.write(list)
        }
        out.write(corpus.longSpanSentences)
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
    }

    static func read(from input: inout ArchiveReader) throws(ArchiveError) -> ModelFile {
        func damaged(_ what: String) -> ArchiveError { ArchiveError(description: "it holds an unknown \(what)") }
        func count() throws(ArchiveError) -> Int {
            let n = try input.read(Int.self)
            guard n >= 0, n <= input.left else { throw ArchiveError(description: "a count runs past the end of the file") }
            return n
        }
        func bounds() throws(ArchiveError) -> Range<Int32> {
            let lower = try input.read(Int32.self), upper = try input.read(Int32.self)
            guard lower <= upper else { throw ArchiveError(description: "it holds a reversed range") }
            return lower..<upper
        }
        let lexiconEntityCount = try count()
        var documents: [Document] = []
        for _ in 0..<(try count()) {
            let title = try input.readString()
            let date = try input.read(Period?.self)
            guard let dateSource = DateSource(rawValue: try input.readString()) else { throw damaged("date source") }
            let kind = try input.readOptionalString()
            var fields: [DocumentField] = []
            for _ in 0..<(try count()) { fields.append(DocumentField(key: try input.readString(), value: try input.readString())) }
            let text = try input.readArray(of: UInt8.self)
            documents.append(Document(id: "", path: "", title: title, date: date, dateSource: dateSource, kind: kind, text: text,
                                      sentences: try bounds(), paragraphCount: try input.read(Int.self),
                                      byteCount: try input.read(Int.self), fields: fields))
        }
        let sentences = try input.readArray(of: Sentence.self)
        var entities: [Entity] = []
        for _ in 0..<(try count()) {
            let name = try input.readString()
            guard let kind = EntityKind(rawValue: try input.readString()) else { throw damaged("entity kind") }
            let type = try input.readString()
            var aliases: [Alias] = []
            for _ in 0..<(try count()) {
                let text = try input.readString()
                guard let kind = AliasKind(rawValue: try input.readString()) else { throw damaged("alias kind") }
                aliases.append(Alias(text: text, kind: kind))
            }
            var relations: [Relation] = []
            for _ in 0..<(try count()) {
                relations.append(Relation(target: try input.readString(), role: try input.readString(),
                                          from: try input.read(Period?.self), until: try input.read(Period?.self)))
            }
            var origin = EntityOrigin.discovered
            if try input.read(Bool.self) {
                origin = .lexicon(SourceLocation(file: try input.readString(), line: try input.read(Int.self), column: try input.read(Int.self)))
            }
            entities.append(Entity(name: name, kind: kind, type: type, aliases: aliases, relations: relations, origin: origin,
                                   container: try input.readOptionalString()))
        }
        var corpus = Corpus(entities: Array(entities[0..<min(lexiconEntityCount, entities.count)]))
        corpus.entities = entities
        corpus.documents = documents
        corpus.sentences = sentences
        corpus.mentions = try input.readArray(of: Mention.self)
        corpus.mentionStarts = try input.readArray(of: Int32.self)
        var ruleNames: [String] = []
        for _ in 0..<(try count()) { ruleNames.append(try input.readString()) }
        corpus.times = try input.readArray(of: StoredTime.self).map { t in
            TimeMention(sentence: t.sentence, start: t.start, end: t.end, period: t.period,
                        rule: ruleNames.indices.contains(Int(t.rule)) ? ruleNames[Int(t.rule)] : "", isCitation: t.isCitation)
        }
        var entitySentences: [[Int32]] = []
        for _ in 0..<(try count()) { entitySentences.append(try input.readArray(of: Int32.self)) }
        corpus.entitySentences = entitySentences
        corpus.entityMentionCounts = try input.readArray(of: Int.self)
        corpus.vocabulary = Vocabulary(arena: try input.readArray(of: UInt8.self), offsets: try input.readArray(of: Int32.self),
                                       slots: try input.readArray(of: UInt64.self))
        corpus.wordOffsets = try input.readArray(of: Int.self)
        corpus.wordPostings = try input.readArray(of: UInt8.self)
        corpus.wordTotals = try input.readArray(of: Int32.self)
        var years: [Int: [Int32]] = [:]
        for _ in 0..<(try count()) { years[try input.read(Int.self)] = try input.readArray(of: Int32.self) }
        corpus.yearSentences = years
        corpus.longSpanSentences = try input.readArray(of: Int32.self)
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
        return ModelFile(corpus: corpus, diagnostics: diagnostics, diagnosticDocuments: diagnosticDocuments)
    }

    /// Gives documents their paths and ids from this load's files (the folders may have moved, or the current
    /// folder changed), points warnings at them, and rebuilds the indexes kept out of the file.
    mutating func place(_ files: [String]) {
        for (i, file) in files.enumerated() {
            corpus.documents[i].path = FileSystem.display(file)
            corpus.documents[i].id = Document.id(fileName: file.split(separator: "/").last.map(String.init) ?? file)
        }
        for (k, i) in diagnosticDocuments.enumerated() where files.indices.contains(i) {
            diagnostics[k].location.file = corpus.documents[i].path
        }
        corpus.indexDiscoveredNames()
        corpus.indexNames()
        corpus.disambiguateDocumentIds()
    }
}
