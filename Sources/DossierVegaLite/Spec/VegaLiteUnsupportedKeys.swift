import DossierBase

/// The Vega-Lite v5 keys that Dossier's chart objects do not implement yet, each with what to do
/// instead. A spec that uses one fails naming it (`` `aggregate` in a channel is not supported in
/// charts yet: … ``) instead of drawing a chart that silently ignores it; any other unknown key
/// is a typo and gets a did-you-mean.
///
/// The lists follow the Vega-Lite v5 JSON schema (top-level and unit specs, mark definitions,
/// encoding channels, field definitions, axes, scales and legends). A key moves out of its list
/// the day it is implemented: the `known` list of the object wins over this table.
enum VegaLiteUnsupportedKeys {
    private static let staticCharts = "Dossier's charts are static (PDF, SVG, PNG): there is no interaction"
    private static let analysis = "compute it in an analysis (`analyses:`) and chart its table"
    private static let theme = "Dossier's look (fonts, palette, sizes) comes from its theme"
    private static let figures = "draw one figure per view, or compose views with `hconcat`, `vconcat`, `concat` or `repeat`"

    private static func table(_ advice: [String: String]) -> NotYetSupportedKeys {
        NotYetSupportedKeys(domain: "charts", advice: advice)
    }

    /// Keys of a chart (a top-level or layered spec).
    static let chart = table([
        "params": staticCharts,
        "selection": staticCharts,
        "usermeta": "keep notes in YAML comments",
    ])

    /// Keys of a layer (a unit spec inside `layers`).
    static let layer = table([
        "params": staticCharts,
        "selection": staticCharts,
        "name": "a figure is named by its `id`",
        "title": "a chart has one `title`, at its top level",
        "description": "describe the figure in its `alt` text",
        "width": "`width` and `height` belong to the chart",
        "height": "`width` and `height` belong to the chart",
    ])

    /// Keys of a mark definition.
    static let mark = table([
        "href": staticCharts,
        "cursor": staticCharts,
        "strokeCap": theme,
        "strokeJoin": theme,
        "strokeMiterLimit": theme,
        "strokeDashOffset": theme,
        "lineHeight": theme,
        "ellipsis": "`limit` cuts text with …",
        "dir": "text runs in its own direction",
        "radius2": "arc and polar marks are not implemented",
        "radiusOffset": "arc and polar marks are not implemented",
        "theta2": "arc and polar marks are not implemented",
        "blend": theme,
        "timeUnitBandPosition": analysis,
        "discreteBandSize": "a bar's width follows its band",
    ])

    /// Channels of an encoding.
    static let encoding = table([
        "theta2": "arc and polar marks are not implemented",
        "radius2": "arc and polar marks are not implemented",
        "angle": "text and points are drawn upright",
        "url": "image marks are not implemented",
        "description": "describe the figure in its `alt` text",
        "key": staticCharts,
        "xError": "compute the interval in an analysis and encode it as `x` and `x2`",
        "xError2": "compute the interval in an analysis and encode it as `x` and `x2`",
        "yError": "compute the interval in an analysis and encode it as `y` and `y2`",
        "yError2": "compute the interval in an analysis and encode it as `y` and `y2`",
        "latitude2": "draw segments between places with two point layers",
        "longitude2": "draw segments between places with two point layers",
    ])

    /// Keys of a channel definition (a field or value definition).
    static let channel = table([
        "impute": analysis,
        "band": "bars fill their band",
        "header": "give the chart's `facet`",
        "spacing": theme,
        "formatType": "`format` takes a d3-style number format",
        "labelExpr": "`format` takes a d3-style number format",
    ])

    /// Keys of an axis (and of `config.axis…`).
    static let axis = table([
        "labelLimit": "labels are not truncated",
        "labelSeparation": "give `labelOverlap`",
        "labelBound": "give `labelFlush`",
        "labelLineHeight": theme,
        "labelFontStyle": theme,
        "titleAlign": theme, "titleAnchor": theme, "titleAngle": theme, "titleBaseline": theme,
        "titleX": theme, "titleY": theme, "titleLimit": "titles are not truncated", "titleFontStyle": theme,
        "titleLineHeight": theme,
        "tickOffset": theme, "tickRound": theme, "tickExtra": theme, "tickCap": theme, "domainCap": theme,
        "gridCap": theme, "position": "give `offset`", "translate": theme,
        "bandPosition": theme, "encode": staticCharts,
    ])

    /// Keys of a scale.
    static let scale = table([
        "domainMin": "give the whole `domain`",
        "domainMax": "give the whole `domain`",
        "domainMid": "give the whole `domain`",
        "domainRaw": staticCharts,
        "clamp": "marks outside the domain are clipped to the plot area",
        "round": theme,
        "align": theme,
        "exponent": "pow scales are not implemented: use `linear` or `log`",
        "base": "log scales are base 10",
        "interpolate": "colour ramps are interpolated in their own space",
        "rangeMin": "give the whole `range`",
        "rangeMax": "give the whole `range`",
        "bins": "bin in an analysis and chart its table",
    ])

    /// Keys of a legend (and of `config.legend`).
    static let legend = table([
        "padding": theme,
        "labelLimit": "labels are not truncated",
        "tickCount": "give the legend's `values`",
        "type": "a quantitative colour gets a gradient, a nominal one swatches",
        "formatType": "give the legend's `format`",
        "symbolFillColor": theme, "symbolStrokeColor": theme, "symbolStrokeWidth": theme, "symbolOpacity": theme,
        "gradientStrokeColor": theme, "gradientStrokeWidth": theme,
        "labelFont": theme, "labelFontWeight": theme, "titleFont": theme, "titleFontWeight": theme,
        "fillColor": theme, "strokeColor": theme, "cornerRadius": theme, "rowPadding": theme, "columnPadding": theme,
        "clipHeight": theme, "labelOffset": theme, "labelAlign": theme, "labelBaseline": theme, "titlePadding": theme,
        "titleAnchor": theme, "titleAlign": theme, "titleBaseline": theme, "titleLimit": theme, "zindex": theme,
    ])

    /// Keys of a title object (and of `config.title`).
    static let title = table([
        "align": "give `anchor`", "baseline": theme, "angle": theme, "dx": theme, "dy": theme, "limit": "titles wrap",
        "lineHeight": theme, "subtitleLineHeight": theme, "zindex": theme, "encode": staticCharts,
    ])

    /// Keys of `config`.
    static let config = table([
        "autosize": "give the chart's `autosize`",
        "concat": figures, "facet": figures, "header": theme, "headerColumn": theme, "headerRow": theme,
        "headerFacet": theme, "projection": "give the chart's `projection`",
        "selection": staticCharts, "params": staticCharts, "signals": staticCharts, "locale": "numbers and dates are written in English",
        "numberFormat": "give each channel's `format`", "timeFormat": "give each channel's `format`",
        "normalizedNumberFormat": "give each channel's `format`", "numberFormatType": "give each channel's `format`",
        "timeFormatType": "give each channel's `format`", "normalizedNumberFormatType": "give each channel's `format`",
        "customFormatTypes": "give each channel's `format`", "fieldTitle": "give each channel's `title`",
        "lineBreak": "titles break at their `\\n`",
    ])

    /// Keys of `config.view` (and a chart's `view`).
    static let view = table([
        "cursor": staticCharts, "clip": "marks are clipped to the plot area",
        "cornerRadius": theme, "opacity": theme, "strokeCap": theme, "strokeJoin": theme, "strokeMiterLimit": theme,
        "strokeDashOffset": theme,
    ])

    /// Keys of `config.scale`.
    static let scaleConfig = table([
        "continuousPadding": theme, "bandWithNestedOffsetPaddingInner": theme, "bandWithNestedOffsetPaddingOuter": theme,
        "offsetBandPaddingInner": theme, "offsetBandPaddingOuter": theme, "round": theme, "clamp": theme,
        "useUnaggregatedDomain": analysis, "zero": "give each scale's `zero`", "xReverse": "give the x scale's `reverse`",
        "minBandSize": theme, "maxBandSize": theme, "minFontSize": theme, "maxFontSize": theme, "minOpacity": theme,
        "maxOpacity": theme, "minSize": theme, "maxSize": theme, "minStrokeWidth": theme, "maxStrokeWidth": theme,
        "quantileCount": theme, "quantizeCount": theme, "invalid": theme, "tickBandPaddingInner": theme,
    ])

    /// Keys of a facet.
    static let facet = table([
        "timeUnit": "derive the period (year, month) in the data or an analysis",
        "bin": "bin in an analysis and facet by the class",
        "aggregate": analysis,
    ])

    /// Keys of a projection.
    static let projection = table(Dictionary(uniqueKeysWithValues: [
        "center", "scale", "rotate", "translate", "precision", "clipAngle", "clipExtent", "fit", "extent",
        "size", "parallels", "reflectX", "reflectY", "pointRadius", "coefficient", "distance", "fraction",
        "lobes", "parallel", "radius", "ratio", "spacing", "tilt",
    ].map { ($0, "the projection is fitted to the shapes and the plot area") }))
}

extension VegaLiteUnsupportedKeys {
    /// Keys of a data source (`data: {…}`).
    static let data = NotYetSupportedKeys(domain: "charts", advice: [
        "sequence": "write the rows as `values`, or compute them in an analysis",
        "sphere": "maps draw the shapes declared under `shapes:`",
        "graticule": "maps draw the shapes declared under `shapes:`",
    ])

    /// Keys of a data format (`data: {url, format: {…}}`).
    static let dataFormat = NotYetSupportedKeys(domain: "charts", advice: [
        "parse": "columns are typed by their values (numbers, else text)",
        "property": "point `url` at a file whose top level is the array of records",
        "delimiter": "use a .csv or .tsv file",
    ])
}
