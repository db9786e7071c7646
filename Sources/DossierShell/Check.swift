import DossierCore
import Foundation

/// `dossier check`: replays transcripts on a fresh session each and prints a unified diff of what differs;
/// `--update` writes what the session printed instead.
enum Check {
    static func run(_ options: Options, resources: String) -> Int32 {
        var failed = false
        for path in options.transcripts {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("dossier: cannot read transcript '\(path)'\n".utf8))
                failed = true
                continue
            }
            let expectedText = String(decoding: data, as: UTF8.self)
            let (entries, trailing) = Transcript.parse(expectedText)
            let output = CollectedStreams()
            guard let session = Shell.makeSession(options, resources: resources, output: output, progress: false) else { return 1 }
            _ = output.take()
            session.settings = Settings()
            session.styling = .plain
            session.keepGoing = true
            var actual: [Transcript.Entry] = []
            var lineNumber = 1
            for entry in entries {
                session.run(entry.command, file: "<stdin>", firstLine: lineNumber)
                lineNumber += entry.command.split(separator: "\n", omittingEmptySubsequences: false).count
                actual.append(Transcript.Entry(notes: entry.notes, command: entry.command, expected: output.take()))
            }
            let actualText = Transcript.render(actual, trailingNotes: trailing)
            if actualText == expectedText {
                print("ok \(path) (\(entries.count) commands)")
                continue
            }
            if options.update {
                do {
                    try actualText.write(toFile: path, atomically: true, encoding: .utf8)
                    print("updated \(path)")
                } catch {
                    FileHandle.standardError.write(Data("dossier: cannot write '\(path)': \(error)\n".utf8))
                    failed = true
                }
                continue
            }
            print(Transcript.diff(expectedText, actualText, from: path, to: "\(path) (replayed)"), terminator: "")
            print("FAILED \(path)")
            failed = true
        }
        return failed ? 1 : 0
    }
}
