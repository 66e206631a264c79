import DossierBase

/// Vega-Lite's facet channels (`row`, `column`, `facet` in a chart's `encoding`) and the facet
/// operator's `{row, column}`, as a ``FacetSpec``: `row` puts the panels in one column,
/// `column` in one row, `facet` wraps them at its `columns`.
extension FacetSpec {
    /// Panels per row that puts every panel in one row.
    static let oneRow = Int(ChartLimits.facetColumns.max)

    /// The facet of a chart's `encoding` channels `row`, `column` or `facet`, or nil.
    static func fromEncodingChannels(_ decoder: any Decoder) throws -> FacetSpec? {
        let chart = try decoder.container(keyedBy: AnyKey.self)
        let encodingKey = AnyKey(stringValue: "encoding")
        guard chart.contains(encodingKey), try !chart.decodeNil(forKey: encodingKey) else { return nil }
        let c = try chart.nestedContainer(keyedBy: AnyKey.self, forKey: encodingKey)
        let row = try c.decodeIfPresent(FacetSpec.self, forKey: AnyKey(stringValue: "row"))
        let column = try c.decodeIfPresent(FacetSpec.self, forKey: AnyKey(stringValue: "column"))
        let facet = try c.decodeIfPresent(FacetSpec.self, forKey: AnyKey(stringValue: "facet"))
        if let facet {
            guard row == nil, column == nil else {
                throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [AnyKey(stringValue: "facet")], debugDescription:
                    "an encoding takes `facet`, or `row` and `column`, not both"))
            }
            return facet
        }
        if row == nil, column == nil { return nil }
        return try arranging(row: row, column: column, at: c.codingPath)
    }

    /// The facet of `row` (panels in one column) or `column` (panels in one row).
    static func arranging(row: FacetSpec?, column: FacetSpec?, at path: [any CodingKey]) throws -> FacetSpec {
        if let row, column != nil {
            throw DecodingError.dataCorrupted(.init(codingPath: path + [AnyKey(stringValue: "column")], debugDescription:
                "faceting by both `row` (\(InputExcerpt.quoted(row.field))) and `column` is not supported in charts yet: facet by one field, or derive one field from both with a `calculate` transform and facet by it with `columns`"))
        }
        if var row {
            row.columns = 1
            return row
        }
        guard var column else {
            throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: "a facet needs a `field`, a `row` or a `column`"))
        }
        column.columns = oneRow
        return column
    }
}

/// Vega-Lite's `header` of a facet: the panels' labels and the facet's title.
public struct FacetHeader: Sendable, Decodable, Equatable {
    /// The facet's title over the panels (Vega-Lite: the field's name); empty or null hides it.
    public var title: String?
    /// Whether the panels are labelled with their value (default true).
    public var labels: Bool?
    /// Number format of the labels (Vega-Lite's `format`).
    public var format: String?

    /// Keys Dossier's look sets (fonts, colours, angles, placement): accepted and left to the theme.
    static let themeKeys = ["labelAngle", "labelOrient", "labelAlign", "labelAnchor", "labelBaseline", "labelColor",
                            "labelFont", "labelFontSize", "labelFontStyle", "labelFontWeight", "labelLimit",
                            "labelLineHeight", "labelPadding", "labelExpr", "titleAngle", "titleOrient", "titleAlign",
                            "titleAnchor", "titleBaseline", "titleColor", "titleFont", "titleFontSize", "titleFontStyle",
                            "titleFontWeight", "titleLimit", "titleLineHeight", "titlePadding", "orient", "formatType"]

    private enum CodingKeys: String, CodingKey, CaseIterable { case title, labels, format }

    /// Decodes a header; a null `title` hides the title.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, also: Self.themeKeys, what: "a facet header")
        if c.contains(.title) { title = try c.decodeNil(forKey: .title) ? "" : c.decode(String.self, forKey: .title) }
        labels = try c.decodeIfPresent(Bool.self, forKey: .labels)
        format = try c.decodeFormat(.format)
    }
}
