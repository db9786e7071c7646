import Foundation
import Testing

/// Output for programs is whole: no display page on a pipe or in a machine format unless the user asks for one.
@Suite("Whole answers")
struct WholeAnswerTests {
    static func count(_ command: String) throws -> Int {
        let r = dossier(["--format", "json", "-e", "count " + command])
        return try #require(try jsonObjects(r.stdout).first?["count"] as? Int, "\(r)")
    }

    @Test(arguments: ["csv", "tsv"])
    func everyRowReachesAPipe(_ format: String) throws {
        let total = try Self.count("actor Russia")
        #expect(total > 20)
        let r = dossier(["--format", format, "-e", "find actor Russia"])
        #expect(r.status == 0, "\(r)")
        #expect(r.stdoutLines.filter { !$0.isEmpty }.count >= total + 1, "header and \(total) rows: \(r.stdoutLines.count) lines")
    }

    @Test func jsonOnAPipeHasEveryRow() throws {
        let r = dossier(["--format", "json", "-e", "find actor Russia", "-e", "actors"])
        let objects = try jsonObjects(r.stdout)
        #expect(objects.count == 2)
        for o in objects {
            #expect((o["rows"] as? [Any])?.count == o["count"] as? Int, "\(o["command"] ?? "")")
            #expect(o["shown"] == nil)
        }
    }

    @Test func textOnAPipeIsWhole() throws {
        let r = dossier(["-e", "find actor Russia"])
        let first = try #require(r.stdoutLines.first)
        #expect(first == "\(try Self.count("actor Russia")) sentences", "\(first)")
    }

    @Test func limitOptionSetsThePageForTheRun() throws {
        let text = dossier(["--limit", "5", "-e", "find actor Russia"])
        #expect(text.stdoutLines.first?.hasSuffix("showing the first 5") == true, "\(text)")
        let json = try jsonObjects(dossier(["--limit", "5", "--format", "json", "-e", "find actor Russia"]).stdout)
        #expect(json.first?["shown"] as? Int == 5)
        #expect((json.first?["rows"] as? [Any])?.count == 5)
        #expect(json.first?["count"] as? Int == (try Self.count("actor Russia")))
    }

    /// A count cut by `| limit`, `offset` or `top N` says in JSON how many keys there were; a whole one adds nothing.
    @Test(arguments: [("count member of Russia by actor | limit 2", 2), ("count member of Russia by actor | limit 5 offset 10", 4),
                      ("top actors 3", 3), ("count member of Russia by actor", nil)] as [(String, Int?)])
    func cutCountsSayHowManyKeysThereWere(_ command: String, shown: Int?) throws {
        let whole = try #require(try jsonObjects(dossier(["--format", "json", "-e", "count member of Russia by actor"]).stdout).first)
        let allKeys = try #require((whole["rows"] as? [Any])?.count)
        #expect(allKeys == 14)
        let o = try #require(try jsonObjects(dossier(["--format", "json", "-e", command]).stdout).first)
        #expect(o["shown"] as? Int == shown, "\(o)")
        #expect((o["rows"] as? [Any])?.count == shown ?? allKeys)
        if shown == nil { #expect(o["keys"] == nil) } else { #expect((o["keys"] as? Int ?? 0) >= allKeys, "\(o)") }
    }

    @Test(arguments: ["0", "-3", "many"])
    func limitOptionRejectsNonsense(_ value: String) {
        let r = dossier(["--limit", value, "-e", "docs"])
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("--limit"), "\(r)")
    }

    @Test func countWithoutByIsANumberInJson() throws {
        let o = try #require(try jsonObjects(dossier(["--format", "json", "-e", "count place Mali"]).stdout).first)
        #expect(o["count"] as? Int == 15)
        #expect(o["message"] == nil)
    }
}

/// Each document once: a file reached twice is read once, and a text saved under two names counts once.
@Suite("Each document once")
struct EachDocumentOnceTests {
    static func corpus(_ temp: TempDir) -> String {
        temp.write("news/a/one.txt", "Russia sent troops to Mali in 2021.\n\nFrance left Mali in 2022.\n")
        temp.write("news/b/copy.txt", "Russia sent troops to Mali in 2021.\n\nFrance left Mali in 2022.\n")
        temp.write("news/a/two.txt", "The Wagner Group arrived in Bamako.\n")
        return temp.path + "/news"
    }

    @Test func aTextUnderTwoNamesCountsOnce() throws {
        let temp = TempDir()
        let news = Self.corpus(temp)
        let r = dossier(["--corpus", news, "--format", "json", "-e", "count actor Russia", "-e", "docs duplicates", "-e", "actors",
                         "-e", "set duplicates all", "-e", "count actor Russia"], temp: temp)
        let o = try jsonObjects(r.stdout)
        #expect(o.count == 5, "\(r)")
        guard o.count == 5 else { return }
        #expect(o[0]["count"] as? Int == 1)
        let copies = try #require(o[1]["rows"] as? [[String: Any]])
        #expect(copies.count == 1)
        #expect(copies.first?["id"] as? String == "copy" && copies.first?["same text as"] as? String == "one", "\(copies)")
        let russia = (o[2]["rows"] as? [[String: Any]])?.first { $0["name"] as? String == "Russia" }
        #expect(russia?["mentions"] as? Int == 1 && russia?["docs"] as? Int == 1, "\(String(describing: russia))")
        #expect(o[4]["count"] as? Int == 2, "every copy when asked")
    }

    @Test func aFolderGivenTwiceIsReadOnce() throws {
        let temp = TempDir()
        let news = Self.corpus(temp)
        let r = dossier(["--corpus", news, "--corpus", news + "/a", "--corpus", news + "/a/one.txt", "--format", "json", "-e", "docs"], temp: temp)
        let docs = try #require(try jsonObjects(r.stdout).first)
        #expect(docs["count"] as? Int == 3, "\(r)")
        #expect(r.stderr.contains("read once"), "\(r.stderr)")
    }
}
