@testable import DossierReport
import Testing

/// `poisson` and `negbin` read the same keys; `per` must name a covariate; covariates are
/// listed once.
@Suite struct CountModelKindTests {
    @Test func negbinReadsThePoissonKeys() throws {
        #expect(NegativeBinomialAnalysis.keys == PoissonAnalysis.keys)
        let spec = try AnalysisKindTests.spec(
            "  - {id: a, kind: negbin, table: t, response: r, covariates: [x, z], offset: o, per: {x: 10}, label: l, drop: [A], level: 0.9, curve_scale: 1e7}")
        guard case let .negbin(parameters) = spec.kind else { Issue.record("\(spec.kind)"); return }
        #expect(parameters.fields.covariates == ["x", "z"] && parameters.fields.per == ["x": 10])
        #expect(parameters.fields.level == 0.9 && parameters.fields.curveScale == 1e7 && spec.kind.name == "negbin")
    }

    @Test func badCovariateListsAreErrorsAtTheirKey() throws {
        try AnalysisKindTests.expectErrors([
            ("  - {id: a, kind: negbin, table: t, response: r, covariates: [rai], per: {ria: 10}}",
             "per names \"ria\", which is not a covariate; did you mean \"rai\"?"),
            ("  - {id: a, kind: poisson, table: t, response: r, covariates: [x, x]}", "covariate \"x\" is listed twice"),
            ("  - {id: a, kind: poisson, table: t, response: r, covariates: []}", "covariates is empty"),
            ("  - {id: a, kind: negbin, table: t, covariates: [x]}", "a negbin analysis needs `response`"),
        ], line: 6)
        let error = try #require(AnalysisKindTests.error("  - {id: a, kind: negbin, table: t, response: r, covariates: [x], quasi: true}"))
        #expect(error.message.contains("unknown key \"quasi\" in a negbin analysis"), "\(error.message)")
    }
}
