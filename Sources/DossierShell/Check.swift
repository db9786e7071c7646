import DossierCore
import Foundation

/// `dossier check`: replays transcripts on a fresh session each and prints a unified diff of what differs;
/// `--update` writes what the session printed instead. In a Markdown file, each ```dossier block is a transcript,
/// so documentation examples are checked too.
enum Check {
    static func run(_ options: Options, resources: String) -> Int32 {
        // The corpus is read once (its warnings shown once); every transcript and block replays on a fresh session over it.
        guard let base = Shell.makeSession(options, resources: resources, output: StandardStreams(), progress: false) else { return 1 }
        var failed = false
        for path in options.transcripts {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("dossier: cannot read transcript '\(path)'\n".utf8))
                failed = true
                continue
            }
            let expectedText = String(decoding: data, as: UTF8.self)
            let isMarkdown = path.hasSuffix(".md")
            var commands = 0
            let actualText: String
            if isMarkdown {
                actualText = MarkdownBlocks.map(expectedText) { block in
                    let (text, n) = replay(block, on: base, from: path)
                    commands += n
                    return text
                }
            } else {
                let (text, n) = replay(expectedText, on: base, from: path)
                actualText = text
                commands = n
            }
            if actualText == expectedText {
                print("ok \(path) (\(commands) commands)")
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

    /// Replays one transcript text on a fresh session over `base`'s corpus; returns the transcript as it is now.
    /// Paths in it are taken from the transcript's folder, and what it writes goes to a temporary folder.
    static func replay(_ text: String, on base: Session, from path: String) -> (String, Int) {
        let (entries, trailing) = Transcript.parse(text)
        let output = CollectedStreams()
        let folder = (path as NSString).deletingLastPathComponent
        let files: FileAccess
        do {
            files = try SandboxedFiles(base: folder)
        } catch {
            return ("dossier: \(error.message)\n", 0)
        }
        let session = Session(corpus: base.corpus, loader: base.loader, corpusPaths: base.corpusPaths, output: output, files: files)
        session.keepGoing = true
        // `save transcript` in a transcript saves what was replayed so far, as the recorded session did.
        session.recordsTranscript = true
        var actual: [Transcript.Entry] = []
        var lineNumber = 1
        for entry in entries {
            session.run(entry.command, file: "<stdin>", firstLine: lineNumber)
            lineNumber += entry.command.split(separator: "\n", omittingEmptySubsequences: false).count
            actual.append(Transcript.Entry(notes: entry.notes, command: entry.command, expected: output.take()))
        }
        return (Transcript.render(actual, trailingNotes: trailing), entries.count)
    }
}

/// The ```dossier fenced blocks of a Markdown file, replaced one by one.
enum MarkdownBlocks {
    static func map(_ text: String, _ transform: (String) -> String) -> String {
        var out = ""
        var block: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0) {
            if block == nil {
                out += line + "\n"
                if line.trimmingCharacters(in: .whitespaces) == "```dossier" { block = [] }
            } else if line.trimmingCharacters(in: .whitespaces) == "```" {
                let body = block!.map { $0 + "\n" }.joined()
                out += transform(body) + line + "\n"
                block = nil
            } else {
                block!.append(line)
            }
        }
        if let block { out += block.map { $0 + "\n" }.joined() }
        return out
    }
}
