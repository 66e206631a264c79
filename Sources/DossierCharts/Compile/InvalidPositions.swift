import DossierVegaLite

/// Vega-Lite's default `invalid: "filter"` for aggregated data: after the aggregate, a group
/// whose continuous x or y (quantitative or temporal, a bin's start included) is null is
/// dropped, so it neither draws nor counts in a scale's domain (a histogram's null bin does
/// not stretch the count axis). Discrete positions keep their null category.
enum InvalidPositions {
    /// The group-by fields on x and y that Vega-Lite filters for null values.
    static func continuousFields(_ encoding: Encoding) -> [String] {
        [Channel.x, .y].compactMap { channel in
            guard let def = encoding[channel], def.aggregate == nil, let field = def.field,
                  def.type == .quantitative || def.type == .temporal else { return nil }
            return field
        }
    }
}
