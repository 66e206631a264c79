import DossierBase
/// A mark type (Vega-Lite names).
public enum MarkType: String, Sendable, Decodable, Equatable, CaseIterable {
    /// Circles at x/y (scatter, dot plot).
    case point
    /// A polyline through x/y, one per colour/detail group, in x (or `order`) order.
    case line
    /// Bars from a band position to a quantitative value (stacked by colour by default).
    case bar
    /// Rectangles filling band cells (heatmap) or spanning x..x2 / y..y2.
    case rect
    /// Lines: x..x2 at y or y..y2 at x (intervals, error bars), or full-width/height rules.
    case rule
    /// Text at x/y from the `text` channel.
    case text
    /// A filled band between y and y2 (or the baseline), e.g. a confidence band.
    case area
    /// Map shapes joined from `shapes` by `key`.
    case geoshape
    /// Short lines across a position (a strip plot, a bullet's target): Compile/Marks/TickEmitter.swift.
    case tick
    /// A line whose width varies with `size`: Compile/Marks/TrailEmitter.swift.
    case trail
    /// Composite: a rule from an interval's low to high end per group, with ticks (CompositeMarks.swift).
    case errorbar
    /// Composite: an area from an interval's low to high end (CompositeMarks.swift).
    case errorband
    /// Composite: box from Q1 to Q3, median, whiskers and outliers (CompositeMarks.swift).
    case boxplot
    /// Pie and donut slices: `theta` (stacked) gives each slice's angle, `radius` its length.
    case arc
}

/// How bars or areas sharing a position are stacked.
public enum StackMode: String, Sendable, Decodable, Equatable {
    /// Stacked from zero (the default for bars with a colour channel).
    case zero
    /// Stacked and rescaled so each stack sums to 1 (100% stacked; axis in percent).
    case normalize
    /// Stacked and centred on the middle of the tallest stack (a streamgraph).
    case center
    /// Not stacked: overlapping.
    case none
}

/// A mark and its options. Decodes from a string (`bar`) or an object (`{type: bar, stack: normalize}`).
public struct MarkDef: Sendable, Decodable, Equatable {
    /// The mark type.
    public var type: MarkType
    /// Bars/areas: stacking mode (default `zero` when a discrete colour splits a bar).
    public var stack: StackMode?
    /// Points with a `text` channel: place labels with a repel step so none overlaps another
    /// label or a point, with leader lines for labels moved far (default true).
    public var repel: Bool?
    /// Text: choose black or white for WCAG contrast against the `color` channel's fill
    /// (heatmap cell labels) instead of painting the text in that colour.
    public var contrast: Bool?
    /// Bars: write each bar's total (the n of a 100% stacked bar) at its end.
    public var totals: Bool?
    /// Bars: prefix of the total label (default `n = `).
    public var totalsPrefix: String?
    /// A fixed colour when there is no colour channel: any CSS colour (``CSSColor``).
    public var color: String?
    /// Opacity 0…1 (default 1; 0.25 for areas with y2).
    public var opacity: Double?
    /// Vega-Lite's `size`: a point's area in square points (default 49, a 3.5-point radius),
    /// a text's font size, a bar's or tick's width, a line's or rule's width; 0…10000.
    public var size: Double?
    /// Line, rule or outline width in points; 0.1…50.
    public var strokeWidth: Double?
    /// Dash pattern in points, e.g. `[4, 2]`: at most 16 entries of 0…1000, not all zero.
    public var strokeDash: [Double]?
    /// Points: filled (default) or hollow.
    public var filled: Bool?
    /// Text: horizontal offset in points (±2000).
    public var dx: Double?
    /// Text: vertical offset in points (±2000).
    public var dy: Double?
    /// Text: alignment `left`, `center` (default) or `right`.
    public var align: String?
    /// Bars/rects: padding between bands as a fraction of the step, 0…1 (default 0.2 bars, 0.04 rects).
    public var padding: Double?
    /// Vega-Lite's other mark properties (MarkOptions.swift).
    public var options = MarkOptions()
    /// Arcs: `innerRadius`, `outerRadius`, `padAngle`, `cornerRadius` (``ArcMarkOptions``).
    public var arc = ArcMarkOptions()

    /// Creates a mark definition with only a type.
    public init(_ type: MarkType) { self.type = type }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case type, stack, repel, contrast, totals, totalsPrefix, color, opacity, size, strokeWidth, strokeDash
        case filled, dx, dy, align, padding
    }

    /// Decodes from a bare type name or an object.
    public init(from decoder: any Decoder) throws {
        try self.init(from: decoder, overlayOf: nil)
    }

    /// Decodes a mark; an overlay's or a composite part's object (`point: {filled: false}`)
    /// has no `type` and takes `overlayOf`.
    init(from decoder: any Decoder, overlayOf: MarkType?) throws {
        if let single = try? decoder.singleValueContainer(), let name = try? single.decode(String.self) {
            if name == "circle" || name == "square" {  // Vega-Lite: a filled point of that shape
                self.type = .point
                filled = true
                options.shape = name
                return
            }
            if let refusal = Self.notYetDrawnMessage(name) {
                throw DecodingError.dataCorruptedError(in: single, debugDescription: refusal)
            }
            guard let type = MarkType(rawValue: name) else {
                throw DecodingError.dataCorruptedError(in: single, debugDescription:
                    "unknown mark \"\(name)\"; marks are: " + MarkType.allCases.map(\.rawValue).joined(separator: ", "))
            }
            self.type = type
            return
        }
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, also: MarkOptions.keys + ArcMarkOptions.keys, what: "a mark",
                                             notYetSupported: VegaLiteUnsupportedKeys.mark)
        if let name = try c.decodeIfPresent(String.self, forKey: .type), name == "circle" || name == "square" {
            type = .point
            filled = true
            options.shape = name
        } else if let overlayOf, !c.contains(.type) {
            type = overlayOf
        } else {
            if let name = try? c.decode(String.self, forKey: .type), let refusal = Self.notYetDrawnMessage(name) {
                throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: refusal)
            }
            type = try c.decode(MarkType.self, forKey: .type)
        }
        stack = try c.decodeIfPresent(StackMode.self, forKey: .stack)
        repel = try c.decodeIfPresent(Bool.self, forKey: .repel)
        contrast = try c.decodeIfPresent(Bool.self, forKey: .contrast)
        totals = try c.decodeIfPresent(Bool.self, forKey: .totals)
        totalsPrefix = try c.decodeIfPresent(String.self, forKey: .totalsPrefix)
        color = try c.decodeColor(.color)
        opacity = try c.decodeNumber(.opacity, ChartLimits.opacity)
        size = try c.decodeNumber(.size, ChartLimits.markSize)
        strokeWidth = try c.decodeNumber(.strokeWidth, ChartLimits.strokeWidth)
        strokeDash = try c.decodeDash(.strokeDash)
        filled = try c.decodeIfPresent(Bool.self, forKey: .filled) ?? filled
        dx = try c.decodeNumber(.dx, ChartLimits.offset)
        dy = try c.decodeNumber(.dy, ChartLimits.offset)
        align = try c.decodeIfPresent(String.self, forKey: .align)
        padding = try c.decodeNumber(.padding, ChartLimits.padding)
        let shape = options.shape
        options = try MarkOptions(from: decoder, type: type)
        options.shape = options.shape ?? shape
        arc = try ArcMarkOptions(from: decoder)
    }
}
