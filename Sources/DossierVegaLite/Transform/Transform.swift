import DossierBase

/// One step of Vega-Lite's `transform` list, run on a layer's rows before the encoding's
/// aggregate and the binding of channels. Each kind lives in its own file (`…Transform.swift`).
package enum Transform: Sendable, Equatable {
    /// Keeps the rows for which the predicate holds.
    case filter(FilterPredicate)
    /// Adds (or replaces) a field computed by an expression.
    case calculate(VegaExpression, as: String)
    /// Groups the rows and summarises each group into one row.
    case aggregate([AggregateFieldDef], groupby: [String])
    /// Adds each group's summaries to every row of the group.
    case joinaggregate([AggregateFieldDef], groupby: [String])
    /// Adds ranks, running sums, lags… over sorted partitions.
    case window(WindowTransform)
    /// Turns fields into key/value rows.
    case fold([String], as: (key: String, value: String))
    /// Puts a field's values into equal-width bins.
    case bin(BinTransform)
    /// Truncates a date field to a time unit (Sources/DossierCharts/Time/TimeUnitTransform.swift).
    case timeUnit(TimeUnitTransform)
    /// Adds fields of a secondary table matched by key (LookupTransform.swift).
    case lookup(LookupTransform)
    /// A kernel density estimate per group (Statistics/DensityTransform.swift).
    case density(DensityTransform)
    /// Quantiles per group (Statistics/QuantileTransform.swift).
    case quantile(QuantileTransform)
    /// A least-squares trend per group (Statistics/RegressionTransform.swift).
    case regression(RegressionTransform)
    /// A locally weighted regression per group (Statistics/LoessTransform.swift).
    case loess(LoessTransform)
    /// `flatten` (FlattenTransform.swift).
    case flatten(FlattenTransform)
    /// `pivot` (PivotTransform.swift).
    case pivot(PivotTransform)
    /// `stack` (StackTransform.swift).
    case stack(StackTransform)

    package static func == (a: Transform, b: Transform) -> Bool {
        switch (a, b) {
        case let (.filter(x), .filter(y)): return x == y
        case let (.calculate(x, p), .calculate(y, q)): return x == y && p == q
        case let (.aggregate(x, g), .aggregate(y, h)), let (.joinaggregate(x, g), .joinaggregate(y, h)): return x == y && g == h
        case let (.window(x), .window(y)): return x == y
        case let (.fold(x, p), .fold(y, q)): return x == y && p == q
        case let (.bin(x), .bin(y)): return x == y
        case let (.timeUnit(x), .timeUnit(y)): return x == y
        case let (.lookup(x), .lookup(y)): return x == y
        case let (.density(x), .density(y)): return x == y
        case let (.quantile(x), .quantile(y)): return x == y
        case let (.regression(x), .regression(y)): return x == y
        case let (.loess(x), .loess(y)): return x == y
        case let (.flatten(x), .flatten(y)): return x == y
        case let (.pivot(x), .pivot(y)): return x == y
        case let (.stack(x), .stack(y)): return x == y
        default: return false
        }
    }
}

/// One summary of an `aggregate` or `joinaggregate` transform: `{op, field, as}`.
package struct AggregateFieldDef: Sendable, Equatable, Decodable {
    /// The operation.
    package var op: AggregateOp
    /// The field summarised (none for `count`).
    package var field: String?
    /// The output field (default Vega's `op_field`, `count` for a count without a field).
    package var name: String

    private enum CodingKeys: String, CodingKey, CaseIterable { case op, field, name = "as" }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, what: "an aggregate field")
        op = try AggregateOp.decode(c, forKey: .op)
        field = try c.decodeIfPresent(String.self, forKey: .field)
        if field == nil, op != .count {
            throw DecodingError.keyNotFound(CodingKeys.field, .init(codingPath: c.codingPath,
                debugDescription: "`op: \(op.rawValue)` needs the `field` it summarises"))
        }
        let given = try c.decodeIfPresent(String.self, forKey: .name)
        let operation = op, summarised = field
        name = given ?? (summarised.map { "\(operation.rawValue)_\($0)" } ?? operation.rawValue)
    }
}

extension AggregateOp {
    /// Decodes an operation name, refusing the ones charts do not compute.
    static func decode<K: CodingKey>(_ c: KeyedDecodingContainer<K>, forKey key: K) throws -> AggregateOp {
        let name = try c.decode(String.self, forKey: key)
        if ["values", "ci0", "ci1", "argmin", "argmax", "exponential", "exponentialb"].contains(name) {
            throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription:
                "`\(name)` is not supported in charts yet: compute it in an analysis")
        }
        guard let op = AggregateOp(rawValue: name) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription:
                "unknown aggregate \(InputExcerpt.quoted(name))" + NameHint.hint(for: name, known: AggregateOp.allCases.map(\.rawValue)))
        }
        return op
    }
}

extension Transform: Decodable {
    /// The transforms Vega-Lite has that charts do not run yet, with what to do instead.
    static let unsupported: [String: String] = [
        "sample": "charts draw every row: filter the rows instead",
        "impute": "compute the missing values in an analysis",
        "extent": "give the scale's `domain`",
    ]

    private static let kinds = ["filter", "calculate", "aggregate", "joinaggregate", "window", "fold", "bin", "timeUnit", "lookup", "density", "quantile", "regression", "loess", "flatten", "pivot", "stack"]

    /// Decodes one transform, by the key that names its kind.
    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        let keys = c.allKeys.map(\.stringValue)
        guard let kind = Self.kinds.first(where: keys.contains) else {
            if let other = keys.sorted().first(where: { Self.unsupported[$0] != nil }), let advice = Self.unsupported[other] {
                throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath, debugDescription:
                    "the `\(other)` transform is not supported in charts yet: \(advice)"))
            }
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath, debugDescription:
                "a transform needs one of " + Self.kinds.map { "`\($0)`" }.joined(separator: ", ")
                + (keys.isEmpty ? "" : ", found " + keys.sorted().map { "`\($0)`" }.joined(separator: ", "))))
        }
        func key(_ name: String) -> AnyKey { AnyKey(stringValue: name) }
        switch kind {
        case "filter":
            try UnknownKeys.check(decoder, known: ["filter"], what: "a filter transform")
            self = .filter(try c.decode(FilterPredicate.self, forKey: key("filter")))
        case "calculate":
            try UnknownKeys.check(decoder, known: ["calculate", "as"], what: "a calculate transform")
            self = .calculate(try c.decode(VegaExpression.self, forKey: key("calculate")), as: try c.decode(String.self, forKey: key("as")))
        case "aggregate", "joinaggregate":
            try UnknownKeys.check(decoder, known: [kind, "groupby"], what: "an \(kind) transform")
            let fields = try c.decode([AggregateFieldDef].self, forKey: key(kind))
            let groupby = try c.decodeIfPresent([String].self, forKey: key("groupby")) ?? []
            self = kind == "aggregate" ? .aggregate(fields, groupby: groupby) : .joinaggregate(fields, groupby: groupby)
        case "window":
            self = .window(try WindowTransform(from: decoder))
        case "bin":
            self = .bin(try BinTransform(from: decoder))
        case "timeUnit":
            self = .timeUnit(try TimeUnitTransform(from: decoder))
        case "lookup":
            self = .lookup(try LookupTransform(from: decoder))
        case "density":
            self = .density(try DensityTransform(from: decoder))
        case "quantile":
            self = .quantile(try QuantileTransform(from: decoder))
        case "regression":
            self = .regression(try RegressionTransform(from: decoder))
        case "loess":
            self = .loess(try LoessTransform(from: decoder))
        case "flatten":
            self = .flatten(try FlattenTransform(from: decoder))
        case "pivot":
            self = .pivot(try PivotTransform(from: decoder))
        case "stack":
            self = .stack(try StackTransform(from: decoder))
        default:
            try UnknownKeys.check(decoder, known: ["fold", "as"], what: "a fold transform")
            let fields = try c.decode([String].self, forKey: key("fold"))
            let names = try c.decodeIfPresent([String].self, forKey: key("as")) ?? ["key", "value"]
            guard names.count == 2 else {
                throw DecodingError.dataCorruptedError(forKey: key("as"), in: c, debugDescription:
                    "a fold's `as` has \(names.count) names, expected 2: [key, value]")
            }
            self = .fold(fields, as: (names[0], names[1]))
        }
    }
}

extension Transform {
    /// The transform applied to a table.
    /// - Parameters:
    ///   - step: the transform's place in the list (1-based), for messages.
    ///   - tables: the compiler's data, for the transforms that read a secondary table.
    func apply(to table: TransformTable, step: Int = 1, tables: [String: ChartData] = [:]) throws -> TransformTable {
        switch self {
        case .filter(let predicate): return try FilterTransform.apply(predicate, to: table)
        case let .calculate(expression, name): return try CalculateTransform.apply(expression, as: name, to: table)
        case let .aggregate(fields, groupby): return try AggregateTransform.apply(fields, groupby: groupby, to: table)
        case let .joinaggregate(fields, groupby): return try JoinAggregateTransform.apply(fields, groupby: groupby, to: table)
        case .window(let window): return try window.apply(to: table)
        case let .fold(fields, names): return try FoldTransform.apply(fields, as: names, to: table)
        case .bin(let bin): return try bin.apply(to: table)
        case .timeUnit(let unit):
            return TransformTable(try unit.apply(table.chartData(features: []), step: step))
        case .lookup(let lookup): return try lookup.apply(to: table, tables: tables)
        case .density(let density): return try density.apply(to: table)
        case .quantile(let quantile): return try quantile.apply(to: table)
        case .regression(let regression): return try regression.apply(to: table)
        case .loess(let loess): return try loess.apply(to: table)
        case .flatten(let flatten): return try flatten.apply(to: table)
        case .pivot(let pivot): return try pivot.apply(to: table)
        case .stack(let stack): return try stack.apply(to: table)
        }
    }
}
