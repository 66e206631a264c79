/// A ``Renderer`` that collects every item depth first, each group before its children:
/// ``Scene/flattened``.
struct SceneItemCollector: Renderer {
    private(set) var items: [SceneItem] = []

    /// No background item.
    mutating func beginScene(_ scene: Scene) {}
    mutating func beginGroup(_ group: SceneGroup) { items.append(.group(group)) }
    mutating func drawPath(_ path: ScenePath) { items.append(.path(path)) }
    mutating func drawText(_ text: SceneText) { items.append(.text(text)) }
    mutating func drawTextBlock(_ block: SceneTextBlock) { items.append(.textBlock(block)) }
    mutating func drawMarkers(_ markers: SceneMarkers) { items.append(.markers(markers)) }
}
