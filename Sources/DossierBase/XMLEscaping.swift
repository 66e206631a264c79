/// Character references for text written into XML-like markup (SVG, Pango markup).
package enum XMLEscaping {
    /// `text` with `&`, `<`, `>` and `"` as character references, and `'` too when
    /// `apostrophe` is true (for single-quoted attributes and Pango markup).
    package static func escape(_ text: String, apostrophe: Bool = false) -> String {
        // Most texts (a table's cells at 1000× data: ~500 ms of Character-by-Character copying)
        // have none of these bytes, and the loop below would copy them unchanged.
        if !text.utf8.contains(where: { needsEscaping($0, apostrophe: apostrophe) }) { return text }
        // Byte by byte when every byte replaced stands between ASCII bytes (or an end): such a
        // byte is a Character of its own (only CR LF joins two ASCII scalars), so the rule
        // below would replace it too; a text of prose with an apostrophe no longer goes through
        // Characters (grapheme breaking: ~6,000 instructions a paragraph's run of markup).
        if let escaped = text.utf8.withContiguousStorageIfAvailable({ escapedBytes($0, apostrophe: apostrophe) }),
           let escaped {
            return escaped
        }
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

    /// `bytes` (UTF-8) escaped byte by byte; nil when a byte to replace has a non-ASCII
    /// neighbour (it may be part of a larger Character, which the rule leaves alone).
    private static func escapedBytes(_ bytes: UnsafeBufferPointer<UInt8>, apostrophe: Bool) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 32)
        for index in bytes.indices {
            let byte = bytes[index]
            guard needsEscaping(byte, apostrophe: apostrophe) else {
                out.append(byte)
                continue
            }
            if index > 0 && bytes[index - 1] >= 0x80 { return nil }
            if index + 1 < bytes.count && bytes[index + 1] >= 0x80 { return nil }
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "\""): out += "&quot;".utf8
            default: out += "&#39;".utf8
            }
        }
        return String(decoding: out, as: UTF8.self)
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
