import Foundation

/// The files commands read and write (`run`, `load`, `export`, `save transcript`), behind one protocol so that
/// a replayed transcript can be kept from touching the user's files and tests can use a fake.
public protocol FileAccess: AnyObject {
    /// A path as written in a command, made usable: `~/` expanded, a relative path taken from `directory`
    /// (the folder of the running script), else from the session's base folder.
    func resolve(_ path: String, from directory: String?) -> String
    /// The text of a script to `run`, decoded as documents are, with what the decoding said.
    func readText(_ path: String) throws -> (text: String, warnings: [Diagnostic])
    /// Whether a folder or file to `load` is there.
    func exists(_ path: String) -> Bool
    /// Writes a file whole or not at all; an existing file is replaced only with `force`.
    func write(_ text: String, to path: String, force: Bool) throws(FileWriteError)
    /// Whether loading may save the built model in the cache folder.
    var savesModels: Bool { get }
    /// Writes files (name, text) into a folder, made if missing; each file whole or not at all, and none at all
    /// when one of them exists and `force` is not given.
    func write(_ files: [(name: String, text: String)], into folder: String, force: Bool) throws(FileWriteError)
}

/// Why a file could not be written, in words for the user.
public struct FileWriteError: Error, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// The disk as it is: what the shell, scripts and `-e` use.
public final class LocalFiles: FileAccess {
    public init() {}

    public func resolve(_ path: String, from directory: String?) -> String {
        if path.hasPrefix("/") { return path }
        if path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] { return home + path.dropFirst(1) }
        guard let directory, !directory.isEmpty else { return path }
        return directory + "/" + path
    }

    public func readText(_ path: String) throws -> (text: String, warnings: [Diagnostic]) { try ScriptText.read(path: path) }

    public func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    public func write(_ text: String, to path: String, force: Bool) throws(FileWriteError) {
        try AtomicFile.write(text, to: path, force: force)
    }

    public var savesModels: Bool { true }

    public func write(_ files: [(name: String, text: String)], into folder: String, force: Bool) throws(FileWriteError) {
        try AtomicFile.write(files, into: folder, force: force)
    }
}

/// What a transcript replay sees: paths are taken from the transcript's folder, and every write lands in a
/// temporary folder of its own, so `dossier check` never creates, replaces or empties a user's file. A file
/// written earlier in the replay is read back from there.
public final class SandboxedFiles: FileAccess {
    /// The transcript's folder: relative paths start there (empty: the current folder).
    public let base: String
    /// Where writes go; removed when the replay ends.
    public let sandbox: String

    public init(base: String) throws(FileWriteError) {
        self.base = base
        let template = NSTemporaryDirectory() + "dossier-replay-XXXXXX"
        var bytes = Array(template.utf8CString)
        guard let made = mkdtemp(&bytes) else {
            throw FileWriteError("cannot make a temporary folder for the replay: \(String(cString: strerror(errno)))")
        }
        sandbox = String(cString: made)
    }

    deinit { try? FileManager.default.removeItem(atPath: sandbox) }

    public func resolve(_ path: String, from directory: String?) -> String {
        if path.hasPrefix("/") { return path }
        if path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] { return home + path.dropFirst(1) }
        let folder = directory ?? base
        return folder.isEmpty ? path : folder + "/" + path
    }

    /// Where a write to `path` lands: the same place under the sandbox.
    func shadow(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return sandbox + "/files" + URL(fileURLWithPath: absolute).standardizedFileURL.path
    }

    public func readText(_ path: String) throws -> (text: String, warnings: [Diagnostic]) {
        let written = shadow(path)
        return try ScriptText.read(path: FileManager.default.fileExists(atPath: written) ? written : path)
    }

    public func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: shadow(path)) || FileManager.default.fileExists(atPath: path)
    }

    /// Writes where the session would, as it would: into a folder that is there (on disk, or made earlier in the replay),
    /// refused as the session refuses it otherwise; messages name the file from the transcript's folder.
    public func write(_ text: String, to path: String, force: Bool) throws(FileWriteError) {
        let target = shadow(path)
        let folder = (path as NSString).deletingLastPathComponent
        let shown = FileSystem.display(path)
        guard folder.isEmpty || exists(folder) else {
            // The words the session's own write gives (AtomicFile), so a replay prints what the prompt printed.
            throw FileWriteError("cannot write '\(shown)': cannot create a temporary file in '\((shown as NSString).deletingLastPathComponent)': "
                                 + String(cString: strerror(ENOENT)))
        }
        do {
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        } catch {
            throw FileWriteError("cannot write '\(shown)': \(error.localizedDescription)")
        }
        try AtomicFile.write(text, to: target, force: force, shownAs: shown)
    }

    public var savesModels: Bool { false }

    public func write(_ files: [(name: String, text: String)], into folder: String, force: Bool) throws(FileWriteError) {
        try AtomicFile.write(files, into: shadow(folder), force: force, shownAs: FileSystem.display(folder))
    }
}
