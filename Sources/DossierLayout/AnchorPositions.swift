import CairoKit
import DossierCharts
import DossierReport

/// Where each figure and table was placed (page, 1-based, and the top of its first slice),
/// filled once the pages are laid out and read when paragraphs draw their cross-reference
/// links.
package final class AnchorPositions {
    package private(set) var positions: [String: (page: Int, y: Double)] = [:]

    package init() {}

    /// The link areas of the cross-references among `links`, to the page where their figure
    /// or table is placed, over `layout` drawn at (`x`, `y`); `links` are byte ranges of
    /// `layout`'s text after the first `offset` bytes (a caption's "Figure 2. " label). Other
    /// links are left alone.
    package func referenceLinks(_ links: [InlineMarkup.Link], in layout: TextLayout, offset: Int = 0,
                                x: Double, y: Double) -> [SceneLink] {
        var areas: [SceneLink] = []
        for link in links where link.url.hasPrefix(CrossReferences.linkPrefix) {
            guard let target = positions[String(link.url.dropFirst(CrossReferences.linkPrefix.count))] else { continue }
            let range = (link.range.lowerBound + offset)..<(link.range.upperBound + offset)
            for rect in layout.rectangles(forByteRange: range) {
                areas.append(SceneLink(rect: SceneRect(x: x + rect.x, y: y + rect.y, width: rect.width, height: rect.height),
                                       target: .page(target.page, y: target.y)))
            }
        }
        return areas
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
