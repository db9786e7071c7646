import Foundation

/// A 2×2 contingency table of a word against a target (the node's context, a subcorpus) and the scores corpus
/// linguists read from it, with the formulas of the association-measures package behind cwb-ccc (AntConc's are the
/// same): O11 the word in the target, R1 the target's size, C1 the word's frequency in all, N the size of all.
struct Contingency: Equatable {
    let o11, o12, o21, o22: Double

    init(o11: Int, r1: Int, c1: Int, n: Int) {
        self.o11 = Double(o11)
        o12 = Double(r1 - o11)
        o21 = Double(c1 - o11)
        o22 = Double(n - r1 - (c1 - o11))
    }

    var r1: Double { o11 + o12 }
    var r2: Double { o21 + o22 }
    var c1: Double { o11 + o21 }
    var c2: Double { o12 + o22 }
    var n: Double { r1 + r2 }
    var e11: Double { r1 * c1 / n }

    /// Log-likelihood (G²), negative when the word is rarer in the target than expected.
    var logLikelihood: Double {
        func term(_ o: Double, _ e: Double) -> Double { o > 0 && e > 0 ? o * log(o / e) : 0 }
        let g2 = 2 * (term(o11, e11) + term(o12, r1 * c2 / n) + term(o21, r2 * c1 / n) + term(o22, r2 * c2 / n))
        return o11 < e11 ? -g2 : g2
    }

    /// Pointwise mutual information, log2(O11 / E11), as AntConc and Church & Hanks give it (association-measures
    /// writes log10: the same ranking, its numbers smaller by a factor of log2(10)).
    var mutualInformation: Double { log2(o11 / e11) }

    /// t-score, (O11 − E11) / √O11.
    var tScore: Double { (o11 - e11) / o11.squareRoot() }

    /// Dice coefficient, 2·O11 / (R1 + C1).
    var dice: Double { 2 * o11 / (r1 + c1) }

    /// Log ratio (Hardie 2014): log2 of the word's relative frequency in the target over that in the rest (O21 of R2),
    /// each side discounted by 0.5 (Walter 1975, association-measures' default) so a word absent from one side
    /// gets a finite score.
    var logRatio: Double { log2(((o11 + 0.5) / (r1 + 0.5)) / ((o21 + 0.5) / (r2 + 0.5))) }
}
