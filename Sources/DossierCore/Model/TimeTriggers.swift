import DossierTime

/// The time extractor's triggers (time words and numbers, see `TriggerScanner`) found from the tokens the loader
/// makes anyway, so the extractor does not scan every sentence's bytes again: a plain word is asked once per word
/// of the batch (its answer kept in the batch's `WordFacts`; each time when a core reading ahead reads times), a plain number by its digits and the bytes after them,
/// any other token by reading its bytes as the extractor would. The runs found are those `TriggerScanner.triggers`
/// finds in the whole sentence.
struct TimeTriggers {
    /// This sentence's triggers, as sentence offsets, in order.
    private(set) var found: [Range<Int>] = []
    /// Where the bytes of the sentence were read up to.
    private var scanned = 0

    /// Forgets the last sentence's triggers.
    mutating func startSentence() {
        found.removeAll(keepingCapacity: true)
        scanned = 0
    }

    /// Adds the triggers of a word or number token (`run`: its sentence offsets), in order. `timeWord` is where its
    /// word's answer is kept (`WordFacts.timeWord`, -1 not asked yet).
    @inline(__always)
    mutating func add(_ token: WordToken, run: Range<Int>, timeWord: inout Int8, in sentence: UnsafeBufferPointer<UInt8>) {
        if token.isPlain, run.lowerBound >= scanned {
            if token.kind == .number {
                if TriggerScanner.isTriggerNumber(sentence, run) { found.append(run) }
            } else if run.count >= 3 {
                if timeWord < 0 { timeWord = TriggerScanner.timeWord(UnsafeBufferPointer(rebasing: sentence[run])).rawValue }
                switch TriggerScanner.TimeWord(rawValue: timeWord) {
                case .any: found.append(run)
                case .capitalised where sentence[run.lowerBound] >= 0x41 && sentence[run.lowerBound] <= 0x5A: found.append(run)
                default: break
                }
            }
            scanned = run.upperBound
        } else if run.upperBound > scanned {
            scanned = TriggerScanner.triggers(in: sentence, from: max(scanned, run.lowerBound), to: run.upperBound) { found.append($0) }
        }
    }
}
