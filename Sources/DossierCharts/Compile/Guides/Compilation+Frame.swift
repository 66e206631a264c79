import CairoKit
import DossierBase
import DossierVegaLite
import Foundation

extension Compilation {
    /// The chart title's style: the spec's title object over `config.title`.
    var titleStyle: GuideProperties { spec.titleStyle.merged(over: theme.config.title) }

    /// The title's (or with `subtitle` the subtitle's) font from `font`, `fontSize`,
    /// `fontWeight` and `fontStyle` (`subtitleFont`… for the subtitle).
    func titleFont(subtitle: Bool) -> Font {
        let style = titleStyle, prefix = subtitle ? "subtitle" : ""
        func key(_ name: String) -> String { subtitle ? prefix + name.prefix(1).uppercased() + name.dropFirst() : name }
        var font = subtitle ? theme.subtitleFont : theme.titleFont
        if let family = style.text(key("font")) { font.family = family }
        if let size = style.number(key("fontSize")) { font.size = size }
        if let weight = style.weight(key("fontWeight")) { font.weight = weight }
        if let italic = style.text(key("fontStyle")) { font.italic = italic == "italic" }
        return font
    }

    /// Where the title lines start, how they are anchored and aligned (`anchor`).
    func titleAnchor(contentWidth: Double) -> (x: Double, anchor: TextAnchor, align: TextAnchor?) {
        switch titleStyle.text("anchor") {
        case "middle": return (theme.padding + contentWidth / 2, .middle, .middle)
        case "end": return (theme.padding + contentWidth, .end, .end)
        default: return (theme.padding, .start, nil)
        }
    }

    /// The view's fill and frame (`config.view` / the chart's `view`: `fill`, `stroke`,
    /// `strokeWidth`, `strokeDash`, opacities) behind a panel; nothing by default.
    func viewItems(_ panel: Panel, id: String) -> [SceneItem] {
        let view = theme.config.view
        var fill = view.color("fill").flatMap { $0 }
        if let opacity = view.number("fillOpacity") { fill?.alpha *= opacity }
        var stroke = view.color("stroke").flatMap { $0 }
        if let opacity = view.number("strokeOpacity") { stroke?.alpha *= opacity }
        let strokeWidth = view.number("strokeWidth") ?? 1
        if strokeWidth == 0 { stroke = nil }
        guard fill != nil || stroke != nil else { return [] }
        return [.path(ScenePath(id: "\(id)/view", segments: [.rect(panel.rect)], fill: fill, stroke: stroke,
                                lineWidth: strokeWidth, dash: view.dash("strokeDash") ?? []))]
    }
}
