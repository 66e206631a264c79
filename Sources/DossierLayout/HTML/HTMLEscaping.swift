/// Escaping for text written into the HTML briefing.
package enum HTMLEscaping {
    /// `text` as HTML character data or a double-quoted attribute value: `&`, `<`, `>`, `"`
    /// and `'` become character references; control characters other than tab and newline
    /// (which HTML forbids) are dropped.
    package static func escape(_ text: String) -> String {
        // Most texts (a table's cells: numbers with a U+2212 minus, names, dates) have nothing
        // to escape or drop: returned as they are, without a copy.
        if !mayNeedEscaping(text) { return text }
        return escapeScalars(text)
    }

    /// False when every byte of `text` is one ``escape(_:)`` keeps: printable ASCII other than
    /// `&`, `<`, `>`, `"` and `'`, a tab, a newline, or part of a character that is neither a
    /// C1 control (`C2 80`…`C2 9F`) nor possibly a noncharacter (U+FDD0…U+FDEF, U+FFFE,
    /// U+FFFF: after `EF B7` or `EF BF`; U+1FFFE…U+10FFFF's: a 4-byte sequence whose second
    /// byte ends in `F`). True when unsure: the scalar-by-scalar path then decides.
    private static func mayNeedEscaping(_ text: String) -> Bool {
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): return true
            case 0x20..<0x7F, UInt8(ascii: "\t"), UInt8(ascii: "\n"): continue
            case 0xC2:
                guard let next = utf8.next(), next >= 0xA0 else { return true }
            case 0xEF:
                guard let next = utf8.next(), next != 0xB7, next != 0xBF else { return true }
            case 0xF0...0xF4:
                guard let next = utf8.next(), next & 0x0F != 0x0F else { return true }
            case 0x80..<0xC0, 0xC3...0xEE:
                // A continuation byte, or the lead byte of a character with nothing to drop.
                continue
            default:
                return true
            }
        }
        return false
    }

    /// ``escape(_:)`` one scalar at a time (the rule itself; `escape` only skips texts it
    /// would return unchanged).
    static func escapeScalars(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case "\r": out += "\n"
            default:
                if isForbidden(scalar) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Control characters and noncharacters, which an HTML parser reports as errors.
    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return true }
        if (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE { return true }
        return false
    }

    /// A fragment identifier made from `text`: ASCII letters and digits kept (lower-cased),
    /// every other run of characters one `-`; never empty.
    package static func slug(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isLetter = (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value)
            let isDigit = (0x30...0x39).contains(value)
            if isLetter || isDigit {
                if pendingDash && !out.isEmpty { out += "-" }
                pendingDash = false
                out += String(scalar).lowercased()
            } else {
                pendingDash = true
            }
        }
        return out.isEmpty ? "x" : out
    }

    /// Whether a link target may be written as `href`: a fragment, a relative path or an
    /// `http`, `https` or `mailto` URL. Any other scheme (`javascript:`, `data:`, `file:`…)
    /// is shown as text without a link.
    package static func isSafeLink(_ url: String) -> Bool {
        guard !url.isEmpty else { return false }
        let lower = url.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") || lower.hasPrefix("#") {
            return true
        }
        // No scheme: a colon may only come after a '/', '?' or '#'.
        for character in lower {
            if character == ":" { return false }
            if character == "/" || character == "?" || character == "#" { return true }
        }
        return true
    }
}
