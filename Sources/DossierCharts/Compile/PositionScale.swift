import DossierVegaLite
import Foundation

/// A trained position scale: continuous (linear or log) or discrete bands. Ranges are in
/// panel-local points, from 0 to the panel's length.
struct PositionScale {
    enum Kind { case continuous, band }
    var kind: Kind
    /// Continuous domain.
    var lo: Double = 0
    var hi: Double = 1
    var log = false
    /// The constant of a symmetric-log scale (nil: not symlog).
    var symlogConstant: Double?
    var ticks: [Double] = []
    var format = NumberFormat(nil)
    /// Time labels (a temporal scale, in milliseconds); nil: numbers.
    var timeFormat: TimeFormat?
    /// Labels of band categories that differ from the keys (time-unit periods: "Jan").
    var categoryLabels: [String: String] = [:]
    /// Discrete domain.
    var categories: [String] = []
    var paddingInner = 0.2
    var paddingOuter = 0.1
    var reverse = false
    /// Range length in points and whether increasing values go up (y) or right (x).
    var length: Double = 1
    var upward = false

    func fraction(_ v: Double) -> Double {
        if log {
            let a = Foundation.log10(lo), b = Foundation.log10(hi)
            return (Foundation.log10(max(v, 1e-300)) - a) / (b - a)
        }
        if let c = symlogConstant {
            let a = Self.symlog(lo, c), b = Self.symlog(hi, c)
            return b == a ? 0.5 : (Self.symlog(v, c) - a) / (b - a)
        }
        return (v - lo) / (hi - lo)
    }

    /// Panel-local coordinate of a continuous value.
    func map(_ v: Double) -> Double {
        var t = fraction(v)
        if reverse { t = 1 - t }
        return upward ? length * (1 - t) : length * t
    }

    var step: Double {
        let n = Double(categories.count)
        return length / max(1, n - paddingInner + 2 * paddingOuter)
    }
    var bandwidth: Double { step * (1 - paddingInner) }

    /// Panel-local start of a band (top for y bands, left for x bands).
    func bandStart(_ key: String) -> Double? {
        guard var i = categories.firstIndex(of: key) else { return nil }
        if reverse { i = categories.count - 1 - i }
        return step * paddingOuter + Double(i) * step
    }

    /// Panel-local centre of a band.
    func bandCenter(_ key: String) -> Double? { bandStart(key).map { $0 + bandwidth / 2 } }

    /// The symmetric-log transform of Vega-Lite and d3: `sign(v) · log(1 + |v| / c)`.
    static func symlog(_ v: Double, _ c: Double) -> Double {
        (v < 0 ? -1 : 1) * Foundation.log1p(abs(v) / c)
    }

    /// Tick label text.
    func label(_ v: Double) -> String { timeFormat?.string(v) ?? format.string(v) }
}
