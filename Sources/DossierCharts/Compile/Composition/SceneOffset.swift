/// Moving a compiled view into its cell of a composed chart: every coordinate shifted, every
/// id given the view's prefix (ids stay unique across views).
extension SceneItem {
    /// This item moved by (`dx`, `dy`), its id (and its children's) prefixed with `prefix`.
    func offset(_ dx: Double, _ dy: Double, prefix: String) -> SceneItem {
        func point(_ p: ScenePoint) -> ScenePoint { ScenePoint(p.x + dx, p.y + dy) }
        func rect(_ r: SceneRect) -> SceneRect { SceneRect(x: r.x + dx, y: r.y + dy, width: r.width, height: r.height) }
        switch self {
        case .path(var path):
            path.id = prefix + path.id
            path.segments = path.segments.map { segment in
                switch segment {
                case .move(let p): return .move(point(p))
                case .line(let p): return .line(point(p))
                case .curve(let a, let b, let c): return .curve(control1: point(a), control2: point(b), to: point(c))
                case .close: return .close
                case .rect(let r): return .rect(rect(r))
                case .circle(let c, let r): return .circle(center: point(c), radius: r)
                }
            }
            return .path(path)
        case .text(var text):
            text.id = prefix + text.id
            text.position = point(text.position)
            return .text(text)
        case .group(var group):
            group.id = prefix + group.id
            if var transform = group.transform {
                // The clip and children are in the group's own coordinates: move the placement.
                transform.x += dx
                transform.y += dy
                group.transform = transform
                group.items = group.items.map { $0.offset(0, 0, prefix: prefix) }
            } else {
                group.clip = group.clip.map(rect)
                group.items = group.items.map { $0.offset(dx, dy, prefix: prefix) }
            }
            return .group(group)
        case .textBlock(var block):
            block.id = prefix + block.id
            block.position = point(block.position)
            block.links = block.links.map { SceneLink(rect: rect($0.rect), target: $0.target) }
            return .textBlock(block)
        case .markers(var markers):
            markers.id = prefix + markers.id
            markers.positions = markers.positions.map(point)
            return .markers(markers)
        }
    }
}
