/// A drawing backend for ``Scene``s. Only ``drawPath(_:)`` and ``drawText(_:)`` are required;
/// groups and clips have do-nothing defaults, and ``render(_:)`` walks a scene for you.
public protocol Renderer {
    /// Draws a filled and/or stroked path.
    mutating func drawPath(_ path: ScenePath)
    /// Draws a measured text run.
    mutating func drawText(_ text: SceneText)
    /// Draws a run of markers, in order.
    mutating func drawMarkers(_ markers: SceneMarkers)
    /// Starts a group (clip applies until the matching ``endGroup(_:)``).
    mutating func beginGroup(_ group: SceneGroup)
    /// Ends a group.
    mutating func endGroup(_ group: SceneGroup)
    /// Called once before the items, with the scene's size and background.
    mutating func beginScene(_ scene: Scene)
    /// Called once after the items.
    mutating func endScene(_ scene: Scene)
}

extension Renderer {
    /// Default: nothing.
    public mutating func beginGroup(_ group: SceneGroup) {}
    /// Default: nothing.
    public mutating func endGroup(_ group: SceneGroup) {}
    /// Default: each marker as its own circle path (``SceneMarkers/paths``).
    public mutating func drawMarkers(_ markers: SceneMarkers) {
        for path in markers.paths { drawPath(path) }
    }
    /// Default: fills the background, if any, as a path.
    public mutating func beginScene(_ scene: Scene) {
        if let background = scene.background {
            drawPath(ScenePath(id: "background", segments: [.rect(SceneRect(x: 0, y: 0, width: scene.width, height: scene.height))], fill: background))
        }
    }
    /// Default: nothing.
    public mutating func endScene(_ scene: Scene) {}

    /// Walks the scene's display list in order.
    public mutating func render(_ scene: Scene) {
        beginScene(scene)
        renderItems(scene.items)
        endScene(scene)
    }

    private mutating func renderItems(_ items: [SceneItem]) {
        for item in items {
            switch item {
            case .path(let p): drawPath(p)
            case .text(let t): drawText(t)
            case .markers(let m): drawMarkers(m)
            case .group(let g):
                beginGroup(g)
                renderItems(g.items)
                endGroup(g)
            }
        }
    }
}
