import ArgumentParser
import DossierCore

/// The command line, parsed: what to load, how to print, and what to run.
struct Options {
    var corpora: [String] = []
    var lexicons: [String] = []
    var format: OutputFormat = .text
    /// `--limit N|none`: the display page for the run, in every format and on any output.
    var limit: Page?
    var commands: [String] = []
    /// `--cmd COMMAND`: run before the prompt (or the piped script).
    var startCommands: [String] = []
    var keepGoing = false
    var echo = false
    var timer = false
    var color: ColorChoice = .auto
    /// `--cache`: save the model whatever the corpus size; `--no-cache`: never read or save it.
    var cache: CacheUse = .automatic
    /// `--init FILE` (run in every mode), or nil for the start-up file of the prompt; `--no-init` for none.
    var initFile: String?
    var noInit = false
    var script: String?
    var scriptArguments: [String] = []
    var check = false
    var update = false
    var transcripts: [String] = []

    /// What the command line asks for: a run, or text to print and an exit status (help, version, a usage error).
    enum Outcome {
        case run(Options)
        case exit(stdout: String, stderr: String, status: Int32)
    }

    /// Parses arguments (without the program name). Usage errors give exit status 2 and the usage on stderr.
    ///
    /// `check` is a subcommand, but the root command's SCRIPT would take it as a script's name: the arguments are
    /// cut at the `check` that stands where SCRIPT would, the root's options before it and `check`'s after.
    static func parse(_ arguments: [String]) -> Outcome {
        do {
            var root = try DossierCommand.parseAsRoot(arguments)
            if let command = root as? DossierCommand, command.script == "check" {
                for (i, word) in arguments.enumerated() where word == "check" {
                    guard let before = try? DossierCommand.parseAsRoot(Array(arguments[..<i])) as? DossierCommand,
                          before.script == nil, before.commands.isEmpty else { continue }
                    var options = before.options
                    let check = try CheckCommand.parse(Array(arguments[(i + 1)...]))
                    options.check = true
                    options.update = check.update
                    options.transcripts = check.transcripts
                    options.corpora += check.corpora
                    options.lexicons += check.lexicons
                    if let cache = check.cache { options.cache = cache ? .always : .never }
                    return .run(options)
                }
            }
            guard let command = root as? DossierCommand else {
                try root.run()  // `help`: prints the help
                return .exit(stdout: "", stderr: "", status: 0)
            }
            return .run(command.options)
        } catch {
            let type: ParsableCommand.Type = arguments.contains("check") ? CheckCommand.self : DossierCommand.self
            if type.exitCode(for: error) == .success {
                let text = type.fullMessage(for: error)
                return .exit(stdout: text.isEmpty ? "" : text + "\n", stderr: "", status: 0)
            }
            let message = type.message(for: error)
            return .exit(stdout: "", stderr: "dossier: \(message.prefix(1).lowercased() + message.dropFirst())\nusage: \(DossierCommand.usageString())\n", status: 2)
        }
    }
}

/// `dossier`'s options, declared once with swift-argument-parser: parsing, `--help`, the shells' completion
/// scripts (`--generate-completion-script bash|zsh|fish`) and the man page (scripts/install) all come from here.
struct DossierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Who did what, where and when, in a body of documents.",
        usage: """
        dossier [<options>] [--] [SCRIPT [ARG...]]
          dossier check [--update] [--corpus DIR]... [--lexicon FILE]... TRANSCRIPT...
          dossier annotate [--lexicon FILE]... [FILE...]
        """,
        discussion: """
        Reads documents (.txt, .md; .html and .htm pages as their article text; .jsonl, .ndjson and .csv \
        collections, one document per line or row) into a model of actors, places and times, and answers queries. 'dossier annotate' writes that model as one JSON \
        object per document, for job runners. \
        With no --corpus, the bundled corpus (seeds/ of the project, or $DOSSIER_CORPUS) is read.

        The prompt first runs the start-up file $XDG_CONFIG_HOME/dossier/init.dossier (else \
        ~/.config/dossier/init.dossier), unless --init names another (run in every mode) or --no-init is given. \
        Standard input that is not a terminal is read as a script. Type 'help' in the shell for the language.

        Colour: on a terminal unless NO_COLOR is set to a non-empty value or TERM is dumb; FORCE_COLOR (non-empty, \
        not 0) or --color always forces it. Long text output on a terminal goes through $PAGER (default less -FRX) \
        when it would scroll off; 'set pager off' or an empty PAGER turns that off. Without a terminal, $COLUMNS \
        sets the width of text output.

        The model of a corpus of 32 KB or more is saved in $DOSSIER_CACHE (else $XDG_CACHE_HOME/dossier, else \
        ~/.cache/dossier) and used again while the program and every input file are unchanged; the lexicons are \
        kept there compiled, so that start-up does not parse them. --no-cache reads and writes neither.

        Exit status: 0 success, 1 a command failed, 2 usage error, 130 stopped by Ctrl-C.
        """,
        version: "dossier \(Shell.version)",
        subcommands: [CheckCommand.self])

    @Option(name: .customLong("corpus"), help: ArgumentHelp("Read documents under DIR (recursively); may repeat.", valueName: "DIR"),
            completion: .directory)
    var corpora: [String] = []

    @Option(name: .customLong("lexicon"), help: ArgumentHelp("Add actors and places from a lexicon file; may repeat.", valueName: "FILE"),
            completion: .file())
    var lexicons: [String] = []

    @Option(help: ArgumentHelp("Output format: text, json (JSON Lines), csv, tsv, markdown.", valueName: "F"))
    var format: OutputFormat = .text

    // Unconditional: `--limit -3` is a limit to refuse with its reason, not an option to look for.
    @Option(parsing: .unconditional, help: ArgumentHelp("Show at most N rows of each result (default: 20 for text on a terminal, else all).",
                                                         valueName: "N|none"),
            transform: Page.init(argument:))
    var limit: Page?

    @Option(name: .customShort("e"), help: ArgumentHelp("Run COMMAND and exit; may repeat.", valueName: "COMMAND"))
    var commands: [String] = []

    @Option(name: .customLong("cmd"), help: ArgumentHelp("Run COMMAND before the prompt (or the piped script); may repeat.", valueName: "COMMAND"))
    var startCommands: [String] = []

    @Flag(help: "Do not stop at the first failing command (still exits 1).")
    var keepGoing = false

    @Flag(help: "Print each command before its output.")
    var echo = false

    @Flag(help: "Print each command's time on stderr.")
    var timer = false

    @Option(name: [.customLong("color"), .customLong("colour")], help: ArgumentHelp("Colour the output: always, never or auto (on a terminal).", valueName: "WHEN"))
    var color: ColorChoice = .auto

    @Flag(name: [.customLong("no-color"), .customLong("no-colour")], help: "Never colour the output (--color never).")
    var noColor = false

    @Flag(inversion: .prefixedNo, exclusivity: .exclusive,
          help: "--cache saves the built model even for a small corpus; --no-cache never reads or saves one.")
    var cache: Bool?

    @Option(name: .customLong("init"), help: ArgumentHelp("Run FILE first, in every mode, instead of the prompt's start-up file.", valueName: "FILE"),
            completion: .file())
    var initFile: String?

    @Flag(name: .customLong("no-init"), help: "Do not run a start-up file.")
    var noInit = false

    @Argument(help: ArgumentHelp("Run a file of commands ('-' for standard input). '--' before it ends the options.", valueName: "SCRIPT"),
              completion: .file())
    var script: String?

    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("The script's $1, $2, ...", valueName: "ARG"))
    var scriptArguments: [String] = []

    func validate() throws {
        if script != nil && !commands.isEmpty { throw ValidationError("give -e commands or a SCRIPT, not both") }
        if initFile != nil && noInit { throw ValidationError("give --init FILE or --no-init, not both") }
        if noColor && color == .always { throw ValidationError("give --color always or --no-color, not both") }
    }

    var options: Options {
        var o = Options()
        o.corpora = corpora
        o.lexicons = lexicons
        o.format = format
        o.limit = limit
        o.commands = commands
        o.startCommands = startCommands
        o.keepGoing = keepGoing
        o.echo = echo
        o.timer = timer
        o.color = noColor ? .never : color
        o.cache = cache.map { $0 ? .always : .never } ?? .automatic
        o.initFile = initFile
        o.noInit = noInit
        o.script = script
        o.scriptArguments = scriptArguments
        return o
    }
}

/// `dossier check`: replays transcripts (and the ```dossier blocks of Markdown files) and shows differences.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Replay transcripts and show differences (--update re-records them).",
        usage: "dossier check [--update] [--corpus DIR]... [--lexicon FILE]... [--no-cache] TRANSCRIPT...")

    @Flag(help: "Re-record the transcripts that differ.")
    var update = false

    @Option(name: .customLong("corpus"), help: ArgumentHelp("Replay on the documents under DIR (as before 'check'); may repeat.", valueName: "DIR"),
            completion: .directory)
    var corpora: [String] = []

    @Option(name: .customLong("lexicon"), help: ArgumentHelp("Add actors and places from a lexicon file (as before 'check'); may repeat.",
                                                             valueName: "FILE"),
            completion: .file())
    var lexicons: [String] = []

    @Flag(inversion: .prefixedNo, exclusivity: .exclusive, help: "As before 'check': --no-cache neither reads nor saves a built model.")
    var cache: Bool?

    @Argument(help: ArgumentHelp("Transcripts (.transcript) or Markdown files with ```dossier blocks.", valueName: "TRANSCRIPT"),
              completion: .file())
    var transcripts: [String]
}

extension OutputFormat: ExpressibleByArgument {}

/// When output is coloured: `--color always|never|auto`.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case always, never, auto
}

/// A display page chosen on the command line: N rows, or all (nil).
struct Page {
    var count: Int?

    /// `N` (1 up) or `none` (also `all`).
    init(argument: String) throws {
        if ["none", "all"].contains(argument.lowercased()) {
            count = nil
        } else if let n = Int(argument), n >= 1 {
            count = n
        } else {
            throw ValidationError("--limit takes a number from 1 up, or 'none', not '\(argument)'")
        }
    }
}

/// When the built model is saved and read again.
enum CacheUse {
    case automatic, always, never
}
