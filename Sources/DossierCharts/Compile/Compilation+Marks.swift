import CairoKit
import DossierBase
import DossierVegaLite
import Foundation

extension Compilation {
    func withOpacity(_ c: Color, _ o: Double?) -> Color {
        guard let o else { return c }
        return c.withAlpha(c.alpha * max(0, min(1, o)))
    }

    /// The start of a bar or area without an explicit start: zero, or the domain's low end.
    func baseline(_ s: PositionScale) -> Double {
        s.log ? s.lo : min(max(0, s.lo), s.hi)
    }

    func textValue(_ l: ResolvedLayer, _ i: Int) -> String? {
        guard let def = l.defs[.text] else { return nil }
        if let f = l.fields[.text] {
            if let n = f.numbers {
                guard let v = n[i] else { return nil }
                return NumberFormat(def.format).string(v)
            }
            return f.strings?[i]
        }
        return def.value?.key
    }

    /// A point's fill: its colour; on a map, the no-data grey when the colour value is missing
    /// (as for a shape without data), so that no place disappears from the map unremarked.
    func pointFill(_ l: ResolvedLayer, _ i: Int) -> Color? {
        if let c = fillColor(l, i) { return c }
        return l.has(.longitude) && l.fields[.color] != nil ? theme.noDataColor : nil
    }

    /// The items of layer `l` in `panel`, from the emitter of its mark.
    func emitMarks(_ l: ResolvedLayer, panel: Panel, panelID: String, mapInfo: MapInfo?) throws -> MarkOutput {
        let context = MarkContext(chart: self, layer: l, panel: panel, panelID: panelID, mapInfo: mapInfo)
        var output = try MarkEmitters.emitter(for: l.mark).emit(context)
        // Vega-Lite's `clip`: true clips every item to the plot, false none.
        switch l.layer.mark.options.clip {
        case true?: output.clipped += output.free; output.free = []
        case false?: output.free = output.clipped + output.free; output.clipped = []
        case nil: break
        }
        return output
    }
}
