import CairoKit
import DossierBase
import DossierVegaLite
import Foundation

/// Compiles a ``ChartSpec`` and its data into a ``Scene``: bind fields, stack, train scales,
/// lay out with measured text, then emit marks, axes, legends and titles. Nothing is drawn.
public enum ChartCompiler {
    /// Compiles `spec` over `data` (tables keyed by the names layers use).
    /// - Throws: ``ChartError`` naming the layer, channel and field at fault.
    public static func compile(_ spec: ChartSpec, data: [String: ChartData], typesetter: Typesetter,
                               theme: Theme = .briefing) throws -> Scene {
        let data = data.merging(spec.inlineData) { given, _ in given }
        if let composition = spec.composition {
            return try CompositionCompiler.compile(spec, composition, data: data, typesetter: typesetter, theme: theme.applying(spec.config))
        }
        // Vega-Lite's `width` and `height` are the plot area's (each panel's, when faceted):
        // the titles, axes, legend and notes are added around it. The sizes are checked as
        // given, before the room around the plot is added.
        if let problem = spec.limitProblem() { throw ChartError.invalidSpec(problem) }
        if ViewSizing.applies(to: spec) {
            return try ViewSizing.compile(spec, data: data, typesetter: typesetter, theme: theme.applying(spec.config))
        }
        if spec.widthRule == .container || spec.heightRule == .container {
            // vl-convert has no container: it draws the whole chart 300 points wide (or high).
            return try Compilation(spec: ViewSizing.resolvingContainer(spec).applyingConfig().withPolarDefaultSize(), data: data,
                                   typesetter: typesetter, theme: theme.applying(spec.config)).run()
        }
        return try CompositionCompiler.unitScene(spec.applyingConfig().withPolarDefaultSize(), data: data, typesetter: typesetter,
                                                 theme: theme.applying(spec.config))
    }
}

/// The trained position scales of a chart, and which axes it has.
struct PositionScales {
    var x = PositionScale(kind: .continuous)
    var y = PositionScale(kind: .continuous)
    var y2: PositionScale?
    var hasX = false
    var hasY = false
}

/// One compile run. Each step of ``run()`` returns its result, which `run()` keeps for the
/// steps after it: bound layers, facet panels, the colour scale, the position scales, the
/// layout; nothing else is written to during a run.
final class Compilation {
    let spec: ChartSpec
    let data: [String: ChartData]
    let typesetter: Typesetter
    let theme: Theme
    let width: Double
    let height: Double

    /// The layers bound to their data (and stacked): ``resolveLayers()``, ``stacked(_:)``.
    private(set) var layers: [ResolvedLayer] = []
    /// The facet values, one panel each (`[nil]` without facets): ``trainFacets()``.
    private(set) var panelKeys: [String?] = [nil]
    /// ``trainColor()``.
    private(set) var color: ColorScale?
    /// ``trainPositions(panelSize:)``, then sized to the panels by ``layOut()``.
    private(set) var scales = PositionScales()
    /// The scales of opacity, size, shape, strokeDash, offsets…: ``trainChannelScales()``.
    private(set) var channelScales = ChannelScales()

    var x: PositionScale { scales.x }
    var y: PositionScale { scales.y }
    var y2: PositionScale? { scales.y2 }
    var hasX: Bool { scales.hasX }
    var hasY: Bool { scales.hasY }
    /// A map: some layer draws shapes or places marks by longitude.
    var isMap: Bool { layers.contains { $0.mark == .geoshape || $0.has(.longitude) } }

    init(spec: ChartSpec, data: [String: ChartData], typesetter: Typesetter, theme: Theme) {
        self.spec = spec
        self.data = data
        self.typesetter = typesetter
        self.theme = theme
        self.width = spec.width ?? 480
        self.height = spec.height ?? 300
    }

    func run() throws -> Scene {
        guard !spec.layers.isEmpty else { throw ChartError.invalidSpec("a chart needs at least one layer") }
        if let problem = spec.limitProblem() { throw ChartError.invalidSpec(problem) }
        layers = try resolveLayers()
        panelKeys = try trainFacets()
        color = try trainColor()
        channelScales = try trainChannelScales()
        layers = stacked(layers)
        scales = try trainPositions(panelSize: nil)
        try checkAnnotations()
        let mapInfo = try prepareMap()
        var layout = try layOut(mapInfo: mapInfo)
        // Second pass: ticks chosen for the real panel size rather than an estimate.
        if let first = layout.grid.panels.first {
            scales = try trainPositions(panelSize: (first.rect.width, first.rect.height))
            layout = try layOut(mapInfo: mapInfo)
        }
        scales = layout.grid.scales
        return try emit(layout)
    }

    // MARK: - Text measurement

    /// Size and baseline of `text`; the typesetter keeps the layout, so measuring the same
    /// text again (and drawing it later) does not shape it again.
    func measure(_ text: String, _ font: Font, wrap: Double? = nil) throws -> (w: Double, h: Double, ascent: Double) {
        do {
            let layout = try typesetter.layout(text, font: font, width: wrap)
            let size = layout.size
            return (size.width, size.height, layout.baseline)
        } catch {
            throw ChartError.text(error.description)
        }
    }

    func textItem(_ id: String, _ text: String, font: Font, color: Color, at p: ScenePoint,
                  anchor: TextAnchor = .start, baseline: TextBaseline = .top, rotation: Double = 0,
                  wrap: Double? = nil, align: TextAnchor? = nil) throws -> SceneText {
        let m = try measure(text, font, wrap: wrap)
        var item = SceneText(id: id, text: text, font: font, color: color, position: p, anchor: anchor,
                             baseline: baseline, rotation: rotation, wrapWidth: wrap, width: m.w, height: m.h, ascent: m.ascent)
        if let wrap, let align {
            // Aligned wrapped text: the box is the whole wrap width.
            item.width = wrap
            item.alignment = align
        }
        return item
    }

    /// The widest a band-axis label on the left may be before it wraps.
    var yLabelCap: Double { max(60, width * 0.28) }
}
