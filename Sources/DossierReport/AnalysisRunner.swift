import DossierBase
import DossierData
import DossierStats
import Foundation

/// Computes the analyses a report declares, each into a named ``ResultValue``.
package struct AnalysisRunner {
    package let preparation: TablePreparation

    package init(preparation: TablePreparation) {
        self.preparation = preparation
    }

    /// Every kind of analysis, with a one-line description (docs and error messages).
    package static let kinds: [(name: String, summary: String)] = [
        ("count", "rows per group: `by: [field…]` → table of groups with n and share; total"),
        ("rows", "the prepared rows themselves (after join/derive/where), for tables and charts"),
        ("summary", "n, mean, median, sd, min, max, quartiles of `field`"),
        ("correlation", "`x`, `y`, `method: pearson|spearman|kendall` → estimate, ci (Pearson), p, n"),
        ("permutation", "seeded permutation p-value for Pearson r of `x`, `y` (`seed`, `resamples`)"),
        ("regression", "OLS of `y` on `x`: slope, intercept, R², p, and a `curve` table with the 95% band"),
        ("poisson", "Poisson regression of `response` on `covariates` with log(`offset`): rate ratios per `per`, quasi-Poisson intervals, dispersion"),
        ("proportion", "share of rows matching `success` per `by` group, with Wilson intervals"),
        ("crosstab", "`rows` × `columns` counts, chi-square with expected counts, Cramér's V, seeded Monte-Carlo exact p"),
        ("fisher", "2×2 `rows` × `columns`: Fisher's exact p and conditional odds ratio with its interval"),
    ]

    package func run(_ spec: AnalysisSpec) throws(FormatFailure) -> ResultValue {
        let table = try preparation.prepare(table: spec.table, join: spec.join, derive: spec.derive, where: spec.where, exclude: spec.exclude)
        do {
            switch spec.kind {
            case "count": return try count(spec, table)
            case "rows": return .table(ResultTable(table))
            case "summary": return try summary(spec, table)
            case "correlation": return try correlation(spec, table)
            case "permutation": return try permutation(spec, table)
            case "regression": return try regression(spec, table)
            case "poisson": return try poisson(spec, table)
            case "proportion": return try proportion(spec, table)
            case "crosstab": return try crosstab(spec, table)
            case "fisher": return try fisher(spec, table)
            default:
                throw FormatFailure("unknown analysis kind \(InputExcerpt.quoted(spec.kind))" + unknownNameHint(spec.kind, known: Self.kinds.map(\.name)))
            }
        } catch let failure as FormatFailure {
            throw failure
        } catch let error as StatsError {
            throw FormatFailure(error.description)
        } catch {
            throw FormatFailure("\(error)")
        }
    }

    /// The most rows `complete: true` may make (years between the first and last × other groups).
    package static let maximumCompletedRows = 1_000_000

    /// The most resamples × observations one resampling test may draw (about a second of work).
    package static let maximumResamplingWork = 200_000_000

    /// `spec.resamples` (default 9999), unless resamples × observations passes
    /// ``maximumResamplingWork``.
    private func boundedResamples(_ spec: AnalysisSpec, observations: Int) throws(FormatFailure) -> Int {
        let resamples = spec.resamples ?? 9999
        let (work, overflow) = resamples.multipliedReportingOverflow(by: max(observations, 1))
        guard !overflow, work <= Self.maximumResamplingWork else {
            throw FormatFailure("\(resamples) resamples of \(observations) observations is too much work: resamples × observations "
                                + "may be at most \(Self.maximumResamplingWork); lower `resamples`")
        }
        return resamples
    }

    private func require<T>(_ value: T?, _ key: String, _ spec: AnalysisSpec) throws(FormatFailure) -> T {
        guard let value else { throw FormatFailure("a \(spec.kind) analysis needs `\(key)`") }
        return value
    }

    private func count(_ spec: AnalysisSpec, _ table: Table) throws -> ResultValue {
        let by = try require(spec.by, "by", spec)
        let keyColumns = try by.map { field throws(FormatFailure) in try preparation.keys(field, in: table) }
        let grouped = KeyGroups((0..<table.rowCount).lazy.map { row -> [String]? in keyColumns.map { $0[row] ?? "(missing)" } })
        var counts = grouped.positions.mapValues(\.count)
        var order = grouped.keys
        if spec.complete == true {
            let years = order.compactMap { Int($0[0]) }
            if let low = years.min(), let high = years.max(), years.count == order.count {
                var others: [[String]] = []
                var seenOthers: Set<[String]> = []
                for key in order where seenOthers.insert(Array(key.dropFirst())).inserted { others.append(Array(key.dropFirst())) }
                let (span, overflow) = high.subtractingReportingOverflow(low)
                let (rows, rowsOverflow) = (span + (overflow ? 0 : 1)).multipliedReportingOverflow(by: others.count)
                guard !overflow, !rowsOverflow, rows <= Self.maximumCompletedRows else {
                    throw FormatFailure("complete: \(low) to \(high) would make more than \(Self.maximumCompletedRows) rows; "
                                        + "`complete` fills the years between the smallest and the largest")
                }
                for year in low...high {
                    for rest in others where counts[[String(year)] + rest] == nil {
                        counts[[String(year)] + rest] = 0
                        order.append([String(year)] + rest)
                    }
                }
            }
        }
        if spec.orderBy == "key" && spec.order == nil {
            order.sort { a, b in
                for (x, y) in zip(a, b) where x != y {
                    if let u = Double(x), let v = Double(y) { return u < v }
                    return x < y
                }
                return false
            }
        } else {
            order = sortKeys(order, preferred: spec.order) { counts[$0] ?? 0 }
        }
        let total = table.rowCount
        var columns = by.enumerated().map { index, field in
            ResultTable.Column(name: field, values: order.map { key -> ResultValue in
                if let number = Int(key[index]), table.column(named: field)?.integers != nil { return .integer(number) }
                return .text(key[index])
            })
        }
        columns.append(.init(name: "n", values: order.map { .integer(counts[$0] ?? 0) }))
        columns.append(.init(name: "share", values: order.map { .number(Double(counts[$0] ?? 0) / Double(max(total, 1))) }))
        if spec.cumulative == true {
            var running = 0
            columns.append(.init(name: "cumulative", values: order.map { key in
                running += counts[key] ?? 0
                return .integer(running)
            }))
        }
        return .record([
            .init("n", .integer(total)),
            .init("groups", .integer(order.count)),
            .init("table", .table(ResultTable(columns: columns))),
        ])
    }

    /// Orders group keys: the preferred order first, then by descending count, then by name.
    private func sortKeys(_ keys: [[String]], preferred: [String]?, count: ([String]) -> Int) -> [[String]] {
        let rank = Dictionary(uniqueKeysWithValues: (preferred ?? []).enumerated().map { ($1, $0) })
        return keys.sorted { a, b in
            let ra = a.first.flatMap { rank[$0] } ?? Int.max
            let rb = b.first.flatMap { rank[$0] } ?? Int.max
            if ra != rb { return ra < rb }
            if preferred == nil, count(a) != count(b) { return count(a) > count(b) }
            return a.joined(separator: "\u{1}") < b.joined(separator: "\u{1}")
        }
    }

    private func summary(_ spec: AnalysisSpec, _ table: Table) throws -> ResultValue {
        let field = try require(spec.field, "field", spec)
        let (result, missing) = try summarize(try preparation.numbers(field, in: table))
        return .record([
            .init("n", .integer(result.n)), .init("missing", .integer(missing)),
            .init("mean", .number(result.mean)), .init("median", .number(result.median)),
            .init("sd", result.standardDeviation.map(ResultValue.number) ?? .missing),
            .init("variance", result.standardDeviation.map { .number($0 * $0) } ?? .missing),
            .init("min", .number(result.minimum)), .init("max", .number(result.maximum)),
            .init("q1", .number(result.firstQuartile)), .init("q3", .number(result.thirdQuartile)),
            .init("sum", .number(result.mean * Double(result.n))),
        ])
    }

    private func pairs(_ spec: AnalysisSpec, _ table: Table) throws -> (x: [Double], y: [Double], labels: [String], dropped: Int) {
        let xs = try preparation.numbers(try require(spec.x, "x", spec), in: table)
        let ys = try preparation.numbers(try require(spec.y, "y", spec), in: table)
        let labelColumn = try spec.label.map { field throws(FormatFailure) in try preparation.keys(field, in: table) }
        var x: [Double] = [], y: [Double] = [], labels: [String] = []
        var dropped = 0
        for index in 0..<table.rowCount {
            let label = labelColumn?[index] ?? ""
            if let drop = spec.drop, drop.contains(label) { continue }
            if let a = xs[index], let b = ys[index] {
                x.append(a); y.append(b); labels.append(label)
            } else {
                dropped += 1
            }
        }
        return (x, y, labels, dropped)
    }

    private func correlation(_ spec: AnalysisSpec, _ table: Table) throws -> ResultValue {
        let data = try pairs(spec, table)
        let method = spec.method ?? "pearson"
        let result: CorrelationResult
        switch method {
        case "pearson": result = try pearsonCorrelation(data.x, data.y, confidenceLevel: spec.level ?? 0.95)
        case "spearman": result = try spearmanCorrelation(data.x, data.y)
        case "kendall": result = try kendallTau(data.x, data.y)
        default:
            throw FormatFailure("unknown correlation method \(InputExcerpt.quoted(method))" + unknownNameHint(method, known: ["pearson", "spearman", "kendall"]))
        }
        var fields: [ResultValue.Field] = [
            .init("method", .text(method)), .init("n", .integer(result.n)), .init("missing", .integer(data.dropped)),
            .init("estimate", .number(result.estimate)), .init("p", .number(result.pValue)),
        ]
        if let ci = result.confidenceInterval { fields.append(.init("ci", interval(ci))) }
        if !data.labels.allSatisfy(\.isEmpty) { fields.append(.init("units", .list(data.labels.map(ResultValue.text)))) }
        return .record(fields)
    }

    private func permutation(_ spec: AnalysisSpec, _ table: Table) throws -> ResultValue {
        let data = try pairs(spec, table)
        let seed = try require(spec.seed, "seed", spec)
        let resamples = try boundedResamples(spec, observations: data.x.count)
        let result = try permutationTest(data.x, data.y, permutations: resamples, seed: seed)
        return .record([
            .init("n", .integer(result.n)), .init("estimate", .number(result.observed)),
            .init("p", .number(result.pValue)), .init("resamples", .integer(result.permutations)),
            .init("exact", .boolean(result.isExact)), .init("seed", .integer(Int(truncatingIfNeeded: result.seed))),
        ])
    }

    private func regression(_ spec: AnalysisSpec, _ table: Table) throws -> ResultValue {
        let data = try pairs(spec, table)
        let fit = try linearRegression(x: data.x, y: data.y, confidenceLevel: spec.level ?? 0.95)
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
            .init("slope", .record([.init("estimate", .number(fit.slope)), .init("ci", interval(fit.slopeInterval)),
                                    .init("p", .number(fit.slopePValue)), .init("se", .number(fit.slopeStandardError))])),
            .init("intercept", .number(fit.intercept)),
            .init("r_squared", .number(fit.rSquared)),
            .init("curve", .table(curve)),
        ])
    }

    private func poisson(_ spec: AnalysisSpec, _ table: Table) throws -> ResultValue {
        let responseField = try require(spec.response, "response", spec)
        let covariateFields = try require(spec.covariates, "covariates", spec)
        let response = try preparation.numbers(responseField, in: table)
        let covariates = try covariateFields.map { field throws(FormatFailure) in try preparation.numbers(field, in: table) }
        let offsets = try spec.offset.map { field throws(FormatFailure) in try preparation.numbers(field, in: table) }
        let labels = try spec.label.map { field throws(FormatFailure) in try preparation.keys(field, in: table) }
        var y: [Double] = [], x: [[Double]] = covariateFields.map { _ in [] }, offset: [Double] = []
        var used: [String] = [], excluded: [String] = []
        for row in 0..<table.rowCount {
            let label = labels?[row] ?? String(row + 1)
            if let drop = spec.drop, drop.contains(label) { continue }
            guard let count = response[row], covariates.allSatisfy({ $0[row] != nil }),
                  offsets.map({ ($0[row] ?? 0) > 0 }) ?? true
            else { excluded.append(label); continue }
            y.append(count)
            for index in covariates.indices { x[index].append(covariates[index][row] ?? 0) }
            if let offsets, let value = offsets[row] { offset.append(Foundation.log(value)) }
            used.append(label)
        }
        let fit = try poissonRegression(counts: y, covariates: x, names: covariateFields,
                                        offset: offsets == nil ? nil : offset, confidenceLevel: spec.level ?? 0.95)
        let overdispersed = fit.dispersion > 1.5
        var ratios: [ResultValue.Field] = []
        for field in covariateFields {
            let per = spec.per?[field] ?? 1
            let plain = try fit.rateRatio(for: field, per: per, quasi: false)
            let quasi = try fit.rateRatio(for: field, per: per, quasi: true)
            let coefficient = fit.coefficient(field)
            ratios.append(.init(field, .record([
                .init("per", .number(per)),
                .init("estimate", .number(plain.estimate)),
                .init("ci", interval(overdispersed ? quasi.interval : plain.interval)),
                .init("ci_poisson", interval(plain.interval)),
                .init("ci_quasi", interval(quasi.interval)),
                .init("p", .number((overdispersed ? coefficient?.quasiPValue : coefficient?.pValue) ?? 1)),
            ])))
        }
        var curveField: [ResultValue.Field] = []
        if let scale = spec.curveScale, let first = covariateFields.first, let column = x.first,
           let low = column.min(), let high = column.max(), fit.covariance.count >= 2 {
            // The rate at a zero offset (curve_scale turns it into a rate per unit), other
            // covariates at their means; the band at the analysis' level, quasi when overdispersed.
            let means = x.map { values in values.reduce(0, +) / Double(max(values.count, 1)) }
            let grid = (0...48).map { low + (high - low) * Double($0) / 48 }
            let band = try fit.rateBand(covariate: 0, grid: grid, others: means, scale: scale,
                                        level: spec.level ?? 0.95, quasi: overdispersed)
            curveField = [.init("curve", .table(ResultTable(columns: [
                .init(name: first, values: band.grid.map(ResultValue.number)),
                .init(name: "fit", values: band.fit.map(ResultValue.number)),
                .init(name: "low", values: band.lower.map(ResultValue.number)),
                .init(name: "high", values: band.upper.map(ResultValue.number)),
            ])))]
        }
        return .record(curveField + [
            .init("n", .integer(fit.n)),
            .init("units", .list(used.map(ResultValue.text))),
            .init("excluded", .list(excluded.map(ResultValue.text))),
            .init("deviance", .number(fit.deviance)),
            .init("df", .integer(fit.degreesOfFreedom)),
            .init("dispersion", .number(fit.dispersion)),
            .init("deviance_per_df", .number(fit.deviancePerDegreeOfFreedom)),
            .init("overdispersed", .boolean(overdispersed)),
            .init("rate_ratio", .record(ratios)),
        ])
    }

    private func proportion(_ spec: AnalysisSpec, _ table: Table) throws -> ResultValue {
        let success = try require(spec.success, "success", spec)
        let outcomes = try preparation.keys(success.field, in: table)
        let accepted = Set(success.equals.values)
        let by = spec.by ?? []
        let groups = try by.first.map { field throws(FormatFailure) in try preparation.keys(field, in: table) }
        let grouped = KeyGroups((0..<table.rowCount).lazy.map { row -> String? in groups?[row] ?? "all" })
        let trials = grouped.positions.mapValues(\.count)
        let successes = grouped.positions.mapValues { rows in rows.count { outcomes[$0].map(accepted.contains) ?? false } }
        let order = sortKeys(grouped.keys.map { [$0] }, preferred: spec.order) { trials[$0[0]] ?? 0 }.map { $0[0] }
        let level = spec.level ?? 0.95
        var rows: [(String, ProportionInterval)] = []
        for key in order {
            rows.append((key, try wilsonInterval(successes: successes[key] ?? 0, trials: trials[key] ?? 0, confidenceLevel: level)))
        }
        let all = try wilsonInterval(successes: successes.values.reduce(0, +), trials: table.rowCount, confidenceLevel: level)
        let result = ResultTable(columns: [
            .init(name: by.first ?? "group", values: rows.map { .text($0.0) }),
            .init(name: "n", values: rows.map { .integer($0.1.n) }),
            .init(name: "k", values: rows.map { .integer($0.1.successes) }),
            .init(name: "share", values: rows.map { .number($0.1.estimate) }),
            .init(name: "low", values: rows.map { .number($0.1.interval.lower) }),
            .init(name: "high", values: rows.map { .number($0.1.interval.upper) }),
        ])
        return .record([
            .init("n", .integer(all.n)), .init("k", .integer(all.successes)),
            .init("estimate", .number(all.estimate)), .init("ci", interval(all.interval)),
            .init("table", .table(result)),
        ])
    }

    private func contingency(_ spec: AnalysisSpec, _ table: Table) throws -> ContingencyTable {
        let rows = try preparation.keys(try require(spec.rows, "rows", spec), in: table)
        let columns = try preparation.keys(try require(spec.columns, "columns", spec), in: table)
        return try ContingencyTable.crossTabulate(rows: rows, columns: columns, rowOrder: spec.order)
    }

    private func crosstab(_ spec: AnalysisSpec, _ table: Table) throws -> ResultValue {
        let counts = try contingency(spec, table)
        let chi = try chiSquareTest(counts)
        let seed = try require(spec.seed, "seed", spec)
        let total = counts.counts.reduce(0) { $0 + $1.reduce(0, +) }
        let exact = try monteCarloTableTest(counts, replicates: try boundedResamples(spec, observations: total), seed: seed)
        var rowValues: [ResultValue] = [], columnValues: [ResultValue] = [], cells: [ResultValue] = []
        var expected: [ResultValue] = [], rowShares: [ResultValue] = []
        for (i, rowLabel) in counts.rowLabels.enumerated() {
            let rowTotal = counts.counts[i].reduce(0, +)
            for (j, columnLabel) in counts.columnLabels.enumerated() {
                rowValues.append(.text(rowLabel))
                columnValues.append(.text(columnLabel))
                cells.append(.integer(counts.counts[i][j]))
                expected.append(.number(chi.expected[i][j]))
                rowShares.append(.number(rowTotal == 0 ? 0 : Double(counts.counts[i][j]) / Double(rowTotal)))
            }
        }
        let rowTotals = counts.counts.map { $0.reduce(0, +) }
        return .record([
            .init("n", .integer(chi.n)),
            .init("chi_square", .number(chi.statistic)), .init("df", .integer(chi.degreesOfFreedom)),
            .init("p_chi_square", .number(chi.pValue)),
            .init("min_expected", .number(chi.minimumExpected)),
            .init("cells_below_5", .integer(chi.cellsBelowFive)),
            .init("low_expected", .boolean(chi.lowExpectedCounts)),
            .init("cramers_v", .number(chi.cramersV)),
            .init("p", .number(chi.lowExpectedCounts ? exact.pValue : chi.pValue)),
            .init("p_exact", .number(exact.pValue)), .init("resamples", .integer(exact.replicates)),
            .init("test", .text(chi.lowExpectedCounts ? "Monte-Carlo exact test" : "chi-square test")),
            .init("table", .table(ResultTable(columns: [
                .init(name: spec.rows ?? "row", values: rowValues),
                .init(name: spec.columns ?? "column", values: columnValues),
                .init(name: "n", values: cells), .init(name: "expected", values: expected),
                .init(name: "row_share", values: rowShares),
            ]))),
            .init("row_totals", .table(ResultTable(columns: [
                .init(name: spec.rows ?? "row", values: counts.rowLabels.map(ResultValue.text)),
                .init(name: "n", values: rowTotals.map(ResultValue.integer)),
                .init(name: "label", values: zip(counts.rowLabels, rowTotals).map { .text("n = \($1)") }),
            ]))),
        ])
    }

    private func fisher(_ spec: AnalysisSpec, _ table: Table) throws -> ResultValue {
        let counts = try contingency(spec, table)
        let result = try fisherExactTest(counts, confidenceLevel: spec.level ?? 0.95)
        return .record([
            .init("n", .integer(result.n)), .init("p", .number(result.pValue)),
            .init("odds_ratio", .record([.init("estimate", .number(result.oddsRatio)), .init("ci", interval(result.oddsRatioInterval))])),
            .init("rows", .list(counts.rowLabels.map(ResultValue.text))),
            .init("columns", .list(counts.columnLabels.map(ResultValue.text))),
            .init("counts", .list(result.table.flatMap { $0 }.map(ResultValue.integer))),
        ])
    }

    private func interval(_ ci: ConfidenceInterval) -> ResultValue {
        .interval(low: ci.lower, high: ci.upper, level: ci.level)
    }
}

extension ResultTable {
    /// A result table with the values of a dataset table.
    package init(_ table: Table) {
        self.init(columns: zip(table.fields, table.columns).map { field, column in
            Column(name: field.name, values: (0..<column.count).map { ResultValue(column[$0]) })
        })
    }
}

extension ResultValue {
    /// Converts a dataset cell.
    package init(_ value: DossierData.Value) {
        switch value {
        case .null: self = .missing
        case let .string(text): self = .text(text)
        case let .integer(number): self = .integer(number)
        case let .number(number): self = .number(number)
        case let .boolean(flag): self = .boolean(flag)
        case let .date(date): self = .text(date.description)
        }
    }
}
