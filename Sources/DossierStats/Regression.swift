import Foundation

/// The fitted mean response at one x, with its confidence band and prediction interval.
public struct MeanResponse: Sendable, Equatable, Codable {
    /// The x at which the line is evaluated.
    public let x: Double
    /// Fitted value a + b·x.
    public let fitted: Double
    /// Standard error of the fitted mean: s·√(1/n + (x − x̄)²/Sxx).
    public let standardError: Double
    /// Confidence interval of the mean response (t, n − 2 df).
    public let confidenceInterval: ConfidenceInterval
    /// Prediction interval for a new observation: ± t·s·√(1 + 1/n + (x − x̄)²/Sxx).
    public let predictionInterval: ConfidenceInterval
}

/// Ordinary least squares fit y = intercept + slope·x.
///
/// Matches statsmodels `OLS(y, add_constant(x)).fit()`: standard errors from
/// s² = SSE/(n − 2), two-sided t-test p-values and t intervals on n − 2 df.
public struct LinearRegressionResult: Sendable, Equatable, Codable {
    /// Number of pairs.
    public let n: Int
    /// Slope b.
    public let slope: Double
    /// Intercept a.
    public let intercept: Double
    /// Standard error of the slope.
    public let slopeStandardError: Double
    /// Standard error of the intercept.
    public let interceptStandardError: Double
    /// t statistic of the slope (infinite for a perfect fit).
    public let slopeT: Double
    /// t statistic of the intercept.
    public let interceptT: Double
    /// Two-sided p-value for slope = 0.
    public let slopePValue: Double
    /// Two-sided p-value for intercept = 0.
    public let interceptPValue: Double
    /// Confidence interval of the slope.
    public let slopeInterval: ConfidenceInterval
    /// Confidence interval of the intercept.
    public let interceptInterval: ConfidenceInterval
    /// Coefficient of determination R² = 1 − SSE/SST.
    public let rSquared: Double
    /// Residual standard error s = √(SSE/(n − 2)).
    public let residualStandardError: Double
    /// Residual degrees of freedom n − 2.
    public let degreesOfFreedom: Int
    /// Mean of x.
    public let xMean: Double
    /// Σ(x − x̄)².
    public let sxx: Double
    /// Confidence level used for the intervals.
    public let confidenceLevel: Double
    /// The t critical value t_{1−α/2, n−2}.
    public let criticalValue: Double

    /// The mean response at `x` with its confidence band (and prediction interval).
    public func meanResponse(at x: Double) -> MeanResponse {
        let fitted = intercept + slope * x
        let dx = x - xMean
        let leverage = 1 / Double(n) + dx * dx / sxx
        let se = residualStandardError * leverage.squareRoot()
        let sePred = residualStandardError * (1 + leverage).squareRoot()
        return MeanResponse(
            x: x, fitted: fitted, standardError: se,
            confidenceInterval: ConfidenceInterval(lower: fitted - criticalValue * se, upper: fitted + criticalValue * se,
                                                   level: confidenceLevel),
            predictionInterval: ConfidenceInterval(lower: fitted - criticalValue * sePred,
                                                   upper: fitted + criticalValue * sePred, level: confidenceLevel))
    }

    /// The band at each of `xs` (e.g. a grid for a chart).
    public func band(at xs: [Double]) -> [MeanResponse] { xs.map(meanResponse(at:)) }
}

/// Fits y = a + b·x by least squares. Throws for fewer than 3 pairs, non-finite values,
/// constant x, or constant y (R² undefined).
public func linearRegression(x: [Double], y: [Double], confidenceLevel: Double = 0.95) throws -> LinearRegressionResult {
    try Check.pairs(x, y, "linear regression")
    try Check.level(confidenceLevel)
    let n = x.count
    let dn = Double(n)
    let (mx, my, sxx, syy, sxy) = try centredSums(x, y, what: "linear regression ")
    let slope = sxy / sxx
    let intercept = my - slope * mx
    var sse = 0.0
    for i in 0..<n {
        let e = y[i] - (intercept + slope * x[i])
        sse += e * e
    }
    let df = n - 2
    let s = (sse / Double(df)).squareRoot()
    let seSlope = s / sxx.squareRoot()
    let seIntercept = s * (1 / dn + mx * mx / sxx).squareRoot()
    let tDist = try StudentTDistribution(degreesOfFreedom: Double(df))
    let crit = try tDist.upperQuantile((1 - confidenceLevel) / 2)
    func tAndP(_ est: Double, _ se: Double) -> (Double, Double) {
        if se == 0 { return (est == 0 ? 0 : (est > 0 ? .infinity : -.infinity), est == 0 ? 1 : 0) }
        let t = est / se
        return (t, tDist.twoSidedPValue(t))
    }
    let (tb, pb) = tAndP(slope, seSlope)
    let (ta, pa) = tAndP(intercept, seIntercept)
    return LinearRegressionResult(
        n: n, slope: slope, intercept: intercept, slopeStandardError: seSlope, interceptStandardError: seIntercept,
        slopeT: tb, interceptT: ta, slopePValue: pb, interceptPValue: pa,
        slopeInterval: ConfidenceInterval(lower: slope - crit * seSlope, upper: slope + crit * seSlope, level: confidenceLevel),
        interceptInterval: ConfidenceInterval(lower: intercept - crit * seIntercept, upper: intercept + crit * seIntercept,
                                              level: confidenceLevel),
        rSquared: max(0, 1 - sse / syy), residualStandardError: s, degreesOfFreedom: df, xMean: mx, sxx: sxx,
        confidenceLevel: confidenceLevel, criticalValue: crit)
}
