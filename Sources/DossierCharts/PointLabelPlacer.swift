import Foundation

/// Places point labels next to their points so that no label overlaps another label or any
/// point and every label stays inside `bounds`: candidate positions on rings of growing radius
/// around each point, the first free one wins (labels in a deterministic order). A label
/// that finds no place is dropped rather than drawn over data.
enum PointLabelPlacer {
    struct Item {
        var anchor: ScenePoint
        var radius: Double
        var width: Double
        var height: Double
    }

    /// The top-left corner of each label, or nil when it could not be placed.
    static func place(_ items: [Item], obstacles: [(ScenePoint, Double)], bounds: SceneRect) -> [ScenePoint?] {
        var placed: [SceneRect] = []
        let pointBoxes = obstacles.map { SceneRect(x: $0.0.x - $0.1, y: $0.0.y - $0.1, width: 2 * $0.1, height: 2 * $0.1) }
        var result = [ScenePoint?](repeating: nil, count: items.count)
        // Crowded points first: they have the fewest free spots.
        let order = items.indices.sorted { a, b in
            let ca = crowding(items[a].anchor, obstacles), cb = crowding(items[b].anchor, obstacles)
            return ca != cb ? ca > cb : a < b
        }
        for i in order {
            let item = items[i]
            let gap = item.radius + 1.5
            search: for ring in 0..<14 {
                let extra = Double(ring) * 4
                let candidates = positions(item, gap: gap + extra)
                for origin in candidates {
                    let box = SceneRect(x: origin.x, y: origin.y, width: item.width, height: item.height)
                    guard bounds.contains(box) else { continue }
                    if placed.contains(where: { $0.intersects(box) }) { continue }
                    if pointBoxes.contains(where: { $0.intersects(box) }) { continue }
                    placed.append(box)
                    result[i] = origin
                    break search
                }
            }
        }
        return result
    }

    static func crowding(_ p: ScenePoint, _ obstacles: [(ScenePoint, Double)]) -> Int {
        obstacles.filter { abs($0.0.x - p.x) < 30 && abs($0.0.y - p.y) < 15 }.count
    }

    static func positions(_ item: Item, gap: Double) -> [ScenePoint] {
        let p = item.anchor, w = item.width, h = item.height
        let diag = gap * 0.75
        return [
            ScenePoint(p.x + gap, p.y - h / 2),            // right
            ScenePoint(p.x - gap - w, p.y - h / 2),        // left
            ScenePoint(p.x - w / 2, p.y - gap - h),        // above
            ScenePoint(p.x - w / 2, p.y + gap),            // below
            ScenePoint(p.x + diag, p.y - diag - h),        // upper right
            ScenePoint(p.x - diag - w, p.y - diag - h),    // upper left
            ScenePoint(p.x + diag, p.y + diag),            // lower right
            ScenePoint(p.x - diag - w, p.y + diag),        // lower left
        ]
    }
}
