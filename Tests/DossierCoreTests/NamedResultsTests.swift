import Foundation
import Testing
@testable import DossierCore

/// `let` names results of any kind; `names` lists them; `drop` forgets one.
@Suite("Named results")
struct NamedResultsTests {
    @Test(arguments: ["count words actor Wagner", "count actor Russia by year", "actors", "kwic actor Wagner",
                      "keywords doc 002 | limit 5", "collocates actor Russia"])
    func anyResultWithRowsCanBeNamedAndShownAgain(_ command: String) {
        let direct = run(command, format: .json, limit: nil).out
        let named = run("let x = \(command)\n$x", format: .json, limit: nil).out.split(separator: "\n")
        #expect(named.count == 2)
        let again = jsonObject(String(named.last ?? ""))?["rows"] as? NSArray
        let original = jsonObject(String(direct.split(separator: "\n").first ?? ""))?["rows"] as? NSArray
        #expect(again != nil && again == original, "\(command)")
    }

    @Test func namesListsKindRowsAndCommandAndDropForgets() throws {
        let o = run("let w = find actor Wagner\nlet c = count words $w\nnames", format: .json).out.split(separator: "\n")
        let table = try #require(jsonObject(String(o.last!)))
        let r = rows(table)
        #expect(r.map { $0["name"] as! String } == ["$c", "$w"])
        #expect(r.map { $0["kind"] as! String } == ["table", "sentences"])
        #expect(r.map { $0["command"] as! String } == ["count words $w", "find actor Wagner"])
        #expect(r[1]["rows"] as? Int == 13)
        let dropped = run("let w = find actor Wagner\ndrop $w\nfind $w")
        #expect(!dropped.ok)
        #expect(dropped.out.contains("dropped $w"))
        #expect(dropped.err.contains("unknown result '$w'"), "\(dropped.err)")
    }

    /// A command `names` shows stays one that gives its answer: once a name it used is given another value or
    /// dropped, it says what that name was when it ran (its own earlier value included).
    @Test(arguments: [
        ("let a = find actor Mali\nlet a = find $a and actor France", ["$a": "find $a and actor France  ($a was: find actor Mali)"]),
        ("let a = find actor Wagner\nlet b = find $a and actor Russia\nlet ab = find actor Mali\ndrop $a\nlet a = find actor France",
         ["$a": "find actor France", "$ab": "find actor Mali", "$b": "find $a and actor Russia  ($a was: find actor Wagner)"]),
        ("let ab = find actor Mali\nlet b = find $ab\nlet a = find actor Chad\nlet a = find actor France",
         ["$a": "find actor France", "$ab": "find actor Mali", "$b": "find $ab"]),
    ])
    func aCommandUsingAChangedNameSaysWhatItWas(_ script: String, _ expected: [String: String]) throws {
        let o = run(script + "\nnames", format: .json).out.split(separator: "\n")
        let r = rows(try #require(jsonObject(String(o.last!))))
        #expect(Dictionary(uniqueKeysWithValues: r.map { ($0["name"] as! String, $0["command"] as! String) }) == expected)
    }

    @Test func aTableIsNotAFilter() {
        let r = run("let c = count by year\nfind $c")
        #expect(!r.ok)
        #expect(r.err.contains("$c is not a set of sentences"), "\(r.err)")
    }

    @Test func renamingReplacesTheOldKind() {
        let r = run("let x = count by year\nlet x = find actor Wagner\nfind $x | limit 1\nnames")
        #expect(r.ok, "\(r.err)")
        #expect(r.out.contains("1 name\n"), "\(r.out)")
    }

    @Test func dropOfAnUnknownNameSuggests() {
        let r = run("let wagner = find actor Wagner\ndrop $wagnr")
        #expect(!r.ok)
        #expect(r.err.contains("did you mean '$wagner'"), "\(r.err)")
    }
}
