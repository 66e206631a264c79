/// A layer's transforms run in order on its table (after the layer's `lookup`, before the
/// encoding's aggregate and the binding of channels).
package enum TransformPipeline {
    /// The table after `transforms`; a transform that cannot run throws a ``ChartError`` naming
    /// the layer and the transform's position in the list.
    /// `tables` is the compiler's data (the secondary tables of `lookup`).
    package static func apply(_ transforms: [Transform], to data: ChartData, layer: Int, tables: [String: ChartData] = [:]) throws -> ChartData {
        guard !transforms.isEmpty else { return data }
        var table = TransformTable(data)
        for (index, transform) in transforms.enumerated() {
            do {
                table = try transform.apply(to: table, step: index + 1, tables: tables)
            } catch let error as TransformError {
                throw ChartError.invalidSpec("layer \(layer): transform \(index + 1): \(error.message)")
            }
            guard table.rowCount <= InlineTable.maximumRows else {
                throw ChartError.invalidSpec("layer \(layer): transform \(index + 1) makes \(table.rowCount) rows, more than \(InlineTable.maximumRows)")
            }
        }
        return table.chartData(features: data.features)
    }
}
