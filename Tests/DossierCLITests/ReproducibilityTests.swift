import Foundation
import Testing

/// Same inputs, same bytes: across directories, time zones, locales and clocks.
@Suite(.serialized) struct ReproducibilityTests {
    private func files(in directory: URL) throws -> [String: Data] {
        try filesUnder(directory)
    }

    @Test func twoBuildsInDifferentPlacesAndEnvironmentsAreIdentical() throws {
        let first = try Repository.temporaryDirectory("repro-a")
        let second = try Repository.temporaryDirectory("repro-b")
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        try Repository.copyProject(to: first)
        try Repository.copyProject(to: second)
        let a = try dossier(["build", "reports/china-lac-local"], in: first,
                            environment: ["TZ": "Pacific/Chatham", "LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8"])
        let b = try dossier(["build", second.appendingPathComponent("reports/china-lac-local").path], in: FileManager.default.temporaryDirectory,
                            environment: ["TZ": "America/New_York", "LANG": "C", "HOME": "/nonexistent"])
        #expect(a.status == 0, "\(a.stderr)")
        #expect(b.status == 0, "\(b.stderr)")
        let filesA = try files(in: first.appendingPathComponent("reports/china-lac-local/out"))
        let filesB = try files(in: second.appendingPathComponent("reports/china-lac-local/out"))
        #expect(filesA.count > 5)
        #expect(filesA.keys.sorted() == filesB.keys.sorted())
        for (path, data) in filesA {
            #expect(filesB[path] == data, "\(path) differs between the two builds")
        }
    }

    /// Two threads give the bytes one thread gives, for a full build and for a document-only
    /// build (where the second thread lays the document out again and renders pages from the back).
    @Test(arguments: [[String](), ["--document-only"]])
    func oneThreadAndTwoThreadsGiveTheSameBytes(extra: [String]) throws {
        let serial = try Repository.temporaryDirectory("serial")
        let parallel = try Repository.temporaryDirectory("parallel")
        defer {
            try? FileManager.default.removeItem(at: serial)
            try? FileManager.default.removeItem(at: parallel)
        }
        let a = try dossier(["build", Repository.flagship.path, "--out", serial.path] + extra, environment: ["DOSSIER_THREADS": "1"])
        let b = try dossier(["build", Repository.flagship.path, "--out", parallel.path] + extra)
        #expect(a.status == 0, "\(a.stderr)")
        #expect(b.status == 0, "\(b.stderr)")
        let filesA = try files(in: serial), filesB = try files(in: parallel)
        #expect(filesA.keys.contains { $0.hasPrefix("pages/") })
        #expect(filesA.keys.sorted() == filesB.keys.sorted())
        for (path, data) in filesA {
            #expect(filesB[path] == data, "\(path) differs between one and two threads")
        }
    }

    @Test func sourceDateEpochSetsThePDFDate() throws {
        let out = try Repository.temporaryDirectory("epoch")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try dossier(["build", Repository.flagship.path, "--out", out.path], environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        #expect(result.status == 0, "\(result.stderr)")
        let info = try run("pdfinfo", ["-isodates", out.appendingPathComponent("china-lac-local.pdf").path]).stdout
        #expect(info.contains("2023-11-14T22:13:20"))
    }

    @Test func committedOutputsAreCurrent() throws {
        let result = try dossier(["check", Repository.flagship.path])
        #expect(result.status == 0, "committed outputs are stale:\n\(result.stderr)")
    }
}
