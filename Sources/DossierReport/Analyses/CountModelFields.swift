import DossierBase
import DossierData
import DossierStats
import Foundation

/// The keys of the count regressions (`poisson`, `negbin`): the count, its covariates, the
/// exposure, the rate-ratio units, the units to leave out, the level and the curve. Both kinds
/// read the same keys, so a `sensitivity` variant can swap one model for the other with
/// `kind:` alone.
package struct CountModelFields: KindFields {
    /// The count field.
    package var response: String
    /// The covariate fields, in the order the coefficients are reported.
    package var covariates: [String]
    /// The exposure field (its log is the offset).
    package var offset: String?
    /// Rate ratios are reported per this many units of a covariate (default 1).
    package var per: [String: Double]?
    /// The field naming the units, for `drop`, `units` and `excluded`.
    package var label: String?
    /// Values of `label` to leave out.
    package var drop: [String]?
    /// Confidence level (default 0.95).
    package var level: Double?
    /// Also return a `curve` table of the fitted rate for the first covariate over its observed
    /// range, times this factor (e.g. 1e7 for "per 10 million people").
    package var curveScale: Double?

    package static let keys = CodingKeys.allCases.map(\.rawValue)

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case response, covariates, offset, per, label, drop, level
        case curveScale = "curve_scale"
    }

    package init(from decoder: any Decoder, kind: String) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        response = try c.required(String.self, .response, kind: kind)
        covariates = try c.required([String].self, .covariates, kind: kind)
        if covariates.isEmpty {
            throw DecodingError.dataCorruptedError(forKey: .covariates, in: c,
                debugDescription: "covariates is empty, expected at least one field")
        }
        if let repeated = covariates.enumerated().first(where: { covariates.prefix($0.offset).contains($0.element) }) {
            throw DecodingError.dataCorruptedError(forKey: .covariates, in: c,
                debugDescription: "covariate \(InputExcerpt.quoted(repeated.element)) is listed twice, expected each field once")
        }
        offset = try c.decodeIfPresent(String.self, forKey: .offset)
        per = try c.decodeIfPresent([String: Double].self, forKey: .per)
        label = try c.decodeIfPresent(String.self, forKey: .label)
        drop = try c.decodeIfPresent([String].self, forKey: .drop)
        level = try c.confidenceLevel(.level)
        curveScale = try c.decodeIfPresent(Double.self, forKey: .curveScale)
        if let curveScale, !(curveScale.isFinite && curveScale > 0) {
            throw DecodingError.dataCorruptedError(forKey: .curveScale, in: c,
                debugDescription: "curve_scale must be a positive number, found \(curveScale)")
        }
        for (field, units) in (per ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard covariates.contains(field) else {
                throw DecodingError.dataCorruptedError(forKey: .per, in: c,
                    debugDescription: "per names \(InputExcerpt.quoted(field)), which is not a covariate"
                        + NameHint.hint(for: field, known: covariates))
            }
            guard units.isFinite && units > 0 else {
                throw DecodingError.dataCorruptedError(forKey: .per, in: c,
                    debugDescription: "per \(field) must be a positive number of units, found \(units)")
            }
        }
    }

    /// The rows a count regression uses.
    struct Observations {
        var counts: [Double] = [], covariates: [[Double]], logOffsets: [Double] = []
        var hasOffset: Bool
        var used: [String] = [], excluded: [String] = []
        /// The log offsets, or nil without an `offset`.
        var offset: [Double]? { hasOffset ? logOffsets : nil }
    }

    /// The rows with a count, every covariate and a positive offset (others are `excluded`;
    /// rows whose label is in `drop` are left out without a mention).
    func observations(in table: Table, preparation: TablePreparation) throws(FormatFailure) -> Observations {
        let response = try preparation.numbers(self.response, in: table)
        let covariates = try self.covariates.map { field throws(FormatFailure) in try preparation.numbers(field, in: table) }
        let offsets = try offset.map { field throws(FormatFailure) in try preparation.numbers(field, in: table) }
        let labels = try label.map { field throws(FormatFailure) in try preparation.keys(field, in: table) }
        var data = Observations(covariates: covariates.map { _ in [] }, hasOffset: offsets != nil)
        for row in 0..<table.rowCount {
            let label = labels?[row] ?? String(row + 1)
            if let drop, drop.contains(label) { continue }
            guard let count = response[row], covariates.allSatisfy({ $0[row] != nil }),
                  offsets.map({ ($0[row] ?? 0) > 0 }) ?? true
            else { data.excluded.append(label); continue }
            data.counts.append(count)
            for index in covariates.indices { data.covariates[index].append(covariates[index][row] ?? 0) }
            if let offsets, let value = offsets[row] { data.logOffsets.append(Foundation.log(value)) }
            data.used.append(label)
        }
        return data
    }

    /// The fields every count model's result starts with: `n`, `units`, `excluded`.
    func sampleFields(_ data: Observations) -> [ResultValue.Field] {
        [.init("n", .integer(data.counts.count)),
         .init("units", .list(data.used.map(ResultValue.text))),
         .init("excluded", .list(data.excluded.map(ResultValue.text)))]
    }

    /// With `curve_scale`: the fitted rate over the first covariate's range, the others at their
    /// means, at a zero offset, as a `curve` table (`<covariate>`, `fit`, `low`, `high`).
    func curve(_ x: [[Double]], band: (_ grid: [Double], _ others: [Double], _ scale: Double, _ level: Double) throws -> PoissonRateBand)
        rethrows -> [ResultValue.Field] {
        guard let scale = curveScale, let first = covariates.first, let column = x.first,
              let low = column.min(), let high = column.max() else { return [] }
        let means = x.map { values in values.reduce(0, +) / Double(max(values.count, 1)) }
        let grid = (0...48).map { low + (high - low) * Double($0) / 48 }
        let band = try band(grid, means, scale, level ?? 0.95)
        return [.init("curve", .table(ResultTable(columns: [
            .init(name: first, values: band.grid.map(ResultValue.number)),
            .init(name: "fit", values: band.fit.map(ResultValue.number)),
            .init(name: "low", values: band.lower.map(ResultValue.number)),
            .init(name: "high", values: band.upper.map(ResultValue.number)),
        ])))]
    }
}
