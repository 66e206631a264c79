import DossierVegaLite
import Testing
@testable import DossierReport

/// Issue 21: a chart file ending in `.json` is read by a JSON parser (JSON's `\u` escapes,
/// surrogate pairs included, which YAML's scanner refuses), and every error names its key and
/// its line and column, never a raw `DecodingError` text.
@Suite struct JSONChartFileTests {
    static func decode(_ text: String) throws(ReportError) -> ChartSpec {
        try JSONDocumentDecoder.decode(ChartSpec.self, text: text, path: "c.vl.json", what: "the chart file", whenEmpty: "empty")
    }

    static func failure(_ text: String) -> ReportError? {
        do { _ = try decode(text); return nil } catch { return error }
    }

    @Test func surrogatePairsAndEscapesDecode() throws {
        let spec = try Self.decode(#"{"title": "Fruit \ud83c\udf4e \u00e9t\u00e9 \"q\" a\/b", "data": {"values": [{"a": 1}]}, "mark": "point", "encoding": {}}"#)
        #expect(spec.title == "Fruit 🍎 été \"q\" a/b")
    }

    @Test func quotedNumbersStayTextAndNumbersDecode() throws {
        let spec = try Self.decode(#"{"title": "1", "width": 3.5e2, "data": {"values": [{"a": 1}]}, "mark": "point", "encoding": {}}"#)
        #expect(spec.title == "1")
        #expect(spec.width == 350)
    }

    @Test func aTypeMismatchNamesTheKeyWhatWasFoundAndWhere() {
        let error = Self.failure("{\n  \"data\": {\"values\": [{\"a\": 1}]},\n  \"mark\": \"point\",\n  \"encoding\": {\"x\": {\"field\": [1]}}\n}")
        #expect(error?.message == "in encoding.x.field: found a list, expected a field's name (a text) or {repeat: row, column, layer or repeat}")
        #expect(error?.location?.line == 4)
        #expect(error?.location?.column == 31)
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9, "expected a key in double quotes"),
        ("{\"a\": 1, \"a\": 2}", 1, 10, "the key \"a\" appears twice in one object"),
        ("{\n \"a\": \"\\ud83c\"}", 2, 14, "lone high surrogate"),
        ("{\"a\": 01}", 1, 7, "does not start with 0"),
        ("{\"a\": 1} x", 1, 10, "after the JSON value"),
        ("{\"a\": tru}", 1, 10, "expected `true`"),
    ])
    func syntaxErrorsAreAtTheirLineAndColumn(_ text: String, _ line: Int, _ column: Int, _ fragment: String) {
        let error = Self.failure(text)
        #expect(error?.message.hasPrefix("chart file is not valid JSON: ") == true)
        #expect(error?.message.contains(fragment) == true, "\(error?.message ?? "")")
        #expect(error?.location?.line == line)
        #expect(error?.location?.column == column)
    }

    @Test func aTitleObjectGivesTheTitleAndSubtitle() throws {
        let spec = try Self.decode(#"{"title": {"text": ["Two", "lines"], "subtitle": "Sub"}, "data": {"values": [{"a": 1}]}, "mark": "point", "encoding": {}}"#)
        #expect(spec.title == "Two\nlines")  // a list of lines is a title of several lines
        #expect(spec.subtitle == "Sub")
    }

    @Test func aTitleStyleKeyDossierDoesNotDrawIsNamedAsNotSupported() {
        #expect(Self.failure(#"{"title": {"text": "T", "anchor": "start"}, "data": {"values": [{"a": 1}]}, "mark": "point", "encoding": {}}"#) == nil)
        let error = Self.failure(#"{"title": {"text": "T", "angle": 90}, "data": {"values": [{"a": 1}]}, "mark": "point", "encoding": {}}"#)
        #expect(error?.message.contains("`angle` in a title is not supported in charts yet") == true, "\(error?.message ?? "")")
    }

    @Test func aStepSizeDecodesAndAStepPerOffsetBandIsNamedAsNotSupported() {
        #expect(Self.failure(#"{"height": {"step": 12}, "data": {"values": [{"a": 1}]}, "mark": "point", "encoding": {}}"#) == nil)
        let error = Self.failure(#"{"height": {"step": 12, "for": "offset"}, "data": {"values": [{"a": 1}]}, "mark": "point", "encoding": {}}"#)
        #expect(error?.message.contains("`for` is \"offset\", expected \"position\"") == true, "\(error?.message ?? "")")
        #expect(error?.location?.line == 1)
    }
}
