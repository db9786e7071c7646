import Foundation

/// A value shared between threads behind a lock ThreadSanitizer can see. `Mutex` from the Synchronization module
/// locks with atomics the sanitizer does not instrument, so every access made under it was reported as a race
/// (`scripts/sanitize thread`); this is a pthread mutex (`NSLock`), which the sanitizer follows, so it checks the
/// code that shares the value instead of crying wolf.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    /// Runs `body` on the value with the lock held.
    func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
