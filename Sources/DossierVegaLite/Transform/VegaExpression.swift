import DossierBase

/// A Vega expression (`datum.price * 1.2 > 100`), as `filter` and `calculate` transforms
/// take it: parsed when the spec is decoded, so that a mistake is an error at its line and
/// column, and evaluated on each row of the layer's data.
package struct VegaExpression: Sendable, Equatable {
    /// The expression as written.
    package let source: String
    /// Its syntax tree.
    let root: VegaExpressionNode

    /// Parses `source`; a mistake throws a ``VegaExpressionError`` at its character.
    init(parsing source: String) throws {
        self.source = source
        self.root = try VegaExpressionParser.parse(source)
    }

    /// The fields the expression reads (`datum.x`), in order of appearance.
    var fields: [String] {
        var names: [String] = []
        func walk(_ node: VegaExpressionNode) {
            switch node {
            case .literal: break
            case .field(let name): if !names.contains(name) { names.append(name) }
            case .unary(_, let a): walk(a)
            case .binary(_, let a, let b), .logical(_, let a, let b): walk(a); walk(b)
            case .conditional(let a, let b, let c): walk(a); walk(b); walk(c)
            case .call(_, let arguments), .array(let arguments), .object(_, let arguments): arguments.forEach(walk)
            case .member(let a, let b): walk(a); walk(b)
            }
        }
        walk(root)
        return names
    }

    /// The value of the expression for one row (`field` gives a field's value, null when the
    /// row lacks it).
    package func evaluate(_ field: (String) -> ExpressionValue) -> ExpressionValue {
        Self.evaluate(root, field)
    }

    private static func evaluate(_ node: VegaExpressionNode, _ field: (String) -> ExpressionValue) -> ExpressionValue {
        switch node {
        case .literal(let value): return value
        case .field(let name): return field(name)
        case let .unary(op, operand):
            let v = evaluate(operand, field)
            switch op {
            case .not: return .boolean(!v.truthy)
            case .negate: return .number(-v.number)
            case .plus: return .number(v.number)
            }
        case let .logical(isAnd, a, b):
            let left = evaluate(a, field)
            if isAnd { return left.truthy ? evaluate(b, field) : left }
            return left.truthy ? left : evaluate(b, field)
        case let .conditional(test, then, otherwise):
            return evaluate(test, field).truthy ? evaluate(then, field) : evaluate(otherwise, field)
        case let .call(function, arguments):
            return function.apply(arguments.map { evaluate($0, field) })
        case let .binary(op, a, b):
            return apply(op, evaluate(a, field), evaluate(b, field))
        case .array(let items):
            return .array(items.map { evaluate($0, field) })
        case let .object(keys, values):
            var properties: [String: ExpressionValue] = [:]
            for (key, value) in zip(keys, values) { properties[key] = evaluate(value, field) }
            return .object(properties)
        case let .member(base, key):
            return evaluate(base, field).member(evaluate(key, field))
        }
    }

    /// A binary operator with JavaScript's semantics (`+` joins texts when either side is text, an array or an object).
    private static func apply(_ op: VegaExpressionNode.BinaryOperator, _ l: ExpressionValue, _ r: ExpressionValue) -> ExpressionValue {
        switch op {
        case .add:
            if case .string = l { return .string(l.text + r.text) }
            if case .string = r { return .string(l.text + r.text) }
            if l.isNested || r.isNested { return .string(l.text + r.text) }  // arrays and objects become texts
            return .number(l.number + r.number)
        case .subtract: return .number(l.number - r.number)
        case .multiply: return .number(l.number * r.number)
        case .divide: return .number(l.number / r.number)
        case .remainder:
            let x = l.number, y = r.number
            return .number(x.truncatingRemainder(dividingBy: y))
        case .equal: return .boolean(l.looselyEquals(r))
        case .notEqual: return .boolean(!l.looselyEquals(r))
        case .strictEqual: return .boolean(l.strictlyEquals(r))
        case .strictNotEqual: return .boolean(!l.strictlyEquals(r))
        case .less: return .boolean(l.compare(r) == .orderedAscending)
        case .lessOrEqual: return .boolean(l.compare(r).map { $0 != .orderedDescending } ?? false)
        case .greater: return .boolean(l.compare(r) == .orderedDescending)
        case .greaterOrEqual: return .boolean(l.compare(r).map { $0 != .orderedAscending } ?? false)
        }
    }
}

extension VegaExpression: Decodable {
    /// Decodes an expression from text; a syntax error is a `DecodingError` at the text, whose
    /// message quotes the expression and names the character.
    package init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(parsing: text)
        } catch let error as VegaExpressionError {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription:
                "expression \(InputExcerpt.quoted(text)), at character \(error.position): \(error.message)", underlyingError: error))
        }
    }
}
