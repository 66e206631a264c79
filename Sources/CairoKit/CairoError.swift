import CCairo

/// An error raised by Cairo, Pango or fontconfig, named after the C call that failed.
public enum CairoError: Error, CustomStringConvertible, Sendable {
    /// A Cairo call reported a status other than success.
    case status(function: String, message: String)
    /// fontconfig could not load the pinned font directory.
    case fontConfiguration(String)
    /// The text needs glyphs that the pinned fonts do not have; it would print as boxes.
    case missingGlyphs(text: String, font: String, count: Int)
    /// Pango could not parse a markup string.
    case invalidMarkup(text: String, message: String)

    public var description: String {
        switch self {
        case let .status(function, message):
            return "\(function) failed: \(message)"
        case let .fontConfiguration(message):
            return "font configuration: \(message)"
        case let .missingGlyphs(text, font, count):
            return "the font \"\(font)\" has no glyph for \(count) character(s) in \"\(text)\""
        case let .invalidMarkup(text, message):
            return "invalid text markup \"\(text)\": \(message)"
        }
    }

    /// Throws when `status` is not `CAIRO_STATUS_SUCCESS`.
    static func check(_ status: cairo_status_t, _ function: String) throws(CairoError) {
        guard status != CAIRO_STATUS_SUCCESS else { return }
        throw .status(function: function, message: String(cString: cairo_status_to_string(status)))
    }
}
