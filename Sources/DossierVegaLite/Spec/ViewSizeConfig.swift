import DossierBase

/// The sizes of `config.view` (Vega-Lite): `continuousWidth`/`continuousHeight` (points),
/// `discreteWidth`/`discreteHeight` (points or `{step}`) and `step` (points per band of a
/// discrete axis, default 20).
package struct ViewSizeConfig: Sendable, Equatable {
    var continuousWidth: Double?
    var continuousHeight: Double?
    var discreteWidth: Double?
    var discreteHeight: Double?
    /// `discreteWidth: {step}`.
    var discreteWidthStep: Double?
    /// `discreteHeight: {step}`.
    var discreteHeightStep: Double?
    /// `step`.
    var step: Double?

    /// The `config.view` keys read here.
    static let keys = ["continuousWidth", "continuousHeight", "discreteWidth", "discreteHeight", "step"]

    /// Vega-Lite's default step, in points per band.
    static let defaultStep = 20.0

    /// Whether a step is configured, which sizes the chart by Vega-Lite's rules (``ViewSizing``).
    package var hasStep: Bool { step != nil || discreteWidthStep != nil || discreteHeightStep != nil }

    /// The points per band of a discrete axis along the width (`true`) or the height.
    package func step(width: Bool) -> Double {
        (width ? discreteWidthStep : discreteHeightStep) ?? step ?? Self.defaultStep
    }

    /// A fixed size of a discrete axis along the width or the height, when given in points.
    package func discrete(width: Bool) -> Double? { width ? discreteWidth : discreteHeight }

    /// The size of a continuous axis along the width or the height, when given.
    package func continuous(width: Bool) -> Double? { width ? continuousWidth : continuousHeight }

    /// Reads the size keys of a `config.view` mapping (the others are the caller's).
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        let key = { AnyKey(stringValue: $0) }
        continuousWidth = try c.decodeNumber(key("continuousWidth"), ChartLimits.size)
        continuousHeight = try c.decodeNumber(key("continuousHeight"), ChartLimits.size)
        step = try c.decodeNumber(key("step"), ViewSizeRule.stepRule)
        for (name, isWidth) in [("discreteWidth", true), ("discreteHeight", false)] {
            switch try SizeDecoding.rule(c, forKey: key(name)) {
            case .step(let points)?:
                if isWidth { discreteWidthStep = points } else { discreteHeightStep = points }
            case .container?:
                throw c.failure(key(name), "\(name) is \"container\", expected a number of points or {step: N}")
            case nil:
                let points = try c.decodeNumber(key(name), ChartLimits.size)
                if isWidth { discreteWidth = points } else { discreteHeight = points }
            }
        }
    }

    /// No sizes configured.
    init() {}
}
