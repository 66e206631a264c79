import CairoKit

/// Draws a ``Scene`` on an ``SVGCanvas`` with its text taken from ``GlyphRuns`` recorded from
/// the same scene (``record(_:typesetter:into:)``) instead of laid out: the same bytes as
/// ``CairoRenderer`` on that canvas, with no Pango object from the thread that laid the page
/// out, so any thread can write the SVG of a page laid out on another (outlining the glyphs
/// with its own typesetter's fonts).
///
/// The runs hold one text per ``SceneText`` and ``SceneTextBlock`` of the scene, in the
/// order the scene is walked; a scene that does not match its runs throws.
public struct GlyphRunRenderer: Renderer {
    /// The canvas drawn on (an SVG document or a PDF page).
    public let canvas: any GlyphRunCanvas
    /// The scene's recorded text.
    public let runs: GlyphRuns
    private var next = 0

    /// A renderer drawing on `canvas` with text from `runs`.
    public init(canvas: any GlyphRunCanvas, runs: GlyphRuns) {
        self.canvas = canvas
        self.runs = runs
    }

    /// Records the text `scene` draws, as ``CairoRenderer`` with `typesetter` lays it out
    /// (on the typesetter's thread), in `recorder`, and returns it.
    public static func record(_ scene: Scene, typesetter: Typesetter, into recorder: GlyphRunRecorder) throws(CairoError) -> GlyphRuns {
        var recording = Recording(typesetter: typesetter, recorder: recorder)
        try recording.render(scene)
        return recorder.takeRuns()
    }

    /// Walks a scene as ``CairoRenderer`` does and records its text only.
    private struct Recording: Renderer {
        let typesetter: Typesetter
        let recorder: GlyphRunRecorder

        func drawPath(_ path: ScenePath) throws(CairoError) {}
        func drawMarkers(_ markers: SceneMarkers) throws(CairoError) {}

        func drawText(_ text: SceneText) throws(CairoError) {
            recorder.record(try text.layout(with: typesetter), lines: nil)
        }

        func drawTextBlock(_ block: SceneTextBlock) throws(CairoError) {
            recorder.record(try block.layout(with: typesetter), lines: block.lines)
        }
    }

    /// `scene` as an SVG document (titled with the scene's title, described by `description`)
    /// whose text is `runs`, recorded from it, with their fonts in `outlines`; written on the
    /// thread that owns `typesetter`, whose fonts outline the glyphs not outlined yet.
    public static func svg(_ scene: Scene, runs: GlyphRuns, outlines: GlyphOutlineSet, typesetter: Typesetter,
                           description: String? = nil) throws(CairoError) -> [UInt8] {
        // The glyph definitions are written ahead of the drawing, in one buffer (no copy).
        let canvas = SVGCanvas(width: scene.width, height: scene.height, outlines: outlines, typesetter: typesetter,
                               title: scene.title, description: description, definingGlyphsOf: runs)
        var renderer = GlyphRunRenderer(canvas: canvas, runs: runs)
        try renderer.render(scene)
        return canvas.finish()
    }

    /// `scene` as one PDF page (``PDFCanvas``) whose text is `runs`, recorded from it, with
    /// their fonts in `outlines`, loaded by `typesetter` (the calling thread's): the page
    /// ``CairoRenderer`` draws from the scene's layouts, without recording them again; the
    /// faces it draws with come too.
    public static func pdfPage(_ scene: Scene, runs: GlyphRuns, outlines: GlyphOutlineSet,
                               typesetter: Typesetter) throws(CairoError) -> (page: PDFPage, faces: [String: PDFFontFace]) {
        let canvas = PDFCanvas(width: scene.width, height: scene.height, outlines: outlines, typesetter: typesetter)
        var renderer = GlyphRunRenderer(canvas: canvas, runs: runs)
        try renderer.render(scene)
        return (canvas.finish(), canvas.faces)
    }

    /// Paints the background, if any, over the whole (clipped) scene.
    public func beginScene(_ scene: Scene) throws(CairoError) {
        guard let background = scene.background else { return }
        canvas.setColor(background)
        canvas.paint()
    }

    /// Checks that every recorded text was drawn.
    public func endScene(_ scene: Scene) throws(CairoError) {
        guard next == runs.texts.count else { throw mismatch(drawn: next) }
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

    /// Fills and/or strokes the path.
    public func drawPath(_ path: ScenePath) throws(CairoError) {
        canvas.drawScenePath(path)
    }

    /// Writes each marker shape once and places it by reference.
    public func drawMarkers(_ markers: SceneMarkers) throws(CairoError) {
        canvas.drawMarkers(markers.symbols, positions: markers.interleavedPositions, symbolIndices: markers.symbolIndices)
    }

    /// Draws the next recorded text at the text's anchor, rotated if asked.
    public mutating func drawText(_ text: SceneText) throws(CairoError) {
        let recorded = try takeText()
        try canvas.placeSceneText(text) { [canvas, runs] x, y in canvas.show(recorded, of: runs, x: x, y: y) }
    }

    /// Draws the next recorded text as the paragraph's lines, then its link areas.
    public mutating func drawTextBlock(_ block: SceneTextBlock) throws(CairoError) {
        let recorded = try takeText()
        canvas.setColor(block.color)
        canvas.show(recorded, of: runs, x: block.position.x, y: block.position.y)
        canvas.addSceneLinks(block.links)
    }

    private mutating func takeText() throws(CairoError) -> GlyphRuns.Text {
        guard next < runs.texts.count else { throw mismatch(drawn: next + 1) }
        defer { next += 1 }
        return runs.texts[next]
    }

    private func mismatch(drawn: Int) -> CairoError {
        .status(function: "GlyphRunRenderer", message: "the scene draws \(drawn) texts, its glyph runs hold \(runs.texts.count)")
    }
}
