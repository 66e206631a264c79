import Foundation

/// The module's rectangle (points, y down, `x`/`y` the top-left corner): the same type as
/// the scene's, so a plot area can be passed to ``LabelRepel/place(_:obstacles:bounds:seed:)``
/// and ``Projection/fit(_:into:)`` directly.
public typealias Rect = SceneRect

/// A label to place: the anchor is the data point it belongs to (points, y down) and
/// width/height the measured size of its text box.
public struct RepelLabel: Sendable, Equatable {
    /// Anchor x (the labelled point).
    public var anchorX: Double
    /// Anchor y (the labelled point).
    public var anchorY: Double
    /// Width of the label box.
    public var width: Double
    /// Height of the label box.
    public var height: Double

    /// Creates a label for the point (`anchorX`, `anchorY`) with a `width` × `height` box.
    public init(anchorX: Double, anchorY: Double, width: Double, height: Double) {
        self.anchorX = anchorX
        self.anchorY = anchorY
        self.width = width
        self.height = height
    }
}

/// A drawn point (disc) that labels must not cover.
public struct RepelPoint: Sendable, Equatable {
    /// Centre x.
    public var x: Double
    /// Centre y.
    public var y: Double
    /// Radius of the drawn marker (labels keep a small extra gap).
    public var radius: Double

    /// Creates an obstacle disc.
    public init(x: Double, y: Double, radius: Double) {
        self.x = x
        self.y = y
        self.radius = radius
    }
}

/// Where a label ended up.
public struct PlacedLabel: Sendable, Equatable {
    /// Left edge of the label box.
    public var x: Double
    /// Top edge of the label box.
    public var y: Double
    /// Whether a leader line should connect the label to its anchor: the box is more than
    /// 1.5 × its height from the anchor, or nearer to another label's anchor than to its own.
    public var needsLeader: Bool

    /// Creates a placement.
    public init(x: Double, y: Double, needsLeader: Bool) {
        self.x = x
        self.y = y
        self.needsLeader = needsLeader
    }
}

/// Deterministic label placement in the manner of ggrepel.
///
/// 1. **Candidates.** Labels are placed one after another, most crowded anchor first: each
///    tries the eight positions around its anchor (right, left, above, below, then the
///    diagonals) at a small gap, then rings at growing distances (with sixteen more directions
///    from the third ring on), and takes the first position that is inside `bounds` and
///    overlaps no placed label and no point. Labels still in conflict retry over wider rings.
/// 2. **Repulsion.** If conflicts remain, an iterative force simulation pushes overlapping
///    label boxes apart and away from points, pulls each moving label gently back to its
///    anchor, and clamps it into `bounds`; labels without conflict stay put. Deadlocks are
///    broken with a seeded SplitMix64 stream, never the system generator. Labels still in
///    conflict afterwards get one more wide candidate search.
/// 3. **Leaders.** A label whose box ends up more than 1.5 × its height from its anchor, or
///    nearer to another label's anchor than to its own, is flagged ``PlacedLabel/needsLeader``.
///
/// The result depends only on the input and the seed (same input → same bytes). When the
/// labels physically cannot fit (their total area exceeds the free space) overlaps can
/// remain; check with ``overlaps(_:_:obstacles:)``.
public enum LabelRepel {
    /// Gap kept between a label box and a point's disc, and between label boxes.
    public static let padding = 1.5

    /// The most box comparisons one placement makes (a few milliseconds of work): beyond it
    /// the remaining labels take their first candidate position and the repulsion stops, so
    /// that hundreds of crowded labels cannot make a build run for hours. Charts whose labels
    /// can be read stay far below it (the flagship's busiest panel: 15 labels, 6,000).
    public static let defaultWorkBudget = 5_000_000

    /// Places `labels` (same order in the result) inside `bounds`, avoiding each other and
    /// the `obstacles` (typically every drawn point, labelled or not), within `workBudget`
    /// box comparisons.
    public static func place(_ labels: [RepelLabel], obstacles: [RepelPoint], bounds: Rect, seed: UInt64 = 1,
                             workBudget: Int = defaultWorkBudget)
        -> [PlacedLabel]
    {
        guard !labels.isEmpty else { return [] }
        var engine = Engine(labels: labels, obstacles: obstacles, bounds: bounds, seed: seed)
        engine.workLeft = workBudget
        engine.placeCandidates()
        if engine.hasConflicts { engine.placeCandidates(onlyConflicted: true, wide: true) }
        if engine.hasConflicts {
            engine.repel()
            if engine.hasConflicts { engine.placeCandidates(onlyConflicted: true, wide: true) }
        }
        return engine.result()
    }

    /// The label boxes of a placement, in the same order.
    public static func boxes(_ labels: [RepelLabel], _ placed: [PlacedLabel]) -> [Rect] {
        zip(labels, placed).map { Rect(x: $1.x, y: $1.y, width: $0.width, height: $0.height) }
    }

    /// Whether any two label boxes intersect, or a label box intersects an obstacle disc
    /// (touching edges do not count).
    public static func overlaps(_ labels: [RepelLabel], _ placed: [PlacedLabel], obstacles: [RepelPoint]) -> Bool {
        let b = boxes(labels, placed)
        for i in b.indices {
            for j in b.indices where j > i && b[i].intersects(b[j], tolerance: 1e-6) { return true }
            for o in obstacles where discIntersects(o, b[i], gap: -1e-6) { return true }
        }
        return false
    }

    /// Whether the disc of `p` (grown by `gap`) intersects the interior of `r`.
    static func discIntersects(_ p: RepelPoint, _ r: Rect, gap: Double) -> Bool {
        let nx = Swift.min(Swift.max(p.x, r.x), r.maxX)
        let ny = Swift.min(Swift.max(p.y, r.y), r.maxY)
        let dx = p.x - nx, dy = p.y - ny
        let radius = p.radius + gap
        return radius > 0 && dx * dx + dy * dy < radius * radius
    }
}

// MARK: - Engine

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny seeded generator so placement never
/// depends on the system random source.
struct RepelRandom: Sendable {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }
}

extension LabelRepel {
    struct Engine {
        let labels: [RepelLabel]
        let obstacles: [RepelPoint]
        let bounds: Rect
        var random: RepelRandom
        /// Top-left of every label box.
        var x: [Double]
        var y: [Double]
        var placed: [Bool]
        /// Box comparisons left before the search settles (see ``LabelRepel/defaultWorkBudget``).
        var workLeft = LabelRepel.defaultWorkBudget

        init(labels: [RepelLabel], obstacles: [RepelPoint], bounds: Rect, seed: UInt64) {
            self.labels = labels
            self.obstacles = obstacles
            self.bounds = bounds
            self.random = RepelRandom(state: seed)
            self.x = labels.map { $0.anchorX + LabelRepel.padding * 2 }
            self.y = labels.map { $0.anchorY - $0.height / 2 }
            self.placed = Array(repeating: false, count: labels.count)
        }

        func box(_ i: Int) -> Rect { box(i, x[i], y[i]) }

        func box(_ i: Int, _ bx: Double, _ by: Double) -> Rect {
            Rect(x: bx, y: by, width: labels[i].width, height: labels[i].height)
        }

        func clamped(_ i: Int, _ bx: Double, _ by: Double) -> (Double, Double) {
            let l = labels[i]
            let cx = Swift.min(Swift.max(bx, bounds.x), Swift.max(bounds.x, bounds.maxX - l.width))
            let cy = Swift.min(Swift.max(by, bounds.y), Swift.max(bounds.y, bounds.maxY - l.height))
            return (cx, cy)
        }

        func inside(_ r: Rect) -> Bool {
            r.x >= bounds.x - 1e-9 && r.y >= bounds.y - 1e-9 && r.maxX <= bounds.maxX + 1e-9
                && r.maxY <= bounds.maxY + 1e-9
        }

        /// Overlap of a candidate box with the placed labels (area, plus padding) and points.
        func cost(_ i: Int, _ r: Rect, among others: [Int]) -> Double {
            var c = 0.0
            let pad = LabelRepel.padding
            let grown = Rect(x: r.x - pad, y: r.y - pad, width: r.width + 2 * pad, height: r.height + 2 * pad)
            for j in others where j != i {
                let o = box(j)
                let ox = Swift.min(grown.maxX, o.maxX) - Swift.max(grown.x, o.x)
                let oy = Swift.min(grown.maxY, o.maxY) - Swift.max(grown.y, o.y)
                if ox > 0 && oy > 0 { c += ox * oy + 1 }
            }
            for p in obstacles where LabelRepel.discIntersects(p, r, gap: pad) {
                c += (p.radius + pad) * (p.radius + pad) * 4 + 1
            }
            return c
        }

        var hasConflicts: Bool {
            for i in labels.indices where cost(i, box(i), among: Array(labels.indices)) > 0 { return true }
            return false
        }

        /// Candidate offsets (top-left of the box) around label `i`'s anchor at `distance`:
        /// right, left, above, below, then the four diagonals; on outer rings (`dense`) also
        /// sixteen more directions, so a label can slip into any gap around a cluster.
        func candidates(_ i: Int, distance d: Double, dense: Bool = false) -> [(Double, Double)] {
            let l = labels[i]
            let ax = l.anchorX, ay = l.anchorY
            let right = ax + d, left = ax - d - l.width
            let midY = ay - l.height / 2, above = ay - d - l.height, below = ay + d
            let midX = ax - l.width / 2
            var result = [
                (right, midY), (left, midY), (midX, above), (midX, below),
                (right, above), (left, above), (right, below), (left, below),
            ]
            guard dense else { return result }
            // The box edge nearest the anchor sits on an ellipse of "radius" d around it.
            for k in 0..<16 {
                let angle = (Double(k) + 0.5) * Double.pi / 8
                let ux = cos(angle), uy = sin(angle)
                let cx = ax + ux * (d + l.width / 2), cy = ay + uy * (d + l.height / 2)
                result.append((cx - l.width / 2, cy - l.height / 2))
            }
            return result
        }

        /// Greedy placement over rings of candidates. Labels in crowded places go first.
        mutating func placeCandidates(onlyConflicted: Bool = false, wide: Bool = false) {
            var order = Array(labels.indices)
            if onlyConflicted {
                let all = Array(labels.indices)
                order = order.filter { cost($0, box($0), among: all) > 0 }
                for i in order { placed[i] = false }
            } else {
                let crowd = labels.indices.map { i in
                    obstacles.reduce(0) { n, p in
                        let dx = p.x - labels[i].anchorX, dy = p.y - labels[i].anchorY
                        return n + (dx * dx + dy * dy < 900 ? 1 : 0)
                    }
                }
                order.sort { crowd[$0] != crowd[$1] ? crowd[$0] > crowd[$1] : $0 < $1 }
            }
            let ringCount = wide ? 40 : 12
            for i in order {
                let others = labels.indices.filter { placed[$0] }
                let l = labels[i]
                var best: (cost: Double, x: Double, y: Double, distance: Double)?
                if onlyConflicted, inside(box(i)) {
                    // A retry never makes a label worse than where it already is.
                    best = (cost(i, box(i), among: others), x[i], y[i], 0)
                }
                // Base gap clears the anchor's own disc.
                let ownRadius = obstacles.filter { $0.x == l.anchorX && $0.y == l.anchorY }.map(\.radius).max() ?? 0
                let base = ownRadius + LabelRepel.padding * 2
                let costWork = others.count + obstacles.count + 1
                search: for ring in 0..<ringCount {
                    let d = base + Double(ring) * Swift.max(2, l.height * 0.5)
                    for (cx, cy) in candidates(i, distance: d, dense: ring >= 2) {
                        let r = box(i, cx, cy)
                        guard inside(r) else { continue }
                        guard workLeft >= costWork else { break search }
                        workLeft -= costWork
                        let c = cost(i, r, among: others)
                        if best.map({ c < $0.cost }) ?? true {
                            best = (c, cx, cy, d)
                        }
                        if c == 0 { break search }
                    }
                }
                if let b = best {
                    x[i] = b.x
                    y[i] = b.y
                } else {
                    // No candidate fits inside the bounds: take the first one, clamped.
                    let first = candidates(i, distance: base)[0]
                    (x[i], y[i]) = clamped(i, first.0, first.1)
                }
                placed[i] = true
            }
        }

        /// Force-directed repulsion, as in ggrepel: overlapping boxes push each other apart,
        /// points push boxes away, a weak spring pulls each box back towards its anchor.
        mutating func repel(iterations: Int = 2000) {
            let n = labels.count
            let pad = LabelRepel.padding
            let forcePush = 1.0
            let forcePull = 0.01
            let iterationWork = n * (n + obstacles.count) + 1
            for iteration in 0..<iterations {
                guard workLeft >= iterationWork else { return }
                workLeft -= iterationWork
                var fx = Array(repeating: 0.0, count: n)
                var fy = Array(repeating: 0.0, count: n)
                var any = false
                for i in 0..<n {
                    let a = box(i)
                    for j in (i + 1)..<n where j < n {
                        let b = box(j)
                        let ox = Swift.min(a.maxX, b.maxX) - Swift.max(a.x, b.x) + pad
                        let oy = Swift.min(a.maxY, b.maxY) - Swift.max(a.y, b.y) + pad
                        guard ox > 0 && oy > 0 else { continue }
                        any = true
                        // Separate along the axis of least overlap.
                        var dx = (a.x + a.width / 2) - (b.x + b.width / 2)
                        var dy = (a.y + a.height / 2) - (b.y + b.height / 2)
                        if dx == 0 && dy == 0 {
                            dx = random.unit() - 0.5
                            dy = random.unit() - 0.5
                        }
                        if ox < oy * 2 {
                            let s = (dx >= 0 ? 1.0 : -1.0) * ox / 2 * forcePush
                            fx[i] += s; fx[j] -= s
                        } else {
                            let s = (dy >= 0 ? 1.0 : -1.0) * oy / 2 * forcePush
                            fy[i] += s; fy[j] -= s
                        }
                    }
                    for p in obstacles where LabelRepel.discIntersects(p, a, gap: pad) {
                        any = true
                        // Push the box out of the disc along the shortest way.
                        let cx = a.x + a.width / 2, cy = a.y + a.height / 2
                        var dx = cx - p.x, dy = cy - p.y
                        if dx == 0 && dy == 0 {
                            dx = random.unit() - 0.5
                            dy = random.unit() - 0.5
                        }
                        let r = p.radius + pad
                        let needX = dx >= 0 ? (p.x + r) - a.x : a.maxX - (p.x - r)
                        let needY = dy >= 0 ? (p.y + r) - a.y : a.maxY - (p.y - r)
                        if needX / Swift.max(a.width, 1) < needY / Swift.max(a.height, 1) {
                            fx[i] += (dx >= 0 ? 1 : -1) * needX * forcePush
                        } else {
                            fy[i] += (dy >= 0 ? 1 : -1) * needY * forcePush
                        }
                    }
                }
                if !any { return }
                // Jitter grows slowly to break deadlocks, deterministically.
                let jitter = Double(iteration) / Double(iterations) * 2
                // Only labels that are pushed move (settled labels stay put); they are also
                // pulled gently back to their anchors.
                for i in 0..<n where fx[i] != 0 || fy[i] != 0 {
                    let l = labels[i]
                    let cx = x[i] + l.width / 2, cy = y[i] + l.height / 2
                    fx[i] += (l.anchorX - cx) * forcePull + (random.unit() - 0.5) * jitter
                    fy[i] += (l.anchorY - cy) * forcePull + (random.unit() - 0.5) * jitter
                    (x[i], y[i]) = clamped(i, x[i] + fx[i], y[i] + fy[i])
                }
            }
        }

        func result() -> [PlacedLabel] {
            labels.indices.map { i in
                let r = box(i)
                let distance = Self.distance(from: labels[i], to: r)
                // A label nearer to another labelled point than to its own would be read as
                // that point's: it gets a leader too.
                let misleading = labels.indices.contains { j in
                    j != i && Self.distance(from: labels[j], to: r) + 0.5 < distance
                }
                return PlacedLabel(
                    x: Self.round(x[i]), y: Self.round(y[i]),
                    needsLeader: distance > 1.5 * labels[i].height || misleading)
            }
        }

        /// Distance from a label's anchor to the nearest point of the box `r`.
        static func distance(from l: RepelLabel, to r: Rect) -> Double {
            let nx = Swift.min(Swift.max(l.anchorX, r.x), r.maxX)
            let ny = Swift.min(Swift.max(l.anchorY, r.y), r.maxY)
            return ((l.anchorX - nx) * (l.anchorX - nx) + (l.anchorY - ny) * (l.anchorY - ny)).squareRoot()
        }

        /// Positions rounded to 1/1000 pt, so the output is stable text.
        static func round(_ v: Double) -> Double {
            let r = (v * 1000).rounded() / 1000
            return r == 0 ? 0 : r
        }
    }
}
