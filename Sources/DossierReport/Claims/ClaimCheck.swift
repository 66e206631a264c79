/// The claims of a build: every condition evaluated on the results; the first that does not
/// hold fails the build.
package enum ClaimCheck {
    /// The verdict of every claim, in declaration order. Throws a condition's type error or an
    /// unknown path (at its place), never for a claim that merely does not hold.
    package static func verdicts(_ claims: [Claim], results: ExpressionEvaluator) throws(ReportError) -> [ClaimVerdict] {
        let evaluator = ConditionEvaluator(resolver: results)
        var verdicts: [ClaimVerdict] = []
        for claim in claims {
            verdicts.append(try evaluator.verdict(for: claim))
        }
        return verdicts
    }

    /// Throws the error of the first claim that does not hold.
    package static func requireAll(_ verdicts: [ClaimVerdict]) throws(ReportError) {
        if let failed = verdicts.first(where: { !$0.holdsNow }) { throw failed.failure }
    }

    /// The top-level key of the claims in `stats.json`: an analysis may not have it as its id
    /// when the report declares claims.
    package static let statsKey = "claims"
}
