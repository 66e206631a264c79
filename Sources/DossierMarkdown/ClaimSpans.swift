/// Finds `[words]{claim=id}` in inline content and turns it into ``Inline/claimSpan(id:content:)``.
///
/// cmark-gfm reads `[words]{claim=id}` as plain text (a `[` with no link after its `]`), split
/// into several text nodes, with any emphasis, code or link between the brackets as sibling
/// nodes. So the rule is on siblings:
///
/// - the `[` and the `]` are in text of the same inline list: in one paragraph, heading, cell or
///   list item, not one inside emphasis and the other outside it (`*[a*]{claim=x}` stays text);
///   between them any inline content (text, emphasis, strong, code, links, footnote references);
/// - right after the `]` comes `{claim=ID}`, exactly: no spaces, ID of ASCII letters, digits,
///   `_` and `-`;
/// - brackets pair as they nest: in `[a [b] c]{claim=x}` the span holds `a [b] c`; spans may nest;
/// - `\{` after the `]` keeps the text as written: `[a]\{claim=x}` prints `[a]{claim=x}`
///   (so does a value printed by `{{ }}`, whose `{` is escaped). cmark-gfm drops the backslash,
///   so the reader marks `\{` before parsing (``markEscapedBraces(_:)``) and turns the mark back
///   into `{` in text (`\{` in code) once spans are bound.
///
/// Inline lists without a span come back unchanged.
package enum ClaimSpans {
    /// What `\{` is read as until spans are bound: a private-use character, which cmark-gfm
    /// treats as a letter (one already in the text would print as `{`).
    static let escapedBrace: Character = "\u{E000}"
    /// The UTF-8 of ``escapedBrace``, of `\{` and of `claim=`, searched before the characters
    /// (``UTF8Search``).
    static let escapedBraceBytes = Array(String(escapedBrace).utf8)
    static let escapedBraceSourceBytes = Array("\\{".utf8)
    static let claimBytes = Array("claim=".utf8)

    /// `text` with each `\{` written as ``escapedBrace``. A backslash before the mark is
    /// literal, as before a `{`: `\\{` still reads as a backslash and a brace.
    package static func markEscapedBraces(_ text: String) -> String {
        guard UTF8Search.contains(text, escapedBraceSourceBytes), text.contains("\\{") else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingBackslash = false
        for character in text {
            if pendingBackslash {
                pendingBackslash = false
                if character == "{" { out.append(escapedBrace); continue }
                out.append("\\")
            }
            if character == "\\" { pendingBackslash = true } else { out.append(character) }
        }
        if pendingBackslash { out.append("\\") }
        return out
    }

    /// `text` with each mark back as `replacement` (`{` in text, `\{` in code).
    package static func restoreEscapedBraces(_ text: String, as replacement: String) -> String {
        guard UTF8Search.contains(text, escapedBraceBytes), text.contains(escapedBrace) else { return text }
        var out = ""
        for character in text {
            if character == escapedBrace { out += replacement } else { out.append(character) }
        }
        return out
    }

    /// `inlines` with every `[words]{claim=id}` bound into a span, and escaped braces restored.
    package static func bind(_ inlines: [Inline]) -> [Inline] {
        restoringBraces(bindSpans(inlines))
    }

    private static func restoringBraces(_ inlines: [Inline]) -> [Inline] {
        inlines.map { inline in
            switch inline {
            case let .text(text): return .text(restoreEscapedBraces(text, as: "{"))
            case let .claimSpan(id, content): return .claimSpan(id: id, content: restoringBraces(content))
            default: return inline
            }
        }
    }
    /// The marker after the closing bracket, up to the id.
    static let marker = Array("{claim=")

    /// One character of text, or another inline.
    private enum Atom {
        case character(Character)
        case inline(Inline)
    }

    /// `inlines` with every `[words]{claim=id}` bound into a span.
    private static func bindSpans(_ inlines: [Inline]) -> [Inline] {
        guard inlines.contains(where: { inline in
            if case let .text(text) = inline { return UTF8Search.contains(text, claimBytes) && text.contains("claim=") }
            return false
        }) else { return inlines }
        var atoms: [Atom] = []
        for inline in inlines {
            if case let .text(text) = inline {
                atoms.append(contentsOf: text.map(Atom.character))
            } else {
                atoms.append(.inline(inline))
            }
        }
        var openers: [Int] = []
        var bound = false
        var index = 0
        while index < atoms.count {
            guard case let .character(character) = atoms[index] else { index += 1; continue }
            if character == "[" {
                openers.append(index)
            } else if character == "]", let opener = openers.popLast() {
                if let (id, end) = closer(in: atoms, after: index) {
                    let span = Inline.claimSpan(id: id, content: regroup(atoms[(opener + 1)..<index]))
                    atoms.replaceSubrange(opener..<end, with: [.inline(span)])
                    bound = true
                    index = opener + 1
                    continue
                }
            }
            index += 1
        }
        return bound ? regroup(atoms[...]) : inlines
    }

    /// The id and the end (one past `}`) of `{claim=ID}` starting right after `close`.
    private static func closer(in atoms: [Atom], after close: Int) -> (String, Int)? {
        var position = close + 1
        for expected in marker {
            guard position < atoms.count, case let .character(character) = atoms[position], character == expected else { return nil }
            position += 1
        }
        var id = ""
        while position < atoms.count, case let .character(character) = atoms[position], isIDCharacter(character) {
            id.append(character)
            position += 1
        }
        guard !id.isEmpty, position < atoms.count, case .character("}") = atoms[position] else { return nil }
        return (id, position + 1)
    }

    private static func isIDCharacter(_ character: Character) -> Bool {
        guard character.isASCII else { return false }
        return character.isLetter || character.isNumber || character == "_" || character == "-"
    }

    /// Atoms back to inlines: each run of characters one text inline.
    private static func regroup(_ atoms: ArraySlice<Atom>) -> [Inline] {
        var inlines: [Inline] = []
        var text = ""
        for atom in atoms {
            switch atom {
            case let .character(character):
                text.append(character)
            case let .inline(inline):
                if !text.isEmpty { inlines.append(.text(text)); text = "" }
                inlines.append(inline)
            }
        }
        if !text.isEmpty { inlines.append(.text(text)) }
        return inlines
    }
}
