import DossierBase

/// Vega-Lite's static `condition` on a channel: the rows for which one of the tests holds
/// take that test's constant `value` (the first test that holds wins); the others keep the
/// channel's field or value. A condition on a `param` (a selection) is rejected: Dossier's
/// charts are static.
package struct ChannelCondition: Sendable, Equatable {
    /// One test and the value it gives.
    package struct Clause: Sendable, Equatable {
        /// The predicate (an expression, or a field predicate).
        package var test: FilterPredicate
        /// The constant the row takes; nil: Vega-Lite's `null` (no value, e.g. no colour).
        package var value: ChartValue?
    }

    /// The tests in order.
    package var clauses: [Clause]
}

/// The Vega-Lite keys of a channel definition beyond Dossier's own: `stack`, `datum`,
/// `condition`, and a `value` that is a list (a dash pattern) or null. Decoded from the same
/// object as ``ChannelDef``.
struct ChannelExtras {
    /// The keys this reads.
    static let keys = ["stack", "datum", "condition"]

    var stack: StackMode?
    var datum: ChartValue?
    var condition: ChannelCondition?
    var valueList: [Double]?
    /// Whether `value` is a list or null (so ``ChannelDef`` does not read it as a number or text).
    var valueIsListOrNull = false

    init(_ decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        let stackKey = AnyKey(stringValue: "stack"), valueKey = AnyKey(stringValue: "value")
        if c.contains(stackKey) {
            if try c.decodeNil(forKey: stackKey) {
                stack = StackMode.none
            } else if let flag = try? c.decode(Bool.self, forKey: stackKey) {
                stack = flag ? .zero : StackMode.none
            } else {
                let name = try c.decode(String.self, forKey: stackKey)
                guard let mode = StackMode(rawValue: name), mode != .none else {
                    throw DecodingError.dataCorruptedError(forKey: stackKey, in: c, debugDescription:
                        "unknown stack \(InputExcerpt.quoted(name)), expected zero, normalize, center, true, false or null"
                        + NameHint.hint(for: name, known: ["zero", "normalize", "center"]))
                }
                stack = mode
            }
        }
        datum = try c.decodeDatum(AnyKey(stringValue: "datum"))
        if c.contains(valueKey) {
            if try c.decodeNil(forKey: valueKey) {
                valueIsListOrNull = true
            } else if let list = try? c.decode([Double].self, forKey: valueKey) {
                valueIsListOrNull = true
                if let problem = SpecChecks.dash(list, name: "value") {
                    throw DecodingError.dataCorruptedError(forKey: valueKey, in: c, debugDescription: problem.message)
                }
                valueList = list
            }
        }
        let conditionKey = AnyKey(stringValue: "condition")
        if c.contains(conditionKey) {
            let clauses: [ConditionClause]
            if let list = try? c.decode([ConditionClause].self, forKey: conditionKey) {
                clauses = list
            } else {
                clauses = [try c.decode(ConditionClause.self, forKey: conditionKey)]
            }
            condition = ChannelCondition(clauses: clauses.map(\.clause))
        }
    }
}

/// One `{test, value}` of a condition.
private struct ConditionClause: Decodable {
    let clause: ChannelCondition.Clause

    init(from decoder: any Decoder) throws {
        try UnknownKeys.check(decoder, known: ["test", "value"], what: "a condition", notYetSupported: NotYetSupportedKeys(domain: "charts", advice: [
            "param": "Dossier's charts are static (PDF, SVG, PNG): there are no selections; give a `test`",
            "empty": "Dossier's charts are static (PDF, SVG, PNG): there are no selections; give a `test`",
            "field": "a condition gives a constant `value`; draw the highlighted rows as their own layer",
            "type": "a condition gives a constant `value`; draw the highlighted rows as their own layer",
            "aggregate": "a condition gives a constant `value`; draw the highlighted rows as their own layer",
            "datum": "a condition gives a constant `value`",
        ]))
        let c = try decoder.container(keyedBy: AnyKey.self)
        let test = try c.decode(FilterPredicate.self, forKey: AnyKey(stringValue: "test"))
        let valueKey = AnyKey(stringValue: "value")
        let value = try c.decodeNil(forKey: valueKey) ? nil : try c.decode(ChartValue.self, forKey: valueKey)
        clause = ChannelCondition.Clause(test: test, value: value)
    }
}
