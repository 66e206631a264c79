import CairoKit
import DossierVegaLite
import Foundation

/// The projection and joined shapes of a map chart.
struct MapInfo {
    var projection: Projection
    /// Every position the map must show (shapes and markers), for fitting.
    var points: [GeoPoint]
    /// Features per geoshape layer index.
    var features: [Int: [GeoFeature]]
    /// Whether some shape has no value (a "No data" legend entry).
    var hasMissing = false
    /// The projected box of `points`, computed once: a fit per marker re-projecting every
    /// point made a map of n markers take n² projections (42,000 zip codes: minutes).
    let bounds: ProjectedBounds?
    /// Vega-Lite's maps: the shape of each row of each geoshape layer (by layer index, then
    /// row), drawn by ``featureRowShapes(_:)``; empty for Dossier's `shapes` maps.
    var rowFeatures: [Int: [Int: GeoFeature]] = [:]
    /// Whether the fit fills the plot area edge to edge (Vega's `fit`), not 2 pt inside it.
    var fitsEdgeToEdge = false

    init(projection: Projection, points: [GeoPoint], features: [Int: [GeoFeature]], hasMissing: Bool = false) {
        self.projection = projection
        self.points = points
        self.features = features
        self.hasMissing = hasMissing
        bounds = projection.bounds(of: points)
    }

    /// A Vega-Lite map: rows' shapes and the projected bounds of everything drawn.
    init(projection: Projection, rowFeatures: [Int: [Int: GeoFeature]], bounds: ProjectedBounds?) {
        self.projection = projection
        self.points = []
        self.features = [:]
        self.rowFeatures = rowFeatures
        self.bounds = bounds
        self.fitsEdgeToEdge = true
    }

    func fit(_ rect: SceneRect) -> ProjectionFit? {
        bounds.map { projection.fit(bounds: $0, into: fitsEdgeToEdge ? rect : rect.insetBy(2)) }
    }

    func project(lon: Double, lat: Double, into rect: SceneRect) -> ScenePoint? {
        guard let f = fit(rect) else { return nil }
        let p = f.point(GeoPoint(longitude: lon, latitude: lat))
        guard p.x.isFinite, p.y.isFinite else { return nil }
        return ScenePoint(p.x, p.y)
    }

    static func featureKey(_ feature: GeoFeature, _ l: ResolvedLayer) -> String {
        if let property = l.layer.featureKey { return feature.properties[property] ?? "" }
        return feature.id
    }

    func shapes(for l: ResolvedLayer, panel: Panel, layerID: String, compilation: Compilation) throws -> [SceneItem] {
        guard let list = features[l.index], let f = fit(panel.rect), let keyField = l.layer.key,
              let column = l.table.column(keyField) else { return [] }
        let keys = FieldColumn(name: keyField, column: column)
        var row: [String: Int] = [:]
        for i in 0..<l.rowCount where compilation.rowInPanel(l, i, panel.key) {
            if let k = keys.key(i), row[k] == nil { row[k] = i }
        }
        var items: [SceneItem] = []
        let theme = compilation.theme
        for feature in list {
            let key = Self.featureKey(feature, l)
            var fill = theme.noDataColor
            if let i = row[key], l.fields[.color] == nil || l.number(.color, i) != nil || l.types[.color] != .quantitative,
               let c = compilation.fillColor(l, i) {
                fill = c
            }
            let segments = f.ringSegments(of: feature)
            items.append(.path(ScenePath(id: "\(layerID)/shape/\(key.isEmpty ? feature.name : key)", segments: segments,
                                         fill: fill, stroke: theme.background, lineWidth: 0.5, evenOdd: true)))
        }
        return items
    }
}

extension Compilation {
    func prepareMap() throws -> MapInfo? {
        guard isMap else { return nil }
        if drawsFeatureRows { return try prepareFeatureMap() }
        var features: [Int: [GeoFeature]] = [:]
        var points: [GeoPoint] = []
        var missing = false
        for l in layers where l.mark == .geoshape {
            guard let name = l.layer.shapes, let entry = data[name] else {
                throw ChartError.dataNotFound(layer: l.index, data: l.layer.shapes ?? "", available: data.keys.sorted())
            }
            guard let keyField = l.layer.key else {
                throw ChartError.invalidSpec("layer \(l.index): a geoshape mark needs `key` (the field of \"\(l.layer.data)\" matched against the shapes' ids)")
            }
            guard let column = l.table.column(keyField) else {
                throw ChartError.fieldNotFound(layer: l.index, channel: "key", field: keyField, data: l.layer.data,
                                               available: l.table.fieldNames)
            }
            let keys = FieldColumn(name: keyField, column: column)
            var valued = Set<String>()
            for i in 0..<l.rowCount {
                guard let k = keys.key(i) else { continue }
                if l.fields[.color] == nil || l.number(.color, i) != nil || l.types[.color] != .quantitative { valued.insert(k) }
            }
            for f in entry.features where !valued.contains(MapInfo.featureKey(f, l)) { missing = true }
            features[l.index] = entry.features
            points += entry.features.flatMap(\.allPoints)
        }
        for l in layers where l.has(.longitude) && l.has(.latitude) {
            for i in 0..<l.rowCount {
                if let lon = l.number(.longitude, i), let lat = l.number(.latitude, i) {
                    if !(-180...180).contains(lon) || !(-90...90).contains(lat) {
                        let (channel, value, range) = (-180...180).contains(lon) ? ("latitude", lat, "-90 to 90") : ("longitude", lon, "-180 to 180")
                        throw ChartError.invalidSpec("layer \(l.index): \(channel): field \"\(l.fields[channel == "latitude" ? .latitude : .longitude]?.name ?? "value")\" has \(ChartLimits.spell(value)), expected degrees from \(range)")
                    }
                    points.append(GeoPoint(longitude: lon, latitude: lat))
                    // A point without a colour value is drawn grey: the legend says "No data".
                    if l.mark == .point, l.fields[.color] != nil, fillColor(l, i) == nil { missing = true }
                }
            }
        }
        let all = features.keys.sorted().flatMap { features[$0] ?? [] }
        let projection: Projection
        switch spec.projection?.type?.lowercased() {
        case "mercator": projection = .mercator
        case "albersusa": projection = .albersUsa
        default:
            projection = all.isEmpty
                ? .lambertAzimuthalEqualArea(center: points.first ?? GeoPoint(longitude: 0, latitude: 0))
                : .lambertCentered(on: all)
        }
        return MapInfo(projection: projection, points: points, features: features, hasMissing: missing)
    }
}
