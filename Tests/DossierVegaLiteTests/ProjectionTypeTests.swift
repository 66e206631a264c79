import Testing

/// A map is drawn with the projection it names or not at all: a projection type Dossier does not
/// draw (Vega's equalEarth, conicConformal…) is refused by name, never drawn with another one.
struct ProjectionTypeTests {
    @Test(arguments: ["conicConformal", "equalEarth", "orthographic"])
    func anUndrawnProjectionIsRefusedByName(_ type: String) {
        let failure = SpecFixture.decodingFailure(
            #"{"data": "t", "projection": {"type": "\#(type)"}, "mark": "geoshape", "encoding": {}}"#)
        #expect(failure?.message.contains("projection type \"\(type)\" is not supported in charts yet") == true, "\(failure?.message ?? "")")
    }

    @Test(arguments: ["mercator", "equalArea", "azimuthalEqualArea", "albersUsa"])
    func aDrawnProjectionDecodes(_ type: String) {
        let failure = SpecFixture.decodingFailure(
            #"{"data": "t", "projection": {"type": "\#(type)"}, "mark": "geoshape", "encoding": {}}"#)
        #expect(failure == nil, "\(failure?.message ?? "")")
    }
}
