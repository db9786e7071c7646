import DossierCore
import Foundation

/// `dossier check`: replays transcripts on a fresh session each and prints a unified diff of what differs;
/// `--update` writes what the session printed instead. In a Markdown file, each ```dossier block is a transcript,
/// so documentation examples are checked too.
enum Check {
    static func run(_ options: Options, resources: String) -> Int32 {
        // The corpus is read once for each folder of transcripts (its warnings shown once), its paths shown from that
        // folder as a session started there shows them; every transcript and block replays on a fresh session over it.
        var base: Session?
        var baseFolder: String?
        defer { FileSystem.showPaths(from: nil) }
        var failed = false
        for path in options.transcripts {
            let folder = FileSystem.absoluteFolder(of: path)
            if base == nil || folder != baseFolder {
                FileSystem.showPaths(from: folder)
                guard let session = Shell.makeSession(options, resources: resources, output: StandardStreams(), progress: false) else { return 1 }
                (base, baseFolder) = (session, folder)
            }
            guard let base else { return 1 }
            let expectedText: String
            let lineEnding: LineEnding
            do {
                let (raw, warnings) = try ScriptText.read(path: path)
                for warning in warnings { StandardStream.error.write(DiagnosticRenderer.render(warning) + "\n") }
                // The ending the file is written with, before decoding reads a lone CR as a line break: --update keeps it.
                lineEnding = LineEnding(of: try FileSystem.readText(path))
                // A last line without its newline (an editor that adds none) is no difference: the diff could not show it.
                let text = LineEnding.normalised(raw)
                expectedText = text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
            } catch {
                StandardStream.error.write("dossier: cannot read transcript '\(path)': \(error)\n")
                failed = true
                continue
            }
            let isMarkdown = path.hasSuffix(".md")
            var commands = 0
            var failedExpectations: [Diagnostic] = []
            var notRecorded: [Diagnostic] = []
            let actualText: String
            if isMarkdown {
                actualText = MarkdownBlocks.map(expectedText) { block, firstLine in
                    let replayed = replay(block, on: base, from: path, firstLine: firstLine)
                    commands += replayed.commands
                    failedExpectations += replayed.failedExpectations
                    notRecorded += replayed.notRecorded
                    return replayed.text
                }
            } else {
                let replayed = replay(expectedText, on: base, from: path)
                actualText = replayed.text
                commands = replayed.commands
                failedExpectations = replayed.failedExpectations
                notRecorded = replayed.notRecorded
            }
            if options.update, !notRecorded.isEmpty {
                // tester20 #15: `--update` on notes holding such a line replaced the prose after it with an error message.
                StandardStream.error.write(notRecorded.map { DiagnosticRenderer.render($0) + "\n" }.joined() + "not updated: \(path)\n")
                failed = true
                continue
            }
            if commands == 0 {
                // A transcript with nothing to replay would pass whatever the program does.
                let problem = Diagnostic(.error, at: SourceLocation(file: path, line: 1, column: 1), "no commands to check: a transcript's "
                                         + "commands are lines starting with 'dossier> '" + (isMarkdown ? " inside ```dossier blocks" : ""))
                StandardStream.error.write(DiagnosticRenderer.render(problem) + "\n")
                failed = true
                continue
            }
            if !failedExpectations.isEmpty {
                // An `expect` that does not hold fails the check, even when the transcript recorded its failure; what
                // else changed is shown too, since that is when the user needs to see it most (a corpus changed).
                if !options.update, actualText != expectedText {
                    StandardStream.output.write(Transcript.diff(expectedText, actualText, from: path, to: "\(path) (replayed)"))
                }
                StandardStream.error.write(failedExpectations.map { DiagnosticRenderer.render($0) + "\n" }.joined()
                                           + (options.update ? "not updated: " : "FAILED ") + path + "\n")
                noteOtherCorpus(of: path, expectedText, replayedOn: base)
                failed = true
                continue
            }
            let updatedText = isMarkdown ? actualText : noting(base.corpusPaths, in: actualText, of: path)
            if actualText == expectedText, !options.update || updatedText == expectedText {
                StandardStream.output.write("ok \(path) (\(commands) command\(commands == 1 ? "" : "s"))\n")
                continue
            }
            if options.update {
                do {
                    try LocalFiles().write(lineEnding.applied(to: updatedText), to: path, force: true)
                    StandardStream.output.write("updated \(path)\n")
                } catch {
                    StandardStream.error.write("dossier: \(error.message)\n")
                    failed = true
                }
                continue
            }
            StandardStream.output.write(Transcript.diff(expectedText, actualText, from: path, to: "\(path) (replayed)") + "FAILED \(path)\n")
            noteOtherCorpus(of: path, expectedText, replayedOn: base)
            failed = true
        }
        return failed ? 1 : 0
    }

    /// A transcript updated on a corpus says which in its opening note, as one saved at the prompt does (tester19 #18b:
    /// a lesson updated with `--corpus DIR` later failed a plain check with no hint): an old note is replaced, and one is
    /// added when the corpus is not the bundled one.
    static func noting(_ corpus: [String], in text: String, of path: String) -> String {
        let note = Transcript.corpusNote(corpus, from: FileSystem.absoluteFolder(of: path))
        var lines = text.components(separatedBy: "\n")
        let firstCommand = lines.firstIndex { $0.hasPrefix(Transcript.prompt) } ?? lines.count
        if let old = lines[..<firstCommand].firstIndex(where: { $0.hasPrefix(Transcript.corpusNotePrefix) }) {
            lines[old] = note
        } else if corpus != [BundledCorpus.directory].compactMap({ $0 }) {
            lines.insert(note, at: 0)
        }
        return lines.joined(separator: "\n")
    }

    /// Says so when a failed transcript was recorded on another corpus than the one it was replayed on.
    static func noteOtherCorpus(of path: String, _ text: String, replayedOn base: Session) {
        guard let recorded = Transcript.recordedCorpus(text) else { return }
        let replayed = String(Transcript.corpusNote(base.corpusPaths, from: FileSystem.absoluteFolder(of: path)).dropFirst(Transcript.corpusNotePrefix.count))
        guard recorded != replayed else { return }
        StandardStream.error.write("note: \(path) was recorded on \(recorded) and replayed on \(replayed) (paths from its folder); "
                                   + "give check the corpus it was recorded on\n")
    }

    /// Replays one transcript text (from line `firstLine` of its file) on a fresh session over `base`'s corpus; returns
    /// the transcript as it is now, its number of commands, each `expect` that failed and each line Dossier cannot have
    /// recorded, placed on the file's line. Paths in it are taken from the transcript's folder, and what it writes goes to a
    /// temporary folder.
    static func replay(_ text: String, on base: Session, from path: String, firstLine: Int = 1)
        -> (text: String, commands: Int, failedExpectations: [Diagnostic], notRecorded: [Diagnostic]) {
        let (entries, trailing) = Transcript.parse(text)
        let output = CollectedStreams()
        let folder = (path as NSString).deletingLastPathComponent
        let files: FileAccess
        do {
            files = try SandboxedFiles(base: folder)
        } catch {
            return ("dossier: \(error.message)\n", 0, [], [])
        }
        var failedExpectations: [Diagnostic] = []
        var notRecorded: [Diagnostic] = []
        let session = Session(corpus: base.corpus, loader: base.loader, corpusPaths: base.corpusPaths, output: output, files: files)
        session.keepGoing = true
        // `save transcript` in a transcript saves what was replayed so far, as the recorded session did.
        session.recordsTranscript = true
        var actual: [Transcript.Entry] = []
        var lineNumber = 1
        for entry in entries {
            if session.quitRequested {
                // What follows a quit would never run in the session the transcript stands for: an expect there
                // would pass unchecked.
                failedExpectations.append(Diagnostic(.error, at: SourceLocation(file: path, line: firstLine - 1 + entry.line, column: 1),
                                                     "this command comes after 'quit' and is never run; remove it or the quit"))
                break
            }
            let failedBefore = session.failedExpectations.count
            session.run(entry.command, file: "<stdin>", firstLine: lineNumber)
            lineNumber += entry.command.split(separator: "\n", omittingEmptySubsequences: false).count
            for failure in session.failedExpectations.dropFirst(failedBefore) {
                failedExpectations.append(Diagnostic(.error, at: SourceLocation(file: path, line: firstLine - 1 + entry.line, column: 1),
                                                     failure.message))
            }
            let replayed = output.take()
            // A line that is no command, followed by text that is not the error it gives, was never recorded by Dossier:
            // prose that starts with the prompt ("dossier> is how the prompt looks."), which --update must not replace. (A
            // mistyped command with nothing after it is a lesson being written: --update records its error.)
            if replayed != entry.expected, !entry.expected.allSatisfy(\.isWhitespace), (try? Parser.parse(entry.command, file: "<stdin>")) == nil {
                notRecorded.append(Diagnostic(.error, at: SourceLocation(file: path, line: firstLine - 1 + entry.line, column: 1),
                                              "'\(TerminalSafe.clean(Transcript.prompt + entry.command))' is no command, and what "
                                              + "follows it is not the error it gives: this line was not recorded by Dossier"))
            }
            actual.append(Transcript.Entry(notes: entry.notes, command: entry.command, expected: replayed))
        }
        return (Transcript.render(actual, trailingNotes: trailing), entries.count, failedExpectations, notRecorded)
    }
}

/// The ```dossier fenced blocks of a Markdown file, replaced one by one.
enum MarkdownBlocks {
    /// `transform` gets each block's text and the file's line its first line is on.
    static func map(_ text: String, _ transform: (String, Int) -> String) -> String {
        var out = ""
        var block: [Substring]?
        var blockLine = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0).enumerated() {
            if block == nil {
                out += line + "\n"
                if line.trimmingCharacters(in: .whitespaces) == "```dossier" {
                    block = []
                    blockLine = index + 2
                }
            } else if line.trimmingCharacters(in: .whitespaces) == "```" {
                let body = block!.map { $0 + "\n" }.joined()
                out += transform(body, blockLine) + line + "\n"
                block = nil
            } else {
                block!.append(line)
            }
        }
        if let block { out += block.map { $0 + "\n" }.joined() }
        return out
    }
}
