import DossierBase
/// Small multiples: one panel per value of `field`, scales shared across panels.
public struct FacetSpec: Sendable, Decodable, Equatable {
    /// The field whose values make the panels; layers whose data lack it appear in every panel.
    public var field: String
    /// Panels per row, 1…100 (default: up to 3). A chart has at most 100 panels.
    public var columns: Int?
    /// Panel order (as for a discrete channel; default ascending).
    public var sort: SortSpec?
    /// Number format for numeric facet values.
    public var format: String?
    /// Vega-Lite's `header`: `labels: false` leaves the panels unlabelled.
    public var header: FacetHeader?
}

/// Legend options.
public struct LegendSpec: Sendable, Decodable, Equatable {
    /// `right` (default), `top`, `bottom` or `none`.
    public var position: String?
    /// Legend title (default: the colour channel's title); empty string hides it.
    public var title: String?
    /// Label of the swatch for map shapes without data (default `No data`).
    public var noDataLabel: String?
}

/// A labelled reference line across the plot.
public struct Annotation: Sendable, Decodable, Equatable {
    /// Draw a vertical line at this x value (number, or category for a band axis).
    public var x: ChartValue?
    /// Draw a horizontal line at this y value.
    public var y: ChartValue?
    /// The label, drawn at the top (vertical) or right end (horizontal) of the line.
    public var label: String?
    /// Line colour (a CSS colour; default dark grey).
    public var color: String?
    /// Dash pattern (default `[3, 2]`; `[]` for solid; as ``MarkDef/strokeDash``).
    public var strokeDash: [Double]?
}

/// Map projection.
public struct ProjectionSpec: Sendable, Decodable, Equatable {
    /// `mercator` (default), `albersUsa` (d3's composite of the lower 48, Alaska and Hawaii) or
    /// `equalArea` (Lambert azimuthal equal-area, centred on the data).
    public var type: String?
}

extension FacetSpec {
    private enum CodingKeys: String, CodingKey, CaseIterable { case field, columns, sort, format, type, header, row, column }
    /// Vega-Lite's facet layout keys and a field definition's `title`: accepted and left alone.
    private static let acceptedKeys = ["title", "spacing", "bounds", "align", "center"]

    /// Decodes facet options, checking `columns` and `format`; Vega-Lite's facet field
    /// definition (`type`, `title`, `header`, layout keys) and the facet operator's
    /// `{row, column}` are accepted (see FacetChannels.swift).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, also: Self.acceptedKeys, what: "a facet",
                                             notYetSupported: VegaLiteUnsupportedKeys.facet)
        if c.contains(.row) || c.contains(.column) {
            self = try Self.arranging(row: try c.decodeIfPresent(FacetSpec.self, forKey: .row),
                                      column: try c.decodeIfPresent(FacetSpec.self, forKey: .column), at: c.codingPath)
            return
        }
        _ = try c.decodeIfPresent(FieldType.self, forKey: .type)
        header = try c.decodeIfPresent(FacetHeader.self, forKey: .header)
        field = try c.decode(String.self, forKey: .field)
        columns = try c.decodeWholeNumber(.columns, ChartLimits.facetColumns)
        sort = try c.decodeIfPresent(SortSpec.self, forKey: .sort)
        format = try c.decodeFormat(.format) ?? header?.format
    }
}

extension Annotation {
    private enum CodingKeys: String, CodingKey, CaseIterable { case x, y, label, color, strokeDash }

    /// Decodes an annotation, checking its position (within ±1e15), colour and dash pattern.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, what: "an annotation")
        x = try c.decodeCoordinate(.x)
        y = try c.decodeCoordinate(.y)
        label = try c.decodeIfPresent(String.self, forKey: .label)
        color = try c.decodeColor(.color)
        strokeDash = try c.decodeDash(.strokeDash)
    }
}

extension LegendSpec {
    private enum CodingKeys: String, CodingKey, CaseIterable { case position, title, noDataLabel }

    /// Decodes legend options, rejecting unknown keys.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, what: "a legend",
                                             notYetSupported: VegaLiteUnsupportedKeys.legend)
        position = try c.decodeIfPresent(String.self, forKey: .position)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        noDataLabel = try c.decodeIfPresent(String.self, forKey: .noDataLabel)
    }
}

extension ProjectionSpec {
    private enum CodingKeys: String, CodingKey, CaseIterable { case type }

    /// Decodes a projection, rejecting unknown keys.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, what: "a projection",
                                             notYetSupported: VegaLiteUnsupportedKeys.projection)
        type = try c.decodeIfPresent(String.self, forKey: .type)
        if let type, !Self.drawnTypes.contains(type.lowercased()) {
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription:
                "projection type \(InputExcerpt.quoted(type)) is not supported in charts yet, expected mercator, albersUsa or equalArea "
                + "(Lambert azimuthal equal-area, Vega's azimuthalEqualArea)")
        }
    }

    /// The projection types a map is drawn with (lower-cased); any other is refused rather than
    /// drawn with another projection.
    static let drawnTypes: Set<String> = ["mercator", "equalarea", "azimuthalequalarea", "albersusa"]
}
