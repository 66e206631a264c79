import Foundation

/// Why a TopoJSON file could not be read: a sentence naming what was found and what was
/// expected.
public struct TopoJSONError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The sentence.
    public var description: String

    init(_ description: String) { self.description = description }
}

/// Which part of a TopoJSON object becomes data (Vega-Lite's `format: {type: topojson, …}`).
public enum TopoJSONSelection: Sendable, Equatable {
    /// `feature: NAME`: one feature per geometry of the object (one in all when it is not a
    /// `GeometryCollection`), with its `id` and `properties`.
    case feature(String)
    /// `mesh: NAME`: one feature whose lines are every arc the object uses, each once.
    case mesh(String)

    /// The object named.
    public var object: String {
        switch self {
        case .feature(let name), .mesh(let name): return name
        }
    }
}

/// Reads TopoJSON (the topojson-specification 1.0: a `Topology` of shared, optionally
/// quantized and delta-encoded arcs) into ``GeoFeature`` values, as topojson-client's
/// `feature` and `mesh` do: a polygon's ring is its arcs joined end to start (each arc's first
/// position, equal to the previous arc's last, kept once), a negative arc index `~i` is arc
/// `i` reversed, and with a `transform` a position is `q · scale + translate` where `q` is
/// the running sum of the arc's deltas (points: the position itself, not delta-encoded).
public enum TopoJSON {
    /// The features (or the mesh) of `selection`'s object in `data`.
    /// - Throws: ``TopoJSONError`` naming the first problem found.
    public static func features(from data: Data, selection: TopoJSONSelection) throws(TopoJSONError) -> [GeoFeature] {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw TopoJSONError("TopoJSON is not valid JSON: \(error.localizedDescription)")
        }
        guard let topology = root as? [String: Any], topology["type"] as? String == "Topology" else {
            let found = (root as? [String: Any])?["type"].map { "type \(String(describing: $0))" } ?? "no `type`"
            throw TopoJSONError("TopoJSON must be an object with \"type\": \"Topology\", found \(found)")
        }
        guard let objects = topology["objects"] as? [String: Any] else {
            throw TopoJSONError("TopoJSON topology has no `objects` object")
        }
        guard let object = objects[selection.object] as? [String: Any] else {
            let known = objects.keys.sorted()
            throw TopoJSONError("TopoJSON has no object \"\(selection.object)\", expected one of "
                                + known.map { "\"\($0)\"" }.joined(separator: ", "))
        }
        let arcs = try decodeArcs(topology)
        let reader = Reader(arcs: arcs, transform: try Transform(topology["transform"]))
        switch selection {
        case .feature:
            if object["type"] as? String == "GeometryCollection" {
                guard let geometries = object["geometries"] as? [Any] else {
                    throw TopoJSONError("TopoJSON object \"\(selection.object)\": a GeometryCollection needs a `geometries` array")
                }
                var features: [GeoFeature] = []
                features.reserveCapacity(geometries.count)
                for (index, geometry) in geometries.enumerated() {
                    features.append(try reader.feature(geometry, index: index, object: selection.object))
                }
                return features
            }
            return [try reader.feature(object, index: 0, object: selection.object)]
        case .mesh:
            var used: [Int] = []
            var seen = Set<Int>()
            try reader.collectArcs(object, into: &used, seen: &seen, object: selection.object)
            let lines = used.map { reader.arcPositions($0) }
            return [GeoFeature(id: selection.object, name: selection.object, polygons: [], lines: lines)]
        }
    }

    /// The arcs as quantized (or plain) positions, before delta decoding.
    static func decodeArcs(_ topology: [String: Any]) throws(TopoJSONError) -> [[[Double]]] {
        guard let raw = topology["arcs"] as? [Any] else { throw TopoJSONError("TopoJSON topology has no `arcs` array") }
        var arcs: [[[Double]]] = []
        arcs.reserveCapacity(raw.count)
        for (i, rawArc) in raw.enumerated() {
            guard let positions = rawArc as? [Any] else { throw TopoJSONError("TopoJSON arc \(i) is not an array of positions") }
            var arc: [[Double]] = []
            arc.reserveCapacity(positions.count)
            for position in positions {
                guard let pair = position as? [Any], pair.count >= 2,
                      let x = GeoJSON.number(pair[0]), let y = GeoJSON.number(pair[1]), x.isFinite, y.isFinite else {
                    throw TopoJSONError("TopoJSON arc \(i) has a position that is not [x, y] numbers")
                }
                arc.append([x, y])
            }
            arcs.append(arc)
        }
        return arcs
    }

    /// A topology's `transform`: quantized positions to degrees.
    struct Transform {
        var scale: (Double, Double)
        var translate: (Double, Double)

        /// Nil when `raw` is absent; throws when it is present but malformed.
        init?(_ raw: Any?) throws(TopoJSONError) {
            guard let raw, !(raw is NSNull) else { return nil }
            guard let object = raw as? [String: Any],
                  let s = object["scale"] as? [Any], s.count == 2, let sx = GeoJSON.number(s[0]), let sy = GeoJSON.number(s[1]),
                  let t = object["translate"] as? [Any], t.count == 2, let tx = GeoJSON.number(t[0]), let ty = GeoJSON.number(t[1]) else {
                throw TopoJSONError("TopoJSON `transform` must be {scale: [sx, sy], translate: [tx, ty]} numbers")
            }
            scale = (sx, sy)
            translate = (tx, ty)
        }
    }

    /// Builds geometries from arc indices.
    struct Reader {
        /// Each arc's positions in degrees (delta decoding and the transform applied).
        let decoded: [[GeoPoint]]
        let transform: Transform?

        init(arcs: [[[Double]]], transform: Transform?) {
            self.transform = transform
            decoded = arcs.map { arc in
                guard let t = transform else { return arc.map { GeoPoint(longitude: $0[0], latitude: $0[1]) } }
                var x = 0.0, y = 0.0
                return arc.map { delta in
                    x += delta[0]; y += delta[1]
                    return GeoPoint(longitude: x * t.scale.0 + t.translate.0, latitude: y * t.scale.1 + t.translate.1)
                }
            }
        }

        /// Arc `index` (non-negative) forwards.
        func arcPositions(_ index: Int) -> [GeoPoint] { decoded[index] }

        /// The arc an index names, forwards or (`~i`) reversed.
        func arc(_ raw: Any, object: String) throws(TopoJSONError) -> [GeoPoint] {
            guard let number = GeoJSON.number(raw), number == number.rounded(), abs(number) < 1e15 else {
                throw TopoJSONError("TopoJSON object \"\(object)\": an arc index is not a whole number")
            }
            let i = Int(number)
            let index = i < 0 ? ~i : i
            guard index < decoded.count else {
                throw TopoJSONError("TopoJSON object \"\(object)\": arc index \(i) is out of range, the topology has \(decoded.count) arcs")
            }
            return i < 0 ? decoded[index].reversed() : decoded[index]
        }

        /// Arcs joined into one run: each arc after the first loses its first position.
        func line(_ raw: Any, object: String) throws(TopoJSONError) -> [GeoPoint] {
            guard let indices = raw as? [Any] else {
                throw TopoJSONError("TopoJSON object \"\(object)\": expected an array of arc indices")
            }
            var points: [GeoPoint] = []
            for index in indices {
                let positions = try arc(index, object: object)
                points += points.isEmpty ? positions[...] : positions.dropFirst()
            }
            return points
        }

        func lines(_ raw: Any, object: String) throws(TopoJSONError) -> [[GeoPoint]] {
            guard let list = raw as? [Any] else {
                throw TopoJSONError("TopoJSON object \"\(object)\": expected an array of arc index arrays")
            }
            var result: [[GeoPoint]] = []
            for item in list { result.append(try line(item, object: object)) }
            return result
        }

        /// A position (a `Point`'s coordinates): the transform applied, no delta.
        func point(_ raw: Any, object: String) throws(TopoJSONError) -> GeoPoint {
            guard let pair = raw as? [Any], pair.count >= 2, let x = GeoJSON.number(pair[0]), let y = GeoJSON.number(pair[1]) else {
                throw TopoJSONError("TopoJSON object \"\(object)\": a point is not [x, y] numbers")
            }
            guard let t = transform else { return GeoPoint(longitude: x, latitude: y) }
            return GeoPoint(longitude: x * t.scale.0 + t.translate.0, latitude: y * t.scale.1 + t.translate.1)
        }

        /// One geometry object as a feature: id, properties, polygons and lines.
        func feature(_ raw: Any, index: Int, object: String) throws(TopoJSONError) -> GeoFeature {
            guard let geometry = raw as? [String: Any] else {
                throw TopoJSONError("TopoJSON object \"\(object)\": geometry \(index) is not an object")
            }
            var properties: [String: String] = [:]
            if let rawProperties = geometry["properties"] as? [String: Any] {
                for (key, value) in rawProperties { if let text = GeoJSON.text(of: value) { properties[key] = text } }
            }
            let id = geometry["id"].flatMap(GeoJSON.text(of:)) ?? ""
            var feature = GeoFeature(id: id, name: properties["name"] ?? id, properties: properties, polygons: [])
            try add(geometry, to: &feature, object: object)
            return feature
        }

        /// Adds a geometry's shapes (recursing into collections) to `feature`.
        func add(_ geometry: [String: Any], to feature: inout GeoFeature, object: String) throws(TopoJSONError) {
            let type = geometry["type"] as? String
            let arcs = geometry["arcs"] ?? []
            switch type {
            case nil:
                if geometry["type"] == nil || geometry["type"] is NSNull { return }
                throw TopoJSONError("TopoJSON object \"\(object)\": a geometry's `type` is not a text")
            case "Polygon":
                feature.polygons.append(try lines(arcs, object: object))
            case "MultiPolygon":
                guard let list = arcs as? [Any] else {
                    throw TopoJSONError("TopoJSON object \"\(object)\": a MultiPolygon's `arcs` is not an array of polygons")
                }
                for polygon in list { feature.polygons.append(try lines(polygon, object: object)) }
            case "LineString":
                feature.lines.append(try line(arcs, object: object))
            case "MultiLineString":
                feature.lines += try lines(arcs, object: object)
            case "Point":
                feature.points.append(try point(geometry["coordinates"] ?? [], object: object))
            case "MultiPoint":
                guard let list = geometry["coordinates"] as? [Any] else {
                    throw TopoJSONError("TopoJSON object \"\(object)\": a MultiPoint needs a `coordinates` array")
                }
                for p in list { feature.points.append(try point(p, object: object)) }
            case "GeometryCollection":
                for member in geometry["geometries"] as? [Any] ?? [] {
                    guard let g = member as? [String: Any] else {
                        throw TopoJSONError("TopoJSON object \"\(object)\": a collection member is not an object")
                    }
                    try add(g, to: &feature, object: object)
                }
            case let other?:
                throw TopoJSONError("TopoJSON object \"\(object)\": geometry type \"\(other)\" is not a TopoJSON type, expected "
                                    + "Polygon, MultiPolygon, LineString, MultiLineString, Point, MultiPoint or GeometryCollection")
            }
        }

        /// Every arc (non-negative index) `raw` uses, in first-use order, each once.
        func collectArcs(_ raw: Any, into used: inout [Int], seen: inout Set<Int>, object: String) throws(TopoJSONError) {
            if let geometry = raw as? [String: Any] {
                if let arcs = geometry["arcs"] { try collectArcs(arcs, into: &used, seen: &seen, object: object) }
                for member in geometry["geometries"] as? [Any] ?? [] { try collectArcs(member, into: &used, seen: &seen, object: object) }
            } else if let list = raw as? [Any] {
                for item in list { try collectArcs(item, into: &used, seen: &seen, object: object) }
            } else if let number = GeoJSON.number(raw) {
                guard number == number.rounded(), abs(number) < 1e15 else {
                    throw TopoJSONError("TopoJSON object \"\(object)\": an arc index is not a whole number")
                }
                let i = Int(number)
                let index = i < 0 ? ~i : i
                guard index < decoded.count else {
                    throw TopoJSONError("TopoJSON object \"\(object)\": arc index \(i) is out of range, the topology has \(decoded.count) arcs")
                }
                if seen.insert(index).inserted { used.append(index) }
            }
        }
    }
}
