import DossierData
import DossierStats

/// `correlation`: the correlation of two numeric fields, with its p-value and Fisher-z interval
/// (the standard error named in `ci_method`).
package struct CorrelationAnalysis: AnalysisParameters {
    package static let name = "correlation"
    package static let summary = "`x`, `y`, `method: pearson|spearman|kendall`, `level` → estimate, ci (Fisher z; ci_method names the SE), p, n"
    package static let keys = PairedFields.keys + CodingKeys.allCases.map(\.rawValue) + BootstrapOptions.keys

    package var fields: PairedFields
    package var method: Method
    /// Confidence level of the interval (default 0.95).
    package var level: Double?
    /// A seeded bootstrap interval besides the Fisher-z one.
    package var bootstrap: BootstrapOptions?

    /// The correlation coefficient.
    package enum Method: String, Sendable, CaseIterable { case pearson, spearman, kendall }

    package enum CodingKeys: String, CodingKey, CaseIterable { case method, level }

    package init(from decoder: any Decoder) throws {
        fields = try PairedFields(from: decoder, kind: Self.name)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        method = try c.choice(.method, default: Method.pearson, what: "correlation method")
        level = try c.confidenceLevel(.level)
        bootstrap = try BootstrapOptions.decode(from: decoder)
    }

    package var kind: AnalysisKind { .correlation(self) }

    package func run(on table: Table, preparation: TablePreparation) throws -> ResultValue {
        let data = try fields.pairs(in: table, preparation: preparation)
        let result: CorrelationResult
        switch method {
        case .pearson: result = try pearsonCorrelation(data.x, data.y, confidenceLevel: level ?? 0.95)
        case .spearman: result = try spearmanCorrelation(data.x, data.y)
        case .kendall: result = try kendallTau(data.x, data.y)
        }
        var record: [ResultValue.Field] = [
            .init("method", .text(method.rawValue)), .init("n", .integer(result.n)), .init("missing", .integer(data.dropped)),
            .init("estimate", .number(result.estimate)), .init("p", .number(result.pValue)),
        ]
        let intervalMethod = CorrelationIntervalMethod(for: result.method)
        let ci = try correlationInterval(estimate: result.estimate, n: result.n, method: intervalMethod, level: level ?? 0.95)
        record += [
            .init("ci", intervalValue(ci)), .init("low", .number(ci.lower)), .init("high", .number(ci.upper)),
            .init("level", .number(ci.level)), .init("ci_method", .text(intervalMethod.rawValue)),
        ]
        if let bootstrap {
            let coefficient = method
            record.append(.init("bootstrap", try bootstrap.record(x: data.x, y: data.y, level: level ?? 0.95) { x, y in
                switch coefficient {
                case .pearson: try pearsonCorrelation(x, y).estimate
                case .spearman: try spearmanCorrelation(x, y).estimate
                case .kendall: try kendallTau(x, y).estimate
                }
            }))
        }
        if !data.labels.allSatisfy(\.isEmpty) { record.append(.init("units", .list(data.labels.map(ResultValue.text)))) }
        return .record(record)
    }
}
