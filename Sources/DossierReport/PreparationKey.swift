/// What an analysis's rows are prepared from: the resource, then its joins, derived columns
/// and filters (``TablePreparation/prepare(table:join:derive:where:exclude:)``).
struct PreparationKey: Hashable, Sendable {
    var table: String
    var join: [AnalysisSpec.JoinSpec]?
    var derive: [AnalysisSpec.DeriveSpec]?
    var `where`: [String: FilterValue]?
    var exclude: [String: FilterValue]?
}
