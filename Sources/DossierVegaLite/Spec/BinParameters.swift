import DossierBase

/// Vega-Lite's bin parameters, on a channel (`bin: true` or `bin: {maxbins: 20}`) or in a `bin`
/// transform: at most `maxbins` bins (default 10) of a nice step over the data's extent (or
/// `extent`), or a given `step`; `nice` (default true) widens the extent to whole steps.
public struct BinParameters: Sendable, Equatable {
    public var maxbins = 10
    public var step: Double?
    public var extentLow: Double?
    public var extentHigh: Double?
    public var nice = true
    /// Vega-Lite's `bin: "binned"` or `{binned: true}`: the data is binned already — the
    /// channel's field is each bin's start, `x2`/`y2` its end; nothing is binned again, and a
    /// `step` places the axis ticks on the bins' boundaries (``BinnedAxis``).
    public var binned = false

    /// Default parameters (`bin: true`).
    public init() {}
}

extension BinParameters: Decodable {
    private enum ParameterKeys: String, CodingKey, CaseIterable { case maxbins, step, extent, nice, binned }

    /// Decodes `true`, `"binned"` or `{maxbins, step, extent, nice, binned}`; `false` is the
    /// caller's to refuse.
    public init(from decoder: any Decoder) throws {
        self.init()
        if let single = try? decoder.singleValueContainer() {
            if (try? single.decode(Bool.self)) != nil { return }
            if let text = try? single.decode(String.self) {
                guard text == "binned" else {
                    throw DecodingError.dataCorruptedError(in: single, debugDescription:
                        "bin is \(InputExcerpt.quoted(text)), expected true, \"binned\" (the data is binned already) or bin parameters")
                }
                binned = true
                return
            }
        }
        let p = try decoder.checkedContainer(
            keyedBy: ParameterKeys.self, what: "bin parameters",
            notYetSupported: NotYetSupportedKeys(domain: "charts", advice: Dictionary(uniqueKeysWithValues:
                ["anchor", "base", "divide", "minstep", "steps", "span"].map { ($0, "give `step`, `maxbins`, `extent` or `nice`") })))
        binned = try p.decodeIfPresent(Bool.self, forKey: .binned) ?? false
        maxbins = try p.decodeWholeNumber(.maxbins, NumberRule(name: "maxbins", min: 1, max: 10_000, unit: "")) ?? 10
        nice = try p.decodeIfPresent(Bool.self, forKey: .nice) ?? true
        if let extentValues = try p.decodeIfPresent([Double].self, forKey: .extent) {
            guard extentValues.count == 2, extentValues[0] <= extentValues[1], extentValues.allSatisfy({ abs($0) <= 1e15 }) else {
                throw DecodingError.dataCorruptedError(forKey: .extent, in: p, debugDescription:
                    "`extent` is \(extentValues.map(ChartLimits.spell)), expected [min, max] with min ≤ max, within ±1e15")
            }
            (extentLow, extentHigh) = (extentValues[0], extentValues[1])
        }
        step = try p.decodeNumber(.step, NumberRule(name: "step", min: 1e-12, max: 1e15, unit: ""))
    }
}
