import DossierBase

/// Fonts, sizes, colours and spacing of charts.
public struct Theme: Sendable {
    /// Font family for all chart text.
    public var fontFamily: String
    /// Title size in points.
    public var titleSize: Double
    /// Subtitle size.
    public var subtitleSize: Double
    /// Axis tick label, legend label and point label size.
    public var labelSize: Double
    /// Axis and legend title size.
    public var axisTitleSize: Double
    /// Caption and source note size.
    public var captionSize: Double
    /// Main text colour.
    public var textColor: Color
    /// Secondary text colour (subtitle, axis labels, captions).
    public var mutedTextColor: Color
    /// Gridline colour.
    public var gridColor: Color
    /// Axis baseline and tick colour.
    public var axisColor: Color
    /// Background.
    public var background: Color
    /// Colour of marks without a colour channel.
    public var markColor: Color
    /// Fill of map shapes without data.
    public var noDataColor: Color
    /// Categorical palette (colour-blind safe).
    public var categorical: [Color]
    /// Sequential ramp stops, light to dark.
    public var sequential: [Color]
    /// Space around the whole chart.
    public var padding: Double
    /// Tick length.
    public var tickLength: Double
    /// The Vega-Lite `config` applied over these values (``applying(_:)``): the axis, legend,
    /// title, view and mark keys that have no field of their own here.
    public var config = ChartConfig()

    /// The briefing theme: Noto Sans, sizes for A4 print, light gridlines, Okabe–Ito and viridis.
    public static let briefing = Theme(
        fontFamily: "Noto Sans", titleSize: 11, subtitleSize: 8.5, labelSize: 7.5, axisTitleSize: 7.5,
        captionSize: 6.5,
        textColor: Color(hex: 0x1A1A1A), mutedTextColor: Color(hex: 0x555555), gridColor: Color(hex: 0xE3E3E3),
        axisColor: Color(hex: 0x777777), background: .white, markColor: Color(hex: 0x0072B2),
        noDataColor: Color(hex: 0xE6E6E6), categorical: Palette.okabeIto, sequential: Palette.viridis,
        padding: 8, tickLength: 3)

    /// Creates a theme.
    public init(fontFamily: String, titleSize: Double, subtitleSize: Double, labelSize: Double, axisTitleSize: Double,
                captionSize: Double, textColor: Color, mutedTextColor: Color, gridColor: Color, axisColor: Color,
                background: Color, markColor: Color, noDataColor: Color, categorical: [Color], sequential: [Color],
                padding: Double, tickLength: Double) {
        self.fontFamily = fontFamily; self.titleSize = titleSize; self.subtitleSize = subtitleSize
        self.labelSize = labelSize; self.axisTitleSize = axisTitleSize; self.captionSize = captionSize
        self.textColor = textColor; self.mutedTextColor = mutedTextColor; self.gridColor = gridColor
        self.axisColor = axisColor; self.background = background; self.markColor = markColor
        self.noDataColor = noDataColor; self.categorical = categorical; self.sequential = sequential
        self.padding = padding; self.tickLength = tickLength
    }
}
