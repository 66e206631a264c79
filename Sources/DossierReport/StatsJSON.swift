import DossierBase

/// Writes computed results as JSON with a fixed key order and shortest round-trip numbers, so
/// the same results always give the same bytes.
package enum StatsJSON {
    /// The results named in `order`, then (when there are any) the claims' verdicts under
    /// `"claims"` (see ``claimsJSON(_:)``): a report without claims has no such key.
    package static func encode(results: [String: ResultValue], order: [String], claims: [ClaimVerdict] = []) -> String {
        String(decoding: encodeBytes(results: results, order: order, claims: claims), as: UTF8.self)
    }

    /// ``encode(results:order:claims:)`` as UTF-8 bytes, written without the `String`.
    package static func encodeBytes(results: [String: ResultValue], order: [String], claims: [ClaimVerdict] = []) -> [UInt8] {
        var out = StatsJSONBytes()
        out.append("{\n")
        let names = order.filter { results[$0] != nil }
        for (index, name) in names.enumerated() {
            guard let value = results[name] else { continue }
            out.append("  ")
            out.string(name)
            out.append(": ")
            out.value(value, indent: 1)
            out.append(index == names.count - 1 && claims.isEmpty ? "\n" : ",\n")
        }
        if !claims.isEmpty {
            out.append("  ")
            out.string(ClaimCheck.statsKey)
            out.append(": ")
            out.text(claimsJSON(claims))
            out.append("\n")
        }
        out.append("}\n")
        return out.bytes
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
        var writer = StatsJSONBytes()
        writer.value(value, indent: indent)
        out += String(decoding: writer.bytes, as: UTF8.self)
    }

    package static func number(_ x: Double) -> String {
        x.isFinite ? NumberText.short(x) : "null"
    }

    package static func string(_ text: String) -> String {
        var writer = StatsJSONBytes()
        writer.string(text)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
