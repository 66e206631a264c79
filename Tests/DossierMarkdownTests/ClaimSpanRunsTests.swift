@testable import DossierMarkdown
import Testing

/// The claim-span pass works on runs of text between brackets (split by bytes where a bracket
/// has ASCII neighbours); it must bind exactly what the pass that stepped Character by
/// Character bound. ``reference(_:)`` is that pass, kept here as the oracle.
@Suite struct ClaimSpanRunsTests {
    @Test func bindsAsTheCharacterPassOnWrittenCases() {
        let cases: [[Inline]] = [
            [.text("Some [bound words]{claim=c1} here.")],
            [.text("[a [b] c]{claim=x} and [d]{claim=y}")],
            [.text("[outer [inner]{claim=i} text]{claim=o}")],
            [.text("[a]{claim=}"), .text("[b]{claim =x}"), .text("[c] {claim=x}")],
            [.text("[split "), .emphasis([.text("em")]), .text(" words]"), .text("{claim=s1}"), .text(" tail")],
            [.text("[w]{cla"), .text("im=ab"), .text("c} rest")],
            [.text("[w]{claim=a"), .code("x"), .text("}")],
            [.text("[w]{claim=ok}tail"), .softBreak, .text("]]][[[ claim= ")],
            [.text("[w\u{301}]{claim=a} [x]\u{301}{claim=b} \u{600}[y]{claim=c} [z]{claim=d\u{301}}")],
            [.text("Querétaro [São Paulo]{claim=sp} — “[quoted]{claim=q}” ")],
            [.text("\u{E000}[braced]{claim=b} \u{E000}claim=")],
            [.text("[a]{claim=x-y_z9}"), .text("[b]{claim=é}")],
            [.text("[a]{claim=x}[b]{claim=y}]{claim=z}")],
            [.text("no span here but claim= is written")],
            [.text("[a"), .text("\u{301}]{claim=x}")],
            [.text("[a]"), .text("\u{301}{claim=x}")],
            // A mark that joins a bracket or the closing brace into another Character.
            [.text("[\u{301}a]{claim=x} and [b]{claim=y}\u{301} and [c]{claim=z}\u{301}d")],
            [.text("\u{600}[a]{claim=x} [b]\u{600}{claim=y} [c]{claim=z\u{600}}")],
        ]
        for inlines in cases {
            #expect(ClaimSpans.bind(inlines) == Self.reference(inlines), "\(inlines)")
        }
    }

    /// Every text of up to five pieces from an alphabet holding the brackets, the marker's
    /// parts, a prepended mark, a combining mark and other non-ASCII text, alone and split over
    /// two text inlines around an emphasis.
    @Test func bindsAsTheCharacterPassOnEveryShortText() {
        let pieces = ["[", "]", "{claim=", "a", "}", "\u{301}", "\u{600}", "é", " "]
        var texts = [""]
        var all: [String] = []
        for _ in 0..<5 {
            texts = texts.flatMap { text in pieces.map { text + $0 } }
            all += texts
        }
        var checked = 0
        for text in all where text.contains("claim=") {
            let lists: [[Inline]] = [[.text(text)], [.text(text), .emphasis([.text("e")]), .text(text)], [.text(text), .text(text)]]
            for inlines in lists {
                #expect(ClaimSpans.bind(inlines) == Self.reference(inlines), "\(inlines)")
                checked += 1
            }
        }
        #expect(checked > 10_000)
    }

    /// Every text of six pieces from the brackets, the marker's parts and two marks that join
    /// an ASCII character into a larger Character (one after it, one before it).
    @Test func bindsAsTheCharacterPassOnEverySixPieceText() {
        let pieces = ["[", "]", "{claim=", "a", "}", "\u{301}", "\u{600}"]
        var texts = [""]
        for _ in 0..<6 { texts = texts.flatMap { text in pieces.map { text + $0 } } }
        var checked = 0
        for text in texts where text.contains("claim=") {
            #expect(ClaimSpans.bind([.text(text)]) == Self.reference([.text(text)]), "\(text.debugDescription)")
            checked += 1
        }
        #expect(checked > 50_000)
    }

    // MARK: The pass by Characters (the oracle)

    private enum Atom {
        case character(Character)
        case inline(Inline)
    }

    static func reference(_ inlines: [Inline]) -> [Inline] {
        restoring(bindSpans(inlines))
    }

    private static func restoring(_ inlines: [Inline]) -> [Inline] {
        inlines.map { inline in
            switch inline {
            case let .text(text): return .text(ClaimSpans.restoreEscapedBraces(text, as: "{"))
            case let .claimSpan(id, content): return .claimSpan(id: id, content: restoring(content))
            default: return inline
            }
        }
    }

    private static func bindSpans(_ inlines: [Inline]) -> [Inline] {
        guard inlines.contains(where: { inline in
            if case let .text(text) = inline { return text.contains("claim=") }
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

    private static func closer(in atoms: [Atom], after close: Int) -> (String, Int)? {
        var position = close + 1
        for expected in Array("{claim=") {
            guard position < atoms.count, case let .character(character) = atoms[position], character == expected else { return nil }
            position += 1
        }
        var id = ""
        while position < atoms.count, case let .character(character) = atoms[position], character.isASCII,
              character.isLetter || character.isNumber || character == "_" || character == "-" {
            id.append(character)
            position += 1
        }
        guard !id.isEmpty, position < atoms.count, case .character("}") = atoms[position] else { return nil }
        return (id, position + 1)
    }

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
