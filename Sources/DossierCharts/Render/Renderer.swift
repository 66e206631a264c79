/// A drawing backend for ``Scene``s. Only ``drawPath(_:)`` and ``drawText(_:)`` are required;
/// markers default to one path each, groups and scene ends to nothing, and ``render(_:)`` is
/// the one walk over a scene's display list that every renderer shares.
///
/// A renderer that can fail (Cairo reporting a missing glyph) names its error type as
/// ``Failure``; one that cannot (a recorder) leaves it `Never` and renders without `try`.
public protocol Renderer {
    /// The error a drawing call can throw; `Never` by default.
    associatedtype Failure: Error = Never
    /// Draws a filled and/or stroked path.
    mutating func drawPath(_ path: ScenePath) throws(Failure)
    /// Draws a measured text run.
    mutating func drawText(_ text: SceneText) throws(Failure)
    /// Draws a laid-out paragraph and its link areas.
    mutating func drawTextBlock(_ block: SceneTextBlock) throws(Failure)
    /// Draws a run of markers, in order.
    mutating func drawMarkers(_ markers: SceneMarkers) throws(Failure)
    /// Starts a group (clip applies until the matching ``endGroup(_:)``).
    mutating func beginGroup(_ group: SceneGroup) throws(Failure)
    /// Ends a group.
    mutating func endGroup(_ group: SceneGroup) throws(Failure)
    /// Called once before the items, with the scene's size and background.
    mutating func beginScene(_ scene: Scene) throws(Failure)
    /// Called once after the items.
    mutating func endScene(_ scene: Scene) throws(Failure)
}

extension Renderer {
    /// Default: nothing.
    public mutating func beginGroup(_ group: SceneGroup) throws(Failure) {}
    /// Default: nothing.
    public mutating func endGroup(_ group: SceneGroup) throws(Failure) {}
    /// Default: nothing (text blocks are a report page's; charts draw ``SceneText``s).
    public mutating func drawTextBlock(_ block: SceneTextBlock) throws(Failure) {}
    /// Default: each marker as its own circle path (``SceneMarkers/paths``).
    public mutating func drawMarkers(_ markers: SceneMarkers) throws(Failure) {
        for path in markers.paths { try drawPath(path) }
    }
    /// Default: fills the background, if any, as a path.
    public mutating func beginScene(_ scene: Scene) throws(Failure) {
        if let background = scene.background {
            try drawPath(ScenePath(id: "background", segments: [.rect(SceneRect(x: 0, y: 0, width: scene.width, height: scene.height))], fill: background))
        }
    }
    /// Default: nothing.
    public mutating func endScene(_ scene: Scene) throws(Failure) {}

    /// Walks the scene's display list in order: the scene walker of every renderer.
    public mutating func render(_ scene: Scene) throws(Failure) {
        try beginScene(scene)
        try renderItems(scene.items)
        try endScene(scene)
    }

    private mutating func renderItems(_ items: [SceneItem]) throws(Failure) {
        for item in items {
            switch item {
            case .path(let p): try drawPath(p)
            case .text(let t): try drawText(t)
            case .markers(let m): try drawMarkers(m)
            case .textBlock(let b): try drawTextBlock(b)
            case .group(let g):
                try beginGroup(g)
                try renderItems(g.items)
                try endGroup(g)
            }
        }
    }
}
