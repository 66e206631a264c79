import DossierBuild
import Foundation
import Testing

/// The report fuzz target's seeds (Fixtures/fuzz-report/seeds) through its entry point
/// (``ReportFrontEnd/check(bytes:)``), in the ordinary test run: a seed that traps or hangs
/// would stop `make fuzz` before it starts fuzzing.
@Suite struct ReportFuzzSeedTests {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz-report/seeds")

    static func seedNames() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: seeds.path)) ?? []).sorted()
    }

    @Test func seedsAreThere() {
        #expect(Self.seedNames().count >= 20)
    }

    @Test(arguments: seedNames())
    func seedGoesThroughTheFrontEnd(name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.seeds.appendingPathComponent(name)))
        let outcome = ReportFrontEnd.check(bytes: bytes)
        let lineCount = ReportFrontEnd.lineCount(of: bytes)
        for error in outcome.errors {
            guard let location = error.location else { continue }
            #expect((1...lineCount + 1).contains(location.line) && location.column >= 1, "\(error)")
        }
        // The two reports and the docs' complete examples are valid reports.
        if name == "anscombe.md" || name == "china-lac-local.md" || (name.hasPrefix("docs-") && bytes.starts(with: Array("---".utf8))) {
            #expect(outcome.decoded, "\(outcome.errors)")
        }
    }
}
