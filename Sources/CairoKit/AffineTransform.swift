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
}
