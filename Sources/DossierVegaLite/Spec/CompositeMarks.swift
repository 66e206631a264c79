import DossierBase

/// Vega-Lite's composite marks as layers of simple marks, with Vega-Lite's defaults
/// (src/compositemark/errorbar.ts, errorband.ts, boxplot.ts; config.errorbar, .errorband,
/// .boxplot): the summaries are `aggregate` transforms grouped by the other channels' fields,
/// named `lower_<field>`, `upper_<field>`, `center_<field>` (errorbar, errorband) and
/// `lower_box_`, `upper_box_`, `mid_box_`, `lower_whisker_`, `upper_whisker_` (boxplot).
enum CompositeMarks {
    /// The layers that draw `layer`'s composite mark.
    static func expand(_ layer: Layer, index: Int) throws -> [Layer] {
        let axis = try continuousAxis(layer, index: index)
        switch layer.mark.type {
        case .boxplot: return try boxplot(layer, axis: axis, index: index)
        case .errorband: return try errorband(layer, axis: axis, index: index)
        default: return try errorbar(layer, axis: axis, index: index)
        }
    }

    /// The channel that carries the interval (`y` for a vertical mark) and whether the rows
    /// already hold it (`y` and `y2` given: Vega-Lite's aggregated-upper-lower input).
    struct Axis {
        var value: Channel
        var end: Channel
        var other: Channel
        var preaggregated: Bool
        var field: String
        var def: ChannelDef
    }

    private static func continuousAxis(_ layer: Layer, index: Int) throws -> Axis {
        let e = layer.encoding, mark = layer.mark.type.rawValue, article = layer.mark.type == .errorbar || layer.mark.type == .errorband ? "an" : "a"
        func continuous(_ d: ChannelDef?) -> Bool { d?.type == .quantitative || d?.type == .temporal }
        func discrete(_ d: ChannelDef?) -> Bool { d?.type == .nominal || d?.type == .ordinal }
        let vertical: Bool
        if e.y2 != nil, e.x2 != nil {
            throw ChartError.invalidSpec("layer \(index): \(article) \(mark) has both x2 and y2, expected one interval (y and y2 for a vertical \(mark), x and x2 for a horizontal one)")
        } else if e.y2 != nil {
            vertical = true
        } else if e.x2 != nil {
            vertical = false
        } else if layer.mark.options.orient != nil {
            vertical = layer.mark.options.orient == "vertical"
        } else if e.y == nil {
            vertical = false
        } else if e.x == nil {
            vertical = true
        } else {
            vertical = !(continuous(e.x) && !continuous(e.y)) || discrete(e.x)
        }
        let value: Channel = vertical ? .y : .x
        guard let def = e[value], let field = def.field else {
            throw ChartError.invalidSpec("layer \(index): a \(vertical ? "vertical" : "horizontal") \(mark) needs a field on \(value.rawValue), the values it summarises")
        }
        if def.aggregate != nil || def.bin != nil || def.timeUnit != nil {
            throw ChartError.invalidSpec("layer \(index): \(value.rawValue): \(article) \(mark) summarises the raw values of \(InputExcerpt.quoted(field)) itself, expected no `aggregate`, `bin` or `timeUnit` on that channel")
        }
        let end: Channel = vertical ? .y2 : .x2
        return Axis(value: value, end: end, other: vertical ? .x : .y, preaggregated: e[end] != nil, field: field, def: def)
    }

    /// The fields the summaries are grouped by: every other channel's field.
    private static func groupby(_ layer: Layer, axis: Axis, index: Int) throws -> [String] {
        var fields: [String] = []
        for channel in Channel.allCases where channel != axis.value && channel != axis.end {
            guard let def = layer.encoding[channel], let field = def.field else { continue }
            if def.aggregate != nil || def.bin != nil || def.timeUnit != nil {
                throw ChartError.invalidSpec("layer \(index): \(channel.rawValue): the \(layer.mark.type.rawValue) groups its rows by the other channels' fields, expected no `aggregate`, `bin` or `timeUnit` on \(channel.rawValue) (put them in a `transform`)")
            }
            if !fields.contains(field) { fields.append(field) }
        }
        return fields
    }

    /// A datum access for a calculated expression.
    private static func datum(_ field: String) -> String {
        "datum['" + field.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "']"
    }

    private static func expression(_ source: String) throws -> VegaExpression {
        do { return try VegaExpression(parsing: source) } catch {
            throw ChartError.invalidSpec("a composite mark's field name cannot be used in an expression: \(source)")
        }
    }

    private static func summary(_ op: AggregateOp, _ field: String, as name: String) -> AggregateFieldDef {
        AggregateFieldDef(op: op, field: field, name: name)
    }

    /// A part's layer: the composite's data and transforms plus `transform`, the interval's
    /// channel(s) on summary fields, the other channels as given.
    private static func part(_ layer: Layer, axis: Axis, mark: MarkDef, start: String, end: String?,
                             transform: [Transform], keepColor: Bool = true) -> Layer {
        var copy = layer
        copy.mark = mark
        copy.transform = layer.transform + transform
        var value = ChannelDef(field: start, type: axis.def.type ?? .quantitative, title: axis.def.title ?? axis.field,
                               scale: axis.def.scale, axis: axis.def.axis)
        value.format = axis.def.format
        copy.encoding[axis.value] = value
        copy.encoding[axis.end] = end.map { ChannelDef(field: $0) }
        if !keepColor { copy.encoding.color = nil; copy.encoding.size = nil }
        return copy
    }

    /// The mark of a part, in Vega-Lite's order of precedence (src/compositemark/common.ts,
    /// partLayerMixins): the part's config default (`configOpacity`), then the composite's
    /// `color`, `opacity` and `clip`, then what the part's mark sets itself (`base`: a median's
    /// white, an end tick's black), then the part's own options; nil when the part is off.
    private static func partMark(_ layer: Layer, _ name: String, base: MarkDef, on: Bool, configOpacity: Double? = nil) -> MarkDef? {
        let composite = layer.mark
        let given = composite.options.parts[name]
        if given == nil, !on { return nil }
        if case .off? = given { return nil }
        var mark = base
        mark.color = base.color ?? composite.color
        mark.opacity = base.opacity ?? composite.opacity ?? configOpacity
        mark.options.clip = base.options.clip ?? composite.options.clip
        if let own = given?.mark { mark.merge(own) }
        return mark
    }

    // MARK: - errorbar and errorband

    /// The transforms that give every group `lower_<field>` and `upper_<field>`.
    private static func intervalTransforms(_ layer: Layer, axis: Axis, index: Int) throws -> [Transform] {
        let f = axis.field, lower = "lower_" + f, upper = "upper_" + f
        if axis.preaggregated {
            guard let endField = layer.encoding[axis.end]?.field else {
                throw ChartError.invalidSpec("layer \(index): \(axis.end.rawValue): the \(layer.mark.type.rawValue) with an interval needs a field on \(axis.end.rawValue)")
            }
            if layer.mark.options.extent != nil {
                throw ChartError.invalidSpec("layer \(index): the \(layer.mark.type.rawValue) given \(axis.value.rawValue) and \(axis.end.rawValue) draws that interval, expected no `extent`")
            }
            return [.calculate(try expression(datum(endField)), as: upper), .calculate(try expression(datum(f)), as: lower)]
        }
        let groups = try groupby(layer, axis: axis, index: index)
        switch layer.mark.options.extent ?? .stderr {
        case .stderr, .stdev:
            let op: AggregateOp = layer.mark.options.extent == .stdev ? .stdev : .stderr
            return [.aggregate([summary(op, f, as: "extent_" + f), summary(.mean, f, as: "center_" + f)], groupby: groups),
                    .calculate(try expression("\(datum("center_" + f)) + \(datum("extent_" + f))"), as: upper),
                    .calculate(try expression("\(datum("center_" + f)) - \(datum("extent_" + f))"), as: lower)]
        case .iqr:
            return [.aggregate([summary(.q3, f, as: upper), summary(.q1, f, as: lower), summary(.median, f, as: "center_" + f)], groupby: groups)]
        case .minMax:
            return [.aggregate([summary(.max, f, as: upper), summary(.min, f, as: lower), summary(.mean, f, as: "center_" + f)], groupby: groups)]
        case .whiskers:
            throw ChartError.invalidSpec("layer \(index): the \(layer.mark.type.rawValue)'s extent is a number, expected stderr, stdev, iqr or min-max (a number of IQRs is for boxplots)")
        }
    }

    private static func errorbar(_ layer: Layer, axis: Axis, index: Int) throws -> [Layer] {
        let transform = try intervalTransforms(layer, axis: axis, index: index)
        let f = axis.field
        var tick = MarkDef(.tick)
        tick.options.orient = axis.value == .y ? "horizontal" : "vertical"
        tick.options.thickness = layer.mark.options.thickness
        tick.size = layer.mark.size
        var rule = MarkDef(.rule)
        rule.strokeWidth = layer.mark.options.thickness
        var layers: [Layer] = []
        if let ticks = partMark(layer, "ticks", base: tick, on: false) {
            layers.append(part(layer, axis: axis, mark: ticks, start: "lower_" + f, end: nil, transform: transform))
            layers.append(part(layer, axis: axis, mark: ticks, start: "upper_" + f, end: nil, transform: transform))
        }
        if let rules = partMark(layer, "rule", base: rule, on: true) {
            layers.append(part(layer, axis: axis, mark: rules, start: "lower_" + f, end: "upper_" + f, transform: transform))
        }
        return layers
    }

    private static func errorband(_ layer: Layer, axis: Axis, index: Int) throws -> [Layer] {
        let transform = try intervalTransforms(layer, axis: axis, index: index)
        let f = axis.field
        let twoD = layer.encoding.x != nil && layer.encoding.y != nil
        var band = MarkDef(twoD ? .area : .rect)
        var border = MarkDef(twoD ? .line : .rule)
        if twoD {
            band.options.interpolate = layer.mark.options.interpolate
            band.options.tension = layer.mark.options.tension
            border.options.interpolate = layer.mark.options.interpolate
            border.options.tension = layer.mark.options.tension
            band.options.orient = axis.value == .y ? "vertical" : "horizontal"
        }
        var layers: [Layer] = []
        if let bands = partMark(layer, "band", base: band, on: true, configOpacity: 0.3) {
            layers.append(part(layer, axis: axis, mark: bands, start: "lower_" + f, end: "upper_" + f, transform: transform))
        }
        if let borders = partMark(layer, "borders", base: border, on: false) {
            layers.append(part(layer, axis: axis, mark: borders, start: "lower_" + f, end: nil, transform: transform))
            layers.append(part(layer, axis: axis, mark: borders, start: "upper_" + f, end: nil, transform: transform))
        }
        return layers
    }

    // MARK: - boxplot

    private static func boxplot(_ layer: Layer, axis: Axis, index: Int) throws -> [Layer] {
        if axis.preaggregated {
            throw ChartError.invalidSpec("layer \(index): a boxplot summarises raw values, found \(axis.end.rawValue); draw a pre-computed box with bar, rule and tick layers")
        }
        let f = axis.field, groups = try groupby(layer, axis: axis, index: index)
        let size = layer.mark.size ?? 14
        let ticksOrient = axis.value == .y ? "horizontal" : "vertical"
        var box = MarkDef(.bar)
        box.size = size
        box.options.orient = axis.value == .y ? "vertical" : "horizontal"
        var median = MarkDef(.tick)
        median.color = "white"
        median.size = size
        median.options.orient = ticksOrient
        var endTick = MarkDef(.tick)
        endTick.color = "black"
        endTick.opacity = 1
        endTick.options.orient = ticksOrient
        let rule = MarkDef(.rule)
        var outlier = MarkDef(.point)
        outlier.options.style = ["boxplot-outliers"]

        let extent = layer.mark.options.extent ?? .whiskers(1.5)
        let summaries = [summary(.q1, f, as: "lower_box_" + f), summary(.q3, f, as: "upper_box_" + f),
                         summary(.median, f, as: "mid_box_" + f)]
        var layers: [Layer] = []
        switch extent {
        case .minMax:
            let boxTransform: [Transform] = [.aggregate(summaries + [summary(.min, f, as: "lower_whisker_" + f),
                                                                      summary(.max, f, as: "upper_whisker_" + f)], groupby: groups)]
            layers += whiskers(layer, axis: axis, rule: rule, tick: endTick, transform: boxTransform)
            layers += boxAndMedian(layer, axis: axis, box: box, median: median, transform: boxTransform)
        case .whiskers(let k):
            let lowBox = datum("lower_box_" + f), highBox = datum("upper_box_" + f), value = datum(f)
            let lowWhisker = "\(lowBox) - \(ChartLimits.spell(k)) * (\(highBox) - \(lowBox))"
            let highWhisker = "\(highBox) + \(ChartLimits.spell(k)) * (\(highBox) - \(lowBox))"
            let quartiles: Transform = .joinaggregate([summary(.q1, f, as: "lower_box_" + f), summary(.q3, f, as: "upper_box_" + f)], groupby: groups)
            if let points = partMark(layer, "outliers", base: outlier, on: true) {
                var outliers = layer
                outliers.mark = points
                outliers.transform = layer.transform + [quartiles, .filter(.expression(try expression("(\(value) < \(lowWhisker)) || (\(value) > \(highWhisker))")))]
                outliers.encoding.size = nil
                layers.append(outliers)
            }
            let inside: [Transform] = [quartiles,
                                       .filter(.expression(try expression("(\(lowWhisker) <= \(value)) && (\(value) <= \(highWhisker))"))),
                                       .aggregate([summary(.min, f, as: "lower_whisker_" + f), summary(.max, f, as: "upper_whisker_" + f),
                                                   summary(.min, "lower_box_" + f, as: "lower_box_" + f),
                                                   summary(.max, "upper_box_" + f, as: "upper_box_" + f)], groupby: groups)]
            layers += whiskers(layer, axis: axis, rule: rule, tick: endTick, transform: inside)
            layers += boxAndMedian(layer, axis: axis, box: box, median: median, transform: [.aggregate(summaries, groupby: groups)])
        default:
            throw ChartError.invalidSpec("layer \(index): a boxplot's extent is a number of IQRs (default 1.5) or \"min-max\", expected no stderr, stdev or iqr (those are for errorbar and errorband)")
        }
        return layers
    }

    private static func whiskers(_ layer: Layer, axis: Axis, rule: MarkDef, tick: MarkDef, transform: [Transform]) -> [Layer] {
        let f = axis.field
        var layers: [Layer] = []
        if let rules = partMark(layer, "rule", base: rule, on: true) {
            layers.append(part(layer, axis: axis, mark: rules, start: "lower_whisker_" + f, end: "lower_box_" + f, transform: transform, keepColor: false))
            layers.append(part(layer, axis: axis, mark: rules, start: "upper_box_" + f, end: "upper_whisker_" + f, transform: transform, keepColor: false))
        }
        if let ticks = partMark(layer, "ticks", base: tick, on: false) {
            layers.append(part(layer, axis: axis, mark: ticks, start: "lower_whisker_" + f, end: nil, transform: transform, keepColor: false))
            layers.append(part(layer, axis: axis, mark: ticks, start: "upper_whisker_" + f, end: nil, transform: transform, keepColor: false))
        }
        return layers
    }

    private static func boxAndMedian(_ layer: Layer, axis: Axis, box: MarkDef, median: MarkDef, transform: [Transform]) -> [Layer] {
        let f = axis.field
        var layers: [Layer] = []
        if let boxes = partMark(layer, "box", base: box, on: true) {
            layers.append(part(layer, axis: axis, mark: boxes, start: "lower_box_" + f, end: "upper_box_" + f, transform: transform))
        }
        if let medians = partMark(layer, "median", base: median, on: true) {
            layers.append(part(layer, axis: axis, mark: medians, start: "mid_box_" + f, end: nil, transform: transform, keepColor: false))
        }
        return layers
    }
}

extension AggregateFieldDef {
    /// A summary built in code (a composite mark's).
    init(op: AggregateOp, field: String?, name: String) {
        self.op = op
        self.field = field
        self.name = name
    }
}
