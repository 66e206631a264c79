import Foundation
import Testing

/// Claims end to end: a claim that does not hold fails the build with exit 65 and its values,
/// leaving the previous outputs as they were; the same claim made true builds; prose binding is
/// checked both ways; `stats` shows every verdict.
@Suite(.serialized) struct ClaimCLITests {
    static let report = """
        ---
        title: "Claims"
        date: "2026-11-29"
        data: data/datapackage.json
        analyses:
          - {id: pop, kind: summary, table: towns, field: population}
          - {id: size, kind: correlation, table: towns, x: area_km2, y: population}
        claims:
          - id: many
            holds: "pop.n >= 10"
            says: "The dataset has at least ten towns."
          - id: linked
            holds: size.estimate > 0.5 and not (size.ci contains 0)
            says: "Bigger towns have more people."
        ---

        # Towns

        There are [at least ten towns]{claim=many}, and [bigger towns have *more* people]{claim=linked}
        (r = {{ size.estimate | fixed(2) }}).

        """

    /// A folder with the report and the example data; returns the folder.
    static func project(_ text: String = report) throws -> URL {
        let folder = try Repository.temporaryDirectory("claims")
        try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("docs/examples/data"),
                                         to: folder.appendingPathComponent("data"))
        try text.write(to: folder.appendingPathComponent("report.md"), atomically: true, encoding: .utf8)
        return folder
    }

    static func build(_ folder: URL) throws -> CommandResult {
        try dossier(["build", ".", "--fonts", Repository.root.appendingPathComponent("fonts").path], in: folder)
    }

    /// Every file under `out/` with its bytes.
    static func outputs(_ folder: URL) throws -> [String: Data] {
        let out = folder.appendingPathComponent("out")
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(at: out, includingPropertiesForKeys: nil) else { return files }
        for case let url as URL in walker where !url.hasDirectoryPath {
            files[url.path] = try Data(contentsOf: url)
        }
        return files
    }

    @Test func aClaimThatHoldsBuildsAndStatsJSONListsIt() throws {
        let folder = try Self.project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.build(folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("warning"), "\(result.stderr)")
        let stats = try String(contentsOf: folder.appendingPathComponent("out/stats.json"), encoding: .utf8)
        #expect(stats.contains("\"claims\": [\n    {\n      \"id\": \"many\",\n      \"holds\": \"pop.n >= 10\",\n"
            + "      \"says\": \"The dataset has at least ten towns.\",\n      \"holds_now\": true,\n      \"values\": {\n        \"pop.n\": 12\n      }\n    },"))
        #expect(stats.contains("\"holds_now\": true,\n      \"values\": {\n        \"size.estimate\": "))
        // The PDF's text shows the words, not the brackets.
        let pdf = folder.appendingPathComponent("out/\(folder.lastPathComponent).pdf")
        let text = try run("pdftotext", [pdf.path, "-"]).stdout
        #expect(text.contains("at least ten towns"))
        #expect(!text.contains("claim="))
    }

    @Test func aClaimThatDoesNotHoldFailsAndLeavesTheOutputs() throws {
        let folder = try Self.project()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.build(folder).status == 0)
        let before = try Self.outputs(folder)
        try Self.report.replacingOccurrences(of: "pop.n >= 10", with: "pop.n >= 100")
            .write(to: folder.appendingPathComponent("report.md"), atomically: true, encoding: .utf8)
        let result = try Self.build(folder)
        #expect(result.status == 65)
        #expect(result.stderr == "report.md:10:12: error: claim \"many\" does not hold: pop.n >= 100, with pop.n = 12\n")
        #expect(try Self.outputs(folder) == before)
    }

    @Test func aFalseIntervalClaimShowsTheInterval() throws {
        let folder = try Self.project(Self.report.replacingOccurrences(of: "not (size.ci contains 0)", with: "size.ci contains 0"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.build(folder)
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("report.md:13:12: error: claim \"linked\" does not hold: size.estimate > 0.5 and size.ci contains 0, "
                                        + "with size.estimate = 0."), "\(result.stderr)")
        #expect(result.stderr.contains(", size.ci = [0."), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    @Test func aClaimTheTextNeverNamesIsAWarning() throws {
        let folder = try Self.project(Self.report.replacingOccurrences(of: "[at least ten towns]{claim=many}", with: "at least ten towns"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.build(folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("report.md:9:9: warning: claim \"many\" is not referenced in the text"), "\(result.stderr)")
    }

    @Test func proseNamingAnUndeclaredClaimIsAnError() throws {
        let folder = try Self.project(Self.report.replacingOccurrences(of: "{claim=linked}", with: "{claim=linkd}"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.build(folder)
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("report.md:19:89: error: the text binds words to the claim \"linkd\", which is not declared; "
                                        + "did you mean \"linked\"?"), "\(result.stderr)")
    }

    @Test func findingsAndCaptionsBindToo() throws {
        let text = Self.report
            .replacingOccurrences(of: "claims:\n", with: "findings:\n  - \"[Ten or more]{claim=many} towns.\"\nclaims:\n")
            .replacingOccurrences(of: "[at least ten towns]{claim=many}", with: "at least ten towns")
            .replacingOccurrences(of: "[bigger towns have *more* people]{claim=linked}", with: "bigger towns have more people")
            + "```{table} t\nTowns, [linked by size]{claim=linked}.\n```\n"
        let folder = try Self.project(text.replacingOccurrences(of: "claims:\n", with: "tables:\n  - {id: t, from: towns, columns: [{field: town}]}\nclaims:\n"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.build(folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("warning"), "\(result.stderr)")
    }

    @Test func statsShowsEveryVerdict() throws {
        let folder = try Self.project(Self.report.replacingOccurrences(of: "pop.n >= 10", with: "pop.n >= 100"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = try dossier(["stats", ".", "--json", "--fonts", Repository.root.appendingPathComponent("fonts").path], in: folder)
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.stdout.contains("\"id\": \"many\",\n      \"holds\": \"pop.n >= 100\",\n      \"says\": \"The dataset has at least ten towns.\",\n      \"holds_now\": false,"))
        #expect(json.stdout.contains("\"id\": \"linked\""))
        let text = try dossier(["stats", ".", "--fonts", Repository.root.appendingPathComponent("fonts").path], in: folder)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("claims:\n  many: DOES NOT HOLD\n    says: The dataset has at least ten towns.\n    holds: pop.n >= 100\n    with pop.n = 12\n"))
        #expect(text.stdout.contains("  linked: holds\n"))
    }

    @Test func theClaimsAppendixListsEveryClaim() throws {
        let folder = try Self.project(Self.report.replacingOccurrences(of: "claims:\n", with: "appendix: {claims: true}\nclaims:\n"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.build(folder)
        #expect(result.status == 0, "\(result.stderr)")
        let pdf = folder.appendingPathComponent("out/\(folder.lastPathComponent).pdf")
        let text = try run("pdftotext", ["-layout", pdf.path, "-"]).stdout
        #expect(text.contains("2 Claims checked by this build"), "\(text)")
        for expected in ["Condition:", "Values:", "The dataset has at least", "pop.n >= 10", "pop.n = 12", "size.estimate = 0.974887", "holds."] {
            #expect(text.contains(expected), "\(expected) not in \(text)")
        }
    }

    @Test func theAppendixRejectsUnknownKeys() throws {
        let folder = try Self.project(Self.report.replacingOccurrences(of: "claims:\n", with: "appendix: {claims: true, sources: true}\nclaims:\n"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.build(folder)
        #expect(result.status == 65)
        #expect(result.stderr.contains("report.md:8:35: error: in appendix.sources: unknown key \"sources\" in the appendix"), "\(result.stderr)")
    }

    @Test func aMisspeltSpanIsAnError() throws {
        let folder = try Self.project(Self.report.replacingOccurrences(of: "{claim=linked}", with: "{clam=linked}"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.build(folder)
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("report.md:19:83: error: \"{clam=…}\" after \"[words]\" binds nothing; did you mean \"{claim=…}\"?"),
                "\(result.stderr)")
    }

    @Test func everyFalseClaimIsNamed() throws {
        let folder = try Self.project(Self.report.replacingOccurrences(of: "pop.n >= 10", with: "pop.n >= 100")
            .replacingOccurrences(of: "size.estimate > 0.5", with: "size.estimate > 0.99"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.build(folder)
        #expect(result.status == 65)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 2, "\(result.stderr)")
        #expect(lines.first == "report.md:10:12: error: claim \"many\" does not hold: pop.n >= 100, with pop.n = 12")
        #expect(lines.last?.hasPrefix("report.md:13:12: error: claim \"linked\" does not hold: size.estimate > 0.99 and not (size.ci contains 0), with size.estimate = 0.97") == true,
                "\(result.stderr)")
    }

    @Test func anUndeclaredClaimInAFindingIsReportedThere() throws {
        let folder = try Self.project(Self.report.replacingOccurrences(of: "claims:\n", with: "findings:\n  - \"Some [words]{claim=mnay}.\"\nclaims:\n"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.build(folder)
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("report.md:9:25: error: the text binds words to the claim \"mnay\", which is not declared; "
                                        + "did you mean \"many\"?"), "\(result.stderr)")
    }
}
