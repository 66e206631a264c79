import DossierBase

/// The report formatters' number texts: DossierBase's ``NumberText`` (one rounding rule for
/// prose, tables, axes), with the report's limit on decimals.
package enum NumberFormat {
    /// `value` with exactly `digits` decimals (at most 12): "0.62"; never "−0.00".
    package static func fixed(_ value: Double, digits: Int) -> String {
        NumberText.fixed(value, decimals: min(digits, 12))
    }

    /// An integer with thousands separators ("12,345").
    static func grouped(_ value: Int) -> String {
        NumberText.grouped(value)
    }

    /// A number with thousands separators and `digits` decimals (at most 12): "1,234.5".
    static func groupedFixed(_ value: Double, digits: Int) -> String {
        NumberText.fixed(value, decimals: min(digits, 12), grouping: true)
    }
}
