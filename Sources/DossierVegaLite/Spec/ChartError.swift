import DossierBase

/// An error in a chart spec or its data, naming the layer (1-based), channel and field.
public enum ChartError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A layer names a data table the caller did not supply.
    case dataNotFound(layer: Int, data: String, available: [String])
    /// A channel names a field the data table lacks.
    case fieldNotFound(layer: Int, channel: String, field: String, data: String, available: [String])
    /// A quantitative channel's field holds text that is not a number.
    case notNumeric(layer: Int, channel: String, field: String, value: String)
    /// A log scale met a value ≤ 0.
    case nonPositiveOnLogScale(layer: Int, channel: String, field: String, value: Double)
    /// A mark lacks a channel it needs.
    case missingChannel(layer: Int, mark: String, channel: String)
    /// Columns of one table have different lengths.
    case raggedData(data: String, column: String, count: Int, expected: Int)
    /// Any other inconsistency in the spec.
    case invalidSpec(String)
    /// Text that could not be measured (e.g. a glyph missing from the pinned fonts).
    case text(String)

    /// A message a report author can act on.
    public var description: String {
        switch self {
        case let .dataNotFound(layer, data, available):
            return "layer \(layer): data \"\(data)\" not found; data are: \(available.joined(separator: ", "))"
        case let .fieldNotFound(layer, channel, field, data, available):
            return "layer \(layer): \(channel): field \"\(field)\" not found in data \"\(data)\"; fields are: \(available.joined(separator: ", "))"
        case let .notNumeric(layer, channel, field, value):
            return "layer \(layer): \(channel): field \"\(field)\" is quantitative but holds \"\(value)\"; use type nominal or ordinal, or fix the data"
        case let .nonPositiveOnLogScale(layer, channel, field, value):
            return "layer \(layer): \(channel): field \"\(field)\" has \(NumberText.coordinate(value)) on a log scale; log scales need values > 0"
        case let .missingChannel(layer, mark, channel):
            return "layer \(layer): a \(mark) mark needs the \(channel) channel"
        case let .raggedData(data, column, count, expected):
            return "data \"\(data)\": column \"\(column)\" has \(count) values, expected \(expected)"
        case let .invalidSpec(message):
            return message
        case let .text(message):
            return message
        }
    }
}
