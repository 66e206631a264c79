import DossierVegaLite
import Foundation

/// The outline of a line or area edge through points, by Vega-Lite's `interpolate` (the
/// curves of d3-shape, which Vega draws with: curveLinear, curveStep*, curveMonotoneX,
/// curveBasis, curveCardinal). Facts from d3-shape's definitions; written here in Swift.
enum PathCurves {
    /// The segments through `points`, starting with a move (or a line, when `continuing` an
    /// outline already begun).
    static func segments(_ points: [ScenePoint], _ curve: PathInterpolation?, tension: Double? = nil,
                         continuing: Bool = false) -> [PathSegment] {
        guard let first = points.first else { return [] }
        var out: [PathSegment] = [continuing ? .line(first) : .move(first)]
        guard points.count > 1 else { return out }
        switch curve ?? .linear {
        case .linear, .linearClosed:
            out += points.dropFirst().map { .line($0) }
        case .step, .stepBefore, .stepAfter:
            let t = curve == .stepBefore ? 0.0 : (curve == .stepAfter ? 1.0 : 0.5)
            for (a, b) in zip(points, points.dropFirst()) {
                if t == 0 {
                    out.append(.line(ScenePoint(a.x, b.y)))
                } else if t == 1 {
                    out.append(.line(ScenePoint(b.x, a.y)))
                } else {
                    let mid = a.x + (b.x - a.x) * t
                    out += [.line(ScenePoint(mid, a.y)), .line(ScenePoint(mid, b.y))]
                }
                out.append(.line(b))
            }
        case .monotone:
            out += monotone(points)
        case .basis:
            out += basis(points)
        case .cardinal:
            out += cardinal(points, tension: tension ?? 0)
        }
        if curve == .linearClosed, !continuing { out.append(.close) }
        return out
    }

    /// The same outline run backwards from its last point (for an area's lower edge): the
    /// segments after the first move, each reversed, ending at the first point.
    static func reversed(_ segments: [PathSegment]) -> [PathSegment] {
        var points: [ScenePoint] = []
        var pieces: [PathSegment] = []
        for s in segments {
            switch s {
            case .move(let p), .line(let p): points.append(p); pieces.append(s)
            case .curve(_, _, let p): points.append(p); pieces.append(s)
            default: break
            }
        }
        guard let last = points.last else { return [] }
        var out: [PathSegment] = [.line(last)]
        for k in stride(from: pieces.count - 1, to: 0, by: -1) {
            let to = points[k - 1]
            if case .curve(let c1, let c2, _) = pieces[k] {
                out.append(.curve(control1: c2, control2: c1, to: to))
            } else {
                out.append(.line(to))
            }
        }
        return out
    }

    /// d3's curveMonotoneX: cubic pieces with Steffen's tangents, monotone between points.
    private static func monotone(_ p: [ScenePoint]) -> [PathSegment] {
        let n = p.count
        guard n > 2 else { return [.line(p[1])] }
        func sign(_ v: Double) -> Double { v < 0 ? -1 : 1 }
        var m = [Double](repeating: 0, count: n)
        for i in 1..<(n - 1) {
            let h0 = p[i].x - p[i - 1].x, h1 = p[i + 1].x - p[i].x
            let s0 = h0 != 0 ? (p[i].y - p[i - 1].y) / h0 : 0
            let s1 = h1 != 0 ? (p[i + 1].y - p[i].y) / h1 : 0
            let q = h0 + h1 != 0 ? (s0 * h1 + s1 * h0) / (h0 + h1) : 0
            let v = (sign(s0) + sign(s1)) * min(abs(s0), abs(s1), 0.5 * abs(q))
            m[i] = v.isFinite ? v : 0
        }
        func endSlope(_ a: ScenePoint, _ b: ScenePoint, _ t: Double) -> Double {
            let h = b.x - a.x
            return h != 0 ? (3 * (b.y - a.y) / h - t) / 2 : t
        }
        m[0] = endSlope(p[0], p[1], m[1])
        m[n - 1] = endSlope(p[n - 2], p[n - 1], m[n - 2])
        var out: [PathSegment] = []
        for i in 0..<(n - 1) {
            let a = p[i], b = p[i + 1], dx = (b.x - a.x) / 3
            out.append(.curve(control1: ScenePoint(a.x + dx, a.y + dx * m[i]), control2: ScenePoint(b.x - dx, b.y - dx * m[i + 1]), to: b))
        }
        return out
    }

    /// d3's curveBasis: a uniform cubic B-spline, through the end points.
    private static func basis(_ p: [ScenePoint]) -> [PathSegment] {
        guard p.count > 2 else { return [.line(p[1])] }
        var out: [PathSegment] = []
        var a = p[0], b = p[0]
        func piece(_ c: ScenePoint) {
            out.append(.curve(control1: ScenePoint((2 * a.x + b.x) / 3, (2 * a.y + b.y) / 3),
                              control2: ScenePoint((a.x + 2 * b.x) / 3, (a.y + 2 * b.y) / 3),
                              to: ScenePoint((a.x + 4 * b.x + c.x) / 6, (a.y + 4 * b.y + c.y) / 6)))
        }
        for (k, c) in p.enumerated() {
            if k == 1 {
                b = c
                continue
            } else if k == 2 {
                out.append(.line(ScenePoint((5 * a.x + b.x) / 6, (5 * a.y + b.y) / 6)))
                piece(c)
            } else if k > 2 {
                piece(c)
            }
            if k > 0 { a = b; b = c }
        }
        piece(b)
        out.append(.line(b))
        return out
    }

    /// d3's curveCardinal with `tension` (0: Catmull–Rom-like tangents, 1: straight).
    private static func cardinal(_ p: [ScenePoint], tension: Double) -> [PathSegment] {
        guard p.count > 2 else { return [.line(p[1])] }
        let k = (1 - tension) / 6
        let n = p.count
        func at(_ i: Int) -> ScenePoint { p[max(0, min(n - 1, i))] }
        var out: [PathSegment] = []
        for i in 0..<(n - 1) {
            let p1 = p[i], p2 = p[i + 1]
            // The phantom neighbours beyond the ends are the ends themselves' mirror (d3: the
            // first control point sits on the first point, the last on the last).
            let p0 = i == 0 ? p2 : at(i - 1), p3 = i + 2 >= n ? p1 : at(i + 2)
            let c1 = i == 0 ? p1 : ScenePoint(p1.x + k * (p2.x - p0.x), p1.y + k * (p2.y - p0.y))
            let c2 = i + 2 >= n ? p2 : ScenePoint(p2.x + k * (p1.x - p3.x), p2.y + k * (p1.y - p3.y))
            out.append(.curve(control1: c1, control2: c2, to: p2))
        }
        return out
    }
}
