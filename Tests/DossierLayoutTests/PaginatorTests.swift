import CairoKit
import DossierCharts
@testable import DossierLayout
import Testing

/// A block of equal slices, for pagination tests.
final class Slices: Flowable {
    let count: Int
    let slice: Double
    let keep: Bool
    let floats: Bool
    init(_ count: Int, _ slice: Double, keepWithNext: Bool = false, floats: Bool = false) {
        self.count = count
        self.slice = slice
        keep = keepWithNext
        self.floats = floats
    }
    var unitCount: Int { count }
    func height(of range: Range<Int>) -> Double { Double(range.count) * slice }
    func items(_ range: Range<Int>, x: Double, y: Double) throws -> [SceneItem] { [] }
    var spaceAfter: Double { 0 }
    var keepWithNext: Bool { keep }
}

@Suite struct PaginatorTests {
    let paginator = Paginator(top: 0, bottom: 100)

    @Test func splitsBetweenSlicesAndAvoidsWidowsAndOrphans() {
        let pages = paginator.paginate([Slices(9, 10), Slices(3, 10)])
        // The first block fills 90 of 100; one line of the second would fit, but a single
        // line at the foot of a page is an orphan, so the whole second block moves on.
        #expect(pages.count == 2)
        #expect(pages[1].placements.first?.range == 0..<3)
        for page in pages {
            for placement in page.placements where placement.block.unitCount > 1 {
                #expect(placement.range.count >= 2, "no widow or orphan")
            }
        }
    }

    @Test func headingIsKeptWithTheNextBlock() {
        let pages = paginator.paginate([Slices(8, 10), Slices(1, 10, keepWithNext: true), Slices(4, 10)])
        // The heading would fit at 80–90 but its paragraph would not: both go to page 2.
        #expect(pages.count == 2)
        #expect(pages[0].placements.count == 1)
        #expect(pages[1].placements.first?.block.keepWithNext == true)
    }

    @Test func figureThatDoesNotFitFloatsAndTextFillsTheGap() {
        let text = Slices(6, 10)
        let figure = Slices(1, 60, floats: true)
        let more = Slices(3, 10)
        let pages = paginator.paginate([text, figure, more])
        #expect(pages.count == 2)
        #expect(pages[0].placements.map { $0.block === more } == [false, true], "the next text fills page 1")
        #expect(pages[1].placements.first?.block === figure)
        #expect(pages[1].placements.first?.y == 0, "the figure opens page 2")
    }

    @Test func everySliceIsPlacedExactlyOnce() {
        let blocks = [Slices(30, 7), Slices(5, 12), Slices(1, 95), Slices(12, 9)]
        let pages = paginator.paginate(blocks)
        for block in blocks {
            let placed = pages.flatMap(\.placements).filter { $0.block === block }.flatMap { Array($0.range) }
            #expect(placed == Array(0..<block.unitCount))
        }
        for page in pages {
            for placement in page.placements {
                #expect(placement.y + placement.block.height(of: placement.range) <= 100.01)
            }
        }
    }
}
