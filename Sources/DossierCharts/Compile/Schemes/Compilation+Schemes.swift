import CairoKit
import DossierBase
import DossierVegaLite

extension Compilation {
    /// Dossier's own scheme names, which win over Vega's of the same name (its `viridis` runs
    /// light to dark, its ColorBrewer ramps start at white).
    private static let dossierSchemes: Set<String> = ["okabe-ito", "okabeito", "category", "viridis", "blues", "greens",
                                                       "oranges", "purples", "greys", "grays"]

    /// The colours of a colour scale's scheme for `categories` categories (nil for a ramp):
    /// a discrete scheme's list (its first `count`), a continuous scheme's stops cut to its
    /// `extent`, or, for categories, sampled from it as Vega does; nil without a scheme.
    func schemeColors(_ scale: ScaleSpec?, categories: Int? = nil) -> [Color]? {
        guard let name = scale?.scheme, var colors = Palette.scheme(name) else { return nil }
        let continuous = NamedSchemes.isContinuous(name) || name.lowercased() == "grays"
        guard continuous else { return scale?.schemeCount.map { Array(colors.prefix($0)) } ?? colors }
        if let extent = scale?.schemeExtent { colors = NamedSchemes.ramp(colors, extent: extent) }
        guard let categories, !Self.dossierSchemes.contains(name.lowercased()) else { return colors }
        let count = max(1, scale?.schemeCount ?? categories)
        return (1...count).map { Palette.interpolate(colors, Double($0) / Double(count + 1)) }
    }
}
