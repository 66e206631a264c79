@testable import DossierBuild
import DossierCharts
import Foundation
import Testing

/// Issue 21's measure: each of Vega-Lite's 94 static gallery specs (Fixtures/vega-lite-gallery,
/// a copy of ../shared/reference/vega-lite with its licence) is built as a figure of its own,
/// and either draws the marks vl-convert draws (Fixtures/vega-lite-reference, by
/// scripts/vega_lite_reference.py; the rule is ``VegaLiteMarkMatch``), or fails with a message
/// naming what it lacks. Writes each spec's outcome to `<tmp>/dossier-vega-lite-gallery.json`
/// for the side-by-side sheet (bench/vega_lite_sheet.py).
@Suite struct VegaLiteGalleryTests {
    enum Outcome: Equatable {
        case matched
        case mismatch(String)
        case unsupported(String)
        case unclear(String)
        case skipped(String)

        var status: String {
            switch self {
            case .matched: return "match"
            case .mismatch: return "mismatch"
            case .unsupported: return "unsupported"
            case .unclear: return "unclear error"
            case .skipped: return "skipped"
            }
        }

        var detail: String {
            switch self {
            case .matched: return ""
            case .mismatch(let s), .unsupported(let s), .unclear(let s), .skipped(let s): return s
            }
        }
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let fonts = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fonts")

    /// Messages that are a decoder's words, not a statement of what is missing.
    static let rawMessages = ["Expected to decode", "Cannot initialize", "instead.", "DecodingError", "expected Scalar",
                              "expected Mapping", "couldn’t be read", "internal error"]

    @Test func galleryDrawsAsVegaLiteDraws() throws {
        let gallery = Self.fixtures.appendingPathComponent("vega-lite-gallery")
        let names = try FileManager.default.contentsOfDirectory(atPath: gallery.appendingPathComponent("specs").path)
            .filter { $0.hasSuffix(".vl.json") }.map { String($0.dropLast(".vl.json".count)) }.sorted()
        #expect(names.count == 94)
        let outcomes = try Self.run(names, gallery: gallery)
        var matched = 0
        for (name, outcome) in zip(names, outcomes) {
            switch outcome {
            case .matched:
                matched += 1
            case .mismatch(let why) where VegaLiteGalleryExpectations.knownMismatches[name] == nil:
                Issue.record("\(name) builds but does not draw what vl-convert draws: \(why)")
            case .unclear(let message) where VegaLiteGalleryExpectations.knownUnclearErrors[name] == nil:
                Issue.record("\(name) fails without naming what it lacks: \(message)")
            default:
                break
            }
        }
        try Self.writeStatus(names, outcomes)
        print("Vega-Lite gallery: \(matched) of \(names.count) specs build and match vl-convert; "
              + Dictionary(grouping: outcomes, by: \.status).map { "\($0.key) \($0.value.count)" }.sorted().joined(separator: ", "))
        #expect(matched >= VegaLiteGalleryExpectations.matchedFloor)
    }

    /// Each spec built in one scratch project holding the gallery's data, one at a time.
    static func run(_ names: [String], gallery: URL) throws -> [Outcome] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-vl-gallery-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let report = root.appendingPathComponent("reports/g")
        try FileManager.default.createDirectory(at: report.appendingPathComponent("specs"), withIntermediateDirectories: true)
        try Data().write(to: root.appendingPathComponent(".dossier-project"))
        try FileManager.default.copyItem(at: gallery.appendingPathComponent("data"), to: report.appendingPathComponent("data"))
        return try names.map { name in
            if let why = VegaLiteGalleryExpectations.skipped[name] { return .skipped(why) }
            let referenceURL = fixtures.appendingPathComponent("vega-lite-reference/\(name).json")
            let reference = try JSONSerialization.jsonObject(with: Data(contentsOf: referenceURL)) as? [String: Any] ?? [:]
            if let error = reference["error"] as? String { return .skipped("vl-convert fails: \(error)") }
            let spec = "specs/\(name).vl.json"
            try FileManager.default.removeItem(atPath: report.appendingPathComponent("specs").path)
            try FileManager.default.createDirectory(at: report.appendingPathComponent("specs"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: gallery.appendingPathComponent(spec), to: report.appendingPathComponent(spec))
            let figure = name.replacingOccurrences(of: "_", with: "-")
            let text = "---\ntitle: \"Gallery\"\ndate: \"2026-12-06\"\nfigures:\n  - id: \(figure)\n    vega-lite: \(spec)\n---\n\n# G\n\n```{figure} \(figure)\nA.\n```\n"
            try Data(text.utf8).write(to: report.appendingPathComponent("report.md"))
            let scene: Scene
            do {
                let builder = try ReportBuilder(options: BuildOptions(reportDirectory: report, fontDirectory: fonts, selection: .figure(figure)))
                guard let built = try builder.figureScenes()[figure] else { return .unclear("no scene") }
                scene = built
            } catch let error as BuildError {
                let message = "\(error)".replacingOccurrences(of: report.path + "/", with: "")
                if case .internalFailure = error { return .unclear("internal error: " + message) }
                return rawMessages.contains(where: message.contains) ? .unclear(message) : .unsupported(message)
            } catch {
                return .unclear("\(error)")
            }
            let cells = reference["cells"] as? [[String: Any]] ?? []
            if let why = VegaLiteMarkMatch.difference(reference: cells, dossier: PlotMarks(scene)) {
                return .mismatch(why)
            }
            return .matched
        }
    }

    /// `{spec: {status, detail}}` for the side-by-side sheet.
    static func writeStatus(_ names: [String], _ outcomes: [Outcome]) throws {
        var table: [String: [String: String]] = [:]
        for (name, outcome) in zip(names, outcomes) {
            var detail = outcome.detail
            if case .mismatch = outcome, let known = VegaLiteGalleryExpectations.knownMismatches[name] { detail = "known: \(known); \(detail)" }
            table[name] = ["status": outcome.status, "detail": detail]
        }
        let data = try JSONSerialization.data(withJSONObject: table, options: [.sortedKeys, .prettyPrinted])
        try data.write(to: FileManager.default.temporaryDirectory.appendingPathComponent("dossier-vega-lite-gallery.json"))
    }
}
