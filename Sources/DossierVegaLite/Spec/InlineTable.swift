import DossierBase

/// One value of a data record: what a cell of Vega-Lite `values` or a JSON data file holds.
public enum RecordValue: Sendable, Equatable {
    case number(Double)
    case text(String)
    case boolean(Bool)
    case null
    /// A list (a JSON array) inside a record: nested data (NestedRecordValues.swift).
    indirect case list([RecordValue])
    /// A record (a JSON object) inside a record, its keys in order.
    indirect case record(keys: [String], values: [RecordValue])
}

/// Rows given as records (Vega-Lite `values`, JSON data files), turned into columns: one column
/// per field in order of first appearance; a column whose present values are all numbers is
/// numeric, any other is text (booleans read `true`/`false`); a field a record lacks, or
/// `null`, is missing. A field holding lists or records keeps them in ``nested`` and gives a
/// column per path (`a.b`, `a[0]`), as Vega-Lite's field accessors reach them.
public struct InlineTable: Sendable, Equatable {
    /// One column of the table.
    public struct Column: Sendable, Equatable {
        public var name: String
        public var values: ChartColumn
    }

    /// The columns, in order of first appearance.
    public var columns: [Column]
    /// The fields that hold lists or records, with every row's value (for `flatten` and
    /// expressions).
    public var nested: [String: [RecordValue]] = [:]

    /// The most records a chart's `values` or data file may hold.
    public static let maximumRows = 1_000_000
    /// The most fields.
    public static let maximumFields = 1_000

    /// Builds the columns from records (field name and value pairs, in the record's order).
    public init(records: [[(String, RecordValue)]]) {
        let (records, nested) = Self.expandingNested(records)
        self.nested = nested
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
            let numeric = values.allSatisfy { if case .number = $0 { return true }; return $0 == .null }
            if numeric {
                return Column(name: name, values: .numbers(values.map { if case .number(let n) = $0 { return n }; return nil }))
            }
            return Column(name: name, values: .strings(values.map { value -> String? in
                switch value {
                case .number(let n): return ChartLimits.spell(n)
                case .text(let s): return s
                case .boolean(let b): return b ? "true" : "false"
                case .null: return nil
                case .list, .record: return value.javaScriptText
                }
            }))
        }
    }

    /// The table as the compiler's data.
    public var chartData: ChartData {
        var data = ChartData(columns: columns.map { ($0.name, $0.values) })
        data.nested = nested
        return data
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
        guard columns.count <= Self.maximumFields else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription:
                "`values` has \(columns.count) fields with the paths of its nested lists and records, more than \(Self.maximumFields)"))
        }
    }

    /// One value: a number, a boolean, a text, null, or a list or record of values (nested at
    /// most ``maximumNesting`` deep).
    private static func value(in decoder: any Decoder, depth: Int = 0) throws -> RecordValue {
        if var list = try? decoder.unkeyedContainer() {
            try checkNesting(depth, decoder)
            var items: [RecordValue] = []
            while !list.isAtEnd { items.append(try value(in: try list.superDecoder(), depth: depth + 1)) }
            return .list(items)
        }
        if let keyed = try? decoder.container(keyedBy: AnyKey.self) {
            try checkNesting(depth, decoder)
            let keys = keyed.allKeys
            return .record(keys: keys.map(\.stringValue),
                           values: try keys.map { try value(in: try keyed.superDecoder(forKey: $0), depth: depth + 1) })
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() { return .null }
        if let number = try? single.decode(Double.self) { return .number(number) }
        if let flag = try? single.decode(Bool.self) { return .boolean(flag) }
        if let text = try? single.decode(String.self) { return .text(text) }
        throw DecodingError.dataCorruptedError(in: single, debugDescription:
            "a value in `values` is not a number, a text, true/false, null, a list or a record")
    }

    private static func checkNesting(_ depth: Int, _ decoder: any Decoder) throws {
        guard depth < maximumNesting else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription:
                "a value in `values` nests lists and records more than \(maximumNesting) deep"))
        }
    }
}
