import Testing
@testable import DossierCore

/// Profiles are typed: each entry has one reading for people and one for programs, whatever the command built it.
@Suite("Typed profiles")
struct ProfileTests {
    @Test(arguments: [
        (ProfileEntry.document(id: "002", sentences: 3), "002 (3)", #"{"id": "002", "sentences": 3}"#),
        (.coMentioned(name: "France", count: 7), "France (7)", #"{"name": "France", "count": 7}"#),
        (.named(name: "Bangui", mentions: 12), "Bangui (12)", #"{"name": "Bangui", "mentions": 12}"#),
        (.datedMention(date: "2017-11", doc: "002", sentence: 153), "2017-11 (002:153)",
         #"{"date": "2017-11", "doc": "002", "sentence": 153}"#),
        (.affiliation(name: "Russia", role: "linked state", incoming: false, from: nil, until: nil, years: nil), "Russia (linked state)",
         #"{"name": "Russia", "role": "linked state", "direction": "to", "from": null, "until": null, "years": null}"#),
        (.affiliation(name: "Ann Bell", role: "president", incoming: true, from: "2003", until: "2013", years: "2003-2013"),
         "← Ann Bell (president, 2003-2013)",
         #"{"name": "Ann Bell", "role": "president", "direction": "from", "from": "2003", "until": "2013", "years": "2003-2013"}"#),
        (.mention(text: "Wagner", column: 5, entity: "Wagner Group", kind: "actor", rule: "alias \"Wagner\""),
         #""Wagner" at 5 → Wagner Group (actor): alias "Wagner""#,
         #"{"text": "Wagner", "column": 5, "entity": "Wagner Group", "kind": "actor", "rule": "alias \"Wagner\""}"#),
        (.timeExpression(text: "in 2019", column: 1, period: "2019", rule: "year"), #""in 2019" at 1 → 2019: year"#,
         #"{"text": "in 2019", "column": 1, "period": "2019", "rule": "year"}"#),
        (.sentenceTime(start: "2019-01-01", end: "2019-12-31", basis: "explicit"), "2019-01-01 .. 2019-12-31 (explicit)",
         #"{"start": "2019-01-01", "end": "2019-12-31", "basis": "explicit"}"#),
        (.sentenceTime(start: "2019-03-04", end: "2019-03-04", basis: "context"), "2019-03-04 (context)",
         #"{"start": "2019-03-04", "end": "2019-03-04", "basis": "context"}"#),
    ] as [(ProfileEntry, String, String)])
    func eachEntryReadsForPeopleAndPrograms(_ entry: ProfileEntry, _ text: String, _ json: String) {
        #expect(entry.text == text)
        #expect(entry.json.json == json)
    }

    static let text = "After Touadéra's speech, Vladimir Putin spoke on 4 March 2019 in Bangui.\n"

    @Test func aSentenceProfileSaysWhereEachFindingIsInCharacters() throws {
        let corpus = analyze(Self.text)
        let profile = try evaluator(corpus).showSentence(NameReference(text: "\(corpus.documents[0].id):1", span: SourceSpan(line: 1, column: 1, length: 1)))
        let mentions = try #require(profile.fields.first { $0.key == "mentions" }?.value)
        guard case .entries(let entries) = mentions else { Issue.record("mentions are \(mentions)"); return }
        let putin = try #require(entries.first { if case .mention(_, _, "Vladimir Putin", _, _) = $0 { true } else { false } })
        // "After Touadéra's speech, " is 25 characters but 26 bytes: the column counts characters.
        guard case .mention(let text, let column, _, let kind, _) = putin else { return }
        #expect((text, column, kind) == ("Vladimir Putin", 26, "actor"))
        let time = try #require(profile.fields.first { $0.key == "time" }?.value)
        #expect(time == .entry(.sentenceTime(start: "2019-03-04", end: "2019-03-04", basis: "explicit")))
    }

    @Test func absentAndEmptyFieldsReadAsADashAndAsNull() throws {
        let renderer = Renderer(corpus: analyze("Nothing here.\n"), format: .text, styling: .plain, width: 80, page: nil)
        let profile = ProfileResult(kind: "doc", fields: [.init("date", .absent), .init("actors", .entries([])), .init("aliases", .words([]))])
        #expect(try renderer.text(.profile(profile)) == "date     -\nactors   -\naliases  -\n")
        #expect(ProfileValue.absent.json == .null)
        #expect(ProfileValue.entries([]).json == .list([]))
    }
}

/// What a newcomer reads off a profile and a timeline without the manual.
@Suite("Profiles and timelines as read")
struct ProfileReadingTests {
    /// A place's related names leave out its namesake actor (in every one of its sentences), as an actor's leave out itself.
    @Test(arguments: ["show place Mali", "show actor Mali", "show place France"])
    func relatedLeavesOutTheNamesake(_ command: String) throws {
        let kind = command.split(separator: " ")[1]
        let fields = try #require(json(command)[String(kind)] as? [String: Any])
        let related = try #require(fields["related"] as? [[String: Any]])
        let name = try #require(fields["name"] as? String)
        #expect(!related.isEmpty)
        #expect(!related.contains { $0["name"] as? String == name }, "\(related)")
    }

    /// A place's profile gives the count `count place` gives (with the places inside it) beside its own sentences.
    @Test func aPlaceProfileSaysTheCountWithThePlacesInside() throws {
        let fields = try #require(json("show place Mali")["place"] as? [String: Any])
        let counted = json("count place Mali")["count"] as? Int
        #expect(fields["with_places_inside"] as? Int == counted, "\(fields)")
        #expect((fields["sentences"] as? Int ?? 0) < counted ?? 0)
        let bangui = try #require(json("show place Bangui")["place"] as? [String: Any])
        #expect(bangui["with_places_inside"] == nil, "no place inside Bangui: \(bangui)")
    }

    /// Every row of a timeline says its time: a blank under "dated sentences" read as undated.
    @Test func everyTimelineRowSaysItsTime() {
        let r = run("set width 200\ntimeline actor France until 2013", limit: nil)
        #expect(r.ok, "\(r.err)")
        let rows = r.out.split(separator: "\n").filter { $0.first?.isNumber == true && $0.split(separator: " ").first?.contains(":") == true }
        #expect(rows.count > 10)
        for row in rows {
            let columns = row.split(separator: " ", omittingEmptySubsequences: true)
            #expect(columns.count > 2 && columns[1].first?.isNumber == true, "\(row)")
        }
    }
}
