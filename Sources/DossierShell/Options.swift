import DossierCore

/// The command line, parsed: what to load, how to print, and what to run.
struct Options {
    var corpora: [String] = []
    var lexicons: [String] = []
    var format: OutputFormat = .text
    /// `--limit N|none`: the display page for the run, in every format and on any output.
    var limit: Page?
    var commands: [String] = []
    var keepGoing = false
    var echo = false
    var timer = false
    var noColor = false
    /// `--cache`: save the model whatever the corpus size; `--no-cache`: never read or save it.
    var cache: CacheUse = .automatic
    var script: String?
    var scriptArguments: [String] = []
    var check = false
    var update = false
    var transcripts: [String] = []
    var help = false
    var version = false

    static let usage = """
    usage: dossier [--corpus DIR]... [--lexicon FILE]... [--format text|json|csv|tsv|markdown]
                   [--limit N|none] [-e COMMAND]... [--keep-going] [--echo] [--timer] [--no-color] [--cache | --no-cache]
                   [SCRIPT [ARG...]]
           dossier check [--update] TRANSCRIPT...
           dossier --help | --version
    """

    static let help = usage + """


    Reads plain-text documents (.txt, .md) into a model of actors, places and times, and answers queries.
    With no --corpus, the bundled corpus (seeds/ of the project, or $DOSSIER_CORPUS) is read.

      --corpus DIR       read documents under DIR (recursively); may repeat
      --lexicon FILE     add actors and places from a lexicon file; may repeat
      --format F         output format: text, json (JSON Lines), csv, tsv, markdown
      --limit N|none     show at most N rows of each result (default: 20 for text on a terminal, else all)
      -e COMMAND         run COMMAND and exit; may repeat
      --keep-going       do not stop at the first failing command (still exits 1)
      --echo             print each command before its output
      --timer            print each command's time on stderr
      --no-color         never colour the output
      --cache            save the built model (for a quick restart) even for a small corpus
      --no-cache         read the documents every time; never read or save a saved model
      SCRIPT [ARG...]    run a file of commands; ARGs are $1, $2, ... in it
      check [--update]   replay transcripts and show differences (--update re-records them)

    The model of a corpus of 16 MB or more is saved in $DOSSIER_CACHE (else $XDG_CACHE_HOME/dossier, else
    ~/.cache/dossier) and used again while the program and every input file are unchanged.
    Standard input that is not a terminal is read as a script. Type 'help' in the shell for the language.
    Exit status: 0 success, 1 a command failed, 2 usage error.
    """

    /// Parses arguments (without the program name); a usage error is returned as its message.
    static func parse(_ arguments: [String]) -> Result<Options, UsageError> {
        var options = Options()
        var i = 0
        func value(_ flag: String) -> Result<String, UsageError> {
            guard i + 1 < arguments.count else { return .failure(UsageError("\(flag) needs a value")) }
            i += 1
            return .success(arguments[i])
        }
        while i < arguments.count {
            let a = arguments[i]
            if options.script != nil {
                options.scriptArguments.append(a)
                i += 1
                continue
            }
            if options.check {
                if a == "--update" { options.update = true } else if a.hasPrefix("-") {
                    return .failure(UsageError("unknown option '\(a)' for check"))
                } else { options.transcripts.append(a) }
                i += 1
                continue
            }
            var flag = a, inline: String?
            if a.hasPrefix("--"), let eq = a.firstIndex(of: "=") {
                flag = String(a[..<eq])
                inline = String(a[a.index(after: eq)...])
            }
            func take() -> Result<String, UsageError> { inline.map { .success($0) } ?? value(flag) }
            switch flag {
            case "--corpus":
                switch take() { case .success(let v): options.corpora.append(v); case .failure(let e): return .failure(e) }
            case "--lexicon":
                switch take() { case .success(let v): options.lexicons.append(v); case .failure(let e): return .failure(e) }
            case "--format":
                switch take() {
                case .success(let v):
                    guard let f = OutputFormat(rawValue: v) else {
                        return .failure(UsageError("unknown format '\(v)' (text, json, csv, tsv, markdown)"))
                    }
                    options.format = f
                case .failure(let e): return .failure(e)
                }
            case "--limit":
                switch take() {
                case .success(let v):
                    if ["none", "all"].contains(v.lowercased()) {
                        options.limit = Page(count: nil)
                    } else if let n = Int(v), n >= 1 {
                        options.limit = Page(count: n)
                    } else {
                        return .failure(UsageError("--limit takes a number from 1 up, or 'none', not '\(v)'"))
                    }
                case .failure(let e): return .failure(e)
                }
            case "-e":
                switch value("-e") { case .success(let v): options.commands.append(v); case .failure(let e): return .failure(e) }
            case "--keep-going": options.keepGoing = true
            case "--echo": options.echo = true
            case "--timer": options.timer = true
            case "--no-color", "--no-colour": options.noColor = true
            case "--cache": options.cache = .always
            case "--no-cache": options.cache = .never
            case "--help", "-h": options.help = true
            case "--version": options.version = true
            case "check" where options.commands.isEmpty: options.check = true
            case "-": options.script = "-"
            default:
                if a.hasPrefix("-") {
                    let known = ["--corpus", "--lexicon", "--format", "--limit", "-e", "--keep-going", "--echo", "--timer", "--no-color", "--cache", "--no-cache",
                                 "--help", "--version"]
                    let hint = Suggest.nearest(a, in: known).map { " (did you mean '\($0)'?)" } ?? ""
                    return .failure(UsageError("unknown option '\(a)'\(hint)"))
                }
                options.script = a
            }
            i += 1
        }
        if options.check && options.transcripts.isEmpty { return .failure(UsageError("check needs at least one transcript file")) }
        if options.script != nil && !options.commands.isEmpty { return .failure(UsageError("give -e commands or a SCRIPT, not both")) }
        return .success(options)
    }
}

/// A display page chosen on the command line: N rows, or all (nil).
struct Page {
    var count: Int?
}

/// When the built model is saved and read again.
enum CacheUse {
    case automatic, always, never
}

/// A mistake on the command line (exit status 2).
struct UsageError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
