import DossierBase

/// Vega-Lite's `value` on a position channel (`x`, `y`, `x2`, `y2`) is a position in pixels;
/// Dossier once read it as a data value, which Vega-Lite writes `datum`. Charts do not place
/// marks in pixels, so such a `value` is refused, naming the `datum` to write instead.
enum PositionValue {
    /// The message for `value` on `channel`: what it means in Vega-Lite, and the `datum` to write.
    static func migration(channel: String, value: ChartValue) -> String {
        let written: String
        switch value {
        case .string(let text): written = InputExcerpt.quoted(text)
        case .number: written = value.key
        }
        return "\(channel) has `value: \(written)`, a position in pixels in Vega-Lite (a data value is Vega-Lite's `datum`, "
            + "Dossier's old `value`), expected `datum: \(written)`; pixel positions are not supported"
    }
}
