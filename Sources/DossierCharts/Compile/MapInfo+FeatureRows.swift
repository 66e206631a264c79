import CairoKit
import DossierVegaLite
import Foundation

/// Vega-Lite's maps: a `geoshape` layer draws the shape each of its rows carries (rows read
/// from TopoJSON, or a field holding shapes, `shape: {field, type: geojson}`, filled in by a
/// `lookup`), coloured by its own encoding. The projection (Vega's default `mercator`, or
/// `albersUsa`, `equalArea`) is fitted as Vega fits it: every shape and every longitude/latitude
/// position of the chart, projected, scaled to the plot area with no margin and centred.
extension Compilation {
    /// Whether the map is Vega-Lite's kind: a geoshape layer and none naming Dossier's `shapes`.
    var drawsFeatureRows: Bool {
        layers.contains { $0.mark == .geoshape } && !layers.contains { $0.mark == .geoshape && $0.layer.shapes != nil }
    }

    /// The field of a geoshape layer holding its rows' shape references.
    static func shapeField(_ l: ResolvedLayer) -> String {
        l.layer.encoding[.shape]?.field ?? ChartData.geometryField
    }

    /// The map of a chart whose geoshape layers draw their rows' shapes.
    func prepareFeatureMap() throws -> MapInfo {
        let projection: Projection
        switch spec.projection?.type?.lowercased() {
        case "albersusa": projection = .albersUsa
        case "equalarea", "azimuthalequalarea":
            projection = .lambertCentered(on: layers.filter { $0.mark == .geoshape }.flatMap { rowFeatures($0).values })
        default: projection = .mercator
        }
        let identity = ProjectionFit(projection: projection, scale: 1, offsetX: 0, offsetY: 0)
        var minX = Double.infinity, maxX = -Double.infinity, minY = Double.infinity, maxY = -Double.infinity
        func add(_ p: (x: Double, y: Double)) {
            guard p.x.isFinite, p.y.isFinite else { return }
            minX = min(minX, p.x); maxX = max(maxX, p.x); minY = min(minY, p.y); maxY = max(maxY, p.y)
        }
        var byLayer: [Int: [Int: GeoFeature]] = [:]
        for l in layers where l.mark == .geoshape {
            let features = rowFeatures(l)
            byLayer[l.index] = features
            for feature in features.values {
                for polygon in identity.rings(of: feature) { for ring in polygon { ring.forEach(add) } }
                for line in identity.lines(of: feature) { line.forEach(add) }
                feature.points.map(identity.point).forEach(add)
            }
        }
        for l in layers where l.has(.longitude) && l.has(.latitude) {
            for i in 0..<l.rowCount {
                guard let lon = l.number(.longitude, i), let lat = l.number(.latitude, i) else { continue }
                add(identity.point(GeoPoint(longitude: lon, latitude: lat)))
            }
        }
        // The identity fit gives screen coordinates (y down); bounds are kept y up.
        let bounds = minX.isFinite ? ProjectedBounds(minX: minX, maxX: maxX, minY: -maxY, maxY: -minY) : nil
        return MapInfo(projection: projection, rowFeatures: byLayer, bounds: bounds)
    }

    /// The shape of each row of a geoshape layer that has one.
    func rowFeatures(_ l: ResolvedLayer) -> [Int: GeoFeature] {
        guard case .strings(let references)? = l.table.column(Self.shapeField(l)) else { return [:] }
        var features: [Int: GeoFeature] = [:]
        for (i, reference) in references.enumerated() {
            if let reference, let feature = ChartData.feature(reference, in: data) { features[i] = feature }
        }
        return features
    }

    /// The check of a geoshape layer of a Vega-Lite map: its rows must carry shapes.
    func checkFeatureRows(_ l: ResolvedLayer) throws {
        let field = Self.shapeField(l)
        guard l.table.column(field) != nil else {
            if l.layer.encoding[.shape]?.field != nil {
                throw ChartError.fieldNotFound(layer: l.index, channel: "shape", field: field, data: l.layer.data, available: l.table.fieldNames)
            }
            throw ChartError.invalidSpec("layer \(l.index): a geoshape mark draws shapes, but \"\(l.layer.data)\" has none: read it with "
                                         + "`format: {type: topojson, feature: …}`, give `shape: {field, type: geojson}`, or name map shapes in `shapes`")
        }
    }
}

extension MapInfo {
    /// The paths of a geoshape layer whose rows carry their shapes, in row order.
    func featureRowShapes(_ context: MarkContext) -> [SceneItem] {
        guard let features = rowFeatures[context.layer.index], let fit = fit(context.panel.rect) else { return [] }
        let mark = context.mark
        let filled = mark.filled ?? true
        var items: [SceneItem] = []
        for i in context.rows {
            guard let feature = features[i] else { continue }
            var segments = fit.ringSegments(of: feature, closed: filled)
            for line in fit.lines(of: feature) {
                guard let first = line.first, line.count >= 2 else { continue }
                segments.append(.move(ScenePoint(first.x, first.y)))
                for p in line.dropFirst() { segments.append(.line(ScenePoint(p.x, p.y))) }
            }
            guard !segments.isEmpty else { continue }
            let fill = filled && !feature.polygons.isEmpty ? context.markFill(i) : nil
            let stroke = filled && !feature.polygons.isEmpty ? context.markOutline() : context.markStroke(i)
            items.append(.path(ScenePath(id: "\(context.layerID)/shape/\(i)", segments: segments, fill: fill, stroke: stroke,
                                         lineWidth: mark.strokeWidth ?? (filled ? 0.5 : 1), evenOdd: true, round: !filled)))
        }
        return items
    }
}
