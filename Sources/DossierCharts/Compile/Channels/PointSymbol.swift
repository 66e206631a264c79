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
        let h = 3.0.squareRoot() / 2 * r
        func polygon(_ points: [(Double, Double)]) -> [PathSegment] {
            guard let first = points.first else { return [] }
            return [.move(ScenePoint(c.x + first.0, c.y + first.1))]
                + points.dropFirst().map { .line(ScenePoint(c.x + $0.0, c.y + $0.1)) } + [.close]
        }
        switch shape {
        case .circle: return [.circle(center: c, radius: r)]
        case .square: return [.rect(SceneRect(x: c.x - r, y: c.y - r, width: 2 * r, height: 2 * r))]
        case .diamond: return polygon([(-r, 0), (0, -r), (r, 0), (0, r)])
        case .cross:
            let s = r / 2.5
            return polygon([(-r, -s), (-r, s), (-s, s), (-s, r), (s, r), (s, s), (r, s), (r, -s), (s, -s), (s, -r), (-s, -r), (-s, -s)])
        case .triangleUp: return polygon([(0, -h), (-r, h), (r, h)])
        case .triangleDown: return polygon([(0, h), (-r, -h), (r, -h)])
        case .triangleRight: return polygon([(h, 0), (-h, -r), (-h, r)])
        case .triangleLeft: return polygon([(-h, 0), (h, -r), (h, r)])
        case .triangle, .wedge:
            let o = h - r * (1 / 3.0.squareRoot())
            let b = shape == .wedge ? r / 4 : r
            return polygon([(0, -h - o), (-b, h - o), (b, h - o)])
        case .arrow:
            let s = r / 7, t = r / 2.5, v = r / 8
            return polygon([(-s, r), (s, r), (s, -v), (t, -v), (0, -r), (-t, -v), (-s, -v)])
        case .stroke: return [.move(ScenePoint(c.x - r, c.y)), .line(ScenePoint(c.x + r, c.y))]
        }
    }

    /// Vega's default `symbol` range, the order in which a shape scale takes its shapes.
    static let defaultRange: [SymbolShape] = [.circle, .square, .triangleUp, .cross, .diamond, .triangleRight, .triangleDown, .triangleLeft]
}
