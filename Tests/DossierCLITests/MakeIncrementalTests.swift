import Foundation
import Testing

/// The Makefile's promises: a second make does nothing, an edit rebuilds only what depends on
/// it, a bad CSV fails without touching the outputs. Runs make in a copy of the project with
/// the already-built binary (`make DOSSIER=…`).
@Suite(.serialized) struct MakeIncrementalTests {
    struct Project {
        let root: URL
        func make(_ arguments: [String] = []) throws -> CommandResult {
            try run("make", ["--no-print-directory", "DOSSIER=\(Repository.binary.path)"] + arguments, in: root)
        }
        func chartLines(_ output: String) -> [String] {
            output.split(separator: "\n").filter { $0.contains("CHART") }.map(String.init)
        }
        func modificationDate(_ path: String) throws -> Date {
            let attributes = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(path).path)
            return attributes[.modificationDate] as? Date ?? .distantPast
        }
        func touch(_ path: String) throws {
            // Later than anything built, whatever the file system's timestamp resolution, but not
            // in the future (a future time would look newer than every later build too).
            Thread.sleep(forTimeInterval: 1.1)
            try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: root.appendingPathComponent(path).path)
        }
    }

    private func project() throws -> Project {
        let root = try Repository.temporaryDirectory("make")
        try Repository.copyProject(to: root)
        try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("Makefile"), to: root.appendingPathComponent("Makefile"))
        // The Makefile includes the per-report rules (make/dossier.mk) and the packaging rules.
        try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("make"), to: root.appendingPathComponent("make"))
        return Project(root: root)
    }

    @Test func secondMakeDoesNothingAndEditsRebuildOnlyDependents() throws {
        let project = try project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let first = try project.make()
        #expect(first.status == 0, "\(first.stdout)\n\(first.stderr)")
        let charts = project.chartLines(first.stdout)
        #expect(charts.count >= 5, "every figure is its own target: \(first.stdout)")
        #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent("reports/china-lac-local/out/china-lac-local.pdf").path))

        // Nothing to do: `make -q` exits 0.
        #expect(try project.make(["-q"]).status == 0, "make -q reports work after a full build")

        // Prose only: the PDF is rebuilt, no chart.
        let report = project.root.appendingPathComponent("reports/china-lac-local/report.md")
        var text = try String(contentsOf: report, encoding: .utf8)
        text = text.replacingOccurrences(of: "# Money and scale", with: "# Money and scale\n\nAn added sentence.")
        Thread.sleep(forTimeInterval: 1.1)
        try text.write(to: report, atomically: true, encoding: .utf8)
        let chartDate = try project.modificationDate("reports/china-lac-local/out/charts/ties-map.svg")
        let rules = ".build/make/china-lac-local/rules.mk"
        let rulesDate = try project.modificationDate(rules)
        let prose = try project.make()
        #expect(prose.status == 0, "\(prose.stderr)")
        #expect(project.chartLines(prose.stdout).isEmpty, "a prose edit redrew charts: \(prose.stdout)")
        #expect(prose.stdout.contains("PDF"))
        #expect(try project.modificationDate("reports/china-lac-local/out/charts/ties-map.svg") == chartDate)
        // The front matter did not change: the rules keep their time, so make neither plans again
        // nor restarts to read them (make restarts when an included makefile's time changes).
        #expect(try project.modificationDate(rules) == rulesDate, "a prose edit remade the rules")
        #expect(try project.make(["-q"]).status == 0, "make -q reports work after the prose edit's make")

        // A CSV only some charts read: those charts and the PDF, nothing else.
        try project.touch("datasets/channels.csv")
        let edit = try project.make()
        #expect(edit.status == 0, "\(edit.stderr)")
        let redrawn = project.chartLines(edit.stdout).joined(separator: "\n")
        #expect(redrawn.contains("outcomes-by-channel"))
        #expect(redrawn.contains("timeline"))
        #expect(!redrawn.contains("ties-map"), "the map does not read channels.csv")
        #expect(!redrawn.contains("ties-vs-rai"))
        #expect(edit.stdout.contains("PDF"))

        // twinning.csv is read by no chart (ties are counted in countries.csv): PDF only.
        try project.touch("datasets/twinning.csv")
        let twinning = try project.make()
        #expect(project.chartLines(twinning.stdout).isEmpty, "\(twinning.stdout)")
        #expect(try project.make(["-q"]).status == 0)
    }

    /// Charts out of date while the document's stamp is not (an edit saved in the same file-clock
    /// tick as the last build's document stamp): make must still draw them and then settle.
    /// A prose edit's make starts two programs, awk (the front-matter check) and the document's
    /// build, and no shell: each recipe is one command make runs itself (make/dossier.mk), and
    /// the build touches its stamp and prints nothing. Traced with strace (`execve` calls).
    @Test(.enabled(if: OutsideOpensTests.strace != nil, "needs strace"))
    func aProseEditStartsNoShell() throws {
        let project = try project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let first = try project.make()
        #expect(first.status == 0, "\(first.stdout)\n\(first.stderr)")
        let report = project.root.appendingPathComponent("reports/china-lac-local/report.md")
        let text = try String(contentsOf: report, encoding: .utf8)
        Thread.sleep(forTimeInterval: 1.1)
        try text.replacingOccurrences(of: "# Money and scale", with: "# Money and scale\n\nAn added sentence.")
            .write(to: report, atomically: true, encoding: .utf8)
        let stamp = ".build/make/china-lac-local/document.stamp"
        let stampDate = try project.modificationDate(stamp)
        let log = project.root.appendingPathComponent("execve.log")
        let traced = try run(try #require(OutsideOpensTests.strace), [
            "-f", "-e", "trace=execve", "-o", log.path,
            "make", "--no-print-directory", "DOSSIER=\(Repository.binary.path)",
        ], in: project.root)
        #expect(traced.status == 0, "\(traced.stderr)")
        let programs = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").compactMap { line -> String? in
            guard let start = line.range(of: "execve(\""), line.hasSuffix("= 0"),
                  let end = line[start.upperBound...].firstIndex(of: "\"") else { return nil }
            return URL(fileURLWithPath: String(line[start.upperBound..<end])).lastPathComponent
        }
        #expect(programs == ["make", "awk", "dossier"], "\(programs)")
        #expect(traced.stdout.contains("PDF"))
        #expect(!traced.stdout.contains("file(s) written"), "the build printed under make: \(traced.stdout)")
        #expect(try project.modificationDate(stamp) > stampDate, "the build did not touch the document's stamp")
        #expect(try project.make(["-q"]).status == 0, "make -q reports work after the prose edit's make")
    }

    @Test func staleChartsUnderACurrentDocumentAreDrawn() throws {
        let project = try project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        #expect(try project.make().status == 0)
        let state = ".build/make/china-lac-local/"
        let old = Date(timeIntervalSinceNow: -3600)
        for name in try FileManager.default.contentsOfDirectory(atPath: project.root.appendingPathComponent(state).path)
        where name.hasPrefix("figure-") && name.hasSuffix(".stamp") {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: project.root.appendingPathComponent(state + name).path)
        }
        let redraw = try project.make()
        #expect(redraw.status == 0, "\(redraw.stderr)")
        #expect(project.chartLines(redraw.stdout).count >= 5, "\(redraw.stdout)")
        #expect(redraw.stdout.contains("PDF"), "the listed charts were never drawn: \(redraw.stdout)")
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent(state + "redraw.list").path))
        #expect(try project.make(["-q"]).status == 0)
    }

    @Test func parallelBuildMatchesSerialBuild() throws {
        let serial = try project()
        let parallel = try project()
        defer {
            try? FileManager.default.removeItem(at: serial.root)
            try? FileManager.default.removeItem(at: parallel.root)
        }
        #expect(try serial.make().status == 0)
        let result = try parallel.make(["-j2"])
        #expect(result.status == 0, "\(result.stderr)")
        let out = "reports/china-lac-local/out"
        for path in try FileManager.default.subpathsOfDirectory(atPath: serial.root.appendingPathComponent(out).path) {
            let a = FileManager.default.contents(atPath: serial.root.appendingPathComponent(out + "/" + path).path)
            let b = FileManager.default.contents(atPath: parallel.root.appendingPathComponent(out + "/" + path).path)
            #expect(a == b, "\(path) differs between make and make -j2")
        }
    }

    @Test func corruptCSVFailsMakeAndKeepsOutputs() throws {
        let project = try project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        #expect(try project.make().status == 0)
        let out = project.root.appendingPathComponent("reports/china-lac-local/out")
        var before: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: out.path) {
            before[path] = FileManager.default.contents(atPath: out.appendingPathComponent(path).path)
        }
        let cases = project.root.appendingPathComponent("datasets/cases.csv")
        let text = try String(contentsOf: cases, encoding: .utf8)
        try (text + "C99,\"unterminated\n").write(to: cases, atomically: true, encoding: .utf8)
        let result = try project.make()
        #expect(result.status != 0)
        #expect(result.stderr.contains("datasets/cases.csv:"))
        var after: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: out.path) {
            after[path] = FileManager.default.contents(atPath: out.appendingPathComponent(path).path)
        }
        #expect(before == after, "a failed build changed the outputs")
        // Nothing was drawn, so make is not done: it tries again (and fails again).
        #expect(try project.make().status != 0, "a second make after a failed build did nothing")

        // With the CSV mended, make draws the charts that read it (still listed), then has
        // nothing left to do.
        try text.write(to: cases, atomically: true, encoding: .utf8)
        let mended = try project.make()
        #expect(mended.status == 0, "\(mended.stderr)")
        #expect(project.chartLines(mended.stdout).contains { $0.contains("ties-map") }, "\(mended.stdout)")
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent(".build/make/china-lac-local/redraw.list").path))
        #expect(try project.make(["-q"]).status == 0)
    }
}
