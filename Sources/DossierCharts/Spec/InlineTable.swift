import DossierBase

/// One value of a data record: what a cell of Vega-Lite `values` or a JSON data file holds.
public enum RecordValue: Sendable, Equatable {
    case number(Double)
    case text(String)
    case boolean(Bool)
    case null
}

/// Rows given as records (Vega-Lite `values`, JSON data files), turned into columns: one column
/// per field in order of first appearance; a column whose present values are all numbers is
/// numeric, any other is text (booleans read `true`/`false`); a field a record lacks, or
/// `null`, is missing.
public struct InlineTable: Sendable, Equatable {
    /// One column of the table.
    public struct Column: Sendable, Equatable {
        public var name: String
        public var values: ChartColumn
    }

    /// The columns, in order of first appearance.
    public var columns: [Column]

    /// The most records a chart's `values` or data file may hold.
    public static let maximumRows = 1_000_000
    /// The most fields.
    public static let maximumFields = 1_000

    /// Builds the columns from records (field name and value pairs, in the record's order).
    public init(records: [[(String, RecordValue)]]) {
        var order: [String] = []
        var cells: [String: [RecordValue]] = [:]
        for (row, record) in records.enumerated() {
            for (name, value) in record {
                if cells[name] == nil {
                    order.append(name)
                    cells[name] = Array(repeating: .null, count: records.count)
                }
                cells[name]?[row] = value
            }
        }
        columns = order.map { name in
            let values = cells[name] ?? []
            let numeric = values.allSatisfy { if case .text = $0 { return false }; if case .boolean = $0 { return false }; return true }
            if numeric {
                return Column(name: name, values: .numbers(values.map { if case .number(let n) = $0 { return n }; return nil }))
            }
            return Column(name: name, values: .strings(values.map { value -> String? in
                switch value {
                case .number(let n): return ChartLimits.spell(n)
                case .text(let s): return s
                case .boolean(let b): return b ? "true" : "false"
                case .null: return nil
                }
            }))
        }
    }

    /// The table as the compiler's data.
    public var chartData: ChartData {
        ChartData(columns: columns.map { ($0.name, $0.values) })
    }
}

extension InlineTable: Decodable {
    /// Decodes Vega-Lite `values`: a list of records, or a list of plain values (each becomes a
    /// record with one field, `data`, as in Vega-Lite).
    public init(from decoder: any Decoder) throws {
        var list = try decoder.unkeyedContainer()
        var records: [[(String, RecordValue)]] = []
        while !list.isAtEnd {
            guard records.count < Self.maximumRows else {
                throw DecodingError.dataCorruptedError(in: list, debugDescription:
                    "`values` holds more than \(Self.maximumRows) rows: put them in a data file or a dataset")
            }
            let element = try list.superDecoder()
            if let keyed = try? element.container(keyedBy: AnyKey.self) {
                guard keyed.allKeys.count <= Self.maximumFields else {
                    throw DecodingError.dataCorrupted(.init(codingPath: keyed.codingPath, debugDescription:
                        "a record has \(keyed.allKeys.count) fields, more than \(Self.maximumFields)"))
                }
                records.append(try keyed.allKeys.map { key in
                    (key.stringValue, try Self.value(in: try keyed.superDecoder(forKey: key)))
                })
            } else {
                records.append([("data", try Self.value(in: element))])
            }
        }
        self.init(records: records)
    }

    /// One scalar: a number, a boolean, a text or null; a list or record is an error.
    private static func value(in decoder: any Decoder) throws -> RecordValue {
        let single = try decoder.singleValueContainer()
        if single.decodeNil() { return .null }
        if let number = try? single.decode(Double.self) { return .number(number) }
        if let flag = try? single.decode(Bool.self) { return .boolean(flag) }
        if let text = try? single.decode(String.self) { return .text(text) }
        throw DecodingError.dataCorruptedError(in: single, debugDescription:
            "a value in `values` is a list or a record, expected a number, a text, true/false or null")
    }
}
