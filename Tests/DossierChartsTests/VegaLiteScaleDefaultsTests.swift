import Testing
@testable import DossierCharts

/// Vega-Lite's scale defaults that the gallery comparison depends on: d3's nice domain
/// (values from d3-scale's documentation and d3-array's `tickIncrement` rule).
struct VegaLiteScaleDefaultsTests {
    @Test func niceDomainFollowsD3() {
        // d3-scale's README: [0.201479…, 0.996679…] becomes [0.2, 1].
        let (a, b) = NiceDomain.linear(0.20147987687960267, 0.996679553296417)
        #expect(abs(a - 0.2) < 1e-12 && abs(b - 1) < 1e-12)
        // A step of 5 for 10 ticks keeps 0…55 (Dossier's own nice rounding gave 0…60).
        #expect(NiceDomain.linear(0, 55) == (0, 55))
        #expect(NiceDomain.linear(1.2, 9.7) == (1, 10))
        #expect(NiceDomain.linear(-3.5, 37) == (-5, 40))
        #expect(NiceDomain.linear(0, 5.5) == (0, 5.5))
        // A coarser count gives coarser bounds; an empty span is left alone.
        #expect(NiceDomain.linear(0, 55, count: 2) == (0, 60))
        #expect(NiceDomain.linear(3, 3) == (3, 3))
    }

    @Test func tickIncrementIsOneTwoOrFiveTimesAPowerOfTen() {
        #expect(NiceDomain.tickIncrement(0, 55, count: 10) == 5)
        #expect(NiceDomain.tickIncrement(0, 1, count: 10) == -10)
        #expect(NiceDomain.tickIncrement(0, 20, count: 10) == 2)
        #expect(NiceDomain.tickIncrement(0, 0, count: 10) == 0)
    }
}
