/// Text holding `{{ expression }}`s: the one scanner for them, used to expand a report's text,
/// to find the analyses a figure reads and to check where expressions are not allowed.
///
/// `{{` opens an expression and the first `}}` after it closes it; `\{{` is a literal `{{`.
/// One pass over the text, by characters; the characters before the next `{` or `\` byte are
/// skipped by a search of the text's bytes (neither character is part of any other: each is one
/// ASCII scalar, which no other character equals).
package enum ExpressionText {
    /// A piece of scanned text.
    package enum Piece: Equatable {
        /// Text shown as it is (for `\{{`, the literal `{{`).
        case literal(Substring)
        /// The text between `{{` and `}}`.
        case expression(Substring)
        /// A `{{` with no `}}` after it; the piece runs to the end of the text.
        case unterminated
    }

    /// The pieces of `text` in order, each with the range of `text` it was written as.
    /// `skippingByBytes: false` scans every character (the same pieces; tests compare them).
    package static func pieces(of text: String, skippingByBytes: Bool = true) -> [(piece: Piece, source: Range<String.Index>)] {
        var pieces: [(piece: Piece, source: Range<String.Index>)] = []
        let end = text.endIndex
        /// Whether `text[position...]` starts with two copies of `character`.
        func doubled(_ character: Character, at position: String.Index) -> Bool {
            guard position < end, text[position] == character else { return false }
            let next = text.index(after: position)
            return next < end && text[next] == character
        }
        var literalStart = text.startIndex
        var index = text.startIndex
        func closeLiteral() {
            if literalStart < index { pieces.append((.literal(text[literalStart..<index]), literalStart..<index)) }
        }
        // Skipping by bytes needs UTF-8 offsets in constant time (a native string's).
        let skips = skippingByBytes && text.isContiguousUTF8
        let bytes = skips ? Array(text.utf8) : []
        let utf8 = text.utf8
        // The UTF-8 offset of the first `{` or `\` byte at or after `index` (the end when
        // none), once searched.
        var special = -1
        while index < end {
            let offset = skips ? utf8.distance(from: utf8.startIndex, to: index) : 0
            if skips, special < offset { special = nextSpecialByte(in: bytes, from: offset) }
            if skips, special > offset {
                // No character before that byte is `{` or `\`: they are literal text. Where the
                // byte does not start a character (it follows a prepended mark, say), step.
                if special == bytes.count {
                    index = end
                } else if let boundary = String.Index(utf8.index(utf8.startIndex, offsetBy: special), within: text) {
                    index = boundary
                } else {
                    index = text.index(after: index)
                }
                continue
            }
            let character = text[index]
            if character == "\\", doubled("{", at: text.index(after: index)) {
                closeLiteral()
                let after = text.index(index, offsetBy: 3)
                pieces.append((.literal(text[text.index(after: index)..<after]), index..<after))
                index = after
                literalStart = after
                continue
            }
            guard character == "{", doubled("{", at: index) else {
                index = text.index(after: index)
                continue
            }
            closeLiteral()
            let innerStart = text.index(index, offsetBy: 2)
            var close = innerStart
            while close < end, !doubled("}", at: close) { close = text.index(after: close) }
            guard close < end else {
                pieces.append((.unterminated, index..<end))
                return pieces
            }
            let after = text.index(close, offsetBy: 2)
            pieces.append((.expression(text[innerStart..<close]), index..<after))
            index = after
            literalStart = after
        }
        closeLiteral()
        return pieces
    }

    /// The offset of the first `{` or `\` in `bytes` at or after `start`; `bytes.count` when none.
    private static func nextSpecialByte(in bytes: [UInt8], from start: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var index = start
            while index < buffer.count {
                let byte = buffer[index]
                if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "\\") { return index }
                index += 1
            }
            return buffer.count
        }
    }

    /// The texts between `{{` and `}}` in `text`, in order (an unterminated `{{` ends the list).
    package static func expressions(in text: String) -> [Substring] {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return [] }
        return pieces(of: text).compactMap { entry in
            if case let .expression(inner) = entry.piece { return inner }
            return nil
        }
    }

    /// Whether `text` holds an expression (`{{` not written as `\{{`), closed or not.
    package static func containsExpression(_ text: String) -> Bool {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return false }
        return pieces(of: text).contains { entry in
            if case .literal = entry.piece { return false }
            return true
        }
    }
}
