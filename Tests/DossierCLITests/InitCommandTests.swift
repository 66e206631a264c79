import Foundation
import Testing

/// `dossier init` scaffolds a report that builds, guesses field types, and never overwrites.
@Suite struct InitCommandTests {
    /// A temporary project: fonts/ and an empty reports/ folder next to a Makefile, like the repository.
    private func project() throws -> URL {
        let root = try Repository.temporaryDirectory("init")
        try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("fonts"),
                                         to: root.appendingPathComponent("fonts"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent("reports"), withIntermediateDirectories: true)
        try "all:\n".write(to: root.appendingPathComponent("Makefile"), atomically: true, encoding: .utf8)
        return root
    }

    private func fields(_ package: URL) throws -> [String: String] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: package)) as? [String: Any]
        let resources = json?["resources"] as? [[String: Any]]
        let schema = resources?.first?["schema"] as? [String: Any]
        let list = schema?["fields"] as? [[String: Any]] ?? []
        var types: [String: String] = [:]
        for field in list {
            if let name = field["name"] as? String, let type = field["type"] as? String { types[name] = type }
        }
        return types
    }

    @Test func scaffoldWithoutCSVBuildsAsIs() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try dossier(["init", "reports/first"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("nothing to add"))
        let report = try String(contentsOf: root.appendingPathComponent("reports/first/report.md"), encoding: .utf8)
        #expect(report.contains("analyses:") && report.contains("figures:") && report.contains("{{"))
        #expect(report.contains("# "), "the front matter is commented")
        #expect(try dossier(["validate", "reports/first/data/datapackage.json"], in: root).status == 0)
        let build = try dossier(["build", "reports/first"], in: root)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("reports/first/out/first.pdf").path))
    }

    @Test func scaffoldFromCSVGuessesTypesAndBuilds() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let csv = #"""
            station,year,rain_mm,days,wet,measured,note,code
            Óbidos,2019,812.5,120,true,2019-12-31,"dry, then wet",007
            Faro,2020,NA,98,false,2020-12-31,,12
            Évora,2021,640,101,TRUE,2021-12-31,ok,3
            Óbidos,2022,700.25,,False,2022-12-31,"quoted ""word""",-4

            """#
        try csv.write(to: root.appendingPathComponent("rain.csv"), atomically: true, encoding: .utf8)
        let result = try dossier(["init", "reports/rain", "--from", "rain.csv", "--title", "Rain"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let package = root.appendingPathComponent("reports/rain/data/datapackage.json")
        let types = try fields(package)
        #expect(types == ["station": "string", "year": "year", "rain_mm": "number", "days": "integer",
                          "wet": "boolean", "measured": "date", "note": "string", "code": "integer"])
        let descriptor = try String(contentsOf: package, encoding: .utf8)
        #expect(descriptor.contains("\"NA\""), "NA becomes a missing value")
        let copy = try String(contentsOf: root.appendingPathComponent("reports/rain/data/rain.csv"), encoding: .utf8)
        #expect(copy == csv)
        #expect(try dossier(["validate", "reports/rain/data/datapackage.json"], in: root).status == 0)
        let build = try dossier(["build", "reports/rain"], in: root)
        #expect(build.status == 0, "\(build.stderr)")
        let report = try String(contentsOf: root.appendingPathComponent("reports/rain/report.md"), encoding: .utf8)
        #expect(report.contains("title: \"Rain\""))
        #expect(report.contains("by: [\"station\"]"))
    }

    @Test func numericOnlyCSVGetsAScatter() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        try "x,y\n1,2.5\n2,3.1\n3,2.9\n4,4.2\n".write(to: root.appendingPathComponent("xy.csv"), atomically: true, encoding: .utf8)
        let result = try dossier(["init", "reports/xy", "--from", "xy.csv"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let report = try String(contentsOf: root.appendingPathComponent("reports/xy/report.md"), encoding: .utf8)
        #expect(report.contains("kind: summary"))
        #expect(report.contains("mark: {type: point}"))
        let build = try dossier(["build", "reports/xy"], in: root)
        #expect(build.status == 0, "\(build.stderr)")
    }

    @Test func semicolonSeparatedCSVGetsADialect() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        try "name;group;value\nA;x;1.5\nB;y;2\n\"C;D\";x;3\n".write(to: root.appendingPathComponent("semi.csv"), atomically: true, encoding: .utf8)
        let result = try dossier(["init", "reports/semi", "--from", "semi.csv"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let package = root.appendingPathComponent("reports/semi/data/datapackage.json")
        #expect(try fields(package) == ["name": "string", "group": "string", "value": "number"])
        #expect(try String(contentsOf: package, encoding: .utf8).contains("\"delimiter\": \";\""))
        #expect(try dossier(["build", "reports/semi"], in: root).status == 0)
    }

    /// The schema written (types, boolean spellings, missing values, dialect, `required`)
    /// is the one inferred, which the CSV validates against.
    @Test func writtenSchemaValidatesItsCSV() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let csv = "id\tanswer\tlabel\tbig\tshare\r1\tyes\tNA\t99999999999999999999\t0.5\r2\tno\tb\t1\t-\r3\tyes\t\"c\td\"\t2\t.25\r"
        try csv.write(to: root.appendingPathComponent("tabs.csv"), atomically: true, encoding: .utf8)
        let result = try dossier(["init", "reports/tabs", "--from", "tabs.csv"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let package = root.appendingPathComponent("reports/tabs/data/datapackage.json")
        #expect(try fields(package) == ["id": "integer", "answer": "boolean", "label": "string", "big": "number", "share": "number"])
        let validate = try dossier(["validate", "reports/tabs/data/datapackage.json"], in: root)
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stdout.contains("3 rows, 5 fields"), "\(validate.stdout)")
    }

    @Test func refusesToOverwriteAndWritesNothing() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("reports/taken")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "mine\n".write(to: folder.appendingPathComponent("report.md"), atomically: true, encoding: .utf8)
        let result = try dossier(["init", "reports/taken"], in: root)
        #expect(result.status == 64)
        #expect(result.stderr.contains("reports/taken/report.md: error: already exists"))
        #expect(try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8) == "mine\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("data").path), "nothing else written")

        // A second init over a complete scaffold is refused too.
        #expect(try dossier(["init", "reports/again"], in: root).status == 0)
        let again = try dossier(["init", "reports/again"], in: root)
        #expect(again.status == 64)
        #expect(again.stderr.contains("data/datapackage.json: error: already exists"))
    }

    @Test func missingOrBadCSVIsReported() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let missing = try dossier(["init", "reports/none", "--from", "nowhere.csv"], in: root)
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("nowhere.csv: error: no such file"))

        try "a,b\n1,2\n3\n".write(to: root.appendingPathComponent("ragged.csv"), atomically: true, encoding: .utf8)
        let ragged = try dossier(["init", "reports/ragged", "--from", "ragged.csv"], in: root)
        #expect(ragged.status == 65)
        // The diagnostics of `dossier validate`, at the same line and column.
        #expect(ragged.stderr.contains("ragged.csv:3:2: error: wrong number of fields — found 1 field, expected 2 as in the header"))

        try "a,a\n1,2\n".write(to: root.appendingPathComponent("twice.csv"), atomically: true, encoding: .utf8)
        let twice = try dossier(["init", "reports/twice", "--from", "twice.csv"], in: root)
        #expect(twice.status == 65)
        #expect(twice.stderr.contains("twice.csv:1:2: error: duplicate column name — found \"a\" twice"))

        try Data([0x6E, 0x0A, 0x53, 0xE3, 0x6F, 0x0A]).write(to: root.appendingPathComponent("latin1.csv"))
        let latin1 = try dossier(["init", "reports/latin1", "--from", "latin1.csv"], in: root)
        #expect(latin1.status == 65)
        #expect(latin1.stderr.contains("latin1.csv:2:1: error: invalid UTF-8 — found byte 0xE3"))
        for name in ["none", "ragged", "twice", "latin1"] {
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("reports/\(name)").path))
        }

        let usage = try dossier(["init", "reports/x", "--date", "29/11/2026"], in: root)
        #expect(usage.status == 64)
    }

    @Test func outsideReportsItPrintsTheMakefileLines() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try dossier(["init", "elsewhere/brief"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("$(DOSSIER) build elsewhere/brief"))
        #expect(try dossier(["build", "elsewhere/brief"], in: root).status == 0)
    }
}
