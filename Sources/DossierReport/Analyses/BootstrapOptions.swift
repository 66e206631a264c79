import DossierBase
import DossierStats

/// `bootstrap: {resamples, seed, method: percentile | bca}` of `correlation`: a seeded
/// bootstrap interval of the estimate beside the Fisher-z one.
package struct BootstrapOptions: Sendable {
    package var resamples: Int
    package var seed: UInt64
    package var method: BootstrapMethod

    /// The keys these options read.
    static let keys = CodingKeys.allCases.map(\.rawValue)

    enum CodingKeys: String, CodingKey, CaseIterable { case bootstrap }
    enum InnerKeys: String, CodingKey, CaseIterable { case resamples, seed, method }

    /// nil when the analysis has no `bootstrap`.
    static func decode(from decoder: any Decoder) throws -> BootstrapOptions? {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard c.contains(.bootstrap) else { return nil }
        let inner = try c.nestedOptions(InnerKeys.self, forKey: .bootstrap)
        guard let seed = try inner.decodeIfPresent(UInt64.self, forKey: .seed) else {
            throw DecodingError.dataCorrupted(.init(codingPath: inner.codingPath, debugDescription: "`bootstrap` needs `seed`"))
        }
        let resamples = try inner.decodeIfPresent(Int.self, forKey: .resamples) ?? ResamplingOptions.defaultResamples
        guard (1...ResamplingOptions.maximumResamples).contains(resamples) else {
            throw DecodingError.dataCorruptedError(forKey: .resamples, in: inner,
                debugDescription: "resamples must be a whole number from 1 to \(ResamplingOptions.maximumResamples), found \(resamples)")
        }
        let method = try inner.choice(.method, default: BootstrapMethod.percentile, what: "bootstrap method")
        return BootstrapOptions(resamples: resamples, seed: seed, method: method)
    }

    /// The interval as a record: `estimate`, `ci`, `low`, `high`, `level`, `method`, `resamples`,
    /// `undefined`, `seed`, `se`.
    func record(x: [Double], y: [Double], level: Double,
                statistic: @escaping ([Double], [Double]) throws -> Double) throws -> ResultValue {
        let work = resamples.multipliedReportingOverflow(by: max(x.count, 1))
        guard !work.overflow, work.partialValue <= ResamplingOptions.maximumResamplingWork else {
            throw FormatFailure("\(resamples) resamples of \(x.count) observations is too much work: resamples × observations "
                                + "may be at most \(ResamplingOptions.maximumResamplingWork); lower `resamples`")
        }
        let result = try pairedBootstrapInterval(x, y, resamples: resamples, seed: seed, method: method, level: level, statistic: statistic)
        return .record([
            .init("estimate", .number(result.estimate)), .init("ci", intervalValue(result.interval)),
            .init("low", .number(result.interval.lower)), .init("high", .number(result.interval.upper)),
            .init("level", .number(level)), .init("method", .text(method.rawValue)),
            .init("resamples", .integer(resamples)), .init("undefined", .integer(result.undefined)),
            .init("seed", .text(String(seed))), .init("se", .number(result.standardError)),
        ])
    }
}
