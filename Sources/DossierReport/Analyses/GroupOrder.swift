/// Orders group keys: the preferred order first, then by descending count, then by name.
func sortGroupKeys(_ keys: [[String]], preferred: [String]?, count: ([String]) -> Int) -> [[String]] {
    let rank = Dictionary((preferred ?? []).enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    return keys.sorted { a, b in
        let ra = a.first.flatMap { rank[$0] } ?? Int.max
        let rb = b.first.flatMap { rank[$0] } ?? Int.max
        if ra != rb { return ra < rb }
        if preferred == nil, count(a) != count(b) { return count(a) > count(b) }
        return a.joined(separator: "\u{1}") < b.joined(separator: "\u{1}")
    }
}
