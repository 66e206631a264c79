import DossierBase

/// The interval of a composite mark (Vega-Lite `extent`): for errorbar and errorband
/// `stderr` (default, around the mean), `stdev`, `iqr` (around the median) or `min-max`; for a
/// boxplot the whisker length in interquartile ranges (default 1.5) or `min-max`.
public enum CompositeExtent: Sendable, Equatable, Decodable {
    /// Mean ± standard error.
    case stderr
    /// Mean ± standard deviation.
    case stdev
    /// Q1 to Q3, around the median.
    case iqr
    /// The smallest to the largest value.
    case minMax
    /// Boxplot: whiskers reach the furthest value within this many IQRs of the box.
    case whiskers(Double)

    /// Decodes a name or (boxplots) a number.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let k = try? c.decode(Double.self) {
            guard k >= 0, k <= 1000 else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "extent is \(ChartLimits.spell(k)), expected a number of IQRs 0…1000 or \"min-max\"")
            }
            self = .whiskers(k)
            return
        }
        let name = try c.decode(String.self)
        switch name {
        case "stderr": self = .stderr
        case "stdev": self = .stdev
        case "iqr": self = .iqr
        case "min-max": self = .minMax
        case "ci":
            throw DecodingError.dataCorruptedError(in: c, debugDescription:
                "extent \"ci\" is not supported in charts yet: Vega's interval is a random bootstrap; compute the confidence interval in an analysis and give it as y and y2")
        default:
            throw DecodingError.dataCorruptedError(in: c, debugDescription:
                "extent is \(InputExcerpt.quoted(name)), expected stderr, stdev, iqr, min-max or (boxplot) a number of IQRs"
                + MarkOptions.didYouMean(name, ["stderr", "stdev", "iqr", "min-max"]))
        }
    }
}

extension MarkType {
    /// Whether the mark is Vega-Lite composite (expanded into layers of simple marks).
    var isComposite: Bool { self == .errorbar || self == .errorband || self == .boxplot }

    /// The parts of a composite mark that take their own mark options.
    var compositeParts: [String]? {
        switch self {
        case .errorbar: return ["ticks", "rule"]
        case .errorband: return ["band", "borders"]
        case .boxplot: return ["box", "median", "outliers", "rule", "ticks"]
        default: return nil
        }
    }
}
