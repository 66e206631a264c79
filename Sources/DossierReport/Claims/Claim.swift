/// A declared claim, its condition parsed, with where it is written in `report.md`.
package struct Claim: Sendable {
    package var spec: ClaimSpec
    package var condition: Condition
    /// The position of each character of the `holds` text.
    package var positions: YAMLScalarPositions
    /// Where the `holds` value starts (its quote, when quoted): the position of "does not hold".
    package var location: SourceLocation
    /// Where the id is written.
    package var idLocation: SourceLocation

    package var id: String { spec.id }

    /// The condition as written, on one line (a literal `|` block's lines joined by spaces), for
    /// messages.
    package var conditionText: String { Self.oneLine(spec.holds) }

    /// `text`'s lines trimmed, without the empty ones, joined by spaces.
    static func oneLine(_ text: String) -> String {
        // Printable ASCII without a space at either end (nearly every condition) is one line
        // with nothing to trim: the text itself.
        let utf8 = text.utf8
        if utf8.allSatisfy({ (0x20...0x7E).contains($0) }), utf8.first != 0x20, utf8.last != 0x20 { return text }
        return text.split(whereSeparator: \.isNewline).map { String($0).trimmingSpaces }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Where the condition's character `offset` is written.
    package func location(at offset: Int) -> SourceLocation {
        positions.location(ofCharacter: offset)
    }

    /// Parses the conditions of `specs`, declared in the front matter `lines` of the report
    /// `file` (YAML line 1 is report line `lineOffset + 1`); rejects a second claim with the
    /// same id. Errors point inside the `holds` text. `store` may answer the conditions of the
    /// `holds` texts parsed by an earlier build; conditions that all parse are given to it.
    package static func parse(_ specs: [ClaimSpec], lines: [String], file: String, lineOffset: Int,
                              store: (any ClaimConditionStore)? = nil) throws(ReportError) -> [Claim] {
        let texts = store == nil || specs.isEmpty ? [] : specs.map(\.holds)
        let kept = texts.isEmpty ? nil : store?.conditions(of: texts).flatMap { $0.count == specs.count ? $0 : nil }
        var claims: [Claim] = []
        var seen: [String: SourceLocation] = [:]
        for (index, spec) in specs.enumerated() {
            func place(_ scalar: YAMLScalarSource?) -> SourceLocation {
                scalar.map { SourceLocation(file: file, line: $0.line + lineOffset, column: $0.column) }
                    ?? SourceLocation(file: file, line: 1, column: 1)
            }
            let idLocation = place(spec.idScalar)
            if let first = seen[spec.id] {
                throw ReportError("two claims are named \"\(spec.id)\" (the first on line \(first.line)); give each claim its own id",
                                  at: idLocation)
            }
            seen[spec.id] = idLocation
            let location = place(spec.holdsScalar)
            let positions = spec.holdsScalar.map {
                YAMLScalarPositions(value: spec.holds, scalar: $0, lines: lines, file: file, lineOffset: lineOffset)
            } ?? YAMLScalarPositions(start: location)
            let condition: Condition
            if let kept {
                condition = kept[index]
            } else {
                do {
                    condition = try ConditionParser.parse(spec.holds)
                } catch {
                    throw ReportError("claim \"\(spec.id)\": \(error.message)", at: positions.location(ofCharacter: error.offset))
                }
            }
            claims.append(Claim(spec: spec, condition: condition, positions: positions, location: location, idLocation: idLocation))
        }
        if kept == nil, !texts.isEmpty { store?.store(claims.map(\.condition), of: texts) }
        return claims
    }
}

/// Where the parsed conditions of a report's claims may be kept between builds (the build keeps
/// them in its cache). A condition is a function of its `holds` text alone
/// (``ConditionParser/parse(_:)``), so a store answers for a list of texts, in order; it is
/// only given conditions that all parsed, never a text that has an error.
package protocol ClaimConditionStore {
    /// The conditions of `texts` (one per text, in order), or nil when none are kept.
    func conditions(of texts: [String]) -> [Condition]?
    /// Keeps `conditions`, parsed from `texts`.
    func store(_ conditions: [Condition], of texts: [String])
}
