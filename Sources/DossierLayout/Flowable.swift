import CairoKit
import DossierCharts

/// A block of the document flow that the paginator places on pages. It is made of `unitCount`
/// atomic slices (lines of a paragraph, rows of a table, or a single unbreakable unit); the
/// paginator may split it between slices.
package protocol Flowable: AnyObject {
    /// Number of atomic slices.
    var unitCount: Int { get }
    /// Height of a run of slices when drawn together (a table adds its repeated header).
    func height(of range: Range<Int>) -> Double
    /// The page-scene items of a run of slices with its top-left corner at (`x`, `y`).
    func items(_ range: Range<Int>, x: Double, y: Double) throws -> [SceneItem]
    /// What the block is, for page-scene ids (`paragraph`, `heading`, `figure/<id>`…).
    var kind: String { get }
    /// Space above and below.
    var spaceBefore: Double { get }
    var spaceAfter: Double { get }
    /// True for headings: never leave this block last on a page.
    var keepWithNext: Bool { get }
    /// Fewest slices allowed at a page's bottom or top when splitting (orphans and widows).
    var minimumSlices: Int { get }
    /// Footnotes referenced by this block, placed at the foot of the page of its first slice.
    var footnotes: [FootnoteBlock] { get }
    /// An outline (bookmark) entry for headings.
    var outline: OutlineEntry? { get }
    /// True for figures: when one does not fit, it moves to the top of the next page and the
    /// text that follows fills the rest of this one (as figures float in print).
    var floats: Bool { get }
    /// The id of the figure or table this block shows (its first slice is where a
    /// cross-reference links to), nil for other blocks.
    var anchor: String? { get }
}

extension Flowable {
    package var kind: String { "block" }
    package var spaceBefore: Double { 0 }
    package var keepWithNext: Bool { false }
    package var minimumSlices: Int { 2 }
    package var footnotes: [FootnoteBlock] { [] }
    package var outline: OutlineEntry? { nil }
    package var floats: Bool { false }
    package var anchor: String? { nil }
}

/// A PDF bookmark for a heading.
package struct OutlineEntry {
    package var title: String
    package var level: Int
}

/// A footnote's text, laid out at the foot of a page.
package final class FootnoteBlock {
    package let number: Int
    package let layout: TextLayout

    package init(number: Int, layout: TextLayout) {
        self.number = number
        self.layout = layout
    }

    package var height: Double { layout.size.height + 2 }
}
