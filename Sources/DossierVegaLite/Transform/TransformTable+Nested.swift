/// Nested values (arrays and objects) in a layer's rows, between the transforms and the
/// compiler's ``ChartData``: a column of arrays or objects goes back as its text, as a column
/// per path (`a[0]`, `a.b`) and as ``ChartData/nested``.
extension TransformTable {
    /// The column names and values with every nested path added after its column (paths a
    /// transform computed already kept as they are), and the nested columns as records.
    func expandingNested() -> ([String], [String: [ExpressionValue]], [String: [RecordValue]]) {
        let nestedNames = names.filter { name in columns[name]?.contains(where: \.isNested) ?? false }
        guard !nestedNames.isEmpty else { return (names, columns, [:]) }
        var outNames: [String] = [], outColumns = columns
        var nested: [String: [RecordValue]] = [:]
        for name in names {
            outNames.append(name)
            guard nestedNames.contains(name), let values = columns[name] else { continue }
            nested[name] = values.map(\.record)
            outColumns[name] = values.map { $0.isNested ? .string($0.text) : $0 }
            var paths: [String] = [], pathValues: [String: [ExpressionValue]] = [:]
            for (row, value) in values.enumerated() {
                value.visitPaths(under: name) { path, item in
                    if pathValues[path] == nil {
                        paths.append(path)
                        pathValues[path] = Array(repeating: .null, count: rowCount)
                    }
                    pathValues[path]?[row] = item.isNested ? .string(item.text) : item
                }
            }
            for path in paths where columns[path] == nil {
                outNames.append(path)
                outColumns[path] = pathValues[path]
            }
        }
        return (outNames, outColumns, nested)
    }
}

extension ExpressionValue {
    /// A value of nested data.
    init(record: RecordValue) {
        switch record {
        case .number(let n): self = .number(n)
        case .text(let s): self = .string(s)
        case .boolean(let b): self = .boolean(b)
        case .null: self = .null
        case .list(let items): self = .array(items.map(ExpressionValue.init(record:)))
        case let .record(keys, values):
            var properties: [String: ExpressionValue] = [:]
            for (key, value) in zip(keys, values) { properties[key] = ExpressionValue(record: value) }
            self = .object(properties)
        }
    }

    /// The value as nested data (an object's keys sorted).
    var record: RecordValue {
        switch self {
        case .number(let n): return .number(n)
        case .string(let s): return .text(s)
        case .boolean(let b): return .boolean(b)
        case .null: return .null
        case .array(let items): return .list(items.map(\.record))
        case .object(let properties):
            let keys = properties.keys.sorted()
            return .record(keys: keys, values: keys.map { properties[$0]?.record ?? .null })
        }
    }

    /// Whether the value is an array or an object.
    var isNested: Bool {
        switch self {
        case .array, .object: return true
        default: return false
        }
    }

    /// Calls `visit` with each path below the value and the value there, depth first.
    func visitPaths(under prefix: String, _ visit: (String, ExpressionValue) -> Void) {
        switch self {
        case .array(let items):
            for (i, item) in items.enumerated() {
                visit("\(prefix)[\(i)]", item)
                item.visitPaths(under: "\(prefix)[\(i)]", visit)
            }
        case .object(let properties):
            for key in properties.keys.sorted() {
                let item = properties[key] ?? .null
                visit("\(prefix).\(key)", item)
                item.visitPaths(under: "\(prefix).\(key)", visit)
            }
        default:
            break
        }
    }
}
