import DossierVegaLite

/// Errorbar, errorband and boxplot are expanded into layers of simple marks when a chart is
/// decoded (``LayerExpansion``); a spec built in code must expand them the same way.
struct CompositeMarkEmitter: MarkEmitter {
    func checkChannels(_ layer: ResolvedLayer) throws {
        throw ChartError.invalidSpec("layer \(layer.index): a \(layer.mark.rawValue) mark is drawn as layers of simple marks, expanded when the chart is decoded; a chart built in code must list those layers")
    }

    func emit(_ context: MarkContext) throws -> MarkOutput { MarkOutput() }
}
