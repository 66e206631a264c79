/// A claim's condition, parsed (``ConditionParser``): a typed expression over computed results.
/// Each node keeps the character offset in the condition text where it is written, so that
/// type errors point into `report.md`.
package indirect enum Condition: Sendable, Equatable {
    case number(Double, at: Int)
    case text(String, at: Int)
    case boolean(Bool, at: Int)
    /// A result path, as `{{ }}` expressions name them; `source` is the text as written.
    case path(Expression, at: Int)
    /// An interval literal `[low, high]`.
    case interval(low: Condition, high: Condition, at: Int)
    /// Unary minus.
    case negate(Condition, at: Int)
    case not(Condition, at: Int)
    /// A binary operator; `at` is the operator's offset.
    case binary(ConditionOperator, Condition, Condition, at: Int)
    /// A function call: `abs`, `min`, `max`, `log`, `sqrt`.
    case call(String, [Condition], at: Int)

    /// Where the node is written (for an operator, the operator).
    package var offset: Int {
        switch self {
        case let .number(_, at), let .text(_, at), let .boolean(_, at), let .path(_, at), let .interval(_, _, at),
             let .negate(_, at), let .not(_, at), let .binary(_, _, _, at), let .call(_, _, at):
            return at
        }
    }

    /// Where the node's text begins (its leftmost operand for an operator).
    package var startOffset: Int {
        switch self {
        case let .binary(_, left, _, _): return left.startOffset
        default: return offset
        }
    }

    /// The paths in the condition, in the order they are written.
    package var paths: [(expression: Expression, offset: Int)] {
        switch self {
        case .number, .text, .boolean: return []
        case let .path(expression, at): return [(expression, at)]
        case let .interval(low, high, _): return low.paths + high.paths
        case let .negate(operand, _), let .not(operand, _): return operand.paths
        case let .binary(_, left, right, _): return left.paths + right.paths
        case let .call(_, arguments, _): return arguments.flatMap(\.paths)
        }
    }

    /// The number literals in the condition (to show values with enough digits to differ).
    package var numberLiterals: [Double] {
        switch self {
        case let .number(value, _): return [value]
        case .text, .boolean, .path: return []
        case let .interval(low, high, _): return low.numberLiterals + high.numberLiterals
        case let .negate(operand, _): return operand.numberLiterals.map { -$0 }
        case let .not(operand, _): return operand.numberLiterals
        case let .binary(_, left, right, _): return left.numberLiterals + right.numberLiterals
        case let .call(_, arguments, _): return arguments.flatMap(\.numberLiterals)
        }
    }
}

/// The binary operators of conditions, loosest first: `or`; `and`; comparisons and `contains`;
/// `+ -`; `* /`. (`not` binds looser than comparisons, unary minus tighter than `*`.)
package enum ConditionOperator: String, Sendable, Equatable {
    case or, and
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "==", notEqual = "!="
    case contains
    case add = "+", subtract = "-", multiply = "*", divide = "/"

    /// The operator as written, quoted for messages.
    package var shown: String { "`\(rawValue)`" }
}
