import DossierCore

/// `dossier annotate`: the model's analysis as a filter for job runners, one JSON object per document on
/// standard output, with no corpus in memory.
enum Annotate {
    static let usage = "usage: dossier annotate [--lexicon FILE]... [FILE...]   (no FILE or -: JSON Lines on standard input)"

    static let help = """
        \(usage)

        Writes one JSON object per document (JSON Lines) to standard output: its id, title, date, fields and clean
        text, its sentences with their times and basis, its mentions (entity, kind, type, character range, rule,
        citation) and its time expressions. FILEs ending .jsonl or .ndjson, and standard input, hold one document
        per line ({"text": ..., "id": ..., "title": ..., "date": ..., any other key}); .csv files have a header
        with a text column; .html and .htm pages are read as their article text; any other file is one text
        document. Each document is read, annotated and written before the next, so memory stays flat however
        many come. A line that is not a document is a warning on standard error and the rest go on; exit
        status 1 when an input cannot be read at all or no document was read, 2 on a usage error.
        """

    /// Runs `dossier annotate ARGUMENTS` (the words after `annotate`) and returns the exit status.
    static func run(arguments: [String]) -> Int32 {
        var lexicons: [String] = []
        var paths: [String] = []
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--help", "-h":
                StandardStream.output.write(help + "\n")
                return 0
            case "--lexicon":
                guard let file = rest.popFirst() else { return usageError("--lexicon needs a FILE") }
                lexicons.append(file)
            case "--":
                paths += rest
                rest = []
            case _ where argument.hasPrefix("-") && argument != "-":
                return usageError("unknown option '\(argument)'")
            default:
                paths.append(argument)
            }
        }
        guard let resources = BundledCorpus.directory else {
            StandardStream.error.write("dossier: cannot find the bundled corpus (seeds/); set DOSSIER_CORPUS\n")
            return 2
        }
        var loader = CorpusLoader()
        let diagnostics = loader.addResources(from: resources, lexicons: lexicons)
        for d in diagnostics { StandardStream.error.write(DiagnosticRenderer.render(d) + "\n") }
        if diagnostics.contains(where: { $0.severity == .error }) { return 1 }
        let annotator = Annotator(loader: loader)
        let ok = annotator.run(paths: paths, write: { StandardStream.output.write($0 + "\n") },
                               warn: { StandardStream.error.write(DiagnosticRenderer.render($0) + "\n") })
        return ok ? 0 : 1
    }

    private static func usageError(_ message: String) -> Int32 {
        StandardStream.error.write("dossier annotate: \(message)\n\(usage)\n")
        return 2
    }
}
