import DossierBase

/// Vega's named colour schemes (`scheme: tableau10`, `scheme: {name: blues, extent: [0.2, 1]}`):
/// discrete lists for categories, continuous ramps for quantities. Dossier's own names
/// (`okabe-ito`, and its ColorBrewer `blues`… `viridis` ramps) are ``Palette/scheme(_:)``'s and
/// win over these.
package enum NamedSchemes {
    /// Every scheme name Vega knows, sorted.
    static var names: [String] { (Array(continuousStops.keys) + Array(discreteLists.keys)).sorted() }

    /// Whether `name` is a continuous (interpolated) scheme.
    package static func isContinuous(_ name: String) -> Bool { continuousStops[name.lowercased()] != nil }

    /// The colours of `name`: a discrete scheme's list (its first `count` when given), or a
    /// continuous scheme's stops (`count` colours sampled evenly from end to end when given);
    /// nil for an unknown name.
    static func colors(_ name: String, count: Int? = nil) -> [Color]? {
        let key = name.lowercased()
        if let list = discreteLists[key] {
            let colors = list.map { Color(hex: $0) }
            guard let count else { return colors }
            return Array(colors.prefix(max(1, count)))
        }
        guard let stops = continuousStops[key]?.map({ Color(hex: $0) }) else { return nil }
        guard let count, count > 1 else { return stops }
        return (0..<count).map { Palette.interpolate(stops, Double($0) / Double(count - 1)) }
    }

    /// A continuous ramp cut to `extent` (fractions of the scheme, Vega-Lite's scheme
    /// `extent`: `[0.2, 1]` drops the palest fifth, `[1, 0]` reverses it), as 32 stops.
    package static func ramp(_ colors: [Color], extent: [Double]) -> [Color] {
        guard extent.count == 2 else { return colors }
        let a = extent[0], b = extent[1], steps = 32
        return (0...steps).map { Palette.interpolate(colors, a + (b - a) * Double($0) / Double(steps)) }
    }

    /// `count` colours of a continuous scheme for categories, as Vega samples them: at
    /// k / (count + 1), k = 1…count, so neither end of the ramp is used.
    static func ordinalSamples(_ name: String, count: Int) -> [Color]? {
        guard let stops = continuousStops[name.lowercased()]?.map({ Color(hex: $0) }), count > 0 else { return nil }
        return (1...count).map { Palette.interpolate(stops, Double($0) / Double(count + 1)) }
    }
}
