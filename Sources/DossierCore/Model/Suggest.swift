import Foundation

/// Finds the nearest valid word for "did you mean ...?": by edit distance, or a name one of whose words starts with
/// what was typed.
public enum Suggest {
    /// Text as names are looked up: folded, and without the punctuation inside a name ("ndj" finds N'Djamena,
    /// "cote d" Côte d’Ivoire).
    static func loose(_ text: String) -> String {
        String(Folding.fold(text).unicodeScalars.filter { !CharacterSet.punctuationCharacters.contains($0) }.map(Character.init))
    }

    /// How well what was typed (three letters or more, folded, punctuation ignored) starts one of the words of
    /// `name`, on over the next words: 0 when it ends with a word of the name ("cote" in Côte d’Ivoire), 1 inside one
    /// ("cote" in Coterra), nil when it starts none. A student types the first word of a long name ("Faustin" for
    /// Faustin-Archange Touadéra) or a part of one, which edit distance ranks below any short name a few letters away.
    public static func wordStart(of name: String, typed: String) -> Int? {
        let target = loose(typed)
        guard target.count >= 3 else { return nil }
        let words = Folding.fold(name).split { $0 == " " || $0 == "-" || $0 == "–" }.map { loose(String($0)) }
        var best: Int?
        for k in words.indices {
            let rest = words[k...].joined(separator: " ")
            guard rest.hasPrefix(target) else { continue }
            let whole = rest.count == target.count || rest.dropFirst(target.count).first == " "
            best = min(best ?? 1, whole ? 0 : 1)
        }
        return best
    }

    public static func nearest<S: Sequence>(_ word: String, in candidates: S) -> String? where S.Element == String {
        let target = Array(Folding.fold(word).unicodeScalars)
        guard !target.isEmpty else { return nil }
        let limit = max(1, min(3, target.count / 3 + 1))
        var best: (String, Int)?
        for candidate in candidates {
            let folded = Array(Folding.fold(candidate).unicodeScalars)
            if abs(folded.count - target.count) > limit { continue }
            let d = distance(target, folded, limit: limit)
            if d <= limit, best == nil || d < best!.1 || (d == best!.1 && candidate < best!.0) {
                best = (candidate, d)
            }
        }
        return best?.0
    }

    /// Damerau-Levenshtein (optimal string alignment) distance, giving up above `limit`.
    public static func distance<T: Equatable>(_ a: [T], _ b: [T], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { v = min(v, previous2[j - 2] + 1) }
                current[j] = v
                rowMin = min(rowMin, v)
            }
            if rowMin > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
