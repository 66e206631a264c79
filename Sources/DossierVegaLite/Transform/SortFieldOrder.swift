extension Array where Element == WindowTransform.SortField {
    /// Vega's order of rows `a` and `b` of `table` by these sort fields (the window and stack
    /// transforms' `sort`): null first when ascending; -1, 0 (peers) or 1.
    func compare(_ a: Int, _ b: Int, in table: TransformTable) -> Int {
        for key in self {
            let u = table.value(key.field, a), v = table.value(key.field, b)
            var c: Int
            if u == .null && v == .null { c = 0 } else if u == .null { c = -1 } else if v == .null { c = 1 } else {
                switch u.compare(v) {
                case .orderedAscending?: c = -1
                case .orderedDescending?: c = 1
                default: c = 0
                }
            }
            if key.descending { c = -c }
            if c != 0 { return c }
        }
        return 0
    }
}
