/// One column of chart data: numbers or strings, `nil` for missing.
public enum ChartColumn: Sendable, Equatable {
    /// Numeric values.
    case numbers([Double?])
    /// Text values.
    case strings([String?])

    /// Number of values.
    public var count: Int {
        switch self {
        case .numbers(let v): return v.count
        case .strings(let v): return v.count
        }
    }
}
