import Foundation
import Testing

/// `dossier new` makes a briefing project that builds with make (through dossier.mk), never
/// overwrites; the fonts come from beside the binary, and `check` names a font change.
@Suite struct NewCommandTests {
    static let csv = """
        station,region,rain_mm,measured
        Alpha,north,82.5,2024-01-31
        Alpha,north,61.0,2024-02-29
        Bravo,south,40.2,2024-01-31
        Charlie,north,77.1,2024-01-31

        """

    private func folder() throws -> URL {
        let root = try Repository.temporaryDirectory("new")
        try Self.csv.write(to: root.appendingPathComponent("rainfall.csv"), atomically: true, encoding: .utf8)
        return root
    }

    @Test func projectHasItsFilesAndBuildsWithMake() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try dossier(["new", "brief", "--from", "rainfall.csv"], in: root, environment: ["SOURCE_DATE_EPOCH": "1764547200"])
        #expect(result.status == 0, "\(result.stderr)")
        let project = root.appendingPathComponent("brief")
        for path in ["Makefile", ".gitignore", ".dossier-project", "datasets/datapackage.json", "datasets/rainfall.csv",
                     "reports/rainfall/report.md", ".github/workflows/briefing.yml", ".gitlab-ci.yml"] {
            #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent(path).path), "no \(path)")
        }
        let report = try String(contentsOf: project.appendingPathComponent("reports/rainfall/report.md"), encoding: .utf8)
        #expect(report.contains("data: ../../datasets/datapackage.json"))
        #expect(report.contains("date: \"2025-12-01\""))
        let package = try String(contentsOf: project.appendingPathComponent("datasets/datapackage.json"), encoding: .utf8)
        #expect(package.contains("\"type\": \"number\"") && package.contains("\"type\": \"date\""))
        #expect(package.contains("by dossier new"))
        #expect(try Data(contentsOf: project.appendingPathComponent("datasets/rainfall.csv")) == Data(Self.csv.utf8))

        // The Makefile finds dossier.mk through the binary (`--print-mk-path`): here the
        // repository's make/dossier.mk, which the Makefile of this repository includes too.
        let printed = try dossier(["--print-mk-path"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(URL(fileURLWithPath: printed).standardizedFileURL == Repository.root.appendingPathComponent("make/dossier.mk").standardizedFileURL)
        let make = try run("make", ["--no-print-directory", "DOSSIER=\(Repository.binary.path)"], in: project)
        #expect(make.status == 0, "\(make.stdout)\n\(make.stderr)")
        #expect(make.stdout.contains("PDF     reports/rainfall/out/rainfall.pdf"))
        #expect(make.stdout.contains("CHART   reports/rainfall/out/charts/rows-by-station"), "make drew no chart: \(make.stdout)")
        for path in ["rainfall.pdf", "charts/rows-by-station.svg", "charts/rows-by-station.png"] {
            #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent("reports/rainfall/out/\(path)").path), "no \(path)")
        }
        #expect(try run("make", ["-q", "DOSSIER=\(Repository.binary.path)"], in: project).status == 0, "a second make would do work")
        let check = try run("make", ["--no-print-directory", "check", "DOSSIER=\(Repository.binary.path)"], in: project)
        #expect(check.status == 0, "\(check.stdout)\n\(check.stderr)")

        // After a data edit, `make -q` and `make -n` (with or without other flags) only look:
        // the make state is as it was, and the next make redraws the chart.
        let csv = project.appendingPathComponent("datasets/rainfall.csv")
        try (String(contentsOf: csv, encoding: .utf8) + "Echo,west,5.0,2024-03-31\n").write(to: csv, atomically: true, encoding: .utf8)
        let state = project.appendingPathComponent(".build/make/rainfall")
        let before = try FileManager.default.contentsOfDirectory(atPath: state.path).sorted()
        #expect(try run("make", ["-q", "DOSSIER=\(Repository.binary.path)"], in: project).status == 1)
        let dryRun = try run("make", ["--no-print-directory", "-n", "DOSSIER=\(Repository.binary.path)"], in: project)
        #expect(dryRun.stdout.contains("touch .build/make/rainfall/figure-rows-by-station.stamp"), "\(dryRun.stdout)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: state.path).sorted() == before, "a dry run wrote the make state")
        let redraw = try run("make", ["--no-print-directory", "DOSSIER=\(Repository.binary.path)"], in: project)
        #expect(redraw.status == 0 && redraw.stdout.contains("CHART   reports/rainfall/out/charts/rows-by-station"), "a CSV edit redrew no chart: \(redraw.stdout)\n\(redraw.stderr)")
        let recheck = try run("make", ["--no-print-directory", "check", "DOSSIER=\(Repository.binary.path)"], in: project)
        #expect(recheck.status == 0, "\(recheck.stdout)\n\(recheck.stderr)")
    }

    @Test func neverOverwritesAndWritesNothing() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let project = root.appendingPathComponent("brief")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        try "mine\n".write(to: project.appendingPathComponent("Makefile"), atomically: true, encoding: .utf8)
        let result = try dossier(["new", "brief", "--from", "rainfall.csv"], in: root)
        #expect(result.status == 64)
        #expect(result.stderr.contains("brief/Makefile: error: already exists; dossier init and dossier new never overwrite a file"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.path) == ["Makefile"])
        #expect(try String(contentsOf: project.appendingPathComponent("Makefile"), encoding: .utf8) == "mine\n")

        #expect(try dossier(["new", "other", "--from", "missing.csv"], in: root).status == 66)
        #expect(try dossier(["new", "other", "--report", "a/b"], in: root).status == 64)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("other").path))
    }

    /// A built report's manifest records the fonts' identity, not their folder; after a font
    /// changes, `check` names it as the reason.
    @Test func checkNamesAFontChange() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let fonts = root.appendingPathComponent("fonts")
        try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("fonts"), to: fonts)
        try Data().write(to: root.appendingPathComponent(".dossier-project"))
        #expect(try dossier(["init", "reports/r", "--from", "rainfall.csv"], in: root).status == 0)
        let build = try dossier(["build", "reports/r"], in: root)
        #expect(build.status == 0, "\(build.stderr)")
        let manifest = try String(contentsOf: root.appendingPathComponent("reports/r/out/manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"fonts\": {") && manifest.contains("{\"path\": \"NotoSans-Regular.ttf\""))
        #expect(!manifest.contains("fonts/"), "the manifest names the fonts' folder")
        #expect(try dossier(["check", "reports/r"], in: root).status == 0)

        try FileManager.default.removeItem(at: fonts.appendingPathComponent("NotoSerif-BoldItalic.ttf"))
        let check = try dossier(["check", "reports/r"], in: root)
        #expect(check.status == 1)
        #expect(check.stderr.contains("inputs changed since the manifest: the fonts (NotoSerif-BoldItalic.ttf removed; font identity "),
                "\(check.stderr)")
    }
}
