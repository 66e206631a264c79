/// Orders group keys: the preferred order first (matched against the first label of a key), then
/// by descending count, then by the labels. `labels` gives a key's fields as written.
func sortGroupKeys<Key>(_ keys: [Key], labels: (Key) -> [String], preferred: [String]?, count: (Key) -> Int) -> [Key] {
    let rank = Dictionary((preferred ?? []).enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    let labelled = keys.map { (key: $0, labels: labels($0), count: count($0)) }
    return labelled.sorted { a, b in
        let ra = a.labels.first.flatMap { rank[$0] } ?? Int.max
        let rb = b.labels.first.flatMap { rank[$0] } ?? Int.max
        if ra != rb { return ra < rb }
        if preferred == nil, a.count != b.count { return a.count > b.count }
        return a.labels.joined(separator: "\u{1}") < b.labels.joined(separator: "\u{1}")
    }.map(\.key)
}
