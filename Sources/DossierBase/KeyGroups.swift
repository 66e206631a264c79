/// Group-by: the distinct keys of a sequence in order of first appearance, each with the
/// positions where it occurs. The one grouping that tables (DossierData), statistics
/// (DossierStats) and analyses build on; a nil key is left out of every group.
package struct KeyGroups<Key: Hashable> {
    /// The distinct keys, in order of first appearance.
    package private(set) var keys: [Key] = []
    /// The positions (0-based) of each key, ascending.
    package private(set) var positions: [Key: [Int]] = [:]

    /// Groups `keys` by value; the position of an element is its offset in the sequence.
    package init<S: Sequence>(_ keys: S) where S.Element == Key? {
        for (position, key) in keys.enumerated() {
            guard let key else { continue }
            if positions[key] == nil { self.keys.append(key) }
            positions[key, default: []].append(position)
        }
    }

    /// Each key with its positions, in order of first appearance.
    package var groups: [(key: Key, positions: [Int])] {
        keys.map { ($0, positions[$0] ?? []) }
    }

    /// How many times `key` occurs (0 if never).
    package func count(of key: Key) -> Int {
        positions[key]?.count ?? 0
    }
}
