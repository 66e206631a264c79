import CShapeMemo

/// The shaping memo for Pango's line breaker (the `CShapeMemo` C library): Pango 1.50 shapes
/// each item of a wrapped paragraph whole to measure it, then shapes each candidate line again
/// from the item's start, about 2.4 shapings per character of wrapped text. The memo answers
/// a line (a piece of an item the same thread shaped a moment before) from that earlier
/// shaping when HarfBuzz marked both of the piece's ends safe to break, which is HarfBuzz's
/// promise that shaping the piece alone gives the same glyphs and positions; anything else
/// goes to HarfBuzz. Every ``Typesetter`` turns it on (``enable()``); outputs are the same
/// bytes with it on or off.
package enum ShapeMemo {
    /// Off (every shaping by HarfBuzz), on, or verifying (each answer also shaped by HarfBuzz
    /// and compared; HarfBuzz's result is kept and a difference counted).
    package enum Mode: Int32, Sendable {
        case off = 0, on = 1, verify = 2
    }

    /// What the memo did in this process (all threads).
    package struct Statistics: Sendable, Equatable {
        /// Shapings seen while on or verifying, and the bytes of text they shaped.
        package var calls: Int
        package var bytes: Int
        /// Shapings answered from an earlier one, and their bytes.
        package var hits: Int
        package var hitBytes: Int
        /// Verifying: answers that differed from HarfBuzz's own.
        package var mismatches: Int
    }

    /// Turns the memo on unless a mode was chosen already (what ``Typesetter`` does).
    package static func enable() { dossier_shape_memo_enable() }

    /// The current mode.
    package static var mode: Mode {
        get { Mode(rawValue: dossier_shape_memo_mode()) ?? .off }
        set { dossier_shape_memo_set_mode(newValue.rawValue) }
    }

    /// Whether Pango's shaping calls reach the memo (the executable's `hb_shape` took
    /// precedence over HarfBuzz's); known once anything was shaped.
    package static var isInterposed: Bool { dossier_shape_memo_interposed() != 0 }

    /// Forgets every shaping remembered, on every thread: each ``Typesetter`` does when it makes
    /// and frees its font map, so that no font freed and another made at its address is taken
    /// for the one remembered.
    package static func forgetAll() { dossier_shape_memo_forget_all() }

    /// The shapings answered on the calling thread so far.
    package static var threadHits: Int { dossier_shape_memo_thread_hits() }

    /// The counters so far.
    package static var statistics: Statistics {
        let s = dossier_shape_memo_read_statistics()
        return Statistics(calls: s.calls, bytes: s.bytes, hits: s.hits, hitBytes: s.hit_bytes, mismatches: s.mismatches)
    }
}

extension ShapeMemo {
    /// Whole items of text shaped by HarfBuzz, kept across processes (the `CShapeMemo` store):
    /// a build loads the store it saved in its cache last time (``load(_:)``), uses it for the
    /// text its typesetters lay out (``Typesetter/shapeStore``), and saves it again
    /// (``saved(carriedLimit:)``). An item is answered from it only when everything HarfBuzz
    /// reads is the same: the font file's content (its SHA-256, from ``addFont(path:sha256:)``;
    /// a face of a file the store was not told of is never answered or recorded), face index,
    /// size, slant and variations, the buffer's direction, script, language, flags and special
    /// glyphs, the features, and the layout's whole text with the item's range. The glyphs
    /// are HarfBuzz's own, so outputs are the same bytes with or without a store.
    package final class Store: @unchecked Sendable {
        // Safe to share: the C store locks around every use of its entries.
        private let pointer: OpaquePointer

        /// What a store did (``statistics``).
        package struct Statistics: Sendable, Equatable {
            /// Entries read by ``load(_:)``.
            package var loaded: Int
            /// Items answered from an entry, and items looked up and not found.
            package var hits: Int
            package var misses: Int
            /// New entries: items HarfBuzz shaped while the store was in use.
            package var recorded: Int
            /// Verifying mode (``ShapeMemo/Mode/verify``): answers that differed from HarfBuzz's.
            package var mismatches: Int
        }

        /// An empty store; nil when out of memory.
        package init?() {
            guard let store = dossier_shape_store_create() else { return nil }
            pointer = store
        }

        deinit { dossier_shape_store_free(pointer) }

        /// The library whose results the entries are: a store saved with another HarfBuzz must
        /// not be loaded (the build puts this in the saved store's name).
        package static var harfBuzzVersion: String { String(cString: dossier_shape_store_harfbuzz_version()) }

        /// Tells the store the content of the font file at `path` (as the typesetter's
        /// fontconfig names it): its SHA-256 in hex. Only faces of such files are answered.
        package func addFont(path: String, sha256: String) {
            dossier_shape_store_add_font(pointer, path, sha256)
        }

        /// Adds the entries of a saved store; false, adding nothing, when `bytes` are not one.
        @discardableResult
        package func load(_ bytes: [UInt8]) -> Bool {
            bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return false }
                return dossier_shape_store_load(pointer, base, buffer.count) != 0
            }
        }

        /// The store as bytes for ``load(_:)``: the entries this process used or recorded, then
        /// others it loaded up to `carriedLimit` bytes; nil when nothing new was recorded.
        package func saved(carriedLimit: Int) -> [UInt8]? {
            var count = 0
            guard let bytes = dossier_shape_store_save(pointer, carriedLimit, &count) else { return nil }
            defer { dossier_shape_store_free_bytes(bytes) }
            return Array(UnsafeBufferPointer(start: bytes, count: count))
        }

        /// The counters so far.
        package var statistics: Statistics {
            let s = dossier_shape_store_read_statistics(pointer)
            return Statistics(loaded: s.loaded, hits: s.hits, misses: s.misses, recorded: s.recorded, mismatches: s.mismatches)
        }

        /// Runs `body` with `store` (or none) as the calling thread's store for the shaping of
        /// `text` (a Pango layout's own text: `pango_layout_get_text`), then uses none.
        /// Layouts Pango makes inside (a font's metrics, measured on a sample text in a context
        /// of other font options) have other texts and go to HarfBuzz.
        package static func using<T, E: Error>(_ store: Store?, text: UnsafePointer<CChar>?, _ body: () throws(E) -> T) throws(E) -> T {
            _ = dossier_shape_store_use(store?.pointer, text)
            defer { _ = dossier_shape_store_use(nil, nil) }
            return try withExtendedLifetime(store) { () throws(E) -> T in try body() }
        }
    }
}

// Pango's font matching, also answered by the CShapeMemo library (its one Swift door is this file).

/// Pango 1.50's font matching on the calling thread (`CShapeMemo`'s `font_match_inline.c`):
/// for each font pattern a font map sees for the first time, Pango starts two threads
/// (`[pango] FcFontSetMatch`, `[pango] FcFontSetSort`) and waits for the first at once. The
/// executable's `g_thread_new` runs their functions before returning instead: the same
/// fontconfig calls on the same inputs, without making and ending a thread for each (a prose
/// edit made 44 of them). Fonts and outputs are the same.
package enum FontMatchInline {
    /// Whether Pango's matching runs on the calling thread (the state a process starts in).
    package static var isEnabled: Bool {
        get { dossier_font_match_inline_enabled() != 0 }
        set { dossier_font_match_inline_set_enabled(newValue ? 1 : 0) }
    }

    /// The matching functions run on the calling thread in this process so far (two per new
    /// font pattern); stays 0 when Pango's calls do not reach the executable's `g_thread_new`.
    package static var inlinedCount: Int { dossier_font_match_inlined() }
}
