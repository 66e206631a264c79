import CairoKit
import Foundation

/// Arcs (Vega-Lite's pie and donut): each row a slice of a circle centred in the panel. The
/// `theta` channel, stacked, gives the slices' angles: its scale maps 0…the largest stack end
/// onto 0…2π, clockwise from twelve o'clock; a `radius` field maps 0…its largest value onto
/// the inner…outer radius (a rose); `innerRadius` makes a donut, `padAngle` gaps.
struct ArcEmitter: MarkEmitter {
    func checkChannels(_ layer: ResolvedLayer) throws {
        if !layer.has(.theta) && !layer.has(.radius) { try layer.require(.theta) }
    }

    func emit(_ context: MarkContext) throws -> MarkOutput {
        let chart = context.chart, l = context.layer, r = context.panel.rect, options = context.mark.arc
        var output = MarkOutput()
        let center = ScenePoint(r.x + r.width / 2, r.y + r.height / 2)
        let outer = options.outerRadius ?? min(r.width, r.height) / 2
        let inner = min(options.innerRadius ?? 0, outer)
        let pad = options.padAngle ?? 0
        let thetaMax = (0..<l.rowCount).compactMap { l.stacked ? l.stackEnd[$0] : l.number(.theta, $0) }.max() ?? 0
        let radiusMax = (0..<l.rowCount).compactMap { l.fields[.radius] != nil ? l.number(.radius, $0) : nil }.max() ?? 0
        // Vega-Lite's theta range: 0…2π clockwise from twelve o'clock unless `scale.range` says.
        let angles = l.defs[.theta]?.scale?.numericRange ?? [0, 2 * .pi]
        let (angle0, span) = (angles[0], angles[1] - angles[0])
        for i in context.rows {
            guard let fill = chart.fillColor(l, i) else { continue }
            var a0 = 0.0, a1 = 2 * Double.pi
            if l.has(.theta) {
                guard let end = l.stacked ? l.stackEnd[i] : l.number(.theta, i), thetaMax > 0 else { continue }
                let start = l.stacked ? (l.stackStart[i] ?? 0) : 0
                a0 = angle0 + span * start / thetaMax
                a1 = angle0 + span * end / thetaMax
            }
            var rOuter = outer
            if l.fields[.radius] != nil {
                guard let v = l.number(.radius, i), radiusMax > 0 else { continue }
                rOuter = inner + (outer - inner) * max(0, v) / radiusMax
            }
            if a1 - a0 > pad { a0 += pad / 2; a1 -= pad / 2 }
            let key = l.key(.color, i) ?? l.key(.theta, i) ?? String(i)
            output.clipped.append(.path(ScenePath(id: "\(context.layerID)/arc/\(chart.slug(key))/\(i)",
                                                  segments: Self.slice(center: center, inner: inner, outer: rOuter, from: a0, to: a1),
                                                  fill: chart.withOpacity(fill, context.mark.opacity), evenOdd: true)))
        }
        return output
    }

    /// A point at `angle` (radians clockwise from twelve o'clock) and `radius` from `c`.
    static func point(_ c: ScenePoint, _ radius: Double, _ angle: Double) -> ScenePoint {
        ScenePoint(c.x + radius * sin(angle), c.y - radius * cos(angle))
    }

    /// Cubic Bézier pieces (at most a quarter turn each) along the circle of `radius` from
    /// angle `a0` to `a1` (either direction), starting at the current point.
    static func arc(_ c: ScenePoint, _ radius: Double, from a0: Double, to a1: Double) -> [PathSegment] {
        let pieces = max(1, Int((abs(a1 - a0) / (Double.pi / 2)).rounded(.up)))
        let step = (a1 - a0) / Double(pieces)
        let k = 4.0 / 3.0 * tan(step / 4) * radius
        var segments: [PathSegment] = []
        for n in 0..<pieces {
            let s = a0 + Double(n) * step, e = s + step
            let p0 = point(c, radius, s), p1 = point(c, radius, e)
            // The tangent at angle a (increasing a) is (cos a, sin a) on screen.
            let c1 = ScenePoint(p0.x + k * cos(s), p0.y + k * sin(s))
            let c2 = ScenePoint(p1.x - k * cos(e), p1.y - k * sin(e))
            segments.append(.curve(control1: c1, control2: c2, to: p1))
        }
        return segments
    }

    /// A pie slice (inner 0) or a donut segment.
    static func slice(center c: ScenePoint, inner: Double, outer: Double, from a0: Double, to a1: Double) -> [PathSegment] {
        if a1 - a0 >= 2 * .pi - 1e-9 {
            var ring: [PathSegment] = [.circle(center: c, radius: outer)]
            if inner > 0 { ring.append(.circle(center: c, radius: inner)) }
            return ring
        }
        var segments: [PathSegment] = [.move(point(c, outer, a0))]
        segments += arc(c, outer, from: a0, to: a1)
        if inner > 0 {
            segments.append(.line(point(c, inner, a1)))
            segments += arc(c, inner, from: a1, to: a0)
        } else {
            segments.append(.line(c))
        }
        segments.append(.close)
        return segments
    }
}
