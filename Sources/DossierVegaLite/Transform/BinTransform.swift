import DossierBase
import Foundation

/// Vega-Lite's `bin` transform: each row's value of `field` put into an equal-width bin, whose
/// start and end become the fields `as` (`[start, end]`, or a name and `<name>_end`). The bins
/// are Vega's: a "nice" step (1, 2 or 5 times a power of ten) giving at most `maxbins` bins
/// (default 10) over the data's extent (or `extent`), the extent widened to multiples of the
/// step (`nice`, default true); or a given `step`.
package struct BinTransform: Sendable, Equatable {
    package var field: String
    package var start: String
    package var end: String
    package var maxbins: Int
    package var step: Double?
    package var extent: (Double, Double)?
    package var nice: Bool

    /// A bin step of `field` into `start` and `end` with `parameters`.
    package init(field: String, start: String, end: String, parameters: BinParameters) {
        self.field = field; self.start = start; self.end = end
        maxbins = parameters.maxbins; step = parameters.step; nice = parameters.nice
        if let low = parameters.extentLow, let high = parameters.extentHigh { extent = (low, high) }
    }

    package static func == (a: BinTransform, b: BinTransform) -> Bool {
        a.field == b.field && a.start == b.start && a.end == b.end && a.maxbins == b.maxbins && a.step == b.step
            && a.extent?.0 == b.extent?.0 && a.extent?.1 == b.extent?.1 && a.nice == b.nice
    }

    /// Vega's bin boundaries (vega-statistics `bin`) for an extent.
    static func bins(min lo: Double, max hi: Double, maxbins: Int, step given: Double?, nice: Bool) -> (start: Double, stop: Double, step: Double) {
        var min = lo, max = hi
        let span = (max - min) != 0 ? max - min : (abs(min) != 0 ? abs(min) : 1)
        var step: Double
        if let given {
            step = given
        } else {
            let maxb = Double(maxbins)
            let level = ceil(log10(maxb))
            step = Swift.max(0, pow(10, VegaExpressionFunction.jsRound(log10(span)) - level))
            while ceil(span / step) > maxb { step *= 10 }
            for divisor in [5.0, 2.0] {
                let v = step / divisor
                if span / v <= maxb { step = v }
            }
        }
        let v = log(step)
        let precision = v >= 0 ? 0 : Int(-v / log(10)) + 1
        let eps = pow(10, -Double(precision) - 1)
        if nice {
            let floored = floor(min / step + eps) * step
            min = min < floored ? floored - step : floored
            max = ceil(max / step) * step
        }
        return (min, max == min ? min + step : max, step)
    }

    package func apply(to table: TransformTable) throws -> TransformTable {
        try table.require(field, in: "bin")
        let values = (table.column(field) ?? []).map { v -> Double? in
            if v == .null { return nil }
            if case .string(let s) = v, s.isEmpty { return nil }
            return v.number
        }
        var result = table
        let finite = values.compactMap { $0 }.filter(\.isFinite)
        guard let lo = extent?.0 ?? finite.min(), let hi = extent?.1 ?? finite.max() else {
            result.set(start, Array(repeating: .null, count: table.rowCount))
            result.set(end, Array(repeating: .null, count: table.rowCount))
            return result
        }
        let b = Self.bins(min: lo, max: hi, maxbins: maxbins, step: step, nice: nice)
        // Vega: values outside [start, stop] fall to ±∞; the last bin is closed.
        let starts: [Double?] = values.map { value in
            guard let value, !value.isNaN else { return nil }
            if value < b.start { return -.infinity }
            if value > b.stop { return .infinity }
            let clamped = Swift.max(b.start, Swift.min(value, b.stop - b.step))
            return b.start + b.step * floor(1e-14 + (clamped - b.start) / b.step)
        }
        result.set(start, starts.map { $0.map(ExpressionValue.number) ?? .null })
        result.set(end, starts.map { s in s.map { .number($0.isFinite ? $0 + b.step : $0) } ?? .null })
        return result
    }
}

extension BinTransform: Decodable {
    private enum CodingKeys: String, CodingKey, CaseIterable { case bin, field, name = "as" }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, what: "a bin transform")
        let field = try c.decode(String.self, forKey: .field)
        let start: String, end: String
        if let names = try? c.decode([String].self, forKey: .name) {
            guard names.count == 2 else {
                throw DecodingError.dataCorruptedError(forKey: .name, in: c, debugDescription:
                    "a bin's `as` has \(names.count) names, expected 2: [start, end] (or one name)")
            }
            (start, end) = (names[0], names[1])
        } else {
            let name = try c.decode(String.self, forKey: .name)
            (start, end) = (name, name + "_end")
        }
        if let flag = try? c.decode(Bool.self, forKey: .bin), !flag {
            throw DecodingError.dataCorruptedError(forKey: .bin, in: c, debugDescription: "`bin: false` bins nothing: remove the transform")
        }
        let parameters = try c.decode(BinParameters.self, forKey: .bin)
        if parameters.binned {
            throw DecodingError.dataCorruptedError(forKey: .bin, in: c, debugDescription:
                "a bin transform with `binned` bins nothing: `binned` belongs on the channel (x or y) of data binned already")
        }
        self.init(field: field, start: start, end: end, parameters: parameters)
    }
}
