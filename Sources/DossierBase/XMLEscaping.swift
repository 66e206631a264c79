/// Character references for text written into XML-like markup (SVG, Pango markup).
package enum XMLEscaping {
    /// `text` with `&`, `<`, `>` and `"` as character references, and `'` too when
    /// `apostrophe` is true (for single-quoted attributes and Pango markup).
    package static func escape(_ text: String, apostrophe: Bool = false) -> String {
        // Most texts (a table's cells at 1000× data: ~500 ms of Character-by-Character copying)
        // have none of these bytes, and the loop below would copy them unchanged.
        if !text.utf8.contains(where: { needsEscaping($0, apostrophe: apostrophe) }) { return text }
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

    /// Whether `byte` is one ``escape(_:apostrophe:)`` replaces.
    @inline(__always)
    private static func needsEscaping(_ byte: UInt8, apostrophe: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""): return true
        case UInt8(ascii: "'"): return apostrophe
        default: return false
        }
    }
}
