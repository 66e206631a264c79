import CairoKit
import DossierReport

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
