import DossierBase

extension Encoding {
    /// Decodes Vega-Lite's further channels (``Channel/further``) and checks their constant
    /// values: opacities within 0…1, a stroke width within 0…50 points, a known symbol shape,
    /// a dash pattern, a CSS colour for `fill` and `stroke`.
    static func decodeFurther(_ decoder: any Decoder) throws -> [Channel: ChannelDef] {
        let c = try decoder.container(keyedBy: AnyKey.self)
        var result: [Channel: ChannelDef] = [:]
        for channel in Channel.further {
            let key = AnyKey(stringValue: channel.rawValue)
            guard c.contains(key), try !c.decodeNil(forKey: key) else { continue }
            // Vega-Lite allows a list of definitions for tooltips; static output ignores them.
            if channel == .tooltip || channel == .href {
                result[channel] = ChannelDef()
                continue
            }
            let def = try c.decode(ChannelDef.self, forKey: key)
            let constants = [def.value] + (def.condition?.clauses.map(\.value) ?? [])
            for value in constants.compactMap({ $0 }) {
                if let problem = valueProblem(channel, value) {
                    throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [key, AnyKey(stringValue: "value")],
                                                            debugDescription: problem))
                }
            }
            result[channel] = def
        }
        return result
    }

    /// The problem with a constant `value` of `channel`, or nil.
    static func valueProblem(_ channel: Channel, _ value: ChartValue) -> String? {
        switch channel {
        case .opacity, .fillOpacity, .strokeOpacity:
            guard let v = value.number, case .number = value else { return "\(channel.rawValue) value \(InputExcerpt.quoted(value.key)) is not a number, expected 0 to 1" }
            return ChartLimits.opacity.problem(v, as: "\(channel.rawValue) value")
        case .strokeWidth:
            guard let v = value.number, case .number = value else { return "strokeWidth value \(InputExcerpt.quoted(value.key)) is not a number, expected 0 to 50 points" }
            return v == 0 ? nil : ChartLimits.strokeWidth.problem(v, as: "strokeWidth value")
        case .shape:
            guard case .string(let name) = value, SymbolShape(rawValue: name) != nil else {
                return "unknown shape \(InputExcerpt.quoted(value.key)), expected one of " + SymbolShape.allCases.map(\.rawValue).joined(separator: ", ")
                    + NameHint.hint(for: value.key, known: SymbolShape.allCases.map(\.rawValue))
            }
            return nil
        case .fill, .stroke:
            return colorValueProblem(value)
        case .strokeDash:
            return "a strokeDash value is \(InputExcerpt.quoted(value.key)), expected a dash pattern such as [4, 2]"
        default:
            return nil
        }
    }
}

/// Vega-Lite's point symbols (Vega's `shape` names), in the order of its default `symbol`
/// range: circle, square, triangle-up, cross, diamond, triangle-right, triangle-down,
/// triangle-left, then the stroke shapes.
public enum SymbolShape: String, Sendable, CaseIterable, Equatable {
    /// A disc.
    case circle
    /// A square.
    case square
    /// An upward triangle.
    case triangleUp = "triangle-up"
    /// A plus-shaped cross.
    case cross
    /// A diamond.
    case diamond
    /// A right-pointing triangle.
    case triangleRight = "triangle-right"
    /// A downward triangle.
    case triangleDown = "triangle-down"
    /// A left-pointing triangle.
    case triangleLeft = "triangle-left"
    /// An upward triangle (Vega's `triangle`).
    case triangle
    /// A vertical line (stroked).
    case stroke
    /// A right-pointing arrow (stroked).
    case arrow
    /// A wedge (a narrow triangle pointing up).
    case wedge
}
