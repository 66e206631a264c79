import DossierBase
@testable import DossierVegaLite
import Testing

@Suite("Number format and palettes")
struct FormatAndPaletteTests {
    @Test func numbersForPeople() {
        #expect(NumberFormat(nil).string(1234567) == "1,234,567")
        #expect(NumberFormat(nil).string(0.1 + 0.2) == "0.3")
        #expect(NumberFormat(nil).string(-0.0) == "0")
        #expect(NumberFormat(".1f").string(-0.04) == "0.0")
        #expect(NumberFormat(nil).string(-5) == "−5")
        #expect(NumberFormat(".0%").string(0.35) == "35%")
        #expect(NumberFormat("$,.1f").string(1234.56) == "$1,234.6")
        #expect(NumberFormat(".2s").string(2_500_000) == "2.5M", "as in d3, s precision is significant digits")
        // One rounding rule with the report's text (ties to even, as printf and R): d3 gives "3M".
        #expect(NumberFormat(".1s").string(2_500_000) == "2M")
        #expect(NumberFormat(".1s").string(3_500_000) == "4M")
        #expect(NumberFormat(".2f").string(0.125) == "0.12", "as the text's fixed(2)")
        #expect(NumberFormat("$.2f").string(-2.675) == "−$2.67")
        #expect(NumberFormat(".1f").string(.nan) == "NaN")
        #expect(NumberFormat(".3s").string(12_345) == "12.3k")
        #expect(NumberFormat.forStep(0.25).string(0.5) == "0.50")
        #expect(NumberFormat.forStep(0.2, percent: true).string(0.4) == "40%")
    }

    @Test func okabeItoSurvivesDeuteranopia() {
        // Every pair of the first seven colours stays apart under simulated deuteranopia.
        let colors = Array(Palette.okabeIto.prefix(7))
        for i in colors.indices {
            for j in colors.indices where j > i {
                let d = Palette.deltaE(Palette.deuteranopia(colors[i]), Palette.deuteranopia(colors[j]))
                #expect(d > 10, "colours \(i) and \(j): ΔE \(d)")
            }
        }
    }

    @Test func contrastPicksReadableText() {
        for t in stride(from: 0.0, through: 1.0, by: 0.05) {
            let fill = Palette.interpolate(Palette.viridis, t)
            let text = Palette.textColor(on: fill)
            let other = text == .white ? Color(hex: 0x1A1A1A) : Color.white
            #expect(Palette.contrastRatio(text, fill) >= Palette.contrastRatio(other, fill))
            #expect(Palette.contrastRatio(text, fill) >= 4.3)
        }
    }
}
