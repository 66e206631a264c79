import DossierMarkdown

/// The generated section "Claims checked by this build" (`appendix: {claims: true}`): a heading
/// and a table with one row per claim, as Markdown blocks, so the PDF and any other writer lay it
/// out as they lay out the body's own tables.
package enum ClaimsAppendix {
    /// The section's title.
    package static let title = "Claims checked by this build"
    /// The table's column titles. The first column holds what the claim says, then its id
    /// (one column, so that the words get as much width as the condition and values).
    package static let columns = ["Claim", "Condition", "Values", "Verdict"]

    /// The section for `verdicts`, placed after the body's last line `lastLine`.
    package static func blocks(_ verdicts: [ClaimVerdict], lastLine: Int) -> [Block] {
        let position = SourcePosition(line: lastLine, column: 1)
        let range = SourceRange(start: position, end: position)
        let intro = "Every claim below was evaluated on the results of this build; a claim that did not hold would have "
            + "stopped it. The words of the text that rest on each claim are bound to it in the report's source."
        let rows: [[[Inline]]] = verdicts.map { verdict in
            let literals = verdict.claim.condition.numberLiterals
            let values = verdict.values.map { "\($0.path) = \($0.text(literals: literals))" }.joined(separator: "; ")
            return [
                [.text(verdict.claim.spec.says), .lineBreak, .code(verdict.claim.id)],
                [.code(verdict.claim.conditionText)],
                [.text(values.isEmpty ? "—" : values)],
                [.text(verdict.holdsNow ? "holds" : "does not hold")],
            ]
        }
        return [
            .heading(level: 1, content: [.text(title)], range: range),
            .paragraph([.text(intro)], range: range),
            .table(header: columns.map { [.text($0)] }, rows: rows, alignments: columns.map { _ in "l" }, range: range),
        ]
    }
}
