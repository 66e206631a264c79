import CairoKit

/// How a scene's items other than text, and the placement of its text, are drawn on a
/// ``Canvas``: shared by ``CairoRenderer`` (text laid out by its typesetter) and
/// ``GlyphRunRenderer`` (text from recorded glyph runs), so both draw the same picture.
extension Canvas {
    /// Saves the graphics state, applies `group`'s transform and clip, and paints its
    /// background.
    func beginSceneGroup(_ group: SceneGroup) {
        save()
        if let transform = group.transform {
            translate(transform.x, transform.y)
            scale(transform.scale, transform.scale)
        }
        if let clip = group.clip {
            newPath()
            rectangle(x: clip.x, y: clip.y, width: clip.width, height: clip.height)
            self.clip()
        }
        if let background = group.background {
            setColor(background)
            paint()
        }
    }

    /// Fills and/or strokes `path`.
    func drawScenePath(_ path: ScenePath) {
        guard path.fill != nil || path.stroke != nil else { return }
        newPath()
        for segment in path.segments {
            switch segment {
            case .move(let p): move(to: p.x, p.y)
            case .line(let p): line(to: p.x, p.y)
            case .curve(let a, let b, let c): curve(to: c.x, c.y, control1: a.x, a.y, control2: b.x, b.y)
            case .close: closePath()
            case .rect(let r): rectangle(x: r.x, y: r.y, width: r.width, height: r.height)
            case .circle(let c, let r):
                move(to: c.x + r, c.y)
                arc(centerX: c.x, centerY: c.y, radius: r, from: 0, to: 2 * .pi)
                closePath()
            }
        }
        if let fill = path.fill {
            setEvenOddFill(path.evenOdd)
            setColor(fill)
            self.fill(preserve: path.stroke != nil)
        }
        if let stroke = path.stroke {
            setColor(stroke)
            setLineWidth(path.lineWidth)
            setDash(path.dash)
            setLineCap(path.round ? .round : .butt)
            setLineJoin(path.round ? .round : .miter)
            self.stroke()
        }
        newPath()
    }

    /// Marks `links`, the link areas of a text block.
    func addSceneLinks(_ links: [SceneLink]) {
        for link in links {
            let r = link.rect
            switch link.target {
            case .uri(let uri):
                addLink(uri: uri, x: r.x, y: r.y, width: r.width, height: r.height)
            case .page(let page, let y):
                addInternalLink(page: page, targetY: y, x: r.x, y: r.y, width: r.width, height: r.height)
            }
        }
    }

    /// Moves to `text`'s anchor, rotates as it asks, sets its colour and calls `show` with
    /// where its layout's top-left corner goes; restores the graphics state after.
    func placeSceneText(_ text: SceneText, show: (_ x: Double, _ y: Double) throws(CairoError) -> Void) throws(CairoError) {
        let (dx, dy) = text.topLeftOffset
        save()
        defer { restore() }
        translate(text.position.x, text.position.y)
        if text.rotation != 0 { rotate(text.rotation * .pi / 180) }
        setColor(text.color)
        try show(dx, dy)
    }
}

extension SceneText {
    /// The text laid out by `typesetter` as renderers draw it (one line per paragraph unless
    /// it has a wrap width, lines aligned by its anchor).
    func layout(with typesetter: Typesetter) throws(CairoError) -> TextLayout {
        let alignment: TextLayout.Alignment
        switch self.alignment {
        case .start: alignment = .left
        case .middle: alignment = .center
        case .end: alignment = .right
        }
        return try typesetter.layout(text, font: font, width: wrapWidth, alignment: alignment)
    }
}
