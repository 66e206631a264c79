import DossierBase

/// A round marker that ``DrawingContext/drawMarkers(_:positions:symbolIndices:)`` places many
/// times: a circle of `radius` centred on each position, filled and/or stroked.
public struct MarkerSymbol: Hashable, Sendable {
    /// Radius in user units.
    public var radius: Double
    /// Fill colour; nil for no fill.
    public var fill: Color?
    /// Stroke colour; nil for no stroke.
    public var stroke: Color?
    /// Stroke width in user units (butt caps, miter joins, no dash).
    public var lineWidth: Double

    /// Creates a marker symbol.
    public init(radius: Double, fill: Color?, stroke: Color?, lineWidth: Double) {
        self.radius = radius
        self.fill = fill
        self.stroke = stroke
        self.lineWidth = lineWidth
    }

    /// The symbol in another unit: radius and line width multiplied by `factor`.
    func scaled(by factor: Double) -> MarkerSymbol {
        MarkerSymbol(radius: radius * factor, fill: fill, stroke: stroke, lineWidth: lineWidth * factor)
    }

    /// How far ink reaches from the centre.
    var reach: Double { radius + (stroke == nil ? 0 : lineWidth / 2) }
}
