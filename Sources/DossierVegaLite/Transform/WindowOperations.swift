/// Running a ``WindowTransform`` on a table, as Vega's window transform does.
extension WindowTransform {
    func apply(to table: TransformTable) throws -> TransformTable {
        for field in groupby { try table.require(field, in: "window: groupby") }
        for key in sort { try table.require(key.field, in: "window: sort") }
        for operation in operations where operation.op != .aggregate(.count) {
            if let field = operation.field { try table.require(field, in: "window") }
        }
        var outputs = operations.map { _ in Array(repeating: ExpressionValue.null, count: table.rowCount) }
        for partition in table.groups(by: groupby) {
            let rows = partition.sorted { a, b in
                let c = sort.compare(a, b, in: table)
                return c != 0 ? c < 0 : a < b
            }
            let peers: (Int, Int) -> Bool = { sort.isEmpty ? false : sort.compare(rows[$0], rows[$1], in: table) == 0 }
            for (k, operation) in operations.enumerated() {
                let values = operation.op == .aggregate(.count) ? [] : operation.field.flatMap(table.column) ?? []
                for (i, value) in run(operation, count: rows.count, peers: peers, value: { values.isEmpty ? .null : values[rows[$0]] }).enumerated() {
                    outputs[k][rows[i]] = value
                }
            }
        }
        var result = table
        for (k, operation) in operations.enumerated() { result.set(operation.name, outputs[k]) }
        return result
    }


    /// One operation over a sorted partition of `n` rows; `peers(i, j)` says whether two sorted
    /// positions tie on the sort, `value(i)` reads the operation's field at a sorted position.
    private func run(_ operation: Operation, count n: Int, peers: (Int, Int) -> Bool,
                     value: (Int) -> ExpressionValue) -> [ExpressionValue] {
        // The first and one-past-last position of each row's peer group (each row alone
        // without a sort: Vega then treats every row as a new rank).
        var groupStart = Array(0..<n), groupEnd = Array(1...Swift.max(n, 1)).prefix(n).map { $0 }
        if !sort.isEmpty && n > 0 {
            for i in 1..<Swift.max(n, 1) where peers(i - 1, i) { groupStart[i] = groupStart[i - 1] }
            for i in stride(from: n - 2, through: 0, by: -1) where peers(i, i + 1) { groupEnd[i] = groupEnd[i + 1] }
        }
        func frameBounds(_ i: Int) -> (Int, Int) {
            var start = frame.before.map { Swift.max(0, i - $0) } ?? 0
            var end = frame.after.map { Swift.min(n, i + $0 + 1) } ?? n
            if !sort.isEmpty {
                if start < n { start = groupStart[start] }
                if end > 0 { end = Swift.max(end, groupEnd[end - 1]) }
            }
            return (start, end)
        }
        var out: [ExpressionValue] = []
        out.reserveCapacity(n)
        var denseRank = 1
        // Prefix sums for the summaries Vega keeps incrementally (sum, count, mean, valid, missing).
        let values = (0..<n).map(value)
        var prefixSum = [0.0], prefixValid = [0], prefixMissing = [0]
        for v in values {
            prefixSum.append(prefixSum[prefixSum.count - 1] + (v.isValid ? v.number : 0))
            prefixValid.append(prefixValid[prefixValid.count - 1] + (v.isValid ? 1 : 0))
            prefixMissing.append(prefixMissing[prefixMissing.count - 1] + (v == .null ? 1 : 0))
        }
        for i in 0..<n {
            if i > 0 && groupStart[i] == i { denseRank += 1 }
            let rank = groupStart[i] + 1
            switch operation.op {
            case .rowNumber: out.append(.number(Double(i + 1)))
            case .rank: out.append(.number(Double(rank)))
            case .denseRank: out.append(.number(Double(denseRank)))
            case .percentRank: out.append(.number(n > 1 ? Double(rank - 1) / Double(n - 1) : .nan))
            case .cumeDist: out.append(.number(Double(groupEnd[i]) / Double(n)))
            case .lag:
                let j = i - (operation.param ?? 1)
                out.append(j >= 0 ? values[j] : .null)
            case .lead:
                let j = i + (operation.param ?? 1)
                out.append(j < n ? values[j] : .null)
            case .firstValue:
                let (start, end) = frameBounds(i)
                out.append(start < end ? values[start] : .null)
            case .lastValue:
                let (start, end) = frameBounds(i)
                out.append(start < end ? values[end - 1] : .null)
            case .aggregate(let op):
                let (start, end) = frameBounds(i)
                let valid = prefixValid[Swift.max(end, start)] - prefixValid[start]
                switch op {
                case .count: out.append(.number(Double(Swift.max(0, end - start))))
                case .valid: out.append(.number(Double(valid)))
                case .missing: out.append(.number(Double(prefixMissing[Swift.max(end, start)] - prefixMissing[start])))
                case .sum: out.append(.number(start < end ? prefixSum[end] - prefixSum[start] : 0))
                case .mean, .average:
                    out.append(valid > 0 ? .number((prefixSum[end] - prefixSum[start]) / Double(valid)) : .null)
                default:
                    let frameValues = start < end ? Array(values[start..<end]) : []
                    out.append(AggregateTransform.summary(op, frameValues, rows: Array(frameValues.indices)))
                }
            }
        }
        return out
    }
}
