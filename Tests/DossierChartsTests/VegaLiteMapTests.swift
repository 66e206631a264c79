import CairoKit
@testable import DossierVegaLite
import Foundation
import Testing

@testable import DossierCharts

/// Vega-Lite's maps: geoshape layers drawing their rows' own shapes (TopoJSON rows, or a
/// `lookup` of shapes into a `shape: {type: geojson}` field), fitted edge to edge as Vega fits.
@Suite struct VegaLiteMapTests {
    static let key = "url:squares.json#feature:squares"

    static func squares() throws -> ChartData {
        ChartData(featureRows: try SpecFixture.topoJSON(.feature("squares")), key: key)
    }

    static func shapes(_ scene: Scene) -> [ScenePath] {
        scene.flattened.compactMap { item -> ScenePath? in
            if case .path(let p) = item, p.id.contains("/shape/") { return p }
            return nil
        }
    }

    @Test func rowsDrawTheirShapesFittedToThePlot() throws {
        let spec = #"{"width": 200, "height": 200, "data": {"url": "squares.json", "format": {"type": "topojson", "feature": "squares"}}, "mark": {"type": "geoshape", "stroke": "white"}}"#
        let scene = try ChartFixture.compile(spec, [Self.key: try Self.squares()])
        let paths = Self.shapes(scene)
        // Two squares and the line (the null geometry draws nothing).
        #expect(paths.count == 3)
        let plot = try #require(PlotMarks(scene).cells.first?.plot)
        let union = paths.map(\.bounds).reduce(paths[0].bounds) { a, b in
            SceneRect(x: min(a.x, b.x), y: min(a.y, b.y), width: max(a.maxX, b.maxX) - min(a.x, b.x), height: max(a.maxY, b.maxY) - min(a.y, b.y))
        }
        // Two degrees wide, one high (Mercator stretches it a little): the width fills the plot.
        #expect(abs(union.x - plot.x) < 1e-6 && abs(union.maxX - plot.maxX) < 1e-6)
        #expect(union.height < plot.height && union.height > plot.width / 2)
        #expect(paths[0].fill != nil && paths[2].fill == nil)
    }

    @Test func aLookedUpShapeFieldIsDrawnPerRow() throws {
        let spec = #"""
        {"width": 200, "height": 100,
         "data": {"values": [{"k": 8, "v": 1}, {"k": 7, "v": 5}, {"k": 99, "v": 3}]},
         "transform": [{"lookup": "k", "from": {"data": {"url": "squares.json", "format": {"type": "topojson", "feature": "squares"}}, "key": "id"}, "as": "geo"}],
         "projection": {"type": "mercator"},
         "mark": "geoshape",
         "encoding": {"shape": {"field": "geo", "type": "geojson"}, "color": {"field": "v", "type": "quantitative"}}}
        """#
        let scene = try ChartFixture.compile(spec, [Self.key: try Self.squares()])
        let paths = Self.shapes(scene)
        // Rows 0 and 1 have shapes (the right and the left square); row 2 matches nothing.
        #expect(paths.map { $0.id.split(separator: "/").last.map(String.init) } == ["0", "1"])
        let (right, left) = (paths[0].bounds, paths[1].bounds)
        #expect(right.x > left.x)
        #expect(paths[0].fill != paths[1].fill)
    }

    @Test func aGeoshapeWithoutShapesSaysWhatItNeeds() throws {
        let spec = #"{"data": {"values": [{"a": 1}]}, "mark": "geoshape"}"#
        #expect(throws: (any Error).self) { _ = try ChartFixture.compile(spec, [:]) }
        do { _ = try ChartFixture.compile(spec, [:]) } catch {
            #expect("\(error)".contains("format: {type: topojson"), "\(error)")
        }
    }

    @Test func aPieSliceIsMeasuredByItsArcNotItsControlPoints() {
        // A quarter slice from 12 to 3 o'clock of radius 100 round (0, 0): its box is 0…100 × −100…0.
        let slice = ArcEmitter.slice(center: ScenePoint(0, 0), inner: 0, outer: 100, from: 0, to: .pi / 2)
        let path = ScenePath(id: "a", segments: slice, fill: nil)
        let b = path.tightBounds
        #expect(abs(b.x) < 1e-9 && abs(b.maxX - 100) < 1e-9 && abs(b.y + 100) < 1e-9 && abs(b.maxY) < 1e-9)
        // A slice across 3 o'clock reaches x = 100 mid-curve, which only the curve's extremum gives.
        let across = ScenePath(id: "b", segments: ArcEmitter.slice(center: ScenePoint(0, 0), inner: 0, outer: 100, from: .pi / 4, to: 3 * .pi / 4), fill: nil)
        #expect(abs(across.tightBounds.maxX - 100) < 0.1)
        #expect(across.bounds.maxX > across.tightBounds.maxX + 1)
    }
}
