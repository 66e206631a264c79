import DossierBase

/// Vega-Lite's `resolve` in a layered chart: `{scale: {y: "independent"}}` gives the second
/// layer that draws on y a scale and an axis of its own, on the right (a dual-axis chart, as
/// Vega-Lite orients the second axis). Shared scales are the default already. What Dossier does
/// not draw — an independent x, a third independent y, independent colour legends — is an
/// error naming it.
enum LayerResolve {
    /// The layers with `resolve` applied.
    static func apply(_ resolve: ViewResolve, to layers: [Layer], codingPath: [any CodingKey]) throws -> [Layer] {
        func refuse(_ message: String) -> DecodingError {
            .dataCorrupted(.init(codingPath: codingPath + [AnyKey(stringValue: "resolve")], debugDescription: message))
        }
        for (channel, mode) in resolve.scale.merging(resolve.axis, uniquingKeysWith: { a, b in a == .independent ? a : b })
            where mode == .independent && channel != "y" {
            throw refuse("`resolve` with an independent \(channel) in a layered chart is not supported in charts yet: only y may be independent (a second y axis on the right)")
        }
        for (channel, mode) in resolve.legend where mode == .independent {
            throw refuse("`resolve` with an independent \(channel) legend in a layered chart is not supported in charts yet: the layers share their legends")
        }
        guard resolve.scale["y"] == .independent || resolve.axis["y"] == .independent else { return layers }
        let drawingY = layers.indices.filter { layers[$0].encoding[.y]?.field != nil || layers[$0].encoding[.y]?.aggregate != nil }
        guard drawingY.count <= 2 else {
            throw refuse("`resolve` with an independent y across \(drawingY.count) layers is not supported in charts yet: Dossier draws two y axes, expected at most 2 layers with a y")
        }
        guard drawingY.count == 2 else { return layers }
        var layers = layers
        let second = drawingY[1]
        if var y = layers[second].encoding[.y], y.axis?.hidden != true, y.axis?.orient == nil {
            var axis = y.axis ?? AxisSpec()
            axis.properties["orient"] = .text("right")
            y.axis = axis
            layers[second].encoding[.y] = y
        }
        return layers
    }
}
