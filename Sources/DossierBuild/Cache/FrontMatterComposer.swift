import DossierReport

/// The report's front matter composed once per text: the composed tree (``ComposedNodeBytes``)
/// is kept in the build cache as a `front matter` entry named by the front matter's text (and
/// the tool identity), so that a build whose front matter is unchanged (a prose or a data edit)
/// decodes the spec from it instead of having Yams compose the YAML again. The spec is still
/// decoded, checked and located from the tree each build, so every error is the one a build
/// without a cache reports, at the same `file:line:column`.
///
/// A text that does not compose (a syntax error), or composes to what is not kept, is composed
/// by ``YAMLTextTags/compose(_:)`` every time; an entry that does not read back (damaged,
/// truncated) is ignored whole and written again.
struct FrontMatterComposer {
    let cache: BuildCache

    /// The entry of the front matter `text` (the YAML between the fences).
    func key(_ text: String) -> CacheKey {
        var key = cache.key("front matter")
        key.add("text", bytes: Array(text.utf8))
        return key.key
    }

    /// `text` composed: from its entry when there is one, else by Yams (and stored).
    func compose(_ text: String) throws -> YAMLTextTags.Composed? {
        let key = key(text)
        if let payload = cache.read(key), let composed = try? ComposedNodeBytes.composed(from: payload) {
            return composed
        }
        guard let composed = try YAMLTextTags.compose(text) else { return nil }
        // Written before anything decodes the tree (decoding resolves tags in place).
        if let bytes = ComposedNodeBytes.bytes(of: composed) { cache.write(bytes, for: key) }
        return composed
    }
}
