import CairoKit
import Testing
@testable import DossierCharts

/// The one scene walker (`Renderer.render`) and its defaults, seen through small renderers.
@Suite("Renderer")
struct RendererTests {
    typealias C = ChartFixture

    /// Fails on the n-th text it is asked to draw, recording what it drew before.
    struct FailingRenderer: Renderer {
        struct Stop: Error, Equatable { var id: String }
        var failAt: Int
        var drawn: [String] = []
        mutating func drawPath(_ path: ScenePath) throws(Stop) { drawn.append(path.id) }
        mutating func drawText(_ text: SceneText) throws(Stop) {
            if failAt == 0 { throw Stop(id: text.id) }
            failAt -= 1
            drawn.append(text.id)
        }
    }

    @Test func aTypedFailureStopsTheWalk() throws {
        let scene = try C.compile(ChartExamples.barSpec, ChartExamples.barData)
        var renderer = FailingRenderer(failAt: 1)
        #expect(throws: FailingRenderer.Stop(id: scene.texts[1].id)) { try renderer.render(scene) }
        #expect(renderer.drawn.contains(scene.texts[0].id))
        #expect(!renderer.drawn.contains(scene.texts[1].id))
    }

    @Test func markersDefaultToOnePathEach() {
        let symbol = MarkerSymbol(radius: 2, fill: .white, stroke: nil, lineWidth: 0)
        let markers = SceneMarkers(id: "m", symbols: [symbol], positions: [ScenePoint(1, 1), ScenePoint(5, 5)])
        let scene = Scene(width: 10, height: 10, background: nil, title: nil, summary: nil,
                          items: [.group(SceneGroup(id: "g", items: [.markers(markers)]))])
        var recorder = RecordingRenderer()
        recorder.render(scene)
        #expect(recorder.calls == ["begin g", "path m/0", "path m/1", "end g"])
    }
}
