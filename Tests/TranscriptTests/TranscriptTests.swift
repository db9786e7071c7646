import Foundation
import Testing

/// Replays every transcript (the demos, the golden end-to-end sessions) and every ```dossier example in the
/// documentation through the real `dossier check`. Set DOSSIER_RECORD=1 to re-record them instead.
@Suite struct TranscriptTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binary: String {
        ProcessInfo.processInfo.environment["DOSSIER_BIN"] ?? root.appendingPathComponent(".build/debug/dossier").path
    }

    static let files: [String] = {
        var found = ["README.md", "docs/LANGUAGE.md"]
        for folder in ["scripts/demos", "Tests/Transcripts"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
            found += names.filter { $0.hasSuffix(".transcript") }.sorted().map { folder + "/" + $0 }
        }
        return found
    }()

    @Test("transcript replays unchanged", arguments: files)
    func replays(_ file: String) throws {
        let record = ProcessInfo.processInfo.environment["DOSSIER_RECORD"] == "1"
        let (status, text) = try Self.check(record ? ["--update", file] : [file], in: Self.root)
        #expect(status == 0, "\(file) differs from what Dossier prints now:\n\(text)")
    }

    /// A teacher hands a demo to students, who keep it in a folder of their own: the paths it shows (`seeds/...`)
    /// must not depend on where it is replayed.
    @Test("a demo copied into a lesson folder replays there", arguments: files.filter { $0.hasPrefix("scripts/demos/") })
    func replaysElsewhere(_ file: String) throws {
        let lesson = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-lesson-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: lesson, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: lesson) }
        let name = URL(fileURLWithPath: file).lastPathComponent
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent(file), to: lesson.appendingPathComponent(name))
        let (status, text) = try Self.check([name], in: lesson)
        #expect(status == 0, "\(file) replayed from \(lesson.path):\n\(text)")
    }

    /// Runs `dossier check ARGUMENTS` in `folder` on the bundled corpus; gives its status and what it printed.
    static func check(_ arguments: [String], in folder: URL) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["check"] + arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.removeValue(forKey: "DOSSIER_CORPUS")
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func everyDemoScriptHasATranscript() throws {
        let folder = Self.root.appendingPathComponent("scripts/demos").path
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        let scripts = names.filter { $0.hasSuffix(".dossier") }
        #expect(scripts.count >= 3)
        for script in scripts {
            #expect(names.contains(String(script.dropLast(".dossier".count)) + ".transcript"), "\(script) has no transcript")
        }
    }
}
