import CairoKit

/// Map shapes: each feature of the layer's `shapes`, filled by the row whose key matches.
struct GeoshapeEmitter: MarkEmitter {
    func checkChannels(_ layer: ResolvedLayer) throws {
        if layer.layer.shapes == nil {
            throw ChartError.invalidSpec("layer \(layer.index): a geoshape mark needs `shapes` (the data entry with the map features)")
        }
    }

    func emit(_ context: MarkContext) throws -> MarkOutput {
        var output = MarkOutput()
        if let mapInfo = context.mapInfo {
            output.clipped = try mapInfo.shapes(for: context.layer, panel: context.panel, layerID: context.layerID, compilation: context.chart)
        }
        return output
    }
}
