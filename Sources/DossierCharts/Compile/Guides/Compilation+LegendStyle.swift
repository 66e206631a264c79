import CairoKit
import DossierVegaLite
import Foundation

extension Compilation {
    /// The values a gradient legend marks: the legend's `values` inside the scale's domain,
    /// else the scale's ticks.
    func legendTicks(_ scale: ColorScale, _ style: ResolvedLegend) -> [Double] {
        guard let values = style.properties.list("values") else { return scale.ticks }
        let lo = min(scale.lo, scale.hi), hi = max(scale.lo, scale.hi)
        return values.compactMap(\.number).filter { $0 >= lo && $0 <= hi }
    }

    /// The labels of a gradient legend's values: the legend's `format` or the scale's, then
    /// `labelExpr`.
    func legendLabels(_ scale: ColorScale, _ ticks: [Double], _ style: ResolvedLegend) -> [String] {
        let format = style.properties.text("format").map { NumberFormat($0) } ?? scale.format
        return ticks.map { style.labelText(value: $0, key: nil, label: format.string($0)) }
    }

    /// A legend whose title is not where Dossier puts it by default (`titleOrient`): the
    /// body without a title, and the title to its left or over it.
    func titled(_ scale: ColorScale, _ title: String, style: ResolvedLegend, noData: Bool, available: Double,
                left: Bool) throws -> LegendBlock {
        let size = try measure(title, style.titleFont)
        let text = LegendText(title: "", titleSize: nil, labelHeight: try measure("Hg", style.labelFont).h, noData: noData, style: style)
        let body = try legendBodyWithoutTitle(scale, text, horizontal: style.horizontal,
                                              available: left ? max(20, available - size.w - 8) : available)
        let width = left ? size.w + 8 + body.width : max(size.w, body.width)
        let height = left ? max(size.h, body.height) : size.h + 4 + body.height
        let font = style.titleFont, color = style.titleColor
        return LegendBlock(width: width, height: height) { origin in
            let titleItem = try self.textItem("legend/title", title, font: font, color: color, at: origin)
            let bodyOrigin = left ? ScenePoint(origin.x + size.w + 8, origin.y) : ScenePoint(origin.x, origin.y + size.h + 4)
            return [.text(titleItem)] + (try body.emit(bodyOrigin))
        }
    }
}
