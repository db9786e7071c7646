import Foundation

/// Files of the batches still being analysed, read, cleaned, split and tokenised ahead by cores that have no batch of
/// their own left: a corpus of three batches on two cores had one core analyse the last batch alone while the other
/// waited. The batch's own core takes each file in order, prepared or not, so the corpus is the same.
final class ReadAhead: @unchecked Sendable {
    /// A file as a helper left it: its text prepared, only its bytes (collections and web pages, which the batch's core
    /// splits), or why it could not be read.
    enum Prepared: Sendable {
        case text(PreparedText, changed: Bool)
        case bytes([UInt8], changed: Bool)
        case failed(String)
        /// A file named as text that holds binary data: the percentage of control bytes at its start.
        case notText(percent: Int)
    }

    /// How many files a helper prepares ahead of the one the batch's core is on: enough that the core never waits,
    /// few enough that prepared texts do not add to the load's memory.
    static let window = 8

    private let condition = NSCondition()
    private let files: [Range<Int>]
    /// By batch: the first file no one has taken yet, the file the batch's core is on, and whether it is being analysed.
    private var next: [Int]
    private var current: [Int]
    private var running: [Bool]
    private var started = 0
    private var ready: [Int: Prepared] = [:]

    /// `files`: each batch's files, by index.
    init(files: [Range<Int>]) {
        self.files = files
        next = files.map(\.lowerBound)
        current = files.map(\.lowerBound)
        running = Array(repeating: false, count: files.count)
    }

    /// Batch `batch`'s core starts on it.
    func start(_ batch: Int) {
        condition.lock()
        defer { condition.unlock() }
        running[batch] = true
        started += 1
        condition.broadcast()
    }

    /// Waits until every batch has been started: a core with no batch of its own from the start (a corpus of fewer
    /// batches than cores) then helps the others.
    func waitUntilAllStarted() {
        condition.lock()
        defer { condition.unlock() }
        while started < files.count { condition.wait() }
    }

    /// The cores a load runs on.
    static var cores: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Whether every batch has been started: a core that finishes one then has nothing of its own left.
    var allStarted: Bool {
        condition.lock()
        defer { condition.unlock() }
        return started == files.count
    }

    /// For the batch's core, file `file` of batch `batch`, in order: prepared by a helper (waiting for it if a helper
    /// is at it), or nil when the core is to read it itself.
    func take(_ file: Int, of batch: Int) -> Prepared? {
        condition.lock()
        defer { condition.unlock() }
        current[batch] = file
        condition.broadcast()
        if next[batch] <= file {
            next[batch] = file + 1
            return nil
        }
        while ready[file] == nil { condition.wait() }
        return ready.removeValue(forKey: file)
    }

    /// Batch `batch`'s core is done with its files.
    func finish(_ batch: Int) {
        condition.lock()
        defer { condition.unlock() }
        running[batch] = false
        condition.broadcast()
    }

    /// Prepares files of running batches with `prepare` until no batch has files left to prepare, or `shouldStop`.
    func help(shouldStop: () -> Bool, prepare: (Int) -> Prepared) {
        condition.lock()
        defer { condition.unlock() }
        while !shouldStop() {
            let open = files.indices.filter { running[$0] && next[$0] < files[$0].upperBound }
            guard !open.isEmpty else { return }
            // The batch with the most files left, as long as it is not too far ahead of its core.
            guard let batch = open.filter({ next[$0] - current[$0] <= Self.window }).max(by: {
                files[$0].upperBound - next[$0] < files[$1].upperBound - next[$1]
            }) else {
                condition.wait()
                continue
            }
            let file = next[batch]
            next[batch] += 1
            condition.unlock()
            let prepared = prepare(file)
            condition.lock()
            ready[file] = prepared
            condition.broadcast()
        }
    }
}
