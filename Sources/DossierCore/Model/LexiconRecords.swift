import Foundation

/// The records of the lexicon texts a start reads, shared by its two cores: the one adding the lexicons reads each file's
/// records in order unless the other, which reads the name lists (half the work), took that file first; it then waits
/// for them. Each file's records are read once, by one core.
final class LexiconRecords: @unchecked Sendable {
    typealias Parsed = (records: [Record], diagnostics: [Diagnostic])

    private let condition = NSCondition()
    private var taken: [Bool]
    private var parsed: [Parsed?]

    init(count: Int) {
        taken = Array(repeating: false, count: count)
        parsed = Array(repeating: nil, count: count)
    }

    /// Whether file `i` was free, and is now the caller's to read.
    func take(_ i: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !taken[i] else { return false }
        taken[i] = true
        return true
    }

    /// The records of file `i`, read by the other core.
    func put(_ i: Int, _ records: Parsed) {
        condition.lock()
        defer { condition.unlock() }
        parsed[i] = records
        condition.broadcast()
    }

    /// The records of file `i`, which the other core took: waits until they are read.
    func wait(for i: Int) -> Parsed {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let records = parsed[i] {
                parsed[i] = nil
                return records
            }
            condition.wait()
        }
    }
}
