import DossierVegaLite
import Foundation

/// "Nice" axis tick positions.
///
/// `extended` is Talbot, Lin & Hanrahan's extended Wilkinson algorithm
/// ("An Extension of Wilkinson's Algorithm for Positioning Tick Labels on Axes",
/// IEEE InfoVis 2010), transliterated from R's `labeling::extended` (labeling 0.4.x):
/// the same nice-number sequence `Q = [1, 5, 2, 2.5, 4, 3]`, the same weights
/// `[0.25, 0.2, 0.5, 0.05]` for simplicity, coverage, density and legibility
/// (legibility is the constant 1, as in R), and the same search with its pruning bounds,
/// so it returns the same ticks as R for the same input. Deliberate differences from R:
/// a constant range is widened instead of returning `m` copies of the value, and ranges
/// narrower than 1e-9 or beyond 1e100 are searched in units of a power of ten (R's absolute
/// epsilon and squared coverage terms misbehave there; R gives up above 1e154).
///
/// Every tick is rounded to the decimals of the step, so a tick is the double nearest
/// to its decimal spelling (`0.3`, never `0.30000000000000004`), and `-0.0` is returned as `0`.
public enum NiceTicks {
    /// The nice-number sequence, most preferred first.
    static let q: [Double] = [1, 5, 2, 2.5, 4, 3]
    /// Weights of simplicity, coverage, density and legibility.
    static let weights: (s: Double, c: Double, d: Double, l: Double) = (0.25, 0.2, 0.5, 0.05)
    /// R's `.Machine$double.eps * 100`.
    static let eps = Double.ulpOfOne * 100

    /// Ticks for a linear axis over the data range `min...max`.
    ///
    /// - Parameters:
    ///   - min: smallest data value. If `min > max` the two are swapped.
    ///   - max: largest data value.
    ///   - targetCount: the number of ticks wanted (`m` in the paper); the result may have
    ///     a few more or fewer. Values below 2 are treated as 2, above 100 as 100 (the search
    ///     grows with the square of this number).
    ///   - onlyLoose: when `true`, the ticks always cover the data
    ///     (first tick ≤ `min`, last tick ≥ `max`).
    /// - Returns: ascending, evenly spaced ticks free of floating-point noise. When
    ///   `min == max` (a constant series) the range is widened to `v ± |v|/10`
    ///   (`-1...1` for zero) first, so a single value still gets a readable axis.
    ///   Returns `[]` if either bound is not finite.
    public static func extended(min: Double, max: Double, targetCount: Int = 5, onlyLoose: Bool = false)
        -> [Double]
    {
        guard min.isFinite, max.isFinite else { return [] }
        var dmin = Swift.min(min, max)
        var dmax = Swift.max(min, max)
        if dmax - dmin <= eps * Swift.max(abs(dmin), abs(dmax)) {
            let v = dmin / 2 + dmax / 2
            let half = v == 0 ? 1 : abs(v) / 10
            dmin = v - half
            dmax = v + half
            guard dmin.isFinite, dmax.isFinite, dmin < dmax else { return [v] }
        }
        let m = Double(Swift.max(2, Swift.min(targetCount, ChartLimits.tickSearchCount)))
        // The search is scale-invariant except for R's absolute epsilon and for overflow, so
        // ranges far from 1 are searched in units of 10^e and the ticks scaled back.
        let halfSpan = dmax / 2 - dmin / 2  // never overflows
        // Two adjacent subnormals: half their span rounds to 0, and no grid fits between them.
        guard halfSpan > 0 else { return [dmin, dmax] }
        let magnitude = Swift.max(abs(dmin), abs(dmax))
        let e = (halfSpan < 0.5e-9 || halfSpan > 0.5e100 || magnitude > 1e100)
            ? ChartLimits.clampedInt((log10(halfSpan) + log10(2.0)).rounded(.down)) : 0
        let (smin, smax) = (scaled(dmin, byPowerOfTen: -e), scaled(dmax, byPowerOfTen: -e))
        guard let best = search(dmin: smin, dmax: smax, m: m, onlyLoose: onlyLoose) else { return [] }
        return ticks(from: best, exponent: e)
    }

    /// Ticks for a logarithmic axis over `min...max` (both must be > 0).
    ///
    /// - When the range spans two decades or more: the powers of 10 inside the range
    ///   (every second, third, … power when there would be more than 10).
    /// - When it spans less than two decades: the 1, 2 and 5 multiples of powers of 10
    ///   inside the range (`1, 2, 5, 10, 20, 50`).
    /// - When that still gives fewer than two ticks (a range narrower than about ×2.5):
    ///   the `extended` linear ticks that fall inside the range.
    ///
    /// Returns ascending ticks inside `min...max` (a relative tolerance of 1e-9 admits ticks
    /// at the bounds), or `[]` when a bound is not finite or not positive.
    public static func logTicks(min: Double, max: Double) -> [Double] {
        guard min.isFinite, max.isFinite, min > 0, max > 0 else { return [] }
        let lo = Swift.min(min, max)
        let hi = Swift.max(min, max)
        let tolerance = 1e-9
        let lowBound = lo * (1 - tolerance)
        let highBound = hi * (1 + tolerance)
        let firstExponent = ChartLimits.clampedInt((log10(lo)).rounded(.down)) - 1
        let lastExponent = ChartLimits.clampedInt((log10(hi)).rounded(.up)) + 1
        let decades = log10(hi / lo)

        if decades >= 2 {
            var powers: [Double] = []
            for e in firstExponent...lastExponent {
                let v = powerOfTen(e)
                if v >= lowBound && v <= highBound { powers.append(v) }
            }
            if powers.count > 10 {
                let stride = (powers.count + 9) / 10
                // Keep 10^0 (or the decade nearest to it) on the grid when thinning.
                let anchor = powers.firstIndex(of: 1) ?? 0
                powers = powers.enumerated().filter { ($0.offset - anchor) % stride == 0 }.map(\.element)
            }
            return powers
        }

        var result: [Double] = []
        for e in firstExponent...lastExponent {
            for mantissa in [1.0, 2.0, 5.0] {
                let v = scaled(mantissa, byPowerOfTen: e)
                if v >= lowBound && v <= highBound { result.append(v) }
            }
        }
        if result.count >= 2 { return result }
        return extended(min: lo, max: hi).filter { $0 >= lowBound && $0 <= highBound && $0 > 0 }
    }

    // MARK: - The search (labeling::extended)

    struct Candidate: Equatable {
        var lmin: Double
        var lmax: Double
        var step: Double
        /// The grid every tick lies on: `step / j` (`lmin` is a multiple of it).
        var unit: Double
        var score: Double
    }

    /// R's `%%` for doubles: the floored modulus, whose sign follows the divisor.
    static func flooredMod(_ x: Double, _ y: Double) -> Double {
        x - (x / y).rounded(.down) * y
    }

    static func simplicity(qIndex i: Int, j: Double, lmin: Double, lmax: Double, step: Double) -> Double {
        let n = Double(q.count)
        let r = flooredMod(lmin, step)
        let v: Double = ((r < eps || step - r < eps) && lmin <= 0 && lmax >= 0) ? 1 : 0
        return 1 - Double(i) / (n - 1) - j + v
    }

    static func simplicityMax(qIndex i: Int, j: Double) -> Double {
        let n = Double(q.count)
        return 1 - Double(i) / (n - 1) - j + 1
    }

    static func coverage(dmin: Double, dmax: Double, lmin: Double, lmax: Double) -> Double {
        let range = dmax - dmin
        return 1 - 0.5 * (pow(dmax - lmax, 2) + pow(dmin - lmin, 2)) / pow(0.1 * range, 2)
    }

    static func coverageMax(dmin: Double, dmax: Double, span: Double) -> Double {
        let range = dmax - dmin
        if span > range {
            let half = (span - range) / 2
            return 1 - 0.5 * (2 * half * half) / pow(0.1 * range, 2)
        }
        return 1
    }

    static func density(k: Double, m: Double, dmin: Double, dmax: Double, lmin: Double, lmax: Double) -> Double {
        let r = (k - 1) / (lmax - lmin)
        let rt = (m - 1) / (Swift.max(lmax, dmax) - Swift.min(dmin, lmin))
        return 2 - Swift.max(r / rt, rt / r)
    }

    static func densityMax(k: Double, m: Double) -> Double {
        k >= m ? 2 - (k - 1) / (m - 1) : 1
    }

    /// The most labellings one search scores before it settles for the best so far: far more
    /// than any axis needs (a few thousand), so that no input can make the search run long.
    static let evaluationBudget = 2_000_000

    /// The best-scoring labelling, or `nil` if none was found (not expected for finite input).
    static func search(dmin: Double, dmax: Double, m: Double, onlyLoose: Bool) -> Candidate? {
        let w = weights
        var best: Candidate?
        var bestScore = -2.0
        var evaluations = 0
        var j = 1.0
        outer: while true {
            for (qi, qv) in q.enumerated() {
                let sm = simplicityMax(qIndex: qi, j: j)
                if w.s * sm + w.c + w.d + w.l < bestScore { break outer }
                var k = 2.0
                while true {
                    let dm = densityMax(k: k, m: m)
                    if w.s * sm + w.c + w.d * dm + w.l < bestScore { break }
                    let delta = (dmax - dmin) / (k + 1) / j / qv
                    var z = log10(delta).rounded(.up)
                    while true {
                        let step = j * qv * pow(10, z)
                        guard step.isFinite, step > 0 else { break }
                        let cm = coverageMax(dmin: dmin, dmax: dmax, span: step * (k - 1))
                        if w.s * sm + w.c * cm + w.d * dm + w.l < bestScore { break }
                        let minStart = (dmax / step).rounded(.down) * j - (k - 1) * j
                        let maxStart = (dmin / step).rounded(.up) * j
                        if minStart > maxStart {
                            z += 1
                            continue
                        }
                        // Beyond 2^53 `start += 1` would not move: no labelling fits there.
                        guard abs(minStart) < 0x1p52, abs(maxStart) < 0x1p52 else {
                            z += 1
                            continue
                        }
                        var start = minStart
                        while start <= maxStart {
                            evaluations += 1
                            if evaluations > evaluationBudget { break outer }
                            let lmin = start * (step / j)
                            let lmax = lmin + step * (k - 1)
                            let s = simplicity(qIndex: qi, j: j, lmin: lmin, lmax: lmax, step: step)
                            let c = coverage(dmin: dmin, dmax: dmax, lmin: lmin, lmax: lmax)
                            let g = density(k: k, m: m, dmin: dmin, dmax: dmax, lmin: lmin, lmax: lmax)
                            let score = w.s * s + w.c * c + w.d * g + w.l * 1
                            if score > bestScore && (!onlyLoose || (lmin <= dmin && lmax >= dmax)) {
                                bestScore = score
                                best = Candidate(lmin: lmin, lmax: lmax, step: step, unit: step / j, score: score)
                            }
                            start += 1
                        }
                        z += 1
                    }
                    k += 1
                }
            }
            j += 1
        }
        return best
    }

    // MARK: - Clean numbers

    /// The ticks of a labelling, `lmin, lmin + step, …, lmax`, times 10^`exponent`, each
    /// rounded to the decimals of the grid they lie on (`step / j`: with j = 4 a step of 20
    /// starts at a multiple of 5) and returned as the double nearest that decimal.
    static func ticks(from c: Candidate, exponent e: Int) -> [Double] {
        let count = Swift.max(1, Swift.min(ChartLimits.tickSearchCount * 10, ChartLimits.clampedInt(((c.lmax - c.lmin) / c.step).rounded()) + 1))
        let d = Swift.max(decimalPlaces(of: c.step), decimalPlaces(of: c.unit))
        return (0..<count).compactMap { i in
            let digits = scaled(c.lmin + Double(i) * c.step, byPowerOfTen: d).rounded()
            let v = decimal(digits, exponent: e - d)
            guard v.isFinite else { return nil }
            return v == 0 ? 0 : v
        }
    }

    /// The double nearest to `digits` × 10^`exponent`, for an integral `digits`.
    static func decimal(_ digits: Double, exponent: Int) -> Double {
        // With |exponent| ≤ 22 both factors are exact, so one multiply or divide rounds correctly.
        if abs(exponent) <= 22 { return scaled(digits, byPowerOfTen: exponent) }
        if let integer = Int64(exactly: digits), let parsed = Double("\(integer)e\(exponent)") { return parsed }
        return scaled(digits, byPowerOfTen: exponent)
    }

    /// The number of decimals needed to write `step` exactly (negative for steps like 1e5,
    /// meaning ticks are multiples of 10^-decimals).
    static func decimalPlaces(of step: Double) -> Int {
        let magnitude = ChartLimits.clampedInt(log10(abs(step)).rounded(.down))
        // Nice steps are q·10^z with q ∈ Q·j; one or two digits beyond the leading one suffice,
        // but search a few in case j makes the mantissa longer (e.g. 2.5 · 3 = 7.5).
        for extra in 0...6 {
            let d = -magnitude + extra
            let scaledStep = scaled(abs(step), byPowerOfTen: d)
            if abs(scaledStep - scaledStep.rounded()) < 1e-6 * Swift.max(1, scaledStep) { return d }
        }
        return -magnitude + 6
    }

    /// `x · 10^e`, exact-as-possible: multiplies or divides by an exactly representable power
    /// of ten when |e| ≤ 22, so that `scaled(3, -1)` is the double nearest to 0.3.
    static func scaled(_ x: Double, byPowerOfTen e: Int) -> Double {
        var x = x
        var e = e
        // Large exponents go in exact steps of 10^22, so intermediates neither overflow nor
        // underflow when the result is representable.
        while e > 22 { x *= 1e22; e -= 22 }
        while e < -22 { x /= 1e22; e += 22 }
        return e >= 0 ? x * powerOfTen(e) : x / powerOfTen(-e)
    }

    /// 10^e; exact for 0 ≤ e ≤ 22, correctly rounded (1 / 10^-e) for -22 ≤ e < 0.
    static func powerOfTen(_ e: Int) -> Double {
        if e >= 0 && e <= 22 {
            var r = 1.0
            for _ in 0..<e { r *= 10 }
            return r
        }
        if e < 0 && e >= -22 { return 1 / powerOfTen(-e) }
        return pow(10, Double(e))
    }
}
