@testable import DossierBuild
@testable import DossierReport
import Foundation
import Testing

@Suite struct BuildSupportTests {
    @Test func sha256MatchesKnownVectors() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hex(long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(Array(repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func manifestPathsAreRelativeToTheReport() {
        let base = URL(fileURLWithPath: "/repo/reports/flagship")
        #expect(Manifest.relativePath("/repo/datasets/cases.csv", from: base) == "../../datasets/cases.csv")
        #expect(Manifest.relativePath("/repo/reports/flagship/report.md", from: base) == "report.md")
    }

    @Test func manifestRoundTrips() throws {
        let manifest = Manifest(toolVersion: "9.9", inputs: [.init(path: "a.csv", sha256: "00")], outputs: [.init(path: "x.pdf", sha256: "11")])
        #expect(Manifest.parse(Data(manifest.json.utf8)) == manifest)
    }

    @Test func writerIsAtomicAndSkipsIdenticalFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("writer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try OutputWriter.write(["a/b.txt": Array("one".utf8), "c.txt": Array("two".utf8)], to: directory).count == 2)
        #expect(try OutputWriter.write(["a/b.txt": Array("one".utf8), "c.txt": Array("three".utf8)], to: directory) == ["c.txt"])
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names == ["a", "c.txt"], "no temporary file is left behind")
    }

    @Test func depfileEscapesSpacesAndAddsPhonyRules() {
        let text = Depfile.rule(target: "out/x.stamp", inputs: ["data/my file.csv"])
        #expect(text == "out/x.stamp: \\\n  data/my\\ file.csv\n\ndata/my\\ file.csv:\n")
    }

    @Test func statsJSONIsStable() {
        let json = StatsJSON.encode(results: ["b": .number(0.1), "a": .record([.init("n", .integer(3)), .init("x", .missing)])], order: ["a", "b"])
        #expect(json == "{\n  \"a\": {\n    \"n\": 3,\n    \"x\": null\n  },\n  \"b\": 0.1\n}\n")
    }
}
