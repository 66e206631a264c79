import DossierBase

/// The options of an `arc` mark (Vega-Lite's pie and donut): radii in points and the gap
/// between slices in radians. Decoded from the mark's object beside ``MarkDef``'s own keys.
public struct ArcMarkOptions: Sendable, Equatable {
    /// The keys read here.
    static let keys = ["innerRadius", "outerRadius", "padAngle", "cornerRadius"]

    /// The hole of a donut, in points (default 0: a pie).
    public var innerRadius: Double?
    /// The outer radius, in points (default: half the smaller side of the plot).
    public var outerRadius: Double?
    /// The angle left empty between slices, in radians (default 0).
    public var padAngle: Double?
    /// Rounded corners: accepted, drawn square.
    public var cornerRadius: Double?

    /// No options.
    public init() {}

    init(from decoder: any Decoder) throws {
        guard let c = try? decoder.container(keyedBy: AnyKey.self) else { return }
        let radius = NumberRule(name: "a radius", min: 0, max: 10_000, unit: "points")
        innerRadius = try c.decodeNumber(AnyKey(stringValue: "innerRadius"), radius)
        outerRadius = try c.decodeNumber(AnyKey(stringValue: "outerRadius"), radius)
        padAngle = try c.decodeNumber(AnyKey(stringValue: "padAngle"), NumberRule(name: "padAngle", min: 0, max: 6.3, unit: "radians"))
        cornerRadius = try c.decodeNumber(AnyKey(stringValue: "cornerRadius"), radius)
    }
}
