import CairoKit

/// The glyph outlines (SVG path data) of the page SVGs earlier builds wrote, kept in one entry
/// of the cache (`glyph outlines`, see docs/build-cache.md): a prose edit writes the one or two
/// pages it changed, and their glyphs' definitions are taken from here (CairoKit's
/// ``GlyphOutlineStore``) instead of being outlined by Cairo and formatted again.
///
/// - The entry's key holds the tool identity (Cairo, Pango) and the font files' contents (the
///   page entries' `fonts`); each outline is keyed by its font's name (Pango description with
///   its pixel size) and glyph id: the same inputs as the page SVGs' own entries, which keep
///   the outlines' bytes already.
/// - Read only when a page SVG is written from glyph runs (no cache, or every page held or
///   read from its blob: never), written only when a page needed an outline it did not hold:
///   the outlines made, those used, then the others up to ``limit`` bytes.
/// - A cache entry (SHA-256 of the payload): a damaged entry, or one that does not parse,
///   holds nothing, and every outline is made again.
struct GlyphOutlinePack {
    /// The most bytes of path data kept (those made and used by the build that writes it are
    /// always kept).
    static let limit = 4 * 1024 * 1024

    let store: GlyphOutlineStore
    private let cache: BuildCache
    private let key: CacheKey

    /// The pack of `cache` for the fonts whose contents' key is `fonts` (``CachedPages/fonts``).
    init(cache: BuildCache, fonts: String) {
        self.cache = cache
        key = Self.key(in: cache, fonts: fonts)
        store = GlyphOutlineStore(slices: cache.read(key).flatMap(Self.slices(of:)) ?? [])
    }

    /// The entry's key: the tool identity and the font files' contents.
    static func key(in cache: BuildCache, fonts: String) -> CacheKey {
        var key = cache.key("glyph outlines")
        key.add("fonts", fonts)
        return key.key
    }

    /// The outlines of a payload, or nil when it does not parse whole.
    static func outlines(from payload: [UInt8]) -> [GlyphOutlineStore.Outline]? {
        slices(of: payload)?.map { GlyphOutlineStore.Outline(font: $0.font, glyph: $0.glyph, path: Array($0.path)) }
    }

    /// The outlines of a payload with their path data as slices of it, or nil when it does not
    /// parse whole.
    static func slices(of payload: [UInt8]) -> [(font: String, glyph: UInt32, path: ArraySlice<UInt8>)]? {
        var reader = CacheByteReader(payload)
        do {
            let fonts = try reader.strings()
            let count = try reader.count()
            var outlines: [(font: String, glyph: UInt32, path: ArraySlice<UInt8>)] = []
            outlines.reserveCapacity(count)
            for _ in 0..<count {
                let font = try reader.count()
                let glyph = try reader.unsigned()
                guard fonts.indices.contains(font), glyph <= UInt64(UInt32.max) else { return nil }
                outlines.append((fonts[font], UInt32(glyph), try reader.dataSlice()))
            }
            guard reader.atEnd else { return nil }
            return outlines
        } catch {
            return nil
        }
    }

    /// The payload of `outlines`: the fonts' names once, then each outline's font (by
    /// position), glyph and path data.
    static func payload(_ outlines: [GlyphOutlineStore.Outline]) -> [UInt8] {
        var fonts: [String] = []
        var positions: [String: Int] = [:]
        for outline in outlines where positions[outline.font] == nil {
            positions[outline.font] = fonts.count
            fonts.append(outline.font)
        }
        var writer = CacheByteWriter()
        writer.strings(fonts)
        writer.integer(outlines.count)
        for outline in outlines {
            writer.integer(positions[outline.font] ?? 0)
            writer.unsigned(UInt64(outline.glyph))
            writer.data(outline.path)
        }
        return writer.bytes
    }

    /// Writes the pack when the build formatted an outline it did not hold. Errors are ignored.
    func save() {
        guard let outlines = store.outlinesToKeep(limit: Self.limit) else { return }
        cache.write(Self.payload(outlines), for: key)
    }
}
