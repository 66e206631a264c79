import DossierBase

/// Writes computed results as JSON with a fixed key order and shortest round-trip numbers, so
/// the same results always give the same bytes.
package enum StatsJSON {
    /// The results named in `order`, then (when there are any) the claims' verdicts under
    /// `"claims"` (see ``claimsJSON(_:)``): a report without claims has no such key.
    package static func encode(results: [String: ResultValue], order: [String], claims: [ClaimVerdict] = []) -> String {
        var out = "{\n"
        let names = order.filter { results[$0] != nil }
        for (index, name) in names.enumerated() {
            guard let value = results[name] else { continue }
            out += "  \(string(name)): "
            write(value, indent: 1, into: &out)
            out += index == names.count - 1 && claims.isEmpty ? "\n" : ",\n"
        }
        if !claims.isEmpty {
            out += "  \(string(ClaimCheck.statsKey)): " + claimsJSON(claims) + "\n"
        }
        return out + "}\n"
    }

    /// The verdicts as a JSON list, one object per claim: `id`, `holds` (the condition as
    /// written), `says`, `holds_now` (true or false) and `values` (each path of the condition
    /// and its value: a number, text, boolean, `null` for missing or NaN, an interval as
    /// `{low, high, level}`, an estimate as `{estimate, ci}`).
    package static func claimsJSON(_ verdicts: [ClaimVerdict]) -> String {
        var out = "["
        for (index, verdict) in verdicts.enumerated() {
            out += index == 0 ? "\n" : ",\n"
            out += "    {\n"
            out += "      \"id\": \(string(verdict.claim.id)),\n"
            out += "      \"holds\": \(string(verdict.claim.spec.holds)),\n"
            out += "      \"says\": \(string(verdict.claim.spec.says)),\n"
            out += "      \"holds_now\": \(verdict.holdsNow ? "true" : "false"),\n"
            out += "      \"values\": "
            if verdict.values.isEmpty {
                out += "{}"
            } else {
                out += "{\n"
                for (position, value) in verdict.values.enumerated() {
                    out += "        \(string(value.path)): "
                    write(value.value, indent: 4, into: &out)
                    out += position == verdict.values.count - 1 ? "\n" : ",\n"
                }
                out += "      }"
            }
            out += "\n    }"
        }
        return out + (verdicts.isEmpty ? "]" : "\n  ]")
    }

    static func write(_ value: ResultValue, indent: Int, into out: inout String) {
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
            // Written in place: a 1000× briefing's stats.json lists hundreds of thousands of
            // values, and a string per item was a tenth of its build.
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += ", " }
                write(item, indent: indent + 1, into: &out)
            }
            out += "]"
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
        // Most texts need no escape: copied whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + text + "\""
        }
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
