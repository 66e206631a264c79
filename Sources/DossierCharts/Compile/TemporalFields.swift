import DossierBase
import DossierVegaLite
import Foundation

/// The layer's temporal fields read as times (milliseconds since the epoch, UTC) before
/// anything groups or scales them, and `timeUnit` applied: the truncated times go into a
/// column named as Vega-Lite names it (`month_date`) and the channel points at it, so an
/// aggregate in the encoding groups by the period (the gallery's monthly bars).
enum TemporalFields {
    /// The channels a temporal field may drive: positions, and the ones that only carry
    /// the rows (detail, tooltip).
    static let channels: Set<Channel> = [.x, .y, .x2, .y2, .detail, .order]

    /// The table with each temporal (or time-unit) field as times, and the encoding pointing
    /// at the time-unit columns; the input unchanged when no channel is temporal.
    static func apply(_ table: ChartData, encoding: Encoding, mark: MarkType, layer index: Int, dataName: String) throws -> (ChartData, Encoding) {
        var table = table
        var rewritten = encoding
        for channel in Channel.allCases {
            if let given = encoding[channel], given.bandPosition != nil, given.timeUnit == nil {
                throw bandPositionError(layer: index, channel: channel)
            }
            guard var def = encoding[channel], let field = def.field else { continue }
            if def.type == nil, channel == .x2 || channel == .y2,
               encoding[channel == .x2 ? .x : .y]?.type == .temporal || encoding[channel == .x2 ? .x : .y]?.timeUnit != nil {
                def.type = .temporal
            }
            if def.type == nil, def.timeUnit != nil { def.type = .temporal }
            guard def.type == .temporal || def.timeUnit != nil else { continue }
            if def.type == .temporal, !channels.contains(channel) {
                throw ChartError.invalidSpec("layer \(index): \(channel.rawValue): a temporal field on \(channel.rawValue) is not supported yet, expected it on x, y, x2, y2, detail or order; use type ordinal with a timeUnit")
            }
            guard let column = table.column(field) else {
                throw ChartError.fieldNotFound(layer: index, channel: channel.rawValue, field: field, data: dataName,
                                               available: table.fieldNames)
            }
            var times = try milliseconds(column, layer: index, channel: channel, field: field)
            if let unit = def.timeUnit {
                times = times.map { $0.map(unit.truncate) }
                let name = unit.outputName(of: field)
                if table.column(name) == nil {
                    if def.type != .temporal, channel != .x, channel != .y {
                        // Colour, shape… categories: the period's label ("2012", "Q1").
                        let format = unit.labelFormatter
                        table.columns.append((name, .strings(times.map { $0.map(format.string) })))
                        // In time order, not alphabetical (Jan, Feb… rather than Apr, Aug…).
                        if def.sort == nil {
                            var order: [String] = []
                            for time in Set(times.compactMap { $0 }).sorted() {
                                let label = format.string(time)
                                if !order.contains(label) { order.append(label) }
                            }
                            def.sort = .explicit(order)
                        }
                    } else {
                        table.columns.append((name, .numbers(times)))
                    }
                }
                def.title = def.title ?? "\(field) (\(unit.parts.map(\.rawValue).joined(separator: "-")))"
                def.field = name
                // A bar or rect on a time axis spans its period, as in Vega-Lite (`month_date_end`).
                let second: Channel = channel == .x ? .x2 : .y2
                let spans = mark == .bar || mark == .rect
                if spans, def.type == .temporal, channel == .x || channel == .y, encoding[second] == nil {
                    var starts = times, ends = times.map { $0.map(unit.end) }
                    if let position = def.bandPosition {
                        // Vega-Lite's bandPosition: the bar, one period wide, centred on
                        // start + position × period (0: on the period's start).
                        for i in starts.indices {
                            guard let a = times[i], let b = ends[i] else { continue }
                            let centre = a + position * (b - a)
                            starts[i] = centre - (b - a) / 2
                            ends[i] = centre + (b - a) / 2
                        }
                        let startName = name + "_band"
                        table.columns.append((startName, .numbers(starts)))
                        def.field = startName
                    }
                    let endName = def.field.map { $0 + "_end" } ?? name + "_end"
                    if table.column(endName) == nil { table.columns.append((endName, .numbers(ends))) }
                    rewritten[second] = ChannelDef(field: endName, type: .temporal)
                }
                if def.bandPosition != nil, !(spans && def.type == .temporal && (channel == .x || channel == .y)) {
                    throw bandPositionError(layer: index, channel: channel)
                }
            } else if let at = table.columns.firstIndex(where: { $0.name == field }) {
                table.columns[at].values = .numbers(times)
            }
            rewritten[channel] = def
        }
        return (table, rewritten)
    }

    private static func bandPositionError(layer index: Int, channel: Channel) -> ChartError {
        .invalidSpec("layer \(index): \(channel.rawValue): `bandPosition` is supported on the x or y of a bar or rect with a temporal time unit, expected it there (other marks sit at the centre of their band)")
    }

    /// The column as times: numbers are milliseconds since the epoch (as in Vega-Lite); text
    /// must parse as a date, else the error names the layer, channel, field and value.
    static func milliseconds(_ column: ChartColumn, layer index: Int, channel: Channel, field: String) throws -> [Double?] {
        switch column {
        case .numbers(let values):
            if let bad = values.first(where: { $0.map { !(abs($0) <= UTCTime.limit) } ?? false }), let bad {
                throw ChartError.invalidSpec("layer \(index): \(channel.rawValue): field \(InputExcerpt.quoted(field)) is temporal but holds \(ChartLimits.spell(bad)), expected milliseconds since 1970 within ±8.64e15 (JavaScript's date range) or a date")
            }
            return values
        case .strings(let values):
            return try values.map { text in
                guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
                guard let time = TemporalParser.milliseconds(text) else {
                    throw ChartError.invalidSpec("layer \(index): \(channel.rawValue): field \(InputExcerpt.quoted(field)) is temporal but holds \(InputExcerpt.quoted(text)), expected \(TemporalParser.examples)")
                }
                return time
            }
        }
    }
}
