import DossierBase

extension TextLayout {
    /// What makes two plain-text layouts interchangeable.
    struct CacheKey: Hashable {
        let text: String
        let font: Font
        let width: Double?
        let alignment: TextLayout.Alignment
    }
}

extension Typesetter {
    /// A layout of plain `text`, made once per typesetter and reused: a chart's labels are
    /// measured when it is compiled and drawn again into its PNG, SVG and PDF files and into the
    /// document, and shaping them each time was a tenth of a build. A layout drawn twice draws
    /// what two identical layouts would, so reuse changes no output byte. (Not for markup or
    /// justified text; the cache lives as long as the typesetter.)
    public func layout(_ text: String, font: Font, width: Double? = nil,
                       alignment: TextLayout.Alignment = .left) throws(CairoError) -> TextLayout {
        let key = TextLayout.CacheKey(text: text, font: font, width: width, alignment: alignment)
        if let layout = layoutCache[key] { return layout }
        // Chart labels, drawn into chart files by Cairo too: laid out by Pango, never recorded.
        let layout = try TextLayout(text, font: font, typesetter: self, width: width, alignment: alignment,
                                    justify: false, markup: false, lineHeight: nil, records: nil)
        layoutCache[key] = layout
        return layout
    }
}
