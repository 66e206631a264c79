@testable import DossierReport
import Foundation
import Yams

/// Decodes the same YAML with Yams' `YAMLDecoder` and with ``NodeDecoder`` and describes
/// each outcome as text, value or error, so that a test can ask for them to be equal.
enum NodeDecoderComparison {
    /// The two outcomes of decoding `type` from `yaml` (composed as the front matter is).
    /// Each decoder gets its own composed tree: Yams resolves tags in place as it compares keys.
    /// `fast` is ``NodeDecoder``'s outcome on the resolver's tree and, when they differ, also
    /// its outcome on the tree ``YAMLTextTags`` composes (the path the front matter takes).
    static func outcomes<T: Decodable>(_ type: T.Type, _ yaml: String) throws -> (yams: String, fast: String)? {
        guard let yamsRoot = try Yams.compose(yaml: yaml, ReportSource.frontMatterResolver),
              let fastRoot = try Yams.compose(yaml: yaml, ReportSource.frontMatterResolver) else { return nil }
        let yams = outcome(root: yamsRoot) { try YAMLDecoder().decode(T.self, from: yamsRoot) }
        let fast = outcome(root: fastRoot) { try NodeDecoder.decode(T.self, from: fastRoot) }
        guard let composed = try YAMLTextTags.compose(yaml) else {
            return (yams, fast + " | text tags: empty")
        }
        let textTags = outcome(root: composed.node) {
            try NodeDecoder.decode(T.self, from: composed.node, textTags: composed.textTags,
                                   mergeKeysPossible: composed.mergeKeysPossible)
        }
        return (yams, textTags == fast ? fast : fast + " | text tags: " + textTags)
    }

    /// A value's stable dump, or everything an error says: its case, type, key, coding path,
    /// text, and the front matter message `ReportSource` makes of it.
    private static func outcome<T>(root: Node, _ decode: () throws -> T) -> String {
        do {
            return "value " + stableDump(try decode())
        } catch let error as DecodingError {
            let (kind, context): (String, DecodingError.Context)
            switch error {
            case let .typeMismatch(type, c): (kind, context) = ("typeMismatch(\(type))", c)
            case let .valueNotFound(type, c): (kind, context) = ("valueNotFound(\(type))", c)
            case let .keyNotFound(key, c): (kind, context) = ("keyNotFound(\(key.stringValue), \(String(describing: key.intValue)))", c)
            case let .dataCorrupted(c): (kind, context) = ("dataCorrupted", c)
            @unknown default: return "unknown \(error)"
            }
            let path = context.codingPath.map { "\($0.stringValue)#\(String(describing: $0.intValue))" }
            let message = ReportSource.decodingError(error, root: root, path: "r.md", lineOffset: 1).description
            return "error \(kind) at \(path): \(context.debugDescription) | \(message)"
        } catch {
            return "error \(error)"
        }
    }

    /// A dump that does not depend on a dictionary's iteration order (Swift seeds each
    /// dictionary's hashing differently): entries are sorted; every value carries its type.
    static func stableDump(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.map { "some(" + stableDump($0.value) + ")" } ?? "nil"
        case .dictionary, .set:
            let entries = mirror.children.map { entry -> String in
                let parts = Mirror(reflecting: entry.value).children.map { stableDump($0.value) }
                return parts.isEmpty ? stableDump(entry.value) : parts.joined(separator: ": ")
            }
            return "\(type(of: value))[" + entries.sorted().joined(separator: ", ") + "]"
        case .collection:
            return "\(type(of: value))[" + mirror.children.map { stableDump($0.value) }.joined(separator: ", ") + "]"
        case .struct, .class, .enum, .tuple:
            guard !mirror.children.isEmpty else { return "\(type(of: value)).\(value)" }
            let fields = mirror.children.map { "\($0.label ?? "_"): " + stableDump($0.value) }
            return "\(type(of: value))(" + fields.joined(separator: ", ") + ")"
        default:
            return "\(type(of: value)) " + String(reflecting: value)
        }
    }
}
