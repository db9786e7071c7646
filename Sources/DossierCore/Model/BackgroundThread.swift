import Foundation

/// Work done on a thread of its own at a lower priority than the session's commands, which keep the cores they ask
/// for while it runs; nothing waits for it, and the process exits without it.
enum BackgroundThread {
    /// The thread's nice value on Linux, where it is the thread's own (elsewhere the thread's quality of service).
    static let niceness: Int32 = 10

    static func start(_ work: @escaping @Sendable () -> Void) {
        let thread = Thread {
            #if os(Linux)
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
            #endif
            work()
        }
        thread.qualityOfService = .utility
        thread.start()
    }
}
