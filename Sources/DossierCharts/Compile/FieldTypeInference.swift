import DossierBase
import DossierVegaLite

/// Vega-Lite's `type` where a channel leaves it out. Vega-Lite infers it from the channel
/// (`aggregate` and `bin` → quantitative, `timeUnit` → temporal: set where those steps run),
/// from the channel's scale type (`log`, `sqrt`… → quantitative, `time` → temporal, `band`,
/// `point` → nominal) and from the scale the layers share (another layer's `type`, else its
/// scale type, on the same channel); otherwise it reads the field as nominal, numbers included
/// (Dossier once read a number field with no type as quantitative: docs/report-format.md's
/// migration table says to write `type: quantitative`).
enum FieldTypeInference {
    /// Channels whose field needs no `type`: the secondary positions (they take the primary
    /// channel's), text, tooltip, detail, order, link and the geographic positions.
    static let untypedChannels: Set<Channel> = [.x2, .y2, .text, .tooltip, .detail, .order, .href, .longitude, .latitude]

    /// The type Vega-Lite infers for `def` on `channel` from its scale or from the other
    /// layers' definitions of the channel, or nil.
    static func type(of def: ChannelDef, channel: Channel, layers: [Layer]) -> FieldType? {
        if let scaleType = def.scale?.type { return type(ofScale: scaleType) }
        // The layers share the channel's scale: a type, or a scale type, given on any of them.
        let shared = layers.compactMap { $0.encoding[channel] }
        if let given = shared.lazy.compactMap(\.type).first { return given }
        return shared.lazy.compactMap(\.scale?.type).first.flatMap(type(ofScale:))
    }

    /// The field type a scale type implies (nil for the discrete scales: nominal or ordinal).
    private static func type(ofScale scaleType: ScaleType) -> FieldType? {
        switch scaleType {
        case .band, .point, .ordinal: return nil
        case .time, .utc: return .temporal
        default: return .quantitative
        }
    }
}
