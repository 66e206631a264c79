import CairoKit
import DossierBase
import DossierVegaLite

/// Compiles a composed chart (``ChartComposition``): each view into a scene of its own with
/// the unit compiler (a composed view recursively), the views' shared colour made one scale
/// with one legend, then the scenes placed on a grid under the chart's title and over its
/// caption and source.
enum CompositionCompiler {
    /// The plot size of a view that gives no `width` or `height` (Vega-Lite's default).
    static let defaultPlotSize = 200.0

    /// Compiles `spec`, whose `composition` is `composition`, over `data` (inline rows merged in).
    static func compile(_ spec: ChartSpec, _ composition: ChartComposition, data: [String: ChartData],
                        typesetter: Typesetter, theme: Theme) throws -> Scene {
        let views = try sharingColor(composition, data: data, typesetter: typesetter, theme: theme)
        var scenes: [Scene] = []
        for (index, view) in views.enumerated() {
            scenes.append(try compileView(view, number: index + 1, data: data, typesetter: typesetter, theme: theme))
        }
        return try place(scenes, of: spec, composition, typesetter: typesetter, theme: theme)
    }

    /// One view's scene; an error names the view (1-based, in reading order).
    static func compileView(_ view: ChartSpec, number: Int, data: [String: ChartData],
                            typesetter: Typesetter, theme: Theme) throws -> Scene {
        do {
            if let inner = view.composition {
                return try compile(view, inner, data: data, typesetter: typesetter, theme: theme)
            }
            if ViewSizing.applies(to: view) { return try ViewSizing.compile(view, data: data, typesetter: typesetter, theme: theme) }
            return try unitScene(view, data: data, typesetter: typesetter, theme: theme)
        } catch let error as ChartError {
            throw ChartError.invalidSpec("view \(number): \(error.description)")
        }
    }

    /// A unit or layered view (a plain chart, or a view of a composition) whose plot (each
    /// panel's, when faceted) is its `width` × `height` (Vega-Lite's meaning; default 200 × 200): compiled once to measure the
    /// room its titles, axes and legend take, then again with that room added.
    static func unitScene(_ view: ChartSpec, data: [String: ChartData], typesetter: Typesetter, theme: Theme) throws -> Scene {
        let plotWidth = view.width ?? defaultPlotSize, plotHeight = view.height ?? defaultPlotSize
        var sized = view
        sized.width = ChartLimits.size.clamped(plotWidth + 80)
        sized.height = ChartLimits.size.clamped(plotHeight + 60)
        let first = try Compilation(spec: sized, data: data, typesetter: typesetter, theme: theme).run()
        let panels = panelRects(first)
        guard let panel = panels.first else { return first }
        let columns = Double(panels.filter { abs($0.y - panel.y) < 0.5 }.count)
        let rows = Double(panels.filter { abs($0.x - panel.x) < 0.5 }.count)
        sized.width = ChartLimits.size.clamped((sized.width ?? 0) + columns * (plotWidth - panel.width))
        sized.height = ChartLimits.size.clamped((sized.height ?? 0) + rows * (plotHeight - panel.height))
        if sized.width == first.width && sized.height == first.height { return first }
        return try Compilation(spec: sized, data: data, typesetter: typesetter, theme: theme).run()
    }

    /// The plot areas of a compiled view's panels.
    static func panelRects(_ scene: Scene) -> [SceneRect] {
        scene.items.compactMap { item -> SceneRect? in
            guard case .group(let panel) = item, panel.id.hasPrefix("panel/") else { return nil }
            for case .group(let marks) in panel.items where marks.id == panel.id + "/marks" { return marks.clip }
            return nil
        }
    }

    /// The scenes on the composition's grid: each column as wide as its widest view, each row
    /// as tall as its tallest, `spacing` between the views' plots (their own padding counts).
    private static func place(_ scenes: [Scene], of spec: ChartSpec, _ composition: ChartComposition,
                              typesetter: Typesetter, theme: Theme) throws -> Scene {
        let columns = composition.columnCount, rows = composition.rowCount
        var widths = Array(repeating: 0.0, count: columns), heights = Array(repeating: 0.0, count: rows)
        for (index, scene) in scenes.enumerated() {
            widths[index % columns] = max(widths[index % columns], scene.width)
            heights[index / columns] = max(heights[index / columns], scene.height)
        }
        // Each view already has `padding` on every side: the gap adds what the spacing lacks.
        let columnGap = max(0, composition.columnSpacing - 2 * theme.padding)
        let rowGap = max(0, composition.rowSpacing - 2 * theme.padding)
        let gridWidth = widths.reduce(0, +) + Double(columns - 1) * columnGap
        let gridHeight = heights.reduce(0, +) + Double(rows - 1) * rowGap
        let frame = FrameText(typesetter: typesetter, theme: theme, width: gridWidth)
        let header = try frame.header(title: spec.title, subtitle: spec.subtitle)
        var items = header.items
        let top = header.items.isEmpty ? 0 : header.bottom - theme.padding
        for (index, scene) in scenes.enumerated() {
            let column = index % columns, row = index / columns
            let x = widths[..<column].reduce(0, +) + Double(column) * columnGap
            let y = top + heights[..<row].reduce(0, +) + Double(row) * rowGap
            items += scene.items.map { $0.offset(x, y, prefix: "view/\(index + 1)/") }
        }
        let footer = try frame.footer(caption: spec.caption, source: spec.source, top: top + gridHeight)
        items += footer.items
        let height = footer.items.isEmpty ? top + gridHeight : footer.bottom
        let summary = spec.description ?? spec.subtitle ?? spec.caption ?? spec.title ?? spec.generatedSummary
        return Scene(width: gridWidth, height: height, background: theme.background, title: spec.title, summary: summary, items: items)
    }
}

/// A composed chart's title and subtitle over its views, caption and source under them, set
/// as a single chart sets them.
struct FrameText {
    let typesetter: Typesetter
    let theme: Theme
    let width: Double

    private func text(_ id: String, _ content: String, font: Font, color: Color, at p: ScenePoint) throws -> SceneText {
        let wrap = max(1, width - 2 * theme.padding)
        do {
            let layout = try typesetter.layout(content, font: font, width: wrap)
            return SceneText(id: id, text: content, font: font, color: color, position: p, anchor: .start, baseline: .top,
                             rotation: 0, wrapWidth: wrap, width: layout.size.width, height: layout.size.height, ascent: layout.baseline)
        } catch {
            throw ChartError.text(error.description)
        }
    }

    /// Title and subtitle from the top, and where the space under them starts.
    func header(title: String?, subtitle: String?) throws -> (items: [SceneItem], bottom: Double) {
        var items: [SceneItem] = []
        var top = theme.padding
        if let title, !title.isEmpty {
            let t = try text("title", title, font: theme.titleFont, color: theme.textColor, at: ScenePoint(theme.padding, top))
            items.append(.text(t)); top += t.height + 1
        }
        if let subtitle, !subtitle.isEmpty {
            let t = try text("subtitle", subtitle, font: theme.subtitleFont, color: theme.mutedTextColor, at: ScenePoint(theme.padding, top))
            items.append(.text(t)); top += t.height
        }
        return (items, top + 8)
    }

    /// Caption, then source, from `top`, and where they end (with the padding under them).
    func footer(caption: String?, source: String?, top: Double) throws -> (items: [SceneItem], bottom: Double) {
        var items: [SceneItem] = []
        var y = top
        if let caption, !caption.isEmpty {
            let t = try text("caption", caption, font: theme.captionFont, color: theme.mutedTextColor, at: ScenePoint(theme.padding, y))
            items.append(.text(t)); y += t.height
        }
        if let source, !source.isEmpty {
            let line = source.hasPrefix("Source") ? source : "Source: " + source
            let t = try text("source", line, font: theme.captionFont, color: theme.mutedTextColor, at: ScenePoint(theme.padding, y))
            items.append(.text(t)); y += t.height
        }
        return (items, y + theme.padding)
    }
}

extension NumberRule {
    /// `value` moved into the rule's range.
    func clamped(_ value: Double) -> Double { Swift.min(max, Swift.max(min, value)) }
}
