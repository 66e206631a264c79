import DossierBase

/// Vega-Lite's predicate, as a `filter` transform takes it: an expression, a field predicate
/// (`{field, equal|lt|lte|gt|gte|range|oneOf|valid}`) or an `and`/`or`/`not` of predicates.
package indirect enum FilterPredicate: Sendable, Equatable {
    /// A Vega expression whose truthiness keeps the row.
    case expression(VegaExpression)
    /// A test of one field against values.
    case field(String, FieldTest)
    /// Every predicate holds.
    case and([FilterPredicate])
    /// At least one predicate holds.
    case or([FilterPredicate])
    /// The predicate does not hold.
    case not(FilterPredicate)

    /// The test of a field predicate, with Vega-Lite's meaning (the comparisons are
    /// JavaScript's, as the expression Vega-Lite compiles them to).
    package enum FieldTest: Sendable, Equatable {
        /// `datum.field === value`.
        case equal(ExpressionValue)
        case lt(ExpressionValue), lte(ExpressionValue), gt(ExpressionValue), gte(ExpressionValue)
        /// `lower <= datum.field <= upper`; a null bound is open.
        case range(ExpressionValue, ExpressionValue)
        /// The value is one of these (strict equality).
        case oneOf([ExpressionValue])
        /// `valid: true`: present and a finite number (Vega-Lite's `isValid(x) && isFinite(+x)`);
        /// `valid: false` the opposite.
        case valid(Bool)
    }

    /// The fields the predicate reads.
    var fields: [String] {
        switch self {
        case .expression(let e): return e.fields
        case .field(let name, _): return [name]
        case .and(let list), .or(let list): return list.flatMap(\.fields)
        case .not(let p): return p.fields
        }
    }

    /// Whether the predicate holds for a row.
    package func holds(_ field: (String) -> ExpressionValue) -> Bool {
        switch self {
        case .expression(let e): return e.evaluate(field).truthy
        case .and(let list): return list.allSatisfy { $0.holds(field) }
        case .or(let list): return list.contains { $0.holds(field) }
        case .not(let p): return !p.holds(field)
        case let .field(name, test):
            let v = field(name)
            switch test {
            case .equal(let x): return v.strictlyEquals(x)
            case .lt(let x): return v.compare(x) == .orderedAscending
            case .lte(let x): return v.compare(x).map { $0 != .orderedDescending } ?? false
            case .gt(let x): return v.compare(x) == .orderedDescending
            case .gte(let x): return v.compare(x).map { $0 != .orderedAscending } ?? false
            case let .range(lower, upper):
                let aboveLower = lower == .null || (v.compare(lower).map { $0 != .orderedAscending } ?? false)
                let belowUpper = upper == .null || (v.compare(upper).map { $0 != .orderedDescending } ?? false)
                return aboveLower && belowUpper
            case .oneOf(let list): return list.contains { v.strictlyEquals($0) }
            case .valid(let wanted): return (v.isValid && v.number.isFinite) == wanted
            }
        }
    }
}

extension FilterPredicate: Decodable {
    private static let tests = ["equal", "lt", "lte", "gt", "gte", "range", "oneOf", "valid"]

    /// Decodes an expression string or a predicate object.
    package init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), (try? single.decode(String.self)) != nil {
            self = .expression(try VegaExpression(from: decoder))
            return
        }
        let c = try decoder.container(keyedBy: AnyKey.self)
        let keys = c.allKeys.map(\.stringValue)
        for combinator in ["and", "or", "not"] where keys.contains(combinator) {
            try UnknownKeys.check(decoder, known: [combinator], what: "a predicate")
            let key = AnyKey(stringValue: combinator)
            if combinator == "not" {
                self = .not(try c.decode(FilterPredicate.self, forKey: key))
            } else {
                let list = try c.decode([FilterPredicate].self, forKey: key)
                self = combinator == "and" ? .and(list) : .or(list)
            }
            return
        }
        try UnknownKeys.check(decoder, known: ["field"] + Self.tests, what: "a field predicate", notYetSupported: NotYetSupportedKeys(domain: "charts", advice: [
            "timeUnit": "compare the field itself, or derive the period in a `calculate`",
            "param": "Dossier's charts are static: there are no selections",
        ]))
        let field = try c.decode(String.self, forKey: AnyKey(stringValue: "field"))
        let given = Self.tests.filter(keys.contains)
        guard given.count == 1, let name = given.first else {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath, debugDescription: given.isEmpty
                ? "a field predicate needs one of " + Self.tests.map { "`\($0)`" }.joined(separator: ", ")
                : "a field predicate takes one test, found " + given.map { "`\($0)`" }.joined(separator: " and ")))
        }
        let key = AnyKey(stringValue: name)
        let test: FieldTest
        switch name {
        case "valid": test = .valid(try c.decode(Bool.self, forKey: key))
        case "oneOf": test = .oneOf(try c.decode([PredicateValue].self, forKey: key).map(\.value))
        case "range":
            let bounds = try c.decode([PredicateValue].self, forKey: key).map(\.value)
            guard bounds.count == 2 else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription:
                    "`range` has \(bounds.count) values, expected 2: [lower, upper] (null for an open end)")
            }
            test = .range(bounds[0], bounds[1])
        default:
            let value = try c.decode(PredicateValue.self, forKey: key).value
            switch name {
            case "equal": test = .equal(value)
            case "lt": test = .lt(value)
            case "lte": test = .lte(value)
            case "gt": test = .gt(value)
            default: test = .gte(value)
            }
        }
        self = .field(field, test)
    }
}

/// A value compared in a predicate: a number, a text, true/false or null.
struct PredicateValue: Decodable {
    let value: ExpressionValue

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { value = .null }
        else if let n = try? c.decode(Double.self) { value = .number(n) }
        else if let b = try? c.decode(Bool.self) { value = .boolean(b) }
        else if let s = try? c.decode(String.self) { value = .string(s) }
        else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription:
                "a predicate value is a list or a record (a date-time object?), expected a number, a text, true/false or null")
        }
    }
}
