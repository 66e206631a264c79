import CCairo
import DossierBase

extension Typesetter {
    /// The Pango font description of `font` (family, absolute size, weight, style), made once
    /// per typesetter and kept until it goes: every layout set one, and a large table makes
    /// hundreds of thousands of layouts in a handful of fonts. Pango copies the description it
    /// is given, so sharing it changes nothing.
    func fontDescription(for font: Font) -> OpaquePointer? {
        if let description = fontDescriptions[font] { return description }
        guard let description = pango_font_description_new() else { return nil }
        pango_font_description_set_family(description, font.family)
        pango_font_description_set_absolute_size(description, font.size * Double(PANGO_SCALE))
        switch font.weight {
        case .regular: pango_font_description_set_weight(description, PANGO_WEIGHT_NORMAL)
        case .semibold: pango_font_description_set_weight(description, PANGO_WEIGHT_SEMIBOLD)
        case .bold: pango_font_description_set_weight(description, PANGO_WEIGHT_BOLD)
        }
        pango_font_description_set_style(description, font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        fontDescriptions[font] = description
        return description
    }
}

extension Typesetter {
    /// The PDF face keyed `key` (``PDFFontFace/key``), loaded by this typesetter (once); nil
    /// when no font of its directory has that description.
    public func pdfFontFace(key: String) -> PDFFontFace? {
        glyphOutlines.pdfFace(key: key)
    }
}
