import DossierReport

/// The claims' conditions parsed once per list of `holds` texts: kept in the build cache as a
/// `claim conditions` entry named by the texts (in order) and the tool identity, so that a build
/// whose claims are unchanged (a prose or a data edit) reads the parsed conditions
/// (``ConditionBytes``) instead of parsing every text again. A condition depends on its text
/// alone; ``Claim/parse(_:lines:file:lineOffset:store:)`` stores only conditions that all parsed,
/// and still places and checks every claim itself, so every error is the one a build without a
/// cache reports. An entry that does not read back is ignored and written again.
struct ClaimConditionCache: ClaimConditionStore {
    let cache: BuildCache

    /// The entry of the conditions of `texts`.
    func key(_ texts: [String]) -> CacheKey {
        var key = cache.key("claim conditions")
        key.add("count", String(texts.count))
        for text in texts { key.add("holds", text) }
        return key.key
    }

    func conditions(of texts: [String]) -> [Condition]? {
        guard let payload = cache.read(key(texts)), let conditions = try? ConditionBytes.conditions(from: payload),
              conditions.count == texts.count else { return nil }
        return conditions
    }

    func store(_ conditions: [Condition], of texts: [String]) {
        guard let bytes = ConditionBytes.bytes(of: conditions) else { return }
        cache.write(bytes, for: key(texts))
    }
}
