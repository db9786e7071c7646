import DossierTime

/// Where a sentence's time comes from: its own expression, earlier in its paragraph, or the publication date.
public enum TimeBasis: String, Sendable, BitwiseCopyable {
    case explicit, context, document
}

/// One sentence: its document, paragraph, byte range in the document text, and the interval it speaks about.
public struct Sentence: Sendable, BitwiseCopyable {
    public var document: Int32
    public var paragraph: Int32
    public var start: Int32
    public var end: Int32
    public var time: Period?
    public var basis: TimeBasis?
    public var isHeading: Bool
    /// Bounds of `times`, kept as plain numbers so that sentences are saved in a model file as one block.
    private var firstTime: Int32
    private var endTime: Int32

    public init(document: Int32, paragraph: Int32, start: Int32, end: Int32, time: Period?, basis: TimeBasis?,
                isHeading: Bool, times: Range<Int32>) {
        self.document = document
        self.paragraph = paragraph
        self.start = start
        self.end = end
        self.time = time
        self.basis = basis
        self.isHeading = isHeading
        firstTime = times.lowerBound
        endTime = times.upperBound
    }

    /// This sentence's time expressions (citations included) in `Corpus.times`.
    public var times: Range<Int32> {
        get { firstTime..<endTime }
        set { (firstTime, endTime) = (newValue.lowerBound, newValue.upperBound) }
    }
}

/// A time expression found in a sentence, kept for provenance and for date filters.
public struct TimeMention: Sendable {
    public var sentence: Int32
    public var start: Int32
    public var end: Int32
    public var period: Period
    public var rule: String
    public var isCitation: Bool
}

/// A key and value a manifest gives a document (`source: academic`), filtered on with `field KEY VALUE`.
public struct DocumentField: Sendable, Hashable {
    public var key: String
    public var value: String
}

/// How a document's publication date was learnt: from a manifest, a collection's record, a web page's metadata, a date
/// line of the text's header, a dateline, or a year in the file name.
public enum DateSource: String, Sendable {
    case manifest, record, page, header, dateline, fileName = "file name", unknown
}

/// One file of the corpus, cleaned: its id (file name without extension), metadata and text.
public struct Document: Sendable {
    public var id: String
    public var path: String
    public var title: String
    public var date: Period?
    public var dateSource: DateSource
    public var kind: String?
    /// The clean text: paragraphs separated by newlines, white space normalised.
    public var text: [UInt8]
    public var sentences: Range<Int32>
    public var paragraphCount: Int
    /// The size of the file as read.
    public var byteCount: Int
    /// What the manifest says of the document besides title, date and note (source, author, url, any key).
    public var fields: [DocumentField] = []

    /// The value of a field, by key (ignoring case).
    public func field(_ key: String) -> String? {
        let lowered = key.lowercased()
        return fields.first { $0.key == lowered }?.value
    }

    /// A document's id: its file name without the extension.
    static func id(fileName: String) -> String {
        fileName.contains(".") ? String(fileName[..<fileName.lastIndex(of: ".")!]) : fileName
    }
}
