/// The names news writes feasts by, beyond the few the matcher reads by rule ("Christmas Eve", "Eid al-Fitr"):
/// one line a name, so a user adds a feast or a name here. Words are matched without regard to case, with an
/// optional hyphen or full stop between them ("Rosh-Hashanah", "St. Patrick's Day"), and by their spelling key
/// (`spellingKey`), so one line covers a name's transliterations ("Hanukkah", "Chanukah", "Hannukah").
struct FeastName: Sendable {
    /// Lowercase words and single symbols ("'", "-"), in order.
    let parts: [[UInt8]]
    /// By part, what a word of the text must have to match it (`key(of:)`); nil for a symbol.
    let keys: [WordKey?]
    let holiday: Holiday
    /// Also an ordinary word or phrase ("lent", "king's day", "memorial day"): read only when written with a
    /// capital or followed by a year.
    let capitalised: Bool
    /// The word the trigger scanner looks for (see `TriggerScanner`): the longest, so "lag b'omer" is found by
    /// "omer", not "lag"; nil when all its words are frequent ("Presidents' Day"): then the name is read only
    /// beside another trigger, such as a year.
    let trigger: [UInt8]?

    /// `trigger`: the word to look for when it is not the longest; "" for none.
    init(_ name: String, _ holiday: Holiday, capitalised: Bool = false, trigger: String? = nil) {
        var parts: [[UInt8]] = []
        var word: [UInt8] = []
        for byte in name.utf8 {
            if Tokenizer.isLetter(byte) {
                word.append(byte | 0x20)
                continue
            }
            if !word.isEmpty { parts.append(word) }
            word = []
            if byte != UInt8(ascii: " ") { parts.append([byte]) }
        }
        if !word.isEmpty { parts.append(word) }
        self.parts = parts
        keys = parts.map { Tokenizer.isLetter($0[0]) ? Self.key(of: $0) : nil }
        self.holiday = holiday
        self.capitalised = capitalised
        switch trigger {
        case "": self.trigger = nil
        case let word?: self.trigger = Array(word.utf8)
        case nil: self.trigger = parts.filter { $0.count >= 3 }.max { $0.count < $1.count } ?? parts[0]
        }
    }

    /// `name` with its first two words written as one ("Ram Navami" as "Ramnavami", "Maha Ashtami" as "Mahashtami");
    /// nil when they are not two words.
    private init?(joining name: FeastName) {
        guard name.parts.count >= 2, name.keys[0] != nil, name.keys[1] != nil else { return nil }
        parts = [name.parts[0] + name.parts[1]] + name.parts.dropFirst(2)
        keys = [Self.key(of: parts[0])] + name.keys.dropFirst(2)
        holiday = name.holiday
        capitalised = name.capitalised
        trigger = nil
    }

    /// The names as listed and with their first two words written as one: what the matcher reads.
    static let written: [FeastName] = all + all.compactMap { FeastName(joining: $0) }

    static let all: [FeastName] = [
        // Christian feasts and seasons (Western dates unless named Orthodox).
        FeastName("ash wednesday", .ashWednesday),
        FeastName("shrove tuesday", .shroveTuesday),
        FeastName("pancake day", .shroveTuesday, capitalised: true),
        FeastName("mardi gras", .shroveTuesday),
        FeastName("orthodox shrove monday", .cleanMonday),
        FeastName("pure monday", .cleanMonday, capitalised: true),
        FeastName("clean monday", .cleanMonday, capitalised: true),
        FeastName("lent", .lent, capitalised: true),
        FeastName("holy saturday", .holySaturday),
        FeastName("mothering sunday", .motheringSunday),
        FeastName("ascension day", .ascension, capitalised: true),
        FeastName("ascension thursday", .ascension),
        FeastName("pentecost", .pentecost),
        FeastName("pentecost sunday", .pentecost),
        FeastName("whitsun", .pentecost),
        FeastName("whit sunday", .pentecost),
        FeastName("whitsunday", .pentecost),
        FeastName("epiphany", .epiphany, capitalised: true),
        FeastName("orthodox christmas", .orthodoxChristmas),
        FeastName("orthodox good friday", .shifted(.orthodoxEaster, days: -2)),
        FeastName("trinity sunday", .shifted(.easter, days: 56)),
        FeastName("cyber monday", .shifted(.thanksgiving, days: 4)),
        FeastName("feast of the assumption", .assumption),
        FeastName("assumption day", .assumption, capitalised: true),
        FeastName("st stephen's day", .boxingDay),
        FeastName("saint stephen's day", .boxingDay),
        FeastName("st patrick's day", .stPatricksDay),
        FeastName("st patricks day", .stPatricksDay),
        FeastName("saint patrick's day", .stPatricksDay),
        FeastName("all saints' day", .allSaintsDay, capitalised: true),
        FeastName("all saints day", .allSaintsDay, capitalised: true),
        FeastName("all souls' day", .allSoulsDay, capitalised: true),
        FeastName("all souls day", .allSoulsDay, capitalised: true),
        // National days (those of the United States unless named).
        FeastName("martin luther king day", .martinLutherKingDay),
        FeastName("martin luther king jr day", .martinLutherKingDay),
        FeastName("martin luther king, jr. day", .martinLutherKingDay),
        FeastName("mlk day", .martinLutherKingDay),
        FeastName("presidents' day", .presidentsDay, capitalised: true, trigger: ""),
        FeastName("presidents day", .presidentsDay, capitalised: true, trigger: ""),
        FeastName("president's day", .presidentsDay, capitalised: true, trigger: ""),
        FeastName("president day", .presidentsDay, capitalised: true, trigger: ""),
        FeastName("washington's birthday", .presidentsDay, capitalised: true, trigger: "birthday"),
        FeastName("memorial day", .memorialDay, capitalised: true),
        FeastName("decoration day", .memorialDay, capitalised: true),
        FeastName("labor day", .laborDay, capitalised: true),
        FeastName("columbus day", .columbusDay, capitalised: true),
        FeastName("veterans day", .veteransDay, capitalised: true),
        FeastName("veterans' day", .veteransDay, capitalised: true),
        FeastName("veteran's day", .veteransDay, capitalised: true),
        FeastName("mother's day", .mothersDay, capitalised: true),
        FeastName("mothers' day", .mothersDay, capitalised: true),
        FeastName("mothers day", .mothersDay, capitalised: true),
        FeastName("father's day", .fathersDay, capitalised: true),
        FeastName("fathers' day", .fathersDay, capitalised: true),
        FeastName("fathers day", .fathersDay, capitalised: true),
        FeastName("boss's day", .bossDay, capitalised: true),
        FeastName("bosses' day", .bossDay, capitalised: true),
        FeastName("bosses day", .bossDay, capitalised: true),
        FeastName("boss day", .bossDay, capitalised: true),
        FeastName("national boss day", .bossDay, capitalised: true, trigger: "boss"),
        FeastName("earth day", .earthDay, capitalised: true),
        FeastName("groundhog day", .groundhogDay, capitalised: true),
        FeastName("groundhogs day", .groundhogDay, capitalised: true),
        FeastName("groundhog's day", .groundhogDay, capitalised: true),
        FeastName("lincoln's birthday", .lincolnsBirthday, capitalised: true),
        FeastName("lincolns' birthday", .lincolnsBirthday, capitalised: true),
        FeastName("lincolns birthday", .lincolnsBirthday, capitalised: true),
        FeastName("lincoln birthday", .lincolnsBirthday, capitalised: true),
        FeastName("abraham lincoln's birthday", .lincolnsBirthday, capitalised: true, trigger: "birthday"),
        FeastName("administrative professionals' day", .administrativeProfessionalsDay),
        FeastName("administrative professionals day", .administrativeProfessionalsDay),
        FeastName("administrative professional's day", .administrativeProfessionalsDay),
        FeastName("administrative professional day", .administrativeProfessionalsDay),
        FeastName("secretaries' day", .administrativeProfessionalsDay, capitalised: true),
        FeastName("secretaries day", .administrativeProfessionalsDay, capitalised: true),
        FeastName("secretary's day", .administrativeProfessionalsDay, capitalised: true),
        FeastName("admin day", .administrativeProfessionalsDay, capitalised: true),
        FeastName("admins day", .administrativeProfessionalsDay, capitalised: true),
        FeastName("national grandparents day", .grandparentsDay, trigger: "grandparents"),
        FeastName("national grandparents' day", .grandparentsDay, trigger: "grandparents"),
        FeastName("military spouse day", .militarySpouseDay, trigger: "spouse"),
        FeastName("military spouse appreciation day", .militarySpouseDay, trigger: "spouse"),
        FeastName("april fools' day", .aprilFoolsDay),
        FeastName("april fool's day", .aprilFoolsDay),
        FeastName("april fools day", .aprilFoolsDay),
        FeastName("international women's day", .womensDay, capitalised: true, trigger: "women"),
        FeastName("women's day", .womensDay, capitalised: true),
        FeastName("king's day", .kingsDay, capitalised: true),
        FeastName("kings day", .kingsDay, capitalised: true),
        FeastName("koningsdag", .kingsDay),
        FeastName("bastille day", .bastilleDay),
        FeastName("juneteenth", .juneteenth),
        FeastName("flag day", .flagDay, capitalised: true),
        FeastName("patriot day", .patriotDay, capitalised: true),
        FeastName("arbor day", .arborDay, capitalised: true),
        FeastName("inauguration day", .inaugurationDay, capitalised: true),
        FeastName("kwanzaa", .kwanzaa),
        FeastName("world environment day", .environmentDay, capitalised: true),
        FeastName("anzac day", .anzacDay),
        FeastName("australia day", .australiaDay, capitalised: true),
        FeastName("canada day", .canadaDay, capitalised: true),
        FeastName("dominion day", .canadaDay, capitalised: true),
        FeastName("victoria day", .victoriaDay, capitalised: true),
        FeastName("islander day", .canadianFebruaryHoliday, capitalised: true),
        FeastName("louis riel day", .canadianFebruaryHoliday, trigger: "riel"),
        FeastName("nova scotia heritage day", .canadianFebruaryHoliday, trigger: "scotia"),
        FeastName("remembrance day", .remembranceDay, capitalised: true),
        FeastName("armistice day", .remembranceDay, capitalised: true),
        FeastName("guy fawkes night", .guyFawkesNight),
        FeastName("guy fawkes day", .guyFawkesNight),
        FeastName("bonfire night", .guyFawkesNight, capitalised: true),
        // Islamic feasts (Umm al-Qura calendar).
        FeastName("ramadan", .ramadan),
        FeastName("ramadhan", .ramadan),
        FeastName("ramazan", .ramadan),
        FeastName("ramzan", .ramadan),
        FeastName("laylat al-qadr", .laylatAlQadr),
        FeastName("lailat al-qadr", .laylatAlQadr),
        FeastName("laylat ul-qadr", .laylatAlQadr),
        FeastName("shab-e-qadr", .laylatAlQadr),
        FeastName("jumu'atul-wida", .jumuatulWida),
        FeastName("jumuatul-wida", .jumuatulWida),
        FeastName("jumu'ah al-wida", .jumuatulWida),
        FeastName("jamat ul-vida", .jumuatulWida),
        FeastName("jamat-ul-vida", .jumuatulWida),
        FeastName("isra and mi'raj", .israMiraj),
        FeastName("isra and miraj", .israMiraj),
        FeastName("isra' and mi'raj", .israMiraj),
        FeastName("isra miraj", .israMiraj),
        FeastName("lailat al-miraj", .israMiraj),
        FeastName("laylat al-mi'raj", .israMiraj),
        FeastName("shab-e-miraj", .israMiraj),
        FeastName("night journey", .israMiraj, capitalised: true),
        FeastName("arafat day", .arafat),
        FeastName("arafah day", .arafat),
        // Jewish feasts (Hebrew calendar; from the first day, not the eve).
        FeastName("rosh hashanah", .roshHashanah),
        FeastName("rosh hashana", .roshHashanah),
        FeastName("rosh hashanna", .roshHashanah),
        FeastName("rosh ha-shanah", .roshHashanah),
        FeastName("yom kippur", .yomKippur),
        FeastName("yom kipur", .yomKippur),
        FeastName("sukkot", .sukkot),
        FeastName("succot", .sukkot),
        FeastName("sukkoth", .sukkot),
        FeastName("feast of tabernacles", .sukkot),
        FeastName("shemini atzeret", .sheminiAtzeret),
        FeastName("simchat torah", .simchatTorah),
        FeastName("simchas torah", .simchatTorah),
        FeastName("simhat torah", .simchatTorah),
        FeastName("hanukkah", .hanukkah),
        FeastName("hanukah", .hanukkah),
        FeastName("hannukah", .hanukkah),
        FeastName("hanukka", .hanukkah),
        FeastName("chanukah", .hanukkah),
        FeastName("chanukkah", .hanukkah),
        FeastName("tu bishvat", .tuBishvat),
        FeastName("tu b'shvat", .tuBishvat),
        FeastName("tu b'shevat", .tuBishvat),
        FeastName("tu bshevat", .tuBishvat),
        FeastName("tu bi-shvat", .tuBishvat),
        FeastName("purim", .purim),
        FeastName("passover", .passover),
        FeastName("pesach", .passover),
        FeastName("pesah", .passover),
        FeastName("yom hashoah", .yomHashoah),
        FeastName("yom ha-shoah", .yomHashoah),
        FeastName("yom haatzmaut", .yomHaatzmaut),
        FeastName("yom ha'atzmaut", .yomHaatzmaut),
        FeastName("yom ha-atzmaut", .yomHaatzmaut),
        FeastName("yom hazikaron", .shifted(.yomHaatzmaut, days: -1)),
        FeastName("yom ha-zikaron", .shifted(.yomHaatzmaut, days: -1)),
        FeastName("yom yerushalayim", .yomYerushalayim),
        FeastName("jerusalem day", .yomYerushalayim, capitalised: true),
        FeastName("shushan purim", .shifted(.purim, days: 1)),
        FeastName("lag baomer", .lagBaomer),
        FeastName("lag b'omer", .lagBaomer),
        FeastName("lag ba'omer", .lagBaomer),
        FeastName("lag ba-omer", .lagBaomer),
        FeastName("shavuot", .shavuot),
        FeastName("shavuos", .shavuot),
        FeastName("shavuoth", .shavuot),
        FeastName("tisha b'av", .tishaBav),
        FeastName("tisha bav", .tishaBav),
        FeastName("tisha be'av", .tishaBav),
        FeastName("tisha ba'av", .tishaBav),
        // The Parsi New Year (Shahenshahi calendar).
        FeastName("parsi new year", .parsiNewYear),
        // Hindu, Sikh, Jain and Buddhist feasts (the Indian table; days counted from a feast of it).
        FeastName("diwali", .indian(.diwali, first: 0, last: 0)),
        FeastName("deepavali", .indian(.diwali, first: 0, last: 0)),
        FeastName("deepawali", .indian(.diwali, first: 0, last: 0)),
        FeastName("divali", .indian(.diwali, first: 0, last: 0)),
        FeastName("dhanteras", .indian(.diwali, first: -2, last: -2)),
        FeastName("choti diwali", .indian(.diwali, first: -1, last: -1)),
        FeastName("chhoti diwali", .indian(.diwali, first: -1, last: -1)),
        FeastName("kali chaudas", .indian(.diwali, first: -1, last: -1)),
        FeastName("govardhan puja", .indian(.govardhanPuja, first: 0, last: 0)),
        FeastName("bhai dooj", .indian(.bhaiDooj, first: 0, last: 0)),
        FeastName("bhai duj", .indian(.bhaiDooj, first: 0, last: 0)),
        FeastName("bhaiya dooj", .indian(.bhaiDooj, first: 0, last: 0)),
        FeastName("holi", .indian(.holi, first: 0, last: 0)),
        FeastName("holika dahan", .indian(.holikaDahan, first: 0, last: 0)),
        FeastName("hola mohalla", .indian(.holi, first: 1, last: 1)),
        FeastName("lohri", .indian(.makarSankranti, first: -1, last: -1)),
        FeastName("dussehra", .indian(.dussehra, first: 0, last: 0)),
        FeastName("dusshera", .indian(.dussehra, first: 0, last: 0)),
        FeastName("dasara", .indian(.dussehra, first: 0, last: 0)),
        FeastName("vijayadashami", .indian(.dussehra, first: 0, last: 0)),
        FeastName("vijaya dashami", .indian(.dussehra, first: 0, last: 0)),
        FeastName("navratri", .indian(.dussehra, first: -9, last: -1)),
        FeastName("navaratri", .indian(.dussehra, first: -9, last: -1)),
        FeastName("sharad navratri", .indian(.dussehra, first: -9, last: -1)),
        FeastName("maha saptami", .indian(.mahaSaptami, first: 0, last: 0)),
        FeastName("maha ashtami", .indian(.mahaAshtami, first: 0, last: 0)),
        FeastName("durga ashtami", .indian(.mahaAshtami, first: 0, last: 0)),
        FeastName("maha navami", .indian(.mahaNavami, first: 0, last: 0)),
        FeastName("karva chauth", .indian(.karvaChauth, first: 0, last: 0)),
        FeastName("karwa chauth", .indian(.karvaChauth, first: 0, last: 0)),
        FeastName("karva chouth", .indian(.karvaChauth, first: 0, last: 0)),
        FeastName("karwa chouth", .indian(.karvaChauth, first: 0, last: 0)),
        FeastName("ganesh chaturthi", .indian(.ganeshChaturthi, first: 0, last: 0)),
        FeastName("ganesha chaturthi", .indian(.ganeshChaturthi, first: 0, last: 0)),
        FeastName("vinayaka chaturthi", .indian(.ganeshChaturthi, first: 0, last: 0)),
        FeastName("vinayak chaturthi", .indian(.ganeshChaturthi, first: 0, last: 0)),
        FeastName("rama navami", .indian(.ramNavami, first: 0, last: 0)),
        FeastName("ram navami", .indian(.ramNavami, first: 0, last: 0)),
        FeastName("ramnavami", .indian(.ramNavami, first: 0, last: 0)),
        // Names the `holidays` package's India calendar gives on the same days: "Basant Panchami / Shri Panchami",
        // "Karaka Chaturthi (Karwa Chouth)", "Chaitra Sukladi; Cheti Chand; Gudi Padwa; Ugadi", "Pratihar Shashthi or
        // Surya Shashthi (Chhath Puja)", "Dolyatra; Holika Dahan", "Guru Nanak's Birthday"...
        FeastName("shri panchami", .indian(.vasantPanchami, first: 0, last: 0)),
        FeastName("karaka chaturthi", .indian(.karvaChauth, first: 0, last: 0)),
        FeastName("chaitra sukladi", .indian(.ugadi, first: 0, last: 0)),
        FeastName("cheti chand", .indian(.ugadi, first: 0, last: 0)),
        FeastName("pratihar shashthi", .indian(.chhathPuja, first: 0, last: 0)),
        FeastName("surya shashthi", .indian(.chhathPuja, first: 0, last: 0)),
        FeastName("dolyatra", .indian(.holikaDahan, first: 0, last: 0)),
        FeastName("guru nanak's birthday", .indian(.guruNanakJayanti, first: 0, last: 0)),
        FeastName("guru gobind singh's birthday", .indian(.guruGobindSinghJayanti, first: 0, last: 0)),
        FeastName("guru ravi das's birthday", .indian(.guruRavidasJayanti, first: 0, last: 0)),
        FeastName("guru ravi das jayanti", .indian(.guruRavidasJayanti, first: 0, last: 0)),
        FeastName("maharishi valmiki's birthday", .indian(.valmikiJayanti, first: 0, last: 0)),
        FeastName("mahavira's birthday", .indian(.mahavirJayanti, first: 0, last: 0)),
        FeastName("vasant panchami", .indian(.vasantPanchami, first: 0, last: 0)),
        FeastName("basant panchami", .indian(.vasantPanchami, first: 0, last: 0)),
        FeastName("vaisakhi", .indian(.vaisakhi, first: 0, last: 0)),
        FeastName("baisakhi", .indian(.vaisakhi, first: 0, last: 0)),
        FeastName("vasakhi", .indian(.vaisakhi, first: 0, last: 0)),
        FeastName("vaishakhi", .indian(.vaisakhi, first: 0, last: 0)),
        FeastName("pongal", .indian(.pongal, first: 0, last: 0)),
        FeastName("thai pongal", .indian(.pongal, first: 0, last: 0)),
        FeastName("bhogi", .indian(.pongal, first: -1, last: -1)),
        FeastName("mattu pongal", .indian(.pongal, first: 1, last: 1)),
        FeastName("maattu pongal", .indian(.pongal, first: 1, last: 1)),
        FeastName("kaanum pongal", .indian(.pongal, first: 2, last: 2)),
        FeastName("kanum pongal", .indian(.pongal, first: 2, last: 2)),
        FeastName("kanni pongal", .indian(.pongal, first: 2, last: 2)),
        FeastName("makar sankranti", .indian(.makarSankranti, first: 0, last: 0)),
        FeastName("makara sankranti", .indian(.makarSankranti, first: 0, last: 0)),
        FeastName("raksha bandhan", .indian(.rakshaBandhan, first: 0, last: 0)),
        FeastName("janmashtami", .indian(.janmashtami, first: 0, last: 0)),
        FeastName("krishna janmashtami", .indian(.janmashtami, first: 0, last: 0)),
        FeastName("maha shivaratri", .indian(.mahaShivaratri, first: 0, last: 0)),
        FeastName("maha shivratri", .indian(.mahaShivaratri, first: 0, last: 0)),
        FeastName("mahashivaratri", .indian(.mahaShivaratri, first: 0, last: 0)),
        FeastName("guru nanak jayanti", .indian(.guruNanakJayanti, first: 0, last: 0)),
        FeastName("guru nanak gurpurab", .indian(.guruNanakJayanti, first: 0, last: 0)),
        FeastName("guru gobind singh jayanti", .indian(.guruGobindSinghJayanti, first: 0, last: 0)),
        FeastName("guru gobind singh gurpurab", .indian(.guruGobindSinghJayanti, first: 0, last: 0)),
        FeastName("guru ravidas jayanti", .indian(.guruRavidasJayanti, first: 0, last: 0)),
        FeastName("valmiki jayanti", .indian(.valmikiJayanti, first: 0, last: 0)),
        FeastName("maharishi valmiki jayanti", .indian(.valmikiJayanti, first: 0, last: 0)),
        FeastName("pargat diwas", .indian(.valmikiJayanti, first: 0, last: 0)),
        FeastName("rabindra jayanti", .indian(.rabindraJayanti, first: 0, last: 0)),
        FeastName("rabindranath jayanti", .indian(.rabindraJayanti, first: 0, last: 0)),
        FeastName("rabindranath tagore jayanti", .indian(.rabindraJayanti, first: 0, last: 0)),
        FeastName("onam", .indian(.onam, first: 0, last: 0)),
        FeastName("thiruvonam", .indian(.onam, first: 0, last: 0)),
        FeastName("chhath puja", .indian(.chhathPuja, first: 0, last: 0)),
        FeastName("chhath", .indian(.chhathPuja, first: 0, last: 0)),
        FeastName("thiru onam", .indian(.onam, first: 0, last: 0)),
        FeastName("mahavir jayanti", .indian(.mahavirJayanti, first: 0, last: 0)),
        FeastName("shivaji jayanti", .shivajiJayanti),
        FeastName("chhatrapati shivaji maharaj jayanti", .shivajiJayanti, trigger: "shivaji"),
        FeastName("mahavira jayanti", .indian(.mahavirJayanti, first: 0, last: 0)),
        FeastName("buddha purnima", .indian(.buddhaPurnima, first: 0, last: 0)),
        FeastName("buddha jayanti", .indian(.buddhaPurnima, first: 0, last: 0)),
        FeastName("ugadi", .indian(.ugadi, first: 0, last: 0)),
        FeastName("yugadi", .indian(.ugadi, first: 0, last: 0)),
        FeastName("gudi padwa", .indian(.ugadi, first: 0, last: 0)),
        FeastName("rath yatra", .indian(.rathYatra, first: 0, last: 0)),
        FeastName("ratha yatra", .indian(.rathYatra, first: 0, last: 0)),
    ]

    /// Indices into `written` by the `key(of:)` of their first word.
    static let byFirstWord: [WordKey: [Int]] = {
        var index: [WordKey: [Int]] = [:]
        for (position, name) in written.enumerated() {
            if let key = name.keys[0] { index[key, default: []].append(position) }
        }
        return index
    }()

    /// The first words of the names as written, which the tokenizer marks (`Token.startsFeast`).
    static let firstWords: Set<WordKey> = Set(all.map { WordKey(lowercase: $0.parts[0]) })

    /// What a word of the text must share with a word of a name to match it: its `spellingKey`, or for a short word
    /// the word itself in lower case.
    static func key<Letters: Collection<UInt8>>(of word: Letters) -> WordKey {
        if let key = spellingKey(word) { return key }
        var key = WordKey()
        for (offset, letter) in word.enumerated() { key.append(letter, at: offset) }
        return key
    }

    /// The key the transliterations of one word share ("Hanukkah", "Chanukah", "Hannukah"; "Sukkot", "Succos";
    /// "Diwali", "Divali"; "Shavuot", "Shavuos"): in lower case, "ch" at the start and "kh" dropped with the rest of
    /// the h's, "ee" read as "i" and "oo" as "u", c, q, w, y, z as k, k, v, i, s, doubled letters once, and a final
    /// vowel and "s" as that vowel and "t". Nil when fewer than five letters remain: a short word matches only as
    /// written, so "holy", "lorry" and "hat" do not become Holi, Lohri and Chhath.
    static func spellingKey<Letters: Collection<UInt8>>(_ word: Letters) -> WordKey? {
        var key = WordKey()
        var count = 0
        var last: UInt8 = 0
        var beforeLast: UInt8 = 0
        var letters = word.makeIterator()
        var current = letters.next().map { $0 | 0x20 }
        var isFirst = true
        while let letter = current {
            current = letters.next().map { $0 | 0x20 }
            var mapped = letter
            switch letter {
            case UInt8(ascii: "c") where isFirst && current == UInt8(ascii: "h"), UInt8(ascii: "k") where current == UInt8(ascii: "h"),
                 UInt8(ascii: "h"):
                isFirst = false
                continue
            case UInt8(ascii: "e") where current == UInt8(ascii: "e"), UInt8(ascii: "o") where current == UInt8(ascii: "o"):
                mapped = letter == UInt8(ascii: "e") ? UInt8(ascii: "i") : UInt8(ascii: "u")
                current = letters.next().map { $0 | 0x20 }
            case UInt8(ascii: "c"), UInt8(ascii: "q"): mapped = UInt8(ascii: "k")
            case UInt8(ascii: "w"): mapped = UInt8(ascii: "v")
            case UInt8(ascii: "y"): mapped = UInt8(ascii: "i")
            case UInt8(ascii: "z"): mapped = UInt8(ascii: "s")
            default: break
            }
            isFirst = false
            guard mapped != last else { continue }
            if count > 0 { key.append(last, at: count - 1) }
            (beforeLast, last) = (last, mapped)
            count += 1
        }
        guard count >= 5, count <= 16 else { return nil }
        let vowelS = last == UInt8(ascii: "s") && "aeiou".utf8.contains(beforeLast)
        key.append(vowelS ? UInt8(ascii: "t") : last, at: count - 1)
        return key
    }
}
