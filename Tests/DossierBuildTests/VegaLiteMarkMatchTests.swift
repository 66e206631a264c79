import DossierCharts
import Foundation
import Testing

/// The gallery comparison's own rule (``VegaLiteMarkMatch``, ``PlotMarks``) on hand-made scenes.
@Suite struct VegaLiteMarkMatchTests {
    /// A 200×100 plot at (50, 20) with two bars, a point and a line.
    static let scene = Scene(width: 300, height: 160, items: [
        .group(SceneGroup(id: "panel/0", items: [
            .group(SceneGroup(id: "panel/0/marks", clip: SceneRect(x: 50, y: 20, width: 200, height: 100), items: [
                .path(ScenePath(id: "panel/0/layer0/bar/A", segments: [.rect(SceneRect(x: 60, y: 70, width: 40, height: 50))])),
                .path(ScenePath(id: "panel/0/layer0/bar/B", segments: [.rect(SceneRect(x: 120, y: 40, width: 40, height: 80))])),
                .path(ScenePath(id: "panel/0/layer2/line", segments: [.move(ScenePoint(50, 120)), .line(ScenePoint(150, 70)), .line(ScenePoint(250, 20))])),
            ])),
            .path(ScenePath(id: "panel/0/layer1/point/0", segments: [.circle(center: ScenePoint(150, 70), radius: 3)])),
            .path(ScenePath(id: "panel/0/grid", segments: [.move(ScenePoint(50, 20)), .line(ScenePoint(250, 20))])),
            .path(ScenePath(id: "panel/0/annotation/0", segments: [.move(ScenePoint(100, 20)), .line(ScenePoint(100, 120))])),
        ])),
    ])

    static func reference(bar: [Double] = [0.05, 0.5, 0.25, 1], lineMiddle: [Double] = [0.5, 0.5]) -> [[String: Any]] {
        [["width": 200, "height": 100, "marks": [
            ["kind": "rect", "items": [[0.35, 0.2, 0.55, 1.0], bar]],
            ["kind": "point", "items": [[0.5, 0.5]]],
            ["kind": "line", "items": [[[0.0, 1.0], lineMiddle, [1.0, 0.0]]]],
        ] as [[String: Any]]]]
    }

    @Test func plotMarksKeepsMarksInPlotFractionsAndDropsAxes() {
        let marks = PlotMarks(Self.scene)
        #expect(marks.cells.count == 1)
        #expect(marks.cells.first?.plot == SceneRect(x: 50, y: 20, width: 200, height: 100))
        #expect(marks.cells.first?.marks.map { $0.kind } == ["rect", "line", "point"])
        #expect(marks.cells.first?.marks.first?.items == [[0.05, 0.5, 0.25, 1], [0.35, 0.2, 0.55, 1]])
    }

    @Test func sameMarksMatchWhateverTheirOrder() {
        #expect(VegaLiteMarkMatch.difference(reference: Self.reference(), dossier: PlotMarks(Self.scene)) == nil)
        // Band padding: a bar 20 % narrower still matches; its centre may move by 1 %.
        #expect(VegaLiteMarkMatch.difference(reference: Self.reference(bar: [0.07, 0.5, 0.23, 1]), dossier: PlotMarks(Self.scene)) == nil)
    }

    @Test func aBarOrVertexOffByMoreThanOnePercentIsAMismatch() {
        let longer = VegaLiteMarkMatch.difference(reference: Self.reference(bar: [0.05, 0.45, 0.25, 1]), dossier: PlotMarks(Self.scene))
        #expect(longer?.contains("rect") == true)
        let bent = VegaLiteMarkMatch.difference(reference: Self.reference(lineMiddle: [0.5, 0.53]), dossier: PlotMarks(Self.scene))
        #expect(bent?.contains("line") == true)
        var missing = Self.reference()
        missing[0]["marks"] = (missing[0]["marks"] as? [[String: Any]] ?? []).dropLast().map { $0 }
        #expect(VegaLiteMarkMatch.difference(reference: missing, dossier: PlotMarks(Self.scene)) == "plot 0, line: 1 series, vl-convert draws 0")
    }
}
