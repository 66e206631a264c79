import DossierBase
/// A visual channel.
public enum Channel: String, Sendable, CaseIterable, Hashable {
    /// Horizontal position.
    case x
    /// Vertical position.
    case y
    /// Second horizontal position (interval end, rule end).
    case x2
    /// Second vertical position (band bottom/top, rule end).
    case y2
    /// Fill or stroke colour.
    case color
    /// Point size (area).
    case size
    /// Text of a text mark, or the label of a point.
    case text
    /// Grouping without a visual effect (one line per group).
    case detail
    /// Order of points along a line.
    case order
    /// Longitude in degrees (projected with the chart's projection).
    case longitude
    /// Latitude in degrees.
    case latitude
    // Vega-Lite's further channels (Compile/Channels): their definitions live in
    // `Encoding.channels`.
    /// Opacity of the whole mark (a scale of 0.3…0.8, or a constant).
    case opacity
    /// Opacity of the fill.
    case fillOpacity
    /// Opacity of the stroke.
    case strokeOpacity
    /// Stroke width (a scale of 1…4 points, or a constant).
    case strokeWidth
    /// Point symbol (circle, square, cross, diamond, triangles).
    case shape
    /// Dash pattern of lines and strokes.
    case strokeDash
    /// Fill colour (a constant; a field shares the colour scale).
    case fill
    /// Stroke colour (a constant; a field shares the colour scale).
    case stroke
    /// Tooltip: accepted and ignored (static output has no hover).
    case tooltip
    /// Link: accepted and ignored (static output has no links on marks).
    case href
    /// Position inside an x band (grouped bars).
    case xOffset
    /// Position inside a y band.
    case yOffset
    /// The angle of an arc (stacked: each slice's share of the circle).
    case theta
    /// The radius of an arc.
    case radius
}

extension Channel {
    /// The channels decoded into ``Encoding/channels`` (not stored properties).
    static let further: [Channel] = [.opacity, .fillOpacity, .strokeOpacity, .strokeWidth, .shape, .strokeDash,
                                     .fill, .stroke, .tooltip, .href, .xOffset, .yOffset, .theta, .radius]
}

/// The channels of a layer. `label` is accepted as a synonym of `text`, `group` of `detail`.
public struct Encoding: Sendable, Decodable, Equatable {
    /// Horizontal position.
    public var x: ChannelDef?
    /// Vertical position.
    public var y: ChannelDef?
    /// Second horizontal position.
    public var x2: ChannelDef?
    /// Second vertical position.
    public var y2: ChannelDef?
    /// Colour.
    public var color: ChannelDef?
    /// Point size.
    public var size: ChannelDef?
    /// Text or point label.
    public var text: ChannelDef?
    /// Grouping.
    public var detail: ChannelDef?
    /// Line order.
    public var order: ChannelDef?
    /// Longitude.
    public var longitude: ChannelDef?
    /// Latitude.
    public var latitude: ChannelDef?
    /// The further channels (``Channel/further``): opacity, shape, strokeDash, xOffset…
    public var channels: [Channel: ChannelDef] = [:]

    /// This encoding with the channels it lacks taken from `parent`, and the keys its field
    /// definitions leave out taken from the parent's on the same channel (Vega-Lite: a layer
    /// inherits its parent's encoding, channel by channel; ``ChannelDef/inheriting(_:)``).
    func inheriting(_ parent: Encoding) -> Encoding {
        var merged = self
        for channel in Channel.allCases {
            guard let inherited = parent[channel] else { continue }
            merged[channel] = merged[channel]?.inheriting(inherited) ?? inherited
        }
        return merged
    }

    /// Creates an encoding in code.
    public init(x: ChannelDef? = nil, y: ChannelDef? = nil, x2: ChannelDef? = nil, y2: ChannelDef? = nil,
                color: ChannelDef? = nil, size: ChannelDef? = nil, text: ChannelDef? = nil,
                detail: ChannelDef? = nil, order: ChannelDef? = nil, longitude: ChannelDef? = nil,
                latitude: ChannelDef? = nil) {
        self.x = x; self.y = y; self.x2 = x2; self.y2 = y2; self.color = color; self.size = size
        self.text = text; self.detail = detail; self.order = order; self.longitude = longitude; self.latitude = latitude
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case x, y, x2, y2, color, size, text, label, detail, group, order, longitude, latitude
    }

    /// Decodes the channels.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, also: Self.facetChannels + Channel.further.map(\.rawValue), what: "an encoding",
                                             notYetSupported: VegaLiteUnsupportedKeys.encoding)
        x = try c.decodeIfPresent(ChannelDef.self, forKey: .x)
        y = try c.decodeIfPresent(ChannelDef.self, forKey: .y)
        x2 = try c.decodeIfPresent(ChannelDef.self, forKey: .x2)
        y2 = try c.decodeIfPresent(ChannelDef.self, forKey: .y2)
        color = try c.decodeIfPresent(ChannelDef.self, forKey: .color)
        size = try c.decodeIfPresent(ChannelDef.self, forKey: .size)
        text = try c.decodeIfPresent(ChannelDef.self, forKey: .text) ?? c.decodeIfPresent(ChannelDef.self, forKey: .label)
        detail = try c.decodeIfPresent(ChannelDef.self, forKey: .detail) ?? c.decodeIfPresent(ChannelDef.self, forKey: .group)
        order = try c.decodeIfPresent(ChannelDef.self, forKey: .order)
        longitude = try c.decodeIfPresent(ChannelDef.self, forKey: .longitude)
        latitude = try c.decodeIfPresent(ChannelDef.self, forKey: .latitude)
        channels = try Self.decodeFurther(decoder)
        for (key, def) in [(CodingKeys.x, x), (.y, y), (.x2, x2), (.y2, y2)] {
            if let value = def?.value {
                throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [key, AnyKey(stringValue: "value")],
                                                        debugDescription: PositionValue.migration(channel: key.stringValue, value: value)))
            }
        }
        if let value = color?.value, let problem = Self.colorValueProblem(value) {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [CodingKeys.color, AnyKey(stringValue: "value")],
                                                    debugDescription: problem))
        }
    }

    /// The problem with a constant `value` of the colour channel (it must be a CSS colour), or nil.
    static func colorValueProblem(_ value: ChartValue) -> String? {
        guard case .string(let text) = value else {
            return "a color value is the number \(value.key), expected a colour such as \"steelblue\" or \"#0072B2\""
        }
        return SpecChecks.color(text)?.message
    }

    /// Vega-Lite's facet channels, read by the chart (``FacetSpec/fromEncodingChannels(_:)``).
    static let facetChannels = ["row", "column", "facet"]

    /// The definition for `channel`, if set. A switch over the stored properties, not a key
    /// path: `\Encoding.channels[channel]` captures its argument, so the runtime built a new key
    /// path object at every call, and chart compilation and the HTML writer call this thousands of
    /// times a build (3% of a 1× flagship build's CPU in `perf`).
    public subscript(channel: Channel) -> ChannelDef? {
        get {
            switch channel {
            case .x: return x
            case .y: return y
            case .x2: return x2
            case .y2: return y2
            case .color: return color
            case .size: return size
            case .text: return text
            case .detail: return detail
            case .order: return order
            case .longitude: return longitude
            case .latitude: return latitude
            default: return channels[channel]
            }
        }
        set {
            switch channel {
            case .x: x = newValue
            case .y: y = newValue
            case .x2: x2 = newValue
            case .y2: y2 = newValue
            case .color: color = newValue
            case .size: size = newValue
            case .text: text = newValue
            case .detail: detail = newValue
            case .order: order = newValue
            case .longitude: longitude = newValue
            case .latitude: latitude = newValue
            default: channels[channel] = newValue
            }
        }
    }
}
