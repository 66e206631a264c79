import DossierBase

/// Vega-Lite's `legend` on a channel: `null` hides the legend; `{title, orient, direction, …}`
/// titles, places and shapes it (``LegendProperties``). The chart has one legend, so the
/// title and the side fill the chart's `legend` where it is silent.
public struct ChannelLegend: Sendable, Equatable {
    /// `legend: null`.
    public var hidden: Bool
    /// The legend's title.
    public var title: String?
    /// `top`, `bottom`, `right`, `left`, a corner (`top-left`…) or `none`.
    public var orient: String?
    /// The keys as written, for the resolution with `config.legend`.
    package var properties = GuideProperties()

    /// Creates a channel legend in code.
    public init(hidden: Bool, title: String?, orient: String?) {
        self.hidden = hidden; self.title = title; self.orient = orient
    }

    /// The chart legend with this channel's choices where the chart's own says nothing.
    func filling(_ legend: LegendSpec?) -> LegendSpec {
        var filled = legend ?? LegendSpec()
        if hidden, filled.position == nil { filled.position = "none" }
        if filled.title == nil { filled.title = title }
        if filled.position == nil, let orient { filled.position = orient }
        return filled
    }
}

extension ChannelLegend: Decodable {
    /// Decodes `null` or an object of ``LegendProperties``.
    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), single.decodeNil() {
            self.init(hidden: true, title: nil, orient: nil)
            return
        }
        let properties = try GuideProperties(from: decoder, table: LegendProperties.table, what: "a channel's legend",
                                             unsupported: VegaLiteUnsupportedKeys.legend)
        let orient = properties.text("orient")
        let title = properties.isNull("title") ? "" : properties.text("title")
        // `orient: none` hides the legend unless `legendX`/`legendY` place it (Compilation+LegendPlacement.swift).
        let placed = properties.number("legendX") != nil || properties.number("legendY") != nil
        self.init(hidden: (orient == "none" && !placed) || properties.flag("disable") == true, title: title, orient: orient)
        self.properties = properties
    }
}
