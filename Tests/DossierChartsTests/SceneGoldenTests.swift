import Foundation
import Testing
@testable import DossierCharts

/// The compiled scene of every example is compared with a reviewed text dump
/// (`SceneGoldens.swift`). On a difference the new dump is written to
/// /tmp/dossier-charts/<name>.dump.txt and the test fails: look at the PNG next to it, then
/// copy the dump into `SceneGoldens.swift` (nothing is accepted silently).
@Suite("Scene goldens")
struct SceneGoldenTests {
    typealias C = ChartFixture
    typealias E = ChartExamples

    static func check(_ scene: Scene, _ name: String) throws {
        let dump = scene.dump()
        let golden = SceneGoldens.all[name]
        if golden != dump {
            try FileManager.default.createDirectory(at: C.outputDirectory, withIntermediateDirectories: true)
            try dump.write(to: C.outputDirectory.appendingPathComponent("\(name).dump.txt"), atomically: true, encoding: .utf8)
            Issue.record(golden == nil ? "no golden dump for \(name): recorded a new baseline in /tmp/dossier-charts"
                                       : "scene of \(name) changed; new dump in /tmp/dossier-charts/\(name).dump.txt")
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
}
