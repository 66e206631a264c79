import Foundation
import Testing
@testable import DossierData

/// Minimum / maximum on typed columns: values inside the bounds skip the checker, the rest
/// (outside, NaN, bounds of another type or in the wrong order) get its verdict.
@Suite struct ConstraintRangeTests {
    private func diagnostics(_ text: String, _ field: Field) -> [String] {
        let resource = Resource(name: "t", path: "t.csv", schema: TableSchema(fields: [field]))
        var loader = ResourceLoader(resource: resource, file: nil, displayPath: "t.csv")
        loader.bytes = Array(text.utf8)
        var sink = DiagnosticSink(cap: 100)
        _ = loader.load(sink: &sink)
        return sink.finish().diagnostics.map(\.headline)
    }

    @Test func numbersOutsideTheBoundsAreReported() {
        var f = Field(name: "x", type: .number)
        f.constraints.minimum = .number(0)
        f.constraints.maximum = .integer(10)
        let d = diagnostics("x\n-1\n5\n10\n10.5\nNaN\nINF\n0\n", f)
        #expect(d.count == 3)
        #expect(d[0].hasPrefix("t.csv:2:1: error:"))
        #expect(d[1].hasPrefix("t.csv:5:1: error:"))
        #expect(d[2].hasPrefix("t.csv:7:1: error:"))
    }

    @Test func integerBoundsInTheWrongOrderStillCheck() {
        var f = Field(name: "n", type: .integer)
        f.constraints.minimum = .integer(5)
        f.constraints.maximum = .integer(1)
        let d = diagnostics("n\n3\n", f)
        #expect(d.count == 1)
        #expect(d.first?.contains("5") == true)
    }

    @Test func integerEnumGoesThroughTheChecker() {
        var f = Field(name: "n", type: .integer)
        f.constraints.enumValues = [.integer(1), .integer(2)]
        #expect(diagnostics("n\n1\n3\n2\n", f).count == 1)
    }
}
