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
}
