@testable import DossierBuild
import Foundation
import Testing

/// The body's and findings' expressions printed by the last build with the same stats key
/// (Cache/PrintedExpressionCache.swift): a prose edit prints none and writes the bytes of a
/// build without a cache; a planted value shows (it is reused, not printed again); another stats
/// key (the front matter edited) or a damaged entry knows nothing.
@Suite struct PrintedExpressionCacheTests {
    /// A document build of `project` into `out` with its cache, and the builder it used.
    static func documentBuild(_ project: AnscombeProject) throws -> (files: [String: [UInt8]], builder: ReportBuilder?) {
        var builder: ReportBuilder?
        let options = BuildOptions(reportDirectory: project.report, outputDirectory: project.root.appendingPathComponent("out"),
                                   fontDirectory: AnscombeProject.repository.appendingPathComponent("fonts"),
                                   selection: .document(charts: []), cache: project.cache)
        _ = try ReportBuild.run(options, staging: OutputStaging(directory: options.outputDirectory)) { builder = $0 }
        return (try AnscombeProject.files(in: options.outputDirectory), builder)
    }

    static func entryPath(_ project: AnscombeProject) -> String {
        PrintedExpressionCache.path(cache: project.cache, report: "anscombe")
    }

    @Test func aProseEditPrintsNoExpressionAgain() throws {
        let project = try AnscombeProject()
        defer { project.remove() }
        _ = try project.build(into: "out", cache: true)
        let path = Self.entryPath(project)
        let stored = try #require(BuildCache.payload(of: try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))))

        try project.edit("report.md", replacing: "Only set I\nlooks like", with: "Only the first set\nlooks like")
        let edited = try Self.documentBuild(project)
        #expect(edited.builder?.printedExpressionCount == 0)
        #expect(edited.files == (try SideOutputCacheTests.reference(project, into: "reference-1")))
        let unchanged = try #require(BuildCache.payload(of: try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))))
        #expect(unchanged == stored, "nothing new printed: the entry is not written again")

        // Reused, not printed again: a planted value comes out of the next prose edit.
        var reader = CacheByteReader(stored)
        for _ in PrintedExpressionCache.magic { _ = try reader.byte() }
        let statsKey = try reader.string()
        var values = try #require(PrintedExpressionCache.values(of: stored, statsKey: statsKey))
        #expect(values.count > 3)
        let first = try #require(values.keys.sorted().first)
        values[first] = "PLANTED-VALUE"
        try Data(BuildCache.entry(PrintedExpressionCache.payload(values, statsKey: statsKey))).write(to: URL(fileURLWithPath: path))
        try project.edit("report.md", replacing: "Only the first set\nlooks like", with: "Only set one\nlooks like")
        let planted = try Self.documentBuild(project)
        #expect(String(decoding: try #require(planted.files["anscombe.html"]), as: UTF8.self).contains("PLANTED-VALUE"))

        // A damaged entry knows nothing: every expression printed, the bytes of a build without a cache.
        try Data("damaged".utf8).write(to: URL(fileURLWithPath: path))
        try project.edit("report.md", replacing: "Only set one\nlooks like", with: "Only set I\nlooks like")
        let repaired = try Self.documentBuild(project)
        #expect((repaired.builder?.printedExpressionCount ?? 0) > 3)
        #expect(repaired.files == (try SideOutputCacheTests.reference(project, into: "reference-2")))

        // Another stats key (the front matter edited): the planted value under the old key is not used.
        try Data(BuildCache.entry(PrintedExpressionCache.payload(values, statsKey: statsKey))).write(to: URL(fileURLWithPath: path))
        try project.edit("report.md", replacing: "keywords: [Anscombe, regression,", with: "keywords: [Anscombe, least squares, regression,")
        let rekeyed = try Self.documentBuild(project)
        #expect((rekeyed.builder?.printedExpressionCount ?? 0) > 3)
        #expect(rekeyed.files == (try SideOutputCacheTests.reference(project, into: "reference-3")))
    }

    @Test func payloadsReadBackOnlyWholeAndUnderTheirKey() throws {
        let values = ["a | fixed(2)": "1.50", " b ": "São Paulo", "": ""]
        let payload = PrintedExpressionCache.payload(values, statsKey: "k1")
        #expect(PrintedExpressionCache.values(of: payload, statsKey: "k1") == values)
        #expect(PrintedExpressionCache.values(of: payload, statsKey: "k2") == nil)
        #expect(PrintedExpressionCache.values(of: Array(payload.dropLast()), statsKey: "k1") == nil)
        #expect(PrintedExpressionCache.values(of: payload + [0], statsKey: "k1") == nil)
        #expect(PrintedExpressionCache.payload(values, statsKey: "k1") == payload, "same values, same bytes")
    }
}
