import Yams

/// A coding path as a linked list, built once per container rather than copied into an array
/// for every value: only an error (or a spec asking for its path) turns it into keys.
package final class NodeCodingPath {
    /// The path of the enclosing container.
    package let parent: NodeCodingPath?
    /// The last key.
    package let key: any CodingKey

    /// The path `parent` followed by `key`.
    package init(parent: NodeCodingPath?, key: any CodingKey) {
        self.parent = parent
        self.key = key
    }

    /// The keys of `path`, outermost first.
    package static func keys(of path: NodeCodingPath?) -> [any CodingKey] {
        var keys: [any CodingKey] = []
        var node = path
        while let current = node {
            keys.append(current.key)
            node = current.parent
        }
        keys.reverse()
        return keys
    }
}

/// The key of a sequence element, spelled as Yams spells it (`"Index 3"`, int value 3).
package struct NodeIndexKey: CodingKey {
    /// The element's position.
    package let index: Int

    package var stringValue: String { "Index \(index)" }
    package var intValue: Int? { index }

    /// The key of the element at `index`.
    package init(index: Int) {
        self.index = index
    }

    package init?(stringValue: String) { nil }

    package init?(intValue: Int) { self.init(index: intValue) }
}

/// State shared by every decoder and container of one document.
package final class NodeDecodingContext {
    /// The document's root node: an analysis that refers to another one (a `sensitivity`'s
    /// base) reads it from here.
    package let root: Node?

    /// Whether the document was composed with no tag rules, so that a plain scalar's tag is
    /// read from its text (see ``YAMLTextTags``).
    package let textTags: Bool

    /// Whether a mapping may have a merge key: false for a document composed with no tag rules
    /// whose text has no `<<` (there a merge key is a plain `<<`, written as such), so that
    /// no mapping's keys need to be looked at for one.
    package let mergeKeysPossible: Bool

    /// The context of the document whose root is `root` (`textTags`, `mergeKeysPossible`:
    /// as ``YAMLTextTags/compose(_:)`` found them).
    package init(root: Node? = nil, textTags: Bool = false, mergeKeysPossible: Bool = true) {
        self.root = root
        self.textTags = textTags
        self.mergeKeysPossible = mergeKeysPossible
    }

    /// The tag Yams gives a key looked up by name, by name (see ``impliedTag(of:in:)``).
    private var impliedTags: [String: Tag.Name] = [:]

    /// The root's analysis mappings by id, once ``SensitivityVariants/analyses(in:)`` has
    /// read them.
    var analysisMappings: [(id: String, mapping: Node.Mapping)]?

    /// The tag of the node Yams builds to look `name` up in a mapping tagged `mappingTag`
    /// (`Node(name, mappingTag.copy(with: .implicit))`, resolved): a key matches only if its
    /// own resolved tag is the same, so a quoted `"yes":` is not the key `yes`. Resolving runs
    /// the resolver's regular expressions, hence the cache; all the mappings of a composed
    /// document share its parser's resolver.
    package func impliedTag(of name: String, in mappingTag: Tag) -> Tag.Name {
        if textTags { return YAMLTextTags.implicitTag(of: name) }
        if let tag = impliedTags[name] { return tag }
        let tag = Tag.Name(rawValue: Node(name, mappingTag.copy(with: .implicit)).tag.rawValue)
        impliedTags[name] = tag
        return tag
    }
}

/// Scalar rules that Yams keeps behind APIs that allocate.
package enum NodeScalars {
    /// Whether `node` is a null, as `node.null == NSNull()` decides in Yams' decoder
    /// (`NSNull.construct(from:)`: a plain scalar `~`, `null`, `Null`, `NULL` or nothing),
    /// without creating an `NSNull` per question.
    package static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }
}

/// The `DecodingError`s of Yams' decoder, with its texts.
package enum NodeDecodingErrors {
    /// "Expected to decode `expected` but found `found` instead."
    package static func typeMismatch(_ codingPath: [any CodingKey], expected: Any.Type, found: String) -> DecodingError {
        .typeMismatch(expected, .init(codingPath: codingPath,
                                      debugDescription: "Expected to decode \(expected) but found \(found) instead."))
    }

    /// A key the mapping does not have.
    package static func keyNotFound(_ key: any CodingKey, in codingPath: [any CodingKey]) -> DecodingError {
        .keyNotFound(key, .init(codingPath: codingPath,
                                debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
    }

    /// Reading past the end of a sequence.
    package static func atEnd(_ type: Any.Type, at codingPath: [any CodingKey]) -> DecodingError {
        .valueNotFound(type, .init(codingPath: codingPath, debugDescription: "Unkeyed container is at end."))
    }

    /// A decoding feature the front matter does not use (see ``NodeDecoder``).
    package static func unsupported(_ what: String, at codingPath: [any CodingKey]) -> DecodingError {
        .dataCorrupted(.init(codingPath: codingPath,
                             debugDescription: "the front matter decoder does not support \(what); decode with Yams' YAMLDecoder instead"))
    }
}
