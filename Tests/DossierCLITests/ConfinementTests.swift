import Foundation
import Testing

/// Nothing outside the project is read: a path a data package or a report names that leads
/// outside the project root (by `../`, an absolute path or a symlink), a URL or a device is an
/// error at the position of the string naming it (exit 65), and the file is never opened.
@Suite struct ConfinementTests {
    /// In every file outside the project: it must never appear in any output.
    static let token = "OUTSIDE-CONTENT-TOKEN-4b7e"
    static let fonts = Repository.root.appendingPathComponent("fonts").path

    /// `top/outside/` (a CSV, a schema, a package and shapes, all holding the token) and
    /// `top/project/` (marked with `.dossier-project`) holding `rep/` (the map example report of
    /// docs/report-format.md with docs/examples/data) and `pkg/` (one CSV resource).
    private func layout() throws -> (top: URL, project: URL) {
        let manager = FileManager.default
        let top = try Repository.temporaryDirectory("confinement")
        let outside = top.appendingPathComponent("outside")
        let project = top.appendingPathComponent("project")
        try manager.createDirectory(at: outside, withIntermediateDirectories: true)
        try manager.createDirectory(at: project.appendingPathComponent("rep"), withIntermediateDirectories: true)
        try manager.createDirectory(at: project.appendingPathComponent("pkg"), withIntermediateDirectories: true)
        try Data().write(to: project.appendingPathComponent(".dossier-project"))
        let t = Self.token
        try write("a\n\(t)\n\(t)-2\n", outside.appendingPathComponent("secret.csv"))
        try write(#"{"fields": [{"name": "\#(t)", "type": "integer"}]}"#, outside.appendingPathComponent("schema.json"))
        try write(descriptor(path: "secret.csv"), outside.appendingPathComponent("datapackage.json"))
        let shapes = try String(contentsOf: DocsExampleTests.exampleData.appendingPathComponent("regions.geojson"), encoding: .utf8)
        try write(shapes, outside.appendingPathComponent("regions.geojson"))
        try manager.copyItem(at: DocsExampleTests.exampleData, to: project.appendingPathComponent("rep/data"))
        try write(try mapExample(), project.appendingPathComponent("rep/report.md"))
        try write("a\nx\n", project.appendingPathComponent("pkg/ok.csv"))
        return (top, project)
    }

    private func write(_ text: String, _ url: URL) throws { try Data(text.utf8).write(to: url) }

    /// A package of one resource `path` whose field `a` allows only "x": loading a foreign file
    /// would quote its lines in enum errors.
    private func descriptor(path: String, schema: String? = nil, extra: String = "") -> String {
        let schemaText = schema.map { "\"\($0)\"" }
            ?? #"{"fields": [{"name": "a", "type": "string", "constraints": {"enum": ["x"]}}]}"#
        return "{\(extra)\n\"resources\": [\n  {\"name\": \"r\",\n   \"path\": \"\(path)\",\n   \"schema\": \(schemaText)}]}\n"
    }

    /// The example of docs/report-format.md that draws a map (data: on line 4, shapes: on 5).
    private func mapExample() throws -> String {
        let example = try DocsExampleTests.examples().map(\.text).first { $0.contains("shapes: {regions: data/regions.geojson}") }
        return try #require(example)
    }

    private func expectRefused(_ result: CommandResult, at location: String, _ fragment: String, project: URL,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 65, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(location + " error: path \""), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(fragment), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.range(of: Self.token) == nil, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.range(of: Self.token) == nil, sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("rep/out").path), sourceLocation: sourceLocation)
    }

    @Test func resourcePathsOutsideTheProjectAreRefusedAtTheirPosition() throws {
        let (top, project) = try layout()
        defer { try? FileManager.default.removeItem(at: top) }
        let package = project.appendingPathComponent("pkg")
        let secret = top.appendingPathComponent("outside/secret.csv").resolvingSymlinksInPath().path
        try FileManager.default.createSymbolicLink(atPath: package.appendingPathComponent("link.csv").path, withDestinationPath: secret)
        let cases: [(path: String, fragment: String)] = [
            ("../../outside/secret.csv", "path \"../../outside/secret.csv\" leads outside the project"),
            (secret, "leads outside the project"),
            ("link.csv", "path \"link.csv\" leads outside the project"),
            ("file:///etc/passwd", "path \"file:///etc/passwd\" is a URL"),
            ("https://example.com/a.csv", "is a URL"),
            ("/dev/zero", "path \"/dev/zero\" leads outside the project"),
        ]
        for (path, fragment) in cases {
            try write(descriptor(path: path), package.appendingPathComponent("datapackage.json"))
            let result = try dossier(["validate", "pkg/datapackage.json"], in: project)
            expectRefused(result, at: "pkg/datapackage.json:4:12:", fragment, project: project)
        }
    }

    /// A FIFO inside the project is refused without being opened (opening it would hang).
    @Test func aFIFOIsNotARegularFile() throws {
        let (top, project) = try layout()
        defer { try? FileManager.default.removeItem(at: top) }
        #expect(mkfifo(project.appendingPathComponent("pkg/pipe.csv").path, 0o600) == 0)
        try write(descriptor(path: "pipe.csv"), project.appendingPathComponent("pkg/datapackage.json"))
        let result = try dossier(["validate", "pkg/datapackage.json"], in: project)
        expectRefused(result, at: "pkg/datapackage.json:4:12:", "path \"pipe.csv\" names a FIFO (named pipe) — expected a regular file", project: project)
    }

    @Test func aSchemaPathOutsideTheProjectIsRefused() throws {
        let (top, project) = try layout()
        defer { try? FileManager.default.removeItem(at: top) }
        try write(descriptor(path: "ok.csv", schema: "../../outside/schema.json"), project.appendingPathComponent("pkg/datapackage.json"))
        let result = try dossier(["validate", "pkg/datapackage.json"], in: project)
        expectRefused(result, at: "pkg/datapackage.json:5:14:", "path \"../../outside/schema.json\" leads outside the project", project: project)
    }

    @Test func dataAndShapesOutsideTheProjectAreRefusedInTheFrontMatter() throws {
        let (top, project) = try layout()
        defer { try? FileManager.default.removeItem(at: top) }
        let report = project.appendingPathComponent("rep/report.md")
        let original = try String(contentsOf: report, encoding: .utf8)
        #expect(try dossier(["build", "rep", "--fonts", Self.fonts], in: project).status == 0)
        try FileManager.default.removeItem(at: project.appendingPathComponent("rep/out"))

        let outsidePackage = top.appendingPathComponent("outside/datapackage.json").resolvingSymlinksInPath().path
        for (line, fragment) in [("data: ../../outside/datapackage.json", "leads outside the project"),
                                 ("data: \(outsidePackage)", "leads outside the project"),
                                 ("data: /dev/zero", "path \"/dev/zero\" leads outside the project"),
                                 ("data: http://example.com/datapackage.json", "is a URL")] {
            try write(original.replacingOccurrences(of: "data: data/datapackage.json", with: line), report)
            for command in [["build", "rep"], ["stats", "rep"], ["stats", "rep", "--json"]] {
                let result = try dossier(command + ["--fonts", Self.fonts], in: project)
                expectRefused(result, at: "rep/report.md:4:7:", fragment, project: project)
            }
        }
        try write(original.replacingOccurrences(of: "{regions: data/regions.geojson}", with: "{regions: ../../outside/regions.geojson}"), report)
        let shapes = try dossier(["build", "rep", "--fonts", Self.fonts], in: project)
        expectRefused(shapes, at: "rep/report.md:5:19:", "path \"../../outside/regions.geojson\" leads outside the project", project: project)
    }

    /// A symlinked data package (inside the project, pointing outside) is refused, as is a
    /// report.md that is a symlink out of the project.
    @Test func symlinksOutOfTheProjectAreRefused() throws {
        let (top, project) = try layout()
        defer { try? FileManager.default.removeItem(at: top) }
        let manager = FileManager.default
        let dataPackage = project.appendingPathComponent("rep/data/datapackage.json")
        try manager.removeItem(at: dataPackage)
        try manager.createSymbolicLink(atPath: dataPackage.path, withDestinationPath: top.appendingPathComponent("outside/datapackage.json").path)
        let result = try dossier(["build", "rep", "--fonts", Self.fonts], in: project)
        expectRefused(result, at: "rep/report.md:4:7:", "path \"data/datapackage.json\" leads outside the project", project: project)
    }

    /// report.md itself: a FIFO is refused without hanging, a symlink out of the project too,
    /// by `build`, `stats` and `plan` alike.
    @Test func aReportThatIsAFIFOOrASymlinkOutIsRefused() throws {
        let (top, project) = try layout()
        defer { try? FileManager.default.removeItem(at: top) }
        let report = project.appendingPathComponent("rep/report.md")
        let state = top.appendingPathComponent("state").path
        try FileManager.default.removeItem(at: report)
        #expect(mkfifo(report.path, 0o600) == 0)
        for command in [["build", "rep", "--fonts", Self.fonts], ["stats", "rep", "--fonts", Self.fonts], ["plan", "rep", "--state", state]] {
            let result = try dossier(command, in: project)
            expectRefused(result, at: "rep/report.md:1:1:", "path \"rep/report.md\" names a FIFO (named pipe)", project: project)
        }
        try FileManager.default.removeItem(at: report)
        try FileManager.default.createSymbolicLink(atPath: report.path, withDestinationPath: top.appendingPathComponent("outside/secret.csv").path)
        let result = try dossier(["build", "rep", "--fonts", Self.fonts], in: project)
        expectRefused(result, at: "rep/report.md:1:1:", "leads outside the project", project: project)
    }

    /// `validate` and `build` agree: a missing CSV is a missing input (66).
    @Test func aMissingCSVExits66ForValidateAndBuild() throws {
        let (top, project) = try layout()
        defer { try? FileManager.default.removeItem(at: top) }
        try FileManager.default.removeItem(at: project.appendingPathComponent("rep/data/towns.csv"))
        let validate = try dossier(["validate", "rep/data/datapackage.json"], in: project)
        #expect(validate.status == 66, "\(validate.stderr)")
        #expect(validate.stderr.contains("rep/data/towns.csv: error: data file of resource \"towns\" not found"))
        let build = try dossier(["build", "rep", "--fonts", Self.fonts], in: project)
        #expect(build.status == 66, "\(build.stderr)")
    }

    @Test func aFontsFolderWithoutFontsExits66() throws {
        let (top, project) = try layout()
        defer { try? FileManager.default.removeItem(at: top) }
        let empty = project.appendingPathComponent("no-fonts")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        for command in ["build", "stats"] {
            let result = try dossier([command, "rep", "--fonts", empty.path], in: project)
            #expect(result.status == 66, "\(result.stderr)")
            #expect(result.stderr.contains("no .ttf or .otf font files"))
        }
    }

    /// 10 MB in an unused key: refused by the size limit at once; 2 MB: read in one pass.
    @Test func aLargeUnusedKeyIsReadLinearlyOrRefusedByTheLimit() throws {
        let (top, project) = try layout()
        defer { try? FileManager.default.removeItem(at: top) }
        let descriptorURL = project.appendingPathComponent("pkg/datapackage.json")
        for (megabytes, status) in [(10, Int32(65)), (2, Int32(0))] {
            let numbers = Array(repeating: "12345", count: megabytes << 20 / 6).joined(separator: ",")
            try write(descriptor(path: "ok.csv", extra: "\"unused\": [\(numbers)],"), descriptorURL)
            let result = try dossier(["validate", "pkg/datapackage.json"], in: project)
            #expect(result.status == status, "\(megabytes) MB: \(result.stderr)")
            if status == 65 {
                #expect(result.stderr.contains("is too large — found"))
                #expect(result.stderr.contains("expected at most 8388608 bytes"))
            }
        }
    }

    /// A 200 KB cell in an error is quoted in about 80 characters.
    @Test func aLongCellIsQuotedInAbout80Characters() throws {
        let (top, project) = try layout()
        defer { try? FileManager.default.removeItem(at: top) }
        try write("a\n" + String(repeating: "z", count: 200_000) + "\n", project.appendingPathComponent("pkg/ok.csv"))
        try write(descriptor(path: "ok.csv"), project.appendingPathComponent("pkg/datapackage.json"))
        let result = try dossier(["validate", "pkg/datapackage.json"], in: project)
        #expect(result.status == 65)
        let line = result.stderr.split(separator: "\n").first { $0.contains("value not allowed") } ?? ""
        #expect(line.contains("…"))
        #expect(line.count < 250, "\(line.count) characters")
    }
}
