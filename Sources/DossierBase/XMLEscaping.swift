/// Character references for text written into XML-like markup (SVG, Pango markup).
package enum XMLEscaping {
    /// `text` with `&`, `<`, `>` and `"` as character references, and `'` too when
    /// `apostrophe` is true (for single-quoted attributes and Pango markup).
    package static func escape(_ text: String, apostrophe: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'" where apostrophe: out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
