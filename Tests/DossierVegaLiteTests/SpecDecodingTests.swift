@testable import DossierVegaLite
import Testing

/// A chart spec decodes its shorthands and objects, and names a mark it does not know.
@Suite("Chart spec decoding")
struct SpecDecodingTests {
    @Test func decodesShorthandAndObjects() throws {
        let s = try SpecFixture.spec(#"{"data": "t", "mark": "bar", "encoding": {"x": {"field": "a"}, "label": {"field": "b"}}}"#)
        #expect(s.layers.count == 1)
        #expect(s.layers[0].mark.type == .bar)
        #expect(s.layers[0].encoding.text?.field == "b")
        let t = try SpecFixture.spec(#"{"layers": [{"data": "t", "mark": {"type": "bar", "stack": "normalize", "totals": true}, "encoding": {"y": {"field": "c", "sort": "-x"}}}]}"#)
        #expect(t.layers[0].mark.stack == .normalize)
        #expect(t.layers[0].encoding.y?.sort == .byChannel(.x, descending: true))
        let u = try SpecFixture.spec(#"{"data": "t", "mark": "point", "encoding": {"x": {"field": "a", "sort": ["b", 2008]}}}"#)
        #expect(u.layers[0].encoding.x?.sort == .explicit(["b", "2008"]))
    }

    @Test func unknownMarkIsNamed() {
        #expect(throws: DecodingError.self) { try SpecFixture.spec(#"{"data": "t", "mark": "pie", "encoding": {}}"#) }
    }
}
