import CairoKit
import Foundation

/// Trails (Vega-Lite `trail`): a line per series whose width follows the `size` channel
/// (Vega-Lite's range for widths: 1 to 4 points over a domain from zero), else the mark's
/// `size` (default 2 points). Drawn as one filled outline per series: a disc at each point
/// joined by quadrilaterals, all wound the same way so overlaps do not cancel.
struct TrailEmitter: MarkEmitter {
    func checkChannels(_ layer: ResolvedLayer) throws {
        try layer.requirePosition()
    }

    func emit(_ context: MarkContext) throws -> MarkOutput {
        let chart = context.chart, l = context.layer, mark = context.mark
        var maxSize = 0.0
        if l.fields[.size] != nil { for i in 0..<l.rowCount { maxSize = max(maxSize, l.number(.size, i) ?? 0) } }
        func width(_ i: Int) -> Double {
            guard l.fields[.size] != nil else { return mark.size ?? 2 }
            guard let v = l.number(.size, i), maxSize > 0 else { return 1 }
            return 1 + 3 * max(0, v) / maxSize
        }
        var output = MarkOutput()
        for series in context.series() {
            var segments: [PathSegment] = []
            var previous: (ScenePoint, Double)?
            for i in series.rows {
                guard let p = context.location(i) else { previous = nil; continue }
                let w = width(i) / 2
                segments.append(.circle(center: p, radius: w))
                if let (q, v) = previous {
                    segments += Self.joint(from: q, v, to: p, w)
                }
                previous = (p, w)
            }
            let fill = context.layer.fields[.color] != nil ? context.fillAlpha(series.color) : (context.markFill(series.rows[0]) ?? series.color)
            output.clipped.append(.path(ScenePath(id: series.id, segments: segments, fill: fill)))
        }
        _ = chart
        return output
    }

    /// The quadrilateral between two discs' diameters across the segment, wound clockwise on screen (as Cairo's arcs).
    static func joint(from a: ScenePoint, _ ra: Double, to b: ScenePoint, _ rb: Double) -> [PathSegment] {
        let dx = b.x - a.x, dy = b.y - a.y, d = hypot(dx, dy)
        guard d > 0 else { return [] }
        let nx = -dy / d, ny = dx / d
        let corners = [ScenePoint(a.x + nx * ra, a.y + ny * ra), ScenePoint(b.x + nx * rb, b.y + ny * rb),
                       ScenePoint(b.x - nx * rb, b.y - ny * rb), ScenePoint(a.x - nx * ra, a.y - ny * ra)]
        var area = 0.0
        for k in 0..<4 { let p = corners[k], q = corners[(k + 1) % 4]; area += p.x * q.y - q.x * p.y }
        let ordered = area >= 0 ? corners : corners.reversed()
        return [.move(ordered[0]), .line(ordered[1]), .line(ordered[2]), .line(ordered[3]), .close]
    }
}
