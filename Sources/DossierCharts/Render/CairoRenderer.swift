import CairoKit
import Foundation

/// Draws ``Scene``s with Cairo and Pango through CairoKit onto one canvas. Text is laid out
/// with the same ``Typesetter`` that measured it at compile time, so boxes and glyphs agree.
/// The scene is walked by ``Renderer/render(_:)``, as by every renderer.
public struct CairoRenderer: Renderer {
    /// The typesetter used for text.
    public let typesetter: Typesetter
    /// The canvas drawn on (a PDF, SVG or PNG surface's context).
    public let canvas: any Canvas

    /// Creates a renderer drawing on `canvas`, using `typesetter` for text.
    public init(typesetter: Typesetter, canvas: any Canvas) {
        self.typesetter = typesetter
        self.canvas = canvas
    }

    /// Draws `scene` with its top-left corner at `origin` (in the canvas's current units) and
    /// every length multiplied by `scale`. The graphics state is saved and restored, so a
    /// report page can embed several charts.
    /// - Throws: ``CairoError`` when text cannot be laid out (e.g. a missing glyph) or Cairo
    ///   reports an error.
    public func draw(_ scene: Scene, at origin: (x: Double, y: Double) = (0, 0), scale: Double = 1) throws(CairoError) {
        var pass = self
        try pass.render(Scene(width: scene.width, height: scene.height, background: nil,
                              items: [.group(scene.placed(id: "scene", at: origin, scale: scale))]))
    }

    /// Paints the background, if any, over the whole (clipped) scene.
    public func beginScene(_ scene: Scene) throws(CairoError) {
        guard let background = scene.background else { return }
        canvas.setColor(background)
        canvas.paint()
    }

    /// Checks Cairo's status once the items are drawn.
    public func endScene(_ scene: Scene) throws(CairoError) {
        try canvas.checkStatus()
    }

    /// Saves the graphics state, applies the group's transform and clip, and paints its
    /// background.
    public func beginGroup(_ group: SceneGroup) throws(CairoError) {
        canvas.beginSceneGroup(group)
    }

    /// Restores the graphics state saved by ``beginGroup(_:)``.
    public func endGroup(_ group: SceneGroup) throws(CairoError) {
        canvas.restore()
    }

    /// Draws the paragraph's lines with the layout the typesetter made (shaped again only when
    /// another typesetter made it), then its link areas.
    public func drawTextBlock(_ block: SceneTextBlock) throws(CairoError) {
        let layout = try block.layout(with: typesetter)
        canvas.setColor(block.color)
        canvas.show(layout, lines: block.lines, x: block.position.x, y: block.position.y)
        canvas.addSceneLinks(block.links)
    }

    /// Writes each marker shape once and places it by reference.
    public func drawMarkers(_ markers: SceneMarkers) throws(CairoError) {
        canvas.drawMarkers(markers.symbols, positions: markers.interleavedPositions, symbolIndices: markers.symbolIndices)
    }

    /// Fills and/or strokes the path.
    public func drawPath(_ path: ScenePath) throws(CairoError) {
        canvas.drawScenePath(path)
    }

    /// Lays the text out with the typesetter and draws it at its anchor, rotated if asked.
    public func drawText(_ text: SceneText) throws(CairoError) {
        let layout = try text.layout(with: typesetter)
        try canvas.placeSceneText(text) { x, y in layout.draw(in: canvas, x: x, y: y) }
    }
}
