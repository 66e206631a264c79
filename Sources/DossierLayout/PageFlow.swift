/// The state of ``Paginator/paginate(_:)`` as it fills pages: the pages done, the page being
/// filled and how far down it is, the room its footnotes take, and the figures deferred to
/// the top of a later page.
struct PageFlow {
    typealias Page = Paginator.Page
    typealias Placement = Paginator.Placement

    let top: Double
    let bottom: Double
    let footnoteGap: Double

    private(set) var pages: [Page] = []
    private var page = Page()
    private var y: Double
    private var footnoteHeight = 0.0
    /// Floating blocks waiting for the top of a page, in order.
    private(set) var pending: [any Flowable] = []

    init(top: Double, bottom: Double, footnoteGap: Double) {
        self.top = top
        self.bottom = bottom
        self.footnoteGap = footnoteGap
        y = top
    }

    /// Defers a floating block that does not fit here (or that must wait behind deferred
    /// ones); true when deferred.
    mutating func deferIfFloating(_ block: any Flowable) -> Bool {
        guard block.floats else { return false }
        let fits = y + block.spaceBefore + block.height(of: 0..<block.unitCount) <= limit(extraFootnotes: 0)
        guard !pending.isEmpty || (!fits && y > top) else { return false }
        pending.append(block)
        return true
    }

    /// Closes the page and opens the next with the deferred figures, as many as fit (a
    /// too-tall one goes alone).
    mutating func newPage() {
        pages.append(page)
        page = Page()
        y = top
        footnoteHeight = 0
        while let next = pending.first {
            let height = next.height(of: 0..<next.unitCount)
            guard y == top || y + next.spaceBefore + height <= bottom else { break }
            if y > top { y += next.spaceBefore }
            page.placements.append(Placement(block: next, range: 0..<next.unitCount, y: y))
            y += height + next.spaceAfter
            pending.removeFirst()
        }
    }

    /// Opens pages until every deferred figure is placed.
    mutating func placeAllPending() {
        while !pending.isEmpty { newPage() }
    }

    /// The pages, the last one included if it holds anything (or is the only one).
    func finished() -> [Page] {
        !page.placements.isEmpty || pages.isEmpty ? pages + [page] : pages
    }

    /// Places `block`'s slices, here and on as many following pages as they need; `next` is
    /// the block after it (a heading keeps with it).
    mutating func place(_ block: any Flowable, before next: (any Flowable)?) {
        var start = 0
        while start < block.unitCount {
            let atTop = y == top
            let spaceBefore = atTop ? 0 : block.spaceBefore
            let notes = start == 0 ? block.footnotes.reduce(0) { $0 + $1.height } : 0
            let available = limit(extraFootnotes: notes) - y - spaceBefore
            var count = sliceCount(of: block, from: start, available: available, atTop: atTop, before: next)
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
    }

    /// How many of `block`'s slices from `start` go in `available` points: as many as fit,
    /// leaving at least `minimumSlices` on both sides of a break (orphans and widows), and
    /// none when a heading would end up without the first slices of `next`.
    private func sliceCount(of block: any Flowable, from start: Int, available: Double, atTop: Bool,
                            before next: (any Flowable)?) -> Int {
        var count = fittingSlices(of: block, from: start, height: available)
        let remaining = block.unitCount - start
        if count < remaining {
            let minimum = block.minimumSlices
            if remaining - count < minimum { count = max(0, remaining - minimum) }
            if count < minimum && count < remaining { count = 0 }
        }
        if count == remaining, block.keepWithNext, let next {
            let nextSlices = min(next.minimumSlices, next.unitCount)
            let need = block.height(of: start..<block.unitCount) + block.spaceAfter + next.spaceBefore
                + next.height(of: 0..<max(nextSlices, 1))
            if need > available && !atTop { return 0 }
        }
        return count
    }

    /// The bottom of the text on this page with `extraFootnotes` more points of footnotes.
    private func limit(extraFootnotes: Double) -> Double {
        let notes = footnoteHeight + extraFootnotes
        return bottom - (notes > 0 ? notes + footnoteGap : 0)
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
