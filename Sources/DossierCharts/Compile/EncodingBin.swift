import DossierVegaLite

/// Vega-Lite's `bin` on a channel: the field's values are put into Vega's nice bins (the `bin`
/// transform's rule), the channel shows each value's bin start in a field named as Vega-Lite
/// names it (`bin_maxbins_10_rain`), and for a bar or rect the bin's end goes on `x2`/`y2`, so
/// a histogram is `x: {bin: true, field}` with `y: {aggregate: count}`. The channel's scale
/// spans the bins (no nice rounding, no zero) unless the spec says otherwise. Any other mark
/// (line, point, area, text…) sits at the middle of its bin, as Vega-Lite places it, on a
/// scale spanning the bins' extent. Runs before the encoding's aggregate, which then groups by
/// the bins.
enum EncodingBin {
    /// The table with the bins' fields, and the encoding pointing at them.
    static func apply(_ table: ChartData, encoding: Encoding, mark: MarkType, layer index: Int) throws -> (ChartData, Encoding) {
        let binned = Channel.allCases.filter { encoding[$0]?.bin != nil }
        guard !binned.isEmpty else { return (table, encoding) }
        var rows = TransformTable(table)
        var rewritten = encoding
        for channel in binned {
            guard var def = encoding[channel], let parameters = def.bin else { continue }
            // Data binned already: drawn as it is (``BinnedAxis`` sets its scale's defaults).
            if parameters.binned { continue }
            guard let field = def.field else {
                throw ChartError.invalidSpec("layer \(index): \(channel.rawValue): `bin` needs a `field`")
            }
            let start = "bin_maxbins_\(parameters.maxbins)_\(field)"
            let end = start + "_end"
            do {
                rows = try BinTransform(field: field, start: start, end: end, parameters: parameters).apply(to: rows)
            } catch let error as TransformError {
                throw ChartError.invalidSpec("layer \(index): \(channel.rawValue): bin: \(error.message)")
            }
            def.title = def.title ?? "\(field) (binned)"
            def.field = start
            def.bin = nil
            def.type = .quantitative
            // Vega-Lite's scale of a binned field is neither nice nor zero-based: its domain is
            // the bins' extent (compile/scale/properties.ts: `nice` and `zero` are off for `bin`).
            var scale = def.scale ?? ScaleSpec.unspecified
            if scale.nice == nil { scale.nice = false }
            if scale.zero == nil { scale.zero = false }
            def.scale = scale
            rewritten[channel] = def
            let spans: [Channel: Channel] = [.x: .x2, .y: .y2]
            if mark == .bar || mark == .rect, let second = spans[channel], rewritten[second] == nil {
                rewritten[second] = ChannelDef(field: end)
            } else if mark != .bar && mark != .rect && (channel == .x || channel == .y) {
                let middle = start + "_mid"
                let starts = rows.column(start) ?? [], ends = rows.column(end) ?? []
                rows.set(middle, zip(starts, ends).map { a, b in
                    a.isValid && b.isValid ? .number((a.number + b.number) / 2) : .null
                })
                def.field = middle
                let first = starts.filter(\.isValid).map(\.number).min(), last = ends.filter(\.isValid).map(\.number).max()
                if def.scale?.domain == nil, let first, let last, first < last {
                    def.scale?.domain = [.number(first), .number(last)]
                }
                rewritten[channel] = def
            }
        }
        return (rows.chartData(features: table.features), rewritten)
    }
}
