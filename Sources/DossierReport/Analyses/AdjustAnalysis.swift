import DossierBase
import DossierData
import DossierStats

/// `adjust`: Holm and Benjamini–Hochberg adjusted p-values over a declared family of tests,
/// read from the results of other analyses (which run first).
package struct AdjustAnalysis: AnalysisParameters {
    package static let name = "adjust"
    package static let summary = "`family` of analyses (each one's `p`), `method: holm|bh|both` → table of id, test, p, p_holm, p_bh, rank"
    package static let keys = CodingKeys.allCases.map(\.rawValue)
    package static let readsTable = false

    /// The tests: analysis ids (their `p`), or dotted paths to a p-value (`ties_poisson.p`).
    package var family: [String]
    package var method: Method

    /// Which adjustments the table holds.
    package enum Method: String, Sendable, CaseIterable { case holm, bh, both }

    package enum CodingKeys: String, CodingKey, CaseIterable { case family, method }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard let family = try c.decodeIfPresent([String].self, forKey: .family) else {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath, debugDescription: "an adjust analysis needs `family`"))
        }
        self.family = family
        guard !family.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .family, in: c,
                debugDescription: "an adjust analysis needs at least one test in `family`, found an empty list")
        }
        var seen: Set<String> = []
        for (index, member) in family.enumerated() where !seen.insert(member).inserted {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [CodingKeys.family, FamilyIndexKey(index)],
                debugDescription: "\(InputExcerpt.quoted(member)) is listed twice in `family`; list each test once"))
        }
        method = try c.choice(.method, default: Method.both, what: "adjustment method")
    }

    package var kind: AnalysisKind { .adjust(self) }

    /// The analyses whose results the family reads.
    package var dependencies: [String] { family.map(Self.analysisID) }

    /// The analysis a family member names: the part before the first dot.
    static func analysisID(_ member: String) -> String {
        String(member.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }

    package func run(on table: Table, preparation: TablePreparation) throws -> ResultValue {
        throw FormatFailure("an adjust analysis reads the results of other analyses, not a table")
    }

    /// The family's table, from the results of the analyses it names (`kinds`: each analysis'
    /// kind, for the `test` column when its result has no `test`).
    package func combine(results: [String: ResultValue], kinds: [String: String]) throws(FormatFailure) -> ResultValue {
        var p: [Double] = [], tests: [ResultValue] = []
        for member in family {
            let id = Self.analysisID(member)
            guard var value = results[id] else { throw FormatFailure("family member \(InputExcerpt.quoted(member)) has no result") }
            let path = member.split(separator: ".", omittingEmptySubsequences: false).dropFirst().map(String.init)
            for name in path.isEmpty ? ["p"] : path {
                guard let next = value.member(name) else {
                    let what = path.isEmpty ? "`p`" : "member \(InputExcerpt.quoted(name))"
                    let hint = path.isEmpty ? " (known: \(value.memberNames.prefix(30).joined(separator: ", ")))"
                        : NameHint.hint(for: name, known: value.memberNames)
                    throw FormatFailure("family member \(InputExcerpt.quoted(member)) (a \(kinds[id] ?? "") analysis) has no \(what)"
                                        + hint + "; list tests that give a p-value")
                }
                value = next
            }
            guard let number = value.doubleValue, number >= 0, number <= 1 else {
                throw FormatFailure("family member \(InputExcerpt.quoted(member)) is \(value.kindWithArticle), expected a p-value from 0 to 1")
            }
            p.append(number)
            let result = results[id]
            if case let .text(test)? = result?.field("test") {
                tests.append(.text(test))
            } else if case let .text(method)? = result?.field("method") {
                tests.append(.text("\(kinds[id] ?? "") (\(method))"))
            } else {
                tests.append(.text(kinds[id] ?? ""))
            }
        }
        do {
            var columns: [ResultTable.Column] = [
                .init(name: "id", values: family.map(ResultValue.text)), .init(name: "test", values: tests),
                .init(name: "p", values: p.map(ResultValue.number)),
            ]
            if method != .bh { columns.append(.init(name: "p_holm", values: try MultipleComparisons.holm(p).map(ResultValue.number))) }
            if method != .holm {
                columns.append(.init(name: "p_bh", values: try MultipleComparisons.benjaminiHochberg(p).map(ResultValue.number)))
            }
            columns.append(.init(name: "rank", values: try MultipleComparisons.ranks(p).map(ResultValue.integer)))
            return .record([
                .init("n", .integer(family.count)), .init("method", .text(method.rawValue)),
                .init("table", .table(ResultTable(columns: columns))),
            ])
        } catch let error as StatsError {
            throw FormatFailure(error.description)
        } catch {
            throw FormatFailure("\(error)")
        }
    }
}
