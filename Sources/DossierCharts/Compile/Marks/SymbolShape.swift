import DossierVegaLite
import Foundation

/// The outlines of Vega's point symbols (vega-scenegraph's path/symbols.js): each drawn for a
/// `size` that is the symbol's area in square points, centred on the point, rotated by `angle`.
extension SymbolShape {
    /// The outline at `center` for area `size`, rotated `angle` degrees clockwise.
    func segments(at center: ScenePoint, size: Double, angle: Double = 0) -> [PathSegment] {
        let r = size.squareRoot() / 2
        if self == .circle { return [.circle(center: center, radius: r)] }
        if self == .square, angle == 0 { return [.rect(SceneRect(x: center.x - r, y: center.y - r, width: 2 * r, height: 2 * r))] }
        let h = 3.0.squareRoot() / 2 * r, tan30 = 0.5773502691896257
        let points: [(Double, Double)]
        switch self {
        case .circle, .square: points = [(-r, -r), (r, -r), (r, r), (-r, r)]
        case .cross:
            let s = r / 2.5
            points = [(-r, -s), (-r, s), (-s, s), (-s, r), (s, r), (s, s), (r, s), (r, -s), (s, -s), (s, -r), (-s, -r), (-s, -s)]
        case .diamond: points = [(-r, 0), (0, -r), (r, 0), (0, r)]
        case .arrow:
            let s = r / 7, t = r / 2.5, v = r / 8
            points = [(-s, r), (s, r), (s, -v), (t, -v), (0, -r), (-t, -v), (-s, -v)]
        case .wedge:
            let o = h - r * tan30, b = r / 4
            points = [(0, -h - o), (-b, h - o), (b, h - o)]
        case .triangle:
            let o = h - r * tan30
            points = [(0, -h - o), (-r, h - o), (r, h - o)]
        case .triangleUp: points = [(0, -h), (-r, h), (r, h)]
        case .triangleDown: points = [(0, h), (-r, -h), (r, -h)]
        case .triangleRight: points = [(h, 0), (-h, -r), (-h, r)]
        case .triangleLeft: points = [(-h, 0), (h, -r), (h, r)]
        case .stroke: points = [(-r, 0), (r, 0)]
        }
        let a = angle * .pi / 180, c = cos(a), s = sin(a)
        let placed = points.map { ScenePoint(center.x + $0.0 * c - $0.1 * s, center.y + $0.0 * s + $0.1 * c) }
        guard let first = placed.first else { return [] }
        return [.move(first)] + placed.dropFirst().map { .line($0) } + (self == .stroke ? [] : [.close])
    }
}
