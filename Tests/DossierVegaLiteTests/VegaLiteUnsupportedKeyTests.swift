@testable import DossierVegaLite
import Testing
import DossierBase

/// Issue 17: a Vega-Lite key that Dossier does not implement yet fails naming it, with what to
/// do instead — never a chart drawn as if the key were not there. One case per key.
@Suite struct VegaLiteUnsupportedKeyTests {
    /// One unsupported key placed in its object inside an otherwise valid spec.
    struct Case: Sendable, CustomTestStringConvertible {
        let object: String
        let key: String
        let json: String
        let path: [String]
        var testDescription: String { "\(key) in \(object)" }
    }

    static func cases(_ object: String, _ table: NotYetSupportedKeys, json: (String) -> String, path: [String]) -> [Case] {
        table.advice.keys.sorted().map { key in
            Case(object: object, key: key, json: json("\"\(key)\": 1"), path: path + [key])
        }
    }

    static let allCases: [Case] = {
        let unit = #""data": "t", "mark": "point""#
        let tables = VegaLiteUnsupportedKeys.self
        return cases("a chart", tables.chart, json: { "{\(unit), \"encoding\": {}, \($0)}" }, path: [])
            + cases("a layer", tables.layer, json: { "{\"layers\": [{\(unit), \($0)}]}" }, path: ["layers", "[0]"])
            + cases("a mark", tables.mark,
                    json: { "{\"data\": \"t\", \"mark\": {\"type\": \"point\", \($0)}, \"encoding\": {}}" }, path: ["mark"])
            + cases("an encoding", tables.encoding,
                    json: { "{\(unit), \"encoding\": {\($0.replacingOccurrences(of: ": 1", with: ": {\"field\": \"x\"}"))}}" },
                    path: ["encoding"])
            + cases("a channel", tables.channel,
                    json: { "{\(unit), \"encoding\": {\"x\": {\"field\": \"x\", \($0)}}}" }, path: ["encoding", "x"])
            + cases("an axis", tables.axis,
                    json: { "{\(unit), \"encoding\": {\"x\": {\"field\": \"x\", \"axis\": {\($0)}}}}" }, path: ["encoding", "x", "axis"])
            + cases("a scale", tables.scale,
                    json: { "{\(unit), \"encoding\": {\"x\": {\"field\": \"x\", \"scale\": {\($0)}}}}" }, path: ["encoding", "x", "scale"])
            + cases("a legend", tables.legend,
                    json: { "{\(unit), \"encoding\": {}, \"legend\": {\($0)}}" }, path: ["legend"])
            + cases("a facet", tables.facet,
                    json: { "{\(unit), \"encoding\": {}, \"facet\": {\"field\": \"g\", \($0)}}" }, path: ["facet"])
            + cases("a data source", tables.data, json: { "{\"data\": {\"name\": \"t\", \($0)}, \"mark\": \"point\"}" }, path: ["data"])
            + cases("a data format", tables.dataFormat,
                    json: { "{\"data\": {\"url\": \"a.csv\", \"format\": {\"type\": \"csv\", \($0)}}, \"mark\": \"point\"}" },
                    path: ["data", "format"])
            + cases("a config", tables.config, json: { "{\(unit), \"config\": {\($0)}}" }, path: ["config"])
            + cases("a title", tables.title, json: { "{\(unit), \"title\": {\"text\": \"T\", \($0)}}" }, path: ["title"])
            + cases("a view", tables.view, json: { "{\(unit), \"view\": {\($0)}}" }, path: ["view"])
            + cases("a projection", tables.projection,
                    json: { "{\(unit), \"encoding\": {}, \"projection\": {\"type\": \"mercator\", \($0)}}" }, path: ["projection"])
    }()

    @Test(arguments: allCases)
    func unsupportedKeyIsNamedWithAdvice(_ example: Case) {
        let failure = SpecFixture.decodingFailure(example.json)
        let expected = "`\(example.key)` in \(example.object) is not supported in charts yet: "
        #expect(failure?.message.hasPrefix(expected) == true, "\(failure?.message ?? "no error") for \(example.json)")
        #expect(failure?.path == example.path)
    }

    @Test func theIssueExampleReadsAsPromised() {
        let failure = SpecFixture.decodingFailure(
            #"{"data": "t", "mark": "bar", "encoding": {"y": {"field": "x", "impute": {"value": 0}}}}"#)
        #expect(failure?.message == "`impute` in a channel is not supported in charts yet: compute it in an analysis (`analyses:`) and chart its table")
    }

    @Test func aTypoIsStillATypo() {
        // Not a Vega-Lite key: a did-you-mean, not "not supported".
        let failure = SpecFixture.decodingFailure(
            #"{"data": "t", "mark": "bar", "encoding": {"x": {"field": "x", "timeUnt": "year"}}}"#)
        #expect(failure?.message.hasPrefix("unknown key \"timeUnt\" in a channel") == true, "\(failure?.message ?? "")")
    }

    @Test func everyObjectHasUnsupportedKeys() {
        #expect(Self.allCases.count > 150)  // fewer as keys are implemented
        #expect(Set(Self.allCases.map(\.object)).count == 15)
    }
}
