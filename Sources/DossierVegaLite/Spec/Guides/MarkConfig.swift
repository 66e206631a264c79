import DossierBase

/// The mark defaults of `config.mark`, `config.<mark>` (`config.bar`, `config.area`…) and
/// `config.style.<name>`: the mark keys they may set and how the defaults fill a mark's
/// unset keys (Vega-Lite's order: the mark's own keys, then its `style`s, the last winning,
/// then `config.<mark>`, then `config.mark`).
enum MarkConfig {
    /// The keys a mark config sets, and what each takes.
    static let table: [String: GuideKind] = [
        "color": .color, "opacity": .number(ChartLimits.opacity), "size": .number(ChartLimits.markSize),
        "strokeWidth": .number(ChartLimits.strokeWidth), "strokeDash": .dash, "filled": .flag,
        "fill": .color, "stroke": .color,
        "fillOpacity": .number(ChartLimits.opacity), "strokeOpacity": .number(ChartLimits.opacity),
        "interpolate": .choice(PathInterpolation.allCases.map(\.rawValue)),
        "tension": .number(NumberRule(name: "tension", min: 0, max: 1, unit: "")),
        "orient": .choice(["vertical", "horizontal"]),
        "clip": .flag,
        "align": .choice(["left", "center", "right"]),
        "baseline": .choice(["top", "middle", "bottom", "alphabetic", "line-top", "line-bottom"]),
        "dx": .number(ChartLimits.offset), "dy": .number(ChartLimits.offset),
        "angle": .number(NumberRule(name: "angle", min: -360, max: 360, unit: "degrees")),
        "font": .text, "fontSize": .number(GuideLimits.fontSize), "fontWeight": .fontWeight,
        "fontStyle": .choice(["normal", "italic", "oblique"]),
        "limit": .number(MarkOptions.length),
        "cornerRadius": .number(MarkOptions.length), "cornerRadiusEnd": .number(MarkOptions.length),
        "cornerRadiusTopLeft": .number(MarkOptions.length), "cornerRadiusTopRight": .number(MarkOptions.length),
        "cornerRadiusBottomLeft": .number(MarkOptions.length), "cornerRadiusBottomRight": .number(MarkOptions.length),
        "binSpacing": .number(MarkOptions.length), "continuousBandSize": .number(MarkOptions.length),
        "thickness": .number(MarkOptions.length),
        "shape": .choice(SymbolShape.names),
        "invalid": .choiceOrNull(["filter", "show"]),
    ].merging(AccessibilityKeys.guideTable) { own, _ in own }

    /// Fills the keys `mark` leaves unset from `defaults`.
    static func fill(_ mark: inout MarkDef, from defaults: GuideProperties) {
        if mark.color == nil, let color = defaults.text("color") { mark.color = color }
        mark.opacity = mark.opacity ?? defaults.number("opacity")
        mark.size = mark.size ?? defaults.number("size")
        mark.strokeWidth = mark.strokeWidth ?? defaults.number("strokeWidth")
        if mark.strokeDash == nil, case .dash(let dash)? = defaults["strokeDash"] { mark.strokeDash = dash }
        mark.filled = mark.filled ?? defaults.flag("filled")
        mark.dx = mark.dx ?? defaults.number("dx")
        mark.dy = mark.dy ?? defaults.number("dy")
        mark.align = mark.align ?? defaults.text("align")
        var o = mark.options
        o.fill = o.fill ?? defaults.text("fill")
        o.stroke = o.stroke ?? defaults.text("stroke")
        o.fillOpacity = o.fillOpacity ?? defaults.number("fillOpacity")
        o.strokeOpacity = o.strokeOpacity ?? defaults.number("strokeOpacity")
        o.interpolate = o.interpolate ?? defaults.text("interpolate").flatMap(PathInterpolation.init(rawValue:))
        o.tension = o.tension ?? defaults.number("tension")
        o.orient = o.orient ?? defaults.text("orient").flatMap { ["vertical", "horizontal"].contains($0) ? $0 : nil }
        o.clip = o.clip ?? defaults.flag("clip")
        o.baseline = o.baseline ?? defaults.text("baseline")
        o.angle = o.angle ?? defaults.number("angle")
        o.font = o.font ?? defaults.text("font")
        o.fontSize = o.fontSize ?? defaults.number("fontSize")
        if o.fontWeight == nil {
            switch defaults["fontWeight"] {
            case .text(let s)?: o.fontWeight = s
            case .number(let n)?: o.fontWeight = String(Int(n))
            default: break
            }
        }
        o.fontStyle = o.fontStyle ?? defaults.text("fontStyle")
        o.limit = o.limit ?? defaults.number("limit")
        o.cornerRadius = o.cornerRadius ?? defaults.number("cornerRadius")
        o.cornerRadiusEnd = o.cornerRadiusEnd ?? defaults.number("cornerRadiusEnd")
        o.cornerRadiusTopLeft = o.cornerRadiusTopLeft ?? defaults.number("cornerRadiusTopLeft")
        o.cornerRadiusTopRight = o.cornerRadiusTopRight ?? defaults.number("cornerRadiusTopRight")
        o.cornerRadiusBottomLeft = o.cornerRadiusBottomLeft ?? defaults.number("cornerRadiusBottomLeft")
        o.cornerRadiusBottomRight = o.cornerRadiusBottomRight ?? defaults.number("cornerRadiusBottomRight")
        o.binSpacing = o.binSpacing ?? defaults.number("binSpacing")
        o.continuousBandSize = o.continuousBandSize ?? defaults.number("continuousBandSize")
        o.thickness = o.thickness ?? defaults.number("thickness")
        if o.shape == nil, let shape = defaults.text("shape"), SymbolShape(name: shape) != nil { o.shape = shape }
        if o.invalid == nil, let given = defaults["invalid"] {
            o.invalid = given == .null ? .show : defaults.text("invalid").flatMap(InvalidDataMode.init(rawValue:))
        }
        mark.options = o
    }
}
