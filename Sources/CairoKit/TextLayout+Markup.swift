import CCairo

extension TextLayout {
    /// Sets `markup` as the text and attributes of `layout`, as `pango_layout_set_markup` does
    /// (Pango 1.50: `pango_parse_markup`, then `pango_layout_set_text` with the parsed text and
    /// `pango_layout_set_attributes` with the parsed list), but parsing it once: the layout used
    /// to parse every markup twice, once to check it and once to set it, a tenth of laying out
    /// a large table. Markup with nothing for the parser to do (``isPlainMarkup(_:)``) is not
    /// parsed at all: its text is itself and its attribute list empty, which is what the parser
    /// returns for it.
    /// - Throws: ``CairoError/invalidMarkup(text:message:)`` with an excerpt of `original`.
    static func setMarkup(_ markup: String, on layout: OpaquePointer, original: String) throws(CairoError) {
        if isPlainMarkup(markup) {
            let attributes = pango_attr_list_new()
            pango_layout_set_text(layout, markup, -1)
            pango_layout_set_attributes(layout, attributes)
            pango_attr_list_unref(attributes)
            return
        }
        var attributes: OpaquePointer?
        var text: UnsafeMutablePointer<CChar>?
        var error: UnsafeMutablePointer<GError>?
        guard pango_parse_markup(markup, -1, 0, &attributes, &text, nil, &error) != 0 else {
            let message = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
            if let error { g_error_free(error) }
            throw .invalidMarkup(text: TextLayout.excerpt(original), message: message)
        }
        pango_layout_set_text(layout, text, -1)
        pango_layout_set_attributes(layout, attributes)
        pango_attr_list_unref(attributes)
        g_free(text)
    }

    /// Whether Pango's markup parser would return `markup` itself as the text, with no
    /// attributes and no error: no tag or entity (`<`, `&`), no carriage return (GMarkup turns
    /// line ends into `\n`), no control character but tab and line feed, and, conservatively,
    /// no character the XML parser might refuse or change: none from U+0080 to U+009F, none
    /// whose UTF-8 starts with 0xEF (U+F000 to U+FFFF, holding the non-characters U+FDD0 to
    /// U+FDEF, U+FFFE and U+FFFF) or above U+FFFF. Such text (table cells: numbers, names,
    /// years) takes most of a large table's layouts.
    static func isPlainMarkup(_ markup: String) -> Bool {
        var afterC2 = false
        for byte in markup.utf8 {
            if afterC2 {
                if byte < 0xA0 { return false }
                afterC2 = false
                continue
            }
            switch byte {
            case 0x3C, 0x26, 0x7F: return false  // <, &, DEL
            case 0x20...0x7E, 0x09, 0x0A: continue
            case 0xC2: afterC2 = true
            case 0x80...0xBF, 0xC3...0xEE: continue
            default: return false  // other controls (CR, NUL...), 0xEF, 0xF0 and above, invalid leads
            }
        }
        return true
    }
}
