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
enum FileSystem {
    static let documentExtensions: Set<String> = ["txt", "md"]

    /// A path as users see it: relative to the current folder when inside it, else as it is.
    static func display(_ path: String) -> String {
        guard path.hasPrefix("/"), let cwd = currentDirectory() else { return path }
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    static func realPath(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
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

    /// Reads a whole file; `changed` is true when its size moved while it was read.
    static func read(_ path: String) throws -> (bytes: [UInt8], changed: Bool) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw FileError("cannot open") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileError("cannot stat") }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw FileError(message: "is a directory") }
        let expected = Int(info.st_size)
        var bytes = [UInt8](repeating: 0, count: max(expected, 0))
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(65536, bytes.count / 2))) }
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError("cannot read")
            }
            if n == 0 { break }
            filled += n
        }
        bytes.removeSubrange(filled...)
        var after = stat()
        let changed = filled != expected || (fstat(fd, &after) == 0 && Int(after.st_size) != expected)
        return (bytes, changed)
    }

    static func readText(_ path: String) throws -> String {
        String(decoding: try read(path).bytes, as: UTF8.self)
    }

    static func list(_ directory: String) throws -> [String] {
        guard let dir = opendir(directory) else { throw FileError("cannot open folder") }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Walks `path` (a file or a folder, recursively), sorting what it finds; symlink loops, dangling links and
    /// unreadable folders become warnings.
    static func walk(_ path: String, into listing: inout CorpusLoader.Listing) {
        var visited = Set<String>()
        walk(path, visited: &visited, into: &listing, top: true)
    }

    private static func walk(_ path: String, visited: inout Set<String>, into listing: inout CorpusLoader.Listing, top: Bool) {
        func warn(_ message: String, _ severity: Severity = .warning) {
            listing.diagnostics.append(Diagnostic(severity, at: SourceLocation(file: display(path), line: 1, column: 1), message))
        }
        var info = stat()
        guard stat(path, &info) == 0 else {
            var link = stat()
            if lstat(path, &link) == 0 { warn("dangling symbolic link skipped") } else {
                warn(top ? "no such file or folder" : "cannot read: \(String(cString: strerror(errno)))", top ? .error : .warning)
            }
            return
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            guard let real = realpath(path, nil) else { return warn("cannot resolve folder") }
            let key = String(cString: real)
            free(real)
            guard visited.insert(key).inserted else { return warn("symbolic link loop skipped") }
            let names: [String]
            do { names = try list(path) } catch { return warn("\(error)") }
            for name in names where !name.hasPrefix(".") {
                walk(path.hasSuffix("/") ? path + name : path + "/" + name, visited: &visited, into: &listing, top: false)
            }
            return
        }
        let ext = path.split(separator: "/").last.flatMap { name in name.contains(".") ? name.split(separator: ".").last.map { String($0).lowercased() } : nil } ?? ""
        switch ext {
        case _ where documentExtensions.contains(ext): listing.documents.append(path)
        case "lexicon": listing.lexicons.append(path)
        case "manifest": listing.manifests.append(path)
        case "furniture": listing.furniture.append(path)
        case "names": listing.names.append(path)
        default: listing.skipped.append(path)
        }
    }
}
