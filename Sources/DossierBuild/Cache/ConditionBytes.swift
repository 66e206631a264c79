import DossierReport

/// Parsed claim conditions (``Condition``) as bytes, for the `claim conditions` cache entry
/// (``ClaimConditionCache``): every node with its case, its offset and its values, and each
/// path with its steps, formatters and source text, so that the conditions read back equal
/// those parsed (`ConditionBytesTests` compares them with `==`).
enum ConditionBytes {
    /// The deepest condition stored (reading is recursive; the parser allows 64 levels of
    /// nesting and 256 operators, a chain of which is as deep as it is long).
    static let depthLimit = 1024

    /// The bytes of `conditions`, or nil when one is deeper than ``depthLimit``.
    static func bytes(of conditions: [Condition]) -> [UInt8]? {
        var writer = CacheByteWriter()
        writer.integer(conditions.count)
        for condition in conditions {
            guard write(condition, depth: 0, into: &writer) else { return nil }
        }
        return writer.bytes
    }

    /// The conditions ``bytes(of:)`` wrote.
    static func conditions(from payload: [UInt8]) throws(CacheEntryDamaged) -> [Condition] {
        var reader = CacheByteReader(payload)
        var conditions: [Condition] = []
        for _ in 0..<(try reader.count()) { conditions.append(try read(from: &reader, depth: 0)) }
        guard reader.atEnd else { throw CacheEntryDamaged() }
        return conditions
    }

    /// A node: its case, its values and operands, then its offset (``Condition/offset``, the
    /// `at` of every case).
    private static func write(_ condition: Condition, depth: Int, into writer: inout CacheByteWriter) -> Bool {
        guard depth < depthLimit else { return false }
        let operands: [Condition]
        switch condition {
        case let .number(value, _):
            writer.byte(0)
            writer.double(value)
            operands = []
        case let .text(text, _):
            writer.byte(1)
            writer.string(text)
            operands = []
        case let .boolean(value, _):
            writer.byte(2)
            writer.boolean(value)
            operands = []
        case let .path(expression, _):
            writer.byte(3)
            write(expression, into: &writer)
            operands = []
        case let .interval(low, high, _):
            writer.byte(4)
            operands = [low, high]
        case let .negate(operand, _):
            writer.byte(5)
            operands = [operand]
        case let .not(operand, _):
            writer.byte(6)
            operands = [operand]
        case let .binary(op, left, right, _):
            writer.byte(7)
            writer.string(op.rawValue)
            operands = [left, right]
        case let .call(name, arguments, _):
            writer.byte(8)
            writer.string(name)
            writer.integer(arguments.count)
            operands = arguments
        }
        for operand in operands {
            guard write(operand, depth: depth + 1, into: &writer) else { return false }
        }
        writer.integer(condition.offset)
        return true
    }

    private static func write(_ expression: Expression, into writer: inout CacheByteWriter) {
        writer.integer(expression.path.count)
        for step in expression.path {
            switch step {
            case let .member(name):
                writer.byte(0)
                writer.string(name)
            case let .index(index):
                writer.byte(1)
                writer.integer(index)
            case let .match(field, value):
                writer.byte(2)
                writer.string(field)
                writer.string(value)
            }
        }
        writer.integer(expression.formatters.count)
        for formatter in expression.formatters {
            writer.string(formatter.name)
            writer.integer(formatter.arguments.count)
            for argument in formatter.arguments { writer.integer(argument) }
        }
        writer.string(expression.source)
    }

    private static func read(from reader: inout CacheByteReader, depth: Int) throws(CacheEntryDamaged) -> Condition {
        guard depth < depthLimit else { throw CacheEntryDamaged() }
        switch try reader.byte() {
        case 0:
            return .number(try reader.double(), at: try reader.integer())
        case 1:
            return .text(try reader.string(), at: try reader.integer())
        case 2:
            return .boolean(try reader.boolean(), at: try reader.integer())
        case 3:
            return .path(try readExpression(from: &reader), at: try reader.integer())
        case 4:
            let low = try read(from: &reader, depth: depth + 1)
            let high = try read(from: &reader, depth: depth + 1)
            return .interval(low: low, high: high, at: try reader.integer())
        case 5:
            return .negate(try read(from: &reader, depth: depth + 1), at: try reader.integer())
        case 6:
            return .not(try read(from: &reader, depth: depth + 1), at: try reader.integer())
        case 7:
            guard let op = ConditionOperator(rawValue: try reader.string()) else { throw CacheEntryDamaged() }
            let left = try read(from: &reader, depth: depth + 1)
            let right = try read(from: &reader, depth: depth + 1)
            return .binary(op, left, right, at: try reader.integer())
        case 8:
            let name = try reader.string()
            var arguments: [Condition] = []
            for _ in 0..<(try reader.count()) { arguments.append(try read(from: &reader, depth: depth + 1)) }
            return .call(name, arguments, at: try reader.integer())
        default:
            throw CacheEntryDamaged()
        }
    }

    private static func readExpression(from reader: inout CacheByteReader) throws(CacheEntryDamaged) -> Expression {
        var path: [Expression.Step] = []
        for _ in 0..<(try reader.count()) {
            switch try reader.byte() {
            case 0: path.append(.member(try reader.string()))
            case 1: path.append(.index(try reader.integer()))
            case 2: path.append(.match(field: try reader.string(), value: try reader.string()))
            default: throw CacheEntryDamaged()
            }
        }
        var formatters: [Expression.FormatterCall] = []
        for _ in 0..<(try reader.count()) {
            let name = try reader.string()
            var arguments: [Int] = []
            for _ in 0..<(try reader.count()) { arguments.append(try reader.integer()) }
            formatters.append(Expression.FormatterCall(name: name, arguments: arguments))
        }
        return Expression(path: path, formatters: formatters, source: try reader.string())
    }
}
