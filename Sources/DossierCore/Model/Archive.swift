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

/// A failure reading or writing a model file, said in words.
struct ArchiveError: Error, CustomStringConvertible {
    var description: String
}

/// Writes a model file through a buffer: numbers and plain structs as their bytes, strings and arrays with
/// their length first; large arrays go straight from their storage to the file. Everything written is checksummed.
struct ArchiveWriter {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private(set) var checksum = Checksum()
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
        array.withUnsafeBytes { append($0) }
    }

    private mutating func append(_ bytes: UnsafeRawBufferPointer) {
        checksum.add(bytes)
        written += bytes.count
        if buffer.count + bytes.count <= buffer.capacity {
            buffer.append(contentsOf: bytes)
        } else {
            flushBuffer()
            if bytes.count >= buffer.capacity { writeAll(bytes) } else { buffer.append(contentsOf: bytes) }
        }
    }

    /// The first failure, kept until `finish` reports it, so callers need not check every write.
    private var failure: ArchiveError?

    private mutating func flushBuffer() {
        buffer.withUnsafeBytes { writeAll($0) }
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

/// Reads what `ArchiveWriter` wrote, refusing lengths that run past the end of the file, and checksumming as it goes.
struct ArchiveReader {
    private let fd: Int32
    private var buffer: UnsafeMutableRawBufferPointer
    private var position = 0
    private var filled = 0
    /// Bytes of the file not yet read into the buffer.
    private var remaining: Int
    private(set) var checksum = Checksum()

    init(fd: Int32, length: Int) {
        self.fd = fd
        remaining = length
        buffer = .allocate(byteCount: 1 << 20, alignment: 16)
    }

    /// Frees the buffer; the reader is done after this.
    func close() { buffer.deallocate() }

    /// Bytes left to read, buffered or not.
    var left: Int { filled - position + remaining }

    /// A number or plain struct, as its bytes.
    mutating func read<T: BitwiseCopyable>(_: T.Type) throws(ArchiveError) -> T {
        let size = MemoryLayout<T>.size
        if filled - position < size {
            let unread = filled - position
            buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + position, byteCount: unread)
            position = 0
            filled = unread
            while filled < size {
                filled += try fill(UnsafeMutableRawBufferPointer(rebasing: buffer[filled..<min(buffer.count, filled + remaining)]))
            }
        }
        let value = buffer.loadUnaligned(fromByteOffset: position, as: T.self)
        checksum.add(UnsafeRawBufferPointer(rebasing: buffer[position..<(position + size)]))
        position += size
        return value
    }

    mutating func readString() throws(ArchiveError) -> String {
        let count = try read(Int.self)
        guard count >= 0, count <= left else { throw ArchiveError(description: "a string runs past the end of the file") }
        var failure: ArchiveError?
        let text = String(unsafeUninitializedCapacity: count) { bytes in
            do throws(ArchiveError) {
                try copy(into: UnsafeMutableRawBufferPointer(bytes))
                return count
            } catch {
                failure = error
                return 0
            }
        }
        if let failure { throw failure }
        return text
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
        var failure: ArchiveError?
        let array = [T](fillingCapacity: count) { storage, initialized in
            do throws(ArchiveError) {
                try copy(into: UnsafeMutableRawBufferPointer(storage))
                initialized = count
            } catch {
                failure = error
                initialized = 0
            }
        }
        if let failure { throw failure }
        return array
    }

    /// Fills `destination` from the buffer, then straight from the file for what the buffer lacks.
    private mutating func copy(into destination: UnsafeMutableRawBufferPointer) throws(ArchiveError) {
        var done = 0
        while done < destination.count {
            if position == filled {
                if destination.count - done >= buffer.count {
                    let n = try fill(UnsafeMutableRawBufferPointer(rebasing: destination[done...]))
                    checksum.add(UnsafeRawBufferPointer(rebasing: destination[done..<(done + n)]))
                    done += n
                    continue
                }
                filled = try fill(UnsafeMutableRawBufferPointer(rebasing: buffer[0..<min(buffer.count, remaining)]))
                position = 0
            }
            let n = min(filled - position, destination.count - done)
            let piece = UnsafeRawBufferPointer(rebasing: buffer[position..<(position + n)])
            checksum.add(piece)
            UnsafeMutableRawBufferPointer(rebasing: destination[done..<(done + n)]).copyMemory(from: piece)
            position += n
            done += n
        }
    }

    /// Reads up to `into.count` bytes of the file (at least one); throws at the end of the file.
    private mutating func fill(_ into: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
        let want = min(into.count, remaining)
        guard want > 0 else { throw ArchiveError(description: "the file ends too early") }
        while true {
            let n = Glibc.read(fd, into.baseAddress!, want)
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw ArchiveError(description: String(cString: strerror(errno))) }
            if n == 0 { throw ArchiveError(description: "the file ends too early") }
            remaining -= n
            return n
        }
    }
}
