import DossierVegaLite
import Foundation

/// Vega-Lite's static `condition`: which clause holds for each row of a layer.
enum ChannelConditions {
    /// For each channel with a condition, the index of the first clause whose test holds on
    /// each row (nil: none holds, the row keeps the channel's field or value).
    static func evaluate(_ encoding: Encoding, table: ChartData) -> [Channel: [Int?]] {
        let conditioned = Channel.allCases.filter { encoding[$0]?.condition != nil }
        guard !conditioned.isEmpty else { return [:] }
        let rows = TransformTable(table)
        var result: [Channel: [Int?]] = [:]
        for channel in conditioned {
            guard let clauses = encoding[channel]?.condition?.clauses else { continue }
            result[channel] = (0..<rows.rowCount).map { i in
                clauses.firstIndex { $0.test.holds { rows.value($0, i) } }
            }
        }
        return result
    }
}

/// The constant values of Vega-Lite's further channels, applied to the layer's mark: an
/// `opacity`, `strokeWidth`, `strokeDash`, `fill`, `stroke` or `size` value sets the mark's
/// option (Vega-Lite: the encoding wins over the mark); a field on `opacity` clears the mark's
/// opacity, which the scale then gives.
enum ChannelConstants {
    static func apply(_ encoding: Encoding, to layer: Layer, index: Int) throws -> Layer {
        var layer = layer
        let type = layer.mark.type
        let stroked = type == .line || type == .rule || (type == .point && layer.mark.filled == false)
        func number(_ c: Channel) -> Double? { encoding[c]?.field == nil ? encoding[c]?.value?.number : nil }
        if let v = number(.opacity) { layer.mark.opacity = v }
        if let v = number(.fillOpacity), !stroked { layer.mark.opacity = v }
        if let v = number(.strokeOpacity), stroked { layer.mark.opacity = v }
        if encoding.channels[.opacity]?.field != nil { layer.mark.opacity = nil }
        if let v = number(.strokeWidth) { layer.mark.strokeWidth = max(v, 0.01) }
        if let dash = encoding[.strokeDash]?.valueList, encoding[.strokeDash]?.field == nil { layer.mark.strokeDash = dash }
        if encoding[.fill]?.field == nil, case .string(let color)? = encoding[.fill]?.value {
            if stroked { throw ChartError.invalidSpec("layer \(index): fill: a \(type.rawValue) has no fill; give `stroke` or `color`") }
            layer.mark.color = color
        }
        if encoding[.stroke]?.field == nil, case .string(let color)? = encoding[.stroke]?.value {
            guard stroked || type == .text else {
                throw ChartError.invalidSpec("layer \(index): stroke: outlines of a \(type.rawValue) in their own colour are not supported yet; give `fill` or `color`")
            }
            layer.mark.color = color
        }
        if let area = number(.size) {
            switch type {
            case .point: layer.mark.size = max(0.04, area)  // an area, as the mark's own `size`
            case .text: layer.mark.size = max(0.1, area)
            case .line, .rule: layer.mark.strokeWidth = max(0.01, area)
            case .area, .rect, .geoshape: break  // Vega-Lite ignores a size on these marks
            default:
                throw ChartError.invalidSpec("layer \(index): size: a constant size is supported on points (an area in square points) and text (a font size), not on a \(type.rawValue)")
            }
        }
        return layer
    }
}
