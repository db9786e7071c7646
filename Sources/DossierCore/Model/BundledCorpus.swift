import Foundation

/// The corpus Dossier ships with (`seeds/`), read when no `--corpus` is given. Its files are shown as
/// `seeds/NAME` wherever the program runs, so a transcript or a page of documentation that shows one replays the
/// same from any folder.
public enum BundledCorpus {
    /// `$DOSSIER_CORPUS`, else `seeds/` next to the package the binary was built in; nil when neither exists.
    public static let directory: String? = {
        if let env = getenv("DOSSIER_CORPUS").map({ String(cString: $0) }), !env.isEmpty { return env }
        var candidates: [String] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            var dir = (exe as NSString).deletingLastPathComponent
            while dir != "/" && !dir.isEmpty {
                candidates.append(dir + "/seeds")
                dir = (dir as NSString).deletingLastPathComponent
            }
        }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(package.appendingPathComponent("seeds").path)
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/dossier.lexicon") }
    }()

    /// `path` as `seeds/...` (the folder's own name, then the path inside it) when it is an absolute path inside the
    /// bundled corpus; nil otherwise.
    static func shown(_ path: String) -> String? {
        guard path.hasPrefix("/"), let directory, directory.hasPrefix("/") else { return nil }
        let folder = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        guard path.hasPrefix(folder + "/") || path == folder else { return nil }
        return FileSystem.fileName(folder) + path.dropFirst(folder.count)
    }
}
