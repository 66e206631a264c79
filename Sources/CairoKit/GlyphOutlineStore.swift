import Foundation

/// Glyph outlines as SVG path data that an earlier process formatted, by font name (a font's
/// Pango description with its pixel size, ``GlyphOutlines/name(serial:)``) and glyph id: the
/// page SVGs a build writes from glyph runs (``GlyphOutlineSet``) take a glyph's definition from
/// here instead of outlining it with Cairo and formatting it again. A glyph's path data depends
/// only on the font file, the font's name and the glyph (and the tool's Cairo and Pango): the
/// store's keeper (DossierBuild's glyph outline pack) keys it by the tool identity and the
/// font files' contents. It notes which outlines were used and which were made anew, so that
/// the keeper writes it back only when something was added.
public final class GlyphOutlineStore: @unchecked Sendable {
    /// One glyph's outline.
    public struct Outline: Sendable, Equatable {
        /// The font's name (``GlyphOutlines/name(serial:)``).
        public let font: String
        public let glyph: UInt32
        /// The SVG path data (empty for a blank glyph).
        public let path: [UInt8]

        public init(font: String, glyph: UInt32, path: [UInt8]) {
            self.font = font
            self.glyph = glyph
            self.path = path
        }
    }

    private struct Key: Hashable {
        let font: String
        let glyph: UInt32
    }

    private let lock = NSLock()
    /// The outlines held, by font and glyph: slices of the bytes they were read from, copied
    /// only when used (a page uses a few hundred of a document's outlines).
    private let kept: [Key: ArraySlice<UInt8>]
    /// The outlines in the order they were given (written back in that order after the new).
    private let order: [Key]
    private var used = Set<Key>()
    private var made: [Outline] = []

    /// A store holding `outlines` (a later one of the same font and glyph is ignored).
    public convenience init(_ outlines: [Outline] = []) {
        self.init(slices: outlines.map { ($0.font, $0.glyph, $0.path[...]) })
    }

    /// A store holding outlines whose path data are slices of bytes read (not copied until
    /// used); a later one of the same font and glyph is ignored.
    public init(slices: [(font: String, glyph: UInt32, path: ArraySlice<UInt8>)]) {
        var kept: [Key: ArraySlice<UInt8>] = [:]
        kept.reserveCapacity(slices.count)
        var order: [Key] = []
        order.reserveCapacity(slices.count)
        for outline in slices {
            let key = Key(font: outline.font, glyph: outline.glyph)
            guard kept[key] == nil else { continue }
            kept[key] = outline.path
            order.append(key)
        }
        self.kept = kept
        self.order = order
    }

    /// The kept outline of `glyph` in the font named `font`, noted as used; nil when not kept.
    func outline(font: String, glyph: UInt32) -> [UInt8]? {
        let key = Key(font: font, glyph: glyph)
        guard let path = kept[key] else { return nil }
        lock.withLock { _ = used.insert(key) }
        return Array(path)
    }

    /// Notes an outline formatted by this process that the store did not hold.
    func add(_ outline: Outline) {
        lock.withLock { made.append(outline) }
    }

    /// How many outlines the store was given, how many of them were used, and how many were made.
    public var statistics: (kept: Int, used: Int, made: Int) {
        lock.withLock { (kept.count, used.count, made.count) }
    }

    /// What to keep for the next build, when this one made an outline: the ones made, then the
    /// ones used, then the others, up to `limit` bytes of path data (those made and used are
    /// always kept); nil when nothing was made (the kept outlines are current).
    public func outlinesToKeep(limit: Int) -> [Outline]? {
        lock.withLock {
            guard !made.isEmpty else { return nil }
            var result = made
            var bytes = made.reduce(0) { $0 + $1.path.count }
            for key in order where used.contains(key) {
                let path = Array(kept[key] ?? [])
                result.append(Outline(font: key.font, glyph: key.glyph, path: path))
                bytes += path.count
            }
            for key in order where !used.contains(key) {
                let path = Array(kept[key] ?? [])
                guard bytes + path.count <= limit else { continue }
                result.append(Outline(font: key.font, glyph: key.glyph, path: path))
                bytes += path.count
            }
            return result
        }
    }
}
