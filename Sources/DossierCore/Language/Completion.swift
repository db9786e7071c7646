import Foundation

/// What Tab offers for the text before the cursor: where the text it replaces starts, whether it goes in quotes,
/// and the whole candidates (`Central African Republic`, not `African Republic`).
public struct CompletionOffer: Equatable, Sendable {
    /// Where the replaced text starts in the line, in Unicode scalars (at its opening quote when quoted).
    public var start: Int
    /// The text typed so far (without an opening quote), which every candidate extends.
    public var typed: String
    /// Whether the result goes in double quotes: the user opened one, or the language needs one (a path).
    public var quoted: Bool
    public var candidates: [String]

    public init(start: Int, typed: String, quoted: Bool, candidates: [String]) {
        self.start = start
        self.typed = typed
        self.quoted = quoted
        self.candidates = candidates
    }
}

/// What Tab offers at a point in a command: command words at the start, keywords after a filter,
/// actor and place names (by any alias, from their plain spelling, over several words; a discovered person's last name
/// that one person bears) after `actor` and `place`,
/// `$names`, options after `set`, and file paths (always quoted) after `run`, `load`, `export ... to` and
/// `save transcript`.
public struct CompletionModel: Sendable {
    var actors: [String] = []
    var places: [String] = []
    var types: [String] = []
    var documents: [String] = []
    var variables: [String] = []
    /// The documents' field keys, each with its values.
    var fields: [String: [String]] = [:]

    public init(session: Session) {
        let corpus = session.corpus
        var surnames: [String: Int] = [:]
        for (i, e) in corpus.entities.enumerated() where corpus.entityMentionCounts[i] > 0 {
            let names = e.aliases.filter { $0.kind == .name || $0.kind == .alias }.map(\.text)
            if e.kind == .actor { actors += names } else { places += names }
            if i >= corpus.lexiconEntityCount, e.type == "person", let last = e.name.split(separator: " ").dropFirst().last {
                surnames[String(last), default: 0] += 1
            }
        }
        // A discovered person's last name alone, as `actor` takes it when one person bears it ("Ruto"; tester20).
        actors += surnames.filter { $0.value == 1 }.map(\.key)
        actors = Array(Set(actors)).sorted()
        places = Array(Set(places)).sorted()
        types = Array(Set(corpus.entities.map(\.type))).sorted()
        documents = corpus.documents.map(\.id)
        var values: [String: Set<String>] = [:]
        for document in corpus.documents { for field in document.fields { values[field.key, default: []].insert(field.value) } }
        fields = values.mapValues { $0.sorted() }
        variables = session.variableNames.map { "$" + $0 }
    }

    /// Full candidates for the word being typed at the end of `line`.
    public func candidates(lineBeforeCursor line: String) -> [String] {
        offer(lineBeforeCursor: line).candidates
    }

    /// What Tab offers at the end of `line`: a name over several unquoted words after `actor` or `place`
    /// (`show actor Central Af`), else the last word (after an open quote, the text since it).
    public func offer(lineBeforeCursor line: String) -> CompletionOffer {
        let words = Self.split(line)
        let word = words.last!
        let previous = words.dropLast().map(\.text)
        if !word.quoted, let name = nameOffer(words) { return name }
        let (options, isPath) = self.options(previous: previous, word: word.text)
        if isPath {
            return CompletionOffer(start: word.start, typed: word.text, quoted: true, candidates: Self.paths(word.text))
        }
        let folded = Suggest.loose(word.text)
        return CompletionOffer(start: word.start, typed: word.text, quoted: word.quoted,
                               candidates: options.filter { Suggest.loose($0).hasPrefix(folded) })
    }

    /// A name typed over several words after `actor` or `place` (no keyword between), when some name starts so.
    private func nameOffer(_ words: [Word]) -> CompletionOffer? {
        var first = words.count - 1
        while first > 0 {
            let before = words[first - 1]
            if before.quoted || before.text == "|" || before.text == "=" { return nil }
            let lowered = before.text.lowercased()
            if lowered == "actor" || lowered == "place" { break }
            if Parser.keywords.contains(lowered) { return nil }
            first -= 1
        }
        guard first > 0, first < words.count - 1 else { return nil }
        let names = words[first - 1].text.lowercased() == "actor" ? actors : places
        let start = words[first].start
        let typed = words[first...].map(\.text).joined(separator: " ")
        let folded = Suggest.loose(typed)
        let matches = names.filter { Suggest.loose($0).hasPrefix(folded) }
        guard !matches.isEmpty else { return nil }
        return CompletionOffer(start: start, typed: typed, quoted: false, candidates: matches)
    }

    /// The words the last word may become, or that it is a path.
    private func options(previous: [String], word: String) -> ([String], isPath: Bool) {
        let last = previous.last?.lowercased()
        if word.hasPrefix("$") { return (variables, false) }
        if previous.isEmpty || last == "=" { return (CommandTable.words, false) }
        if last == "|" { return (["where", "sort", "limit", "sample"], false) }
        if let spec = CommandTable.spec(previous[previous.count - 1]),
           previous.count == 1 || ["=", "export"].contains(previous[previous.count - 2].lowercased()) {
            switch spec.firstArgument {
            case .nothing: return ([], false)
            case .words(let words): return (words, false)
            case .filter: return (Parser.filterWords + variables, false)
            case .command: return (CommandTable.words, false)
            case .path: return ([], true)
            case .setting: return (Setting.allCases.map(\.rawValue), false)
            case .helpTopic: return (CommandTable.all.map(\.name) + HelpTopic.all.map { $0.words[0] }, false)
            case .names: return (variables, false)
            }
        }
        // `source VALUE`, `field KEY VALUE`, `count by field KEY`.
        if previous.count >= 2, previous[previous.count - 2].lowercased() == "field" {
            let counted = previous.count >= 3 && previous[previous.count - 3].lowercased() == "by"
            return (counted ? Parser.filterWords + ["|"] : fields[last!] ?? [], false)
        }
        switch last {
        case "source": return (fields["source"] ?? [], false)
        case "field": return (fields.keys.sorted(), false)
        case "actor": return (actors, false)
        case "place": return (places, false)
        case "type": return (types, false)
        case "doc": return (documents, false)
        case "basis": return (["explicit", "context", "document"], false)
        case "actors", "places": return (Parser.filterWords, false)
        case "by":
            // After a count by KEY, its rows sort by count or by KEY.
            if previous.contains("sort"), previous.first?.lowercased() == "count",
               let counted = previous.firstIndex(where: { $0.lowercased() == "by" }).map({ previous.index(after: $0) }),
               counted < previous.count, previous[counted] != "sort" {
                let key = previous[counted].lowercased()
                return (["count", key == "field" && counted + 1 < previous.count ? previous[counted + 1] : key], false)
            }
            return (previous.contains("sort") ? SortKey.allCases.map(\.rawValue) + ["left", "right"]
                : CountKey.allCases.map(\.rawValue) + ["source", "field"], false)
        case "sort": return (["by"], false)
        case "to", "transcript": return ([], true)
        default:
            if previous.count == 2, previous[0].lowercased() == "set", let setting = Setting(word: previous[1]) {
                return (setting.values.filter { $0 != "N" }, false)
            }
            return (Parser.filterWords + ["and", "or", "by", "|"] + variables, false)
        }
    }

    /// A word of the line: its text (without quotes), where it starts (in Unicode scalars, at its opening quote),
    /// and whether it was quoted.
    struct Word {
        var text: String
        var start: Int
        var quoted: Bool
    }

    /// The words of the line; the last is the one being typed (possibly empty, or inside an open quote).
    /// `|` and `=` are words of their own.
    static func split(_ line: String) -> [Word] {
        var words: [Word] = []
        var current = Word(text: "", start: 0, quoted: false)
        var inQuote = false
        var escaped = false
        for (index, c) in line.unicodeScalars.enumerated() {
            if inQuote {
                // As the lexer reads a string: a backslash takes the next character as it is (`\"` is a quote).
                if escaped {
                    current.text.unicodeScalars.append(c)
                    escaped = false
                } else if c == "\\" {
                    escaped = true
                } else if c == "\"" {
                    inQuote = false
                    words.append(current)
                    current = Word(text: "", start: index + 1, quoted: false)
                } else {
                    current.text.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                inQuote = true
                current = Word(text: "", start: index, quoted: true)
            } else if [" ", "\t", "(", ")", "|", "="].contains(c) {
                if !current.text.isEmpty { words.append(current) }
                if c == "|" || c == "=" { words.append(Word(text: String(c), start: index, quoted: false)) }
                current = Word(text: "", start: index + 1, quoted: false)
            } else {
                current.text.unicodeScalars.append(c)
            }
        }
        words.append(current)
        return words
    }

    static func paths(_ prefix: String) -> [String] {
        let expanded = prefix.hasPrefix("~/") ? (ProcessInfo.processInfo.environment["HOME"] ?? "") + prefix.dropFirst(1) : prefix
        let directory = expanded.contains("/") ? String(expanded[...expanded.lastIndex(of: "/")!]) : ""
        let shownDirectory = prefix.contains("/") ? String(prefix[...prefix.lastIndex(of: "/")!]) : ""
        let stem = expanded.contains("/") ? String(expanded[expanded.index(after: expanded.lastIndex(of: "/")!)...]) : expanded
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory) else { return [] }
        return names.filter { $0.hasPrefix(stem) && (!$0.hasPrefix(".") || stem.hasPrefix(".")) }.sorted().map { name in
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: directory + name, isDirectory: &isDirectory)
            return shownDirectory + name + (exists && isDirectory.boolValue ? "/" : "")
        }
    }
}
