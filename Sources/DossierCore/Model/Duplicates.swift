import Glibc

/// The same article saved twice under two names is one text: it is found after loading, so that queries can
/// report the copies and count each text once.
extension Corpus {
    /// Fills `duplicateGroups` and `isDuplicate` from the documents' clean texts: their checksums (`textSums`, one per
    /// document, in order), then a byte comparison.
    mutating func groupDuplicates(textSums: [UInt64]) {
        precondition(textSums.count == documents.count, "one checksum per document")
        var byHash: [UInt64: [Int32]] = [:]
        var groups: [[Int32]] = []
        var groupOf: [Int32: Int] = [:]
        var duplicate = [Bool](repeating: false, count: documents.count)
        for (index, document) in documents.enumerated() where !document.text.isEmpty {
            let hash = textSums[index]
            let i = Int32(index)
            let earlier = byHash[hash, default: []].first { sameText(documents[Int($0)].text, document.text) }
            byHash[hash, default: []].append(i)
            guard let earlier else { continue }
            duplicate[index] = true
            if let g = groupOf[earlier] {
                groups[g].append(i)
            } else {
                groupOf[earlier] = groups.count
                groups.append([earlier, i])
            }
        }
        duplicateGroups = groups
        isDuplicate = duplicate
    }

    /// The sentences of the documents that repeat an earlier document's text, in order: what answers leave out unless
    /// every copy is asked for.
    var copiedSentences: [Int32] {
        documents.indices.filter { isDuplicate[$0] }.flatMap { documents[$0].sentences }
    }

    /// The documents and sentences as answers count them (a copy of an earlier document's text once, unless every copy
    /// is asked for), for the banner and `load`, which say it before any query: "10 documents (5 repeat another's text),
    /// 350 sentences".
    public func describedSize(countingCopies: Bool) -> String {
        let copies = isDuplicate.lazy.filter { $0 }.count
        let sentences = countingCopies || copies == 0 ? sentenceCount : sentenceCount - copiedSentences.count
        func counted(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        let repeating = copies == 0 ? "" : " (\(copies) repeat\(copies == 1 ? "s" : "") another's text\(countingCopies ? "" : ", counted once"))"
        return counted(documents.count, "document") + repeating + ", " + counted(sentences, "sentence")
    }

    private func sameText(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.count == b.count && a.withUnsafeBytes { x in b.withUnsafeBytes { y in memcmp(x.baseAddress!, y.baseAddress!, a.count) == 0 } }
    }
}
