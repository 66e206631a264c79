import CairoKit
@testable import DossierVegaLite
import Foundation
import Testing
@testable import DossierCharts

@Suite("Chart kinds")
struct ChartKindTests {
    typealias C = ChartFixture
    typealias E = ChartExamples

    @Test func simpleBarChart() throws {
        let scene = try C.compile(E.barSpec, E.barData)
        try C.write(scene, "0-bar")
        #expect(scene.texts.contains { $0.id == "title" && $0.text == "Documented cases by city" })
        // Sorted by value, descending.
        let labels = SceneCheck.texts(scene, "axis-x/label").sorted { $0.position.x < $1.position.x }.map(\.text)
        #expect(labels == ["Valparaíso", "São Paulo", "Córdoba", "Bogotá", "Panamá", "Querétaro"])
        let ticks = SceneCheck.texts(scene, "axis-y/label").sorted { $0.position.y > $1.position.y }.compactMap { SceneCheck.parse($0.text) }
        #expect(SceneCheck.isNice(ticks))
        #expect(ticks.first == 0)
        // Vega-Lite's nice domain (d3, 10 ticks) covers the data; its ticks lie inside it, so
        // the last one is within a step of the largest bar.
        #expect((ticks.last ?? 0) + (ticks.count > 1 ? ticks[1] - ticks[0] : 0) >= 1234)
        #expect(SceneCheck.texts(scene, "axis-y/label").contains { $0.text.contains(",") })
        #expect(scene.paths.filter { $0.id.contains("/bar/") }.count == 6)
        #expect(SceneCheck.allTextInside(scene))
        #expect(SceneCheck.noOverlap(scene.texts.filter { !$0.id.hasPrefix("legend") }))
    }

    @Test func scatterWithRepelledLabels() throws {
        let scene = try C.compile(E.scatterSpec, E.scatterData)
        try C.write(scene, "1-scatter")
        let panel = try #require(SceneCheck.panels(scene).first)
        let labels = SceneCheck.texts(scene, "point-label")
        #expect(labels.count == 20)
        #expect(SceneCheck.noOverlap(labels))
        let points = scene.paths.filter { $0.id.contains("/point/") }
        #expect(points.count == 20)
        for label in labels {
            #expect(panel.contains(label.bounds, tolerance: 0.5), "\(label.text) leaves the plot")
            for p in points { #expect(!label.bounds.intersects(p.bounds.insetBy(0.6)), "\(label.text) covers a point") }
        }
        // Log axis: 1-2-5 or powers of ten.
        let ticks = SceneCheck.texts(scene, "axis-y/label").compactMap { SceneCheck.parse($0.text) }
        #expect(ticks.allSatisfy { v in [1.0, 2, 5].contains { abs(v / pow(10, floor(log10(v))) - $0) < 1e-9 } })
        #expect(scene.texts.contains { $0.text == "Taipei" && $0.id.hasPrefix("legend") })
        #expect(scene.paths.contains { $0.id.contains("/area") })
        #expect(scene.paths.contains { $0.id.contains("/line") })
        #expect(scene.texts.contains { $0.text == "Panamá" })
    }

    @Test func horizontalStackedBarsWithN() throws {
        let scene = try C.compile(E.stackedSpec, E.stackedData)
        try C.write(scene, "2-stacked")
        let ylabels = SceneCheck.texts(scene, "axis-y/label").sorted { $0.position.y < $1.position.y }.map(\.text)
        #expect(ylabels == ["Trade missions", "Twinning", "Provincial visits", "Diaspora networks", "Universities", "Party channels"])
        let totals = SceneCheck.texts(scene, "/total/").sorted { $0.position.y < $1.position.y }.map(\.text)
        #expect(totals == ["n = 12", "n = 26", "n = 17", "n = 7", "n = 10", "n = 11"])
        let xTicks = SceneCheck.texts(scene, "axis-x/label").map(\.text)
        #expect(xTicks.first == "0%" && xTicks.last == "100%")
        let panel = try #require(SceneCheck.panels(scene).first)
        // Each bar fills the width.
        let twinning = scene.paths.filter { $0.id.contains("/bar/Twinning/") }.map(\.bounds)
        #expect(abs((twinning.map(\.maxX).max() ?? 0) - panel.maxX) < 0.01)
        #expect(abs((twinning.map(\.x).min() ?? 0) - panel.x) < 0.01)
        #expect(SceneCheck.texts(scene, "legend/label").count == 4)
        #expect(SceneCheck.allTextInside(scene))
        #expect(SceneCheck.noOverlap(scene.texts))
    }

    @Test func longCategoryLabelsWrap() throws {
        var data = E.intervalData
        let names = ["Sister-city and sister-province agreements signed by mayors and governors", "Twinning", "Trade missions",
                     "Party channels", "Diaspora networks", "Universities"]
        data["deals"]?.columns[0] = ("channel", .strings(names))
        let scene = try C.compile(E.intervalSpec, data)
        try C.write(scene, "3b-interval-long-labels")
        let long = try #require(SceneCheck.texts(scene, "axis-y/label").first { $0.text.hasPrefix("Sister") })
        #expect(long.wrapWidth != nil && long.height > 15)
        #expect(SceneCheck.noOverlap(scene.texts))
        #expect(SceneCheck.allTextInside(scene))
    }

    @Test func dotAndInterval() throws {
        let scene = try C.compile(E.intervalSpec, E.intervalData)
        try C.write(scene, "3-interval")
        #expect(scene.paths.filter { $0.id.contains("/rule/") }.count == 6)
        #expect(scene.paths.filter { $0.id.contains("/point/") }.count == 6)
        let ylabels = SceneCheck.texts(scene, "axis-y/label").sorted { $0.position.y < $1.position.y }.map(\.text)
        #expect(ylabels.first == "Trade missions" && ylabels.last == "Party channels")
        let xTicks = SceneCheck.texts(scene, "axis-x/label").map(\.text)
        #expect(xTicks.first == "0%" && xTicks.last == "100%")
        #expect(SceneCheck.noOverlap(scene.texts))
        #expect(SceneCheck.allTextInside(scene))
    }

    @Test func stackedColumnsOverTime() throws {
        let scene = try C.compile(E.timelineSpec, E.timelineData)
        try C.write(scene, "4-timeline")
        #expect(!SceneCheck.texts(scene, "axis-y2/label").isEmpty)
        #expect(scene.texts.contains { $0.id == "axis-y2/title" })
        let notes = SceneCheck.texts(scene, "annotation")
        #expect(notes.map(\.text) == ["2008 policy paper", "2015 China–CELAC plan", "2016 policy paper"])
        #expect(SceneCheck.noOverlap(notes))
        #expect(SceneCheck.noOverlap(scene.texts))
        #expect(SceneCheck.allTextInside(scene))
        #expect(SceneCheck.texts(scene, "axis-x/label").contains { $0.text == "2015" })
    }

    @Test func heatmapWithContrastLabels() throws {
        let scene = try C.compile(E.heatmapSpec, E.heatmapData)
        try C.write(scene, "5-heatmap")
        let cells = scene.paths.filter { $0.id.contains("/rect/") }
        let labels = SceneCheck.texts(scene, "/text/")
        #expect(cells.count == 24 && labels.count == 24)
        for label in labels {
            let cell = try #require(cells.first { $0.bounds.contains(label.position) })
            let fill = try #require(cell.fill)
            #expect(Palette.contrastRatio(label.color, fill) >= 4.3, "\(label.id) on \(fill)")
        }
        #expect(scene.paths.contains { $0.id.hasPrefix("legend/gradient") })
        #expect(SceneCheck.noOverlap(scene.texts))
    }

    @Test func choroplethWithIslandMarkers() throws {
        let scene = try C.compile(E.mapSpec, try E.mapData())
        try C.write(scene, "6-map")
        let shapes = scene.paths.filter { $0.id.contains("/shape/") }
        #expect(shapes.count == 28)
        let noData = Theme.briefing.noDataColor
        #expect(shapes.first { $0.id.hasSuffix("/FLK") }?.fill == noData)
        #expect(shapes.first { $0.id.hasSuffix("/BRA") }?.fill != noData)
        #expect(scene.texts.contains { $0.id == "legend/label/no-data" })
        #expect(scene.paths.filter { $0.id.contains("/point/") }.count == 5)
        let panel = try #require(SceneCheck.panels(scene).first)
        for s in shapes { #expect(panel.contains(s.bounds, tolerance: 0.5)) }
        #expect(SceneCheck.noOverlap(SceneCheck.texts(scene, "point-label")))
    }

    @Test func smallMultiplesWithAnnotations() throws {
        let json = E.facetSpec.replacingOccurrences(of: #""facet":"#, with: #""annotations": [{"x": 2015, "label": "2015 plan"}, {"x": 2016, "label": "2016 paper"}], "facet":"#)
        let scene = try C.compile(json, E.facetData)
        try C.write(scene, "7b-facets-annotated")
        let labels = SceneCheck.texts(scene, "annotation")
        #expect(labels.count == 6)
        #expect(SceneCheck.noOverlap(scene.texts))
        let strips = SceneCheck.texts(scene, "/strip")
        let lines = scene.paths.filter { $0.id.contains("/annotation/") }
        for strip in strips { for line in lines { #expect(!strip.bounds.intersects(line.bounds)) } }
    }

    @Test func smallMultiples() throws {
        let scene = try C.compile(E.facetSpec, E.facetData)
        try C.write(scene, "7-facets")
        let panels = SceneCheck.panels(scene)
        #expect(panels.count == 5)
        #expect(Set(panels.map(\.width)).count == 1 && Set(panels.map(\.height)).count == 1)
        let strips = SceneCheck.texts(scene, "/strip").map(\.text)
        #expect(strips == ["Party channels", "Trade missions", "Twinning", "Universities", "Visits"])
        // Shared y scale: tick labels only in the first column.
        #expect(Set(SceneCheck.texts(scene, "axis-y/label").map { $0.id.split(separator: "/")[1] }) == ["0", "3"])
        #expect(SceneCheck.noOverlap(scene.texts))
        #expect(SceneCheck.allTextInside(scene))
    }
}
