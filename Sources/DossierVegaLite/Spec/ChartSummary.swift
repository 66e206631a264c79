extension ChartSpec {
    /// A description of the chart's marks and fields, for the alt text of a chart that has no
    /// description, subtitle, caption or title: "Bar marks (x: rain, y: town); point marks
    /// (x: v, y: town)."
    public var generatedSummary: String {
        if let composition { return composition.generatedSummary }
        let parts = layers.map { layer -> String in
            let fields = Channel.allCases.compactMap { channel -> String? in
                guard let field = layer.encoding[channel]?.field else { return nil }
                return "\(channel.rawValue): \(field)"
            }
            let mark = layer.mark.type.rawValue
            return "\(mark) marks" + (fields.isEmpty ? "" : " (" + fields.joined(separator: ", ") + ")")
        }
        guard let first = parts.first else { return "An empty chart." }
        let text = ([first.prefix(1).uppercased() + first.dropFirst()] + parts.dropFirst()).joined(separator: "; ")
        return text + (facet.map { "; one panel per \($0.field)" } ?? "") + "."
    }
}
