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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = record ? ["check", "--update", file] : ["check", file]
        process.currentDirectoryURL = Self.root
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
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(file) differs from what Dossier prints now:\n\(text)")
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
