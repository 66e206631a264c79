import DossierBase

/// Vega-Lite's `stack` transform: within each group of `groupby`, rows sorted by `sort` (ties
/// kept in order) are stacked on `stack`, their start and end written to the two fields of `as`
/// (default `<field>_start`, `<field>_end`). Offsets as Vega's: `zero` stacks
/// negative values down from 0 and the others up; `normalize` divides by the group's sum of
/// absolute values; `center` centres each group on the largest group's sum. The rows keep
/// their order.
package struct StackTransform: Sendable, Equatable {
    package enum Offset: String, Sendable, CaseIterable { case zero, center, normalize }

    package var field: String
    package var groupby: [String]
    package var sort: [WindowTransform.SortField]
    package var offset: Offset
    package var names: (start: String, end: String)

    package static func == (a: StackTransform, b: StackTransform) -> Bool {
        a.field == b.field && a.groupby == b.groupby && a.sort == b.sort && a.offset == b.offset
            && a.names == b.names
    }
}

extension StackTransform: Decodable {
    private enum CodingKeys: String, CodingKey, CaseIterable { case stack, groupby, sort, offset, names = "as" }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, what: "a stack transform")
        field = try c.decode(String.self, forKey: .stack)
        groupby = try c.decodeIfPresent([String].self, forKey: .groupby) ?? []
        let offsetName = try c.decodeIfPresent(String.self, forKey: .offset) ?? "zero"
        guard let offset = Offset(rawValue: offsetName) else {
            throw c.failure(.offset, "offset \(InputExcerpt.quoted(offsetName)), expected zero, center or normalize")
        }
        self.offset = offset
        sort = try WindowTransform.SortField.list(in: c, forKey: .sort, what: "a stack sort")
        let names = try c.namePair(.names, default: ["\(field)_start", "\(field)_end"], what: "stack", expected: "[start, end]")
        self.names = (names[0], names[1])
    }
}

extension StackTransform {
    func apply(to table: TransformTable) throws -> TransformTable {
        try table.require(field, in: "stack")
        for name in groupby { try table.require(name, in: "stack: groupby") }
        for key in sort { try table.require(key.field, in: "stack: sort") }
        var groups = table.groups(by: groupby)
        func magnitude(_ row: Int) -> Double {
            let v = table.value(field, row).number
            return v.isNaN ? .nan : Swift.abs(v)
        }
        let sums = groups.map { $0.reduce(0) { $0 + magnitude($1) } }
        let largest = sums.reduce(0) { $1 > $0 ? $1 : $0 }
        for g in groups.indices where !sort.isEmpty {
            groups[g] = groups[g].enumerated().sorted { a, b in
                let c = sort.compare(a.element, b.element, in: table)
                return c != 0 ? c < 0 : a.offset < b.offset
            }.map(\.element)
        }
        var starts = Array(repeating: ExpressionValue.null, count: table.rowCount), ends = starts
        for (g, rows) in groups.enumerated() {
            switch offset {
            case .zero:
                var positive = 0.0, negative = 0.0
                for row in rows {
                    let v = table.value(field, row).number
                    if v < 0 {
                        starts[row] = .number(negative); negative += v; ends[row] = .number(negative)
                    } else {
                        starts[row] = .number(positive); positive += v; ends[row] = .number(positive)
                    }
                }
            case .center:
                var last = (largest - sums[g]) / 2
                for row in rows {
                    starts[row] = .number(last); last += magnitude(row); ends[row] = .number(last)
                }
            case .normalize:
                let scale = 1 / sums[g]
                var last = 0.0, total = 0.0
                for row in rows {
                    starts[row] = .number(last); total += magnitude(row); last = scale * total; ends[row] = .number(last)
                }
            }
        }
        var result = table
        result.set(names.start, starts)
        result.set(names.end, ends)
        return result
    }

}
