@testable import DossierBuild
import Foundation
import Testing

/// Writing an output folder at scale: the comparison with the files already there, the
/// staging on two threads (a failure leaves the previous outputs and no temporary), and the
/// manifest's hashes (equal to `sha256sum` of each file, whether hashed while staging, for the
/// cache's keys or by the manifest itself).
@Suite struct OutputWritingTests: OutputFolderFixture {
    /// Bytes with a pattern, `count` long.
    private func pattern(_ count: Int, seed: UInt8) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31) &+ seed }
    }

    @Test func aFileHoldsOnlyItsExactBytes() throws {
        let directory = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Larger than one 64 KiB piece, with the difference in the second piece.
        let bytes = pattern(200_000, seed: 7)
        var late = bytes
        late[150_000] ^= 1
        try write(["big": bytes, "empty": [], "sub/x": [1]], to: directory)
        let path = directory.appendingPathComponent("big").path
        #expect(FileComparison.holds(path, bytes))
        #expect(!FileComparison.holds(path, late))
        #expect(!FileComparison.holds(path, Array(bytes.dropLast())))
        #expect(!FileComparison.holds(path, bytes + [0]))
        #expect(FileComparison.holds(directory.appendingPathComponent("empty").path, []))
        #expect(!FileComparison.holds(directory.appendingPathComponent("empty").path, [0]))
        #expect(!FileComparison.holds(directory.appendingPathComponent("missing").path, []))
        #expect(!FileComparison.holds(directory.appendingPathComponent("sub").path, []))
    }

    /// Many files staged on two threads, one of which cannot be created (its temporary name
    /// is longer than a file name may be): the previous outputs stay as they were, and no
    /// temporary or journal is left.
    @Test func aFailedStagingLeavesThePreviousOutputs() throws {
        let directory = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: directory) }
        var previous: [String: [UInt8]] = ["r.pdf": [1, 2, 3]]
        var next: [String: [UInt8]] = ["r.pdf": [4, 5, 6]]
        for page in 1...200 {
            let path = String(format: "pages/page-%03d.svg", page)
            previous[path] = pattern(1000 + page, seed: 1)
            next[path] = pattern(1000 + page, seed: page.isMultiple(of: 3) ? 1 : 2)
        }
        // 250 bytes is a valid name; its temporary (".<name>.tmp-<pid>") is not.
        next["pages/" + String(repeating: "p", count: 246) + ".svg"] = [9]
        try write(previous, to: directory)
        for twoThreads in [true, false] {
            var commit = OutputCommit(directory: directory, files: next, removals: [])
            commit.twoThreads = twoThreads
            #expect(throws: (any Error).self) { try commit.run() }
            #expect(try contents(of: directory) == previous)
            #expect(OutputRecovery.leftovers(in: directory).isEmpty)
        }
        // Without the file that cannot be staged, the switch completes and rewrites only
        // the changed files.
        next = next.filter { $0.key.count < 100 }
        let written = try OutputCommit(directory: directory, files: next, removals: []).run()
        #expect(try contents(of: directory) == next)
        #expect(written == next.keys.filter { previous[$0] != next[$0] }.sorted())
        #expect(written.count == 1 + 200 - 66)
    }

    /// `sha256sum` of each file, by path.
    private func sha256sum(_ paths: [String]) throws -> [String: String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = paths
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var sums: [String: String] = [:]
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            sums[String(parts[1].drop { $0 == " " || $0 == "*" })] = String(parts[0])
        }
        return sums
    }

    @Test func theManifestsHashesAreTheFilesSHA256() throws {
        let directory = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let inputs: [String: [UInt8]] = ["data/a.csv": pattern(300_000, seed: 3), "report.md": Array("# R\n".utf8), "empty.csv": []]
        let outputs: [String: [UInt8]] = ["r.pdf": pattern(100_000, seed: 4), "pages/page-1.svg": Array("<svg/>".utf8), "stats.json": []]
        try write(inputs, to: directory.appendingPathComponent("in"))
        try write(outputs, to: directory.appendingPathComponent("out"))
        let inputPaths = inputs.keys.sorted().map { directory.appendingPathComponent("in/" + $0).path }
        let expected = try sha256sum(inputPaths + outputs.keys.sorted().map { directory.appendingPathComponent("out/" + $0).path })
        // Hashed by the manifest, or taken from the digests the cache keys computed (one of
        // them computed before, the others on demand).
        let digests = InputDigests()
        _ = digests.digest(inputPaths[0])
        for known in [nil, digests] {
            let manifest = Manifest.make(inputs: inputPaths, fontFiles: [], outputs: outputs,
                                         reportDirectory: directory.appendingPathComponent("in"), inputDigests: known)
            #expect(manifest.inputs.count == 3 && manifest.outputs.count == 3)
            for entry in manifest.inputs {
                #expect(entry.sha256 == expected[directory.appendingPathComponent("in/" + entry.path).path], "\(entry.path)")
            }
            for entry in manifest.outputs {
                #expect(entry.sha256 == expected[directory.appendingPathComponent("out/" + entry.path).path], "\(entry.path)")
            }
        }
    }
}
