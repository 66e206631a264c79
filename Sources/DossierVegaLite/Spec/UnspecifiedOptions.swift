/// Options with nothing given: what the chart compiler starts from where a spec sets none
/// (a binned field's scale, the hidden legend of a facet's other views).
extension ScaleSpec {
    /// A scale with every option left to its default.
    package static let unspecified = ScaleSpec()
}

extension LegendSpec {
    /// A legend with every option left to its default.
    package static let unspecified = LegendSpec()
}
