import DossierBase

/// The options of an `arc` mark (Vega-Lite's pie and donut): radii in points and the gap
/// between slices in radians. Decoded from the mark's object beside ``MarkDef``'s own keys.
public struct ArcMarkOptions: Sendable, Equatable {
    private enum CodingKeys: String, CodingKey, CaseIterable { case innerRadius, outerRadius, padAngle, cornerRadius }

    /// The keys read here.
    static let keys = CodingKeys.allCases.map(\.stringValue)

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
        guard let c = try? decoder.container(keyedBy: CodingKeys.self) else { return }
        let radius = NumberRule(name: "a radius", min: 0, max: 10_000, unit: "points")
        innerRadius = try c.decodeNumber(.innerRadius, radius)
        outerRadius = try c.decodeNumber(.outerRadius, radius)
        padAngle = try c.decodeNumber(.padAngle, NumberRule(name: "padAngle", min: 0, max: 6.3, unit: "radians"))
        cornerRadius = try c.decodeNumber(.cornerRadius, radius)
    }
}
