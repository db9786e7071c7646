import DossierTime
import Testing

/// Whether a sentence goes on with the story told before it: real sentences of State of the Union addresses (a time
/// carried into them was wrong: tester13 items 10 and 24) and of news.
@Suite("Story tense")
struct StoryTenseTests {
    @Test(arguments: [
        // Present, future, modal: a general statement or a plan, not the story's time (Eisenhower 1953, Jackson 1831,
        // Ford 1975, Carter 1980, Reagan 1982).
        ("It must enjoy the confidence and respect of labor and industry in order to play a significant role in the planning of America's economic future.",
         StoryTense.presentOrFuture),
        ("To that end, I am authorizing the Department of Labor to establish promptly a committee.", .presentOrFuture),
        ("A minister will soon be nominated, as well to effect this important object as to keep up the relations of amity and good understanding.",
         .presentOrFuture),
        ("I expect our imports to be much lower than this, but the ceiling will be enforced by an oil import fee if necessary.",
         .presentOrFuture),
        ("The United States is a world leader in the export of farm products.", .presentOrFuture),
        ("Its growth has demonstrated its wisdom.", .presentOrFuture),
        ("The vote is Nov. 8.", .presentOrFuture),
        ("It's the largest reward the government has ever offered for a fugitive.", .presentOrFuture),
        ("We won't let them down.", .presentOrFuture),
        ("And today, though bruised, our democracy remains unbowed and unbroken.", .presentOrFuture),
        // Questions and exhortations (Kennedy 1962, Eisenhower 1961).
        ("Will we in this country adapt our thinking to these new prospects and patterns--or will we wait until events have passed us by?",
         .presentOrFuture),
        ("Did the Congress act in time?", .presentOrFuture),
        ("Let's get to work.", .presentOrFuture),
        ("Let us pray that leaders of both the near and distant future will be able to keep the nation strong and at peace.", .presentOrFuture),
        // A participle before a verb of the present is no past (Ford 1977, Carter 1978, Fillmore 1852).
        ("The momentum already achieved must be nurtured and strengthened, for the prosperity of the rich and poor depends upon it.",
         .presentOrFuture),
        ("I believe those codes and the standards established for my Administration's officials should be made law.", .presentOrFuture),
        ("Experience warrants the expectation that as the community becomes accustomed to cheap postage correspondence will increase.",
         .presentOrFuture),
        // "This" is no article before a verb; "added" after "be" is no saying (Hoover 1929, Jefferson 1801).
        ("This has provided unanticipated reserves in manufacturing capacity and in industrial and air personnel.", .presentOrFuture),
        ("To these will be added an estimate of appropriations necessary for the ensuing year.", .presentOrFuture),
        // Past narrative: the story goes on.
        ("Interest rates reached a staggering 21.5 percent.", .past),
        ("He was elected because he is popular.", .past),
        ("These experts, according to several investigations, including one conducted by the Russian opposition newspaper Novaya Gazeta, were actually mercenaries linked to the private military company Wagner, which is in turn linked to a Russian businessman.",
         .past),
        ("Hundreds were injured.", .past),
        ("Farmers sold their stock.", .past),
        ("The troops crossed the border at dawn.", .past),
        ("The two were removed from the list after Libyan leader Moammar Gadhafi agreed in April to hand them over for trial.", .past),
        ("It drew thousands of visitors.", .past),
        ("They didn't stay.", .past),
        ("Kotek was favored, and she is now governor.", .past),
        // Reported speech keeps the time of the saying, whatever is said.
        ("Harf said the US currently favours the mission.", .past),
        ("\"We are shocked,\" the mayor told reporters.", .past),
        // No verb the lists know: neither.
        ("$47,084,450 remain in the Treasury.", .unmarked),
        ("Too many Americans feel powerless against the influence of private lobbying groups.", .unmarked),
        ("The proposed budget, the increased spending.", .unmarked),
        ("Such a deal could be created based on a shared division of resource exploitation.", .unmarked),
        ("On the other hand, Russia's limited experience in the Central African Republic is giving Russia a scope for manoeuvre.",
         .presentOrFuture),
        // "will" as a noun, "May" as a month, "to have" as no tense.
        ("The will of the people prevailed.", .past),
        ("May brought rain.", .past),
    ] as [(String, StoryTense)])
    func tenseOfASentence(_ text: String, _ expected: StoryTense) {
        var text = text
        let tense = text.withUTF8 { StoryTense.of($0) }
        #expect(tense == expected)
    }
}
