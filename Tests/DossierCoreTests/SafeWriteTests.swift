import Foundation
import Synchronization
import Testing
@testable import DossierCore

/// Issue 12 item 6: exports and saved models never write through a planted name, never replace what is not a
/// regular file, and a saved model whose numbers do not fit its own arrays is refused even with a right checksum.
@Suite("Safe writes")
struct SafeWriteTests {
    func export(to path: String, force: Bool = true) -> (ok: Bool, err: String) {
        let r = run("export find actor Wagner to \"\(path)\"\(force ? " force" : "")")
        return (r.ok, r.err)
    }

    @Test(arguments: ["folder", "fifo", "link", "dangling link"])
    func exportNeverReplacesWhatIsNotARegularFile(kind: String) throws {
        let dir = TempDir()
        defer { dir.remove() }
        let target = dir.path + "/out.csv"
        let kept = dir.write("kept.txt", "keep me")
        switch kind {
        case "folder": try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: false)
        case "fifo": #expect(mkfifo(target, 0o600) == 0)
        case "link": #expect(symlink(kept, target) == 0)
        default: #expect(symlink(dir.path + "/nowhere.csv", target) == 0)
        }
        let r = export(to: target)
        #expect(!r.ok)
        #expect(r.err.contains("not replaced"), "\(r.err)")
        #expect(try String(contentsOfFile: kept, encoding: .utf8) == "keep me")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/nowhere.csv"))
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }
        #expect(left.isEmpty, "temporary files left: \(left)")
    }

    @Test func exportReplacesARegularFileWithForceOnly() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let target = dir.write("out.csv", "old")
        #expect(export(to: target, force: false).ok == false)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old")
        #expect(export(to: target).ok)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("doc,"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.csv"])
    }

    @Test func temporaryFilesAreCreatedExclusively() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let (fd, temporary) = try AtomicFile.createTemporary(beside: dir.path + "/x.csv", mode: 0o600)
        close(fd)
        #expect(temporary.hasPrefix(dir.path + "/.x.csv."))
        // The same name again is refused by O_EXCL (it is never opened through what is there).
        #expect(open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600) == -1 && errno == EEXIST)
    }

    /// A model written from a corpus whose indexes were forged: its checksum is right, yet the section that holds
    /// the forgery is refused when a command first needs it (a count of words needs only the word index).
    @Test(arguments: ["sentence document", "mention entity", "word postings", "mention starts", "sentence times"])
    func aForgedModelIsRefused(forgery: String) throws {
        let cache = TempDir()
        defer { cache.remove() }
        var corpus = Seeds.corpus
        switch forgery {
        case "sentence document": corpus.sentences[3].document = 9999
        case "mention entity": corpus.mentions[0].entity = Int32(corpus.entities.count + 5)
        case "word postings": corpus.wordPostings[corpus.wordPostings.count - 1] = 0xFF
        case "mention starts": corpus.mentionStarts[1] = Int32(corpus.mentions.count + 1)
        default: corpus.times[0].sentence = corpus.times[corpus.times.count - 1].sentence
        }
        #expect(corpus.indexProblem() != nil)
        let store = CorpusCache(directory: cache.path, minimumBytes: 0)
        let files = Seeds.corpus.documents.map(\.path)
        let key = CorpusCache.key(roots: [Paths.seeds], resources: [], manifests: [], documents: files)
        _ = try store.write(corpus, diagnostics: [], files: files, key: key)
        guard case .loaded(var read, _) = store.read(key, documents: files, lexicon: EntityTable(Array(corpus.entities[..<corpus.lexiconEntityCount]))) else {
            Issue.record("the model's head was refused")
            return
        }
        // The forged list is the last word's: a count of that word finds it; of another word, only the tables do.
        let lastWord = Array(corpus.vocabulary.bytes(Int32(corpus.vocabulary.count - 1)))
        let need = forgery == "word postings" ? SavedNeed.words([lastWord]) : .all
        if forgery != "word postings" { try read.readSaved(.words([lastWord])) }
        do throws(ArchiveError) {
            try read.readSaved(need)
            Issue.record("a forged model was used")
        } catch {
            #expect(!error.description.contains("checksum"), "\(error)")
            #expect(read.unread != nil, "the corpus is left as it was")
        }
    }

    /// Several threads reading one saved model at once (sessions in one process do): each gets the whole corpus. Under
    /// `scripts/sanitize thread` this is the race an empty array read from the model made in the standard library's
    /// shared empty array.
    @Test func readersOfOneModelAtOnceEachGetTheCorpus() throws {
        let cache = TempDir()
        defer { cache.remove() }
        let store = CorpusCache(directory: cache.path, minimumBytes: 0)
        let files = Seeds.corpus.documents.map(\.path)
        let key = CorpusCache.key(roots: [Paths.seeds], resources: [], manifests: [], documents: files)
        _ = try store.write(Seeds.corpus, diagnostics: [], files: files, key: key)
        #expect(Seeds.corpus.entitySentences.contains { $0.isEmpty }, "the seeds have no entity without sentences: no empty array is read")
        let sentences = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            guard case .loaded(var corpus, _) = store.read(key, documents: files, lexicon: EntityTable(Array(Seeds.corpus.entities[..<Seeds.corpus.lexiconEntityCount]))),
                  (try? corpus.readSaved(.all)) != nil else { return }
            sentences.withLock { $0.append(corpus.sentences.count) }
        }
        #expect(sentences.withLock { $0 } == Array(repeating: Seeds.corpus.sentences.count, count: 4))
    }

    @Test func anUntouchedModelPassesTheCheck() {
        #expect(Seeds.corpus.indexProblem() == nil)
    }
}
