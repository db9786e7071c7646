import Foundation

/// What Tab offers at a point in a command: command words at the start, keywords after a filter,
/// actor and place names (by any alias) after `actor` and `place`, `$names`, options after `set`,
/// and file paths after `run`, `load`, `export ... to` and `save transcript`.
public struct CompletionModel: Sendable {
    var actors: [String] = []
    var places: [String] = []
    var types: [String] = []
    var documents: [String] = []
    var variables: [String] = []

    public init(session: Session) {
        let corpus = session.corpus
        for (i, e) in corpus.entities.enumerated() where corpus.entityMentionCounts[i] > 0 {
            let names = e.aliases.filter { $0.kind == .name || $0.kind == .alias }.map(\.text)
            if e.kind == .actor { actors += names } else { places += names }
        }
        actors = Array(Set(actors)).sorted()
        places = Array(Set(places)).sorted()
        types = Array(Set(corpus.entities.map(\.type))).sorted()
        documents = corpus.documents.map(\.id)
        variables = session.variableNames.map { "$" + $0 }
    }

    /// Full candidates for the word being typed at the end of `line` (after an open quote, the text since it).
    public func candidates(lineBeforeCursor line: String) -> [String] {
        let (previous, word) = Self.split(line)
        let options: [String]
        let last = previous.last?.lowercased()
        if word.hasPrefix("$") {
            options = variables
        } else if previous.isEmpty || last == "=" {
            options = CommandTable.words
        } else if last == "|" {
            options = ["where", "sort", "limit"]
        } else if let spec = CommandTable.spec(previous[previous.count - 1]),
                  previous.count == 1 || ["=", "export"].contains(previous[previous.count - 2].lowercased()) {
            switch spec.firstArgument {
            case .nothing: options = []
            case .words(let words): options = words
            case .filter: options = Parser.filterWords + variables
            case .command: options = CommandTable.words
            case .path: return Self.paths(word)
            case .setting: options = Setting.allCases.map(\.rawValue)
            case .helpTopic: options = CommandTable.all.map(\.name)
            }
        } else {
            switch last {
            case "actor": options = actors
            case "place": options = places
            case "type": options = types
            case "doc": options = documents
            case "basis": options = ["explicit", "context", "document"]
            case "actors", "places": options = Parser.filterWords
            case "by": options = previous.contains("sort") ? SortKey.allCases.map(\.rawValue) : CountKey.allCases.map(\.rawValue)
            case "sort": options = ["by"]
            case "to", "transcript": return Self.paths(word)
            default:
                if previous.count == 2, previous[0].lowercased() == "set", let setting = Setting(word: previous[1]) {
                    options = setting.values.filter { $0 != "N" }
                } else {
                    options = Parser.filterWords + ["and", "or", "by", "|"] + variables
                }
            }
        }
        let folded = Folding.fold(word)
        return options.filter { Folding.fold($0).hasPrefix(folded) }
    }

    /// The words before the one being typed, and that word (without its opening quote).
    static func split(_ line: String) -> ([String], String) {
        var words: [String] = []
        var current = ""
        var quoted = false
        for c in line {
            if quoted {
                if c == "\"" { quoted = false; words.append(current); current = "" } else { current.append(c) }
            } else if c == "\"" {
                quoted = true
                current = ""
            } else if c == " " || c == "\t" || c == "(" || c == ")" || c == "|" || c == "=" {
                if !current.isEmpty { words.append(current) }
                if c == "|" || c == "=" { words.append(String(c)) }
                current = ""
            } else {
                current.append(c)
            }
        }
        return (words, current)
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
