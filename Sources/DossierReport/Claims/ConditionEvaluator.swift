import DossierBase
import Foundation

/// Evaluates claim conditions against the computed results, through the one path resolver of
/// `{{ }}` expressions (``ExpressionEvaluator/resolve(_:)``).
///
/// Types: numbers (integers, numbers, and an estimate — a record with a numeric `estimate`,
/// such as a rate ratio or a slope — read as its estimate), texts, booleans and intervals (an
/// interval result, `[low, high]`, or an estimate's `ci` on the left of `contains`). Every
/// part of a condition is evaluated (no short cut), so a type error is found whatever the data.
///
/// A missing value or NaN makes a comparison unknown; `not` of unknown is unknown; `and` is
/// false when a side is false, else unknown when a side is; `or` is true when a side is true,
/// else unknown when a side is. A claim whose condition is unknown does not hold, and its message
/// shows the missing value or NaN.
package struct ConditionEvaluator {
    package let resolver: ExpressionEvaluator

    package init(resolver: ExpressionEvaluator) {
        self.resolver = resolver
    }

    /// A value during evaluation.
    enum Operand {
        case number(Double)
        /// `nil`: unknown (a comparison with a missing value or NaN).
        case boolean(Bool?)
        case text(String)
        case interval(low: Double, high: Double)
        /// A record with an estimate, and its interval when it has one.
        case estimate(Double, interval: (low: Double, high: Double)?)
        case missing

        var kind: String {
            switch self {
            case .number, .estimate: return "a number"
            case .boolean: return "a boolean (true or false)"
            case .text: return "a text"
            case .interval: return "an interval"
            case .missing: return "a missing value"
            }
        }
    }

    /// Evaluates `claim`: its verdict and the values of its paths.
    package func verdict(for claim: Claim) throws(ReportError) -> ClaimVerdict {
        var resolved: [Int: ResultValue] = [:]
        var shown: [ClaimValue] = []
        for (expression, offset) in claim.condition.paths {
            let value: ResultValue
            do {
                value = try resolver.resolve(expression)
            } catch {
                throw ReportError("claim \"\(claim.id)\": \(error.message)", at: claim.location(at: offset))
            }
            resolved[offset] = value
            if !shown.contains(where: { $0.path == expression.source }) {
                shown.append(ClaimValue(path: expression.source, value: ClaimValue.used(value)))
            }
        }
        let context = Context(claim: claim, resolved: resolved)
        let result = try context.evaluate(claim.condition)
        guard case let .boolean(verdict) = result else {
            if case .missing = result {
                return ClaimVerdict(claim: claim, holdsNow: false, values: shown)
            }
            throw context.typeError("a condition is true or false, and this one is \(result.kind); compare it (e.g. `… < 0.05`)",
                                    at: claim.condition.startOffset)
        }
        return ClaimVerdict(claim: claim, holdsNow: verdict == true, values: shown)
    }

    /// One claim's evaluation: the resolved paths and where errors go.
    private struct Context {
        let claim: Claim
        let resolved: [Int: ResultValue]

        func typeError(_ message: String, at offset: Int) -> ReportError {
            ReportError("claim \"\(claim.id)\": \(message)", at: claim.location(at: offset))
        }

        func evaluate(_ node: Condition) throws(ReportError) -> Operand {
            switch node {
            case let .number(value, _): return .number(value)
            case let .text(text, _): return .text(text)
            case let .boolean(flag, _): return .boolean(flag)
            case let .path(expression, at):
                return try operand(resolved[at] ?? .missing, path: expression.source, at: at)
            case let .interval(lowNode, highNode, _):
                let low = try number(lowNode, for: "an interval's low end")
                let high = try number(highNode, for: "an interval's high end")
                guard let low, let high else { return .missing }
                return .interval(low: low, high: high)
            case let .negate(operandNode, _):
                return try number(operandNode, for: "unary `-`").map { .number(-$0) } ?? .missing
            case let .not(operandNode, _):
                return .boolean(try boolean(operandNode, for: "`not`").map { !$0 })
            case let .call(name, arguments, _):
                return try call(name, arguments)
            case let .binary(op, left, right, _):
                return try binary(op, left, right)
            }
        }

        /// A result value as an operand; records, tables and lists are not values of a condition.
        func operand(_ value: ResultValue, path: String, at offset: Int) throws(ReportError) -> Operand {
            switch value {
            case let .number(x): return .number(x)
            case let .integer(i): return .number(Double(i))
            case let .text(text): return .text(text)
            case let .boolean(flag): return .boolean(flag)
            case let .interval(low, high, _): return .interval(low: low, high: high)
            case .missing: return .missing
            case .record:
                if let estimate = value.field("estimate") {
                    guard let x = estimate.doubleValue else { return .missing }
                    if case let .interval(low, high, _)? = value.field("ci") { return .estimate(x, interval: (low, high)) }
                    return .estimate(x, interval: nil)
                }
                throw typeError("\(InputExcerpt.quoted(path)) is a record with fields \(value.memberNames.joined(separator: ", ")); "
                                + "a condition compares numbers, texts, booleans and intervals: name one field", at: offset)
            case .table, .list:
                throw typeError("\(InputExcerpt.quoted(path)) is \(value.kindWithArticle); a condition compares single values: "
                                + "name one (e.g. `\(path)[0]`, or `.n` for the count)", at: offset)
            }
        }

        /// `node` as a number (`nil` when missing); a type error otherwise.
        func number(_ node: Condition, for what: String) throws(ReportError) -> Double? {
            switch try evaluate(node) {
            case let .number(x), let .estimate(x, _): return x
            case .missing: return nil
            case let other: throw typeError("\(what) needs a number, found \(other.kind)", at: node.startOffset)
            }
        }

        /// `node` as a boolean (`nil` when unknown or missing); a type error otherwise.
        func boolean(_ node: Condition, for what: String) throws(ReportError) -> Bool? {
            switch try evaluate(node) {
            case let .boolean(flag): return flag
            case .missing: return nil
            case let other: throw typeError("\(what) needs booleans (true or false), found \(other.kind)", at: node.startOffset)
            }
        }

        func call(_ name: String, _ arguments: [Condition]) throws(ReportError) -> Operand {
            var values: [Double] = []
            var missing = false
            for argument in arguments {
                if let x = try number(argument, for: "\(name)") { values.append(x) } else { missing = true }
            }
            guard !missing, let first = values.first else { return .missing }
            switch name {
            case "abs": return .number(abs(first))
            case "log": return .number(first < 0 ? .nan : Foundation.log(first))
            case "sqrt": return .number(first < 0 ? .nan : first.squareRoot())
            case "min": return .number(values.contains(where: \.isNaN) ? .nan : values.min() ?? first)
            default: return .number(values.contains(where: \.isNaN) ? .nan : values.max() ?? first)
            }
        }

        func binary(_ op: ConditionOperator, _ left: Condition, _ right: Condition) throws(ReportError) -> Operand {
            switch op {
            case .add, .subtract, .multiply, .divide:
                let a = try number(left, for: op.shown), b = try number(right, for: op.shown)
                guard let a, let b else { return .missing }
                switch op {
                case .add: return .number(a + b)
                case .subtract: return .number(a - b)
                case .multiply: return .number(a * b)
                default: return .number(a / b)
                }
            case .less, .lessOrEqual, .greater, .greaterOrEqual:
                let a = try number(left, for: op.shown), b = try number(right, for: op.shown)
                guard let a, let b, !a.isNaN, !b.isNaN else { return .boolean(nil) }
                switch op {
                case .less: return .boolean(a < b)
                case .lessOrEqual: return .boolean(a <= b)
                case .greater: return .boolean(a > b)
                default: return .boolean(a >= b)
                }
            case .equal, .notEqual:
                guard let same = try equal(left, right, op) else { return .boolean(nil) }
                return .boolean(op == .equal ? same : !same)
            case .contains:
                return try contains(left, right)
            case .and, .or:
                let a = try boolean(left, for: op.shown), b = try boolean(right, for: op.shown)
                let sides = [a, b]
                if op == .and {
                    if sides.contains(false) { return .boolean(false) }
                    return .boolean(sides.contains(nil) ? nil : true)
                }
                if sides.contains(true) { return .boolean(true) }
                return .boolean(sides.contains(nil) ? nil : false)
            }
        }

        /// Whether the two sides are equal (`nil`: unknown); both sides of one type.
        func equal(_ left: Condition, _ right: Condition, _ op: ConditionOperator) throws(ReportError) -> Bool? {
            let a = try evaluate(left), b = try evaluate(right)
            switch (a, b) {
            case (.missing, _), (_, .missing): return nil
            case let (.text(x), .text(y)): return x == y
            case let (.boolean(x), .boolean(y)):
                guard let x, let y else { return nil }
                return x == y
            case let (.interval(l1, h1), .interval(l2, h2)): return l1 == l2 && h1 == h2
            default:
                if let x = Self.numeric(a), let y = Self.numeric(b) {
                    return x.isNaN || y.isNaN ? nil : x == y
                }
                throw typeError("\(op.shown) compares values of one type, found \(a.kind) and \(b.kind)", at: right.startOffset)
            }
        }

        static func numeric(_ operand: Operand) -> Double? {
            switch operand {
            case let .number(x), let .estimate(x, _): return x
            default: return nil
            }
        }

        /// `interval contains number` (low ≤ number ≤ high) or `interval contains interval` (the
        /// second inside the first).
        func contains(_ left: Condition, _ right: Condition) throws(ReportError) -> Operand {
            let outer: (low: Double, high: Double)?
            switch try evaluate(left) {
            case let .interval(low, high): outer = (low, high)
            case let .estimate(_, interval?): outer = interval
            case .missing: outer = nil
            case .estimate(_, nil):
                throw typeError("`contains` needs an interval on its left; this estimate has no `ci`", at: left.startOffset)
            case let other:
                throw typeError("`contains` needs an interval on its left (a result's ci, an estimate with one, or [low, high]), "
                                + "found \(other.kind)", at: left.startOffset)
            }
            let inner: (low: Double, high: Double)?
            switch try evaluate(right) {
            case let .number(x), let .estimate(x, _): inner = (x, x)
            case let .interval(low, high): inner = (low, high)
            case .missing: inner = nil
            case let other:
                throw typeError("`contains` needs a number or an interval on its right, found \(other.kind)", at: right.startOffset)
            }
            guard let outer, let inner, ![outer.low, outer.high, inner.low, inner.high].contains(where: \.isNaN) else {
                return .boolean(nil)
            }
            return .boolean(outer.low <= inner.low && inner.high <= outer.high)
        }
    }
}
