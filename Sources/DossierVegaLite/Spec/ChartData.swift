/// A data table supplied to the chart compiler: named columns of equal length.
/// Map layers also take GeoJSON features through ``features``.
public struct ChartData: Sendable {
    /// The columns, in the order given.
    public var columns: [(name: String, values: ChartColumn)]
    /// Map shapes, for `geoshape` layers that name this entry in `shapes`.
    public var features: [GeoFeature]
    /// The fields whose cells hold lists or records (nested JSON), every row's value; their
    /// paths (`a.b`, `a[0]`) are columns as well. Transforms (`flatten`, expressions) read them.
    public var nested: [String: [RecordValue]] = [:]

    /// Creates a table from columns.
    public init(columns: [(name: String, values: ChartColumn)]) {
        self.columns = columns
        self.features = []
    }

    /// Creates an entry holding map features (parse them with ``GeoJSON/features(from:)``).
    public init(features: [GeoFeature]) {
        self.columns = []
        self.features = features
    }

    /// The column called `name`.
    public func column(_ name: String) -> ChartColumn? {
        columns.first { $0.name == name }?.values
    }

    /// The column names, in order.
    public var fieldNames: [String] { columns.map(\.name) }

    /// The number of rows (the first column's length).
    public var rowCount: Int { columns.first?.values.count ?? 0 }
}
