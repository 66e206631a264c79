import DossierMarkdown

/// The generated section "Claims checked by this build" (`appendix: {claims: true}`): a heading
/// and a numbered list with one entry per claim — what it says and its id, its verdict, its
/// condition and the values it read — as Markdown blocks, so the PDF and the HTML lay it out as
/// they lay out the body. (A four-column table squeezed the words into a column a few letters
/// wide beside long conditions.)
package enum ClaimsAppendix {
    /// The section's title.
    package static let title = "Claims checked by this build"

    /// The section for `verdicts`, placed after the body's last line `lastLine`.
    package static func blocks(_ verdicts: [ClaimVerdict], lastLine: Int) -> [Block] {
        let position = SourcePosition(line: lastLine, column: 1)
        let range = SourceRange(start: position, end: position)
        let intro = "Every claim below was evaluated on the results of this build; a claim that did not hold would have "
            + "stopped it. The words of the text that rest on each claim are bound to it in the report's source."
        let items: [[Block]] = verdicts.map { verdict in
            let literals = verdict.claim.condition.numberLiterals
            let values = verdict.values.map { "\($0.path) = \($0.text(literals: literals))" }.joined(separator: "; ")
            let verdictText = verdict.holdsNow ? "holds" : "does not hold"
            return [
                .paragraph([.strong([.text(verdict.claim.spec.says)]), .text(" ("), .code(verdict.claim.id), .text("): " + verdictText + ".")],
                           range: range),
                .paragraph([.emphasis([.text("Condition:")]), .text(" "), .code(verdict.claim.conditionText)], range: range),
                .paragraph([.emphasis([.text("Values:")]), .text(" " + (values.isEmpty ? "—" : values))], range: range),
            ]
        }
        return [
            .heading(level: 1, content: [.text(title)], range: range),
            .paragraph([.text(intro)], range: range),
            .list(ordered: true, start: 1, items: items, range: range),
        ]
    }
}
