/// One command of the language, declared once: the parser dispatches on it, `help` prints it, Tab completes
/// its first argument from it, and docs/LANGUAGE.md's command summary is checked against it.
struct CommandSpec: Sendable {
    /// The word that starts the command.
    let name: String
    /// Other words that start the same command (`exit` for `quit`).
    var aliases: [String] = []
    /// The command's forms, as `help` shows them on its first line.
    let usage: String
    /// One line for the overview and the docs' summary.
    let summary: String
    /// What `help NAME` says under the usage line, without indentation.
    let explanation: [String]
    /// A command that runs as written: shown by `help`, and parsed by a test.
    let example: String
    /// What Tab offers for the word after the command's name.
    let firstArgument: ArgumentCompletion
    /// Reads the rest of the command; the parser stands on the word after the command's name.
    let parse: @Sendable (inout Parser) throws(Diagnostic) -> Command

    var words: [String] { [name] + aliases }

    /// The text of `help NAME`.
    var help: String { HelpTopic.text(usage: usage, explanation: explanation, example: example) }
}

/// What `help` says of what is not a command, found by any of its words: the stages after `|`, the filters, and how
/// a sentence's time is shown (`2017~`, `(2021-02)`), the first things a student asks about.
struct HelpTopic: Sendable {
    let words: [String]
    let usage: String
    let explanation: [String]
    let example: String

    static let all = [
        HelpTopic(words: ["pipeline", "pipelines", "where", "sort", "limit", "offset", "sample", "seed", "desc"],
                  usage: "COMMAND | where FILTER | sort by ... | limit N [offset M] | sample N [seed S]",
                  explanation: ["Stages after a command pick and order its rows, one after the other, left to right.",
                                "  where FILTER              the sentences of a find that also match FILTER",
                                "  sort by time|doc [desc]   sentences by time (undated last either way) or by document",
                                "  sort by count|KEY [desc]  a count's rows by count or by key; ties keep their order",
                                "  sort by left|right [N]    kwic lines by the Nth word left or right of the match",
                                "  limit N [offset M]        N rows from row M+1 on",
                                "  sample N [seed S]         N rows at random, the same ones for the same seed (1 by default)",
                                "The header names each stage that left rows out: \"a random sample of 2 (seed 1) of the first 5\"."],
                  example: "find actor Wagner | where place Mali | sort by time desc | limit 3"),
        HelpTopic(words: ["filter", "filters", "actor", "place", "type", "doc", "text", "matching", "since", "until", "before",
                          "after", "in", "between", "source", "field", "member", "basis", "and", "or", "not"],
                  usage: "FILTER [and|or FILTER], not FILTER, ( FILTER )",
                  explanation: ["A filter picks sentences; find, count, kwic, timeline and the others take one.",
                                "  actor NAME, place NAME     naming the actor (or an alias), or a place inside it",
                                "  type T                     naming an actor of that type (state, person, ...)",
                                "  doc ID, source S, field K V    in a document, by its id or its fields",
                                "  text \"PHRASE\", matching /RE/[i]    holding the words, or a match of the regex",
                                "  since|until|before|after|in D, between D and D (in D..D)    whose time passes (D: 2017, 2019-02, 2019-02-05)",
                                "  basis explicit|context|document    whose time is known that way (help time)",
                                "  member of NAME, $name      of a group's members, or of a named result",
                                "Names with spaces or that are words of the language go in quotes: actor \"United States\"."],
                  example: "find actor Wagner and place Mali since 2017"),
        HelpTopic(words: ["time", "times", "date", "dates", "undated"],
                  usage: "2017  2017~  (2021-02)  undated",
                  explanation: ["A sentence's time, as rows show it:",
                                "  2017        explicit: said in the sentence itself (in 2017, last May, yesterday)",
                                "  2017~       context: carried from an earlier sentence of the same paragraph",
                                "  (2021-02)   document: only the publication date of its document",
                                "  undated     none of these",
                                "Date filters keep a sentence when one of its periods passes; 'show sentence DOC:N' says why it has its time."],
                  example: "count actor Russia by year"),
        HelpTopic(words: ["regex", "regexes", "regexp", "re", "regular"],
                  usage: "matching /RE/  matching /RE/i  /RE/",
                  explanation: ["A filter on the sentences holding a match of the regular expression, searched in time linear in the text.",
                                "Perl syntax without backreferences or look-around; /i ignores case; \\/ is a slash inside it.",
                                "  .  \\w  \\d  \\s  \\b  [a-z]  (a|b)  *  +  ?  {m,n}   as in Perl ({m,n} at most 1000)",
                                "A search does at most a fixed amount of work for the corpus's size, and says so if it reaches it; Ctrl-C stops it.",
                                "kwic /RE/ shows each match in its context."],
                  example: "find matching /econom[a-z]+ growth/i"),
        HelpTopic(words: ["check", "annotate", "program", "options", "transcript", "transcripts"],
                  usage: "dossier [OPTIONS] [SCRIPT]   dossier check [--update] TRANSCRIPT...   dossier annotate [FILE...]",
                  explanation: ["Commands of the dossier program, typed at the system's shell, not at this prompt:",
                                "  dossier check FILE       replays a transcript (lines 'dossier> COMMAND' and the output) and shows differences",
                                "  dossier check --update   records the output again",
                                "  dossier annotate FILE    writes the model of each document as a JSON line, for job runners",
                                "'dossier --help', 'dossier check --help' and 'dossier annotate --help' give every option.",
                                "'save transcript \"FILE\"' at this prompt writes the session as a transcript."],
                  example: "save transcript \"lesson.transcript\""),
    ]

    static func named(_ word: String) -> HelpTopic? { all.first { $0.words.contains(word) } }

    var help: String { Self.text(usage: usage, explanation: explanation, example: example) }

    /// A help text: the usage line, the explanation's sentences run on as paragraphs, one line each, which the
    /// output fills to the width (lines that start with spaces, like the list of filters, stay as written), and an example.
    static func text(usage: String, explanation: [String], example: String) -> String {
        var lines = [usage]
        var paragraph: [String] = []
        func fill() {
            if !paragraph.isEmpty { lines.append("  " + paragraph.joined(separator: " ")) }
            paragraph.removeAll()
        }
        for text in explanation {
            if text.hasPrefix(" ") {
                fill()
                lines.append("  " + text)
            } else {
                paragraph.append(text)
            }
        }
        fill()
        return (lines + ["  example: " + example]).joined(separator: "\n")
    }
}

/// What Tab completes after a command word.
enum ArgumentCompletion: Sendable {
    /// Nothing to offer (a quoted phrase, a name the user makes up).
    case nothing
    /// One of these words.
    case words([String])
    /// Filter keywords and `$names`.
    case filter
    /// A command word (after `export`).
    case command
    /// A file or folder path.
    case path
    /// The names of settings.
    case setting
    /// Topics of `help`.
    case helpTopic
    /// The `$names` of named results.
    case names
}

/// A value `set` changes: one declaration gives the parser's check, completion and the listing of `set`.
enum Setting: String, CaseIterable, Sendable {
    case format, limit, color, timer, width, duplicates, pager

    /// Spellings the parser also accepts.
    static let aliases = ["colour": Setting.color]

    init?(word: String) {
        let lowered = word.lowercased()
        guard let setting = Setting(rawValue: lowered) ?? Setting.aliases[lowered] else { return nil }
        self = setting
    }

    /// The values Tab offers and help shows.
    var values: [String] {
        switch self {
        case .format: return OutputFormat.allCases.map(\.rawValue)
        case .limit: return ["N", "none"]
        case .color, .timer, .pager: return ["on", "off"]
        case .width: return ["N"]
        case .duplicates: return ["once", "all"]
        }
    }
}

extension Setting {
    /// The setting's value as `set` alone lists it (and as `set` takes it).
    func value(in settings: Settings) -> String {
        switch self {
        case .format: return settings.format.rawValue
        case .limit: return settings.limit.map(String.init) ?? "none"
        case .color: return settings.color ? "on" : "off"
        case .timer: return settings.timer ? "on" : "off"
        case .width: return String(settings.width)
        case .duplicates: return settings.countsDuplicates ? "all" : "once"
        case .pager: return settings.pager ? "on" : "off"
        }
    }
}

/// Every command of the language, in the order `help` lists them.
enum CommandTable {
    static let all: [CommandSpec] = [
        CommandSpec(
            name: "find", usage: "find [FILTER] [| where FILTER] [| sort by time|doc [desc]] [| limit N]",
            summary: "sentences that match",
            explanation: [
                "Sentences that match. FILTER combines with and, or, not and ( ); words side by side mean 'and'.",
                "  actor NAME   place NAME   type TYPE   doc ID   text \"PHRASE\"   \"PHRASE\"   matching /REGEX/[i]",
                "  source VALUE   field KEY VALUE   (document fields)   member of NAME (affiliated at the time)",
                "  since D   until D   before D   after D   in D   between D and D   $name",
                "  basis explicit|context|document   (how the time is known)",
                "D is 2017, 2019-02 or 2019-02-05; date filters compare intervals (a sentence about 2014..2019 is 'in 2016').",
                "A place includes the places inside it (place Mali finds Bamako).",
            ],
            example: "find actor Wagner since 2017 | sort by time | limit 5", firstArgument: .filter,
            parse: { (p: inout Parser) throws(Diagnostic) in .find(try p.optionalFilter(), try p.stages()) }),
        CommandSpec(
            name: "count", usage: "count [FILTER] by year|month|doc|actor|place|type|source|field KEY   count words|ngrams N [FILTER] [with stopwords]",
            summary: "how many sentences, grouped; word and n-gram frequencies",
            explanation: [
                "How many sentences, grouped; by year and by month are drawn as bar charts.",
                "A sentence counts once in every year (month) one of its periods covers, as 'in YEAR' finds it;",
                "░ marks sentences dated only by their document's publication. Without 'by': the number of sentences.",
                "count words: each word (folded: case and accents ignored) with how often it occurs in the sentences.",
                "count ngrams N: sequences of N (2 to 5) words within a sentence, punctuation between them ignored.",
                "Stop words (seeds/english.stopwords; add *.stopwords files beside a corpus) are left out of the",
                "listing unless 'with stopwords' is given; n-grams starting or ending with one are left out.",
            ],
            example: "count actor Russia by year", firstArgument: .filter,
            parse: { (p: inout Parser) throws(Diagnostic) in try p.countCommand() }),
        CommandSpec(
            name: "top", usage: "top actors|places [N] [FILTER]",
            summary: "the most mentioned actors or places",
            explanation: ["The N (default 10) actors or places mentioned in the most sentences."],
            example: "top actors 5 place Mali", firstArgument: .words(["actors", "places"]),
            parse: { (p: inout Parser) throws(Diagnostic) in try p.topCommand() }),
        CommandSpec(
            name: "actors", usage: "actors [type TYPE | discovered]",
            summary: "the actors in the corpus",
            explanation: [
                "Actors or places mentioned in the corpus, with mentions and documents. 'discovered' lists names found",
                "in the text that the lexicon does not know, to promote into a lexicon file.",
            ],
            example: "actors type state", firstArgument: .words(["type", "discovered"]),
            parse: { (p: inout Parser) throws(Diagnostic) in try p.listCommand(.actor) }),
        CommandSpec(
            name: "places", usage: "places [type TYPE | discovered]",
            summary: "the places in the corpus",
            explanation: ["Places mentioned in the corpus; see 'help actors'."],
            example: "places", firstArgument: .words(["type", "discovered"]),
            parse: { (p: inout Parser) throws(Diagnostic) in try p.listCommand(.place) }),
        CommandSpec(
            name: "docs", usage: "docs [duplicates]", summary: "the documents, or those that repeat another's text",
            explanation: [
                "The documents: id, title, publication date, the fields manifests give them (source, ...), sentences, path.",
                "Any unique prefix of an id names a document. 'docs duplicates' lists documents with the same text as an",
                "earlier one: answers count that text once unless 'set duplicates all'.",
            ],
            example: "docs", firstArgument: .words(["duplicates"]),
            parse: { (p: inout Parser) throws(Diagnostic) in p.docsCommand() }),
        CommandSpec(
            name: "show", usage: "show actor NAME | show place NAME | show doc ID | show sentence DOC:N",
            summary: "a profile of an actor, place, document or sentence",
            explanation: [
                "A profile: type, aliases, affiliations, mentions, documents, first and last dated mention, related actors;",
                "for a document: title, date and how it is known, size, its actors and places; for a sentence: why it has",
                "its time and each name found in it, with the alias or rule that found it.",
            ],
            example: "show actor Wagner", firstArgument: .words(["actor", "place", "doc", "sentence"]),
            parse: { (p: inout Parser) throws(Diagnostic) in try p.showCommand() }),
        CommandSpec(
            name: "timeline", usage: "timeline [FILTER] [| ...]",
            summary: "dated sentences in time order",
            explanation: [
                "Dated sentences in time order (explicit dates and dates carried from the paragraph; not publication dates).",
                "A date marked ~ is carried from earlier in the paragraph.",
            ],
            example: "timeline actor France until 2013", firstArgument: .filter,
            parse: { (p: inout Parser) throws(Diagnostic) in .timeline(try p.optionalFilter(), try p.stages()) }),
        CommandSpec(
            name: "kwic", usage: "kwic \"PHRASE\"|FILTER [width N [words]] [FILTER] [| sort by left|right [N]] [| sample N] [| limit N offset M]",
            summary: "key word in context",
            explanation: [
                "Key word in context: each occurrence of a phrase, /regex/, actor or place (any alias) in the sentences",
                "the filter selects, with N characters (default 40) or N words either side. Dates, docs and $names only",
                "select sentences: kwic actor Wagner and $recent. '| sort by left|right N' orders lines by the Nth word",
                "from the match; '| sample N [seed S]' keeps N lines at random, reproducibly.",
            ],
            example: "kwic \"tactical alliance\" width 30", firstArgument: .nothing,
            parse: { (p: inout Parser) throws(Diagnostic) in try p.kwicCommand() }),
        CommandSpec(
            name: "cooccur", usage: "cooccur actor NAME [FILTER]",
            summary: "who appears together with an actor",
            explanation: ["Actors mentioned in the same sentences, ranked by log-likelihood (g2), with pointwise mutual information (pmi)."],
            example: "cooccur actor Russia", firstArgument: .words(["actor"]),
            parse: { (p: inout Parser) throws(Diagnostic) in try p.cooccurCommand() }),
        CommandSpec(
            name: "collocates", usage: "collocates WORD|\"PHRASE\"|actor NAME [window N] [FILTER] [with stopwords]",
            summary: "words that occur near a word, phrase or actor, with association scores",
            explanation: [
                "Words within N (default 5) words of the node, in the same sentence, in the sentences FILTER selects",
                "(the whole corpus without one). count: in the windows; frequency: in those sentences outside the node.",
                "Scores, as cwb-ccc and AntConc compute them: ll (log-likelihood, signed), mi (log2 O/E),",
                "t (t-score), dice; ranked by ll. Stop words are left out unless 'with stopwords' is given.",
            ],
            example: "collocates actor Russia window 5", firstArgument: .words(["actor"]),
            parse: { (p: inout Parser) throws(Diagnostic) in try p.collocatesCommand() }),
        CommandSpec(
            name: "keywords", usage: "keywords FILTER [against FILTER] [with stopwords]",
            summary: "words over-represented in some sentences",
            explanation: [
                "Words more frequent in FILTER's sentences than in the rest of the corpus (or in the sentences after",
                "'against'), ranked by log-likelihood (ll), with log_ratio (log2 of the ratio of relative frequencies,",
                "0.5 added to each side): ll says how sure, log_ratio how big. count: in FILTER; reference: in the rest.",
            ],
            example: "keywords doc 002 against doc 000 or doc 004", firstArgument: .filter,
            parse: { (p: inout Parser) throws(Diagnostic) in try p.keywordsCommand() }),
        CommandSpec(
            name: "network", usage: "network [FILTER]   export network [FILTER] to \"FILE.graphml\"|\".gexf\"|\".dot\"",
            summary: "the co-mention network of actors, for Gephi or Graphviz",
            explanation: [
                "Pairs of actors named in the same sentences, with how many (count) and log-likelihood (g2) as edge weights.",
                "Exported to .graphml or .gexf (Gephi, networkx) or .dot (Graphviz) it is a graph; to .csv, the edge table.",
            ],
            example: "network actor Wagner", firstArgument: .filter,
            parse: { (p: inout Parser) throws(Diagnostic) in .network(try p.optionalFilter()) }),
        CommandSpec(
            name: "let", usage: "let NAME = COMMAND", summary: "name a result, used as $NAME",
            explanation: [
                "Names a result. A sentence result ($NAME) is a filter and a command; any other result (a count, a",
                "listing, word statistics) is shown again by $NAME, and can be exported: export $NAME to \"FILE\".",
            ],
            example: "let wagner = find actor Wagner", firstArgument: .nothing,
            parse: { (p: inout Parser) throws(Diagnostic) in try p.letCommand() }),
        CommandSpec(
            name: "names", usage: "names", summary: "the named results",
            explanation: ["The named results: name, kind, rows and the command that made each."],
            example: "names", firstArgument: .nothing,
            parse: { (_: inout Parser) throws(Diagnostic) in .names }),
        CommandSpec(
            name: "drop", usage: "drop $NAME", summary: "forget a named result",
            explanation: ["Forgets a named result."],
            example: "drop $wagner", firstArgument: .names,
            parse: { (p: inout Parser) throws(Diagnostic) in try p.dropCommand() }),
        CommandSpec(
            name: "set", usage: "set format text|json|csv|tsv|markdown   set limit N|none   set color on|off   set timer on|off   set width N   set duplicates once|all   set pager on|off",
            summary: "change a setting, or list them all",
            explanation: [
                "Changes how results are shown; the display page ('limit') applies to text on a terminal.",
                "'duplicates all' counts every copy of a text loaded under several names (default: once).",
                "'set' alone lists every setting and its value. 'pager' sends long text output on a terminal through $PAGER.",
            ],
            example: "set format json", firstArgument: .setting,
            parse: { (p: inout Parser) throws(Diagnostic) in try p.setCommand() }),
        CommandSpec(
            name: "export", usage: "export COMMAND to \"FILE\" [force]",
            summary: "write all rows of a command to a file",
            explanation: [
                "Writes all rows of a command to a file; the format follows the extension (.json .jsonl .csv .tsv .md .txt).",
                "Pictures: a count to .svg draws its bar chart; network to .graphml, .gexf or .dot writes the graph.",
                "An existing file is kept unless 'force' is given; the file is written whole or not at all.",
                "'export model to \"DIR\"' writes the whole model as tables (JSON Lines and CSV, with schema.json) for DuckDB or Spark; see docs/EXPORT.md.",
            ],
            example: "export find actor Wagner to \"wagner.csv\"", firstArgument: .command,
            parse: { (p: inout Parser) throws(Diagnostic) in try p.exportCommand() }),
        CommandSpec(
            name: "run", usage: "run \"FILE\" [ARG...]", summary: "run a script of commands",
            explanation: ["Runs a script of commands; paths are relative to the running script. ARGs are $1, $2, ... in it."],
            example: "run \"scripts/demos/tour.dossier\"", firstArgument: .path,
            parse: { (p: inout Parser) throws(Diagnostic) in
                let (path, span) = try p.quotedPath()
                return .run(path, arguments: p.scriptArguments(), span)
            }),
        CommandSpec(
            name: "load", usage: "load \"DIR\"", summary: "add the documents under a folder",
            explanation: ["Adds the documents under DIR (recursively) to the session, or one file: .txt and .md text, .html and .htm pages (their article), .jsonl, .ndjson and .csv collections."],
            example: "load \"more-articles\"", firstArgument: .path,
            parse: { (p: inout Parser) throws(Diagnostic) in let (path, span) = try p.quotedPath(); return .load(path, span) }),
        CommandSpec(
            name: "echo", usage: "echo TEXT", summary: "print text",
            explanation: ["Prints TEXT (for scripts and demonstrations)."],
            example: "echo Who worked with Wagner?", firstArgument: .nothing,
            parse: { (p: inout Parser) throws(Diagnostic) in p.echoCommand() }),
        CommandSpec(
            name: "expect", usage: "expect count N | expect contains \"TEXT\"", summary: "check the previous result",
            explanation: ["Checks the previous command's result; fails (exit status 1) when it does not hold."],
            example: "expect count 3", firstArgument: .words(["count", "contains"]),
            parse: { (p: inout Parser) throws(Diagnostic) in try p.expectCommand() }),
        CommandSpec(
            name: "save", usage: "save transcript \"FILE\" [force]", summary: "save the session as a transcript",
            explanation: [
                "Writes the session so far as a transcript that 'dossier check FILE' replays.",
                "An existing file is kept unless 'force' is given.",
            ],
            example: "save transcript \"lesson.transcript\"", firstArgument: .words(["transcript"]),
            parse: { (p: inout Parser) throws(Diagnostic) in try p.saveCommand() }),
        CommandSpec(
            name: "help", usage: "help [COMMAND|TOPIC]", summary: "list the commands, or explain one",
            explanation: ["Lists the commands, or explains one; 'help filters', 'help pipelines' and 'help time' explain the filters,",
                          "the stages after '|' and how a sentence's time is shown."],
            example: "help find", firstArgument: .helpTopic,
            parse: { (p: inout Parser) throws(Diagnostic) in p.helpCommand() }),
        CommandSpec(
            name: "quit", aliases: ["exit"], usage: "quit (or exit, or Ctrl-D)", summary: "leave Dossier",
            explanation: ["Leaves Dossier."],
            example: "quit", firstArgument: .nothing,
            parse: { (_: inout Parser) throws(Diagnostic) in .quit }),
    ]

    private static let byWord: [String: CommandSpec] = {
        var table: [String: CommandSpec] = [:]
        for spec in all { for word in spec.words { table[word] = spec } }
        return table
    }()

    /// Every word that starts a command, aliases included.
    static let words: [String] = all.flatMap(\.words)

    static func spec(_ word: String) -> CommandSpec? { byWord[word.lowercased()] }

    /// The text of `help` alone: each command with its summary, then the filters.
    static var overview: String {
        let width = all.map(\.name.count).max() ?? 0
        var lines = ["Dossier: who did what, where and when, in a body of documents."]
        lines += all.map { "  " + $0.name.padding(width) + "  " + $0.summary }
        lines += [
            "Filters, combined with and, or, not, ( ):",
            "  actor NAME, place NAME, type T, doc ID, text \"PHRASE\", matching /RE/, since/until/before/after/in D,"
                + " between D and D, $name, source S, field K V, member of NAME, basis B",
            "Type 'help COMMAND' for its forms and an example; 'help filters', 'help pipelines' (| where, sort by, limit,"
                + " sample) and 'help time' (2017~, (2021-02)) for the rest. Try: find actor Wagner since 2017",
        ]
        return lines.joined(separator: "\n")
    }

    /// The command summary of docs/LANGUAGE.md, as Markdown: a row per command.
    static var markdownSummary: String {
        var lines = ["| command | what it does | example |", "| --- | --- | --- |"]
        for spec in all {
            let escaped = spec.usage.replacingAll("|", with: "\\|")
            lines.append("| `\(escaped)` | \(spec.summary) | `\(spec.example.replacingAll("|", with: "\\|"))` |")
        }
        return lines.joined(separator: "\n")
    }

    /// The text of `help TOPIC` (a command, or a word of the pipelines, the filters or times), or nil for an unknown topic.
    static func help(_ topic: String?) -> String? {
        guard let topic else { return overview }
        if let spec = spec(topic) { return spec.help }
        if let found = HelpTopic.named(topic.lowercased())?.help { return found }
        // "show sentence", "count words": the command's help, which has every form of it.
        let words = topic.split(separator: " ")
        if words.count > 1 { return help(String(words[0])) }
        // "ngrams", "duplicates": a word of a command's forms gives the help of each command it is a word of.
        let folded = topic.lowercased()
        let forms = all.filter { spec in
            spec.usage.split(whereSeparator: { !$0.isLetter }).dropFirst().contains { $0.lowercased() == folded }
        }
        return forms.isEmpty ? nil : forms.map(\.help).joined(separator: "\n\n")
    }

    /// Every word `help` knows: the commands' and the topics'.
    static var helpWords: [String] { words + HelpTopic.all.flatMap(\.words) }
}
