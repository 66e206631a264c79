import DossierBase

/// How many times a key occurs.
public struct KeyCount: Sendable, Equatable, Codable {
    /// The key.
    public let key: String
    /// Number of occurrences.
    public let count: Int
}

/// The summary of one group's values.
public struct GroupSummary: Sendable, Equatable, Codable {
    /// The group key.
    public let key: String
    /// Summary of the group's non-missing values (its `n` excludes missing ones).
    public let summary: Summary
    /// Number of missing values in the group.
    public let missing: Int
}

/// Distinct keys in order of first appearance (or in `order`, when given: listed keys first,
/// in that order, then any others by first appearance).
func orderedKeys(_ keys: [String], order: [String]?) -> [String] {
    var seen = Set<String>()
    var result: [String] = []
    for k in (order ?? []) + keys where !seen.contains(k) {
        seen.insert(k)
        result.append(k)
    }
    return result
}

/// Counts each non-missing key. Keys appear in order of first appearance, or in `order`.
/// Keys listed in `order` but absent get a zero count.
public func countKeys(_ keys: [String?], order: [String]? = nil) -> [KeyCount] {
    let groups = KeyGroups(keys)
    return orderedKeys(groups.keys, order: order).map { KeyCount(key: $0, count: groups.count(of: $0)) }
}

/// Summarizes `values` per key (rows whose key is missing are dropped).
/// Throws `allMissingGroup` when a group has keys but no non-missing values, and
/// `lengthMismatch` when the arrays differ in length.
public func groupSummaries(_ values: [Double?], by keys: [String?], order: [String]? = nil) throws -> [GroupSummary] {
    guard values.count == keys.count else {
        throw StatsError.lengthMismatch(what: "group-by", first: values.count, second: keys.count)
    }
    let groups = KeyGroups(keys)
    guard !groups.keys.isEmpty else { throw StatsError.emptyInput(what: "group-by") }
    var result: [GroupSummary] = []
    for key in orderedKeys(groups.keys, order: order) {
        guard let members = groups.positions[key]?.map({ values[$0] }) else { continue }
        let present = members.compactMap { $0 }
        guard !present.isEmpty else { throw StatsError.allMissingGroup(key: key) }
        result.append(GroupSummary(key: key, summary: try summarize(present), missing: members.count - present.count))
    }
    return result
}
