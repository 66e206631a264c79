import DossierVegaLite
import Foundation

/// The encoding steps of Vega-Lite's further channels that run before the fields are bound:
/// a `datum` becomes a constant column (so it goes through the channel's scale and legend),
/// and a `fill` or `stroke` field with no `color` colours the marks through the colour scale.
enum EncodingChannels {
    /// The name of the constant column of a channel's `datum`.
    static func datumColumn(_ channel: Channel) -> String { "datum:" + channel.rawValue }

    /// `table` with a column per `datum`, and `encoding` with those channels bound to them.
    static func prepare(_ table: ChartData, encoding: Encoding, layer index: Int) throws -> (ChartData, Encoding) {
        var table = table, encoding = encoding
        for channel in Channel.allCases {
            guard var def = encoding[channel], let datum = def.datum else { continue }
            if def.field != nil {
                throw ChartError.invalidSpec("layer \(index): \(channel.rawValue): a channel gives a `field` or a `datum`, not both")
            }
            let name = datumColumn(channel)
            let column: ChartColumn = datum.numberValue.map { v in .numbers(Array(repeating: v, count: table.rowCount)) }
                ?? .strings(Array(repeating: datum.key, count: table.rowCount))
            table = table.replacing(name, with: column)
            def.field = name
            if def.title == nil { def.title = "" }
            if def.type == nil { def.type = datum.numberValue == nil ? .nominal : .quantitative }
            // Vega-Lite's domain of datum texts keeps their order (the layers' order), unsorted.
            if def.sort == nil, datum.numberValue == nil { def.sort = SortSpec.none }
            def.datum = nil
            encoding[channel] = def
        }
        if encoding.color == nil {
            for channel in [Channel.fill, .stroke] where encoding[channel]?.field != nil {
                encoding.color = encoding[channel]
                encoding[channel] = nil
                break
            }
        }
        return (table, encoding)
    }
}

extension ChartValue {
    /// The number, when this is a number (not a text that reads as one).
    var numberValue: Double? { if case .number(let v) = self { return v } else { return nil } }
}

extension ChartData {
    /// This data with `column` under `name` (replaced, or added last).
    func replacing(_ name: String, with column: ChartColumn) -> ChartData {
        var copy = self
        if let index = copy.columns.firstIndex(where: { $0.name == name }) {
            copy.columns[index].values = column
        } else {
            copy.columns.append((name: name, values: column))
        }
        return copy
    }
}
