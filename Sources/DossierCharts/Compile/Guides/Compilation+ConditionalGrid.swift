import CairoKit
import DossierBase
import DossierVegaLite

/// One gridline's look.
struct GridLineStyle: Equatable {
    var color: Color
    var width: Double
    var dash: [Double]
}

extension ResolvedAxis {
    /// Whether a grid key is given as a ``GuideCondition`` (`gridColor: {condition: …}`).
    var hasConditionalGrid: Bool {
        GuideCondition.keys.contains { properties.condition($0) != nil }
    }

    /// The gridline's look at one tick: each conditional key's branch for that tick, the
    /// others as resolved; nil when its colour is `null` or transparent (no line).
    func gridStyle(value: Double?, key: String?, label: String, index: Int) -> GridLineStyle? {
        func resolved(_ name: String) -> GuideValue? {
            guard let condition = properties.condition(name) else { return properties[name] }
            return condition.value(tickValue: value, key: key, label: label, index: index)
        }
        var color: Color?
        switch resolved("gridColor") {
        case .text(let s)?: color = Palette.color(s).flatMap { $0.alpha == 0 ? nil : $0 }
        case .null?: color = nil
        default: color = themeGridColor
        }
        var opacity: Double?
        if case .number(let n)? = resolved("gridOpacity") { opacity = n }
        guard let faded = Self.faded(color, opacity) else { return nil }
        var width = gridWidth
        if case .number(let n)? = resolved("gridWidth") { width = n }
        var dash = gridDash
        if case .dash(let d)? = resolved("gridDash") { dash = d }
        return GridLineStyle(color: faded, width: width, dash: dash)
    }
}

extension Compilation {
    /// Gridlines whose look changes from tick to tick (a conditional `gridColor`, `gridOpacity`,
    /// `gridWidth` or `gridDash`): one path per look, in the order the looks first appear; nil
    /// when no grid key is conditional (or the gridlines sit at the bands' edges).
    func conditionalGridPaths(_ axis: ResolvedAxis, _ scale: PositionScale, vertical: Bool, rect r: SceneRect,
                              id: String) -> [ScenePath]? {
        guard axis.hasConditionalGrid, !(scale.kind == .band && axis.tickExtent) else { return nil }
        var looks: [(style: GridLineStyle, segments: [PathSegment])] = []
        for (index, tick) in axisTicks(scale, axis).enumerated() {
            let position = scale.kind == .band ? tick.key.flatMap(scale.bandCenter) : tick.value.map(scale.map)
            guard let t = position,
                  let style = axis.gridStyle(value: tick.value, key: tick.key, label: tick.text, index: index) else { continue }
            let line: [PathSegment] = vertical
                ? [.move(ScenePoint(r.x + t, r.y)), .line(ScenePoint(r.x + t, r.maxY))]
                : [.move(ScenePoint(r.x, r.y + t)), .line(ScenePoint(r.maxX, r.y + t))]
            if let n = looks.firstIndex(where: { $0.style == style }) {
                looks[n].segments += line
            } else {
                looks.append((style, line))
            }
        }
        return looks.enumerated().map { n, look in
            ScenePath(id: n == 0 ? id : "\(id)/\(n)", segments: look.segments, stroke: look.style.color,
                      lineWidth: look.style.width, dash: look.style.dash)
        }
    }
}
