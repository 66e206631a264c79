import Yams

/// A mapping's pairs as Yams' decoder sees them, with an index by key text.
///
/// As in Yams: merge keys (`<<`) are flattened first (merged pairs before the mapping's own,
/// so its own keys win), a mapping with an anchor or an explicit tag gains the `yamlAnchor` /
/// `yamlTag` pseudo-keys, and a lookup finds the last pair whose key has the name and the
/// tag the name resolves to.
package final class NodeMappingTable {
    /// The flattened pairs, in document order.
    package let pairs: [(key: Node, value: Node)]
    /// The mapping's tag (its resolver resolves looked-up names).
    private let tag: Tag
    private let context: NodeDecodingContext
    /// The index of the last pair with each scalar key text, built at the first lookup
    /// (`UnknownKeys` opens a container only for its `allKeys`).
    private lazy var index: [String: Int] = {
        var index: [String: Int] = [:]
        index.reserveCapacity(pairs.count)
        for (position, pair) in pairs.enumerated() {
            if case .scalar(let key) = pair.key { index[key.string] = position }
        }
        return index
    }()

    /// The table of `mapping`.
    package init(_ mapping: Node.Mapping, context: NodeDecodingContext) {
        var pairs = NodeMappingTable.flatten(mapping)
        if let anchor = mapping.anchor,
           !pairs.contains(where: { NodeMappingTable.isPseudoKey($0.key, "yamlAnchor") }) {
            pairs.append((key: Node("yamlAnchor"), value: Node(anchor.rawValue)))
        }
        if mapping.tag.rawValue != Tag.Name.implicit.rawValue,
           !pairs.contains(where: { NodeMappingTable.isPseudoKey($0.key, "yamlTag") }) {
            pairs.append((key: Node("yamlTag"), value: Node(mapping.tag.rawValue)))
        }
        self.pairs = pairs
        self.tag = mapping.tag
        self.context = context
    }

    /// The value of key `name`, or nil.
    package func value(for name: String) -> Node? {
        guard let last = index[name] else { return nil }
        let wanted = context.impliedTag(of: name, in: tag)
        var position = last
        while position >= 0 {
            if case .scalar(let key) = pairs[position].key, key.string == name,
               NodeMappingTable.resolvedTag(of: pairs[position].key) == wanted {
                return pairs[position].value
            }
            position -= 1
        }
        return nil
    }

    /// The texts of the keys, in order, for `allKeys`: Yams' `Node.string` of each key, the
    /// pseudo-keys left out.
    package var keyNames: [String] {
        pairs.compactMap { pair in
            guard !isPseudoKey(pair.key, "yamlAnchor"), !isPseudoKey(pair.key, "yamlTag") else { return nil }
            return String.construct(from: pair.key)
        }
    }

    /// Whether `key` equals Yams' `Node.anchorKeyNode` / `tagKeyNode` (named `name`): a
    /// scalar with that text whose tag is `str`.
    private func isPseudoKey(_ key: Node, _ name: String) -> Bool {
        NodeMappingTable.isPseudoKey(key, name)
    }

    private static func isPseudoKey(_ key: Node, _ name: String) -> Bool {
        guard case .scalar(let scalar) = key, scalar.string == name else { return false }
        return resolvedTag(of: key) == .str
    }

    /// A key's resolved tag (resolved when Yams composed the mapping); Yams renames a
    /// `!!value` key's tag to `str` when it flattens the mapping.
    private static func resolvedTag(of key: Node) -> Tag.Name {
        let name = Tag.Name(rawValue: key.tag.rawValue)
        return name == .value ? .str : name
    }

    /// Yams' `Node.Mapping.flatten()`: the pairs of merged mappings (`<<: mapping` or
    /// `<<: [mappings]`, the last one first), then the mapping's own pairs.
    static func flatten(_ mapping: Node.Mapping) -> [(key: Node, value: Node)] {
        var merged: [(key: Node, value: Node)] = []
        var own: [(key: Node, value: Node)] = []
        own.reserveCapacity(mapping.count)
        for position in mapping.indices {
            let pair = mapping[position]
            guard resolvedTag(of: pair.key) == .merge else {
                own.append(pair)
                continue
            }
            switch pair.value {
            case .mapping(let submapping):
                merged.append(contentsOf: flatten(submapping))
            case .sequence(let sequence):
                for case .mapping(let submapping) in sequence.reversed() {
                    merged.append(contentsOf: flatten(submapping))
                }
            default:
                break
            }
        }
        return merged.isEmpty ? own : merged + own
    }
}
