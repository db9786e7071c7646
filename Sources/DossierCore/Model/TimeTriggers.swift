import DossierTime

/// The time extractor's triggers (time words and numbers, see `TriggerScanner`) found from the tokens the loader
/// makes anyway, so the extractor does not scan every sentence's bytes again: a plain word is asked once per word
/// of the batch, a plain number by its digits and the bytes after them, any other token by reading its bytes as the
/// extractor would. The runs found are those `TriggerScanner.triggers` finds in the whole sentence.
struct TimeTriggers {
    /// Per word id of a plain word: a `TriggerScanner.TimeWord`'s raw value, or -1 not asked yet.
    private var timeWords: [Int8] = []
    /// This sentence's triggers, as sentence offsets, in order.
    private(set) var found: [Range<Int>] = []
    /// Where the bytes of the sentence were read up to.
    private var scanned = 0

    /// Forgets the last sentence's triggers.
    mutating func startSentence() {
        found.removeAll(keepingCapacity: true)
        scanned = 0
    }

    /// Adds the triggers of a word or number token (`run`: its sentence offsets; `word`: its word id), in order.
    @inline(__always)
    mutating func add(_ token: WordToken, run: Range<Int>, word: Int32, in sentence: UnsafeBufferPointer<UInt8>) {
        if token.isPlain, run.lowerBound >= scanned {
            if token.kind == .number {
                if TriggerScanner.isTriggerNumber(sentence, run) { found.append(run) }
            } else if run.count >= 3 {
                while Int(word) >= timeWords.count { timeWords.append(-1) }
                if timeWords[Int(word)] < 0 {
                    timeWords[Int(word)] = TriggerScanner.timeWord(UnsafeBufferPointer(rebasing: sentence[run])).rawValue
                }
                switch TriggerScanner.TimeWord(rawValue: timeWords[Int(word)]) {
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
