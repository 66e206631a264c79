import DossierBase

/// Vega-Lite's `window` transform: within each partition (`groupby`), rows sorted by `sort`
/// get ranks, running summaries over a frame of neighbouring rows, lags and leads. The rows
/// keep their order; each operation adds a field. Follows Vega's window transform: the frame
/// `[before, after]` (null: unbounded; default `[null, 0]`, the rows up to this one) is
/// widened to the current row's peers (rows equal on `sort`) when there is a `sort`, and
/// ties are broken by input order.
package struct WindowTransform: Sendable, Equatable {
    /// One operation and the field it adds.
    package struct Operation: Sendable, Equatable {
        /// The operation: a window op or an aggregate op.
        package var op: Op
        /// The field read (aggregate ops, lag, lead, first_value, last_value).
        package var field: String?
        /// The offset of `lag`/`lead` (default 1).
        package var param: Int?
        /// The field added.
        package var name: String
    }

    /// A window operation.
    package enum Op: Sendable, Equatable {
        case rowNumber, rank, denseRank, percentRank, cumeDist, lag, lead, firstValue, lastValue
        /// An aggregate over the frame.
        case aggregate(AggregateOp)

        static let windowNames: [String: Op] = [
            "row_number": .rowNumber, "rank": .rank, "dense_rank": .denseRank, "percent_rank": .percentRank,
            "cume_dist": .cumeDist, "lag": .lag, "lead": .lead, "first_value": .firstValue, "last_value": .lastValue,
        ]
    }

    /// A sort key: a field and its order.
    package struct SortField: Sendable, Equatable {
        package var field: String
        package var descending: Bool
    }

    package var operations: [Operation]
    package var groupby: [String]
    package var sort: [SortField]
    /// Rows before and after the current one (nil: unbounded).
    package var frame: (before: Int?, after: Int?)

    package static func == (a: WindowTransform, b: WindowTransform) -> Bool {
        a.operations == b.operations && a.groupby == b.groupby && a.sort == b.sort
            && a.frame.before == b.frame.before && a.frame.after == b.frame.after
    }
}

extension WindowTransform: Decodable {
    private enum CodingKeys: String, CodingKey, CaseIterable { case window, groupby, sort, frame }
    private enum OperationKeys: String, CodingKey, CaseIterable { case op, field, param, name = "as" }
    package init(from decoder: any Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, what: "a window transform",
                                             notYetSupported: NotYetSupportedKeys(domain: "charts", advice: [
                                                 "ignorePeers": "the frame always takes in the current row's peers (rows equal on `sort`)",
                                             ]))
        groupby = try c.decodeIfPresent([String].self, forKey: .groupby) ?? []
        var list = try c.nestedUnkeyedContainer(forKey: .window)
        var operations: [Operation] = []
        while !list.isAtEnd {
            let element = try list.superDecoder()
            let o = try element.checkedContainer(keyedBy: OperationKeys.self, what: "a window operation")
            let name = try o.decode(String.self, forKey: .op)
            let op: Op
            if let windowOp = Op.windowNames[name] {
                op = windowOp
            } else if let aggregate = AggregateOp(rawValue: name) {
                op = .aggregate(aggregate)
            } else {
                let known = Op.windowNames.keys.sorted() + AggregateOp.allCases.map(\.rawValue)
                throw DecodingError.dataCorruptedError(forKey: .op, in: o, debugDescription: ["ntile", "nth_value", "prev_value", "next_value"].contains(name)
                    ? "window op `\(name)` is not supported in charts yet: compute it in an analysis"
                    : "unknown window op \(InputExcerpt.quoted(name))" + NameHint.hint(for: name, known: known))
            }
            let field = try o.decodeIfPresent(String.self, forKey: .field)
            let needsField: Bool
            switch op {
            case .lag, .lead, .firstValue, .lastValue: needsField = true
            case .aggregate(let a): needsField = a != .count
            default: needsField = false
            }
            if needsField, field == nil {
                throw DecodingError.keyNotFound(OperationKeys.field, .init(codingPath: o.codingPath,
                    debugDescription: "window op `\(name)` needs the `field` it reads"))
            }
            let param = try o.decodeWholeNumber(.param, NumberRule(name: "param", min: 0, max: 1_000_000, unit: "rows"))
            let output = try o.decodeIfPresent(String.self, forKey: .name) ?? (field.map { "\(name)_\($0)" } ?? name)
            operations.append(Operation(op: op, field: field, param: param, name: output))
        }
        self.operations = operations
        sort = try SortField.list(in: c, forKey: .sort, what: "a window sort")
        if c.contains(.frame) {
            let bounds: [Int?] = try c.decode([Double?].self, forKey: .frame).map { $0.map { Int(Swift.min(abs($0), 1e9)) } }
            guard bounds.count == 2 else {
                throw DecodingError.dataCorruptedError(forKey: .frame, in: c, debugDescription:
                    "`frame` has \(bounds.count) values, expected 2: [before, after], each a number of rows or null (unbounded)")
            }
            frame = (bounds[0], bounds[1])
        } else {
            frame = (nil, 0)
        }
    }
}

extension WindowTransform.SortField {
    private enum Keys: String, CodingKey, CaseIterable { case field, order }

    /// A transform's `sort: [{field, order}]` at `key` (empty when absent); `what` names one
    /// element in errors ("a window sort").
    static func list<K: CodingKey>(in c: KeyedDecodingContainer<K>, forKey key: K, what: String) throws -> [Self] {
        guard c.contains(key) else { return [] }
        var list = try c.nestedUnkeyedContainer(forKey: key)
        var fields: [Self] = []
        while !list.isAtEnd {
            let element = try list.superDecoder()
            let s = try element.checkedContainer(keyedBy: Keys.self, what: what)
            let order = try s.decodeIfPresent(String.self, forKey: .order) ?? "ascending"
            guard order == "ascending" || order == "descending" else {
                throw s.failure(.order, "sort order \(InputExcerpt.quoted(order)), expected ascending or descending")
            }
            fields.append(Self(field: try s.decode(String.self, forKey: .field), descending: order == "descending"))
        }
        return fields
    }
}
