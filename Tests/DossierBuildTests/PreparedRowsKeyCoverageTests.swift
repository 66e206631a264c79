@testable import DossierBuild
import DossierData
@testable import DossierReport
import Foundation
import Testing

/// The rule the analysis-rows key (``PreparedRowsKey``) rests on: an analysis reads no column
/// of its prepared rows but those its parameters name. If a kind ever read another column, an
/// edit of that column would find a stale result. So every analysis of both committed reports
/// is run twice, on its prepared rows and on the same rows with every column its parameters
/// do not name scrambled (other values, missing cells present and present cells missing), and
/// the two results must be equal.
@Suite struct PreparedRowsKeyCoverageTests {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The analyses of `report` the rows key covers (a sensitivity analysis by its variants),
    /// with the preparation of its data package.
    private static func coveredAnalyses(of report: String) throws -> (analyses: [AnalysisSpec], preparation: TablePreparation) {
        let folder = root.appendingPathComponent("reports/\(report)")
        let text = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        let source = try ReportSource(text: text, path: "report.md")
        let dataPath = try #require(source.spec.data)
        let package = try DataPackage.load(from: folder.appendingPathComponent(dataPath).standardizedFileURL)
        // The analyses the key covers, as the key decides; a `rows` analysis's key holds every
        // column, so there is nothing to scramble.
        let covered = source.spec.analyses.flatMap { PreparedRowsKey.readers(of: $0) ?? [] }.filter { analysis in
            if case .rows = analysis.kind { return false }
            return true
        }
        return (covered, TablePreparation(package: package))
    }

    @Test(arguments: ["china-lac-local", "anscombe"])
    func everyAnalysisReadsOnlyTheColumnsItsParametersName(report: String) throws {
        let (analyses, preparation) = try Self.coveredAnalyses(of: report)
        var kinds: Set<String> = []
        for analysis in analyses {
            let rows = try preparation.prepare(table: analysis.table, join: analysis.join, derive: analysis.derive,
                                               where: analysis.where, exclude: analysis.exclude)
            let named = PreparedRowsKey.namedStrings(in: analysis)
            let scrambled = Self.scrambling(rows, except: named)
            #expect(scrambled.columns != rows.columns || rows.rowCount == 0 || rows.fields.allSatisfy { named.contains($0.name) },
                    "\(analysis.id): \(rows.rowCount) rows, fields \(rows.fields.map(\.name)), named \(named.sorted())")
            let parameters = analysis.kind.parameters
            let expected = try parameters.run(on: rows, preparation: preparation)
            let found = try parameters.run(on: scrambled, preparation: preparation)
            #expect(found == expected, "\(report): analysis \(analysis.id) (\(analysis.kind.name)) reads a column its parameters do not name")
            kinds.insert(analysis.kind.name)
        }
        // Not vacuous: the flagship alone has most kinds.
        if report == "china-lac-local" {
            #expect(kinds.isSuperset(of: ["count", "summary", "correlation", "permutation", "poisson", "proportion", "crosstab", "fisher"]),
                    "kinds checked: \(kinds.sorted())")
        } else {
            #expect(kinds.isSuperset(of: ["summary", "correlation", "regression"]), "kinds checked: \(kinds.sorted())")
        }
    }

    /// `table` with every column not in `kept` replaced: each cell by another value of the
    /// column's type, a missing cell by a present one and a present one, every third row, by a
    /// missing one.
    static func scrambling(_ table: Table, except kept: Set<String>) -> Table {
        let columns = zip(table.fields, table.columns).map { field, column -> Column in
            guard !kept.contains(field.name) else { return column }
            func other<Cell>(_ cells: [Cell?], _ make: (Int, Cell?) -> Cell?) -> [Cell?] {
                cells.indices.map { row in row % 3 == 2 && cells[row] != nil ? nil : make(row, cells[row]) }
            }
            switch column {
            case let .string(cells): return .string(other(cells) { row, cell in "scrambled \(row) \(cell ?? "")" })
            case let .integer(cells): return .integer(other(cells) { row, cell in (cell ?? 0) * 7 + 1_000_003 + row })
            case let .number(cells): return .number(other(cells) { row, cell in (cell ?? 0) * 3 + 17.5 + Double(row) })
            case let .boolean(cells): return .boolean(other(cells) { row, cell in !(cell ?? (row % 2 == 0)) })
            case let .date(cells):
                return .date(other(cells) { row, _ in CivilDate(year: 1901 + row % 97, month: 1 + row % 12, day: 1 + row % 28) })
            }
        }
        return Table(name: table.name, fields: table.fields, columns: columns, sourceLines: table.sourceLines)
    }
}
