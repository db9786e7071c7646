import Foundation

/// Writes a file whole or not at all: a temporary file beside it, then a rename; refuses to replace
/// an existing file unless told to.
enum AtomicFile {
    static func write(_ text: String, to path: String, force: Bool, span: SourceSpan,
                      fail: (SourceSpan, String, String?) -> Diagnostic) throws(Diagnostic) {
        if !force, FileManager.default.fileExists(atPath: path) {
            throw fail(span, "'\(path)' exists; add 'force' to replace it", nil)
        }
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
            throw fail(span, "cannot write '\(path)': \(String(cString: strerror(errno)))", nil)
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw fail(span, "cannot write '\(path)': \(reason)", nil)
        }
    }
}
