import Dispatch
import Glibc

/// A 64-bit checksum of a byte stream fed in pieces of any size, so a damaged or truncated model file is never
/// taken for a good one. It borrows xxHash64's primes and lane round (four multiply–rotate lanes over 32-byte
/// blocks) but not its seeding or final mixing, so its values are its own, not xxHash64's.
struct Checksum {
    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var lanes: (UInt64, UInt64, UInt64, UInt64) = (0x60EA_27EE_ADC0_B5D6, 0xC2B2_AE3D_27D4_EB4F, 0, 0x61C8_864E_7A14_3579)
    /// Bytes of an unfinished 32-byte block.
    private var pending: [UInt8] = []
    private var total: UInt64 = 0

    @inline(__always)
    private static func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = lane &+ word &* p2
        return (mixed << 31 | mixed >> 33) &* p1
    }

    private mutating func block(_ raw: UnsafeRawPointer) {
        lanes.0 = Self.round(lanes.0, UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)))
        lanes.1 = Self.round(lanes.1, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
        lanes.2 = Self.round(lanes.2, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self)))
        lanes.3 = Self.round(lanes.3, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)))
    }

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        total &+= UInt64(bytes.count)
        var i = 0
        if !pending.isEmpty {
            let take = min(32 - pending.count, bytes.count)
            pending.append(contentsOf: bytes[0..<take])
            i = take
            guard pending.count == 32 else { return }
            pending.withUnsafeBytes { block($0.baseAddress!) }
            pending.removeAll(keepingCapacity: true)
        }
        while i + 32 <= bytes.count {
            block(base + i)
            i += 32
        }
        if i < bytes.count { pending.append(contentsOf: bytes[i...]) }
    }

    var value: UInt64 {
        var h = lanes.0 ^ (lanes.1 << 7 | lanes.1 >> 57) ^ (lanes.2 << 12 | lanes.2 >> 52) ^ (lanes.3 << 18 | lanes.3 >> 46)
        h ^= total
        for byte in pending { h = (h ^ UInt64(byte)) &* Self.p1 }
        h ^= h >> 33
        h &*= Self.p2
        h ^= h >> 29
        return h
    }

    /// The checksum of a string's bytes: a stable 64-bit name for it.
    static func of(_ text: String) -> UInt64 {
        var sum = Checksum()
        var copy = text
        copy.withUTF8 { sum.add(UnsafeRawBufferPointer($0)) }
        return sum.value
    }
}

/// The checksum of a payload made of the checksums of its 4 MB blocks: fed in pieces of any size as it is written,
/// and verified on every core when a mapped file is read (one stream would take a core a fifth of a second per GB).
struct BlockChecksum {
    static let blockSize = 1 << 22
    private var block = Checksum()
    private var inBlock = 0
    private var sums: [UInt64] = []

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var rest = bytes
        while !rest.isEmpty {
            let n = min(rest.count, Self.blockSize - inBlock)
            block.add(UnsafeRawBufferPointer(rebasing: rest[..<n]))
            inBlock += n
            rest = UnsafeRawBufferPointer(rebasing: rest[n...])
            if inBlock == Self.blockSize {
                sums.append(block.value)
                (block, inBlock) = (Checksum(), 0)
            }
        }
    }

    var value: UInt64 { Self.combine(inBlock > 0 ? sums + [block.value] : sums) }

    private static func combine(_ sums: [UInt64]) -> UInt64 {
        var all = Checksum()
        sums.withUnsafeBytes { all.add($0) }
        return all.value
    }

    /// The checksum of bytes in memory, block by block on every core. The bytes are left as they are.
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 { sum(bytes, releasing: false) }

    /// The checksum of a mapped file's payload; each block's pages leave the process once summed (they stay in the page
    /// cache). Only a file's pages may be let go so: pages of memory the program wrote would come back as zeros.
    static func of(payloadOf mapped: MappedBytes) -> UInt64 { sum(mapped.payload, releasing: true) }

    private static func sum(_ bytes: UnsafeRawBufferPointer, releasing: Bool) -> UInt64 {
        let blocks = (bytes.count + blockSize - 1) / blockSize
        var sums = [UInt64](repeating: 0, count: blocks)
        let input = SharedBytes(bytes)
        sums.withUnsafeMutableBufferPointer { buffer in
            let out = DisjointWrites(buffer)
            DispatchQueue.concurrentPerform(iterations: blocks) { b in
                let range = (b * blockSize)..<min(input.bytes.count, (b + 1) * blockSize)
                var sum = Checksum()
                sum.add(UnsafeRawBufferPointer(rebasing: input.bytes[range]))
                out.buffer[b] = sum.value
                if releasing { MappedBytes.release(input.bytes, range) }
            }
        }
        return combine(sums)
    }
}

/// Bytes that concurrent workers only read (a mapped file, while it stays mapped).
struct SharedBytes: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }
}

/// A failure reading or writing a model file, said in words.
struct ArchiveError: Error, CustomStringConvertible {
    var description: String
}

/// Writes a model file through a buffer: numbers and plain structs as their bytes, strings and arrays with
/// their length first; large arrays go straight from their storage to the file. Everything written is checksummed.
struct ArchiveWriter {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private(set) var checksum = BlockChecksum()
    private(set) var written = 0

    init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(1 << 20)
    }

    mutating func write<T: BitwiseCopyable>(_ value: T) {
        withUnsafeBytes(of: value) { append($0) }
    }

    mutating func write(_ text: String) {
        var copy = text
        copy.withUTF8 { bytes in
            write(bytes.count)
            append(UnsafeRawBufferPointer(bytes))
        }
    }

    mutating func write(_ text: String?) {
        write(text != nil)
        if let text { write(text) }
    }

    mutating func write<T: BitwiseCopyable>(_ array: [T]) {
        write(array.count)
        writeElements(of: array)
    }

    /// An array's elements without its length (written before).
    mutating func writeElements<T: BitwiseCopyable>(of array: [T]) {
        array.withUnsafeBytes { append($0) }
    }

    /// Bytes are checksummed as they leave: the buffer whole, or a large array straight from its storage.
    private mutating func append(_ bytes: UnsafeRawBufferPointer) {
        written += bytes.count
        if buffer.count + bytes.count <= buffer.capacity {
            buffer.append(contentsOf: bytes)
        } else {
            flushBuffer()
            if bytes.count >= buffer.capacity {
                checksum.add(bytes)
                writeAll(bytes)
            } else {
                buffer.append(contentsOf: bytes)
            }
        }
    }

    /// The first failure, kept until `finish` reports it, so callers need not check every write.
    private var failure: ArchiveError?

    private mutating func flushBuffer() {
        buffer.withUnsafeBytes { bytes in
            checksum.add(bytes)
            writeAll(bytes)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func writeAll(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil, var p = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let n = Glibc.write(fd, p, left)
            if n < 0 {
                if errno == EINTR { continue }
                failure = ArchiveError(description: String(cString: strerror(errno)))
                return
            }
            p += n
            left -= n
        }
    }

    /// Writes what is buffered; throws the first write failure.
    mutating func finish() throws(ArchiveError) {
        flushBuffer()
        if let failure { throw failure }
    }
}

/// Reads what `ArchiveWriter` wrote from a mapped file's payload, refusing lengths that run past their end.
/// It holds nothing but its own position, so readers of one mapping never share mutable state.
struct ArchiveReader {
    private let bytes: UnsafeRawBufferPointer
    private var position = 0
    /// Where the pages not yet released start: what was read and copied leaves the process (`MappedBytes.release`).
    private var released = 0

    /// Only a mapped file: the pages read are let go, which would turn memory the program wrote into zeros.
    init(payloadOf mapped: MappedBytes) {
        bytes = mapped.payload
    }

    /// Bytes left to read.
    var left: Int { bytes.count - position }

    /// A number or plain struct, as its bytes.
    mutating func read<T: BitwiseCopyable>(_: T.Type) throws(ArchiveError) -> T {
        let size = MemoryLayout<T>.size
        guard size <= left else { throw ArchiveError(description: "the file ends too early") }
        defer { position += size }
        return bytes.loadUnaligned(fromByteOffset: position, as: T.self)
    }

    /// The next `count` bytes, without copying them; valid until the next call (the pages before them are released
    /// once 4 MB of them are read).
    mutating func take(_ count: Int) throws(ArchiveError) -> UnsafeRawBufferPointer {
        guard count >= 0, count <= left else { throw ArchiveError(description: "a length runs past the end of the file") }
        if position - released >= 1 << 22 {
            MappedBytes.release(bytes, released..<position)
            released = position
        }
        defer { position += count }
        return UnsafeRawBufferPointer(rebasing: bytes[position..<(position + count)])
    }

    mutating func readString() throws(ArchiveError) -> String {
        let count = try read(Int.self)
        guard count >= 0, count <= left else { throw ArchiveError(description: "a string runs past the end of the file") }
        return String(decoding: try take(count).bindMemory(to: UInt8.self), as: UTF8.self)
    }

    mutating func readOptionalString() throws(ArchiveError) -> String? {
        try read(Bool.self) ? try readString() : nil
    }

    mutating func readArray<T: BitwiseCopyable>(of _: T.Type) throws(ArchiveError) -> [T] {
        let count = try read(Int.self)
        let stride = MemoryLayout<T>.stride
        guard count >= 0, stride == 0 || count <= left / stride else {
            throw ArchiveError(description: "an array runs past the end of the file")
        }
        let source = try take(count * stride)
        return [T](fillingCapacity: count) { storage, initialized in
            UnsafeMutableRawBufferPointer(storage).copyMemory(from: source)
            initialized = count
        }
    }
}
