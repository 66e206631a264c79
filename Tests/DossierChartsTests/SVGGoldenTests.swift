import Foundation
import Testing
@testable import DossierCharts

/// Every chart kind's SVG is committed under `Goldens/` and compared byte for byte (the output
/// is deterministic). On a difference the new SVG and a PNG to look at are written to
/// /tmp/dossier-charts and the test fails; after reviewing the PNG, copy the SVG over the golden.
/// A missing golden is recorded there and in `Goldens/`, and the test fails: nothing is
/// accepted silently.
@Suite("SVG goldens", .serialized)
struct SVGGoldenTests {
    typealias C = ChartFixture
    typealias E = ChartExamples

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    static func check(_ scene: Scene, _ name: String) throws {
        let svg = try C.render(scene, .svg)
        let golden = directory.appendingPathComponent("\(name).svg")
        guard let expected = FileManager.default.contents(atPath: golden.path) else {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(svg).write(to: golden)
            Issue.record("no golden SVG for \(name): recorded \(golden.path); review it and commit")
            return
        }
        if [UInt8](expected) != svg {
            try FileManager.default.createDirectory(at: C.outputDirectory, withIntermediateDirectories: true)
            try Data(svg).write(to: C.outputDirectory.appendingPathComponent("\(name).svg"))
            try Data(try C.render(scene, .png)).write(to: C.outputDirectory.appendingPathComponent("\(name).png"))
            Issue.record("SVG of \(name) changed: new file and PNG in /tmp/dossier-charts; review, then copy over \(golden.path)")
        }
    }

    @Test func bar() throws { try Self.check(try C.compile(E.barSpec, E.barData), "0-bar") }
    @Test func scatter() throws { try Self.check(try C.compile(E.scatterSpec, E.scatterData), "1-scatter") }
    @Test func stacked() throws { try Self.check(try C.compile(E.stackedSpec, E.stackedData), "2-stacked") }
    @Test func interval() throws { try Self.check(try C.compile(E.intervalSpec, E.intervalData), "3-interval") }
    @Test func timeline() throws { try Self.check(try C.compile(E.timelineSpec, E.timelineData), "4-timeline") }
    @Test func heatmap() throws { try Self.check(try C.compile(E.heatmapSpec, E.heatmapData), "5-heatmap") }
    @Test func map() throws { try Self.check(try C.compile(E.mapSpec, try E.mapData()), "6-map") }
    @Test func facets() throws { try Self.check(try C.compile(E.facetSpec, E.facetData), "7-facets") }
    @Test func mapLookup() throws { try Self.check(try C.compile(LookupTests.spec(), try LookupTests.data()), "8-map-lookup") }
}
