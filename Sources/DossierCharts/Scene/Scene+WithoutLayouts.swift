extension Scene {
    /// The scene without the Pango layouts its text blocks carry (``SceneTextBlock/prepared``):
    /// the same drawing, safe to hand to another thread (the layouts belong to the typesetter
    /// that made them, and must not even be released on another thread).
    public func withoutPreparedLayouts() -> Scene {
        var scene = self
        scene.items = Self.withoutPreparedLayouts(items)
        return scene
    }

    private static func withoutPreparedLayouts(_ items: [SceneItem]) -> [SceneItem] {
        items.map { item in
            switch item {
            case .textBlock(var block) where block.prepared != nil:
                block.prepared = nil
                return .textBlock(block)
            case .group(var group) where holdsPreparedLayouts(group.items):
                group.items = withoutPreparedLayouts(group.items)
                return .group(group)
            default:
                return item
            }
        }
    }

    /// Whether a text block among `items` (or in their groups) carries a layout: the groups
    /// that do not (a placed chart's) are kept as they are, not copied.
    private static func holdsPreparedLayouts(_ items: [SceneItem]) -> Bool {
        items.contains { item in
            switch item {
            case .textBlock(let block): return block.prepared != nil
            case .group(let group): return holdsPreparedLayouts(group.items)
            default: return false
            }
        }
    }
}
