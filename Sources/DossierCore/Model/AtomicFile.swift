import Foundation

/// Writes a file whole or not at all: a temporary file beside it, then a rename; refuses to replace
/// an existing file unless told to.
enum AtomicFile {
    /// `shownAs` names the file in messages when it is written somewhere else than the user asked (a replay's sandbox).
    static func write(_ text: String, to path: String, force: Bool, shownAs: String? = nil) throws(FileWriteError) {
        let name = shownAs ?? path
        if !force, FileManager.default.fileExists(atPath: path) {
            throw FileWriteError("'\(name)' exists; add 'force' to replace it")
        }
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
            throw FileWriteError("cannot write '\(name)': \(String(cString: strerror(errno)))")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw FileWriteError("cannot write '\(name)': \(reason)")
        }
    }
}
