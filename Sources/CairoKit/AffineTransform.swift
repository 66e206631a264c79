import Foundation

/// A 2-D affine map `(x, y) ↦ (a·x + c·y + tx, b·x + d·y + ty)`, the same matrix as
/// `cairo_matrix_t` and SVG's `matrix(a b c d tx ty)`.
struct AffineTransform: Equatable {
    var a = 1.0, b = 0.0, c = 0.0, d = 1.0, tx = 0.0, ty = 0.0

    static let identity = AffineTransform()

    /// Maps a point.
    func apply(_ x: Double, _ y: Double) -> (x: Double, y: Double) {
        (a * x + c * y + tx, b * x + d * y + ty)
    }

    /// This map applied after `inner` (user space → `inner` → this), as `cairo_transform` composes.
    func concatenating(_ inner: AffineTransform) -> AffineTransform {
        AffineTransform(a: a * inner.a + c * inner.b, b: b * inner.a + d * inner.b,
                        c: a * inner.c + c * inner.d, d: b * inner.c + d * inner.d,
                        tx: a * inner.tx + c * inner.ty + tx, ty: b * inner.tx + d * inner.ty + ty)
    }

    /// The inverse map, or nil when the matrix is singular.
    var inverted: AffineTransform? {
        let determinant = a * d - b * c
        guard determinant != 0, determinant.isFinite else { return nil }
        return AffineTransform(a: d / determinant, b: -b / determinant, c: -c / determinant, d: a / determinant,
                               tx: (c * ty - d * tx) / determinant, ty: (b * tx - a * ty) / determinant)
    }

    /// The scale factor when the map is a rotation and uniform scale (circles stay circles and
    /// line widths scale by one number); nil otherwise.
    var similarityScale: Double? {
        guard abs(a - d) < 1e-12, abs(b + c) < 1e-12 else { return nil }
        return (a * a + b * b).squareRoot()
    }

    /// Whether the map moves points without scaling or rotating them.
    var isTranslation: Bool { a == 1 && b == 0 && c == 0 && d == 1 }

    /// This map after a move of user space by (`dx`, `dy`) (`cairo_translate`).
    func translated(_ dx: Double, _ dy: Double) -> AffineTransform {
        concatenating(AffineTransform(tx: dx, ty: dy))
    }

    /// This map after a scale of user space (`cairo_scale`).
    func scaled(_ sx: Double, _ sy: Double) -> AffineTransform {
        concatenating(AffineTransform(a: sx, d: sy))
    }

    /// This map after a rotation of user space by `radians`, clockwise on screen (`cairo_rotate`).
    func rotated(_ radians: Double) -> AffineTransform {
        let (s, c) = (sin(radians), cos(radians))
        return concatenating(AffineTransform(a: c, b: s, c: -s, d: c))
    }
}

/// A circular arc as the cubic Béziers ``SVGCanvas`` and ``PDFCanvas`` draw it: segments of at
/// most a quarter turn (error below 0.03% of the radius), clockwise on screen from `start` to
/// `end` (radians; `end` is moved past `start` by whole turns).
struct ArcSegments {
    /// One segment: its two control points and its end point, in user space.
    struct Segment {
        let c1x: Double, c1y: Double, c2x: Double, c2y: Double, x: Double, y: Double
    }

    /// The arc's start point and its segments.
    let start: (x: Double, y: Double)
    let segments: [Segment]

    init(centerX: Double, centerY: Double, radius: Double, from startAngle: Double, to endAngle: Double) {
        var end = endAngle
        while end < startAngle { end += 2 * .pi }
        start = (centerX + radius * cos(startAngle), centerY + radius * sin(startAngle))
        let count = max(1, Int(((end - startAngle) / (.pi / 2)).rounded(.up)))
        let step = (end - startAngle) / Double(count)
        let handle = 4.0 / 3.0 * tan(step / 4) * radius
        var angle = startAngle
        var segments: [Segment] = []
        segments.reserveCapacity(count)
        for _ in 0..<count {
            let next = angle + step
            let (sinA, cosA, sinB, cosB) = (sin(angle), cos(angle), sin(next), cos(next))
            segments.append(Segment(c1x: centerX + radius * cosA - handle * sinA, c1y: centerY + radius * sinA + handle * cosA,
                                    c2x: centerX + radius * cosB + handle * sinB, c2y: centerY + radius * sinB - handle * cosB,
                                    x: centerX + radius * cosB, y: centerY + radius * sinB))
            angle = next
        }
        self.segments = segments
    }
}
