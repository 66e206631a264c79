import CairoKit
import DossierBase
import Foundation
import Testing
@testable import DossierCharts

/// Text blocks (a report page's laid-out paragraphs), placed groups and links: drawn by the
/// Cairo renderer as the layout was measured, dumped, moved.
@Suite struct SceneTextBlockTests {
    static let markup = "A <b>paragraph</b> long enough to break into several lines when it is wrapped at a narrow width."

    static func page(_ typesetter: Typesetter) throws -> Scene {
        let layout = try TextLayout(markup, font: Font(family: "Noto Sans", size: 9), typesetter: typesetter, width: 120,
                                    justify: true, markup: true)
        let block = SceneTextBlock(id: "text", layout: layout, color: .black, position: ScenePoint(20, 30), lines: 1..<3,
                                   links: [SceneLink(rect: SceneRect(x: 20, y: 30, width: 40, height: 10), target: .uri("https://example.org"))])
        return Scene(width: 200, height: 120, background: nil, items: [.textBlock(block)])
    }

    /// A block drawn by a renderer on another typesetter is shaped again with the same
    /// parameters: the same SVG bytes as with the layout it carries.
    @Test func anotherTypesetterDrawsTheSameText() throws {
        let prepared = try ChartFixture.withTypesetter { typesetter in
            try ChartExporter.render(try Self.page(typesetter), as: .svg, typesetter: typesetter)
        }
        let other = try Typesetter(fontDirectory: SpecFixture.repo.appendingPathComponent("fonts").path)
        let scene = try ChartFixture.withTypesetter { try Self.page($0) }
        let reshaped = try ChartExporter.render(scene, as: .svg, typesetter: other)
        #expect(reshaped == prepared)
        #expect(String(decoding: prepared, as: UTF8.self).contains("https://example.org"))
    }

    /// The dump names the lines drawn, the line breaks, the markup and the links.
    @Test func dumpShowsLinesBreaksAndLinks() throws {
        let dump = try ChartFixture.withTypesetter { try Self.page($0).dump() }
        let lines = dump.split(separator: "\n").map(String.init)
        #expect(lines[1].hasPrefix("  textblock text @20,30 wrap=120 justify Noto Sans 9.0pt #000000"))
        #expect(lines[1].contains("lines=1..<3 of "))
        #expect(lines[1].contains("breaks=0,"))
        #expect(lines[2] == "    markup \"\(Self.markup)\"")
        #expect(lines[3] == "    link [20 30 40 10] https://example.org")
    }

    /// A placed chart is a group with a transform; moving it moves the placement, not the
    /// chart's own coordinates.
    @Test func placedSceneMovesByItsTransform() throws {
        let chart = Scene(width: 100, height: 50, items: [.path(ScenePath(id: "bar", segments: [.rect(SceneRect(x: 1, y: 2, width: 3, height: 4))], fill: .black))])
        let group = chart.placed(id: "chart", at: (10, 20), scale: 0.5)
        #expect(group.clip == SceneRect(x: 0, y: 0, width: 100, height: 50))
        #expect(group.background == .white)
        guard case .group(let moved) = SceneItem.group(group).offset(5, 5, prefix: "v/") else {
            Issue.record("not a group")
            return
        }
        #expect(moved.transform == SceneTransform(x: 15, y: 25, scale: 0.5))
        #expect(moved.items.first == .path(ScenePath(id: "v/bar", segments: [.rect(SceneRect(x: 1, y: 2, width: 3, height: 4))], fill: .black)))
        var recorder = RecordingRenderer()
        recorder.render(Scene(width: 200, height: 100, background: nil, items: [.group(moved), .textBlock(try Self.textBlock())]))
        #expect(recorder.calls == ["begin v/chart", "path v/bar", "end v/chart", "textBlock note"])
    }

    static func textBlock() throws -> SceneTextBlock {
        try ChartFixture.withTypesetter { typesetter in
            SceneTextBlock(id: "note", layout: try typesetter.layout("Note", font: Font(family: "Noto Sans", size: 8)),
                           color: .black, position: ScenePoint(0, 0))
        }
    }
}
