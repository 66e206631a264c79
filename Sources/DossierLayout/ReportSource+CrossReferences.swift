import DossierBase
import DossierReport

extension ReportSource {
    /// Runs `resolve`, turning a cross-reference to a figure or table that is declared but not
    /// placed into an error at its declaration in the front matter.
    func resolvingReferences<T>(_ resolve: () throws(CrossReferences.UnplacedReference) -> T) throws(ReportError) -> T {
        do {
            return try resolve()
        } catch {
            let kind = spec.figures.contains { $0.id == error.id } ? "figure" : "table"
            throw ReportError("\(kind) \(InputExcerpt.quoted(error.id)) is cited with {{ ref:\(error.id) }} but never placed: add a "
                              + "\"```{\(kind)} \(error.id)\" block to the body", at: location(ofID: error.id))
        }
    }
}
