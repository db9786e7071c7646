import CMappedFile
import Foundation
import Glibc

/// A file of built data Dossier keeps to start faster (a saved model, the compiled lexicons): a 48-byte header
/// (magic, format version, the key of the inputs it was built from, payload length, payload checksum), then the
/// payload (a format may checksum only its tail and the sections before it one by one, see `Format.checksumsTail`). It is written beside its name and renamed over it, so a reader never sees half a file, and read by
/// mapping it, so its bytes are copied once, straight into the arrays that need them.
enum ArchiveFile {
    static let headerSize = 48

    /// What a kind of file starts with, and what it is called in messages.
    struct Format {
        /// 16 bytes.
        var magic: [UInt8]
        var version: UInt32
        var name: String
        /// Whether the header's checksum covers only the payload's tail (from the offset in its last 8 bytes): the
        /// rest is made of sections the reader verifies on their own when it first needs them.
        var checksumsTail = false

        /// The bytes the header's checksum covers; nil when the offset that says so is not inside the payload.
        func checked(_ payload: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
            guard checksumsTail else { return payload }
            guard payload.count >= 8 else { return nil }
            let start = payload.loadUnaligned(fromByteOffset: payload.count - 8, as: Int.self)
            guard start >= 0, start <= payload.count - 8 else { return nil }
            return UnsafeRawBufferPointer(rebasing: payload[start...])
        }
    }

    /// What opening a file gave.
    enum Opened {
        /// The payload, checksum verified; valid until `close()`.
        case payload(MappedBytes)
        /// No file, or one built from other inputs or by another format: rebuilt without a word.
        case absent
        case damaged(String)
    }

    /// Opens the file at `path` if it holds a payload of this format and version, built from the inputs `key` names.
    static func open(_ path: String, format: Format, key: UInt64) -> Opened {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .absent }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return .damaged("it is not a regular file") }
        guard Int(info.st_size) >= headerSize else { return .damaged("it is shorter than its header") }
        guard let mapped = MappedBytes(fd: fd, count: Int(info.st_size)) else { return .damaged("it cannot be mapped") }
        let bytes = mapped.bytes
        let field = { (offset: Int) in bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
        let problem: String?
        if !bytes.prefix(16).elementsEqual(format.magic) {
            problem = "it is not a Dossier \(format.name) file"
        } else if field(16) != UInt64(format.version) || field(24) != key {
            mapped.close()
            return .absent
        } else if field(32) != UInt64(bytes.count - headerSize) {
            problem = "its length is not the one written"
        } else {
            let checked = format.checked(mapped.payload)
            problem = checked.map { BlockChecksum.of($0, release: true) == field(40) } == true ? nil : "its checksum does not match"
        }
        if let problem {
            mapped.close()
            return .damaged(problem)
        }
        return .payload(mapped)
    }

    /// Writes a file under `path` (its folder made if missing, mode 0700): `body` writes the payload, then the
    /// header is written and the file renamed over the old one. Returns the size written.
    static func write(_ path: String, format: Format, key: UInt64,
                      body: (inout ArchiveWriter) -> Void) throws(ArchiveError) -> Int {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw ArchiveError(description: "cannot create the folder \(directory): \(error.localizedDescription)")
        }
        removeLeftovers(in: directory, ofFilesEndingWith: "." + (path as NSString).pathExtension)
        let (fd, temporary): (Int32, String)
        do throws(FileError) {
            (fd, temporary) = try AtomicFile.createTemporary(beside: path, mode: 0o600)
        } catch {
            throw ArchiveError(description: "cannot save \(path): \(error)")
        }
        var renamed = false
        defer {
            close(fd)
            if !renamed { unlink(temporary) }
        }
        let failed = { ArchiveError(description: "cannot write \(temporary): \(String(cString: strerror(errno)))") }
        guard lseek(fd, off_t(headerSize), SEEK_SET) == off_t(headerSize) else { throw failed() }
        var writer = ArchiveWriter(fd: fd)
        body(&writer)
        try writer.finish()
        var header = format.magic
        for field in [UInt64(format.version), key, UInt64(writer.written), writer.checksum.value] {
            withUnsafeBytes(of: field) { header += $0 }
        }
        guard pwrite(fd, header, header.count, 0) == header.count else { throw failed() }
        do throws(FileError) {
            try AtomicFile.replace(path, with: temporary)
        } catch {
            throw ArchiveError(description: "cannot save \(path): \(error)")
        }
        renamed = true
        return headerSize + writer.written
    }
}

extension ArchiveFile {
    /// Removes the temporary files of saves that never finished (`.NAME.PID.N.tmp`, NAME ending with `ending`, PID a
    /// process that is gone: killed by Ctrl-C, a signal or a crash while it wrote): hidden, each as large as a model,
    /// they would stay in the folder for ever. A save still running in another process keeps its file.
    static func removeLeftovers(in directory: String, ofFilesEndingWith ending: String) {
        guard let names = try? FileSystem.list(directory.isEmpty ? "." : directory) else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            let parts = name.dropFirst().dropLast(4).split(separator: ".")
            guard parts.count >= 3, let pid = Int32(parts[parts.count - 2]), pid > 0, UInt32(parts[parts.count - 1]) != nil,
                  parts.dropLast(2).joined(separator: ".").hasSuffix(ending), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink((directory.isEmpty ? "." : directory) + "/" + name)
        }
    }
}

/// A read-only private mapping of a whole file. Dossier only ever replaces the files it maps by renaming a new file
/// over the name; should another program cut one short in place, a page read past its new end reads as zeros
/// (`lostPages` counts them) instead of killing the process with SIGBUS.
struct MappedBytes {
    let bytes: UnsafeRawBufferPointer

    init?(fd: Int32, count: Int) {
        guard count > 0, let base = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { return nil }
        bytes = UnsafeRawBufferPointer(start: base, count: count)
        dossier_watch_mapping(base, count)
    }

    /// How many pages of the files still mapped have read as zeros because another program cut the file short while
    /// it was mapped (a saved model found damaged and closed no longer counts).
    static var lostPages: Int { dossier_lost_mapped_pages() }

    /// Lets the pages wholly inside `range` (offsets in `bytes`) go: they stay in the page cache, but leave the
    /// process, so a model read into arrays does not count twice in its memory. Read again, they come back. On memory
    /// the process owns (a buffer read once and about to be freed) they come back as zeros.
    static func release(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        guard let base = bytes.baseAddress else { return }
        let start = (Int(bitPattern: base) + range.lowerBound + page - 1) / page * page
        let end = (Int(bitPattern: base) + range.upperBound) / page * page
        if end > start { madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_DONTNEED) }
    }

    /// Hands the pages of memory freed in every thread's malloc arena back to the system: a build on every core frees
    /// its scratch into each worker's own arena, which keeps it (in the process's memory) until that thread asks for
    /// memory again, so without this what a build used stays in the peak of whatever comes after it.
    /// (glibc's `malloc_trim`, which Swift's Glibc module does not declare; a C library without it has nothing to do.)
    static func giveBackFreed() {
        guard let trim = mallocTrim else { return }
        _ = trim(0)
    }

    private static let mallocTrim = dlsym(nil, "malloc_trim").map { unsafeBitCast($0, to: (@convention(c) (Int) -> Int32).self) }

    /// The payload after the header.
    var payload: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[ArchiveFile.headerSize...]) }

    /// Unmaps the file; nothing read from it without copying may be used after this.
    func close() {
        dossier_unwatch_mapping(bytes.baseAddress)
        munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
    }
}
