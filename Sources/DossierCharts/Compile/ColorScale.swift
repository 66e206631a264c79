import CairoKit
import DossierBase
import DossierVegaLite
import Foundation

/// A trained colour scale: categorical, a sequential ramp, or classes (`threshold`,
/// `quantize`: `breaks` between `colors`, labelled by `categories`).
struct ColorScale {
    enum Kind { case ordinal, sequential, classed }
    var kind: Kind
    var field: String
    var title: String
    var categories: [String] = []
    var colors: [Color] = []
    var lo: Double = 0
    var hi: Double = 1
    var log = false
    var ramp: [Color] = []
    var ticks: [Double] = []
    var format = NumberFormat(nil)
    /// The class boundaries of a classed scale: a value v is in class k when
    /// `breaks[k-1] <= v < breaks[k]`.
    var breaks: [Double] = []

    func color(key: String) -> Color? {
        guard let i = categories.firstIndex(of: key), !colors.isEmpty else { return nil }
        return colors[i % colors.count]
    }

    func color(value: Double) -> Color {
        if kind == .classed {
            let index = breaks.firstIndex { value < $0 } ?? breaks.count
            return colors.isEmpty ? Palette.interpolate(ramp, 0.5) : colors[min(index, colors.count - 1)]
        }
        let t: Double
        if log {
            t = (log10(max(value, 1e-300)) - log10(lo)) / (log10(hi) - log10(lo))
        } else {
            t = hi == lo ? 0.5 : (value - lo) / (hi - lo)
        }
        return Palette.interpolate(ramp, t)
    }
}
