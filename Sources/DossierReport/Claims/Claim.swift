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

    /// Where the condition's character `offset` is written.
    package func location(at offset: Int) -> SourceLocation {
        positions.location(ofCharacter: offset)
    }

    /// Parses the conditions of `specs`, declared in the front matter `lines` of the report
    /// `file` (YAML line 1 is report line `lineOffset + 1`); rejects a second claim with the
    /// same id. Errors point inside the `holds` text.
    package static func parse(_ specs: [ClaimSpec], lines: [String], file: String, lineOffset: Int) throws(ReportError) -> [Claim] {
        var claims: [Claim] = []
        var seen: [String: SourceLocation] = [:]
        for spec in specs {
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
            do {
                condition = try ConditionParser.parse(spec.holds)
            } catch {
                throw ReportError("claim \"\(spec.id)\": \(error.message)", at: positions.location(ofCharacter: error.offset))
            }
            claims.append(Claim(spec: spec, condition: condition, positions: positions, location: location, idLocation: idLocation))
        }
        return claims
    }
}
