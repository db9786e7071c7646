/// Ascending sentence ids stored as the gaps between them in LEB128 bytes: most gaps fit one byte, so a word index
/// takes about a third of the memory of plain `Int32`s. The gap before an id is `id - previous - 1` (the first
/// one's previous is -1).
enum PostingGaps {
    /// How many bytes `gap` takes.
    @inline(__always)
    static func size(_ gap: UInt32) -> Int {
        gap < 1 << 7 ? 1 : gap < 1 << 14 ? 2 : gap < 1 << 21 ? 3 : gap < 1 << 28 ? 4 : 5
    }

    /// Writes `gap` at `out[position]` and moves `position` past it.
    @inline(__always)
    static func write(_ gap: UInt32, to out: UnsafeMutableBufferPointer<UInt8>, at position: inout Int) {
        var rest = gap
        while rest >= 0x80 {
            out[position] = UInt8(truncatingIfNeeded: rest) | 0x80
            rest >>= 7
            position += 1
        }
        out[position] = UInt8(rest)
        position += 1
    }

    /// The number at `position` (seven bits a byte, low bits first, the top bit set on all bytes but the last),
    /// moving `position` past it.
    @inline(__always)
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, at position: inout Int) -> UInt32 {
        var value: UInt32 = 0
        var shift: UInt32 = 0
        while true {
            let byte = bytes[position]
            position += 1
            value |= UInt32(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    /// Calls `body` with each id of the list in `bytes`, in order; `previous` is the id before the first one.
    @inline(__always)
    static func forEach(in bytes: UnsafeBufferPointer<UInt8>, after previous: Int32 = -1, _ body: (Int32) -> Void) {
        var id = previous
        var i = 0
        while i < bytes.count {
            id += Int32(bitPattern: read(bytes, at: &i)) + 1
            body(id)
        }
    }

    /// How many bytes a whole ascending list takes.
    static func size(of ids: some Collection<Int32>) -> Int {
        var total = 0
        var previous: Int32 = -1
        for id in ids {
            total += size(UInt32(bitPattern: id - previous - 1))
            previous = id
        }
        return total
    }

    /// Writes a whole ascending list at `out[position]` and moves `position` past it.
    static func write(_ ids: some Collection<Int32>, to out: UnsafeMutableBufferPointer<UInt8>, at position: inout Int) {
        var previous: Int32 = -1
        for id in ids {
            write(UInt32(bitPattern: id - previous - 1), to: out, at: &position)
            previous = id
        }
    }

    /// Encodes a whole ascending list.
    static func encode(_ ids: ArraySlice<Int32>) -> [UInt8] {
        [UInt8](fillingCapacity: size(of: ids)) { out, count in
            count = 0
            write(ids, to: out, at: &count)
        }
    }

    /// Decodes a whole list.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int32] {
        var ids: [Int32] = []
        ids.reserveCapacity(bytes.count)
        forEach(in: bytes) { ids.append($0) }
        return ids
    }
}

/// The word index's bytes: built in memory, or read in place from a saved model's mapped file, so that a count of a
/// word pages in the lists it reads instead of copying the whole index into fresh memory.
struct PostingBytes: Sendable {
    private var owned: [UInt8]
    private var mapped: MappedSection?

    /// A section of a mapped file, kept mapped as long as it is used.
    private struct MappedSection: @unchecked Sendable {
        let file: SavedModel
        let bytes: UnsafeBufferPointer<UInt8>
    }

    init(_ bytes: [UInt8] = []) {
        owned = bytes
    }

    init(mapping bytes: UnsafeRawBufferPointer, of file: SavedModel) {
        owned = []
        mapped = MappedSection(file: file, bytes: bytes.bindMemory(to: UInt8.self))
    }

    var count: Int { mapped?.bytes.count ?? owned.count }

    /// The saved model the lists are read from in place, if they are.
    var mappedFile: SavedModel? { mapped?.file }

    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let mapped { return try body(mapped.bytes) }
        return try owned.withUnsafeBufferPointer(body)
    }

    /// A byte; changing one copies a mapped index into memory first (the file is never written).
    subscript(position: Int) -> UInt8 {
        get { withUnsafeBufferPointer { $0[position] } }
        set {
            if let mapped {
                owned = Array(mapped.bytes)
                self.mapped = nil
            }
            owned[position] = newValue
        }
    }
}
