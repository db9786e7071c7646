import Foundation
import Testing
@testable import DossierCore

/// Issue 12 items 4, 6, 7 and issue 11 item 3 at the loader and model: special files, size caps, deep and
/// repeated trees, Ctrl-C during a load, safe writes, forged saved models, endless chains of terms.
@Suite("Hostile files and input")
struct HostileFileTests {
    static let text = "Russia signed a deal with Mali in 2021. The French troops left."

    func load(_ paths: [String]) -> (Corpus, [Diagnostic]) {
        var loader = CorpusLoader()
        _ = loader.addResources(from: Paths.seeds)
        return loader.load(paths)
    }

    /// A UNIX socket bound at `path` (the descriptor stays open until the test ends).
    func bindSocket(_ path: String) -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in path.utf8.enumerated() where i < raw.count - 1 { raw[i] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0, "bind \(path)")
        return fd
    }

    /// Each special file is named like something the loader reads; each is skipped with a warning naming what
    /// it is, without blocking (a FIFO with no writer) or reading forever (/dev/zero).
    @Test(arguments: [
        ("fifo.txt", "a FIFO"), ("fifo.md", "a FIFO"), ("names.lexicon", "a FIFO"), ("list.manifest", "a FIFO"),
        ("zero.txt", "a character device"), ("zero.lexicon", "a character device"), ("socket.md", "a socket"),
    ])
    func specialFilesAreSkippedWithAWarning(name: String, kind: String) throws {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("good.txt", Self.text)
        let path = dir.path + "/" + name
        var socketFD: Int32 = -1
        switch kind {
        case "a FIFO": #expect(mkfifo(path, 0o600) == 0)
        case "a socket": socketFD = bindSocket(path)
        default: #expect(symlink("/dev/zero", path) == 0)
        }
        defer { if socketFD >= 0 { close(socketFD) } }
        let (corpus, diagnostics) = load([dir.path])
        #expect(corpus.documents.map(\.id) == ["good"])
        #expect(diagnostics.contains { $0.location.file.hasSuffix(name) && $0.message == "skipped: \(kind), not a regular file" },
                "\(diagnostics.map(\.message))")
    }

    /// A file or folder whose name is not UTF-8 (Latin-1 "café.txt", "réports" from an old archive) cannot be opened
    /// by its decoded name: it is skipped with a warning saying why and how to rename it, not "No such file".
    @Test(arguments: [false, true])
    func aNameThatIsNotUTF8IsSkippedSayingWhy(folder: Bool) throws {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("good.txt", Self.text)
        var raw = Array((dir.path + (folder ? "/r" : "/caf")).utf8) + [0xE9] + Array((folder ? "ports" : ".txt").utf8) + [0]
        let made = raw.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { name -> Bool in
                if folder { return mkdir(name.baseAddress!, 0o700) == 0 }
                let fd = open(name.baseAddress!, O_WRONLY | O_CREAT, 0o600)
                defer { close(fd) }
                return fd >= 0
            }
        }
        #expect(made)
        let (corpus, diagnostics) = load([dir.path])
        #expect(corpus.documents.map(\.id) == ["good"])
        #expect(diagnostics.map(\.message) == ["skipped: its name is not UTF-8, and Dossier opens files by UTF-8 names; rename it (convmv -f latin1 -t utf8 NAME)"])
        #expect(diagnostics.first?.location.file.hasSuffix(folder ? "/r\u{FFFD}ports" : "/caf\u{FFFD}.txt") == true)
    }

    /// A file named .txt or .md that holds no text (random, compressed or image bytes) is skipped with a warning,
    /// as grep says "binary file matches": its "words" would fill word statistics with noise. A text with a stray NUL,
    /// a short line with two control characters, a log in terminal colours, or UTF-16 with its byte-order mark, is
    /// still read.
    @Test func binaryDataNamedAsTextIsSkipped() throws {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("good.txt", Self.text)
        var generator = SystemRandomNumberGenerator()
        let noise = (0..<20_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        FileManager.default.createFile(atPath: dir.path + "/noise.txt", contents: Data(noise))
        FileManager.default.createFile(atPath: dir.path + "/stray.md", contents: Data(Array("Mali signed it.\u{0} Russia left.".utf8)))
        FileManager.default.createFile(atPath: dir.path + "/short.txt", contents: Data(Array("Mali \u{1}signed\u{2} it.".utf8)))
        FileManager.default.createFile(atPath: dir.path + "/colour.txt", contents: Data(Array(String(repeating: "Mali \u{1B}[31mred\u{1B}[0m. ", count: 40).utf8)))
        FileManager.default.createFile(atPath: dir.path + "/wide.txt", contents: Data([0xFF, 0xFE] + Array("Mali signed it.".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        let (corpus, diagnostics) = load([dir.path])
        #expect(corpus.documents.map(\.id) == ["colour", "good", "short", "stray", "wide"])
        let skipped = diagnostics.filter { $0.location.file.hasSuffix("noise.txt") }
        #expect(skipped.count == 1 && skipped[0].message.hasPrefix("skipped: not text ("), "\(diagnostics.map(\.message))")
    }

    @Test func aSpecialFileGivenByNameIsNotRead() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let fifo = dir.path + "/direct.txt"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: FileError.self) { try FileSystem.read(fifo) }
        #expect((try? ScriptText.read(path: fifo)) == nil)
        #expect((try? ScriptText.read(path: "/dev/zero")) == nil)
    }

    /// A script given by process substitution (`dossier <(echo count)`) is a pipe of the process's own descriptors, with
    /// its writer: read to its end (tester19 #18h).
    @Test func aScriptByProcessSubstitutionIsRead() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]) }
        let text = Array("count\ncount text \"Mali\"\n".utf8)
        #expect(write(ends[1], text, text.count) == text.count)
        close(ends[1])
        let path = "/dev/fd/\(ends[0])"
        #expect(ScriptText.isProcessSubstitution(path))
        #expect(try ScriptText.read(path: path).text == "count\ncount text \"Mali\"\n")
        #expect(!ScriptText.isProcessSubstitution("/dev/fd/x"))
    }

    @Test func filesOverTheLimitAreRefusedWithTheirSize() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.write("big.txt", String(repeating: "Mali. ", count: 2000))
        do {
            _ = try FileSystem.read(path, limit: 1000)
            Issue.record("a file over the limit was read")
        } catch {
            #expect("\(error)".contains("larger than"), "\(error)")
        }
        #expect(try FileSystem.read(path, limit: 12000).bytes.count == 12000)
    }

    /// Folders nested deeper than the limit are skipped with one warning; those within it are read.
    @Test func deepTreesAreWalkedToTheLimitAndNoFurther() {
        let dir = TempDir()
        defer { dir.remove() }
        let within = String(repeating: "d/", count: FileSystem.maximumDepth - 2)
        let beyond = String(repeating: "d/", count: FileSystem.maximumDepth + 5)
        dir.write(within + "shallow.txt", Self.text)
        dir.write(beyond + "deep.txt", Self.text)
        let (corpus, diagnostics) = load([dir.path])
        #expect(corpus.documents.map(\.id) == ["shallow"])
        #expect(diagnostics.filter { $0.message.contains("nested more than") }.count == 1)
    }

    /// A link back up to a folder holding the corpus (or to `/`) would read the whole machine; a link into the system's
    /// folders reads endless files, and one to /proc/self/environ the environment's secrets. They are skipped with a
    /// warning, and the system's folders and files given by name are refused.
    @Test func linksOutToTheMachineAreNotFollowed() throws {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("corp/shown.txt", Self.text)
        dir.write("corp/sub/more.txt", "Mali and Russia signed in 2022.")
        for (name, target) in [("root", "/"), ("up", dir.path), ("proc", "/proc"), ("sibling", dir.path + "/corp/sub"),
                               ("env.txt", "/proc/self/environ"), ("random.txt", "/dev/urandom")] {
            #expect(symlink(target, dir.path + "/corp/" + name) == 0)
        }
        #expect(symlink("b", dir.path + "/corp/a") == 0 && symlink("a", dir.path + "/corp/b") == 0)
        let (corpus, diagnostics) = load([dir.path + "/corp"])
        #expect(corpus.documents.map(\.id).sorted() == ["more", "shown"], "a link inside the corpus is read once")
        #expect(diagnostics.filter { $0.message == "symbolic link loop skipped" }.count == 2, "a -> b -> a is a loop, not dangling")
        #expect(diagnostics.filter { $0.message.contains("which holds") }.count == 2, "\(diagnostics.map(\.message))")
        #expect(diagnostics.contains { $0.message == "system folder skipped" })
        #expect(diagnostics.filter { $0.message.hasSuffix("a system file, skipped") }.count == 1, "a link to a system file is skipped, not read")
        #expect(diagnostics.contains { $0.message == "skipped: a character device, not a regular file" })
        for folder in ["/proc", "/sys/kernel", "/dev", "/proc/self/environ"] {
            let (none, refused) = load([folder])
            #expect(none.documents.isEmpty && refused.contains { $0.severity == .error && $0.message.contains("refused") }, "\(folder)")
        }
    }

    /// A folder or file given by name that cannot be read is an error, as a missing one is (a job reporting an empty
    /// analysis as fine is worse); inside a folder it is a warning and the rest loads. Root reads everything, so the
    /// test needs another user.
    @Test(.enabled(if: getuid() != 0, "root can read files of mode 000"))
    func anUnreadablePathGivenByNameIsAnError() throws {
        let dir = TempDir()
        defer {
            chmod(dir.path + "/corp/sub", 0o755)
            dir.remove()
        }
        dir.write("corp/shown.txt", Self.text)
        dir.write("corp/sub/hidden.txt", Self.text)
        let secret = dir.write("corp/secret.txt", Self.text)
        #expect(chmod(dir.path + "/corp/sub", 0) == 0 && chmod(secret, 0) == 0)
        for given in [dir.path + "/corp/sub", secret] {
            let (_, diagnostics) = load([given])
            #expect(diagnostics.contains { $0.severity == .error }, "\(given): \(diagnostics.map(\.message))")
        }
        let (corpus, inside) = load([dir.path + "/corp"])
        #expect(corpus.documents.map(\.id) == ["shown"])
        #expect(!inside.contains { $0.severity == .error } && inside.count >= 2, "\(inside.map(\.message))")
    }

    /// Hidden files and folders (`.git`, `.draft.txt`) are left out, as `ls` and `grep -r` leave them, and a note says
    /// so once; given by its own path a hidden file is read.
    @Test func hiddenFilesAreLeftOutWithANote() {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("shown.txt", Self.text)
        dir.write(".draft.txt", Self.text + " A draft.")
        dir.write(".git/notes.txt", "Mali and Russia signed in 2022.")
        let (corpus, diagnostics) = load([dir.path])
        #expect(corpus.documents.map(\.id) == ["shown"])
        let notes = diagnostics.filter { $0.message.contains("hidden file or folder") }
        #expect(notes.count == 1 && notes[0].severity == .note && notes[0].message.contains("and 1 more"), "\(diagnostics.map(\.message))")
        let (alone, _) = load([dir.path + "/.draft.txt"])
        #expect(alone.documents.count == 1)
    }

    /// A file reached twice (the same folder given twice, a folder and its subfolder, a link, a hard link) is one
    /// document; the ids are the same as when it is reached once.
    @Test(arguments: [["a", "a"], ["a", "a/sub"], ["a/sub", "a"], ["a", "links"]])
    func aFileReachedTwiceIsReadOnce(roots: [String]) throws {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("a/one.txt", Self.text)
        dir.write("a/sub/two.txt", "Wagner fighters reached Bangui in March 2018.")
        try FileManager.default.createDirectory(atPath: dir.path + "/links", withIntermediateDirectories: true)
        #expect(symlink(dir.path + "/a/one.txt", dir.path + "/links/one-link.txt") == 0)
        #expect(link(dir.path + "/a/sub/two.txt", dir.path + "/links/two-hard.txt") == 0)
        let (corpus, _) = load(roots.map { dir.path + "/" + $0 })
        #expect(corpus.documents.count == 2, "\(corpus.documents.map(\.path))")
        let (once, _) = load([dir.path + "/a"])
        #expect(Set(corpus.documents.map(\.id)) == Set(once.documents.map(\.id)))
        #expect(corpus.duplicateGroups.isEmpty)
    }

    /// Documents with the same text under different names are one group; the first is counted, the rest flagged.
    @Test func sameTextUnderTwoNamesIsAGroup() {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("a.txt", Self.text)
        dir.write("b.txt", "A different report on Bamako in 2019.")
        dir.write("copy/a-again.txt", Self.text)
        dir.write("z.md", Self.text + "\n")
        let (corpus, _) = load([dir.path])
        let ids = corpus.documents.map(\.id)
        #expect(corpus.duplicateGroups.map { $0.map { ids[Int($0)] } } == [["a", "copy/a-again", "z"]] ||
                corpus.duplicateGroups.map { $0.map { ids[Int($0)] } } == [["a", "a-again", "z"]], "\(ids) \(corpus.duplicateGroups)")
        #expect(zip(ids, corpus.isDuplicate).filter(\.1).map(\.0).count == 2)
        #expect(corpus.isDuplicate[ids.firstIndex(of: "a")!] == false)
        #expect(corpus.isDuplicate[ids.firstIndex(of: "b")!] == false)
    }

    /// `find doc` of a repeat finds nothing (its sentences count once, under the first copy) and says where they are.
    @Test(arguments: [("find doc z", "doc z repeats the text of a, whose sentences count once, there: find doc a"),
                      ("find doc z and in 2019", "doc z repeats the text of a"),
                      ("find doc b and in 1990", nil)] as [(String, String?)])
    func findingARepeatSaysWhereItsSentencesAre(_ command: String, _ note: String?) {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("a.txt", Self.text)
        dir.write("b.txt", "A different report on Bamako in 2019.")
        dir.write("z.md", Self.text + "\n")
        let (corpus, _) = load([dir.path])
        let o = json(command, corpus: corpus)
        #expect(o["count"] as? Int == 0)
        #expect((o["note"] as? String)?.hasPrefix(note ?? "-") ?? (note == nil), "\(o)")
    }

    /// Ids stay what they were when another folder with the same file names is loaded after them: the first
    /// document keeps its file name, a later one gets folders added until its id is new.
    @Test func idsStayStableWhenMoreIsLoaded() {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("first/report.txt", Self.text)
        dir.write("first/sub/report.txt", "Wagner fighters reached Bangui in March 2018.")
        dir.write("second/sub/report.txt", "France left Mali in 2022.")
        let (before, _) = load([dir.path + "/first"])
        let (after, _) = load([dir.path + "/first", dir.path + "/second"])
        #expect(before.documents.map(\.id) == ["report", "sub/report"])
        #expect(Array(after.documents.map(\.id).prefix(2)) == before.documents.map(\.id))
        #expect(after.documents.map(\.id).last == "second/sub/report")
    }

    /// Ctrl-C (here: `shouldStop` turning true after a number of checks) stops a load while it searches folders
    /// and while it reads documents; nothing of it is returned.
    @Test(arguments: [0, 3, 40])
    func aLoadStopsWhenAsked(after checks: Int) {
        let dir = TempDir()
        defer { dir.remove() }
        for i in 0..<30 { dir.write("f\(i)/doc\(i).txt", Self.text) }
        let seen = Counter()
        var loader = CorpusLoader()
        _ = loader.addResources(from: Paths.seeds)
        do {
            _ = try loader.load([dir.path], progress: nil, scanned: nil, shouldStop: { seen.add(1) > checks })
            Issue.record("the load ran to the end")
        } catch {}
        #expect(seen.add(0) <= checks + 3, "it stopped soon after being asked")
        let (whole, _) = loader.load([dir.path])
        #expect(whole.documents.count == 30)
    }

    /// The load checks for Ctrl-C at every folder and every document, so a stop is seen within one of them.
    @Test func aLoadChecksForCtrlCAtEachFolderAndDocument() throws {
        let dir = TempDir()
        defer { dir.remove() }
        for i in 0..<12 { dir.write("f\(i)/doc\(i).txt", Self.text) }
        let seen = Counter()
        var loader = CorpusLoader()
        _ = loader.addResources(from: Paths.seeds)
        let (corpus, _) = try loader.load([dir.path], progress: nil, scanned: nil, shouldStop: { seen.add(1) < 0 })
        #expect(corpus.documents.count == 12)
        #expect(seen.add(0) >= 13 + 12, "one check per folder (13) and per document (12)")
    }

    /// One long document asks about Ctrl-C every 256 sentences while it is analysed (a 50 MB file kept the prompt
    /// waiting 5 s), and a stop inside it gives the whole load up: no document cut short is kept.
    @Test func aLongDocumentIsStoppedInside() throws {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("long.txt", String(repeating: "Russia met Mali officials in Bamako in 2005 while France watched. ", count: 3000))
        var loader = CorpusLoader()
        _ = loader.addResources(from: Paths.seeds)
        let seen = Counter()
        let (whole, _) = try loader.load([dir.path], progress: nil, scanned: nil, shouldStop: { seen.add(1) < 0 })
        #expect(whole.sentenceCount == 3000)
        let checks = seen.add(0)
        #expect(checks >= 3000 / 256, "it asked \(checks) times")
        let asked = Counter()
        #expect(throws: LoadStopped.self) {
            _ = try loader.load([dir.path], progress: nil, scanned: nil, shouldStop: { asked.add(1) > checks - 3 })
        }
    }

    /// A long flat chain of `or` or `and` is parsed into a shallow tree, evaluated and freed without deep
    /// recursion; its answer is the one a short chain gives.
    @Test(arguments: ["or", "and"])
    func longChainsAreAnswered(joiner: String) throws {
        let terms = 20_000
        let source = "count " + Array(repeating: "actor Russia", count: terms).joined(separator: " \(joiner) ")
        let statements = try Parser.parse(source, file: "<command>")
        func depth(_ f: Filter) -> Int {
            switch f {
            case .and(let a, let b), .or(let a, let b): 1 + max(depth(a), depth(b))
            case .not(let a): 1 + depth(a)
            default: 1
            }
        }
        guard case .count(let filter?, _, _) = statements.first?.command else { throw Expected.count }
        #expect(depth(filter) <= 16)
        let long = run(source)
        let short = run("count actor Russia")
        #expect(long.ok && long.out == short.out, "\(long.err)")
    }

    enum Expected: Error { case count }

    @Test func aQuotedStringMayHoldALineBreak() throws {
        let statements = try Parser.parse("find \"Wagner\ncount by doc\"", file: "<command>")
        #expect(statements.count == 1)
        guard case .find(.phrase(let phrase, _)?, _) = statements.first?.command else {
            Issue.record("\(statements)")
            return
        }
        #expect(phrase == "Wagner\ncount by doc")
    }
}
