import DossierBase
import DossierMarkdown

/// The prose bound to claims (`[words]{claim=id}`) in the body, in figure and table captions and
/// in the findings: every id must name a declared claim, and a claim no prose names is a warning.
package enum ClaimReferences {
    /// Throws at the first span naming an undeclared claim; returns the warnings for claims the
    /// text never references (compiler style, `report.md:L:C: warning: …`).
    ///
    /// `blocks` is the parsed body (its line numbers those of `report.md`), `findings` the
    /// findings as printed (expressions expanded).
    package static func check(_ claims: [Claim], blocks: [Block], findings: [String], source: ReportSource) throws(ReportError) -> [String] {
        let declared = claims.map(\.id)
        var referenced: Set<String> = []
        // The body's lines are split only to place an error.
        let bodyLineCount = source.bodyLineCount
        func checkSpans(_ content: [[Inline]], lines: () -> ArraySlice<String>, firstLine: Int, fallback: SourceLocation) throws(ReportError) {
            for word in content.flatMap(misspeltAttributes(in:)) {
                let location = textLocation("]{" + word + "=", in: lines(), firstLine: firstLine, file: source.path, offset: 2) ?? fallback
                throw ReportError("\(InputExcerpt.quoted("{" + word + "=…}")) after \"[words]\" binds nothing; did you mean "
                                  + "\"{claim=…}\"? (text meant as written goes in a code span)", at: location)
            }
            for id in content.flatMap(ids(in:)) {
                referenced.insert(id)
                guard !declared.contains(id) else { continue }
                let location = spanLocation(id, in: lines(), firstLine: firstLine, file: source.path) ?? fallback
                let known = declared.isEmpty ? "; declare it under `claims:` in the front matter"
                    : NameHint.hint(for: id, known: declared.sorted())
                throw ReportError("the text binds words to the claim \(InputExcerpt.quoted(id)), which is not declared" + known, at: location)
            }
        }
        for block in blocks {
            let range = block.range
            let first = max(range.start.line - source.bodyFirstLine, 0)
            let last = min(max(range.end.line - source.bodyFirstLine, first), bodyLineCount - 1)
            try checkSpans(inlineLists(in: block), lines: { first <= last ? source.bodyLines(first...last) : [] }, firstLine: range.start.line,
                           fallback: SourceLocation(file: source.path, line: range.start.line, column: range.start.column))
        }
        let findingsLocation = source.location(ofKey: "findings")
        let findingsLines = source.frontMatterLines.dropFirst(max(findingsLocation.line - 2, 0))
        for finding in findings {
            let content = MarkdownReader.parse(finding).flatMap(inlineLists(in:))
            try checkSpans(content, lines: { findingsLines }, firstLine: findingsLocation.line, fallback: findingsLocation)
        }
        return claims.filter { !referenced.contains($0.id) }.map { claim in
            "\(claim.idLocation): warning: claim \"\(claim.id)\" is not referenced in the text; bind the words that rest on it "
                + "with [words]{claim=\(claim.id)}"
        }
    }

    /// The inline contents of `block` (figure and table captions included), outermost only.
    package static func inlineLists(in block: Block) -> [[Inline]] {
        switch block {
        case let .heading(_, content, _), let .paragraph(content, _): return [content]
        case let .blockQuote(children, _), let .footnoteDefinition(_, children, _): return children.flatMap(inlineLists(in:))
        case let .list(_, _, items, _): return items.flatMap { $0.flatMap(inlineLists(in:)) }
        case let .table(header, rows, _, _): return header + rows.flatMap { $0 }
        case let .code(info, text, _):
            // A `{figure}` or `{table}` directive's content is its caption, inline Markdown.
            guard info.hasPrefix("{figure}") || info.hasPrefix("{table}") else { return [] }
            return MarkdownReader.parse(text).flatMap(inlineLists(in:))
        case .thematicBreak, .html: return []
        }
    }

    /// The claim ids of the spans in `block`, in order (figure and table captions included).
    package static func ids(in block: Block) -> [String] {
        inlineLists(in: block).flatMap(ids(in:))
    }

    /// The claim ids of the spans in `inlines`, outer spans first.
    package static func ids(in inlines: [Inline]) -> [String] {
        inlines.flatMap { inline -> [String] in
            switch inline {
            case let .claimSpan(id, content): return [id] + ids(in: content)
            case let .emphasis(content), let .strong(content), let .strikethrough(content), let .link(_, content):
                return ids(in: content)
            case .text, .softBreak, .lineBreak, .code, .footnoteReference, .html, .crossReference: return []
            }
        }
    }

    /// The words `w` of `]{w=` in the text of `inlines` (at any depth) that are near `claim` but
    /// not it: a misspelt span (`]{clam=x}`, `]{Claim=x}`), which would print as written.
    static func misspeltAttributes(in inlines: [Inline]) -> [String] {
        inlines.flatMap { inline -> [String] in
            switch inline {
            case let .text(text): return misspeltAttributes(in: text)
            case let .claimSpan(_, content), let .emphasis(content), let .strong(content), let .strikethrough(content),
                 let .link(_, content):
                return misspeltAttributes(in: content)
            default: return []
            }
        }
    }

    /// The words of `]{word=` in `text` that are near `claim` but not it.
    /// `bytesFirst: false` skips the byte search (the same words; tests compare them).
    static func misspeltAttributes(in text: String, bytesFirst: Bool = true) -> [String] {
        // Text without the bytes of `]{` holds no such characters (each is one ASCII scalar):
        // ruled out by a byte search, before the search by characters (most texts).
        guard !bytesFirst || UTF8Search.contains(Self.spanOpening, in: text), text.contains("]{") else { return [] }
        var words: [String] = []
        var rest = text[...]
        while let range = rest.range(of: "]{") {
            rest = rest[range.upperBound...]
            let word = rest.prefix { $0.isLetter }
            guard rest.dropFirst(word.count).first == "=", word != "claim" else { continue }
            if NameHint.closest(to: String(word), in: ["claim"]) != nil { words.append(String(word)) }
        }
        return words
    }

    /// The UTF-8 bytes of `]{`.
    private static let spanOpening = Array("]{".utf8)

    /// Where `{claim=id}` is first written in `lines` (the id's first character), if found.
    static func spanLocation(_ id: String, in lines: ArraySlice<String>, firstLine: Int, file: String) -> SourceLocation? {
        textLocation("{claim=" + id + "}", in: lines, firstLine: firstLine, file: file, offset: "{claim=".count)
    }

    /// Where `needle` is first written in `lines`, `offset` characters into it.
    static func textLocation(_ needle: String, in lines: ArraySlice<String>, firstLine: Int, file: String, offset: Int) -> SourceLocation? {
        for (index, line) in zip(lines.indices, lines) {
            guard let range = line.range(of: needle) else { continue }
            let column = line.distance(from: line.startIndex, to: range.lowerBound) + offset + 1
            return SourceLocation(file: file, line: firstLine + (index - lines.startIndex), column: column)
        }
        return nil
    }
}
