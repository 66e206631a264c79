/// Nested data (lists and records inside a record, as Vega-Lite's inline `values` and JSON files
/// allow): each path to a value becomes a field of its own, named as Vega-Lite's field
/// accessors name it (`measures[0]`, `a.b`, `a.b[1].c`), and the nested field itself reads as
/// JavaScript's `String()` spells it (`2700,4800`; `[object Object]`).
extension InlineTable {
    /// The deepest nesting of lists and records in a value.
    public static let maximumNesting = 16

    /// Records with every nested path added as a field after the field that holds it, and the
    /// nested fields' values by field (every row, null where a row has no list or record).
    static func expandingNested(_ records: [[(String, RecordValue)]]) -> ([[(String, RecordValue)]], [String: [RecordValue]]) {
        var nested: [String: [RecordValue]] = [:]
        var expanded: [[(String, RecordValue)]] = []
        expanded.reserveCapacity(records.count)
        for (row, record) in records.enumerated() {
            guard record.contains(where: { $0.1.isNested }) else { expanded.append(record); continue }
            var fields: [(String, RecordValue)] = []
            for (name, value) in record {
                fields.append((name, value))
                guard value.isNested else { continue }
                if nested[name] == nil { nested[name] = Array(repeating: .null, count: records.count) }
                nested[name]?[row] = value
                value.appendPaths(under: name, to: &fields)
            }
            expanded.append(fields)
        }
        return (expanded, nested)
    }
}

extension RecordValue {
    /// Whether the value is a list or a record.
    var isNested: Bool {
        switch self {
        case .list, .record: return true
        default: return false
        }
    }

    /// Appends the paths below this value (`prefix[i]`, `prefix.key`), depth first.
    fileprivate func appendPaths(under prefix: String, to fields: inout [(String, RecordValue)]) {
        switch self {
        case .list(let items):
            for (i, item) in items.enumerated() {
                let path = "\(prefix)[\(i)]"
                fields.append((path, item))
                item.appendPaths(under: path, to: &fields)
            }
        case let .record(keys, values):
            for (key, item) in zip(keys, values) {
                let path = "\(prefix).\(key)"
                fields.append((path, item))
                item.appendPaths(under: path, to: &fields)
            }
        default:
            break
        }
    }

    /// The value as JavaScript's `String()` spells it.
    var javaScriptText: String {
        switch self {
        case .number(let n): return ChartLimits.spell(n)
        case .text(let s): return s
        case .boolean(let b): return b ? "true" : "false"
        case .null: return ""
        case .list(let items): return items.map(\.javaScriptText).joined(separator: ",")
        case .record: return "[object Object]"
        }
    }
}
