import CairoKit
import DossierVegaLite

/// Vega-Lite's default for composed views: the colour scale is shared. Views that colour by
/// a field get one domain (the union of theirs, in order of first appearance) and one legend,
/// kept by a view of the first row (the rightmost that colours; its plot keeps its size, the
/// legend adds to the view's width).
extension CompositionCompiler {
    /// The views with their colour domains unified and all legends but one hidden.
    static func sharingColor(_ composition: ChartComposition, data: [String: ChartData],
                             typesetter: Typesetter, theme: Theme) throws -> [ChartSpec] {
        var views = composition.views
        guard composition.resolve.concatShares("color") else { return views }
        var scales: [(index: Int, scale: ColorScale)] = []
        for (index, view) in views.enumerated() where view.composition == nil && colorsByField(view) {
            var sized = view
            sized.width = ChartLimits.size.clamped((view.width ?? defaultPlotSize) + 80)
            sized.height = ChartLimits.size.clamped((view.height ?? defaultPlotSize) + 60)
            let compilation = Compilation(spec: sized, data: data, typesetter: typesetter, theme: theme)
            do { _ = try compilation.run() } catch let error as ChartError {
                throw ChartError.invalidSpec("view \(index + 1): \(error.description)")
            }
            if let scale = compilation.color { scales.append((index, scale)) }
        }
        guard scales.count > 1, let kind = scales.first?.scale.kind, scales.allSatisfy({ $0.scale.kind == kind }), kind != .classed else {
            return views
        }
        let domain: [ChartValue]
        if kind == .ordinal {
            var seen = Set<String>(), keys: [String] = []
            for (_, scale) in scales { for key in scale.categories where seen.insert(key).inserted { keys.append(key) } }
            // Each view sorted its categories ascending (the default): so is the union.
            if scales.allSatisfy({ $0.scale.categories == $0.scale.categories.sorted(by: ascending) }) { keys.sort(by: ascending) }
            domain = keys.map { .string($0) }
        } else {
            domain = [.number(scales.map(\.scale.lo).min() ?? 0), .number(scales.map(\.scale.hi).max() ?? 1)]
        }
        for (index, _) in scales { views[index] = withColorDomain(views[index], domain) }
        guard composition.resolve.concatSharesLegend("color") else { return views }
        let firstRow = scales.filter { $0.index < composition.columnCount }
        let keeper = firstRow.last?.index ?? scales[0].index
        for (index, _) in scales where index != keeper {
            var legend = views[index].legend ?? LegendSpec.unspecified
            legend.position = "none"
            views[index].legend = legend
        }
        return views
    }

    /// Vega-Lite's ascending order of categories: numbers by value, before texts in code order.
    private static func ascending(_ a: String, _ b: String) -> Bool {
        switch (Double(a), Double(b)) {
        case let (x?, y?): return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return a < b
        }
    }

    /// Whether some layer of `view` colours by a field.
    private static func colorsByField(_ view: ChartSpec) -> Bool {
        view.layers.contains { $0.encoding.color?.field != nil }
    }

    /// `view` with `domain` on every colour channel that sets none.
    private static func withColorDomain(_ view: ChartSpec, _ domain: [ChartValue]) -> ChartSpec {
        var view = view
        for index in view.layers.indices {
            guard var color = view.layers[index].encoding.color, color.field != nil, color.scale?.domain == nil else { continue }
            var scale = color.scale ?? ScaleSpec.unspecified
            scale.domain = domain
            color.scale = scale
            view.layers[index].encoding.color = color
        }
        return view
    }

}
