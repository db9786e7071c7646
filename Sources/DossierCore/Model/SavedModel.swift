import Dispatch
import Glibc

/// A saved model's file, kept mapped while a corpus read from it has sections it has not read yet, so that a
/// command reads only what it needs: `count text "tax"` reads the word index and leaves the texts and tables
/// (nine tenths of the file) on disk.
final class SavedModel: @unchecked Sendable {
    let mapped: MappedBytes
    let path: String
    /// The file mapped, so that a damaged one is removed only while it is still the file under `path`.
    private let identity: (device: UInt, inode: UInt)
    /// Its size, time of last modification and time of last change when it was mapped: another program writing into it
    /// in place (a copy or a restore over it) changes them, and with them the bytes this session reads. The change time
    /// cannot be set back (`cp -p` and `rsync --inplace` keep the modification time of their source).
    private let version: (size: Int, modified: timespec, changed: timespec)

    init(_ mapped: MappedBytes, path: String) {
        self.mapped = mapped
        self.path = path
        var info = stat()
        let found = stat(path, &info) == 0
        identity = found ? (UInt(info.st_dev), UInt(info.st_ino)) : (0, 0)
        version = found ? (Int(info.st_size), info.st_mtim, info.st_ctim) : (0, timespec(), timespec())
    }

    /// Whether another program has written into the mapped file since it was mapped. A file renamed over it (a
    /// session saving a model anew) leaves the mapped one as it was, so it does not count.
    var rewrittenInPlace: Bool {
        var info = stat()
        guard stat(path, &info) == 0, (UInt(info.st_dev), UInt(info.st_ino)) == identity else { return false }
        return Int(info.st_size) != version.size || info.st_mtim.tv_sec != version.modified.tv_sec
            || info.st_mtim.tv_nsec != version.modified.tv_nsec || info.st_ctim.tv_sec != version.changed.tv_sec
            || info.st_ctim.tv_nsec != version.changed.tv_nsec
    }

    deinit { mapped.close() }

    /// The bytes of a section once its checksum is verified (its pages are let go as they are summed).
    func bytes(of section: ArchiveSection) throws(ArchiveError) -> UnsafeRawBufferPointer {
        let payload = mapped.payload
        guard section.offset >= 0, section.count >= 0, section.count <= payload.count - section.offset else {
            throw ArchiveError(description: "a section runs past the end of the file")
        }
        let bytes = UnsafeRawBufferPointer(rebasing: payload[section.offset..<(section.offset + section.count)])
        guard BlockChecksum.of(bytes, release: true) == section.checksum else { throw ArchiveError(description: "its checksum does not match") }
        return bytes
    }

    /// Removes the file if it is still the one mapped, so that the next load builds the model again.
    func remove() {
        var info = stat()
        guard stat(path, &info) == 0, (UInt(info.st_dev), UInt(info.st_ino)) == identity else { return }
        unlink(path)
    }
}

/// What a corpus read from a saved model has not read yet, and what reading it needs from the head.
struct UnreadParts: Sendable {
    let file: SavedModel
    let sentenceCount: Int
    let textCounts: [Int]
    let ruleNames: [String]
    /// The vocabulary and word index (nil once read; until everything is read, a count checks the posting lists of
    /// the words it asks for).
    var words: ArchiveSection?
    /// The texts, sentences, mentions, times, and the entity and year indexes (nil once read).
    var tables: ArchiveSection?
}

/// What a command needs of a corpus read from a saved model.
public enum SavedNeed: Sendable {
    /// The vocabulary and the posting lists of these folded words: counts of sentences holding them.
    case words([[UInt8]])
    /// Everything, every index checked.
    case all
}

extension Corpus {
    /// Reads the sections of a saved model that `need` asks for and that are not read yet, each checked as a whole
    /// model file is (checksum, then every index against the tables it points into). Throws what is wrong, and
    /// leaves the corpus as it was.
    mutating func readSaved(_ need: SavedNeed) throws(ArchiveError) {
        guard let unread else { return }
        var read = self
        if let words = unread.words {
            try read.readWords(try unread.file.bytes(of: words), of: unread.file)
            read.unread?.words = nil
        }
        switch need {
        case .words(let words):
            for word in words {
                guard let id = word.withUnsafeBufferPointer({ read.vocabulary.lookup($0) }) else { continue }
                let fits = read.wordPostings.withUnsafeBufferPointer {
                    PostingGaps.fits(UnsafeBufferPointer(rebasing: $0[read.wordOffsets[Int(id)]..<read.wordOffsets[Int(id) + 1]]), below: unread.sentenceCount)
                }
                guard fits else { throw ArchiveError(description: "the word index names sentences that do not exist") }
            }
        case .all:
            read.entities.decode()
            if let tables = unread.tables {
                try read.readTables(try unread.file.bytes(of: tables), unread)
                read.unread?.tables = nil
            }
            if let problem = read.postingsProblem(sentenceCount: unread.sentenceCount) {
                throw ArchiveError(description: problem)
            }
            read.unread = nil
        }
        self = read
    }

    /// Reads the word table and index (its posting lists in place, from the mapped file), and checks their bounds;
    /// the posting lists are checked as they are asked for.
    private mutating func readWords(_ bytes: UnsafeRawBufferPointer, of file: SavedModel) throws(ArchiveError) {
        var input = ArchiveReader(bytes)
        vocabulary = Vocabulary(arena: try input.readArray(of: UInt8.self), offsets: try input.readArray(of: Int32.self),
                                slots: try input.readArray(of: UInt64.self))
        wordOffsets = try input.readArray(of: Int.self)
        wordPostings = PostingBytes(mapping: try input.readBytesInPlace(), of: file)
        wordTotals = try input.readArray(of: Int32.self)
        guard input.left == 0 else { throw ArchiveError(description: "its word index has bytes after it") }
        if let problem = wordIndexShapeProblem() { throw ArchiveError(description: problem) }
    }

    private mutating func readTables(_ bytes: UnsafeRawBufferPointer, _ unread: UnreadParts) throws(ArchiveError) {
        var input = ArchiveReader(bytes)
        try Self.readTexts(into: &documents, counts: unread.textCounts, from: &input)
        let packed = try input.readBytesInPlace()
        let tables = try PackedTables.unpack(packed, sentenceCount: unread.sentenceCount, ruleNames: unread.ruleNames)
        MappedBytes.release(packed, 0..<packed.count)
        (sentences, periods, mentions, mentionStarts) = (tables.sentences, tables.periods, tables.mentions, tables.mentionStarts)
        (times, timeRules) = (tables.times, tables.timeRules)
        (yearSentences, longSpanSentences) = (tables.yearSentences, tables.longSpanSentences)
        entitySentences = Array(repeating: [], count: entities.count)
        guard input.left == 0 else { throw ArchiveError(description: "its tables have bytes after them") }
        if let problem = tableProblem() { throw ArchiveError(description: problem) }
        indexEntities()
        indexTimes()
    }

    /// Copies the documents' texts out of the block that starts the tables, on every core.
    private static func readTexts(into documents: inout [Document], counts: [Int], from input: inout ArchiveReader) throws(ArchiveError) {
        var total = 0
        let starts = counts.map { n in
            defer { total += n }
            return total
        }
        let block = SharedBytes(try input.take(total))
        documents.withUnsafeMutableBufferPointer { buffer in
            let out = DisjointWrites(buffer)
            let workers = min(buffer.count, 16)
            DispatchQueue.concurrentPerform(iterations: workers) { k in
                for d in stride(from: k, to: out.buffer.count, by: workers) {
                    let range = starts[d]..<(starts[d] + counts[d])
                    out.buffer[d].text = [UInt8](fillingCapacity: counts[d]) { text, initialized in
                        UnsafeMutableRawBufferPointer(text).copyMemory(from: UnsafeRawBufferPointer(rebasing: block.bytes[range]))
                        initialized = counts[d]
                    }
                    MappedBytes.release(block.bytes, range)
                }
            }
        }
    }
}

extension Corpus {
    /// The saved model whose mapped bytes the corpus still reads (unread sections, the word index's posting lists).
    var savedModel: SavedModel? { unread?.file ?? wordPostings.mappedFile }
}

extension CorpusLoader {
    /// Reads the corpus again from the documents under `paths` when another program wrote into the saved model it
    /// reads while it was mapped (its answers would come from the new bytes, and its indexes could point anywhere):
    /// the warning says so. Nothing to do for a corpus that reads no saved model, or one left as it was.
    public func readAgainIfRewritten(_ corpus: inout Corpus, paths: [String],
                                     shouldStop: @escaping @Sendable () -> Bool = { false }) throws(LoadStopped) -> [Diagnostic] {
        guard let file = corpus.savedModel, file.rewrittenInPlace else { return [] }
        let at = SourceLocation(file: FileSystem.display(file.path), line: 1, column: 1)
        let warning = Diagnostic(.warning, at: at, "another program wrote into the saved model this session reads while it was open; "
                                 + "reading the documents again", kind: .savedModel)
        let (fresh, diagnostics) = try load(paths, progress: nil, scanned: nil, shouldStop: shouldStop)
        corpus = fresh
        return [warning] + diagnostics.filter { $0.location.file == at.file }
    }

    /// Reads what `need` asks for of a corpus read from a saved model. When a section is damaged, the file is
    /// removed and the corpus read again from the documents under `paths` (and saved again): the warning says so.
    public func readSaved(_ need: SavedNeed, of corpus: inout Corpus, paths: [String],
                          shouldStop: @escaping @Sendable () -> Bool = { false }) throws(LoadStopped) -> [Diagnostic] {
        guard let unread = corpus.unread else { return [] }
        do throws(ArchiveError) {
            try corpus.readSaved(need)
            return []
        } catch {
            unread.file.remove()
            let at = SourceLocation(file: FileSystem.display(unread.file.path), line: 1, column: 1)
            let warning = Diagnostic(.warning, at: at, "the saved model cannot be used (\(error)); reading the documents again", kind: .savedModel)
            let (fresh, diagnostics) = try load(paths, progress: nil, scanned: nil, shouldStop: shouldStop)
            corpus = fresh
            // The documents' own warnings were shown when the corpus was first read; what is said of the model is new.
            return [warning] + diagnostics.filter { $0.location.file == at.file }
        }
    }
}
