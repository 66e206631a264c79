import DossierBase

/// Where a layer's rows come from: Vega-Lite's `data`.
///
/// - a name, written as Vega-Lite's `{name: towns}` or as Dossier's bare `towns`: a table the
///   caller provides (a dataset resource, an analysis or `analysis.member`);
/// - `{values: [...]}`: rows written in the spec;
/// - `{url: data/cars.csv}`: a file the build reads, relative to the report and confined to
///   the project (CSV, TSV or JSON records; `format: {type: csv|tsv|json}` when the extension
///   does not say); `format: {type: topojson, feature: NAME}` (or `mesh: NAME`) reads a TopoJSON
///   object's geometries as rows, one per feature, each carrying its shape (see ``TopoJSON``).
public enum DataSource: Sendable, Equatable {
    /// A table provided by name.
    case named(String)
    /// Rows written in the spec, as columns.
    case values(InlineTable)
    /// A file to read, with its format.
    case url(String, format: DataFileFormat)
    /// A TopoJSON file and the object (as features or as a mesh) to read from it.
    case topology(String, TopoJSONSelection)

    /// The key of the table in the data given to the compiler: the name, `url:<path>` for a
    /// file, and for inline rows `values:<n>` (set by the chart, which numbers them).
    var defaultKey: String {
        switch self {
        case .named(let name): return name
        case .url(let path, _): return "url:" + path
        case .topology(let path, .feature(let name)): return "url:" + path + "#feature:" + name
        case .topology(let path, .mesh(let name)): return "url:" + path + "#mesh:" + name
        case .values: return Self.unnumberedValuesKey
        }
    }

    /// The key of inline rows before the chart numbers them (`values:1` is layer 1's).
    static let unnumberedValuesKey = "values:"
}

/// The format of a data file named by `url`.
public enum DataFileFormat: String, Sendable, Equatable, CaseIterable {
    case csv, tsv, json
    /// TopoJSON (only with `format: {type: topojson, feature|mesh: …}`; never inferred).
    case topojson

    /// The format the file name's extension says, or nil.
    static func fromExtension(of path: String) -> DataFileFormat? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        return DataFileFormat(rawValue: path[path.index(after: dot)...].lowercased())
    }
}

extension DataSource: Decodable {
    private enum CodingKeys: String, CodingKey, CaseIterable { case name, values, url, format }
    private enum FormatKeys: String, CodingKey, CaseIterable { case type, feature, mesh }

    /// Decodes a bare name, `{name}`, `{values}` or `{url, format}`.
    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let name = try? single.decode(String.self) {
            self = .named(name)
            return
        }
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, what: "a data source",
                                             notYetSupported: VegaLiteUnsupportedKeys.data)
        let given = [CodingKeys.name, .values, .url].filter { c.contains($0) }
        guard given.count == 1, let which = given.first else {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath, debugDescription:
                given.isEmpty ? "a data source needs one of `name`, `values` or `url`"
                              : "a data source takes one of `name`, `values` or `url`, found " + given.map { "`\($0.rawValue)`" }.joined(separator: " and ")))
        }
        var declared: DataFileFormat?
        var selection: TopoJSONSelection?
        if c.contains(.format) {
            let format = try c.superDecoder(forKey: .format).checkedContainer(
                keyedBy: FormatKeys.self, what: "a data format", notYetSupported: VegaLiteUnsupportedKeys.dataFormat)
            let type = try format.decode(String.self, forKey: .type)
            guard let known = DataFileFormat(rawValue: type) else {
                throw DecodingError.dataCorruptedError(forKey: .type, in: format, debugDescription:
                    "data format \(InputExcerpt.quoted(type)) is not supported, expected csv, tsv, json or topojson"
                    + NameHint.hint(for: type, known: DataFileFormat.allCases.map(\.rawValue)))
            }
            declared = known
            selection = try Self.topologySelection(format, type: known)
        }
        switch which {
        case .name:
            self = .named(try c.decode(String.self, forKey: .name))
        case .values:
            self = .values(try InlineTable(from: try c.superDecoder(forKey: .values)))
        default:
            let path = try c.decode(String.self, forKey: .url)
            if let selection {
                self = .topology(path, selection)
                return
            }
            guard let format = declared ?? DataFileFormat.fromExtension(of: path) else {
                throw DecodingError.dataCorruptedError(forKey: .url, in: c, debugDescription:
                    "cannot tell the format of \(InputExcerpt.quoted(path)) from its extension: give `format: {type: csv|tsv|json}`")
            }
            self = .url(path, format: format)
        }
    }
}

extension DataSource {
    /// The object a `topojson` format reads (`feature` or `mesh`, exactly one); nil for other
    /// formats, which take neither key.
    private static func topologySelection(_ format: KeyedDecodingContainer<FormatKeys>, type: DataFileFormat) throws -> TopoJSONSelection? {
        let feature = try format.decodeIfPresent(String.self, forKey: .feature)
        let mesh = try format.decodeIfPresent(String.self, forKey: .mesh)
        guard type == .topojson else {
            if feature != nil || mesh != nil {
                throw DecodingError.dataCorruptedError(forKey: feature != nil ? .feature : .mesh, in: format, debugDescription:
                    "`\(feature != nil ? "feature" : "mesh")` belongs to a topojson format, found type \(InputExcerpt.quoted(type.rawValue))")
            }
            return nil
        }
        switch (feature, mesh) {
        case (let name?, nil): return .feature(name)
        case (nil, let name?): return .mesh(name)
        case (.some, .some):
            throw DecodingError.dataCorruptedError(forKey: .mesh, in: format, debugDescription:
                "a topojson format takes one of `feature` and `mesh`, found both")
        case (nil, nil):
            throw DecodingError.dataCorruptedError(forKey: .type, in: format, debugDescription:
                "a topojson format needs `feature: <object>` (one row per geometry) or `mesh: <object>` (its arcs as lines)")
        }
    }
}
