import CairoKit
import Foundation

/// The projection and joined shapes of a map chart.
struct MapInfo {
    var hasMissing = false

    func project(lon: Double, lat: Double, into rect: SceneRect) -> ScenePoint? { nil }

    func shapes(for l: ResolvedLayer, panel: Panel, layerID: String, compilation: Compilation) throws -> [SceneItem] { [] }
}

extension Compilation {
    func prepareMap() throws -> MapInfo? { nil }
}
