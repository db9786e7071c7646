import Glibc

/// Interns byte strings (folded words) to dense integer ids, looked up without allocating,
/// so indexes hold `Int32`s instead of strings.
public struct Vocabulary: Sendable {
    private(set) var arena: [UInt8] = []
    private(set) var offsets: [Int32] = [0]
    /// Open addressing: each slot holds the word's hash in the high half and its id + 1 in the low half (0: empty),
    /// so a probe touches one cache line before comparing bytes.
    private(set) var slots: [UInt64]

    public init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
    }

    /// A vocabulary as saved in a model file.
    init(arena: [UInt8], offsets: [Int32], slots: [UInt64]) {
        self.arena = arena
        self.offsets = offsets
        self.slots = slots
    }

    public var count: Int { offsets.count - 1 }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in bytes { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h
    }

    /// The id of `bytes`, or nil when it was never interned.
    @inline(__always)
    public func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        find(Self.hash(bytes)) { equals($0, bytes) }
    }

    /// The id whose slot holds hash `h` and whose bytes `isWord` accepts; nil at the first empty slot.
    @inline(__always)
    private func find(_ h: UInt32, _ isWord: (Int) -> Bool) -> Int32? {
        let mask = slots.count - 1
        var i = Int(h) & mask
        while true {
            let slot = slots[i]
            if slot == 0 { return nil }
            if UInt32(truncatingIfNeeded: slot >> 32) == h {
                let id = Int32(truncatingIfNeeded: slot) - 1
                if isWord(Int(id)) { return id }
            }
            i = (i + 1) & mask
        }
    }

    /// The id of a run of ASCII letters folded (its capitals lowered), without folding it into a buffer first; nil
    /// when it was never interned.
    @inline(__always)
    func lookup(lowering letters: UnsafeBufferPointer<UInt8>) -> Int32? {
        var h: UInt32 = 2_166_136_261
        for b in letters { h = (h ^ UInt32(b | 0x20)) &* 16_777_619 }
        return find(h) { id in
            let start = Int(offsets[id])
            return Int(offsets[id + 1]) - start == letters.count && arena.withUnsafeBufferPointer { a in
                letters.indices.allSatisfy { a[start + $0] == letters[$0] | 0x20 }
            }
        }
    }

    public func lookup(_ word: String) -> Int32? {
        var bytes = Array(word.utf8)
        return bytes.withUnsafeMutableBufferPointer { lookup(UnsafeBufferPointer($0)) }
    }

    /// The id of `bytes`, adding it if new.
    @inline(__always)
    public mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let h = Self.hash(bytes)
        let mask = slots.count - 1
        var i = Int(h) & mask
        while true {
            let slot = slots[i]
            if slot == 0 { break }
            if UInt32(truncatingIfNeeded: slot >> 32) == h {
                let id = Int32(truncatingIfNeeded: slot) - 1
                if equals(Int(id), bytes) { return id }
            }
            i = (i + 1) & mask
        }
        let id = Int32(count)
        arena.append(contentsOf: bytes)
        offsets.append(Int32(arena.count))
        slots[i] = UInt64(h) << 32 | UInt64(id + 1)
        if count * 2 > slots.count { grow() }
        return id
    }

    public mutating func intern(_ word: String) -> Int32 {
        var bytes = Array(word.utf8)
        return bytes.withUnsafeMutableBufferPointer { intern(UnsafeBufferPointer($0)) }
    }

    /// The bytes of word `id`.
    public func bytes(_ id: Int32) -> ArraySlice<UInt8> {
        arena[Int(offsets[Int(id)])..<Int(offsets[Int(id) + 1])]
    }

    public func word(_ id: Int32) -> String {
        String(decoding: bytes(id), as: UTF8.self)
    }

    @inline(__always)
    private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(offsets[id])
        let end = Int(offsets[id + 1])
        guard end - start == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { a in
            guard let stored = a.baseAddress.map({ UnsafeRawPointer($0 + start) }), let asked = bytes.baseAddress.map(UnsafeRawPointer.init)
            else { return bytes.isEmpty }
            // Eight bytes at a time, then the last few.
            var k = 0
            while k &+ 8 <= bytes.count {
                if stored.loadUnaligned(fromByteOffset: k, as: UInt64.self) != asked.loadUnaligned(fromByteOffset: k, as: UInt64.self) {
                    return false
                }
                k &+= 8
            }
            while k < bytes.count {
                if stored.load(fromByteOffset: k, as: UInt8.self) != asked.load(fromByteOffset: k, as: UInt8.self) { return false }
                k &+= 1
            }
            return true
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        var fresh = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        for slot in slots where slot != 0 {
            var i = Int(UInt32(truncatingIfNeeded: slot >> 32)) & mask
            while fresh[i] != 0 { i = (i + 1) & mask }
            fresh[i] = slot
        }
        slots = fresh
    }
}

extension Vocabulary {
    /// The words holding the bytes `part`, and every word of `length` bytes or more (which the loader may have cut),
    /// ascending. The words' bytes are searched at once, not word by word (a regex narrowed by the word index asks
    /// this of the whole vocabulary at each query): `memchr` to each place of the part's rarest letter, then the rest
    /// compared.
    func words(holding part: [UInt8], orAtLeast length: Int) -> [Int32] {
        var found: [Int32] = []
        // English letters from the most frequent; any other byte is taken as rarer than all of them.
        let common = Array("etaoinshrdlcumwfgypbvkjxqz".utf8)
        let anchor = part.indices.max { (common.firstIndex(of: part[$0]) ?? common.count) < (common.firstIndex(of: part[$1]) ?? common.count) } ?? 0
        arena.withUnsafeBufferPointer { a in
            offsets.withUnsafeBufferPointer { o in
                guard let base = a.baseAddress, !part.isEmpty else { return }
                // `from` is the first place the part may start at.
                var from = 0
                while from + part.count <= a.count,
                      let hit = memchr(base + from + anchor, Int32(part[anchor]), a.count - part.count + 1 - from) {
                    let at = Int32(base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - anchor)
                    guard memcmp(base + Int(at), part, part.count) == 0 else {
                        from = Int(at) + 1
                        continue
                    }
                    // The word whose bytes hold `at`: the last one starting at or before it.
                    var (low, high) = (0, o.count - 1)
                    while low + 1 < high {
                        let middle = (low + high) / 2
                        if o[middle] <= at { low = middle } else { high = middle }
                    }
                    if Int(at) + part.count <= Int(o[low + 1]) {
                        found.append(Int32(low))
                        from = Int(o[low + 1])
                    } else {
                        from = Int(at) + 1
                    }
                }
                let long = (0..<Int32(o.count - 1)).filter { Int(o[Int($0) + 1] - o[Int($0)]) >= length }
                if !long.isEmpty { found = Set(found).union(long).sorted() }
            }
        }
        return found
    }
}
