import CairoKit
import DossierBase
@testable import DossierBuild
import DossierCharts
import Foundation
import Testing

/// The figures' scenes kept in the cache (Cache/ReportBuilder+SceneCache.swift): a scene read
/// back from its bytes (SceneReading) is the scene written, for every item, segment and
/// optional, and for every figure of the committed reports; damaged bytes are a miss; and a
/// prose edit lays the document out with the scenes from the cache, not compiled again
/// (proven by a planted scene showing in the output), with the same bytes as a build without
/// a cache.
@Suite struct SceneCacheTests {
    static let repository = AnscombeProject.repository

    /// A scene with every kind of item, path segment and optional value, set and unset.
    static func everyKind() -> Scene {
        let font = Font(family: "Noto Sans", size: 8.5, weight: .semibold, italic: true)
        let segments: [PathSegment] = [
            .move(ScenePoint(0.1, -2)), .line(ScenePoint(1e-300, 3)),
            .curve(control1: ScenePoint(1, 2), control2: ScenePoint(3, 4), to: ScenePoint(5, 6)), .close,
            .rect(SceneRect(x: 1, y: 2, width: 3, height: 4)), .circle(center: ScenePoint(7, 8), radius: 0.5),
        ]
        let dashed = ScenePath(id: "layer0/bar/São Paulo", segments: segments, fill: Color(red: 0.1, green: 0.2, blue: 0.3, alpha: 0.4),
                               stroke: .black, lineWidth: 0.75, dash: [2, 1.5], evenOdd: true, round: true)
        let bare = ScenePath(id: "", segments: [])
        var wrapped = SceneText(id: "title", text: "Panamá — Querétaro", font: font, color: .black, position: ScenePoint(1, 2),
                                anchor: .middle, baseline: .alphabetic, rotation: -90, wrapWidth: 120, width: 40.25, height: 11, ascent: 8.5)
        wrapped.alignment = .end
        let plain = SceneText(id: "axis/label/0", text: "", font: Font(family: "Inter", size: 7), color: .white, position: ScenePoint(0, 0),
                              width: 0, height: 0, ascent: 0)
        let markers = SceneMarkers(id: "points", symbols: [MarkerSymbol(radius: 2, fill: .black, stroke: nil, lineWidth: 0),
                                                           MarkerSymbol(radius: 3, fill: nil, stroke: .white, lineWidth: 1)],
                                   positions: [ScenePoint(1, 2), ScenePoint(3, 4)], symbolIndices: [1, 0])
        let inner = SceneGroup(id: "inner", items: [.markers(SceneMarkers(id: "one", symbols: [], positions: []))])
        let group = SceneGroup(id: "panel", transform: SceneTransform(x: 1, y: 2, scale: 0.5), clip: SceneRect(x: 0, y: 0, width: 9, height: 9),
                               background: .white, items: [.path(bare), .group(inner)])
        return Scene(width: 480.5, height: 300, background: nil, title: "Ties", summary: "A chart.",
                     items: [.path(dashed), .text(wrapped), .text(plain), .markers(markers), .group(group), .group(SceneGroup(id: "empty"))])
    }

    @Test func aSceneReadsBackAsItWasWritten() throws {
        for scene in [Self.everyKind(), Scene(width: 1, height: 2)] {
            let bytes = SceneBytes.of(scene)
            let read = try SceneReading.scene(from: bytes)
            #expect(read == scene)
            #expect(SceneBytes.of(read) == bytes, "every property read back, in order")
            #expect(SceneReading.canRead(scene))
        }
    }

    @Test func damagedBytesAndTextBlocksAreNotRead() throws {
        let bytes = SceneBytes.of(Self.everyKind())
        #expect(throws: CacheEntryDamaged.self) { try SceneReading.scene(from: Array(bytes.dropLast())) }
        #expect(throws: CacheEntryDamaged.self) { try SceneReading.scene(from: bytes + [0]) }
        #expect(throws: CacheEntryDamaged.self) { try SceneReading.scene(from: Array(bytes.prefix(40))) }
        // A text block's bytes leave its Pango layout out: such a scene is neither stored nor read.
        let typesetter = try Typesetter(fontDirectory: Self.repository.appendingPathComponent("fonts").path)
        let layout = try typesetter.layout("A paragraph.", font: Font(family: "Inter", size: 10), width: 100)
        let block = SceneTextBlock(id: "b", layout: layout, color: .black, position: ScenePoint(0, 0))
        let withBlock = Scene(width: 10, height: 10, items: [.group(SceneGroup(id: "g", items: [.textBlock(block)]))])
        #expect(!SceneReading.canRead(withBlock))
        #expect(throws: CacheEntryDamaged.self) { try SceneReading.scene(from: SceneBytes.of(withBlock)) }
    }

    @Test(arguments: ["anscombe", "china-lac-local"])
    func everyFigureOfTheCommittedReportsReadsBack(report: String) throws {
        let options = BuildOptions(reportDirectory: Self.repository.appendingPathComponent("reports/\(report)"),
                                   fontDirectory: Self.repository.appendingPathComponent("fonts"))
        let scenes = try ReportBuilder(options: options).figureScenes()
        #expect(!scenes.isEmpty)
        for (id, scene) in scenes {
            #expect(SceneReading.canRead(scene), "\(id)")
            let bytes = SceneBytes.of(scene)
            let read = try SceneReading.scene(from: bytes)
            #expect(read == scene, "\(id)")
            #expect(SceneBytes.of(read) == bytes, "\(id)")
        }
    }

    @Test func aProseEditLaysTheDocumentOutWithTheCachedScenes() throws {
        let project = try AnscombeProject.lineOnly()
        defer { project.remove() }
        _ = try project.build(into: "first", cache: true)
        #expect(project.entries("scene") == 1, "the compiled figure's scene is stored")
        let entry = try #require(project.entryFiles("scene").first)
        let payload = try #require(BuildCache.payload(of: try [UInt8](Data(contentsOf: URL(fileURLWithPath: entry)))))
        var scene = try SceneReading.scene(from: payload)
        #expect(scene.title != "Planted scene")

        // A prose edit: the same bytes as a build without a cache, and no new scene entry.
        try project.edit("report.md", replacing: "Only set I\nlooks like", with: "Only the first set\nlooks like")
        let edited = try project.build(into: "edited", cache: true, selection: .document(charts: []))
        #expect(edited == (try project.build(into: "edited-reference", cache: false, selection: .document(charts: []))))
        #expect(project.entries("scene") == 1)

        // Reuse, not a compilation to the same bytes: a planted scene (another title, which
        // the HTML prints in the figure's name) comes out of the next prose edit.
        scene.title = "Planted scene"
        try Data(BuildCache.entry(SceneBytes.of(scene))).write(to: URL(fileURLWithPath: entry))
        try project.edit("report.md", replacing: "Only the first set\nlooks like", with: "Only set one\nlooks like")
        let planted = try project.build(into: "planted", cache: true, selection: .document(charts: []))
        let html = String(decoding: try #require(planted["anscombe.html"]), as: UTF8.self)
        #expect(html.contains("Figure 1: Planted scene"))

        // A damaged entry is a miss: the figure is compiled again and its entry written anew.
        try Data("damaged".utf8).write(to: URL(fileURLWithPath: entry))
        try project.edit("report.md", replacing: "Only set one\nlooks like", with: "Only the set I\nlooks like")
        let repaired = try project.build(into: "repaired", cache: true, selection: .document(charts: []))
        #expect(repaired == (try project.build(into: "repaired-reference", cache: false, selection: .document(charts: []))))
        let rewritten = try #require(BuildCache.payload(of: try [UInt8](Data(contentsOf: URL(fileURLWithPath: entry)))))
        #expect(try SceneReading.scene(from: rewritten).title != "Planted scene")
    }
}
