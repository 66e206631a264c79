import CairoKit
import DossierBase
import DossierVegaLite
import Foundation

/// Vega-Lite's colour rules for a mark's rows: a colour field wins, then the mark's `fill`
/// (for the fill) or `stroke` (for the outline or line), then its `color`, then the theme's;
/// `opacity` multiplies `fillOpacity` and `strokeOpacity`.
extension MarkContext {
    /// The fill of row `i` of a filled mark (bar, rect, area, filled point), with its opacity.
    func markFill(_ i: Int, defaultOpacity: Double? = nil) -> Color? {
        let l = layer, o = mark.options
        let base: Color?
        if l.fields[.color] != nil {
            base = chart.fillColor(l, i)
        } else if let fill = o.fill.flatMap(Palette.color) {
            base = fill
        } else {
            base = chart.fillColor(l, i)
        }
        return base.map { alpha($0, mark.opacity ?? defaultOpacity, o.fillOpacity) }
    }

    /// The outline of a filled mark: the mark's `stroke`, if any, with its opacity.
    func markOutline() -> Color? {
        mark.options.stroke.flatMap(Palette.color).map { alpha($0, mark.opacity, mark.options.strokeOpacity) }
    }

    /// The stroke of row `i` of a stroked mark (line, rule, hollow point); `fallback` when
    /// neither a colour field nor the mark gives one.
    func markStroke(_ i: Int, fallback: Color? = nil) -> Color? {
        let l = layer, o = mark.options
        let base: Color?
        if l.fields[.color] != nil {
            base = chart.fillColor(l, i)
        } else if let stroke = o.stroke.flatMap(Palette.color) {
            base = stroke
        } else {
            base = l.fixedColor ?? fallback ?? chart.fillColor(l, i)
        }
        return base.map { alpha($0, mark.opacity, o.strokeOpacity) }
    }

    /// The stroke of a series whose colour is `color` (a line's), with the mark's `stroke` when no field colours it.
    func seriesStroke(_ color: Color) -> Color {
        let o = mark.options
        let base = layer.fields[.color] == nil ? (o.stroke.flatMap(Palette.color) ?? color) : color
        return alpha(base, mark.opacity, o.strokeOpacity)
    }

    private func alpha(_ c: Color, _ opacity: Double?, _ part: Double?) -> Color {
        guard opacity != nil || part != nil else { return c }
        let a = max(0, min(1, opacity ?? 1)) * max(0, min(1, part ?? 1))
        return c.withAlpha(c.alpha * a)
    }

    /// The mark's own shift of channel `c` in points (`xOffset`, `yOffset`, `x2Offset`, `y2Offset`).
    func offset(_ c: Channel) -> Double {
        mark.options.offset(c)
    }
}

extension MarkOptions {
    /// The shift of channel `c` in points (0 when not given).
    func offset(_ c: Channel) -> Double {
        switch c {
        case .x: return xOffset ?? 0
        case .y: return yOffset ?? 0
        case .x2: return x2Offset ?? 0
        case .y2: return y2Offset ?? 0
        default: return 0
        }
    }

    /// The mark's own position for channel `c`, if it gives one.
    func position(_ c: Channel) -> MarkPosition? {
        switch c {
        case .x: return x
        case .y: return y
        case .x2: return x2
        case .y2: return y2
        default: return nil
        }
    }
}

extension ResolvedLayer {
    /// Whether the layer places channel `c` by a field, a value or the mark's own position.
    func placed(_ c: Channel) -> Bool { has(c) || layer.mark.options.position(c) != nil }
}

extension MarkContext {
    /// `c` with the mark's `opacity` and `fillOpacity`.
    func fillAlpha(_ c: Color) -> Color {
        let a = max(0, min(1, mark.opacity ?? 1)) * max(0, min(1, mark.options.fillOpacity ?? 1))
        return c.withAlpha(c.alpha * a)
    }
}
