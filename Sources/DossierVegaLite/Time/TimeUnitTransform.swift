import DossierBase
import Foundation

/// Vega-Lite's `timeUnit` transform, `{timeUnit: year, field: "Release Date", as: year}`: a new
/// column `as` holding each date of `field` truncated to the unit (milliseconds since the
/// epoch, UTC), for a later `temporal` channel, aggregate or filter. Dates are read as a
/// temporal channel reads them (``TemporalParser``); one that does not parse is an error.
///
/// The chart's `transform` list (Sources/DossierCharts/Transform/) decodes and runs it.
public struct TimeUnitTransform: Sendable, Equatable {
    /// The unit.
    public var timeUnit: TimeUnit
    /// The date field.
    public var field: String
    /// The new column's name.
    public var output: String

    /// Creates the transform in code.
    public init(timeUnit: TimeUnit, field: String, as output: String) {
        self.timeUnit = timeUnit; self.field = field; self.output = output
    }

    /// `table` with the truncated dates added as `as` (replacing a column of that name).
    /// - Parameter step: the transform's place in the list (1-based), for messages.
    public func apply(_ table: ChartData, step: Int) throws -> ChartData {
        guard let column = table.column(field) else {
            throw ChartError.invalidSpec("transform \(step): timeUnit: field \(InputExcerpt.quoted(field)) not found; fields are: \(table.fieldNames.joined(separator: ", "))"
                + NameHint.hint(for: field, known: table.fieldNames))
        }
        let times: [Double?]
        switch column {
        case .numbers(let values):
            times = values
        case .strings(let values):
            times = try values.map { text in
                guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
                guard let time = TemporalParser.milliseconds(text) else {
                    throw ChartError.invalidSpec("transform \(step): timeUnit: field \(InputExcerpt.quoted(field)) holds \(InputExcerpt.quoted(text)), expected \(TemporalParser.examples)")
                }
                return time
            }
        }
        var result = table
        let values = ChartColumn.numbers(times.map { $0.map(timeUnit.truncate) })
        if let at = result.columns.firstIndex(where: { $0.name == output }) {
            result.columns[at].values = values
        } else {
            result.columns.append((output, values))
        }
        return result
    }
}

extension TimeUnitTransform: Decodable {
    private enum CodingKeys: String, CodingKey, CaseIterable { case timeUnit, field, output = "as" }

    /// Decodes `{timeUnit, field, as}`; `as` defaults to Vega-Lite's `<unit>_<field>`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, what: "a timeUnit transform")
        guard let unit = try c.decodeTimeUnit(.timeUnit) else {
            throw DecodingError.keyNotFound(CodingKeys.timeUnit, .init(codingPath: c.codingPath, debugDescription: "a timeUnit transform needs `timeUnit`"))
        }
        timeUnit = unit
        field = try c.decode(String.self, forKey: .field)
        output = try c.decodeIfPresent(String.self, forKey: .output) ?? unit.outputName(of: field)
    }
}
