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

    package func paginate(_ blocks: [any Flowable]) -> [Page] {
        var pages: [Page] = []
        var page = Page()
        var y = top
        var footnoteHeight = 0.0

        var pending: [any Flowable] = []

        func newPage() {
            pages.append(page)
            page = Page()
            y = top
            footnoteHeight = 0
            // Deferred figures open the new page, as many as fit (a too-tall one goes alone).
            while let next = pending.first {
                let height = next.height(of: 0..<next.unitCount)
                guard y == top || y + next.spaceBefore + height <= bottom else { break }
                if y > top { y += next.spaceBefore }
                page.placements.append(Placement(block: next, range: 0..<next.unitCount, y: y))
                y += height + next.spaceAfter
                pending.removeFirst()
            }
        }

        func limit(extraFootnotes: Double) -> Double {
            let notes = footnoteHeight + extraFootnotes
            return bottom - (notes > 0 ? notes + footnoteGap : 0)
        }

        var index = 0
        while index < blocks.count {
            let block = blocks[index]
            if block.floats {
                let fits = y + block.spaceBefore + block.height(of: 0..<block.unitCount) <= limit(extraFootnotes: 0)
                if !pending.isEmpty || (!fits && y > top) {
                    pending.append(block)
                    index += 1
                    continue
                }
            }
            if block.outline?.level == 1, !pending.isEmpty {
                newPage()
                while !pending.isEmpty { newPage() }
            }
            var start = 0
            while start < block.unitCount {
                let atTop = y == top
                let spaceBefore = atTop ? 0 : block.spaceBefore
                let notes = start == 0 ? block.footnotes.reduce(0) { $0 + $1.height } : 0
                let available = limit(extraFootnotes: notes) - y - spaceBefore
                var count = fittingSlices(of: block, from: start, height: available)
                if count < block.unitCount - start {
                    // Orphans and widows: leave at least minimumSlices on both sides of a break.
                    let minimum = block.minimumSlices
                    let remaining = block.unitCount - start
                    if remaining - count < minimum { count = max(0, remaining - minimum) }
                    if count < minimum && count < remaining { count = 0 }
                }
                if count == block.unitCount - start, block.keepWithNext, index + 1 < blocks.count {
                    // The heading must fit together with the first slices of the next block.
                    let next = blocks[index + 1]
                    let nextSlices = min(next.minimumSlices, next.unitCount)
                    let need = block.height(of: start..<block.unitCount) + block.spaceAfter + next.spaceBefore
                        + next.height(of: 0..<max(nextSlices, 1))
                    if need > available && !atTop { count = 0 }
                }
                if count == 0 {
                    if atTop {
                        count = 1  // Too tall for any page: place it anyway rather than loop.
                    } else {
                        newPage()
                        continue
                    }
                }
                let range = start..<(start + count)
                y += spaceBefore
                page.placements.append(Placement(block: block, range: range, y: y))
                if start == 0 {
                    page.footnotes += block.footnotes
                    footnoteHeight += notes
                    if let entry = block.outline { page.outline.append((entry, y)) }
                }
                y += block.height(of: range)
                start += count
                if start < block.unitCount {
                    newPage()
                } else {
                    y += block.spaceAfter
                }
            }
            index += 1
        }
        while !pending.isEmpty { newPage() }
        if !page.placements.isEmpty || pages.isEmpty { pages.append(page) }
        return pages
    }

    private func fittingSlices(of block: any Flowable, from start: Int, height: Double) -> Int {
        var count = 0
        while start + count < block.unitCount,
              block.height(of: start..<(start + count + 1)) <= height + 0.01 {
            count += 1
        }
        return count
    }
}
