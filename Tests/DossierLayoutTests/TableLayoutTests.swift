@testable import DossierLayout
import Testing

@Suite struct TableLayoutTests {
    @Test func narrowColumnsKeepTheirWidthWideOnesShare() {
        let widths = TableBlock.fit(natural: [40, 300, 300], into: 400)
        #expect(abs(widths.reduce(0, +) - 400) < 1e-9)
        #expect(widths[0] == 40)
        #expect(abs(widths[1] - 180) < 1e-9)
    }

    @Test func tablesNarrowerThanTheColumnStretch() {
        let widths = TableBlock.fit(natural: [50, 150], into: 400)
        #expect(widths == [100, 300])
    }
}
