import DossierBase

/// A problem found in one option of a chart spec: the message and, for a list, the position
/// of the element at fault.
package struct SpecProblem: Error {
    /// What was found and what was expected.
    package var message: String
    /// The element of a list the problem is about (nil: the whole value).
    var index: Int?
}

/// The checks of chart options that are not a plain number range, shared by the decoders
/// (which report them at the option's line and column) and by ``ChartSpec/limitProblem()``
/// (for specs built in code).
package enum SpecChecks {
    /// A dash pattern: at most ``ChartLimits/dashEntries`` entries, each in
    /// ``ChartLimits/dashEntry``, not all zero (an empty list is a solid line).
    static func dash(_ dash: [Double], name: String) -> SpecProblem? {
        if dash.count > ChartLimits.dashEntries {
            return SpecProblem(message: "\(name) has \(dash.count) entries, expected at most \(ChartLimits.dashEntries)")
        }
        for (index, entry) in dash.enumerated() {
            if let message = ChartLimits.dashEntry.problem(entry, as: "a \(name) entry") {
                return SpecProblem(message: message, index: index)
            }
        }
        if !dash.isEmpty, !dash.contains(where: { $0 > 0 }) {
            return SpecProblem(message: "\(name) is all zeros, expected at least one entry > 0 (write [] for a solid line)")
        }
        return nil
    }

    /// A colour: CSS Color 4 (``CSSColor``).
    package static func color(_ text: String) -> SpecProblem? {
        do {
            _ = try CSSColor.parse(text)
            return nil
        } catch {
            return SpecProblem(message: error.description)
        }
    }

    /// A number where a position is expected (domain value, annotation, constant `value`).
    static func coordinate(_ value: ChartValue, name: String) -> SpecProblem? {
        guard case .number(let number) = value else { return nil }
        return ChartLimits.coordinate.problem(number, as: name).map { SpecProblem(message: $0) }
    }

    /// A scale domain: numbers within ``ChartLimits/coordinate``; for a log scale, numbers > 0;
    /// for a `linear`, `log` or `sequential` scale, `[min, max]` with min < max.
    package static func domain(_ values: [ChartValue], type: ScaleType?) -> SpecProblem? {
        for (index, value) in values.enumerated() {
            if let problem = coordinate(value, name: "a domain value") {
                return SpecProblem(message: problem.message, index: index)
            }
            if type == .log, let number = value.number, number <= 0 {
                return SpecProblem(message: "a domain value is \(ChartLimits.spell(number)) on a log scale, expected a number > 0 (log scales need values > 0)",
                                   index: index)
            }
        }
        if type == .threshold { return thresholdDomain(values) }
        guard let type, type == .linear || type == .log || type == .sequential || type == .symlog || type == .quantize else { return nil }
        return continuousDomain(values, scale: type.rawValue)
    }

    /// A threshold scale's breaks: 1 to ``ChartLimits/colorClasses`` − 1 increasing numbers.
    package static func thresholdDomain(_ values: [ChartValue]) -> SpecProblem? {
        guard !values.isEmpty, values.count < ChartLimits.colorClasses else {
            return SpecProblem(message: "the domain of a threshold scale has \(values.count) breaks, expected 1 to \(ChartLimits.colorClasses - 1)")
        }
        var previous = -Double.infinity
        for (index, value) in values.enumerated() {
            guard let number = value.number else {
                return SpecProblem(message: "a threshold is \(InputExcerpt.quoted(value.key)), expected a number", index: index)
            }
            guard number > previous else {
                return SpecProblem(message: "threshold \(ChartLimits.spell(number)) is not above the one before it, expected increasing breaks", index: index)
            }
            previous = number
        }
        return nil
    }

    /// A continuous scale's domain: two numbers, the first smaller.
    package static func continuousDomain(_ values: [ChartValue], scale: String) -> SpecProblem? {
        guard values.count == 2, let lo = values[0].number, let hi = values[1].number else {
            let found = values.count == 2 ? "a value that is not a number" : "\(values.count) value\(values.count == 1 ? "" : "s")"
            return SpecProblem(message: "the domain of a \(scale) scale has \(found), expected [min, max]")
        }
        if !(lo < hi) {
            return SpecProblem(message: "domain [\(ChartLimits.spell(lo)), \(ChartLimits.spell(hi))] is not increasing, expected [min, max] with min < max (use `reverse: true` to flip the axis)",
                               index: 1)
        }
        return nil
    }

    /// A number format: precision at most 20 digits.
    static func format(_ spec: String) -> SpecProblem? {
        let format = NumberFormat(spec)
        if let digits = format.precision, digits > 20 {
            return SpecProblem(message: "format \(InputExcerpt.quoted(spec)) asks for \(digits) digits, expected at most 20")
        }
        if spec.contains("."), format.precision == nil,
           let after = spec.split(separator: ".", maxSplits: 1).last, after.first?.isNumber == true {
            return SpecProblem(message: "format \(InputExcerpt.quoted(spec)) asks for too many digits, expected at most 20")
        }
        return nil
    }

    /// A colour scheme name.
    static func scheme(_ name: String) -> SpecProblem? {
        guard Palette.scheme(name) == nil else { return nil }
        return SpecProblem(message: "unknown scheme \(InputExcerpt.quoted(name)), expected okabe-ito or one of Vega's schemes (tableau10, category10, set2, viridis, blues, blueorange, …)"
                           + NameHint.hint(for: name.lowercased(), known: NamedSchemes.names + ["okabe-ito"]))
    }
}
