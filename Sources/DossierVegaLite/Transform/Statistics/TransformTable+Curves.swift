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
