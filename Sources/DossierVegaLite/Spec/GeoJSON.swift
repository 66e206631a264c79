import Foundation

/// A geographic position in degrees (WGS 84 longitude and latitude, as in GeoJSON).
public struct GeoPoint: Sendable, Hashable {
    /// Degrees east of Greenwich, −180…180.
    public var longitude: Double
    /// Degrees north of the equator, −90…90.
    public var latitude: Double

    /// Creates a point from longitude and latitude in degrees.
    public init(longitude: Double, latitude: Double) {
        self.longitude = longitude
        self.latitude = latitude
    }
}

/// One country (or other area) read from GeoJSON.
public struct GeoFeature: Sendable {
    /// ISO 3166-1 alpha-3 code from `ISO_A3`; Natural Earth's `ADM0_A3` when `ISO_A3` is
    /// `"-99"` or missing; else the feature's `id` member.
    public var id: String
    /// Display name: `NAME`, else `NAME_LONG`, `ADMIN` or `name`; else the id.
    public var name: String
    /// Every non-null property, as text (integers without a decimal point, `true`/`false`).
    public var properties: [String: String]
    /// Polygon → rings (the first is the outer ring, the rest holes) → positions.
    /// A `Polygon` geometry gives one polygon, a `MultiPolygon` several, a null geometry none.
    public var polygons: [[[GeoPoint]]]
    /// Open lines (TopoJSON `LineString`, `MultiLineString`, a mesh): each a run of positions.
    public var lines: [[GeoPoint]]
    /// Loose positions (TopoJSON `Point`, `MultiPoint`).
    public var points: [GeoPoint]

    /// Creates a feature.
    public init(id: String, name: String, properties: [String: String] = [:], polygons: [[[GeoPoint]]],
                lines: [[GeoPoint]] = [], points: [GeoPoint] = []) {
        self.id = id
        self.name = name
        self.properties = properties
        self.polygons = polygons
        self.lines = lines
        self.points = points
    }

    /// Every position of every ring, line and point, in order.
    public var allPoints: [GeoPoint] { polygons.flatMap { $0.flatMap { $0 } } + lines.flatMap { $0 } + points }
}

/// Why GeoJSON could not be read. `feature` is the 0-based index in the `features` array.
public enum GeoJSONError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes are not JSON at all.
    case invalidJSON(String)
    /// The top level is not a `FeatureCollection` or `Feature` (the `type` found, or "no type").
    case notAFeatureCollection(found: String)
    /// A feature is not an object with `"type": "Feature"`.
    case invalidFeature(feature: Int, detail: String)
    /// A geometry other than `Polygon` or `MultiPolygon`.
    case unsupportedGeometry(feature: Int, type: String)
    /// Coordinates that are not nested arrays of `[longitude, latitude]` numbers in range,
    /// or a ring with fewer than 4 positions.
    case invalidCoordinates(feature: Int, detail: String)
    /// No `ISO_A3`, `ADM0_A3` or `id` to identify the feature.
    case missingIdentifier(feature: Int)
    /// Two features share an identifier.
    case duplicateIdentifier(String)

    /// A sentence a person can act on.
    public var description: String {
        switch self {
        case .invalidJSON(let detail):
            return "GeoJSON is not valid JSON: \(detail)"
        case .notAFeatureCollection(let found):
            return "GeoJSON top level must be a FeatureCollection or Feature, found \(found)"
        case .invalidFeature(let i, let detail):
            return "GeoJSON feature \(i): \(detail)"
        case .unsupportedGeometry(let i, let type):
            return "GeoJSON feature \(i): geometry type \(type) is not supported; expected Polygon or MultiPolygon"
        case .invalidCoordinates(let i, let detail):
            return "GeoJSON feature \(i): invalid coordinates: \(detail)"
        case .missingIdentifier(let i):
            return "GeoJSON feature \(i): no ISO_A3, ADM0_A3 or id property to identify it"
        case .duplicateIdentifier(let id):
            return "GeoJSON: two features have the identifier \(id)"
        }
    }
}

/// Reads GeoJSON (RFC 7946) polygons into ``GeoFeature`` values.
public enum GeoJSON {
    /// Parses a `FeatureCollection` (or a single `Feature`) of `Polygon` and `MultiPolygon`
    /// geometries. Features keep the order of the file.
    /// - Throws: ``GeoJSONError`` describing the first problem found.
    public static func features(from data: Data) throws(GeoJSONError) -> [GeoFeature] {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw .invalidJSON(error.localizedDescription)
        }
        guard let object = root as? [String: Any] else {
            throw .notAFeatureCollection(found: "a JSON \(root is [Any] ? "array" : "value")")
        }
        let type = object["type"] as? String
        let rawFeatures: [Any]
        switch type {
        case "FeatureCollection":
            guard let list = object["features"] as? [Any] else {
                throw .notAFeatureCollection(found: "a FeatureCollection without a features array")
            }
            rawFeatures = list
        case "Feature":
            rawFeatures = [object]
        default:
            throw .notAFeatureCollection(found: type.map { "type \($0)" } ?? "no type")
        }

        var result: [GeoFeature] = []
        var seen = Set<String>()
        for (index, raw) in rawFeatures.enumerated() {
            let feature = try parseFeature(raw, index: index)
            guard seen.insert(feature.id).inserted else { throw .duplicateIdentifier(feature.id) }
            result.append(feature)
        }
        return result
    }

    // MARK: - Internals

    static func parseFeature(_ raw: Any, index: Int) throws(GeoJSONError) -> GeoFeature {
        guard let object = raw as? [String: Any], object["type"] as? String == "Feature" else {
            throw .invalidFeature(feature: index, detail: "not an object with \"type\": \"Feature\"")
        }
        var properties: [String: String] = [:]
        if let rawProperties = object["properties"] as? [String: Any] {
            for (key, value) in rawProperties {
                if let text = text(of: value) { properties[key] = text }
            }
        }
        let featureID = object["id"].flatMap(text(of:))
        let iso = properties["ISO_A3"].flatMap { $0 == "-99" || $0.isEmpty ? nil : $0 }
        let adm = properties["ADM0_A3"].flatMap { $0 == "-99" || $0.isEmpty ? nil : $0 }
        guard let id = iso ?? adm ?? featureID else { throw .missingIdentifier(feature: index) }
        let name = properties["NAME"] ?? properties["NAME_LONG"] ?? properties["ADMIN"] ?? properties["name"] ?? id

        var polygons: [[[GeoPoint]]] = []
        if let geometry = object["geometry"], !(geometry is NSNull) {
            guard let g = geometry as? [String: Any], let gType = g["type"] as? String else {
                throw .invalidFeature(feature: index, detail: "geometry is not an object with a type")
            }
            guard let coordinates = g["coordinates"] as? [Any] else {
                throw .invalidCoordinates(feature: index, detail: "\(gType) has no coordinates array")
            }
            switch gType {
            case "Polygon":
                polygons = [try polygon(coordinates, feature: index)]
            case "MultiPolygon":
                polygons = []
                for (p, rawPolygon) in coordinates.enumerated() {
                    guard let rings = rawPolygon as? [Any] else {
                        throw .invalidCoordinates(feature: index, detail: "polygon \(p) is not an array of rings")
                    }
                    polygons.append(try polygon(rings, feature: index))
                }
            default:
                throw .unsupportedGeometry(feature: index, type: gType)
            }
        }
        return GeoFeature(id: id, name: name, properties: properties, polygons: polygons)
    }

    static func polygon(_ rings: [Any], feature: Int) throws(GeoJSONError) -> [[GeoPoint]] {
        var result: [[GeoPoint]] = []
        for (r, rawRing) in rings.enumerated() {
            guard let positions = rawRing as? [Any] else {
                throw .invalidCoordinates(feature: feature, detail: "ring \(r) is not an array of positions")
            }
            guard positions.count >= 4 else {
                throw .invalidCoordinates(
                    feature: feature, detail: "ring \(r) has \(positions.count) positions; a ring needs at least 4")
            }
            var ring: [GeoPoint] = []
            ring.reserveCapacity(positions.count)
            for position in positions {
                guard let pair = position as? [Any], pair.count >= 2,
                    let lon = number(pair[0]), let lat = number(pair[1])
                else {
                    throw .invalidCoordinates(
                        feature: feature, detail: "ring \(r) has a position that is not [longitude, latitude]")
                }
                guard lon.isFinite, lat.isFinite, abs(lon) <= 180, abs(lat) <= 90 else {
                    throw .invalidCoordinates(
                        feature: feature, detail: "position [\(lon), \(lat)] is outside [-180, 180] × [-90, 90]")
                }
                ring.append(GeoPoint(longitude: lon, latitude: lat))
            }
            result.append(ring)
        }
        return result
    }

    /// A JSON number as a Double (not a Boolean, which Foundation also bridges to NSNumber).
    static func number(_ value: Any) -> Double? {
        guard let n = value as? NSNumber, !isBoolean(n) else { return nil }
        return n.doubleValue
    }

    /// JSON `true`/`false` arrive as NSNumber with Objective-C type `c` (char); JSON numbers
    /// never do (integers are `i`/`q`, others `d`).
    static func isBoolean(_ n: NSNumber) -> Bool {
        String(cString: n.objCType) == "c"
    }

    /// A property value as text; `nil` for null, arrays and objects.
    static func text(of value: Any) -> String? {
        switch value {
        case let s as String:
            return s
        case let n as NSNumber:
            if isBoolean(n) { return n.boolValue ? "true" : "false" }
            let d = n.doubleValue
            if d == d.rounded(), abs(d) < 0x1p53 { return String(Int64(d)) }
            return "\(d)"
        default:
            return nil
        }
    }
}
