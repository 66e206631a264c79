extension ChartSpec {
    /// The first option outside its documented range (``ChartLimits``, ``SpecChecks``), as a
    /// message naming the layer and option, or nil. Decoding already rejects these with the
    /// option's location; this covers specs built in code, before anything is computed.
    public func limitProblem() -> String? {
        func check(_ value: Double?, _ rule: NumberRule, _ name: String) -> String? {
            value.flatMap { rule.problem($0, as: name) }
        }
        if let p = check(width, ChartLimits.size, "width") ?? check(height, ChartLimits.size, "height") { return p }
        if let facet {
            if let columns = facet.columns, let p = ChartLimits.facetColumns.problem(columns, as: "facet: columns") { return p }
            if let format = facet.format, let p = SpecChecks.format(format) { return "facet: " + p.message }
        }
        for (n, a) in (annotations ?? []).enumerated() {
            let prefix = "annotation \(n + 1): "
            if let x = a.x, let p = SpecChecks.coordinate(x, name: "x") { return prefix + p.message }
            if let y = a.y, let p = SpecChecks.coordinate(y, name: "y") { return prefix + p.message }
            if let color = a.color, let p = SpecChecks.color(color) { return prefix + p.message }
            if let dash = a.strokeDash, let p = SpecChecks.dash(dash, name: "strokeDash") { return prefix + p.message }
        }
        for (n, layer) in layers.enumerated() {
            if let p = layer.limitProblem() { return "layer \(n + 1): " + p }
        }
        return nil
    }
}

extension Layer {
    /// The first option of the mark or a channel outside its range, or nil.
    func limitProblem() -> String? {
        let m = mark
        let numbers: [(Double?, NumberRule, String)] = [
            (m.opacity, ChartLimits.opacity, "opacity"), (m.size, ChartLimits.markSize, "size"),
            (m.strokeWidth, ChartLimits.strokeWidth, "strokeWidth"), (m.dx, ChartLimits.offset, "dx"),
            (m.dy, ChartLimits.offset, "dy"), (m.padding, ChartLimits.padding, "padding"),
        ]
        for (value, rule, name) in numbers {
            if let value, let p = rule.problem(value, as: name) { return "mark: " + p }
        }
        if let dash = m.strokeDash, let p = SpecChecks.dash(dash, name: "strokeDash") { return "mark: " + p.message }
        if let color = m.color, let p = SpecChecks.color(color) { return "mark: color: " + p.message }
        if let value = encoding.color?.value, let p = Encoding.colorValueProblem(value) { return "color: value: " + p }
        for channel in Channel.allCases {
            guard let def = encoding[channel] else { continue }
            if let p = def.limitProblem() { return "\(channel.rawValue): " + p }
            if def.scale?.domainUnion != nil, channel != .x, channel != .y {
                return "\(channel.rawValue): scale: domain: {unionWith} is implemented on x and y scales only, expected a domain list"
            }
        }
        return nil
    }
}

extension ChannelDef {
    /// The first option of the channel outside its range, or nil.
    func limitProblem() -> String? {
        if let value, let p = SpecChecks.coordinate(value, name: "value") { return p.message }
        if let format, let p = SpecChecks.format(format) { return p.message }
        if let axis {
            if let count = axis.tickCount, let p = ChartLimits.tickCount.problem(count, as: "tickCount") { return "axis: " + p }
            if let angle = axis.labelAngle, let p = ChartLimits.labelAngle.problem(angle, as: "labelAngle") { return "axis: " + p }
        }
        if let scale {
            if let domain = scale.domain, let p = SpecChecks.domain(domain, type: scale.type) { return "scale: " + p.message }
            if let scheme = scale.scheme, let p = SpecChecks.scheme(scheme) { return "scale: " + p.message }
            for color in scale.range ?? [] {
                if let p = SpecChecks.color(color) { return "scale: range: " + p.message }
            }
        }
        return nil
    }
}
