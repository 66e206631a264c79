@testable import DossierVegaLite
import Foundation
import Testing

/// Issue 21: nested values in Vega-Lite's inline `values` (lists and records inside records),
/// reached by field paths (`ranges[2]`, `a.b`), by expressions (`datum.a.b`, `datum.a[0]`) and
/// by the `flatten` transform; and object and array literals in expressions.
@Suite struct VegaLiteNestedValueTests {
    static func values(_ json: String) throws -> ChartData {
        try JSONDecoder().decode(InlineTable.self, from: Data(json.utf8)).chartData
    }

    @Test func everyPathIsAFieldAndTheNestedFieldReadsAsJavaScriptSpellsIt() throws {
        let data = try Self.values(#"[{"t": "Revenue", "ranges": [150, 225, 300], "m": {"lo": 1, "hi": {"x": "u"}}}, {"t": "Profit", "ranges": [20, 25]}]"#)
        #expect(Set(data.fieldNames) == ["t", "ranges", "ranges[0]", "ranges[1]", "ranges[2]", "m", "m.lo", "m.hi", "m.hi.x"])
        // Each path comes after the field that holds it.
        #expect(data.fieldNames.firstIndex(of: "ranges[2]") == (data.fieldNames.firstIndex(of: "ranges") ?? 0) + 3)
        #expect(data.column("ranges") == .strings(["150,225,300", "20,25"]))
        #expect(data.column("ranges[2]") == .numbers([300, nil]))
        #expect(data.column("m.hi") == .strings(["[object Object]", nil]))
        #expect(data.column("m.hi.x") == .strings(["u", nil]))
    }

    @Test func expressionsReachIntoNestedValues() throws {
        let data = try Self.values(#"[{"a": {"b": [4, 5]}, "s": "xyz"}, {"a": {"b": []}, "s": "q"}]"#)
        let spec = try SpecFixture.spec(#"{"data": "t", "transform": [{"calculate": "isValid(datum.a.b[1]) ? datum.a.b[1] * 2 : -1", "as": "twice"}, {"calculate": "datum.a.b.length", "as": "n"}, {"calculate": "datum.a['b'][0]", "as": "first"}, {"calculate": "datum.s[1]", "as": "c"}], "mark": "point", "encoding": {}}"#)
        let out = try TransformPipeline.apply(spec.layers[0].transform, to: data, layer: 1)
        // [][1] is undefined: not a valid value.
        #expect(out.column("twice") == .numbers([10, -1]))
        #expect(out.column("n") == .numbers([2, 0]))
        #expect(out.column("first") == .numbers([4, nil]))
        #expect(out.column("c") == .strings(["y", nil]))
        // The nested field survives the transforms, with its paths.
        #expect(out.column("a.b[0]") == .numbers([4, nil]))
    }

    @Test(arguments: [
        ("{'cattle': '🐄', pigs: '🐖', 3: 'three'}[datum.k]", ["🐖", "three", nil]),
        ("['zero', 'one', 'two'][datum.i]", ["one", "zero", nil]),
        ("[datum.k, 'x'][1] + {a: [1, 2]}.a.length", ["x2", "x2", "x2"]),
        ("[1, 2] + ''", ["1,2", "1,2", "1,2"]),
    ])
    func objectAndArrayLiterals(_ expression: String, _ expected: [String?]) throws {
        let data = ChartData(columns: [("k", .strings(["pigs", "3", "goats"])), ("i", .numbers([1, 0, 7]))])
        let spec = try SpecFixture.spec(#"{"data": "t", "transform": [{"calculate": "\#(expression)", "as": "out"}], "mark": "point", "encoding": {}}"#)
        let out = try TransformPipeline.apply(spec.layers[0].transform, to: data, layer: 1)
        #expect(out.column("out") == .strings(expected), "\(expression)")
    }

    @Test(arguments: ["[1, 2", "{a 1}", "{'a': 1", "[1][", "{}.", "datum.a.(1)"])
    func malformedLiteralsAreErrorsAtTheirCharacter(_ expression: String) {
        #expect(throws: VegaExpressionError.self) { try VegaExpression(parsing: expression) }
    }

    @Test func nestingDeeperThanTheLimitIsAnError() {
        let deep = String(repeating: "[", count: 20) + String(repeating: "]", count: 20)
        #expect(throws: DecodingError.self) { try Self.values(#"[{"a": \#(deep)}]"#) }
    }

    @Test func anArrayLabelExpressionGivesALabelOfSeveralLines() throws {
        let expression = try VegaExpression(parsing: "[datum.label, datum.value > 1 ? 'big' : '']")
        let result = expression.evaluate { $0 == "label" ? .string("Jan") : .number(2) }
        #expect(result == .array([.string("Jan"), .string("big")]))
    }
}
