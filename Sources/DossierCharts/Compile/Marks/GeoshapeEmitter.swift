import CairoKit

/// Map shapes: each feature of the layer's `shapes`, filled by the row whose key matches; or,
/// without `shapes` (Vega-Lite), each row's own shape (see MapInfo+FeatureRows.swift).
struct GeoshapeEmitter: MarkEmitter {
    func checkChannels(_ layer: ResolvedLayer) throws {
        // A layer without `shapes` draws its rows' own shapes (Vega-Lite): checked by the map.
    }

    func emit(_ context: MarkContext) throws -> MarkOutput {
        var output = MarkOutput()
        if context.layer.layer.shapes == nil {
            try context.chart.checkFeatureRows(context.layer)
            output.clipped = context.mapInfo?.featureRowShapes(context) ?? []
            return output
        }
        if let mapInfo = context.mapInfo {
            output.clipped = try mapInfo.shapes(for: context.layer, panel: context.panel, layerID: context.layerID, compilation: context.chart)
        }
        return output
    }
}
