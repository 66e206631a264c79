import DossierVegaLite
import Foundation

/// The outline of a point symbol, sized as Vega sizes its symbols: `size` is the area of the
/// symbol's bounding square, so a circle of size s has the radius √s / 2.
enum PointSymbol {
    /// The half side of the bounding square of a symbol of `area` square points.
    static func radius(area: Double) -> Double { max(0, area).squareRoot() / 2 }

    /// The area of the bounding square of a symbol whose half side is `radius`.
    static func area(radius: Double) -> Double { 4 * radius * radius }

    /// The outline of `shape` centred on `c` with half side `r`; `stroked` shapes (the
    /// `stroke` line) are drawn with a stroke and no fill.
    static func segments(_ shape: SymbolShape, center c: ScenePoint, radius r: Double) -> [PathSegment] {
        shape.segments(at: c, size: area(radius: r))
    }

    /// Vega's default `symbol` range, the order in which a shape scale takes its shapes.
    static let defaultRange: [SymbolShape] = [.circle, .square, .triangleUp, .cross, .diamond, .triangleRight, .triangleDown, .triangleLeft]
}
