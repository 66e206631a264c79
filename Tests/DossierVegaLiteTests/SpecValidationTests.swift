import DossierBase
@testable import DossierVegaLite
import Testing

/// Issue 15: a numeric chart option out of its documented range, a colour that is not one and a
/// misspelt key are refused while decoding, with the coding path of the option (which a report
/// turns into line:column). The checks of a spec built in code run when it is compiled
/// (DossierChartsTests' ChartValidationTests).
@Suite struct SpecValidationTests {
    @Test func decodedWidthPointsAtTheKey() {
        let failure = SpecFixture.decodingFailure(#"{"width": 100000, "data": "t", "mark": "point", "encoding": {}}"#)
        #expect(failure?.message == "width is 100000, expected a number from 20 to 2000 points")
        #expect(failure?.path == ["width"])
    }

    @Test func negativeOrEndlessDashIsRefused() {
        #expect(SpecFixture.decodingFailure(#"{"data": "t", "mark": {"type": "line", "strokeDash": [4, -1]}, "encoding": {}}"#)?.path
                == ["mark", "strokeDash", "[1]"])
        let long = "[" + Array(repeating: "1", count: 17).joined(separator: ", ") + "]"
        #expect(SpecFixture.decodingFailure(#"{"data": "t", "mark": {"type": "line", "strokeDash": \#(long)}, "encoding": {}}"#)?.message
                == "strokeDash has 17 entries, expected at most 16")
    }

    @Test func markNumbersAreChecked() {
        let cases: [(String, String)] = [
            (#""opacity": 2"#, "opacity is 2, expected a number from 0 to 1"),
            (#""size": -1"#, "size is -1, expected a number from 0 to 10000"),
            (#""strokeWidth": 1000"#, "strokeWidth is 1000, expected a number from 0.1 to 50 points"),
            (#""dx": -1e9"#, "dx is -1000000000, expected a number from -2000 to 2000 points"),
            (#""padding": 1.5"#, "padding is 1.5, expected a number from 0 to 1"),
        ]
        for (option, message) in cases {
            let failure = SpecFixture.decodingFailure(#"{"data": "t", "mark": {"type": "bar", \#(option)}, "encoding": {}}"#)
            #expect(failure?.message == message)
        }
    }

    @Test func annotationAtHugeXIsRefused() {
        let failure = SpecFixture.decodingFailure(#"{"annotations": [{"x": 1e308, "label": "far"}], "data": "t", "mark": "point", "encoding": {}}"#)
        #expect(failure?.message == "x is 1e308, expected a number from -1e15 to 1e15")
        #expect(failure?.path == ["annotations", "[0]", "x"])
    }

    @Test func logDomainWithZeroIsRefused() {
        let failure = SpecFixture.decodingFailure(#"{"data": "t", "mark": "point", "encoding": {"y": {"field": "y", "scale": {"type": "log", "domain": [0, 10]}}}}"#)
        #expect(failure?.message == "a domain value is 0 on a log scale, expected a number > 0 (log scales need values > 0)")
        #expect(failure?.path == ["encoding", "y", "scale", "domain", "[0]"])
    }

    @Test func unknownColourIsRefusedWithAHint() {
        let failure = SpecFixture.decodingFailure(#"{"data": "t", "mark": {"type": "point", "color": "notacolour"}, "encoding": {}}"#)
        #expect(failure?.message.hasPrefix("\"notacolour\" is not a colour: expected a CSS colour name") == true)
        #expect(failure?.path == ["mark", "color"])
        let misspelt = SpecFixture.decodingFailure(#"{"data": "t", "mark": {"type": "point", "color": "rebeccapurpel"}, "encoding": {}}"#)
        #expect(misspelt?.message.hasSuffix("did you mean \"rebeccapurple\"?") == true)
    }

    @Test func aNumberIsNotAColour() {
        // YAML `color: 123` arrives as the text "123"; it used to be read as #112233.
        let failure = SpecFixture.decodingFailure(#"{"data": "t", "mark": {"type": "point", "color": "123"}, "encoding": {}}"#)
        #expect(failure?.message.hasPrefix("\"123\" is not a colour") == true)
        #expect(Palette.color("123") == nil)
    }

    @Test func rangeColoursAreCheckedOneByOne() {
        let failure = SpecFixture.decodingFailure(##"{"data": "t", "mark": "point", "encoding": {"color": {"field": "g", "scale": {"range": ["#000", "reed"]}}}}"##)
        #expect(failure?.path == ["encoding", "color", "scale", "range", "[1]"])
        #expect(failure?.message.hasSuffix("did you mean \"red\"?") == true)
    }

    @Test func misspeltKeyIsRefusedWithAHint() {
        let failure = SpecFixture.decodingFailure(#"{"data": "t", "mark": {"type": "line", "strokeDahs": [4, 2]}, "encoding": {}}"#)
        #expect(failure?.message.hasPrefix("unknown key \"strokeDahs\" in a mark; did you mean \"strokeDash\"?") == true)
        #expect(failure?.path == ["mark", "strokeDahs"])
        let channel = SpecFixture.decodingFailure(#"{"data": "t", "mark": "bar", "encoding": {"x": {"field": "g", "impute": {"value": 0}}}}"#)
        #expect(channel?.message.hasPrefix("`impute` in a channel is not supported in charts yet") == true)
        let chart = SpecFixture.decodingFailure(#"{"widht": 300, "data": "t", "mark": "bar", "encoding": {}}"#)
        #expect(chart?.message.hasPrefix("unknown key \"widht\" in a chart; did you mean \"width\"?") == true)
        // With `layers`, the layer keys do not belong at the top.
        let stray = SpecFixture.decodingFailure(#"{"layers": [{"data": "t", "mark": "bar"}], "mark": "point"}"#)
        #expect(stray?.message.hasPrefix("unknown key \"mark\" in a chart") == true)
    }
}
