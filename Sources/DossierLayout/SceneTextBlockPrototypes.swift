import CairoKit
import DossierBase
import DossierCharts

/// One ``SceneTextBlock`` per distinct layout of a table, to be copied with its own id and
/// position: a long table draws the same cell layouts (categories, years, repeated numbers) on
/// every page, and making each cell's block anew (its size, its line starts, its prepared
/// layout) was most of making the 1000× appendix's page scenes. A copy with the id and
/// position set is equal to the block made for that cell, and holds the same layout.
///
/// Blocks are found by the layout's index in the table's list of distinct layouts, in an array
/// sized once: a dictionary by layout identity was hashed for every cell placed and, at 100×
/// data, grew and rehashed tens of thousands of blocks while the pages were made.
final class SceneTextBlockPrototypes {
    private let layouts: [TextLayout]
    private let color: Color
    private var blocks: [SceneTextBlock?]

    /// Blocks drawing `layouts` in `color`, made on first use.
    init(layouts: [TextLayout], color: Color) {
        self.layouts = layouts
        self.color = color
        blocks = Array(repeating: nil, count: layouts.count)
    }

    /// The block drawing the whole of layout `index` (of the layouts given at init), with an
    /// empty id at (0, 0).
    func block(at index: Int) -> SceneTextBlock {
        if let block = blocks[index] { return block }
        let block = SceneTextBlock(id: "", layout: layouts[index], color: color, position: ScenePoint(0, 0))
        blocks[index] = block
        return block
    }
}
