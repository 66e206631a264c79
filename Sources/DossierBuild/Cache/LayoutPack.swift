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
/// - Written as an addition while that is small: a build that laid out few texts anew (a prose
///   edit: one paragraph) writes only the records the pack's base does not hold into a second
///   file, `<pack>.add` (``additionPath``), named to its base by the base's payload SHA-256, and
///   leaves the base (~0.4 MB at 1×) as it is: not written, and not hashed when read again (the
///   digest memo knows its stamp). When the addition would pass ``additionLimit(base:)`` the
///   whole pack is written and the addition removed. An addition whose base is another (the
///   base rewritten since, by this or a concurrent build, or a crash between the two steps) is
///   ignored.
/// - A cache entry itself (magic, length, SHA-256 of the payload): a damaged or truncated pack
///   reads as empty, and a pack whose records do not parse or do not fit together is ignored
///   whole; either way every text is laid out by Pango and a new pack written. A damaged
///   addition is ignored alone.
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
    /// The SHA-256 (hex) and size of the base's payload, when one was read and loaded.
    private let base: (digest: String, size: Int)?

    /// The pack of `cache` for a typesetter with `fontFiles` (their SHA-256s from `digests`);
    /// nil when a font file cannot be read.
    init?(cache: BuildCache, digests: InputDigests, fontFiles: [String], verifying: Bool = false) {
        guard let fonts = Self.fontIdentity(fontFiles, digests: digests) else { return nil }
        records = LayoutRecords(fonts: fonts, verifying: verifying)
        self.cache = cache
        let path = cache.directory.path + "/pack/layouts-" + ShapingPack.nameDigest(toolIdentity: cache.toolIdentity)
        self.path = path
        guard let (payload, digest) = cache.readEntryAndDigest(at: path) else {
            base = nil
            return
        }
        let addition = cache.readEntry(at: Self.additionPath(of: path)).flatMap { Self.additionBody($0, base: digest) }
        base = records.load(payload, addition: addition) ? (digest, payload.count) : nil
    }

    /// The file of the records the base does not hold.
    var additionPath: String { Self.additionPath(of: path) }

    /// The addition's file beside the pack's file `path`.
    static func additionPath(of path: String) -> String { path + ".add" }

    /// The most bytes an addition to a base of `base` bytes may hold: an eighth of it, at
    /// least 16 KiB (a prose edit of the flagship adds ~1 KB; the base is ~0.4 MB).
    static func additionLimit(base: Int) -> Int {
        max(16 * 1024, base / 8)
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

    /// Writes the pack when the build laid out some text anew: the addition when there is a
    /// base and the addition stays under ``additionLimit(base:)``, else the whole pack (and the
    /// addition is removed). Errors are ignored.
    func save() {
        if let base, let added = records.savedAddition(), added.count <= Self.additionLimit(base: base.size) {
            cache.write(Self.addition(added, base: base.digest), at: additionPath, name: (additionPath as NSString).lastPathComponent)
            return
        }
        guard let bytes = records.saved(carriedLimit: Self.carriedLimit) else { return }
        cache.write(bytes, at: path, name: (path as NSString).lastPathComponent)
        unlink(additionPath)
    }

    private static let additionMagic = Array("DLA1".utf8)

    /// An addition's payload: its magic, its base's payload SHA-256 (64 hex digits), the records.
    static func addition(_ records: [UInt8], base digest: String) -> [UInt8] {
        additionMagic + Array(digest.utf8) + records
    }

    /// The records of an addition's payload when it was written for the base whose payload's
    /// SHA-256 is `digest`, else nil.
    static func additionBody(_ payload: [UInt8], base digest: String) -> [UInt8]? {
        let head = additionMagic + Array(digest.utf8)
        guard payload.count >= head.count, payload[..<head.count].elementsEqual(head) else { return nil }
        return Array(payload[head.count...])
    }
}
