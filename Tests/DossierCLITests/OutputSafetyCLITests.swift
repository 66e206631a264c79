import Foundation
import Testing

/// A small report (three rows, one summary, figures chosen by the test) in a temporary folder,
/// built with the repository's fonts: fast enough to build dozens of times.
struct MiniReport {
    let root: URL
    var out: URL { root.appendingPathComponent("r/out") }

    init(_ name: String) throws {
        root = try Repository.temporaryDirectory(name)
        let data = root.appendingPathComponent("r/data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try Data(#"""
            {"name": "mini", "resources": [{"name": "points", "path": "points.csv", "schema": {"fields": [
              {"name": "g", "type": "string"}, {"name": "v", "type": "number"}]}}]}
            """#.utf8).write(to: data.appendingPathComponent("datapackage.json"))
        try write(figures: ["one", "two"], values: [1, 2, 3])
    }

    /// Rewrites the data and the report: one bar chart per id, each placed in the body.
    func write(figures: [String], values: [Int]) throws {
        let csv = "g,v\n" + zip(["a", "b", "c"], values).map { "\($0),\($1)\n" }.joined()
        try Data(csv.utf8).write(to: root.appendingPathComponent("r/data/points.csv"))
        var text = """
            ---
            title: "Mini"
            date: "2026-01-01"
            data: data/datapackage.json
            analyses:
              - {id: total, kind: summary, table: points, field: v}
            figures:

            """
        for id in figures {
            text += "  - id: \(id)\n    chart: {mark: bar, data: points, encoding: {x: {field: g, type: nominal}, y: {field: v, type: quantitative}}}\n"
        }
        text += "---\n\n# Mini\n\nMean {{ total.mean | fixed(1) }}.\n"
        for id in figures { text += "\n```{figure} \(id)\nFigure \(id).\n```\n" }
        try Data(text.utf8).write(to: root.appendingPathComponent("r/report.md"))
    }

    @discardableResult
    func dossier(_ command: String, _ arguments: [String] = []) throws -> CommandResult {
        try run(Repository.binary.path, [command, "r", "--fonts", Repository.root.appendingPathComponent("fonts").path] + arguments,
                in: root)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// Every file under `directory`, hidden ones included, by relative path.
func snapshot(_ directory: URL) -> [String: Data] {
    var files: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return files }
    while let path = enumerator.nextObject() as? String {
        var isDirectory: ObjCBool = false
        let url = directory.appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            files[path] = FileManager.default.contents(atPath: url.path)
        }
    }
    return files
}

/// The output paths a manifest lists.
func manifestOutputs(_ out: URL) -> [String] {
    guard let data = FileManager.default.contents(atPath: out.appendingPathComponent("manifest.json").path),
          let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
          let outputs = object["outputs"] as? [[String: String]] else { return [] }
    return outputs.compactMap { $0["path"] }
}

@Suite struct OutputSafetyCLITests {
    private let userFiles = ["charts/mine.txt": Data("mine".utf8), "pages/notes.svg": Data("<svg/>".utf8),
                             "README": Data("read me".utf8)]

    private func addUserFiles(_ out: URL) throws {
        for (path, data) in userFiles {
            let url = out.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
    }

    @Test func anEscapingFigureIDIsRefusedAtItsLineAndNothingIsWritten() throws {
        let report = try MiniReport("escaping-id")
        defer { report.remove() }
        let target = report.root.appendingPathComponent("x")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        // From r/out/charts, ../../../x is the folder x beside r.
        try report.write(figures: ["one", "../../../x/ESCAPED"], values: [1, 2, 3])
        for command in ["build", "check"] {
            let result = try report.dossier(command)
            #expect(result.status == 65, "\(command): \(result.stderr)")
            #expect(result.stderr.hasPrefix("r/report.md:10:9: error: in figures[1].id: a figure id becomes a file name"), "\(result.stderr)")
            #expect(result.stderr.contains("found \"../../../x/ESCAPED\""))
        }
        #expect(snapshot(target).isEmpty, "nothing written outside the output folder")
        #expect(!FileManager.default.fileExists(atPath: report.out.path), "a failed build writes nothing")
    }

    @Test func aFigureIDWithASlashIsRefused() throws {
        let report = try MiniReport("slash-id")
        defer { report.remove() }
        try report.write(figures: ["sub/one"], values: [1, 2, 3])
        let result = try report.dossier("build")
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("r/report.md:8:9: error: in figures[0].id:"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: report.out.path))
    }

    @Test func filesDossierDidNotWriteSurviveAndTheManifestListsOnlyExistingFiles() throws {
        let report = try MiniReport("user-files")
        defer { report.remove() }
        #expect(try report.dossier("build").status == 0)
        try addUserFiles(report.out)
        func expectConsistent(_ when: String) {
            let listed = manifestOutputs(report.out)
            #expect(!listed.isEmpty)
            for path in listed {
                #expect(FileManager.default.fileExists(atPath: report.out.appendingPathComponent(path).path), "\(when): \(path) is listed")
            }
            let written = Set(snapshot(report.out).keys).subtracting(userFiles.keys).subtracting(["manifest.json"])
            #expect(written == Set(listed), "\(when): the manifest lists every file Dossier wrote")
            for (path, data) in userFiles {
                #expect(FileManager.default.contents(atPath: report.out.appendingPathComponent(path).path) == data, "\(when): \(path) kept")
            }
        }
        expectConsistent("full build")
        // A removed figure's charts go; the user's files stay.
        try report.write(figures: ["one"], values: [1, 2, 3])
        #expect(try report.dossier("build").status == 0)
        expectConsistent("after removing a figure")
        #expect(!FileManager.default.fileExists(atPath: report.out.appendingPathComponent("charts/two.svg").path))
        let check = try report.dossier("check")
        #expect(check.status == 0, "user files are not outputs: \(check.stderr)")
        // A figure-only build adds its charts to the manifest; a document-only build keeps them.
        try report.write(figures: ["one", "three"], values: [1, 2, 3])
        #expect(try report.dossier("build", ["--figure", "three"]).status == 0)
        expectConsistent("figure-only build")
        #expect(manifestOutputs(report.out).contains("charts/three.png"))
        #expect(try report.dossier("build", ["--document-only"]).status == 0)
        expectConsistent("document-only build")
        #expect(try report.dossier("check").status == 0)
    }

    @Test func checkReportsWhatAnInterruptedBuildLeft() throws {
        let report = try MiniReport("leftovers")
        defer { report.remove() }
        #expect(try report.dossier("build").status == 0)
        try Data("partial".utf8).write(to: report.out.appendingPathComponent("charts/.one.svg.tmp-4242"))
        let check = try report.dossier("check")
        #expect(check.status == 1)
        #expect(check.stderr.contains("r/out/charts/.one.svg.tmp-4242: leftover: temporary file of an interrupted build"), "\(check.stderr)")
        #expect(FileManager.default.fileExists(atPath: report.out.appendingPathComponent("charts/.one.svg.tmp-4242").path),
                "check changes nothing")
        #expect(try report.dossier("build").status == 0)
        #expect(try report.dossier("check").status == 0, "the next build removed it")
    }

    /// Rebuilds after an edit that changes, adds and removes outputs, stopped (SIGKILL) after
    /// each step of the switch in turn; after each: no journal → the old set is intact; a
    /// journal → applying it gives exactly the new set; the next build completes with the
    /// new set and `check` passes.
    @Test func aBuildKilledAfterAnyStepLeavesTheOldOrTheNewSet() throws {
        let report = try MiniReport("kill")
        defer { report.remove() }
        #expect(try report.dossier("build").status == 0)
        try addUserFiles(report.out)
        let oldSet = snapshot(report.out)
        let saved = report.root.appendingPathComponent("saved-out")
        try FileManager.default.copyItem(at: report.out, to: saved)
        // The edit: the data (chart one, the PDF, stats) and the figures (two goes, three comes).
        try report.write(figures: ["one", "three"], values: [5, 2, 3])
        #expect(try report.dossier("build").status == 0)
        let newSet = snapshot(report.out)
        #expect(newSet != oldSet)

        var step = 0
        var journalSteps: [Int] = []
        while step < 100 {
            try FileManager.default.removeItem(at: report.out)
            try FileManager.default.copyItem(at: saved, to: report.out)
            let killed = try report.dossier("build", ["--fault-after-step", String(step)])
            if killed.status == 0 { break } // past the last step: a whole build
            #expect(killed.status == SIGKILL, "step \(step): \(killed.stderr)")
            let left = snapshot(report.out)
            let visible = left.filter { !($0.key as NSString).lastPathComponent.hasPrefix(".") }
            if let journal = left[".dossier-commit"] {
                journalSteps.append(step)
                #expect(try apply(journal, to: left) == newSet, "step \(step): the journal completes the new set")
            } else {
                #expect(visible == oldSet || visible == newSet, "step \(step): the old or the new set")
            }
            let next = try report.dossier("build")
            #expect(next.status == 0, "step \(step): \(next.stderr)")
            #expect(snapshot(report.out) == newSet, "step \(step): the next build gives the new set, and nothing else")
            if step % 4 == 0 {
                #expect(try report.dossier("check").status == 0, "step \(step)")
            }
            step += 1
        }
        #expect(step > 10, "a switch of several files has many steps")
        #expect(journalSteps == Array(2..<step - 1), "the journal exists from step 2 to the step before the last")
        #expect(snapshot(report.out) == newSet)
    }

    /// The make rules' build (`--document-only --make-state`), killed after each step: the
    /// redraw list survives (so make runs the build again), the folder holds the old or the
    /// new set, and the next such build completes it.
    @Test func aKilledMakeBuildIsRetriedAndCompletes() throws {
        let report = try MiniReport("kill-make")
        defer { report.remove() }
        let state = report.root.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        let makeBuild = ["--document-only", "--make-state", "state"]
        #expect(try report.dossier("build").status == 0)
        let saved = report.root.appendingPathComponent("saved-out")
        try FileManager.default.copyItem(at: report.out, to: saved)
        let oldSet = snapshot(report.out)
        // A data edit: both figures read the data, so their make rules list both for redrawing.
        try report.write(figures: ["one", "two"], values: [7, 2, 3])
        let redrawList = state.appendingPathComponent("redraw.list")
        var step = 0
        var newSet: [String: Data]?
        while step < 100 {
            try FileManager.default.removeItem(at: report.out)
            try FileManager.default.copyItem(at: saved, to: report.out)
            try Data("one\ntwo\n".utf8).write(to: redrawList)
            let documentStamp = state.appendingPathComponent("document.stamp")
            try? FileManager.default.removeItem(at: documentStamp)
            let killed = try report.dossier("build", makeBuild + ["--fault-after-step", String(step)])
            if killed.status == 0 {
                #expect(newSet == nil || snapshot(report.out) == newSet)
                break
            }
            #expect(killed.status == SIGKILL, "step \(step): \(killed.stderr)")
            #expect(FileManager.default.fileExists(atPath: redrawList.path), "step \(step): make will retry")
            #expect(!FileManager.default.fileExists(atPath: documentStamp.path), "step \(step): a killed build touched the stamp")
            let visible = snapshot(report.out).filter { !($0.key as NSString).lastPathComponent.hasPrefix(".") }
            if snapshot(report.out)[".dossier-commit"] == nil, let newSet {
                #expect(visible == oldSet || visible == newSet, "step \(step)")
            }
            let next = try report.dossier("build", makeBuild)
            #expect(next.status == 0, "step \(step): \(next.stderr)")
            #expect(!FileManager.default.fileExists(atPath: redrawList.path))
            #expect(FileManager.default.fileExists(atPath: documentStamp.path), "step \(step): the build touches the document's stamp")
            let result = snapshot(report.out)
            if newSet == nil { newSet = result }
            #expect(result == newSet, "step \(step): the same new set whatever the step")
            #expect(result != oldSet)
            step += 1
        }
        #expect(step > 5)
        #expect(try report.dossier("check").status == 0)
    }

    /// Applies a commit journal as docs/reproducibility.md describes it.
    private func apply(_ journal: Data, to files: [String: Data]) throws -> [String: Data] {
        let object = try #require(try JSONSerialization.jsonObject(with: journal) as? [String: Any])
        var result = files
        for rename in object["renames"] as? [[String: String]] ?? [] {
            let temporary = try #require(rename["temporary"]), final = try #require(rename["final"])
            if let data = result.removeValue(forKey: temporary) { result[final] = data }
        }
        for path in object["removals"] as? [String] ?? [] { result[path] = nil }
        result[".dossier-commit"] = nil
        return result.filter { !($0.key as NSString).lastPathComponent.hasPrefix(".") }
    }

    @Test func aSecondBuildWaitsForTheFirst() throws {
        let report = try MiniReport("lock")
        defer { report.remove() }
        #expect(try report.dossier("build").status == 0)
        let oldSet = snapshot(report.out)
        try report.write(figures: ["one", "three"], values: [5, 2, 3])
        // Hold the lock as a build writing the folder would.
        let descriptor = open(report.out.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        #expect(descriptor >= 0 && flock(descriptor, LOCK_EX) == 0)
        var released = false
        defer { if !released { close(descriptor) } }

        let process = Process()
        process.executableURL = Repository.binary
        process.arguments = ["build", "r", "--fonts", Repository.root.appendingPathComponent("fonts").path]
        process.currentDirectoryURL = report.root
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Blocks until the build says it waits (no timing involved).
        var stderr = ""
        while !stderr.contains("\n") {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            stderr += String(decoding: chunk, as: UTF8.self)
        }
        #expect(stderr == "dossier: waiting for another dossier process writing to r/out to finish\n")
        #expect(snapshot(report.out) == oldSet, "nothing written while the lock is held")
        close(descriptor)
        released = true
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try report.dossier("check").status == 0)
    }

    @Test func concurrentBuildsLeaveOneCompleteSet() throws {
        let report = try MiniReport("concurrent")
        defer { report.remove() }
        #expect(try report.dossier("build").status == 0)
        try report.write(figures: ["one", "three"], values: [5, 2, 3])
        let processes = (0..<2).map { _ in
            let process = Process()
            process.executableURL = Repository.binary
            process.arguments = ["build", "r", "--fonts", Repository.root.appendingPathComponent("fonts").path]
            process.currentDirectoryURL = report.root
            process.standardError = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            return process
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let check = try report.dossier("check")
        #expect(check.status == 0, "\(check.stderr)")
        #expect(!snapshot(report.out).keys.contains { ($0 as NSString).lastPathComponent.hasPrefix(".") }, "no leftovers")
    }
}
