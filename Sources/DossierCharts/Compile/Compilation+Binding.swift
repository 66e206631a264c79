import CairoKit
import DossierVegaLite
import Foundation

/// Binding: each layer's data, lookup, fields and types.
extension Compilation {
    /// Every layer bound to its data, in spec order (layer numbers start at 1).
    func resolveLayers() throws -> [ResolvedLayer] {
        let available = data.keys.sorted()
        return try spec.layers.enumerated().map { offset, layer in
            try resolve(layer, index: offset + 1, available: available)
        }
    }

    /// One layer: its table (with the lookup's fields), each channel's field and type, the
    /// facet field, the mark's checks, and whether bars run horizontally or use the right axis.
    private func resolve(_ layer: Layer, index: Int, available: [String]) throws -> ResolvedLayer {
        guard var table = data[layer.data] else {
            throw ChartError.dataNotFound(layer: index, data: layer.data, available: available)
        }
        var rows = table.rowCount
        for column in table.columns where column.values.count != rows {
            throw ChartError.raggedData(data: layer.data, column: column.name, count: column.values.count, expected: rows)
        }
        if let lookup = layer.lookup {
            table = try table.adding(lookup, from: data, layer: index, dataName: layer.data)
        }
        table = try TransformPipeline.apply(layer.transform, to: table, layer: index, tables: data)
        var encoding: Encoding
        (table, encoding) = try EncodingChannels.prepare(table, encoding: layer.encoding, layer: index)
        (table, encoding) = try EncodingBin.apply(table, encoding: encoding, mark: layer.mark.type, layer: index)
        (table, encoding) = try TemporalFields.apply(table, encoding: encoding, mark: layer.mark.type, layer: index, dataName: layer.data)
        (table, encoding) = try EncodingAggregation.apply(table, encoding: encoding, facetField: spec.facet?.field,
                                                          layer: index, dataName: layer.data)
        rows = table.rowCount
        var resolved = ResolvedLayer(index: index, layer: try ChannelConstants.apply(encoding, to: layer, index: index),
                                     table: table, rowCount: rows)
        resolved.conditions = ChannelConditions.evaluate(encoding, table: table)
        for channel in Channel.allCases {
            guard let def = encoding[channel] else { continue }
            resolved.defs[channel] = def
            guard let field = def.field else { continue }
            let (bound, type) = try bind(field, def: def, channel: channel, in: table, layer: index, dataName: layer.data)
            resolved.fields[channel] = bound
            resolved.types[channel] = type
        }
        if let facet = spec.facet, let column = table.column(facet.field) {
            resolved.facet = FieldColumn(name: facet.field, column: column)
        }
        try MarkEmitters.emitter(for: resolved.mark).checkChannels(resolved)
        if layer.mark.type == .point, layer.mark.repel != false, resolved.fields[.text] != nil,
           rows > ChartLimits.repelledLabels {
            throw ChartError.invalidSpec("layer \(index): text: \(rows) labelled points, expected at most \(ChartLimits.repelledLabels) labels placed without overlaps; label fewer points (filter the data) or set `repel: false` on the mark")
        }
        let m = resolved.mark
        if m == .bar || m == .rect {
            resolved.horizontal = !resolved.isDiscrete(.x) && resolved.isDiscrete(.y) && resolved.has(.y)
            if let orient = layer.mark.options.orient { resolved.horizontal = orient == "horizontal" }  // Vega-Lite's `orient`
        }
        if resolved.defs[.y]?.axis?.orient == "right" { resolved.secondary = true }
        return resolved
    }

    /// The column of `field` and its type: the spec's, else Vega-Lite's inference
    /// (``FieldTypeInference``), else nominal, as in Vega-Lite (a number field with no type is
    /// drawn as categories; Dossier once read it as numbers); a quantitative string column
    /// must parse.
    private func bind(_ field: String, def: ChannelDef, channel: Channel, in table: ChartData, layer index: Int,
                      dataName: String) throws -> (FieldColumn, FieldType) {
        guard let column = table.column(field) else {
            throw ChartError.fieldNotFound(layer: index, channel: channel.rawValue, field: field,
                                           data: dataName, available: table.fieldNames)
        }
        let bound = FieldColumn(name: field, column: column)
        let type: FieldType
        if let t = def.type ?? FieldTypeInference.type(of: def, channel: channel, layers: spec.layers) {
            type = t
        } else if case .numbers = column, FieldTypeInference.untypedChannels.contains(channel) {
            type = (channel == .text || channel == .detail) ? .nominal : .quantitative
        } else {
            // Vega-Lite's default: a field with no type and nothing to infer it from is nominal,
            // numbers included (one band per value).
            type = .nominal
        }
        if type == .quantitative, bound.numbers == nil, let strings = bound.strings {
            for s in strings {
                if let s, Double(s.trimmingCharacters(in: .whitespaces)) == nil {
                    throw ChartError.notNumeric(layer: index, channel: channel.rawValue, field: field, value: s)
                }
            }
        }
        return (bound, type)
    }
}
