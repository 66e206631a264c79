import Foundation
import Testing

/// The flagship's numbers: its statistics agree with an independent SciPy/statsmodels run
/// (scripts/flagship_reference.py), and the numbers printed in the PDF are those statistics.
@Suite(.serialized) struct FlagshipStatisticsTests {
    private func statsJSON() throws -> [String: Any] {
        let result = try dossier(["stats", Repository.flagship.path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    private func reference() throws -> [String: Any] {
        let url = Repository.root.appendingPathComponent("Tests/DossierCLITests/flagship-reference.json")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    private func number(_ object: [String: Any], _ path: [String]) -> Double? {
        var current: Any? = object
        for key in path { current = (current as? [String: Any])?[key] }
        return (current as? NSNumber)?.doubleValue
    }

    private func close(_ a: Double?, _ b: Double?, _ tolerance: Double = 1e-9, _ what: String) {
        guard let a, let b else { Issue.record("missing value for \(what)"); return }
        #expect(abs(a - b) <= tolerance * max(1, abs(b)), "\(what): Dossier \(a), reference \(b)")
    }

    @Test func statisticsMatchSciPyAndStatsmodels() throws {
        let ours = try statsJSON()
        let theirs = try reference()
        for id in ["ties_rai", "ties_count_rai", "cases_rai", "ties_rai_beijing", "ties_rai_influence"] {
            close(number(ours, [id, "estimate"]), number(theirs, [id, "estimate"]), 1e-12, "\(id) rho")
            close(number(ours, [id, "p"]), number(theirs, [id, "p"]), 1e-9, "\(id) p")
            close(number(ours, [id, "n"]), number(theirs, [id, "n"]), 0, "\(id) n")
        }
        for id in ["ties_poisson", "ties_poisson_influence"] {
            close(number(ours, [id, "dispersion"]), number(theirs, [id, "dispersion"]), 1e-8, "\(id) dispersion")
            close(number(ours, [id, "deviance"]), number(theirs, [id, "deviance"]), 1e-8, "\(id) deviance")
            close(number(ours, [id, "rate_ratio", "rai", "estimate"]), number(theirs, [id, "rate_ratio_per_10"]), 1e-8, "\(id) rate ratio")
            let ci = (theirs[id] as? [String: Any])?["ci_quasi"] as? [Double]
            close(number(ours, [id, "rate_ratio", "rai", "ci_quasi", "low"]), ci?.first, 1e-8, "\(id) quasi low")
            close(number(ours, [id, "rate_ratio", "rai", "ci_quasi", "high"]), ci?.last, 1e-8, "\(id) quasi high")
        }
        for key in ["chi_square", "df", "min_expected", "cramers_v", "n"] {
            close(number(ours, ["outcomes", key]), number(theirs, ["outcomes", key]), 1e-12, "outcomes \(key)")
        }
        close(number(ours, ["initiator_deal", "p"]), number(theirs, ["initiator_deal", "p"]), 1e-9, "Fisher p")
        close(number(ours, ["initiator_deal", "n"]), number(theirs, ["initiator_deal", "n"]), 0, "Fisher n")

        let table = try #require((ours["deal_share"] as? [String: Any])?["table"] as? [String: [Any]])
        let labels = table["label"] as? [String] ?? []
        let shares = try #require(theirs["deal_share"] as? [String: [String: Double]])
        #expect(labels.count == shares.count)
        for (index, label) in labels.enumerated() {
            let expected = shares[label]
            close((table["low"]?[index] as? NSNumber)?.doubleValue, expected?["low"], 1e-12, "Wilson low \(label)")
            close((table["high"]?[index] as? NSNumber)?.doubleValue, expected?["high"], 1e-12, "Wilson high \(label)")
            close((table["n"]?[index] as? NSNumber)?.doubleValue, expected?["n"], 0, "n \(label)")
        }
    }

    /// Formats like the report's `fixed(d)`, independently: C printf rounding, real minus sign.
    private func fixed(_ value: Double, _ digits: Int) -> String {
        let text = String(format: "%.\(digits)f", value)
        return text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }

    private func pvalue(_ p: Double) -> String {
        p < 0.001 ? "p < 0.001" : (p < 0.01 ? "p = " + fixed(p, 3) : "p = " + fixed(p, 2))
    }

    @Test func numbersInThePDFAreTheComputedOnes() throws {
        let ours = try statsJSON()
        let pdf = Repository.flagship.appendingPathComponent("out/china-lac-local.pdf")
        let raw = try run("pdftotext", [pdf.path, "-"]).stdout
        let text = raw.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        func expectText(_ fragment: String) {
            #expect(text.contains(fragment), "the PDF does not say \"\(fragment)\"")
        }
        let rho = try #require(number(ours, ["ties_rai", "estimate"]))
        let p = try #require(number(ours, ["ties_rai", "p"]))
        expectText("ρ = \(fixed(rho, 2)), \(pvalue(p)), n = \(Int(number(ours, ["ties_rai", "n"]) ?? 0))")
        let count = try #require(number(ours, ["ties_count_rai", "estimate"]))
        expectText("Spearman ρ = \(fixed(count, 2))")
        let dispersion = try #require(number(ours, ["ties_poisson", "dispersion"]))
        expectText("Pearson dispersion \(fixed(dispersion, 1))")
        let ratio = try #require(number(ours, ["ties_poisson", "rate_ratio", "rai", "estimate"]))
        let low = try #require(number(ours, ["ties_poisson", "rate_ratio", "rai", "ci", "low"]))
        let high = try #require(number(ours, ["ties_poisson", "rate_ratio", "rai", "ci", "high"]))
        expectText("\(fixed(ratio, 2)) [\(fixed(low, 2)), \(fixed(high, 2))] per 10 RAI points")
        let v = try #require(number(ours, ["outcomes", "cramers_v"]))
        expectText("Cramér’s V = \(fixed(v, 2))")
        let cases = try #require(number(ours, ["outcomes", "n"]))
        expectText("Of \(Int(cases)) documented local-level engagements")
        let fisher = try #require(number(ours, ["initiator_deal", "p"]))
        expectText("Fisher’s exact test \(pvalue(fisher))")
    }

    @Test func outlineListsEverySection() throws {
        let pdf = Repository.flagship.appendingPathComponent("out/china-lac-local.pdf")
        let json = try run("qpdf", ["--json", "--json-key=outlines", pdf.path]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let titles = (object["outlines"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
        let report = try String(contentsOf: Repository.flagship.appendingPathComponent("report.md"), encoding: .utf8)
        let body = report.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n")
        let headings = body.split(separator: "\n").filter { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)) }
        #expect(headings.count >= 5)
        for (index, heading) in headings.enumerated() {
            #expect(titles.contains("\(index + 1)  \(heading)"), "no bookmark for \"\(heading)\"; bookmarks: \(titles)")
        }
        #expect(titles.contains("Sources"))
        let check = try run("qpdf", ["--check", pdf.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test func missingFigureIsAnErrorAtItsLine() throws {
        let root = try Repository.temporaryDirectory("figure")
        defer { try? FileManager.default.removeItem(at: root) }
        try Repository.copyProject(to: root)
        let report = root.appendingPathComponent("reports/china-lac-local/report.md")
        let text = try String(contentsOf: report, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let line = try #require(lines.firstIndex(of: "```{figure} timeline")) + 1
        // The body also cites the figure with {{ ref:timeline }}; without the citation the
        // misspelt directive is the only error.
        try text.replacingOccurrences(of: "```{figure} timeline", with: "```{figure} timelines")
            .replacingOccurrences(of: "{{ ref:timeline }}", with: "The timeline")
            .write(to: report, atomically: true, encoding: .utf8)
        let result = try dossier(["build", "reports/china-lac-local"], in: root)
        #expect(result.status == 65)
        #expect(result.stderr.contains("report.md:\(line):1: error: no figure \"timelines\""))
        #expect(result.stderr.contains("did you mean \"timeline\"?"))
    }
}
