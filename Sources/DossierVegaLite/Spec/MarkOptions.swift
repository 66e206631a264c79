import DossierBase

/// A mark's own `x`, `y`, `x2` or `y2` (Vega-Lite): a position in points from the plot's
/// top-left corner, or the plot's whole `width` (x) or `height` (y).
public enum MarkPosition: Sendable, Equatable, Decodable {
    /// Points from the plot's left (x) or top (y) edge.
    case points(Double)
    /// The plot's width (`"width"`) or height (`"height"`): its right or bottom edge.
    case extent

    /// Decodes a number, `"width"` or `"height"`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let value = try? c.decode(Double.self) {
            if let message = ChartLimits.coordinate.problem(value, as: "a mark position") {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: message)
            }
            self = .points(value)
            return
        }
        if let text = try? c.decode(String.self) {
            guard text == "width" || text == "height" else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription:
                    "a mark position is \(InputExcerpt.quoted(text)), expected a number of points, \"width\" or \"height\"")
            }
            self = .extent
            return
        }
        let value = try c.decode(Double.self)
        if let message = ChartLimits.coordinate.problem(value, as: "a mark position") {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: message)
        }
        self = .points(value)
    }

    /// The position in a plot `length` points long.
    package func resolve(_ length: Double) -> Double {
        switch self {
        case .points(let v): return v
        case .extent: return length
        }
    }
}

/// A bar's or tick's `width`/`height` (Vega-Lite): points, or a fraction of the band (`{band: 0.5}`).
public enum MarkBandSize: Sendable, Equatable, Decodable {
    /// A size in points.
    case points(Double)
    /// A fraction of the band's width.
    case band(Double)

    private enum CodingKeys: String, CodingKey, CaseIterable { case band }

    /// Decodes a number or `{band: f}`.
    public init(from decoder: any Decoder) throws {
        if let c = try? decoder.singleValueContainer(), let v = try? c.decode(Double.self) {
            if let message = MarkOptions.length.problem(v, as: "a mark width") {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: message)
            }
            self = .points(v)
            return
        }
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, what: "a relative band size")
        self = .band(try c.decodeNumber(.band, NumberRule(name: "band", min: 0, max: 1, unit: "")) ?? 1)
    }

    /// The size for a band `bandwidth` points wide.
    package func resolve(bandwidth: Double) -> Double {
        switch self {
        case .points(let v): return v
        case .band(let f): return f * bandwidth
        }
    }
}

/// How a line or area passes through its points (Vega-Lite `interpolate`).
public enum PathInterpolation: String, Sendable, Equatable, Decodable, CaseIterable {
    /// Straight segments.
    case linear
    /// Straight segments, closed back to the first point.
    case linearClosed = "linear-closed"
    /// Steps whose risers sit midway between points.
    case step
    /// Steps rising at each point, then running flat.
    case stepBefore = "step-before"
    /// Steps running flat from each point, then rising at the next.
    case stepAfter = "step-after"
    /// A cubic that keeps the data monotone in y between points (Steffen; d3's `monotoneX`).
    case monotone
    /// A cubic B-spline (the curve passes near, not through, the inner points).
    case basis
    /// A cardinal spline through every point (`tension` 0 by default).
    case cardinal

    /// Decodes a name, refusing Vega's other curves with the list of those drawn.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let name = try c.decode(String.self)
        guard let value = PathInterpolation(rawValue: name) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription:
                "interpolate \(InputExcerpt.quoted(name)) is not supported, expected one of "
                + Self.allCases.map(\.rawValue).joined(separator: ", ") + MarkOptions.didYouMean(name, Self.allCases.map(\.rawValue)))
        }
        self = value
    }
}

/// The `point` overlay of a line or area (or the `line` overlay of an area): off, on with
/// Vega-Lite's defaults, `"transparent"` (drawn invisible), or on with its own mark options.
public indirect enum MarkOverlay: Sendable, Equatable {
    /// No overlay (`false`, `null` or absent).
    case off
    /// An overlay with these mark options (`true` is an empty object).
    case on(MarkDef)

    /// Decodes `true`/`false`/`null`, `"transparent"` or an object of mark options.
    static func decode<K: CodingKey>(_ c: KeyedDecodingContainer<K>, _ key: K, type: MarkType) throws -> MarkOverlay {
        guard c.contains(key), try !c.decodeNil(forKey: key) else { return .off }
        if let on = try? c.decode(Bool.self, forKey: key) { return on ? .on(MarkDef(type)) : .off }
        if let text = try? c.decode(String.self, forKey: key) {
            guard text == "transparent", type == .point else {
                throw c.failure(key, "`\(key.stringValue)` is \(InputExcerpt.quoted(text)), expected true, false, "
                                + (type == .point ? "\"transparent\" " : "") + "or an object of mark options")
            }
            var mark = MarkDef(.point)
            mark.opacity = 0
            return .on(mark)
        }
        let decoder = try c.superDecoder(forKey: key)
        return .on(try MarkDef(from: decoder, overlayOf: type))
    }

    /// The overlay's mark, if on.
    var mark: MarkDef? {
        if case .on(let m) = self { return m }
        return nil
    }
}

/// The Vega-Lite mark properties beyond Dossier's original set, decoded from the same object
/// as ``MarkDef`` (one key each; see docs/report-format.md, "Mark properties").
public struct MarkOptions: Sendable, Equatable {
    /// Fill colour (wins over `color` for the fill).
    public var fill: String?
    /// Stroke colour (wins over `color` for the outline or line).
    public var stroke: String?
    /// Fill opacity 0…1 (times `opacity`).
    public var fillOpacity: Double?
    /// Stroke opacity 0…1 (times `opacity`).
    public var strokeOpacity: Double?
    /// Lines and areas: how the path passes through the points.
    public var interpolate: PathInterpolation?
    /// Cardinal splines: tension 0…1 (default 0).
    public var tension: Double?
    /// Bars, ticks, areas: `vertical` or `horizontal`, overriding the orientation the encoding implies.
    public var orient: String?
    /// Whether marks are clipped to the plot (points and text are not by default).
    public var clip: Bool?
    /// Text: the vertical anchor (`top`, `middle`, `bottom`, `alphabetic`, `line-top`, `line-bottom`).
    public var baseline: String?
    /// Text: rotation in degrees, clockwise.
    public var angle: Double?
    /// Text: font size in points (wins over `size`).
    public var fontSize: Double?
    /// Text: `italic` or `normal`.
    public var fontStyle: String?
    /// Text: `bold`, `normal` or a weight 100…900.
    public var fontWeight: String?
    /// Text: font family (a family the report's fonts lack falls back to the theme's).
    public var font: String?
    /// Text: the widest a text may be, in points; longer text is cut with `…`.
    public var limit: Double?
    /// Text: constant text when there is no `text` channel.
    public var text: String?
    /// A position of the mark's own, used where the encoding lacks the channel.
    public var x: MarkPosition?
    /// A position of the mark's own, used where the encoding lacks the channel.
    public var y: MarkPosition?
    /// A position of the mark's own, used where the encoding lacks the channel.
    public var x2: MarkPosition?
    /// A position of the mark's own, used where the encoding lacks the channel.
    public var y2: MarkPosition?
    /// Shifts of the positions, in points.
    public var xOffset: Double?
    /// Shifts of the positions, in points.
    public var yOffset: Double?
    /// Shifts of the positions, in points.
    public var x2Offset: Double?
    /// Shifts of the positions, in points.
    public var y2Offset: Double?
    /// Bars and ticks: width in points or `{band: f}`.
    public var width: MarkBandSize?
    /// Bars and ticks: height in points or `{band: f}`.
    public var height: MarkBandSize?
    /// Bars and rects: corner radius in points (every corner).
    public var cornerRadius: Double?
    /// Bars: radius of the corners at the value end.
    public var cornerRadiusEnd: Double?
    /// Bars and rects: radius of one corner.
    public var cornerRadiusTopLeft: Double?
    /// Bars and rects: radius of one corner.
    public var cornerRadiusTopRight: Double?
    /// Bars and rects: radius of one corner.
    public var cornerRadiusBottomLeft: Double?
    /// Bars and rects: radius of one corner.
    public var cornerRadiusBottomRight: Double?
    /// Bars on a continuous axis: the gap between neighbours in points (default 1).
    public var binSpacing: Double?
    /// Bars on a continuous axis without an end: width in points (default 5).
    public var continuousBandSize: Double?
    /// Ticks: thickness in points (default 1).
    public var thickness: Double?
    /// Points: the symbol (`circle`, `square`, `cross`, `diamond`, `triangle-up`…).
    public var shape: String?
    /// Named styles of `config.style`, applied in order over the mark config (the mark's own
    /// keys win).
    public var style: [String]?
    /// How a row with a missing continuous x or y is drawn (``InvalidDataMode``).
    public var invalid: InvalidDataMode?
    /// Lines (and areas): the point overlay.
    public var point: MarkOverlay = .off
    /// Areas: the line overlay along the top.
    public var line: MarkOverlay = .off
    /// Composite marks: the interval (`stderr`, `stdev`, `ci`, `iqr`, `min-max`), or for a
    /// boxplot the whisker length in IQRs (a number) or `min-max`.
    public var extent: CompositeExtent?
    /// Composite marks' parts: their own mark options, or false to leave the part out.
    public var parts: [String: MarkOverlay] = [:]

    /// Creates empty options.
    public init() {}

    /// The keys these options read (`tooltip` is accepted and left alone: the charts are
    /// static), and the composite marks' parts.
    static let keys = CodingKeys.allCases.map(\.stringValue) + ["tooltip"] + partKeys

    /// The parts of the composite marks (errorbar, errorband, boxplot).
    static let partKeys = ["ticks", "rule", "median", "outliers", "box", "band", "borders"]

    /// Lengths of a mark (widths, radii, offsets' size), in points.
    static let length = NumberRule(name: "length", min: 0, max: 2000, unit: "points")

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case fill, stroke, fillOpacity, strokeOpacity, interpolate, tension, orient, clip, baseline, angle
        case fontSize, fontStyle, fontWeight, font, limit, text, x, y, x2, y2, xOffset, yOffset, x2Offset, y2Offset
        case width, height, cornerRadius, cornerRadiusEnd, cornerRadiusTopLeft, cornerRadiusTopRight
        case cornerRadiusBottomLeft, cornerRadiusBottomRight, binSpacing, continuousBandSize, thickness, shape, style
        case point, line, extent, invalid, aria, description, ariaRole, ariaRoleDescription
    }

    /// Decodes the options of a mark of type `type` from the mark's object.
    init(from decoder: any Decoder, type: MarkType) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        fill = try c.decodeColor(.fill)
        stroke = try c.decodeColor(.stroke)
        fillOpacity = try c.decodeNumber(.fillOpacity, ChartLimits.opacity)
        strokeOpacity = try c.decodeNumber(.strokeOpacity, ChartLimits.opacity)
        interpolate = try c.decodeIfPresent(PathInterpolation.self, forKey: .interpolate)
        tension = try c.decodeNumber(.tension, NumberRule(name: "tension", min: 0, max: 1, unit: ""))
        orient = try c.decodeChoice(.orient, ["vertical", "horizontal"])
        clip = try c.decodeIfPresent(Bool.self, forKey: .clip)
        baseline = try c.decodeChoice(.baseline, ["top", "middle", "bottom", "alphabetic", "line-top", "line-bottom"])
        angle = try c.decodeNumber(.angle, NumberRule(name: "angle", min: -360, max: 360, unit: "degrees"))
        try decodeText(c)
        x = try c.decodeIfPresent(MarkPosition.self, forKey: .x)
        y = try c.decodeIfPresent(MarkPosition.self, forKey: .y)
        x2 = try c.decodeIfPresent(MarkPosition.self, forKey: .x2)
        y2 = try c.decodeIfPresent(MarkPosition.self, forKey: .y2)
        xOffset = try c.decodeNumber(.xOffset, ChartLimits.offset)
        yOffset = try c.decodeNumber(.yOffset, ChartLimits.offset)
        x2Offset = try c.decodeNumber(.x2Offset, ChartLimits.offset)
        y2Offset = try c.decodeNumber(.y2Offset, ChartLimits.offset)
        width = try c.decodeIfPresent(MarkBandSize.self, forKey: .width)
        height = try c.decodeIfPresent(MarkBandSize.self, forKey: .height)
        cornerRadius = try c.decodeNumber(.cornerRadius, Self.length)
        cornerRadiusEnd = try c.decodeNumber(.cornerRadiusEnd, Self.length)
        cornerRadiusTopLeft = try c.decodeNumber(.cornerRadiusTopLeft, Self.length)
        cornerRadiusTopRight = try c.decodeNumber(.cornerRadiusTopRight, Self.length)
        cornerRadiusBottomLeft = try c.decodeNumber(.cornerRadiusBottomLeft, Self.length)
        cornerRadiusBottomRight = try c.decodeNumber(.cornerRadiusBottomRight, Self.length)
        binSpacing = try c.decodeNumber(.binSpacing, Self.length)
        continuousBandSize = try c.decodeNumber(.continuousBandSize, Self.length)
        thickness = try c.decodeNumber(.thickness, Self.length)
        shape = try c.decodeIfPresent(String.self, forKey: .shape)
        if let shape, SymbolShape(name: shape) == nil {
            throw c.failure(.shape, "shape is \(InputExcerpt.quoted(shape)), expected one of " + SymbolShape.names.joined(separator: ", ")
                            + MarkOptions.didYouMean(shape, SymbolShape.names))
        }
        if let one = try? c.decodeIfPresent(String.self, forKey: .style) {
            style = [one]
        } else {
            style = try c.decodeIfPresent([String].self, forKey: .style)
        }
        invalid = try InvalidDataMode.decode(c, .invalid)
        // Accessibility metadata: checked, not drawn (AccessibilityKeys).
        _ = try c.decodeIfPresent(Bool.self, forKey: .aria)
        _ = try c.decodeIfPresent(String.self, forKey: .description)
        _ = try c.decodeIfPresent(String.self, forKey: .ariaRole)
        _ = try c.decodeIfPresent(String.self, forKey: .ariaRoleDescription)
        try decodeOverlays(c, decoder: decoder, type: type)
    }

    /// The text options: size, style, weight (a number or a name), font, limit, text.
    private mutating func decodeText(_ c: KeyedDecodingContainer<CodingKeys>) throws {
        fontSize = try c.decodeNumber(.fontSize, NumberRule(name: "fontSize", min: 1, max: 200, unit: "points"))
        fontStyle = try c.decodeChoice(.fontStyle, ["normal", "italic", "oblique"])
        if let weight = try? c.decodeIfPresent(Double.self, forKey: .fontWeight) {
            guard [100, 200, 300, 400, 500, 600, 700, 800, 900].contains(weight) else {
                throw c.failure(.fontWeight, "fontWeight is \(ChartLimits.spell(weight)), expected 100, 200, … 900, \"normal\" or \"bold\"")
            }
            fontWeight = String(Int(weight))
        } else {
            fontWeight = try c.decodeChoice(.fontWeight, ["normal", "bold", "lighter", "bolder"])
        }
        font = try c.decodeIfPresent(String.self, forKey: .font)
        limit = try c.decodeNumber(.limit, Self.length)
        text = try c.decodeIfPresent(String.self, forKey: .text)
    }

    /// The overlays a mark of `type` may take (`point`, `line`), the composite marks' `extent`
    /// and their parts.
    private mutating func decodeOverlays(_ c: KeyedDecodingContainer<CodingKeys>, decoder: any Decoder, type: MarkType) throws {
        if [.line, .area, .rule, .trail].contains(type) {
            point = try MarkOverlay.decode(c, .point, type: .point)
        } else if c.contains(.point) {
            throw c.failure(.point, "`point` is an overlay of line, area, rule and trail marks, found it on a \(type.rawValue) mark")
        }
        if type == .area {
            line = try MarkOverlay.decode(c, .line, type: .line)
        } else if c.contains(.line) {
            throw c.failure(.line, "`line` is an overlay of area marks, found it on a \(type.rawValue) mark")
        }
        extent = try c.decodeIfPresent(CompositeExtent.self, forKey: .extent)
        if extent != nil, !type.isComposite {
            throw c.failure(.extent, "`extent` belongs to the errorbar, errorband and boxplot marks, found it on a \(type.rawValue) mark")
        }
        let parts = try decoder.container(keyedBy: AnyKey.self)
        for name in Self.partKeys {
            let key = AnyKey(stringValue: name)
            guard parts.contains(key) else { continue }
            guard let allowed = type.compositeParts, allowed.contains(name) else {
                let owner = type.isComposite ? "another composite mark" : "the errorbar, errorband and boxplot marks"
                let own = type.compositeParts.map { " (its parts: " + $0.joined(separator: ", ") + ")" } ?? ""
                throw parts.failure(key, "`\(name)` is a part of \(owner), found it on a \(type.rawValue) mark\(own)")
            }
            self.parts[name] = try MarkOverlay.decode(parts, key, type: .rule)
        }
    }
}

extension KeyedDecodingContainer {
    /// A string among `choices`.
    func decodeChoice(_ key: Key, _ choices: [String]) throws -> String? {
        guard let text = try decodeIfPresent(String.self, forKey: key) else { return nil }
        guard choices.contains(text) else {
            throw failure(key, "\(key.stringValue) is \(InputExcerpt.quoted(text)), expected one of " + choices.joined(separator: ", "))
        }
        return text
    }
}

extension MarkDef {
    /// This mark with every option `other` sets (an overlay's or a composite part's object
    /// over the defaults).
    mutating func merge(_ other: MarkDef) {
        stack = other.stack ?? stack
        color = other.color ?? color
        opacity = other.opacity ?? opacity
        size = other.size ?? size
        strokeWidth = other.strokeWidth ?? strokeWidth
        strokeDash = other.strokeDash ?? strokeDash
        filled = other.filled ?? filled
        dx = other.dx ?? dx
        dy = other.dy ?? dy
        align = other.align ?? align
        padding = other.padding ?? padding
        let o = other.options
        func take<T>(_ path: WritableKeyPath<MarkOptions, T?>) { if let v = o[keyPath: path] { options[keyPath: path] = v } }
        take(\.fill); take(\.stroke); take(\.fillOpacity); take(\.strokeOpacity); take(\.interpolate); take(\.tension)
        take(\.orient); take(\.clip); take(\.baseline); take(\.angle); take(\.fontSize); take(\.fontStyle); take(\.fontWeight)
        take(\.font); take(\.limit); take(\.text); take(\.x); take(\.y); take(\.x2); take(\.y2); take(\.xOffset); take(\.yOffset)
        take(\.x2Offset); take(\.y2Offset); take(\.width); take(\.height); take(\.cornerRadius); take(\.cornerRadiusEnd)
        take(\.cornerRadiusTopLeft); take(\.cornerRadiusTopRight); take(\.cornerRadiusBottomLeft); take(\.cornerRadiusBottomRight)
        take(\.binSpacing); take(\.continuousBandSize); take(\.thickness); take(\.shape); take(\.style)
        take(\.invalid)
    }
}

extension MarkOptions {
    /// `; did you mean "…"?` for the closest of `known`, or nothing (the message lists them already).
    static func didYouMean(_ name: String, _ known: [String]) -> String {
        NameHint.closest(to: name, in: known).map { "; did you mean \(InputExcerpt.quoted($0))?" } ?? ""
    }
}
