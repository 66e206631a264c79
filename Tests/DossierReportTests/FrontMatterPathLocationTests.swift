@testable import DossierReport
import Testing

/// Errors about a path in the front matter point at the path itself.
@Suite struct FrontMatterPathLocationTests {
    private func source(_ frontMatter: String) throws -> ReportSource {
        try ReportSource(text: "---\ntitle: t\ndate: \"2026-11-29\"\n" + frontMatter + "---\nbody\n", path: "r.md")
    }

    @Test func theDataPathIsLocatedAtItsValue() throws {
        let report = try source("data: \"../d/datapackage.json\"\n")
        #expect(report.location(ofPath: "../d/datapackage.json", key: "data").description == "r.md:4:8")
    }

    @Test func aShapesEntryIsLocatedInBlockAndFlowStyle() throws {
        let block = try source("data: d.json\nshapes:\n  # the map\n  lac: ../x.geojson\n  other: y.geojson\n")
        #expect(block.location(ofPath: "y.geojson", key: "shapes", entry: "other").description == "r.md:8:10")
        #expect(block.location(ofPath: "../x.geojson", key: "shapes", entry: "lac").description == "r.md:7:8")
        let flow = try source("data: d.json\nshapes: {a: one.geojson, b: two.geojson}\n")
        #expect(flow.location(ofPath: "two.geojson", key: "shapes", entry: "b").description == "r.md:5:29")
    }
}
