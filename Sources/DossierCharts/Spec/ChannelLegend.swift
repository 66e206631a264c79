import DossierBase

/// Vega-Lite's `legend` on a channel: `null` hides the legend; `{title, orient}` titles and
/// places it. The chart has one legend, so these fill the chart's `legend` where it is silent.
public struct ChannelLegend: Sendable, Equatable {
    /// `legend: null`.
    public var hidden: Bool
    /// The legend's title.
    public var title: String?
    /// `top`, `bottom`, `right` or `left` (drawn on the right), as the chart's `position`.
    public var orient: String?

    /// The chart legend with this channel's choices where the chart's own says nothing.
    func filling(_ legend: LegendSpec?) -> LegendSpec {
        var filled = legend ?? LegendSpec()
        if hidden, filled.position == nil { filled.position = "none" }
        if filled.title == nil { filled.title = title }
        if filled.position == nil, let orient { filled.position = orient == "left" ? "right" : orient }
        return filled
    }
}

extension ChannelLegend: Decodable {
    private enum CodingKeys: String, CodingKey { case title, orient }

    /// Decodes `null` or `{title, orient}`.
    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), single.decodeNil() {
            self.init(hidden: true, title: nil, orient: nil)
            return
        }
        try UnknownKeys.check(decoder, known: ["title", "orient"], what: "a channel's legend",
                              notYetSupported: VegaLiteUnsupportedKeys.legend)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let orient = try c.decodeIfPresent(String.self, forKey: .orient)
        if let orient, !["top", "bottom", "right", "left", "none"].contains(orient) {
            throw DecodingError.dataCorruptedError(forKey: .orient, in: c, debugDescription:
                "legend orient \(InputExcerpt.quoted(orient)) is not supported, expected top, bottom, right, left or none")
        }
        self.init(hidden: orient == "none", title: try c.decodeIfPresent(String.self, forKey: .title), orient: orient)
    }
}
