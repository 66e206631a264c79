/// A Vega-Lite aggregate operation, for `aggregate` in an encoding channel.
public enum AggregateOp: String, Sendable, Decodable, Equatable, CaseIterable {
    /// Rows in the group (the channel's field, if any, is not read).
    case count
    /// Present (non-missing) values.
    case valid
    /// Missing values.
    case missing
    /// Distinct present values.
    case distinct
    case sum
    case mean
    /// The same as `mean`.
    case average
    /// The median (linear interpolation between order statistics, as d3 and R type 7).
    case median
    /// The lower quartile (same interpolation).
    case q1
    /// The upper quartile.
    case q3
    case min
    case max
    /// The sample standard deviation (n − 1).
    case stdev
    /// The sample variance (n − 1).
    case variance
    /// The population standard deviation (n).
    case stdevp
    /// The population variance (n).
    case variancep
    /// The standard error of the mean, stdev / √n.
    case stderr
    /// The product of the values.
    case product

    /// The default axis or legend title of the aggregated field, as Vega-Lite writes it:
    /// "Mean of Horsepower", "Count of Records".
    package func title(of field: String?) -> String {
        switch self {
        case .count: return "Count of Records"
        case .average, .mean: return "Mean of \(field ?? "")"
        case .q1: return "Q1 of \(field ?? "")"
        case .q3: return "Q3 of \(field ?? "")"
        case .stdev: return "Standard deviation of \(field ?? "")"
        case .stdevp: return "Population standard deviation of \(field ?? "")"
        case .variancep: return "Population variance of \(field ?? "")"
        case .stderr: return "Standard error of \(field ?? "")"
        default: return rawValue.prefix(1).uppercased() + rawValue.dropFirst() + " of \(field ?? "")"
        }
    }

    /// The aggregated column's name, as Vega-Lite names it: `__count`, `mean_Horsepower`.
    package func outputName(of field: String?) -> String {
        self == .count ? "__count" : "\(rawValue)_\(field ?? "")"
    }

    /// The operation over one group's values (`nil` for missing).
    package func apply(_ values: [Double?], rows: Int) -> Double? {
        let present = values.compactMap { $0 }.filter { !$0.isNaN }
        switch self {
        case .count: return Double(rows)
        case .valid: return Double(present.count)
        case .missing: return Double(values.count - present.count)
        case .distinct: return Double(Set(present).count)
        case .sum: return present.reduce(0, +)
        default: break
        }
        guard !present.isEmpty else { return nil }
        switch self {
        case .mean, .average: return present.reduce(0, +) / Double(present.count)
        case .min: return present.min()
        case .max: return present.max()
        case .product: return present.reduce(1, *)
        case .median: return Self.quantile(present.sorted(), 0.5)
        case .q1: return Self.quantile(present.sorted(), 0.25)
        case .q3: return Self.quantile(present.sorted(), 0.75)
        case .variance, .stdev, .stderr, .variancep, .stdevp:
            let n = Double(present.count)
            let mean = present.reduce(0, +) / n
            let squares = present.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            if self == .variancep { return squares / n }
            if self == .stdevp { return (squares / n).squareRoot() }
            guard present.count > 1 else { return nil }
            let variance = squares / (n - 1)
            switch self {
            case .variance: return variance
            case .stdev: return variance.squareRoot()
            default: return (variance / n).squareRoot()
            }
        default: return nil
        }
    }

    /// Quantile `p` of sorted values, interpolating linearly (R type 7, d3.quantile).
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let position = Double(sorted.count - 1) * p
        let lower = Int(position.rounded(.down))
        let upper = Swift.min(lower + 1, sorted.count - 1)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }
}
