import DossierVegaLite
import Foundation

/// d3-geo's `geoAlbersUsa` (the projection Vega and Vega-Lite call `albersUsa`): a composite
/// of three conic equal-area projections, each clipped to its own box — the lower 48 states
/// (parallels 29.5° and 45.5°, rotated 96°, centred on 0.6° W 38.7° N), Alaska (parallels
/// 55° and 65°, rotated 154°, centred 2° W 58.5° N, at 0.35 of the scale, placed down left)
/// and Hawaii (parallels 8° and 18°, rotated 157°, centred 3° W 19.9° N, placed down left).
///
/// Coordinates here are d3's at scale 1 and translate (0, 0): **y down**. A position outside
/// all three boxes has no projection (d3 returns null): Puerto Rico, Guam, anywhere abroad.
/// Shapes are clipped to each box (Sutherland–Hodgman for rings, segment clipping for lines),
/// as d3's `clipExtent` does, so a shape is drawn in every box it reaches.
enum AlbersUsa {
    /// One of the three conic equal-area pieces with its placement and clip box (scale 1).
    struct Piece {
        let n: Double, c: Double, r0: Double
        let rotate: Double
        let scale: Double
        let translate: (x: Double, y: Double)
        /// Raw projection of the centre (not rotated, as d3's `recenter`).
        let centre: (x: Double, y: Double)
        let clip: (x0: Double, y0: Double, x1: Double, y1: Double)

        init(parallels: (Double, Double), rotate: Double, centre: (Double, Double), scale: Double,
             translate: (Double, Double), clip: (Double, Double, Double, Double)) {
            let deg = Double.pi / 180
            let sy0 = sin(parallels.0 * deg)
            let n = (sy0 + sin(parallels.1 * deg)) / 2
            let c = 1 + sy0 * (2 * n - sy0)
            self.n = n; self.c = c; self.r0 = c.squareRoot() / n
            self.rotate = rotate * deg
            self.scale = scale
            self.translate = translate
            self.clip = clip
            let rawCentre = Self.raw(centre.0 * deg, centre.1 * deg, n: n, c: c, r0: c.squareRoot() / n)
            self.centre = rawCentre
        }

        /// d3's `conicEqualAreaRaw`: y up.
        static func raw(_ lambda: Double, _ phi: Double, n: Double, c: Double, r0: Double) -> (x: Double, y: Double) {
            let r = Swift.max(0, c - 2 * n * sin(phi)).squareRoot() / n
            let a = lambda * n
            return (r * sin(a), r0 - r * cos(a))
        }

        /// Screen coordinates (y down) of a position in degrees, before clipping.
        func project(_ p: GeoPoint) -> (x: Double, y: Double) {
            let deg = Double.pi / 180
            var lambda = p.longitude * deg + rotate
            if lambda > .pi { lambda -= 2 * .pi } else if lambda < -.pi { lambda += 2 * .pi }
            let q = Self.raw(lambda, p.latitude * deg, n: n, c: c, r0: r0)
            return (translate.x + scale * (q.x - centre.x), translate.y - scale * (q.y - centre.y))
        }

        func contains(_ q: (x: Double, y: Double)) -> Bool {
            clip.x0 <= q.x && q.x <= clip.x1 && clip.y0 <= q.y && q.y <= clip.y1
        }
    }

    /// d3's epsilon, by which the inset boxes are shrunk.
    static let epsilon = 1e-6

    /// The lower 48, Alaska and Hawaii, in d3's order of trial.
    static let pieces: [Piece] = [
        Piece(parallels: (29.5, 45.5), rotate: 96, centre: (-0.6, 38.7), scale: 1, translate: (0, 0),
              clip: (-0.455, -0.238, 0.455, 0.238)),
        Piece(parallels: (55, 65), rotate: 154, centre: (-2, 58.5), scale: 0.35, translate: (-0.307, 0.201),
              clip: (-0.425 + epsilon, 0.120 + epsilon, -0.214 - epsilon, 0.234 - epsilon)),
        Piece(parallels: (8, 18), rotate: 157, centre: (-3, 19.9), scale: 1, translate: (-0.205, 0.212),
              clip: (-0.214 + epsilon, 0.166 + epsilon, -0.115 - epsilon, 0.234 - epsilon)),
    ]

    /// The position's screen coordinates (y down, scale 1) in the first piece whose box holds
    /// it, or nil when none does.
    static func project(_ p: GeoPoint) -> (x: Double, y: Double)? {
        for piece in pieces {
            let q = piece.project(p)
            if piece.contains(q) { return q }
        }
        return nil
    }

    /// A ring's pieces: the ring projected by each piece and clipped to its box (empty ones
    /// left out).
    static func rings(_ ring: [GeoPoint]) -> [[(x: Double, y: Double)]] {
        pieces.compactMap { piece in
            let clipped = clipRing(ring.map(piece.project), to: piece.clip)
            return clipped.count >= 3 ? clipped : nil
        }
    }

    /// A line's runs inside each piece's box.
    static func lines(_ line: [GeoPoint]) -> [[(x: Double, y: Double)]] {
        pieces.flatMap { piece in clipLine(line.map(piece.project), to: piece.clip) }
    }

    /// Sutherland–Hodgman: the part of a closed ring inside an axis-aligned box.
    static func clipRing(_ ring: [(x: Double, y: Double)], to box: (x0: Double, y0: Double, x1: Double, y1: Double)) -> [(x: Double, y: Double)] {
        typealias P = (x: Double, y: Double)
        let edges: [(P) -> Double] = [
            { $0.x - box.x0 }, { box.x1 - $0.x }, { $0.y - box.y0 }, { box.y1 - $0.y },
        ]
        var output = ring
        for inside in edges {
            guard let last = output.last else { break }
            let input = output
            output = []
            var previous = last
            for current in input {
                let (a, b) = (inside(previous), inside(current))
                if b >= 0 {
                    if a < 0 { output.append(intersection(previous, current, a, b)) }
                    output.append(current)
                } else if a >= 0 {
                    output.append(intersection(previous, current, a, b))
                }
                previous = current
            }
        }
        return output
    }

    /// The runs of an open line inside a box (each segment clipped, Liang–Barsky).
    static func clipLine(_ line: [(x: Double, y: Double)], to box: (x0: Double, y0: Double, x1: Double, y1: Double)) -> [[(x: Double, y: Double)]] {
        var runs: [[(x: Double, y: Double)]] = []
        var current: [(x: Double, y: Double)] = []
        for (a, b) in zip(line, line.dropFirst()) {
            guard let (s, e) = clipSegment(a, b, box) else {
                if current.count >= 2 { runs.append(current) }
                current = []
                continue
            }
            if let last = current.last, last.x == s.x, last.y == s.y {
                current.append(e)
            } else {
                if current.count >= 2 { runs.append(current) }
                current = [s, e]
            }
            if e.x != b.x || e.y != b.y { runs.append(current); current = [] }
        }
        if current.count >= 2 { runs.append(current) }
        return runs
    }

    static func clipSegment(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double),
                            _ box: (x0: Double, y0: Double, x1: Double, y1: Double)) -> ((x: Double, y: Double), (x: Double, y: Double))? {
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        for (p, q) in [(-dx, a.x - box.x0), (dx, box.x1 - a.x), (-dy, a.y - box.y0), (dy, box.y1 - a.y)] {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let r = q / p
                if p < 0 { if r > t1 { return nil }; t0 = Swift.max(t0, r) } else { if r < t0 { return nil }; t1 = Swift.min(t1, r) }
            }
        }
        let s = t0 == 0 ? a : (a.x + t0 * dx, a.y + t0 * dy)
        let e = t1 == 1 ? b : (a.x + t1 * dx, a.y + t1 * dy)
        return (s, e)
    }

    private static func intersection(_ p: (x: Double, y: Double), _ q: (x: Double, y: Double), _ a: Double, _ b: Double) -> (x: Double, y: Double) {
        let t = a / (a - b)
        return (p.x + t * (q.x - p.x), p.y + t * (q.y - p.y))
    }
}
