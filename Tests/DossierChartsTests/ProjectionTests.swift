@testable import DossierVegaLite
import Foundation
import Testing

@testable import DossierCharts

/// A point projected by PROJ, on the unit sphere (+R=1): `center` nil means Mercator
/// (+proj=merc +lon_0=0), otherwise Lambert azimuthal equal-area (+proj=laea) centred there.
struct PyprojCase: CustomTestStringConvertible, Sendable {
    var center: (Double, Double)?
    var longitude, latitude, x, y: Double
    init(_ center: (Double, Double)?, _ longitude: Double, _ latitude: Double, _ x: Double, _ y: Double) {
        (self.center, self.longitude, self.latitude, self.x, self.y) = (center, longitude, latitude, x, y)
    }
    var projection: Projection {
        guard let c = center else { return .mercator }
        return .lambertAzimuthalEqualArea(center: GeoPoint(longitude: c.0, latitude: c.1))
    }
    var testDescription: String {
        "\(center.map { "laea(\($0.0), \($0.1))" } ?? "merc") (\(longitude), \(latitude))"
    }
}

/// Generated with pyproj 3.7.2 / PROJ 9.5.1:
/// `Transformer.from_crs("+proj=longlat +R=1", "+proj=merc +R=1 +lon_0=0" | "+proj=laea +R=1
/// +lat_0=φ1 +lon_0=λ0", always_xy=True).transform(lon, lat)`.
let pyprojReference: [PyprojCase] = [
    PyprojCase(nil, 0, 0, 0.0, 0.0),
    PyprojCase(nil, -47.9, -15.8, -0.8360127117052838, -0.2793250101385506),
    PyprojCase(nil, -99.13, 19.43, -1.7301448875019787, 0.34581061035510874),
    PyprojCase(nil, -58.38, -34.6, -1.0189232173142897, -0.6443346597215871),
    PyprojCase(nil, -77.03, -12.04, -1.3444271228112321, -0.21170147394925115),
    PyprojCase(nil, -66.9, 10.5, -1.1676252695842066, 0.1842940357965704),
    PyprojCase(nil, -61.5, 10.65, -1.0733774899765127, 0.18695726402219698),
    PyprojCase(nil, -90, -60, -1.5707963267948966, -1.3169578969248164),
    PyprojCase(nil, -120, 40, -2.0943951023931953, 0.7629096520666105),
    PyprojCase(nil, 30, -10, 0.5235987755982988, -0.1754258296518183),
    PyprojCase(nil, -70, 80, -1.2217304763960306, 2.4362460537158768),
    PyprojCase((-75, -4), 0, 0, 1.2178278662413273, 0.022762653017488282),
    PyprojCase((-75, -4), -47.9, -15.8, 0.45289184315155034, -0.21890172902927946),
    PyprojCase((-75, -4), -99.13, 19.43, -0.4024483196798681, 0.40908126778846643),
    PyprojCase((-75, -4), -58.38, -34.6, 0.24636847906459444, -0.535189368817623),
    PyprojCase((-75, -4), -77.03, -12.04, -0.03473433842149239, -0.14027387016610218),
    PyprojCase((-75, -4), -66.9, 10.5, 0.14000688611468, 0.2523362364802156),
    PyprojCase((-75, -4), -61.5, 10.65, 0.23292085745669805, 0.2548454321812661),
    PyprojCase((-75, -4), -90, -60, -0.1473707388783078, -0.9454560958168822),
    PyprojCase((-75, -4), -120, 40, -0.626409406403918, 0.7852241692602598),
    PyprojCase((-75, -4), 30, -10, 1.5453237325928384, -0.31029117458870326),
    PyprojCase((-75, -4), -70, 80, 0.02037147196920782, 1.3385986795175817),
    PyprojCase((-100, 40), 0, 0, 1.495761924155406, 0.16953085077912808),
    PyprojCase((-100, 40), -47.9, -15.8, 0.9499155938283899, -0.7362850769969861),
    PyprojCase((-100, 40), -99.13, 19.43, 0.014553194947148528, -0.3570259133790661),
    PyprojCase((-100, 40), -58.38, -34.6, 0.7350633819187664, -1.1166549621824833),
    PyprojCase((-100, 40), -77.03, -12.04, 0.4327457597609836, -0.8374465995903881),
    PyprojCase((-100, 40), -66.9, 10.5, 0.5743397869834971, -0.41699933628034996),
    PyprojCase((-100, 40), -61.5, 10.65, 0.662029284127221, -0.38178515073383024),
    PyprojCase((-100, 40), -90, -60, 0.13555241043174732, -1.5298888311715635),
    PyprojCase((-100, 40), -120, 40, -0.2643519110192433, 0.02996185666745481),
    PyprojCase((-100, 40), 30, -10, 1.679659636097574, 0.60977668974422),
    PyprojCase((-100, 40), -70, 80, 0.09286602074161728, 0.7035127666190005),
    PyprojCase((0, 0), 0, 0, 0.0, 0.0),
    PyprojCase((0, 0), -47.9, -15.8, -0.7871953860399903, -0.30021710809184987),
    PyprojCase((0, 0), -99.13, 19.43, -1.427939936036461, 0.5101608741799291),
    PyprojCase((0, 0), -58.38, -34.6, -0.828494471390012, -0.6711808999691934),
    PyprojCase((0, 0), -77.03, -12.04, -1.2205052528225413, -0.2671322568785733),
    PyprojCase((0, 0), -66.9, 10.5, -1.0865244568631054, 0.21892878750508746),
    PyprojCase((0, 0), -61.5, 10.65, -1.007779253529384, 0.21564346177997762),
    PyprojCase((0, 0), -90, -60, -0.7071067811865477, -1.2247448713915892),
    PyprojCase((0, 0), -120, 40, -1.1944413642616472, 1.1573047439891329),
    PyprojCase((0, 0), 30, -10, 0.51158070768071, -0.18041096314807883),
    PyprojCase((0, 0), -70, 80, -0.22420374828767997, 1.3531261323416917),
    PyprojCase((0, 90), 0, 0, 0.0, -1.414213562373095),
    PyprojCase((0, 90), -47.9, -15.8, -1.18357601267747, -1.069442993476347),
    PyprojCase((0, 90), -99.13, 19.43, -1.1406513766613344, 0.1833153670714773),
    PyprojCase((0, 90), -58.38, -34.6, -1.5079032179876555, -0.9283939763315333),
    PyprojCase((0, 90), -77.03, -12.04, -1.515066432333024, -0.3489451783660147),
    PyprojCase((0, 90), -66.9, 10.5, -1.1763394804953982, -0.5017513085618431),
    PyprojCase((0, 90), -61.5, 10.65, -1.1221300090260313, -0.6092668841360144),
    PyprojCase((0, 90), -90, -60, -1.9318516525781364, -1.1829179713786696e-16),
    PyprojCase((0, 90), -120, 40, -0.7319963015413337, 0.4226182617406993),
    PyprojCase((0, 90), 30, -10, 0.7660444431189779, -1.3268278963378768),
    PyprojCase((0, 90), -70, 80, -0.16379921663817867, -0.05961803925241834),
]

private let deg = Double.pi / 180

/// Shoelace area of a projected ring.
private func planarArea(_ ring: [(x: Double, y: Double)]) -> Double {
    var a = 0.0
    for i in ring.indices {
        let p = ring[i], q = ring[(i + 1) % ring.count]
        a += p.x * q.y - q.x * p.y
    }
    return abs(a) / 2
}

private func datasetFeatures() throws -> [GeoFeature] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../datasets/lac_countries.geojson").standardizedFileURL
    return try GeoJSON.features(from: Data(contentsOf: url))
}

@Suite struct ProjectionTests {
    @Test(arguments: pyprojReference)
    func matchesPROJ(_ c: PyprojCase) {
        let p = c.projection.project(GeoPoint(longitude: c.longitude, latitude: c.latitude))
        #expect(abs(p.x - c.x) < 1e-12 && abs(p.y - c.y) < 1e-12, "got (\(p.x), \(p.y))")
    }

    /// Snyder (1987), USGS Professional Paper 1395, p. 266: Mercator, sphere R = 1,
    /// λ0 = 180° W, φ = 35° N, λ = 75° W → x = 1.8325957, y = 0.6528366.
    /// Our central meridian is 0°, so λ − λ0 = 105° is passed as the longitude.
    @Test func snyderMercatorExample() {
        let p = Projection.mercator.project(GeoPoint(longitude: 105, latitude: 35))
        #expect(abs(p.x - 1.8325957) < 5e-8)
        #expect(abs(p.y - 0.6528366) < 5e-8)
    }

    /// Snyder (1987), p. 332: Lambert azimuthal equal-area, sphere R = 3, φ1 = 40° N,
    /// λ0 = 100° W, φ = 20° S, λ = 100° E → x = −4.2339303, y = 4.0257775 (k′ = 2.4085302).
    @Test func snyderLambertExample() {
        let projection = Projection.lambertAzimuthalEqualArea(center: GeoPoint(longitude: -100, latitude: 40))
        let p = projection.project(GeoPoint(longitude: 100, latitude: -20))
        #expect(abs(3 * p.x - -4.2339303) < 5e-7)
        #expect(abs(3 * p.y - 4.0257775) < 5e-7)
    }

    @Test func mercatorClampsThePoles() {
        let north = Projection.mercator.project(GeoPoint(longitude: 0, latitude: 90))
        let south = Projection.mercator.project(GeoPoint(longitude: 0, latitude: -90))
        #expect(north.y.isFinite && south.y.isFinite)
        #expect(abs(north.y - Double.pi) < 1e-9)  // the Web Mercator square: y = π at 85.0511°
        #expect(abs(south.y + Double.pi) < 1e-9)
    }

    /// Equal area: a 1° × 1° cell anywhere in Latin America keeps its spherical area,
    /// R²(λ2 − λ1)(sin φ2 − sin φ1), within the error of the straight-edged polygon.
    @Test(arguments: [(-47.0, -15.0), (-99.0, 19.0), (-68.0, -54.0), (-60.0, 10.0), (-110.0, 30.0)])
    func lambertPreservesArea(_ corner: (Double, Double)) {
        let projection = Projection.lambertAzimuthalEqualArea(center: GeoPoint(longitude: -75, latitude: -4))
        let (lon, lat) = corner
        // Sample the edges densely so the polygon follows the projected curves.
        var ring: [(x: Double, y: Double)] = []
        let n = 50
        for i in 0..<n { ring.append(projection.project(GeoPoint(longitude: lon + Double(i) / Double(n), latitude: lat))) }
        for i in 0..<n { ring.append(projection.project(GeoPoint(longitude: lon + 1, latitude: lat + Double(i) / Double(n)))) }
        for i in 0..<n { ring.append(projection.project(GeoPoint(longitude: lon + 1 - Double(i) / Double(n), latitude: lat + 1))) }
        for i in 0..<n { ring.append(projection.project(GeoPoint(longitude: lon, latitude: lat + 1 - Double(i) / Double(n)))) }
        let sphere = (1 * deg) * (sin((lat + 1) * deg) - sin(lat * deg))
        #expect(abs(planarArea(ring) / sphere - 1) < 1e-5)
    }

    @Test func longitudeWrapsAroundTheCentre() {
        let projection = Projection.lambertAzimuthalEqualArea(center: GeoPoint(longitude: 170, latitude: 0))
        let a = projection.project(GeoPoint(longitude: -170, latitude: 0))
        let b = projection.project(GeoPoint(longitude: 190, latitude: 0))
        #expect(abs(a.x - b.x) < 1e-12 && a.x > 0)
    }

    @Test func fitPreservesAspectAndFlipsY() throws {
        // A 20° × 10° box on the equator (Mercator keeps it nearly 2:1).
        let ring = [(-10.0, -5.0), (10, -5), (10, 5), (-10, 5), (-10, -5)].map {
            GeoPoint(longitude: $0.0, latitude: $0.1)
        }
        let feature = GeoFeature(id: "BOX", name: "Box", polygons: [[ring]])
        let rect = Rect(x: 50, y: 20, width: 300, height: 300)
        let fit = try #require(Projection.mercator.fit([feature], into: rect))
        let sw = fit.point(GeoPoint(longitude: -10, latitude: -5))
        let ne = fit.point(GeoPoint(longitude: 10, latitude: 5))
        // Width fills the rect, height is centred, north is up (smaller screen y).
        #expect(abs(sw.x - 50) < 1e-9 && abs(ne.x - 350) < 1e-9)
        #expect(ne.y < sw.y)
        let projectedAspect = (Projection.mercator.project(GeoPoint(longitude: 10, latitude: 5)).y * 2) / (20 * deg)
        #expect(abs((sw.y - ne.y) / (ne.x - sw.x) - projectedAspect) < 1e-12)
        #expect(abs((sw.y + ne.y) / 2 - 170) < 1e-9)
    }

    @Test func fitOfNothingIsNil() {
        #expect(Projection.mercator.fit([], into: Rect(x: 0, y: 0, width: 10, height: 10)) == nil)
    }

    @Test(arguments: [false, true])
    func latinAmericaFitsItsRect(_ equalArea: Bool) throws {
        let features = try datasetFeatures()
        let projection = equalArea ? Projection.lambertCentered(on: features) : .mercator
        let rect = Rect(x: 36, y: 24, width: 400, height: 500)
        let fit = try #require(projection.fit(features, into: rect))
        var minX = Double.infinity, maxX = -Double.infinity, minY = Double.infinity, maxY = -Double.infinity
        for f in features {
            for p in fit.rings(of: f).joined().joined() {
                minX = min(minX, p.x); maxX = max(maxX, p.x); minY = min(minY, p.y); maxY = max(maxY, p.y)
            }
        }
        #expect(minX >= rect.x - 1e-9 && maxX <= rect.maxX + 1e-9)
        #expect(minY >= rect.y - 1e-9 && maxY <= rect.maxY + 1e-9)
        // It touches two opposite edges.
        let touchesX = abs(minX - rect.x) < 1e-6 && abs(maxX - rect.maxX) < 1e-6
        let touchesY = abs(minY - rect.y) < 1e-6 && abs(maxY - rect.maxY) < 1e-6
        #expect(touchesX || touchesY)
        // Mexico is north of Brazil on screen (y down).
        let mex = try #require(features.first { $0.id == "MEX" })
        let bra = try #require(features.first { $0.id == "BRA" })
        let mexY = fit.rings(of: mex).joined().joined().map(\.y).min() ?? 0
        let braY = fit.rings(of: bra).joined().joined().map(\.y).min() ?? 0
        #expect(mexY < braY)
    }

    @Test func lambertCentreIsTheMiddleOfTheData() throws {
        let features = try datasetFeatures()
        guard case .lambertAzimuthalEqualArea(let c) = Projection.lambertCentered(on: features) else {
            Issue.record("expected Lambert")
            return
        }
        #expect(c.longitude > -90 && c.longitude < -60)
        #expect(c.latitude > -20 && c.latitude < 10)
    }
}
