/// Sorted, duplicate-free sentence ids, combined by merging (intersections smallest first).
public struct SentenceSet: Hashable, Sendable {
    public private(set) var ids: [Int32]

    public init(sorted ids: [Int32]) { self.ids = ids }

    public init(unsorted ids: [Int32]) {
        var sorted = ids.sorted()
        var w = 0
        for v in sorted where w == 0 || sorted[w - 1] != v {
            sorted[w] = v
            w += 1
        }
        sorted.removeSubrange(w...)
        self.ids = sorted
    }

    public static func all(_ count: Int) -> SentenceSet { SentenceSet(sorted: (0..<Int32(count)).map { $0 }) }

    public var count: Int { ids.count }
    public var isEmpty: Bool { ids.isEmpty }

    public func contains(_ id: Int32) -> Bool {
        var lo = 0, hi = ids.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ids[mid] < id { lo = mid + 1 } else { hi = mid }
        }
        return lo < ids.count && ids[lo] == id
    }

    public func intersection(_ other: SentenceSet) -> SentenceSet {
        let (small, large) = count <= other.count ? (self, other) : (other, self)
        var out: [Int32] = []
        out.reserveCapacity(small.count)
        if small.count * 16 < large.count {
            for id in small.ids where large.contains(id) { out.append(id) }
            return SentenceSet(sorted: out)
        }
        var i = 0, j = 0
        while i < small.ids.count, j < large.ids.count {
            let a = small.ids[i], b = large.ids[j]
            if a == b {
                out.append(a)
                i += 1
                j += 1
            } else if a < b { i += 1 } else { j += 1 }
        }
        return SentenceSet(sorted: out)
    }

    public func union(_ other: SentenceSet) -> SentenceSet {
        var out: [Int32] = []
        out.reserveCapacity(count + other.count)
        var i = 0, j = 0
        while i < ids.count || j < other.ids.count {
            if j >= other.ids.count || (i < ids.count && ids[i] < other.ids[j]) {
                out.append(ids[i]); i += 1
            } else if i >= ids.count || other.ids[j] < ids[i] {
                out.append(other.ids[j]); j += 1
            } else {
                out.append(ids[i]); i += 1; j += 1
            }
        }
        return SentenceSet(sorted: out)
    }

    public func subtracting(_ other: SentenceSet) -> SentenceSet {
        var out: [Int32] = []
        var j = 0
        for id in ids {
            while j < other.ids.count, other.ids[j] < id { j += 1 }
            if j < other.ids.count, other.ids[j] == id { continue }
            out.append(id)
        }
        return SentenceSet(sorted: out)
    }

    public func filter(_ keep: (Int32) -> Bool) -> SentenceSet { SentenceSet(sorted: ids.filter(keep)) }
}
