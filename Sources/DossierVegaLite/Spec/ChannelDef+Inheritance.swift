extension ChannelDef {
    /// Vega-Lite's merge of a layer's field or datum definition with its parent's on the same
    /// channel: the keys the layer leaves out are the parent's (`{...parent, ...layer}` in
    /// vega-lite's `mergeEncoding`), so `y: {type: quantitative, axis: {…}}` on the chart and
    /// `y: {field: temp_max}` on a layer make a quantitative `temp_max` with that axis. What the
    /// layer draws (its field or datum, value and condition) stays the layer's own.
    func inheriting(_ parent: ChannelDef) -> ChannelDef {
        guard field != nil || datum != nil else { return self }
        var merged = self
        merged.type = type ?? parent.type
        merged.title = title ?? parent.title
        merged.scale = scale ?? parent.scale
        merged.sort = sort ?? parent.sort
        merged.format = format ?? parent.format
        merged.axis = axis ?? parent.axis
        merged.aggregate = aggregate ?? parent.aggregate
        merged.legend = legend ?? parent.legend
        merged.bin = bin ?? parent.bin
        merged.timeUnit = timeUnit ?? parent.timeUnit
        merged.bandPosition = bandPosition ?? parent.bandPosition
        merged.stack = stack ?? parent.stack
        return merged
    }
}
