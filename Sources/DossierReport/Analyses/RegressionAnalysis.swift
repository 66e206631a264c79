import DossierData
import DossierStats

/// `regression`: ordinary least squares of `y` on `x`, with a confidence band.
package struct RegressionAnalysis: LevelledFieldsAnalysis {
    package static let name = "regression"
    package static let summary = "OLS of `y` on `x`: slope, intercept, R², p, and a `curve` table with the 95% band"

    package var fields: PairedFields
    /// Confidence level of the slope interval and the band (default 0.95).
    package var level: Double?

    package init(fields: PairedFields, level: Double?) { (self.fields, self.level) = (fields, level) }

    package var kind: AnalysisKind { .regression(self) }

    package func run(on table: Table, preparation: TablePreparation) throws -> ResultValue {
        let data = try fields.pairs(in: table, preparation: preparation)
        let fit = try linearRegression(x: data.x, y: data.y, confidenceLevel: level ?? 0.95)
        let low = data.x.min() ?? 0, high = data.x.max() ?? 0
        let grid = (0...40).map { low + (high - low) * Double($0) / 40 }
        let band = fit.band(at: grid)
        let curve = ResultTable(columns: [
            .init(name: "x", values: band.map { .number($0.x) }),
            .init(name: "fit", values: band.map { .number($0.fitted) }),
            .init(name: "low", values: band.map { .number($0.confidenceInterval.lower) }),
            .init(name: "high", values: band.map { .number($0.confidenceInterval.upper) }),
        ])
        return .record([
            .init("n", .integer(fit.n)),
            .init("slope", .record([.init("estimate", .number(fit.slope)), .init("ci", intervalValue(fit.slopeInterval)),
                                    .init("p", .number(fit.slopePValue)), .init("se", .number(fit.slopeStandardError))])),
            .init("intercept", .number(fit.intercept)),
            .init("r_squared", .number(fit.rSquared)),
            .init("curve", .table(curve)),
        ])
    }
}
