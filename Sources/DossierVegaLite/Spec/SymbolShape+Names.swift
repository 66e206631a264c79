/// Vega's point symbols by name (the `shape` of a point mark or its config).
extension SymbolShape {
    /// The shape named `name`, nil when Vega has none of that name.
    package init?(name: String) { self.init(rawValue: name) }

    /// Every name, for messages.
    package static var names: [String] { allCases.map(\.rawValue) }
}
