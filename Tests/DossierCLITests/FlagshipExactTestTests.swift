import Foundation
import Testing

/// The flagship's channel × outcome test is the exact Fisher–Freeman–Halton test (not a
/// Monte-Carlo estimate printed as if exact), with R's fisher.test p-value
/// (Tests/DossierStatsTests/Fixtures/exact_ffh.json, from scripts/stats_reference_exact.py).
@Suite(.serialized) struct FlagshipExactTestTests {
    @Test func channelByOutcomeIsExactAndMatchesR() throws {
        let result = try dossier(["stats", Repository.flagship.path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let stats = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let outcomes = try #require(stats["outcomes"] as? [String: Any])
        #expect(outcomes["p_method"] as? String == "exact")
        #expect(outcomes["ordering"] as? String == "probability")
        #expect(outcomes["test"] as? String == "Fisher–Freeman–Halton exact test (ordered by table probability)")
        #expect((outcomes["resamples"] as? NSNumber)?.intValue == 0)
        let url = Repository.root.appendingPathComponent("Tests/DossierStatsTests/Fixtures/exact_ffh.json")
        let fixture = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let cases = try #require(fixture["cases"] as? [[String: Any]])
        let flagship = try #require(cases.first { ($0["table"] as? [[Int]])?.count == 6 && ($0["tables"] as? Int) == 69626 })
        let expected = try #require((flagship["pR"] as? NSNumber)?.doubleValue)
        let p = try #require((outcomes["p_exact"] as? NSNumber)?.doubleValue)
        #expect(abs(p - expected) <= 1e-9 * expected, "p_exact \(p), R \(expected)")
        #expect((outcomes["p"] as? NSNumber)?.doubleValue == p)
    }
}
