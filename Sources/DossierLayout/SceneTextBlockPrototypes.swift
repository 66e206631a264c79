import CairoKit
import DossierBase
import DossierCharts

/// One ``SceneTextBlock`` per distinct layout, to be copied with its own id and position: a
/// long table draws the same cell layouts (categories, years, repeated numbers) on every page,
/// and making each cell's block anew (its size, its line starts, its prepared layout) was most
/// of making the 1000× appendix's page scenes. A copy with the id and position set is equal
/// to the block made for that cell, and holds the same layout.
final class SceneTextBlockPrototypes {
    private var blocks: [ObjectIdentifier: SceneTextBlock] = [:]

    /// The block drawing the whole of `layout` in `color`, with an empty id at (0, 0). Layouts
    /// are told apart by identity: the caller keeps them alive as long as this object, so an
    /// identity is never reused for another layout.
    func block(for layout: TextLayout, color: Color) -> SceneTextBlock {
        let key = ObjectIdentifier(layout)
        if let block = blocks[key], block.color == color { return block }
        let block = SceneTextBlock(id: "", layout: layout, color: color, position: ScenePoint(0, 0))
        blocks[key] = block
        return block
    }
}
