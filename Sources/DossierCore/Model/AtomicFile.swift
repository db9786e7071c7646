import Foundation

/// Writes a file whole or not at all: a temporary file created exclusively beside it (never through a link
/// planted under its name), then a rename; refuses to replace an existing file unless told to, and never
/// replaces a folder, a device, a FIFO, a socket or a symbolic link (whose target would be left behind).
enum AtomicFile {
    /// `shownAs` names the file in messages when it is written somewhere else than the user asked (a replay's sandbox).
    static func write(_ text: String, to path: String, force: Bool, shownAs: String? = nil) throws(FileWriteError) {
        let name = shownAs ?? path
        let exists: Bool
        do throws(FileError) { exists = try existingTarget(path) } catch { throw FileWriteError("cannot write '\(name)': \(error.description)") }
        if exists, !force { throw FileWriteError("'\(name)' exists; add 'force' to replace it") }
        do throws(FileError) {
            let (fd, temporary) = try createTemporary(beside: path, mode: 0o644)
            var done = false
            defer {
                close(fd)
                if !done { unlink(temporary) }
            }
            try writeAll(Array(text.utf8), to: fd)
            guard fsync(fd) == 0 else { throw FileError("cannot write") }
            try replace(path, with: temporary)
            done = true
        } catch {
            throw FileWriteError("cannot write '\(name)': \(error.description)")
        }
    }

    /// Writes files (name, text) into `folder`, made if missing (with its parents); refuses to replace any file
    /// there unless `force` is given, before writing one.
    static func write(_ files: [(name: String, text: String)], into folder: String, force: Bool, shownAs: String? = nil) throws(FileWriteError) {
        let shown = shownAs ?? folder
        var info = stat()
        if stat(folder, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR { throw FileWriteError("cannot write into '\(shown)': it is not a folder") }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw FileWriteError("cannot make the folder '\(shown)': \(error.localizedDescription)")
        }
        if !force {
            let existing = files.filter { (try? existingTarget(folder + "/" + $0.name)) != false }.map(\.name)
            if !existing.isEmpty {
                throw FileWriteError("'\(shown)' already holds \(existing.prefix(3).joined(separator: ", "))\(existing.count > 3 ? ", ..." : ""); add 'force' to replace them")
            }
        }
        for file in files { try write(file.text, to: folder + "/" + file.name, force: force, shownAs: shown + "/" + file.name) }
    }

    /// Whether `path` already names a regular file; throws when it names anything that must not be replaced.
    static func existingTarget(_ path: String) throws(FileError) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return false }
            throw FileError("cannot inspect it")
        }
        if (info.st_mode & S_IFMT) == S_IFLNK { throw FileError(message: "it is a symbolic link; not replaced") }
        if let kind = FileSystem.specialKind(info.st_mode) { throw FileError(message: "it is \(kind); not replaced") }
        return true
    }

    /// Creates a new file beside `path` with O_CREAT|O_EXCL|O_NOFOLLOW and an unpredictable name, so no file or
    /// link already there is opened. Returns its descriptor (open for writing) and its path.
    static func createTemporary(beside path: String, mode: mode_t) throws(FileError) -> (fd: Int32, path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        for _ in 0..<16 {
            let temporary = (directory.isEmpty ? "." : directory) + "/.\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
            if fd >= 0 { return (fd, temporary) }
            if errno != EEXIST { throw FileError("cannot create a temporary file in '\(directory.isEmpty ? "." : directory)'") }
        }
        throw FileError(message: "cannot create a temporary file beside it")
    }

    /// Renames `temporary` over `path`, once more refusing a target that is not a regular file.
    static func replace(_ path: String, with temporary: String) throws(FileError) {
        _ = try existingTarget(path)
        guard rename(temporary, path) == 0 else { throw FileError("cannot rename the temporary file") }
    }

    static func writeAll(_ bytes: [UInt8], to fd: Int32) throws(FileError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError("cannot write")
            }
            offset += n
        }
    }
}
