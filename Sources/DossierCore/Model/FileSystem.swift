import Foundation
import Glibc

/// A failed file operation, with the system's reason.
public struct FileError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ what: String, errno code: Int32 = errno) {
        description = "\(what): \(String(cString: strerror(code)))"
    }
    init(message: String) { description = message }
}

/// The few POSIX file operations the loader needs: reading whole files, listing and walking folders safely.
public enum FileSystem {
    static let documentExtensions = Set(["txt", "md"]).union(DocumentRecords.extensions).union(WebPage.extensions).union(NewsFeed.extensions)
        .union(Subtitles.extensions)

    /// The folder paths are shown from instead of the current one: a transcript's while `dossier check` replays it.
    private static let shownFrom = Locked<String?>(nil)

    /// Shows paths relative to `folder` (an absolute path; nil: the current folder again), so that a transcript
    /// replays with the paths it was recorded with whatever folder `dossier check` runs in.
    public static func showPaths(from folder: String?) {
        shownFrom.withLock { $0 = folder }
    }

    /// The folder holding `path`, as an absolute path with links resolved (nil when it does not exist).
    public static func absoluteFolder(of path: String) -> String? {
        let folder = (path as NSString).deletingLastPathComponent
        return realPath(folder.isEmpty ? "." : folder)
    }

    /// A path as users see it: a file of the bundled corpus as `seeds/NAME` wherever the program runs, else relative to
    /// the current folder (`cwd`, else the one `showPaths` set, else asked for) when inside it, else as it is.
    static func display(_ path: String, from cwd: String? = nil) -> String {
        if let bundled = BundledCorpus.shown(path) { return bundled }
        let base = cwd ?? shownFrom.withLock { $0 }
        // A path given relative to the current folder ("corpus/a.txt", "./a.txt"), shown from another one.
        if !path.hasPrefix("/"), base != nil, let here = currentDirectory() {
            return display(((here + "/" + path) as NSString).standardizingPath, from: base)
        }
        guard path.hasPrefix("/"), let cwd = base ?? currentDirectory() else { return path }
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// The last part of a path, as `path.split(separator: "/").last ?? path` gives it, found on its bytes: splitting
    /// by characters took a tenth of the start of a saved model of 2,000 files.
    static func fileName(_ path: String) -> String {
        let bytes = path.utf8
        let slash = UInt8(ascii: "/")
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == slash { end = bytes.index(before: end) }
        guard end > bytes.startIndex else { return path }
        var start = end
        while start > bytes.startIndex, bytes[bytes.index(before: start)] != slash { start = bytes.index(before: start) }
        return String(Substring(bytes[start..<end]))
    }

    static func realPath(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }

    /// The files among `paths` that `target` is (a file) or holds (a folder, at any depth), found by what the paths
    /// lead to, so a link or another spelling of a path is caught too. Empty when `target` does not exist.
    static func files(_ paths: [String], reachedBy target: String) -> (files: [String], targetIsFolder: Bool) {
        var info = stat()
        guard stat(target, &info) == 0 else { return ([], false) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            guard let folder = realPath(target) else { return ([], true) }
            return (paths.filter { realPath($0).map { isWithin($0, folder) } == true }, true)
        }
        let identity = FileIdentity(info)
        return (paths.filter { path in
            var other = stat()
            return stat(path, &other) == 0 && FileIdentity(other) == identity
        }, false)
    }

    /// Whether `path` is `folder` or inside it, by their text (`/a/bc` is not inside `/a/b`; everything is inside `/`).
    static func isWithin(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    /// Whether a document's path (`file`, or `file:LINE` for a collection's record) lies in `loaded`, a folder or a file.
    static func isDocument(_ path: String, in loaded: String) -> Bool {
        if isWithin(path, loaded) { return true }
        guard path.hasPrefix(loaded + ":") else { return false }
        let line = path.dropFirst(loaded.count + 1)
        return !line.isEmpty && line.allSatisfy(\.isASCII) && line.allSatisfy(\.isNumber)
    }

    static func currentDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return nil }
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    static func size(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_size)
    }

    /// The largest document read: a bigger file is refused rather than filling memory.
    static let documentLimit = 256 << 20
    /// The largest script, lexicon, manifest or furniture list read.
    public static let textLimit = 64 << 20

    /// What a file that is not a regular file or a folder is, for messages ("a FIFO"); nil for a regular file.
    static func specialKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return "not a regular file"
        }
    }

    /// Reads a whole regular file of at most `limit` bytes; `changed` is true when its size moved while it was
    /// read. A FIFO, device or socket is refused without waiting on it (the open does not block).
    static func read(_ path: String, limit: Int = documentLimit) throws -> (bytes: [UInt8], changed: Bool) {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError("cannot open") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileError("cannot stat") }
        if let kind = specialKind(info.st_mode) {
            throw FileError(message: kind == "a folder" ? "is a directory" : "is \(kind), not a regular file")
        }
        let expected = Int(info.st_size)
        guard expected <= limit else { throw FileError(message: tooLarge(expected, limit)) }
        return try readAll(fd, expected: expected, limit: limit)
    }

    /// Reads `fd` to its end; more than `limit` bytes is an error.
    static func readAll(_ fd: Int32, expected: Int, limit: Int) throws -> (bytes: [UInt8], changed: Bool) {
        var bytes = [UInt8](repeating: 0, count: max(expected, 0))
        var filled = 0
        while true {
            if filled == bytes.count {
                guard filled <= limit else { throw FileError(message: tooLarge(filled, limit)) }
                // At the end expected, a read into room on the stack tells whether the file goes on: a file of the size
                // its listing gave (nearly all) is no longer grown by 64 KB of zeros, and copied, only to learn it ends.
                let n = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { probe in
                    let n = Glibc.read(fd, probe.baseAddress!, probe.count)
                    if n > 0 { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: probe[..<n])) }
                    return n
                }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw FileError("cannot read")
                }
                if n == 0 { break }
                filled += n
                continue
            }
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError("cannot read")
            }
            if n == 0 { break }
            filled += n
        }
        guard filled <= limit else { throw FileError(message: tooLarge(filled, limit)) }
        bytes.removeSubrange(filled...)
        var after = stat()
        let changed = filled != expected || (fstat(fd, &after) == 0 && Int(after.st_size) != expected)
        return (bytes, changed)
    }

    private static func tooLarge(_ size: Int, _ limit: Int) -> String {
        "larger than \(limit >> 20) MB (\(size > limit ? "at least " : "")\(size >> 20) MB); not read"
    }

    /// A file of the user's own text (a script, a transcript, a lexicon, a manifest...) as a string, without the
    /// byte-order mark that Windows editors put first: read as text, it became part of the first word.
    public static func readText(_ path: String, limit: Int = textLimit) throws -> String {
        withoutByteOrderMark(try read(path, limit: limit).bytes)
    }

    /// A lexicon's or manifest's text decoded as documents are (UTF-16 with its mark, invalid UTF-8 as
    /// Windows-1252), with the warning naming line and column: a hand-made lexicon saved by Notepad is Latin-1.
    static func decodedText(_ bytes: [UInt8], path: String) -> (text: String, diagnostics: [Diagnostic]) {
        let decoded = TextDecoding.decode(bytes, path: display(path))
        return (withoutByteOrderMark(decoded.bytes), decoded.diagnostics)
    }

    /// A lexicon, name list, manifest, furniture or stop-word list read and decoded as `decodedText` says.
    static func readDecoded(_ path: String) throws -> (text: String, diagnostics: [Diagnostic]) {
        decodedText(try read(path, limit: textLimit).bytes, path: path)
    }

    static func withoutByteOrderMark(_ bytes: [UInt8]) -> String {
        String(decoding: bytes[byteOrderMarkLength(bytes)...], as: UTF8.self)
    }

    /// How many bytes a UTF-8 byte-order mark takes at the start of `bytes`: 3, or 0 when there is none.
    static func byteOrderMarkLength(_ bytes: [UInt8]) -> Int {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    static func list(_ directory: String) throws -> [String] {
        try entries(directory).names
    }

    /// A folder's entries, sorted, and apart those whose names are not UTF-8 (a Latin-1 "café.txt" from an old
    /// archive): decoded with U+FFFD they name no file, so they cannot be opened.
    static func entries(_ directory: String) throws -> (names: [String], undecodable: [String]) {
        guard let dir = opendir(directory) else { throw FileError("cannot open folder") }
        defer { closedir(dir) }
        var names: [String] = [], undecodable: [String] = []
        while let entry = readdir(dir) {
            let (name, valid) = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let bytes = raw.bindMemory(to: CChar.self).baseAddress!
                return (String(cString: bytes), String(validatingCString: bytes) != nil)
            }
            if name == "." || name == ".." { continue }
            if valid { names.append(name) } else { undecodable.append(name) }
        }
        return (names.sorted(), undecodable.sorted())
    }

    /// A file's identity whatever path reaches it: a folder given twice, or a file reached through a link, is read once.
    struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    /// Folders nested deeper than this are skipped with a warning (each level costs a path lookup per file).
    static let maximumDepth = 256

    /// What one walk over a corpus's paths has seen so far, shared by every path it is given.
    struct Walk {
        var seen: Set<FileIdentity> = []
        /// The folders being walked, from the top: a folder met again among them is a symbolic link loop.
        var open: Set<FileIdentity> = []
        /// The folders given, as real paths: a link inside them to one of their ancestors would walk the machine.
        var roots: [String] = []
        var folders = 0
        var shouldStop: () -> Bool = { false }
        var scanned: ((Int) -> Void)?
        var stopped = false
    }

    /// Walks `path` (a file or a folder, recursively), sorting what it finds; symlink loops, dangling links,
    /// special files (FIFOs, devices, sockets) and unreadable folders become warnings, and a file or folder
    /// already reached by an earlier path is not listed again.
    static func walk(_ path: String, into listing: inout CorpusLoader.Listing, state: inout Walk) {
        walk(path, state: &state, into: &listing, depth: 0)
    }

    /// Whether a file's first 8 KB hold a NUL byte, as no text does (a PDF, a word processor's file, an image).
    /// A file's first 16 KB; nil when it cannot be opened (its reader then says why).
    static func head(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: 16_384)
        let n = head.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        return n >= 0 ? Array(head[..<n]) : nil
    }

    private static func isBinary(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var head = [UInt8](repeating: 0xFF, count: 8192)
        let n = head.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        return n > 0 && head[..<n].contains(0)
    }

    /// The share of control bytes (NUL, and C0 controls other than tab, line and page breaks and the escape of a
    /// terminal's colours) in the first 8 KB of a file named as text: over 5% is no text (random or compressed data
    /// has 10%, text written by people next to none; a stray NUL in a real text is read as a space, with a warning).
    /// Fewer than 32 such bytes say nothing either way (a line with two of them is 8%): 0, as for UTF-16 and UTF-32,
    /// whose byte-order mark says they hold NULs as text.
    static func controlBytesShare(_ bytes: [UInt8]) -> Double {
        let head = bytes.prefix(8192)
        guard !head.isEmpty, !head.starts(with: [0xFF, 0xFE]), !head.starts(with: [0xFE, 0xFF]), !head.starts(with: [0, 0, 0xFE, 0xFF]),
              WideEncoding(unmarked: head) == nil else { return 0 }
        // Bit b set for each C0 control b that counts: all but tab, line feed, form feed, carriage return and escape.
        let counted: UInt32 = ~(1 << 0x09 | 1 << 0x0A | 1 << 0x0C | 1 << 0x0D | 1 << 0x1B)
        let controls = head.withUnsafeBufferPointer { bytes in
            var controls = 0
            var i = 0
            while i < bytes.count {
                // Eight bytes at a time past those with no byte below 0x20 and no DEL (0x7F), which text mostly is.
                if i &+ 8 <= bytes.count, let base = bytes.baseAddress {
                    let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                    let ones: UInt64 = 0x0101_0101_0101_0101, high = ones &* 0x80
                    // Per byte, the high bit of (b & 0x7F) + 0x60 says b & 0x7F >= 0x20, of (b & 0x7F) + 1 that it is 0x7F.
                    let low = word & ~high
                    if (low &+ ones &* 0x60) & ~(low &+ ones) & high == high {
                        i &+= 8
                        continue
                    }
                }
                let b = bytes[i]
                controls += b < 0x20 ? Int(counted >> UInt32(b) & 1) : b == 0x7F ? 1 : 0
                i &+= 1
            }
            return controls
        }
        return controls < 32 ? 0 : Double(controls) / Double(head.count)
    }

    /// The files an `export model` wrote into a folder, read from its schema.json (which is one of them): their
    /// tables hold text columns that would load as documents a second time. Empty when the schema is not one.
    private static func modelExportFiles(_ path: String) -> Set<String> {
        guard let bytes = try? read(path, limit: 1 << 20).bytes,
              String(decoding: bytes.prefix(64), as: UTF8.self).hasPrefix(#"{"format": "dossier model tables"#),
              let schema = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
              let tables = schema["tables"] as? [[String: Any]] else { return [] }
        return Set(tables.flatMap { $0["files"] as? [String] ?? [] } + ["schema.json"])
    }

    /// Where a symbolic link leads (its real path); nil when `path` is not a link.
    private static func linkTarget(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return nil }
        return realPath(path)
    }

    /// The system's own folders, never a corpus: /proc and /sys hold endless and blocking files, /dev devices.
    private static func isSystemFolder(_ path: String) -> Bool {
        guard let name = path.split(separator: "/").last, ["proc", "sys", "dev"].contains(name) else { return false }
        return realPath(path) == "/" + name
    }

    /// Whether a real path is inside the system's own folders.
    private static func isSystem(_ real: String) -> Bool {
        ["/proc", "/sys", "/dev"].contains { real == $0 || real.hasPrefix($0 + "/") }
    }

    private static func walk(_ path: String, state: inout Walk, into listing: inout CorpusLoader.Listing, depth: Int) {
        func warn(_ message: String, _ severity: Severity = .warning) {
            listing.diagnostics.append(Diagnostic(severity, at: SourceLocation(file: display(path), line: 1, column: 1), message))
        }
        if state.stopped { return }
        let top = depth == 0
        var info = stat()
        guard stat(path, &info) == 0 else {
            let failure = errno
            var link = stat()
            if lstat(path, &link) == 0 { warn(failure == ELOOP ? "symbolic link loop skipped" : "dangling symbolic link skipped") } else {
                warn(top ? "no such file or folder" : "cannot read: \(String(cString: strerror(errno)))", top ? .error : .warning)
            }
            return
        }
        let identity = FileIdentity(info)
        if (info.st_mode & S_IFMT) == S_IFDIR {
            if state.open.contains(identity) { return warn("symbolic link loop skipped") }
            guard state.seen.insert(identity).inserted else {
                if top { warn("already read (given twice, or inside another folder given); read once", .note) }
                return
            }
            guard depth < maximumDepth else { return warn("folder nested more than \(maximumDepth) levels deep skipped") }
            // A folder given, or reached through a link, is judged by where it really is; others by their name.
            if let real = top ? realPath(path) : linkTarget(path) {
                if isSystem(real) { return warn(top ? "a system folder, not a corpus: refused" : "system folder skipped", top ? .error : .warning) }
                if !top, let root = state.roots.first(where: { isWithin($0, real) }) {
                    return warn("symbolic link to \(real), which holds \(root), skipped: it would read the corpus again and everything around it")
                }
            } else if isSystemFolder(path) {
                return warn("system folder skipped")
            }
            if state.shouldStop() {
                state.stopped = true
                return
            }
            state.folders += 1
            if state.folders % 256 == 0 { state.scanned?(listing.documents.count) }
            let names: [String], undecodable: [String]
            // A folder given by name that cannot be read is an error, as a missing one is: an empty analysis must not pass.
            do { (names, undecodable) = try entries(path) } catch { return warn("\(error)", top ? .error : .warning) }
            for name in undecodable {
                listing.diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: display(path + "/" + name), line: 1, column: 1),
                    "skipped: its name is not UTF-8, and Dossier opens files by UTF-8 names; rename it (convmv -f latin1 -t utf8 NAME)"))
            }
            let exported = names.contains("schema.json") ? modelExportFiles(path + "/schema.json") : []
            if !exported.isEmpty {
                warn("skipped: the \(exported.count) files of an 'export model' (tables, not documents)", .note)
            }
            state.open.insert(identity)
            for name in names where !exported.contains(name) {
                let child = path.hasSuffix("/") ? path + name : path + "/" + name
                if name.hasPrefix(".") { listing.hidden.append(child) } else { walk(child, state: &state, into: &listing, depth: depth + 1) }
            }
            state.open.remove(identity)
            return
        }
        if top, access(path, R_OK) != 0 { return warn("cannot read: \(String(cString: strerror(errno)))", .error) }
        let name = fileName(path)
        let ext = name.utf8.contains(UInt8(ascii: ".")) ? name.split(separator: ".").last.map { String($0).lowercased() } ?? "" : ""
        let read = documentExtensions.contains(ext) || ["lexicon", "manifest", "furniture"].contains(ext)
        if read, let kind = specialKind(info.st_mode) {
            return warn("skipped: \(kind), not a regular file")
        }
        // A regular file of /proc, /sys or /dev, given or reached through a link, is never read: /proc/self/environ would put
        // the environment (tokens, passwords) into the corpus.
        if let real = top ? realPath(path) : linkTarget(path), isSystem(real) {
            return warn(top ? "a system file, not a document: refused" : "symbolic link to \(real), a system file, skipped", top ? .error : .warning)
        }
        // A file given by name is what the user wants read, whatever its name ("notes", "interview.rtf"): plain text,
        // unless it is no text at all. Inside a folder such files are skipped, with a warning.
        let givenText = top && !read && !["names", "stopwords"].contains(ext)
        if givenText {
            if let kind = specialKind(info.st_mode) { return warn("\(kind), not a document", .error) }
            if isBinary(path) { return warn("not a document: it holds binary data; save it as text (.txt, .md, .html, .json, .jsonl, .csv or .srt)", .error) }
        }
        guard state.seen.insert(identity).inserted else {
            if top { warn("already read (given twice, or inside another folder given); read once", .note) }
            return
        }
        if givenText {
            warn("read as plain text (documents are named \(CorpusLoader.documentKinds))", .note)
            return listing.documents.append(path)
        }
        switch ext {
        // An XML file is a document only when it is a feed: any other (a sitemap, a TEI text, an office file's part) is
        // skipped with the other files that are none, whose warnings stop at ten.
        case _ where NewsFeed.extensions.contains(ext):
            if head(path).map(NewsFeed.isFeed) == false { listing.skipped.append(path) } else { listing.documents.append(path) }
        case _ where documentExtensions.contains(ext): listing.documents.append(path)
        case "lexicon": listing.lexicons.append(path)
        case "manifest": listing.manifests.append(path)
        case "furniture": listing.furniture.append(path)
        case "names": listing.names.append(path)
        case "stopwords": listing.stopWords.append(path)
        default: listing.skipped.append(path)
        }
    }
}

/// A script's text, read under the same rules as documents: a regular file (or standard input) of at most
/// 64 MB, so `run` on a FIFO or a device, or an endless pipe, is an error rather than a hang; but a pipe the shell made
/// for a process substitution (`dossier <(echo count)`: /dev/fd/63), which has its writer, is read to its end as bash
/// and python read it (tester19 #18h).
/// Decoded as documents are: invalid UTF-8 read as Windows-1252 (a teacher's script saved by an older editor), with the
/// warning naming line and column that the caller shows.
public enum ScriptText {
    public static func read(path: String) throws -> (text: String, warnings: [Diagnostic]) {
        if isProcessSubstitution(path) {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw FileError("cannot open") }
            defer { close(fd) }
            return decoded(try FileSystem.readAll(fd, expected: 0, limit: FileSystem.textLimit).bytes, path: path)
        }
        return decoded(try FileSystem.read(path, limit: FileSystem.textLimit).bytes, path: path)
    }

    private static func decoded(_ bytes: [UInt8], path: String) -> (text: String, warnings: [Diagnostic]) {
        let decoded = FileSystem.decodedText(bytes, path: path)
        return (decoded.text, decoded.diagnostics)
    }

    /// Whether `path` names a pipe of this process's own descriptors (/dev/fd/N, /proc/self/fd/N).
    static func isProcessSubstitution(_ path: String) -> Bool {
        guard path.hasPrefix("/dev/fd/") || path.hasPrefix("/proc/self/fd/"),
              path.split(separator: "/").last?.allSatisfy(\.isNumber) == true else { return false }
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO
    }

    /// Line `line` of commands piped in, decoded as a script is (tester16 #5: Latin-1 commands piped to `dossier` lost
    /// their accents without a word), with its warning placed on that line.
    public static func decode(line bytes: UnsafeBufferPointer<UInt8>, number line: Int) -> (text: String, warning: Diagnostic?) {
        if bytes.allSatisfy({ $0 < 0x80 && $0 != 0 && $0 != 0x0D }) { return (String(decoding: bytes, as: UTF8.self), nil) }
        let decoded = TextDecoding.decode(Array(bytes), path: "<stdin>")
        let warning = decoded.diagnostics.first.map {
            Diagnostic($0.severity, at: SourceLocation(file: "<stdin>", line: line, column: $0.location.column), $0.message)
        }
        return (String(decoding: decoded.bytes, as: UTF8.self), warning)
    }

    public static func readStandardInput() throws -> (text: String, warnings: [Diagnostic]) {
        let decoded = TextDecoding.decode(try FileSystem.readAll(0, expected: 0, limit: FileSystem.textLimit).bytes, path: "<stdin>")
        return (FileSystem.withoutByteOrderMark(decoded.bytes), decoded.diagnostics)
    }
}
