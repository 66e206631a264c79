import CairoKit
import DossierReport

/// A block of the document flow that the paginator places on pages. It is made of `unitCount`
/// atomic slices (lines of a paragraph, rows of a table, or a single unbreakable unit); the
/// paginator may split it between slices.
package protocol Flowable: AnyObject {
    /// Number of atomic slices.
    var unitCount: Int { get }
    /// Height of a run of slices when drawn together (a table adds its repeated header).
    func height(of range: Range<Int>) -> Double
    /// Draws a run of slices with its top-left corner at (`x`, `y`).
    func draw(_ range: Range<Int>, in context: any Canvas, x: Double, y: Double) throws
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

/// Where each figure and table was placed (page, 1-based, and the top of its first slice),
/// filled once the pages are laid out and read when paragraphs draw their cross-reference
/// links.
package final class AnchorPositions {
    package private(set) var positions: [String: (page: Int, y: Double)] = [:]

    package init() {}

    /// Marks the cross-references among `links` as links to the page where their figure or
    /// table is placed; `links` are byte ranges of `layout`'s text after the first `offset`
    /// bytes (a caption's "Figure 2. " label). Other links are left alone.
    package func markReferences(_ links: [InlineMarkup.Link], in layout: TextLayout, offset: Int = 0,
                                on context: any Canvas, x: Double, y: Double) {
        for link in links where link.url.hasPrefix(CrossReferences.linkPrefix) {
            guard let target = positions[String(link.url.dropFirst(CrossReferences.linkPrefix.count))] else { continue }
            let range = (link.range.lowerBound + offset)..<(link.range.upperBound + offset)
            for rect in layout.rectangles(forByteRange: range) {
                context.addInternalLink(page: target.page, targetY: target.y, x: x + rect.x, y: y + rect.y,
                                        width: rect.width, height: rect.height)
            }
        }
    }

    /// Records the anchors of `pages`' placements (the first placement of each id).
    package func record(_ pages: [Paginator.Page]) {
        for (index, page) in pages.enumerated() {
            for placement in page.placements {
                guard let id = placement.block.anchor, positions[id] == nil else { continue }
                positions[id] = (index + 1, placement.y)
            }
        }
    }
}
