// Shared by both fuzz harnesses. Compiled into the same module as DossierCore (see scripts/fuzz), so
// internal API (DocumentAnalyzer, Session.commands, ...) is reachable without @testable.
import Foundation
import Dispatch

/// Output is discarded: only crashes, sanitizer reports and timeouts are findings.
final class DiscardOutput: SessionOutput, Sendable {
    func write(_ text: String) {}
    func writeError(_ text: String) {}
}

enum FuzzEnvironment {
    /// The seeds folder: $DOSSIER_SEEDS, else the repository's seeds/ found from this file (which
    /// scripts/fuzz compiles from a snapshot in .build-fuzz/src/Fuzz/).
    static let seeds: String = {
        if let s = ProcessInfo.processInfo.environment["DOSSIER_SEEDS"], !s.isEmpty { return s }
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<4 {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.path + "/seeds/dossier.lexicon") { return url.path + "/seeds" }
        }
        return "seeds"
    }()

    /// Per-input time budget for evaluation (FUZZ_DEADLINE_MS, default 2000 ms).
    static let budgetNanos: UInt64 = {
        let ms = ProcessInfo.processInfo.environment["FUZZ_DEADLINE_MS"].flatMap { UInt64($0) } ?? 2000
        return ms * 1_000_000
    }()
}

/// The deadline of the input being run; read by `shouldStop` from any thread.
nonisolated(unsafe) var fuzzDeadline: UInt64 = .max

func startDeadline() {
    fuzzDeadline = DispatchTime.now().uptimeNanoseconds &+ FuzzEnvironment.budgetNanos
}

let fuzzShouldStop: @Sendable () -> Bool = { DispatchTime.now().uptimeNanoseconds > fuzzDeadline }

/// Commands that touch the file system (write files, read scripts, load folders): the fuzzer must not
/// run them, or it could overwrite files or read the whole disk.
func touchesFileSystem(_ command: Command) -> Bool {
    switch command {
    case .export, .run, .load, .saveTranscript: return true
    case .assign(_, let inner, _): return touchesFileSystem(inner)
    case .limited(let inner, _): return touchesFileSystem(inner)
    default: return false
    }
}

/// Whether every chunk the session would run is free of file-system commands.
func safeToRun(_ source: String) -> Bool {
    for chunk in Session.commands(in: source, firstLine: 1) {
        guard let statements = try? Parser.parse(chunk.text, file: "<fuzz>", firstLine: chunk.line) else { continue }
        if statements.contains(where: { touchesFileSystem($0.command) }) { return false }
    }
    return true
}
