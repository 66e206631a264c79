/// The syntax tree of a Vega expression (the subset Dossier evaluates).
indirect enum VegaExpressionNode: Sendable, Equatable {
    /// A literal: number, text, true/false, null, or a constant (`PI`, `E`, `NaN`).
    case literal(ExpressionValue)
    /// `datum.field` or `datum['field']`.
    case field(String)
    /// `-x`, `+x` or `!x`.
    case unary(UnaryOperator, VegaExpressionNode)
    /// An arithmetic, comparison or equality operation.
    case binary(BinaryOperator, VegaExpressionNode, VegaExpressionNode)
    /// `a && b` (`isAnd`) or `a || b`, short-circuiting and returning an operand, as in JavaScript.
    case logical(isAnd: Bool, VegaExpressionNode, VegaExpressionNode)
    /// `test ? then : else`.
    case conditional(VegaExpressionNode, VegaExpressionNode, VegaExpressionNode)
    /// A call of one of the supported functions.
    case call(VegaExpressionFunction, [VegaExpressionNode])
    /// An array literal, `[a, b]`.
    case array([VegaExpressionNode])
    /// An object literal, `{'k': v, n: w}`: its keys and their values, in order.
    case object(keys: [String], values: [VegaExpressionNode])
    /// Member access, `value[key]` or `value.name` (the name as a text key).
    case member(VegaExpressionNode, VegaExpressionNode)

    /// A unary operator.
    enum UnaryOperator: String, Sendable { case negate = "-", plus = "+", not = "!" }

    /// A binary operator, by its spelling.
    enum BinaryOperator: String, Sendable, CaseIterable {
        case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
        case equal = "==", strictEqual = "===", notEqual = "!=", strictNotEqual = "!=="
        case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

        /// Binding strength, higher binds tighter (JavaScript's order).
        var precedence: Int {
            switch self {
            case .multiply, .divide, .remainder: return 5
            case .add, .subtract: return 4
            case .less, .lessOrEqual, .greater, .greaterOrEqual: return 3
            case .equal, .strictEqual, .notEqual, .strictNotEqual: return 2
            }
        }
    }
}
