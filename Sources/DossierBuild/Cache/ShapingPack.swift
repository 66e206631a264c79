import CairoKit
import Foundation

/// The whole items of text earlier builds shaped, kept in one file of the cache
/// (`DIR/pack/shaping-<tool>`, see docs/build-cache.md), so that a build lays out again only
/// the text an edit changed with HarfBuzz: every other item of the document is answered with
/// the glyphs and positions HarfBuzz gave before (CairoKit's ``ShapeMemo/Store``, keyed by
/// everything HarfBuzz reads: the font file's SHA-256, size, features, script, direction,
/// language, buffer settings and the layout's whole text).
///
/// - Read once, just before the document is laid out (a build that finds its document in the
///   cache never reads it), and written once after the document is rendered, only when the
///   build shaped something new: the entries it used or added first, then earlier ones up to
///   ``carriedLimit`` bytes (an undone edit finds the older paragraph again).
/// - A cache entry itself (magic, length, SHA-256 of the payload): a damaged or truncated pack
///   reads as empty, and a pack whose entries do not parse is ignored whole; either way every
///   item is shaped by HarfBuzz and a new pack written. Concurrent builds each rename a whole
///   pack into place; the last one wins.
/// - Its name holds the tool identity and the HarfBuzz and Pango versions, so a rebuilt
///   `dossier` or another HarfBuzz never reads it; the fonts are in each entry's key by content.
struct ShapingPack {
    /// The most bytes of entries an earlier build used that a pack carries over.
    static let carriedLimit = 2 * 1024 * 1024

    let store: ShapeMemo.Store
    private let cache: BuildCache
    /// The pack's file.
    let path: String

    /// The pack of `cache` loaded into a new store that knows the content of `fontFiles`
    /// (their SHA-256s from `digests`); nil when out of memory.
    init?(cache: BuildCache, digests: InputDigests, fontFiles: [String]) {
        guard let store = ShapeMemo.Store() else { return nil }
        self.store = store
        self.cache = cache
        path = cache.directory.path + "/pack/shaping-" + Self.nameDigest(toolIdentity: cache.toolIdentity)
        for file in fontFiles {
            if let digest = digests.digest(file) { store.addFont(path: file, sha256: digest) }
        }
        if let payload = cache.readEntry(at: path) { store.load(payload) }
    }

    /// The first 16 hex digits of the SHA-256 of the tool identity and the HarfBuzz and Pango
    /// versions (what the entries' glyphs come from besides their keys).
    static func nameDigest(toolIdentity: String) -> String {
        let name = toolIdentity + "\nharfbuzz " + ShapeMemo.Store.harfBuzzVersion + "\npango " + Typesetter.pangoVersion
        return String(SHA256.hex(Array(name.utf8)).prefix(16))
    }

    /// Writes the pack when the build shaped something new. Errors are ignored.
    func save() {
        guard let bytes = store.saved(carriedLimit: Self.carriedLimit) else { return }
        cache.write(bytes, at: path, name: (path as NSString).lastPathComponent)
    }
}

extension BuildCacheSession {
    /// The shaping pack for a typesetter with `fontFiles` (``ShapingPack``).
    func shapingPack(fontFiles: [String]) -> ShapingPack? {
        ShapingPack(cache: cache, digests: digests, fontFiles: fontFiles)
    }
}
