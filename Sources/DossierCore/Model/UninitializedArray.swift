extension Array {
    /// `Array(unsafeUninitializedCapacity:initializingWith:)` that never asks the standard library for a capacity of 0:
    /// for 0 it hands out the one empty array every thread shares (`_swiftEmptyArrayStorage`) and then writes the
    /// count into it, a data race (ThreadSanitizer reports it) when two threads make an empty array at once, as two
    /// sessions reading saved models do. `body` is not called for 0: it would have nothing to fill.
    init(fillingCapacity capacity: Int, _ body: (inout UnsafeMutableBufferPointer<Element>, inout Int) -> Void) {
        guard capacity > 0 else {
            self = []
            return
        }
        self.init(unsafeUninitializedCapacity: capacity, initializingWith: body)
    }
}

extension Array where Element == Bool {
    /// Makes the array `count` falses in the room it has: cleared at once, and what it lacks appended from a block of
    /// falses (appending `repeatElement(false, count:)` wrote them one at a time, for three arrays at every sentence).
    mutating func setAllFalse(count: Int) {
        if self.count > count { removeLast(self.count - count) }
        withUnsafeMutableBufferPointer { $0.update(repeating: false) }
        while self.count < count {
            let missing = Swift.min(count - self.count, falseBlock.count)
            falseBlock.withUnsafeBufferPointer { append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<missing])) }
        }
    }
}

/// Falses to append from (`Array.setAllFalse`).
private let falseBlock = [Bool](repeating: false, count: 512)
