import Glibc

/// Reads lines from standard input with no prompt and no editing (pipes, files, tests).
///
/// - Lines end at `\n`; a `\r` just before it (`\r\n`) is dropped too. A last line without
///   a line ending is still returned.
/// - Lines of any length (megabytes) are fine: the input is read in 64 KiB blocks.
/// - Each line's bytes become text through `decode` (by default invalid UTF-8 is replaced with U+FFFD), never a crash.
/// - If a read is interrupted by Ctrl-C (`EINTR` with `Interrupt.isRequested`), returns
///   `.interrupted`; the partial line stays buffered for the next call.
public final class StandardInputLineSource: LineSource {
    private let fd: Int32
    private var buffer: [UInt8] = []
    /// Start of unconsumed bytes in `buffer`.
    private var start = 0
    /// Bytes from `start` up to here are known to hold no `\n`.
    private var scanned = 0
    private var reachedEnd = false
    private var chunk = [UInt8](repeating: 0, count: StandardInputLineSource.blockSize)
    private static let blockSize = 64 * 1024

    /// The longest line read, in bytes; nil: any.
    private let lineLimit: Int?

    /// Turns a line's bytes (without its line ending) into its text, called once per line in order.
    public typealias Decoder = (UnsafeBufferPointer<UInt8>) -> String
    private let decode: Decoder

    /// Reads standard input, or another file descriptor (tests; it is not closed); a line over `lineLimit` bytes
    /// gives `.tooLong` instead of filling memory.
    public init(fileDescriptor: Int32 = 0, lineLimit: Int? = nil,
                decode: @escaping Decoder = { String(decoding: $0, as: UTF8.self) }) {
        self.fd = fileDescriptor
        self.lineLimit = lineLimit
        self.decode = decode
    }

    public var isInteractive: Bool { false }

    public func addHistory(_ line: String, parsed: Bool) {}

    public func readLine(prompt: String) -> LineInput {
        while true {
            if let newline = findNewline() {
                let line = takeLine(upTo: newline, consuming: newline + 1)
                return .line(line)
            }
            if let lineLimit, buffer.count - start > lineLimit { return .tooLong }
            if reachedEnd {
                if start < buffer.count {
                    return .line(takeLine(upTo: buffer.count, consuming: buffer.count))
                }
                return .endOfInput
            }
            switch fill() {
            case .data, .end: continue
            case .interrupted: return .interrupted
            }
        }
    }

    private func findNewline() -> Int? {
        let from = max(start, scanned)
        guard from < buffer.count else { return nil }
        let found: Int? = buffer.withUnsafeBytes { raw in
            guard let base = raw.baseAddress,
                  let hit = memchr(base + from, 0x0A, raw.count - from) else { return nil }
            return base.distance(to: UnsafeRawPointer(hit))
        }
        scanned = found ?? buffer.count
        return found
    }

    private func takeLine(upTo end: Int, consuming next: Int) -> String {
        var last = end
        if last > start && buffer[last - 1] == 0x0D { last -= 1 }
        let line = buffer.withUnsafeBufferPointer { all in decode(UnsafeBufferPointer(rebasing: all[start..<last])) }
        start = next
        scanned = next
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
            scanned = 0
        } else if start >= Self.blockSize && start * 2 >= buffer.count {
            buffer.removeFirst(start)
            scanned -= start
            start = 0
        }
        return line
    }

    /// What refilling the read buffer gave: more bytes, end of input, or an interrupted read.
    private enum Fill { case data, end, interrupted }

    private func fill() -> Fill {
        while true {
            let n = chunk.withUnsafeMutableBytes { raw in
                read(fd, raw.baseAddress!, raw.count)
            }
            if n > 0 {
                buffer.append(contentsOf: chunk[..<n])  // grows geometrically
                return .data
            }
            if n < 0 && errno == EINTR {
                if Interrupt.isRequested { return .interrupted }
                continue
            }
            // End of input, or an unrecoverable read error: treat both as the end.
            reachedEnd = true
            return .end
        }
    }
}
