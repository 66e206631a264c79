import CairoKit
import Foundation

/// Draws ``Scene``s with Cairo and Pango through CairoKit. Text is laid out with the same
/// ``Typesetter`` that measured it at compile time, so boxes and glyphs agree.
public final class CairoRenderer {
    /// The typesetter used for text.
    public let typesetter: Typesetter

    /// Creates a renderer using `typesetter` for text.
    public init(typesetter: Typesetter) {
        self.typesetter = typesetter
    }

    /// Draws `scene` into `context` with the scene's top-left corner at `origin` (in the
    /// context's current units) and every length multiplied by `scale`. The graphics state
    /// is saved and restored, so a report page can embed several charts.
    /// - Throws: ``CairoError`` when text cannot be laid out (e.g. a missing glyph) or Cairo
    ///   reports an error.
    public func draw(_ scene: Scene, in context: any Canvas, at origin: (x: Double, y: Double) = (0, 0),
                     scale: Double = 1) throws(CairoError) {
        context.save()
        defer { context.restore() }
        context.translate(origin.x, origin.y)
        context.scale(scale, scale)
        context.newPath()
        context.rectangle(x: 0, y: 0, width: scene.width, height: scene.height)
        context.clip()
        if let background = scene.background {
            context.setColor(background)
            context.paint()
        }
        try drawItems(scene.items, in: context)
        try context.checkStatus()
    }

    private func drawItems(_ items: [SceneItem], in context: any Canvas) throws(CairoError) {
        for item in items {
            switch item {
            case .path(let path): drawPath(path, in: context)
            case .text(let text): try drawText(text, in: context)
            case .markers(let markers):
                context.drawMarkers(markers.symbols, positions: markers.interleavedPositions, symbolIndices: markers.symbolIndices)
            case .group(let group):
                context.save()
                if let clip = group.clip {
                    context.newPath()
                    context.rectangle(x: clip.x, y: clip.y, width: clip.width, height: clip.height)
                    context.clip()
                }
                try drawItems(group.items, in: context)
                context.restore()
            }
        }
    }

    private func drawPath(_ path: ScenePath, in context: any Canvas) {
        guard path.fill != nil || path.stroke != nil else { return }
        context.newPath()
        for segment in path.segments {
            switch segment {
            case .move(let p): context.move(to: p.x, p.y)
            case .line(let p): context.line(to: p.x, p.y)
            case .curve(let a, let b, let c): context.curve(to: c.x, c.y, control1: a.x, a.y, control2: b.x, b.y)
            case .close: context.closePath()
            case .rect(let r): context.rectangle(x: r.x, y: r.y, width: r.width, height: r.height)
            case .circle(let c, let r):
                context.move(to: c.x + r, c.y)
                context.arc(centerX: c.x, centerY: c.y, radius: r, from: 0, to: 2 * .pi)
                context.closePath()
            }
        }
        if let fill = path.fill {
            context.setEvenOddFill(path.evenOdd)
            context.setColor(fill)
            context.fill(preserve: path.stroke != nil)
        }
        if let stroke = path.stroke {
            context.setColor(stroke)
            context.setLineWidth(path.lineWidth)
            context.setDash(path.dash)
            context.setLineCap(path.round ? .round : .butt)
            context.setLineJoin(path.round ? .round : .miter)
            context.stroke()
        }
        context.newPath()
    }

    private func drawText(_ text: SceneText, in context: any Canvas) throws(CairoError) {
        let alignment: TextLayout.Alignment
        switch text.alignment {
        case .start: alignment = .left
        case .middle: alignment = .center
        case .end: alignment = .right
        }
        let layout = try typesetter.layout(text.text, font: text.font, width: text.wrapWidth, alignment: alignment)
        let (dx, dy) = text.topLeftOffset
        context.save()
        context.translate(text.position.x, text.position.y)
        if text.rotation != 0 { context.rotate(text.rotation * .pi / 180) }
        context.setColor(text.color)
        layout.draw(in: context, x: dx, y: dy)
        context.restore()
    }
}
