/// The English words the time rules care about; every other word is `.other`.
enum Word: String, CaseIterable, Sendable {
    case other = ""
    case january, february, march, april, may, june, july, august, september, october, november, december
    case jan, feb, mar, apr, jun, jul, aug, sep, sept, oct, nov, dec
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday
    case mon, tue, tues, wed, thu, thur, thurs, fri, sat, sun
    case mondays, tuesdays, wednesdays, thursdays, fridays, saturdays, sundays
    case yesterday, today, tomorrow, week, month, year, century
    case tonight, morning, afternoon, evening, night
    case last, next, this, that, earlier, later
    case summer, winter, spring, autumn, fall
    case early, mid, late, end, beginning, start, middle, half, quarter, q
    case first, second, third, fourth, fifth, sixth, seventh, eighth, ninth, tenth
    case eleventh, twelfth, thirteenth, fourteenth, fifteenth, sixteenth, seventeenth, eighteenth, nineteenth
    case twentieth, twenty, thirty, forty, fifty, sixty, seventy, eighty, ninety, thousand
    case the, of, and, between, from, to, until, till, through
    case inWord = "in", on, since, by, during, throughout, before, after, within
    case st, nd, rd, th, s, d
    case et, al, de, van, von, der, den, la, le, du, da, dos, del, di, cf, see, also, e, g, eg, ed, eds
    case resolution, resolutions, no, nos, n, number, numbers, article, articles, art, section, chapter
    case page, pages, pp, p, vol, volume, flight, route, code, decree, item, paragraph, para, iso, model
    case troops, soldiers, people, men, women, km, kilometres, kilometers, miles, metres, meters, tons, tonnes
    case dollars, euros, kg, hectares, units, persons, civilians, fighters, mercenaries, refugees, deaths
    case casualties, victims, hours, members, employees, instructors, personnel, vehicles, weapons, years
    case sec, percent, cent, acres, vessels, ships, points, degrees
    case a, an, one, two, three, four, five, six, seven, eight, nine, ten, eleven, twelve
    case thirteen, fourteen, fifteen, sixteen, seventeen, eighteen
    case ago, hence, back, day, days, weeks, months, decade, decades, weekend, coming, past, previous, current, or
    case fortnight, fortnights
    case following, eoy, eom, closest, nearest
    // The month of a letter's day in older English: "the 4th instant" (this month), "the 30th ultimo" (the last),
    // "the 1st proximo" (the next).
    case instant, inst, ultimo, ult, proximo, prox
    case twenties, thirties, forties, fifties, sixties, seventies, eighties, nineties, nineteen
    case now, currently, nowadays, presently, present, at
    case will, shall, ll, upcoming, due, expected, scheduled, planned, would
    case said, told, added, stated, noted, explained, announced, claimed, insisted, argued, wrote, declared
    case was, were, had, did, spoke, met, went, began, came, took, gave, held, won, lost, fell, rose, saw, sent
    case be
    case we, you, they
    case revenue, revenues, profit, profits, sales, earnings, growth, economy, gdp, output, income, deficit, inflation
    case unemployment, exports, imports
    case events, attacks, bombing, bombings, massacre, tragedy, killings, riots, coup, invasion, disaster, atrocities
    case christmas, xmas, boxing, new, halloween, valentine, valentines, thanksgiving, easter, eve
    case good, black, palm, maundy, whit, clean, holy, shrove, cyber, bloody, orthodox
    case eid, id, ul, el, fitr, adha, bakr, bakrid, ashura, mawlid, nabi, nabawi, islamic, hijri, sacrifice, feast
    case chinese, lunar
    case era, bc, bce, our, their, its, his, her
    // Words that lead to a year even with a capital ("Around 2010", "For 2019"): known, so a year after them is no name's.
    case about, around, circa, ca, approximately, roughly, fiscal, fy, born, both, than, over, under, toward, towards
    case beyond, against, forWord = "for", asWord = "as", like, unlike, into, entering, ending, with, despite, starting
    case including, when, whileWord = "while", but, all, each, every, only, not, my, your, these, those, any, some, another
    case superWord = "super"
    // Names of the days of the American primaries, as "Super Tuesday": "Mini-Tuesday", "Tsunami Tuesday".
    case mini, mega, giga, duper, tsunami

    /// Looks up a lowercase-packed word (see `WordKey`).
    static func lookup(_ key: WordKey) -> Word { entry(key).word }

    /// The word of a lowercase-packed key, and whether a feast's name in `FeastName.all` starts with it.
    static func entry(_ key: WordKey) -> (word: Word, startsFeast: Bool) {
        table.withUnsafeBufferPointer { slots in
            var slot = slotIndex(key)
            while true {
                let entry = slots[slot]
                if entry.key == key { return (entry.word, entry.startsFeast) }
                if entry.key == WordKey() { return (.other, false) }
                slot = (slot + 1) & (slotCount - 1)
            }
        }
    }

    /// Over four times the 460 words: an ordinary word, which the table lacks, is told by the first empty slot, one or
    /// two steps on (four with 1,024 slots); 48 KB, near what a core's first cache holds.
    private static let slotBits = 11
    private static let slotCount = 1 << slotBits

    private static func slotIndex(_ key: WordKey) -> Int {
        Int(truncatingIfNeeded: ((key.low ^ (key.high &* 0xFF51_AFD7_ED55_8CCD)) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - slotBits))
    }

    /// Other spellings of a word, which the rules read as it: "two yrs ago", "last yr's figures". A user adds another
    /// here; one of two letters ("yr") starts no reading of its own, since `TriggerScanner` looks for words of three
    /// letters or more, so it is read beside another time word ("this yr, up from 2019").
    static let abbreviations: [String: Word] = ["yr": .year, "yrs": .years]

    /// Open-addressing table: hashing with `Hasher` would dominate the tokenizer's time.
    private static let table: [(key: WordKey, word: Word, startsFeast: Bool)] = {
        var table = [(key: WordKey, word: Word, startsFeast: Bool)](repeating: (WordKey(), .other, false), count: slotCount)
        func slot(of key: WordKey) -> Int {
            var slot = slotIndex(key)
            while table[slot].key != WordKey() && table[slot].key != key { slot = (slot + 1) & (slotCount - 1) }
            return slot
        }
        for word in allCases where word != .other {
            let key = WordKey(lowercase: Array(word.rawValue.utf8))
            table[slot(of: key)] = (key, word, false)
        }
        for (spelling, word) in abbreviations {
            let key = WordKey(lowercase: Array(spelling.utf8))
            table[slot(of: key)] = (key, word, false)
        }
        for key in FeastName.firstWords {
            let slot = slot(of: key)
            table[slot] = (key, table[slot].word, true)
        }
        return table
    }()

    /// 1...12 for month names and their abbreviations.
    var month: Int? {
        switch self {
        case .january, .jan: 1
        case .february, .feb: 2
        case .march, .mar: 3
        case .april, .apr: 4
        case .may: 5
        case .june, .jun: 6
        case .july, .jul: 7
        case .august, .aug: 8
        case .september, .sep, .sept: 9
        case .october, .oct: 10
        case .november, .nov: 11
        case .december, .dec: 12
        default: nil
        }
    }

    /// True for the spelled-out month names (which may stand alone as "In May").
    var isFullMonth: Bool {
        switch self {
        case .january, .february, .march, .april, .may, .june, .july, .august, .september,
             .october, .november, .december: true
        default: false
        }
    }

    /// 1 = Monday ... 7 = Sunday.
    var weekday: Int? {
        switch self {
        case .monday: 1
        case .tuesday: 2
        case .wednesday: 3
        case .thursday: 4
        case .friday: 5
        case .saturday: 6
        case .sunday: 7
        default: nil
        }
    }

    /// 1 = Monday ... 7 = Sunday for the plurals ("three Fridays from now").
    var pluralWeekday: Int? {
        switch self {
        case .mondays: 1
        case .tuesdays: 2
        case .wednesdays: 3
        case .thursdays: 4
        case .fridays: 5
        case .saturdays: 6
        case .sundays: 7
        default: nil
        }
    }

    /// 1 = Monday ... 7 = Sunday for the abbreviations ("Mon", "Thurs"), which are read only beside a date:
    /// "Sun", "Sat" and "Wed" are also words.
    var abbreviatedWeekday: Int? {
        switch self {
        case .mon: 1
        case .tue, .tues: 2
        case .wed: 3
        case .thu, .thur, .thurs: 4
        case .fri: 5
        case .sat: 6
        case .sun: 7
        default: nil
        }
    }

    /// First month of a season: summer is June-August, winter December-February.
    var seasonStart: Int? {
        switch self {
        case .spring: 3
        case .summer: 6
        case .autumn, .fall: 9
        case .winter: 12
        default: nil
        }
    }

    /// "first" = 1 ... "twentieth" = 20.
    var ordinal: Int? {
        switch self {
        case .first: 1
        case .second: 2
        case .third: 3
        case .fourth: 4
        case .fifth: 5
        case .sixth: 6
        case .seventh: 7
        case .eighth: 8
        case .ninth: 9
        case .tenth: 10
        case .eleventh: 11
        case .twelfth: 12
        case .thirteenth: 13
        case .fourteenth: 14
        case .fifteenth: 15
        case .sixteenth: 16
        case .seventeenth: 17
        case .eighteenth: 18
        case .nineteenth: 19
        case .twentieth: 20
        default: nil
        }
    }

    /// "a" = 1, "one" = 1 ... "twelve" = 12: how many units "two years ago" counts.
    var cardinal: Int? {
        switch self {
        case .a, .an, .one: 1
        case .two: 2
        case .three: 3
        case .four: 4
        case .five: 5
        case .six: 6
        case .seven: 7
        case .eight: 8
        case .nine: 9
        case .ten: 10
        case .eleven: 11
        case .twelve: 12
        case .thirteen: 13
        case .fourteen: 14
        case .fifteen: 15
        case .sixteen: 16
        case .seventeen: 17
        case .eighteen: 18
        case .nineteen: 19
        default: nil
        }
    }

    /// "twenty" = 20 ... "ninety" = 90: the tens of a year written in words ("nineteen ninety-one").
    var tens: Int? {
        switch self {
        case .twenty: 20
        case .thirty: 30
        case .forty: 40
        case .fifty: 50
        case .sixty: 60
        case .seventy: 70
        case .eighty: 80
        case .ninety: 90
        default: nil
        }
    }

    /// First year of the decade a spelled-out decade names within its century: "seventies" = 70.
    var decadeOfCentury: Int? {
        switch self {
        case .twenties: 20
        case .thirties: 30
        case .forties: 40
        case .fifties: 50
        case .sixties: 60
        case .seventies: 70
        case .eighties: 80
        case .nineties: 90
        default: nil
        }
    }

    /// The calendar unit a counting phrase steps by: "three days ago", "11 months ago".
    /// "a fortnight", "three fortnights": a count of this word is twice as many weeks.
    var isFortnight: Bool { self == .fortnight || self == .fortnights }

    var unit: CalendarUnit? {
        switch self {
        case .day, .days: .day
        case .week, .weeks: .week
        case .month, .months: .month
        case .year, .years: .year
        case .decade, .decades: .decade
        default: nil
        }
    }

    /// Words that put what follows in the future: "will meet on Saturday", "is due to vote on Sept. 2". "would" too: in
    /// news a "would" beside a named day reports a forecast or plan ("said conditions would worsen on Boxing Day");
    /// the habitual "would" ("he would walk there every Sunday") seldom names one day.
    var pointsForward: Bool {
        switch self {
        case .will, .shall, .ll, .upcoming, .coming, .due, .expected, .scheduled, .planned, .next, .would: true
        default: false
        }
    }

    /// Measures reported by quarter: "Revenue fell in the third quarter" is of a calendar quarter, "scored in the
    /// third quarter" of a game. A user extends the list by adding a case here.
    var isReportedByQuarter: Bool {
        switch self {
        case .revenue, .revenues, .profit, .profits, .sales, .earnings, .growth, .economy, .gdp, .output, .income, .deficit,
             .inflation, .unemployment, .exports, .imports: true
        default: false
        }
    }

    /// Nouns of events that have happened: "the events of September the 11th" are past, whatever the verb after
    /// them ("... will not make us safer") says.
    var namesPastEvent: Bool {
        switch self {
        case .events, .attacks, .bombing, .bombings, .massacre, .tragedy, .killings, .riots, .coup, .invasion, .disaster,
             .atrocities: true
        default: false
        }
    }

    /// Verbs in the past tense that cannot be read otherwise (unlike "left", "led", "put"): "The minister spoke this
    /// Wednesday" speaks of the Wednesday before publication. A user extends the list by adding a case here.
    var marksPast: Bool {
        switch self {
        case .was, .were, .had, .did, .spoke, .met, .went, .began, .came, .took, .gave, .held, .won, .lost, .fell, .rose,
             .saw, .sent, .said, .told, .wrote: true
        default: false
        }
    }

    /// Words before a date that ends a span or sets a deadline: "extended to Nov. 20", "until March 6", "by Dec. 15".
    /// Such a date is as often ahead as behind, whatever the tense of the verb ("had been extended to Nov. 6").
    var endsSpan: Bool {
        switch self {
        case .to, .until, .till, .by, .through: true
        default: false
        }
    }

    /// Verbs of reported speech in the past: "Harf said the US currently favoured ..." speaks of the time she said it.
    var reportsPastSpeech: Bool {
        switch self {
        case .said, .told, .added, .stated, .noted, .explained, .announced, .claimed, .insisted, .argued, .wrote,
             .declared: true
        default: false
        }
    }

    /// Words no rule starts at: they only qualify what is around them ("of", "ago", "said", "troops"), so the
    /// matcher skips them without trying every rule.
    var isContextOnly: Bool {
        switch self {
        case .troops, .soldiers, .people, .men, .women, .km, .kilometres, .kilometers, .miles, .metres, .meters,
             .tons, .tonnes, .dollars, .euros, .kg, .hectares, .units, .persons, .civilians, .fighters, .mercenaries,
             .refugees, .deaths, .casualties, .victims, .hours, .members, .employees, .instructors, .personnel,
             .vehicles, .weapons, .years, .percent, .cent, .acres, .vessels, .ships, .points, .degrees, .resolution, .resolutions, .no,
             .nos, .n, .number, .numbers, .article, .articles, .art, .section, .sec, .chapter, .page, .pages, .pp,
             .p, .vol, .volume, .flight, .route, .code, .decree, .item, .paragraph, .para, .iso, .model, .said,
             .told, .added, .stated, .noted, .explained, .announced, .claimed, .insisted, .argued, .wrote, .declared,
             .inWord, .on, .since, .by, .until, .within, .mondays, .tuesdays, .wednesdays, .thursdays, .fridays,
             .saturdays, .sundays, .till, .through, .throughout, .during, .before, .after, .of, .to,
             .st, .nd, .rd, .th, .s, .d, .twenties, .thirties, .forties, .fifties, .sixties, .seventies, .eighties,
             .nineties, .et, .al, .van, .von, .der, .den, .la, .le, .du, .da, .dos, .del, .di, .cf, .see, .also, .e,
             .g, .eg, .ed, .eds, .day, .days, .week, .weeks, .month, .months, .decade, .decades, .and, .or, .ago,
             .weekend, .present, .will, .hence, .back, .thousand, .morning, .afternoon, .evening, .night,
             .shall, .ll, .due, .expected, .scheduled, .planned, .would, .eve,
             .holy, .shrove, .cyber, .superWord, .mini, .mega, .giga, .duper, .tsunami, .bloody, .century, .half, .quarter, .era, .bc, .bce, .our, .their,
             .its, .his, .her, .was, .were, .had, .did, .spoke, .met, .went, .began, .came, .took, .gave, .held, .won,
             .lost, .fell, .rose, .saw, .sent, .events, .attacks, .bombing, .bombings, .massacre, .tragedy, .killings, .riots,
             .coup, .invasion, .disaster, .atrocities, .we, .you, .they, .revenue, .revenues, .profit,
             .profits, .sales, .earnings, .growth, .economy, .gdp, .output, .income, .deficit, .inflation, .unemployment,
             .exports, .imports, .about, .around, .circa, .ca, .approximately, .roughly, .fiscal, .fy, .born, .both, .than,
             .over, .under, .toward, .towards, .beyond, .against, .forWord, .asWord, .like, .unlike, .into, .entering, .ending, .with,
             .despite, .starting, .including, .when, .whileWord, .but, .all, .each, .every, .only, .not, .my, .your,
             .these, .those, .any, .some, .another, .closest, .nearest: true
        default: false
        }
    }

    /// Words that make the weekday after them the name of a day ("Black Friday", "Bloody Sunday", "Super Tuesday",
    /// "Mini-Tuesday").
    var namesADay: Bool {
        switch self {
        case .good, .black, .palm, .maundy, .whit, .clean, .holy, .shrove, .cyber, .superWord, .mini, .mega, .giga, .duper,
             .tsunami, .bloody, .easter: true
        default: false
        }
    }

    /// -1 for "last" and "previous", 0 for "this" and "current", +1 for "next": which month, week or year they name.
    var offset: Int? {
        switch self {
        case .last, .previous: -1
        case .this, .current: 0
        case .next: 1
        default: nil
        }
    }

    /// Which third of a span "early", "mid" and "late" pick.
    var third: SpanThird? {
        switch self {
        case .early: .early
        case .mid, .middle: .middle
        case .late: .late
        default: nil
        }
    }

    /// Suffixes of written ordinals: 1st, 2nd, 3rd, 19th.
    var isOrdinalSuffix: Bool { self == .st || self == .nd || self == .rd || self == .th }

    /// Words after which a bare month name means a month: "In May", "since March", "turnover for October".
    var introducesMonth: Bool {
        switch self {
        case .inWord, .on, .since, .by, .until, .till, .during, .through, .throughout,
             .from, .to, .before, .after, .of, .between, .forWord: true
        default: false
        }
    }

    /// Words that make "the coming two years" after them a span: "over the upcoming two years", "in the coming two months".
    var makesSpan: Bool {
        switch self {
        case .over, .inWord, .during, .within, .forWord, .throughout, .through, .into: true
        default: false
        }
    }

    /// The month "the 4th instant" (0), "the 30th ultimo" (-1) or "the 1st proximo" (+1) names, counted from the
    /// document's.
    var monthOfLetter: Int? {
        switch self {
        case .instant, .inst: 0
        case .ultimo, .ult: -1
        case .proximo, .prox: 1
        default: nil
        }
    }

    /// Words after which a four-digit number is a year even before a noun: "in 2019 troops left".
    var introducesYear: Bool {
        switch self {
        case .inWord, .since, .by, .until, .till, .during, .throughout, .before, .after: true
        default: false
        }
    }

    /// Words after which a number is an identifier, not a year: "Resolution 2127", "No. 2339".
    var labelsNumber: Bool {
        switch self {
        case .resolution, .resolutions, .no, .nos, .n, .number, .numbers, .article, .articles, .art,
             .section, .sec, .chapter, .page, .pages, .pp, .p, .vol, .volume, .flight, .route, .code,
             .decree, .item, .paragraph, .para, .iso, .model: true
        default: false
        }
    }

    /// Words that show the preceding number counts things: "2000 troops".
    var countsThings: Bool {
        switch self {
        case .troops, .soldiers, .people, .men, .women, .km, .kilometres, .kilometers, .miles, .metres,
             .meters, .tons, .tonnes, .dollars, .euros, .kg, .hectares, .units, .persons, .civilians,
             .fighters, .mercenaries, .refugees, .deaths, .casualties, .victims, .hours, .members,
             .employees, .instructors, .personnel, .vehicles, .weapons, .years, .percent, .cent, .acres,
             .vessels, .ships, .points, .degrees: true
        default: false
        }
    }

    /// Lowercase words allowed between the names of a citation: "et al.", "van", "see".
    var joinsCitationNames: Bool {
        switch self {
        case .et, .al, .and, .de, .van, .von, .der, .den, .la, .le, .du, .da, .dos, .del, .di,
             .cf, .see, .also, .e, .g, .eg, .ed, .eds: true
        default: false
        }
    }

    /// Capitalised words that cannot be a cited author: "(In 2019)", "(Since 2017)", "(May 2019)".
    var isNeverAName: Bool {
        month != nil || weekday != nil || seasonStart != nil || introducesMonth || third != nil
            || self == .early || self == .last || self == .next || self == .this || self == .that
            || self == .end || self == .beginning || self == .start
    }
}

/// A step of the calendar that "ago" counts back by.
enum CalendarUnit: Sendable {
    case day, week, month, year, decade
}

/// Which third of a decade, century or year "early", "mid" and "late" select.
enum SpanThird: Sendable {
    case early, middle, late
}

/// The part of a decade or century a phrase names: a third ("the early 1990s", "the end of the 19th century") or the
/// first or second half ("the second half of the 1800s").
enum SpanPart: Sendable {
    case third(SpanThird)
    case half(Int)
}
