import CairoKit
import DossierBase
import DossierVegaLite
import Foundation

/// One axis's properties after Vega-Lite's resolution: the channel's `axis` over
/// `config.axisX…`/`config.axis` over Dossier's theme. An optional flag left nil means
/// "Dossier's default": ticks on continuous x axes, a domain line under the plot when y is
/// continuous, gridlines on continuous axes.
struct ResolvedAxis {
    /// `axis: null` or `disable`: nothing drawn, no room taken.
    var hidden: Bool
    /// The merged keys as written.
    var properties: GuideProperties
    var orient: String
    var labels: Bool
    var ticks: Bool?
    var tickSize: Double
    var tickColor: Color
    var tickWidth: Double
    var tickDash: [Double]
    /// Ticks and gridlines of a band axis at the bands' edges (`tickBand: extent`).
    var tickExtent: Bool
    var domain: Bool?
    var domainColor: Color?
    var domainWidth: Double
    var domainDash: [Double]
    var grid: Bool?
    var gridColor: Color?
    var gridWidth: Double
    var gridDash: [Double]
    /// The theme's gridline colour (the default of a conditional `gridColor`).
    var themeGridColor: Color
    var labelFont: Font
    var labelColor: Color
    /// The labels' angle in degrees (nil: Dossier's automatic rotation of crowded bands).
    var labelAngle: Double?
    var labelPadding: Double
    var labelOffset: Double
    var labelFlush: Bool
    /// `labelOverlap: false`: crowded band labels are neither thinned nor rotated.
    var labelOverlap: Bool
    var titleFont: Font
    var titleColor: Color
    var titlePadding: Double?
    var offset: Double
    var minExtent: Double?
    var maxExtent: Double?
    /// `zindex` ≥ 1: gridlines over the marks.
    var front: Bool

    init(_ p: GuideProperties, hidden: Bool, orient: String, theme: Theme) {
        self.hidden = hidden || p.flag("disable") == true
        properties = p
        self.orient = orient
        labels = p.flag("labels") ?? true
        ticks = p.flag("ticks")
        tickSize = p.number("tickSize") ?? theme.tickLength
        let tickLine = Self.line(p, "tick", color: theme.axisColor)
        (tickColor, tickWidth, tickDash) = (tickLine.color ?? .black, tickLine.width, tickLine.dash)
        tickExtent = p.text("tickBand") == "extent"
        domain = p.flag("domain")
        (domainColor, domainWidth, domainDash) = Self.line(p, "domain", color: theme.axisColor)
        grid = p.flag("grid")
        (gridColor, gridWidth, gridDash) = Self.line(p, "grid", color: theme.gridColor)
        themeGridColor = theme.gridColor
        labelFont = Self.font(p, "label", over: theme.labelFont)
        labelColor = Self.faded(p.color("labelColor") ?? theme.mutedTextColor, p.number("labelOpacity")) ?? theme.mutedTextColor
        labelAngle = p.number("labelAngle")
        labelPadding = p.number("labelPadding") ?? 2
        labelOffset = p.number("labelOffset") ?? 0
        labelFlush = p.flag("labelFlush") ?? false
        labelOverlap = p.flag("labelOverlap") ?? true
        titleFont = Self.font(p, "title", over: theme.axisTitleFont)
        titleColor = Self.faded(p.color("titleColor") ?? theme.textColor, p.number("titleOpacity")) ?? theme.textColor
        titlePadding = p.number("titlePadding")
        offset = p.number("offset") ?? 0
        minExtent = p.number("minExtent")
        maxExtent = p.number("maxExtent")
        front = (p.number("zindex") ?? 0) >= 1
    }

    /// `<part>Font`, `<part>FontSize` and `<part>FontWeight` over `base`.
    static func font(_ p: GuideProperties, _ part: String, over base: Font) -> Font {
        var font = base
        if let family = p.text(part + "Font") { font.family = family }
        if let size = p.number(part + "FontSize") { font.size = size }
        if let weight = p.weight(part + "FontWeight") { font.weight = weight }
        return font
    }

    /// One of the axis's lines (`tick`, `domain`, `grid`): `<part>Color` (over `color`) faded
    /// by `<part>Opacity` (nil: not drawn), `<part>Width` (default 0.5) and `<part>Dash`.
    static func line(_ p: GuideProperties, _ part: String, color: Color) -> (color: Color?, width: Double, dash: [Double]) {
        (faded(p.color(part + "Color") ?? color, p.number(part + "Opacity")),
         p.number(part + "Width") ?? 0.5, p.dash(part + "Dash") ?? [])
    }

    /// A colour (nil: not drawn) with an opacity applied.
    static func faded(_ color: Color?, _ opacity: Double?) -> Color? {
        guard var color else { return nil }
        if let opacity { color.alpha *= opacity }
        return color
    }

    /// Whether the tick labels take room.
    var showsLabels: Bool { !hidden && labels }

    /// The room between the axis line and the labels: the tick length (unless `ticks: false`)
    /// and `labelPadding`.
    var labelGap: Double { tickGap + labelPadding }

    /// The tick length that separates the labels from the axis line (0 with `ticks: false`).
    var tickGap: Double { ticks == false ? 0 : max(0, tickSize) }

    /// The label band's extent clamped to `minExtent`…`maxExtent`.
    func clampedExtent(_ extent: Double) -> Double {
        var e = extent
        if let minExtent { e = max(e, minExtent) }
        if let maxExtent { e = min(e, maxExtent) }
        return e
    }

    /// The text anchor and baseline of a label at `angle` degrees on a bottom x axis or a
    /// left y axis (Vega-Lite's defaults), unless `labelAlign`/`labelBaseline` are given.
    func labelPlacement(angle: Double, x: Bool) -> (TextAnchor, TextBaseline) {
        let a = ((angle.truncatingRemainder(dividingBy: 360)) + 360).truncatingRemainder(dividingBy: 360)
        var anchor: TextAnchor, baseline: TextBaseline
        if x {
            anchor = a.truncatingRemainder(dividingBy: 180) == 0 ? .middle : ((0 < a && a < 180) ? .start : .end)
            baseline = (45 < a && a < 135) || (225 < a && a < 315) ? .middle : ((a <= 45 || 315 <= a) ? .top : .bottom)
        } else {
            anchor = (a + 90).truncatingRemainder(dividingBy: 180) == 0 ? .middle : ((90 < a && a < 270) ? .start : .end)
            baseline = (a <= 45 || 315 <= a || (135 <= a && a <= 225)) ? .middle : ((45 <= a && a <= 135) ? .top : .bottom)
        }
        switch properties.text("labelAlign") {
        case "left": anchor = .start
        case "center": anchor = .middle
        case "right": anchor = .end
        default: break
        }
        switch properties.text("labelBaseline") {
        case "top", "line-top": baseline = .top
        case "middle": baseline = .middle
        case "bottom", "line-bottom": baseline = .bottom
        case "alphabetic": baseline = .alphabetic
        default: break
        }
        return (anchor, baseline)
    }

    /// The label text after `labelExpr` (`datum.value`, `datum.label`).
    func labelText(value: Double?, key: String?, label: String) -> String {
        properties.labelText(value: value, key: key, label: label)
    }
}
