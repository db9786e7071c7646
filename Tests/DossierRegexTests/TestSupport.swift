import DossierRegex
import Testing

/// One row of the correctness tables: the expected match is marked with ⟦ ⟧
/// inside `marked`; no markers means no match is expected.
struct MatchCase: CustomTestStringConvertible, Sendable {
    let pattern: String
    let marked: String
    let caseInsensitive: Bool

    init(_ pattern: String, _ marked: String, caseInsensitive: Bool = false) {
        self.pattern = pattern
        self.marked = marked
        self.caseInsensitive = caseInsensitive
    }

    var text: String { marked.replacingAll("⟦", "").replacingAll("⟧", "") }

    /// Expected match as UTF-8 byte offsets into `text`.
    var expected: Range<Int>? {
        guard let open = marked.firstRange(of: "⟦"), let close = marked.firstRange(of: "⟧") else { return nil }
        let start = marked[..<open.lowerBound].utf8.count
        let end = start + marked[open.upperBound..<close.lowerBound].utf8.count
        return start..<end
    }

    var testDescription: String { "/\(pattern)/\(caseInsensitive ? "i" : "") on \(marked.debugDescription)" }
}

extension String {
    func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

/// Runs `body` with the UTF-8 bytes of `text` as a buffer.
func withBytes<T>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
    Array(text.utf8).withUnsafeBufferPointer(body)
}

func firstMatch(_ regex: ByteRegex, _ bytes: [UInt8], shouldStop: () -> Bool = { false }) -> Range<Int>? {
    bytes.withUnsafeBufferPointer { regex.firstMatch(in: $0, shouldStop: shouldStop) }
}
