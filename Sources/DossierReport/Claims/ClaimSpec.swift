import DossierBase
import Yams

/// A claim of the front matter: a conclusion the text draws (`says`), bound to a condition over
/// the computed results (`holds`) that every build checks. Prose names it with
/// `[words]{claim=id}`.
package struct ClaimSpec: Sendable, Decodable {
    /// The claim's name in prose spans and messages.
    package var id: String
    /// The condition, as written (see ``ConditionParser``).
    package var holds: String
    /// What the text asserts, in words (shown by `dossier stats` and the claims appendix).
    package var says: String
    /// Where and how the `holds` text is written in the front matter, to place errors inside it.
    package var holdsScalar: YAMLScalarSource?
    /// Where the id is written (for the warning about a claim the text never references).
    package var idScalar: YAMLScalarSource?

    package enum CodingKeys: String, CodingKey, CaseIterable { case id, holds, says }

    /// The longest id.
    package static let maximumIDLength = 64
    /// The id rule, for messages and documentation.
    package static let idPattern = "[A-Za-z][A-Za-z0-9_-]{0,63}"

    package init(from decoder: any Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, what: "a claim")
        id = try c.decode(String.self, forKey: .id)
        guard Self.isValidID(id) else {
            throw DecodingError.dataCorruptedError(forKey: .id, in: c, debugDescription:
                "a claim id is 1 to \(Self.maximumIDLength) ASCII letters, digits, \"_\" or \"-\", starting with a letter "
                + "(\(Self.idPattern)), found \(InputExcerpt.quoted(id))")
        }
        holds = try c.decodeLimitedText(forKey: .holds)
        guard !holds.trimmingSpaces.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .holds, in: c, debugDescription:
                "claim \(InputExcerpt.quoted(id)): holds is empty; write the condition the claim rests on, e.g. \"fit.slope.p < 0.05\"")
        }
        says = try c.decodeLimitedText(forKey: .says)
        let mapping = (decoder as? NodeValueDecoder)?.node.mapping
        holdsScalar = mapping?["holds"].flatMap(YAMLScalarSource.init)
        idScalar = mapping?["id"].flatMap(YAMLScalarSource.init)
    }

    /// Whether `id` follows the claim id rule (an identifier of expressions that is also a
    /// file and HTML attribute name).
    package static func isValidID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard let first = bytes.first, bytes.count <= maximumIDLength,
              (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first | 0x20) else { return false }
        return bytes.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }
}

/// Where a YAML scalar is written: its start (1-based line of the YAML text and column) and its
/// style, enough to find the file position of each of its characters (``YAMLScalarPositions``).
package struct YAMLScalarSource: Sendable, Equatable {
    package enum Style: Sendable, Equatable { case plain, singleQuoted, doubleQuoted, literal, folded }
    package var line: Int
    package var column: Int
    package var style: Style

    package init(line: Int, column: Int, style: Style) {
        self.line = line
        self.column = column
        self.style = style
    }

    /// The source of a scalar node; nil for other nodes or without a position.
    package init?(_ node: Node) {
        guard case let .scalar(scalar) = node, let mark = scalar.mark else { return nil }
        line = mark.line
        column = mark.column
        switch scalar.style {
        case .singleQuoted: style = .singleQuoted
        case .doubleQuoted: style = .doubleQuoted
        case .literal: style = .literal
        case .folded: style = .folded
        default: style = .plain
        }
    }
}
