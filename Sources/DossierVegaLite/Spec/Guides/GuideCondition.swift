import DossierBase

/// A guide property that changes from tick to tick (Vega-Lite's conditional axis property):
/// `gridColor: {condition: {test: "datum.value === 0", value: "black"}, value: "#ddd"}`. The
/// tests see `datum.value` (the tick's value, or its category on a band axis), `datum.label`
/// (its text) and `datum.index` (its position among the ticks); the first that holds gives the
/// value, else `value` (else the property's default).
package struct GuideCondition: Sendable, Equatable {
    /// One `{test, value}`.
    struct Branch: Sendable, Equatable {
        var test: VegaExpression
        var value: GuideValue
    }

    /// The tests in order.
    var branches: [Branch]
    /// The value when no test holds (nil: the property's default).
    var otherwise: GuideValue?

    /// The value for one tick.
    package func value(tickValue: Double?, key: String?, label: String, index: Int) -> GuideValue? {
        let datum: ExpressionValue = tickValue.map { .number($0) } ?? key.map { .string($0) } ?? .null
        for branch in branches {
            let holds = branch.test.evaluate { name in
                switch name {
                case "value": return datum
                case "label": return .string(label)
                case "index": return .number(Double(index))
                default: return .null
                }
            }.truthy
            if holds { return branch.value }
        }
        return otherwise
    }

    /// The guide keys that take a condition: the gridline's look, drawn tick by tick.
    package static let keys = ["gridColor", "gridOpacity", "gridWidth", "gridDash"]

    /// Whether the value under `key` is an object with a `condition`.
    static func isConditional(_ c: KeyedDecodingContainer<AnyKey>, _ key: AnyKey) -> Bool {
        guard let nested = try? c.nestedContainer(keyedBy: AnyKey.self, forKey: key) else { return false }
        return nested.contains(AnyKey(stringValue: "condition"))
    }

    /// Decodes `{condition: {test, value} | [{test, value}…], value?}`, each value by `decodeValue`.
    static func decode(_ c: KeyedDecodingContainer<AnyKey>, _ key: AnyKey,
                       decodeValue: (KeyedDecodingContainer<AnyKey>, AnyKey) throws -> GuideValue) throws -> GuideCondition {
        try UnknownKeys.check(c.superDecoder(forKey: key), known: ["condition", "value"], what: "a conditional `\(key.stringValue)`")
        let object = try c.nestedContainer(keyedBy: AnyKey.self, forKey: key)
        let conditionKey = AnyKey(stringValue: "condition"), valueKey = AnyKey(stringValue: "value")
        var branches: [Branch] = []
        func branch(_ decoder: any Decoder) throws {
            try UnknownKeys.check(decoder, known: ["test", "value"], what: "a condition")
            let container = try decoder.container(keyedBy: AnyKey.self)
            let test = try container.decode(VegaExpression.self, forKey: AnyKey(stringValue: "test"))
            guard container.contains(valueKey) else {
                throw container.failure(AnyKey(stringValue: "test"), "a condition of `\(key.stringValue)` has a `test` but no `value`")
            }
            branches.append(Branch(test: test, value: try decodeValue(container, valueKey)))
        }
        if var list = try? object.nestedUnkeyedContainer(forKey: conditionKey) {
            while !list.isAtEnd { try branch(try list.superDecoder()) }
        } else {
            try branch(try object.superDecoder(forKey: conditionKey))
        }
        let otherwise = object.contains(valueKey) ? try decodeValue(object, valueKey) : nil
        return GuideCondition(branches: branches, otherwise: otherwise)
    }
}
