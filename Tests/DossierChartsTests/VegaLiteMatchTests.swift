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
