import CairoKit
import Foundation

/// The laid-out text of earlier builds, kept in one file of the cache (`DIR/pack/layouts-<tool>`,
/// see docs/build-cache.md): every text layout the document makes whose text, font, width,
/// alignment, justification and line height an earlier build laid out is answered from its
/// record (CairoKit's ``LayoutRecords``: lines, line starts, size, ink box, baseline, glyph
/// runs and link rectangles) and Pango is not called for it; the PDF and page SVGs are drawn
/// from the recorded glyph runs.
///
/// - Read once, just before the document is laid out (never when the `document` entry hits),
///   and written once after the document is rendered, only when the build laid out a text
///   anew: the records it used or made first, then earlier ones up to ``carriedLimit`` bytes.
/// - A cache entry itself (magic, length, SHA-256 of the payload): a damaged or truncated pack
///   reads as empty, and a pack whose records do not parse or do not fit together is ignored
///   whole; either way every text is laid out by Pango and a new pack written.
/// - Its name holds the tool identity and the HarfBuzz and Pango versions (``ShapingPack/nameDigest(toolIdentity:)``),
///   and its payload the identity of the font files (their names and SHA-256s): records made
///   with other fonts are never read.
struct LayoutPack {
    /// The most bytes of records an earlier build used that a pack carries over.
    static let carriedLimit = 8 * 1024 * 1024

    let records: LayoutRecords
    private let cache: BuildCache
    /// The pack's file.
    let path: String

    /// The pack of `cache` for a typesetter with `fontFiles` (their SHA-256s from `digests`);
    /// nil when a font file cannot be read.
    init?(cache: BuildCache, digests: InputDigests, fontFiles: [String], verifying: Bool = false) {
        guard let fonts = Self.fontIdentity(fontFiles, digests: digests) else { return nil }
        records = LayoutRecords(fonts: fonts, verifying: verifying)
        self.cache = cache
        path = cache.directory.path + "/pack/layouts-" + ShapingPack.nameDigest(toolIdentity: cache.toolIdentity)
        if let payload = cache.readEntry(at: path) { records.load(payload) }
    }

    /// The SHA-256 of the font files' names and SHA-256s, or nil when one cannot be read.
    static func fontIdentity(_ fontFiles: [String], digests: InputDigests) -> String? {
        var lines = ""
        for file in fontFiles.sorted() {
            guard let digest = digests.digest(file) else { return nil }
            lines += (file as NSString).lastPathComponent + " " + digest + "\n"
        }
        return SHA256.hex(Array(lines.utf8))
    }

    /// Writes the pack when the build laid out some text anew. Errors are ignored.
    func save() {
        guard let bytes = records.saved(carriedLimit: Self.carriedLimit) else { return }
        cache.write(bytes, at: path, name: (path as NSString).lastPathComponent)
    }
}
