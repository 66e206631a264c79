import DossierBase
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
        guard UTF8Search.contains(escapedBraceSourceBytes, in: text), text.contains("\\{") else { return text }
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
        guard UTF8Search.contains(escapedBraceBytes, in: text), text.contains(escapedBrace) else { return text }
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

    /// A run of text between brackets, a bracket, or another inline. A text inline becomes its
    /// runs and brackets (``appendAtoms(of:to:)``), so the pass steps over the text between
    /// brackets instead of over each of its Characters.
    private enum Atom {
        /// Text holding no `[` or `]` Character, not empty; it starts and ends on Character
        /// boundaries of its text inline.
        case run(Substring)
        case open
        case close
        case inline(Inline)
    }

    /// `inlines` with every `[words]{claim=id}` bound into a span.
    private static func bindSpans(_ inlines: [Inline]) -> [Inline] {
        guard inlines.contains(where: { inline in
            // The bytes suffice: text whose Characters hold no `{claim=` binds nothing, and comes
            // back unchanged all the same.
            if case let .text(text) = inline { return UTF8Search.contains(claimBytes, in: text) }
            return false
        }) else { return inlines }
        var atoms: [Atom] = []
        for inline in inlines {
            if case let .text(text) = inline {
                appendAtoms(of: text, to: &atoms)
            } else {
                atoms.append(.inline(inline))
            }
        }
        var openers: [Int] = []
        var bound = false
        var index = 0
        while index < atoms.count {
            switch atoms[index] {
            case .open:
                openers.append(index)
            case .close:
                guard let opener = openers.popLast(), let (id, end) = closer(in: atoms, after: index) else { break }
                let span = Atom.inline(.claimSpan(id: id, content: regroup(atoms[(opener + 1)..<index])))
                if let rest = end.rest {
                    atoms.replaceSubrange(opener...end.atom, with: [span, .run(rest)])
                } else {
                    atoms.replaceSubrange(opener..<end.atom, with: [span])
                }
                bound = true
                index = opener + 1
                continue
            case .run, .inline:
                break
            }
            index += 1
        }
        return bound ? regroup(atoms[...]) : inlines
    }

    /// `text` as runs and brackets, appended to `atoms`. A `[` or `]` byte between ASCII bytes
    /// (or the text's ends) is a Character of its own: only a non-ASCII scalar can join an
    /// ASCII one into a larger Character (a prepended mark before it, a combining mark after
    /// it), so such text is split by bytes; other text is split Character by Character.
    private static func appendAtoms(of text: String, to atoms: inout [Atom]) {
        let offsets = text.utf8.withContiguousStorageIfAvailable(bracketOffsets) ?? nil
        guard let offsets else {
            appendAtomsByCharacter(of: text, to: &atoms)
            return
        }
        let utf8 = text.utf8
        var runStart = text.startIndex
        for offset in offsets {
            let bracket = utf8.index(utf8.startIndex, offsetBy: offset)
            if runStart < bracket { atoms.append(.run(text[runStart..<bracket])) }
            atoms.append(utf8[bracket] == UInt8(ascii: "[") ? .open : .close)
            runStart = utf8.index(after: bracket)
        }
        if runStart < text.endIndex { atoms.append(.run(text[runStart...])) }
    }

    /// The offsets of the `[` and `]` bytes of `bytes`, or nil when one of them has a non-ASCII
    /// byte beside it (then only the Characters tell whether it is a bracket of its own).
    private static func bracketOffsets(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int]? {
        var offsets: [Int] = []
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") {
            if offset > 0, bytes[offset - 1] >= 0x80 { return nil }
            if offset + 1 < bytes.count, bytes[offset + 1] >= 0x80 { return nil }
            offsets.append(offset)
        }
        return offsets
    }

    /// ``appendAtoms(of:to:)`` by Characters.
    private static func appendAtomsByCharacter(of text: String, to atoms: inout [Atom]) {
        var runStart = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "[" || character == "]" {
                if runStart < index { atoms.append(.run(text[runStart..<index])) }
                atoms.append(character == "[" ? .open : .close)
                runStart = next
            }
            index = next
        }
        if runStart < text.endIndex { atoms.append(.run(text[runStart...])) }
    }

    /// Where a match ends: the first atom not wholly matched, and what is left of it when the
    /// match ends inside that run (nil: the match ends at the atom's start).
    private struct MatchEnd {
        var atom: Int
        var rest: Substring?
    }

    /// Reads the Characters of consecutive runs, from one atom on: a bracket or another inline
    /// ends them.
    private struct RunCursor {
        let atoms: [Atom]
        var atom: Int
        var index: Substring.Index?

        /// The next Character, not consumed.
        mutating func peek() -> Character? {
            while atom < atoms.count, case let .run(run) = atoms[atom] {
                let at = index ?? run.startIndex
                if at < run.endIndex {
                    index = at
                    return run[at]
                }
                atom += 1
                index = nil
            }
            return nil
        }

        /// Consumes the Character ``peek()`` returned.
        mutating func advance() {
            guard atom < atoms.count, case let .run(run) = atoms[atom], let at = index else { return }
            let next = run.index(after: at)
            if next < run.endIndex {
                index = next
            } else {
                atom += 1
                index = nil
            }
        }

        var end: MatchEnd {
            guard let index, atom < atoms.count, case let .run(run) = atoms[atom] else { return MatchEnd(atom: atom, rest: nil) }
            return MatchEnd(atom: atom, rest: run[index...])
        }
    }

    /// The id and the end (after `}`) of `{claim=ID}` starting right after the `]` at `close`.
    private static func closer(in atoms: [Atom], after close: Int) -> (String, MatchEnd)? {
        switch closerInRun(atoms, after: close) {
        case let .found(id, end): return (id, end)
        case .none: return nil
        case .undecided: break
        }
        var cursor = RunCursor(atoms: atoms, atom: close + 1, index: nil)
        for expected in marker {
            guard cursor.peek() == expected else { return nil }
            cursor.advance()
        }
        var id = ""
        while let character = cursor.peek(), isIDCharacter(character) {
            id.append(character)
            cursor.advance()
        }
        guard !id.isEmpty, cursor.peek() == "}" else { return nil }
        cursor.advance()
        return (id, cursor.end)
    }

    /// What the bytes of the run after a `]` tell of its `{claim=ID}`.
    private enum RunCloser {
        case found(String, MatchEnd)
        case none
        /// The marker runs to the run's end, or a non-ASCII byte follows its `}`: the
        /// Characters decide (``RunCursor``).
        case undecided
    }

    /// ``closer(in:after:)`` by the bytes of the one run after the `]`. Every Character of
    /// `{claim=ID}` is one ASCII byte, so bytes that differ from it are Characters that differ;
    /// bytes that match are those Characters when no non-ASCII byte (a combining mark) follows
    /// the `}` (the run starts after the `]`, a Character boundary, and ends at one).
    private static func closerInRun(_ atoms: [Atom], after close: Int) -> RunCloser {
        guard close + 1 < atoms.count, case let .run(run) = atoms[close + 1] else { return .none }
        let utf8 = run.utf8
        var index = utf8.startIndex
        for expected in markerBytes {
            guard index < utf8.endIndex else { return .undecided }
            guard utf8[index] == expected else { return .none }
            index = utf8.index(after: index)
        }
        let idStart = index
        while index < utf8.endIndex, isIDByte(utf8[index]) { index = utf8.index(after: index) }
        guard index < utf8.endIndex else { return .undecided }
        guard index > idStart, utf8[index] == UInt8(ascii: "}") else { return .none }
        let after = utf8.index(after: index)
        if after < utf8.endIndex, utf8[after] >= 0x80 { return .undecided }
        let id = String(run[idStart..<index])
        return .found(id, after < utf8.endIndex ? MatchEnd(atom: close + 1, rest: run[after...]) : MatchEnd(atom: close + 2, rest: nil))
    }

    /// The bytes of ``marker``.
    static let markerBytes = Array("{claim=".utf8)

    /// An ASCII letter, digit, `_` or `-`: the bytes of the Characters ``isIDCharacter(_:)`` accepts.
    private static func isIDByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    private static func isIDCharacter(_ character: Character) -> Bool {
        guard character.isASCII else { return false }
        return character.isLetter || character.isNumber || character == "_" || character == "-"
    }

    /// Atoms back to inlines: each run of text and brackets one text inline.
    private static func regroup(_ atoms: ArraySlice<Atom>) -> [Inline] {
        var inlines: [Inline] = []
        var text = ""
        for atom in atoms {
            switch atom {
            case let .run(run):
                text.append(contentsOf: run)
            case .open:
                text.append("[")
            case .close:
                text.append("]")
            case let .inline(inline):
                if !text.isEmpty { inlines.append(.text(text)); text = "" }
                inlines.append(inline)
            }
        }
        if !text.isEmpty { inlines.append(.text(text)) }
        return inlines
    }
}
