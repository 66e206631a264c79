import Yams

/// A mapping's pairs as Yams' decoder sees them, with an index by key text.
///
/// As in Yams: merge keys (`<<`) are flattened first (merged pairs before the mapping's own,
/// so its own keys win), a mapping with an anchor or an explicit tag gains the `yamlAnchor` /
/// `yamlTag` pseudo-keys, and a lookup finds the last pair whose key has the name and the
/// tag the name resolves to.
package final class NodeMappingTable {
    /// The mapping as composed (its pairs are not copied when it has no merge key).
    private let own: Node.Mapping
    /// With a merge key (`<<`): Yams' flattened pairs (merged ones first, then the own ones
    /// but the merge keys), which replace `own`.
    private let flattened: [(key: Node, value: Node)]?
    /// The `yamlAnchor` / `yamlTag` pseudo-pairs (they come last).
    private let pseudo: [(key: Node, value: Node)]
    /// The mapping's tag (its resolver resolves looked-up names).
    private let tag: Tag
    private let context: NodeDecodingContext
    /// The text of each pair's key (nil for a key that is not a scalar), in ``pair(at:)``'s
    /// order, read once at the first lookup: a lookup compares texts and copies only the pair
    /// it finds (copying a `Node` retains its parts and copies its weak anchor reference, and a
    /// spec object asks for each of its keys, most of them absent).
    private lazy var keyTexts: [String?] = {
        var texts: [String?] = []
        texts.reserveCapacity(count)
        for position in 0..<count {
            if case .scalar(let key) = pair(at: position).key { texts.append(key.string) } else { texts.append(nil) }
        }
        return texts
    }()
    /// The index of the last pair with each scalar key text, built at the first lookup in a
    /// large mapping (`UnknownKeys` lists the keys without a table).
    private lazy var index: [String: Int] = {
        var index: [String: Int] = [:]
        index.reserveCapacity(count)
        for (position, text) in keyTexts.enumerated() {
            if let text { index[text] = position }
        }
        return index
    }()

    /// The table of `mapping`.
    package init(_ mapping: Node.Mapping, context: NodeDecodingContext) {
        let textTags = context.textTags
        let flattened = NodeMappingTable.hasMergeKey(mapping, context: context)
            ? NodeMappingTable.flatten(mapping, textTags: textTags) : nil
        var pseudo: [(key: Node, value: Node)] = []
        if mapping.anchor != nil || mapping.tag.rawValue != Tag.Name.implicit.rawValue {
            let pairs = flattened ?? Array(mapping)
            if let anchor = mapping.anchor,
               !pairs.contains(where: { NodeMappingTable.isPseudoKey($0.key, "yamlAnchor", textTags: textTags) }) {
                pseudo.append((key: Node("yamlAnchor"), value: Node(anchor.rawValue)))
            }
            if mapping.tag.rawValue != Tag.Name.implicit.rawValue,
               !pairs.contains(where: { NodeMappingTable.isPseudoKey($0.key, "yamlTag", textTags: textTags) }) {
                pseudo.append((key: Node("yamlTag"), value: Node(mapping.tag.rawValue)))
            }
        }
        self.own = mapping
        self.flattened = flattened
        self.pseudo = pseudo
        self.tag = mapping.tag
        self.context = context
    }

    /// The number of pairs: the flattened or own ones, then the pseudo-pairs.
    private var count: Int { (flattened?.count ?? own.count) + pseudo.count }

    /// The pair at `position` in that order.
    private func pair(at position: Int) -> (key: Node, value: Node) {
        if let flattened {
            return position < flattened.count ? flattened[position] : pseudo[position - flattened.count]
        }
        return position < own.count ? own[own.startIndex + position] : pseudo[position - own.count]
    }

    /// The value of key `name`, or nil. A small mapping (most spec objects) is searched from
    /// its end without an index: the first pair found with the name is the one the index
    /// would have pointed to.
    package func value(for name: String) -> Node? {
        var position: Int
        if count <= NodeMappingTable.unindexedPairs {
            position = count - 1
        } else {
            guard let last = index[name] else { return nil }
            position = last
        }
        let texts = keyTexts
        var wanted: Tag.Name?
        while position >= 0 {
            if texts[position] == name {
                let candidate = pair(at: position)
                let tag = wanted ?? context.impliedTag(of: name, in: tag)
                wanted = tag
                if NodeMappingTable.resolvedTag(of: candidate.key, textTags: context.textTags) == tag {
                    return candidate.value
                }
            }
            position -= 1
        }
        return nil
    }

    /// Mappings with at most this many pairs are searched without an index.
    private static let unindexedPairs = 16

    /// The texts of the keys, in order, for `allKeys`: Yams' `Node.string` of each key, the
    /// pseudo-keys left out.
    package var keyNames: [String] {
        if let flattened { return NodeMappingTable.keyNames(of: flattened, textTags: context.textTags) }
        return NodeMappingTable.keyNames(of: own, textTags: context.textTags)
    }

    /// ``keyNames`` of the table of `mapping` in a document read with `context`, without
    /// building the table.
    package static func keyNames(of mapping: Node.Mapping, context: NodeDecodingContext) -> [String] {
        let textTags = context.textTags
        // Without a merge key the mapping's own pairs are read in place, not copied first.
        return hasMergeKey(mapping, context: context)
            ? keyNames(of: flatten(mapping, textTags: textTags), textTags: textTags)
            : keyNames(of: mapping, textTags: textTags)
    }

    private static func keyNames(of mapping: Node.Mapping, textTags: Bool) -> [String] {
        // A scalar key's name is its text (`String.construct(from:)`), and only a key spelt
        // `yamlAnchor` or `yamlTag` can be a pseudo-key: such keys take the general path.
        var names: [String] = []
        names.reserveCapacity(mapping.count)
        for (key, _) in mapping {
            guard case .scalar(let scalar) = key else { return keyNames(of: Array(mapping), textTags: textTags) }
            let name = scalar.string
            if name == "yamlAnchor" || name == "yamlTag" { return keyNames(of: Array(mapping), textTags: textTags) }
            names.append(name)
        }
        return names
    }

    private static func keyNames(of pairs: [(key: Node, value: Node)], textTags: Bool) -> [String] {
        pairs.compactMap { pair in
            guard !isPseudoKey(pair.key, "yamlAnchor", textTags: textTags),
                  !isPseudoKey(pair.key, "yamlTag", textTags: textTags) else { return nil }
            return String.construct(from: pair.key)
        }
    }

    /// Whether a key of `mapping` (not of the mappings it merges) is a merge key (never, in
    /// a document whose text has no `<<`: see ``NodeDecodingContext/mergeKeysPossible``).
    private static func hasMergeKey(_ mapping: Node.Mapping, context: NodeDecodingContext) -> Bool {
        guard context.mergeKeysPossible else { return false }
        let textTags = context.textTags
        return mapping.contains { resolvedTag(of: $0.key, textTags: textTags) == .merge }
    }

    /// Whether `key` equals Yams' `Node.anchorKeyNode` / `tagKeyNode` (named `name`): a
    /// scalar with that text whose tag is `str`.
    private static func isPseudoKey(_ key: Node, _ name: String, textTags: Bool) -> Bool {
        guard case .scalar(let scalar) = key, scalar.string == name else { return false }
        return resolvedTag(of: key, textTags: textTags) == .str
    }

    /// A key's resolved tag (resolved when Yams composed the mapping); Yams renames a
    /// `!!value` key's tag to `str` when it flattens the mapping. With `textTags`, a plain
    /// scalar's tag is the one its text resolves to (``YAMLTextTags/implicitTag(of:)``).
    private static func resolvedTag(of key: Node, textTags: Bool) -> Tag.Name {
        if textTags, case .scalar(let scalar) = key, scalar.style == .plain {
            return YAMLTextTags.implicitTag(of: scalar.string)
        }
        let name = Tag.Name(rawValue: key.tag.rawValue)
        return name == .value ? .str : name
    }

    /// Yams' `Node.Mapping.flatten()`: the pairs of merged mappings (`<<: mapping` or
    /// `<<: [mappings]`, the last one first), then the mapping's own pairs (`textTags`: see
    /// ``NodeDecodingContext/textTags``).
    static func flatten(_ mapping: Node.Mapping, textTags: Bool) -> [(key: Node, value: Node)] {
        var merged: [(key: Node, value: Node)] = []
        var own: [(key: Node, value: Node)] = []
        own.reserveCapacity(mapping.count)
        for position in mapping.indices {
            let pair = mapping[position]
            guard resolvedTag(of: pair.key, textTags: textTags) == .merge else {
                own.append(pair)
                continue
            }
            switch pair.value {
            case .mapping(let submapping):
                merged.append(contentsOf: flatten(submapping, textTags: textTags))
            case .sequence(let sequence):
                for case .mapping(let submapping) in sequence.reversed() {
                    merged.append(contentsOf: flatten(submapping, textTags: textTags))
                }
            default:
                break
            }
        }
        return merged.isEmpty ? own : merged + own
    }
}
