/// Places flow blocks on pages: splits breakable blocks between slices (respecting orphans
/// and widows), keeps headings with the next block, reserves room for footnotes at the foot of
/// the page where they are referenced, and floats figures that do not fit to the top of the
/// next page while the following text fills the gap. Floats keep their order and never pass a
/// top-level heading.
package struct Paginator {
    /// A run of a block's slices placed on a page.
    package struct Placement {
        package let block: any Flowable
        package let range: Range<Int>
        package let y: Double
    }

    /// One laid-out page.
    package struct Page {
        package var placements: [Placement] = []
        package var footnotes: [FootnoteBlock] = []
        package var outline: [(entry: OutlineEntry, y: Double)] = []
    }

    package let top: Double
    package let bottom: Double
    package let footnoteGap = 14.0

    /// The pages that `blocks` fill, in order.
    package func paginate(_ blocks: [any Flowable]) -> [Page] {
        var flow = PageFlow(top: top, bottom: bottom, footnoteGap: footnoteGap)
        for (index, block) in blocks.enumerated() {
            if flow.deferIfFloating(block) { continue }
            if block.outline?.level == 1, !flow.pending.isEmpty {
                // Deferred figures never pass a top-level heading.
                flow.newPage()
                flow.placeAllPending()
            }
            flow.place(block, before: index + 1 < blocks.count ? blocks[index + 1] : nil)
        }
        flow.placeAllPending()
        return flow.finished()
    }
}
