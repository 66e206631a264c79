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
    private static let figures = "draw one figure per view, or use the chart's `facet`"

    private static func table(_ advice: [String: String]) -> NotYetSupportedKeys {
        NotYetSupportedKeys(domain: "charts", advice: advice)
    }

    /// Keys of a chart (a top-level or layered spec).
    static let chart = table([
        "params": staticCharts,
        "selection": staticCharts,
        "config": theme,
        "autosize": "`width` and `height` size the whole figure",
        "padding": theme,
        "background": theme,
        "usermeta": "keep notes in YAML comments",
        "name": "a figure is named by its `id`",
        "resolve": "layers share their scales and axes",
        "view": theme,
        "bounds": figures,
        "spacing": theme,
        "align": figures,
        "center": figures,
        "repeat": figures,
        "spec": figures,
        "hconcat": figures,
        "vconcat": figures,
        "concat": figures,
        "columns": "give the facet's `columns`",
        "datasets": "name a table of the data package or an analysis result in each layer's `data`",
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
        "projection": "give the chart's `projection`",
        "layer": "layers do not nest: list every layer in the chart's `layers`",
    ])

    /// Keys of a mark definition.
    static let mark = table([
        "tooltip": staticCharts,
        "href": staticCharts,
        "cursor": staticCharts,
        "interpolate": "lines are drawn straight between points",
        "tension": "lines are drawn straight between points",
        "point": "add a `point` layer over the line",
        "line": "add a `line` layer over the area",
        "orient": "the orientation follows the encoding (a nominal `y` makes horizontal bars)",
        "cornerRadiusEnd": theme,
        "cornerRadiusTopLeft": theme,
        "cornerRadiusTopRight": theme,
        "cornerRadiusBottomLeft": theme,
        "cornerRadiusBottomRight": theme,
        "binSpacing": analysis,
        "thickness": "draw ticks as a `rule` layer",
        "shape": "points are circles",
        "angle": "text and points are drawn upright",
        "fill": "use the mark's `color` and `filled`",
        "stroke": "use the mark's `color` and `filled: false`",
        "fillOpacity": "use the mark's `opacity`",
        "strokeOpacity": "use the mark's `opacity`",
        "strokeCap": theme,
        "strokeJoin": theme,
        "strokeMiterLimit": theme,
        "strokeDashOffset": theme,
        "baseline": "text is centred vertically on its position; shift it with `dy`",
        "font": theme,
        "fontSize": theme,
        "fontWeight": theme,
        "fontStyle": theme,
        "lineHeight": theme,
        "limit": "text is not truncated",
        "ellipsis": "text is not truncated",
        "dir": "text runs in its own direction",
        "radius2": "arc and polar marks are not implemented",
        "radiusOffset": "arc and polar marks are not implemented",
        "theta2": "arc and polar marks are not implemented",
        "clip": "marks are clipped to the plot area",
        "extent": "compute the interval in an analysis and draw it with `rule` or `area` and `x2`/`y2`",
        "ticks": "compute the interval in an analysis and draw it with `rule`",
        "median": "compute the quartiles in an analysis (`summary`) and draw them with `rule` and `point`",
        "rule": "compute the interval in an analysis and draw it with `rule`",
        "outliers": "compute the quartiles in an analysis (`summary`) and draw them with `rule` and `point`",
        "box": "compute the quartiles in an analysis (`summary`) and draw them with `rule` and `point`",
        "style": theme,
        "blend": theme,
        "invalid": "rows with a missing value are left out of the marks",
        "aria": "describe the figure in its `alt` text",
        "description": "describe the figure in its `alt` text",
        "width": "a bar's width follows its band",
        "height": "a bar's height follows its band",
        "x": "position marks through the `encoding`",
        "y": "position marks through the `encoding`",
        "x2": "position marks through the `encoding`",
        "y2": "position marks through the `encoding`",
        "xOffset": "shift text with `dx`",
        "yOffset": "shift text with `dy`",
        "x2Offset": "position marks through the `encoding`",
        "y2Offset": "position marks through the `encoding`",
        "text": "give the text through the `text` channel of the encoding",
        "timeUnitBandPosition": analysis,
        "discreteBandSize": "a bar's width follows its band",
        "continuousBandSize": "a bar's width follows its band",
    ])

    /// Channels of an encoding.
    static let encoding = table([
        "theta2": "arc and polar marks are not implemented",
        "radius2": "arc and polar marks are not implemented",
        "angle": "text and points are drawn upright",
        "url": "image marks are not implemented",
        "description": "describe the figure in its `alt` text",
        "key": staticCharts,
        "row": "use the chart's `facet`",
        "column": "use the chart's `facet`",
        "facet": "use the chart's `facet`",
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

    /// Keys of an axis.
    static let axis = table([
        "formatType": "give the channel's `format`",
        "labelExpr": "give the channel's `format`",
        "values": "give `tickCount`, or the scale's `domain` with `nice: false`",
        "tickMinStep": "give `tickCount`",
        "labels": theme, "ticks": theme, "domain": theme, "offset": theme, "zindex": theme,
        "gridColor": theme, "gridDash": theme, "gridOpacity": theme, "gridWidth": theme,
        "tickColor": theme, "tickDash": theme, "tickSize": theme, "tickWidth": theme,
        "domainColor": theme, "domainWidth": theme, "domainDash": theme,
        "labelAlign": theme, "labelBaseline": theme, "labelColor": theme, "labelFont": theme,
        "labelFontSize": theme, "labelFontWeight": theme, "labelFlush": theme, "labelLimit": theme,
        "labelOffset": theme, "labelOverlap": theme, "labelPadding": theme, "labelSeparation": theme,
        "titleAlign": theme, "titleAnchor": theme, "titleAngle": theme, "titleBaseline": theme,
        "titleColor": theme, "titleFont": theme, "titleFontSize": theme, "titleFontWeight": theme,
        "titlePadding": theme, "titleX": theme, "titleY": theme,
        "minExtent": theme, "maxExtent": theme, "bandPosition": theme, "style": theme,
        "aria": "describe the figure in its `alt` text",
        "description": "describe the figure in its `alt` text",
    ])

    /// Keys of a scale.
    static let scale = table([
        "domainMin": "give the whole `domain`",
        "domainMax": "give the whole `domain`",
        "domainMid": "give the whole `domain`",
        "domainRaw": staticCharts,
        "clamp": "marks outside the domain are clipped to the plot area",
        "padding": theme,
        "paddingInner": theme,
        "paddingOuter": theme,
        "round": theme,
        "align": theme,
        "exponent": "pow scales are not implemented: use `linear` or `log`",
        "base": "log scales are base 10",
        "interpolate": "colour ramps are interpolated in their own space",
        "rangeMin": "give the whole `range`",
        "rangeMax": "give the whole `range`",
        "bins": "bin in an analysis and chart its table",
    ])

    /// Keys of a legend.
    static let legend = table([
        "orient": "give the legend's `position`",
        "direction": "the legend's layout follows its `position`",
        "legendX": "give the legend's `position`",
        "legendY": "give the legend's `position`",
        "offset": theme,
        "padding": theme,
        "titleOrient": theme,
        "columns": "the legend's layout follows its `position`",
        "format": "give the colour channel's `format`",
        "formatType": "give the colour channel's `format`",
        "labelExpr": "give the colour channel's `format`",
        "values": "give the colour scale's `domain`",
        "symbolType": theme,
        "symbolSize": theme,
        "gradientLength": theme,
        "labelLimit": theme,
        "tickCount": "give the colour scale's `domain`",
        "type": "a quantitative colour gets a gradient, a nominal one swatches",
        "orientation": "give the legend's `position`",
    ])

    /// Keys of a facet.
    static let facet = table([
        "type": "a facet field is nominal",
        "title": "the panels are titled by their value",
        "header": theme,
        "spacing": theme,
        "bounds": theme,
        "align": theme,
        "center": theme,
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
        "feature": "declare map shapes under `shapes:` (GeoJSON)",
        "mesh": "declare map shapes under `shapes:` (GeoJSON)",
        "delimiter": "use a .csv or .tsv file",
    ])
}
