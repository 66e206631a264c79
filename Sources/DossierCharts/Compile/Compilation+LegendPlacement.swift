/// Vega-Lite's `legend: {orient: none, legendX, legendY}`: the legend at those coordinates
/// (points from the top-left of the plot frame), taking no room from the plot.
extension Compilation {
    /// ``legendPosition`` of a legend placed by coordinates.
    static let placedLegend = "coordinates"

    /// `(legendX, legendY)` (a missing one is 0), or nil when neither is given.
    func legendCoordinates(_ style: ResolvedLegend) -> (Double, Double)? {
        let x = style.properties.number("legendX"), y = style.properties.number("legendY")
        guard x != nil || y != nil else { return nil }
        return (x ?? 0, y ?? 0)
    }
}
