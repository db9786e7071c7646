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
