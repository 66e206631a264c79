import Yams

/// Bounds the size of the front matter once its aliases are followed.
///
/// YAML aliases (`*name`) share a node instead of copying it, so a few lines can stand for 10⁹
/// values ("billion laughs"). Every later walk over the front matter (the `{{ }}` check, the
/// decoder) sees the expanded tree, so the tree is counted first, stopping as soon as the count
/// passes ``limit``: the count costs at most `limit` steps whatever the input.
enum YAMLExpansionBudget {
    /// The most nodes (mappings, sequences, scalars, with every alias expanded) a front matter
    /// may have. Both committed reports have under 5,000.
    static let limit = 1_000_000

    /// Whether `node`, with its aliases expanded, has more than ``limit`` nodes.
    static func exceedsLimit(_ node: Node) -> Bool {
        var remaining = limit
        var pending: [Node] = [node]
        while let next = pending.popLast() {
            remaining -= 1
            if remaining < 0 { return true }
            switch next {
            case .scalar, .alias: continue
            case let .sequence(sequence): pending.append(contentsOf: sequence)
            case let .mapping(mapping):
                for (key, value) in mapping {
                    pending.append(key)
                    pending.append(value)
                }
            }
        }
        return false
    }
}
