import CairoKit

/// One facet panel's plot area.
struct Panel {
    var key: String?
    var rect: SceneRect
    var row: Int
    var column: Int
    /// Draw x tick labels under this panel (last panel of its column).
    var xAxis: Bool
    /// Draw y tick labels left of this panel (first column).
    var yAxis: Bool
    /// Draw secondary y labels right of this panel (last panel of its row).
    var y2Axis: Bool
}

/// The room left for the panels once titles, footer, legend and axes have taken theirs.
struct PlotFrame {
    var left: Double
    var right: Double
    var top: Double
    var bottom: Double
}

/// The sizes of the axes' labels and titles, measured before the panels are placed.
struct AxisMeasures {
    var labelHeight: Double
    /// The x and y axes' resolved properties.
    var xAxis: ResolvedAxis
    var yAxis: ResolvedAxis
    /// The height of a line of x tick labels.
    var xLabelHeight: Double
    var xTitle: String?
    var xTitleHeight: Double
    var xLabels: [(value: Double?, key: String?, text: String)]
    /// The widest x tick label.
    var xLabelWidth: Double
    var yTitle: String?
    var yTitleHeight: Double
    /// The widest y tick label (capped for a band axis, whose labels wrap).
    var yLabelWidth: Double
    var y2Title: String?
    var y2TitleHeight: Double
    /// The widest secondary y tick label.
    var y2LabelWidth: Double
}

/// The panels, with the scales sized to them and how the x labels fit.
struct PanelGrid {
    var panels: [Panel]
    var scales: PositionScales
    /// Crowded band labels on x are drawn rotated.
    var xRotated: Bool
    /// Show every k-th label of a crowded numeric band axis.
    var xLabelEvery: Int
    /// The height of a facet strip over each panel (0 without facets).
    var stripHeight: Double
    /// The lowest point of the plot area (above the x labels and title).
    var plotBottom: Double
    var plotTop: Double
}

/// Where everything in the chart goes, found before anything is emitted.
struct ChartLayout {
    /// Title, subtitle, caption and source.
    var frameItems: [SceneItem]
    var legend: LegendBlock?
    var legendOrigin: ScenePoint?
    var grid: PanelGrid
    /// The x, y and secondary y axis titles.
    var axisTitles: [SceneText]
    var mapInfo: MapInfo?
}
