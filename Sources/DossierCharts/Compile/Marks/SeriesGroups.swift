import CairoKit
import DossierBase

/// One line or area: the rows of one colour and detail value, in drawing order.
struct Series {
    /// Rows sorted by the order channel, then by x.
    var rows: [Int]
    var color: Color
    /// `<layer id>/<mark>[/<colour>][/<detail>]`.
    var id: String
    /// The dash of the strokeDash channel (nil: the mark's).
    var dash: [Double]? = nil
}

extension MarkContext {
    /// The layer's rows grouped by colour and detail (first-seen order), each sorted for
    /// drawing; groups whose first row has no colour are left out.
    func series() -> [Series] {
        let l = layer
        var groups: [String] = []
        var members: [String: [Int]] = [:]
        for i in rows {
            let g = (l.key(.color, i) ?? "") + "\u{1F}" + (l.key(.detail, i) ?? "") + l.splittingKey(i)
            if members[g] == nil { groups.append(g) }
            members[g, default: []].append(i)
        }
        return groups.compactMap { g in
            var idx = members[g] ?? []
            idx.sort { a, b in
                if l.has(.order), let oa = l.number(.order, a), let ob = l.number(.order, b), oa != ob { return oa < ob }
                let xa = chart.px(l, .x, a, panel) ?? 0, xb = chart.px(l, .x, b, panel) ?? 0
                return xa != xb ? xa < xb : a < b
            }
            guard let first = idx.first, let c = chart.fillColor(l, first) else { return nil }
            let id = "\(layerID)/\(l.mark.rawValue)" + colorKey(first) + (l.key(.detail, first).map { "/" + chart.slug($0) } ?? "")
                + Series.splitting.compactMap { l.splits($0) ? l.key($0, first).map { "/" + chart.slug($0) } : nil }.joined()
            return Series(rows: idx, color: c, id: id, dash: chart.rowDash(l, first))
        }
    }
}
