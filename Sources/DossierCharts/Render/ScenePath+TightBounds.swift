import Foundation

extension ScenePath {
    /// The bounding box of the outline itself: like ``bounds`` but a cubic Bézier piece counts
    /// by its curve (its end points and the extrema where its derivative is zero), not by its
    /// control points, which lie outside the curve. A pie slice's box is then the slice's.
    package var tightBounds: SceneRect {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        func add(_ p: ScenePoint) {
            minX = min(minX, p.x); maxX = max(maxX, p.x); minY = min(minY, p.y); maxY = max(maxY, p.y)
        }
        var current: ScenePoint?
        var subpathStart: ScenePoint?
        for segment in segments {
            switch segment {
            case .move(let p):
                add(p); current = p; subpathStart = p
            case .line(let p):
                add(p); current = p
            case .curve(let c1, let c2, let end):
                let start = current ?? c1
                add(start); add(end)
                for t in Self.extremaParameters(start.x, c1.x, c2.x, end.x) + Self.extremaParameters(start.y, c1.y, c2.y, end.y) {
                    add(Self.cubic(start, c1, c2, end, t))
                }
                current = end
            case .close:
                current = subpathStart
            case .rect(let r):
                add(ScenePoint(r.x, r.y)); add(ScenePoint(r.maxX, r.maxY))
            case .circle(let c, let r):
                add(ScenePoint(c.x - r, c.y - r)); add(ScenePoint(c.x + r, c.y + r))
            }
        }
        guard minX.isFinite else { return SceneRect(x: 0, y: 0, width: 0, height: 0) }
        return SceneRect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }

    /// The point at parameter `t` of the cubic Bézier `p0, p1, p2, p3`.
    static func cubic(_ p0: ScenePoint, _ p1: ScenePoint, _ p2: ScenePoint, _ p3: ScenePoint, _ t: Double) -> ScenePoint {
        let u = 1 - t
        let (a, b, c, d) = (u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t)
        return ScenePoint(a * p0.x + b * p1.x + c * p2.x + d * p3.x, a * p0.y + b * p1.y + c * p2.y + d * p3.y)
    }

    /// The parameters in (0, 1) where one coordinate of a cubic Bézier has a zero derivative:
    /// the roots of 3[(−p0 + 3p1 − 3p2 + p3)t² + 2(p0 − 2p1 + p2)t + (p1 − p0)].
    static func extremaParameters(_ p0: Double, _ p1: Double, _ p2: Double, _ p3: Double) -> [Double] {
        let a = -p0 + 3 * p1 - 3 * p2 + p3, b = 2 * (p0 - 2 * p1 + p2), c = p1 - p0
        var roots: [Double] = []
        if abs(a) < 1e-12 {
            if abs(b) > 1e-12 { roots.append(-c / b) }
        } else {
            let discriminant = b * b - 4 * a * c
            if discriminant >= 0 {
                let s = discriminant.squareRoot()
                roots += [(-b + s) / (2 * a), (-b - s) / (2 * a)]
            }
        }
        return roots.filter { $0 > 0 && $0 < 1 }
    }
}
