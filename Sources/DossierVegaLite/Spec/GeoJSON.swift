import DossierBase
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
        try features(in: document(data))
    }

    // MARK: - Internals

    /// The features of a GeoJSON document's JSON (``document(_:)``).
    static func features(in root: JSONValue) throws(GeoJSONError) -> [GeoFeature] {
        guard let object = root.object else {
            throw .notAFeatureCollection(found: "a JSON \(root.array != nil ? "array" : "value")")
        }
        let type = object["type"]?.string
        let rawFeatures: [JSONValue]
        switch type {
        case "FeatureCollection":
            guard let list = object["features"]?.array else {
                throw .notAFeatureCollection(found: "a FeatureCollection without a features array")
            }
            rawFeatures = list
        case "Feature":
            rawFeatures = [root]
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

    /// The file's JSON, read by DossierBase's ``JSONParser`` (one pass over the bytes; Foundation's
    /// `JSONSerialization` made an `NSNumber` of each coordinate through its text, most of the
    /// flagship map's compile time). Foundation's reader still reads, and words the error for,
    /// anything the fast reader would read differently or not at all: text it rejects, a top
    /// level that is not an array or object, an escaped UTF-16 surrogate (the fast reader
    /// replaces a lone one, Foundation refuses it), and numbers of more than 17 characters
    /// before the exponent (Foundation reads those through `Decimal`).
    static func document(_ data: Data) throws(GeoJSONError) -> JSONValue {
        let bytes = [UInt8](data)
        if !needsFoundation(bytes), let value = try? JSONParser.parse(bytes, maxDepth: 512),
           value.object != nil || value.array != nil {
            return value
        }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw .invalidJSON(error.localizedDescription)
        }
        return foundationValue(root)
    }

    /// Whether `bytes` hold what ``document(_:)`` leaves to Foundation: a run of more than 17
    /// digits, points and minus signs (a long number, or a string holding one: then Foundation
    /// reads the file, as it always did), or a `\u` escape of a UTF-16 surrogate.
    static func needsFoundation(_ bytes: [UInt8]) -> Bool {
        var run = 0
        var previous: UInt8 = 0
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"):
                run += 1
                if run > 17 { return true }
            case UInt8(ascii: "u") where previous == UInt8(ascii: "\\"):
                run = 0
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "d") || bytes[index + 1] == UInt8(ascii: "D") {
                    return true
                }
            default:
                run = 0
            }
            previous = byte
        }
        return false
    }

    /// What `JSONSerialization` read, as a ``JSONValue`` (`true`/`false` as Booleans, every
    /// other number as a double).
    static func foundationValue(_ value: Any) -> JSONValue {
        switch value {
        case let list as [Any]: return JSONValue(.array(list.map(foundationValue)))
        case let members as [String: Any]: return JSONValue(.object(members.mapValues(foundationValue)))
        default: return foundationScalar(value)
        }
    }

    /// A scalar `JSONSerialization` read, as a ``JSONValue`` (an array or object as an empty one).
    static func foundationScalar(_ value: Any) -> JSONValue {
        switch value {
        case let s as String: return JSONValue(.string(s))
        case let n as NSNumber: return JSONValue(isBoolean(n) ? .bool(n.boolValue) : .double(n.doubleValue))
        case is [Any]: return JSONValue(.array([]))
        case is [String: Any]: return JSONValue(.object([:]))
        default: return JSONValue(.null)
        }
    }

    static func parseFeature(_ raw: JSONValue, index: Int) throws(GeoJSONError) -> GeoFeature {
        guard let object = raw.object, object["type"]?.string == "Feature" else {
            throw .invalidFeature(feature: index, detail: "not an object with \"type\": \"Feature\"")
        }
        var properties: [String: String] = [:]
        if let rawProperties = object["properties"]?.object {
            for (key, value) in rawProperties {
                if let text = text(of: value) { properties[key] = text }
            }
        }
        let featureID = object["id"].flatMap { text(of: $0) }
        let iso = properties["ISO_A3"].flatMap { $0 == "-99" || $0.isEmpty ? nil : $0 }
        let adm = properties["ADM0_A3"].flatMap { $0 == "-99" || $0.isEmpty ? nil : $0 }
        guard let id = iso ?? adm ?? featureID else { throw .missingIdentifier(feature: index) }
        let name = properties["NAME"] ?? properties["NAME_LONG"] ?? properties["ADMIN"] ?? properties["name"] ?? id

        var polygons: [[[GeoPoint]]] = []
        if let geometry = object["geometry"], geometry.kind != .null {
            guard let g = geometry.object, let gType = g["type"]?.string else {
                throw .invalidFeature(feature: index, detail: "geometry is not an object with a type")
            }
            guard let coordinates = g["coordinates"]?.array else {
                throw .invalidCoordinates(feature: index, detail: "\(gType) has no coordinates array")
            }
            switch gType {
            case "Polygon":
                polygons = [try polygon(coordinates, feature: index)]
            case "MultiPolygon":
                polygons = []
                for (p, rawPolygon) in coordinates.enumerated() {
                    guard let rings = rawPolygon.array else {
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

    static func polygon(_ rings: [JSONValue], feature: Int) throws(GeoJSONError) -> [[GeoPoint]] {
        var result: [[GeoPoint]] = []
        for (r, rawRing) in rings.enumerated() {
            guard let positions = rawRing.array else {
                throw .invalidCoordinates(feature: feature, detail: "ring \(r) is not an array of positions")
            }
            guard positions.count >= 4 else {
                throw .invalidCoordinates(
                    feature: feature, detail: "ring \(r) has \(positions.count) positions; a ring needs at least 4")
            }
            var ring: [GeoPoint] = []
            ring.reserveCapacity(positions.count)
            for position in positions {
                guard let pair = position.array, pair.count >= 2,
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

    /// A JSON number as a Double (not a Boolean).
    static func number(_ value: JSONValue) -> Double? {
        switch value.kind {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    /// A number `JSONSerialization` read (TopoJSON's reader) as a Double.
    static func number(_ value: Any) -> Double? {
        number(foundationScalar(value))
    }

    /// JSON `true`/`false` arrive as NSNumber with Objective-C type `c` (char); JSON numbers
    /// never do (integers are `i`/`q`, others `d`).
    static func isBoolean(_ n: NSNumber) -> Bool {
        String(cString: n.objCType) == "c"
    }

    /// A property value as text; `nil` for null, arrays and objects.
    static func text(of value: JSONValue) -> String? {
        switch value.kind {
        case .string(let s):
            return s
        case .bool(let b):
            return b ? "true" : "false"
        case .int, .double:
            guard let d = number(value) else { return nil }
            if d == d.rounded(), abs(d) < 0x1p53 { return String(Int64(d)) }
            return "\(d)"
        default:
            return nil
        }
    }

    /// A property value `JSONSerialization` read (TopoJSON's reader) as text.
    static func text(of value: Any) -> String? {
        text(of: foundationScalar(value))
    }
}
