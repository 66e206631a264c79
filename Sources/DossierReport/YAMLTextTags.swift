import DossierBase
import Yams

/// The front matter composed without regular expressions, when that changes nothing.
///
/// ``ReportSource/frontMatterResolver`` tags a plain, untagged scalar `bool` when its text is
/// one of YAML 1.1's 18 boolean words, `merge` when it is `<<`, and `str` otherwise; it finds
/// that with an `NSRegularExpression` per scalar key while Yams composes (its duplicate-key
/// check hashes each key's tag) and per scalar value the decoder asks about, and compiling the
/// boolean pattern alone cost a millisecond of every build.
///
/// ``compose(_:)`` composes with no rules instead (every plain scalar's tag is `str`) and the
/// decoder reads a plain scalar's tag from its text with ``implicitTag(of:)``, the same
/// answer. It does so only where Yams' own tag comparisons cannot tell the difference, and
/// otherwise composes as before:
/// - a text with a `!` may hold an explicit tag (`!!bool yes`), which the text rule does not
///   know;
/// - any error (a duplicate key among them: `yes` and `"yes"` are two keys for the resolver,
///   one for no rules) is left to the resolver's compose, so errors stay what they were;
/// - a quoted key whose text is a boolean word or `<<` would be found by a Yams lookup by
///   name (`mapping["yes"]`), which the resolver's tags keep apart.
/// Composes a YAML text as ``YAMLTextTags/compose(_:)`` does (nil for an empty document, the
/// same errors): that function, or one that answers from a cache of its earlier answers.
package typealias YAMLComposer = (String) throws -> YAMLTextTags.Composed?

package enum YAMLTextTags {
    /// A composed document, and whether its plain scalars' tags are read from their text.
    package struct Composed {
        /// The root node.
        package let node: Node
        /// Whether the decoder reads tags with ``YAMLTextTags/implicitTag(of:)`` (composed with
        /// no rules) rather than from the nodes (composed with the resolver).
        package let textTags: Bool
        /// Whether a mapping may have a merge key: with text tags, only if the text has `<<`
        /// (a plain scalar's text is written as it is: no escapes, and folding puts a space
        /// between lines).
        package let mergeKeysPossible: Bool

        /// A composed document (`textTags` as ``YAMLTextTags/compose(_:)`` found it).
        package init(node: Node, textTags: Bool, mergeKeysPossible: Bool) {
            self.node = node
            self.textTags = textTags
            self.mergeKeysPossible = mergeKeysPossible
        }
    }

    /// `text` composed as `Yams.compose(yaml: text, ReportSource.frontMatterResolver)` would
    /// compose it (nil for an empty document, the same errors), with no regular expressions
    /// where the document allows. A document composed with no rules has also been checked
    /// against ``YAMLExpansionBudget`` (the same count, in the same walk); one over the budget
    /// is composed with the resolver, for the caller to refuse.
    package static func compose(_ text: String) throws -> Composed? {
        guard !UTF8Search.contains(UInt8(ascii: "!"), in: text) else { return try composeWithResolver(text) }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text, Resolver.basic)
        } catch {
            return try composeWithResolver(text)
        }
        guard let node else { return try composeWithResolver(text) }
        guard textTagsAreSafe(in: node) else { return try composeWithResolver(text) }
        let hasMergeText = UTF8Search.contains(Array("<<".utf8), in: text)
        return Composed(node: node, textTags: true, mergeKeysPossible: hasMergeText)
    }

    /// The tag ``ReportSource/frontMatterResolver`` resolves for a plain, untagged scalar (or a
    /// looked-up key name) with this text: its `bool` and `merge` patterns, `^…$` with no
    /// options (a plain scalar never ends with a line break, the only text `$` also matches
    /// before).
    package static func implicitTag(of text: String) -> Tag.Name {
        // Nearly every text is neither: 2 to 5 bytes starting with one of `<yYnNtTfFoO` first.
        let utf8 = text.utf8
        guard utf8.count >= 2, utf8.count <= 5, let first = utf8.first,
              first == UInt8(ascii: "<") || possibleBooleanFirstBytes.contains(first | 0x20) else { return .str }
        switch text {
        case "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
             "on", "On", "ON", "off", "Off", "OFF":
            return .bool
        case "<<":
            return .merge
        default:
            return .str
        }
    }

    /// The first letters of the boolean words, in lower case (`| 0x20` lowers ASCII letters).
    private static let possibleBooleanFirstBytes: [UInt8] = Array("ynotf".utf8)

    /// Yams' `Bool.construct(from:)` for a scalar of a document composed with no rules, as it
    /// answers for the same scalar composed with the resolver. Yams reads the scalar's tag as
    /// it stands: still implicit (a value nothing has resolved: any case of the six words
    /// counts, `tRuE` too) or resolved in place (a key, or a value sharing a key's node through
    /// an anchor), where no rules left `str` and the resolver would have left the tag its text
    /// resolves to.
    package static func bool(from scalar: Node.Scalar) -> Bool? {
        if scalar.tag.rawValue == Tag.Name.str.rawValue,
           scalar.style != .plain || implicitTag(of: scalar.string) == .str {
            return nil
        }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    private static func composeWithResolver(_ text: String) throws -> Composed? {
        try Yams.compose(yaml: text, ReportSource.frontMatterResolver).map { Composed(node: $0, textTags: false, mergeKeysPossible: true) }
    }

    /// Whether `root` stays within ``YAMLExpansionBudget`` (counted as it counts) and no
    /// mapping in it has a key that is not plain and whose text is a boolean word or `<<`.
    private static func textTagsAreSafe(in root: Node) -> Bool {
        var remaining = YAMLExpansionBudget.limit
        var pending: [Node] = [root]
        while let next = pending.popLast() {
            remaining -= 1
            if remaining < 0 { return false }
            switch next {
            case .scalar, .alias:
                continue
            case let .sequence(sequence):
                pending.append(contentsOf: sequence)
            case let .mapping(mapping):
                for (key, value) in mapping {
                    switch key {
                    case .scalar(let scalar):
                        if scalar.style != .plain, implicitTag(of: scalar.string) != .str { return false }
                        // Counted here rather than pushed and popped: the same count.
                        remaining -= 1
                        if remaining < 0 { return false }
                    case .alias:
                        remaining -= 1
                        if remaining < 0 { return false }
                    case .mapping, .sequence:
                        pending.append(key)
                    }
                    pending.append(value)
                }
            }
        }
        return true
    }
}
