import Foundation
import Testing

/// The flagship's money table reads `amounts.csv`'s display columns; `scripts/check_datasets.py`
/// keeps them consistent with the numbers. These tests run that script on the committed data and
/// on a copy with one wrong display text and an unmarked VAT pair, which it must reject.
@Suite struct FlagshipDataTests {
    private func check(_ datasets: URL) throws -> CommandResult {
        try run("python3", [Repository.root.appendingPathComponent("scripts/check_datasets.py").path,
                            "--datasets", datasets.path, "--no-frictionless"])
    }

    @Test func committedDatasetsPassTheCrossFileChecks() throws {
        let result = try check(Repository.root.appendingPathComponent("datasets"))
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func amountTextMustMatchTheNumbersAndVATMustBeMarked() throws {
        let root = try Repository.temporaryDirectory("amounts")
        defer { try? FileManager.default.removeItem(at: root) }
        let copy = root.appendingPathComponent("datasets")
        try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("datasets"), to: copy)
        let file = copy.appendingPathComponent("amounts.csv")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(",US$ 800 million,"), "the Huawei amount reads \"US$ 800 million\"")
        #expect(!text.contains(".0 million"), "no amount_text has a false .0")
        let broken = text
            .replacingOccurrences(of: ",US$ 800 million,", with: ",US$ 800.0 million,")
            .replacingOccurrences(of: ",included,\"MX$", with: ",,\"MX$")
        try broken.write(to: file, atomically: true, encoding: .utf8)
        let result = try check(copy)
        #expect(result.status == 1)
        #expect(result.stderr.contains("amount_text 'US$ 800.0 million', expected 'US$ 800 million'"), "\(result.stderr)")
        #expect(result.stderr.contains("C16 has 2 contract amounts"), "\(result.stderr)")
    }
}
