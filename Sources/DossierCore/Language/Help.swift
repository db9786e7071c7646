/// What `help` and `help COMMAND` print: each command explained with an example.
enum Help {
    static let entries: [(topic: String, text: String)] = [
        ("find", """
        find [FILTER] [| where FILTER] [| sort by time|doc [desc]] [| limit N]
          Sentences that match. FILTER combines with and, or, not and ( ); words side by side mean 'and'.
            actor NAME   place NAME   type TYPE   doc ID   text "PHRASE"   "PHRASE"   matching /REGEX/[i]
            since D   until D   before D   after D   in D   between D and D   $name
          D is 2017, 2019-02 or 2019-02-05; date filters compare intervals (a sentence about 2014..2019 is 'in 2016').
          A place includes the places inside it (place Mali finds Bamako).
          example: find actor Wagner since 2017 | sort by time | limit 5
        """),
        ("count", """
        count [FILTER] by year|month|doc|actor|place|type
          How many sentences, grouped; by year and by month are drawn as bar charts.
          A sentence counts in every year its interval covers (up to ten; longer ones count as 'wider').
          example: count actor Russia by year
        """),
        ("top", """
        top actors|places [N] [FILTER]
          The N (default 10) actors or places mentioned in the most sentences.
          example: top actors 5 place Mali
        """),
        ("actors", """
        actors [type TYPE | discovered]      places [type TYPE | discovered]
          Actors or places mentioned in the corpus, with mentions and documents. 'discovered' lists names found
          in the text that the lexicon does not know, to promote into a lexicon file.
          example: actors type state
        """),
        ("places", "places [type TYPE | discovered]\n  Places mentioned in the corpus; see 'help actors'.\n  example: places"),
        ("docs", "docs\n  The documents: id, title, publication date, sentences, path. Any unique prefix of an id names a document.\n  example: docs"),
        ("show", """
        show actor NAME | show place NAME | show doc ID | show sentence DOC:N
          A profile: type, aliases, affiliations, mentions, documents, first and last dated mention, related actors;
          for a document: title, date and how it is known, size, its actors and places; for a sentence: why it has
          its time and each name found in it, with the alias or rule that found it.
          example: show actor Wagner      show sentence 004:11
        """),
        ("timeline", """
        timeline [FILTER] [| ...]
          Dated sentences in time order (explicit dates and dates carried from the paragraph; not publication dates).
          A date marked ~ is carried from earlier in the paragraph.
          example: timeline actor France until 2013
        """),
        ("kwic", """
        kwic "PHRASE" [width N] [FILTER]
          Key word in context: each occurrence of the phrase with N characters (default 40) either side.
          example: kwic "tactical alliance" width 30
        """),
        ("cooccur", """
        cooccur actor NAME [FILTER]
          Actors mentioned in the same sentences, ranked by log-likelihood (g2), with pointwise mutual information (pmi).
          example: cooccur actor Russia
        """),
        ("let", "let NAME = COMMAND\n  Names a sentence result; use $NAME as a filter or a command.\n  example: let wagner = find actor Wagner"),
        ("set", "set format text|json|csv|tsv|markdown   set limit N|none   set color on|off   set timer on|off   set width N\n  example: set format json"),
        ("export", "export COMMAND to \"FILE\" [force]\n  Writes all rows of a command to a file; the format follows the extension (.json .csv .tsv .md .txt).\n  An existing file is kept unless 'force' is given; the file is written whole or not at all.\n  example: export find actor Wagner to \"wagner.csv\""),
        ("run", "run \"FILE\"\n  Runs a script of commands; paths are relative to the running script.\n  example: run \"scripts/tour.dossier\""),
        ("load", "load \"DIR\"\n  Adds the documents under DIR (recursively) to the session.\n  example: load \"more-articles\""),
        ("echo", "echo TEXT\n  Prints TEXT (for scripts and demonstrations).\n  example: echo Who worked with Wagner?"),
        ("expect", "expect count N | expect contains \"TEXT\"\n  Checks the previous command's result; fails (exit status 1) when it does not hold.\n  example: expect count 3"),
        ("save", "save transcript \"FILE\"\n  Writes the session so far as a transcript that 'dossier check FILE' replays.\n  example: save transcript \"lesson.transcript\""),
        ("help", "help [COMMAND]\n  Lists the commands, or explains one.\n  example: help find"),
        ("quit", "quit (or exit, or Ctrl-D)\n  Leaves Dossier."),
    ]

    static var topics: [String] { entries.map(\.topic) }

    static func text(_ topic: String?) -> String? {
        guard let topic else { return overview }
        return entries.first { $0.topic == topic.lowercased() || (topic == "exit" && $0.topic == "quit") }?.text
    }

    static let overview = """
    Dossier: who did what, where and when, in a body of documents.
      find FILTER          sentences that match       count FILTER by KEY     counts, as bar charts by year/month
      timeline FILTER      dated sentences in order   top actors|places N     the most mentioned
      show actor|place|doc a profile                  kwic "PHRASE"           key word in context
      cooccur actor NAME   who appears together       actors, places, docs    what the corpus holds
      let NAME = COMMAND   name a result ($NAME)      export CMD to "FILE"    save rows (csv, json, tsv, md)
      set format|limit|color|timer|width VALUE        run "FILE", load "DIR", echo, expect, save transcript, quit
    Filters: actor NAME, place NAME, type T, doc ID, text "PHRASE", matching /RE/, since/until/before/after/in D,
             between D and D, $name; combine with and, or, not, ( ).
    Try: find actor Wagner since 2017      count actor Russia by year      help find
    """
}
