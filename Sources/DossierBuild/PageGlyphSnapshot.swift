import CairoKit
import DossierCharts
import DossierLayout

/// What the page SVGs of a laid-out document draw, as values that either of the build's
/// threads can write SVGs from: each page's scene, the glyph runs of its text, and the names
/// of their fonts. Recorded on the thread that laid the document out, once its page scenes are
/// made. The scenes are the page scenes themselves, not a copy: their text blocks still carry
/// that thread's Pango layouts (``SceneTextBlock/prepared``), which the SVG writers never use
/// (their text is the runs) and must not be the last to release. ``RenderSchedule`` sees to
/// that: the thread that shared the snapshot drops it once the second thread is done
/// (``RenderSchedule/finish()``, ``RenderSchedule/abandon()``). The glyphs are outlined by the threads that write the
/// SVGs, each with its own typesetter (each glyph once, shared). A page SVG written from it
/// has the bytes of ``DocumentLayout/pageSVG(_:scene:)``, so the second thread no longer lays
/// the document out again to share the pages (``SharedPageSVGs``).
struct PageGlyphSnapshot: Sendable {
    /// Each page's scene (its text blocks' layouts are not to be used: see above).
    let scenes: [Scene]
    /// Each page's text, in the order its scene draws it.
    let runs: [GlyphRuns]
    /// The fonts the pages draw with, and the glyph outlines made so far.
    let outlines: GlyphOutlineSet
    /// The SVGs' description (the report's subtitle).
    let description: String?

    /// Records the pages of `layout`, whose page scenes are `scenes`, on the thread that made
    /// the layout.
    init(layout: DocumentLayout, scenes: [Scene]) throws(CairoError) {
        let recorder = GlyphRunRecorder(typesetter: layout.typesetter)
        var runs: [GlyphRuns] = []
        runs.reserveCapacity(scenes.count)
        for scene in scenes {
            runs.append(try GlyphRunRenderer.record(scene, typesetter: layout.typesetter, into: recorder))
        }
        self.runs = runs
        self.scenes = scenes
        outlines = recorder.outlines
        description = layout.content.spec.subtitle
    }

    /// The number of pages.
    var count: Int { scenes.count }

    /// Page `index` (0-based) as its own SVG document, on the thread that owns `typesetter`
    /// (any thread's own).
    func svg(_ index: Int, typesetter: Typesetter) throws -> [UInt8] {
        try GlyphRunRenderer.svg(scenes[index], runs: runs[index], outlines: outlines, typesetter: typesetter,
                                 description: description)
    }
}
