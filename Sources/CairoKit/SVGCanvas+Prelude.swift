extension SVGCanvas {
    /// A blank document of `width` × `height` points that will draw the texts of `runs`
    /// (``show(_:of:x:y:)``, each text once, in the order `runs` recorded them, as
    /// ``GlyphRunRenderer`` draws a scene's), with their fonts in `outlines`, on the thread that
    /// owns `typesetter`: the same bytes as a canvas made by
    /// ``init(width:height:outlines:typesetter:)`` and finished with `title` and `description`.
    ///
    /// The document's opening and the glyph definitions those texts need (in the order they
    /// will be first drawn: the runs say which glyphs and fonts before anything is drawn) are
    /// written first, and the drawing goes on in the same buffer, reserved for the runs'
    /// glyphs, which ``finish(title:description:)`` returns as it is: no copy of the drawing
    /// behind its definitions, of the definitions into the document, or of a buffer outgrown.
    /// A glyph drawn that the runs did not hold is still defined, when the document is finished.
    public convenience init(width: Double, height: Double, outlines: GlyphOutlineSet, typesetter: Typesetter,
                            title: String?, description: String?, definingGlyphsOf runs: GlyphRuns) {
        self.init(width: width, height: height, outlines: outlines, typesetter: typesetter)
        writePrelude(title: title, description: description, runs: runs)
    }

    /// Writes the opening and the definitions of the glyphs `runs` draw into the empty body,
    /// reserved once for them and the drawing.
    private func writePrelude(title: String?, description: String?, runs: GlyphRuns) {
        var uses = GlyphUseTable()
        // The glyphs to define, in order of first use, and their outlines' bytes in all.
        var defined: [(number: Int, glyph: UInt32, outline: [UInt8])] = []
        var outlineBytes = 0
        // The walk of show(_:of:x:y:): texts with a line, runs with a font, glyphs drawn.
        for text in runs.texts where text.firstTop != nil {
            for line in runs.lines[text.lines] {
                for run in runs.runs[line.runs] {
                    guard let font = run.font else { continue }
                    for glyph in runs.glyphs[run.glyphs] where GlyphRuns.isDrawn(glyph.id) {
                        guard uses.entry(font: font, glyph: glyph.id) == .unknown else { continue }
                        let outline = glyphs.outline(GlyphOutlines.GlyphKey(font: font, glyph: glyph.id))
                        guard !outline.isEmpty else {
                            uses.set(font: font, glyph: glyph.id, opening: nil)
                            continue
                        }
                        let number = fontNumber(font)
                        Self.withGlyphID(number: number, glyph: glyph.id) { id in
                            Self.withUseOpening(id: id) { uses.set(font: font, glyph: glyph.id, opening: $0) }
                        }
                        defined.append((number, glyph.id, outline))
                        outlineBytes += outline.count
                    }
                }
            }
        }
        var out: [UInt8] = []
        // Each definition's markup and id (under 64 bytes), every glyph's `<use>` (about 54
        // bytes) and the paths and rules around them.
        out.reserveCapacity(1024 + outlineBytes + defined.count * 64 + runs.glyphs.count * 56 + (1 << 16))
        Self.appendOpening(width: width, height: height, title: title, description: description, to: &out)
        if defined.isEmpty {
            prelude = (out.count, false)
        } else {
            out += Self.definitionsOpen
            for definition in defined {
                Self.withGlyphID(number: definition.number, glyph: definition.glyph) { id in
                    Self.appendDefinition(id: id, outline: definition.outline, to: &out)
                }
            }
            prelude = (out.count, true)
            out += Self.definitionsClose
        }
        body = out
        glyphUses = uses
    }

    /// The document whose opening and definitions ``writePrelude(title:description:runs:)``
    /// wrote (their end is `prelude`), with any glyph defined since inserted after the others.
    func finishPrelude(_ prelude: (definitionsEnd: Int, hasDefinitions: Bool)) -> [UInt8] {
        var out: [UInt8] = []
        swap(&out, &body)
        if !glyphDefinitions.isEmpty {
            let late = prelude.hasDefinitions ? glyphDefinitions : Self.definitionsOpen + glyphDefinitions + Self.definitionsClose
            out.insert(contentsOf: late, at: prelude.definitionsEnd)
            glyphDefinitions.removeAll()
        }
        out += Self.documentClose
        return out
    }
}
