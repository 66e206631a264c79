import DossierVegaLite

/// Rectangles with Vega's rounded corners (`cornerRadius`, `cornerRadiusTopLeft`…, and
/// Vega-Lite's `cornerRadiusEnd` for the value end of a bar).
enum RoundedRect {
    /// Corner radii: top-left, top-right, bottom-right, bottom-left.
    typealias Radii = (tl: Double, tr: Double, br: Double, bl: Double)

    /// The radii a mark's options give a bar or rect (`negative`: a bar running down or left,
    /// whose value end is its bottom or left side).
    static func radii(_ o: MarkOptions, rect: SceneRect, horizontal: Bool, negative: Bool) -> Radii {
        let all = o.cornerRadius ?? 0
        var r: Radii = (o.cornerRadiusTopLeft ?? all, o.cornerRadiusTopRight ?? all, o.cornerRadiusBottomRight ?? all, o.cornerRadiusBottomLeft ?? all)
        if let end = o.cornerRadiusEnd {
            switch (horizontal, negative) {
            case (false, false): r.tl = end; r.tr = end
            case (false, true): r.bl = end; r.br = end
            case (true, false): r.tr = end; r.br = end
            case (true, true): r.tl = end; r.bl = end
            }
        }
        return r
    }

    /// The outline: a plain rectangle when no corner is rounded, else lines and quarter-circle
    /// curves, each radius at most half the shorter side.
    static func segments(_ rect: SceneRect, radii: Radii) -> [PathSegment] {
        let limit = max(0, min(rect.width, rect.height) / 2)
        let tl = min(radii.tl, limit), tr = min(radii.tr, limit), br = min(radii.br, limit), bl = min(radii.bl, limit)
        guard tl > 0 || tr > 0 || br > 0 || bl > 0 else { return [.rect(rect)] }
        let k = 0.5522847498  // cubic approximation of a quarter circle
        let x0 = rect.x, y0 = rect.y, x1 = rect.maxX, y1 = rect.maxY
        var out: [PathSegment] = [.move(ScenePoint(x0 + tl, y0)), .line(ScenePoint(x1 - tr, y0))]
        if tr > 0 { out.append(.curve(control1: ScenePoint(x1 - tr + k * tr, y0), control2: ScenePoint(x1, y0 + tr - k * tr), to: ScenePoint(x1, y0 + tr))) }
        out.append(.line(ScenePoint(x1, y1 - br)))
        if br > 0 { out.append(.curve(control1: ScenePoint(x1, y1 - br + k * br), control2: ScenePoint(x1 - br + k * br, y1), to: ScenePoint(x1 - br, y1))) }
        out.append(.line(ScenePoint(x0 + bl, y1)))
        if bl > 0 { out.append(.curve(control1: ScenePoint(x0 + bl - k * bl, y1), control2: ScenePoint(x0, y1 - bl + k * bl), to: ScenePoint(x0, y1 - bl))) }
        out.append(.line(ScenePoint(x0, y0 + tl)))
        if tl > 0 { out.append(.curve(control1: ScenePoint(x0, y0 + tl - k * tl), control2: ScenePoint(x0 + tl - k * tl, y0), to: ScenePoint(x0 + tl, y0))) }
        out.append(.close)
        return out
    }
}
