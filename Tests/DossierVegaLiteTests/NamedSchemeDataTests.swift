@testable import DossierVegaLite
import Testing

/// Vega's scheme colours are stored as runs of six-digit hex (as palettes.js stores them):
/// every run must decode whole, to the counts the tables held as Swift literals.
@Suite("Named scheme data")
struct NamedSchemeDataTests {
    @Test func hexRunsDecodeToColours() {
        #expect(NamedSchemes.hexColors("cfe1f2bed8ec") == [0xCFE1F2, 0xBED8EC])
        #expect(NamedSchemes.hexColors("") == [])
    }

    @Test func everySchemeDecodesToItsColourCount() {
        #expect(NamedSchemes.continuousStops.count == 53)
        #expect(NamedSchemes.discreteLists.count == 15)
        #expect(NamedSchemes.continuousStops.values.map(\.count).reduce(0, +) == 792)
        #expect(NamedSchemes.discreteLists.values.map(\.count).reduce(0, +) == 184)
        #expect(NamedSchemes.continuousStops["cividis"]?.count == 64)
        #expect(NamedSchemes.continuousStops["turbo"]?.last == 0x910B00)
        #expect(NamedSchemes.discreteLists["tableau20"]?.last == 0xD8B5A5)
    }
}
