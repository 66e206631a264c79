import CairoKit
import DossierBase
import DossierVegaLite
import Foundation

/// The colour legend's properties after Vega-Lite's resolution: the colour channel's
/// `legend` over `config.legend` over Dossier's theme. Nil options keep Dossier's defaults.
struct ResolvedLegend {
    /// The merged keys as written.
    var properties: GuideProperties
    /// `right` (default), `left`, `top`, `bottom`, `none` or a corner inside the plot
    /// (`top-left`, `top-right`, `bottom-left`, `bottom-right`).
    var orient: String
    /// Entries in rows (`direction: horizontal`, the default at the top and bottom) or in a
    /// column.
    var horizontal: Bool
    /// The gap between the plot and the legend (the corner legends: from the plot's edges).
    var offset: Double?
    /// `titleOrient` as given (nil: Dossier's default, over a column, beside rows).
    var titleOrient: String?
    var gradientLength: Double?
    var gradientThickness: Double?
    /// Entries per row (`columns`; 0 or nil: as many as fit).
    var columns: Int?
    /// `symbolType`: the swatch shape instead of the one the marks suggest.
    var symbolType: String?
    /// `symbolSize` (an area in square points) as the swatch's side.
    var symbolSide: Double?
    var labelFont: Font
    var titleFont: Font
    var labelColor: Color
    var titleColor: Color

    init(_ p: GuideProperties, position: String?, theme: Theme) {
        properties = p
        let orient = position ?? p.text("orient") ?? "right"
        self.orient = LegendProperties.orients.contains(orient) ? orient : "right"
        let direction = p.text("direction")
        horizontal = direction.map { $0 == "horizontal" } ?? (self.orient == "top" || self.orient == "bottom")
        offset = p.number("offset")
        titleOrient = p.text("titleOrient")
        gradientLength = p.number("gradientLength")
        gradientThickness = p.number("gradientThickness")
        columns = p.number("columns").map { Int($0) }
        symbolType = p.text("symbolType")
        symbolSide = p.number("symbolSize").map { $0.squareRoot() }
        labelFont = theme.labelFont
        if let size = p.number("labelFontSize") { labelFont.size = size }
        titleFont = theme.axisTitleFont
        if let size = p.number("titleFontSize") { titleFont.size = size }
        labelColor = p.color("labelColor").flatMap { $0 } ?? theme.textColor
        titleColor = p.color("titleColor").flatMap { $0 } ?? theme.textColor
    }

    /// Whether the legend sits inside the plot, in a corner.
    var inCorner: Bool { orient.contains("-") }

    /// A label after `labelExpr` (`datum.value`, `datum.label`).
    func labelText(value: Double?, key: String?, label: String) -> String {
        properties.labelText(value: value, key: key, label: label)
    }
}

extension Compilation {
    /// The colour legend's properties: the first colour channel's `legend` that sets some
    /// over `config.legend`; the side from the chart's `legend.position` (which a channel's
    /// `orient` fills).
    func resolvedLegend() -> ResolvedLegend {
        let own = layers.compactMap { $0.defs[.color]?.legend?.properties }.first { !$0.values.isEmpty } ?? GuideProperties()
        return ResolvedLegend(own.merged(over: theme.config.legend), position: spec.legend?.position, theme: theme)
    }

    /// Where a corner legend goes inside the plot area of `grid`.
    func cornerOrigin(_ legend: LegendBlock, style: ResolvedLegend, grid: PanelGrid) -> ScenePoint {
        let left = grid.panels.map(\.rect.x).min() ?? 0, right = grid.panels.map(\.rect.maxX).max() ?? width
        let top = grid.panels.map(\.rect.y).min() ?? 0, bottom = grid.panels.map(\.rect.maxY).max() ?? height
        let off = style.offset ?? 8
        let x = style.orient.hasSuffix("left") ? left + off : right - off - legend.width
        let y = style.orient.hasPrefix("top") ? top + off : bottom - off - legend.height
        return ScenePoint(x, y)
    }
}
