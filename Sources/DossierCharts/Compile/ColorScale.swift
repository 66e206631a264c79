import CairoKit
import Foundation

/// A trained colour scale: categorical or a sequential ramp.
struct ColorScale {
    enum Kind { case ordinal, sequential }
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

    func color(key: String) -> Color? {
        guard let i = categories.firstIndex(of: key), !colors.isEmpty else { return nil }
        return colors[i % colors.count]
    }

    func color(value: Double) -> Color {
        let t: Double
        if log {
            t = (log10(max(value, 1e-300)) - log10(lo)) / (log10(hi) - log10(lo))
        } else {
            t = hi == lo ? 0.5 : (value - lo) / (hi - lo)
        }
        return Palette.interpolate(ramp, t)
    }
}
