import DossierBase

/// Decoding of composed views: `hconcat`, `vconcat`, `concat`, `repeat` and the facet operator
/// (`facet` with `spec`).
extension ChartComposition {
    /// The keys that make a view composed.
    static let operatorKeys = ["hconcat", "vconcat", "concat", "repeat"]
    /// The layout keys a composed view accepts besides the chart's.
    static let layoutKeys = ["spacing", "align", "center", "bounds", "columns", "resolve", "spec", "data", "transform"]
    /// Keys of a chart that a composed view does not take (they belong to its views).
    private static let unitOnlyKeys: Set = ["layers", "layer", "legend", "annotations", "projection", "facet"]

    /// The chart `decoder` holds when it is a composed view, else nil (a unit or layered chart).
    static func decodeView(_ decoder: any Decoder, context: ViewContext, chartKeys: [String]) throws -> ChartSpec? {
        let c = try decoder.container(keyedBy: AnyKey.self)
        let operators = operatorKeys.filter { c.contains(AnyKey(stringValue: $0)) }
        let facetOperator = operators.isEmpty && c.contains(AnyKey(stringValue: "spec")) && c.contains(AnyKey(stringValue: "facet"))
        guard !operators.isEmpty || facetOperator else { return nil }
        guard operators.count == 1 || facetOperator else {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [AnyKey(stringValue: operators[1])], debugDescription:
                "a view takes one of `hconcat`, `vconcat`, `concat` or `repeat`, found " + operators.map { "`\($0)`" }.joined(separator: " and ")
                + ": nest one in a view of the other"))
        }
        var known = chartKeys.filter { !unitOnlyKeys.contains($0) } + layoutKeys + operators
        if facetOperator { known.append("facet") }
        try UnknownKeys.check(decoder, known: known, what: "a composed chart", notYetSupported: VegaLiteUnsupportedKeys.chart)
        let ownData = try c.decodeIfPresent(DataSource.self, forKey: AnyKey(stringValue: "data"))
        let transform = try c.decodeIfPresent([Transform].self, forKey: AnyKey(stringValue: "transform")) ?? []
        if !transform.isEmpty, ownData == nil, context.data == nil {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [AnyKey(stringValue: "transform")], debugDescription:
                "a chart's `transform` runs on the chart's `data`, and this chart has none: give the chart a `data`, or move the transforms into its views"))
        }
        let inner = context.child(data: ownData, transform: transform)
        // A composed chart's width and height size each of its views that gives none.
        let cellWidth = try c.decodeNumber(AnyKey(stringValue: "width"), ChartLimits.size)
        let cellHeight = try c.decodeNumber(AnyKey(stringValue: "height"), ChartLimits.size)
        let resolve = try c.decodeIfPresent(ViewResolve.self, forKey: AnyKey(stringValue: "resolve")) ?? ViewResolve()
        var chart: ChartSpec
        if facetOperator {
            chart = try facetView(c, context: inner, resolve: resolve)
        } else {
            for channel in ["x", "y"] where resolve.scale[channel] == .shared {
                throw c.failure(AnyKey(stringValue: "resolve"), "`resolve` with a shared \(channel) scale across views is not supported in charts yet: each view has its own x and y; give the views the same scale `domain`, or use a `facet`")
            }
            let (rowSpacing, columnSpacing) = try spacing(c)
            var composition: ChartComposition
            if operators[0] == "repeat" {
                composition = try repeated(c, context: inner)
            } else {
                composition = try concatenated(c, key: operators[0], context: inner)
            }
            composition.rowSpacing = rowSpacing
            composition.columnSpacing = columnSpacing
            composition.resolve = resolve
            for index in composition.views.indices where composition.views[index].composition == nil {
                composition.views[index].width = composition.views[index].width ?? cellWidth
                composition.views[index].height = composition.views[index].height ?? cellHeight
            }
            chart = ChartSpec(layers: [])
            chart.composition = composition
        }
        try chart.readFrame(decoder)
        chart.numberInlineData()
        if context.isRoot, let kind = RepeatReference.firstLeft(in: chart) {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath, debugDescription: RepeatProblem(kind: kind, given: []).message))
        }
        return chart
    }

    /// `spacing`: one number for rows and columns, or `{row, column}`.
    private static func spacing(_ c: KeyedDecodingContainer<AnyKey>) throws -> (Double, Double) {
        let key = AnyKey(stringValue: "spacing")
        guard c.contains(key) else { return (defaultSpacing, defaultSpacing) }
        let rule = ChartLimits.spacing
        if let single = try? c.decode(Double.self, forKey: key) {
            if let problem = rule.problem(single, as: "spacing") { throw c.failure(key, problem) }
            return (single, single)
        }
        let pair = try c.nestedContainer(keyedBy: AnyKey.self, forKey: key)
        try UnknownKeys.check(try c.superDecoder(forKey: key), known: ["row", "column"], what: "a spacing")
        return (try pair.decodeNumber(AnyKey(stringValue: "row"), rule) ?? defaultSpacing,
                try pair.decodeNumber(AnyKey(stringValue: "column"), rule) ?? defaultSpacing)
    }

    /// `hconcat`, `vconcat` or `concat` (with `columns`).
    private static func concatenated(_ c: KeyedDecodingContainer<AnyKey>, key name: String, context: ViewContext) throws -> ChartComposition {
        let key = AnyKey(stringValue: name)
        var list = try c.nestedUnkeyedContainer(forKey: key)
        var views: [ChartSpec] = []
        while !list.isAtEnd {
            guard views.count < ChartLimits.composedViews else {
                throw c.failure(key, "`\(name)` has more than \(ChartLimits.composedViews) views")
            }
            views.append(try ChartSpec(from: try list.superDecoder(), context: context))
        }
        guard !views.isEmpty else { throw c.failure(key, "`\(name)` is empty, expected a list of views") }
        let columns = try c.decodeWholeNumber(AnyKey(stringValue: "columns"), ChartLimits.facetColumns)
        switch name {
        case "hconcat": return ChartComposition(arrangement: .horizontal, views: views)
        case "vconcat": return ChartComposition(arrangement: .vertical, views: views)
        default: return ChartComposition(arrangement: columns.map { .wrapped(columns: $0) } ?? .horizontal, views: views)
        }
    }

    /// `repeat: [fields]` (with `columns`) or `repeat: {row, column, layer}` over `spec`.
    private static func repeated(_ c: KeyedDecodingContainer<AnyKey>, context: ViewContext) throws -> ChartComposition {
        let key = AnyKey(stringValue: "repeat"), specKey = AnyKey(stringValue: "spec")
        guard c.contains(specKey) else {
            throw DecodingError.keyNotFound(specKey, .init(codingPath: c.codingPath, debugDescription: "a `repeat` needs the `spec` it repeats"))
        }
        var rows: [String?] = [nil], columns: [String?] = [nil], layers: [String] = []
        var flat: [String]?
        if let list = try? c.decode([String].self, forKey: key) {
            flat = list
        } else {
            try UnknownKeys.check(try c.superDecoder(forKey: key), known: ["row", "column", "layer"], what: "a repeat")
            let kinds = try c.nestedContainer(keyedBy: AnyKey.self, forKey: key)
            if let list = try kinds.decodeIfPresent([String].self, forKey: AnyKey(stringValue: "row")) { rows = list }
            if let list = try kinds.decodeIfPresent([String].self, forKey: AnyKey(stringValue: "column")) { columns = list }
            layers = try kinds.decodeIfPresent([String].self, forKey: AnyKey(stringValue: "layer")) ?? []
        }
        let cells: [[String: String]]
        if let flat {
            cells = flat.map { ["repeat": $0] }
        } else {
            cells = rows.flatMap { row in columns.map { column in
                var values: [String: String] = [:]
                values["row"] = row; values["column"] = column
                return values
            } }
        }
        guard !cells.isEmpty, cells.count <= ChartLimits.composedViews, flat?.isEmpty != true, rows.count > 0, columns.count > 0 else {
            throw c.failure(key, "a `repeat` makes \(cells.count) views, expected 1 to \(ChartLimits.composedViews)")
        }
        let specDecoder = try c.superDecoder(forKey: specKey)
        var views: [ChartSpec] = []
        for values in cells {
            do {
                if layers.isEmpty {
                    views.append(try RepeatReference.substitute(values, in: ChartSpec(from: specDecoder, context: context)))
                } else {
                    var merged: ChartSpec?
                    for layer in layers {
                        var layerValues = values
                        layerValues["layer"] = layer
                        let one = try RepeatReference.substitute(layerValues, in: ChartSpec(from: specDecoder, context: context))
                        guard one.composition == nil else { throw c.failure(specKey, "a layer `repeat` repeats a unit or layered view, not a composed one") }
                        if merged == nil { merged = one } else { merged?.layers += one.layers }
                    }
                    if let merged { views.append(merged) }
                }
            } catch let problem as RepeatProblem {
                throw c.failure(specKey, problem.message)
            }
        }
        let arrangement: Arrangement
        if let flat {
            let wrap = try c.decodeWholeNumber(AnyKey(stringValue: "columns"), ChartLimits.facetColumns)
            arrangement = wrap.map { .wrapped(columns: min($0, flat.count)) } ?? .horizontal
        } else if columns.count > 1 || columns[0] != nil {
            arrangement = rows.count > 1 || rows[0] != nil ? .wrapped(columns: columns.count) : .horizontal
        } else {
            arrangement = .vertical
        }
        return ChartComposition(arrangement: arrangement, views: views)
    }

    /// The facet operator: `facet` (a field, or `{row, column}`) over `spec`, wrapped at `columns`.
    private static func facetView(_ c: KeyedDecodingContainer<AnyKey>, context: ViewContext, resolve: ViewResolve) throws -> ChartSpec {
        for channel in ["x", "y"] where resolve.scale[channel] == .independent {
            throw c.failure(AnyKey(stringValue: "resolve"), "`resolve` with an independent \(channel) scale in a facet is not supported in charts yet: panels share their scales; draw the panels as views of an `hconcat` or `vconcat`")
        }
        var chart = try ChartSpec(from: try c.superDecoder(forKey: AnyKey(stringValue: "spec")), context: context)
        chart.width = try c.decodeNumber(AnyKey(stringValue: "width"), ChartLimits.size) ?? chart.width
        chart.height = try c.decodeNumber(AnyKey(stringValue: "height"), ChartLimits.size) ?? chart.height
        guard chart.composition == nil else {
            throw c.failure(AnyKey(stringValue: "spec"), "a facet's `spec` is a unit or layered view, found a composed one: facet each view instead")
        }
        var facet = try c.decode(FacetSpec.self, forKey: AnyKey(stringValue: "facet"))
        if let columns = try c.decodeWholeNumber(AnyKey(stringValue: "columns"), ChartLimits.facetColumns) { facet.columns = columns }
        chart.facet = facet
        return chart
    }
}

extension ChartSpec {
    /// The composed view's title, subtitle, caption, source and description.
    mutating func readFrame(_ decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        func text(_ name: String) throws -> String? { try c.decodeIfPresent(String.self, forKey: AnyKey(stringValue: name)) }
        title = try text("title") ?? title
        subtitle = try text("subtitle") ?? subtitle
        caption = try text("caption") ?? caption
        source = try text("source") ?? source
        description = try text("description") ?? description
        if composition != nil {
            width = nil
            height = nil
        }
    }

    /// Numbers the inline rows of every view (`values:1`, `values:2`…) so that no two views'
    /// rows share a key, and lists every view's layers in `layers` (the data the build resolves).
    mutating func numberInlineData() {
        var counter = 0
        number(&counter)
    }

    private mutating func number(_ counter: inout Int) {
        if var composition {
            for index in composition.views.indices { composition.views[index].number(&counter) }
            layers = composition.views.flatMap(\.layers)
            self.composition = composition
            return
        }
        for index in layers.indices where layers[index].data.hasPrefix(DataSource.unnumberedValuesKey) {
            counter += 1
            layers[index].data = DataSource.unnumberedValuesKey + String(counter)
        }
    }
}

extension ChartLimits {
    /// The gap between composed views (`spacing`), in points.
    static let spacing = NumberRule(name: "spacing", min: 0, max: 500, unit: "points")
    /// The most views a composed chart (`hconcat`, `vconcat`, `concat`, `repeat`) may hold.
    static let composedViews = 100
}
