@testable import DossierVegaLite
import Foundation
import Testing
@testable import DossierCharts

/// Gallery specs that built but drew differently from vl-convert, each reduced to the cause.
@Suite struct VegaLiteMatchTests {
    /// line_bump: a line over a nominal y (a bump chart) joins its rows at their categories;
    /// Dossier drew an empty path, every row wanting a number on y.
    @Test func lineOverNominalYHasAVertexPerRow() throws {
        let json = """
        {"data": {"values": [{"b": 1, "r": "PASSED"}, {"b": 2, "r": "FAILED"}, {"b": 3, "r": "PASSED"}, {"b": 4, "r": "SKIPPED"}]},
         "mark": "line",
         "encoding": {"x": {"field": "b", "type": "quantitative"}, "y": {"field": "r", "type": "nominal"}}}
        """
        let scene = try ChartFixture.compile(json, [:])
        let line = try #require(scene.paths.first { $0.id.hasSuffix("/line") })
        let vertices = line.segments.filter { if case .curve = $0 { return false } else { return true } }
        #expect(vertices.count == 4)
    }
}

extension VegaLiteMatchTests {
    /// layer_ranged_dot: a line with a quantitative x over a nominal y is horizontal in
    /// Vega-Lite, so y is its dimension and x, its measure, reaches zero.
    @Test func horizontalLineMeasureStartsAtZero() throws {
        let json = """
        {"data": {"values": [{"v": 140, "c": "A"}, {"v": 180, "c": "A"}, {"v": 160, "c": "B"}, {"v": 230, "c": "B"}]},
         "mark": "line",
         "encoding": {"x": {"field": "v", "type": "quantitative"}, "y": {"field": "c", "type": "nominal"}, "detail": {"field": "c"}}}
        """
        let scene = try ChartFixture.compile(json, [:])
        #expect(scene.texts.first { $0.id.hasSuffix("/axis-x/label/0") }?.text == "0")
    }
}

extension VegaLiteMatchTests {
    static func countGroups(xType: FieldType) throws -> Int {
        let table = ChartData(columns: [("v", .numbers([1, 2, nil, nil, nil]))])
        var count = ChannelDef()
        count.aggregate = .count
        let encoding = Encoding(x: ChannelDef(field: "v", type: xType), y: count)
        return try EncodingAggregation.apply(table, encoding: encoding, facetField: nil, layer: 0, dataName: "t").0.rowCount
    }

    /// nested_concat_align: rows with no value on a continuous x make no group, so a
    /// histogram's null bin neither draws nor stretches the count axis (Vega-Lite filters
    /// invalid continuous positions after the aggregate); a nominal x keeps its null category.
    @Test func aggregateDropsGroupsWithNoContinuousPosition() throws {
        #expect(try Self.countGroups(xType: .quantitative) == 2)
        #expect(try Self.countGroups(xType: .nominal) == 3)
    }
}

extension VegaLiteMatchTests {
    /// layer_line_window: a niced log scale spans whole powers of ten (d3's `log.nice()`).
    @Test func niceLogDomainIsWholePowersOfTen() {
        #expect(NiceDomain.log(1000 / 3853.6, 1000 / 14.78) == (0.1, 100))
        #expect(NiceDomain.log(3, 700) == (1, 1000))
    }
}
