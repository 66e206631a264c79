import DossierCharts
import Foundation

/// Whether Dossier draws a gallery spec's marks where vl-convert draws them, in data terms
/// (``PlotMarks`` against Fixtures/vega-lite-reference, written by scripts/vega_lite_reference.py).
///
/// The rule, every coordinate a fraction of its plot area's width or height:
/// - the same number of plot areas (panels, views), compared in scene order;
/// - in each, per kind of mark (rect, point, text, rule, arc, shape; line and area series),
///   the same number of items, and each reference item matched to its own Dossier item:
///   points and text anchors within `tolerance` on x and on y; rules, arcs and geoshapes with
///   each end or bounding-box edge within `tolerance`; rectangles (bars, ticks, cells) with
///   the centre within `tolerance` and each side's length within `tolerance` or 30 % of the
///   reference's (band padding is styling; a bar's length error moves its centre by half);
///   the layer a mark comes from, its colour and its size do not count;
/// - lines and areas: the same number of series; every vertex of each side lies within
///   `tolerance` (Euclidean) of some polyline of the other side (an area's top and bottom
///   edges separately), so extra collinear vertices and series order do not count.
struct VegaLiteMarkMatch {
    /// 1 % of the plot's width or height.
    static let tolerance = 0.01

    /// Nil when the marks match, else the first difference found.
    static func difference(reference: [[String: Any]], dossier: PlotMarks) -> String? {
        guard reference.count == dossier.cells.count else {
            return "\(dossier.cells.count) plot areas, vl-convert draws \(reference.count)"
        }
        for (index, (cell, mine)) in zip(reference, dossier.cells).enumerated() {
            let marks = cell["marks"] as? [[String: Any]] ?? []
            var referenceByKind: [String: [Any]] = [:]
            var seriesCount: [String: Int] = [:]
            for mark in marks {
                let kind = mark["kind"] as? String ?? "?"
                let items = mark["items"] as? [Any] ?? []
                referenceByKind[kind, default: []] += items
                seriesCount[kind, default: 0] += 1
            }
            var mineByKind: [String: [[Double]]] = [:]
            var mineSeries: [String: Int] = [:]
            for mark in mine.marks {
                mineByKind[mark.kind, default: []] += mark.items
                mineSeries[mark.kind, default: 0] += 1
            }
            let kinds = Set(referenceByKind.keys).union(mineByKind.keys).sorted()
            for kind in kinds {
                let theirs = referenceByKind[kind] ?? [], ours = mineByKind[kind] ?? []
                let place = "plot \(index), \(kind)"
                if kind == "line" || kind == "area" || kind == "harea" {
                    let (r, d) = (seriesCount[kind] ?? 0, mineSeries[kind] ?? 0)
                    if r != d { return "\(place): \(d) series, vl-convert draws \(r)" }
                    if let problem = seriesDifference(kind: kind, reference: theirs, dossier: ours) { return "\(place): \(problem)" }
                    continue
                }
                if theirs.count != ours.count { return "\(place): \(ours.count) items, vl-convert draws \(theirs.count)" }
                let referenceItems = theirs.map { ($0 as? [Any] ?? []).map { ($0 as? NSNumber)?.doubleValue ?? .nan } }
                if let miss = unmatched(referenceItems, ours, kind: kind) {
                    return "\(place): no item at \(miss.map { String(format: "%.3f", $0) }.joined(separator: ", ")) (nearest by x of \(ours.count))"
                }
            }
        }
        return nil
    }

    /// The first reference item left without a Dossier item when each reference item is
    /// paired with its own matching Dossier item (each used once), or nil when all pair up.
    /// A maximum bipartite matching (augmenting paths, candidates nearest first): a greedy
    /// pass can hand a reference item's only partner to a neighbour that had another, as with
    /// two cars at the same horsepower and MPG beside a third within the tolerance.
    static func unmatched(_ reference: [[Double]], _ dossier: [[Double]], kind: String) -> [Double]? {
        let key: ([Double]) -> Double = { kind == "rect" ? ($0[0] + $0[2]) / 2 : $0[0] }
        let sorted = dossier.sorted { key($0) < key($1) }
        let keys = sorted.map(key)
        let items = reference.sorted(by: { key($0) < key($1) })
        let candidates: [[Int]] = items.map { item in
            let k = key(item)
            var lo = 0, hi = keys.count
            while lo < hi { let mid = (lo + hi) / 2; if keys[mid] < k - tolerance - 1e-9 { lo = mid + 1 } else { hi = mid } }
            var found: [Int] = []
            var j = lo
            while j < keys.count, keys[j] <= k + tolerance + 1e-9 {
                if matches(item, sorted[j], kind: kind) { found.append(j) }
                j += 1
            }
            let gap: (Int) -> Double = { j in zip(item, sorted[j]).map { abs($0 - $1) }.max() ?? 0 }
            return found.sorted { (gap($0), $0) < (gap($1), $1) }
        }
        var owner = [Int?](repeating: nil, count: sorted.count)
        for start in items.indices {
            if !augment(from: start, candidates: candidates, owner: &owner) { return items[start] }
        }
        return nil
    }

    /// Breadth-first search for an augmenting path from reference item `start`; on success
    /// flips the path in `owner` (Dossier item → reference item).
    static func augment(from start: Int, candidates: [[Int]], owner: inout [Int?]) -> Bool {
        var cameFrom: [Int: (reference: Int, previous: Int?)] = [:]  // Dossier item → (reference item, Dossier item it freed)
        var queue: [(reference: Int, via: Int?)] = [(start, nil)]
        var head = 0
        while head < queue.count {
            let (r, via) = queue[head]
            head += 1
            for d in candidates[r] where cameFrom[d] == nil {
                cameFrom[d] = (r, via)
                guard let next = owner[d] else {
                    var target: Int? = d
                    while let t = target, let step = cameFrom[t] {
                        owner[t] = step.reference
                        target = step.previous
                    }
                    return true
                }
                queue.append((next, d))
            }
        }
        return false
    }

    static func matches(_ a: [Double], _ b: [Double], kind: String) -> Bool {
        guard a.count == b.count else { return false }
        let close: (Double, Double) -> Bool = { abs($0 - $1) <= tolerance + 1e-9 }
        if kind == "rect" {
            let (aw, ah, bw, bh) = (a[2] - a[0], a[3] - a[1], b[2] - b[0], b[3] - b[1])
            let sizeClose: (Double, Double) -> Bool = { close($0, $1) || abs($0 - $1) <= 0.3 * abs($0) }
            return close((a[0] + a[2]) / 2, (b[0] + b[2]) / 2) && close((a[1] + a[3]) / 2, (b[1] + b[3]) / 2)
                && sizeClose(aw, bw) && sizeClose(ah, bh)
        }
        return zip(a, b).allSatisfy(close)
    }

    // MARK: - Series

    typealias Polyline = [(Double, Double)?]

    /// Lines: `[[x, y] | null, …]` per reference series, flat `x, y` (NaN breaks) per Dossier series.
    /// Areas: `[[x, top, bottom], …]` and flat triples; compared as top and bottom polylines.
    static func seriesDifference(kind: String, reference: [Any], dossier: [[Double]]) -> String? {
        if kind == "harea" { return "a horizontal area (Dossier's areas are vertical)" }
        var theirs: [Polyline] = [], ours: [Polyline] = []
        for series in reference {
            let vertices = (series as? [Any] ?? []).map { v -> [Double]? in (v as? [Any])?.map { ($0 as? NSNumber)?.doubleValue ?? .nan } }
            if kind == "line" {
                theirs.append(vertices.map { v in v.map { ($0[0], $0[1]) } })
            } else {
                theirs.append(vertices.map { v in v.map { ($0[0], $0[1]) } })
                theirs.append(vertices.map { v in v.map { ($0[0], $0[2]) } })
            }
        }
        for flat in dossier {
            if kind == "line" {
                ours.append(stride(from: 0, to: flat.count - 1, by: 2).map { flat[$0].isNaN ? nil : (flat[$0], flat[$0 + 1]) })
            } else {
                let n = flat.count / 3
                ours.append((0..<n).map { (flat[3 * $0], flat[3 * $0 + 1]) })
                ours.append((0..<n).map { (flat[3 * $0], flat[3 * $0 + 2]) })
            }
        }
        if let v = farVertex(theirs, from: ours) { return String(format: "vl-convert's vertex (%.3f, %.3f) is off Dossier's \(kind)s", v.0, v.1) }
        if let v = farVertex(ours, from: theirs) { return String(format: "Dossier's vertex (%.3f, %.3f) is off vl-convert's \(kind)s", v.0, v.1) }
        return nil
    }

    /// A vertex of `a` farther than `tolerance` from every polyline of `b`, or nil.
    static func farVertex(_ a: [Polyline], from b: [Polyline]) -> (Double, Double)? {
        var segments: [(Double, Double, Double, Double)] = []
        for line in b {
            var previous: (Double, Double)?
            for vertex in line {
                guard let v = vertex else { previous = nil; continue }
                let start = previous ?? v
                segments.append((start.0, start.1, v.0, v.1))
                previous = v
            }
        }
        for line in a {
            for vertex in line {
                guard let p = vertex else { continue }
                if !segments.contains(where: { distance(p, $0) <= tolerance + 1e-9 }) { return p }
            }
        }
        return nil
    }

    static func distance(_ p: (Double, Double), _ s: (Double, Double, Double, Double)) -> Double {
        let (dx, dy) = (s.2 - s.0, s.3 - s.1)
        let length = dx * dx + dy * dy
        var t = length > 0 ? ((p.0 - s.0) * dx + (p.1 - s.1) * dy) / length : 0
        t = max(0, min(1, t))
        return hypot(p.0 - (s.0 + t * dx), p.1 - (s.1 + t * dy))
    }
}
