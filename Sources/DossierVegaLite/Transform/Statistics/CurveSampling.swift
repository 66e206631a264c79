import Foundation

/// Vega's adaptive sampling of a smooth curve over an interval (vega-statistics
/// `sampleCurve`), so that the density, regression and loess transforms give the points Vega
/// gives: `minSteps` points on a uniform grid, then each interval split at its midpoint while
/// the curve bends there by more than half a degree (in the plot's unit square) and the
/// interval is wider than `span / maxSteps`. With `minSteps == maxSteps` the grid is uniform,
/// `maxSteps + 1` points.
enum CurveSampling {
    /// The sampled points `(x, f(x))`, in ascending x.
    static func sample(_ f: (Double) -> Double, extent: (Double, Double), minSteps: Int, maxSteps: Int) -> [(Double, Double)] {
        let minSteps = minSteps > 0 ? minSteps : 25
        let maxSteps = max(minSteps, maxSteps > 0 ? maxSteps : 200)
        let minRadians = 0.5 * Double.pi / 180
        let (minX, maxX) = extent
        let span = maxX - minX
        let stop = span / Double(maxSteps)
        func point(_ x: Double) -> (Double, Double) { (x, f(x)) }
        var done = [point(minX)]
        if minSteps == maxSteps {
            for i in 1..<maxSteps { done.append(point(minX + (Double(i) / Double(minSteps)) * span)) }
            done.append(point(maxX))
            return done
        }
        // The points still to visit, the next one last.
        var pending = [point(maxX)]
        for i in stride(from: minSteps - 1, to: 0, by: -1) {
            pending.append(point(minX + (Double(i) / Double(minSteps)) * span))
        }
        var p0 = done[0]
        let sx = 1 / span
        var yMin = p0.1, yMax = p0.1
        for p in pending {
            if p.1 < yMin { yMin = p.1 }
            if p.1 > yMax { yMax = p.1 }
        }
        let sy = 1 / (yMax - yMin)
        func angleDelta(_ p: (Double, Double), _ q: (Double, Double), _ r: (Double, Double)) -> Double {
            let a0 = atan2(sy * (r.1 - p.1), sx * (r.0 - p.0))
            let a1 = atan2(sy * (q.1 - p.1), sx * (q.0 - p.0))
            return abs(a0 - a1)
        }
        while let p1 = pending.last {
            let middle = point((p0.0 + p1.0) / 2)
            if middle.0 - p0.0 >= stop, angleDelta(p0, middle, p1) > minRadians {
                pending.append(middle)
            } else {
                p0 = p1
                done.append(p1)
                pending.removeLast()
            }
            // Vega's loop has no other bound: the midpoint rule halves the step, and `stop` ends it.
            if done.count + pending.count > 100 * maxSteps + 1000 { break }
        }
        return done
    }
}
