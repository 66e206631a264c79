extension TransformTable {
    /// The rows of fitted curves (regression, loess): the group fields `groupby` with each
    /// point's group values `keys`, then the x and y columns `names` holding `xs` and `ys`.
    static func curves(groupby: [String], keys: [[ExpressionValue]], names: (x: String, y: String),
                       xs: [Double], ys: [Double]) -> TransformTable {
        var result = TransformTable([], rowCount: xs.count)
        for (i, name) in groupby.enumerated() { result.set(name, keys.map { $0[i] }) }
        result.set(names.x, xs.map(ExpressionValue.number))
        result.set(names.y, ys.map(ExpressionValue.number))
        return result
    }
}

extension TransformTable {
    /// The (`x`, `y`) numbers of `rows`, in order, leaving out rows where either is not a
    /// number (or is NaN): the points a fitted curve goes through.
    func numberPairs(_ x: String, _ y: String, rows: [Int]) -> [(Double, Double)] {
        rows.compactMap { row in
            guard case .number(let u) = value(x, row), !u.isNaN, case .number(let v) = value(y, row), !v.isNaN else { return nil }
            return (u, v)
        }
    }
}

extension KeyedDecodingContainer {
    /// A transform's `as` of two output names, `fallback` when absent; an error at `key`
    /// ("a loess's `as` has 3 names, expected 2: [x, y]") for any other count.
    func namePair(_ key: Key, default fallback: [String], what: String, expected: String) throws -> [String] {
        let names = try decodeIfPresent([String].self, forKey: key) ?? fallback
        guard names.count == 2 else {
            throw failure(key, "a \(what)'s `as` has \(names.count) names, expected 2: \(expected)")
        }
        return names
    }
}
