import CairoKit
import DossierCharts
import Foundation
import Testing
@testable import DossierBuild

/// Page SVGs written from recorded glyph runs (``PageGlyphSnapshot``) on another thread than
/// the one that laid the pages out are the bytes main wrote from Pango layouts: the committed
/// pages of both reports, and, for what those pages lack (strike-through, struck links,
/// combining marks), the SHA-256s main's binary gave a report with `Fixtures/glyph-runs`'s
/// extra body. Any lost advance, offset, colour, bar or outline changes these bytes.
@Suite("Glyph-run snapshots")
struct GlyphRunSnapshotTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/glyph-runs")

    /// The pages of the report in `directory`: as ``DocumentLayout/pageSVG(_:scene:)`` draws
    /// them from the layouts, and as written from their glyph runs on a thread of their own,
    /// with a typesetter of its own (which outlines the glyphs).
    static func pages(of directory: URL) throws -> (fromLayouts: [[UInt8]], fromRuns: [[UInt8]]) {
        let options = BuildOptions(reportDirectory: directory, fontDirectory: repository.appendingPathComponent("fonts"))
        let layout = try ReportBuilder(options: options).documentLayout()
        let scenes = try layout.pages.indices.map { try layout.pageScene($0) }
        let snapshot = try PageGlyphSnapshot(layout: layout, scenes: scenes)
        let fromLayouts = try scenes.indices.map { try layout.pageSVG($0, scene: scenes[$0]) }
        let fonts = options.fontDirectory.path
        return (fromLayouts, try OtherThread.run {
            let typesetter = try Typesetter(fontDirectory: fonts)
            return try scenes.indices.map { try snapshot.svg($0, typesetter: typesetter) }
        })
    }

    /// Where `a` and `b` first differ (a few bytes of each), or nil when they are the same.
    static func difference(_ a: [UInt8], _ b: [UInt8]) -> String? {
        guard a != b else { return nil }
        let index = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        let excerpt = { (bytes: [UInt8]) in String(decoding: bytes[max(0, index - 40)..<min(bytes.count, index + 40)], as: UTF8.self) }
        return "first difference at byte \(index) of \(a.count)/\(b.count): …\(excerpt(a))… against …\(excerpt(b))…"
    }

    @Test("pages written from glyph runs are the committed pages", arguments: ["anscombe", "china-lac-local"])
    func committedPages(report: String) throws {
        let directory = Self.repository.appendingPathComponent("reports/\(report)")
        let (fromLayouts, fromRuns) = try Self.pages(of: directory)
        #expect(fromRuns.count == fromLayouts.count)
        for (index, bytes) in fromRuns.enumerated() {
            let committed = try [UInt8](Data(contentsOf: directory.appendingPathComponent(String(format: "out/pages/page-%02d.svg", index + 1))))
            #expect(Self.difference(bytes, committed) == nil, "page \(index + 1) of \(report)")
            #expect(Self.difference(bytes, fromLayouts[index]) == nil, "page \(index + 1) of \(report), drawn from its layouts")
        }
    }

    @Test("struck, linked, footnoted and combining text: the bytes main wrote")
    func struckLinkedAndCombiningText() throws {
        let project = try AnscombeProject()
        defer { project.remove() }
        let reportFile = project.report.appendingPathComponent("report.md")
        let extra = try String(contentsOf: Self.fixtures.appendingPathComponent("extra-body.md"), encoding: .utf8)
        try (try String(contentsOf: reportFile, encoding: .utf8) + extra).write(to: reportFile, atomically: true, encoding: .utf8)
        let expected = try String(contentsOf: Self.fixtures.appendingPathComponent("main-pages.sha256"), encoding: .utf8)
            .split(separator: "\n").map { String($0.prefix(64)) }
        let (fromLayouts, fromRuns) = try Self.pages(of: project.report)
        #expect(fromRuns.map(SHA256.hex) == expected)
        #expect(zip(fromRuns, fromLayouts).allSatisfy { $0 == $1 })
        // What the fixture is for: a strike-through bar and coloured (link) runs are drawn.
        let text = fromRuns.map { String(decoding: $0, as: UTF8.self) }.joined()
        #expect(text.contains("\"/>\n<rect x=\""), "a strike-through bar after a glyph")
        #expect(text.contains(">\n<g fill=\"#"), "a coloured run inside a text")
    }

    @Test("a scene that draws a text its runs lack, or fewer texts, throws")
    func mismatchedRunsThrow() throws {
        let options = BuildOptions(reportDirectory: Self.repository.appendingPathComponent("reports/anscombe"),
                                   fontDirectory: Self.repository.appendingPathComponent("fonts"))
        let layout = try ReportBuilder(options: options).documentLayout()
        let scene = try layout.pageScene(0)
        let recorder = GlyphRunRecorder(typesetter: layout.typesetter)
        let runs = try GlyphRunRenderer.record(scene, typesetter: layout.typesetter, into: recorder)
        #expect(runs.texts.count > 2)
        #expect(recorder.outlines.fontCount > 1)
        let typesetter = layout.typesetter
        _ = try GlyphRunRenderer.svg(scene, runs: runs, outlines: recorder.outlines, typesetter: typesetter)
        let footer = try #require(scene.items.firstIndex { if case .textBlock = $0 { return true } else { return false } })
        var fewer = scene
        fewer.items.remove(at: footer)
        #expect(throws: CairoError.self) {
            try GlyphRunRenderer.svg(fewer, runs: runs, outlines: recorder.outlines, typesetter: typesetter)
        }
        var more = scene
        more.items.append(scene.items[footer])
        #expect(throws: CairoError.self) {
            try GlyphRunRenderer.svg(more, runs: runs, outlines: recorder.outlines, typesetter: typesetter)
        }
    }

    @Test("the snapshot shares the page scenes: no copy, the same layouts")
    func snapshotSharesTheScenes() throws {
        let options = BuildOptions(reportDirectory: Self.repository.appendingPathComponent("reports/anscombe"),
                                   fontDirectory: Self.repository.appendingPathComponent("fonts"))
        let layout = try ReportBuilder(options: options).documentLayout()
        let scenes = try layout.pages.indices.map { try layout.pageScene($0) }
        let snapshot = try PageGlyphSnapshot(layout: layout, scenes: scenes)
        #expect(snapshot.scenes == scenes)
        let made = scenes.flatMap(\.textBlocks).map(\.prepared)
        let shared = snapshot.scenes.flatMap(\.textBlocks).map(\.prepared)
        #expect(made.count > 10 && made.allSatisfy { $0 != nil })
        #expect(shared.count == made.count && zip(shared, made).allSatisfy { $0 === $1 })
    }
}
