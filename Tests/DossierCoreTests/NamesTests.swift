import Testing
@testable import DossierCore

/// Names on text nobody tuned for: places of the world, whole discovered names of the right type, citations
/// kept out of counts, one mention per occurrence, and the query side as tolerant as the text side.
@Suite("Names on any corpus")
struct NamesTests {
    /// Every name Dossier reports in the sentence holding `needle`, as "text=entity(kind type)", discovered or not.
    static func found(_ c: Corpus, in needle: String) -> [String] {
        c.mentionList(in: needle).map { "\($0.text)=\($0.name)(\($0.kind) \($0.type))" }
    }

    /// The entities the sentence holding `needle` names, each once, in the order first named.
    static func named(_ c: Corpus, in needle: String) -> [String] {
        var seen: [String] = []
        for m in c.mentionList(in: needle) where !seen.contains(m.name) { seen.append(m.name) }
        return seen
    }

    @Test(arguments: [
        ("Fires burnt out of control near Sydney in New South Wales on Monday.", ["Sydney", "New South Wales"], ["Wales"]),
        ("Troops moved from Kandahar towards Helmand.", ["Kandahār", "Helmand"], []),
        ("Michigan and Queensland voted.", ["Michigan", "Queensland"], []),
    ])
    func gazetteerPlaces(_ sentence: String, _ places: [String], _ absent: [String]) {
        let c = analyze(sentence)
        let names = c.names(in: String(sentence.prefix(15)), .place)
        for place in places { #expect(names.contains(place), "\(Self.found(c, in: String(sentence.prefix(15))))") }
        for place in absent { #expect(!names.contains(place), "\(names)") }
    }

    @Test(arguments: [
        ("Flight attendants Hermis Moutardier and Christina Jones subdued the man.", [("Hermis Moutardier", "person"), ("Christina Jones", "person")]),
        ("Immigration Minister Philip Ruddock said the boat would be turned back.", [("Philip Ruddock", "person")]),
        ("Interim Prime Minister Jean-Marie Okala left Bamako.", [("Jean-Marie Okala", "person")]),
        ("The Bureau of Meteorology's Claire Richards said rain was unlikely.", [("Bureau of Meteorology", "organisation"), ("Claire Richards", "person")]),
        ("The crowd gathered in Melbourne on Boxing Day to watch.", []),
        ("Shops shut on Christmas Day and on New Year, and Christmas-New Year trade fell.", []),
        ("Warne took five wickets in the Boxing Day Test and in the Adelaide Test.", [("Boxing Day Test", "event"), ("Adelaide Test", "event")]),
        ("He won the Australian Formula One Grand Prix twice.", [("Australian Formula One Grand Prix", "event")]),
        ("The board of Soccer Australia met the Australian Workers Union in the city.", [("Soccer Australia", "organisation"), ("Australian Workers Union", "organisation")]),
        ("She taught at the University of Warsaw for ten years.", [("University of Warsaw", "institution")]),
        ("The court struck down the Native Title Act last year.", [("Native Title Act", "law")]),
        ("It was sent by US Secretary of State Colin Powell last month.", [("Colin Powell", "person")]),
        ("Scientist David Vaughan says the risk is real.", [("David Vaughan", "person")]),
        ("He said Mohammed bin Salman had fled.", [("Mohammed bin Salman", "person")]),
        ("They blamed Lashkar-e-Taiba for the attack.", [("Lashkar-e-Taiba", "organisation")]),
        ("Senior forecaster with the Sydney Weather Bureau Ian Robertson says so.", [("Sydney Weather Bureau", "organisation"), ("Ian Robertson", "person")]),
        ("A spokesman for the Defence Ministry spoke.", [("Defence Ministry", "organisation")]),
        ("The Northern Territory Aids Council says it is not surprised.", [("Northern Territory Aids Council", "organisation")]),
        ("Shane Bradford of Ballidu just west of Burakin felt it.", [("Shane Bradford", "person"), ("Ballidu", "location"), ("Burakin", "location")]),
        ("The tourists reached Alice Springs by noon.", [("Alice Springs", "location")]),
        ("A survey by the environmental safety organisation Det Norske Veritas says so.", [("Det Norske Veritas", "organisation")]),
        ("It raised money for at-risk children in Southern Nevada.", [("Southern Nevada", "location")]),
        ("He was killed early in the war at the Battle of Shiloh.", [("Battle of Shiloh", "event")]),
        ("Passengers then read Sports Illustrated on Friday.", []),
        ("Princess Louise was the wife of the Marquess of Lorne, then governor.", [("Louise", "person")]),
        ("Training was given in the Berengo camp, Lobaye Prefecture.", []),
        ("She spoke for the Federation of American Scientists today.", [("Federation of American Scientists", "organisation")]),
        ("He served at the Ministry of the Interior for years.", [("Ministry of the Interior", "organisation")]),
        ("He chaired the Committee on the Rights of the Child for years.", [("Committee on the Rights of the Child", "organisation")]),
        ("Mr Smith of the Department of Health on the Gold Coast spoke.", [("Smith", "person"), ("Department of Health", "organisation")]),
        ("Opening Remarks Alan Lovelace, then questions.", [("Alan Lovelace", "person")]),
        ("Nobody from the Australian Defence Force took part.", [("Australian Defence Force", "organisation")]),
        ("Smoke rose over Black Mountain at noon.", [("Black Mountain", "location")]),
        ("Flights landed at Logan International Airport late.", [("Logan International Airport", "facility")]),
        ("Funding for the Criminal Justice Coalition has run out.", [("Criminal Justice Coalition", "armed or political group")]),
        ("It lies in the Yuryevetsky District of the Ivanovo Oblast.", [("Yuryevetsky District", "location")]),
        ("Nobody mentioned the Rodney King case again.", [("Rodney King", "person")]),
        ("He was discharged from the Army last year.", [("Army", "organisation")]),
        ("Army life suited him.", []),
        ("They rest near the Commonwealth War Graves Commission cemeteries.", [("Commonwealth War Graves Commission", "organisation")]),
        ("He linked the group to the attack on the Indian Parliament last week.", [("Indian Parliament", "organisation")]),
        ("Lawyer Ross Ray QC, representing the club, spoke.", [("Ross Ray", "person")]),
        ("Federal Labor MP Carmen Lawrence says the party must change.", [("Carmen Lawrence", "person")]),
        // Members of other parliaments, their constituencies and ministers' fields, local titles (tester19 #10, #20);
        // a surname in -ese after a first name (tester17 #2).
        ("The Taoiseach, Enda Kenny TD, replied first.", [("Enda Kenny", "person")]),
        ("Carleton MPP Goldie Ghamari voted against it.", [("Goldie Ghamari", "person")]),
        ("I was accompanied by the Minister for Foreign Affairs yesterday.", []),
        ("Councilwoman Ana Ruiz opened the meeting.", [("Ana Ruiz", "person")]),
        ("Prime Minister Anthony Albanese met the press.", [("Anthony Albanese", "person")]),
        ("Vito Genovese said he would go.", [("Vito Genovese", "person")]),
        ("A Toowoomba Anglican school closed.", [("Toowoomba", "location")]),
        // A month that is a first name opens a person's name (tester19 #12); a host's contraction is no part of it (#16).
        ("June Almeida discovered the virus.", [("June Almeida", "person")]),
        ("Councilmember April Graves said the budget was too high.", [("April Graves", "person")]),
        // After a title only a person bears, a name of common words is still the person's (tester19 #10).
        ("Sen. Bong Go urged the government to fund more hospitals.", [("Bong Go", "person")]),
        ("Mr. Will Power said no.", [("Will Power", "person")]),
        // "Hon." before a first name that is also a town of the gazetteer (tester20 #12: Kennedy, a district of Bogotá).
        ("The Chairman, Hon. Kennedy Agyapong, told the Minister to go.", [("Kennedy Agyapong", "person")]),
        ("From NPR News, I'm Terry Gross and this is the show.", [("NPR News", "media"), ("Terry Gross", "person")]),
        ("Yes, I'll take this one, and then We’ll turn to our results.", []),
        ("Named the International Security Assistance Force, it will be based in Kabul.",
         [("International Security Assistance Force", "organisation")]),
        ("Charges were laid by the Australian Securities and Investment Commission (ASIC) today.",
         [("Australian Securities and Investment Commission", "organisation")]),
        ("Blue Tongue Helicopters owner Helen Gillies declined to comment.", [("Blue Tongue Helicopters", "company"), ("Helen Gillies", "person")]),
        ("US President George W Bush has marked the day.", [("George W Bush", "person")]),
        ("The case was brought by the Director of Public Prosecutions yesterday.", []),
        ("The Member for Fremantle says Labor did not suffer.", []),
        ("An official from the Islamic group spoke.", []),
        ("Kidman starred in the musical \"Moulin Rouge\" and in “A Beautiful Mind”.", [("Moulin Rouge", "work"), ("Beautiful Mind", "work")]),
        ("He said \"Tony Blair\" was the man.", [("Tony Blair", "person")]),
        ("Marines waited aboard the USS Peleliu for orders.", [("USS Peleliu", "vessel")]),
        ("The Space Shuttle Endeavour touched down at noon.", [("Space Shuttle Endeavour", "vessel")]),
        ("Crowds cheered the yacht Wild Thing into port.", [("Wild Thing", "vessel")]),
        ("Crowds cheered the Wild Thing crew into port.", []),
        ("Crews entered the Hobart Yacht Race again.", [("Hobart Yacht Race", "event")]),
        ("Supporters of the former dictator Suharto gathered outside.", [("Suharto", "person")]),
        ("The party was in power under Keating for years.", []),
        ("Detainees at the Woomera Detention Centre refused food.", [("Woomera Detention Centre", "facility")]),
        ("Shoppers fled the Northside Shopping Centre at noon.", [("Northside Shopping Centre", "facility")]),
        ("Staff at the Victorian Cancer Centre were told.", [("Victorian Cancer Centre", "institution")]),
        ("Forces of the Northern Alliance advanced overnight.", [("Northern Alliance", "armed or political group")]),
        ("Reporters asked President Bush about the fires in the bush.", [("Bush", "person")]),
        ("Qantas Chief Executive Geoff Dixon was disappointed.", [("Geoff Dixon", "person")]),
        ("Striking Latrobe Valley power workers will meet today.", [("Latrobe Valley", "location")]),
        ("The state is bordered by the Gulf of Alaska to the south.", [("Gulf of Alaska", "location")]),
        ("To the north are the Chukchi and Beaufort Seas, the southern parts of the Arctic Ocean.",
         [("Chukchi", "location"), ("Beaufort Seas", "location")]),
        ("The United States purchased Alaska from the Russian Empire on March 30, 1867.", [("Russian Empire", "location")]),
        ("Waters touch as the Russian Big Diomede Island is near.", [("Big Diomede Island", "location")]),
        ("Fires spread into the New South Wales Hunter Valley overnight.", [("Hunter Valley", "location")]),
        ("It is in the Ivanovo Industrial Oblast, a region.", [("Ivanovo Industrial Oblast", "location")]),
        ("Algeria, officially People's Democratic Republic of Algeria, is a sovereign state.",
         [("People's Democratic Republic of Algeria", "location")]),
        ("Manasseh Sogavare of the People's Alliance Party has been elected.", [("Manasseh Sogavare", "person"), ("People's Alliance Party", "armed or political group")]),
        ("He averted British intervention by defusing the Trent Affair in late 1861.", [("Trent Affair", "event")]),
        ("His moves included the Emancipation Proclamation of 1863.", [("Emancipation Proclamation", "law")]),
        ("We defended freedom in Cuba under President Kennedy, and again in Vietnam.", [("Kennedy", "person")]),
        ("Dwan operated the studio in La Mesa, California from August 1911.", [("La Mesa", "location")]),
        // Tebessa, an Algerian province, is the gazetteer's.
        ("Tools are called Aterian, after the archeological site of Bir el Ater, south of Tebessa.", [("Bir el Ater", "location")]),
        ("The denial by this Government of the Colombian propositions did not, however, imply the admission of a belligerent status.",
         []),
        ("Question has arisen with the Government of Austria-Hungary touching the representation of the United States at Vienna.",
         [("Government of Austria-Hungary", "organisation")]),
        ("The forces sent to the Isthmus of Panama were instructed to confine their action.", [("Isthmus of Panama", "location")]),
        ("Traffic runs between the Valley of the Mississippi and the western coast.", [("Valley of the Mississippi", "location")]),
        ("The report of a recent survey of the Nicaragua Canal route, made by Chief Engineer Menocal, will be communicated.",
         [("Nicaragua Canal", "location"), ("Menocal", "person")]),
        ("I'm going to talk about arms reduction, the Strategic Defense Initiative, and the global democratic revolution.",
         [("Strategic Defense Initiative", "event")]),
        ("Since World War II, our nation has led the world.", [("World War II", "event")]),
        ("In 1863 General Grant took Vicksburg, and General Washington is long dead.", [("Grant", "person"), ("Vicksburg", "location"), ("Washington", "person")]),
        ("The Secretary of the Interior reports that the Bureau of Indian Affairs has been reformed.",
         [("Bureau of Indian Affairs", "organisation")]),
    ] as [(String, [(String, String)])])
    func discoveredNamesAreWholeAndTyped(_ sentence: String, _ expected: [(String, String)]) {
        let c = analyze(sentence)
        let discovered = c.mentionList(in: String(sentence.prefix(15))).filter { $0.rule == .discovered }.map { ($0.name, $0.type) }
        #expect(discovered.map(\.0) == expected.map(\.0), "\(discovered)")
        #expect(discovered.map(\.1) == expected.map(\.1), "\(discovered)")
    }

    /// One-word names the lexicon lacks, typed by the words around them; and words those cues must not take.
    @Test(arguments: [
        ("Firefighters fought a blaze at Cessnock overnight.", ["Cessnock"], []),
        ("Spencer north of Sydney remains the worst area.", ["Spencer"], []),
        ("The gunmen hid in a house in the town of Qabatiya.", ["Qabatiya"], []),
        ("Crews worked south of Sydney at Sutherland, Illawarra and Shoalhaven.", ["Sutherland", "Illawarra", "Shoalhaven"], []),
        ("Fires burnt as far as Wollongong and Sydney.", ["Wollongong"], []),
        ("He converted to Islam in jail at Christmas.", [], ["Islam", "Christmas"]),
        ("They planned to attack the nearby Jewish settlement.", [], ["Jewish"]),
        ("In Sydney, Smithers stayed at home.", [], ["Smithers"]),
        ("His father was a native of Salisbury, Connecticut, and a doctor.", ["Salisbury"], []),
        ("The kingdom paid tribute to the king of Kongo each year.", ["Kongo"], []),
        ("Collectively, Aruba and the other islands are small.", [], ["Collectively"]),
        ("He failed to act on abuse at the Toowoomba school in 1990.", ["Toowoomba"], []),
        ("Officers guarded the Brixton mosque overnight.", ["Brixton"], []),
        ("Claims of abuse at a Toowoomba Anglican school were raised.", ["Toowoomba"], ["Anglican"]),
        ("Parents chose the Catholic school and the Muslim school nearby.", [], ["Catholic", "Muslim"]),
        ("The capital city, Juneau, is not connected by road.", ["Juneau"], []),
        ("Half of the residents live within the Cessnock metropolitan area.", ["Cessnock"], []),
        ("Olympic gold went to a Berber runner, and Hayward won silver.", [], ["Olympic", "Berber", "Hayward"]),
    ])
    func oneWordPlacesByContext(_ sentence: String, _ places: [String], _ absent: [String]) {
        let c = analyze(sentence)
        let discovered = c.mentionList(in: String(sentence.prefix(15))).filter { $0.rule == .discovered }
        let found = discovered.filter { $0.type == "location" }.map(\.name)
        #expect(found == places, "\(Self.found(c, in: String(sentence.prefix(15))))")
        for word in absent { #expect(!discovered.contains { $0.name == word }, "\(Self.found(c, in: String(sentence.prefix(15))))") }
    }

    /// An acronym the lexicon lacks, alone in an ordinary sentence, is a body's name; not an acronym the name lists call a
    /// common word, one spelling out lower-case words, a Roman numeral, letters after a name, two letters, or a word of a
    /// heading in capitals or of a longer name.
    @Test(arguments: [
        ("A team of ASIO and Federal Police officers will question him.", ["ASIO"]),
        ("He attended a meeting with HIH on November 28.", ["HIH"]),
        ("It is a group called UTN, police said.", ["UTN"]),
        ("People with HIV need more care, and the GST rose.", []),
        ("The fire was lit at about 11:00pm (ACDT) last night.", []),
        ("The frequent flyer scheme (FFSX) began in May.", []),
        ("The report's part XIV says so.", []),
        ("Bob Katter MHR spoke, and he said OK.", []),
        ("HEAVY RAIN HITS SYDNEY ON MONDAY, police said.", []),
        ("The ABCD Learning group collapsed.", []),
    ])
    func unknownAcronymsAreBodies(_ sentence: String, _ bodies: [String]) {
        let c = analyze(sentence)
        let found = c.mentionList(in: String(sentence.prefix(15))).filter { $0.rule == .discovered && $0.text.allSatisfy(\.isUppercase) }
        #expect(found.map(\.name) == bodies, "\(Self.found(c, in: String(sentence.prefix(15))))")
        #expect(found.allSatisfy { $0.type == "organisation" })
    }

    /// An acronym the lexicon lacks after "at the" is the ground or hall where things happen, not a body.
    @Test(arguments: [
        ("South Africa will resume at three for 89 after day one of the second Test at the MCG.", "MCG", "facility"),
        ("A team of ASIO officers questioned him at the airport.", "ASIO", "organisation"),
    ])
    func anAcronymAfterAtTheIsAVenue(_ sentence: String, _ acronym: String, _ type: String) {
        let found = analyze(sentence).mentionList(in: String(sentence.prefix(15))).filter { $0.rule == .discovered && $0.name == acronym }
        #expect(found.map(\.type) == [type])
    }

    /// A body named by an acronym goes by it through the document: one entity, each occurrence a mention.
    @Test func anAcronymNamesOneBodyThroughTheDocument() {
        let c = analyze("ASIO wants new powers. Critics say ASIO could abuse them.")
        let names = c.mentionList(in: "ASIO wants").map(\.name) + c.mentionList(in: "Critics say").map(\.name)
        #expect(names == ["ASIO", "ASIO"], "\(Self.found(c, in: "Critics say"))")
    }

    /// An acronym before a name in parentheses stands for it there and later in the document, whatever its initials.
    @Test func anAcronymBeforeItsNameInParenthesesIsThatName() {
        let c = analyze("Write to IKI (Institute for Space Research) in Moscow. The staff of IKI reply.")
        let names = c.mentionList(in: "Write to").filter { $0.text == "IKI" }.map(\.name) + c.mentionList(in: "The staff").filter { $0.text == "IKI" }.map(\.name)
        #expect(names == ["Institute for Space Research", "Institute for Space Research"], "\(Self.found(c, in: "Write to"))")
    }

    /// A first name or a surname alone, after the whole name, is the same person; "bin Laden" keeps its particle.
    @Test func firstNamesAndParticlesStandForThePerson() {
        let c = analyze("Osama bin Laden has fled. Osama is in hiding, and bin Laden's men are gone. Her brother Emilio won.")
        let people = c.mentionList(in: "Osama is").map(\.text)
        #expect(people.contains("Osama") && people.contains("bin Laden"), "\(Self.found(c, in: "Osama is"))")
        #expect(c.mentionList(in: "Her brother").contains { $0.text == "Emilio" && $0.type == "person" }, "\(Self.found(c, in: "Her brother"))")
    }

    /// A listed first name alone is a person; not a common word, nor after "the" or in a list of places.
    @Test(arguments: [
        ("He has three older siblings - Rita, Philip and Tami.", ["Rita", "Philip", "Tami"]),
        ("Warnings went out as Gale winds rose over the coast.", []),
        ("The canoe went down the Franklin for days.", []),
    ])
    func aFirstNameAloneIsAPerson(_ sentence: String, _ people: [String]) {
        let c = analyze(sentence)
        let found = c.mentionList(in: String(sentence.prefix(15))).filter { $0.rule == .discovered && $0.type == "person" }.map(\.name)
        #expect(found == people, "\(Self.found(c, in: String(sentence.prefix(15))))")
    }

    /// A one-word place or a surname names the same word before the sentence that told it; inside a citation such a
    /// mention stays a citation.
    @Test func aShortFormNamesEarlierMentionsToo() throws {
        let c = analyze("""
            Narromine is quiet tonight. Crews left the town of Narromine at noon. As argued (Stronski 2019), it is so. \
            Paul Stronski agreed.
            """)
        #expect(c.mentionList(in: "Narromine is quiet").contains { $0.text == "Narromine" && $0.type == "location" },
                "\(Self.found(c, in: "Narromine is quiet"))")
        let cited = try #require(c.sentence(containing: "(Stronski 2019)"))
        let stronski = c.mentions(in: cited).filter { c.entities[Int($0.entity)].name == "Paul Stronski" }
        #expect(stronski.count == 1 && stronski.first?.isCitation == true, "\(Self.found(c, in: "(Stronski 2019)"))")
    }

    /// Short forms a name told earlier in the document stands for: a firm by the word before its kind of business, a body
    /// told by a noun after it; a body of the lexicon before a title it gives stays itself.
    @Test(arguments: [
        ("Phillips Petroleum delayed its pipeline. Today Phillips has announced a deal.", "Today Phillips",
         ["Phillips=Phillips Petroleum(actor company)"]),
        ("An official from Yasser Arafat's Fatah movement spoke. The Fatah official declined to be named.", "The Fatah official",
         ["Fatah=Fatah(actor organisation)"]),
        ("Jean-Pierre Lacroix, the UN Under-Secretary-General, said so.", "Jean-Pierre",
         ["Jean-Pierre Lacroix=Jean-Pierre Lacroix(actor person)", "UN=United Nations(actor intergovernmental organisation)"]),
    ])
    func shortFormsAndBodiesOfTheLexicon(_ text: String, _ needle: String, _ expected: [String]) {
        #expect(Self.found(analyze(text), in: needle) == expected)
    }

    /// Firms, former states, institutions and people whose names hold a place or a hyphen read as what they are, and
    /// nothing else is found in the sentence (no John Smith in "Smith & Wesson", no Australia in "Soccer Australia", no
    /// city of Vladimir in "Vladimir Komarov").
    @Test(arguments: [
        ("Shares of Goldman Sachs and Toyota rose, while Chrysler and Volkswagen fell.",
         ["Goldman Sachs=Goldman Sachs(actor company)", "Toyota=Toyota(actor company)", "Chrysler=Chrysler(actor company)",
          "Volkswagen=Volkswagen(actor company)"]),
        ("John Smith bought a Smith & Wesson revolver.",
         ["John Smith=John Smith(actor person)", "Smith & Wesson=Smith & Wesson(actor company)"]),
        ("Analysts at Marks & Spencer and Procter & Gamble agreed.",
         ["Marks & Spencer=Marks & Spencer(actor company)", "Procter & Gamble=Procter & Gamble(actor company)"]),
        ("Passengers switched to Virgin Blue on Friday.", ["Virgin Blue=Virgin Blue(actor company)"]),
        ("The Bundestag debated a pact with the USSR.", ["Bundestag=Bundestag(actor legislature)", "USSR=Soviet Union(actor former state)", "USSR=Soviet Union(place former state)"]),
        ("Films were made in the Soviet Union then.", ["Soviet Union=Soviet Union(actor former state)", "Soviet Union=Soviet Union(place former state)"]),
        ("The board of Soccer Australia met.", ["Soccer Australia=Soccer Australia(actor organisation)"]),
        ("Training resumed after Vladimir Komarov died.", ["Vladimir Komarov=Vladimir Komarov(actor person)"]),
        ("Envoys said Chiang Kai-shek would come.", ["Chiang Kai-shek=Chiang Kai-shek(actor person)"]),
        ("The Sydney-based crew left.", ["Sydney=Sydney(place city)"]),
        ("Pilots said NASA would land on the Moon.", ["NASA=NASA(actor agency)", "Moon=Moon(place moon)"]),
        ("Forces fought in the Southwest Pacific that year.", ["Southwest Pacific=Southwest Pacific(place location)"]),
        ("Mayor Michael Bloomberg spoke to Bloomberg reporters.",
         ["Michael Bloomberg=Michael Bloomberg(actor person)", "Bloomberg=Bloomberg(actor media)"]),
        ("He hoped to walk to Bethlehem for Christmas Eve Mass.", ["Bethlehem=Bethlehem(place region)", "Christmas Eve Mass=Christmas Eve Mass(actor unclassified)"]),
        ("It splashed down in the Pacific Ocean on July 24.", ["Pacific Ocean=Pacific Ocean(place ocean)"]),
        ("Visitors reach Lake Louise and Mount Alberta by road.",
         ["Lake Louise=Lake Louise(place location)", "Mount Alberta=Mount Alberta(place location)"]),
        ("Eight yachts sailed in the Round the World race.", []),
        ("The Founding Fathers knew it, and the Wild Card entry was a Head Start for the team.", []),
        ("Selectors returned Andy Bichel to Test cricket.", ["Andy Bichel=Andy Bichel(actor person)"]),
        ("The Pentagon said it had no idea.", ["Pentagon=Pentagon(actor government body)"]),
        ("He flew from Kiev to Peking and on to Bombay.",
         ["Kiev=Kyiv(place city)", "Peking=Beijing(place city)", "Bombay=Mumbai(place city)"]),
        ("Envoys came from Persia and Abyssinia.",
         ["Persia=Iran(actor state)", "Persia=Iran(place country)", "Abyssinia=Ethiopia(actor state)", "Abyssinia=Ethiopia(place country)"]),
        ("We will defend the Formosa Straits.", ["Formosa Straits=Formosa Straits(place location)"]),
    ])
    func namesReadAsWhatTheyAre(_ sentence: String, _ expected: [String]) {
        let c = analyze(sentence)
        #expect(Self.found(c, in: String(sentence.prefix(15))) == expected)
    }

    /// Doctrines, peoples, a common word before a plural and a title alone are no person's name; a nickname that is a
    /// common word before a surname is ("Buzz Aldrin"), and so is a word never seen in lower case before a verb of saying.
    @Test(arguments: [
        ("Most people there follow Roman Catholicism today.", "Roman Catholicism", false),
        ("Its first people were Caquetío Amerindians long ago.", "Caquetío Amerindians", false),
        ("The island lies in the Lesser Antilles chain.", "Lesser Antilles", false),
        ("The crew was joined by Buzz Aldrin that day.", "Buzz Aldrin", true),
        ("The advice came from the Chief Justice, he said.", "Justice", false),
        ("Goldin states that the agency will act.", "Goldin", true),
        ("Later Lovelace wrote to the board.", "Lovelace", true),
        ("Tonight said it all for the fans.", "Tonight", false),
        ("Pilots said the storm had passed.", "Pilots", false),
    ])
    func whatIsAPerson(_ sentence: String, _ name: String, _ person: Bool) {
        let c = analyze(sentence)
        let found = c.mentionList(in: String(sentence.prefix(15)))
        #expect(found.contains { $0.text == name && $0.type == "person" } == person, "\(Self.found(c, in: String(sentence.prefix(15))))")
    }

    /// A person of the lexicon named in full goes by the surname later in the document, written with or without its
    /// accents.
    @Test func aLexiconPersonGoesByTheSurnameLater() {
        let c = analyze("Interim Prime Minister Choguel Maïga spoke on Monday. Maïga said the transition would last. Later, Maiga left.")
        #expect(c.mentionList(in: "Maïga said").map(\.name) == ["Choguel Maïga"], "\(Self.found(c, in: "Maïga said"))")
        #expect(c.mentionList(in: "Later, Maiga").map(\.name) == ["Choguel Maïga"], "\(Self.found(c, in: "Later, Maiga"))")
    }

    /// A surname stands for the person only where it is not part of another name ("Chad Smith" is not John Smith), and
    /// a word opening a sentence that the text also writes in lower case is no surname ("In the end" after "King George
    /// V. In").
    @Test func aSurnameInsideAnotherNameIsNotThePerson() {
        let c = analyze("""
            John Smith spoke in court. Chad Smith toured Chad. Smith said nothing. \
            The coronation of King George V. In honor of it, a ship sailed in May. In the end, nothing changed.
            """)
        func people(_ prefix: String) -> [String] { c.mentionList(in: prefix).filter { $0.type == "person" }.map(\.name) }
        #expect(!people("Chad Smith toured").contains("John Smith"), "\(Self.found(c, in: "Chad Smith toured"))")
        #expect(people("Smith said").contains("John Smith"), "\(Self.found(c, in: "Smith said"))")
        #expect(people("In the end").isEmpty, "\(Self.found(c, in: "In the end"))")
    }

    /// `word` lines of a names file list common words, `town` lines towns of one or more words; a line of no known kind is
    /// an error naming its line.
    @Test func nameListsReadCommonWords() {
        var lists = NameLists()
        let diagnostics = lists.add(text: "word Lesser\nfirst Betty\nwords Virgin\ntown La Mesa\n", file: "my.names")
        #expect(lists.words.words == [Array("lesser".utf8)])
        #expect(lists.towns.words == [Array("la mesa".utf8)])
        #expect(lists.firstNames == [Array("betty".utf8)])
        #expect(diagnostics.map(\.location.line) == [3])
        #expect(diagnostics.first?.message.contains("'word WORD'") == true, "\(diagnostics)")
    }

    @Test(arguments: ["The President.", "Immigration Minister said no.", "He met Touareg Leaders on Monday."])
    func titlesAreNotNames(_ sentence: String) {
        let c = analyze(sentence)
        #expect(!c.mentionList(in: String(sentence.prefix(10))).contains { $0.rule == .discovered }, "\(Self.found(c, in: String(sentence.prefix(10))))")
    }

    @Test func aPlaceInsideAnOrganisationIsNotAPlaceMention() {
        let c = analyze("She taught at the University of Warsaw and lived in Warsaw.")
        let places = c.mentionList(in: "She taught").filter { $0.kind == .place }.map(\.text)
        #expect(places == ["Warsaw"], "only the second Warsaw: \(places)")
    }

    @Test func aPlaceBeforeALongerPersonsNameIsKeptOutOfIt() {
        let c = analyze("The historian read letters of Abraham Lincoln aloud.")
        let names = Self.found(c, in: "The historian")
        #expect(names.contains("Abraham Lincoln=Abraham Lincoln(actor person)"), "\(names)")
        #expect(!c.names(in: "The historian", .place).contains("Lincoln"))
    }

    @Test func citationMentionsAreShownButNotCounted() throws {
        let c = analyze("""
            Touadéra repeated it in an interview in 2021 (France 24 2021). France 24 also reported the visit.
            """)
        let citation = try #require(c.sentence(containing: "(France 24 2021)"))
        let mentions = c.mentions(in: citation).filter { c.entities[Int($0.entity)].name == "France 24" }
        #expect(mentions.count == 1)
        #expect(mentions.first?.isCitation == true)
        let france24 = try #require(c.entityIndex("France 24", .actor))
        #expect(c.entityMentionCounts[france24] == 1, "only the mention outside the citation")
        #expect(!c.entitySentences[france24].contains(citation))
        let touadera = try #require(c.entityIndex("Faustin-Archange Touadéra", .actor))
        #expect(c.entityMentionCounts[touadera] == 1, "the name outside the citation still counts")
    }

    @Test func seedCoMentionsLeaveCitationsOut() {
        let o = json("show actor Touadera")
        let actor = o["actor"] as? [String: Any] ?? [:]
        let related = (actor["related"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(related.first != "France 24", "\(related)")
        let sentence = json("show sentence 002:108")["sentence"] as? [String: Any] ?? [:]
        let rules = (sentence["mentions"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(rules.contains { $0.hasSuffix("citation (not counted)") }, "\(rules)")
    }

    @Test func aHyphenatedNameIsOneMention() throws {
        let c = analyze("President Faustin-Archange Touadéra spoke.")
        let id = try #require(c.entityIndex("Faustin-Archange Touadéra", .actor))
        #expect(c.entityMentionCounts[id] == 1)
        #expect(c.mentionList(in: "President").filter { $0.name == "Faustin-Archange Touadéra" }.count == 1)
    }

    @Test(arguments: [("find actor \"Dmitry Sytii\"", true), ("find actor \"Touadérra\"", true),
                      ("find actor Wagnr", false), ("find actor \"Dmitryy Sytiii\"", false)])
    func queryNamesToleranceMatchesTheText(_ command: String, _ found: Bool) {
        let r = run(command)
        #expect(r.ok == found, "\(r.err)")
    }

    /// A person the text named in full is found by the last name it goes on to call them by; a last name two people
    /// share is an error naming both, never one of them picked.
    @Test(arguments: [
        ("find actor Scholz", true, "2 sentences"),
        ("count actor scholz", true, "2 sentences"),
        ("find actor Smith", false, "'Smith' is the last name of 2 people: John Smith, Mary Smith"),
        ("find actor Olaf", false, "unknown actor 'Olaf'"),
        ("find place Scholz", false, "unknown place 'Scholz'"),
    ])
    func aDiscoveredPersonIsFoundByLastName(_ command: String, _ ok: Bool, _ said: String) {
        let c = analyze("Chancellor Olaf Scholz met Emmanuel Macron in Paris in 2023.\n\nScholz said the talks went well.\n\n"
                        + "Senator John Smith and Governor Mary Smith spoke later.\n")
        let r = run(command, corpus: c)
        #expect(r.ok == ok, "\(r.err)")
        #expect((ok ? r.out : r.err).contains(said), "\(r.out)\(r.err)")
    }

    /// A person read once goes by a later word alone only when that word may be a surname: not a month ("landed at Guanica
    /// July 25"), not a common word's plural ("the Barbary States", then "the several States"), not a title ("His Britannic
    /// Majesty", then "His Catholic Majesty"); a common word that the text never writes in lower case still is ("Arnaud
    /// Clement", then "Clement"). Real sentences of State of the Union addresses and of the development set's news.
    @Test(arguments: [
        ("Tripoli, the least considerable of the Barbary States, had come forward with demands unfounded either in right or in "
            + "compact. Thus the great power of taxation was limited to purposes of common defense and general welfare, excluding "
            + "objects appertaining to the local legislation of the several States.", "Thus the great", "States", false),
        ("The expedition landed at Guanica July 25, which port was entered with little opposition. They were subsequently "
            + "exchanged July 7.", "They were", "July", false),
        ("The expedition landed at Guanica July 25, which port was entered with little opposition.", "The expedition", "July", false),
        ("The result on the part of His Britannic Majesty is unknown. It being known that the treaty was formed under these "
            + "circumstances, not a doubt was entertained that His Catholic Majesty would have ratified it without delay.",
         "It being known", "Majesty", false),
        ("Then the 24-year-old Gambill (ranked 21st) wore down a determined Arnaud Clement, 24, (18th) to win 6-4, 6-4 in 91 "
            + "minutes. Gambill was pressed hard by Clement before taking the first set in 47 minutes.", "Gambill was pressed", "Clement", true),
    ])
    func aWordStandsForAPersonOnlyAsASurname(_ text: String, _ needle: String, _ word: String, _ named: Bool) {
        let c = analyze(text)
        #expect(c.mentionList(in: needle).contains { $0.text == word && $0.type == "person" } == named, "\(Self.found(c, in: needle))")
    }

    /// No one goes by a month, not even a person of the lexicon whose surname is one.
    @Test func aMonthIsNoSurname() {
        let c = analyze("Prime Minister Theresa May will face a vote of confidence. Parliament will sit again in May.",
                        lexicon: "actor Theresa May\n  type: person\n")
        #expect(c.mentionList(in: "Prime Minister").map(\.name) == ["Theresa May"], "\(Self.found(c, in: "Prime Minister"))")
        #expect(c.mentionList(in: "Parliament will").allSatisfy { $0.name != "Theresa May" }, "\(Self.found(c, in: "Parliament will"))")
    }

    /// Words no cue makes a name: a contraction beside a list of places, an adjective before "district", a programme's name
    /// written with a capital inside, a word for a people after "to", a weekday after a time, a number opening a sentence, a
    /// programme opened by a title word; each sentence names only what is listed.
    @Test(arguments: [
        ("On the question of acid rain, which concerns people in many areas of the United States and Canada, I'm proposing a "
            + "research program that doubles our current funding.", ["United States", "Canada"]),
        ("It is surely no hardship for embryo governors, Senators, and Members of Congress to wait until the number of "
            + "inhabitants shall equal those of a single Congressional district.", ["Congress"]),
        ("Cindy Perry teaches second graders to read in AmeriCorps in rural Kentucky.", ["Cindy Perry", "Kentucky"]),
        ("The subjugation of the States to Negro domination would be worse than the military despotism under which they are now "
            + "suffering.", []),
        ("At 15:00UTC Wednesday, the outcome of several key races for state governorships have been determined - but others "
            + "still hang in the balance of counting ballots.", []),
        ("Six European countries are pooling their coal and steel production under the Schuman plan.", []),
        ("I would also underscore my continuing confidence that Special Revenue Sharing for Education can do much to strengthen "
            + "the backbone of our educational system, our public elementary and secondary schools.", []),
        ("Michigan incumbent Democratic governor Gretchen Whitmer, with 88% of the ballots tallied, leads Republican Tudor Dixon 54.",
         ["Michigan", "Gretchen Whitmer", "Tudor Dixon"]),
        ("Such individuals as those who not long ago gathered in open meeting to glorify the murder of King Humbert of Italy "
            + "perpetrate a crime.", ["Humbert", "Italy"]),
        ("And from that simple proposition, he shaped the New Deal, which helped to restore our Nation to prosperity.", []),
        ("In 1972, the Congress enacted our General Revenue Sharing program, and already more than $11 billion of new money has "
            + "been put to work.", ["Congress"]),
        ("Al Qaida and its followers are Sunni extremists possessed by hatred and commanded by a harsh and narrow ideology.",
         ["al-Qaeda"]),
        ("The United States are ready to make any reasonable arrangement as to the police of the St. Lawrence which may be "
            + "suggested by Great Britain.", ["United States", "St. Lawrence", "United Kingdom"]),
        ("Upon the receipt of this note our naval force was promptly withdrawn from Vera Cruz.", ["Veracruz"]),
    ])
    func onlyNamesAreNamed(_ sentence: String, _ names: [String]) {
        let c = analyze(sentence)
        #expect(Self.named(c, in: String(sentence.prefix(15))) == names, "\(Self.found(c, in: String(sentence.prefix(15))))")
    }

    /// Places under their formal or older names are the places of the lexicon: "the State of Texas" is Texas, "Porto Rico"
    /// Puerto Rico, "Hayti" Haiti, "Buenos Ayres" Buenos Aires (the spellings of the addresses before 1932).
    @Test(arguments: [
        ("A constitution for the government of the State of Texas, formed by a convention of deputies, is herewith laid before "
            + "Congress.", ["Texas"], ["State of Texas"]),
        ("Of our insular possessions the Philippines and Porto Rico it is gratifying to say that their steady progress has been "
            + "such as to make it unnecessary to spend much time in discussing them.", ["Philippines", "Puerto Rico"], ["Porto Rico"]),
        ("If any good reason exists why we should persevere longer in withholding our recognition of the independence and "
            + "sovereignty of Hayti and Liberia, I am unable to discern it.", ["Haiti", "Liberia"], ["Hayti"]),
        ("It appears from these communications that the Government at Buenos Ayres declared itself independent in 1816.",
         ["Buenos Aires"], ["Buenos Ayres"]),
    ])
    func formalAndOlderNamesOfPlaces(_ sentence: String, _ places: [String], _ absent: [String]) {
        let c = analyze(sentence)
        let names = c.names(in: String(sentence.prefix(15)), .place)
        #expect(names == places, "\(Self.found(c, in: String(sentence.prefix(15))))")
        for place in absent { #expect(!names.contains(place)) }
    }

    /// In a line written in capitals an acronym that is a common word is the word ("LET US PRAY", "IT IS TIME"); longer names
    /// and acronyms that are no word stand, and so does "US" in a sentence of ordinary case.
    @Test(arguments: [
        ("LET US PRAY FOR PEACE, SAID THE POPE IN ROME ON MONDAY.", ["Rome"]),
        ("IT IS TIME FOR CHANGE, SAID THE MAYOR OF NICE.", []),
        ("RUSSIA SENDS TROOPS TO MALI AS FRANCE LEAVES", ["Russia", "Mali", "France"]),
        ("NATO AND THE UN MEET IN KABUL", ["NATO", "United Nations", "Kabul"]),
        ("The US and its allies met in Kabul.", ["United States", "Kabul"]),  // where they met, not who
    ])
    func acronymsInLinesOfCapitals(_ sentence: String, _ names: [String]) {
        let c = analyze(sentence)
        #expect(Self.named(c, in: String(sentence.prefix(10))) == names, "\(Self.found(c, in: String(sentence.prefix(10))))")
    }

    /// One name written with a hyphen or a space is one entity: "Post Office Department" and "Post-Office Department" in the
    /// addresses, "Kim Jong Il" and "Kim Jong-il".
    @Test(arguments: [
        ("The revenue of the Post Office Department has received a considerable augmentation in the present year. During the "
            + "same period the expenditures of the Post-Office Department amounted to $1,169,885.", "The revenue", "During the"),
        ("Kim Jong Il met officials in 2009. Kim Jong-il died in 2011.", "Kim Jong Il met", "Kim Jong-il died"),
    ])
    func aNameWrittenTwoWaysIsOneEntity(_ text: String, _ first: String, _ second: String) {
        let c = analyze(text)
        let one = c.mentionList(in: first).map(\.name)
        let two = c.mentionList(in: second).map(\.name)
        #expect(one.count == 1 && one == two, "\(Self.found(c, in: first)) \(Self.found(c, in: second))")
    }
}
