import DossierBase

/// Vega-Lite's normalisation of marks that stand for several: a line's or area's `point` and
/// `line` overlays become layers of their own (src/normalize/pathoverlay.ts), and the
/// composite marks errorbar, errorband and boxplot become layers of simple marks over
/// aggregated rows (src/compositemark/*.ts). Run once on a decoded chart's layers.
enum LayerExpansion {
    /// `layers` with every overlay and composite mark expanded, in drawing order; a
    /// composite mark that cannot be drawn is a decoding error at `codingPath`.
    static func expand(_ layers: [Layer], codingPath: [any CodingKey]) throws -> [Layer] {
        do {
            return try layers.enumerated().flatMap { index, layer -> [Layer] in
                if layer.mark.type.isComposite { return try CompositeMarks.expand(layer, index: index + 1) }
                return overlays(layer)
            }
        } catch let error as ChartError {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: error.description))
        }
    }

    /// The layer without its overlays, then its line overlay, then its point overlay.
    static func overlays(_ layer: Layer) -> [Layer] {
        let mark = layer.mark
        guard mark.options.point != .off || mark.options.line != .off else { return [layer] }
        var base = layer
        base.mark.options.point = .off
        base.mark.options.line = .off
        if mark.type == .area, mark.opacity == nil, mark.options.fillOpacity == nil { base.mark.opacity = 0.7 }
        var overlayEncoding = layer.encoding
        overlayEncoding.x2 = nil
        overlayEncoding.y2 = nil
        var result = [base]
        if var line = mark.options.line.mark {
            line.type = .line
            line.options.clip = line.options.clip ?? mark.options.clip
            line.options.interpolate = line.options.interpolate ?? mark.options.interpolate
            line.options.tension = line.options.tension ?? mark.options.tension
            result.append(overlay(layer, mark: line, encoding: overlayEncoding))
        }
        if var point = mark.options.point.mark {
            point.type = .point
            point.opacity = point.opacity ?? 1
            point.filled = point.filled ?? true
            point.options.clip = point.options.clip ?? mark.options.clip
            result.append(overlay(layer, mark: point, encoding: overlayEncoding))
        }
        return result
    }

    private static func overlay(_ layer: Layer, mark: MarkDef, encoding: Encoding) -> Layer {
        var copy = layer
        copy.mark = mark
        copy.encoding = encoding
        return copy
    }
}
