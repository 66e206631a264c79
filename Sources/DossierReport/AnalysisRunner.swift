import DossierBase
import DossierStats

/// Computes the analyses a report declares, each into a named ``ResultValue``: prepares the
/// rows (``TablePreparation``), then runs the kind (one file per kind in `Analyses/`).
package struct AnalysisRunner {
    package let preparation: TablePreparation

    package init(preparation: TablePreparation) {
        self.preparation = preparation
    }

    package func run(_ spec: AnalysisSpec) throws(FormatFailure) -> ResultValue {
        let table = try preparation.prepare(table: spec.table, join: spec.join, derive: spec.derive, where: spec.where, exclude: spec.exclude)
        do {
            return try spec.kind.parameters.run(on: table, preparation: preparation)
        } catch let failure as FormatFailure {
            throw failure
        } catch let error as StatsError {
            throw FormatFailure(error.description)
        } catch {
            throw FormatFailure("\(error)")
        }
    }

    /// Computes an analysis that reads other analyses' results (`adjust`) from `results`
    /// (`kinds`: the `kind:` of each analysis, by id).
    package func combine(_ spec: AnalysisSpec, results: [String: ResultValue], kinds: [String: String]) throws(FormatFailure) -> ResultValue {
        switch spec.kind {
        case let .adjust(adjust): return try adjust.combine(results: results, kinds: kinds)
        default: throw FormatFailure("a \(spec.kind.name) analysis reads a table, not other results")
        }
    }
}
