import CairoKit
import DossierVegaLite

/// Vega-Lite's view sizes, for a chart whose `width` or `height` is `{step: N}` or whose
/// `config.view` sets a `step`: then `width` and `height` are the plot area's (each panel's),
/// as in Vega-Lite (vega-lite src/compile/layoutsize):
/// - a discrete axis (band or point scale) is `step × (n − paddingInner + 2·paddingOuter)`
///   points long for its n categories — for a point scale (paddingInner 1, padding 0.5) that
///   is `step × n`; the step is the spec's, else `config.view.discreteWidth/Height: {step}`,
///   else `config.view.step`, else 20; a `discreteWidth/Height` in points wins over the step
///   of the config;
/// - a continuous axis (and a map's or a pie's) is `config.view.continuousWidth/Height`, else
///   200 (``CompositionCompiler/defaultPlotSize``); a `{step}` on it is ignored, as Vega-Lite
///   ignores it;
/// - a chart without that axis is one step long (a strip of ticks or a single bar);
/// - a number is the plot's size in points; `"container"` is the whole chart's,
///   ``ViewSizeRule/containerFallback``.
/// A size beyond ``ChartLimits/size`` is clamped to it (the step shrinks).
enum ViewSizing {
    /// Whether `spec` is sized by steps (the spec's or its config's).
    static func applies(to spec: ChartSpec) -> Bool {
        spec.widthRule.isStep || spec.heightRule.isStep || spec.config.viewSize.hasStep
    }

    /// A plain chart whose `width` or `height` is `"container"`: that side is the fallback
    /// container size, axes and padding included.
    static func resolvingContainer(_ spec: ChartSpec) -> ChartSpec {
        var spec = spec
        if spec.widthRule == .container { spec.width = ViewSizeRule.containerFallback }
        if spec.heightRule == .container { spec.height = ViewSizeRule.containerFallback }
        return spec
    }

    /// Compiles a step-sized `spec` (``applies(to:)``): once at a provisional size to learn
    /// its scales and how much room its titles, axes and legend take, then at the size that
    /// gives each panel the plot size Vega-Lite's rules give (once more if the room changed).
    static func compile(_ spec: ChartSpec, data: [String: ChartData], typesetter: Typesetter, theme: Theme) throws -> Scene {
        let provisionalPlot = (width: spec.width ?? CompositionCompiler.defaultPlotSize,
                               height: spec.height ?? CompositionCompiler.defaultPlotSize)
        var sized = spec
        sized.width = spec.widthRule == .container ? ViewSizeRule.containerFallback : ChartLimits.size.clamped(provisionalPlot.width + 80)
        sized.height = spec.heightRule == .container ? ViewSizeRule.containerFallback : ChartLimits.size.clamped(provisionalPlot.height + 60)
        sized = sized.applyingConfig()
        let probe = Compilation(spec: sized, data: data, typesetter: typesetter, theme: theme)
        var scene = try probe.run()
        let plot = plotSize(spec, probe)
        for _ in 0..<2 {
            let panels = CompositionCompiler.panelRects(scene)
            guard let panel = panels.first else { return scene }
            let columns = Double(panels.filter { abs($0.y - panel.y) < 0.5 }.count)
            let rows = Double(panels.filter { abs($0.x - panel.x) < 0.5 }.count)
            var next = sized
            if let width = plot.width {
                next.width = ChartLimits.size.clamped((sized.width ?? 0) + columns * (width - panel.width))
            }
            if let height = plot.height {
                next.height = ChartLimits.size.clamped((sized.height ?? 0) + rows * (height - panel.height))
            }
            if next.width == sized.width && next.height == sized.height { break }
            sized = next
            scene = try Compilation(spec: sized, data: data, typesetter: typesetter, theme: theme).run()
        }
        return scene
    }

    /// Each panel's plot width and height by Vega-Lite's rules, from the scales `probe`
    /// trained; nil for a `"container"` side (the whole chart's size is fixed instead).
    static func plotSize(_ spec: ChartSpec, _ probe: Compilation) -> (width: Double?, height: Double?) {
        let continuousOnly = probe.isMap || probe.layers.contains { $0.mark == .arc }
        let width = length(rule: spec.widthRule, points: spec.width, config: spec.config.viewSize, alongWidth: true,
                           scale: probe.hasX ? probe.x : nil, continuousOnly: continuousOnly)
        let height = length(rule: spec.heightRule, points: spec.height, config: spec.config.viewSize, alongWidth: false,
                            scale: probe.hasY ? probe.y : nil, continuousOnly: continuousOnly)
        return (width.map(ChartLimits.size.clamped), height.map(ChartLimits.size.clamped))
    }

    /// The plot's length along one side: see ``ViewSizing``.
    static func length(rule: ViewSizeRule?, points: Double?, config: ViewSizeConfig, alongWidth: Bool,
                       scale: PositionScale?, continuousOnly: Bool) -> Double? {
        if rule == .container { return nil }
        if let points { return points }
        let givenStep: Double? = if case .step(let step)? = rule { step } else { nil }
        guard let scale else {
            if continuousOnly { return config.continuous(width: alongWidth) ?? CompositionCompiler.defaultPlotSize }
            return givenStep ?? config.discrete(width: alongWidth) ?? config.step(width: alongWidth)
        }
        guard scale.kind == .band else {
            return config.continuous(width: alongWidth) ?? CompositionCompiler.defaultPlotSize
        }
        if givenStep == nil, let fixed = config.discrete(width: alongWidth) { return fixed }
        return (givenStep ?? config.step(width: alongWidth)) * bandSpace(scale)
    }

    /// Vega's `bandspace(n, paddingInner, paddingOuter)`: how many steps a discrete axis of n
    /// categories spans (at least one when it has any).
    static func bandSpace(_ scale: PositionScale) -> Double {
        let count = Double(scale.categories.count)
        guard count > 0 else { return 0 }
        let space = count - scale.paddingInner + 2 * scale.paddingOuter
        return space > 0 ? space : 1
    }
}

extension Optional where Wrapped == ViewSizeRule {
    /// Whether the rule is `{step}`.
    var isStep: Bool {
        if case .step? = self { return true }
        return false
    }
}
