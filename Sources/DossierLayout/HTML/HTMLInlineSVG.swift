/// A standalone chart SVG (as ``SVGCanvas`` writes it) turned into an `<svg>` element for the
/// HTML briefing: the XML declaration and namespace declarations dropped, `role="img"` with
/// its `<title>` and `<desc>` named by `aria-labelledby`, and every id prefixed so that several
/// charts on one page do not share glyph, clip or marker ids.
package enum HTMLInlineSVG {
    /// The element for `svg` (the bytes of a standalone chart SVG); ids get `prefix` + `-`.
    /// `title` and `description` replace the document's own `<title>` and `<desc>`.
    ///
    /// The SVG is searched as bytes (its root tag, `<title>`, `<desc>` and the id patterns are
    /// ASCII), and the drawing is copied in runs between the ids it rewrites: a prose edit
    /// writes the HTML again with the six charts' SVGs (760 KB) from the cache, and the
    /// character-by-character search this replaces was most of the HTML's cost.
    package static func element(_ svg: [UInt8], prefix: String, title: String, description: String) -> String {
        String(decoding: elementBytes(svg, prefix: prefix, title: title, description: description), as: UTF8.self)
    }

    /// ``element(_:prefix:title:description:)`` as UTF-8 bytes, never made a `String` (the
    /// HTML writer copies them as they are: ``HTMLParts``).
    package static func elementBytes(_ svg: [UInt8], prefix: String, title: String, description: String) -> [UInt8] {
        // Invalid UTF-8 is replaced (U+FFFD) first, as reading the SVG as text always did; the
        // ids rewritten are ASCII, so the drawing copied around them stays valid UTF-8.
        var text = String(decoding: svg, as: UTF8.self)
        return text.withUTF8 { bytes in
            let root = rootTag(bytes)
            let viewBox = root.flatMap { attribute("viewBox", inTag: bytes[$0]) }.map { String(decoding: $0, as: UTF8.self) }
            let opening = openingTags(viewBox: viewBox ?? "0 0 100 100", prefix: prefix, title: title, description: description)
            guard let root else { return Array((opening + "</svg>").utf8) }
            return prefixedIDs(bytes[drawing(bytes, after: root)], prefix: prefix + "-", after: Array(opening.utf8))
        }
    }

    /// The `<svg>` tag (its size from `viewBox`, in CSS pixels), `<title>` and `<desc>`.
    static func openingTags(viewBox: String, prefix: String, title: String, description: String) -> String {
        let numbers = viewBox.split(separator: " ").compactMap { Double($0) }
        let width = numbers.count == 4 ? numbers[2] : 100, height = numbers.count == 4 ? numbers[3] : 100
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"\(HTMLEscaping.escape(viewBox))\""
        // Points to CSS pixels, so that the chart's natural size is its printed size.
        out += " width=\"\(pixels(width))\" height=\"\(pixels(height))\""
        out += " role=\"img\" aria-labelledby=\"\(prefix)-title \(prefix)-desc\">\n"
        out += "<title id=\"\(prefix)-title\">\(HTMLEscaping.escape(title))</title>\n"
        out += "<desc id=\"\(prefix)-desc\">\(HTMLEscaping.escape(description))</desc>\n"
        return out
    }

    /// The range of the root tag's attributes: from after the first `<svg` to its first `>`
    /// (excluded); nil when there is none.
    static func rootTag(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        guard let open = firstRange(of: Array("<svg".utf8), in: bytes, from: 0),
              let close = firstIndex(of: UInt8(ascii: ">"), in: bytes, from: open.upperBound) else { return nil }
        return open.upperBound..<close
    }

    /// The document after its root tag (`root`, ``rootTag(_:)``), `<title>` and `<desc>`: the
    /// `<defs>`, the drawing and the closing `</svg>`.
    static func drawing(_ bytes: UnsafeBufferPointer<UInt8>, after root: Range<Int>) -> Range<Int> {
        var start = root.upperBound + 1
        for element in ["title", "desc"] {
            let trimmed = skippingNewlines(bytes, from: start)
            let open = Array("<\(element)>".utf8)
            if hasPrefix(bytes, at: trimmed, open), let close = firstRange(of: Array("</\(element)>".utf8), in: bytes, from: trimmed) {
                start = close.upperBound
            }
        }
        return skippingNewlines(bytes, from: start)..<bytes.count
    }

    /// `id="x"` → `id="<prefix>x"`, `xlink:href="#x"` → `href="#<prefix>x"` (SVG 2 `href`, which
    /// HTML parses without a namespace declaration), `url(#x)` → `url(#<prefix>x)`; the result
    /// follows `head`.
    static func prefixedIDs(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, prefix: String, after head: [UInt8]) -> [UInt8] {
        let replacements: [(String, String)] = [
            (" id=\"", " id=\"" + prefix),
            (" xlink:href=\"#", " href=\"#" + prefix),
            (" xlink:href=\"", " href=\""),
            ("url(#", "url(#" + prefix),
        ]
        let patterns = replacements.map { (Array($0.0.utf8), Array($0.1.utf8)) }
        var out = head
        out.reserveCapacity(head.count + bytes.count + bytes.count / 8)
        let end = bytes.endIndex
        var copied = bytes.startIndex, index = bytes.startIndex
        let base = bytes.base
        scan: while index < end {
            let byte = base[index]
            // Every pattern starts with a space followed by `i` or `x`, or with `ur`.
            if (byte == UInt8(ascii: " ") || byte == UInt8(ascii: "u")) && index + 1 < end
                && (base[index + 1] == UInt8(ascii: "i") || base[index + 1] == UInt8(ascii: "x") || base[index + 1] == UInt8(ascii: "r")) {
                for (pattern, replacement) in patterns where pattern[0] == byte && index + pattern.count <= end
                    && hasPrefix(base, at: index, pattern) {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: base[copied..<index]))
                    out += replacement
                    index += pattern.count
                    copied = index
                    continue scan
                }
            }
            index += 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: base[copied..<end]))
        return out
    }

    /// Whether `bytes` hold `pattern` at `index`.
    private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ pattern: [UInt8]) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    /// The first place at or after `start` where `bytes` hold `pattern`.
    private static func firstRange(of pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Range<Int>? {
        guard let first = pattern.first else { return nil }
        var index = start
        while let candidate = firstIndex(of: first, in: bytes, from: index) {
            if hasPrefix(bytes, at: candidate, pattern) { return candidate..<candidate + pattern.count }
            index = candidate + 1
        }
        return nil
    }

    /// The first `byte` at or after `start`.
    private static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }

    /// The first index at or after `start` that is not a line feed.
    private static func skippingNewlines(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count && bytes[index] == UInt8(ascii: "\n") { index += 1 }
        return index
    }

    /// The value of the attribute `name` in the root tag's attributes `tag` (``rootTag(_:)``).
    static func attribute(_ name: String, inTag tag: Slice<UnsafeBufferPointer<UInt8>>) -> Slice<UnsafeBufferPointer<UInt8>>? {
        let pattern = Array(" \(name)=\"".utf8)
        let rebased = UnsafeBufferPointer(rebasing: tag)
        guard let start = firstRange(of: pattern, in: rebased, from: 0),
              let end = firstIndex(of: UInt8(ascii: "\""), in: rebased, from: start.upperBound) else { return nil }
        return tag.base[tag.startIndex + start.upperBound..<tag.startIndex + end]
    }

    /// `points` in CSS pixels (4/3 px per point), rounded to whole pixels.
    static func pixels(_ points: Double) -> Int {
        Int((points * 4 / 3).rounded())
    }
}
