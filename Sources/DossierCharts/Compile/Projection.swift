import DossierVegaLite
import Foundation

/// A map projection of the sphere onto the plane.
///
/// Formulas are the spherical forms in Snyder, *Map Projections — A Working Manual*
/// (USGS Professional Paper 1395, 1987) on the unit sphere (R = 1):
/// projected coordinates are in Earth radii, **x east and y north (y up)**.
/// Use ``fit(_:into:)`` to get screen coordinates (points, y down).
public enum Projection: Sendable, Equatable {
    /// Normal Mercator, central meridian 0° (Snyder eq. 7-1, 7-2): x = λ, y = ln tan(π/4 + φ/2).
    /// Latitudes are clamped to ±85.05113° (the square Web Mercator limit) so poles stay finite.
    case mercator
    /// Lambert azimuthal equal-area centred on `center` (Snyder eq. 24-2 to 24-4):
    /// k′ = √(2 / (1 + sin φ₁ sin φ + cos φ₁ cos φ cos(λ − λ₀))),
    /// x = k′ cos φ sin(λ − λ₀), y = k′ (cos φ₁ sin φ − sin φ₁ cos φ cos(λ − λ₀)).
    /// The whole sphere maps into a disc of radius 2; the single point opposite the centre,
    /// where the formula is undefined, is kept finite by bounding 1 + cos c below by 1e-12.
    case lambertAzimuthalEqualArea(center: GeoPoint)
    /// d3-geo's composite `albersUsa` (see ``AlbersUsa``), at scale 1 with y flipped up; a
    /// position outside its three boxes projects to NaN (left out of fits and marks).
    case albersUsa

    /// The Mercator latitude limit in degrees.
    public static let mercatorLatitudeLimit = 85.051_128_779_806_59

    /// Projects a position (degrees) to unit-sphere plane coordinates, y up.
    public func project(_ p: GeoPoint) -> (x: Double, y: Double) {
        let deg = Double.pi / 180
        switch self {
        case .mercator:
            let phi = Swift.min(Swift.max(p.latitude, -Self.mercatorLatitudeLimit), Self.mercatorLatitudeLimit) * deg
            return (p.longitude * deg, log(tan(Double.pi / 4 + phi / 2)))
        case .lambertAzimuthalEqualArea(let c):
            let phi = p.latitude * deg
            let phi1 = c.latitude * deg
            let dLambda = Self.wrappedLongitude(p.longitude - c.longitude) * deg
            let cosC = sin(phi1) * sin(phi) + cos(phi1) * cos(phi) * cos(dLambda)
            // At the antipode (cosC = −1) k′ is infinite; the limit is the rim circle of radius 2.
            let denominator = Swift.max(1 + cosC, 1e-12)
            let k = (2 / denominator).squareRoot()
            return (
                k * cos(phi) * sin(dLambda),
                k * (cos(phi1) * sin(phi) - sin(phi1) * cos(phi) * cos(dLambda))
            )
        case .albersUsa:
            guard let q = AlbersUsa.project(p) else { return (.nan, .nan) }
            return (q.x, -q.y)
        }
    }

    /// `degrees` wrapped into −180…180.
    static func wrappedLongitude(_ degrees: Double) -> Double {
        var d = degrees.truncatingRemainder(dividingBy: 360)
        if d > 180 { d -= 360 }
        if d < -180 { d += 360 }
        return d
    }

    /// A Lambert azimuthal equal-area projection centred on the middle of the features'
    /// longitude/latitude bounding box (Latin America: about 75° W, 4° S); the centre is
    /// (0, 0) when there are no points.
    public static func lambertCentered(on features: [GeoFeature]) -> Projection {
        var minLon = Double.infinity, maxLon = -Double.infinity
        var minLat = Double.infinity, maxLat = -Double.infinity
        for p in features.lazy.flatMap(\.allPoints) {
            minLon = Swift.min(minLon, p.longitude); maxLon = Swift.max(maxLon, p.longitude)
            minLat = Swift.min(minLat, p.latitude); maxLat = Swift.max(maxLat, p.latitude)
        }
        guard minLon.isFinite else { return .lambertAzimuthalEqualArea(center: GeoPoint(longitude: 0, latitude: 0)) }
        return .lambertAzimuthalEqualArea(
            center: GeoPoint(longitude: (minLon + maxLon) / 2, latitude: (minLat + maxLat) / 2))
    }

    /// The transform that maps the projected bounding box of `features` into `rect`
    /// (points, y down), scaled uniformly so the map keeps its aspect ratio and centred in the
    /// spare dimension. Returns `nil` when the features have no positions.
    public func fit(_ features: [GeoFeature], into rect: Rect) -> ProjectionFit? {
        fit(points: features.flatMap(\.allPoints), into: rect)
    }

    /// Like ``fit(_:into:)`` for loose positions (for example island markers added to the map).
    public func fit(points: [GeoPoint], into rect: Rect) -> ProjectionFit? {
        bounds(of: points).flatMap { fit(bounds: $0, into: rect) }
    }

    /// The projected bounding box of `points` (non-finite projections left out), or nil when
    /// none projects. Computed once per map: fitting it into a panel is then constant time.
    public func bounds(of points: [GeoPoint]) -> ProjectedBounds? {
        var minX = Double.infinity, maxX = -Double.infinity
        var minY = Double.infinity, maxY = -Double.infinity
        for p in points {
            let q = project(p)
            guard q.x.isFinite, q.y.isFinite else { continue }
            minX = Swift.min(minX, q.x); maxX = Swift.max(maxX, q.x)
            minY = Swift.min(minY, q.y); maxY = Swift.max(maxY, q.y)
        }
        guard minX.isFinite, minY.isFinite else { return nil }
        return ProjectedBounds(minX: minX, maxX: maxX, minY: minY, maxY: maxY)
    }

    /// The fit of a projected bounding box into `rect` (see ``fit(_:into:)``).
    public func fit(bounds b: ProjectedBounds, into rect: Rect) -> ProjectionFit {
        let w = b.maxX - b.minX, h = b.maxY - b.minY
        let scale: Double
        switch (w > 0, h > 0) {
        case (true, true): scale = Swift.min(rect.width / w, rect.height / h)
        case (true, false): scale = rect.width / w
        case (false, true): scale = rect.height / h
        case (false, false): scale = 1
        }
        // Centre the scaled box in the rect; y is flipped (north up on screen).
        let offsetX = rect.x + (rect.width - w * scale) / 2 - b.minX * scale
        let offsetY = rect.y + (rect.height - h * scale) / 2 + b.maxY * scale
        return ProjectionFit(projection: self, scale: scale, offsetX: offsetX, offsetY: offsetY)
    }
}

/// A box in projected coordinates (Earth radii, y up).
public struct ProjectedBounds: Sendable, Equatable {
    public var minX: Double, maxX: Double, minY: Double, maxY: Double
}

/// A projection followed by a uniform scale and translation into screen points (y down):
/// `screen.x = offsetX + scale · x`, `screen.y = offsetY − scale · y`.
public struct ProjectionFit: Sendable, Equatable {
    /// The projection applied first.
    public var projection: Projection
    /// Points per projected unit (per Earth radius).
    public var scale: Double
    /// Screen x of projected x = 0.
    public var offsetX: Double
    /// Screen y of projected y = 0.
    public var offsetY: Double

    /// Creates a fit from its parts.
    public init(projection: Projection, scale: Double, offsetX: Double, offsetY: Double) {
        self.projection = projection
        self.scale = scale
        self.offsetX = offsetX
        self.offsetY = offsetY
    }

    /// The screen position (points, y down) of a geographic position.
    public func point(_ p: GeoPoint) -> (x: Double, y: Double) {
        let q = projection.project(p)
        return (offsetX + scale * q.x, offsetY - scale * q.y)
    }

    /// Every ring of every polygon of `feature` in screen points: polygon → rings → points.
    /// Under `albersUsa` a ring becomes its pieces clipped to the lower-48, Alaska and Hawaii boxes.
    public func rings(of feature: GeoFeature) -> [[[(x: Double, y: Double)]]] {
        guard projection == .albersUsa else { return feature.polygons.map { $0.map { $0.map(point) } } }
        return feature.polygons.map { polygon in polygon.flatMap(AlbersUsa.rings).map { $0.map(screen) } }
    }

    /// Every line of `feature` in screen points (under `albersUsa`, the runs inside its boxes).
    public func lines(of feature: GeoFeature) -> [[(x: Double, y: Double)]] {
        guard projection == .albersUsa else { return feature.lines.map { $0.map(point) } }
        return feature.lines.flatMap(AlbersUsa.lines).map { $0.map(screen) }
    }

    /// The screen position of d3's y-down albersUsa coordinates.
    private func screen(_ q: (x: Double, y: Double)) -> (x: Double, y: Double) {
        (offsetX + scale * q.x, offsetY + scale * q.y)
    }
}
