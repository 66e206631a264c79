import DossierBase

/// Writes computed results as JSON with a fixed key order and shortest round-trip numbers, so
/// the same results always give the same bytes.
package enum StatsJSON {
    package static func encode(results: [String: ResultValue], order: [String]) -> String {
        var out = "{\n"
        let names = order.filter { results[$0] != nil }
        for (index, name) in names.enumerated() {
            guard let value = results[name] else { continue }
            out += "  \(string(name)): "
            write(value, indent: 1, into: &out)
            out += index == names.count - 1 ? "\n" : ",\n"
        }
        return out + "}\n"
    }

    private static func write(_ value: ResultValue, indent: Int, into out: inout String) {
        let pad = String(repeating: "  ", count: indent + 1)
        let closePad = String(repeating: "  ", count: indent)
        switch value {
        case let .number(x): out += number(x)
        case let .integer(i): out += String(i)
        case let .text(text): out += string(text)
        case let .boolean(flag): out += flag ? "true" : "false"
        case .missing: out += "null"
        case let .interval(low, high, level):
            out += "{\"low\": \(number(low)), \"high\": \(number(high)), \"level\": \(number(level))}"
        case let .list(items):
            out += "[" + items.map { item -> String in
                var text = ""
                write(item, indent: indent + 1, into: &text)
                return text
            }.joined(separator: ", ") + "]"
        case let .record(fields):
            out += "{\n"
            for (index, field) in fields.enumerated() {
                out += pad + string(field.name) + ": "
                write(field.value, indent: indent + 1, into: &out)
                out += index == fields.count - 1 ? "\n" : ",\n"
            }
            out += closePad + "}"
        case let .table(table):
            out += "{\n"
            for (index, column) in table.columns.enumerated() {
                out += pad + string(column.name) + ": "
                write(.list(column.values), indent: indent + 1, into: &out)
                out += index == table.columns.count - 1 ? "\n" : ",\n"
            }
            out += closePad + "}"
        }
    }

    package static func number(_ x: Double) -> String {
        x.isFinite ? NumberText.short(x) : "null"
    }

    package static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
